//! What every generated mock shares: its name, its seal, and the mock-level API.

use crate::calls::Call;
use crate::journal;
use crate::method::AnyMethod;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// How long `wait_until_*` waits when given no timeout, until
/// [`Mock::set_wait_timeout`] says otherwise.
///
/// ```
/// assert_eq!(autospec::DEFAULT_WAIT_TIMEOUT, std::time::Duration::from_secs(5));
/// ```
pub const DEFAULT_WAIT_TIMEOUT: Duration = Duration::from_secs(5);

/// Numbers mocks as they are made, so that a mock has an identity that
/// outlives it (`magic::MockRef`), unlike its address.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// State shared by all child mocks of one mock: its name and whether it is sealed.
#[doc(hidden)]
#[derive(Debug)]
pub struct MockCore {
    name: &'static str,
    /// Unique among the mocks of this process; clones share it.
    id: u64,
    sealed: AtomicBool,
    /// A patch's `calls_original()`: unconfigured calls run the original.
    passes_through: AtomicBool,
    /// Made by `wrapping(real)`: a spy.
    spy: AtomicBool,
    /// `Mock::journal_calls`: keep calls (else only count them).
    journaling: AtomicBool,
    /// `Mock::set_wait_timeout`, in nanoseconds.
    wait_timeout: AtomicU64,
}

impl MockCore {
    /// A core for the mock named `name` (such as `MockStore`).
    pub fn new(name: &'static str) -> std::sync::Arc<Self> {
        std::sync::Arc::new(MockCore {
            name,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            sealed: AtomicBool::new(false),
            passes_through: AtomicBool::new(false),
            spy: AtomicBool::new(false),
            journaling: AtomicBool::new(true),
            wait_timeout: AtomicU64::new(nanos(DEFAULT_WAIT_TIMEOUT)),
        })
    }

    pub(crate) fn wait_timeout(&self) -> Duration {
        Duration::from_nanos(self.wait_timeout.load(Ordering::Relaxed))
    }

    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub(crate) fn is_sealed(&self) -> bool {
        self.sealed.load(Ordering::Acquire)
    }

    pub(crate) fn seal(&self) {
        self.sealed.store(true, Ordering::Release);
    }

    #[inline]
    pub(crate) fn is_journaling(&self) -> bool {
        self.journaling.load(Ordering::Relaxed)
    }

    pub(crate) fn set_journaling(&self, on: bool) {
        self.journaling.store(on, Ordering::Relaxed);
    }

    pub(crate) fn set_wait_timeout(&self, timeout: Duration) {
        self.wait_timeout.store(nanos(timeout), Ordering::Relaxed);
    }

    /// Makes unconfigured calls of a patched function run the original.
    pub fn __pass_through(&self) {
        self.passes_through.store(true, Ordering::Release);
    }

    /// Marks the mock as made by `wrapping(real)`, for `calls_real`'s message.
    pub fn __spy(&self) {
        self.spy.store(true, Ordering::Relaxed);
    }

    pub(crate) fn is_spy(&self) -> bool {
        self.spy.load(Ordering::Relaxed)
    }

    /// Whether unconfigured calls run the original.
    pub fn __passes_through(&self) -> bool {
        self.passes_through.load(Ordering::Acquire)
    }
}

/// A duration in nanoseconds, saturating (some 584 years at most).
fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}

/// The mock-level API that every `#[autospec]` mock implements.
///
/// These are methods of a trait, not of the mock, so that a mocked method
/// with the same name (a trait with its own `seal` or `mock_calls`) never
/// clashes with them: when both traits are in scope, `mock.seal()` is
/// ambiguous and the compiler asks you to write `Mock::seal(&mock)` or
/// `YourTrait::seal(&mock)`; the child mock stays reachable as the field
/// `mock.seal` either way.
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
    /// (as Python's `reset_mock()`).
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
        for method in self.__autospec_methods() {
            crate::journal::reset_any(method);
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
            .flat_map(|method| crate::journal::unused_any(*method))
            .collect();
        crate::journal::verify(self.mock_name(), &unused);
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
    /// The default is [`DEFAULT_WAIT_TIMEOUT`], five seconds: there is no
    /// wait without a limit.
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
