//! Panics around a mock — in an answer, in an argument's `Debug`, in the code
//! under test, in an assertion on another thread — leave it usable: later
//! calls are recorded, later assertions work, no lock stays poisoned, and a
//! mock dropped while unwinding never panics a second time (which would abort
//! the whole test binary instead of failing one test).
//!
//! The basic cases on one thread are in `answers.rs`; these add threads,
//! failure messages and unwinding.
#![allow(missing_docs)]

use autospec::prelude::*;
use std::cell::Cell;
use std::thread;

mod support;
use support::{panic_message, quietly};

#[autospec]
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&self, key: &str, count: u32);
}

thread_local! {
    /// Whether `Touchy`'s `Debug` panics on this thread.
    static TOUCHY: Cell<bool> = const { Cell::new(false) };
}

/// An argument whose `Debug` panics while [`touchy`] runs.
#[derive(Clone, PartialEq)]
pub struct Touchy(u32);

impl std::fmt::Debug for Touchy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        assert!(!TOUCHY.get(), "Touchy({}) cannot be shown", self.0);
        write!(f, "Touchy({})", self.0)
    }
}

/// Runs `f` with `Touchy`'s `Debug` panicking, and restores it even when `f` panics.
fn touchy<T>(f: impl FnOnce() -> T) -> T {
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            TOUCHY.set(false);
        }
    }
    TOUCHY.set(true);
    let _restore = Restore;
    f()
}

#[autospec]
pub trait Ledger {
    fn record(&self, entry: Touchy, amount: u32);
    fn label(&self) -> &str;
    fn total(&self) -> u64;
}

#[test]
fn an_answer_that_panics_on_another_thread_leaves_the_mock_usable() {
    let store = MockStore::default();
    store.get.returns_with(|key| {
        assert_ne!(key, "bad", "no answer for bad");
        Some(key.to_uppercase())
    });
    let given_away: Box<dyn Store + Send> = Box::new(store.clone());
    let joined = quietly(|| thread::spawn(move || given_away.get("bad")).join())
        .expect("join itself does not panic");
    let payload = joined.expect_err("the answer panicked");
    assert_eq!(
        payload.downcast_ref::<String>().map(String::as_str),
        Some(
            "assertion `left != right` failed: no answer for bad\n  left: \"bad\"\n right: \"bad\""
        )
    );

    assert_eq!(store.get("ok"), Some("OK".to_owned()));
    assert_eq!(
        store.get.call_args_list(),
        ["bad".to_owned(), "ok".to_owned()].map(|key| (key,))
    );
    assert_eq!(store.mock_calls(), [call!(get("bad")), call!(get("ok"))]);
    store.get.returns(None);
    assert_eq!(store.get("bad"), None);
}

#[test]
fn a_debug_that_panics_inside_a_failure_message_leaves_the_mock_usable() {
    let ledger = MockLedger::default();
    ledger.record(Touchy(1), 10);
    // A `Debug` that panics is caught wherever the journal renders it, so
    // the failure message still says what failed.
    let message = touchy(|| panic_message(|| ledger.record.assert_called_with((Touchy(2), 20))));
    assert_eq!(
        message,
        "MockLedger.record: expected call not found.\n\
         Expected: record(<Debug panicked: Touchy(2) cannot be shown>, 20)\n  \
         Actual: record(<Debug panicked: Touchy(1) cannot be shown>, 10)\n\
         \x20         arg 0 (entry): expected <Debug panicked: Touchy(2) cannot be shown>, got <Debug panicked: Touchy(1) cannot be shown>\n\
         \x20         arg 1 (amount): expected 20, got 10\n\
         Calls (1): [record(<Debug panicked: Touchy(1) cannot be shown>, 10)]"
    );
    let calls = touchy(|| format!("{:?}", ledger.mock_calls()));
    assert_eq!(
        calls,
        "[record(<Debug panicked: Touchy(1) cannot be shown>, 10)]"
    );
    let shown = touchy(|| format!("{ledger:?}"));
    assert_eq!(
        shown,
        "MockLedger { calls: [record(<Debug panicked: Touchy(1) cannot be shown>, 10)] }"
    );

    ledger.record(Touchy(3), 30);
    assert_eq!(ledger.record.call_count(), 2);
    ledger.record.assert_called_with((Touchy(3), 30));
    assert_eq!(
        panic_message(|| ledger.record.assert_called_with((Touchy(9), 90))),
        "MockLedger.record: expected call not found.\n\
         Expected: record(Touchy(9), 90)\n  \
         Actual: record(Touchy(3), 30)\n\
         \x20         arg 0 (entry): expected Touchy(9), got Touchy(3)\n\
         \x20         arg 1 (amount): expected 90, got 30\n\
         Calls (2): [record(Touchy(1), 10), record(Touchy(3), 30)]"
    );
}

#[test]
fn a_debug_that_panics_while_a_sealed_mock_explains_itself_leaves_it_usable() {
    #[autospec]
    pub trait Pricer {
        fn price(&self, item: Touchy) -> u32;
    }
    let pricer = MockPricer::strict();
    let message = touchy(|| {
        panic_message(|| {
            pricer.price(Touchy(1));
        })
    });
    assert_eq!(
        message,
        "MockPricer.price(<Debug panicked: Touchy(1) cannot be shown>): the mock is sealed and \
         this method has no answer.\nConfigure one with .price.returns(..), \
         .price.returns_with(..) or .price.returns_once(..)."
    );
    pricer.price.returns(7);
    assert_eq!(pricer.price(Touchy(2)), 7);
    assert_eq!(
        pricer.mock_calls(),
        [call!(price(Touchy(1))), call!(price(Touchy(2)))]
    );
}

/// Code under test that gives up halfway, with the mock it was handed.
// It owns the mock so that its unwinding is what drops this handle.
#[allow(clippy::needless_pass_by_value)]
fn checkout(store: Box<dyn Store>) {
    store.put("cart", 3);
    assert!(store.get("cart").is_some(), "checkout crashed");
}

#[test]
fn a_panic_in_the_code_under_test_keeps_what_it_called() {
    let store = MockStore::default();
    let given_away = Box::new(store.clone());
    assert_eq!(panic_message(|| checkout(given_away)), "checkout crashed");

    store.put.assert_called_once_with(("cart", 3));
    assert_eq!(
        store.mock_calls(),
        [call!(put("cart", 3)), call!(get("cart"))]
    );
    store.get.returns(Some("full".to_owned()));
    checkout(Box::new(store.clone()));
    assert_eq!(store.put.call_count(), 2);
}

#[test]
fn an_assertion_failing_on_another_thread_reports_there_and_the_mock_stays_usable() {
    let store = MockStore::default();
    let handle = store.clone();
    let joined = quietly(|| {
        thread::spawn(move || {
            handle.get("k");
            handle.get.assert_called_with(("q",));
        })
        .join()
    })
    .expect("join itself does not panic");
    let payload = joined.expect_err("the assertion failed on its thread");
    assert_eq!(
        payload.downcast_ref::<String>().map(String::as_str),
        Some(
            "MockStore.get: expected call not found.\n\
             Expected: get(\"q\")\n  \
             Actual: get(\"k\")\n\
             \x20         arg 0 (key): expected \"q\", got \"k\"\n\
             Calls (1): [get(\"k\")]"
        )
    );

    store.get("m");
    store.get.assert_has_calls([("k",), ("m",)]);
    store.put.assert_not_called();
}

#[test]
fn mocks_dropped_while_unwinding_do_not_panic_again() {
    // Every handle of this mock, in every state that could upset a `Drop`,
    // goes away while the panic below unwinds. A second panic there would
    // abort the test binary rather than return the first one here.
    let outcome = quietly(|| {
        let ledger = MockLedger::default();
        let clone = ledger.clone();
        let boxed: Box<dyn Ledger> = Box::new(ledger.clone());
        ledger.label.returns("lent".to_owned());
        let lent = boxed.label();
        ledger.total.returns_each([1, 2, 3]);
        assert_eq!(clone.total(), 1);
        // Poisons `total`'s lock: a rule's answer runs while it is held.
        clone.record(Touchy(1), 1);
        ledger
            .total
            .when(())
            .returns_with(|()| panic!("a rule's answer failed"));
        let poisoned = quietly(|| clone.total());
        assert!(poisoned.is_err());
        ledger.seal();
        clone.record.panics("never reached");
        panic!("the code under test failed while holding {lent}");
    });
    let payload = outcome.expect_err("the closure panicked");
    assert_eq!(
        payload.downcast_ref::<String>().map(String::as_str),
        Some("the code under test failed while holding lent")
    );
}
