//! Shapes that open-source crates mock with mockall, found failing when a
//! sweep restated fifty of their traits for autospec: written here in our
//! words, each mocked, driven the way the crate's own code drives it, and
//! asserted on.

use autospec::prelude::*;
use std::sync::Arc;

/// A domain type of the crate, `Clone` but nothing the macro can see.
#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    /// What identifies it.
    pub hash: String,
    /// When it was made.
    pub epoch: u64,
}

/// A type without `Clone`, journaled as its `Debug` text.
#[derive(Debug, PartialEq)]
pub struct Transaction(pub u32);

/// mockall's order: `#[automock]` (here `#[autospec]`) above
/// `#[async_trait]`, with arguments of the crate's own types. The futures
/// `#[async_trait]` returns must be `Send`: nothing the mock journals may
/// be held across their await.
mod autospec_above_async_trait {
    use super::*;

    #[autospec]
    #[async_trait::async_trait]
    pub trait CertificateStore: Send + Sync {
        async fn save(&self, certificate: Certificate) -> Result<(), String>;
        async fn verify(&self, chain: &[Certificate], tx: Transaction) -> bool;
        async fn latest(&self, since: Option<&Certificate>) -> Option<Certificate>;
        async fn count(&self) -> usize {
            0
        }
    }

    /// Code under test that holds the store as a trait object.
    async fn save_all(store: Arc<dyn CertificateStore>, all: Vec<Certificate>) -> usize {
        let mut saved = 0;
        for certificate in all {
            if store.save(certificate).await.is_ok() {
                saved += 1;
            }
        }
        saved + store.count().await
    }

    fn require_send<T: Send>(value: T) -> T {
        value
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn code_that_spawns_with_the_trait_object_runs_on_the_mock() {
        let store = MockCertificateStore::default();
        store.save.returns_each([Ok(()), Err("full".to_owned())]);
        let all = vec![
            Certificate {
                hash: "a".into(),
                epoch: 1,
            },
            Certificate {
                hash: "b".into(),
                epoch: 2,
            },
        ];
        let saved = tokio::spawn(save_all(Arc::new(store.clone()), all.clone()));
        assert_eq!(saved.await.unwrap(), 1);
        assert_eq!(store.save.call_count(), 2);
        store.save.assert_called_with((all[1].clone(),));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn futures_with_domain_arguments_are_send_and_journaled() {
        let store = MockCertificateStore::default();
        store.save.returns(Ok(()));
        store.verify.returns(true);
        let shared: Arc<dyn CertificateStore> = Arc::new(store.clone());
        let certificate = Certificate {
            hash: "h1".into(),
            epoch: 4,
        };
        let task = tokio::spawn({
            let (shared, certificate) = (Arc::clone(&shared), certificate.clone());
            async move {
                shared.save(certificate.clone()).await.unwrap();
                require_send(shared.verify(&[certificate], Transaction(9))).await
            }
        });
        assert!(task.await.unwrap());
        assert_eq!(shared.latest(None).await, None);
        store.save.assert_called_once_with((certificate.clone(),));
        store
            .verify
            .assert_called_once_with((vec![certificate], Transaction(9)));
        assert_eq!(store.latest.call_count(), 1);
    }
}

/// `#[async_trait]` above `#[autospec]` with a generic method: the bounds
/// `#[async_trait]` adds (`X: 'async_trait`) name a lifetime of the method
/// that the per-type child mock does not have.
mod async_trait_above_generic_methods {
    use super::*;

    #[async_trait::async_trait]
    #[autospec]
    pub trait Index: Send + Sync {
        async fn insert<D: std::fmt::Debug + PartialEq + Send + 'static>(&self, document: D)
            -> u64;
        async fn insert_all<I>(&self, documents: I) -> usize
        where
            I: IntoIterator<Item = u32> + Send + 'static;
    }

    /// Code under test, generic over the index (the trait has generic
    /// methods, so it is not dyn compatible).
    async fn load<I: Index>(index: I) -> (u64, u64, usize) {
        let first = index.insert(String::from("doc")).await;
        let second = index.insert(3u8).await;
        (first, second, index.insert_all(vec![1, 2, 3]).await)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_generic_method_is_configured_per_type() {
        let index = MockIndex::default();
        index.insert.of::<String>().returns(7);
        index
            .insert_all
            .of::<Vec<u32>>()
            .returns_with(|documents| documents.len());
        let task = tokio::spawn(load(index.clone()));
        assert_eq!(task.await.unwrap(), (7, 0, 3));
        index
            .insert
            .of::<String>()
            .assert_called_once_with(("doc",));
        index.insert.of::<u8>().assert_called_once_with((3u8,));
        assert_eq!(index.insert.call_count(), 2);
    }
}

/// An `#[async_trait]` method whose output is not `Send`
/// (`Result<T, Box<dyn Error>>`): a real body makes its output at the end,
/// so its future is `Send`; the mock's must be too.
mod outputs_that_are_not_send {
    use super::*;
    use std::error::Error;

    #[autospec]
    #[async_trait::async_trait]
    pub trait Channel: Send + Sync {
        async fn send(&self, payload: Vec<u8>) -> Result<usize, Box<dyn Error>>;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_future_is_send_and_the_answer_made_on_the_polling_thread() {
        let channel = MockChannel::default();
        channel.send.returns_with(|payload| {
            if payload.is_empty() {
                Err("empty payload".into())
            } else {
                Ok(payload.len())
            }
        });
        let shared: Arc<dyn Channel> = Arc::new(channel.clone());
        let sent = tokio::spawn(async move {
            let ok = shared.send(vec![1, 2]).await.map_err(|e| e.to_string());
            let err = shared.send(Vec::new()).await.map_err(|e| e.to_string());
            (ok, err)
        });
        assert_eq!(
            sent.await.unwrap(),
            (Ok(2), Err("empty payload".to_owned()))
        );
        channel.send.assert_called_with((Vec::<u8>::new(),));
        assert_eq!(channel.send.await_count(), 2);
    }
}

/// A default async body run by `calls_default()`: with `#[async_trait]`
/// above `#[autospec]` (spies.md, "`calls_default()` exists for ..").
mod async_default_bodies {
    use super::*;

    #[async_trait::async_trait]
    #[autospec]
    pub trait Stakers: Send + Sync {
        async fn total(&self) -> u64;
        async fn with_bonus(&self, bonus: u64) -> u64 {
            self.total().await + bonus
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_default_body_runs_and_calls_the_mock() {
        let stakers = MockStakers::default();
        stakers.total.returns(40);
        stakers.with_bonus.calls_default();
        let shared: Arc<dyn Stakers> = Arc::new(stakers.clone());
        let total = tokio::spawn(async move { shared.with_bonus(2).await });
        assert_eq!(total.await.unwrap(), 42);
        stakers.with_bonus.assert_called_once_with((2,));
        stakers.total.assert_called_once();
    }
}

/// The same with `#[async_trait]` above `#[autospec]`, which makes the
/// method return `Pin<Box<dyn Future + Send>>`: where the output is not
/// `Send`, the call is made (and journaled) when the future is first
/// polled, as the body of a real implementation runs then.
mod outputs_that_are_not_send_boxed {
    use super::*;
    use std::error::Error;

    #[async_trait::async_trait]
    #[autospec]
    pub trait Channel: Send + Sync {
        async fn send(&self, payload: Vec<u8>) -> Result<usize, Box<dyn Error>>;
        async fn close(&self) -> bool;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_boxed_future_is_send_and_journals_the_call_when_polled() {
        let channel = MockChannel::default();
        channel.send.returns_with(|payload| Ok(payload.len()));
        channel.close.returns(true);
        let shared: &'static dyn Channel = Box::leak(Box::new(channel.clone()));
        let future = shared.send(vec![1, 2, 3]);
        channel.send.assert_not_called(); // made when first polled
        let sent = tokio::spawn(async move { future.await.map_err(|e| e.to_string()) });
        assert_eq!(sent.await.unwrap(), Ok(3));
        channel.send.assert_called_once_with((vec![1, 2, 3],));
        // A `Send` output is answered at the call, as before.
        let closing = shared.close();
        channel.close.assert_called_once();
        assert!(closing.await);
    }
}
