//! Order across mocks: `assert_in_order!` and `merged_calls!` (Python's
//! `attach_mock` manager). Every journaled call of every mock carries one
//! number of a process-wide sequence, so calls of different mocks compare.

use crate::core::call::Call;
use crate::core::journal;
use crate::core::method::Method;
use crate::core::mock::Mock;
use crate::features::matchers::args::ArgsMatch;
use crate::features::matchers::messages::expected_text_of;
use std::fmt::Write;

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
/// `name.method`; what `merged_calls!` returns.
#[doc(hidden)]
pub fn merged_calls(mocks: &[(&str, &dyn Mock)]) -> Vec<Call> {
    let mut calls: Vec<(u64, Call)> = Vec::new();
    for (name, mock) in mocks {
        for method in mock.__autospec_methods() {
            for (seq, call) in journal::sequenced_calls(method) {
                let qualified = format!("{name}.{}", call.method());
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
