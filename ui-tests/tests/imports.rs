//! The shape of the shipped crates (ARCHITECTURE.md): their modules import
//! one another without a cycle, the runtime's layers import downwards only,
//! and no source file is longer than a reader can hold.
//!
//! A module is a file or a folder directly below `src/` (`expand` covers
//! `expand/mod.rs` and everything below it; `lib.rs`, the crate root, is
//! no module of the graph). Inside every folder the same check runs
//! between its files and subfolders (and the folder's own file), so a
//! folder's layers stay layered too. An edge is any path a module's code
//! writes into another module: `crate::x` (and `$crate::x`) in `use` items,
//! grouped `use crate::{a, b::c}` trees included, and inline paths such as
//! `crate::journal::foo(..)`; `super::x` and `self::x`; and a relative
//! path that starts with the name of a submodule (`kinds::Ret` in
//! `model/mod.rs`). For the cycles, a name re-exported by `lib.rs`
//! (`crate::Method`, `crate::bounds`) counts as the module it comes from;
//! for the runtime's layers it is the facade's. Comments and string
//! literals are not code.
//!
//! The check reads the text, not the compiler's name resolution: a method
//! called on a type from elsewhere is no edge, which is why the macro
//! crate's expansion is written as functions that import each other.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The most lines a source file may have. Tests inside a file count.
const MAX_LINES: usize = 800;

#[test]
fn macro_crate_modules_import_without_cycles() {
    let tree = read_tree(&repository().join("macros/src"));
    let report = check(&tree);
    if std::env::var_os("AUTOSPEC_PRINT_IMPORTS").is_some() {
        eprintln!("{}", report.graphs);
    }
    assert!(
        report.cycles.is_empty(),
        "macros/src:\n{}",
        report.cycles.join("\n\n")
    );
}

#[test]
fn runtime_modules_import_without_cycles() {
    let tree = read_tree(&repository().join("runtime/src"));
    let report = check(&tree);
    if std::env::var_os("AUTOSPEC_PRINT_IMPORTS").is_some() {
        eprintln!("{}", report.graphs);
    }
    assert!(
        report.cycles.is_empty(),
        "runtime/src:\n{}",
        report.cycles.join("\n\n")
    );
}

#[test]
fn macro_crate_files_are_short() {
    let long = too_long(&read_tree(&repository().join("macros/src")));
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines in macros/src:\n{}",
        long.join("\n")
    );
}

/// The runtime's layers, lowest first, each the folder below `src/` that
/// holds it; the facade (`lib.rs`, the prelude, `__private`, and every name
/// `lib.rs` declares or re-exports) is above them all.
const RUNTIME_LAYERS: &[&str] = &["core", "features"];

#[test]
fn runtime_layers_import_downwards() {
    let tree = read_tree(&repository().join("runtime/src"));
    let wrong = layering(&tree, RUNTIME_LAYERS);
    assert!(
        wrong.is_empty(),
        "runtime/src: imports against the layers (core < features < facade):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn runtime_files_are_short() {
    let long = too_long(&read_tree(&repository().join("runtime/src")));
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines in runtime/src:\n{}",
        long.join("\n")
    );
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("ui-tests sits in the repository root")
        .to_path_buf()
}

/// Every `.rs` file below `src`, by its path relative to `src` (with `/`).
fn read_tree(src: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()));
        for entry in entries {
            let path = entry.expect("a readable folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let relative = path.strip_prefix(src).expect("below src");
                let name = relative.to_string_lossy().replace('\\', "/");
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
                files.insert(name, text);
            }
        }
    }
    assert!(!files.is_empty(), "no source files in {}", src.display());
    files
}

fn too_long(tree: &BTreeMap<String, String>) -> Vec<String> {
    tree.iter()
        .map(|(file, text)| (file, text.lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(file, lines)| format!("{file}: {lines} lines"))
        .collect()
}

// ---------------------------------------------------------------------
// Reading the code: tokens without comments, strings kept apart.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`, or one punctuation character.
    Punct(&'static str),
    Str(String),
}

/// The tokens of a source file with the line each starts on; comments,
/// char literals and lifetimes are dropped, string literals kept whole.
fn lex(source: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = source.chars().collect();
    let mut lexer = Lexer {
        chars: &chars,
        at: 0,
        line: 1,
        out: Vec::new(),
    };
    lexer.run();
    lexer.out
}

struct Lexer<'c> {
    chars: &'c [char],
    at: usize,
    line: usize,
    out: Vec<(Tok, usize)>,
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn run(&mut self) {
        while let Some(c) = self.peek(0) {
            let line = self.line;
            match c {
                '/' if self.peek(1) == Some('/') => self.skip_line(),
                '/' if self.peek(1) == Some('*') => self.skip_block(),
                '"' => {
                    let text = self.string();
                    self.out.push((Tok::Str(text), line));
                }
                '\'' => self.char_or_lifetime(),
                'r' | 'b' if self.raw_or_byte_string() => {}
                c if c.is_alphabetic() || c == '_' => {
                    let ident = self.ident();
                    self.out.push((Tok::Ident(ident), line));
                }
                ':' if self.peek(1) == Some(':') => {
                    self.at += 2;
                    self.out.push((Tok::Punct("::"), line));
                }
                c if c.is_whitespace() || c.is_ascii_digit() => {
                    self.bump();
                }
                c => {
                    self.bump();
                    if let Some(punct) = PUNCTS.iter().find(|p| p.starts_with(c)) {
                        self.out.push((Tok::Punct(punct), line));
                    }
                }
            }
        }
    }

    fn skip_line(&mut self) {
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// `/* .. */`, nested as Rust nests them.
    fn skip_block(&mut self) {
        let mut depth = 0;
        while let Some(c) = self.bump() {
            if c == '/' && self.peek(0) == Some('*') {
                self.bump();
                depth += 1;
            } else if c == '*' && self.peek(0) == Some('/') {
                self.bump();
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
        }
    }

    /// `"..."` with escapes; the cursor is on the opening quote.
    fn string(&mut self) -> String {
        self.bump();
        let mut text = String::new();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => break,
                c => text.push(c),
            }
        }
        text
    }

    /// `r"..."`, `r#"..."#`, `b"..."`, `br#"..."#`, `b'x'`; false for an
    /// identifier that starts with `r` or `b` (or a raw identifier).
    fn raw_or_byte_string(&mut self) -> bool {
        let mut ahead = usize::from(self.peek(0) == Some('b'));
        if self.peek(0) == Some('b') && self.peek(1) == Some('\'') {
            self.bump();
            self.char_or_lifetime();
            return true;
        }
        if self.peek(0) == Some('b') && self.peek(1) == Some('"') {
            let line = self.line;
            self.bump();
            let text = self.string();
            self.out.push((Tok::Str(text), line));
            return true;
        }
        if self.peek(ahead) != Some('r') {
            return false;
        }
        ahead += 1;
        let mut hashes = 0;
        while self.peek(ahead + hashes) == Some('#') {
            hashes += 1;
        }
        if self.peek(ahead + hashes) != Some('"') {
            return false;
        }
        let line = self.line;
        for _ in 0..=ahead + hashes {
            self.bump();
        }
        let mut text = String::new();
        while let Some(c) = self.bump() {
            let closes = c == '"' && (0..hashes).all(|i| self.peek(i) == Some('#'));
            if closes {
                for _ in 0..hashes {
                    self.bump();
                }
                break;
            }
            text.push(c);
        }
        self.out.push((Tok::Str(text), line));
        true
    }

    /// `'a'` and `'\n'` are dropped whole; a lifetime `'a` leaves its name
    /// to be read as an identifier, which no path starts with.
    fn char_or_lifetime(&mut self) {
        self.bump();
        if self.peek(0) == Some('\\') {
            // The escape and what it escapes, then up to the closing quote
            // (`'\u{1F600}'`, `'\x41'`).
            self.bump();
            self.bump();
            while self.bump().is_some_and(|c| c != '\'') {}
        } else if self.peek(1) == Some('\'') {
            self.bump();
            self.bump();
        }
    }

    /// An identifier; `r#name` is read as `name`.
    fn ident(&mut self) -> String {
        if self.peek(0) == Some('r') && self.peek(1) == Some('#') {
            self.at += 2;
        }
        let mut ident = String::new();
        while let Some(c) = self.peek(0).filter(|c| c.is_alphanumeric() || *c == '_') {
            ident.push(c);
            self.bump();
        }
        ident
    }
}

/// The punctuation the reader of paths looks at.
const PUNCTS: &[&str] = &[
    "{", "}", ",", ";", "*", "#", "[", "]", "=", "(", ")", "<", ">", "$",
];

// ---------------------------------------------------------------------
// Modules and the paths each writes.

/// A module's path below the crate root: `["expand", "glue"]`.
type ModPath = Vec<String>;

/// One written path into a module: where it is written, and what it names.
struct Reference {
    from: ModPath,
    to: ModPath,
    file: String,
    line: usize,
}

/// The module path of each file, `#[path = ".."] mod x;` included (its
/// path is relative to the folder of the file that declares it).
fn module_paths(tree: &BTreeMap<String, String>) -> BTreeMap<String, ModPath> {
    let mut paths: BTreeMap<String, ModPath> = tree
        .keys()
        .map(|file| (file.clone(), default_module_path(file)))
        .collect();
    for (file, text) in tree {
        let dir = file.rsplit_once('/').map_or("", |(dir, _)| dir);
        let tokens: Vec<Tok> = lex(text).into_iter().map(|(tok, _)| tok).collect();
        for (i, tok) in tokens.iter().enumerate() {
            let Tok::Str(target) = tok else { continue };
            if i < 2 || tokens[i - 2] != Tok::Ident("path".into()) {
                continue;
            }
            // `#[path = ".."] pub(crate) mod name;`
            let after = &tokens[i + 1..tokens.len().min(i + 10)];
            let Some(at) = after
                .iter()
                .position(|tok| *tok == Tok::Ident("mod".into()))
            else {
                continue;
            };
            let Some(Tok::Ident(name)) = after.get(at + 1) else {
                continue;
            };
            let target = if dir.is_empty() {
                target.clone()
            } else {
                format!("{dir}/{target}")
            };
            let mut module = paths.get(file).cloned().unwrap_or_default();
            module.push(name.clone());
            paths.insert(target, module);
        }
    }
    paths
}

/// `expand/glue.rs` is `expand::glue`; `expand/mod.rs` is `expand`.
fn default_module_path(file: &str) -> ModPath {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Vec<String> = stem.split('/').map(str::to_owned).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The submodules of each module, from the files.
fn children(paths: &BTreeMap<String, ModPath>) -> BTreeMap<ModPath, BTreeSet<String>> {
    let mut children: BTreeMap<ModPath, BTreeSet<String>> = BTreeMap::new();
    for module in paths.values() {
        for depth in 0..module.len() {
            children
                .entry(module[..depth].to_vec())
                .or_default()
                .insert(module[depth].clone());
        }
    }
    children
}

/// Every path each file writes into the crate's modules.
fn references(
    tree: &BTreeMap<String, String>,
) -> (Vec<Reference>, BTreeMap<ModPath, BTreeSet<String>>) {
    let paths = module_paths(tree);
    let children = children(&paths);
    let mut all = Vec::new();
    for (file, text) in tree {
        let module = paths[file].clone();
        let reader = Reader {
            tokens: lex(text),
            children: &children,
            file,
            module,
        };
        all.extend(reader.read());
    }
    (all, children)
}

struct Reader<'t> {
    tokens: Vec<(Tok, usize)>,
    children: &'t BTreeMap<ModPath, BTreeSet<String>>,
    file: &'t str,
    module: ModPath,
}

impl Reader<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.tokens.get(i).map(|(tok, _)| tok)
    }

    fn ident(&self, i: usize) -> Option<&str> {
        match self.tok(i) {
            Some(Tok::Ident(ident)) => Some(ident),
            _ => None,
        }
    }

    fn is(&self, i: usize, punct: &str) -> bool {
        matches!(self.tok(i), Some(Tok::Punct(p)) if *p == punct)
    }

    fn read(&self) -> Vec<Reference> {
        let mut found = Vec::new();
        // Inline modules (`mod tests { .. }`) open at a brace depth.
        let mut inline: Vec<(String, usize)> = Vec::new();
        let mut depth = 0;
        // The end of the last path read: its inner segments start no path.
        let mut read_to = 0;
        for i in 0..self.tokens.len() {
            if self.is(i, "{") {
                depth += 1;
                if self.ident(i.wrapping_sub(2)) == Some("mod") {
                    let name = self.ident(i - 1).unwrap_or_default().to_owned();
                    inline.push((name, depth));
                }
            } else if self.is(i, "}") {
                if inline.last().is_some_and(|(_, open)| *open == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            let starts_path = i >= read_to && (i == 0 || !self.is(i - 1, "::"));
            if starts_path && self.is(i + 1, "::") {
                let mut current = self.module.clone();
                current.extend(inline.iter().map(|(name, _)| name.clone()));
                let (references, end) = self.path_at(i, &current);
                found.extend(references);
                read_to = end;
            }
        }
        found
    }

    /// The paths a path starting at token `i` names, resolved from the
    /// module `current` (nothing for a path outside the crate), and the
    /// token after it.
    fn path_at(&self, i: usize, current: &ModPath) -> (Vec<Reference>, usize) {
        let Some(first) = self.ident(i) else {
            return (Vec::new(), i + 1);
        };
        let mut base = match first {
            "crate" => Vec::new(),
            "self" => current.clone(),
            "super" => current[..current.len().saturating_sub(1)].to_vec(),
            name if self
                .children
                .get(current)
                .is_some_and(|names| names.contains(name)) =>
            {
                let mut base = current.clone();
                base.push(name.to_owned());
                base
            }
            _ => return (Vec::new(), i + 1),
        };
        let mut at = i + 2;
        // `super::super::x`
        while self.ident(at) == Some("super") && self.is(at + 1, "::") {
            base.pop();
            at += 2;
        }
        let mut paths = Vec::new();
        let end = self.tree(at, base, &mut paths);
        let line = self.tokens[i].1;
        let references = paths
            .into_iter()
            .map(|to| Reference {
                from: current.clone(),
                to,
                file: self.file.to_owned(),
                line,
            })
            .collect();
        (references, end)
    }

    /// A use tree (or a plain path) at token `i`, below `prefix`; returns
    /// the token after it.
    fn tree(&self, i: usize, prefix: ModPath, out: &mut Vec<ModPath>) -> usize {
        if self.is(i, "{") {
            let mut at = i + 1;
            while self.tok(at).is_some() && !self.is(at, "}") {
                at = self.tree(at, prefix.clone(), out);
                if self.is(at, ",") {
                    at += 1;
                }
            }
            return at + 1;
        }
        match self.ident(i) {
            Some("self") => {
                out.push(prefix);
                i + 1
            }
            Some(name) => {
                let mut path = prefix;
                path.push(name.to_owned());
                if self.is(i + 1, "::") && !self.is(i + 2, "<") {
                    self.tree(i + 2, path, out)
                } else {
                    out.push(path);
                    // `as alias`
                    if self.ident(i + 1) == Some("as") {
                        i + 3
                    } else {
                        i + 1
                    }
                }
            }
            None => {
                out.push(prefix);
                i + 1
            }
        }
    }
}

// ---------------------------------------------------------------------
// The graphs and their cycles.

/// An edge between two modules, with the first place that writes it.
type Graph = BTreeMap<(String, String), String>;

struct Report {
    /// One entry per cycle, naming its modules and the paths that make it.
    cycles: Vec<String>,
    /// Every graph checked, edge by edge, for reading.
    graphs: String,
}

/// The graph between the modules directly below `src/`, and one graph
/// inside each folder module, each checked for cycles.
fn check(tree: &BTreeMap<String, String>) -> Report {
    let (references, children) = references(tree);
    let top = children.get(&Vec::new()).cloned().unwrap_or_default();
    let reexports = reexports(tree.get("lib.rs").map_or("", String::as_str), &children);
    let mut report = Report {
        cycles: Vec::new(),
        graphs: String::new(),
    };
    for (folder, names) in &children {
        let dir = folder.join("/");
        let root = if tree.contains_key(&format!("{dir}/mod.rs")) {
            "mod.rs".to_owned()
        } else {
            format!("{}.rs", folder.last().map_or("lib", String::as_str))
        };
        let mut graph = Graph::new();
        for reference in &references {
            let to = resolve(&reference.to, &top, &reexports);
            let from = node(folder, names, &root, &reference.from);
            let (Some(from), Some(to)) = (from, node(folder, names, &root, &to)) else {
                continue;
            };
            if from != to {
                let site = format!(
                    "{}:{} names `{}`",
                    reference.file,
                    reference.line,
                    reference.to.join("::")
                );
                graph.entry((from, to)).or_insert(site);
            }
        }
        let label = if folder.is_empty() {
            "src/".to_owned()
        } else {
            format!("src/{}/", folder.join("/"))
        };
        let _ = writeln!(report.graphs, "{label}");
        for (from, to) in graph.keys() {
            let _ = writeln!(report.graphs, "  {from} -> {to}");
        }
        report.cycles.extend(
            cycles(&graph)
                .into_iter()
                .map(|cycle| format!("{label}: {cycle}")),
        );
    }
    report
}

/// `crate::Method` where `lib.rs` has `pub use method::Method`: the path
/// of what the name comes from, `method::Method`.
fn resolve(
    path: &ModPath,
    top: &BTreeSet<String>,
    reexports: &BTreeMap<String, ModPath>,
) -> ModPath {
    match path.first() {
        Some(first) if !top.contains(first) => reexports.get(first).map_or_else(
            || path.clone(),
            |source| {
                let mut resolved = source.clone();
                resolved.extend(path.iter().skip(1).cloned());
                resolved
            },
        ),
        _ => path.clone(),
    }
}

/// The names `lib.rs` re-exports from the crate's own modules (`pub use
/// method::{Method, When};`, `pub use crate::core::bounds;`), each with the
/// path of what it names.
fn reexports(
    lib: &str,
    children: &BTreeMap<ModPath, BTreeSet<String>>,
) -> BTreeMap<String, ModPath> {
    let top = children.get(&Vec::new()).cloned().unwrap_or_default();
    let reader = Reader {
        tokens: lex(lib),
        children,
        file: "lib.rs",
        module: Vec::new(),
    };
    let mut names = BTreeMap::new();
    for i in 0..reader.tokens.len() {
        if reader.ident(i) != Some("pub") || reader.ident(i + 1) != Some("use") {
            continue;
        }
        let mut at = i + 2;
        if reader.ident(at) == Some("crate") && reader.is(at + 1, "::") {
            at += 2;
        }
        let mut paths = Vec::new();
        reader.tree(at, Vec::new(), &mut paths);
        for path in paths {
            let from_module = path.first().is_some_and(|first| top.contains(first));
            if let (true, Some(name)) = (from_module, path.last()) {
                names.insert(name.clone(), path.clone());
            }
        }
    }
    names
}

/// The layer of a module path: its index in `layers` (the folders below
/// `src/`, lowest first), or `layers.len()` for the facade.
fn layer_of(path: &ModPath, layers: &[&str]) -> usize {
    path.first()
        .and_then(|first| layers.iter().position(|layer| first == layer))
        .unwrap_or(layers.len())
}

/// Every path written against the layers: a module that names a module of
/// a higher layer, or names the facade (including what `lib.rs`
/// re-exports, `crate::Method`) from below it. One line per path, with
/// the file and line that write it.
fn layering(tree: &BTreeMap<String, String>, layers: &[&str]) -> Vec<String> {
    let name = |layer: usize| layers.get(layer).copied().unwrap_or("the facade");
    let (references, _) = references(tree);
    let mut wrong = Vec::new();
    for reference in references {
        let (from, to) = (
            layer_of(&reference.from, layers),
            layer_of(&reference.to, layers),
        );
        if to > from {
            wrong.push(format!(
                "{}:{}: `{}` ({}) names `{}` ({})",
                reference.file,
                reference.line,
                reference.from.join("::"),
                name(from),
                reference.to.join("::"),
                name(to)
            ));
        }
    }
    wrong
}

/// The node of `folder`'s graph a module path falls in: the child it is
/// in, or `root`, the folder's own file (`mod.rs`), for the folder itself
/// and what it declares inline; `None` outside the folder. The crate root
/// itself is no node.
fn node(folder: &ModPath, names: &BTreeSet<String>, root: &str, path: &ModPath) -> Option<String> {
    if !path.starts_with(folder) {
        return None;
    }
    match path.get(folder.len()) {
        Some(child) if names.contains(child) => Some(child.clone()),
        _ if folder.is_empty() => None,
        _ => Some(root.to_owned()),
    }
}

/// One shortest cycle per strongly connected group of modules, written
/// `a -> b -> a` with the path that makes each step.
fn cycles(graph: &Graph) -> Vec<String> {
    let mut seen: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut found = Vec::new();
    let nodes: BTreeSet<&String> = graph.keys().map(|(from, _)| from).collect();
    for start in nodes {
        let Some(cycle) = shortest_cycle(graph, start) else {
            continue;
        };
        let members: BTreeSet<String> = cycle.iter().cloned().collect();
        if !seen.insert(members) {
            continue;
        }
        let mut text = cycle.join(" -> ");
        let _ = write!(text, " -> {start}");
        let steps = cycle.iter().zip(cycle.iter().skip(1).chain([start]));
        for (from, to) in steps {
            let _ = write!(
                text,
                "\n    {from} -> {to}: {}",
                graph[&(from.clone(), to.clone())]
            );
        }
        found.push(text);
    }
    found
}

/// The shortest path from `start` back to itself, `start` first.
fn shortest_cycle(graph: &Graph, start: &String) -> Option<Vec<String>> {
    let mut previous: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for (_, next) in graph.keys().filter(|(from, _)| from == node) {
            if next == start {
                let mut cycle = vec![node.clone()];
                let mut at = node;
                while let Some(before) = previous.get(at) {
                    cycle.push((*before).clone());
                    at = before;
                }
                cycle.reverse();
                return Some(cycle);
            }
            if next != start && !previous.contains_key(next) {
                previous.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------
// The checker itself, on small made-up trees.

fn fake(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect()
}

#[test]
fn a_cycle_between_top_level_modules_is_reported_with_its_paths() {
    let tree = fake(&[
        ("lib.rs", "mod a; mod b; mod c;"),
        ("a.rs", "use crate::{c, b::{Thing, other}};\nfn f() {}"),
        ("b.rs", "fn g() {\n    crate::a::f();\n}"),
        ("c.rs", "pub struct C;"),
    ]);
    let report = check(&tree);
    assert_eq!(report.cycles.len(), 1, "{:?}", report.cycles);
    let cycle = &report.cycles[0];
    assert!(cycle.starts_with("src/: a -> b -> a"), "{cycle}");
    assert!(cycle.contains("a.rs:1 names `b::Thing`"), "{cycle}");
    assert!(cycle.contains("b.rs:2 names `a::f`"), "{cycle}");
}

#[test]
fn a_cycle_between_files_of_one_folder_is_reported() {
    let tree = fake(&[
        ("lib.rs", "mod expand;"),
        (
            "expand/mod.rs",
            "mod x; mod y; mod z; pub(crate) use x::run;",
        ),
        ("expand/x.rs", "use super::y::Y;\npub fn run() {}"),
        (
            "expand/y.rs",
            "pub struct Y;\nfn f() { crate::expand::z::go() }",
        ),
        ("expand/z.rs", "pub fn go() { super::x::run() }"),
    ]);
    let report = check(&tree);
    assert_eq!(report.cycles.len(), 1, "{:?}", report.cycles);
    assert!(
        report.cycles[0].starts_with("src/expand/: x -> y -> z -> x"),
        "{}",
        report.cycles[0]
    );
}

#[test]
fn layered_code_comments_strings_and_test_modules_make_no_cycle() {
    let tree = fake(&[
        ("lib.rs", "mod low; mod high; pub use low::Thing;"),
        (
            "low.rs",
            "/// See [`crate::high::run`].\npub struct Thing;\nconst S: &str = \"crate::high::run\";\nconst R: &str = r#\"crate::high::x\"#;\nfn c() -> char { '\"' }\n/* crate::high::y /* nested */ crate::high::z */\n#[cfg(test)]\nmod tests {\n    use super::*;\n    fn t<'a>(x: &'a Thing) -> &'a Thing { x }\n}",
        ),
        ("high.rs", "use crate::Thing;\npub fn run() { let _ = crate::low::Thing; }"),
    ]);
    let report = check(&tree);
    assert!(report.cycles.is_empty(), "{:?}", report.cycles);
    assert!(report.graphs.contains("high -> low"), "{}", report.graphs);
    assert!(!report.graphs.contains("low -> high"), "{}", report.graphs);
}

#[test]
fn a_module_renamed_with_path_is_the_module_its_file_declares() {
    let tree = fake(&[
        (
            "lib.rs",
            "#[path = \"private.rs\"]\npub mod __private;\nmod core;",
        ),
        ("private.rs", "pub use crate::core::Engine;"),
        (
            "core.rs",
            "pub struct Engine; fn f() { crate::__private::x(); }",
        ),
    ]);
    let report = check(&tree);
    assert_eq!(report.cycles.len(), 1, "{:?}", report.cycles);
    assert!(
        report.cycles[0].contains("__private -> core"),
        "{}",
        report.cycles[0]
    );
}

/// A crate laid out as the runtime is: a core, features, and a facade.
fn layered_crate(core_x: &str, features_f: &str) -> BTreeMap<String, String> {
    fake(&[
        (
            "lib.rs",
            "mod core;\nmod features;\n#[path = \"private.rs\"]\npub mod __private;\npub use crate::core::x::Thing;\npub use crate::features::f;",
        ),
        ("private.rs", "pub use crate::core::x::Thing;\npub use crate::features::f::F;"),
        ("core/mod.rs", "pub(crate) mod x;\npub(crate) mod y;"),
        ("core/x.rs", core_x),
        ("core/y.rs", "pub struct Y;"),
        ("features/mod.rs", "pub mod f;"),
        ("features/f.rs", features_f),
    ])
}

#[test]
fn layers_that_import_downwards_pass() {
    let tree = layered_crate(
        "use super::y::Y;\npub struct Thing(Y);",
        "use crate::core::x::Thing;\npub struct F(Thing);",
    );
    assert_eq!(layering(&tree, &["core", "features"]), Vec::<String>::new());
}

#[test]
fn a_core_module_that_names_a_feature_or_the_facade_is_reported_with_its_line() {
    let tree = layered_crate(
        "use super::y::Y;\nuse crate::features::f::F;\nfn g() { super::super::features::f::h(); }\nfn k() -> crate::Thing { todo!() }\nfn p() { crate::__private::q(); }",
        "pub struct F;",
    );
    assert_eq!(
        layering(&tree, &["core", "features"]),
        [
            "core/x.rs:2: `core::x` (core) names `features::f::F` (features)",
            "core/x.rs:3: `core::x` (core) names `features::f::h` (features)",
            "core/x.rs:4: `core::x` (core) names `Thing` (the facade)",
            "core/x.rs:5: `core::x` (core) names `__private::q` (the facade)",
        ]
    );
}

#[test]
fn a_feature_that_names_the_facade_is_reported() {
    let tree = layered_crate(
        "pub struct Thing;",
        "pub struct F;\n#[cfg(test)]\nmod tests {\n    fn t() { let _ = crate::f::F; }\n}",
    );
    assert_eq!(
        layering(&tree, &["core", "features"]),
        ["features/f.rs:4: `features::f::tests` (features) names `f::F` (the facade)"]
    );
}

#[test]
fn a_name_lib_rs_reexports_resolves_to_its_source_for_the_cycles() {
    let tree = layered_crate(
        "pub struct Thing;",
        "fn g() -> crate::Thing { todo!() }\npub struct F;",
    );
    let report = check(&tree);
    assert!(
        report.graphs.contains("  features -> core\n"),
        "{}",
        report.graphs
    );
    let tree = layered_crate(
        "pub struct Thing;\nfn g() { let _ = crate::f::F; }",
        "fn g() -> crate::Thing { todo!() }\npub struct F;",
    );
    let report = check(&tree);
    assert_eq!(report.cycles.len(), 1, "{}", report.graphs);
    assert!(
        report.cycles[0].starts_with("src/: core -> features -> core"),
        "{}",
        report.cycles[0]
    );
}

#[test]
fn files_over_the_limit_are_named() {
    let long = "fn f() {}\n".repeat(MAX_LINES + 1);
    let tree = fake(&[
        ("lib.rs", "mod long;"),
        ("long.rs", &long),
        ("short.rs", "fn g() {}"),
    ]);
    assert_eq!(
        too_long(&tree),
        [format!("long.rs: {} lines", MAX_LINES + 1)]
    );
}
