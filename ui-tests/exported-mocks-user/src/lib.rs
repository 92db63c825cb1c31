//! A health checker that builds its own client. Its code does not change
//! for tests: only the `double` import does, in test builds.

#[cfg_attr(test, autospec::double)]
use netlib::Client;
use netlib::{Config, Request};

/// Whether `host` resolves to a loopback address.
pub fn is_local(host: &str) -> bool {
    netlib::resolve(host).is_some_and(|ip| ip[0] == 127)
}

/// Whether every path answers 200 on `url`.
pub fn all_healthy(url: &str, paths: &[&str]) -> bool {
    let client = Client::new(Config { url: url.into() });
    paths.iter().all(|path| {
        client
            .call(Request {
                path: (*path).to_owned(),
            })
            .status
            == 200
    })
}

#[cfg(test)]
mod tests {
    use super::all_healthy;
    use netlib::{Config, MockClient, Request, Response};

    #[test]
    fn stops_at_the_first_unhealthy_path() {
        let class = MockClient::class();
        let client = class.instance();
        client
            .call
            .returns_each([Response { status: 200 }, Response { status: 503 }]);

        assert!(!all_healthy("http://svc", &["/a", "/b", "/c"]));

        class.new.assert_called_once_with((Config {
            url: "http://svc".into(),
        },));
        client.call.assert_has_calls([
            (Request { path: "/a".into() },),
            (Request { path: "/b".into() },),
        ]);
        assert_eq!(client.call.call_count(), 2, "never asked for /c");
    }

    #[test]
    fn the_real_client_is_untouched_outside_tests_of_this_crate() {
        let real = netlib::Client::new(Config { url: "u".into() });
        assert_eq!(real.call(Request { path: "/x".into() }).status, 200);
    }
}
