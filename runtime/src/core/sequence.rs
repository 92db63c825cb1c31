//! The call sequence: one process-wide number per journaled call, and the
//! untyped half of each method's journal that keeps those numbers.

use std::sync::atomic::{AtomicU64, Ordering};

/// One process-wide sequence over all recorded calls of all mocks, so that
/// calls of different methods (and different mocks) can be put in order.
static SEQUENCE: Alone = Alone(AtomicU64::new(0));

/// The sequence number alone on its cache lines: it is written by every
/// journaled call on every thread, and whatever shared its line (std's
/// panic count, which every mutex reads) would be fetched again after
/// each of those writes. 128 bytes, as x86 prefetches lines in pairs.
#[repr(align(128))]
struct Alone(AtomicU64);

/// The next number of the global call sequence.
#[inline]
pub(crate) fn next_seq() -> u64 {
    SEQUENCE.0.fetch_add(1, Ordering::Relaxed)
}

/// The untyped half of a method's journal, compiled once.
#[doc(hidden)]
pub struct CallLog {
    /// The global sequence number of each journaled call.
    pub(crate) seqs: Vec<u64>,
    /// `journal_calls(false)`: calls are counted, not kept.
    pub(crate) journaling: bool,
    /// Calls counted while not journaling.
    pub(crate) unrecorded: usize,
}

impl CallLog {
    pub(crate) fn new() -> Self {
        CallLog {
            seqs: Vec::new(),
            journaling: true,
            unrecorded: 0,
        }
    }

    /// Numbers a call when it is journaled (`Some`: then its arguments are
    /// kept too), else only counts it. Called under the journal's lock, so
    /// that the order of each method's journal agrees with the global
    /// sequence.
    #[inline]
    pub(crate) fn number(&mut self, mock_journaling: bool) -> Option<u64> {
        if self.journaling && mock_journaling {
            let seq = next_seq();
            self.seqs.push(seq);
            Some(seq)
        } else {
            self.unrecorded += 1;
            None
        }
    }
}
