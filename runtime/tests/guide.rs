//! Keeps the guide honest.
//!
//! The Rust examples in `README.md` and `docs/*.md` run as doctests (the
//! README as an item under `cfg(doctest)`, the chapters as the modules of
//! `autospec::guide` in `src/lib.rs`). A doctest can check that an example
//! panics, but not what it prints, so every failure message the guide shows
//! sits in a block fenced as ```` ```text failure:NAME ````, and this file
//! runs scenario `NAME` — the code shown above that block — and compares its
//! panic message with the block, character for character. A compile error
//! the guide quotes sits in a block fenced as ```` ```text ui:AREA/CASE ````:
//! its lines must appear, in order, in the lines rustc prints for that
//! ui-test, `ui-tests/tests/ui/AREA/CASE.stderr` (a quote may leave lines
//! out, and `...` marks where).

use std::cell::Cell;
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::Once;

mod support;

/// Each scenario repeats the example shown above its failure block, in a
/// module of its own, since the chapters reuse trait names with other methods.
const SCENARIOS: &[(&str, fn())] = &[
    ("readme-assert-called-with", readme::assert_called_with),
    ("no-default", answers::no_default),
    ("one-shot-used-up", answers::one_shot_used_up),
    ("sealed", answers::sealed),
    ("not-accepted", answers::not_accepted),
    ("assert-called-with", journal::assert_called_with),
    (
        "assert-called-with-never-called",
        journal::assert_called_with_never_called,
    ),
    ("assert-called-once-with", journal::assert_called_once_with),
    ("assert-called", journal_unit_bell::assert_called),
    ("assert-called-once", journal::assert_called_once),
    ("assert-not-called", journal::assert_not_called),
    ("assert-called-times", journal::assert_called_times),
    ("assert-any-call", journal::assert_any_call),
    ("assert-has-calls", journal::assert_has_calls),
    (
        "assert-has-calls-any-order",
        journal::assert_has_calls_any_order,
    ),
    ("assert-awaited", awaits::assert_awaited),
    ("assert-any-await", awaits::assert_any_await),
    ("wait-until-called-times", waits::wait_until_called_times),
    ("wait-until-any-call-with", waits::wait_until_any_call_with),
    ("assert-called-guard", matchers::assert_called_guard),
    ("in-order", matchers::in_order),
    ("assert-dropped", magic::assert_dropped),
    ("sealed-dynamic", magic::sealed_dynamic),
    ("non-callable", magic::non_callable),
    ("calls-real-without-real", spies::calls_real_without_real),
    (
        "generic-without-default",
        signatures::generic_without_default,
    ),
];

mod signatures {
    use autospec::prelude::*;

    #[derive(Debug, Clone, PartialEq)]
    pub(super) struct User {
        #[allow(dead_code)] // the scenario never reads it
        pub(super) name: String,
    }

    #[autospec]
    trait Repository {
        fn get<T: 'static>(&self, key: &str) -> T;
    }

    pub(super) fn generic_without_default() {
        let repo = MockRepository::default();
        let _user: User = repo.get("k");
    }
}

mod matchers {
    use autospec::prelude::*;

    #[autospec]
    trait Store {
        fn put(&self, key: &str, value: Vec<u8>);
        fn get(&self, key: &str) -> Option<String>;
    }

    #[autospec]
    trait Cache {
        fn put(&self, key: &str, value: String);
    }

    pub(super) fn assert_called_guard() {
        let store = MockStore::default();
        store.put("q", vec![]);
        store.put("k", vec![1, 2]);
        assert_called!(store.put("k", v) if v.len() > 3);
    }

    pub(super) fn in_order() {
        let (store, cache) = (MockStore::default(), MockCache::default());
        cache.put("k", "stale".into());
        store.get("k");
        assert_in_order!(store.get("k"), cache.put("k", _));
    }
}

mod magic {
    use autospec::dyn_args;
    use autospec::dynamic::{Mock, NonCallableMock};
    use autospec::prelude::*;

    #[autospec(magic(Drop))]
    #[allow(dead_code)] // the scenario uses the mock only
    trait Connection {}

    pub(super) fn assert_dropped() {
        let conn = MockConnection::default();
        let kept = conn.clone();
        conn.magic.drop.assert_dropped();
        drop(kept);
    }

    pub(super) fn sealed_dynamic() {
        let db = Mock::new("db");
        db.attr("cache").attr("get");
        db.seal();
        db.attr("cache").attr("gte");
    }

    pub(super) fn non_callable() {
        let config = NonCallableMock::new("config");
        config.attr("get").call(dyn_args!["level"]);
        config.as_mock().call(dyn_args![]);
    }
}

mod spies {
    use autospec::prelude::*;

    // Only the child mock is used: the example never calls `now`.
    #[allow(dead_code)]
    #[autospec]
    trait Clock {
        fn now(&self) -> u64;
    }

    pub(super) fn calls_real_without_real() {
        let clock = MockClock::default();
        clock.now.calls_real();
    }
}

mod readme {
    use autospec::prelude::*;

    #[autospec]
    trait Store {
        fn get(&self, key: &str) -> Option<String>;
    }

    pub(super) fn assert_called_with() {
        let store = MockStore::default();
        store.get("k");
        store.get.assert_called_with(("q",));
    }
}

mod answers {
    use autospec::prelude::*;

    pub(super) struct Connection;

    #[autospec]
    trait Pool {
        fn connect(&self, url: &str) -> Connection;
    }

    #[autospec]
    trait Dice {
        fn roll(&self) -> u8;
    }

    #[autospec]
    trait Store {
        fn get(&self, key: &str) -> Option<String>;
        fn delete(&self, key: &str);
    }

    pub(super) fn no_default() {
        let pool = MockPool::default();
        pool.connect("db://primary");
    }

    pub(super) fn one_shot_used_up() {
        let dice = MockDice::default();
        dice.roll.returns_each([3, 5]);
        dice.roll();
        dice.roll();
        dice.roll();
    }

    pub(super) fn sealed() {
        let store = MockStore::strict();
        store.get.returns(None);
        assert_eq!(store.get("k"), None);
        store.delete("k");
    }

    pub(super) fn not_accepted() {
        let store = MockStore::default();
        store.get.accepts(("config",));
        store.get.accepts(args!(starts_with("user:")));
        store.get("config");
        store.get("user:ana");
        store.get("password");
    }
}

mod journal {
    use autospec::prelude::*;

    #[autospec]
    #[allow(dead_code)] // like the guide's examples, the scenarios never call `put`
    trait Store {
        fn get(&self, key: &str) -> Option<String>;
        fn put(&self, key: &str, value: Vec<u8>);
    }

    #[autospec]
    trait Bell {
        fn ring(&self, times: u8);
    }

    /// Two calls of `get`, with "a" then "b": the journal most examples show.
    fn store_with_a_and_b() -> MockStore {
        let store = MockStore::default();
        store.get("a");
        store.get("b");
        store
    }

    pub(super) fn assert_called_with() {
        store_with_a_and_b().get.assert_called_with(("a",));
    }

    pub(super) fn assert_called_with_never_called() {
        MockStore::default().put.assert_called_with(("k", [1, 2]));
    }

    pub(super) fn assert_called_once_with() {
        store_with_a_and_b().get.assert_called_once_with(("b",));
    }

    pub(super) fn assert_any_call() {
        store_with_a_and_b().get.assert_any_call(("z",));
    }

    pub(super) fn assert_has_calls() {
        store_with_a_and_b().get.assert_has_calls([("b",), ("a",)]);
    }

    pub(super) fn assert_has_calls_any_order() {
        store_with_a_and_b()
            .get
            .assert_has_calls_any_order([("b",), ("c",)]);
    }

    pub(super) fn assert_called_once() {
        let bell = MockBell::default();
        bell.ring(1);
        bell.ring(2);
        bell.ring.assert_called_once();
    }

    pub(super) fn assert_not_called() {
        let bell = MockBell::default();
        bell.ring(3);
        bell.ring.assert_not_called();
    }

    pub(super) fn assert_called_times() {
        let bell = MockBell::default();
        bell.ring(1);
        bell.ring(2);
        bell.ring.assert_called_times(1..=2);
        bell.ring.assert_called_times(3..);
    }
}

/// The guide's `assert_called` example uses a `Bell` whose `ring` takes no argument.
mod journal_unit_bell {
    use autospec::prelude::*;

    #[autospec]
    #[allow(dead_code)] // the example asserts on `ring` without calling it
    trait Bell {
        fn ring(&self);
    }

    pub(super) fn assert_called() {
        let bell = MockBell::default();
        bell.ring.assert_called();
    }
}

/// The examples of `docs/async.md`.
mod awaits {
    use autospec::prelude::*;

    #[autospec]
    trait Fetcher {
        async fn fetch(&self, url: &str) -> Option<String>;
    }

    pub(super) fn assert_awaited() {
        let fetcher = MockFetcher::default();
        drop(fetcher.fetch("/never"));
        fetcher.fetch.assert_awaited();
    }

    pub(super) fn assert_any_await() {
        let fetcher = MockFetcher::default();
        let _ = super::support::block_on(fetcher.fetch("/a"));
        drop(fetcher.fetch("/b"));
        fetcher.fetch.assert_any_await(("/b",));
    }
}

/// The examples of `docs/threads-and-waits.md`.
mod waits {
    use autospec::prelude::*;
    use std::time::Duration;

    #[autospec]
    trait Sink {
        fn push(&self, sample: u32);
    }

    pub(super) fn wait_until_called_times() {
        let sink = MockSink::default();
        sink.push(1);
        sink.push
            .wait_until_called_times(2, Duration::from_millis(50));
    }

    pub(super) fn wait_until_any_call_with() {
        let sink = MockSink::default();
        sink.push(1);
        sink.push(2);
        sink.push
            .wait_until_any_call_with((3,), Duration::from_millis(20));
    }
}

/// A wait's failure says how long it really waited, which no two runs
/// agree on: both texts keep `timed out after <elapsed>` for comparing.
fn without_elapsed(message: &str) -> String {
    const MARK: &str = "timed out after ";
    let Some(start) = message.find(MARK).map(|at| at + MARK.len()) else {
        return message.to_owned();
    };
    let end = message[start..]
        .find(".\n")
        .map_or(message.len(), |at| start + at);
    format!("{}<elapsed>{}", &message[..start], &message[end..])
}

#[test]
fn failure_messages_in_the_guide_are_the_ones_the_runtime_prints() {
    let blocks = failure_blocks();
    let mut problems = Vec::new();
    for block in &blocks {
        let Some((_, scenario)) = SCENARIOS.iter().find(|(name, _)| *name == block.name) else {
            problems.push(format!(
                "{}: no scenario `{}` in tests/guide.rs",
                block.place, block.name
            ));
            continue;
        };
        match panic_message(*scenario) {
            None => problems.push(format!(
                "{}: scenario `{}` did not panic",
                block.place, block.name
            )),
            Some(printed) if without_elapsed(&printed) != without_elapsed(&block.text) => problems
                .push(format!(
                    "{}: the guide shows\n{}\nbut scenario `{}` prints\n{}",
                    block.place, block.text, block.name, printed
                )),
            Some(_) => {}
        }
    }
    for (name, _) in SCENARIOS {
        match blocks.iter().filter(|block| block.name == *name).count() {
            1 => {}
            0 => problems.push(format!("scenario `{name}` is shown by no failure block")),
            n => problems.push(format!("scenario `{name}` is shown by {n} failure blocks")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn compile_errors_in_the_guide_are_the_ones_rustc_prints() {
    let mut problems = Vec::new();
    let mut quotes = 0;
    for file in guide_files() {
        let text = std::fs::read_to_string(&file).expect("read a guide file");
        let shown = file
            .strip_prefix(root())
            .expect("a file under the root")
            .display()
            .to_string();
        for (place, case, quote) in ui_quotes_in(&shown, &text) {
            quotes += 1;
            let path = root().join(format!("ui-tests/tests/ui/{case}.stderr"));
            let Ok(stderr) = std::fs::read_to_string(&path) else {
                problems.push(format!(
                    "{place}: there is no ui-test `{case}` (ui-tests/tests/ui/{case}.stderr)"
                ));
                continue;
            };
            if let Some(line) = first_unmatched(&quote, &stderr) {
                problems.push(format!(
                    "{place}: rustc's output for `{case}` has no line `{line}` at that place; it prints\n{stderr}"
                ));
            }
        }
    }
    assert!(
        quotes > 0,
        "no ```text ui:AREA/CASE block found: is the fence still read?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The first line of `quote` (`...` aside) that is not part of a line of
/// `stderr` after the lines the ones before it matched.
fn first_unmatched<'q>(quote: &'q str, stderr: &str) -> Option<&'q str> {
    let mut printed = stderr.lines();
    quote
        .lines()
        .filter(|line| line.trim() != "...")
        .find(|line| !printed.any(|printed| printed.contains(line)))
}

/// The ```` ```text ui:AREA/CASE ```` blocks of a markdown text: their
/// place, case and text.
fn ui_quotes_in(file: &str, markdown: &str) -> Vec<(String, String, String)> {
    let mut quotes = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let case = info
            .split([' ', ','])
            .find_map(|word| word.strip_prefix("ui:"));
        let body: Vec<&str> = lines
            .by_ref()
            .map(|(_, line)| line)
            .take_while(|line| *line != "```")
            .collect();
        if let Some(case) = case {
            quotes.push((
                format!("{file}:{}", index + 1),
                case.to_owned(),
                body.join("\n"),
            ));
        }
    }
    quotes
}

#[test]
fn a_quote_of_rustc_may_leave_lines_out_but_not_change_them() {
    let stderr = "error: one\n  |\n2 | code\n  = note: two";
    assert_eq!(
        first_unmatched("error: one\n...\n= note: two", stderr),
        None
    );
    assert_eq!(first_unmatched("one\n2 | code", stderr), None);
    assert_eq!(
        first_unmatched("= note: two\nerror: one", stderr),
        Some("error: one")
    );
    assert_eq!(
        first_unmatched("error: three", stderr),
        Some("error: three")
    );
}

/// The README's advice, `#[cfg_attr(test, autospec::autospec)]`: test builds,
/// this one included, get the mock without importing anything.
mod cfg_attr_pattern {
    #[cfg_attr(test, autospec::autospec)]
    pub(crate) trait Store {
        fn get(&self, key: &str) -> Option<String>;
    }

    #[test]
    fn generates_the_mock_in_test_builds() {
        let store = MockStore::default();
        assert_eq!(store.get("k"), None);
        store.get.assert_called_once_with(("k",));
    }
}

/// One ```` ```text failure:NAME ```` block.
struct FailureBlock {
    /// `docs/answers.md:120`, the line of the opening fence.
    place: String,
    name: String,
    /// The block's lines joined by `\n`, without a final newline.
    text: String,
}

/// The repository root, which holds `README.md` and `docs/`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("runtime/ has a parent")
        .to_path_buf()
}

/// `README.md`, then every chapter of `docs/` in name order.
fn guide_files() -> Vec<PathBuf> {
    let mut chapters: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("read docs/")
        .map(|entry| entry.expect("list docs/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    chapters.sort();
    chapters.insert(0, root().join("README.md"));
    chapters
}

fn failure_blocks() -> Vec<FailureBlock> {
    let mut blocks = Vec::new();
    for file in guide_files() {
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|error| panic!("read {}: {error}", file.display()));
        let shown = file
            .strip_prefix(root())
            .expect("a file under the root")
            .display()
            .to_string();
        blocks.extend(failure_blocks_in(&shown, &text));
    }
    blocks
}

fn failure_blocks_in(file: &str, markdown: &str) -> Vec<FailureBlock> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let name = info
            .split([' ', ','])
            .find_map(|word| word.strip_prefix("failure:"));
        let body: Vec<&str> = lines
            .by_ref()
            .map(|(_, line)| line)
            .take_while(|line| *line != "```")
            .collect();
        if let Some(name) = name {
            let place = format!("{file}:{}", index + 1);
            blocks.push(FailureBlock {
                place,
                name: name.to_owned(),
                text: body.join("\n"),
            });
        }
    }
    blocks
}

thread_local! {
    /// Set while a scenario runs: its expected panic should not be printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `scenario` and returns its panic message, or `None` if it returned.
///
/// The panic hook is process-wide, so it stays silent only on the thread
/// that runs a scenario, and only meanwhile; other tests' failures still print.
fn panic_message(scenario: fn()) -> Option<String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let outcome = panic::catch_unwind(scenario);
    QUIET.with(|quiet| quiet.set(false));
    let payload = outcome.err()?;
    let message = match (
        payload.downcast_ref::<String>(),
        payload.downcast_ref::<&str>(),
    ) {
        (Some(message), _) => message.clone(),
        (None, Some(message)) => (*message).to_owned(),
        (None, None) => "<a panic payload that is not a string>".to_owned(),
    };
    Some(message)
}
