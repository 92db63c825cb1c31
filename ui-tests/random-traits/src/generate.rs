//! Random valid trait declarations. Every shape here compiles without the
//! attribute (the plain pass checks it); the mix is realistic (most traits
//! have one to five methods taking `&self` and common types) but reaches
//! for the corners: generics with lifetimes and bounds, async, `Self`,
//! associated items, attributes, raw identifiers and method names taken
//! from the mock's own API.

use crate::model::{
    AssocConst, AssocType, Cfg, Frag, Item, Method, Param, Receiver, RecvKind, Std, TraitDecl,
    TraitGeneric, UserTy,
};
use crate::rng::Rng;

/// Generates trait `index` of the run with seed `seed`.
pub(crate) fn generate(seed: u64, index: usize, refusal_per_mille: u32) -> TraitDecl {
    let mut rng = Rng::for_trait(seed, index);
    let short_paths = rng.chance(50);
    let mut gen = Gen {
        rng: &mut rng,
        short_paths,
        abs_std: false,
        send_required: false,
        trait_lifetime: None,
        trait_types: Vec::new(),
        trait_const: None,
        trait_path: String::new(),
        assoc_types: Vec::new(),
        assoc_error: None,
        names: Vec::new(),
    };
    gen.abs_std = !short_paths && gen.rng.chance(30);
    gen.trait_decl(index, refusal_per_mille)
}

#[rustfmt::skip]
const TRAIT_NAMES: &[&str] = &[
    "Store", "Repository", "Clock", "Fetcher", "Mailer", "Cache", "Codec", "Parser", "Service",
    "Handler", "Sink", "Source", "Config", "Api", "Client", "Database", "Logger", "Timer", "Bus",
    "Queue", "Notifier", "Storage", "Gateway", "Resolver", "Scheduler", "Registry", "Transport",
    "Renderer", "Validator", "Auth", "Mock", "Method", "Answer", "Call", "Class", "Journal",
    "Opaque", "Generic", "Spy", "Instance", "Magic", "Calls", "Part", "When", "Matcher",
];

#[rustfmt::skip]
const METHOD_NAMES: &[&str] = &[
    "get", "put", "set", "fetch", "send", "recv", "load", "save", "delete", "remove", "insert",
    "find", "lookup", "query", "list", "count", "len", "is_empty", "open", "close", "read",
    "write", "flush", "parse", "render", "validate", "handle", "process", "run", "start", "stop",
    "tick", "now", "sleep", "notify", "publish", "subscribe", "connect", "encode", "decode",
    "sign", "login", "logout", "resolve", "schedule", "cancel", "retry", "get_user", "update_user",
    "create_order", "name", "id", "size", "call", "apply", "next", "peek", "push", "pop",
    "register", "status", "health_check", "user_by_id", "len_of", "try_get", "ping",
];

/// Names the mock's own API uses, and std trait methods a mock implements.
#[rustfmt::skip]
const API_NAMES: &[&str] = &[
    "class", "of", "when", "magic", "returns", "returns_with", "returns_once", "returns_each",
    "call_count", "called", "call_args", "call_args_list", "mock_calls", "reset_mock", "reset",
    "seal", "strict", "default", "new", "clone", "fmt", "wrapping", "instance", "assert_called",
    "assert_called_with", "assert_not_called", "journal_calls", "verify", "calls_real",
    "calls_default", "panics", "await_count", "wait_until_called", "class_shared", "spy", "as_fn",
    "eq", "drop", "into", "from", "type_id", "borrow", "deref", "to_owned", "as_ref",
];

#[rustfmt::skip]
const RAW_NAMES: &[&str] = &[
    "r#type", "r#match", "r#loop", "r#ref", "r#async", "r#dyn", "r#gen", "r#try", "r#in", "r#fn",
    "r#move",
];

#[rustfmt::skip]
const PARAM_NAMES: &[&str] = &[
    "key", "value", "id", "name", "path", "data", "buf", "items", "n", "count", "url", "timeout",
    "callback", "flag", "user", "order", "query", "limit", "offset", "input", "output", "bytes",
    "text", "msg", "event", "ctx", "config", "retries", "delay", "token", "s", "x", "y",
];

#[rustfmt::skip]
const PARAM_API_NAMES: &[&str] = &[
    "when", "of", "class", "returns", "mock", "call", "args", "instance", "answer", "method",
    "matcher", "journal", "default",
];

const DOC_TEXTS: &[&str] = &[
    "Returns the value stored under the key.",
    "Fetches a page; see [`Self`] for the contract.",
    "Quotes \"like this\", braces {like this} and <angle brackets>.",
    "Never panics. `code` spans and *emphasis*.",
    "Sends the message.\n\n# Errors\n\nFails when the peer is gone.",
    "A method.\n\n```\nlet answer = 6 * 7;\nassert_eq!(answer, 42);\n```",
    "Uses `#[autospec]` in its docs, and `__private` in text.",
    "Unicode: é, ß, 漢字, emoji 🦀.",
    "Backslash \\ and a tab\tin the text.",
];

struct Gen<'r> {
    rng: &'r mut Rng,
    short_paths: bool,
    /// Long paths start with `::std::` instead of `std::`.
    abs_std: bool,
    /// The trait has `Send` or `Sync` as a supertrait.
    send_required: bool,
    trait_lifetime: Option<String>,
    /// The trait's type parameters and how a method may use them.
    trait_types: Vec<String>,
    trait_const: Option<String>,
    /// The trait as `<Self as _>` names it, `Store<'a, T>`.
    trait_path: String,
    /// Associated types a method may name as `Self::X` (not GATs).
    assoc_types: Vec<String>,
    /// An associated type bounded by `Error`.
    assoc_error: Option<String>,
    /// Names taken in the trait: methods, associated items.
    names: Vec<String>,
}

/// How a method's type parameter is bounded, which decides how it is used.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum GenKind {
    /// `Clone + Debug + Send + Sync + 'static` or `'static`: can be returned.
    Keyed,
    /// `Default + 'static`: returned, maybe not taken.
    DefaultKeyed,
    DebugOnly,
    Into,
    AsRef,
    Fn,
    FnMut,
    IntoIter,
    HigherRanked,
    Const,
}

struct TypeParam {
    name: String,
    kind: GenKind,
}

struct MethodCtx {
    recv: RecvKind,
    type_params: Vec<TypeParam>,
    lifetime: Option<String>,
    asyncness: bool,
    /// `Self` is known to be `Sized` (a `where Self: Sized` on the method or a supertrait that implies it).
    self_sized: bool,
}

impl MethodCtx {
    fn keyed(&self) -> Option<&TypeParam> {
        self.type_params
            .iter()
            .find(|p| matches!(p.kind, GenKind::Keyed | GenKind::DefaultKeyed))
    }
}

impl Gen<'_> {
    /// A std item: its short name (imported) or its path.
    fn std(&self, item: Std) -> Frag {
        if self.short_paths {
            let mut frag = Frag::plain(item.short());
            frag.std.insert(item);
            frag
        } else if self.abs_std {
            Frag::plain(format!("::{}", item.path()))
        } else {
            Frag::plain(item.path())
        }
    }

    fn docs(&mut self) -> Vec<String> {
        let text = if self.rng.chance(70) {
            "A generated item.".to_owned()
        } else {
            (*self.rng.pick(DOC_TEXTS)).to_owned()
        };
        match self.rng.weighted(&[70, 20, 10]) {
            0 => text
                .lines()
                .map(|l| format!("/// {l}").trim_end().to_owned())
                .collect(),
            1 => vec![format!("#[doc = \"{}\"]", escape(&text))],
            _ => {
                let mut lines = vec!["/**".to_owned()];
                lines.extend(text.replace("*/", "* /").lines().map(str::to_owned));
                lines.push("*/".to_owned());
                lines
            }
        }
    }

    fn unique(&mut self, pool: &[&str]) -> String {
        for _ in 0..20 {
            let name = (*self.rng.pick(pool)).to_owned();
            if !self.names.contains(&name) {
                self.names.push(name.clone());
                return name;
            }
        }
        let name = format!("method_{}", self.names.len());
        self.names.push(name.clone());
        name
    }

    fn trait_decl(&mut self, index: usize, refusal_per_mille: u32) -> TraitDecl {
        let name = (*self.rng.pick(TRAIT_NAMES)).to_owned();
        let name = if self.rng.chance_per_mille(10) {
            format!("r#{name}")
        } else {
            name
        };
        let supertraits = self.supertraits();
        let self_sized = supertraits
            .iter()
            .any(|s| s.text == "Clone" || s.text == "Sized" || s.text == "Default");
        let mut generics = self.trait_generics();
        let mut where_preds = Vec::new();
        // Move a bound into a where clause now and then.
        if self.rng.chance(30) {
            for generic in &mut generics {
                if let Some((param, bounds)) = generic.decl.text.split_once(": ") {
                    if !param.starts_with("const") && !param.starts_with('\'') {
                        let mut pred = generic.decl.clone();
                        pred.text = format!("{param}: {bounds}");
                        where_preds.push(pred);
                        generic.decl.text = param.to_owned();
                        generic.decl.std.clear();
                    }
                }
            }
        }
        let params: Vec<String> = generics
            .iter()
            .map(|g| {
                let decl = g.decl.text.trim_start_matches("const ");
                decl.split(':').next().unwrap_or_default().to_owned()
            })
            .collect();
        self.trait_path = if params.is_empty() {
            name.clone()
        } else {
            format!("{name}<{}>", params.join(", "))
        };
        let mut items = self.assoc_items();
        let methods = match self.rng.weighted(&[2, 20, 24, 20, 14, 10, 7, 3]) {
            0 => 0,
            n @ 1..=5 => n,
            6 => 6 + self.rng.below(3),
            _ => 9 + self.rng.below(6),
        };
        for _ in 0..methods {
            let method = self.method(self_sized);
            items.push(Item::Method(method));
        }
        // Associated items go first or are mixed in, as in real traits.
        if self.rng.chance(20) && items.len() > 1 {
            let from = self.rng.below(items.len());
            let item = items.remove(from);
            let to = self.rng.below(items.len() + 1);
            items.insert(to, item);
        }
        let mut attrs = Vec::new();
        if self.rng.chance(3) {
            attrs.push("#[allow(clippy::module_name_repetitions)]".to_owned());
        }
        if self.rng.chance(2) {
            attrs.push("#[cfg_attr(all(), doc = \"More docs.\")]".to_owned());
        }
        if self.rng.chance(1) {
            attrs.push("#[must_use]".to_owned());
        }
        let mut decl = TraitDecl {
            index,
            name,
            docs: self.docs(),
            attrs,
            attr_first: self.rng.chance(40),
            unsafety: self.rng.chance(2),
            generics,
            supertraits,
            where_preds,
            items,
            short_paths: self.short_paths,
            expect_refusal: None,
        };
        if self.rng.chance_per_mille(refusal_per_mille) {
            self.add_refused_shape(&mut decl);
        }
        decl
    }

    fn supertraits(&mut self) -> Vec<Frag> {
        let debug = self.std(Std::Debug);
        let choice = self.rng.weighted(&[55, 10, 15, 5, 4, 5, 2, 1, 1, 2]);
        let supers: Vec<Frag> = match choice {
            0 => Vec::new(),
            1 => vec![Frag::plain("Send")],
            2 => vec![Frag::plain("Send"), Frag::plain("Sync")],
            3 => vec![debug],
            4 => vec![Frag::plain("Clone")],
            5 => vec![
                Frag::plain("Send"),
                Frag::plain("Sync"),
                Frag::plain("'static"),
            ],
            6 => vec![Frag::plain("Sync")],
            7 => vec![Frag::plain("Sized")],
            8 => vec![Frag::plain("Default")],
            _ => vec![debug, Frag::plain("Send"), Frag::plain("Sync")],
        };
        self.send_required = supers.iter().any(|s| s.text == "Send" || s.text == "Sync");
        supers
    }

    /// A type bound for a trait parameter or an associated type, and a
    /// type that meets it.
    fn bound_and_instance(&mut self) -> (Option<Frag>, &'static str) {
        let debug = self.std(Std::Debug);
        let display = self.std(Std::Display);
        let hash = self.std(Std::Hash);
        match self.rng.weighted(&[20, 20, 10, 15, 10, 5, 8, 6, 6]) {
            0 => (None, "u32"),
            1 => (Some(Frag::plain("Clone + Send + Sync + 'static")), "String"),
            2 => (Some(debug.wrap("{}")), "u8"),
            3 => (
                Some(Frag::join(
                    &[&debug],
                    format!("Clone + {} + PartialEq + Send + Sync + 'static", debug.text),
                )),
                "String",
            ),
            4 => (Some(Frag::plain("Default + Send + 'static")), "u64"),
            5 => (Some(Frag::plain("Into<String>")), "String"),
            6 => (Some(Frag::plain("Copy + PartialEq")), "u8"),
            7 => (Some(display.wrap("{}")), "String"),
            _ => (
                Some(Frag::join(&[&hash], format!("{} + Eq", hash.text))),
                "String",
            ),
        }
    }

    fn trait_generics(&mut self) -> Vec<TraitGeneric> {
        let mut out = Vec::new();
        if self.rng.chance(5) {
            let lifetime = "'a".to_owned();
            out.push(TraitGeneric {
                decl: Frag::plain(lifetime.clone()),
                arg: "'static".to_owned(),
            });
            self.trait_lifetime = Some(lifetime);
        }
        if self.rng.chance(8) {
            let count = 1 + usize::from(self.rng.chance(25));
            for name in ["T", "U"].into_iter().take(count) {
                let (bounds, instance) = self.bound_and_instance();
                let decl = match bounds {
                    Some(b) => Frag::join(&[&b], format!("{name}: {}", b.text)),
                    None => Frag::plain(name),
                };
                out.push(TraitGeneric {
                    decl,
                    arg: instance.to_owned(),
                });
                self.trait_types.push(name.to_owned());
            }
        }
        if self.rng.chance(2) {
            out.push(TraitGeneric {
                decl: Frag::plain("const N: usize"),
                arg: "4".to_owned(),
            });
            self.trait_const = Some("N".to_owned());
        }
        out
    }

    fn assoc_items(&mut self) -> Vec<Item> {
        let mut items = Vec::new();
        if self.rng.chance(14) {
            let count = 1 + usize::from(self.rng.chance(30));
            for name in ["Item", "Output"].into_iter().take(count) {
                let (bounds, instance) = self.bound_and_instance();
                self.names.push(name.to_owned());
                self.assoc_types.push(name.to_owned());
                items.push(Item::Type(AssocType {
                    docs: self.docs(),
                    name: name.to_owned(),
                    generics: String::new(),
                    bounds,
                    instance: instance.to_owned(),
                    in_attr: self.rng.chance(15),
                }));
            }
        }
        if self.rng.chance(5) {
            let error = self.std(Std::Error);
            let bounds = Frag::join(&[&error], format!("{} + Send + Sync + 'static", error.text));
            self.names.push("Err".to_owned());
            self.assoc_error = Some("Err".to_owned());
            items.push(Item::Type(AssocType {
                docs: self.docs(),
                name: "Err".to_owned(),
                generics: String::new(),
                bounds: Some(bounds),
                instance: "std::fmt::Error".to_owned(),
                in_attr: false,
            }));
        }
        if self.rng.chance(10) {
            let count = 1 + usize::from(self.rng.chance(30));
            for name in ["MAX", "NAME"].into_iter().take(count) {
                let (ty, default, instance) = match self.rng.weighted(&[40, 25, 15, 10, 10]) {
                    0 => ("usize", None, "3"),
                    1 => ("usize", Some("8"), "3"),
                    2 => ("&'static str", Some("\"name\""), "\"x\""),
                    3 => ("bool", Some("true"), "false"),
                    _ => ("u32", None, "7"),
                };
                self.names.push(name.to_owned());
                items.push(Item::Const(AssocConst {
                    docs: self.docs(),
                    name: name.to_owned(),
                    ty: ty.to_owned(),
                    default: default.map(str::to_owned),
                    instance: instance.to_owned(),
                    in_attr: self.rng.chance(10),
                }));
            }
        }
        items
    }

    fn method_name(&mut self) -> String {
        match self.rng.weighted(&[84, 12, 3, 1]) {
            0 => self.unique(METHOD_NAMES),
            1 => self.unique(API_NAMES),
            2 => self.unique(RAW_NAMES),
            _ => self.unique(&["GetValue", "Run", "URL"]),
        }
    }

    fn receiver(&mut self, self_sized: bool) -> (Receiver, Vec<Frag>) {
        let sized = Frag::plain("Self: Sized");
        let (kind, text, preds) = match self.rng.weighted(&[60, 15, 8, 6, 2, 4, 2, 1]) {
            0 => (RecvKind::Ref, Frag::plain("&self"), Vec::new()),
            1 => (RecvKind::RefMut, Frag::plain("&mut self"), Vec::new()),
            2 => (RecvKind::Static, Frag::plain(""), Vec::new()),
            3 => (
                RecvKind::Value,
                Frag::plain("self"),
                if self_sized { Vec::new() } else { vec![sized] },
            ),
            4 => (RecvKind::Value, Frag::plain("self"), Vec::new()),
            5 => (RecvKind::Boxed, Frag::plain("self: Box<Self>"), Vec::new()),
            6 => {
                let arc = self.std(Std::Arc);
                (RecvKind::ArcSelf, arc.wrap("self: {}<Self>"), Vec::new())
            }
            _ => (
                RecvKind::ExplicitRef,
                Frag::plain("self: &Self"),
                Vec::new(),
            ),
        };
        (Receiver { kind, text }, preds)
    }

    /// A method's type and lifetime parameters, before its parameters.
    fn method_generics(&mut self, ctx: &mut MethodCtx) -> (Vec<Frag>, Vec<Frag>) {
        let mut decls = Vec::new();
        let mut preds = Vec::new();
        let lifetime = if self.trait_lifetime.is_some() {
            "'b"
        } else {
            "'a"
        };
        let with_lifetime = self.rng.chance(12);
        let with_types = self.rng.chance(25);
        if with_lifetime {
            decls.push(Frag::plain(lifetime));
            ctx.lifetime = Some(lifetime.to_owned());
        }
        if with_types {
            let count = 1 + usize::from(self.rng.chance(20));
            for position in 0..count {
                let weights = [30, 8, 8, 8, 8, 8, 6, 6, 3, 5];
                let kind = match self.rng.weighted(&weights) {
                    0 => GenKind::Keyed,
                    1 => GenKind::DefaultKeyed,
                    2 => GenKind::DebugOnly,
                    3 => GenKind::Into,
                    4 => GenKind::AsRef,
                    5 => GenKind::Fn,
                    6 => GenKind::FnMut,
                    7 => GenKind::IntoIter,
                    8 => GenKind::HigherRanked,
                    _ => GenKind::Const,
                };
                // Async methods keep to the shapes whose futures need no
                // bounds on what they capture.
                let (decl_name, bounds) = self.generic_bounds(position, kind);
                if kind == GenKind::Const {
                    decls.push(Frag::plain(format!("const {decl_name}: usize")));
                } else if self.rng.chance(30) {
                    decls.push(Frag::plain(decl_name.clone()));
                    preds.push(Frag::join(
                        &[&bounds],
                        format!("{decl_name}: {}", bounds.text),
                    ));
                } else {
                    decls.push(Frag::join(
                        &[&bounds],
                        format!("{decl_name}: {}", bounds.text),
                    ));
                }
                ctx.type_params.push(TypeParam {
                    name: decl_name,
                    kind,
                });
            }
        }
        (decls, preds)
    }

    /// The name and bounds of the method's type parameter at `position`
    /// (0 or 1): names differ by position and from the trait's `T`, `U`
    /// and `N`.
    fn generic_bounds(&mut self, position: usize, kind: GenKind) -> (String, Frag) {
        let debug = self.std(Std::Debug);
        let names = match kind {
            GenKind::Fn | GenKind::FnMut | GenKind::HigherRanked => ["F", "G"],
            GenKind::IntoIter => ["I", "J"],
            GenKind::Const => ["L", "K"],
            _ if self.trait_types.is_empty() => ["T", "U"],
            _ => ["V", "W"],
        };
        let name = names[position.min(1)];
        let bounds = match kind {
            GenKind::Keyed => {
                if self.rng.chance(60) {
                    Frag::join(
                        &[&debug],
                        format!("Clone + {} + Send + Sync + 'static", debug.text),
                    )
                } else {
                    Frag::plain("'static")
                }
            }
            GenKind::DefaultKeyed => Frag::plain("Default + 'static"),
            GenKind::DebugOnly => debug,
            GenKind::Into => Frag::plain("Into<String>"),
            GenKind::AsRef => Frag::plain("AsRef<str>"),
            GenKind::Fn => Frag::plain("Fn(u32) -> u32"),
            GenKind::FnMut => Frag::plain("FnMut(&str)"),
            GenKind::IntoIter => Frag::plain("IntoIterator<Item = u8>"),
            GenKind::HigherRanked => Frag::plain("for<'x> Fn(&'x str) -> usize"),
            GenKind::Const => Frag::plain("usize"),
        };
        (name.to_owned(), bounds)
    }

    fn method(&mut self, self_sized: bool) -> Method {
        let name = self.method_name();
        let (receiver, mut where_preds) = self.receiver(self_sized);
        let mut ctx = MethodCtx {
            recv: receiver.kind,
            type_params: Vec::new(),
            lifetime: None,
            asyncness: false,
            self_sized: self_sized || !where_preds.is_empty(),
        };
        let (generics, preds) = self.method_generics(&mut ctx);
        where_preds.extend(preds);
        let future = self.rng.weighted(&[84, 10, 4, 2]);
        ctx.asyncness = future == 1;
        let mut params = Vec::new();
        let mut taken: Vec<String> = Vec::new();
        // Each type parameter and the lifetime are used by a parameter.
        let mut uses: Vec<Frag> = Vec::new();
        for param in &ctx.type_params {
            if param.kind != GenKind::DefaultKeyed || self.rng.chance(50) {
                uses.push(self.use_of_type_param(param));
            }
        }
        if let Some(lifetime) = &ctx.lifetime {
            uses.push(Frag::plain(format!("&{lifetime} str")));
        }
        let extra = self
            .rng
            .weighted(&[18, 30, 24, 14, 7, 4, 3])
            .min(6 - uses.len().min(6));
        for ty in uses.into_iter().chain((0..extra).map(|_| Frag::default())) {
            let ty = if ty.text.is_empty() {
                self.param_type(&ctx)
            } else {
                ty
            };
            let pat = self.param_name(&taken);
            taken.push(pat.clone());
            params.push(Param {
                names: vec![pat.clone()],
                pat,
                ty,
            });
        }
        let ret = match future {
            2 => {
                let output = self.owned_output();
                let fut = self.std(Std::Future);
                Some(Frag::join(
                    &[&fut, &output],
                    format!("impl {}<Output = {}> + Send", fut.text, output.text),
                ))
            }
            3 if ctx.recv.lends() => {
                let pin = self.std(Std::Pin);
                let fut = self.std(Std::Future);
                Some(Frag::join(
                    &[&pin, &fut],
                    format!(
                        "{}<Box<dyn {}<Output = u32> + Send + '_>>",
                        pin.text, fut.text
                    ),
                ))
            }
            _ => self.return_type(&ctx),
        };
        let ret = ret.filter(|r| !r.text.is_empty());
        let sized_ret = ret
            .as_ref()
            .is_some_and(|r| needs_sized_self(&r.text) || (ctx.asyncness && r.text == "Self"));
        if sized_ret && !ctx.self_sized {
            where_preds.push(Frag::plain("Self: Sized"));
        }
        let unsafety = self.rng.chance(4);
        let body = self.default_body(&ctx, ret.as_ref(), future, &mut params, &taken);
        let must_use = ret.is_some() && !ctx.asyncness && future == 0;
        let attrs = self.method_attrs(&name, must_use, body.is_some());
        let cfg = match self.rng.weighted(&[94, 3, 3]) {
            0 => Cfg::None,
            1 => Cfg::Never,
            _ => Cfg::Always,
        };
        Method {
            docs: self.docs(),
            attrs,
            cfg,
            unsafety,
            asyncness: ctx.asyncness,
            name,
            generics,
            receiver,
            params,
            ret,
            where_preds,
            body,
        }
    }

    fn method_attrs(&mut self, name: &str, must_use: bool, body: bool) -> Vec<String> {
        let mut attrs = Vec::new();
        if must_use && self.rng.chance(8) {
            attrs.push("#[must_use]".to_owned());
        }
        if self.rng.chance(5) {
            attrs.push(
                (*self.rng.pick(&[
                    "#[allow(clippy::too_many_arguments)]",
                    "#[allow(unused_variables)]",
                    "#[allow(clippy::needless_lifetimes)]",
                    "#[doc(alias = \"other_name\")]",
                    "#[cfg_attr(any(), allow(dead_code))]",
                ]))
                .to_owned(),
            );
        }
        if name.chars().next().is_some_and(char::is_uppercase) {
            attrs.push("#[allow(non_snake_case)]".to_owned());
        }
        if self.rng.chance(1) {
            attrs.push("#[deprecated(note = \"use another method\")]".to_owned());
        }
        if body && self.rng.chance(50) {
            attrs.push("#[inline]".to_owned());
        }
        attrs
    }

    /// A default body, sometimes, when the return type has an easy value;
    /// it may then use patterns in the parameters.
    fn default_body(
        &mut self,
        ctx: &MethodCtx,
        ret: Option<&Frag>,
        future: usize,
        params: &mut Vec<Param>,
        taken: &[String],
    ) -> Option<String> {
        // A body needs a `Sized` `self` when it takes `self` by value.
        let unsized_self = ctx.recv == RecvKind::Value && !ctx.self_sized;
        if !self.rng.chance(10) || unsized_self {
            return None;
        }
        let value = match ret {
            None => String::new(),
            Some(ret) => default_value(&ret.text, ctx)?,
        };
        let tail = if future == 2 {
            format!(
                "async {{ {} }}",
                if value.is_empty() { "()" } else { &value }
            )
        } else {
            value
        };
        if self.rng.chance(20) && params.len() < 6 {
            let a = self.param_name(taken);
            let b = self.param_name(&[taken, std::slice::from_ref(&a)].concat());
            params.push(Param {
                pat: format!("({a}, {b})"),
                names: vec![a, b],
                ty: Frag::plain("(u32, String)"),
            });
        } else if let Some(first) = params.first_mut() {
            if self.rng.chance(20) && first.pat != "_" && !first.pat.starts_with('(') {
                first.pat = format!("mut {}", first.pat);
            }
        }
        Some(tail)
    }

    fn param_name(&mut self, taken: &[String]) -> String {
        for _ in 0..20 {
            let name = match self.rng.weighted(&[85, 5, 5, 3, 2]) {
                0 => *self.rng.pick(PARAM_NAMES),
                1 => *self.rng.pick(PARAM_API_NAMES),
                2 => *self.rng.pick(RAW_NAMES),
                3 => return "_".to_owned(),
                _ => "_unused",
            };
            if !taken.iter().any(|t| t == name) {
                return name.to_owned();
            }
        }
        format!("arg{}", taken.len())
    }

    fn use_of_type_param(&mut self, param: &TypeParam) -> Frag {
        let name = &param.name;
        match param.kind {
            GenKind::Keyed | GenKind::DefaultKeyed => match self.rng.weighted(&[60, 20, 10, 10]) {
                0 => Frag::plain(name.clone()),
                1 => Frag::plain(format!("&{name}")),
                2 => Frag::plain(format!("Vec<{name}>")),
                _ => Frag::plain(format!("Option<{name}>")),
            },
            GenKind::DebugOnly | GenKind::Into | GenKind::AsRef | GenKind::IntoIter => {
                Frag::plain(name.clone())
            }
            GenKind::Fn | GenKind::HigherRanked => {
                if self.rng.chance(70) {
                    Frag::plain(name.clone())
                } else {
                    Frag::plain(format!("&{name}"))
                }
            }
            GenKind::FnMut => {
                if self.rng.chance(60) {
                    Frag::plain(name.clone())
                } else {
                    Frag::plain(format!("&mut {name}"))
                }
            }
            GenKind::Const => Frag::plain(format!("[u8; {name}]")),
        }
    }

    fn primitive(&mut self) -> Frag {
        Frag::plain(*self.rng.pick(&[
            "u8", "u16", "u32", "u64", "usize", "i8", "i32", "i64", "f32", "f64", "bool", "char",
            "u128", "isize",
        ]))
    }

    fn user_type(&mut self) -> Frag {
        let (text, ty) = *self.rng.pick(&[
            ("Full", UserTy::Full),
            ("&Full", UserTy::Full),
            ("Plain", UserTy::Plain),
            ("&Plain", UserTy::Plain),
            ("DebugOnly", UserTy::DebugOnly),
            ("CloneOnly", UserTy::CloneOnly),
            ("Copyable", UserTy::Copyable),
            ("Mode", UserTy::Mode),
            ("&Wrapper<u32>", UserTy::Wrapper),
            ("Wrapper<String>", UserTy::Wrapper),
            ("Vec<Full>", UserTy::Full),
            ("Option<&Full>", UserTy::Full),
        ]);
        Frag::plain(text).user(ty)
    }

    #[allow(clippy::too_many_lines)]
    fn param_type(&mut self, ctx: &MethodCtx) -> Frag {
        let debug = self.std(Std::Debug);
        let display = self.std(Std::Display);
        let weights = [
            18,
            8,
            8,
            3,
            4,
            3,
            2,
            2,
            2,
            2,
            3,
            2,
            2,
            3,
            2,
            3,
            1,
            2,
            1,
            when(!self.send_required, 1),
            6,
            when(!self.send_required, 1),
            2,
            1,
            1,
            when(!self.assoc_types.is_empty(), 6),
            when(!self.trait_types.is_empty(), 6),
            when(self.trait_lifetime.is_some(), 6),
            3,
            1,
            1,
            1,
            when(self.trait_const.is_some(), 3),
            1,
            1,
        ];
        match self.rng.weighted(&weights) {
            0 => self.primitive(),
            1 => Frag::plain("String"),
            2 => Frag::plain("&str"),
            3 => Frag::plain("&[u8]"),
            4 => Frag::plain(*self.rng.pick(&[
                "Vec<u32>",
                "Vec<String>",
                "Vec<u8>",
                "Vec<(String, u32)>",
            ])),
            5 => Frag::plain(
                *self
                    .rng
                    .pick(&["Option<&u32>", "Option<&String>", "Option<&str>"]),
            ),
            6 => self.std(Std::HashMap).wrap("{}<String, u32>"),
            7 => Frag::plain("&mut Vec<u8>"),
            8 => Frag::plain(*self.rng.pick(&[
                "(u32, String)",
                "(u8, bool, char)",
                "(String, Vec<u8>)",
            ])),
            9 => Frag::plain(*self.rng.pick(&["[u8; 4]", "[u32; 2]", "[String; 2]"])),
            10 => {
                if self.rng.chance(70) {
                    Frag::plain("Box<dyn Fn(u32) -> u32 + Send>").not_send_sync()
                } else {
                    Frag::plain("Box<dyn Fn(u32) -> u32>").not_send_sync()
                }
            }
            11 => {
                let t = if self.rng.chance(70) { debug } else { display };
                t.wrap("&dyn {}").not_send_sync()
            }
            12 => Frag::plain("impl Into<String>"),
            13 => match self.rng.below(3) {
                0 => self.std(Std::Path).wrap("impl AsRef<{}>"),
                _ => Frag::plain("impl AsRef<str>"),
            },
            14 => {
                if self.rng.chance(70) {
                    self.std(Std::Cow).wrap("{}<'_, str>")
                } else {
                    self.std(Std::Cow).wrap("{}<'static, str>")
                }
            }
            15 => {
                if self.rng.chance(40) {
                    self.std(Std::PathBuf)
                } else {
                    self.std(Std::Path).wrap("&{}")
                }
            }
            16 => {
                let arc = self.std(Std::Arc);
                let mutex = self.std(Std::Mutex);
                Frag::join(&[&arc, &mutex], format!("{}<{}<u8>>", arc.text, mutex.text))
            }
            17 => self.std(Std::Duration),
            18 => Frag::plain("Result<u32, String>"),
            19 => Frag::plain(*self.rng.pick(&["*const u8", "*mut u8"])).not_send_sync(),
            20 => self.user_type(),
            21 => self.std(Std::Rc).wrap("{}<u32>").not_send_sync(),
            22 => Frag::plain("Option<String>"),
            23 => Frag::plain("&mut [u8]"),
            24 => Frag::plain("&mut String"),
            25 => {
                let name = self.rng.pick(&self.assoc_types).clone();
                Frag::plain(match self.rng.below(4) {
                    0 => format!("&Self::{name}"),
                    1 => format!("Option<Self::{name}>"),
                    _ => format!("Self::{name}"),
                })
            }
            26 => {
                let name = self.rng.pick(&self.trait_types).clone();
                Frag::plain(if self.rng.chance(70) {
                    name
                } else {
                    format!("&{name}")
                })
            }
            27 => {
                let lifetime = self.trait_lifetime.clone().unwrap_or_default();
                Frag::plain(if self.rng.chance(70) {
                    format!("&{lifetime} str")
                } else {
                    format!("&{lifetime} [u8]")
                })
            }
            28 => match self.rng.below(4) {
                0 => Frag::plain("impl Fn(u32) -> u32"),
                1 => Frag::plain("impl Iterator<Item = u8>"),
                2 => Frag::plain("impl IntoIterator<Item = String>"),
                _ => display.wrap("&impl {}"),
            },
            29 => Frag::plain("Borrowing<'_>").user(UserTy::Borrowing),
            30 => Frag::plain("&Self"),
            31 => Frag::plain(*self.rng.pick(&["Box<u32>", "Box<str>"])),
            32 => Frag::plain(format!(
                "[u8; {}]",
                self.trait_const.clone().unwrap_or_default()
            )),
            33 => Frag::plain("fn(u32) -> u32"),
            _ => {
                if ctx.self_sized {
                    Frag::plain("Option<Self>")
                } else {
                    Frag::plain("u32")
                }
            }
        }
    }

    /// An owned output for `impl Future<Output = _>`.
    fn owned_output(&mut self) -> Frag {
        Frag::plain(*self.rng.pick(&[
            "u32",
            "String",
            "bool",
            "Vec<u8>",
            "Option<String>",
            "Result<u32, String>",
            "()",
        ]))
    }

    #[allow(clippy::too_many_lines)]
    fn return_type(&mut self, ctx: &MethodCtx) -> Option<Frag> {
        let error = self.std(Std::Error);
        let lends = ctx.recv.lends();
        let keyed = ctx.keyed().map(|p| p.name.clone());
        let weights = [
            25,
            14,
            8,
            4,
            3,
            4,
            6,
            3,
            1,
            when(lends, 3),
            when(lends, 3),
            when(lends, 2),
            when(lends, 2),
            if ctx.recv == RecvKind::Static { 8 } else { 2 },
            when(!ctx.asyncness, 2),
            1,
            2,
            3,
            3,
            when(!self.send_required, 2),
            4,
            when(keyed.is_some(), 12),
            when(
                !self.assoc_types.is_empty() || self.assoc_error.is_some(),
                8,
            ),
            when(!self.trait_types.is_empty(), 6),
            when(ctx.lifetime.is_some(), 3),
            when(!ctx.asyncness, 1),
            1,
        ];
        let frag = match self.rng.weighted(&weights) {
            0 => return None,
            1 => self.primitive(),
            2 => Frag::plain("String"),
            3 => Frag::plain("Option<String>"),
            4 => Frag::plain(*self.rng.pick(&["Vec<u8>", "Vec<String>"])),
            5 => Frag::plain(
                *self
                    .rng
                    .pick(&["Result<(), String>", "Result<u32, String>"]),
            ),
            6 => error.wrap("Result<String, Box<dyn {}>>"),
            7 => error.wrap("Result<u32, Box<dyn {} + Send + Sync>>"),
            8 => error.wrap("Box<dyn {} + Send + Sync>"),
            9 => Frag::plain(
                *self
                    .rng
                    .pick(&["Option<&u32>", "Option<&str>", "Option<&String>"]),
            ),
            10 => Frag::plain("&str"),
            11 => match self.rng.below(4) {
                0 => Frag::plain("&u32"),
                1 => Frag::plain("&String"),
                2 => Frag::plain("&[u8]"),
                _ => Frag::plain("&Full").user(UserTy::Full),
            },
            12 => {
                if self.rng.chance(50) {
                    Frag::plain("Result<&u32, String>")
                } else {
                    Frag::plain("Result<&Full, MyError>")
                        .user(UserTy::Full)
                        .user(UserTy::MyError)
                }
            }
            13 => Frag::plain(*self.rng.pick(&[
                "Self",
                "Self",
                "Option<Self>",
                "Result<Self, String>",
            ])),
            14 => Frag::plain(*self.rng.pick(&[
                "impl Iterator<Item = u32>",
                "impl Iterator<Item = u32>",
                "impl std::fmt::Display",
                "impl std::fmt::Debug + Send",
                "Option<impl Iterator<Item = u32>>",
            ])),
            15 => self.std(Std::HashMap).wrap("{}<String, u32>"),
            16 => Frag::plain(*self.rng.pick(&["(u32, String)", "[u8; 4]", "&'static str"])),
            17 => match self.rng.below(3) {
                0 => self.std(Std::PathBuf),
                1 => self.std(Std::Duration),
                _ => self.std(Std::Cow).wrap("{}<'static, str>"),
            },
            18 => match self.rng.below(4) {
                0 => {
                    let arc = self.std(Std::Arc);
                    let mutex = self.std(Std::Mutex);
                    Frag::join(&[&arc, &mutex], format!("{}<{}<u8>>", arc.text, mutex.text))
                }
                1 => Frag::plain("Box<dyn Fn(u32) -> u32 + Send>"),
                2 => Frag::plain("Box<dyn Fn(u32) -> u32>"),
                _ => Frag::plain("Box<dyn Iterator<Item = u32> + Send>"),
            },
            19 => {
                if self.rng.chance(60) {
                    self.std(Std::Rc).wrap("{}<u32>")
                } else {
                    Frag::plain("*const u8")
                }
            }
            20 => match self.rng.below(5) {
                0 => Frag::plain("Full").user(UserTy::Full),
                1 => Frag::plain("Plain").user(UserTy::Plain),
                2 => Frag::plain("Copyable").user(UserTy::Copyable),
                3 => Frag::plain("Mode").user(UserTy::Mode),
                _ => Frag::plain("Result<u32, MyError>").user(UserTy::MyError),
            },
            21 => {
                let t = keyed.unwrap_or_default();
                match self.rng.below(6) {
                    0 | 1 => Frag::plain(t),
                    2 => Frag::plain(format!("Option<{t}>")),
                    3 => Frag::plain(format!("Vec<{t}>")),
                    4 if lends => Frag::plain(format!("Result<&{t}, String>")),
                    _ => Frag::join(&[&error], format!("Result<{t}, Box<dyn {}>>", error.text)),
                }
            }
            22 => {
                let mut choices: Vec<String> = Vec::new();
                for name in &self.assoc_types {
                    choices.push(format!("Self::{name}"));
                    choices.push(format!("Option<Self::{name}>"));
                    choices.push(format!("<Self as {}>::{name}", self.trait_path));
                }
                if let Some(err) = &self.assoc_error {
                    choices.push(format!("Result<u32, Self::{err}>"));
                }
                Frag::plain(self.rng.pick(&choices).clone())
            }
            23 => {
                let t = self.rng.pick(&self.trait_types).clone();
                Frag::plain(if self.rng.chance(60) {
                    t
                } else {
                    format!("Option<{t}>")
                })
            }
            24 => {
                let lifetime = ctx.lifetime.clone().unwrap_or_default();
                match self.rng.below(3) {
                    0 => Frag::plain(format!("&{lifetime} str")),
                    1 => Frag::plain(format!("Vec<&{lifetime} str>")),
                    _ => self.std(Std::Cow).wrap(&format!("{{}}<{lifetime}, str>")),
                }
            }
            25 => Frag::plain("impl Fn(u32) -> u32"),
            _ => Frag::plain("Vec<(String, u32)>"),
        };
        Some(frag)
    }

    /// One shape the guide documents as refused, put into the trait.
    fn add_refused_shape(&mut self, decl: &mut TraitDecl) {
        let docs = self.docs();
        let Some(shape) = REFUSED_METHODS.get(self.rng.below(REFUSED_METHODS.len() + 1)) else {
            decl.expect_refusal = Some("a generic associated type");
            let gat = AssocType {
                docs,
                name: "Lent".to_owned(),
                generics: "<'x>".to_owned(),
                bounds: None,
                instance: "u32".to_owned(),
                in_attr: false,
            };
            decl.items.insert(0, Item::Type(gat));
            return;
        };
        if self.names.iter().any(|n| n == shape.name) {
            return;
        }
        decl.expect_refusal = Some(shape.label);
        // The trait's own lifetime, or a new one that no method declares.
        let lifetime = self
            .trait_lifetime
            .clone()
            .unwrap_or_else(|| "'r".to_owned());
        if shape.needs_trait_lifetime && self.trait_lifetime.is_none() {
            let generic = TraitGeneric {
                decl: Frag::plain(lifetime.clone()),
                arg: "'static".to_owned(),
            };
            decl.generics.insert(0, generic);
        }
        let kind = match shape.receiver {
            "" => RecvKind::Static,
            "&mut self" => RecvKind::RefMut,
            _ => RecvKind::Ref,
        };
        decl.items.push(Item::Method(Method {
            docs,
            attrs: Vec::new(),
            cfg: Cfg::None,
            unsafety: false,
            asyncness: false,
            name: shape.name.to_owned(),
            generics: shape.generics.iter().map(|g| Frag::plain(*g)).collect(),
            receiver: Receiver {
                kind,
                text: Frag::plain(shape.receiver),
            },
            params: shape
                .params
                .iter()
                .map(|(pat, ty)| Param {
                    pat: (*pat).to_owned(),
                    names: vec![(*pat).to_owned()],
                    ty: Frag::plain(ty.replace("'trait", &lifetime)),
                })
                .collect(),
            ret: Some(Frag::plain(shape.ret)),
            where_preds: Vec::new(),
            body: None,
        }));
    }
}

/// A method of a shape the guide lists under "Still refused".
struct RefusedMethod {
    label: &'static str,
    name: &'static str,
    generics: &'static [&'static str],
    receiver: &'static str,
    params: &'static [(&'static str, &'static str)],
    ret: &'static str,
    /// The shape is refused only in a trait with a lifetime parameter,
    /// which `'trait` in `params` names.
    needs_trait_lifetime: bool,
}

const REFUSED_METHODS: &[RefusedMethod] = &[
    RefusedMethod {
        label: "`-> Result<&mut T, E>`",
        name: "slot",
        generics: &[],
        receiver: "&mut self",
        params: &[],
        ret: "Result<&mut u32, String>",
        needs_trait_lifetime: false,
    },
    RefusedMethod {
        label: "an `impl Trait` return with no stand-in",
        name: "show",
        generics: &[],
        receiver: "&self",
        params: &[],
        ret: "impl Clone",
        needs_trait_lifetime: false,
    },
    RefusedMethod {
        label: "a non-'static type parameter in the return type",
        name: "make",
        // `Q`: no trait declares it.
        generics: &["Q: Default"],
        receiver: "&self",
        params: &[],
        ret: "Q",
        needs_trait_lifetime: false,
    },
];

/// `weight` when `condition` holds, else 0: a shape that only fits some
/// traits or methods.
fn when(condition: bool, weight: u32) -> u32 {
    if condition {
        weight
    } else {
        0
    }
}

/// Whether a return type needs `Self: Sized` to be well-formed.
fn needs_sized_self(ret: &str) -> bool {
    ret.contains("Option<Self>") || ret.contains("Result<Self")
}

/// An expression of the return type, for a default body.
fn default_value(ret: &str, ctx: &MethodCtx) -> Option<String> {
    let value = match ret {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i32" | "i64" | "u128" | "isize" => "0",
        "f32" | "f64" => "0.0",
        "bool" => "false",
        "char" => "'a'",
        "String" => "String::new()",
        "&str" | "&'static str" => "\"\"",
        "Option<String>" | "Option<&u32>" | "Option<&str>" | "Option<&String>" => "None",
        "Vec<u8>" | "Vec<String>" | "Vec<(String, u32)>" => "Vec::new()",
        "Result<(), String>" => "Ok(())",
        "Result<u32, String>" => "Ok(0)",
        "(u32, String)" => "(0, String::new())",
        "[u8; 4]" => "[0; 4]",
        _ if ret.starts_with("impl Iterator") && !ctx.asyncness => "std::iter::empty()",
        _ if ret.starts_with("Result<String, Box<dyn") => "Ok(String::new())",
        _ if ret.starts_with("Result<u32, Box<dyn") => "Ok(0)",
        _ if ret.starts_with("impl ") && ret.contains("Future<Output = ") => {
            let output = ret.split_once("Output = ")?.1.strip_suffix("> + Send")?;
            return default_value(output, ctx).or_else(|| (output == "()").then(String::new));
        }
        _ => return None,
    };
    Some(value.to_owned())
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

#[cfg(test)]
mod tests {
    use super::generate;
    use crate::model::{module_name, render_file, TraitDecl};

    #[test]
    fn a_trait_is_the_same_whatever_is_generated_around_it() {
        let alone = generate(11, 57, 5).render_trait(true);
        let many: Vec<TraitDecl> = (0..60).map(|i| generate(11, i, 5)).collect();
        assert_eq!(many[57].render_trait(true), alone);
        assert_ne!(many[56].render_trait(true), alone);
    }

    /// The classifier finds a diagnostic's trait by line numbers, so the
    /// recorded ranges must match the text, for every shape generated.
    #[test]
    fn recorded_line_ranges_match_the_rendered_file() {
        let decls: Vec<TraitDecl> = (0..400).map(|i| generate(5, i, 50)).collect();
        let refs: Vec<&TraitDecl> = decls.iter().collect();
        for with_attribute in [false, true] {
            let (text, layout) = render_file(&refs, with_attribute, "//! Header.\n#![allow(x)]");
            let lines: Vec<&str> = text.lines().collect();
            let at = |line: u32| lines[line as usize - 1];
            for (case, decl) in layout.iter().zip(&decls) {
                assert_eq!(at(case.module.0), format!("/// Case {}.", decl.index));
                assert_eq!(
                    at(case.module.0 + 1),
                    format!("pub mod {} {{", module_name(decl.index))
                );
                assert_eq!(at(case.module.1), "}");
                let own: Vec<String> = decl
                    .render_trait(with_attribute)
                    .iter()
                    .map(|l| {
                        if l.is_empty() {
                            String::new()
                        } else {
                            format!("    {l}")
                        }
                    })
                    .collect();
                let span = &lines[case.trait_.0 as usize - 1..case.trait_.1 as usize];
                assert_eq!(span, own.as_slice(), "trait #{}", decl.index);
                for ((start, end), _) in &case.harness {
                    assert!(at(*start).ends_with("const _: fn() = || {"));
                    assert_eq!(at(*end), "    };");
                    assert!(case.trait_.1 < *start && *end < case.module.1);
                }
            }
        }
    }
}
