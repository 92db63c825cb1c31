//! Sending mail. With the `mocks` feature, `MockMailer` stands next to
//! `Mailer`.

/// A connection to a mail server.
#[derive(Debug)]
pub struct Mailer {
    host: String,
}

#[cfg_attr(feature = "mocks", autospec::autospec)]
impl Mailer {
    /// Connects to `host`.
    pub fn connect(host: &str) -> Self {
        Mailer {
            host: host.to_owned(),
        }
    }

    /// Sends `body` to `to`; whether the server took it.
    pub fn send(&self, to: &str, body: &str) -> bool {
        !self.host.is_empty() && to.contains('@') && !body.is_empty()
    }
}
