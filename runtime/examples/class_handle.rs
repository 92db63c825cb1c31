//! Code that builds its own client, tested unchanged: `#[autospec]` on the
//! client's `impl` block emits `MockConnection`, and `#[autospec::double]`
//! on the service's import swaps it in. The test configures the instance
//! that `Connection::open` will hand out before the service runs, then
//! asserts on the class (the construction) and on the instance (its use).
//!
//! Run it with `cargo run --example class_handle`.

mod smtp {
    /// Where to connect.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Config {
        pub host: String,
        pub port: u16,
    }

    /// A connection to a mail server.
    pub struct Connection {
        config: Config,
    }

    // In a crate: #[cfg_attr(test, autospec::autospec)], so that normal
    // builds keep only the real type.
    #[autospec::autospec]
    impl Connection {
        /// Opens a connection. (This stand-in for the real thing checks
        /// the host and pretends.)
        pub fn open(config: Config) -> Result<Self, String> {
            if config.host.is_empty() {
                return Err("no host to connect to".to_owned());
            }
            Ok(Connection { config })
        }

        /// Sends one message.
        pub fn send(&self, to: &str, body: &str) -> Result<(), String> {
            if to.contains('@') && !body.is_empty() {
                Ok(())
            } else {
                Err(format!("{}: cannot send to {to}", self.config.host))
            }
        }

        /// Says goodbye to the server.
        pub fn close(self) {
            drop(self.config);
        }
    }
}

mod newsletter {
    // In a crate: #[cfg_attr(test, autospec::double)]. Test builds import
    // `MockConnection as Connection`; nothing else in this module changes.
    use crate::smtp::Config;
    #[autospec::double]
    use crate::smtp::Connection;

    /// Sends the newsletter; returns how many subscribers got it.
    pub fn send_all(host: &str, subscribers: &[&str]) -> Result<usize, String> {
        let connection = Connection::open(Config {
            host: host.to_owned(),
            port: 587,
        })?;
        let sent = subscribers
            .iter()
            .filter(|to| connection.send(to, "This week: mocks.").is_ok())
            .count();
        connection.close();
        Ok(sent)
    }
}

use autospec::prelude::*;
use smtp::{Config, MockConnection};

fn main() {
    // Arrange: the class guard records constructions on this thread until
    // it drops; its instance is what `open` returns (as `Ok(instance)`).
    let class = MockConnection::class();
    let connection = class.instance();
    connection.send.returns_with(|to, _body| {
        if to.ends_with("@bounce.example") {
            Err("550 no such user".to_owned())
        } else {
            Ok(())
        }
    });

    // Act: the service's own code, which says `Connection::open(..)`.
    let sent = newsletter::send_all("mail.example", &["ana@a.example", "bo@bounce.example"]);

    // Assert on the construction, then on the instance.
    assert_eq!(sent, Ok(1));
    class.open.assert_called_once_with((Config {
        host: "mail.example".into(),
        port: 587,
    },));
    connection.send.assert_has_calls([
        ("ana@a.example", "This week: mocks."),
        ("bo@bounce.example", "This week: mocks."),
    ]);
    connection.close.assert_called_once();
    println!("sent to {} subscriber(s)", sent.unwrap_or_default());
    println!("passed: class.open.assert_called_once_with((Config {{ host: \"mail.example\", port: 587 }},))");
    println!("passed: connection.send.assert_has_calls([..two calls..])");
    println!("passed: connection.close.assert_called_once()");

    println!();
    println!("class journal:    {:?}", class.mock_calls());
    println!("instance journal: {:#?}", connection.mock_calls());

    // A failed construction is an answer like any other.
    class
        .open
        .returns_with(|config| Err(format!("{}: connection refused", config.host)));
    let failed = newsletter::send_all("down.example", &["ana@a.example"]);
    assert_eq!(failed, Err("down.example: connection refused".to_owned()));
    println!("\nwith open() failing, send_all returns {failed:?}");

    // The real type is untouched by all this.
    drop(class);
    match smtp::Connection::open(Config::default()) {
        Ok(real) => {
            let _ = real.send("ana@a.example", "hi");
            real.close();
        }
        Err(error) => println!("the real Connection::open says: {error}"),
    }
}
