//! The generated traits as data, and how they are written out: each trait in
//! its own `pub mod tNNNN { .. }` with the user types it names, followed (in
//! the pass with the attribute) by code that uses the mock.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A std item that a generated module may import and name by its last
/// segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Std {
    HashMap,
    Cow,
    PathBuf,
    Path,
    Arc,
    Mutex,
    Rc,
    Duration,
    Debug,
    Display,
    Error,
    Future,
    Pin,
    Hash,
}

impl Std {
    pub(crate) fn short(self) -> &'static str {
        self.path().rsplit("::").next().unwrap_or_default()
    }

    pub(crate) fn path(self) -> &'static str {
        match self {
            Std::HashMap => "std::collections::HashMap",
            Std::Cow => "std::borrow::Cow",
            Std::PathBuf => "std::path::PathBuf",
            Std::Path => "std::path::Path",
            Std::Arc => "std::sync::Arc",
            Std::Mutex => "std::sync::Mutex",
            Std::Rc => "std::rc::Rc",
            Std::Duration => "std::time::Duration",
            Std::Debug => "std::fmt::Debug",
            Std::Display => "std::fmt::Display",
            Std::Error => "std::error::Error",
            Std::Future => "std::future::Future",
            Std::Pin => "std::pin::Pin",
            Std::Hash => "std::hash::Hash",
        }
    }
}

/// A type declared in the generated module, with and without the common
/// derives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum UserTy {
    Plain,
    Full,
    DebugOnly,
    CloneOnly,
    Copyable,
    Mode,
    MyError,
    Borrowing,
    Wrapper,
}

impl UserTy {
    pub(crate) fn declaration(self) -> &'static str {
        match self {
            UserTy::Plain => "/// A user type without derives.\npub struct Plain {\n    /// An id.\n    pub id: u32,\n}",
            UserTy::Full => "/// A user type that is `Clone`, `Debug` and `PartialEq`.\n#[derive(Clone, Debug, PartialEq)]\npub struct Full {\n    /// An id.\n    pub id: u32,\n    /// A name.\n    pub name: String,\n}",
            UserTy::DebugOnly => "/// A user type that is only `Debug`.\n#[derive(Debug)]\npub struct DebugOnly(\n    /// A byte.\n    pub u8,\n);",
            UserTy::CloneOnly => "/// A user type that is only `Clone`.\n#[derive(Clone)]\npub struct CloneOnly {\n    /// Bytes.\n    pub data: Vec<u8>,\n}",
            UserTy::Copyable => "/// A user type with every common derive.\n#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub struct Copyable(\n    /// A number.\n    pub u64,\n);",
            UserTy::Mode => "/// A user enum.\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Mode {\n    /// Fast.\n    Fast,\n    /// Slow.\n    Slow,\n}",
            UserTy::MyError => "/// A user error type.\n#[derive(Debug)]\npub struct MyError;\n\nimpl std::fmt::Display for MyError {\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n        f.write_str(\"my error\")\n    }\n}\n\nimpl std::error::Error for MyError {}",
            UserTy::Borrowing => "/// A user type that borrows.\n#[derive(Debug)]\npub struct Borrowing<'a> {\n    /// Borrowed text.\n    pub text: &'a str,\n}",
            UserTy::Wrapper => "/// A generic user type.\n#[derive(Clone, Debug, PartialEq)]\npub struct Wrapper<T>(\n    /// The wrapped value.\n    pub T,\n);",
        }
    }
}

/// A piece of source text (a type, a bound, a generic parameter) with what
/// it needs from the module: std imports and user types. For a parameter
/// type, `send_sync` says whether the type is `Send + Sync`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frag {
    pub text: String,
    pub send_sync: bool,
    pub std: BTreeSet<Std>,
    pub user: BTreeSet<UserTy>,
}

impl Frag {
    /// Text that needs nothing from the module, and is `Send`.
    pub(crate) fn plain(text: impl Into<String>) -> Self {
        Frag {
            text: text.into(),
            send_sync: true,
            ..Frag::default()
        }
    }

    /// Not both `Send` and `Sync`: `Rc`, raw pointers, `&dyn Debug`,
    /// `Box<dyn Fn() + Send>`.
    pub(crate) fn not_send_sync(mut self) -> Self {
        self.send_sync = false;
        self
    }

    pub(crate) fn user(mut self, ty: UserTy) -> Self {
        self.user.insert(ty);
        self
    }

    /// New text around this one's: `Vec<{}>` of `u32` is `Vec<u32>`.
    pub(crate) fn wrap(&self, template: &str) -> Self {
        Frag {
            text: template.replace("{}", &self.text),
            ..self.clone()
        }
    }

    /// Text built from several fragments, needing what each needs and
    /// `Send + Sync` when each is.
    pub(crate) fn join(parts: &[&Frag], text: String) -> Self {
        let mut out = Frag::plain(text);
        for part in parts {
            out.absorb(part);
        }
        out
    }

    pub(crate) fn absorb(&mut self, other: &Frag) {
        self.send_sync &= other.send_sync;
        self.std.extend(other.std.iter().copied());
        self.user.extend(other.user.iter().copied());
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cfg {
    None,
    /// `#[cfg(any())]`: the method does not exist.
    Never,
    /// `#[cfg(all())]`: the method exists.
    Always,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RecvKind {
    Ref,
    RefMut,
    Value,
    Boxed,
    ArcSelf,
    ExplicitRef,
    Static,
}

impl RecvKind {
    /// Whether an elided lifetime in the return type borrows from `self`.
    pub(crate) fn lends(self) -> bool {
        matches!(
            self,
            RecvKind::Ref | RecvKind::RefMut | RecvKind::ExplicitRef
        )
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Receiver {
    pub kind: RecvKind,
    /// `&self`, `self: Box<Self>`, ...; empty for a method without `self`.
    pub text: Frag,
}

#[derive(Clone, Debug)]
pub(crate) struct Param {
    /// The pattern: a name, `_`, `mut name` or `(a, b)` (the last two only
    /// in methods with a default body).
    pub pat: String,
    /// The names the pattern binds, used by the default body.
    pub names: Vec<String>,
    pub ty: Frag,
}

#[derive(Clone, Debug)]
pub(crate) struct Method {
    pub docs: Vec<String>,
    pub attrs: Vec<String>,
    pub cfg: Cfg,
    pub unsafety: bool,
    pub asyncness: bool,
    pub name: String,
    pub generics: Vec<Frag>,
    pub receiver: Receiver,
    pub params: Vec<Param>,
    pub ret: Option<Frag>,
    pub where_preds: Vec<Frag>,
    /// The tail expression of a default body, if the method has one.
    pub body: Option<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct AssocType {
    pub docs: Vec<String>,
    pub name: String,
    pub generics: String,
    pub bounds: Option<Frag>,
    /// The type the harness gives the mock for it.
    pub instance: String,
    /// Fixed in the attribute, `#[autospec(type Item = ..)]`.
    pub in_attr: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct AssocConst {
    pub docs: Vec<String>,
    pub name: String,
    pub ty: String,
    pub default: Option<String>,
    pub instance: String,
    pub in_attr: bool,
}

#[derive(Clone, Debug)]
pub(crate) enum Item {
    Type(AssocType),
    Const(AssocConst),
    Method(Method),
}

/// A generic parameter of the trait and the argument the harness gives it.
#[derive(Clone, Debug)]
pub(crate) struct TraitGeneric {
    pub decl: Frag,
    pub arg: String,
}

#[derive(Clone, Debug)]
pub(crate) struct TraitDecl {
    pub index: usize,
    /// As written, possibly `r#Name`.
    pub name: String,
    pub docs: Vec<String>,
    pub attrs: Vec<String>,
    /// `#[autospec::autospec]` above the docs instead of below them.
    pub attr_first: bool,
    pub unsafety: bool,
    pub generics: Vec<TraitGeneric>,
    pub supertraits: Vec<Frag>,
    pub where_preds: Vec<Frag>,
    pub items: Vec<Item>,
    /// Write std items by their short names, imported in the module.
    pub short_paths: bool,
    /// A shape the guide documents as refused, put in on purpose; a clean
    /// refusal is the right answer for it.
    pub expect_refusal: Option<&'static str>,
}

/// Where a case's parts landed in the generated file, 1-based and
/// inclusive, as rustc counts lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CaseLines {
    pub index: usize,
    pub module: (u32, u32),
    pub trait_: (u32, u32),
    /// Each check of the harness: its lines and what it checks.
    pub harness: Vec<((u32, u32), &'static str)>,
}

impl TraitDecl {
    pub(crate) fn methods(&self) -> impl Iterator<Item = &Method> {
        self.items.iter().filter_map(|item| match item {
            Item::Method(method) => Some(method),
            _ => None,
        })
    }

    /// The name without `r#`.
    pub(crate) fn bare_name(&self) -> &str {
        self.name.trim_start_matches("r#")
    }

    pub(crate) fn mock_name(&self) -> String {
        format!("Mock{}", self.bare_name())
    }

    /// Whether every parameter of every method that exists is `Send +
    /// Sync`: then the mock must be `Send + Sync`, whatever the return
    /// types (issue #15). Type parameters count as `Send + Sync`: the mock
    /// is one type for all of them.
    pub(crate) fn arguments_are_send_sync(&self) -> bool {
        self.methods()
            .filter(|method| method.cfg != Cfg::Never)
            .all(|method| method.params.iter().all(|param| param.ty.send_sync))
    }

    /// Identifiers the trait declares, for telling error families apart
    /// without the names the generator happened to pick.
    pub(crate) fn local_names(&self) -> Vec<(String, &'static str)> {
        let mut names = vec![
            (self.mock_name(), "MockTrait"),
            (self.bare_name().to_owned(), "Trait"),
        ];
        for item in &self.items {
            match item {
                Item::Type(ty) => names.push((ty.name.clone(), "Assoc")),
                Item::Const(constant) => names.push((constant.name.clone(), "CONST")),
                Item::Method(method) => {
                    names.push((method.name.clone(), "method"));
                    for param in &method.params {
                        for name in &param.names {
                            names.push((name.clone(), "param"));
                        }
                    }
                }
            }
        }
        names.retain(|(name, _)| !name.is_empty() && name != "_");
        names
    }

    /// Everything the module needs from std and from user types.
    fn needs(&self) -> (BTreeSet<Std>, BTreeSet<UserTy>) {
        let mut all = Frag::default();
        for generic in &self.generics {
            all.absorb(&generic.decl);
        }
        for frag in self.supertraits.iter().chain(&self.where_preds) {
            all.absorb(frag);
        }
        for item in &self.items {
            match item {
                Item::Type(ty) => {
                    if let Some(bounds) = &ty.bounds {
                        all.absorb(bounds);
                    }
                }
                Item::Const(_) => {}
                // A method that `#[cfg(any())]` removes uses no import;
                // the user types it names are declared anyway (they are
                // `pub`, so unused ones do not warn).
                Item::Method(method) if method.cfg == Cfg::Never => {
                    for param in &method.params {
                        all.user.extend(param.ty.user.iter().copied());
                    }
                    if let Some(ret) = &method.ret {
                        all.user.extend(ret.user.iter().copied());
                    }
                }
                Item::Method(method) => {
                    all.absorb(&method.receiver.text);
                    for frag in method.generics.iter().chain(&method.where_preds) {
                        all.absorb(frag);
                    }
                    for param in &method.params {
                        all.absorb(&param.ty);
                    }
                    if let Some(ret) = &method.ret {
                        all.absorb(ret);
                    }
                }
            }
        }
        (all.std, all.user)
    }

    /// The generic arguments of the trait, `<'static, String, 4>`, or "".
    fn trait_args(&self) -> Vec<String> {
        self.generics.iter().map(|g| g.arg.clone()).collect()
    }

    /// The mock type with every parameter given: the trait's own, then one
    /// per associated type and per associated const without a default that
    /// the attribute does not fix, in declaration order (as the guide says).
    pub(crate) fn mock_type(&self) -> String {
        let mut args = self.trait_args();
        for item in &self.items {
            if let Item::Type(ty) = item {
                if !ty.in_attr {
                    args.push(ty.instance.clone());
                }
            }
        }
        for item in &self.items {
            if let Item::Const(constant) = item {
                if !constant.in_attr && constant.default.is_none() {
                    args.push(constant.instance.clone());
                }
            }
        }
        with_args(&self.mock_name(), &args)
    }

    fn attribute(&self) -> String {
        let mut fixed = Vec::new();
        for item in &self.items {
            match item {
                Item::Type(ty) if ty.in_attr => {
                    fixed.push(format!("type {} = {}", ty.name, ty.instance));
                }
                Item::Const(constant) if constant.in_attr => fixed.push(format!(
                    "const {}: {} = {}",
                    constant.name, constant.ty, constant.instance
                )),
                _ => {}
            }
        }
        if fixed.is_empty() {
            "#[autospec::autospec]".to_owned()
        } else {
            format!("#[autospec::autospec({})]", fixed.join(", "))
        }
    }

    /// The trait's own source: docs, attributes and the item.
    pub(crate) fn render_trait(&self, with_attribute: bool) -> Vec<String> {
        let mut lines = Vec::new();
        let attribute = self.attribute();
        if with_attribute && self.attr_first {
            lines.push(attribute.clone());
        }
        lines.extend(self.docs.iter().cloned());
        if with_attribute && !self.attr_first {
            lines.push(attribute);
        }
        lines.extend(self.attrs.iter().cloned());
        let generics = self
            .generics
            .iter()
            .map(|g| g.decl.text.clone())
            .collect::<Vec<_>>();
        let mut head = format!(
            "pub {}trait {}{}",
            if self.unsafety { "unsafe " } else { "" },
            self.name,
            angle(&generics)
        );
        if !self.supertraits.is_empty() {
            let supers: Vec<&str> = self.supertraits.iter().map(|s| s.text.as_str()).collect();
            let _ = write!(head, ": {}", supers.join(" + "));
        }
        if self.where_preds.is_empty() {
            head.push_str(" {");
        } else {
            let preds: Vec<&str> = self.where_preds.iter().map(|p| p.text.as_str()).collect();
            let _ = write!(head, "\nwhere\n    {},\n{{", preds.join(",\n    "));
        }
        lines.extend(head.lines().map(str::to_owned));
        for item in &self.items {
            for line in render_item(item) {
                lines.push(format!("    {line}"));
            }
        }
        lines.push("}".to_owned());
        lines
    }

    /// The harness: code that uses the mock and must compile. Each check is
    /// a separate `const _` so that an error in it has its own lines.
    fn harness(&self) -> Vec<(Vec<String>, &'static str)> {
        let mock = self.mock_type();
        let mut checks = vec![
            (
                vec![
                    "const _: fn() = || {".to_owned(),
                    format!("    let _ = <{mock} as ::core::default::Default>::default();"),
                    "};".to_owned(),
                ],
                "harness: Default",
            ),
            (
                vec![
                    "const _: fn() = || {".to_owned(),
                    format!(
                        "    fn implements<M: ?::core::marker::Sized + {}>() {{}}",
                        with_args(&self.name, &self.trait_args())
                    ),
                    format!("    implements::<{mock}>();"),
                    "};".to_owned(),
                ],
                "harness: implements the trait",
            ),
        ];
        if self.arguments_are_send_sync() {
            checks.push((
                vec![
                    "const _: fn() = || {".to_owned(),
                    "    fn send_sync<M: ::core::marker::Send + ::core::marker::Sync>() {}"
                        .to_owned(),
                    format!("    send_sync::<{mock}>();"),
                    "};".to_owned(),
                ],
                "harness: Send + Sync",
            ));
        }
        checks
    }

    /// The whole `pub mod tNNNN { .. }`, starting at line `first` of the
    /// file; returns its lines and where its parts are.
    pub(crate) fn render_case(&self, first: u32, with_attribute: bool) -> (Vec<String>, CaseLines) {
        let mut lines = vec![
            format!("/// Case {}.", self.index),
            format!("pub mod {} {{", module_name(self.index)),
        ];
        let (std, user) = self.needs();
        if self.short_paths {
            for item in &std {
                lines.push(format!("    use {};", item.path()));
            }
        }
        for ty in &user {
            lines.push(String::new());
            for line in ty.declaration().lines() {
                lines.push(indent(line));
            }
        }
        lines.push(String::new());
        let trait_start = first + count(&lines);
        for line in self.render_trait(with_attribute) {
            lines.push(indent(&line));
        }
        let trait_end = first + count(&lines) - 1;
        let mut harness = Vec::new();
        if with_attribute {
            for (check, what) in self.harness() {
                let start = first + count(&lines);
                for line in check {
                    lines.push(indent(&line));
                }
                harness.push(((start, first + count(&lines) - 1), what));
            }
        }
        lines.push("}".to_owned());
        let end = first + count(&lines) - 1;
        let layout = CaseLines {
            index: self.index,
            module: (first, end),
            trait_: (trait_start, trait_end),
            harness,
        };
        (lines, layout)
    }
}

pub(crate) fn module_name(index: usize) -> String {
    format!("t{index:04}")
}

fn count(lines: &[String]) -> u32 {
    u32::try_from(lines.len()).unwrap_or(u32::MAX)
}

fn indent(line: &str) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!("    {line}")
    }
}

fn angle(params: &[String]) -> String {
    if params.is_empty() {
        String::new()
    } else {
        format!("<{}>", params.join(", "))
    }
}

fn with_args(name: &str, args: &[String]) -> String {
    format!("{name}{}", angle(args))
}

fn render_item(item: &Item) -> Vec<String> {
    match item {
        Item::Type(ty) => {
            let mut lines = ty.docs.clone();
            let bounds = ty
                .bounds
                .as_ref()
                .map(|b| format!(": {}", b.text))
                .unwrap_or_default();
            lines.push(format!("type {}{}{bounds};", ty.name, ty.generics));
            lines
        }
        Item::Const(constant) => {
            let mut lines = constant.docs.clone();
            let default = constant
                .default
                .as_ref()
                .map(|d| format!(" = {d}"))
                .unwrap_or_default();
            lines.push(format!(
                "const {}: {}{default};",
                constant.name, constant.ty
            ));
            lines
        }
        Item::Method(method) => render_method(method),
    }
}

fn render_method(method: &Method) -> Vec<String> {
    let mut lines = method.docs.clone();
    match method.cfg {
        Cfg::None => {}
        Cfg::Never => lines.push("#[cfg(any())]".to_owned()),
        Cfg::Always => lines.push("#[cfg(all())]".to_owned()),
    }
    lines.extend(method.attrs.iter().cloned());
    let generics: Vec<String> = method.generics.iter().map(|g| g.text.clone()).collect();
    let mut inputs: Vec<String> = Vec::new();
    if method.receiver.kind != RecvKind::Static {
        inputs.push(method.receiver.text.text.clone());
    }
    for param in &method.params {
        inputs.push(format!("{}: {}", param.pat, param.ty.text));
    }
    let mut sig = format!(
        "{}{}fn {}{}({})",
        if method.asyncness { "async " } else { "" },
        if method.unsafety { "unsafe " } else { "" },
        method.name,
        angle(&generics),
        inputs.join(", ")
    );
    if let Some(ret) = &method.ret {
        let _ = write!(sig, " -> {}", ret.text);
    }
    if !method.where_preds.is_empty() {
        let preds: Vec<&str> = method.where_preds.iter().map(|p| p.text.as_str()).collect();
        let _ = write!(sig, "\nwhere\n    {}", preds.join(",\n    "));
        if method.body.is_some() {
            sig.push(',');
        }
    }
    match &method.body {
        None => {
            sig.push(';');
            lines.extend(sig.lines().map(str::to_owned));
        }
        Some(tail) => {
            // `&mut` on a `mut` binding counts as the mutation it needs.
            let used: Vec<String> = method
                .params
                .iter()
                .flat_map(|p| {
                    let borrow = if p.pat.starts_with("mut ") {
                        "&mut "
                    } else {
                        "&"
                    };
                    p.names.iter().map(move |name| (borrow, name))
                })
                .filter(|(_, name)| *name != "_")
                .map(|(borrow, name)| format!("{borrow}{name}"))
                .collect();
            // Where clauses end with a comma on their own line; the brace
            // goes on the next one, as rustfmt writes it.
            let open = if method.where_preds.is_empty() {
                " {"
            } else {
                "\n{"
            };
            sig.push_str(open);
            lines.extend(sig.lines().map(str::to_owned));
            if !used.is_empty() {
                lines.push(format!("    let _ = ({},);", used.join(", ")));
            }
            if !tail.is_empty() {
                lines.push(format!("    {tail}"));
            }
            lines.push("}".to_owned());
        }
    }
    lines
}

/// One source file: a crate root with the cases in order, and where each
/// landed.
pub(crate) fn render_file(
    traits: &[&TraitDecl],
    with_attribute: bool,
    header: &str,
) -> (String, Vec<CaseLines>) {
    let mut lines: Vec<String> = header.lines().map(str::to_owned).collect();
    let mut layout = Vec::new();
    for decl in traits {
        lines.push(String::new());
        let first = count(&lines) + 1;
        let (case, where_) = decl.render_case(first, with_attribute);
        lines.extend(case);
        layout.push(where_);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    (text, layout)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid trait, for tests of this crate.
    pub(crate) fn decl() -> TraitDecl {
        TraitDecl {
            index: 7,
            name: "Store".to_owned(),
            docs: vec!["/// A store.".to_owned()],
            attrs: Vec::new(),
            attr_first: false,
            unsafety: false,
            generics: Vec::new(),
            supertraits: Vec::new(),
            where_preds: Vec::new(),
            items: vec![Item::Method(Method {
                docs: vec!["/// Gets.".to_owned()],
                attrs: Vec::new(),
                cfg: Cfg::None,
                unsafety: false,
                asyncness: false,
                name: "get".to_owned(),
                generics: Vec::new(),
                receiver: Receiver {
                    kind: RecvKind::Ref,
                    text: Frag::plain("&self"),
                },
                params: vec![Param {
                    pat: "key".to_owned(),
                    names: vec!["key".to_owned()],
                    ty: Frag::plain("&str"),
                }],
                ret: Some(Frag::plain("u32")),
                where_preds: Vec::new(),
                body: Some("0".to_owned()),
            })],
            short_paths: false,
            expect_refusal: None,
        }
    }

    #[test]
    fn line_ranges_point_at_the_trait_and_the_harness() {
        let decl = decl();
        let (text, layout) = render_file(&[&decl], true, "//! Header.");
        let lines: Vec<&str> = text.lines().collect();
        let case = &layout[0];
        let at = |line: u32| lines[line as usize - 1];
        assert_eq!(at(case.module.0), "/// Case 7.");
        assert_eq!(at(case.module.1), "}");
        assert_eq!(at(case.trait_.0), "    /// A store.");
        assert_eq!(at(case.trait_.0 + 1), "    #[autospec::autospec]");
        assert_eq!(at(case.trait_.1), "    }");
        assert!(text.contains("        fn get(&self, key: &str) -> u32 {\n            let _ = (&key,);\n            0\n        }"));
        let (send_lines, what) = case.harness[2];
        assert_eq!(what, "harness: Send + Sync");
        assert!(at(send_lines.0 + 2).contains("send_sync::<MockStore>();"));
        assert_eq!(at(send_lines.1), "    };");
    }

    #[test]
    fn the_plain_pass_has_no_attribute_and_no_harness() {
        let decl = decl();
        let (text, layout) = render_file(&[&decl], false, "");
        assert!(!text.contains("autospec"));
        assert!(layout[0].harness.is_empty());
    }
}
