//! The await journal of async methods (Python's `AsyncMock`).
#![allow(async_fn_in_trait, missing_docs)]

mod support;

use autospec::prelude::*;
use support::{block_on, panic_message};

#[autospec]
pub trait Fetcher {
    async fn fetch(&self, url: &str) -> Result<String, String>;
    fn ping(&self) -> impl std::future::Future<Output = bool> + Send;
    fn boxed(&self, n: u8) -> std::pin::Pin<Box<dyn std::future::Future<Output = u8> + Send>>;
}

#[autospec]
#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, to: &str) -> bool;
}

/// Code under test: retries until a fetch succeeds, at most three times.
async fn fetch_with_retries(fetcher: &impl Fetcher, url: &str) -> Option<String> {
    for _ in 0..3 {
        if let Ok(body) = fetcher.fetch(url).await {
            return Some(body);
        }
    }
    None
}

#[test]
fn a_retry_loop_is_checked_through_the_await_journal() {
    let fetcher = MockFetcher::default();
    fetcher
        .fetch
        .returns_each([Err("503".into()), Err("503".into()), Ok("body".into())]);
    assert_eq!(
        block_on(fetch_with_retries(&fetcher, "/x")),
        Some("body".into())
    );
    assert_eq!(fetcher.fetch.await_count(), 3);
    fetcher.fetch.assert_has_awaits([("/x",), ("/x",), ("/x",)]);
    fetcher.fetch.assert_awaited_with(("/x",));
}

#[test]
fn a_future_dropped_unpolled_is_called_but_not_awaited() {
    let fetcher = MockFetcher::default();
    fetcher.fetch.returns(Ok(String::new()));
    drop(fetcher.fetch("/never"));
    fetcher.fetch.assert_called_once_with(("/never",));
    fetcher.fetch.assert_not_awaited();
    assert_eq!(
        panic_message(|| fetcher.fetch.assert_awaited()),
        "MockFetcher.fetch: expected at least 1 await, got 0.\n\
         Awaited (0): []\n\
         Calls: [fetch(\"/never\")]"
    );
}

#[test]
fn every_async_form_journals_its_awaits() {
    let fetcher = MockFetcher::default();
    fetcher.ping.returns(true);
    fetcher.boxed.returns_with(|n| n * 2);
    assert!(block_on(fetcher.ping()));
    assert_eq!(block_on(fetcher.boxed(4)), 8);
    let pending = fetcher.boxed(5);
    fetcher.ping.assert_awaited_once();
    fetcher.boxed.assert_awaited_once_with((4,));
    assert_eq!(block_on(pending), 10);
    assert_eq!(fetcher.boxed.await_args_list(), [(4,), (5,)]);
    fetcher.boxed.assert_any_await((5,));

    let mailer = MockMailer::default();
    mailer.send.returns(true);
    assert!(block_on(mailer.send("ana")));
    mailer.send.assert_awaited_once_with(("ana",));
}

#[test]
fn await_assertions_name_what_was_awaited() {
    let fetcher = MockFetcher::default();
    fetcher.boxed.returns(0);
    block_on(fetcher.boxed(1));
    drop(fetcher.boxed(2));
    assert_eq!(
        panic_message(|| fetcher.boxed.assert_any_await((2,))),
        "MockFetcher.boxed: expected await at any position not found.\n\
         Expected: boxed(2)\n\
         Awaited (1): [boxed(1)]"
    );
    fetcher.reset_mock();
    fetcher.boxed.assert_not_awaited();
}

#[test]
fn awaits_work_on_a_multi_threaded_executor() {
    let fetcher = MockFetcher::default();
    fetcher.fetch.returns(Ok("x".into()));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let fetcher = fetcher.clone();
            std::thread::spawn(move || block_on(fetcher.fetch("/t")))
        })
        .collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), Ok("x".into()));
    }
    assert_eq!(fetcher.fetch.await_count(), 4);
}

mod pending {
    use autospec::prelude::*;
    use std::time::Duration;

    #[autospec]
    trait Feed: Send + Sync {
        fn next(&self, topic: &str) -> impl std::future::Future<Output = Option<u32>> + Send;
    }

    /// Polls the feed until it answers, retrying on `None`: the code under test.
    async fn first_value(feed: &impl Feed, topic: &str) -> u32 {
        loop {
            if let Some(value) = feed.next(topic).await {
                return value;
            }
        }
    }

    fn configure(feed: &MockFeed) {
        feed.next.returns_once(None);
        feed.next.returns_async(|(topic,)| {
            let value = u32::try_from(topic.len()).unwrap_or_default();
            async move {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Some(value)
            }
        });
    }

    #[test]
    fn a_pending_answer_completes_on_a_current_thread_runtime() {
        let feed = MockFeed::default();
        configure(&feed);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime");
        let started = std::time::Instant::now();
        assert_eq!(runtime.block_on(first_value(&feed, "abc")), 3);
        assert!(started.elapsed() >= Duration::from_millis(20));
        assert_eq!(feed.next.await_count(), 2);
        feed.next.assert_has_awaits([("abc",), ("abc",)]);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_pending_answer_completes_on_a_multi_thread_runtime() {
        let feed = std::sync::Arc::new(MockFeed::default());
        configure(&feed);
        let worker = std::sync::Arc::clone(&feed);
        let value = tokio::spawn(async move { first_value(&*worker, "ab").await })
            .await
            .expect("the task completes");
        assert_eq!(value, 2);
        feed.next.assert_awaited_with(("ab",));
    }

    #[test]
    fn a_pending_future_dropped_before_it_completes_is_called_not_awaited() {
        let feed = MockFeed::default();
        feed.next.returns_async(|_| std::future::pending());
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut future = Box::pin(feed.next("t"));
        assert!(future.as_mut().poll(&mut cx).is_pending());
        drop(future);
        feed.next.assert_called_once_with(("t",));
        feed.next.assert_not_awaited();
    }

    use std::future::Future as _;
}

/// Python: `assert_has_awaits([call('b'), call('a')], any_order=True)`.
#[test]
fn awaits_in_any_order() {
    let fetcher = MockFetcher::default();
    fetcher.fetch.returns(Ok(String::new()));
    let (a, b, c) = (fetcher.fetch("a"), fetcher.fetch("b"), fetcher.fetch("c"));
    let _ = block_on(c);
    let _ = block_on(a);
    drop(b);
    fetcher.fetch.assert_has_awaits_any_order([("a",), ("c",)]);
    let message = panic_message(|| fetcher.fetch.assert_has_awaits_any_order([("b",), ("a",)]));
    assert_eq!(
        message,
        "MockFetcher.fetch: expected awaits not found.\n\
         Expected (any order): [fetch(\"b\"), fetch(\"a\")]\n \
         Missing: [fetch(\"b\")]\n\
         Awaited (2): [fetch(\"c\"), fetch(\"a\")]"
    );
}
