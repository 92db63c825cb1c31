//! A tiny HTTP-like client. With the `mocks` feature, `MockClient` is
//! exported next to `Client` for other crates' tests.

/// How to reach the server.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The base URL.
    pub url: String,
}

/// A request for one path.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    /// The path, such as `/health`.
    pub path: String,
}

/// What the server said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
}

/// The real client.
#[derive(Debug)]
pub struct Client {
    config: Config,
}

#[cfg_attr(feature = "mocks", autospec::autospec)]
impl Client {
    /// Connects to `config.url`.
    pub fn new(config: Config) -> Self {
        Client { config }
    }

    /// Sends one request (by value, as the real transport consumes it).
    #[allow(clippy::needless_pass_by_value)]
    pub fn call(&self, request: Request) -> Response {
        let found = !self.config.url.is_empty() && request.path.starts_with('/');
        Response {
            status: if found { 200 } else { 404 },
        }
    }
}

/// Resolves a host name; patchable from dependents' tests with the `mocks`
/// feature (the hook is compiled only with `debug_assertions`).
#[cfg_attr(feature = "mocks", autospec::autospec)]
pub fn resolve(host: &str) -> Option<[u8; 4]> {
    (host == "localhost").then_some([127, 0, 0, 1])
}
