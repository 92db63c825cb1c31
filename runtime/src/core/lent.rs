//! What a method returning `&mut T` keeps to lend out: `LentValue`, a value
//! that is `Send` or bound to its thread, and `Var`, the cell of the one
//! value that `returns(v)` gives such a method. The lending itself, from
//! the handle that made the call, is `core/method/lend.rs`.

use crate::core::holders::{SendFn, Sent, ThreadBound};
use crate::core::lock::lock;
use std::sync::{Arc, Mutex};

/// A value a mock keeps to lend mutably: held as [`Sent`] where its type is
/// `Send`, else bound to the thread that made it ([`ThreadBound`]), so that
/// the mock stays `Send + Sync` whatever the method returns.
pub(crate) enum LentValue<R> {
    Sent(Sent<R>),
    Local(ThreadBound<R>),
}

impl<R> LentValue<R> {
    /// Keeps `value`; `send` is how to keep it as `Send`, where `R` is.
    pub(crate) fn new(value: R, send: Option<SendFn<R>>) -> Self {
        match send {
            Some(send) => LentValue::Sent(send(value)),
            None => LentValue::Local(ThreadBound::new(value)),
        }
    }

    /// The value, taken out; itself back on another thread than its own,
    /// for a value whose type is not `Send`.
    pub(crate) fn into_inner(self) -> Result<R, Self> {
        match self {
            LentValue::Sent(value) => Ok(value.into_inner()),
            LentValue::Local(value) => value.into_inner().map_err(LentValue::Local),
        }
    }

    /// The value; `None` on another thread than its own, for a value
    /// whose type is not `Send`.
    pub(crate) fn get_mut(&mut self) -> Option<&mut R> {
        match self {
            LentValue::Sent(value) => Some(value.get_mut()),
            LentValue::Local(value) => value.get_mut(),
        }
    }
}

/// The one value `returns(v)` gave a method returning `&mut T`: `None` in
/// the cell while a handle of the mock holds it to lend it out.
pub(crate) type Var<R> = Arc<Mutex<Option<LentValue<R>>>>;

/// A cell holding `value`.
pub(crate) fn var<R>(value: LentValue<R>) -> Var<R> {
    Arc::new(Mutex::new(Some(value)))
}

/// Puts a value back in its cell (see `core/method/lend.rs`).
pub(crate) fn give_back<R>(cell: &Var<R>, value: LentValue<R>) {
    *lock(cell) = Some(value);
}
