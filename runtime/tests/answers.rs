//! Answer precedence, sealing, resets, and that panics never poison a mock.
#![allow(missing_docs)]

use autospec::prelude::*;

mod support;
use support::quietly;

#[autospec]
pub trait Counter {
    fn next(&self, step: u32) -> u32;
}

#[test]
fn one_shot_answers_come_before_the_standing_answer_in_fifo_order() {
    let counter = MockCounter::default();
    counter.next.returns(100);
    counter.next.returns_once(1);
    counter.next.returns_each([2, 3]);
    let got: Vec<u32> = (0..5).map(|i| counter.next(i)).collect();
    assert_eq!(got, [1, 2, 3, 100, 100]);
}

#[test]
fn the_last_standing_answer_set_wins() {
    let counter = MockCounter::default();
    counter.next.returns(1);
    counter.next.returns_with(|step| step * 10);
    assert_eq!(counter.next(2), 20);
    counter.next.returns(7);
    assert_eq!(counter.next(2), 7);
    counter.next.panics("boom");
    assert!(quietly(|| counter.next(2)).is_err());
}

#[test]
fn panicking_answers_are_journaled_and_do_not_poison() {
    let counter = MockCounter::default();
    counter.next.returns_with(|step| {
        if step == 0 {
            panic!("closure boom")
        } else {
            step
        }
    });
    let err = quietly(|| counter.next(0)).unwrap_err();
    assert_eq!(err.downcast_ref::<&str>(), Some(&"closure boom"));
    assert_eq!(counter.next(5), 5);
    counter.next.assert_has_calls([(0,), (5,)]);

    counter.next.panics("configured boom");
    let err = quietly(|| counter.next(1)).unwrap_err();
    assert_eq!(
        err.downcast_ref::<String>().map(String::as_str),
        Some("configured boom")
    );
    assert_eq!(counter.next.call_count(), 3);
}

#[test]
fn a_failing_assertion_leaves_the_mock_usable() {
    let counter = MockCounter::default();
    counter.next(1);
    assert!(quietly(|| counter.next.assert_not_called()).is_err());
    counter.next(2);
    counter.next.assert_called_with((2,));
}

#[test]
fn a_panicking_debug_impl_does_not_poison() {
    #[derive(Clone)]
    pub struct Grumpy;
    impl std::fmt::Debug for Grumpy {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            panic!("no debug for you")
        }
    }
    #[autospec]
    pub trait Sink {
        fn take(&self, value: Grumpy);
    }
    let sink = MockSink::default();
    sink.take(Grumpy);
    // The panic is caught where the journal renders the argument.
    let calls = quietly(|| format!("{:?}", sink.mock_calls())).expect("rendering is caught");
    assert_eq!(calls, "[take(<Debug panicked: no debug for you>)]");
    sink.take(Grumpy);
    assert_eq!(sink.take.call_count(), 2);
}

#[test]
fn clones_share_one_mock_and_default_makes_a_fresh_one() {
    let a = MockCounter::default();
    let b = a.clone();
    b.next.returns(9);
    assert_eq!(a.next(0), 9);
    b.next.assert_called_once();
    let fresh = MockCounter::default();
    assert_eq!(fresh.next(0), 0);
    a.next.assert_called_once();
}

#[test]
fn seal_applies_to_every_clone_and_configured_methods_still_answer() {
    let counter = MockCounter::default();
    let handle = counter.clone();
    counter.seal();
    assert!(handle.is_sealed());
    assert!(quietly(|| handle.next(1)).is_err());
    counter.next.returns(3);
    assert_eq!(handle.next(1), 3);
}

#[test]
fn reset_forgets_calls_but_keeps_answers() {
    let counter = MockCounter::default();
    counter.next.returns(4);
    counter.next(1);
    counter.next.reset();
    counter.next.assert_not_called();
    assert_eq!(counter.next(1), 4);
    counter.reset_mock();
    assert!(counter.mock_calls().is_empty());
}

#[test]
fn mock_calls_interleave_methods_in_call_order() {
    #[autospec]
    pub trait Two {
        fn a(&self, x: u8);
        fn b(&self, x: u8);
    }
    let two = MockTwo::default();
    two.a(1);
    two.b(2);
    two.a(3);
    assert_eq!(two.mock_calls(), [call!(a(1)), call!(b(2)), call!(a(3))]);
    assert_ne!(two.mock_calls(), [call!(a(1)), call!(a(3)), call!(b(2))]);
}

#[test]
fn lent_references_survive_reconfiguration() {
    #[autospec]
    pub trait Named {
        fn name(&self) -> &str;
    }
    let named = MockNamed::default();
    named
        .name
        .returns_each(["first".to_string(), "second".to_string()]);
    let first = named.name();
    let second = named.name();
    named.name.returns("third".into());
    named.reset_mock();
    let third = named.name();
    assert_eq!([first, second, third], ["first", "second", "third"]);
}
