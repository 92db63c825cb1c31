//! Answers that change from call to call (`FnMut` closures, sequences that
//! mix values, panics and closures), answers that are forgotten
//! (`reset_answers`, and the mocks `reset_mock` reaches), and calls that
//! fail where they are made (`accepts`). Each test names the Python or
//! mockall behaviour it mirrors.
#![allow(missing_docs)]

use autospec::prelude::*;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

mod support;
use support::{panic_location, panic_message, quietly};

#[autospec]
pub trait Counter {
    fn next(&self, step: u32) -> u32;
    fn name(&self) -> String;
}

// mockall: `.returning(move |_| { n += 1; n })`, a counter in the closure.
#[test]
fn returns_with_takes_a_closure_that_keeps_state() {
    let counter = MockCounter::default();
    let mut total = 0;
    counter.next.returns_with(move |step| {
        total += step;
        total
    });
    assert_eq!(
        [counter.next(1), counter.next(2), counter.next(3)],
        [1, 3, 6]
    );
}

#[test]
fn a_when_rule_takes_a_closure_that_keeps_state() {
    let counter = MockCounter::default();
    let mut calls = 0;
    counter.next.when(args!(gt(10))).returns_with(move |_| {
        calls += 1;
        calls
    });
    assert_eq!(
        [counter.next(11), counter.next(1), counter.next(12)],
        [1, 0, 2]
    );
}

#[test]
fn a_stateful_closure_runs_one_call_at_a_time_across_threads() {
    let counter = MockCounter::default();
    let mut seen = Vec::new();
    let log = Arc::new(Mutex::new(Vec::new()));
    let shared = Arc::clone(&log);
    counter.next.returns_with(move |step| {
        // Were two calls inside at once, `seen` would be mutated through
        // two `&mut` at a time; the closure runs alone, so it is not.
        seen.push(step);
        thread::sleep(Duration::from_millis(1));
        *shared.lock().unwrap() = seen.clone();
        u32::try_from(seen.len()).unwrap()
    });
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let counter = counter.clone();
            thread::spawn(move || (0..5).map(|i| counter.next(t * 10 + i)).collect::<Vec<_>>())
        })
        .collect();
    let mut answers: Vec<u32> = handles
        .into_iter()
        .flat_map(|handle| handle.join().unwrap())
        .collect();
    answers.sort_unstable();
    assert_eq!(answers, (1..=20).collect::<Vec<_>>());
    assert_eq!(log.lock().unwrap().len(), 20);
}

#[test]
fn a_closure_that_waits_for_another_call_of_its_method_panics_after_the_wait_timeout() {
    let counter = MockCounter::default();
    counter.set_wait_timeout(Duration::from_millis(50));
    let (entered, inside) = std::sync::mpsc::channel();
    let release = Arc::new(Mutex::new(()));
    let held = release.lock().unwrap();
    let gate = Arc::clone(&release);
    counter.next.returns_with(move |step| {
        entered.send(()).unwrap();
        drop(gate.lock().unwrap());
        step
    });
    let first = counter.clone();
    let running = thread::spawn(move || first.next(1));
    inside.recv().unwrap();
    let message = panic_message(|| {
        counter.next(2);
    });
    drop(held);
    assert_eq!(running.join().unwrap(), 1);
    assert!(
        message.starts_with("MockCounter.next: waited 50ms (the mock's wait timeout) for its `returns_with` closure"),
        "{message}"
    );
    counter.next.assert_has_calls_any_order([(1,), (2,)]);
}

#[test]
fn a_wait_timeout_too_long_to_add_waits_for_the_closure_without_a_deadline() {
    let counter = MockCounter::default();
    counter.set_wait_timeout(Duration::MAX);
    let (entered, inside) = std::sync::mpsc::channel();
    counter.next.returns_with(move |step| {
        let _ = entered.send(());
        thread::sleep(Duration::from_millis(20));
        step
    });
    let first = counter.clone();
    let running = thread::spawn(move || first.next(1));
    inside.recv().unwrap();
    assert_eq!(counter.next(2), 2);
    assert_eq!(running.join().unwrap(), 1);
}

// Python: `side_effect = [3, ValueError, 6]`, and a callable in the list.
#[test]
fn a_sequence_mixes_values_panics_and_closures() {
    let counter = MockCounter::default();
    counter
        .next
        .sequence()
        .returns(3)
        .panics("ValueError")
        .returns_with(|(step,)| step * 100)
        .returns(6);
    assert_eq!(counter.next(1), 3);
    assert_eq!(panic_message(|| ignore(counter.next(1))), "ValueError");
    assert_eq!(counter.next(2), 200);
    assert_eq!(counter.next(1), 6);
    counter.next.assert_has_calls([(1,), (1,), (2,), (1,)]);
}

// Python: an exhausted `side_effect` iterable raises `StopIteration`.
#[test]
fn a_used_up_sequence_panics_and_says_what_follows_it() {
    let counter = MockCounter::default();
    counter.next.sequence().returns(1).panics("boom");
    counter.next(0);
    assert!(quietly(|| counter.next(0)).is_err());
    assert_eq!(
        panic_message(|| ignore(counter.next(7))),
        "MockCounter.next(7): its 2 one-shot answers (returns_once, returns_each, sequence) are used up and no standing answer follows them.\n\
         Queue more, or say what follows them: .next.returns(..) or .next.returns_with(..), or .then_default() at the end of a sequence to get the default."
    );
}

#[test]
fn then_returns_and_then_default_say_what_follows_a_sequence() {
    let counter = MockCounter::default();
    counter.next.sequence().returns(1).then_returns(9);
    assert_eq!(
        [counter.next(0), counter.next(0), counter.next(0)],
        [1, 9, 9]
    );

    let other = MockCounter::default();
    other.next.sequence().returns(1).then_default();
    assert_eq!([other.next(0), other.next(0)], [1, 0]);
    // A new batch on an empty queue states its own end again.
    other.next.returns_once(5);
    other.next(0);
    assert!(quietly(|| other.next(0)).is_err());
}

#[test]
fn one_shot_closures_and_panics_count_as_unused_answers() {
    let counter = MockCounter::default();
    counter.next.sequence().panics("a").returns_with(|_| 1);
    assert!(quietly(|| counter.verify()).is_err());
    assert!(quietly(|| counter.next(0)).is_err());
    counter.next(0);
    counter.verify();
}

// Python: `reset_mock(return_value=True, side_effect=True)`.
#[test]
fn reset_answers_forgets_every_kind_of_answer_of_one_method() {
    let counter = MockCounter::default();
    counter.next.returns(1);
    counter.next.returns_once(2);
    counter.next.when((5,)).returns(50);
    counter.next.accepts((5,));
    counter.name.returns("kept".into());
    counter.next(5);
    counter.next.reset_answers();
    assert_eq!([counter.next(5), counter.next(6)], [0, 0]);
    assert_eq!(counter.name(), "kept");
    assert_eq!(counter.next.call_count(), 3);
    // A used-up queue no longer makes the next call panic.
    counter.next.returns_once(1);
    counter.next(0);
    counter.next.reset_answers();
    assert_eq!(counter.next(0), 0);
}

// mockall: `checkpoint()` clears the expectations of the whole mock.
#[test]
fn reset_answers_on_the_mock_forgets_the_answers_of_every_method_and_keeps_the_journal() {
    #[autospec]
    pub trait Config {
        fn get<T: Default + 'static>(&self, key: &str) -> T;
        fn name(&self) -> String;
    }
    let config = MockConfig::default();
    config.get.of::<u8>().returns(7);
    config.name.returns("c".into());
    assert_eq!(config.get::<u8>("k"), 7);
    config.reset_answers();
    assert_eq!((config.get::<u8>("k"), config.name()), (0, String::new()));
    assert_eq!(config.get.call_count(), 2);
}

#[test]
fn reset_answers_keeps_a_spys_real_implementation() {
    #[autospec(spy)]
    pub trait Greeter {
        fn greet(&self, name: &str) -> String;
    }
    struct Real;
    impl Greeter for Real {
        fn greet(&self, name: &str) -> String {
            format!("hello {name}")
        }
    }
    let greeter = MockGreeter::wrapping(Real);
    greeter.greet.returns("configured".into());
    greeter.greet.reset_answers();
    assert_eq!(greeter.greet("ana"), "hello ana");
}

// Python: `reset_mock()` resets a `return_value` that is itself a mock.
#[autospec]
pub trait Conn {
    fn send(&self, bytes: &[u8]) -> usize;
}

autospec::mock! {
    MockPool: Pool {
        fn conn(&self) -> MockConn;
        fn peer(&self) -> MockPool;
    }
}

#[allow(private_interfaces)]
pub trait Pool {
    fn conn(&self) -> MockConn;
    fn peer(&self) -> MockPool;
}

#[test]
fn reset_mock_reaches_the_mocks_kept_as_answers() {
    let pool = MockPool::default();
    let conn = MockConn::default();
    pool.conn.returns(conn.clone());
    pool.conn().send(b"hi");
    conn.send.assert_called_once();
    pool.reset_mock();
    pool.conn.assert_not_called();
    conn.send.assert_not_called();
    // The answer itself stays configured.
    pool.conn().send(b"again");
    conn.send.assert_called_once_with((b"again",));
}

#[test]
fn reset_mock_stops_at_mocks_it_already_reset() {
    let pool = MockPool::default();
    let peer = MockPool::default();
    pool.peer.returns(peer.clone());
    peer.peer.returns(pool.clone());
    pool.peer();
    peer.peer();
    pool.reset_mock();
    pool.peer.assert_not_called();
    peer.peer.assert_not_called();
}

// mockall: a call that matches no expectation panics at once, inside the
// code under test.
#[test]
fn a_call_with_arguments_not_accepted_panics_at_the_call_and_is_journaled() {
    let counter = MockCounter::default();
    counter.next.accepts((1,));
    counter.next.accepts(args!(gt(10)));
    assert_eq!(counter.next(1) + counter.next(11), 0);
    assert_eq!(
        panic_message(|| ignore(counter.next(5))),
        "MockCounter.next(5): arguments not accepted (the call is journaled).\n\
         Accepted: next(1), next(> 10)\n\
         .next.accepts(..) declared these forms; a call with any other arguments panics where it is made."
    );
    counter.next.assert_called_with((5,));
    assert_eq!(counter.next.call_count(), 3);
}

#[test]
fn the_panic_of_a_call_not_accepted_points_at_the_code_that_made_it() {
    // A call through `dyn Counter` reports the mocked trait instead: the
    // vtable does not pass the caller's location on.
    fn code_under_test(counter: &impl Counter) -> u32 {
        counter.next(3) // the offending call
    }
    let counter = MockCounter::default();
    counter.next.accepts((1,));
    let line = line!() - 4;
    let location = panic_location(|| ignore(code_under_test(&counter)));
    assert_eq!(location, format!("{}:{line}", file!()));
}

#[test]
fn methods_without_accepts_take_any_arguments() {
    let counter = MockCounter::default();
    counter.name.accepts(());
    counter.next(99);
    counter.name();
    counter.next.assert_called_once_with((99,));
}

/// Drops a value, whatever it is.
fn ignore<T>(_: T) {}
