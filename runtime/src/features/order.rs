//! Order across mocks and patches: `assert_in_order!` and `merged_calls!`
//! (Python's `attach_mock` manager). Every journaled call of every mock
//! carries one number of a process-wide sequence, so calls of different
//! mocks, patches and classes compare.

use crate::core::call::Call;
use crate::core::journal;
use crate::core::method::Method;
use crate::core::mock::Mock;
use crate::features::class::{Class, Patch, SharedClass};
use crate::features::matchers::args::ArgsMatch;
use crate::features::matchers::messages::expected_text_of;
use std::fmt::Write;
use std::ops::Deref;

/// What a call written `fetch("a")` in [`assert_in_order!`](crate::assert_in_order)
/// and [`assert_called!`](crate::assert_called) needs of `fetch`: that it
/// is the guard of a [`patch!`](crate::patch) (or
/// [`patch_shared!`](crate::patch_shared)), which stands for its one
/// function. A mock's method is written `mock.method(..)`.
///
/// ```
/// use autospec::prelude::*;
///
/// mod net {
///     #[autospec::autospec]
///     pub fn fetch(url: &str) -> String {
///         url.to_owned()
///     }
/// }
///
/// let fetch = patch!(net::fetch);
/// net::fetch("/a");
/// assert_called!(fetch("/a"));
/// ```
#[diagnostic::on_unimplemented(
    message = "a call written as `name(..)` names the guard of a `patch!`, and `{Self}` is not one",
    label = "not a patch guard",
    note = "write a call of a mock's method as `mock.method(..)`"
)]
pub trait PatchGuard<Child: ?Sized> {
    /// The patched function's child mock.
    #[doc(hidden)]
    fn child(&self) -> &Child;
}

#[diagnostic::do_not_recommend]
impl<C: Patch + Deref> PatchGuard<C::Target> for Class<C> {
    fn child(&self) -> &C::Target {
        self
    }
}

#[diagnostic::do_not_recommend]
impl<C: Patch + Deref> PatchGuard<C::Target> for SharedClass<C> {
    fn child(&self) -> &C::Target {
        self
    }
}

/// The steps of an `assert_in_order!`, checked together.
#[doc(hidden)]
#[derive(Default)]
pub struct InOrder {
    steps: Vec<Step>,
    /// Every call of the methods involved: sequence number and text.
    calls: Vec<(u64, String)>,
}

struct Step {
    /// `MockStore.get("k")`.
    expected: String,
    /// The sequence numbers of the calls that match, oldest first.
    seqs: Vec<u64>,
}

impl InOrder {
    /// Adds a step: a call of `method` matching `expected`.
    pub fn step<A, R, F: ?Sized, E: ArgsMatch<A>>(
        &mut self,
        method: &Method<A, R, F>,
        expected: &E,
    ) {
        let (head, calls) = journal::qualified_calls(method);
        for call in calls {
            if !self.calls.iter().any(|(seq, _)| *seq == call.0) {
                self.calls.push(call);
            }
        }
        self.steps.push(Step {
            expected: format!(
                "{}{}",
                head.split_once('.').map_or("", |(mock, _)| mock),
                expected_text_of(method, &expected.__describe())
            ),
            seqs: method.__matching_seqs(expected),
        });
    }

    /// Fails unless each step's call happened after the previous step's.
    #[track_caller]
    pub fn check(mut self) {
        let mut after: Option<u64> = None;
        for (n, step) in self.steps.iter().enumerate() {
            if let Some(&seq) = step
                .seqs
                .iter()
                .find(|&&seq| after.is_none_or(|last| seq > last))
            {
                after = Some(seq);
                continue;
            }
            let why = if step.seqs.is_empty() {
                format!("step {} has no matching call", n + 1)
            } else {
                format!("step {} has no matching call after step {n}", n + 1)
            };
            self.calls.sort_by_key(|(seq, _)| *seq);
            fail(&why, &self.steps, &self.calls);
        }
    }
}

#[track_caller]
fn fail(why: &str, steps: &[Step], calls: &[(u64, String)]) -> ! {
    let mut message = format!("calls not in the expected order: {why}.\nExpected order:");
    for (n, step) in steps.iter().enumerate() {
        let _ = write!(message, "\n  {}. {}", n + 1, step.expected);
    }
    let _ = write!(message, "\nCalls, in order ({}):", calls.len());
    for (_, call) in calls {
        let _ = write!(message, "\n  {call}");
    }
    panic!("{message}")
}

/// The calls of several mocks, in the order they happened, each named
/// `name.method` (a patch, which is one function, just `name`); what
/// `merged_calls!` returns.
#[doc(hidden)]
pub fn merged_calls(mocks: &[(&str, &dyn Mock)]) -> Vec<Call> {
    let mut calls: Vec<(u64, Call)> = Vec::new();
    for (name, mock) in mocks {
        let patch = mock.__autospec_core().is_patch();
        for method in mock.__autospec_methods() {
            for (seq, call) in journal::sequenced_calls(method) {
                let qualified = if patch {
                    match call.method().split_once("::<") {
                        Some((_, types)) => format!("{name}::<{types}"),
                        None => (*name).to_owned(),
                    }
                } else {
                    format!("{name}.{}", call.method())
                };
                let returned = call.returned().map(str::to_owned);
                calls.push((
                    seq,
                    Call::new(qualified, call.args().to_vec()).returning(returned),
                ));
            }
        }
    }
    calls.sort_by_key(|(seq, _)| *seq);
    calls.into_iter().map(|(_, call)| call).collect()
}
