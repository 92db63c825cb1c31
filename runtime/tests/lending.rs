//! Methods that return references the mock does not lend from its own
//! answers: `&'static T` answered with a reference the test already has
//! (issue #16, item 11), and `&mut T` lent from `&mut self` (item 2), with
//! what keeps two handles of one mock from holding the same `&mut`.
//! Run under Miri (see `.ci/run`).
#![allow(missing_docs)]

use autospec::prelude::*;

mod support;
use support::{panic_message, quietly};

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub region: String,
}

static GREETING: &str = "hello";

pub trait Shape: Sync {
    fn area(&self) -> u32;
}

impl Shape for u32 {
    fn area(&self) -> u32 {
        *self
    }
}

static SQUARE: u32 = 9;

#[autospec]
pub trait Settings {
    fn greeting(&self) -> &'static str;
    fn config(&self, key: &str) -> &'static Config;
    fn shape(&self) -> &'static dyn Shape;
    fn bytes() -> &'static [u8];
}

// mockall: `return_const(&X)` for a `&'static` return.
#[test]
fn a_static_reference_is_returned_as_it_is() {
    static CONFIG: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    let config = CONFIG.get_or_init(|| Config {
        region: "eu".into(),
    });
    let settings = MockSettings::default();
    settings.config.returns_static(config);
    assert!(std::ptr::eq(settings.config("a"), config));
    assert!(std::ptr::eq(settings.config("b"), config));
    settings.config.assert_called_with(("b",));

    settings.greeting.returns_static(GREETING);
    assert!(std::ptr::eq(settings.greeting(), GREETING));

    settings.shape.returns_static(&SQUARE);
    assert_eq!(settings.shape().area(), 9);
}

#[test]
fn an_owned_value_still_answers_a_static_reference() {
    let settings = MockSettings::default();
    settings.config.returns(Config {
        region: "us".into(),
    });
    assert_eq!(settings.config("k").region, "us");
    settings.greeting.returns(String::from("owned"));
    assert_eq!(settings.greeting(), "owned");
    settings.greeting.returns_with(|| "made".to_string());
    assert_eq!(settings.greeting(), "made");
}

#[test]
fn one_shot_answers_and_rules_come_before_a_static_reference() {
    static DEFAULT: Config = Config {
        region: String::new(),
    };
    let settings = MockSettings::default();
    settings.greeting.returns_static(GREETING);
    settings.greeting.returns_once("first".to_string());
    assert_eq!(settings.greeting(), "first");
    assert_eq!(settings.greeting(), "hello");
    settings
        .config
        .when(("special",))
        .returns(Config { region: "x".into() });
    settings.config.returns_static(&DEFAULT);
    assert_eq!(settings.config("special").region, "x");
    assert!(std::ptr::eq(
        settings.config("other"),
        std::ptr::from_ref(&DEFAULT)
    ));
    assert_eq!(settings.config.call_count(), 2);
}

#[test]
fn a_static_method_answers_with_a_static_reference_too() {
    let class = MockSettings::class();
    class.bytes.returns_static(b"raw");
    assert_eq!(MockSettings::bytes(), b"raw");
    class.bytes.assert_called_once();
}

#[test]
fn a_call_not_accepted_panics_before_a_static_reference_answers() {
    let settings = MockSettings::default();
    settings.greeting.returns_static(GREETING);
    settings.config.accepts(("only",));
    assert!(quietly(|| settings.config("other")).is_err());
    settings.config.assert_called_once_with(("other",));
    assert!(panic_message(|| {
        let _ = settings.config("x");
    })
    .contains("arguments not accepted"));
}

pub trait Test: Sync {
    fn value(&self) -> i32;
    fn mutate(&mut self);
}

impl Test for i32 {
    fn value(&self) -> i32 {
        *self
    }

    fn mutate(&mut self) {
        *self = 0;
    }
}

#[autospec]
pub trait Store {
    fn slot(&mut self, key: u32) -> &mut u32;
    fn dyn_slot(&mut self) -> &mut dyn Test;
    fn rc(&mut self) -> &mut std::rc::Rc<u32>;
    fn maybe(&mut self) -> Option<&mut String>;
    #[allow(clippy::mut_from_ref)]
    fn shared(&self) -> &mut Vec<u8>;
    fn make<T: Default + Clone + 'static>(&mut self) -> &mut T
    where
        Self: Sized;
    fn text(&mut self) -> &mut str;
}

// mockall: `return_var(5)`, then `*mock.foo(0) = 6; assert_eq!(6, *mock.foo(0))`.
#[test]
fn every_call_is_lent_the_same_value_so_writes_stay() {
    let mut store = MockStore::default();
    store.slot.returns(5);
    {
        let lent = store.slot(0);
        assert_eq!(*lent, 5);
        *lent = 6;
    }
    assert_eq!(*store.slot(1), 6);
    assert_eq!(store.slot.lent(), 6);
    store.slot.assert_has_calls([(0,), (1,)]);
    assert_eq!(store.mock_calls()[0].returned(), Some("5"));
    assert_eq!(store.mock_calls()[1].returned(), Some("6"));
}

#[test]
fn the_test_reads_the_value_back_after_the_code_under_test_wrote_it() {
    fn bump(store: &mut dyn Store) {
        *store.slot(7) += 1;
    }
    let store = MockStore::default();
    store.slot.returns(41);
    let mut handed = Box::new(store.clone()) as Box<dyn Store>;
    bump(&mut *handed);
    bump(&mut *handed);
    drop(handed); // gives the value back
    assert_eq!(store.slot.lent(), 43);
    assert_eq!(store.slot.take_lent(), 43);
    store.slot.assert_called_with((7,));
}

#[test]
fn a_handle_moved_after_a_call_keeps_lending_the_value() {
    let store = MockStore::default();
    store.slot.returns(1);
    let mut first = store.clone();
    *first.slot(0) += 1;
    let mut moved = Box::new(first);
    *moved.slot(0) += 1;
    drop(moved);
    assert_eq!(store.slot.lent(), 3);
}

#[test]
fn another_handle_cannot_reach_the_value_while_one_holds_it() {
    let store = MockStore::default();
    store.slot.returns(1);
    let mut first = store.clone();
    let mut second = store.clone();
    *first.slot(0) = 10;
    let message = panic_message(|| {
        second.slot(0);
    });
    assert_eq!(
        message,
        "MockStore.slot: the value given to `.slot.returns(..)` is lent to another handle of this \
         mock (a clone of it), which may still hold a `&mut` to it. Drop that handle (such as \
         the code under test's copy of the mock) first, or call `slot` through it."
    );
    assert!(quietly(|| store.slot.lent()).is_err());
    drop(first);
    assert_eq!(*second.slot(0), 10);
    // The call that panicked was journaled like any other.
    assert_eq!(store.slot.call_count(), 3);
}

#[test]
fn a_new_value_replaces_the_one_a_handle_holds() {
    let mut store = MockStore::default();
    let mut other = store.clone();
    store.slot.returns(1);
    *other.slot(0) = 2;
    store.slot.returns(100);
    assert_eq!(*store.slot(0), 100);
    drop(other);
    assert_eq!(store.slot.lent(), 100);
}

#[test]
fn closures_and_one_shot_answers_lend_a_fresh_value_per_call() {
    let mut store = MockStore::default();
    store.slot.returns_with(|key| key * 10);
    *store.slot(1) += 5;
    assert_eq!(*store.slot(2), 20);
    store.slot.returns_once(7);
    assert_eq!(*store.slot(3), 7);
    assert_eq!(*store.slot(4), 40);
    assert_eq!(*store.slot(4), 40);
    // Unconfigured: the default, fresh each time.
    let mut fresh = MockStore::default();
    *fresh.slot(0) = 9;
    assert_eq!(*fresh.slot(0), 0);
}

// mockall: `return_var(Box::new(42) as Box<dyn Test>)`; a `Box<dyn Test>`
// is not `Send`, so the value stays on this thread.
#[test]
fn a_trait_object_that_is_not_send_is_lent_on_its_thread() {
    let mut store = MockStore::default();
    store.dyn_slot.returns(Box::new(42) as Box<dyn Test>);
    assert_eq!(store.dyn_slot().value(), 42);
    store.dyn_slot().mutate();
    assert_eq!(store.dyn_slot().value(), 0);
    assert_eq!(store.dyn_slot.take_lent().value(), 0);

    let mut elsewhere = store.clone();
    store.dyn_slot.returns(Box::new(7) as Box<dyn Test>);
    let message = std::thread::spawn(move || {
        panic_message(|| {
            let _ = elsewhere.dyn_slot().value();
        })
    })
    .join()
    .unwrap();
    assert!(
        message.contains("is not `Send`, so only the thread that gave it may reach it"),
        "{message}"
    );
    assert_eq!(store.dyn_slot().value(), 7);
}

#[test]
fn an_rc_is_lent_and_written_through_on_its_thread() {
    let mut store = MockStore::default();
    store.rc.returns(std::rc::Rc::new(1));
    *store.rc() = std::rc::Rc::new(2);
    assert_eq!(**store.rc(), 2);
    store.rc.returns_with(|| std::rc::Rc::new(3));
    assert_eq!(**store.rc(), 3);
}

#[test]
fn an_option_of_a_mutable_reference_lends_the_value_inside() {
    let mut store = MockStore::default();
    assert_eq!(store.maybe(), None);
    store.maybe.returns(Some("a".into()));
    store.maybe().unwrap().push('b');
    assert_eq!(store.maybe().map(|s| s.as_str()), Some("ab"));
    assert_eq!(store.maybe.lent(), Some("ab".to_owned()));
    store.maybe.returns(None);
    assert_eq!(store.maybe(), None);
}

#[test]
fn a_value_that_is_send_is_lent_on_any_thread() {
    let store = MockStore::default();
    store.slot.returns(0);
    let mut worker = store.clone();
    std::thread::spawn(move || *worker.slot(0) += 1)
        .join()
        .unwrap();
    assert_eq!(store.slot.lent(), 1);
}

#[test]
fn other_mutable_references_get_a_fresh_value_per_call() {
    let mut store = MockStore::default();
    store.shared.returns(vec![1]);
    store.shared().push(2);
    assert_eq!(*store.shared(), [1]);
    store.make.of::<String>().returns("x".into());
    store.make::<String>().push('y');
    assert_eq!(store.make::<String>(), "x");
    store.text.returns_with(|| "abc".to_owned());
    store.text().make_ascii_uppercase();
    assert_eq!(store.text(), "abc");
}

#[test]
fn reading_back_without_a_value_says_how_to_give_one() {
    let store = MockStore::default();
    assert_eq!(
        panic_message(|| {
            let _ = store.slot.lent();
        }),
        "MockStore.slot: no value was given to `.slot.returns(..)` to read back; `lent()` and \
         `take_lent()` read the value a method returning `&mut T` from `&mut self` lends to \
         every call."
    );
}

#[test]
fn reading_back_from_a_method_that_answers_by_value_says_so() {
    #[autospec]
    pub trait Names {
        fn name(&self) -> Option<String>;
    }
    let names = MockNames::default();
    names.name.returns(None);
    assert_eq!(names.name(), None);
    assert_eq!(
        panic_message(|| {
            let _ = names.name.lent();
        }),
        "MockNames.name: `lent()` and `take_lent()` read back the value a method returning \
         `&mut T` from `&mut self` lends to every call, and `name` hands its answer out by \
         value: there is nothing lent to read. Its calls are in `.name.call_args_list()` and \
         `mock_calls()`."
    );
}

#[test]
fn a_lent_value_answers_a_method_whose_arguments_are_journaled_as_text() {
    #[derive(Debug)]
    #[allow(dead_code)] // read by `Debug` only
    pub struct Ticket(u8);
    #[autospec]
    pub trait Desk {
        fn counter(&mut self, ticket: Ticket) -> &mut u32;
    }
    let mut desk = MockDesk::default();
    desk.counter.returns(0);
    *desk.counter(Ticket(1)) += 1;
    *desk.counter(Ticket(2)) += 1;
    assert_eq!(desk.counter.lent(), 2);
    assert_eq!(desk.mock_calls()[1], call!(counter(Ticket(2))));
}
