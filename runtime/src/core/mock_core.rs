//! `MockCore`: what every child mock of one mock shares, its name and its
//! settings (sealed, journaling, wait timeout, spy, pass-through).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// How long `wait_until_*` waits when given no timeout, until
/// [`set_default_wait_timeout`] or, for one mock,
/// [`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout) says otherwise.
///
/// ```
/// assert_eq!(autospec::DEFAULT_WAIT_TIMEOUT, std::time::Duration::from_secs(5));
/// ```
pub const DEFAULT_WAIT_TIMEOUT: Duration = Duration::from_secs(5);

/// The process-wide wait timeout, in nanoseconds.
static PROCESS_WAIT_TIMEOUT: AtomicU64 = AtomicU64::new(5_000_000_000);

/// A mock's wait timeout while it has none of its own: the process's.
const UNSET: u64 = u64::MAX;

/// Sets how long `wait_until_called`, `wait_until_called_times` and
/// `wait_until_any_call_with` wait when given `None`, for every mock that
/// has no timeout of its own (Python's `ThreadingMock.DEFAULT_TIMEOUT`),
/// and returns the previous one. The default is [`DEFAULT_WAIT_TIMEOUT`].
///
/// It is the process's: tests that run at the same time see it too, so
/// set it once (a longer one for a slow CI machine), or give one mock its
/// own with [`Mock::set_wait_timeout`](crate::Mock::set_wait_timeout).
///
/// ```
/// use autospec::prelude::*;
/// use std::time::Duration;
///
/// #[autospec]
/// trait Sink { fn push(&self, n: u32); }
///
/// let before = autospec::set_default_wait_timeout(Duration::from_secs(30));
/// let sink = MockSink::default();
/// assert_eq!(sink.wait_timeout(), Duration::from_secs(30));
/// sink.set_wait_timeout(Duration::from_millis(200)); // this mock's own
/// assert_eq!(sink.wait_timeout(), Duration::from_millis(200));
/// autospec::set_default_wait_timeout(before);
/// ```
pub fn set_default_wait_timeout(timeout: Duration) -> Duration {
    let previous = PROCESS_WAIT_TIMEOUT.swap(nanos(timeout).min(UNSET - 1), Ordering::Relaxed);
    Duration::from_nanos(previous)
}

/// How long waits last when given `None`, for mocks without a timeout of
/// their own (see [`set_default_wait_timeout`]).
///
/// ```
/// assert!(autospec::default_wait_timeout() > std::time::Duration::ZERO);
/// ```
pub fn default_wait_timeout() -> Duration {
    Duration::from_nanos(PROCESS_WAIT_TIMEOUT.load(Ordering::Relaxed))
}

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
    /// The mock is a patch (of a function or method), named by its
    /// guard's variable in `merged_calls!`.
    patch: AtomicBool,
    /// `Mock::set_wait_timeout`, in nanoseconds, or `UNSET` for the
    /// process's.
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
            patch: AtomicBool::new(false),
            wait_timeout: AtomicU64::new(UNSET),
        })
    }

    pub(crate) fn wait_timeout(&self) -> Duration {
        match self.wait_timeout.load(Ordering::Relaxed) {
            UNSET => default_wait_timeout(),
            own => Duration::from_nanos(own),
        }
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
        self.wait_timeout
            .store(nanos(timeout).min(UNSET - 1), Ordering::Relaxed);
    }

    /// Makes unconfigured calls of a patched function run the original.
    pub fn __pass_through(&self) {
        self.passes_through.store(true, Ordering::Release);
    }

    /// Marks the mock as made by `wrapping(real)`, for `calls_real`'s message.
    pub fn __spy(&self) {
        self.spy.store(true, Ordering::Relaxed);
    }

    pub(crate) fn mark_patch(&self) {
        self.patch.store(true, Ordering::Relaxed);
    }

    pub(crate) fn is_patch(&self) -> bool {
        self.patch.load(Ordering::Relaxed)
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
