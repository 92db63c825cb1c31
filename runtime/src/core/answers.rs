//! What a method answers: `when` rules, one-shot answers and the standing
//! answer.
//!
//! Generic over the return type `R` only, never over the argument tuple or
//! the `returns_with` closure type, so that every mocked method returning the
//! same type shares one copy of this code: a crate with 500 mocked methods
//! compiles it once per distinct return type, not 500 times. A
//! `returns_with` closure is kept beside the answers, erased, since its type
//! is the method's own; closures of the journaled arguments (rules,
//! one-shot closures, `returns_async`) take them by pointer.

use crate::core::answer::Pending;
use crate::core::closure::Closure;
use crate::core::fail::{answer_panics, no_answer};
use crate::core::head::Head;
use crate::core::holders::{Pinned, SendFn, Sent};
use crate::core::journal::{ErasedArgs, Journal, ResetMock};
use crate::core::lent::{self, LentValue, Var};
use crate::core::shown::{Returned, Shown};
use std::any::Any;
use std::collections::VecDeque;
use std::sync::Arc;

/// The configured answers of one method.
///
/// Every `R` it keeps is held in a [`Sent`], made where `R: Send` is known,
/// so that `Answers<R>` is `Send` whatever `R` is: a mock's thread-safety
/// depends on its argument types alone (see `core/holders.rs`).
pub(crate) struct Answers<R> {
    once: VecDeque<Once<R>>,
    /// How many one-shot answers the latest batch queued (counting restarts
    /// when answers are queued onto an empty queue), for the exhaustion message.
    queued: usize,
    /// `sequence().then_default()`: once the one-shot answers are used up,
    /// an unconfigured call gets the default rather than a panic.
    default_after_once: bool,
    standing: Standing<R>,
    /// The `returns_with` closure (an erased `Box<F>`), while it is the
    /// standing answer; shared so that a call can run it unlocked.
    with: Option<Arc<Closure>>,
    /// A spy's call to the real implementation (an erased `Box<F>`, as
    /// `with`), consulted after every configured answer, before the default.
    fallback: Option<Arc<Closure>>,
    /// `calls_default()`: the mock runs the trait's default body (the
    /// generated method checks this, since only it can run the body).
    default_body: bool,
    default: fn() -> Option<R>,
    /// Values lent out by reference (`fn name(&self) -> &str`). Only ever
    /// grows, so every lent reference stays valid as long as the answers.
    lent: Vec<Pinned<Sent<R>>>,
    /// `when(..)` rules, oldest first (the newest that matches answers).
    rules: Vec<Rule<R>>,
    /// `accepts(..)`: the argument forms a call may have, each with its
    /// text; empty when every call is accepted.
    accepted: Vec<(ErasedTest, String)>,
    /// How returned values are journaled, when `R` is `Clone + Debug`.
    shown: Option<Shown<R>>,
    /// What the journaled calls returned, as runs: an entry holds for every
    /// journaled call from its sequence number until the next entry's, so
    /// that calls answered by the standing value or the default (the common
    /// case) cost the journal nothing each (ascending by sequence number,
    /// for a binary search).
    returned: Vec<(u64, Run)>,
    /// What the runs point at: each standing value as kept when it was set,
    /// and each value returned by a call answered otherwise.
    kept: Vec<Returned<R>>,
    /// The index in `kept` of the standing value, while it answers.
    standing_kept: Option<u32>,
    /// `returns_async`: the standing answer of an async method, a closure
    /// of the journaled arguments (erased as for [`ErasedTest`]) that makes
    /// the future.
    pending: Option<ErasedPending<R>>,
    /// A spy's call to the real implementation of an async method, as
    /// `pending`, consulted as `fallback` is.
    pending_fallback: Option<ErasedPending<R>>,
}

/// Makes the future of a `returns_async` answer.
pub(crate) type ErasedPending<R> = Arc<dyn Fn(ErasedArgs<'_>) -> Pending<R> + Send + Sync>;

/// Tests a call's journaled arguments, given erased: a pointer to the
/// method's argument tuple `A`, or their text (so that answers stay generic
/// over `R` only).
///
/// Only `Method::when` and `Method::accepts` (`features/matchers`) make
/// one, for their own `A`, and only the call path (`Method::__call_numbered`,
/// and a spy's `Method::__default_body`) calls it, with the erased
/// arguments of a call of the same method that live for the duration of
/// the call.
pub(crate) type ErasedTest = Box<dyn Fn(ErasedArgs<'_>) -> bool + Send + Sync>;

/// Computes an answer from a call's journaled arguments (erased as for
/// [`ErasedTest`]); made by `when(..).returns_with` and
/// `sequence().returns_with`, for their own method's `A`.
pub(crate) type ErasedAnswer<R> = Box<dyn FnMut(ErasedArgs<'_>) -> R + Send>;

/// One `when(..)` rule: which calls it answers, and how.
struct Rule<R> {
    test: ErasedTest,
    answer: RuleAnswer<R>,
}

/// What a rule answers with.
pub(crate) enum RuleAnswer<R> {
    /// Every matching call, with a clone.
    Value(Sent<R>, fn(&R) -> R),
    /// The next matching calls, one value each; then the rule is spent.
    Queue(VecDeque<Sent<R>>),
    /// A closure of the journaled arguments.
    With(ErasedAnswer<R>),
    /// Panics with the message.
    Panic(String),
}

/// One one-shot answer: a value, a panic or a closure of the journaled
/// arguments, used by exactly one call.
pub(crate) enum Once<R> {
    Value(Sent<R>),
    Panic(String),
    With(ErasedAnswer<R>),
}

/// How a call is answered, as [`Answers::settle`] finds it.
pub(crate) enum Picked<R> {
    Value(R),
    /// Run the `returns_with` closure (an erased `Box<F>`).
    With(Arc<Closure>),
    /// A `&'static T` (`returns_static(&CONFIG)`) or the value lent by a method
    /// returning `&mut T` (`returns(v)`), which only the call paths of such
    /// methods hand out (`__call_static`, `__call_mut`), before they get here.
    Elsewhere,
    /// Nothing configured: the default, or a panic that says so.
    Unconfigured,
}

/// What a run of the journal of returned values says the calls returned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// The value at this index of `kept`.
    Kept(u32),
    /// The default (made again to be shown: a default is the same each time).
    Default,
    /// Nothing the journal keeps.
    Nothing,
    /// A call whose closure runs unlocked: its value comes later. Never
    /// merged with the next call's run.
    Reserved,
}

/// The standing answer, the last one set (a closure is kept in `with`: `None` here).
enum Standing<R> {
    None,
    Value(Sent<R>, fn(&R) -> R),
    Panic(String),
    /// A `&'static T` (a boxed `StaticRef<T>`), for a method returning one.
    Static(Box<dyn Any + Send + Sync>),
    /// The one value a method returning `&mut T` lends to every call.
    Lent(Var<R>),
}

impl<R> Answers<R> {
    pub(crate) fn new(default: fn() -> Option<R>, shown: Option<Shown<R>>) -> Self {
        Answers {
            once: VecDeque::new(),
            queued: 0,
            default_after_once: false,
            standing: Standing::None,
            with: None,
            fallback: None,
            default_body: false,
            default,
            lent: Vec::new(),
            rules: Vec::new(),
            accepted: Vec::new(),
            shown,
            returned: Vec::new(),
            kept: Vec::new(),
            standing_kept: None,
            pending: None,
            pending_fallback: None,
        }
    }

    /// The `returns_async` closure, when it answers the next call (no rule
    /// and no one-shot answer comes first); else a spy's, when nothing
    /// else is configured.
    pub(crate) fn pending(&self) -> Option<ErasedPending<R>> {
        if !self.rules.is_empty() || !self.once.is_empty() {
            return None;
        }
        let standing = self.with.is_some() || !matches!(self.standing, Standing::None);
        self.pending
            .clone()
            .or_else(|| (!standing).then(|| self.pending_fallback.clone())?)
    }

    pub(crate) fn set_pending(&mut self, answer: ErasedPending<R>) {
        self.replace_standing(Standing::None);
        self.pending = Some(answer);
    }

    /// Journals that call `seq` returned `run`: a new run unless the last
    /// one already says so. Calls are journaled in sequence order under
    /// the lock, so runs only ever grow at the end.
    #[inline]
    fn journal_run(&mut self, seq: Option<u64>, run: Run) {
        if let (Some(seq), Some(_)) = (seq, &self.shown) {
            if self.returned.last().map(|(_, last)| *last) != Some(run) {
                self.returned.push((seq, run));
            }
        }
    }

    /// Journals the value returned by call `seq`, a value of its own (a
    /// one-shot answer, a rule's, a closure's), when it can be shown.
    #[inline]
    pub(crate) fn keep_return(&mut self, seq: Option<u64>, value: &R) {
        let Some(seq) = seq else {
            return;
        };
        if self.shown.is_none() {
            return;
        }
        let run = match self.shown.as_ref().and_then(|shown| shown.keep(value)) {
            Some(kept) => Run::Kept(self.push_kept(kept)),
            None => Run::Nothing,
        };
        self.place_run(seq, run);
    }

    /// Journals `run` for call `seq`, which may be older than the last
    /// journaled call: a closure's value comes after it ran unlocked (its
    /// run was reserved), a lent value when its handle takes it.
    fn place_run(&mut self, seq: u64, run: Run) {
        let at = self.returned.partition_point(|(start, _)| *start <= seq);
        match at.checked_sub(1).map(|before| self.returned[before]) {
            Some((start, _)) if start == seq => self.returned[at - 1].1 = run,
            _ if at == self.returned.len() => self.journal_run(Some(seq), run),
            before => {
                // `seq` falls inside a run: split it around the call.
                let after = before.map_or(Run::Nothing, |(_, run)| run);
                self.returned.insert(at, (seq, run));
                if seq + 1 < self.returned[at + 1].0 {
                    self.returned.insert(at + 1, (seq + 1, after));
                }
            }
        }
    }

    /// Journals that call `seq` is answered by a closure running unlocked,
    /// whose value [`keep_return`](Self::keep_return) journals later.
    pub(crate) fn reserve_return(&mut self, seq: Option<u64>) {
        if let (Some(seq), Some(_)) = (seq, &self.shown) {
            self.returned.push((seq, Run::Reserved));
        }
    }

    /// Journals that call `seq` returned the standing value.
    #[inline]
    fn standing_returned(&mut self, seq: Option<u64>) {
        if let (Some(index), Some((_, Run::Kept(last))), Some(_)) =
            (self.standing_kept, self.returned.last(), seq)
        {
            if *last == index {
                // The newest run already says so, and holds for this call.
                return;
            }
        }
        self.standing_returned_run(seq);
    }

    /// [`standing_returned`](Self::standing_returned) when a run starts.
    fn standing_returned_run(&mut self, seq: Option<u64>) {
        if seq.is_none() || self.shown.is_none() {
            return;
        }
        let index = if let Some(index) = self.standing_kept {
            index
        } else {
            let kept = match (&self.standing, &self.shown) {
                (Standing::Value(value, _), Some(shown)) => shown.keep(value.get()),
                _ => None,
            };
            let Some(kept) = kept else {
                self.journal_run(seq, Run::Nothing);
                return;
            };
            let index = self.push_kept(kept);
            self.standing_kept = Some(index);
            index
        };
        self.journal_run(seq, Run::Kept(index));
    }

    /// Journals that call `seq` returned the default.
    pub(crate) fn default_returned(&mut self, seq: Option<u64>) {
        self.journal_run(seq, Run::Default);
    }

    fn push_kept(&mut self, kept: Returned<R>) -> u32 {
        self.kept.push(kept);
        u32::try_from(self.kept.len() - 1).unwrap_or(u32::MAX)
    }

    /// The `Debug` text of the value call `seq` returned, if it was kept.
    pub(crate) fn returned(&self, seq: u64) -> Option<String> {
        let shown = self.shown.as_ref()?;
        let at = self.returned.partition_point(|(start, _)| *start <= seq);
        match self.returned.get(at.checked_sub(1)?)?.1 {
            Run::Kept(index) => Some(shown.show(self.kept.get(usize::try_from(index).ok()?)?)),
            Run::Default => {
                (self.default)().and_then(|value| Some(shown.show(&shown.keep(&value)?)))
            }
            Run::Nothing | Run::Reserved => None,
        }
    }

    /// Keeps `value` for as long as the answers live and lends it out; a
    /// value whose type is not `Send` is leaked instead, since a mock that
    /// threads share cannot keep it (a bounded leak: one per such call).
    ///
    /// # Safety
    /// `'a` must not outlive `self`.
    pub(crate) unsafe fn lend<'a>(&mut self, value: R) -> &'a R
    where
        R: 'a,
    {
        match self.send() {
            Some(send) => {
                let kept = Pinned::new(send(value));
                // SAFETY: the pinned value lives in `lent`, which only ever
                // grows and is dropped with the answers, which outlive `'a`
                // (the caller's contract).
                let lent = unsafe { kept.lend() };
                self.lent.push(kept);
                lent.get()
            }
            None => Box::leak(Box::new(value)),
        }
    }

    /// Forgets the returned values.
    pub(crate) fn clear_returned(&mut self) {
        self.returned.clear();
        self.kept.clear();
        self.standing_kept = None;
    }

    /// Whether any `when(..)` rule is configured.
    #[inline]
    pub(crate) fn has_rules(&self) -> bool {
        !self.rules.is_empty()
    }

    pub(crate) fn add_rule(&mut self, test: ErasedTest, answer: RuleAnswer<R>) {
        self.rules.push(Rule { test, answer });
    }

    /// The newest rule that matches the call (a spent queue does not
    /// match), by its index.
    ///
    /// # Safety
    /// `args` must be the erased arguments of a live call of the method the
    /// rules' tests were made for (see [`ErasedTest`]).
    #[inline]
    pub(crate) unsafe fn rule_for(&self, args: ErasedArgs<'_>) -> Option<usize> {
        if self.rules.is_empty() {
            return None;
        }
        self.rules.iter().rposition(|rule| {
            !matches!(&rule.answer, RuleAnswer::Queue(queue) if queue.is_empty())
                && (rule.test)(args)
        })
    }

    /// The answer of rule `index` (found by `rule_for`) to a call.
    ///
    /// # Safety
    /// As for `rule_for`.
    #[track_caller]
    unsafe fn answer_rule(&mut self, index: usize, args: ErasedArgs<'_>) -> Option<R> {
        match &mut self.rules[index].answer {
            RuleAnswer::Value(value, clone) => Some(clone(value.get())),
            RuleAnswer::Queue(queue) => queue.pop_front().map(Sent::into_inner),
            // Run here, with the method locked: code size matters more on
            // every mocked method's call path than calling back into the
            // same method from a rule's closure (which panics, naming it).
            RuleAnswer::With(answer) => Some(answer(args)),
            RuleAnswer::Panic(message) => answer_panics(message),
        }
    }

    /// Whether `accepts(..)` declared the forms a call may have and the
    /// call has none of them.
    ///
    /// # Safety
    /// As for `rule_for` (the forms' tests are made as a rule's are).
    #[inline]
    pub(crate) unsafe fn refuses(&self, args: ErasedArgs<'_>) -> bool {
        !self.accepted.is_empty() && !self.accepted.iter().any(|(test, _)| test(args))
    }

    /// The texts of the accepted forms, for the message of a refused call.
    pub(crate) fn accepted_forms(&self) -> Vec<String> {
        self.accepted.iter().map(|(_, text)| text.clone()).collect()
    }

    pub(crate) fn accept(&mut self, test: ErasedTest, form: String) {
        self.accepted.push((test, form));
    }

    /// What answers call `seq`, whose journaled arguments are `args`:
    /// rule `rule`, a one-shot answer or the standing value (journaled as
    /// returned), else the `returns_with` closure to run, else nothing
    /// configured. Rule and one-shot closures run here, locked.
    ///
    /// # Safety
    /// As for `rule_for`; `rule` came from `rule_for` for the same call.
    #[track_caller]
    pub(crate) unsafe fn settle(
        &mut self,
        rule: Option<usize>,
        args: ErasedArgs<'_>,
        seq: Option<u64>,
    ) -> Picked<R> {
        let value = match rule {
            // SAFETY: the caller's contract.
            Some(rule) => unsafe { self.answer_rule(rule, args) },
            None => match self.once.pop_front() {
                Some(Once::Value(value)) => Some(value.into_inner()),
                Some(Once::Panic(message)) => answer_panics(&message),
                Some(Once::With(mut answer)) => Some(answer(args)),
                None => match &self.standing {
                    // The journal points at the standing value: no copy.
                    Standing::Value(..) => return Picked::Value(self.standing_value(seq)),
                    Standing::Panic(message) => answer_panics(message),
                    Standing::Static(_) | Standing::Lent(_) => return Picked::Elsewhere,
                    Standing::None => None,
                },
            },
        };
        match value {
            Some(value) => {
                self.keep_return(seq, &value);
                Picked::Value(value)
            }
            None => match self.with() {
                Some(answer) => {
                    self.reserve_return(seq);
                    Picked::With(answer)
                }
                None => Picked::Unconfigured,
            },
        }
    }

    /// Whether the next call is answered by the standing value and nothing
    /// else needs its arguments: no rule, no one-shot answer, no accepted
    /// forms. The common case, which the call path takes in one branch.
    #[inline]
    pub(crate) fn only_standing_value(&self) -> bool {
        matches!(self.standing, Standing::Value(..))
            && self.rules.is_empty()
            && self.once.is_empty()
            && self.accepted.is_empty()
    }

    /// A clone of the standing value for call `seq`, journaled as returned;
    /// only when [`only_standing_value`](Self::only_standing_value) holds.
    #[inline]
    pub(crate) fn standing_value(&mut self, seq: Option<u64>) -> R {
        let Standing::Value(value, clone) = &self.standing else {
            unreachable!("checked by `only_standing_value`")
        };
        let value = clone(value.get());
        self.standing_returned(seq);
        value
    }

    /// The `&'static T` that `returns_static(&CONFIG)` set, when it answers the
    /// next call: it is the standing answer, no one-shot answer is queued
    /// and no rule matches (`rule`, from `rule_for`).
    pub(crate) fn static_answer(&self, rule: Option<usize>) -> Option<&(dyn Any + Send + Sync)> {
        match &self.standing {
            Standing::Static(answer) if rule.is_none() && self.once.is_empty() => Some(&**answer),
            _ => None,
        }
    }

    /// The value that `returns(v)` gave a method returning `&mut T`, when
    /// it answers the next call (as for `static_answer`).
    pub(crate) fn var_answer(&self, rule: Option<usize>) -> Option<Var<R>> {
        match &self.standing {
            Standing::Lent(var) if rule.is_none() && self.once.is_empty() => Some(Arc::clone(var)),
            _ => None,
        }
    }

    /// Whether the standing answer is a value handed out by value
    /// (`returns(v)` of a method that does not lend).
    pub(crate) fn has_standing_value(&self) -> bool {
        matches!(self.standing, Standing::Value(..))
    }

    /// The cell of the value a method returning `&mut T` lends, if it is
    /// the standing answer; `take` forgets it as the standing answer.
    pub(crate) fn var(&mut self, take: bool) -> Option<Var<R>> {
        let Standing::Lent(var) = &self.standing else {
            return None;
        };
        let var = Arc::clone(var);
        if take {
            self.replace_standing(Standing::None);
        }
        Some(var)
    }

    /// `returns(v)` of a method returning `&mut T`: `v` is lent to every
    /// call, the same value each time.
    pub(crate) fn set_lent(&mut self, value: R) {
        let value = LentValue::new(value, self.send());
        self.replace_standing(Standing::Lent(lent::var(value)));
    }

    /// How to keep an `R` as `Send`, where it is.
    pub(crate) fn send(&self) -> Option<SendFn<R>> {
        self.shown.as_ref().and_then(Shown::send)
    }

    /// The answer of a call with nothing configured: the default, or a
    /// panic that says why there is none and how to configure one.
    #[track_caller]
    pub(crate) fn unconfigured(&self, head: &Head, calls: &dyn Journal) -> R {
        if (self.queued == 0 || self.default_after_once) && !head.is_sealed() {
            if let Some(value) = (self.default)() {
                return value;
            }
        }
        no_answer(head, self.queued, calls, std::any::type_name::<R>())
    }

    /// Replaces the standing answer (and forgets `calls_default` and a
    /// `returns_async` closure, which are standing answers too).
    fn replace_standing(&mut self, standing: Standing<R>) {
        self.pending = None;
        self.default_body = false;
        self.with = None;
        self.standing = standing;
        self.standing_kept = None;
    }

    pub(crate) fn set_value(&mut self, value: R)
    where
        R: Clone + Send,
    {
        self.replace_standing(Standing::Value(Sent::new(value), R::clone));
    }

    /// The answer of a call nothing configured: `default` from now on.
    pub(crate) fn set_default(&mut self, default: fn() -> Option<R>) {
        self.default = default;
    }

    pub(crate) fn set_panic(&mut self, message: String) {
        self.replace_standing(Standing::Panic(message));
    }

    /// `returns_static(&CONFIG)`: `answer` is a boxed `StaticRef<T>`.
    pub(crate) fn set_static(&mut self, answer: Box<dyn Any + Send + Sync>) {
        self.replace_standing(Standing::Static(answer));
    }

    pub(crate) fn set_with(&mut self, answer: Arc<Closure>) {
        self.replace_standing(Standing::None);
        self.with = Some(answer);
    }

    /// Whether nothing was ever configured (a fallback may answer).
    pub(crate) fn is_unconfigured(&self) -> bool {
        self.rules.is_empty()
            && self.pending.is_none()
            && self.once.is_empty()
            && self.queued == 0
            && self.with.is_none()
            && matches!(self.standing, Standing::None)
    }

    /// One-shot answers queued and not used yet.
    pub(crate) fn unused(&self) -> usize {
        let queued: usize = self
            .rules
            .iter()
            .map(|rule| match &rule.answer {
                RuleAnswer::Queue(queue) => queue.len(),
                _ => 0,
            })
            .sum();
        self.once.len() + queued
    }

    /// Whether a call now would be answered by something configured.
    pub(crate) fn has_answer(&self) -> bool {
        !self.once.is_empty()
            || self.with.is_some()
            || !matches!(self.standing, Standing::None)
            || self.has_rules()
            || self.pending.is_some()
    }

    /// The `returns_with` closure, if it is the standing answer, else a
    /// spy's call to the real implementation.
    pub(crate) fn with(&self) -> Option<Arc<Closure>> {
        self.with.as_ref().or(self.fallback.as_ref()).cloned()
    }

    /// Queues one-shot answers, used first in, first out.
    pub(crate) fn queue(&mut self, answers: impl IntoIterator<Item = Once<R>>) {
        if self.once.is_empty() {
            self.queued = 0;
            self.default_after_once = false;
        }
        let before = self.once.len();
        self.once.extend(answers);
        self.queued += self.once.len() - before;
    }

    /// `sequence().then_default()`: once the one-shot answers are used up,
    /// an unconfigured call gets the default again.
    pub(crate) fn default_after_once(&mut self) {
        self.default_after_once = true;
    }
}

/// Resetting: `reset_answers()`, and the mocks kept as answers, which
/// `reset_mock()` resets too.
impl<R> Answers<R> {
    /// Forgets every configured answer, as if none was ever set: rules,
    /// one-shot answers, the standing answer (and `calls_default`), and
    /// the accepted forms. A spy's real implementation stays, and so do
    /// values already lent out by reference, which the code may still hold.
    pub(crate) fn clear(&mut self) {
        self.once.clear();
        self.queued = 0;
        self.default_after_once = false;
        self.replace_standing(Standing::None);
        self.rules.clear();
        self.accepted.clear();
    }

    /// The mocks this method keeps as answers (its return type is a mock
    /// type): a reset of each, for `reset_mock()` to run after the method's
    /// lock is released.
    pub(crate) fn mocks(&self) -> Vec<ResetMock> {
        let Some(handle) = self.shown.as_ref().and_then(Shown::mock) else {
            return Vec::new();
        };
        let once = self.once.iter().filter_map(|answer| match answer {
            Once::Value(value) => Some(value.get()),
            _ => None,
        });
        let standing = match &self.standing {
            Standing::Value(value, _) => Some(value.get()),
            _ => None,
        };
        let rules = self.rules.iter().flat_map(|rule| match &rule.answer {
            RuleAnswer::Value(value, _) => vec![value.get()],
            RuleAnswer::Queue(queue) => queue.iter().map(Sent::get).collect(),
            _ => Vec::new(),
        });
        let lent = self.lent.iter().map(|kept| {
            // SAFETY: the borrow ends with this function, while `self`,
            // which owns the pinned value, lives.
            unsafe { kept.lend() }.get()
        });
        once.chain(standing)
            .chain(rules)
            .chain(lent)
            .map(handle)
            .collect()
    }
}

/// Spies: the real implementation behind `wrapping(real)`, and the trait's
/// default body behind `calls_default()`.
impl<R> Answers<R> {
    /// Makes the standing closure the spy's fallback (`wrapping` sets it
    /// with the typed `returns_with`, which infers the closure's signature).
    pub(crate) fn spy(&mut self) {
        self.fallback = self.with.take();
    }

    /// Makes `make` a spy's call to the real implementation of an async
    /// method (see `pending_fallback`).
    pub(crate) fn spy_pending(&mut self, make: ErasedPending<R>) {
        self.pending_fallback = Some(make);
    }

    /// Forgets the standing and one-shot answers (and `calls_default`), so
    /// that the real implementation answers again; `false` when there is none.
    pub(crate) fn calls_real(&mut self) -> bool {
        if self.fallback.is_none() && self.pending_fallback.is_none() {
            return false;
        }
        self.once.clear();
        self.queued = 0;
        self.replace_standing(Standing::None);
        true
    }

    /// Makes the trait's default body the standing answer.
    pub(crate) fn calls_default(&mut self) {
        self.replace_standing(Standing::None);
        self.default_body = true;
    }

    /// Whether a call runs the trait's default body: `calls_default()` is
    /// the standing answer and neither a one-shot answer nor a `when` rule
    /// answers the call first.
    ///
    /// # Safety
    /// As for [`rule_for`](Self::rule_for).
    pub(crate) unsafe fn runs_default(&self, args: ErasedArgs<'_>) -> bool {
        self.default_body
            && self.once.is_empty()
            && !self.rules.iter().any(|rule| {
                !matches!(&rule.answer, RuleAnswer::Queue(queue) if queue.is_empty())
                    && (rule.test)(args)
            })
    }
}
