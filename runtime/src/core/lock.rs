//! Locking that survives a panic.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, also when it is poisoned. A poisoned lock only means
/// some user code (an answer, a `Debug` impl) panicked while we held it;
/// the journal itself is always consistent, so a mock stays usable after
/// a panic.
pub(crate) fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    match mutex.lock() {
        Ok(guard) => guard,
        Err(poisoned) => PoisonError::into_inner(poisoned),
    }
}
