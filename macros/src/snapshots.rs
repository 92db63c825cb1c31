//! Expansion snapshots: what each macro emits for a few representative
//! inputs (every kind of generated item, and the errors of each stage),
//! compared with `macros/tests/snapshots/<case>.txt`.
//!
//! They pin the generated code byte for byte across refactors: a change in
//! a snapshot is a change in what users compile. After a deliberate change,
//! rewrite them with `AUTOSPEC_BLESS=1 cargo test -p autospec-macros
//! snapshots` and read every changed file before committing it.
//!
//! A snapshot is the token stream laid out one item per line (see
//! [`layout`]), which keeps every token, its spacing and its delimiters, so
//! equal snapshots mean equal `to_string()` output.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use std::path::PathBuf;
use std::str::FromStr;

/// `#[autospec(args)] item`.
fn autospec(args: &str, item: &str) -> TokenStream {
    crate::pipeline::autospec(tokens(args), tokens(item))
}

/// `patch!(input)`, or `patch_shared!(input)`.
fn patch(input: &str, shared: bool) -> TokenStream {
    crate::pipeline::patch(tokens(input), shared)
}

/// `mock! { input }`.
fn mock(input: &str) -> TokenStream {
    crate::pipeline::mock(tokens(input))
}

/// `doubles! { input }`.
fn doubles(input: &str) -> TokenStream {
    crate::pipeline::doubles(tokens(input))
}

/// `mock_fn!(input)`.
fn mock_fn(input: &str) -> TokenStream {
    crate::pipeline::mock_fn(tokens(input))
}

fn tokens(text: &str) -> TokenStream {
    TokenStream::from_str(text).unwrap_or_else(|error| panic!("{text:?} lexes: {error}"))
}

/// A trait with most method shapes: generic (per type and erased), async
/// in its three forms, static, borrowed and converted arguments, borrowed
/// and iterator answers, a default body, `#[cfg]` and `#[autospec(skip)]`.
const SHAPES: &str = r#"
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn put(&mut self, key: String, value: Vec<u8>) -> Result<(), String>;
    fn name(&self) -> &str;
    fn find(&self, key: &str) -> Option<&u32>;
    fn entry(&self, key: &str) -> Result<&[u8], String>;
    fn decode<T: Default + 'static>(&self, bytes: &[u8]) -> T;
    fn fill<const N: usize>(&self) -> [u8; N];
    fn show<D: std::fmt::Debug>(&self, value: D) -> usize;
    fn rename(&self, to: impl Into<String>, tags: impl IntoIterator<Item = u8>);
    fn path(&self, path: impl AsRef<str>) -> bool;
    fn each(&self, visit: impl Fn(&str) -> bool);
    fn keys(&self) -> impl Iterator<Item = String>;
    fn make_key(&self) -> impl Fn(u32) -> String;
    async fn load(&self, id: u32) -> Vec<u8>;
    fn save(&self, id: u32) -> impl std::future::Future<Output = bool> + Send;
    fn boxed(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = u8> + Send + '_>>;
    fn open(path: &str) -> Self where Self: Sized;
    fn count() -> usize;
    fn greet(&self, who: &str) -> String {
        format!("hello {who}")
    }
    #[cfg(feature = "extra")]
    fn extra(&self);
    fn raw(&self, #[autospec(skip)] handle: std::fs::File);
    fn call(&self, request: u32) -> u32;
}
"#;

/// Associated types and consts, fixed by the attribute or left open, and
/// a trait lifetime and type parameter.
const ASSOC: &str = r#"
pub trait Source<'s, K: Clone> where K: PartialEq {
    type Item: Clone;
    type Error;
    const LIMIT: usize;
    const NAME: &'static str = "source";
    fn next(&mut self, key: K) -> Option<Self::Item>;
    fn fail(&self) -> Result<(), Self::Error>;
    fn text(&self) -> &'s str;
}
"#;

/// The first impl block of a type, with a constructor, `call`, a const,
/// a private method and a method with a default-less static answer.
const IMPL_BLOCK: &str = r"
impl Client {
    pub const RETRIES: u32 = 3;
    pub fn new(config: Config) -> Self {
        Client { config }
    }
    pub fn connect(url: &str) -> Result<Self, String> {
        Ok(Client::new(Config::from(url)))
    }
    pub fn call(&self, request: Request) -> Response {
        self.send(request)
    }
    pub(crate) fn get(&self, path: &str) -> u16 {
        200
    }
    pub const fn limit(&self) -> usize {
        8
    }
    fn send(&self, request: Request) -> Response {
        todo!()
    }
}
";

const PATCHABLE_IMPL: &str = r"
impl Account {
    pub fn open(balance: u64) -> Self {
        Account { balance }
    }
    pub fn balance(&self) -> u64 {
        self.balance
    }
    pub fn add(&mut self, amount: impl Into<u64>) {
        self.balance += amount.into();
    }
    pub fn close(self) -> u64 {
        self.balance
    }
    pub async fn sync(&self, (a, b): (u8, u8)) -> bool {
        a == b
    }
    pub const fn zero() -> u64 {
        0
    }
    fn private(&self) {}
}
";

/// Every case: its name (the snapshot's file name) and its expansion.
fn cases() -> Vec<(&'static str, TokenStream)> {
    let mut cases = trait_cases();
    cases.extend(impl_and_fn_cases());
    cases.extend(error_cases());
    cases
}

/// Mocks of traits: `#[autospec]` and `mock!`.
fn trait_cases() -> Vec<(&'static str, TokenStream)> {
    vec![
        ("trait_shapes", autospec("", SHAPES)),
        (
            "trait_assoc",
            autospec("type Item = u32, const LIMIT: usize = 4", ASSOC),
        ),
        ("trait_open_assoc", autospec("", ASSOC)),
        (
            "trait_async_trait",
            autospec(
                "",
                "#[async_trait::async_trait] pub trait Remote: Send + Sync { async fn fetch(&self, url: &str) -> Result<String, u16>; fn stop(&self); }",
            ),
        ),
        (
            "trait_lending",
            autospec(
                "",
                "pub trait Lending { fn slot(&mut self) -> &mut u32; fn maybe(&mut self) -> Option<&mut String>; fn shared(&self) -> &mut u8; fn name(&self) -> &'static str; fn on<F: Fn(u32) -> u32 + Send + 'static>(&self, f: F); fn once<F: FnOnce() -> u8>(&self, f: F) -> u8; }",
            ),
        ),
        (
            "trait_supertrait",
            autospec(
                "",
                "pub trait Stream: Iterator + Send { fn peek(&self) -> Option<&Self::Item>; fn boxed(self: Box<Self>) -> Box<Self>; }",
            ),
        ),
        (
            "trait_spy",
            autospec(
                "spy",
                "pub trait Greeter { fn name(&self) -> &str; fn greet(&self, who: &str) -> String { format!(\"{} greets {who}\", self.name()) } fn count(&mut self) -> usize; fn keys(&self) -> impl Iterator<Item = String>; fn typed<T: Default + 'static>(&self) -> T; fn open() -> u32; fn same(&self) -> Self where Self: Sized; }",
            ),
        ),
        (
            "trait_spy_assoc",
            autospec(
                "spy, type Item = u32",
                "pub trait Feed<T> { type Item; type Other: Clone; fn next(&mut self) -> Option<Self::Item>; fn other(&self, value: T) -> Self::Other; }",
            ),
        ),
        (
            "trait_magic",
            autospec(
                "magic(Display, PartialEq, Eq, PartialOrd, Hash, Iterator<Item = u32>, Index<usize, Output = u8>, Add<u32, Output = u32>, AddAssign<u32>, Neg, Read, Write, Seek, Drop, AsRef<str>, From<u8>)",
                "pub trait Thing { fn size(&self) -> usize; }",
            ),
        ),
        (
            "trait_magic_generic",
            autospec(
                "magic(IntoIterator<Item = T>, Mul<T>, BufRead)",
                "pub trait Bag<T: Clone + 'static> { fn put(&mut self, item: T); }",
            ),
        ),
        (
            "trait_crate_override",
            autospec(
                "crate = ::renamed::autospec",
                "trait Tiny { fn get(&self) -> u8; fn make() -> Self; }",
            ),
        ),
        (
            "mock_macro",
            mock(
                "pub MockReader: std::io::Read { fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>; }",
            ),
        ),
        (
            "mock_macro_generic",
            mock(
                "crate = ::renamed::autospec; pub(crate) MockConvert<T>: ::core::convert::TryFrom<T> where T: Clone { type Error = String; fn try_from(value: T) -> Result<Self, Self::Error>; }",
            ),
        ),
        (
            "mock_macro_traits",
            mock(
                "#[async_trait::async_trait] pub MockMailer: Mailer { async fn send(&self, to: &str) -> bool; } impl Named { fn name(&self) -> String; } impl std::fmt::Write { fn write_str(&mut self, s: &str) -> std::fmt::Result; }",
            ),
        ),
        (
            "trait_returns",
            autospec(
                "impl Clone = String, type View<'v> = &'v [u8]",
                "pub trait Returns { type View<'v> where Self: 'v; fn show(&self) -> impl std::fmt::Display; fn events(&self) -> impl Stream<Item = u8> + Send; fn key(&self) -> impl Clone; fn word<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str>; fn view(&self) -> Self::View<'_>; }",
            ),
        ),
    ]
}

/// Impl-block mocks and their parts, patch hooks, `patch!`, `mock_fn!`.
fn impl_and_fn_cases() -> Vec<(&'static str, TokenStream)> {
    vec![
        ("impl_block", autospec("", IMPL_BLOCK)),
        (
            "trait_impl",
            autospec(
                "",
                "impl<'a> Store<u8> for Memory<'a> { type Key = String; fn get(&self, key: String) -> u8 { 1 } fn open(path: &'a str) -> Self { todo!() } }",
            ),
        ),
        (
            "impl_generic",
            autospec(
                "",
                "impl<T: Clone + 'static> Cache<T> where T: Send { pub fn new() -> Self { todo!() } pub fn get(&self, key: &str) -> Option<T> { None } }",
            ),
        ),
        (
            "part_2",
            autospec(
                "part = 2",
                "impl Client { pub const TIMEOUT_MS: u64 = 500; pub fn close(&mut self) -> bool { true } pub fn call(&self, n: u8) -> u8 { n } }",
            ),
        ),
        (
            "part_8",
            autospec(
                "part = 8",
                "impl Client { pub fn last<T: 'static>(&self) -> T { todo!() } }",
            ),
        ),
        (
            "patchable_fn",
            autospec(
                "",
                "pub fn fetch(url: &str, retries: impl Into<u32>) -> Result<String, String> { let _ = (url, retries.into()); Ok(String::new()) }",
            ),
        ),
        (
            "patchable_fn_async_generic",
            autospec(
                "",
                "pub(crate) async fn load<T: Default + 'static>(id: u32, mut buf: Vec<u8>) -> T { buf.clear(); T::default() }",
            ),
        ),
        (
            "patchable_fn_iter",
            autospec(
                "impl Iterator<Item = String> = std::vec::IntoIter<String>",
                "fn lines(text: &str) -> impl Iterator<Item = String> + '_ { text.lines().map(str::to_owned).collect::<Vec<_>>().into_iter() }",
            ),
        ),
        ("patchable_impl", autospec("patchable", PATCHABLE_IMPL)),
        ("mock_fn", mock_fn("|&str, u32| -> bool")),
        ("mock_fn_named", mock_fn("|key: &str, value: Vec<u8>|")),
        ("mock_fn_empty", mock_fn("|| -> String")),
        ("patch_fn_path", patch("net::fetch", false)),
        ("patch_fn_name", patch("fetch", false)),
        ("patch_fn_absolute", patch("::app::net::fetch", true)),
        ("patch_method", patch("net::Client::get", false)),
        ("patch_method_shared", patch("Client::r#type", true)),
        (
            "doubles",
            doubles(
                "mod std::fs { use std::io; fn read<P: AsRef<std::path::Path>>(path: P) -> io::Result<Vec<u8>>; } mod std::time { impl SystemTime { fn now() -> SystemTime; const UNIX_EPOCH: SystemTime; } } mod other::net { async unsafe fn ping(_: u8); }",
            ),
        ),
        (
            "extern_block",
            autospec(
                "",
                "#[link(name = \"m\")] unsafe extern \"C\" { #[doc = \"C's abs.\"] pub safe fn abs(x: i32) -> i32; #[link_name = \"strlen\"] pub fn c_strlen(s: *const u8) -> usize; }",
            ),
        ),
    ]
}

/// Errors of every stage: each keeps the item and reports every problem
/// at once.
fn error_cases() -> Vec<(&'static str, TokenStream)> {
    vec![
        (
            "error_trait",
            autospec(
                "type Missing = u8",
                "trait Bad { fn make(&self) -> impl Clone; fn borrow(&self) -> Result<&mut u8, ()>; const fn c(&self); fn v(&self, #[autospec(keep)] x: u8); my_macro!(); }",
            ),
        ),
        ("error_args", autospec("patchable, patchable", SHAPES)),
        (
            "error_reserved_name",
            autospec("", "trait Store { fn get(&self) -> u8; fn __autospec_core(&self) -> u8; }"),
        ),
        ("error_unknown_arg", autospec("wobble", "trait T {}")),
        (
            "error_part",
            autospec(
                "part = 9",
                "impl<T> Client<T> { pub fn make() -> Self { todo!() } pub fn bad(&self) -> impl Clone { 1 } }",
            ),
        ),
        (
            "error_part_on_trait",
            autospec("part = 2", "trait T { fn f(&self); }"),
        ),
        (
            "error_patchable",
            autospec(
                "patchable",
                "impl Account { pub fn a(&self) -> impl Clone { 1 } pub fn b(&self) -> Result<&mut u8, ()> { todo!() } }",
            ),
        ),
        (
            "error_patchable_generic",
            autospec("patchable", "impl<T> Account<T> { pub fn a(&self) {} }"),
        ),
        (
            "error_patchable_unnamed",
            autospec("patchable", "impl [u8] { pub fn a(&self) {} }"),
        ),
        (
            "error_impl_unnamed",
            autospec("", "impl (u8, u8) { pub fn a(&self) {} }"),
        ),
        ("error_const_fn", autospec("", "pub const fn f() -> u8 { 1 }")),
        (
            "error_doubles",
            doubles(
                "mod crate::net { const fn a(); fn b(&self); fn c((x, y): (u8, u8)); impl<T> Vec<T> { fn new() -> Self; } impl Display for Thing { fn fmt(); } impl a::B { fn f(); } }",
            ),
        ),
        (
            "error_extern_block",
            autospec(
                "",
                "extern \"C\" { fn printf(fmt: *const u8, ...) -> i32; static errno: i32; }",
            ),
        ),
        (
            "error_magic_on_fn",
            autospec("magic(Display)", "pub fn f() -> u8 { 1 }"),
        ),
        (
            "error_magic",
            autospec(
                "magic(Display, Display, Iterator<Item = u8>, IntoIterator<Item = u8>, Frobnicate)",
                "trait T { fn magic(&self); }",
            ),
        ),
        ("error_struct", autospec("", "pub struct Plain;")),
        (
            "error_trait_impl",
            autospec("", "impl<T: Clone> Store for T { }"),
        ),
        ("error_not_an_item", autospec("", "let x = 1;")),
        ("error_mock_fn", mock_fn("fn(u8)")),
        ("error_mock_fn_type", mock_fn("|u8, +| -> u8")),
        ("error_mock_macro", mock("pub MockReader { }")),
        (
            "error_mock_macro_item",
            mock("MockR: R { fn f(&self) -> impl Clone; }"),
        ),
        ("error_patch", patch("1 + 2", false)),
    ]
}

/// One line per item or statement, nested blocks indented: a reviewable
/// diff, and still every token with its spacing and delimiters.
fn layout(tokens: TokenStream) -> String {
    let mut out = String::new();
    write_stream(tokens, 0, &mut out);
    out
}

fn write_stream(tokens: TokenStream, depth: usize, out: &mut String) {
    for tree in tokens {
        if out.ends_with('\n') {
            out.push_str(&"    ".repeat(depth));
        }
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    // Invisible in `to_string()`; marked here, so that a
                    // change in grouping still shows.
                    Delimiter::None => ("\u{27e6}", "\u{27e7}"),
                };
                out.push_str(open);
                if group.delimiter() == Delimiter::Brace && !group.stream().is_empty() {
                    out.push('\n');
                    write_stream(group.stream(), depth + 1, out);
                    if !out.ends_with('\n') {
                        out.push('\n');
                    }
                    out.push_str(&"    ".repeat(depth));
                    out.push_str(close);
                    out.push('\n');
                } else {
                    write_stream(group.stream(), depth, out);
                    out.push_str(close);
                    out.push(' ');
                }
            }
            TokenTree::Punct(punct) => {
                out.push(punct.as_char());
                if punct.spacing() == Spacing::Alone {
                    out.push(if punct.as_char() == ';' { '\n' } else { ' ' });
                }
            }
            other => {
                out.push_str(&other.to_string());
                out.push(' ');
            }
        }
    }
}

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

#[test]
fn expansions_match_their_snapshots() {
    let bless = std::env::var_os("AUTOSPEC_BLESS").is_some();
    let mut changed = Vec::new();
    for (name, expansion) in cases() {
        let path = snapshot_dir().join(format!("{name}.txt"));
        let actual = layout(expansion);
        if bless {
            std::fs::create_dir_all(snapshot_dir()).expect("the snapshot folder can be made");
            std::fs::write(&path, &actual).expect("the snapshot can be written");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            changed.push(format!(
                "{name}: expected {} bytes, got {}; first difference at byte {}",
                expected.len(),
                actual.len(),
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(
        changed.is_empty(),
        "expansions differ from macros/tests/snapshots (AUTOSPEC_BLESS=1 rewrites them):\n{}",
        changed.join("\n")
    );
}

/// Every snapshot file belongs to a case, so a renamed case leaves no stale
/// file that nothing checks.
#[test]
fn every_snapshot_has_a_case() {
    let names: Vec<String> = cases()
        .into_iter()
        .map(|(name, _)| format!("{name}.txt"))
        .collect();
    let files = std::fs::read_dir(snapshot_dir()).expect("the snapshot folder exists");
    for file in files {
        let file = file.expect("the snapshot folder is readable").file_name();
        let file = file.to_string_lossy();
        assert!(names.iter().any(|name| *name == file), "{file} has no case");
    }
}

fn first_difference(expected: &str, actual: &str) -> usize {
    expected
        .bytes()
        .zip(actual.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.len().min(actual.len()))
}

#[test]
fn layout_keeps_spacing_and_delimiters() {
    let laid_out = layout(tokens("a::b(c, d); fn f() { x += 1; }"));
    assert_eq!(laid_out, "a :: b (c , d ) ;\nfn f () {\n    x += 1 ;\n}\n");
    assert_ne!(layout(tokens("a + = b")), layout(tokens("a += b")));
}
