//! Callback parameters (`F: Fn(..)`, `FnMut`, `FnOnce`, `'static` or not,
//! inline, in `where` clauses, `impl Fn`, `Box<dyn Fn>`): `returns_with`
//! receives the callback and may call it, or keep it when it is `'static`;
//! the journal keeps its type as text (issue #16, item 1).
#![allow(missing_docs)]

use autospec::prelude::*;
use std::sync::{Arc, Mutex};

#[autospec]
pub trait Events {
    fn on<F: Fn(u32) -> u32 + Send + 'static>(&self, f: F) -> u32;
    fn each<F>(&self, f: F)
    where
        F: FnMut(&str) + Send + 'static;
    fn once<F: FnOnce(u32) -> String + 'static>(&self, f: F) -> String;
    fn borrowed_once<F: FnOnce() -> u8>(&self, f: F) -> u8;
    fn by_ref<F: Fn(u32) -> u32 + 'static>(&self, f: &F) -> u32;
    fn boxed(&self, f: Box<dyn Fn(u32) -> u32 + Send>) -> u32;
    fn opaque(&self, f: impl Fn(u32) -> u32 + Send + Sync + 'static) -> u32;
}

#[test]
fn returns_with_calls_a_static_callback() {
    let events = MockEvents::default();
    events.on.returns_with(|f| f(20) + 1);
    assert_eq!(events.on(|x| x * 2), 41);
    events.on.assert_called_once_with(("dyn Fn(u32) -> u32",));
}

#[test]
fn returns_with_may_keep_a_static_callback_and_call_it_later() {
    // The pattern of an event bus: register now, fire later.
    type Handler = Box<dyn Fn(u32) -> u32 + Send>;
    let events = MockEvents::default();
    let handlers: Arc<Mutex<Vec<Handler>>> = Arc::default();
    let registry = Arc::clone(&handlers);
    events.on.returns_with(move |f| {
        registry.lock().unwrap().push(f);
        0
    });
    events.on(|x| x + 1);
    events.on(|x| x * 10);
    let fired: Vec<u32> = handlers.lock().unwrap().iter().map(|f| f(3)).collect();
    assert_eq!(fired, [4, 30]);
}

#[test]
fn an_fn_mut_callback_in_a_where_clause_is_called_with_its_state() {
    let events = MockEvents::default();
    events.each.returns_with(|mut f| {
        f("a");
        f("b");
    });
    let seen = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&seen);
    events.each(move |s| sink.lock().unwrap().push_str(s));
    assert_eq!(*seen.lock().unwrap(), "ab");
    events.each.assert_called_once();
}

#[test]
fn an_fn_once_callback_is_handed_over_to_be_called_once() {
    let events = MockEvents::default();
    events.once.returns_with(|f| f(7));
    let owned = String::from("seven: ");
    assert_eq!(events.once(move |n| format!("{owned}{n}")), "seven: 7");

    events.borrowed_once.returns_with(|f| f() + 1);
    let local = 41u8;
    assert_eq!(events.borrowed_once(|| local), 42);
}

#[test]
fn a_callback_by_reference_and_a_boxed_one_reach_the_closure() {
    let events = MockEvents::default();
    events.by_ref.returns_with(|f| f(1) + 100);
    assert_eq!(events.by_ref(&|x| x * 5), 105);
    events.boxed.returns_with(|f| f(2));
    assert_eq!(events.boxed(Box::new(|x| x + 40)), 42);
    events.opaque.returns_with(|f| f(3));
    assert_eq!(events.opaque(|x| x * 3), 9);
}

// Unconfigured, the mock does not call the callback: it answers the
// default, as for any other call.
#[test]
fn an_unconfigured_call_does_not_run_the_callback() {
    let events = MockEvents::default();
    let called = Arc::new(Mutex::new(false));
    let flag = Arc::clone(&called);
    assert_eq!(
        events.on(move |x| {
            *flag.lock().unwrap() = true;
            x
        }),
        0
    );
    assert!(!*called.lock().unwrap());
    assert_eq!(events.on.call_count(), 1);
}

#[test]
fn a_callback_method_of_a_generic_keyed_method_keeps_both() {
    #[autospec]
    pub trait Bus {
        fn send<T: Clone + std::fmt::Debug + 'static, F: Fn(&T) + 'static>(
            &self,
            message: T,
            done: F,
        );
    }
    let bus = MockBus::default();
    bus.send
        .of::<u8>()
        .returns_with(|message, done| done(&message));
    let seen = Arc::new(Mutex::new(0u8));
    let sink = Arc::clone(&seen);
    bus.send(9u8, move |m| *sink.lock().unwrap() = *m);
    assert_eq!(*seen.lock().unwrap(), 9);
    bus.send.of::<u8>().assert_called_once();
}

// Issue #16, item 17: once the test names the types (`of::<..>()`), the
// arguments of a type parameter are journaled typed, so assertions on them
// can pass.
#[autospec]
pub trait Http {
    fn get<U: ToString + 'static, T: Default + 'static>(&self, url: U) -> T;
    fn post<B: Clone + 'static>(&self, path: &str, body: &B) -> u16;
    fn put<B: std::fmt::Debug + 'static>(&self, body: &B);
}

#[derive(Default, Debug, Clone, PartialEq)]
pub struct Anchor {
    pub id: u32,
}

// mockall: `expect_get::<String, Anchor>().with(eq("http://h/core/anchor/1"))`.
#[test]
fn arguments_of_a_type_parameter_are_journaled_typed_once_the_type_is_named() {
    let http = MockHttp::default();
    let get = http.get.of::<String, Anchor>();
    get.returns(Anchor { id: 1 });
    let anchor: Anchor = http.get(String::from("http://h/core/anchor/1"));
    assert_eq!(anchor.id, 1);
    get.assert_called_once_with(("http://h/core/anchor/1",));
    get.assert_called_with(args!(starts_with("http://")));
    let (url,) = get.call_args().unwrap();
    assert_eq!(url.value().as_deref(), Some("http://h/core/anchor/1"));
}

#[test]
fn a_borrowed_argument_is_kept_as_a_clone_where_the_bounds_say_clone() {
    let http = MockHttp::default();
    let post = http.post.of::<Vec<u8>>();
    http.post("/up", &vec![1u8, 2]);
    post.assert_called_once_with(("/up", vec![1u8, 2]));
}

#[test]
fn a_borrowed_argument_that_cannot_be_cloned_compares_by_its_debug_text() {
    #[derive(Debug, PartialEq)]
    pub struct Token(u8);
    let http = MockHttp::default();
    let put = http.put.of::<Token>();
    http.put(&Token(7));
    put.assert_called_once_with((Token(7),));
    let (token,) = put.call_args().unwrap();
    assert_eq!(token.text(), "Token(7)");
}

#[test]
fn a_closure_answering_the_call_takes_the_argument_and_the_journal_keeps_its_text() {
    #[autospec]
    pub trait Sink {
        fn push<T: std::fmt::Debug + 'static>(&self, item: T) -> usize;
    }
    pub struct Big(Vec<u8>);
    impl std::fmt::Debug for Big {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "Big({})", self.0.len())
        }
    }
    let sink = MockSink::default();
    let push = sink.push.of::<Big>();
    push.returns_with(|item| item.0.len());
    assert_eq!(sink.push(Big(vec![0; 3])), 3);
    let (item,) = push.call_args().unwrap();
    assert_eq!(item.text(), "Big(3)");
    let pushed = sink.push.of::<u8>();
    sink.push(5u8);
    pushed.assert_called_once_with((5u8,));
    assert_eq!(pushed.call_args().unwrap().0.value(), Some(5));
}

#[test]
fn calls_made_before_the_instantiation_was_named_are_kept_typed() {
    let http = MockHttp::default();
    http.post("/early", &5u32);
    let post = http.post.of::<u32>();
    http.post("/late", &6u32);
    let calls = post.call_args_list();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].1.value(), Some(5));
    assert_eq!(calls[1].1.value(), Some(6));
    // Without a `Debug` bound, the text is the type name.
    assert_eq!(calls[0].1.text(), "u32");
    post.assert_any_call(("/early", 5u32));
    post.assert_any_call(("/late", 6u32));
    let rendered: Vec<String> = http.mock_calls().iter().map(ToString::to_string).collect();
    assert_eq!(
        rendered,
        [
            r#"post::<u32>("/early", u32)"#,
            r#"post::<u32>("/late", u32)"#
        ]
    );
}

#[test]
fn a_typed_argument_beside_one_that_cannot_be_cloned_is_journaled_as_text() {
    #[derive(Debug)]
    #[allow(dead_code)] // read by `Debug` only
    pub struct Context(u8);
    #[autospec]
    pub trait Store {
        fn put<T: std::fmt::Debug + 'static>(&self, value: T, context: Context);
    }
    let store = MockStore::default();
    let put = store.put.of::<u8>();
    store.put(7u8, Context(1));
    // An argument without `Clone` journals the whole call as text.
    let rendered: Vec<String> = store.mock_calls().iter().map(ToString::to_string).collect();
    assert_eq!(rendered, ["put::<u8>(7, Context(1))"]);
    put.assert_called_once_with(args!(7u8, _));
}
