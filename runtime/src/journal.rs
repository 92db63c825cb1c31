//! Reading a method's journal, and every message and panic of `Method`.
//!
//! None of this is generic: it reaches a method through `&dyn AnyMethod`
//! and its typed journal through `&Mutex<dyn Journal>`, and gets expected
//! arguments already rendered, so a crate compiles it once however many
//! methods it mocks (see the note on code size in `method.rs`).

use crate::args::{Check, ErasedCheck, Expected, Miss};
use crate::calls::Call;
use crate::method::{lock, AnyMethod, Journals};
use crate::mock::MockCore;
use crate::report;
use std::fmt::{self, Write};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, TryLockError};
use std::time::{Duration, Instant};

/// Who a method is, for messages: its mock and its name.
#[doc(hidden)]
pub struct Head {
    core: Arc<MockCore>,
    /// `get`, or `get::<User>` for one instantiation of a generic method.
    name: Box<str>,
    /// The parameters' names, comma-separated (`key,value`), for messages.
    params: &'static str,
    /// Threads waiting for calls (`wait_until_called`), woken by each call.
    waits: Waits,
    /// The sequence numbers of awaited calls, in the order they completed.
    awaits: Mutex<Vec<u64>>,
    /// The thread that holds the typed journal's lock (see [`this_thread`]),
    /// or 0: a thread that finds the lock taken by itself has re-entered
    /// the method from code it runs locked, and panics instead of hanging.
    holder: AtomicUsize,
}

thread_local! {
    /// A byte whose address tells the threads apart while they live.
    static HERE: u8 = const { 0 };
}

/// This thread's identity, for [`Head::lock`]: the address of a
/// thread-local, unique among live threads and never 0.
fn this_thread() -> usize {
    HERE.with(|here| std::ptr::from_ref(here) as usize)
}

/// A method's locked journal: [`Head::lock`] notes the holding thread, and
/// dropping this forgets it before the lock is released.
pub(crate) struct Held<'a, T: ?Sized> {
    guard: MutexGuard<'a, T>,
    holder: &'a AtomicUsize,
}

impl<T: ?Sized> Drop for Held<'_, T> {
    fn drop(&mut self) {
        self.holder.store(0, Ordering::Relaxed);
    }
}

impl<T: ?Sized> Deref for Held<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T: ?Sized> DerefMut for Held<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

/// What `wait_until_*` blocks on: a count of calls under a mutex, and a
/// condition variable signalled when it grows.
#[derive(Default)]
struct Waits {
    /// How many threads wait; calls skip the wake-up when none does.
    waiters: AtomicUsize,
    calls: Mutex<u64>,
    grown: Condvar,
}

/// The typed journal of one method, seen without its types.
#[doc(hidden)]
pub trait Journal {
    /// Sequence numbers of the journaled calls, oldest first, and counts.
    fn log(&self) -> &crate::method::CallLog;
    /// The arguments of call `index`, rendered.
    fn render(&self, index: usize) -> Vec<String>;
    /// Forgets every call.
    fn clear(&mut self);
    /// The `Debug` text of what call `seq` returned, if it was journaled.
    fn returned(&self, seq: u64) -> Option<String>;
    /// The journaled argument tuple of call `index`, erased.
    fn args_ptr(&self, index: usize) -> *const ();
    /// One-shot answers never used.
    fn unused_answers(&self) -> usize;
}

impl Head {
    pub(crate) fn new(core: &Arc<MockCore>, name: &str, params: &'static str) -> Self {
        Head {
            core: Arc::clone(core),
            name: name.strip_prefix("r#").unwrap_or(name).into(),
            params,
            waits: Waits::default(),
            awaits: Mutex::new(Vec::new()),
            holder: AtomicUsize::new(0),
        }
    }

    /// Locks this method's typed journal. Code that runs while it is held
    /// (`when` rules and their answers, matchers, the `Debug`, `Clone` and
    /// `Drop` of journaled values) must not call the same method: the
    /// second lock would wait forever, so it panics with the cause. The
    /// check costs nothing unless the lock is taken.
    pub(crate) fn lock<'a, T: ?Sized>(&'a self, journal: &'a Mutex<T>) -> Held<'a, T> {
        let guard = match journal.try_lock() {
            Ok(guard) => guard,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => {
                if self.holder.load(Ordering::Relaxed) == this_thread() {
                    reentered(self);
                }
                lock(journal)
            }
        };
        // Only this thread stores its own identity, so a thread that reads
        // it back holds the lock.
        self.holder.store(this_thread(), Ordering::Relaxed);
        Held {
            guard,
            holder: &self.holder,
        }
    }

    /// Journals that the future of call `seq` completed.
    pub(crate) fn awaited(&self, seq: u64) {
        lock(&self.awaits).push(seq);
    }

    /// The awaited calls' sequence numbers, in await order.
    pub(crate) fn await_seqs(&self) -> Vec<u64> {
        lock(&self.awaits).clone()
    }

    /// Wakes the threads waiting for calls of this method, if any. Called
    /// after each journaled call; costs one atomic load when none waits.
    #[inline]
    pub(crate) fn notify(&self) {
        // SeqCst pairs with the waiter's increment: a waiter this load
        // misses registered after the call was journaled, and sees it.
        if self.waits.waiters.load(Ordering::SeqCst) > 0 {
            *lock(&self.waits.calls) += 1;
            self.waits.grown.notify_all();
        }
    }

    /// The field that configures the method: `get` for `get::<User>` too.
    fn field(&self) -> &str {
        self.name
            .split_once("::<")
            .map_or(&self.name, |(field, _)| field)
    }

    pub(crate) fn is_sealed(&self) -> bool {
        self.core.is_sealed()
    }

    pub(crate) fn wait_timeout(&self) -> Duration {
        self.core.wait_timeout()
    }

    #[inline]
    pub(crate) fn is_journaling(&self) -> bool {
        self.core.is_journaling()
    }

    /// `MockStore.get`, the start of every message.
    fn text(&self) -> String {
        format!("{}.{}", self.core.name(), self.name)
    }

    fn call(&self, args: Vec<String>) -> Call {
        Call::new(self.name.to_string(), args)
    }

    /// The name of parameter `index`, as the signature spells it.
    fn param(&self, index: usize) -> &str {
        self.params
            .split(',')
            .nth(index)
            .filter(|name| !name.is_empty())
            .unwrap_or("_")
    }

    /// `arg 1 (value): expected > 3, got 2`, one line per miss.
    fn misses(&self, call: &Call, misses: &[Miss], indent: &str) -> String {
        let mut out = String::new();
        for miss in misses {
            let line = match miss.index {
                Some(index) => {
                    let name = match self.param(index) {
                        "_" => String::new(),
                        name => format!(" ({name})"),
                    };
                    format!(
                        "arg {index}{name}: expected {}, got {}",
                        miss.expected,
                        call.args().get(index).map_or("?", String::as_str)
                    )
                }
                None => format!("guard `{}` is false", miss.expected),
            };
            out.push('\n');
            out.push_str(indent);
            out.push_str(&line);
        }
        out
    }
}

/// What did not match in each journaled call whose index `which` yields:
/// by the matchers' own check when there is one, else by comparing each
/// argument's `Debug` text with the expected value's.
fn explain(
    method: &dyn AnyMethod,
    expected: &Expected,
    check: Option<&ErasedCheck<'_>>,
    which: impl Fn(usize) -> std::ops::Range<usize>,
) -> Vec<Vec<Miss>> {
    let (head, journal) = one(method);
    let journal = head.lock(journal);
    let indices = which(journal.log().seqs.len());
    let mut all = Vec::with_capacity(indices.len());
    for index in indices {
        let mut outcome = Check::explaining();
        if let Some(check) = check {
            check(journal.args_ptr(index), &mut outcome);
        } else {
            let actual = journal.render(index);
            for (i, want) in expected.args.iter().enumerate() {
                if actual.get(i) != Some(want) {
                    outcome.__test(Some(i), false, &|| want.clone());
                }
            }
        }
        all.push(outcome.into_misses());
    }
    all
}

/// `put("k", _) if v.len() > 3`: an expected call as messages show it.
pub(crate) fn expected_text(head: &Head, expected: &Expected) -> String {
    let call = head.call(expected.args.clone());
    match &expected.guard {
        Some(guard) => format!("{call} if {guard}"),
        None => call.to_string(),
    }
}

/// `[put("a"), put(_) if ..]`.
fn expected_list(head: &Head, expected: &[Expected]) -> String {
    let texts: Vec<String> = expected.iter().map(|e| expected_text(head, e)).collect();
    format!("[{}]", texts.join(", "))
}

/// The head and journal of a plain method (what every function here that
/// is not mock-level reads).
fn one(method: &dyn AnyMethod) -> (&Head, &Mutex<dyn Journal + '_>) {
    match method.journals() {
        Journals::One(head, journal) => (head, journal),
        Journals::Many(_) => unreachable!("only plain methods have one journal"),
    }
}

/// Every recorded call with its global sequence number.
pub(crate) fn sequenced(method: &dyn AnyMethod) -> Vec<(u64, Call)> {
    let (head, journal) = one(method);
    let journal = head.lock(journal);
    let seqs = &journal.log().seqs;
    let mut calls = Vec::with_capacity(seqs.len());
    for (index, seq) in seqs.iter().enumerate() {
        let call = head.call(journal.render(index));
        calls.push((*seq, call.returning(journal.returned(*seq))));
    }
    calls
}

/// The method's head (`MockStore.get`) and its calls with sequence
/// numbers, each shown with the mock's name: `MockStore.get("k")`.
pub(crate) fn qualified_calls(method: &dyn AnyMethod) -> (String, Vec<(u64, String)>) {
    let (head, _) = one(method);
    let mock = head.core.name();
    let calls = sequenced(method)
        .into_iter()
        .map(|(seq, call)| (seq, format!("{mock}.{call}")))
        .collect();
    (head.text(), calls)
}

/// [`expected_text`] for a method.
pub(crate) fn expected_text_of(method: &dyn AnyMethod, expected: &Expected) -> String {
    format!(".{}", expected_text(one(method).0, expected))
}

/// Every recorded call, rendered, oldest first.
fn rendered(method: &dyn AnyMethod) -> Vec<Call> {
    sequenced(method)
        .into_iter()
        .map(|(_, call)| call)
        .collect()
}

pub(crate) fn call_count(method: &dyn AnyMethod) -> usize {
    let (head, journal) = one(method);
    let journal = head.lock(journal);
    journal.log().seqs.len() + journal.log().unrecorded
}

/// Every call of a plain or generic method, with its sequence number.
pub(crate) fn sequenced_calls(method: &dyn AnyMethod) -> Vec<(u64, Call)> {
    match method.journals() {
        Journals::One(..) => sequenced(method),
        Journals::Many(methods) => methods.sequenced_calls(),
    }
}

/// Forgets the calls of a plain or generic method.
pub(crate) fn reset_any(method: &dyn AnyMethod) {
    match method.journals() {
        Journals::One(..) => reset(method),
        Journals::Many(methods) => methods.reset(),
    }
}

/// The unused one-shot answers of a plain or generic method.
pub(crate) fn unused_any(method: &dyn AnyMethod) -> Vec<(String, usize)> {
    match method.journals() {
        Journals::One(..) => unused_answers(method),
        Journals::Many(methods) => methods.unused_answers(),
    }
}

/// The method and its unused one-shot answers, if it has any.
pub(crate) fn unused_answers(method: &dyn AnyMethod) -> Vec<(String, usize)> {
    let (head, journal) = one(method);
    let unused = head.lock(journal).unused_answers();
    if unused == 0 {
        Vec::new()
    } else {
        vec![(head.text(), unused)]
    }
}

/// One thread waiting for calls: counted while it lives, so that a matcher
/// that panics in `reached` does not leave calls waking nobody forever.
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn register(waiters: &'a AtomicUsize) -> Self {
        waiters.fetch_add(1, Ordering::SeqCst);
        Waiting(waiters)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Blocks until `reached` holds or `timeout` passes, re-checking after
/// every call of the method; panics with the elapsed time and the calls
/// seen on timeout. `what` says what was awaited (`1 call`).
#[track_caller]
pub(crate) fn wait_until(
    method: &dyn AnyMethod,
    timeout: Duration,
    what: &str,
    reached: &mut dyn FnMut() -> bool,
) {
    let (head, _) = one(method);
    let waits = &head.waits;
    let start = Instant::now();
    let outcome = {
        let _waiting = Waiting::register(&waits.waiters);
        loop {
            let seen = *lock(&waits.calls);
            if reached() {
                break true;
            }
            let Some(left) = timeout.checked_sub(start.elapsed()) else {
                break false;
            };
            let calls = lock(&waits.calls);
            if *calls == seen {
                // Spurious wake-ups and timeouts both lead back to the check.
                drop(waits.grown.wait_timeout(calls, left));
            }
        }
    };
    if !outcome {
        let all = rendered(method);
        fail(&format!(
            "{}: expected {what} within {timeout:?}, timed out after {:?}.\n{}",
            head.text(),
            start.elapsed(),
            report::journal(&all)
        ));
    }
}

/// Fails `Mock::verify` when answers were queued and never used.
#[track_caller]
pub(crate) fn verify(mock: &str, unused: &[(String, usize)]) {
    if unused.is_empty() {
        return;
    }
    let lines: Vec<String> = unused
        .iter()
        .map(|(method, n)| format!("  {method}: {} never used", report::one_shot(*n)))
        .collect();
    fail(&format!(
        "{mock}: configured answers were never used (returns_once/returns_each):\n{}",
        lines.join("\n")
    ));
}

pub(crate) fn reset(method: &dyn AnyMethod) {
    let (head, journal) = one(method);
    head.lock(journal).clear();
    lock(&head.awaits).clear();
}

/// The awaited calls, rendered, in await order.
fn awaited(method: &dyn AnyMethod) -> Vec<Call> {
    let (head, _) = one(method);
    let awaited = head.await_seqs();
    sequenced(method)
        .into_iter()
        .filter(|(seq, _)| awaited.contains(seq))
        .map(|(_, call)| call)
        .collect()
}

#[track_caller]
pub(crate) fn fail_await_count(method: &dyn AnyMethod, expected: &str) -> ! {
    let (head, _) = one(method);
    let awaited = awaited(method);
    fail(&format!(
        "{}: expected {expected}, got {}.\nAwaited ({}): {}\nCalls: {}",
        head.text(),
        awaited.len(),
        awaited.len(),
        report::list(&awaited),
        report::list(&rendered(method))
    ))
}

#[track_caller]
pub(crate) fn fail_await(method: &dyn AnyMethod, what: &str, expected: &[Expected]) -> ! {
    let (head, _) = one(method);
    let awaited = awaited(method);
    let expected = match expected {
        [one] => expected_text(head, one),
        many => expected_list(head, many),
    };
    fail(&format!(
        "{}: expected {what} not found.\nExpected: {expected}\nAwaited ({}): {}",
        head.text(),
        awaited.len(),
        report::list(&awaited)
    ))
}

/// Every call to any of these methods, in the order they happened.
pub(crate) fn mock_calls(methods: &[&dyn AnyMethod]) -> Vec<Call> {
    let mut calls: Vec<(u64, Call)> = Vec::new();
    for method in methods {
        calls.extend(sequenced_calls(*method));
    }
    calls.sort_by_key(|(seq, _)| *seq);
    calls.into_iter().map(|(_, call)| call).collect()
}

pub(crate) fn fmt_method(method: &dyn AnyMethod, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.debug_struct("Method")
        .field("name", &one(method).0.text())
        .field("calls", &rendered(method))
        .finish()
}

/// A method called from code that runs while the same method is locked.
#[cold]
fn reentered(head: &Head) -> ! {
    let (mock, field) = (head.core.name(), head.field());
    panic!(
        "{mock}.{field} was called while {mock}.{field} was busy answering or checking a \
         call on this thread: a `when` rule, its answer, a matcher, or the `Debug`, `Clone` \
         or `Drop` of an argument or answer calls `{field}` of the same mock, which would wait \
         for itself forever. Work out the value beforehand, or answer with \
         `.{field}.returns_with(..)`, whose closure runs unlocked and may call the mock."
    )
}

/// The message of a caught panic's payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a non-string payload".to_owned()
    }
}

/// A `panics(..)` answer.
pub(crate) fn answer_panics(message: &str) -> ! {
    panic!("{message}")
}

/// Panics for a call that has no answer, saying why and how to configure one.
pub(crate) fn no_answer(head: &Head, used_up: usize, calls: &dyn Journal, type_name: &str) -> ! {
    let why = if used_up > 0 {
        format!(
            "its {} (returns_once/returns_each) {} used up and there is no standing answer",
            report::one_shot(used_up),
            if used_up == 1 { "is" } else { "are" }
        )
    } else if head.is_sealed() {
        "the mock is sealed and this method has no answer".to_owned()
    } else {
        format!(
            "no answer is configured and `{}` has no Default",
            crate::__private::short_type_name(type_name)
        )
    };
    let call = match calls.log().seqs.len() {
        0 => String::new(),
        n => head.call(calls.render(n - 1)).to_string(),
    };
    let field = head.field();
    panic!(
        "{}.{call}: {why}.\nConfigure one with .{field}.returns(..), .{field}.returns_with(..) or .{field}.returns_once(..).",
        head.core.name()
    );
}

/// `calls_real()` on a method that has no real implementation to call.
#[track_caller]
pub(crate) fn no_real(head: &Head) -> ! {
    let (mock, field) = (head.core.name(), head.field());
    if head.core.is_spy() {
        fail(&format!(
            "{mock}.{field}.calls_real(): `{mock}::wrapping(real)` cannot forward `{field}` \
             (a generic, static, async or unsafe method, or one whose arguments or answer \
             the mock cannot hand over), so there is no real implementation to call; \
             configure an answer instead."
        ))
    }
    fail(&format!(
        "{mock}.{field}.calls_real(): {mock} has no real implementation to call; \
         make the mock with `{mock}::wrapping(real)` (the trait needs `#[autospec(spy)]`)."
    ))
}

#[track_caller]
fn fail(message: &str) -> ! {
    panic!("{message}{}", crate::class::foreign_note())
}

#[track_caller]
pub(crate) fn fail_count(method: &dyn AnyMethod, expected: &str) -> ! {
    let head = one(method).0.text();
    fail(&report::wrong_count(&head, expected, &rendered(method)))
}

#[track_caller]
pub(crate) fn fail_called_with(
    method: &dyn AnyMethod,
    expected: &Expected,
    check: Option<&ErasedCheck<'_>>,
) -> ! {
    let head = one(method).0;
    let misses = explain(method, expected, check, |n| n.saturating_sub(1)..n);
    let last = misses.last();
    let all = rendered(method);
    let expected = expected_text(head, expected);
    let Some(actual) = all.last() else {
        fail(&format!(
            "{}: expected call not found.\nExpected: {expected}\n  Actual: not called.",
            head.text()
        ))
    };
    let misses = head.misses(actual, last.map_or(&[][..], Vec::as_slice), "          ");
    fail(&format!(
        "{}: expected call not found.\nExpected: {expected}\n  Actual: {actual}{misses}\n{}",
        head.text(),
        report::journal(&all)
    ))
}

#[track_caller]
pub(crate) fn fail_called_once_with(method: &dyn AnyMethod, expected: &Expected) -> ! {
    let head = one(method).0;
    let all = rendered(method);
    fail(&format!(
        "{}: expected 1 call, got {}.\nExpected: {}\n{}",
        head.text(),
        all.len(),
        expected_text(head, expected),
        report::journal(&all)
    ))
}

#[track_caller]
pub(crate) fn fail_any_call(
    method: &dyn AnyMethod,
    expected: &Expected,
    check: Option<&ErasedCheck<'_>>,
) -> ! {
    let head = one(method).0;
    let misses = &explain(method, expected, check, |n| 0..n)[..];
    let all = rendered(method);
    let mut message = format!(
        "{}: expected call not found.\nExpected: {} (at any position)\n",
        head.text(),
        expected_text(head, expected)
    );
    if all.is_empty() {
        message.push_str("  Actual: not called.");
        fail(&message);
    }
    // Closest first: fewest mismatching arguments; the newest first among
    // equals. Only the closest few are listed.
    let mut order: Vec<usize> = (0..all.len()).rev().collect();
    order.sort_by_key(|&i| misses.get(i).map_or(usize::MAX, Vec::len));
    let _ = write!(message, "Calls ({}), closest first:", all.len());
    for &i in order.iter().take(report::ENDS) {
        let call = &all[i];
        let _ = write!(message, "\n  {call}");
        message.push_str(&head.misses(call, misses.get(i).map_or(&[][..], Vec::as_slice), "    "));
    }
    if order.len() > report::ENDS {
        let _ = write!(
            message,
            "\n  … {} more, farther",
            order.len() - report::ENDS
        );
    }
    fail(&message)
}

#[track_caller]
pub(crate) fn fail_has_calls(method: &dyn AnyMethod, expected: &[Expected]) -> ! {
    let head = one(method).0;
    fail(&format!(
        "{}: expected calls not found in order.\nExpected: {}\n  Actual: {}",
        head.text(),
        expected_list(head, expected),
        report::list(&rendered(method))
    ))
}

#[track_caller]
pub(crate) fn fail_any_order(
    method: &dyn AnyMethod,
    expected: &[Expected],
    missing: &[usize],
) -> ! {
    let head = one(method).0;
    let missing: Vec<String> = missing
        .iter()
        .map(|&i| expected_text(head, &expected[i]))
        .collect();
    fail(&format!(
        "{}: expected calls not found.\nExpected (any order): {}\n Missing: [{}]\n  Actual: {}",
        head.text(),
        expected_list(head, expected),
        missing.join(", "),
        report::list(&rendered(method))
    ))
}

#[cfg(test)]
mod tests {
    use crate::method::Method;
    use crate::mock::MockCore;
    use std::time::Duration;

    type Push = Method<(u32,), (), dyn Fn(u32) + Send + Sync>;

    fn push() -> Push {
        let core = MockCore::new("MockSink");
        Method::__new(
            &core,
            "push",
            "sample",
            |args| vec![format!("{:?}", args.0)],
            || Some(()),
            None,
        )
    }

    #[test]
    fn a_matcher_that_panics_while_waiting_does_not_leave_a_waiter_behind() {
        let push = push();
        push.__call((1,), |_| ());
        let failed = std::panic::catch_unwind(|| {
            push.wait_until_any_call_with(
                crate::args!(crate::pred(|_: &u32| panic!("a matcher that fails"))),
                Duration::from_secs(1),
            );
        });
        assert!(failed.is_err());
        let (head, _) = super::one(&push);
        assert_eq!(head.waits.waiters.load(super::Ordering::SeqCst), 0);
    }
}
