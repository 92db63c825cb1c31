//! A method's typed state, its journal and its answers, behind the
//! `Erased` of `Shared`; and `Locked`, the state locked through its
//! `dyn Journal` view.

use super::calls::{hand_over, Calls, Entry, Kept};
use super::Method;
use crate::core::answers::Answers;
use crate::core::head::{Head, Held};
use crate::core::journal::{ErasedArgs, Journal, ResetMock};
use crate::core::mock_core::MockCore;
use crate::core::sequence::CallLog;
use crate::core::shared::{Erased, Shared};
use crate::core::shown::Shown;
use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};

/// The typed part of a method: generic over the return type alone, so
/// that the code that makes, locks and frees it is shared by every method
/// returning the same type (the argument tuple is erased in `Calls`, the
/// `returns_with` closure in `Answers`).
pub(crate) type Typed<R> = Mutex<State<R>>;

// `SharedJournal` states the auto traits of the handle by hand, so that a
// diagnostic about them is a short chain that names no private type. This
// checks them against a model of what the typed part owns: the argument
// tuples (erased in `Calls`, which owns them as a `Vec<A>` would), the
// state, and the closure. A field added to `State` that breaks them fails
// to compile here.
#[allow(dead_code)]
fn typed_part_is_shared<A: Send, R, F: ?Sized + Send>() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Arc<Mutex<(Vec<A>, State<R>, Box<F>)>>>();
}

/// The typed part of a method: its journal and its answers.
pub(crate) struct State<R> {
    /// Sequence numbers and counts: the untyped half of the journal.
    pub(crate) log: CallLog,
    /// The arguments of each journaled call, beside `log.seqs`, erased.
    pub(crate) args: Calls,
    pub(crate) answers: Answers<R>,
}

impl<R> State<R> {
    /// Journals a call (or only counts it while journaling is off); the
    /// arguments are moved into the journal or dropped.
    ///
    /// # Safety
    /// As for [`Calls::insert`].
    #[inline]
    pub(crate) unsafe fn record_erased(
        &mut self,
        args: super::calls::Incoming<'_>,
        mock_journaling: bool,
    ) -> Option<u64> {
        let seq = self.log.number(mock_journaling);
        if seq.is_some() {
            // SAFETY: the caller's contract.
            unsafe { self.args.push(args) };
        } else {
            // SAFETY: the caller's contract.
            drop(unsafe { self.args.owned(args) });
        }
        seq
    }
}

impl<R> Journal for State<R> {
    fn log(&self) -> &CallLog {
        &self.log
    }

    fn render(&self, index: usize) -> Vec<String> {
        self.args.render(index)
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
        self.args.get(index)
    }

    fn unused_answers(&self) -> usize {
        self.answers.unused()
    }
}

/// A locked `State`, reached through the guard of its `dyn Journal` view.
pub(crate) struct LockedState<'a, R> {
    guard: Held<'a, dyn Journal + 'a>,
    typed: PhantomData<&'a mut State<R>>,
}

impl<'a, R> LockedState<'a, R> {
    /// Locks `typed`, the state of the method `head` names. The lock is
    /// taken through the state's `dyn Journal` view, so that the locking
    /// code is compiled once, not per return type.
    pub(crate) fn lock(head: &'a Head, typed: &'a Typed<R>) -> Self {
        let journal: &Mutex<dyn Journal + '_> = typed;
        LockedState {
            guard: head.lock(journal),
            typed: PhantomData,
        }
    }
}

impl<R> Deref for LockedState<'_, R> {
    type Target = State<R>;
    fn deref(&self) -> &State<R> {
        let erased: *const dyn Journal = &*self.guard;
        // SAFETY: `lock` is the only constructor, and it locks a
        // `Mutex<State<R>>` through an unsizing coercion to
        // `Mutex<dyn Journal>` (`Head::lock` derefs to the `MutexGuard`'s
        // data, not a copy); the guard's data pointer is therefore that
        // `State<R>`, and dropping the metadata of the fat pointer gives a
        // valid `*const State<R>`. The guard holds the lock for as long as
        // the returned borrow of `self` lives, so no `&mut` to the state
        // exists elsewhere. Every call of a mock goes through here (all
        // tests).
        unsafe { &*erased.cast::<State<R>>() }
    }
}

impl<R> DerefMut for LockedState<'_, R> {
    fn deref_mut(&mut self) -> &mut State<R> {
        let erased: *mut dyn Journal = &mut *self.guard;
        // SAFETY: as in `deref`; the guard is borrowed mutably for as long as
        // the returned borrow, so this is the only reference to the state.
        unsafe { &mut *erased.cast::<State<R>>() }
    }
}

/// The locked state of a method whose argument tuple is `A`: it reads and
/// writes the journal's arguments as `A`.
pub(crate) struct Locked<'a, A, R> {
    state: LockedState<'a, R>,
    tuple: PhantomData<fn(A) -> A>,
}

impl<A, R> Deref for Locked<'_, A, R> {
    type Target = State<R>;
    fn deref(&self) -> &State<R> {
        &self.state
    }
}

impl<A, R> DerefMut for Locked<'_, A, R> {
    fn deref_mut(&mut self) -> &mut State<R> {
        &mut self.state
    }
}

/// The typed views of the journal: `A` is the tuple type the journal was
/// made for, since only `Method<A, R, F>::state` makes a `Locked<A, R>`,
/// for the state that `Method::__new` made with `Calls::new::<A>`.
impl<'a, A, R> Locked<'a, A, R> {
    /// Journals a call (or only counts it while journaling is off).
    pub(crate) fn record(&mut self, args: Kept<A>, mock_journaling: bool) -> Option<u64> {
        let mut slot = MaybeUninit::uninit();
        let args = hand_over(args, &mut slot);
        // SAFETY: the journal's tuple type is `A` (above), and the
        // arguments handed over are given up to it.
        unsafe { self.record_erased(args, mock_journaling) }
    }

    /// Journals a call at `index`.
    pub(crate) fn insert(&mut self, index: usize, args: Kept<A>) {
        let mut slot = MaybeUninit::uninit();
        let args = hand_over(args, &mut slot);
        // SAFETY: as in `record`.
        unsafe { self.args.insert(index, args) };
    }

    /// The tuples of every call; empty where they are kept as text.
    pub(crate) fn values(&self) -> &[A] {
        // SAFETY: the journal's tuple type is `A` (above).
        unsafe { self.args.values::<A>() }
    }

    /// Call `index`'s arguments.
    pub(crate) fn entry(&self, index: usize) -> Entry<'_, A> {
        // SAFETY: the journal hands out its own arguments, of type `A`.
        unsafe { Entry::of(self.args.get(index)) }
    }

    /// The newest call's arguments.
    #[allow(clippy::inline_always)] // one caller, in debug builds too
    #[inline(always)]
    pub(crate) fn last_entry(&self) -> Option<Entry<'_, A>> {
        // No `Option::map` and closure: two functions less per method.
        match self.args.len() {
            0 => None,
            len => Some(self.entry(len - 1)),
        }
    }

    /// Every call's arguments, oldest first.
    pub(crate) fn entries(&self) -> impl Iterator<Item = Entry<'_, A>> + use<'_, 'a, A, R> {
        (0..self.args.len()).map(|index| self.entry(index))
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
        Method {
            shared: new_shared(core, name, params, Calls::new(render), default, shown),
            lending: crate::core::lent::Lending::new(),
            typed: PhantomData,
        }
    }

    /// The typed part.
    pub(super) fn typed(&self) -> &Typed<R> {
        // SAFETY: a `Method` is only made by `__new` and `clone` (its
        // `typed` field is private to `core/method/`), and its `shared` is
        // never replaced: `__new` made `shared.typed` from a `Typed<R>` of
        // this method's own `R`, and clones share it.
        unsafe { self.shared.typed.get::<Typed<R>>() }
    }

    /// Locks the state, to read and write its journal as `A`.
    pub(crate) fn state(&self) -> Locked<'_, A, R> {
        Locked {
            state: LockedState::lock(&self.shared.head, self.typed()),
            tuple: PhantomData,
        }
    }
}

/// The untyped half of `Method::__new`: generic over `R` alone.
fn new_shared<R>(
    core: &Arc<MockCore>,
    name: &str,
    params: &'static str,
    args: Calls,
    default: fn() -> Option<R>,
    shown: Option<Shown<R>>,
) -> Arc<Shared> {
    let typed: Box<Typed<R>> = Box::new(Mutex::new(State {
        log: CallLog::new(),
        args,
        answers: Answers::new(default, shown),
    }));
    Arc::new(Shared {
        head: Arc::new(Head::new(core, name, params)),
        typed: Erased::new(typed),
    })
}
