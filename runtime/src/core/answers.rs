//! What a method answers: one-shot answers and the standing answer.
//!
//! Generic over the return type `R` only, never over the argument tuple or
//! the `returns_with` closure type, so that every mocked method returning the
//! same type shares one copy of this code: a crate with 500 mocked methods
//! compiles it once per distinct return type, not 500 times. A
//! `returns_with` closure is kept beside the answers, in the method's state,
//! since its type is the method's own.

use crate::core::answer::Pending;
use crate::core::fail::{answer_panics, no_answer};
use crate::core::head::Head;
use crate::core::holders::{Pinned, Sent};
use crate::core::journal::{ErasedArgs, Journal};
use crate::core::shared::Erased;
use crate::core::shown::{Returned, Shown};
use std::collections::VecDeque;
use std::sync::Arc;

/// The configured answers of one method.
///
/// Every `R` it keeps is held in a [`Sent`], made where `R: Send` is known,
/// so that `Answers<R>` is `Send` whatever `R` is: a mock's thread-safety
/// depends on its argument types alone (see `core/holders.rs`).
pub(crate) struct Answers<R> {
    once: VecDeque<Sent<R>>,
    /// How many one-shot answers the latest batch queued (counting restarts
    /// when answers are queued onto an empty queue), for the exhaustion message.
    queued: usize,
    standing: Standing<R>,
    /// The `returns_with` closure (an erased `Box<F>`), while it is the
    /// standing answer; shared so that a call can run it unlocked.
    with: Option<Arc<Erased>>,
    /// A spy's call to the real implementation (an erased `Box<F>`, as
    /// `with`), consulted after every configured answer, before the default.
    fallback: Option<Arc<Erased>>,
    /// `calls_default()`: the mock runs the trait's default body (the
    /// generated method checks this, since only it can run the body).
    default_body: bool,
    default: fn() -> Option<R>,
    /// Values lent out by reference (`fn name(&self) -> &str`). Only ever
    /// grows, so every lent reference stays valid as long as the answers.
    lent: Vec<Pinned<Sent<R>>>,
    /// `when(..)` rules, oldest first (the newest that matches answers).
    rules: Vec<Rule<R>>,
    /// How returned values are journaled, when `R` is `Clone + Debug`.
    shown: Option<Shown<R>>,
    /// Each journaled call's returned value, by sequence number (ascending,
    /// so that a snapshot finds each one by binary search).
    returned: Vec<(u64, Returned<R>)>,
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
/// Only `Method::when` (`features/matchers/when.rs`) makes one, for its
/// own `A`, and only the call path (`Method::__call_numbered`, and a spy's
/// `Method::__default_body`) calls it, with a pointer to an `A` of the same
/// method that lives for the duration of the call.
pub(crate) type ErasedTest = Box<dyn Fn(ErasedArgs<'_>) -> bool + Send + Sync>;

/// Computes an answer from a call's journaled arguments (erased as for
/// [`ErasedTest`]).
pub(crate) type ErasedAnswer<R> = Arc<dyn Fn(ErasedArgs<'_>) -> R + Send + Sync>;

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

/// The answer a rule gave to one call.
pub(crate) enum Ruled<R> {
    Value(R),
    Panic(String),
}

/// How a call is answered, as [`Answers::settle`] finds it.
pub(crate) enum Picked<R> {
    Value(R),
    /// Run the `returns_with` closure (an erased `Box<F>`).
    With(Arc<Erased>),
    /// Nothing configured: the default, or a panic that says so.
    Unconfigured,
}

/// The standing answer, the last one set (a closure is kept in `with`: `None` here).
enum Standing<R> {
    None,
    Value(Sent<R>, fn(&R) -> R),
    Panic(String),
}

impl<R> Answers<R> {
    pub(crate) fn new(default: fn() -> Option<R>, shown: Option<Shown<R>>) -> Self {
        Answers {
            once: VecDeque::new(),
            queued: 0,
            standing: Standing::None,
            with: None,
            fallback: None,
            default_body: false,
            default,
            lent: Vec::new(),
            rules: Vec::new(),
            shown,
            returned: Vec::new(),
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
        self.with = None;
        self.standing = Standing::None;
        self.pending = Some(answer);
    }

    /// Journals the value returned by call `seq`, when it can be shown.
    #[inline]
    pub(crate) fn keep_return(&mut self, seq: Option<u64>, value: &R) {
        if let (Some(seq), Some(shown)) = (seq, &self.shown) {
            if let Some(kept) = shown.keep(value) {
                // Calls answered by a closure journal their value after it
                // ran unlocked, so a later call may have come first.
                let at = self.returned.partition_point(|(other, _)| *other < seq);
                self.returned.insert(at, (seq, kept));
            }
        }
    }

    /// The `Debug` text of the value call `seq` returned, if it was kept.
    pub(crate) fn returned(&self, seq: u64) -> Option<String> {
        let shown = self.shown.as_ref()?;
        let at = self
            .returned
            .binary_search_by_key(&seq, |(kept, _)| *kept)
            .ok()?;
        Some(shown.show(&self.returned[at].1))
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
        match self.shown.as_ref().and_then(Shown::send) {
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
    /// `args` must point to a live argument tuple of the type the rules'
    /// tests were made for (see [`ErasedTest`]).
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
    pub(crate) unsafe fn answer_rule(&mut self, index: usize, args: ErasedArgs<'_>) -> Ruled<R> {
        match &mut self.rules[index].answer {
            RuleAnswer::Value(value, clone) => Ruled::Value(clone(value.get())),
            RuleAnswer::Queue(queue) => match queue.pop_front() {
                Some(value) => Ruled::Value(value.into_inner()),
                None => unreachable!("`rule_for` skips spent queues"),
            },
            // Run here, with the method locked: code size matters more on
            // every mocked method's call path than calling back into the
            // same method from a rule's closure (which panics, naming it).
            RuleAnswer::With(answer) => Ruled::Value(answer(args)),
            RuleAnswer::Panic(message) => Ruled::Panic(message.clone()),
        }
    }

    /// What answers call `seq`: a matching rule, a one-shot answer or the
    /// standing value (journaled as returned), else the `returns_with`
    /// closure to run, else nothing configured.
    pub(crate) fn settle(&mut self, ruled: Option<Ruled<R>>, seq: Option<u64>) -> Picked<R> {
        let value = match ruled {
            Some(Ruled::Value(value)) => Some(value),
            Some(Ruled::Panic(message)) => answer_panics(&message),
            None => self.pick(),
        };
        match value {
            Some(value) => {
                self.keep_return(seq, &value);
                Picked::Value(value)
            }
            None => match self.with() {
                Some(answer) => Picked::With(answer),
                None => Picked::Unconfigured,
            },
        }
    }

    /// A one-shot answer, else the standing value (or its panic); `None`
    /// when neither is configured.
    pub(crate) fn pick(&mut self) -> Option<R> {
        if let Some(value) = self.once.pop_front() {
            return Some(value.into_inner());
        }
        match &self.standing {
            Standing::Value(value, clone) => Some(clone(value.get())),
            Standing::Panic(message) => answer_panics(message),
            Standing::None => None,
        }
    }

    /// The answer of a call with nothing configured: the default, or a
    /// panic that says why there is none and how to configure one.
    pub(crate) fn unconfigured(&self, head: &Head, calls: &dyn Journal) -> R {
        if self.queued == 0 && !head.is_sealed() {
            if let Some(value) = (self.default)() {
                return value;
            }
        }
        no_answer(head, self.queued, calls, std::any::type_name::<R>())
    }

    pub(crate) fn set_value(&mut self, value: R)
    where
        R: Clone + Send,
    {
        self.pending = None;
        self.default_body = false;
        self.with = None;
        self.standing = Standing::Value(Sent::new(value), R::clone);
    }

    pub(crate) fn set_panic(&mut self, message: String) {
        self.pending = None;
        self.default_body = false;
        self.with = None;
        self.standing = Standing::Panic(message);
    }

    pub(crate) fn set_with(&mut self, answer: Arc<Erased>) {
        self.pending = None;
        self.default_body = false;
        self.with = Some(answer);
        self.standing = Standing::None;
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
    pub(crate) fn with(&self) -> Option<Arc<Erased>> {
        self.with.as_ref().or(self.fallback.as_ref()).cloned()
    }

    pub(crate) fn queue(&mut self, values: impl IntoIterator<Item = R>)
    where
        R: Send,
    {
        if self.once.is_empty() {
            self.queued = 0;
        }
        let before = self.once.len();
        self.once.extend(values.into_iter().map(Sent::new));
        self.queued += self.once.len() - before;
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
        self.standing = Standing::None;
        self.with = None;
        self.pending = None;
        self.default_body = false;
        true
    }

    /// Makes the trait's default body the standing answer.
    pub(crate) fn calls_default(&mut self) {
        self.with = None;
        self.standing = Standing::None;
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
