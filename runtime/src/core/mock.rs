//! The `Mock` trait: the mock-level API that every generated mock (and
//! `MockFile`) implements, over its child mocks' journals.

use crate::core::call::Call;
use crate::core::fail;
use crate::core::journal::{self, AnyMethod};
use crate::core::mock_core::MockCore;
use std::fmt;

/// The mock-level API that every `#[autospec]` mock implements.
///
/// These are methods of a trait, not of the mock, so that a mocked method
/// with the same name (a trait with its own `seal` or `mock_calls`) never
/// clashes with them: when both traits are in scope, `mock.seal()` is
/// ambiguous and the compiler asks you to write `Mock::seal(&mock)` or
/// `YourTrait::seal(&mock)`; the child mock stays reachable as the field
/// `mock.seal` either way.
///
/// A call that panics (a strict or sealed mock with no answer, a
/// `panics(..)` answer, used-up one-shot answers) points at the line of
/// the code under test that made the call: the mocked methods are
/// `#[track_caller]`, and so is the call path below them. Three calls
/// cannot carry that line and point at where the mock was made instead: a
/// call through `&dyn Trait` (a vtable does not pass the caller's
/// location) points at `#[autospec]` on the trait; a call of the closure
/// of `as_fn()` or of a `mock_fn!` (closures cannot be `#[track_caller]`)
/// at `#[autospec]` or at `mock_fn!`; a call of a patched function at its
/// `#[autospec]` (the hook runs inside the function). The backtrace shows
/// the way from there.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Clock {
///     fn now(&self) -> u64;
///     fn sleep(&self, millis: u64);
/// }
///
/// let clock = MockClock::default();
/// clock.now.returns(42);
/// assert_eq!(clock.now(), 42);
/// clock.sleep(10);
/// assert_eq!(clock.mock_calls(), [call!(now()), call!(sleep(10))]);
/// assert_eq!(clock.mock_name(), "MockClock");
/// clock.reset_mock();
/// assert!(clock.mock_calls().is_empty());
/// ```
pub trait Mock {
    #[doc(hidden)]
    fn __autospec_core(&self) -> &MockCore;

    #[doc(hidden)]
    fn __autospec_methods(&self) -> Vec<&dyn AnyMethod>;

    /// The mock's name, `MockStore` for a mock of `Store`.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self) -> u8; }
    /// assert_eq!(MockStore::default().mock_name(), "MockStore");
    /// ```
    fn mock_name(&self) -> &'static str {
        self.__autospec_core().name()
    }

    /// Every call to every method of this mock, in the order they happened.
    ///
    /// Compare with [`call!`](crate::call!) values. `{:#?}` prints one call
    /// per line, which suits snapshot tests.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Log { fn info(&self, msg: &str); fn flush(&self); }
    /// let log = MockLog::default();
    /// log.info("a");
    /// log.flush();
    /// assert_eq!(log.mock_calls(), [call!(info("a")), call!(flush())]);
    /// assert_eq!(format!("{:#?}", log.mock_calls()), "[\n    info(\"a\"),\n    flush(),\n]");
    /// ```
    fn mock_calls(&self) -> Vec<Call> {
        journal::mock_calls(&self.__autospec_methods())
    }

    /// Forgets every recorded call of every method; configured answers stay
    /// (as Python's `reset_mock()`). Mocks that this mock keeps as answers
    /// (`db.conn.returns(conn.clone())`, where the method returns a mock
    /// type) are reset too, as Python resets a `return_value` that is a
    /// mock; each mock once, so mocks that answer with each other are fine.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Counter { fn next(&self) -> u32; }
    /// let counter = MockCounter::default();
    /// counter.next.returns(7);
    /// counter.next();
    /// counter.reset_mock();
    /// counter.next.assert_not_called();
    /// assert_eq!(counter.next(), 7);
    /// ```
    fn reset_mock(&self) {
        let Some(_visiting) = Visiting::enter(self.__autospec_core()) else {
            return;
        };
        for method in self.__autospec_methods() {
            journal::reset_any(method);
        }
    }

    /// Forgets every answer configured on every method, as if none was ever
    /// set: calls answer the default again. The journal stays. Python's
    /// `reset_mock(return_value=True, side_effect=True)` is `reset_mock()`
    /// and `reset_answers()`; mockall's `checkpoint()` is
    /// [`verify`](Mock::verify) and `reset_answers()`. See
    /// [`Method::reset_answers`](crate::Method::reset_answers) for one method.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store {
    ///     fn get(&self, key: &str) -> Option<String>;
    ///     fn size(&self) -> usize;
    /// }
    /// let store = MockStore::default();
    /// store.get.returns(Some("v".into()));
    /// store.size.returns(3);
    /// store.get("k");
    /// store.reset_answers();
    /// assert_eq!((store.get("k"), store.size()), (None, 0));
    /// assert_eq!(store.get.call_count(), 2);
    /// ```
    fn reset_answers(&self) {
        for method in self.__autospec_methods() {
            journal::reset_answers_any(method);
        }
    }

    /// Turns keeping calls on or off for every method of this mock; while
    /// off, calls are only counted. See [`Method::journal_calls`](crate::Method::journal_calls).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Sink { fn push(&self, sample: f64); fn flush(&self); }
    /// let sink = MockSink::default();
    /// sink.journal_calls(false);
    /// sink.push(1.0);
    /// sink.flush();
    /// assert!(sink.mock_calls().is_empty());
    /// assert_eq!(sink.push.call_count() + sink.flush.call_count(), 2);
    /// ```
    fn journal_calls(&self, on: bool) {
        self.__autospec_core().set_journaling(on);
    }

    /// Fails if one-shot answers (`returns_once`, `returns_each`) were
    /// queued and never used: a test that configured more calls than the
    /// code under test made. Call it at the end of a test that wants this
    /// check (Python has no equivalent; mockall checks it always).
    ///
    /// ```should_panic
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.returns_each([6, 6]);
    /// dice.roll();
    /// dice.verify(); // panics: 1 one-shot answer never used
    /// ```
    #[track_caller]
    fn verify(&self) {
        let unused: Vec<(String, usize)> = self
            .__autospec_methods()
            .iter()
            .flat_map(|method| journal::unused_any(*method))
            .collect();
        fail::verify(self.mock_name(), &unused);
    }

    /// Makes every call without a configured answer panic instead of
    /// returning `Default::default()`.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Counter { fn next(&self) -> u32; }
    /// let counter = MockCounter::default();
    /// counter.seal();
    /// counter.next.returns(1);
    /// assert_eq!(counter.next(), 1);
    /// ```
    fn seal(&self) {
        self.__autospec_core().seal();
    }

    /// Whether [`seal`](Mock::seal) was called on this mock (or a clone of it).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Counter { fn next(&self) -> u32; }
    /// assert!(MockCounter::strict().is_sealed());
    /// assert!(!MockCounter::default().is_sealed());
    /// ```
    fn is_sealed(&self) -> bool {
        self.__autospec_core().is_sealed()
    }

    /// Sets how long `wait_until_called`, `wait_until_called_times` and
    /// `wait_until_any_call_with` wait on this mock's methods when they are
    /// given `None` instead of a timeout (Python's `ThreadingMock(timeout=..)`).
    /// Until then, the process's default applies
    /// ([`set_default_wait_timeout`](crate::set_default_wait_timeout), at
    /// first [`DEFAULT_WAIT_TIMEOUT`](crate::DEFAULT_WAIT_TIMEOUT), five
    /// seconds): there is no wait without a limit.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// # use std::time::Duration;
    /// #[autospec]
    /// trait Sink { fn push(&self, n: u32); }
    /// let sink = MockSink::default();
    /// sink.set_wait_timeout(Duration::from_millis(200));
    /// let worker = sink.clone();
    /// std::thread::spawn(move || worker.push(1));
    /// sink.push.wait_until_called(None);
    /// assert_eq!(sink.wait_timeout(), Duration::from_millis(200));
    /// ```
    fn set_wait_timeout(&self, timeout: std::time::Duration) {
        self.__autospec_core().set_wait_timeout(timeout);
    }

    /// How long waits on this mock's methods last when given `None`.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Sink { fn push(&self, n: u32); }
    /// assert_eq!(MockSink::default().wait_timeout(), autospec::DEFAULT_WAIT_TIMEOUT);
    /// ```
    fn wait_timeout(&self) -> std::time::Duration {
        self.__autospec_core().wait_timeout()
    }

    /// A fresh mock that is sealed from the start: every call needs an answer.
    ///
    /// ```should_panic
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Counter { fn next(&self) -> u32; }
    /// let counter = MockCounter::strict();
    /// counter.next(); // panics: the mock is sealed and `next` has no answer
    /// ```
    fn strict() -> Self
    where
        Self: Default + Sized,
    {
        let mock = Self::default();
        mock.seal();
        mock
    }
}

/// Marks a mock as being reset on this thread, so that a reset reaching it
/// again through the mocks it keeps as answers stops there. A recursion
/// guard, not test state: it is empty whenever no reset runs.
struct Visiting(u64);

thread_local! {
    static VISITING: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Visiting {
    /// `None` when the mock is already being reset on this thread.
    fn enter(core: &MockCore) -> Option<Visiting> {
        let id = core.id();
        VISITING.with(|visiting| {
            let mut visiting = visiting.borrow_mut();
            if visiting.contains(&id) {
                return None;
            }
            visiting.push(id);
            Some(Visiting(id))
        })
    }
}

impl Drop for Visiting {
    fn drop(&mut self) {
        VISITING.with(|visiting| visiting.borrow_mut().retain(|id| *id != self.0));
    }
}

/// The `Debug` of every mock: its name and its calls.
///
/// # Errors
/// Those of the formatter.
pub fn fmt_mock<M: Mock + ?Sized>(mock: &M, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.debug_struct(mock.mock_name())
        .field("calls", &mock.mock_calls())
        .finish()
}
