//! What the guide says about limits, orders and messages, where no other
//! suite pins it: each test names the claim, and its comment the chapter
//! that makes it, so that a change of behaviour fails here and points at
//! the text to change.
#![allow(missing_docs)]

mod support;

use autospec::prelude::*;
use std::sync::Arc;
use support::{block_on, panic_message};

/// `#[async_trait]` with `#[autospec]` above it, under it, and restated in
/// `mock!` (signatures.md `#[async_trait]`, async.md, migrating-from-mockall.md).
mod async_trait_order {
    use autospec::prelude::*;

    #[autospec]
    #[async_trait::async_trait]
    pub trait Below: Send + Sync {
        async fn send(&self, to: &str) -> bool;
    }

    #[async_trait::async_trait]
    #[autospec]
    pub trait Above: Send + Sync {
        async fn send(&self, to: &str) -> bool;
    }

    #[async_trait::async_trait]
    pub trait Restated: Send + Sync {
        async fn send(&self, to: &str) -> bool;
    }

    autospec::mock! {
        #[async_trait::async_trait]
        pub MockRestated: Restated {
            async fn send(&self, to: &str) -> bool;
        }
    }
}

#[test]
fn autospec_above_async_trait_journals_a_call_at_its_first_poll() {
    use async_trait_order::{Below, MockBelow};
    let mock = MockBelow::default();
    mock.send.returns(true);
    let shared: Arc<dyn Below> = Arc::new(mock.clone());
    drop(shared.send("dropped"));
    mock.send.assert_not_called();
    assert!(block_on(shared.send("ana")));
    mock.send.assert_called_once_with(("ana",));
    mock.send.assert_awaited_once_with(("ana",));
}

#[test]
fn async_trait_above_autospec_journals_a_call_when_it_is_made() {
    use async_trait_order::{Above, MockAbove};
    let mock = MockAbove::default();
    mock.send.returns(true);
    let shared: Arc<dyn Above> = Arc::new(mock.clone());
    drop(shared.send("dropped"));
    mock.send.assert_called_once_with(("dropped",));
    mock.send.assert_not_awaited();
    assert!(block_on(shared.send("ana")));
    mock.send.assert_awaited_once_with(("ana",));
}

#[test]
fn a_trait_restated_with_async_trait_journals_a_call_at_its_first_poll() {
    use async_trait_order::{MockRestated, Restated};
    let mock = MockRestated::default();
    mock.send.returns(true);
    let shared: Arc<dyn Restated> = Arc::new(mock.clone());
    drop(shared.send("dropped"));
    mock.send.assert_not_called();
    assert!(block_on(shared.send("ana")));
    mock.send.assert_awaited_once_with(("ana",));
}

/// answers.md, "When nothing answers": the count is of the answers queued
/// since the queue was last empty.
#[test]
fn the_used_up_count_adds_up_answers_queued_while_others_wait() {
    #[autospec]
    trait Dice {
        fn roll(&self) -> u8;
    }
    let dice = MockDice::default();
    dice.roll.returns_once(1);
    dice.roll();
    dice.roll.returns_once(2);
    dice.roll();
    assert!(panic_message(|| {
        dice.roll();
    })
    .starts_with("MockDice.roll(): its 1 one-shot answer "));

    let dice = MockDice::default();
    dice.roll.returns_each([1, 2]);
    dice.roll();
    dice.roll.returns_once(3);
    dice.roll();
    dice.roll();
    assert!(panic_message(|| {
        dice.roll();
    })
    .starts_with("MockDice.roll(): its 3 one-shot answers "));
}

/// patching.md, "Generic functions": the copy that `calls_original()` runs
/// returns the type the attribute names for an `impl Trait` return.
mod text {
    #[autospec::autospec(impl Iterator<Item = char> = std::vec::IntoIter<char>)]
    pub fn letters(word: impl Into<String>) -> impl Iterator<Item = char> {
        word.into().chars().collect::<Vec<_>>().into_iter()
    }
}

#[test]
fn calls_original_runs_the_body_of_a_converting_function_that_returns_impl_trait() {
    let letters = patch!(text::letters);
    letters.calls_original();
    assert_eq!(text::letters("ab").collect::<String>(), "ab");
    letters.returns_once(vec!['z'].into_iter());
    assert_eq!(text::letters("cd").collect::<String>(), "z");
    letters.assert_has_calls([("ab",), ("cd",)]);
}

/// matchers.md, the table of matchers: `pred(f)` is shown as `a
/// predicate`, a closure written in `args!` as its source.
#[test]
fn pred_shows_as_a_predicate_and_a_closure_in_args_as_its_source() {
    #[autospec]
    trait Store {
        fn put(&self, key: &str, size: u32);
    }
    let store = MockStore::default();
    store.put("k", 1);
    let message = panic_message(|| {
        store
            .put
            .assert_called_with(args!(pred(|key: &String| key.len() > 3), _));
    });
    assert!(
        message.contains("Expected: put(a predicate, _)"),
        "{message}"
    );
    let message = panic_message(|| {
        store
            .put
            .assert_called_with(args!(|key: &String| key.len() > 3, _));
    });
    assert!(
        message.contains("Expected: put(|key: &String| key.len() > 3, _)"),
        "{message}"
    );
}

/// signatures.md, the summary table: `returns_async` answers each async
/// form with a future.
#[test]
fn returns_async_answers_every_async_form() {
    use std::future::Future;
    use std::pin::Pin;

    #[autospec]
    trait Feed {
        async fn next(&self) -> u8;
        fn later(&self) -> impl Future<Output = u8> + Send;
        fn boxed(&self) -> Pin<Box<dyn Future<Output = u8> + Send + '_>>;
    }
    let feed = MockFeed::default();
    feed.next.returns_async(|()| async { 1 });
    feed.later.returns_async(|()| async { 2 });
    feed.boxed.returns_async(|()| async { 3 });
    assert_eq!(
        block_on(feed.next()) + block_on(feed.later()) + block_on(feed.boxed()),
        6
    );
}

/// getting-started.md and journal-and-assertions.md: `Debug` of a mock
/// shows each call and what it returned.
#[test]
fn debug_of_a_mock_shows_what_each_call_returned() {
    #[autospec]
    trait Clock {
        fn now(&self) -> u64;
    }
    let clock = MockClock::default();
    clock.now.returns(42);
    clock.now();
    assert_eq!(format!("{clock:?}"), "MockClock { calls: [now() -> 42] }");
}

/// README.md, getting-started.md, migrating-from-mockall.md: `new()` and
/// `strict()` need no import, and step aside for a method of that name.
mod constructors_without_import {
    #[autospec::autospec]
    pub trait Store {
        fn get(&self, key: &str) -> Option<String>;
    }

    #[autospec::autospec]
    pub trait Connection {
        fn new(url: &str) -> Self
        where
            Self: Sized;
    }

    #[test]
    fn new_and_strict_need_no_import() {
        let store = MockStore::new();
        assert_eq!(store.get("k"), None);
        let strict = MockStore::strict();
        assert!(autospec::Mock::is_sealed(&strict));
    }

    #[test]
    fn a_trait_s_own_new_is_the_mocked_constructor() {
        let class = MockConnection::class();
        let _connection = MockConnection::new("db://a");
        class.new.assert_called_once_with(("db://a",));
    }
}
