//! The text of failure messages, in one place so every assertion reads alike.

use crate::core::call::Call;
use std::fmt::Write;

/// How many calls a message shows from each end of a longer list.
pub(crate) const ENDS: usize = 10;

/// `[get("a"), get("b")]`; a list longer than twice [`ENDS`] shows its
/// first and last [`ENDS`] calls and how many it left out between them,
/// so that a message stays readable (and cheap) however long the journal.
pub(crate) fn list(calls: &[Call]) -> String {
    let elided = calls.len() > 2 * ENDS;
    let mut out = String::from("[");
    for (i, call) in calls.iter().enumerate() {
        if elided && i == ENDS {
            let _ = write!(out, ", … {} more …", calls.len() - 2 * ENDS);
        }
        if elided && (ENDS..calls.len() - ENDS).contains(&i) {
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(n: usize) -> Vec<Call> {
        (0..n)
            .map(|i| Call::new("f".to_owned(), vec![i.to_string()]))
            .collect()
    }

    #[test]
    fn short_lists_show_every_call() {
        assert_eq!(list(&calls(2)), "[f(0), f(1)]");
        assert_eq!(list(&calls(2 * ENDS)).matches("f(").count(), 2 * ENDS);
    }

    #[test]
    fn long_lists_show_both_ends_and_count_the_rest() {
        let text = list(&calls(1_000));
        assert!(text.starts_with("[f(0), f(1), "), "{text}");
        assert!(text.contains("f(9), … 980 more …, f(990), "), "{text}");
        assert!(text.ends_with("f(999)]"), "{text}");
        assert_eq!(text.matches("f(").count(), 2 * ENDS);
    }
}
