//! How `Method` fails: the panics of assertions, of calls without an
//! answer, and of `Mock::verify`, each with a message that says what was
//! expected and what happened. Not generic (see `core/journal.rs`).
//!
//! A feature's own assertions build their messages in the feature and fail
//! through [`fail`] here, so that every failure ends alike.

use crate::core::head::Head;
use crate::core::journal::{one, rendered, AnyMethod, Journal};
use crate::core::render::short_type_name;
use crate::core::report;
use std::sync::OnceLock;

/// A note that a feature adds to the end of every failure message, set
/// once, when the feature is first used: the patch feature's count of the
/// calls other threads made to a function this thread patched
/// (`features/class.rs`). Held as a function pointer so that the core
/// names no feature; it holds no test state.
static NOTE: OnceLock<fn() -> String> = OnceLock::new();

/// Adds `note`'s text to every later failure message (the first note set
/// stays; there is one).
pub(crate) fn add_note(note: fn() -> String) {
    let _ = NOTE.set(note);
}

/// Fails an assertion: panics with `message`, and the note a feature
/// asked to add to every failure, if any.
#[track_caller]
pub(crate) fn fail(message: &str) -> ! {
    let note = NOTE.get().map_or_else(String::new, |note| note());
    panic!("{message}{note}")
}

#[track_caller]
pub(crate) fn fail_count(method: &dyn AnyMethod, expected: &str) -> ! {
    let head = one(method).0.text();
    fail(&report::wrong_count(&head, expected, &rendered(method)))
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
        "{mock}: configured answers were never used (returns_once, returns_each, sequence):\n{}",
        lines.join("\n")
    ));
}

/// A `panics(..)` answer.
#[track_caller]
pub(crate) fn answer_panics(message: &str) -> ! {
    panic!("{message}")
}

/// Panics for a call that has no answer, saying why and how to configure one.
#[track_caller]
pub(crate) fn no_answer(head: &Head, used_up: usize, calls: &dyn Journal, type_name: &str) -> ! {
    let field = head.field();
    let mut fix = format!(
        "Configure one with .{field}.returns(..), .{field}.returns_with(..) or .{field}.returns_once(..)."
    );
    let why = if used_up > 0 {
        let (is, them) = if used_up == 1 {
            ("is", "it")
        } else {
            ("are", "them")
        };
        fix = format!(
            "Queue more, or say what follows {them}: .{field}.returns(..) or .{field}.returns_with(..), \
             or .then_default() at the end of a sequence to get the default."
        );
        format!(
            "its {} (returns_once, returns_each, sequence) {is} used up and no standing answer follows {them}",
            report::one_shot(used_up),
        )
    } else if head.is_sealed() {
        "the mock is sealed and this method has no answer".to_owned()
    } else {
        format!(
            "no answer is configured and the mock knows no default for `{}`",
            short_type_name(type_name)
        )
    };
    let call = match calls.log().seqs.len() {
        0 => String::new(),
        n => head.call(calls.render(n - 1)).to_string(),
    };
    panic!("{}.{call}: {why}.\n{fix}", head.mock().name());
}

/// Panics for a call whose arguments have none of the forms given to
/// `accepts(..)` (each `forms` entry a call as messages show it), at the
/// call: the location is the caller's, through the `#[track_caller]` call
/// path.
#[track_caller]
#[cold]
pub(crate) fn refused(head: &Head, args: Vec<String>, forms: &[String]) -> ! {
    fail(&format!(
        "{}.{}: arguments not accepted (the call is journaled).\nAccepted: {}\n\
         .{}.accepts(..) declared these forms; a call with any other arguments panics where it is made.",
        head.mock().name(),
        head.call(args),
        forms.join(", "),
        head.field()
    ))
}
