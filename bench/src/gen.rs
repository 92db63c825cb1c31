//! Writes the generated crates: the same suite in three flavors.
//!
//! A suite of `n` mocked methods is `n / 10` traits of the ten signatures in
//! [`SIGS`]. Each flavor is one crate, `suite-<flavor>`:
//!
//! - `src/lib.rs`: the traits, their mocks behind the `mocks` feature
//!   (`#[cfg_attr(feature = "mocks", autospec::autospec)]`,
//!   `#[cfg_attr(feature = "mocks", mockall::automock)]`, or a `fakes` module
//!   of hand-written fakes), and an `EDIT` const the harness bumps to simulate
//!   an edit of the library;
//! - `tests/calls.rs`: one test per method: arrange an answer, call the method
//!   through `&dyn Trait` / `&mut dyn Trait`, check the answer, assert that it
//!   was called once with these arguments; and an `EDIT` const for test edits.
//!
//! The per-call crates are written by `percall.rs`, the dependency-only
//! crates by `deps.rs`; both use [`manifest`].

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// The three flavors, in the order every interleaved round runs them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flavor {
    Autospec,
    Mockall,
    Fake,
}

pub const FLAVORS: [Flavor; 3] = [Flavor::Autospec, Flavor::Mockall, Flavor::Fake];

/// The mockall release compared against, pinned exactly.
pub const MOCKALL: &str = "=0.15.0";

impl Flavor {
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Autospec => "autospec",
            Flavor::Mockall => "mockall",
            Flavor::Fake => "fake",
        }
    }
}

/// One method signature of the suite and how each flavor exercises it.
pub struct Sig {
    /// Parameters after the receiver.
    pub params: &'static str,
    pub ret: Option<&'static str>,
    pub mut_self: bool,
    /// Arguments of the call in the test.
    pub call: &'static str,
    /// The configured answer (and the expected return value).
    pub answer: Option<&'static str>,
    /// What the fake journals: type, and expression from the parameter names.
    pub journal_ty: &'static str,
    pub journal: &'static str,
    /// `assert_called_once_with` tuple for autospec.
    pub autospec_expect: &'static str,
    /// `.with(..)` predicates for mockall (empty: no `.with`).
    pub mockall_with: &'static str,
    /// The fake's expected journal.
    pub fake_expect: &'static str,
}

/// The ten signatures of every trait. The first five are the everyday
/// shapes of the issue "Performance at the floor" (see `bench/README.md`);
/// the other five add a borrowed string, a second `&mut self`, a borrowed
/// slice and plain copies.
pub const SIGS: [Sig; 10] = [
    Sig {
        params: "id: u32, name: &str",
        ret: Some("Option<String>"),
        mut_self: false,
        call: "1, \"a\"",
        answer: Some("Some(\"v\".to_owned())"),
        journal_ty: "(u32, String)",
        journal: "(id, name.to_owned())",
        autospec_expect: "(1u32, \"a\")",
        mockall_with: "eq(1u32), eq(\"a\")",
        fake_expect: "(1u32, \"a\".to_owned())",
    },
    Sig {
        params: "data: Vec<u8>",
        ret: Some("Result<u64, String>"),
        mut_self: false,
        call: "vec![1u8, 2]",
        answer: Some("Ok::<u64, String>(4)"),
        journal_ty: "(Vec<u8>,)",
        journal: "(data,)",
        autospec_expect: "(vec![1u8, 2],)",
        mockall_with: "eq(vec![1u8, 2])",
        fake_expect: "(vec![1u8, 2],)",
    },
    Sig {
        params: "flag: bool",
        ret: None,
        mut_self: true,
        call: "true",
        answer: None,
        journal_ty: "(bool,)",
        journal: "(flag,)",
        autospec_expect: "(true,)",
        mockall_with: "eq(true)",
        fake_expect: "(true,)",
    },
    Sig {
        params: "",
        ret: Some("u64"),
        mut_self: false,
        call: "",
        answer: Some("7u64"),
        journal_ty: "()",
        journal: "()",
        autospec_expect: "()",
        mockall_with: "",
        fake_expect: "()",
    },
    Sig {
        params: "name: String, n: usize",
        ret: Some("Vec<String>"),
        mut_self: false,
        call: "\"n\".to_owned(), 2",
        answer: Some("vec![\"x\".to_owned()]"),
        journal_ty: "(String, usize)",
        journal: "(name, n)",
        autospec_expect: "(\"n\", 2usize)",
        mockall_with: "eq(\"n\".to_owned()), eq(2usize)",
        fake_expect: "(\"n\".to_owned(), 2usize)",
    },
    Sig {
        params: "key: &str",
        ret: Some("Option<String>"),
        mut_self: false,
        call: "\"k\"",
        answer: Some("Some(\"v\".to_owned())"),
        journal_ty: "(String,)",
        journal: "(key.to_owned(),)",
        autospec_expect: "(\"k\",)",
        mockall_with: "eq(\"k\")",
        fake_expect: "(\"k\".to_owned(),)",
    },
    Sig {
        params: "key: String, value: Vec<u8>",
        ret: None,
        mut_self: true,
        call: "\"k\".to_owned(), vec![1u8, 2]",
        answer: None,
        journal_ty: "(String, Vec<u8>)",
        journal: "(key, value)",
        autospec_expect: "(\"k\", vec![1u8, 2])",
        mockall_with: "eq(\"k\".to_owned()), eq(vec![1u8, 2])",
        fake_expect: "(\"k\".to_owned(), vec![1u8, 2])",
    },
    Sig {
        params: "items: &[u64]",
        ret: Some("usize"),
        mut_self: false,
        call: "&[1u64, 2, 3]",
        answer: Some("3usize"),
        journal_ty: "(Vec<u64>,)",
        journal: "(items.to_vec(),)",
        autospec_expect: "([1u64, 2, 3],)",
        mockall_with: "eq(vec![1u64, 2, 3])",
        fake_expect: "(vec![1u64, 2, 3],)",
    },
    Sig {
        params: "a: i64, b: i64",
        ret: Some("i64"),
        mut_self: false,
        call: "2, 3",
        answer: Some("5i64"),
        journal_ty: "(i64, i64)",
        journal: "(a, b)",
        autospec_expect: "(2i64, 3i64)",
        mockall_with: "eq(2i64), eq(3i64)",
        fake_expect: "(2i64, 3i64)",
    },
    Sig {
        params: "x: f64",
        ret: Some("f64"),
        mut_self: false,
        call: "1.5",
        answer: Some("2.5f64"),
        journal_ty: "(f64,)",
        journal: "(x,)",
        autospec_expect: "(1.5f64,)",
        mockall_with: "eq(1.5f64)",
        fake_expect: "(1.5f64,)",
    },
];

/// A [`Sig`] as used in one trait: with `tag: TagK` appended to its
/// parameters when the suite gives every trait its own types.
#[derive(Clone, Debug)]
pub struct Meth {
    pub params: String,
    pub ret: Option<String>,
    pub mut_self: bool,
    pub call: String,
    pub answer: Option<String>,
    pub journal_ty: String,
    pub journal: String,
    pub autospec_expect: String,
    pub mockall_with: String,
    pub fake_expect: String,
}

/// The signature as the report shows it: `(&self, u32, &str) -> Option<String>`.
pub fn describe(sig: &Sig) -> String {
    let receiver = if sig.mut_self { "&mut self" } else { "&self" };
    let mut parts = vec![receiver.to_owned()];
    for param in sig.params.split(", ").filter(|param| !param.is_empty()) {
        parts.push(
            param
                .split_once(": ")
                .map_or(param, |(_, ty)| ty)
                .to_owned(),
        );
    }
    let ret = sig.ret.map(|ret| format!(" -> {ret}")).unwrap_or_default();
    format!("({}){ret}", parts.join(", "))
}

/// `(a, b)` + `c` = `(a, b, c)`; `()` + `c` = `(c,)`.
fn push_to_tuple(tuple: &str, item: &str) -> String {
    let inner = tuple
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .expect("a tuple")
        .trim()
        .trim_end_matches(',');
    if inner.is_empty() {
        format!("({item},)")
    } else {
        format!("({inner}, {item})")
    }
}

/// `a, b` + `c` = `a, b, c`; `` + `c` = `c`.
fn push_to_list(list: &str, item: &str) -> String {
    if list.is_empty() {
        item.to_owned()
    } else {
        format!("{list}, {item}")
    }
}

/// The suite's methods for one trait; `tag` is that trait's own type, if any.
pub fn methods(tag: Option<&str>) -> Vec<Meth> {
    SIGS.iter()
        .map(|sig| {
            let mut meth = Meth {
                params: sig.params.to_owned(),
                ret: sig.ret.map(str::to_owned),
                mut_self: sig.mut_self,
                call: sig.call.to_owned(),
                answer: sig.answer.map(str::to_owned),
                journal_ty: sig.journal_ty.to_owned(),
                journal: sig.journal.to_owned(),
                autospec_expect: sig.autospec_expect.to_owned(),
                mockall_with: sig.mockall_with.to_owned(),
                fake_expect: sig.fake_expect.to_owned(),
            };
            if let Some(tag) = tag {
                meth.params = push_to_list(&meth.params, &format!("tag: {tag}"));
                meth.call = push_to_list(&meth.call, tag);
                meth.journal_ty = push_to_tuple(&meth.journal_ty, tag);
                meth.journal = push_to_tuple(&meth.journal, "tag");
                meth.autospec_expect = push_to_tuple(&meth.autospec_expect, tag);
                meth.mockall_with = push_to_list(&meth.mockall_with, &format!("eq({tag})"));
                meth.fake_expect = push_to_tuple(&meth.fake_expect, tag);
            }
            meth
        })
        .collect()
}

/// The tag type of trait `t` when every trait has its own types.
fn tag_of(t: usize, distinct: bool) -> Option<String> {
    distinct.then(|| format!("Tag{t}"))
}

/// `fn m3(&self, ..) -> R`, without a body or `;`.
fn signature(index: usize, sig: &Meth) -> String {
    let receiver = if sig.mut_self { "&mut self" } else { "&self" };
    let sep = if sig.params.is_empty() { "" } else { ", " };
    let ret = sig
        .ret
        .as_ref()
        .map(|ret| format!(" -> {ret}"))
        .unwrap_or_default();
    format!("fn m{index}({receiver}{sep}{}){ret}", sig.params)
}

/// The attribute that makes a trait's mock, per flavor.
fn mock_attr(flavor: Flavor) -> &'static str {
    match flavor {
        Flavor::Autospec => "#[cfg_attr(feature = \"mocks\", autospec::autospec)]\n",
        Flavor::Mockall => "#[cfg_attr(feature = \"mocks\", mockall::automock)]\n",
        Flavor::Fake => "",
    }
}

/// A trait of the ten signatures (or a prefix of them), with its mock attribute.
pub fn trait_source(flavor: Flavor, name: &str, count: usize, tag: Option<&str>) -> String {
    let mut out = String::new();
    out.push_str(mock_attr(flavor));
    writeln!(out, "pub trait {name} {{").unwrap();
    for (i, sig) in methods(tag).iter().enumerate().take(count) {
        writeln!(out, "    {};", signature(i, sig)).unwrap();
    }
    out.push_str("}\n");
    out
}

/// The `Cargo.toml` of a generated crate. autospec is a path dependency
/// here, and cargo compiles path dependencies incrementally (registry
/// crates such as mockall it does not), which makes a cold build of them
/// slower than a user's build of the published crates; the profile
/// overrides turn that off, so that all frameworks build as from crates.io.
pub fn manifest(package: &str, flavor: Flavor, runtime: &Path, extra: &str) -> String {
    let (dep, feature) = match flavor {
        Flavor::Autospec => (
            format!(
                "autospec = {{ path = {:?}, optional = true }}\n",
                runtime.display().to_string()
            ),
            "[\"dep:autospec\"]",
        ),
        Flavor::Mockall => (
            format!("mockall = {{ version = \"{MOCKALL}\", optional = true }}\n"),
            "[\"dep:mockall\"]",
        ),
        Flavor::Fake => (String::new(), "[]"),
    };
    let profile = match flavor {
        Flavor::Autospec => "\n[profile.dev.package.autospec]\nincremental = false\n\n[profile.dev.package.autospec-macros]\nincremental = false\n",
        Flavor::Mockall | Flavor::Fake => "",
    };
    format!(
        "# Generated by autospec-bench; do not edit.\n\
         [workspace]\n\n\
         [package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [features]\nmocks = {feature}\n\n\
         [dependencies]\n{dep}\n{extra}{profile}"
    )
}

/// The fakes' shared helper: a journal of owned arguments in a
/// `Mutex<Vec<_>>` and the configured answer.
pub const RECORDER: &str = r#"use std::sync::Mutex;

/// One faked method: the journal of owned arguments and the configured answer.
pub struct Recorder<A, R> {
    state: Mutex<(Vec<A>, Option<R>)>,
}

impl<A, R> Default for Recorder<A, R> {
    fn default() -> Self {
        Recorder { state: Mutex::new((Vec::new(), None)) }
    }
}

impl<A: Clone, R: Clone> Recorder<A, R> {
    /// Journals a call and answers it.
    pub fn record(&self, args: A) -> R {
        let mut state = self.state.lock().unwrap();
        state.0.push(args);
        state.1.clone().expect("no answer configured")
    }

    /// Journals a call of a method without a return value.
    pub fn record_unit(&self, args: A) {
        self.state.lock().unwrap().0.push(args);
    }

    /// Answers every later call with `answer`.
    pub fn returns(&self, answer: R) {
        self.state.lock().unwrap().1 = Some(answer);
    }

    /// Every call's arguments, oldest first.
    pub fn calls(&self) -> Vec<A> {
        self.state.lock().unwrap().0.clone()
    }
}
"#;

/// The hand-written fake of one trait.
pub fn fake_source(name: &str, count: usize, tag: Option<&str>) -> String {
    let mut out = String::new();
    let methods = methods(tag);
    writeln!(
        out,
        "/// Fake of `{name}`.\n#[derive(Default)]\npub struct Fake{name} {{"
    )
    .unwrap();
    for (i, sig) in methods.iter().enumerate().take(count) {
        writeln!(
            out,
            "    pub m{i}: Recorder<{}, {}>,",
            sig.journal_ty,
            sig.ret.as_deref().unwrap_or("()")
        )
        .unwrap();
    }
    writeln!(out, "}}\n\nimpl crate::{name} for Fake{name} {{").unwrap();
    for (i, sig) in methods.iter().enumerate().take(count) {
        let record = if sig.ret.is_some() {
            "record"
        } else {
            "record_unit"
        };
        writeln!(
            out,
            "    {} {{\n        self.m{i}.{record}({})\n    }}",
            signature(i, sig),
            sig.journal
        )
        .unwrap();
    }
    out.push_str("}\n");
    out
}

fn lib_source(flavor: Flavor, traits: usize, distinct: bool) -> String {
    let mut out =
        String::from("//! Generated by autospec-bench; do not edit.\n#![allow(clippy::all)]\n\n");
    if flavor == Flavor::Fake {
        out.push_str("#[cfg(feature = \"mocks\")]\npub mod fakes;\n\n");
    }
    for t in 0..traits {
        let tag = tag_of(t, distinct);
        if let Some(tag) = &tag {
            // The trait's own type, as real traits have their own domain types.
            writeln!(
                out,
                "#[derive(Clone, Copy, Debug, Default, PartialEq)]\npub struct {tag};\n"
            )
            .unwrap();
        }
        out.push_str(&trait_source(
            flavor,
            &format!("Trait{t}"),
            SIGS.len(),
            tag.as_deref(),
        ));
        out.push('\n');
    }
    out.push_str("pub const EDIT: u32 = 0;\n");
    out
}

fn fakes_source(traits: usize, distinct: bool) -> String {
    let mut out =
        String::from("//! Hand-written fakes. Generated by autospec-bench; do not edit.\n\n");
    out.push_str(RECORDER);
    if distinct {
        out.push_str("\nuse crate::*;\n");
    }
    for t in 0..traits {
        out.push('\n');
        out.push_str(&fake_source(
            &format!("Trait{t}"),
            SIGS.len(),
            tag_of(t, distinct).as_deref(),
        ));
    }
    out
}

/// One test: arrange, act through `dyn Trait`, assert.
fn test_source(flavor: Flavor, t: usize, i: usize, sig: &Meth) -> String {
    let tr = format!("Trait{t}");
    let m = format!("m{i}");
    let (call, answer) = (&sig.call, sig.answer.as_deref());
    let (ty, borrow) = if sig.mut_self {
        ("&mut dyn", "&mut ")
    } else {
        ("&dyn", "&")
    };
    let act = match answer {
        Some(answer) => format!("assert_eq!(t.{m}({call}), {answer});"),
        None => format!("t.{m}({call});"),
    };
    let mut out = format!("#[test]\nfn t{t}_{m}() {{\n");
    match flavor {
        Flavor::Autospec => {
            let binding = if sig.mut_self { "let mut" } else { "let" };
            writeln!(out, "    {binding} mock = Mock{tr}::default();").unwrap();
            if let Some(answer) = answer {
                writeln!(out, "    mock.{m}.returns({answer});").unwrap();
            }
            writeln!(
                out,
                "    {{\n        let t: {ty} {tr} = {borrow}mock;\n        {act}\n    }}"
            )
            .unwrap();
            writeln!(
                out,
                "    mock.{m}.assert_called_once_with({});",
                sig.autospec_expect
            )
            .unwrap();
        }
        Flavor::Mockall => {
            writeln!(out, "    let mut mock = Mock{tr}::new();").unwrap();
            let with = if sig.mockall_with.is_empty() {
                String::new()
            } else {
                format!(".with({})", sig.mockall_with)
            };
            // mockall on stable needs an answer even for `()` ("Returning default values requires the nightly feature").
            let ret = format!(".return_const({})", answer.unwrap_or("()"));
            writeln!(out, "    mock.expect_{m}(){with}.times(1){ret};").unwrap();
            writeln!(
                out,
                "    {{\n        let t: {ty} {tr} = {borrow}mock;\n        {act}\n    }}"
            )
            .unwrap();
            out.push_str("    mock.checkpoint();\n");
        }
        Flavor::Fake => {
            let binding = if sig.mut_self { "let mut" } else { "let" };
            writeln!(out, "    {binding} fake = Fake{tr}::default();").unwrap();
            if let Some(answer) = answer {
                writeln!(out, "    fake.{m}.returns({answer});").unwrap();
            }
            writeln!(
                out,
                "    {{\n        let t: {ty} {tr} = {borrow}fake;\n        {act}\n    }}"
            )
            .unwrap();
            writeln!(
                out,
                "    assert_eq!(fake.{m}.calls(), [{}]);",
                sig.fake_expect
            )
            .unwrap();
        }
    }
    out.push_str("}\n");
    out
}

fn tests_source(flavor: Flavor, traits: usize, distinct: bool) -> String {
    let mut out = String::from(
        "//! Generated by autospec-bench; do not edit.\n#![allow(clippy::all)]\n\nuse suite::*;\n",
    );
    match flavor {
        Flavor::Autospec => {}
        Flavor::Mockall => out.push_str("use mockall::predicate::eq;\n"),
        Flavor::Fake => out.push_str("use suite::fakes::*;\n"),
    }
    out.push_str("\nconst EDIT: u32 = 0;\n\n#[test]\nfn edit_marker() {\n    assert!(EDIT < u32::MAX && suite::EDIT < u32::MAX);\n}\n");
    for t in 0..traits {
        for (i, sig) in methods(tag_of(t, distinct).as_deref()).iter().enumerate() {
            out.push('\n');
            out.push_str(&test_source(flavor, t, i, sig));
        }
    }
    out
}

/// Writes `suite-<flavor>` for `traits` traits into `dir` (replacing it).
pub fn write_suite(
    dir: &Path,
    flavor: Flavor,
    traits: usize,
    distinct: bool,
    runtime: &Path,
) -> io::Result<()> {
    write_if_changed(&dir.join("Cargo.toml"), &manifest(
        &format!("suite-{}", flavor.name()),
        flavor,
        runtime,
        "[lib]\nname = \"suite\"\ntest = false\ndoctest = false\n\n[[test]]\nname = \"calls\"\npath = \"tests/calls.rs\"\nrequired-features = [\"mocks\"]\n",
    ))?;
    write_if_changed(
        &dir.join("src/lib.rs"),
        &lib_source(flavor, traits, distinct),
    )?;
    if flavor == Flavor::Fake {
        write_if_changed(&dir.join("src/fakes.rs"), &fakes_source(traits, distinct))?;
    }
    write_if_changed(
        &dir.join("tests/calls.rs"),
        &tests_source(flavor, traits, distinct),
    )
}

/// Replaces the `EDIT` const's value in a generated file: a real edit, as a
/// developer makes, not a bare mtime touch.
pub fn bump_edit(file: &Path, value: u32) -> io::Result<()> {
    let text = fs::read_to_string(file)?;
    let mut out = String::with_capacity(text.len());
    let mut found = false;
    for line in text.lines() {
        if let Some(prefix) = line
            .strip_suffix(';')
            .and_then(|l| l.rsplit_once("EDIT: u32 = "))
            .map(|(p, _)| p)
        {
            writeln!(out, "{prefix}EDIT: u32 = {value};").unwrap();
            found = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(found, "no EDIT const in {}", file.display());
    fs::write(file, out)
}

/// Writes only when the content differs, so rebuilding the harness's work
/// directory does not invalidate a finished build.
pub fn write_if_changed(path: &Path, text: &str) -> io::Result<()> {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}
