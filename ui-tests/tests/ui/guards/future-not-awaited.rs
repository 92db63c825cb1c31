// The future of an async method journals its await only when awaited.
#![deny(unused_must_use)]
#![allow(async_fn_in_trait)]
use autospec::prelude::*;

#[autospec]
pub trait Fetcher {
    async fn fetch(&self, url: &str) -> u32;
    fn ping(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = bool> + Send>>;
}

fn main() {
    let fetcher = MockFetcher::default();
    fetcher.fetch("/x");
    fetcher.ping();
}
