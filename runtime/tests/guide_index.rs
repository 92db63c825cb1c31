//! Keeps the guide's chapters, its three lists of them and its links in
//! step.
//!
//! The chapters are `docs/*.md`; `runtime/guide` links to `docs/` so that
//! the published crate carries them, and `src/lib.rs` includes each as a
//! module of `autospec::guide`, which docs.rs renders. Three lists name the
//! chapters in reading order: the guide's index (`docs/README.md`, the page
//! of `autospec::guide`), the crate's front page (`src/lib.rs`) and the
//! README. A link must work where the text is read: on docs.rs for the
//! chapters and the front page, on crates.io for the README.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the README's links to the guide point.
const DOCS_RS: &str = "https://docs.rs/autospec/latest/autospec/";

/// The repository root, which holds `README.md` and `docs/`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("runtime/ has a parent")
        .to_path_buf()
}

fn read(relative: &str) -> String {
    fs::read_to_string(root().join(relative))
        .unwrap_or_else(|error| panic!("read {relative}: {error}"))
}

/// The chapter files of `docs/` (its `README.md`, the index, aside), by
/// file stem.
fn chapter_files() -> BTreeSet<String> {
    fs::read_dir(root().join("docs"))
        .expect("read docs/")
        .map(|entry| entry.expect("list docs/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| {
            path.file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .filter(|stem| stem != "README")
        .collect()
}

/// The modules of `autospec::guide` in `src/lib.rs`, in order: (module,
/// chapter file stem), from `pub mod NAME {` and the `include_str!` of the
/// `#![doc]` line that follows it.
fn guide_modules() -> Vec<(String, String)> {
    let lib = read("runtime/src/lib.rs");
    let start = lib
        .find("pub mod guide {")
        .expect("src/lib.rs declares `pub mod guide`");
    let mut modules = Vec::new();
    let mut lines = lib[start..].lines().skip(1);
    while let Some(line) = lines.next() {
        if line == "}" {
            break; // the end of `mod guide`
        }
        let line = line.trim();
        let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|rest| rest.strip_suffix(" {"))
        else {
            continue;
        };
        let doc = lines.next().unwrap_or_default().trim();
        let file = doc
            .strip_prefix("#![doc = include_str!(\"../guide/")
            .and_then(|rest| rest.strip_suffix(".md\")]"))
            .unwrap_or_else(|| panic!("`pub mod {name}` is not followed by `#![doc = include_str!(\"../guide/FILE.md\")]`: {doc}"));
        modules.push((name.to_owned(), file.to_owned()));
    }
    modules
}

/// The chapter modules in reading order, as `src/lib.rs` declares them.
fn reading_order() -> Vec<String> {
    guide_modules().into_iter().map(|(name, _)| name).collect()
}

fn module_of(file: &str) -> Option<String> {
    guide_modules()
        .into_iter()
        .find(|(_, stem)| stem == file)
        .map(|(name, _)| name)
}

#[test]
fn every_chapter_is_a_module_of_the_guide() {
    let modules = guide_modules();
    let included: Vec<&str> = modules.iter().map(|(_, file)| file.as_str()).collect();
    let unique: BTreeSet<String> = included.iter().map(|file| (*file).to_owned()).collect();
    assert_eq!(
        unique.len(),
        included.len(),
        "a chapter is included twice: {included:?}"
    );
    let files = chapter_files();
    let missing: Vec<&String> = files.difference(&unique).collect();
    let stale: Vec<&String> = unique.difference(&files).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/ and the modules of `autospec::guide` in src/lib.rs disagree:\n\
         chapters with no module: {missing:?}\nmodules with no chapter: {stale:?}"
    );
    let lib = read("runtime/src/lib.rs");
    assert!(
        lib.contains("pub mod guide {\n    #![doc = include_str!(\"../guide/README.md\")]"),
        "the guide's own page is docs/README.md, its index"
    );
}

#[test]
fn the_package_reaches_the_chapters_through_runtime_guide() {
    let linked = fs::canonicalize(root().join("runtime/guide")).expect("runtime/guide exists");
    let docs = fs::canonicalize(root().join("docs")).expect("docs/ exists");
    assert_eq!(linked, docs, "runtime/guide must be a link to ../docs");
    let manifest = read("runtime/Cargo.toml");
    assert!(
        manifest.lines().any(|line| line.starts_with("include = ") && line.contains("\"guide/*.md\"")),
        "runtime/Cargo.toml's `include` must list \"guide/*.md\", or docs.rs builds without the chapters"
    );
}

/// The targets of the inline links (`[text](target)`) and images of a
/// markdown text, outside code blocks and code spans, each with its line.
fn links(markdown: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut in_code_block = false;
    for (index, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code_block = !in_code_block;
            continue;
        }
        if in_code_block {
            continue;
        }
        let mut in_code_span = false;
        let mut rest = line;
        while let Some(at) = rest.find(['`', ']']) {
            let (mark, after) = (&rest[at..=at], &rest[at + 1..]);
            if mark == "`" {
                in_code_span = !in_code_span;
            } else if !in_code_span {
                if let Some(target) = after
                    .strip_prefix('(')
                    .and_then(|target| target.split_once(')'))
                {
                    found.push((index + 1, target.0.to_owned()));
                }
            }
            rest = after;
        }
    }
    found
}

/// The id rustdoc (and crates.io) gives a heading of this text: letters,
/// digits, `-` and `_` kept and lowercased, ASCII spaces as `-`, the rest
/// dropped.
fn heading_id(text: &str) -> String {
    // A link in a heading counts by its text.
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        plain.push_str(&rest[..at]);
        rest = rest[at..].split_once(')').map_or("", |(_, after)| after);
    }
    plain.push_str(rest);
    plain
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_ascii_lowercase())
            } else if c.is_ascii_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// The ids of a markdown text's headings; a repeated one gets `-1`, `-2`, ..
fn heading_ids(markdown: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut in_code_block = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code_block = !in_code_block;
        }
        let Some(text) = (!in_code_block)
            .then(|| line.trim_start_matches('#'))
            .filter(|text| text.len() < line.len() && text.starts_with(' '))
        else {
            continue;
        };
        let id = heading_id(text.trim());
        let mut unique = id.clone();
        let mut n = 0;
        while !ids.insert(unique.clone()) {
            n += 1;
            unique = format!("{id}-{n}");
        }
    }
    ids
}

/// The heading ids of the chapter of module `name`.
fn chapter_ids(name: &str) -> Option<BTreeSet<String>> {
    let (_, file) = guide_modules()
        .into_iter()
        .find(|(module, _)| module == name)?;
    Some(heading_ids(&read(&format!("docs/{file}.md"))))
}

/// Checks a link to chapter `module` with an optional `#fragment`.
fn check_chapter_link(
    place: &str,
    module: &str,
    fragment: Option<&str>,
    problems: &mut Vec<String>,
) {
    let Some(ids) = chapter_ids(module) else {
        problems.push(format!("{place}: no chapter module `{module}`"));
        return;
    };
    if let Some(fragment) = fragment.filter(|fragment| !ids.contains(*fragment)) {
        problems.push(format!(
            "{place}: the chapter `{module}` has no heading `#{fragment}`"
        ));
    }
}

#[test]
fn every_link_of_the_guide_works_on_docs_rs() {
    let mut problems = Vec::new();
    for file in chapter_files().into_iter().chain(["README".to_owned()]) {
        let text = read(&format!("docs/{file}.md"));
        let own = heading_ids(&text);
        for (line, target) in links(&text) {
            let place = format!("docs/{file}.md:{line}: ({target})");
            let (path, fragment) = match target.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (target.as_str(), None),
            };
            if path.is_empty() {
                if let Some(fragment) = fragment.filter(|fragment| !own.contains(*fragment)) {
                    problems.push(format!(
                        "{place}: this chapter has no heading `#{fragment}`"
                    ));
                }
            } else if let Some(module) = path.strip_prefix("crate::guide::") {
                check_chapter_link(&place, module, fragment, &mut problems);
            } else if path.starts_with("crate::") || path.starts_with("https://docs.rs/") {
                // Items: `cargo doc` with `-D warnings` checks them.
            } else {
                problems.push(format!(
                    "{place}: a link to a file or site that docs.rs does not serve; \
                     link a chapter as `crate::guide::{}`, an item as `crate::Item`",
                    module_of(path.trim_end_matches(".md")).unwrap_or_else(|| "NAME".to_owned())
                ));
            }
        }
    }
    let lib = read("runtime/src/lib.rs");
    let front: String = front_page(&lib);
    for (line, target) in links(&front) {
        if let Some(rest) = target.strip_prefix("guide::") {
            let (module, fragment) = rest
                .split_once('#')
                .map_or((rest, None), |(m, f)| (m, Some(f)));
            check_chapter_link(
                &format!("src/lib.rs front page, line {line}"),
                module,
                fragment,
                &mut problems,
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_link_of_the_readme_works_on_crates_io() {
    // crates.io shows the README without the repository around it: a
    // relative link would lead nowhere.
    let readme = read("README.md");
    let own = heading_ids(&readme);
    let mut problems = Vec::new();
    for (line, target) in links(&readme) {
        let place = format!("README.md:{line}: ({target})");
        if let Some(fragment) = target.strip_prefix('#') {
            if !own.contains(fragment) {
                problems.push(format!("{place}: the README has no heading `#{fragment}`"));
            }
        } else if let Some(rest) = target.strip_prefix(&format!("{DOCS_RS}guide/")) {
            let (page, fragment) = rest
                .split_once('#')
                .map_or((rest, None), |(p, f)| (p, Some(f)));
            match page.strip_suffix("/index.html") {
                Some(module) => check_chapter_link(&place, module, fragment, &mut problems),
                None if page == "index.html" => {}
                None => problems.push(format!(
                    "{place}: a chapter's page is `guide/NAME/index.html`"
                )),
            }
        } else if !target.starts_with("https://") {
            problems.push(format!(
                "{place}: not a link crates.io can follow; link the docs.rs page"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `//!` lines of `src/lib.rs`, the crate's front page, as markdown.
fn front_page(lib: &str) -> String {
    lib.lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The section of `markdown` under the heading `heading`, up to the next
/// heading of the same level.
fn section(markdown: &str, heading: &str) -> String {
    let text = format!("\n{markdown}");
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no heading `{heading}`"));
    let body = &text[start + heading.len() + 2..];
    let level = heading.split(' ').next().unwrap_or_default();
    let end = body.find(&format!("\n{level} ")).unwrap_or(body.len());
    body[..end].to_owned()
}

/// The chapter modules that a list links to, in the order of their first
/// link, read from targets that start with `prefix` and end where the
/// module's name does.
fn listed(list: &str, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, target) in links(list) {
        let Some(rest) = target.strip_prefix(prefix) else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // `guide/index.html` is the index itself, not a chapter.
        if rest[name.len()..].starts_with('.') {
            continue;
        }
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[test]
fn the_index_the_front_page_and_the_readme_list_every_chapter_in_reading_order() {
    let order = reading_order();
    let lib = read("runtime/src/lib.rs");
    let lists = [
        (
            "the guide's index, docs/README.md",
            listed(&read("docs/README.md"), "crate::guide::"),
        ),
        (
            "the front page's `# The guide`, src/lib.rs",
            listed(&section(&front_page(&lib), "# The guide"), "guide::"),
        ),
        (
            "the README's `## Guide`",
            listed(
                &section(&read("README.md"), "## Guide"),
                &format!("{DOCS_RS}guide/"),
            ),
        ),
    ];
    let mut problems = Vec::new();
    for (name, list) in lists {
        if list != order {
            problems.push(format!("{name} lists\n  {list:?}\nbut the modules of src/lib.rs are, in order,\n  {order:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_placeholder_url_is_left() {
    // The repository of this URL does not exist; docs.rs and crates.io
    // links are real once the crates are published.
    let files = [
        "Cargo.toml",
        "runtime/Cargo.toml",
        "macros/Cargo.toml",
        "README.md",
        "macros/README.md",
        "runtime/src/lib.rs",
    ];
    let chapters = chapter_files()
        .into_iter()
        .map(|file| format!("docs/{file}.md"));
    let mut found = Vec::new();
    for file in files
        .into_iter()
        .map(str::to_owned)
        .chain(chapters)
        .chain(["docs/README.md".to_owned()])
    {
        for (index, line) in read(&file).lines().enumerate() {
            let manifest_field = file.ends_with("Cargo.toml") && line.starts_with("repository");
            if line.contains("github.com/autospec-rs") || manifest_field {
                found.push(format!("{file}:{}: {line}", index + 1));
            }
        }
    }
    assert!(found.is_empty(), "placeholder URLs:\n{}", found.join("\n"));
}

/// A measured ratio, such as `0.41×`, `1.3x` or `1.09x`.
fn ratios(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    for (at, window) in chars.windows(2).enumerate() {
        let times = window[1] == '×'
            || (window[1] == 'x' && !chars.get(at + 2).is_some_and(|c| c.is_alphanumeric()));
        if window[0].is_ascii_digit() && times {
            let start = chars[..=at]
                .iter()
                .rposition(|c| !(c.is_ascii_digit() || *c == '.'))
                .map_or(0, |p| p + 1);
            found.push(chars[start..at + 2].iter().collect());
        }
    }
    found
}

#[test]
fn measured_numbers_live_in_the_performance_chapter_only() {
    // The benchmark writes docs/performance.md; a figure copied elsewhere
    // goes stale at the next measurement. The chapters link to it; the
    // README's headline figures (crates.io shows no chapter) must each be
    // a figure of docs/performance.md as it stands.
    let measured = ratios(&read("docs/performance.md"));
    let chapters = chapter_files()
        .into_iter()
        .filter(|file| file != "performance")
        .map(|file| format!("docs/{file}.md"));
    let mut found = Vec::new();
    for file in chapters.chain(["README.md".to_owned(), "docs/README.md".to_owned()]) {
        for (index, line) in read(&file).lines().enumerate() {
            for ratio in ratios(line) {
                if file == "README.md" && measured.contains(&ratio) {
                    continue;
                }
                found.push(format!("{file}:{}: {ratio}", index + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "measured ratios outside docs/performance.md, or README figures that it does not state; \
         link its section instead, or copy the figure as it stands:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checks_read_markdown_as_rustdoc_does() {
    assert_eq!(
        heading_id("`returns_with`: compute the answer from the arguments"),
        "returns_with-compute-the-answer-from-the-arguments"
    );
    assert_eq!(
        heading_id("`&mut T` from `&mut self`"),
        "mut-t-from-mut-self"
    );
    assert_eq!(
        heading_id("Several blocks for one type: `part = 2`"),
        "several-blocks-for-one-type-part--2"
    );
    assert_eq!(
        heading_ids("# A\n```\n# not a heading\n```\n## A\n"),
        BTreeSet::from(["a".to_owned(), "a-1".to_owned()])
    );
    assert_eq!(
        links("see [a](x.md) and `[b](y.md)`\n```\n[c](z.md)\n```\n![d](e.svg)"),
        [(1, "x.md".to_owned()), (5, "e.svg".to_owned())]
    );
    assert_eq!(
        ratios("0.41× mockall's, 1.3x to 1.6x, 0x1f and 2 x 3"),
        ["0.41×", "1.3x", "1.6x"]
    );
    assert_eq!(section("# A\nx\n## B\ny\n# C\nz", "# A"), "x\n## B\ny");
}
