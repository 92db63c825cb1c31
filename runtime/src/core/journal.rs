//! Reading a method's journal: the `Journal` view of a method's typed
//! state, the `AnyMethod` view of a method, and what the mock-level API
//! and every message read through them.
//!
//! None of this is generic: it reaches a method through `&dyn AnyMethod`
//! and its typed journal through `&Mutex<dyn Journal>`, so a crate compiles
//! it once however many methods it mocks (see the note on code size in
//! `core/method/mod.rs`).

use crate::core::call::Call;
use crate::core::head::Head;
use crate::core::sequence::CallLog;
use std::fmt;
use std::sync::Mutex;

/// The typed journal of one method, seen without its types.
#[doc(hidden)]
pub trait Journal {
    /// Sequence numbers of the journaled calls, oldest first, and counts.
    fn log(&self) -> &CallLog;
    /// The arguments of call `index`, rendered.
    fn render(&self, index: usize) -> Vec<String>;
    /// Forgets every call; gives back a reset of each mock the method
    /// keeps as an answer, to run once the journal is unlocked.
    fn clear(&mut self) -> Vec<ResetMock>;
    /// Forgets every configured answer (`reset_answers`).
    fn clear_answers(&mut self);
    /// The `Debug` text of what call `seq` returned, if it was journaled.
    fn returned(&self, seq: u64) -> Option<String>;
    /// The journaled arguments of call `index`, erased.
    fn args(&self, index: usize) -> ErasedArgs<'_>;
    /// One-shot answers never used.
    fn unused_answers(&self) -> usize;
}

/// Resets the journal of a mock that a method keeps as an answer
/// (`Mock::reset_mock`); made while that method is locked, run after.
pub(crate) type ResetMock = Box<dyn FnOnce()>;

/// One call's journaled arguments with their type erased, for the code
/// that is not generic over the argument tuple (rules and `returns_async`
/// answers, failure messages).
#[derive(Clone, Copy)]
#[doc(hidden)]
pub enum ErasedArgs<'a> {
    /// Points to the method's argument tuple `A`, which lives for `'a`.
    Value(*const ()),
    /// The arguments' text, for a method whose arguments cannot be kept.
    Text(&'a [String]),
}

/// A type-erased view of a [`Method`](crate::Method) (or a generic
/// method's [`Generic`](crate::Generic)), for mock-level operations. One
/// method, so that each mocked method adds one small function, not one per
/// operation.
#[doc(hidden)]
pub trait AnyMethod {
    /// The journal (or, for a generic method, the journals) behind it.
    fn journals(&self) -> Journals<'_>;
}

/// What [`AnyMethod::journals`] gives: one method's journal, or the
/// per-instantiation journals of a generic method.
#[doc(hidden)]
pub enum Journals<'a> {
    /// A plain method: who it is, and its journal.
    One(&'a Head, &'a Mutex<dyn Journal + 'a>),
    /// A generic method, which gathers its instantiations itself.
    Many(&'a dyn ManyJournals),
}

/// The mock-level operations of a method with several journals (a generic
/// method's instantiations), which it implements itself.
#[doc(hidden)]
pub trait ManyJournals {
    /// Every call, of every instantiation, with its sequence number.
    fn sequenced_calls(&self) -> Vec<(u64, Call)>;
    /// Each instantiation with one-shot answers never used.
    fn unused_answers(&self) -> Vec<(String, usize)>;
    /// Forgets every call.
    fn reset(&self);
    /// Forgets every configured answer.
    fn reset_answers(&self);
}

/// The head and journal of a plain method (what every function here that
/// is not mock-level reads).
pub(crate) fn one(method: &dyn AnyMethod) -> (&Head, &Mutex<dyn Journal + '_>) {
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
    let mock = head.mock().name();
    let calls = sequenced(method)
        .into_iter()
        .map(|(seq, call)| (seq, format!("{mock}.{call}")))
        .collect();
    (head.text(), calls)
}

/// Every recorded call, rendered, oldest first.
pub(crate) fn rendered(method: &dyn AnyMethod) -> Vec<Call> {
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

/// Forgets the answers of a plain or generic method.
pub(crate) fn reset_answers_any(method: &dyn AnyMethod) {
    match method.journals() {
        Journals::One(head, journal) => head.lock(journal).clear_answers(),
        Journals::Many(methods) => methods.reset_answers(),
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

/// Forgets the calls of a plain method, and its awaits; and those of
/// the mocks it keeps as answers (Python's `reset_mock()` reaches a
/// `return_value` that is a mock).
pub(crate) fn reset(method: &dyn AnyMethod) {
    let (head, journal) = one(method);
    let mocks = head.lock(journal).clear();
    head.clear_awaits();
    for reset in mocks {
        reset();
    }
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
