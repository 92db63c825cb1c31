//! The journal stays whole and honest under answers that panic, code that
//! calls back into a busy method, and very long journals (issue #15).
#![allow(missing_docs)]

use autospec::prelude::*;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

mod support;
use support::{panic_message, quietly};

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&self, key: &str, value: u32);
}

#[test]
fn every_kind_of_panicking_answer_journals_the_call_first() {
    let store = MockStore::default();
    store
        .get
        .when(("rule",))
        .returns_with(|_| panic!("rule answer"));
    store.get.when(("panic",)).panics("rule panic");
    assert!(quietly(|| store.get("rule")).is_err());
    assert!(quietly(|| store.get("panic")).is_err());
    store.get.returns_with(|_| panic!("standing answer"));
    assert!(quietly(|| store.get("closure")).is_err());
    store.get.panics("standing panic");
    assert!(quietly(|| store.get("panics")).is_err());
    assert_eq!(
        store.get.call_args_list(),
        ["rule", "panic", "closure", "panics"].map(|key| (key.to_owned(),))
    );
    // And the method still answers afterwards.
    store.get.returns(Some("v".to_owned()));
    assert_eq!(store.get("after"), Some("v".to_owned()));
}

/// Runs `f` on another thread and gives its panic message, or fails the
/// test (rather than hanging it) when `f` does not finish.
fn panics_in_time(f: impl FnOnce() + Send + 'static) -> String {
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        let outcome = quietly(f).map_err(|payload| {
            payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default()
        });
        let _ = done.send(outcome);
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(Err(message)) => message,
        Ok(Ok(())) => panic!("expected a panic, but the call returned"),
        Err(mpsc::RecvTimeoutError::Timeout | mpsc::RecvTimeoutError::Disconnected) => {
            panic!("the call hung: a re-entered method must panic, not wait")
        }
    }
}

const REENTERED: &str = "MockStore.get was called while MockStore.get was busy answering or \
    checking a call on this thread: a `when` rule, its answer, a matcher, or the `Debug`, \
    `Clone` or `Drop` of an argument or answer calls `get` of the same mock, which would wait \
    for itself forever. Work out the value beforehand; a `.get.returns_with(..)` closure runs \
    unlocked and may call the mock's other methods.";

#[test]
fn a_rule_answer_that_calls_its_own_method_panics_instead_of_hanging() {
    let store = MockStore::default();
    let inner = store.clone();
    store
        .get
        .when(("outer",))
        .returns_with(move |_| inner.get("inner"));
    let message = panics_in_time(move || drop(store.get("outer")));
    assert_eq!(message, REENTERED);
}

#[test]
fn a_matcher_that_calls_its_own_method_panics_instead_of_hanging() {
    let store = MockStore::default();
    let inner = store.clone();
    store.get("k");
    let message = panics_in_time(move || {
        store
            .get
            .assert_any_call(args!(pred(move |_: &String| inner.get.called())));
    });
    assert!(
        message.starts_with("MockStore.get was called while MockStore.get was busy"),
        "{message}"
    );
}

#[test]
fn a_standing_closure_that_calls_its_own_method_panics_instead_of_hanging() {
    // The closure is `FnMut`: calls run it one at a time, so a call from
    // inside it would wait for itself.
    let store = MockStore::default();
    let inner = store.clone();
    let outer = store.clone();
    store.get.returns_with(move |key| {
        if key == "outer" {
            inner.get("inner").map(|v| format!("outer+{v}"))
        } else {
            Some("leaf".to_owned())
        }
    });
    let message = panics_in_time(move || drop(outer.get("outer")));
    assert!(
        message.starts_with("MockStore.get was called from its own `returns_with` closure"),
        "{message}"
    );
    assert_eq!(store.get.call_count(), 2);
    // The closure went back in its place: the next call runs it.
    assert_eq!(store.get("leaf"), Some("leaf".to_owned()));
}

#[test]
fn a_standing_closure_may_call_the_other_methods_of_its_mock() {
    let store = MockStore::default();
    let inner = store.clone();
    store.get.returns_with(move |key| {
        inner.put(key, 1);
        Some(key.to_owned())
    });
    assert_eq!(store.get("k"), Some("k".to_owned()));
    store.put.assert_called_once_with(("k", 1));
}

#[autospec]
pub trait Counter {
    fn next(&self, step: u32) -> Option<String>;
}

/// Times `f` a few times and keeps the fastest run, to damp noise.
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[cfg_attr(miri, ignore = "tens of thousands of calls: too slow under Miri")]
fn a_journal_snapshot_grows_in_proportion_to_the_calls() {
    // Returned values are journaled (Clone + Debug): each call's value used
    // to be found by a scan, which made a snapshot quadratic.
    let small = MockCounter::default();
    let large = MockCounter::default();
    small.next.returns(Some("n".to_owned()));
    large.next.returns(Some("n".to_owned()));
    for i in 0..5_000 {
        small.next(i);
    }
    for i in 0..40_000 {
        large.next(i);
    }
    let small_time = fastest(|| assert_eq!(small.mock_calls().len(), 5_000));
    let large_time = fastest(|| assert_eq!(large.mock_calls().len(), 40_000));
    // 8 times the calls: about 8 times the time when linear (n log n adds
    // a little), 64 times when quadratic.
    let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-6);
    assert!(
        ratio < 24.0,
        "40,000 calls took {large_time:?}, 5,000 took {small_time:?}: {ratio:.1}x"
    );
    let last = large.mock_calls().pop().map(|call| format!("{call:?}"));
    assert_eq!(last.as_deref(), Some("next(39999) -> Some(\"n\")"));
}

#[test]
#[cfg_attr(miri, ignore = "tens of thousands of calls: too slow under Miri")]
fn a_failure_over_a_long_journal_lists_a_bounded_number_of_calls() {
    let store = MockStore::default();
    for i in 0..40_000 {
        store.put("k", i);
    }
    let message = panic_message(|| store.put.assert_called_with(("k", 7)));
    assert!(message.len() < 2_000, "{} bytes", message.len());
    assert!(
        message.contains("Calls (40000): [put(\"k\", 0), put(\"k\", 1), "),
        "{message}"
    );
    assert!(message.contains("… 39980 more …"), "{message}");
    assert!(message.ends_with("put(\"k\", 39999)]"), "{message}");

    let message = panic_message(|| store.put.assert_any_call(("q", 7)));
    assert!(message.len() < 2_000, "{} bytes", message.len());
    assert!(
        message.contains("Calls (40000), closest first:\n  put(\"k\", 7)"),
        "{message}"
    );
    assert!(message.ends_with("… 39990 more, farther"), "{message}");
}

#[autospec]
pub trait Tally {
    fn next(&self, step: u32) -> u32;
}

fn returned_values(tally: &MockTally) -> Vec<Option<String>> {
    tally
        .mock_calls()
        .iter()
        .map(|call| call.returned().map(str::to_owned))
        .collect()
}

#[test]
fn every_call_shows_the_value_it_returned_whatever_answered_it() {
    let tally = MockTally::default();
    tally.next(1); // the default
    tally.next.returns(7);
    tally.next(2);
    tally.next(3);
    tally.next.returns_once(40);
    tally.next(4);
    tally.next(5); // the standing value again
    tally.next.returns_with(|step| step * 100);
    tally.next(6);
    tally.next.returns(8); // a new standing value, a new run
    tally.next(7);
    tally.next.reset_answers();
    tally.next(8);
    let shown: Vec<_> = ["0", "7", "7", "40", "7", "600", "8", "0"]
        .iter()
        .map(|text| Some((*text).to_owned()))
        .collect();
    assert_eq!(returned_values(&tally), shown);
}

#[test]
fn closures_that_finish_out_of_order_show_their_own_values() {
    let tally = MockTally::default();
    let (entered, wait_entered) = mpsc::channel();
    let (release, wait_release) = mpsc::channel::<()>();
    let wait_release = std::sync::Mutex::new(wait_release);
    tally.next.returns_with(move |step| {
        if step == 1 {
            entered.send(()).ok();
            // Held until the calls after it returned.
            wait_release.lock().map(|r| r.recv().ok()).ok();
        }
        step * 10
    });
    thread::scope(|scope| {
        let slow = scope.spawn(|| tally.next(1));
        wait_entered.recv().ok();
        // The first call's closure is still running: these are journaled
        // after it, answered by the value set meanwhile, and return first.
        tally.next.returns(5);
        assert_eq!(tally.next(2), 5);
        assert_eq!(tally.next(3), 5);
        release.send(()).ok();
        assert_eq!(slow.join().ok(), Some(10));
    });
    let shown = ["10", "5", "5"].map(|text| Some(text.to_owned())).to_vec();
    assert_eq!(returned_values(&tally), shown);
}
