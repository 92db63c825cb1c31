//! The macro never breaks a build for a reason that is not the user's: fed
//! thousands of generated signatures and items, `pipeline::autospec` never
//! panics, its output parses, it is the same every time, and every error it
//! emits points into the user's tokens.
//!
//! The cases come from a small seeded generator, so a failure names the exact
//! input and reproduces on every run. The assertions hold whichever shapes
//! the macro accepts or rejects, so they stay true as it learns new ones.
//!
//! Inputs are parsed from text so that, with proc-macro2's `span-locations`
//! (a dev-dependency feature of this crate only), every token has a byte
//! range to compare error spans against.

use crate::pipeline::autospec;
use proc_macro2::{Span, TokenStream, TokenTree};
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;

/// How many inputs each run tries: enough for every shape to meet every
/// other a few times, few enough for a debug build to finish in seconds.
const CASES: usize = 2_000;

/// xorshift64: deterministic and good enough to pick from lists.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a>(&mut self, choices: &[&'a str]) -> &'a str {
        choices[self.below(choices.len())]
    }
}

const LEAF_TYPES: &[&str] = &[
    "u8",
    "u32",
    "String",
    "str",
    "[u8; 4]",
    "()",
    "T",
    "Self",
    "Self::Item",
    "<Self as Other>::Out",
    "fn(u8) -> u8",
    "*const u8",
    "!",
    "_",
    "std::path::PathBuf",
    "std::collections::HashMap<String, Vec<u8>>",
    "dyn std::fmt::Display",
    "dyn Fn(&str) -> bool + Send",
    "impl std::fmt::Display",
    "impl Fn(&str) -> bool",
    "impl Iterator<Item = u8> + '_",
    "[T; N]",
    "r#type",
    "Vec<Self>",
];

/// Wraps a type in another: `{}` stands for the inner type.
const WRAPPERS: &[&str] = &[
    "&{}",
    "&mut {}",
    "&'a {}",
    "&'static {}",
    "&'a mut {}",
    "Option<{}>",
    "Result<{}, String>",
    "Vec<{}>",
    "Box<{}>",
    "[{}]",
    "({},)",
    "({}, u8)",
    "Option<&{}>",
    "std::sync::Arc<{}>",
    "std::pin::Pin<Box<{}>>",
];

const RECEIVERS: &[&str] = &[
    "",
    "self",
    "mut self",
    "&self",
    "&mut self",
    "&'a self",
    "&'a mut self",
    "self: Box<Self>",
    "self: std::rc::Rc<Self>",
    "self: std::sync::Arc<Self>",
    "self: std::pin::Pin<&mut Self>",
    "mut self: Box<Self>",
    "self: &Self",
    "self: &'a mut Self",
];

const PATTERNS: &[&str] = &[
    "x{}",
    "_",
    "mut x{}",
    "(a{}, b{})",
    "r#in",
    "ref x{}",
    "[p{}, ..]",
];

const PARAM_ATTRS: &[&str] = &["", "", "", "#[allow(unused)] ", "#[cfg(test)] "];

const METHOD_ATTRS: &[&str] = &[
    "",
    "",
    "#[doc = \"d\"] ",
    "/// Does it.\n",
    "#[cfg(test)] ",
    "#[cfg(any())] ",
    "#[must_use] ",
    "#[inline] ",
    "#[deprecated] ",
    "#[allow(clippy::all)] ",
];

const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    "async ",
    "unsafe ",
    "const ",
    "extern \"C\" ",
    "async unsafe ",
    "unsafe extern \"C\" ",
];

const METHOD_NAMES: &[&str] = &[
    "get",
    "put",
    "r#type",
    "r#match",
    "call",
    "new",
    "seal",
    "mock_calls",
    "reset",
    "default",
    "clone",
    "fmt",
    "drop",
    "deref",
    "returns_with",
];

const METHOD_GENERICS: &[&str] = &[
    "",
    "",
    "<'a>",
    "<'a, 'b: 'a>",
    "<T>",
    "<T: Clone>",
    "<const N: usize>",
    "<F: Fn(u8) -> u8>",
    "<T, U>",
];

const WHERE_CLAUSES: &[&str] = &[
    "",
    "",
    " where Self: Sized",
    " where T: Clone",
    " where for<'x> &'x T: Send",
];

const BODIES: &[&str] = &[
    ";",
    ";",
    " {}",
    " { unimplemented!() }",
    " { Default::default() }",
];

const TRAIT_ATTRS: &[&str] = &[
    "",
    "#[doc = \"t\"] ",
    "#[allow(dead_code)] ",
    "#[cfg_attr(test, allow(unused))] ",
];

const VISIBILITIES: &[&str] = &[
    "",
    "pub ",
    "pub(crate) ",
    "pub(super) ",
    "pub(in crate::a) ",
];

const TRAIT_NAMES: &[&str] = &[
    "Store", "Service", "Read", "Mock", "Method", "Default", "Self_", "X", "r#match",
];

const TRAIT_GENERICS: &[&str] = &[
    "",
    "",
    "<T>",
    "<T: Clone + Send + 'static>",
    "<'a>",
    "<'a, T: 'a>",
    "<const N: usize>",
    "<T = u8>",
    "<T: ?Sized>",
];

const SUPERTRAITS: &[&str] = &[
    "",
    "",
    ": Send",
    ": Send + Sync",
    ": Clone",
    ": std::fmt::Debug",
    ": 'static",
    ": Iterator<Item = u8>",
];

const OTHER_TRAIT_ITEMS: &[&str] = &[
    "type Item;",
    "type Item: Clone;",
    "type Out = u8;",
    "type Gat<'x> where Self: 'x;",
    "const N: usize;",
    "const M: u8 = 3;",
    "some_macro!();",
    "fn assoc() -> Self where Self: Sized;",
];

/// Items that are not traits, and token sequences that are no item at all
/// (which rustc never hands an attribute macro, but which must not panic).
const NOT_TRAITS: &[&str] = &[
    "struct S;",
    "struct S { x: u8 }",
    "enum E { A, B(u8) }",
    "union U { a: u8 }",
    "fn f(x: u8) -> u8 { x }",
    "impl S { fn f(&self) {} }",
    "impl Tr for S { fn f(&self) {} }",
    "mod m {}",
    "const C: u8 = 1;",
    "static S: u8 = 1;",
    "type A = u8;",
    "use std::io;",
    "extern crate alloc;",
    "macro_rules! m { () => {} }",
    "extern \"C\" { fn f(); }",
    "trait A = Send;",
    "",
    "trait",
    "trait T",
    "trait { fn f(&self); }",
    "trait T { fn }",
    "trait T { fn f(&self) -> ; }",
    "trait T { fn f(self self); }",
    "trait T { , }",
    "pub pub trait T {}",
    "trait T { fn f(&self) }",
    "trait T {} trait U {}",
    "trait T { fn f(&self, x: u8,,); }",
    "123",
    "\"text\"",
    "trait T { fn f(&self, ...); }",
    "trait T { fn f(&self) where; }",
    "fn fn fn",
    "#[autospec] trait T {}",
    "trait T: { }",
    "impl",
];

/// Arguments of the attribute: mostly none, sometimes a crate path, sometimes wrong.
const ARGS: &[&str] = &[
    "",
    "",
    "",
    "",
    "crate = my_rt",
    "crate = ::a::b",
    "foo",
    "crate",
    "crate =",
    "crate = x, crate = y",
    "crate = x,",
    "crate = 1",
];

fn ty(rng: &mut Rng, depth: usize) -> String {
    if depth == 0 || rng.one_in(2) {
        return rng.pick(LEAF_TYPES).to_owned();
    }
    let inner = ty(rng, depth - 1);
    match rng.below(4) {
        0 => format!("({inner}, {})", ty(rng, depth - 1)),
        _ => rng.pick(WRAPPERS).replace("{}", &inner),
    }
}

fn method(rng: &mut Rng) -> String {
    let mut params: Vec<String> = Vec::new();
    let receiver = rng.pick(RECEIVERS);
    if !receiver.is_empty() {
        params.push(receiver.to_owned());
    }
    // Mostly a few parameters, sometimes up to 20 (past the journal's 16).
    let count = if rng.one_in(6) {
        rng.below(21)
    } else {
        rng.below(4)
    };
    for i in 0..count {
        let pattern = rng.pick(PATTERNS).replace("{}", &i.to_string());
        let attr = rng.pick(PARAM_ATTRS);
        params.push(format!("{attr}{pattern}: {}", ty(rng, 2)));
    }
    let output = match rng.below(4) {
        0 => String::new(),
        _ => format!(" -> {}", ty(rng, 3)),
    };
    format!(
        "{}{}fn {}{}({}){output}{}{}",
        rng.pick(METHOD_ATTRS),
        rng.pick(QUALIFIERS),
        rng.pick(METHOD_NAMES),
        rng.pick(METHOD_GENERICS),
        params.join(", "),
        rng.pick(WHERE_CLAUSES),
        rng.pick(BODIES),
    )
}

fn trait_item(rng: &mut Rng) -> String {
    let mut items: Vec<String> = (0..rng.below(5)).map(|_| method(rng)).collect();
    if rng.one_in(4) {
        let at = rng.below(items.len() + 1);
        items.insert(at, rng.pick(OTHER_TRAIT_ITEMS).to_owned());
    }
    format!(
        "{}{}{}trait {}{}{} {{ {} }}",
        rng.pick(TRAIT_ATTRS),
        rng.pick(VISIBILITIES),
        if rng.one_in(8) { "unsafe " } else { "" },
        rng.pick(TRAIT_NAMES),
        rng.pick(TRAIT_GENERICS),
        rng.pick(SUPERTRAITS),
        items.join("\n"),
    )
}

/// One input: mostly traits, one in eight something else.
fn input(rng: &mut Rng) -> (String, String) {
    let args = rng.pick(ARGS).to_owned();
    let item = if rng.one_in(8) {
        rng.pick(NOT_TRAITS).to_owned()
    } else {
        trait_item(rng)
    };
    (args, item)
}

/// Where a token stream parsed from text came from: a span to identify the
/// text by (byte ranges count from the start of each text, and two spans
/// join only within one text) and the byte range its tokens cover.
struct Source {
    anchor: Span,
    range: Range<usize>,
}

impl Source {
    fn of(tokens: &TokenStream) -> Option<Self> {
        let anchor = tokens.clone().into_iter().next()?.span();
        let range = tokens
            .clone()
            .into_iter()
            .fold(anchor.byte_range(), |seen, tree| {
                let span = tree.span().byte_range();
                seen.start.min(span.start)..seen.end.max(span.end)
            });
        Some(Source { anchor, range })
    }

    /// Whether `span` points at tokens of this text. The call site never
    /// does, even where its empty range sits at the start of the text.
    fn holds(&self, span: Span) -> bool {
        let at = span.byte_range();
        !at_call_site(span)
            && self.anchor.join(span).is_some()
            && self.range.start <= at.start
            && at.end <= self.range.end
    }
}

/// The spans of every `compile_error! { "..." }` in `tokens`: the macro
/// name, the `!`, the braces and the message.
fn error_spans(tokens: TokenStream) -> Vec<(String, Span)> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut found = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(group)) = trees.get(i + 2) {
                    let message = group.stream().to_string();
                    found.push((message.clone(), ident.span()));
                    found.push((message.clone(), trees[i + 1].span()));
                    found.push((message.clone(), group.span()));
                    for inner in group.stream() {
                        found.push((message.clone(), inner.span()));
                    }
                }
            }
            TokenTree::Group(group) => found.extend(error_spans(group.stream())),
            _ => {}
        }
    }
    found
}

fn at_call_site(span: Span) -> bool {
    span.byte_range() == Span::call_site().byte_range() && span.join(Span::call_site()).is_some()
}

/// Whether an identifier `name` occurs anywhere in `tokens`.
fn mentions(tokens: TokenStream, name: &str) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == name,
        TokenTree::Group(group) => mentions(group.stream(), name),
        _ => false,
    })
}

/// Every property for one input; `Err` describes the first one broken.
fn check(args: &TokenStream, item: &TokenStream) -> Result<(), String> {
    let expand = || catch_unwind(AssertUnwindSafe(|| autospec(args.clone(), item.clone())));
    let first = expand().map_err(|_| "the expansion panicked".to_owned())?;
    let second = expand().map_err(|_| "the second expansion panicked".to_owned())?;
    if first.to_string() != second.to_string() {
        return Err("two expansions of the same input differ".to_owned());
    }
    // Parsed only when needed: parsing is most of this test's time.
    let is_item = || syn::parse2::<syn::Item>(item.clone()).is_ok();
    if let Err(error) = syn::parse2::<syn::File>(first.clone()) {
        // rustc only ever hands the macro an item; for anything else the
        // output cannot parse, but it must still say why.
        if is_item() {
            return Err(format!("the output does not parse: {error}\n{first}"));
        }
        if !mentions(first.clone(), "compile_error") {
            return Err("a non-item was accepted without an error".to_owned());
        }
    }
    check_error_spans(args, item, &first, is_item)?;
    let renamed = args.to_string().starts_with("crate =") && !mentions(item.clone(), "autospec");
    if renamed && !mentions(first.clone(), "compile_error") && mentions(first, "autospec") {
        return Err("with `crate = ..` the output still names `autospec`".to_owned());
    }
    Ok(())
}

/// Every `compile_error!` points into the arguments or the item.
fn check_error_spans(
    args: &TokenStream,
    item: &TokenStream,
    output: &TokenStream,
    is_item: impl Fn() -> bool,
) -> Result<(), String> {
    let sources: Vec<Source> = [Source::of(args), Source::of(item)]
        .into_iter()
        .flatten()
        .collect();
    for (message, span) in error_spans(output.clone()) {
        if sources.iter().any(|source| source.holds(span)) {
            continue;
        }
        // Only text that ends too early (`#[autospec(crate)]`, or no item
        // at all) may be answered at the call site: its "unexpected end of
        // input" has no token to point at, and rustc shows the call site as
        // the attribute itself.
        let ends_early = || !is_item() || syn::parse2::<crate::attr::Args>(args.clone()).is_err();
        if !(at_call_site(span) && ends_early()) {
            let (at, text) = (span.byte_range(), span.source_text());
            return Err(format!(
                "error {message} points at {at:?} ({text:?}), outside the input"
            ));
        }
    }
    Ok(())
}

fn lex(text: &str) -> TokenStream {
    TokenStream::from_str(text).expect("the text lexes")
}

#[test]
fn generated_signatures_never_break_the_macro() {
    let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
    let mut failures = Vec::new();
    let mut lexed = 0;
    for _ in 0..CASES {
        let (args_text, item_text) = input(&mut rng);
        // Text that does not even lex never reaches a macro.
        let (Ok(args), Ok(item)) = (
            TokenStream::from_str(&args_text),
            TokenStream::from_str(&item_text),
        ) else {
            continue;
        };
        lexed += 1;
        if let Err(why) = check(&args, &item) {
            failures.push(format!("#[autospec({args_text})]\n{item_text}\n=> {why}"));
        }
    }
    assert!(
        lexed > CASES * 9 / 10,
        "only {lexed} of {CASES} inputs lexed"
    );
    assert!(
        failures.is_empty(),
        "{} of {CASES} inputs broke the macro; the first:\n{}",
        failures.len(),
        failures.first().map_or("", String::as_str)
    );
}

#[test]
fn the_checks_catch_what_they_look_for() {
    let item = lex("trait T { fn get(&self) -> u8; }");
    let source = Source::of(&item).expect("has tokens");
    // An error at the call site is outside the item.
    let stray = syn::Error::new(Span::call_site(), "stray").into_compile_error();
    let spans = error_spans(stray);
    assert_eq!(spans.len(), 4);
    for (message, span) in &spans {
        assert_eq!(message, "\"stray\"");
        assert!(!source.holds(*span));
    }
    // So is a token of another text, even at the same offsets.
    let other = lex("trait U {}").into_iter().next().expect("has tokens");
    assert_eq!(other.span().byte_range(), 0..5);
    assert!(!source.holds(other.span()));
    assert!(source.holds(item.clone().into_iter().last().expect("has tokens").span()));
    // A broken property is reported.
    assert_eq!(
        check_error_spans(
            &TokenStream::new(),
            &item,
            &syn::Error::new(Span::call_site(), "stray").into_compile_error(),
            || true
        ),
        Err("error \"stray\" points at 0..0 (None), outside the input".to_owned())
    );
    // Identifiers are found inside groups, and only whole.
    let nested = lex("a { b ( autospec ) }");
    assert!(mentions(nested.clone(), "autospec"));
    assert!(!mentions(nested, "__autospec_x"));
}

#[test]
fn the_renamed_crate_is_the_only_runtime_path() {
    let output = autospec(
        lex("crate = my_rt"),
        lex("trait T { fn get(&self, k: &str) -> u8; }"),
    );
    assert!(mentions(output.clone(), "my_rt"));
    assert!(!mentions(output, "autospec"));
}

// Regression: the mock's name was built as "Mockr#match", which is not an
// identifier, and the macro panicked.
#[test]
fn a_raw_trait_name_does_not_panic() {
    let (args, item) = (
        TokenStream::new(),
        lex("trait r#match { fn get(&self) -> u8; }"),
    );
    assert_eq!(check(&args, &item), Ok(()));
}
