//! What a method returning `&mut T` keeps to lend out: `LentValue`, a value
//! that is `Send` or bound to its thread; `Var`, the cell of the one value
//! that `returns(v)` gives such a method; and `Lending`, what one handle
//! lent its last call. The lending itself, from the handle that made the
//! call, is `core/method/lend.rs`, which says why it is sound.

use crate::core::holders::{SendFn, Sent, ThreadBound};
use crate::core::lock::lock;
use std::sync::{Arc, Mutex, PoisonError};

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

/// What one handle of a method lends out. A `Mutex` only so that the
/// handle is `Sync`; calls reach it through `&mut` and never lock it.
pub(crate) struct Lending<R> {
    pub(crate) slot: Mutex<Slot<R>>,
}

/// Boxed values, so that a method returning the mock's own type (`-> Self`)
/// does not make the mock contain itself.
#[derive(Default)]
pub(crate) enum Slot<R> {
    #[default]
    Empty,
    /// A value made for the last call (a one-shot answer, a closure's, the
    /// default), dropped when the handle lends something else.
    Own(Box<LentValue<R>>),
    /// The value `returns(v)` gave, taken out of its cell.
    Var(Box<LentValue<R>>, Var<R>),
}

impl<R> Slot<R> {
    /// Puts a value taken out of its cell back there; drops any other.
    pub(crate) fn give_back(self) {
        if let Slot::Var(value, cell) = self {
            give_back(&cell, *value);
        }
    }
}

impl<R> Lending<R> {
    pub(crate) fn new() -> Self {
        Lending {
            slot: Mutex::new(Slot::Empty),
        }
    }

    pub(crate) fn slot(&mut self) -> &mut Slot<R> {
        self.slot.get_mut().unwrap_or_else(PoisonError::into_inner)
    }

    /// Gives back what this handle holds, through `&self`: no `&mut` it
    /// lent can be alive while the handle is borrowed shared.
    pub(crate) fn give_back(&self) {
        std::mem::take(&mut *lock(&self.slot)).give_back();
    }
}

impl<R> Drop for Lending<R> {
    fn drop(&mut self) {
        std::mem::take(self.slot()).give_back();
    }
}
