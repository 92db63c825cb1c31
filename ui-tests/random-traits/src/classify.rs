//! What became of each trait with the attribute, from the diagnostics that
//! were attributed to it, and the family of each failure: the first
//! error's code and message with the generator's names taken out, so that
//! traits failing for the same reason count together.

use crate::diag::{Diagnostic, Place};

/// The outcome for one valid trait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// No error, no warning.
    Mocked,
    /// Exactly one error, from autospec, on the trait's own lines, naming
    /// nothing generated.
    /// Each problem of the trait reported once, like this; `errors` is
    /// how many (the house style reports every problem at once).
    RefusedCleanly { message: String, errors: usize },
    /// Any other outcome with errors.
    BadRefusal(Failure),
    /// Compiles, with warnings.
    Warns(Failure),
    /// The macro panicked (or rustc crashed).
    Panic(Failure),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Failure {
    pub family: String,
    pub problems: Vec<Problem>,
    /// The first lines of each diagnostic, as rustc printed them.
    pub excerpt: String,
}

/// Why an outcome with errors is not a clean refusal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Problem {
    SeveralErrors(usize),
    NamesGeneratedItems,
    RawRustcError(String),
    NotFromAutospec,
    SpanOutsideTrait(String),
}

impl Problem {
    pub(crate) fn label(&self) -> String {
        match self {
            Problem::SeveralErrors(n) => format!("{n} errors"),
            Problem::NamesGeneratedItems => "names generated items".to_owned(),
            Problem::RawRustcError(code) => format!("raw rustc {code}"),
            Problem::NotFromAutospec => "not an autospec message".to_owned(),
            Problem::SpanOutsideTrait(place) => format!("span outside the trait ({place})"),
        }
    }
}

/// Whether text names a generated or hidden item: `__autospec_..`,
/// `__private`, or any identifier that starts with `__` (the generator
/// never writes one).
pub(crate) fn names_generated(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(3).enumerate().any(|(at, w)| {
        let starts_ident = at == 0 || !is_ident(bytes[at - 1]);
        starts_ident && w[0] == b'_' && w[1] == b'_' && is_ident(w[2])
    })
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

fn is_panic(diag: &Diagnostic) -> bool {
    diag.level.contains("internal compiler error") || diag.message.contains("panicked")
}

/// The first `max` lines of what rustc printed for these diagnostics.
pub(crate) fn excerpt(diags: &[&Diagnostic], max: usize) -> String {
    let mut lines = Vec::new();
    for diag in diags {
        let text = if diag.rendered.is_empty() {
            diag.all_messages()
        } else {
            diag.rendered.clone()
        };
        lines.extend(text.lines().map(str::to_owned));
        if lines.len() >= max {
            break;
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        lines.push("...".to_owned());
    }
    lines.join("\n")
}

/// The message with the generator's names taken out of its `quoted`
/// parts: the trait's names become placeholders, generated names `__…`,
/// module names `tN`, and numbers `N`.
pub(crate) fn normalize(message: &str, names: &[(String, &'static str)]) -> String {
    let first_line = message.lines().next().unwrap_or_default();
    let mut out = String::new();
    for (at, part) in first_line.split('`').enumerate() {
        if at > 0 {
            out.push('`');
        }
        if at % 2 == 0 {
            out.push_str(part);
        } else {
            out.push_str(&normalize_code(part, names));
        }
    }
    out
}

/// Identifiers (raw ones as one token, `r#type`) are replaced as
/// `normalize` says; everything else is kept.
fn normalize_code(code: &str, names: &[(String, &'static str)]) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    while at < chars.len() {
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        if !is_word(chars[at]) {
            out.push(chars[at]);
            at += 1;
            continue;
        }
        let start = at;
        if chars[at] == 'r'
            && chars.get(at + 1) == Some(&'#')
            && chars.get(at + 2).is_some_and(|&c| is_word(c))
        {
            at += 2;
        }
        while at < chars.len() && is_word(chars[at]) {
            at += 1;
        }
        let word: String = chars[start..at].iter().collect();
        // `Iterator<Item = u32>`: a binding of a std trait's associated
        // type, not the trait's own `Item`.
        let rest: String = chars[at..].iter().collect();
        let binding = rest.trim_start().starts_with('=') && !rest.trim_start().starts_with("==");
        let is_module = word.len() == 5
            && word.starts_with('t')
            && word[1..].bytes().all(|b| b.is_ascii_digit());
        if word.starts_with("__") {
            out.push_str("__…");
        } else if is_module {
            out.push_str("tN");
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            out.push('N');
        } else if let Some((_, placeholder)) = names
            .iter()
            .find(|(name, _)| *name == word)
            .filter(|_| !binding)
        {
            out.push_str(placeholder);
        } else {
            out.push_str(&word);
        }
    }
    out
}

fn family_of(diag: &Diagnostic, place: Place, names: &[(String, &'static str)]) -> String {
    let code = diag
        .code
        .as_deref()
        .unwrap_or(if diag.message.contains("autospec") {
            "autospec"
        } else {
            "no code"
        });
    let message = normalize(&diag.message, names);
    match place {
        Place::Harness(what) => format!("[{what}] {code}: {message}"),
        _ => format!("{code}: {message}"),
    }
}

fn place_label(place: Place) -> String {
    match place {
        Place::Trait => "trait".to_owned(),
        Place::Harness(what) => what.to_owned(),
        Place::Module => "module".to_owned(),
        Place::Outside => "outside the file".to_owned(),
    }
}

/// Classifies one trait from the errors and warnings attributed to it.
pub(crate) fn classify(
    errors: &[(Diagnostic, Place)],
    warnings: &[(Diagnostic, Place)],
    names: &[(String, &'static str)],
) -> Outcome {
    let all: Vec<&Diagnostic> = errors.iter().map(|(d, _)| d).collect();
    if let Some((panic, place)) = errors.iter().find(|(d, _)| is_panic(d)) {
        let help = panic
            .children
            .iter()
            .map(|c| c.message.as_str())
            .find(|m| m.starts_with("message:"))
            .unwrap_or(&panic.message);
        let problems = if *place == Place::Trait {
            Vec::new()
        } else {
            vec![Problem::SpanOutsideTrait(place_label(*place))]
        };
        return Outcome::Panic(Failure {
            family: format!("panic: {}", normalize(help, names)),
            problems,
            excerpt: excerpt(&all, 30),
        });
    }
    if let Some((first, place)) = errors.first() {
        let mut problems = Vec::new();
        // Several errors are one per problem (house style) only when each
        // is autospec's own, on its own line of the trait.
        let mut lines: Vec<u32> = errors
            .iter()
            .filter_map(|(d, _)| d.primary().map(|s| s.line))
            .collect();
        lines.sort_unstable();
        lines.dedup();
        let one_per_problem = errors.iter().all(|(d, place)| {
            *place == Place::Trait && d.code.is_none() && d.message.contains("autospec")
        }) && lines.len() == errors.len();
        if errors.len() > 1 && !one_per_problem {
            problems.push(Problem::SeveralErrors(errors.len()));
        }
        if errors
            .iter()
            .any(|(d, _)| names_generated(&d.rendered) || names_generated(&d.all_messages()))
        {
            problems.push(Problem::NamesGeneratedItems);
        }
        // An error is autospec's when its message says so, whether it
        // comes from `compile_error!` or from a bound with
        // `#[diagnostic::on_unimplemented]` (which has rustc's code).
        for (diag, _) in errors
            .iter()
            .filter(|(d, _)| !d.message.contains("autospec"))
        {
            let problem = diag.code.as_ref().map_or(Problem::NotFromAutospec, |code| {
                Problem::RawRustcError(code.clone())
            });
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
        for (_, place) in errors {
            if *place != Place::Trait {
                let problem = Problem::SpanOutsideTrait(place_label(*place));
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
        }
        if problems.is_empty() {
            return Outcome::RefusedCleanly {
                message: first.message.clone(),
                errors: errors.len(),
            };
        }
        return Outcome::BadRefusal(Failure {
            family: family_of(first, *place, names),
            problems,
            excerpt: excerpt(&all, 40),
        });
    }
    if let Some((first, place)) = warnings.first() {
        let warned: Vec<&Diagnostic> = warnings.iter().map(|(d, _)| d).collect();
        let mut problems = Vec::new();
        if warnings.iter().any(|(d, _)| names_generated(&d.rendered)) {
            problems.push(Problem::NamesGeneratedItems);
        }
        return Outcome::Warns(Failure {
            family: format!("warning {}", family_of(first, *place, names)),
            problems,
            excerpt: excerpt(&warned, 30),
        });
    }
    Outcome::Mocked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::tests::cargo_line;
    use crate::diag::{attribute, Diagnostic};
    use crate::model::CaseLines;

    const FILE: &str = "src/lib.rs";

    fn layout() -> Vec<CaseLines> {
        vec![CaseLines {
            index: 0,
            module: (3, 30),
            trait_: (6, 20),
            harness: vec![
                ((21, 23), "harness: Default"),
                ((24, 27), "harness: Send + Sync"),
            ],
        }]
    }

    fn names() -> Vec<(String, &'static str)> {
        vec![
            ("MockStore".to_owned(), "MockTrait"),
            ("Store".to_owned(), "Trait"),
            ("class".to_owned(), "method"),
            ("key".to_owned(), "param"),
            ("r#dyn".to_owned(), "param"),
            ("Item".to_owned(), "Assoc"),
        ]
    }

    /// Parses canned cargo lines, attributes them and classifies the case.
    fn outcome(lines: &[String]) -> Outcome {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for line in lines {
            let diag = Diagnostic::from_cargo_line(line, "case").expect("a compiler message");
            if diag.is_summary() {
                continue;
            }
            let (case, place) = attribute(&diag, FILE, &layout()).expect("attributed");
            assert_eq!(case, 0);
            if diag.is_error() {
                errors.push((diag, place));
            } else if diag.is_warning() {
                warnings.push((diag, place));
            }
        }
        classify(&errors, &warnings, &names())
    }

    fn error(code: Option<&str>, message: &str, line: u32) -> String {
        cargo_line(
            "error",
            code,
            message,
            FILE,
            line,
            "",
            &format!("error: {message}\n --> src/lib.rs:{line}:5\n"),
        )
    }

    fn summary() -> String {
        r#"{"reason":"compiler-message","target":{"name":"case"},"message":{"message":"aborting due to 1 previous error","code":null,"level":"error","spans":[],"children":[],"rendered":"error: aborting due to 1 previous error\n"}}"#.to_owned()
    }

    #[test]
    fn no_diagnostic_is_mocked() {
        assert_eq!(outcome(&[]), Outcome::Mocked);
    }

    #[test]
    fn one_autospec_error_on_the_trait_is_a_clean_refusal() {
        let message = "#[autospec] lends `&mut T` and `Option<&mut T>`, not `Result<&mut T, E>`: each call would need its own copy of the error; return `Option<&mut T>`, or `Result<&T, E>`";
        assert_eq!(
            outcome(&[error(None, message, 9), summary()]),
            Outcome::RefusedCleanly {
                message: message.to_owned(),
                errors: 1
            }
        );
    }

    #[test]
    fn one_on_unimplemented_error_from_autospec_is_a_clean_refusal() {
        let message = "autospec journals `t0001::Plain` arguments by cloning them, and `t0001::Plain` is not `Clone`";
        assert_eq!(
            outcome(&[error(Some("E0277"), message, 9)]),
            Outcome::RefusedCleanly {
                message: message.to_owned(),
                errors: 1
            }
        );
    }

    #[test]
    fn a_note_naming_a_hidden_path_spoils_an_autospec_error() {
        let note = r#"{"message":"required for `Plain` to implement `autospec::__private::Keep`","code":null,"level":"note","spans":[],"children":[],"rendered":null}"#;
        let message = "autospec journals `Plain` arguments by cloning them";
        let line = cargo_line(
            "error",
            Some("E0277"),
            message,
            FILE,
            9,
            note,
            "error[E0277]: ...",
        );
        let Outcome::BadRefusal(failure) = outcome(&[line]) else {
            panic!("not a bad refusal");
        };
        assert_eq!(failure.problems, vec![Problem::NamesGeneratedItems]);
    }

    #[test]
    fn a_raw_rustc_error_is_a_bad_refusal_with_its_family() {
        let Outcome::BadRefusal(failure) = outcome(&[error(
            Some("E0496"),
            "lifetime name `'a` shadows a lifetime name that is already in scope",
            9,
        )]) else {
            panic!("not a bad refusal");
        };
        assert_eq!(
            failure.family,
            "E0496: lifetime name `'a` shadows a lifetime name that is already in scope"
        );
        assert_eq!(
            failure.problems,
            vec![Problem::RawRustcError("E0496".to_owned())]
        );
    }

    #[test]
    fn one_autospec_error_per_problem_is_a_clean_refusal() {
        let message = "#[autospec] cannot mock a variadic method";
        assert_eq!(
            outcome(&[error(None, message, 9), error(None, message, 10)]),
            Outcome::RefusedCleanly {
                message: message.to_owned(),
                errors: 2
            }
        );
    }

    #[test]
    fn two_autospec_errors_on_one_line_are_a_bad_refusal() {
        let message = "#[autospec] cannot mock a variadic method";
        let Outcome::BadRefusal(failure) =
            outcome(&[error(None, message, 9), error(None, message, 9)])
        else {
            panic!("not a bad refusal");
        };
        assert_eq!(failure.problems, vec![Problem::SeveralErrors(2)]);
        assert_eq!(
            failure.family,
            "autospec: #[autospec] cannot mock a variadic method"
        );
    }

    #[test]
    fn an_autospec_error_with_a_raw_one_is_a_bad_refusal() {
        let Outcome::BadRefusal(failure) = outcome(&[
            error(None, "#[autospec] cannot mock a variadic method", 9),
            error(Some("E0412"), "cannot find type `X` in this scope", 10),
        ]) else {
            panic!("not a bad refusal");
        };
        assert_eq!(
            failure.problems,
            vec![
                Problem::SeveralErrors(2),
                Problem::RawRustcError("E0412".to_owned())
            ]
        );
    }

    #[test]
    fn an_error_naming_generated_items_is_bad_and_its_family_hides_the_names() {
        let Outcome::BadRefusal(failure) = outcome(&[error(
            Some("E0428"),
            "the name `__autospec_MockStore_class` is defined multiple times",
            7,
        )]) else {
            panic!("not a bad refusal");
        };
        assert!(failure.problems.contains(&Problem::NamesGeneratedItems));
        assert_eq!(
            failure.family,
            "E0428: the name `__…` is defined multiple times"
        );
    }

    #[test]
    fn an_autospec_error_outside_the_trait_is_bad() {
        let Outcome::BadRefusal(failure) = outcome(&[error(None, "#[autospec] says no", 4)]) else {
            panic!("not a bad refusal");
        };
        assert_eq!(
            failure.problems,
            vec![Problem::SpanOutsideTrait("module".to_owned())]
        );
    }

    #[test]
    fn a_failing_harness_check_is_bad_and_named_after_the_check() {
        let Outcome::BadRefusal(failure) = outcome(&[error(
            Some("E0277"),
            "`(dyn std::error::Error + 'static)` cannot be sent between threads safely",
            26,
        )]) else {
            panic!("not a bad refusal");
        };
        assert_eq!(
            failure.family,
            "[harness: Send + Sync] E0277: `(dyn std::error::Error + 'static)` cannot be sent between threads safely"
        );
        assert!(failure.problems.contains(&Problem::SpanOutsideTrait(
            "harness: Send + Sync".to_owned()
        )));
    }

    #[test]
    fn an_error_without_code_or_autospec_is_not_clean() {
        let Outcome::BadRefusal(failure) =
            outcome(&[error(None, "lifetime may not live long enough", 8)])
        else {
            panic!("not a bad refusal");
        };
        assert_eq!(failure.problems, vec![Problem::NotFromAutospec]);
    }

    #[test]
    fn a_panicking_macro_is_a_panic() {
        let child = r#"{"message":"message: index out of bounds","code":null,"level":"help","spans":[],"children":[],"rendered":null}"#;
        let line = cargo_line(
            "error",
            None,
            "custom attribute panicked",
            FILE,
            6,
            child,
            "error: custom attribute panicked",
        );
        let Outcome::Panic(failure) = outcome(&[line]) else {
            panic!("not a panic");
        };
        assert_eq!(failure.family, "panic: message: index out of bounds");
    }

    #[test]
    fn warnings_alone_are_warns() {
        let line = cargo_line(
            "warning",
            Some("unused_qualifications"),
            "unnecessary qualification of `MockStore`",
            FILE,
            8,
            "",
            "warning: x",
        );
        let Outcome::Warns(failure) = outcome(&[line]) else {
            panic!("not warns");
        };
        assert_eq!(
            failure.family,
            "warning unused_qualifications: unnecessary qualification of `MockTrait`"
        );
    }

    #[test]
    fn errors_win_over_warnings() {
        let warning = cargo_line("warning", None, "unused", FILE, 8, "", "");
        assert!(matches!(
            outcome(&[warning, error(Some("E0282"), "type annotations needed", 9)]),
            Outcome::BadRefusal(_)
        ));
    }

    #[test]
    fn generated_names_are_found_only_at_the_start_of_identifiers() {
        assert!(names_generated("cannot find `__autospec_MockX_get`"));
        assert!(names_generated("::autospec::__private::Method"));
        assert!(!names_generated("a_b__c and snake__case"));
        assert!(!names_generated("a `__` alone"));
    }

    #[test]
    fn normalizing_keeps_std_types_and_hides_local_names() {
        let names = names();
        assert_eq!(
            normalize(
                "no field `class` on type `&t0042::MockStore<u8, 3>`",
                &names
            ),
            "no field `method` on type `&tN::MockTrait<u8, N>`"
        );
        assert_eq!(
            normalize("`Rc<u32>` cannot be sent between threads safely", &names),
            "`Rc<u32>` cannot be sent between threads safely"
        );
        // A raw identifier is a name; the keyword it spells is not.
        assert_eq!(
            normalize("`(dyn Error + 'static)` and `r#dyn`", &names),
            "`(dyn Error + 'static)` and `param`"
        );
        assert_eq!(
            normalize("`Item` and `Box<dyn Iterator<Item = u32>>`", &names),
            "`Assoc` and `Box<dyn Iterator<Item = u32>>`"
        );
        // Outside backticks, words that happen to be names stay.
        assert_eq!(normalize("class key", &names), "class key");
    }
}
