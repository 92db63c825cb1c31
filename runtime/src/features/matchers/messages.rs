//! The failure messages of the assertions that take expected arguments:
//! each says what was expected, what was called, and which argument did
//! not match. Not generic: expected arguments arrive described
//! ([`Expected`]) and journaled ones through `&dyn AnyMethod`. Like the
//! core's own messages (`core/fail.rs`) they panic through [`fail`], so
//! that every failure ends alike.

use crate::core::call::Call;
use crate::core::fail::fail;
use crate::core::head::Head;
use crate::core::journal::{one, rendered, AnyMethod, ErasedArgs};
use crate::core::report;
use crate::features::matchers::args::{Check, ErasedCheck, Expected, Miss};
use std::fmt::Write;

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
        if let (Some(check), ErasedArgs::Value(args)) = (check, journal.args(index)) {
            check(args, &mut outcome);
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
pub(crate) fn expected_list(head: &Head, expected: &[Expected]) -> String {
    let texts: Vec<String> = expected.iter().map(|e| expected_text(head, e)).collect();
    format!("[{}]", texts.join(", "))
}

/// [`expected_text`] for a method: `.put("k", _)`.
pub(crate) fn expected_text_of(method: &dyn AnyMethod, expected: &Expected) -> String {
    format!(".{}", expected_text(one(method).0, expected))
}

/// `arg 1 (value): expected > 3, got 2`, one line per miss.
fn miss_lines(head: &Head, call: &Call, misses: &[Miss], indent: &str) -> String {
    let mut out = String::new();
    for miss in misses {
        let line = match miss.index {
            Some(index) => {
                let name = match head.param(index) {
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
    let misses = miss_lines(
        head,
        actual,
        last.map_or(&[][..], Vec::as_slice),
        "          ",
    );
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
        message.push_str(&miss_lines(
            head,
            call,
            misses.get(i).map_or(&[][..], Vec::as_slice),
            "    ",
        ));
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
