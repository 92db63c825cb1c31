//! Several impl blocks of one type: the first with `#[autospec]`, the
//! others with `#[autospec(part = 2)]`, `#[autospec(part = 3)]`, all
//! adding to one `MockClient`.

mod support;

use autospec::prelude::*;
use support::panic_message;

/// A client's settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Where it connects.
    pub url: String,
}

/// A real type with three impl blocks.
pub struct Client {
    config: Config,
    open: bool,
}

#[autospec]
impl Client {
    /// Attempts per request.
    pub const RETRIES: u32 = 3;

    /// Connects.
    pub fn new(config: Config) -> Self {
        Client { config, open: true }
    }

    /// Fetches a path.
    pub fn get(&self, path: &str) -> u16 {
        if self.open && path.starts_with('/') && !self.config.url.is_empty() {
            200
        } else {
            404
        }
    }
}

#[autospec(part = 2)]
impl Client {
    /// The timeout.
    pub const TIMEOUT_MS: u64 = 500;

    /// Closes; whether it was open.
    pub fn close(&mut self) -> bool {
        std::mem::replace(&mut self.open, false)
    }

    /// The same client with other settings.
    #[must_use]
    pub fn with_config(self, config: Config) -> Self {
        Client { config, ..self }
    }
}

#[autospec(part = 3)]
impl Client {
    /// A retry policy's value.
    pub fn retries<T: Default + 'static>(&self, attempt: u32) -> T {
        let _ = attempt;
        T::default()
    }
}

/// The code under test: builds a client, uses it, closes it.
fn fetch_once(url: &str) -> (u16, bool) {
    let mut client = MockClient::new(Config { url: url.into() });
    let status = client.get("/health");
    (status, client.close())
}

#[test]
fn the_real_type_keeps_every_block() {
    let mut client = Client::new(Config { url: "a".into() });
    assert_eq!(client.get("/x"), 200);
    assert!(client.close());
    assert_eq!(client.get("/x"), 404);
}

#[test]
fn every_block_adds_child_mocks_and_methods_to_one_mock() {
    let mut mock = MockClient::default();
    mock.close.returns(true);
    mock.get.returns(201);
    assert_eq!(mock.get("/a"), 201);
    assert!(mock.close());
    mock.retries.of::<u8>().returns(4);
    assert_eq!(mock.retries::<u8>(1), 4);
    mock.close.assert_called_once();
    assert_eq!(
        mock.mock_calls(),
        [call!(get("/a")), call!(close()), call!(retries::<u8>(1))],
        "calls of every block, in order"
    );
    assert_eq!((MockClient::RETRIES, MockClient::TIMEOUT_MS), (3, 500));
}

#[test]
fn the_class_of_the_first_block_hands_out_an_instance_with_every_part() {
    let class = MockClient::class();
    let client = class.instance();
    client.get.returns(503);
    client.close.returns(true);
    assert_eq!(fetch_once("https://a"), (503, true));
    class.new.assert_called_once_with((Config {
        url: "https://a".into(),
    },));
    assert_eq!(client.mock_calls(), [call!(get("/health")), call!(close())]);
}

#[test]
fn a_part_method_returning_self_answers_with_the_mock() {
    let mock = MockClient::default();
    let other = MockClient::default();
    other.get.returns(7);
    mock.with_config.returns(other.clone());
    let configured = mock.clone().with_config(Config::default());
    assert_eq!(configured.get("/"), 7);
    mock.with_config
        .assert_called_once_with((Config::default(),));
}

#[test]
fn reset_seal_and_clone_reach_every_part() {
    let mut mock = MockClient::default();
    let handle = mock.clone();
    mock.close();
    handle.close.assert_called_once();
    mock.reset_mock();
    handle.close.assert_not_called();
    mock.seal();
    assert!(panic_message(|| {
        mock.close();
    })
    .starts_with("MockClient.close()"));
}

#[test]
fn failure_messages_name_the_mock_of_the_first_block() {
    let mock = MockClient::default();
    mock.get("/a");
    assert_eq!(
        panic_message(|| mock.close.assert_called()),
        "MockClient.close: expected at least 1 call, got 0."
    );
}
