//! rustc diagnostics as cargo reports them (`--message-format=json`), and
//! which generated case each one belongs to.

use crate::json::{self, Json};
use crate::model::CaseLines;

#[derive(Clone, Debug)]
pub(crate) struct Span {
    pub file: String,
    pub line: u32,
    pub primary: bool,
    /// The macro call this span came out of, if any.
    pub expansion: Option<Box<Span>>,
}

#[derive(Clone, Debug)]
pub(crate) struct Diagnostic {
    pub level: String,
    pub message: String,
    pub code: Option<String>,
    pub spans: Vec<Span>,
    pub children: Vec<Diagnostic>,
    pub rendered: String,
}

/// Where in its case a diagnostic points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The trait's own lines, its attributes and docs included.
    Trait,
    /// One of the harness's checks.
    Harness(&'static str),
    /// Elsewhere in the case's module (its imports, its user types).
    Module,
    /// The primary span lies outside the generated file (in a dependency,
    /// or nowhere); a secondary span or the macro call names the case.
    Outside,
}

impl Span {
    fn from_json(value: &Json) -> Option<Span> {
        let expansion = value
            .get("expansion")
            .and_then(|e| e.get("span"))
            .and_then(Span::from_json)
            .map(Box::new);
        Some(Span {
            file: value.get("file_name")?.str()?.to_owned(),
            line: value.get("line_start")?.u32()?,
            primary: value
                .get("is_primary")
                .and_then(Json::bool)
                .unwrap_or(false),
            expansion,
        })
    }

    /// This span and the macro calls it came from, innermost first.
    fn chain(&self) -> impl Iterator<Item = &Span> {
        std::iter::successors(Some(self), |span| span.expansion.as_deref())
    }
}

impl Diagnostic {
    pub(crate) fn from_json(value: &Json) -> Option<Diagnostic> {
        Some(Diagnostic {
            level: value.get("level")?.str()?.to_owned(),
            message: value.get("message")?.str()?.to_owned(),
            code: value
                .get("code")
                .and_then(|c| c.get("code"))
                .and_then(Json::str)
                .map(str::to_owned),
            spans: value
                .get("spans")
                .map(Json::arr)
                .unwrap_or_default()
                .iter()
                .filter_map(Span::from_json)
                .collect(),
            children: value
                .get("children")
                .map(Json::arr)
                .unwrap_or_default()
                .iter()
                .filter_map(Diagnostic::from_json)
                .collect(),
            rendered: value
                .get("rendered")
                .and_then(Json::str)
                .unwrap_or_default()
                .to_owned(),
        })
    }

    /// A diagnostic from one line of cargo's JSON output, if the line is a
    /// compiler message about the crate `crate_name`.
    pub(crate) fn from_cargo_line(line: &str, crate_name: &str) -> Option<Diagnostic> {
        let value = json::parse(line).ok()?;
        if value.get("reason")?.str()? != "compiler-message" {
            return None;
        }
        if value.get("target")?.get("name")?.str()? != crate_name {
            return None;
        }
        Diagnostic::from_json(value.get("message")?)
    }

    pub(crate) fn is_error(&self) -> bool {
        self.level.starts_with("error")
    }

    pub(crate) fn is_warning(&self) -> bool {
        self.level == "warning"
    }

    /// rustc's closing lines ("aborting due to ...", "3 warnings emitted"),
    /// which belong to no item.
    pub(crate) fn is_summary(&self) -> bool {
        self.spans.is_empty()
            && (self.message.starts_with("aborting due to")
                || self.message.ends_with("emitted")
                || self.message.starts_with("For more information")
                || self
                    .message
                    .starts_with("Some errors have detailed explanations")
                || self.level == "failure-note")
    }

    pub(crate) fn primary(&self) -> Option<&Span> {
        self.spans.iter().find(|span| span.primary)
    }

    /// Every line of `file` this diagnostic or its notes point at, through
    /// macro calls too.
    fn lines_in<'a>(&'a self, file: &'a str) -> Box<dyn Iterator<Item = u32> + 'a> {
        let own = self
            .spans
            .iter()
            .flat_map(Span::chain)
            .filter(move |span| span.file == file)
            .map(|span| span.line);
        Box::new(own.chain(self.children.iter().flat_map(move |c| c.lines_in(file))))
    }

    /// The message and those of its notes and help.
    pub(crate) fn all_messages(&self) -> String {
        let mut text = self.message.clone();
        for child in &self.children {
            text.push('\n');
            text.push_str(&child.all_messages());
        }
        text
    }
}

/// The case a diagnostic belongs to (its position in `layout`) and where in
/// it the diagnostic points; `None` when nothing in it names a case.
pub(crate) fn attribute(
    diag: &Diagnostic,
    file: &str,
    layout: &[CaseLines],
) -> Option<(usize, Place)> {
    let case_of = |line: u32| {
        layout
            .iter()
            .position(|case| case.module.0 <= line && line <= case.module.1)
    };
    if let Some(primary) = diag.primary().filter(|span| span.file == file) {
        if let Some(at) = case_of(primary.line) {
            let case = &layout[at];
            let place = if case.trait_.0 <= primary.line && primary.line <= case.trait_.1 {
                Place::Trait
            } else if let Some((_, what)) = case
                .harness
                .iter()
                .find(|((start, end), _)| *start <= primary.line && primary.line <= *end)
            {
                Place::Harness(what)
            } else {
                Place::Module
            };
            return Some((at, place));
        }
    }
    diag.lines_in(file)
        .find_map(case_of)
        .map(|at| (at, Place::Outside))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A cargo JSON line for crate `case`, with one span at `line` of
    /// `file` and the given children (as JSON text).
    pub(crate) fn cargo_line(
        level: &str,
        code: Option<&str>,
        message: &str,
        file: &str,
        line: u32,
        children: &str,
        rendered: &str,
    ) -> String {
        let code = code.map_or("null".to_owned(), |c| {
            format!(r#"{{"code":"{c}","explanation":null}}"#)
        });
        format!(
            r#"{{"reason":"compiler-message","package_id":"path+file:///x#case@0.0.0","manifest_path":"/x/Cargo.toml","target":{{"kind":["lib"],"crate_types":["lib"],"name":"case","src_path":"/x/src/lib.rs","edition":"2021","doctest":true,"test":true}},"message":{{"$message_type":"diagnostic","message":{message:?},"code":{code},"level":"{level}","spans":[{{"file_name":"{file}","byte_start":0,"byte_end":1,"line_start":{line},"line_end":{line},"column_start":5,"column_end":9,"is_primary":true,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":null}}],"children":[{children}],"rendered":{rendered:?}}}}}"#
        )
    }

    fn layout() -> Vec<CaseLines> {
        vec![
            CaseLines {
                index: 0,
                module: (3, 20),
                trait_: (6, 12),
                harness: vec![
                    ((13, 15), "harness: Default"),
                    ((16, 19), "harness: Send + Sync"),
                ],
            },
            CaseLines {
                index: 1,
                module: (22, 30),
                trait_: (24, 29),
                harness: Vec::new(),
            },
        ]
    }

    #[test]
    fn reads_a_cargo_line_for_its_crate_only() {
        let line = cargo_line(
            "error",
            Some("E0496"),
            "lifetime name `'a` shadows",
            "src/lib.rs",
            8,
            "",
            "error[E0496]: ...",
        );
        let diag = Diagnostic::from_cargo_line(&line, "case").unwrap();
        assert_eq!(diag.code.as_deref(), Some("E0496"));
        assert_eq!(diag.primary().unwrap().line, 8);
        assert!(diag.is_error());
        assert!(Diagnostic::from_cargo_line(&line, "autospec").is_none());
        assert!(Diagnostic::from_cargo_line(
            r#"{"reason":"build-finished","success":false}"#,
            "case"
        )
        .is_none());
    }

    #[test]
    fn attributes_by_line_ranges() {
        let at = |file: &str, line: u32| {
            let json = cargo_line("error", None, "m", file, line, "", "");
            let diag = Diagnostic::from_cargo_line(&json, "case").unwrap();
            attribute(&diag, "src/lib.rs", &layout())
        };
        assert_eq!(at("src/lib.rs", 6), Some((0, Place::Trait)));
        assert_eq!(
            at("src/lib.rs", 14),
            Some((0, Place::Harness("harness: Default")))
        );
        assert_eq!(at("src/lib.rs", 4), Some((0, Place::Module)));
        assert_eq!(at("src/lib.rs", 25), Some((1, Place::Trait)));
        assert_eq!(at("src/lib.rs", 1), None);
        assert_eq!(at("/work/runtime/src/method.rs", 25), None);
    }

    #[test]
    fn a_span_in_a_dependency_is_attributed_through_its_notes() {
        let note = r#"{"message":"required by a bound","code":null,"level":"note","spans":[{"file_name":"src/lib.rs","line_start":26,"is_primary":true,"expansion":null}],"children":[],"rendered":null}"#;
        let json = cargo_line(
            "error",
            Some("E0277"),
            "not Send",
            "/work/runtime/src/method.rs",
            40,
            note,
            "",
        );
        let diag = Diagnostic::from_cargo_line(&json, "case").unwrap();
        assert_eq!(
            attribute(&diag, "src/lib.rs", &layout()),
            Some((1, Place::Outside))
        );
    }
}
