//! The text of failure messages, in one place so every assertion reads alike.

use crate::calls::Call;
use std::fmt::Write;

/// `[get("a"), get("b")]`.
pub(crate) fn list(calls: &[Call]) -> String {
    let mut out = String::from("[");
    for (i, call) in calls.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{call}");
    }
    out.push(']');
    out
}

/// The closing line of most messages: `Calls (2): [get("a"), get("b")]`.
pub(crate) fn journal(calls: &[Call]) -> String {
    format!("Calls ({}): {}", calls.len(), list(calls))
}

/// A wrong number of calls.
pub(crate) fn wrong_count(head: &str, expected: &str, all: &[Call]) -> String {
    let mut out = format!("{head}: expected {expected}, got {}.", all.len());
    if !all.is_empty() {
        let _ = write!(out, "\n{}", journal(all));
    }
    out
}

/// `1 one-shot answer`, `3 one-shot answers`.
pub(crate) fn one_shot(n: usize) -> String {
    if n == 1 {
        "1 one-shot answer".to_owned()
    } else {
        format!("{n} one-shot answers")
    }
}

/// `1 call`, `3 calls`.
pub(crate) fn calls(n: usize) -> String {
    if n == 1 {
        "1 call".to_owned()
    } else {
        format!("{n} calls")
    }
}
