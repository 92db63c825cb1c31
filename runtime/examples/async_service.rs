//! An async service tested through its traits, with no async runtime: a
//! price quoter that asks a primary feed and keeps a backup request ready,
//! and a notifier behind `#[async_trait]`. The await journal tells the
//! futures the service awaited from the one it started and then dropped.
//!
//! Run it with `cargo run --example async_service`.

use autospec::prelude::*;
use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

/// Where prices come from. Native `async fn` in a trait.
#[autospec]
trait PriceFeed {
    async fn price(&self, symbol: &str) -> Result<u64, String>;
}

/// Where alerts go. `#[async_trait]` makes the trait usable as `dyn Notifier`.
#[autospec]
#[async_trait::async_trait]
trait Notifier: Send + Sync {
    async fn notify(&self, message: String) -> bool;
}

/// The code under test.
struct Quoter<P: PriceFeed, B: PriceFeed> {
    primary: P,
    backup: B,
    notifier: Arc<dyn Notifier>,
    alert_above: u64,
}

impl<P: PriceFeed, B: PriceFeed> Quoter<P, B> {
    /// Starts both requests, awaits the primary, and awaits the backup
    /// only if the primary failed; an expensive price raises an alert.
    async fn quote(&self, symbol: &str) -> Option<u64> {
        let primary = self.primary.price(symbol);
        let backup = self.backup.price(symbol);
        let price = match primary.await {
            Ok(price) => price,
            Err(_) => backup.await.ok()?,
        };
        if price > self.alert_above {
            self.notifier
                .notify(format!("{symbol} is at {price} cents"))
                .await;
        }
        Some(price)
    }
}

/// The smallest executor that will do: polls on this thread, parks while
/// the future is pending. In a real project, `#[tokio::test]` or
/// `futures::executor::block_on`.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

fn main() {
    // Arrange: the primary feed fails for "ACME" only.
    let primary = MockPriceFeed::default();
    primary.price.returns_with(|symbol| {
        if symbol == "ACME" {
            Err("primary feed: 503".to_owned())
        } else {
            Ok(12_000)
        }
    });
    let backup = MockPriceFeed::default();
    backup.price.returns(Ok(9_500));
    let notifier = MockNotifier::default();
    notifier.notify.returns(true);

    let service = Quoter {
        primary: primary.clone(),
        backup: backup.clone(),
        notifier: Arc::new(notifier.clone()),
        alert_above: 10_000,
    };

    // Act.
    let quotes = [
        block_on(service.quote("INIT")),
        block_on(service.quote("ACME")),
    ];
    println!("quotes: {quotes:?}");

    // Assert: both feeds were asked twice, but the backup was awaited only
    // for ACME; the backup future for INIT was dropped unpolled.
    assert_eq!(quotes, [Some(12_000), Some(9_500)]);
    primary.price.assert_has_calls([("INIT",), ("ACME",)]);
    primary.price.assert_has_awaits([("INIT",), ("ACME",)]);
    backup.price.assert_has_calls([("INIT",), ("ACME",)]);
    backup.price.assert_awaited_once_with(("ACME",));
    notifier
        .notify
        .assert_awaited_once_with(("INIT is at 12000 cents",));
    println!("passed: primary.price.assert_has_awaits([(\"INIT\",), (\"ACME\",)])");
    println!("passed: backup.price.assert_awaited_once_with((\"ACME\",))");
    println!("passed: notifier.notify.assert_awaited_once_with((\"INIT is at 12000 cents\",))");

    println!();
    for (name, method) in [("primary", &primary.price), ("backup", &backup.price)] {
        println!(
            "{name}.price: {} calls, {} awaited; awaited arguments {:?}",
            method.call_count(),
            method.await_count(),
            method.await_args_list()
        );
    }
    println!("notifier journal: {:?}", notifier.mock_calls());
}
