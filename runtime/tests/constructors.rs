//! `#[autospec]` on inherent impl blocks: constructors, the class and callables.
// The types under test are the user's, written as users write them.
#![allow(
    missing_docs,
    clippy::needless_pass_by_value,
    clippy::unused_self,
    clippy::missing_errors_doc,
    clippy::new_without_default,
    clippy::items_after_statements
)]

use autospec::prelude::*;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Request(pub String);

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response(pub u16);

pub struct Client {
    config: Config,
}

#[autospec]
impl Client {
    pub const RETRIES: u32 = 3;

    pub fn new(config: Config) -> Self {
        Client { config }
    }

    pub fn call(&self, request: Request) -> Response {
        Response(u16::try_from(request.0.len() + self.config.url.len()).unwrap_or(0))
    }

    pub fn close(self) {}

    #[allow(dead_code)]
    fn private_helper(&self) -> u8 {
        1
    }
}

#[test]
fn the_real_impl_is_kept_and_the_mock_has_the_public_methods() {
    let real = Client::new(Config { url: "ab".into() });
    assert_eq!(real.call(Request("x".into())), Response(3));
    assert_eq!(MockClient::RETRIES, 3);

    let mock = MockClient::default();
    mock.call.returns(Response(200));
    assert_eq!(mock.call(Request("y".into())), Response(200));
    mock.call.assert_called_once_with((Request("y".into()),));
    mock.clone().close();
    mock.close.assert_called_once();
}

mod service {
    //! Code under test that builds its own client; only the import differs
    //! in test builds.
    #[autospec::double]
    use super::Client;
    use super::{Config, Request, Response};

    pub fn status_of(url: &str, path: &str) -> u16 {
        let client = Client::new(Config { url: url.into() });
        let Response(status) = client.call(Request(path.into()));
        client.close();
        status
    }
}

#[test]
fn constructors_hand_out_the_class_instance_configured_beforehand() {
    let class = MockClient::class();
    let client = class.instance();
    client.call.returns(Response(204));
    assert_eq!(service::status_of("http://a", "/health"), 204);
    class.new.assert_called_once_with((Config {
        url: "http://a".into(),
    },));
    client
        .call
        .assert_called_once_with((Request("/health".into()),));
    client.close.assert_called_once();
}

#[test]
fn class_new_can_hand_out_other_instances() {
    let class = MockClient::class();
    let (first, second) = (MockClient::default(), MockClient::default());
    first.call.returns(Response(1));
    second.call.returns(Response(2));
    class.new.returns_each([first.clone(), second.clone()]);
    assert_eq!(service::status_of("a", "/"), 1);
    assert_eq!(service::status_of("b", "/"), 2);
    first.call.assert_called_once();
    second.call.assert_called_once();
    class.instance().call.assert_not_called();
}

pub struct Meter;

#[autospec]
impl Meter {
    pub fn new(unit: &str) -> Self {
        let _ = unit;
        Meter
    }
    pub fn read(&self) -> u32 {
        1
    }
}

#[test]
fn without_a_class_guard_constructors_still_work() {
    // (`Meter` has no shared class in this suite: a shared class would
    // answer here, as it does on every thread.) Nothing is configured: a
    // fresh instance answers with defaults, and its record is dropped with it.
    let meter = MockMeter::new("kWh");
    assert_eq!(meter.read(), 0);
    meter.read.assert_called_once();
    assert!(MockMeter::class().new.call_args_list().is_empty());
}

#[test]
fn parallel_tests_never_see_each_others_class_state() {
    let handles: Vec<_> = (0..8u16)
        .map(|i| {
            std::thread::spawn(move || {
                for _ in 0..50 {
                    let class = MockClient::class();
                    class.instance().call.returns(Response(i));
                    assert_eq!(service::status_of("u", "/"), i);
                    class.new.assert_called_once();
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("no thread saw another's class");
    }
}

pub struct Fallible;

#[autospec]
impl Fallible {
    pub fn open(path: &str) -> Result<Self, String> {
        let _ = path;
        Ok(Fallible)
    }
    pub fn maybe() -> Option<Self> {
        None
    }
    pub fn shared() -> std::sync::Arc<Self> {
        std::sync::Arc::new(Fallible)
    }
    pub fn read(&self) -> u8 {
        0
    }
}

#[test]
fn result_option_and_arc_constructors_wrap_the_instance() {
    let class = MockFallible::class();
    class.instance().read.returns(5);
    assert_eq!(MockFallible::open("p").map(|f| f.read()), Ok(5));
    assert_eq!(MockFallible::maybe().map(|f| f.read()), Some(5));
    assert_eq!(MockFallible::shared().read(), 5);
    class.open.returns_with(|path| Err(format!("no {path}")));
    assert_eq!(MockFallible::open("q").err(), Some("no q".to_string()));
    assert_eq!(class.instance().read.call_count(), 3);
}

pub struct Codec<T> {
    marker: std::marker::PhantomData<T>,
}

#[autospec]
impl<T: Clone + std::fmt::Debug + PartialEq + Send + Sync + 'static> Codec<T> {
    pub fn new() -> Self {
        Codec {
            marker: std::marker::PhantomData,
        }
    }
    pub fn encode(&self, value: T) -> Vec<u8> {
        let _ = value;
        Vec::new()
    }
}

#[test]
fn generic_types_are_mocked_per_type() {
    let class = MockCodec::<u32>::class();
    class.instance().encode.returns(vec![1]);
    let codec = MockCodec::<u32>::new();
    assert_eq!(codec.encode(7), [1]);
    codec.encode.assert_called_once_with((7,));
}

#[test]
fn a_mock_with_call_is_callable() {
    fn run_all(requests: &[&str], handler: impl Fn(Request) -> Response) -> Vec<u16> {
        requests
            .iter()
            .map(|r| handler(Request((*r).into())).0)
            .collect()
    }
    let client = MockClient::default();
    client
        .call
        .returns_with(|request| Response(u16::try_from(request.0.len()).unwrap_or(0)));
    assert_eq!(run_all(&["a", "bcd"], client.as_fn()), [1, 3]);
    client
        .call
        .assert_has_calls([(Request("a".into()),), (Request("bcd".into()),)]);
    // `Fn` closures also serve where `FnMut` and `FnOnce` are asked for.
    fn once(f: impl FnOnce(Request) -> Response) -> u16 {
        f(Request(String::new())).0
    }
    let mut_use = |mut f: Box<dyn FnMut(Request) -> Response>| f(Request("x".into())).0;
    assert_eq!(once(client.as_fn()) + mut_use(Box::new(client.as_fn())), 1);
    assert_eq!(client.call.call_count(), 4);
}

#[test]
fn mock_fn_mocks_a_bare_closure_with_reference_parameters() {
    let on_event = autospec::mock_fn!(|&str, u32| -> bool);
    on_event.call.returns_with(|name, _| name.starts_with('a'));
    let handler = on_event.as_fn();
    assert!(handler("ana", 1));
    assert!(!handler("bob", 2));
    on_event.call.assert_has_calls([("ana", 1), ("bob", 2)]);
    assert_eq!(
        on_event.mock_calls(),
        [call!(call("ana", 1)), call!(call("bob", 2))]
    );
    let named = autospec::mock_fn!(|key: &str| -> Option<String>);
    named.call.returns(Some("v".into()));
    assert_eq!((named.as_fn())("k"), Some("v".into()));
    let unit = autospec::mock_fn!(||);
    (unit.as_fn())();
    unit.call.assert_called_once();
}

#[test]
fn the_shared_class_reaches_threads_the_code_under_test_spawns() {
    let class = MockClient::class_shared();
    class.instance().call.returns(Response(7));
    let worker = std::thread::spawn(|| service::status_of("w", "/job"));
    assert_eq!(worker.join().unwrap(), 7);
    class
        .new
        .assert_called_once_with((Config { url: "w".into() },));
    class
        .instance()
        .call
        .assert_called_once_with((Request("/job".into()),));
}

#[test]
fn shared_classes_of_one_mock_are_taken_in_turn() {
    let order = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..4u16)
        .map(|i| {
            let order = std::sync::Arc::clone(&order);
            std::thread::spawn(move || {
                let class = MockFallible::class_shared();
                class.instance().read.returns(u8::try_from(i).unwrap_or(0));
                order.lock().unwrap().push(("start", i));
                std::thread::sleep(std::time::Duration::from_millis(5));
                let seen = MockFallible::open("p").map(|f| f.read());
                order.lock().unwrap().push(("end", i));
                assert_eq!(seen, Ok(u8::try_from(i).unwrap_or(0)));
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("each holder saw only its own class");
    }
    // Guards never overlapped: every start is followed by its own end.
    let order = order.lock().unwrap();
    for pair in order.chunks(2) {
        assert_eq!(
            (pair[0].0, pair[1].0, pair[0].1),
            ("start", "end", pair[1].1)
        );
    }
}
