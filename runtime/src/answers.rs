//! What a method answers: one-shot answers and the standing answer.
//!
//! Generic over the return type `R` only, never over the argument tuple or
//! the `returns_with` closure type, so that every mocked method returning the
//! same type shares one copy of this code: a crate with 500 mocked methods
//! compiles it once per distinct return type, not 500 times. A
//! `returns_with` closure is kept beside the answers, in the method's state,
//! since its type is the method's own.

use crate::journal::{self, Head, Journal};
use crate::method::Erased;
use std::collections::VecDeque;
use std::sync::Arc;

/// The configured answers of one method.
pub(crate) struct Answers<R> {
    once: VecDeque<R>,
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
    pub(crate) lent: Vec<Arc<R>>,
    /// `when(..)` rules, oldest first (the newest that matches answers).
    rules: Vec<Rule<R>>,
    /// How returned values are journaled, when `R` is `Clone + Debug`.
    shown: Option<crate::__private::Shown<R>>,
    /// Each journaled call's returned value, by sequence number.
    returned: Vec<(u64, R)>,
    /// `returns_async`: the standing answer of an async method, a closure
    /// of the journaled arguments (erased as for [`ErasedTest`]) that makes
    /// the future.
    pending: Option<ErasedPending<R>>,
}

/// Makes the future of a `returns_async` answer.
pub(crate) type ErasedPending<R> =
    Arc<dyn Fn(*const ()) -> crate::answer::Pending<R> + Send + Sync>;

/// Tests a call's journaled arguments, given as a pointer to the method's
/// argument tuple `A` (erased, so that answers stay generic over `R` only).
///
/// Only `Method::when` makes one, for its own `A`, and only
/// `Method::__call_numbered` calls it, with a pointer to an `A` of the same
/// method that lives for the duration of the call.
pub(crate) type ErasedTest = Box<dyn Fn(*const ()) -> bool + Send + Sync>;

/// Computes an answer from a call's journaled arguments (erased as for
/// [`ErasedTest`]).
pub(crate) type ErasedAnswer<R> = Arc<dyn Fn(*const ()) -> R + Send + Sync>;

/// One `when(..)` rule: which calls it answers, and how.
struct Rule<R> {
    test: ErasedTest,
    answer: RuleAnswer<R>,
}

/// What a rule answers with.
pub(crate) enum RuleAnswer<R> {
    /// Every matching call, with a clone.
    Value(R, fn(&R) -> R),
    /// The next matching calls, one value each; then the rule is spent.
    Queue(VecDeque<R>),
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
    Value(R, fn(&R) -> R),
    Panic(String),
}

impl<R> Answers<R> {
    pub(crate) fn new(
        default: fn() -> Option<R>,
        shown: Option<crate::__private::Shown<R>>,
    ) -> Self {
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
        }
    }

    /// The `returns_async` closure, when it answers the next call (no rule
    /// and no one-shot answer comes first).
    pub(crate) fn pending(&self) -> Option<ErasedPending<R>> {
        if self.rules.is_empty() && self.once.is_empty() {
            self.pending.clone()
        } else {
            None
        }
    }

    pub(crate) fn set_pending(&mut self, answer: ErasedPending<R>) {
        self.with = None;
        self.standing = Standing::None;
        self.pending = Some(answer);
    }

    /// Journals the value returned by call `seq`, when it can be shown.
    #[inline]
    pub(crate) fn keep_return(&mut self, seq: Option<u64>, value: &R) {
        if let (Some(seq), Some((clone, _))) = (seq, self.shown) {
            self.returned.push((seq, clone(value)));
        }
    }

    /// The `Debug` text of the value call `seq` returned, if it was kept.
    pub(crate) fn returned(&self, seq: u64) -> Option<String> {
        let (_, show) = self.shown?;
        let (_, value) = self.returned.iter().rev().find(|(kept, _)| *kept == seq)?;
        Some(show(value))
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

    /// The answer of the newest rule that matches the call (a spent queue
    /// does not match).
    ///
    /// # Safety
    /// `args` must point to a live argument tuple of the type the rules'
    /// tests were made for (see [`ErasedTest`]).
    pub(crate) unsafe fn pick_ruled(&mut self, args: *const ()) -> Option<Ruled<R>> {
        let rule = self.rules.iter_mut().rev().find(|rule| {
            !matches!(&rule.answer, RuleAnswer::Queue(queue) if queue.is_empty())
                && (rule.test)(args)
        })?;
        Some(match &mut rule.answer {
            RuleAnswer::Value(value, clone) => Ruled::Value(clone(value)),
            RuleAnswer::Queue(queue) => Ruled::Value(queue.pop_front()?),
            // Run here, with the method locked: code size matters more on
            // every mocked method's call path than calling back into the
            // same method from a rule's closure.
            RuleAnswer::With(answer) => Ruled::Value(answer(args)),
            RuleAnswer::Panic(message) => Ruled::Panic(message.clone()),
        })
    }

    /// The answer of the newest matching rule, if any (see `pick_ruled`).
    ///
    /// # Safety
    /// As for `pick_ruled`.
    #[inline]
    pub(crate) unsafe fn ruled(&mut self, args: *const ()) -> Option<Ruled<R>> {
        if self.rules.is_empty() {
            None
        } else {
            // SAFETY: the caller's contract.
            unsafe { self.pick_ruled(args) }
        }
    }

    /// What answers call `seq`: a matching rule, a one-shot answer or the
    /// standing value (journaled as returned), else the `returns_with`
    /// closure to run, else nothing configured.
    pub(crate) fn settle(&mut self, ruled: Option<Ruled<R>>, seq: Option<u64>) -> Picked<R> {
        let value = match ruled {
            Some(Ruled::Value(value)) => Some(value),
            Some(Ruled::Panic(message)) => journal::answer_panics(&message),
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
            return Some(value);
        }
        match &self.standing {
            Standing::Value(value, clone) => Some(clone(value)),
            Standing::Panic(message) => journal::answer_panics(message),
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
        journal::no_answer(head, self.queued, calls, std::any::type_name::<R>())
    }

    pub(crate) fn set_value(&mut self, value: R)
    where
        R: Clone,
    {
        self.pending = None;
        self.default_body = false;
        self.with = None;
        self.standing = Standing::Value(value, R::clone);
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

    pub(crate) fn queue(&mut self, values: impl IntoIterator<Item = R>) {
        if self.once.is_empty() {
            self.queued = 0;
        }
        let before = self.once.len();
        self.once.extend(values);
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

    /// Forgets the standing and one-shot answers (and `calls_default`), so
    /// that the real implementation answers again; `false` when there is none.
    pub(crate) fn calls_real(&mut self) -> bool {
        if self.fallback.is_none() {
            return false;
        }
        self.once.clear();
        self.queued = 0;
        self.standing = Standing::None;
        self.with = None;
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
    /// As for [`pick_ruled`](Self::pick_ruled).
    pub(crate) unsafe fn runs_default(&self, args: *const ()) -> bool {
        self.default_body
            && self.once.is_empty()
            && !self.rules.iter().any(|rule| {
                !matches!(&rule.answer, RuleAnswer::Queue(queue) if queue.is_empty())
                    && (rule.test)(args)
            })
    }
}
