//! The call path: what generated code calls to journal a call and answer
//! it. Only the journal push and the answer pick are generic over the
//! argument tuple (see the note on code size in `mod.rs`).

use super::calls::{hand_over, Incoming, Kept};
use super::state::{LockedState, State, Typed};
use super::Method;
use crate::core::answer::Answer;
use crate::core::answers::Picked;
use crate::core::closure::Closure;
use crate::core::fail::refused;
use crate::core::head::Head;
use crate::core::holders::StaticRef;
use crate::core::journal::ErasedArgs;
use crate::core::shared::AwaitTicket;
use std::mem::MaybeUninit;
use std::sync::Arc;

/// The call path.
#[doc(hidden)]
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// Journals a call and answers it; `invoke` runs a `returns_with` closure
    /// with the method's original arguments.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call(&self, args: impl Into<Kept<A>>, invoke: impl FnOnce(&mut F) -> R) -> R {
        self.__call_numbered(args, invoke).0
    }

    /// [`__call`](Self::__call) for an async method: the answer comes back
    /// as a future that journals the await when it completes.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_async(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> R,
    ) -> Answer<R> {
        let args = args.into();
        let pending = self.state().answers.pending();
        if let Some(make) = pending {
            // Made unlocked, so that the closure may use the mock.
            let future = make(erase(&args));
            let seq = self.state().record(args, self.shared.head.is_journaling());
            self.shared.head.notify();
            return Answer::pending(future, self.ticket(seq));
        }
        let (value, seq) = self.__call_numbered(args, invoke);
        Answer::new(value, self.ticket(seq))
    }

    /// The ticket that journals the await of call `seq`.
    fn ticket(&self, seq: Option<u64>) -> Option<AwaitTicket> {
        seq.map(|seq| AwaitTicket {
            head: Arc::clone(&self.shared.head),
            seq,
        })
    }

    /// The answer, and the call's sequence number if it was journaled.
    /// Generated code calls this one (and takes `.0`), so that a mocked
    /// method instantiates a single call path (code size: see the note on
    /// `Method`).
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_numbered(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> R,
    ) -> (R, Option<u64>) {
        // `pick`, written out: calling it (even inlined) costs a debug
        // build a copy of the arguments in every mocked method.
        let mut slot = MaybeUninit::uninit();
        let args = hand_over(args.into(), &mut slot);
        // SAFETY: the state's journal was made for `A` (`Method::__new`),
        // and the arguments handed over are a call of this method, given up.
        let (answer, seq) = unsafe { pick(&self.shared.head, self.typed(), args) };
        match answer {
            Ok(value) => (value, seq),
            Err(with) => {
                let value = self.run(&with, invoke);
                keep_returned(&self.shared.head, self.typed(), seq, &value);
                (value, seq)
            }
        }
    }

    /// Runs the `returns_with` closure of a call, unlocked so that it may
    /// use the mock, and alone: calls take it in turn (see `Closure`).
    #[track_caller]
    fn run<T>(&self, with: &Closure, invoke: impl FnOnce(&mut F) -> T) -> T {
        let mut running = with.take(&self.shared.head);
        // SAFETY: `with` only ever holds a `Closure` of a `Box<F>`, made by
        // `__returns_with` of this method, whose `F` is this `F`.
        invoke(unsafe { running.get::<Box<F>>() })
    }

    /// [`__call`](Self::__call) for a method whose answer holds a borrow of
    /// an argument or of `self` (`-> Cow<'a, str>`, `-> Token<'_>`): the
    /// answers it keeps (`R`) borrow only for `'static`, and `stored`
    /// hands one back as the call's `T` (the same type with the call's
    /// lifetimes, which `'static` outlives); a `returns_with` closure
    /// returns the `T` itself, which may borrow from the arguments it
    /// received. The value is never kept, so it is not journaled either.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_lent<T>(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> T,
        stored: impl FnOnce(R) -> T,
    ) -> T {
        match self.pick(args.into()).0 {
            Ok(value) => stored(value),
            Err(with) => self.run(&with, invoke),
        }
    }

    /// [`__call_lent`](Self::__call_lent) for a constructor: while nothing
    /// is configured, `fallback` answers (the class's instance), as for
    /// [`__call_or`](Self::__call_or).
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_lent_or<T>(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> T,
        stored: impl FnOnce(R) -> T,
        fallback: impl FnOnce() -> T,
    ) -> T {
        let args = args.into();
        let mut guard = self.state();
        if guard.answers.is_unconfigured() {
            guard.record(args, self.shared.head.is_journaling());
            drop(guard);
            self.shared.head.notify();
            return fallback();
        }
        drop(guard);
        self.__call_lent(args, invoke, stored)
    }

    /// Journals a call and picks its answer: a value (a default one when
    /// nothing is configured), or the `returns_with` closure to run, which
    /// the caller runs with the state unlocked so that it may use the mock.
    /// Also the call's sequence number if it was journaled. Only this shell
    /// is compiled per method; the work is in [`pick`], per return type.
    #[track_caller]
    fn pick(&self, args: Kept<A>) -> (Result<R, Arc<Closure>>, Option<u64>) {
        let mut slot = MaybeUninit::uninit();
        let args = hand_over(args, &mut slot);
        // SAFETY: the state's journal was made for `A` (`Method::__new`),
        // and the arguments handed over are a call of this method, given up.
        unsafe { pick(&self.shared.head, self.typed(), args) }
    }

    /// [`__call`](Self::__call) for a method that returns `&'static T`:
    /// the `&'static T` given to `returns_static(&CONFIG)` when it answers,
    /// else the answer, leaked (see [`__call_leak`](Self::__call_leak)).
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_static<T>(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> R,
    ) -> &'static T
    where
        T: ?Sized + 'static,
        R: std::borrow::Borrow<T> + 'static,
    {
        let args = args.into();
        let mut guard = self.state();
        // SAFETY: as in `__call_numbered`.
        let rule = unsafe { guard.answers.rule_for(erase(&args)) };
        let answer = guard.answers.static_answer(rule).map(|answer| {
            match answer.downcast_ref::<StaticRef<T>>() {
                Some(answer) => answer.get(),
                None => unreachable!("`returns_static` of this method keeps a `&'static T`"),
            }
        });
        let Some(answer) = answer else {
            drop(guard);
            return std::borrow::Borrow::borrow(Box::leak(Box::new(self.__call(args, invoke))));
        };
        // SAFETY: as in `__call_numbered`.
        let refused_call = unsafe { guard.answers.refuses(erase(&args)) }.then(|| {
            // SAFETY: this call's arguments, of this method's `A`.
            let call = unsafe { guard.args.render_at(erase(&args)) };
            (call, guard.answers.accepted_forms())
        });
        guard.record(args, self.shared.head.is_journaling());
        drop(guard);
        self.shared.head.notify();
        if let Some((call, forms)) = refused_call {
            refused(&self.shared.head, call, &forms);
        }
        answer
    }

    /// [`__call`](Self::__call) for a method that returns a reference: the
    /// answer is kept by the mock and lent out for as long as the mock lives.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_ref(&self, args: impl Into<Kept<A>>, invoke: impl FnOnce(&mut F) -> R) -> &R {
        self.__keep(self.__call(args, invoke))
    }

    /// Keeps `value` for as long as the mock lives and lends it out; for
    /// answers that are only partly lent (`Option<&T>`, `Result<&T, E>`).
    #[doc(hidden)]
    pub fn __keep(&self, value: R) -> &R {
        // SAFETY: the answers live as long as the method's state, which
        // outlives the returned borrow of `self`: `self` holds a handle to
        // it and cannot release it while borrowed. Exercised by
        // `lent_references_survive_reconfiguration` and tests/soundness.rs.
        unsafe { self.state().answers.lend(value) }
    }

    /// [`__call`](Self::__call) for a method that returns a reference which
    /// does not borrow from `self` (`&'static str`, or a lifetime of an
    /// argument): the answer is leaked, which is what makes it live long
    /// enough for any lifetime. Tests are short-lived; the leak is bounded
    /// by the number of such calls.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_leak(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> R,
    ) -> &'static R
    where
        R: 'static,
    {
        Box::leak(Box::new(self.__call(args, invoke)))
    }

    /// [`__call`](Self::__call) for a method whose unconfigured answer is
    /// not a default but `fallback` (a constructor's shared instance).
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_or(
        &self,
        args: impl Into<Kept<A>>,
        invoke: impl FnOnce(&mut F) -> R,
        fallback: impl FnOnce() -> R,
    ) -> R {
        let args = args.into();
        let mut guard = self.state();
        if guard.answers.is_unconfigured() {
            guard.record(args, self.shared.head.is_journaling());
            drop(guard);
            self.shared.head.notify();
            return fallback();
        }
        drop(guard);
        self.__call_numbered(args, invoke).0
    }

    /// Sets the answer of unconfigured calls from the method's own call
    /// path, for a method whose `where` clause bounds the mock's type
    /// parameters (`fn get(&self) -> T where T: Default` in `trait
    /// Store<T>`): only there is the bound known, and with it the default.
    #[doc(hidden)]
    pub fn __default_here(&self, default: fn() -> Option<R>) {
        self.state().answers.set_default(default);
    }

    /// Whether a call now would be answered by something configured (a
    /// one-shot answer left, or a standing answer).
    #[doc(hidden)]
    pub fn __has_answer(&self) -> bool {
        self.state().answers.has_answer()
    }

    /// Journals a call without answering it (the original function answers).
    #[doc(hidden)]
    pub fn __record(&self, args: impl Into<Kept<A>>) {
        let journaling = self.shared.head.is_journaling();
        self.state().record(args.into(), journaling);
        self.shared.head.notify();
    }

    /// Journals a call that was made before this instantiation of a generic
    /// method had its own child mock, in sequence order.
    #[doc(hidden)]
    pub fn __adopt(&self, seq: u64, args: Kept<A>) {
        let mut guard = self.state();
        let at = guard.log.seqs.partition_point(|&recorded| recorded < seq);
        guard.log.seqs.insert(at, seq);
        guard.insert(at, args);
    }
}

/// Journals what a `returns_with` closure returned for call `seq`.
fn keep_returned<R>(head: &Head, typed: &Typed<R>, seq: Option<u64>, value: &R) {
    if seq.is_some() {
        LockedState::lock(head, typed)
            .answers
            .keep_return(seq, value);
    }
}

/// A call refused by `accepts(..)`: its arguments rendered, and the
/// accepted forms.
type Refusal = (Vec<String>, Vec<String>);

/// What `pick` finds: the value or the closure to run, and the call's
/// sequence number if it was journaled.
type Found<R> = (Result<R, Arc<Closure>>, Option<u64>);

/// The work of `Method::pick`, generic over the return type alone: every
/// method returning the same type shares it.
///
/// # Safety
/// `args` are the arguments of a call of the method whose state this is:
/// a `Value` points to a tuple of the journal's type, which this takes
/// over (it is journaled or dropped).
#[track_caller]
unsafe fn pick<R>(
    head: &Head,
    typed: &Typed<R>,
    args: Incoming<'_>,
) -> (Result<R, Arc<Closure>>, Option<u64>) {
    let mut guard = LockedState::lock(head, typed);
    // SAFETY: the caller's contract.
    match unsafe { pick_locked(head, &mut guard, args) } {
        Ok(picked) => picked,
        Err((call, forms)) => {
            drop(guard);
            refused(head, call, &forms)
        }
    }
}

/// [`pick`], locked.
///
/// # Safety
/// As for [`pick`].
#[track_caller]
unsafe fn pick_locked<R>(
    head: &Head,
    state: &mut State<R>,
    args: Incoming<'_>,
) -> Result<Found<R>, Refusal> {
    if state.answers.only_standing_value() {
        // The common case: nothing reads the arguments but the journal.
        // SAFETY: the caller's contract.
        let seq = unsafe { state.record_erased(args, head.is_journaling()) };
        head.notify();
        return Ok((Ok(state.answers.standing_value(seq)), seq));
    }
    // SAFETY: the rules were made by `when` of this method, for its tuple
    // type, and `args` lives until the end of this call.
    let rule = unsafe { state.answers.rule_for(args.erase()) };
    let seq = state.log.number(head.is_journaling());
    // The call is journaled before any answer runs, so that an answer
    // that panics leaves it journaled like any other. Arguments that are
    // not journaled are dropped when this returns or unwinds.
    let unjournaled = if seq.is_some() {
        // SAFETY: the caller's contract.
        unsafe { state.args.push(args) };
        None
    } else {
        // SAFETY: the caller's contract.
        Some(unsafe { state.args.owned(args) })
    };
    head.notify();
    let journaled = match &unjournaled {
        Some(args) => args.erase(),
        None => state.args.last().unwrap_or(ErasedArgs::Text(&[])),
    };
    // SAFETY: `journaled` is this call's arguments (of this method's
    // tuple type), in the journal or in `unjournaled`; neither moves nor
    // is dropped while the forms, the rule or a one-shot closure use them:
    // the lock is held, and a call of this method from a closure panics
    // rather than pushing.
    if unsafe { state.answers.refuses(journaled) } {
        // SAFETY: as above.
        let call = unsafe { state.args.render_at(journaled) };
        return Err((call, state.answers.accepted_forms()));
    }
    // SAFETY: as above, and `rule` came from `rule_for` for this call.
    let picked = unsafe { state.answers.settle(rule, journaled, seq) };
    drop(unjournaled);
    let answer = match picked {
        Picked::Value(value) => Ok(value),
        Picked::With(answer) => Err(answer),
        // A `&'static` answer or a lent value is handed out by
        // `__call_static` or `__call_mut` before it gets here; only a
        // call racing with another that used up the one-shot answers in
        // between finds it, and gets the default.
        Picked::Elsewhere | Picked::Unconfigured => {
            let value = state.answers.unconfigured(head, &*state);
            state.answers.default_returned(seq);
            Ok(value)
        }
    };
    Ok((answer, seq))
}

/// A call's arguments, erased, for the rules' tests and answers.
pub(crate) fn erase<A>(args: &Kept<A>) -> ErasedArgs<'_> {
    match args {
        Kept::Value(args) => ErasedArgs::Value(std::ptr::from_ref(args).cast()),
        Kept::Text(texts) => ErasedArgs::Text(texts),
    }
}

/// The `Ok` value of a kept `Result` that is known to be `Ok`.
pub fn kept_ok<T, E>(kept: &Result<T, E>) -> &T {
    match kept {
        Ok(value) => value,
        Err(_) => unreachable!("only `Ok` answers are kept"),
    }
}
