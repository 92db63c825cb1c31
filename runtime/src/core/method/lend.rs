//! Lending `&mut R` to the caller of a method that returns `&mut T` from
//! `&mut self` (mockall's `return_var`).
//!
//! Clones of a mock share its answers, so a value kept in the shared state
//! and lent mutably to one handle could be lent to another at the same
//! time: two `&mut` to one value. So the value lent to a call lives in the
//! handle that made the call (`Method::lending`), and the lent `&mut R` is
//! a borrow of that handle's own slot, through the `&mut self` of the call;
//! the borrow checker then keeps it unique, with no `unsafe`. Each call
//! through the handle replaces what the previous one lent (which it may,
//! since holding `&mut` of the handle again proves the previous borrow
//! over), and so does dropping the handle.
//!
//! The one value that `returns(v)` gives lives in a shared cell (`Var`,
//! `core/lent.rs`) while no handle holds it. A call takes it out of the cell
//! into its handle's slot (or finds it there from the previous call), so
//! what the code under test wrote into it stays for the next call; the
//! handle gives it back when it lends something else, when the handle
//! drops, and when the test reads it back through that handle. A call
//! through another handle while one handle holds it finds the cell empty
//! and panics: the other handle may still hold a `&mut` to it.

use super::call::erase;
use super::calls::Kept;
use super::Method;
use crate::core::fail;
use crate::core::head::Head;
use crate::core::lent::{give_back, LentValue, Slot, Var};
use crate::core::lock::lock;
use std::sync::{Arc, PoisonError};

/// Methods that return `&mut T`.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// The call path of a method returning `&mut T` from `&mut self`: the
    /// value `returns(v)` gave, or else the answer of the call, lent from
    /// this handle until its next call.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_mut(
        &mut self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> R,
    ) -> &mut R {
        let previous = std::mem::take(self.lending.slot());
        let slot = match self.var_call(args.into()) {
            Ok((var, seq)) => self.check_out(previous, var, seq),
            Err(args) => {
                previous.give_back();
                let value = self.__call_numbered(args, invoke).0;
                Slot::Own(Box::new(LentValue::new(value, self.state().answers.send())))
            }
        };
        let head = &self.shared.head;
        let place = self
            .lending
            .slot
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        *place = slot;
        match place {
            Slot::Own(value) | Slot::Var(value, _) => match value.get_mut() {
                Some(value) => value,
                None => not_here(head),
            },
            Slot::Empty => unreachable!("a call fills the slot"),
        }
    }

    /// Journals the call and gives the cell of the value `returns(v)` gave,
    /// when that value answers it; else gives the arguments back.
    #[track_caller]
    fn var_call(&self, args: Kept<A>) -> Result<(Var<R>, Option<u64>), Kept<A>> {
        let mut guard = self.state();
        // SAFETY: as in `__call_numbered` (`core/method/call.rs`): the
        // rules and forms were made for this `A`, and `args` is alive.
        let rule = unsafe { guard.answers.rule_for(erase(&args)) };
        let Some(var) = guard.answers.var_answer(rule) else {
            return Err(args);
        };
        // SAFETY: as above.
        let refused = unsafe { guard.answers.refuses(erase(&args)) }.then(|| {
            // SAFETY: this call's arguments, of this method's `A`.
            let call = unsafe { guard.args.render_at(erase(&args)) };
            (call, guard.answers.accepted_forms())
        });
        let seq = guard.record(args, self.shared.head.is_journaling());
        drop(guard);
        self.shared.head.notify();
        if let Some((call, forms)) = refused {
            fail::refused(&self.shared.head, call, &forms);
        }
        Ok((var, seq))
    }

    /// Takes the value `returns(v)` gave out of its cell for this handle,
    /// unless the handle holds it already; gives back what it held.
    #[track_caller]
    fn check_out(&self, previous: Slot<R>, var: Var<R>, seq: Option<u64>) -> Slot<R> {
        let head = &self.shared.head;
        let mut value = match previous {
            Slot::Var(value, cell) if Arc::ptr_eq(&cell, &var) => value,
            other => {
                other.give_back();
                let taken = lock(&var).take();
                Box::new(taken.unwrap_or_else(|| elsewhere(head)))
            }
        };
        if value.get_mut().is_none() {
            give_back(&var, *value);
            not_here(head);
        }
        if let Some(lent) = value.get_mut() {
            self.state().answers.keep_return(seq, lent);
        }
        Slot::Var(value, var)
    }

    /// For a method returning `&mut T` from `&mut self`, which lends every
    /// call the value given to `returns(v)`: a clone of that value as the
    /// calls left it (mockall's `return_var`, read back).
    ///
    /// # Panics
    /// When no value was given to `returns`, and when a handle of the mock
    /// other than this one holds the value (it lent it out and is alive:
    /// drop it first), since a `&mut` to it may still be in use there.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Counter { fn slot(&mut self) -> &mut u32; }
    ///
    /// fn bump(counter: &mut dyn Counter) {
    ///     *counter.slot() += 1;
    /// }
    ///
    /// let mut counter = MockCounter::default();
    /// counter.slot.returns(41);
    /// bump(&mut counter);
    /// assert_eq!(counter.slot.lent(), 42);
    /// assert_eq!(*counter.slot(), 42); // calls lend the same value
    /// ```
    #[track_caller]
    pub fn lent(&self) -> R
    where
        R: Clone,
    {
        let var = self.var_here(false);
        let mut cell = lock(&var);
        // Matched, not `unwrap_or_else`: a closure would report its own
        // line instead of the caller's.
        let Some(value) = cell.as_mut() else {
            elsewhere(&self.shared.head)
        };
        match value.get_mut() {
            Some(value) => value.clone(),
            None => not_here(&self.shared.head),
        }
    }

    /// For a method returning `&mut T` from `&mut self`: takes the value
    /// given to `returns(v)`, as the calls left it, out of the mock, which
    /// then has no standing answer. Its type need not be `Clone`.
    ///
    /// # Panics
    /// As [`lent`](Method::lent).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Buffer { fn data(&mut self) -> &mut Vec<u8>; }
    /// let mut buffer = MockBuffer::default();
    /// buffer.data.returns(Vec::new());
    /// buffer.data().extend_from_slice(b"hi");
    /// assert_eq!(buffer.data.take_lent(), b"hi");
    /// assert!(buffer.data().is_empty()); // the default again
    /// ```
    #[track_caller]
    pub fn take_lent(&self) -> R {
        let head = &self.shared.head;
        let var = self.var_here(false);
        let Some(taken) = lock(&var).take() else {
            elsewhere(head)
        };
        match taken.into_inner() {
            Ok(value) => {
                self.state().answers.var(true);
                value
            }
            Err(taken) => {
                give_back(&var, taken);
                not_here(head)
            }
        }
    }

    /// The cell of the value given to `returns(v)`, with what this handle
    /// holds given back to it.
    #[track_caller]
    fn var_here(&self, take: bool) -> Var<R> {
        self.lending.give_back();
        let (var, by_value) = {
            let mut state = self.state();
            (state.answers.var(take), state.answers.has_standing_value())
        };
        match var {
            Some(var) => var,
            None => no_var(&self.shared.head, by_value),
        }
    }
}

/// A handle other than the caller's holds the value.
#[cold]
#[track_caller]
fn elsewhere(head: &Head) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    fail::fail(&format!(
        "{mock}.{field}: the value given to `.{field}.returns(..)` is lent to another handle \
         of this mock (a clone of it), which may still hold a `&mut` to it. Drop that handle \
         (such as the code under test's copy of the mock) first, or call `{field}` through it."
    ))
}

/// The value is bound to another thread.
#[cold]
#[track_caller]
fn not_here(head: &Head) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    fail::fail(&format!(
        "{mock}.{field}: the value given to `.{field}.returns(..)` is not `Send`, so only the \
         thread that gave it may reach it, and this is another thread."
    ))
}

/// `lent()` or `take_lent()` with no value given to `returns(v)`.
#[cold]
#[track_caller]
fn no_var(head: &Head, by_value: bool) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    if by_value {
        fail::fail(&format!(
            "{mock}.{field}: `lent()` and `take_lent()` read back the value a method returning \
             `&mut T` from `&mut self` lends to every call, and `{field}` hands its answer out \
             by value: there is nothing lent to read. Its calls are in `.{field}.call_args_list()` \
             and `mock_calls()`."
        ))
    }
    fail::fail(&format!(
        "{mock}.{field}: no value was given to `.{field}.returns(..)` to read back; `lent()` \
         and `take_lent()` read the value a method returning `&mut T` from `&mut self` lends \
         to every call."
    ))
}
