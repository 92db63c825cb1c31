//! Every panic a mocked call raises points at the call in the code under
//! test, not into autospec: an unconfigured call of a strict or sealed
//! mock, an answer that panics (`panics`, a `when` rule, a sequence),
//! used-up one-shot answers, and the same for async, generic, borrowing
//! and class methods. The call path is `#[track_caller]` from the mocked
//! method down to the panic. The last tests pin where the location cannot
//! be carried (a `dyn` call, the closures of `as_fn` and `mock_fn!`, a
//! patched function), as the guide says.
#![allow(missing_docs, async_fn_in_trait, clippy::new_without_default)]

mod support;

use autospec::prelude::*;
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;
use support::block_on;

pub struct Handle;

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn handle(&self) -> Handle;
    fn name(&self) -> &str;
    fn label(&self) -> &'static str;
    fn slot(&mut self) -> &mut u32;
    fn fetch(&self, key: &str) -> impl std::future::Future<Output = u32> + Send;
    async fn load(&self) -> u32;
    fn parse<T: std::str::FromStr + 'static>(&self, text: &str) -> T;
    fn cow<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str>;
}

/// The line of `#[autospec]` on `Counter`, `Handler` and `clock::now`.
const COUNTER_AT: u32 = line!() + 1;
#[autospec]
pub trait Counter {
    fn next(&self) -> u32;
}

const HANDLER_AT: u32 = line!() + 1;
#[autospec]
pub trait Handler {
    fn call(&self, event: u32) -> bool;
}

#[autospec(magic(Index<usize, Output = String>, Add<i64, Output = i64>, AddAssign<i64>, Neg, Iterator<Item = u8>, PartialEq))]
pub trait Lines {}

pub struct Client;

#[autospec]
impl Client {
    pub fn new() -> Self {
        Client
    }

    pub fn port() -> u16 {
        1
    }
}

const NOW_AT: u32 = line!() + 2;
mod clock {
    #[autospec::autospec]
    pub fn now() -> u64 {
        1_000
    }
}

thread_local! {
    /// Whether this thread is probing a panic, and where the last one was.
    static PROBING: Cell<bool> = const { Cell::new(false) };
    static SEEN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The line (`file:line`) where the panic of `f` was raised. Tests run in
/// parallel: one hook, installed once, keeps each probing thread's
/// location to itself and prints the panics of every other thread.
fn panic_line(f: impl FnOnce()) -> String {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if PROBING.with(Cell::get) {
                let at = info
                    .location()
                    .map(|at| format!("{}:{}", at.file(), at.line()))
                    .unwrap_or_default();
                SEEN.with(|seen| *seen.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
    PROBING.with(|probing| probing.set(true));
    let outcome = catch_unwind(AssertUnwindSafe(f));
    PROBING.with(|probing| probing.set(false));
    assert!(outcome.is_err(), "expected a panic");
    SEEN.with(RefCell::take)
}

/// Drops a value, whatever it is (a reference or a `Copy` value too).
fn ignore<T>(_: T) {}

/// Asserts that evaluating `$call` panics, and at this line.
macro_rules! panics_here {
    ($call:expr) => {{
        let here = format!("{}:{}", file!(), line!());
        assert_eq!(panic_line(|| ignore($call)), here, "{}", stringify!($call));
    }};
}

#[test]
fn an_unconfigured_call_of_a_strict_or_sealed_mock_points_at_the_call() {
    let strict = MockStore::strict();
    panics_here!(strict.get("k"));
    panics_here!(strict.name());
    panics_here!(strict.label());
    panics_here!(strict.cow("k"));
    let mut strict_mut = MockStore::strict();
    panics_here!(*strict_mut.slot());
    let sealed = MockStore::default();
    sealed.seal();
    panics_here!(sealed.get("k"));
    let lenient = MockStore::default();
    panics_here!(lenient.handle()); // no `Default` to answer with
}

#[test]
fn an_answer_that_panics_points_at_the_call() {
    let store = MockStore::default();
    store.get.panics("standing");
    panics_here!(store.get("k"));
    store.get.reset_answers();
    store.get.when(("k",)).panics("rule");
    panics_here!(store.get("k"));
    store.get.reset_answers();
    store.get.sequence().panics("one-shot").then_default();
    panics_here!(store.get("k"));
}

#[test]
fn used_up_one_shot_answers_point_at_the_call() {
    let counter = MockCounter::default();
    counter.next.returns_once(1);
    assert_eq!(counter.next(), 1);
    panics_here!(counter.next());
    counter.next.when(()).returns_once(2);
    assert_eq!(counter.next(), 2);
    panics_here!(counter.next());
}

#[test]
fn async_generic_and_class_methods_point_at_the_call() {
    let strict = MockStore::strict();
    panics_here!(block_on(strict.fetch("k")));
    panics_here!(block_on(strict.load()));
    panics_here!(strict.parse::<u32>("1"));
    let store = MockStore::default();
    store.parse.of::<u8>().panics("configured instantiation");
    panics_here!(store.parse::<u8>("1"));

    let class = MockClient::class();
    class.port.panics("static method");
    panics_here!(MockClient::port());
    class.new.panics("constructor");
    panics_here!(MockClient::new());
}

#[test]
fn reading_back_a_lent_value_points_at_the_reading() {
    let store = MockStore::default();
    panics_here!(store.slot.lent());
    store.get.returns(None);
    panics_here!(store.get.lent());
    panics_here!(store.get.take_lent());
}

#[test]
fn magic_methods_point_at_the_expression() {
    let mut lines = MockLines::default();
    lines.magic.index.index.panics("index");
    lines.magic.add.add.panics("add");
    lines.magic.neg.neg.panics("neg");
    lines.magic.iterator.next.panics("next");
    lines.magic.partial_eq.eq.panics("eq");
    lines.magic.add_assign.add_assign.panics("add_assign");
    panics_here!(lines[3].len());
    panics_here!(lines.clone() + 1);
    panics_here!(-lines.clone());
    panics_here!(lines.next());
    panics_here!(lines == lines.clone());
    panics_here!(lines += 1);
}

#[test]
fn a_closure_that_calls_its_own_method_points_at_that_call() {
    let counter = MockCounter::default();
    let inner = counter.clone();
    let line = line!() + 1;
    counter.next.returns_with(move || inner.next());
    assert_eq!(
        panic_line(|| ignore(counter.next())),
        format!("{}:{line}", file!())
    );
}

#[test]
fn a_call_through_dyn_points_at_the_mocked_trait() {
    // The vtable of `dyn Counter` does not pass the caller's location on:
    // the panic points at `#[autospec]` on the trait.
    let counter = MockCounter::strict();
    let code_under_test: &dyn Counter = &counter;
    let attribute = format!("{}:{COUNTER_AT}", file!());
    assert_eq!(panic_line(|| ignore(code_under_test.next())), attribute);
}

#[test]
fn closures_of_as_fn_and_mock_fn_point_at_where_they_were_made() {
    // Closures cannot be `#[track_caller]` on stable Rust: the closure of
    // `as_fn()` points at `#[autospec]`, that of a `mock_fn!` at the macro.
    let handler = MockHandler::strict();
    let as_fn = handler.as_fn();
    assert_eq!(
        panic_line(|| ignore(as_fn(1))),
        format!("{}:{HANDLER_AT}", file!())
    );
    let line = line!() + 1;
    let callback = autospec::mock_fn!(|u32| -> bool);
    callback.call.panics("boom");
    let as_fn = callback.as_fn();
    assert_eq!(
        panic_line(|| ignore(as_fn(1))),
        format!("{}:{line}", file!())
    );
}

#[test]
fn a_patched_function_points_at_its_attribute() {
    // The hook runs inside the function, which is not `#[track_caller]`
    // (that would move the panics of its own body to its callers).
    let now = autospec::patch!(clock::now);
    now.panics("patched");
    assert_eq!(
        panic_line(|| ignore(clock::now())),
        format!("{}:{NOW_AT}", file!())
    );
}
