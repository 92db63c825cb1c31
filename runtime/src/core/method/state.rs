//! A method's typed state, its journal and its answers, behind the
//! `Erased` of `Shared`; and `Locked`, the state locked through its
//! `dyn Journal` view.

use super::calls::{Calls, Kept};
use super::Method;
use crate::core::answers::Answers;
use crate::core::head::{Head, Held};
use crate::core::journal::{ErasedArgs, Journal, ResetMock};
use crate::core::mock_core::MockCore;
use crate::core::sequence::CallLog;
use crate::core::shared::{Erased, Shared};
use crate::core::shown::Shown;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};

/// The typed part of a method.
type Typed<A, R, F> = Mutex<State<A, R, F>>;

// `SharedJournal` states the auto traits of `Arc<Typed<A, R, F>>` by hand,
// so that a diagnostic about them is a short chain that names no private
// type. This checks that the typed part has them under the same bounds: a
// field added to `State` that breaks them fails to compile here.
#[allow(dead_code)]
fn typed_part_is_shared<A: Send, R, F: ?Sized + Send>() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Arc<Typed<A, R, F>>>();
}

/// The typed part of a method: its journal and its answers.
pub(crate) struct State<A, R, F: ?Sized> {
    /// Sequence numbers and counts: the untyped half of the journal.
    pub(crate) log: CallLog,
    /// The arguments of each journaled call, beside `log.seqs`.
    pub(crate) args: Calls<A>,
    pub(crate) render: fn(&A) -> Vec<String>,
    pub(crate) answers: Answers<R>,
    /// The `returns_with` closure is kept erased in `answers`, as a `Box<F>`
    /// that calls take out to run, one at a time (`core/closure.rs`).
    closure: PhantomData<Box<F>>,
}

impl<A, R, F: ?Sized> State<A, R, F> {
    /// Journals a call (or only counts it while journaling is off).
    pub(crate) fn record(&mut self, args: Kept<A>, mock_journaling: bool) -> Option<u64> {
        let seq = self.log.number(mock_journaling);
        if seq.is_some() {
            self.args.push(args, self.render);
        }
        seq
    }
}

impl<A, R, F: ?Sized> Journal for State<A, R, F> {
    fn log(&self) -> &CallLog {
        &self.log
    }

    fn render(&self, index: usize) -> Vec<String> {
        self.args.render(index, self.render)
    }

    fn clear(&mut self) -> Vec<ResetMock> {
        self.log.seqs.clear();
        self.log.unrecorded = 0;
        self.args.clear();
        self.answers.clear_returned();
        self.answers.mocks()
    }

    fn clear_answers(&mut self) {
        self.answers.clear();
    }

    fn returned(&self, seq: u64) -> Option<String> {
        self.answers.returned(seq)
    }

    fn args(&self, index: usize) -> ErasedArgs<'_> {
        self.args.get(index).erase()
    }

    fn unused_answers(&self) -> usize {
        self.answers.unused()
    }
}

/// A locked `State`, reached through the guard of its `dyn Journal` view.
pub(crate) struct Locked<'a, T> {
    guard: Held<'a, dyn Journal + 'a>,
    typed: PhantomData<&'a mut T>,
}

impl<T> Deref for Locked<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        let erased: *const dyn Journal = &*self.guard;
        // SAFETY: `Method::state` is the only constructor, and it locks the
        // `Mutex<T>` of a method (`Method::typed`) through an unsizing
        // coercion to `Mutex<dyn Journal>` (`Head::lock` derefs to the
        // `MutexGuard`'s data, not a copy); the guard's data pointer is
        // therefore that `T`, and dropping the metadata of the fat pointer
        // gives a valid `*const T`. The guard holds the lock for as long as
        // the returned borrow of `self` lives, so no `&mut` to the `T` exists
        // elsewhere. Every call of a mock goes through here (all tests).
        unsafe { &*erased.cast::<T>() }
    }
}

impl<T> DerefMut for Locked<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        let erased: *mut dyn Journal = &mut *self.guard;
        // SAFETY: as in `deref`; the guard is borrowed mutably for as long as
        // the returned borrow, so this is the only reference to the `T`.
        unsafe { &mut *erased.cast::<T>() }
    }
}

/// Making a method, and reaching its typed state.
#[doc(hidden)]
impl<A, R, F: ?Sized> Method<A, R, F> {
    #[doc(hidden)]
    pub fn __new(
        core: &Arc<MockCore>,
        name: &str,
        params: &'static str,
        render: fn(&A) -> Vec<String>,
        default: fn() -> Option<R>,
        shown: Option<Shown<R>>,
    ) -> Self {
        let typed: Box<Typed<A, R, F>> = Box::new(Mutex::new(State {
            log: CallLog::new(),
            args: Calls::new(),
            render,
            answers: Answers::new(default, shown),
            closure: PhantomData,
        }));
        let shared = Shared {
            head: Arc::new(Head::new(core, name, params)),
            typed: Erased::new(typed),
        };
        Method {
            shared: Arc::new(shared),
            lending: crate::core::lent::Lending::new(),
            typed: PhantomData,
        }
    }

    /// The typed part.
    pub(super) fn typed(&self) -> &Typed<A, R, F> {
        // SAFETY: a `Method` is only made by `__new` and `clone` (its
        // `typed` field is private to `core/method/`), and its `shared` is
        // never replaced: `__new` made `shared.typed` from a
        // `Typed<A, R, F>` of this method's own types, and clones share it,
        // with the same types.
        unsafe { self.shared.typed.get::<Typed<A, R, F>>() }
    }

    /// Locks the state. The lock is taken through the state's `dyn Journal`
    /// view, so that the locking code is compiled once, not per method.
    pub(crate) fn state(&self) -> Locked<'_, State<A, R, F>> {
        let journal: &Mutex<dyn Journal + '_> = self.typed();
        Locked {
            guard: self.shared.head.lock(journal),
            typed: PhantomData,
        }
    }
}
