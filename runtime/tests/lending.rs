//! Methods that return references the mock does not lend from its own
//! answers: `&'static T` answered with a reference the test already has
//! (issue #16, item 11), and `&mut T` lent from `&mut self` (item 2), with
//! what keeps two handles of one mock from holding the same `&mut`.
//! Run under Miri (see `.ci/run`).
#![allow(missing_docs)]

use autospec::prelude::*;

mod support;
use support::{panic_message, quietly};

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub region: String,
}

static GREETING: &str = "hello";

pub trait Shape: Sync {
    fn area(&self) -> u32;
}

impl Shape for u32 {
    fn area(&self) -> u32 {
        *self
    }
}

static SQUARE: u32 = 9;

#[autospec]
pub trait Settings {
    fn greeting(&self) -> &'static str;
    fn config(&self, key: &str) -> &'static Config;
    fn shape(&self) -> &'static dyn Shape;
    fn bytes() -> &'static [u8];
}

// mockall: `return_const(&X)` for a `&'static` return.
#[test]
fn a_static_reference_is_returned_as_it_is() {
    static CONFIG: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    let config = CONFIG.get_or_init(|| Config {
        region: "eu".into(),
    });
    let settings = MockSettings::default();
    settings.config.returns(config);
    assert!(std::ptr::eq(settings.config("a"), config));
    assert!(std::ptr::eq(settings.config("b"), config));
    settings.config.assert_called_with(("b",));

    settings.greeting.returns(GREETING);
    assert!(std::ptr::eq(settings.greeting(), GREETING));

    settings.shape.returns(&SQUARE as &'static dyn Shape);
    assert_eq!(settings.shape().area(), 9);
}

#[test]
fn an_owned_value_still_answers_a_static_reference() {
    let settings = MockSettings::default();
    settings.config.returns(Config {
        region: "us".into(),
    });
    assert_eq!(settings.config("k").region, "us");
    settings.greeting.returns(String::from("owned"));
    assert_eq!(settings.greeting(), "owned");
    settings.greeting.returns_with(|| "made".to_string());
    assert_eq!(settings.greeting(), "made");
}

#[test]
fn one_shot_answers_and_rules_come_before_a_static_reference() {
    let settings = MockSettings::default();
    settings.greeting.returns(GREETING);
    settings.greeting.returns_once("first".to_string());
    assert_eq!(settings.greeting(), "first");
    assert_eq!(settings.greeting(), "hello");
    settings
        .config
        .when(("special",))
        .returns(Config { region: "x".into() });
    static DEFAULT: Config = Config {
        region: String::new(),
    };
    settings.config.returns(&DEFAULT);
    assert_eq!(settings.config("special").region, "x");
    assert!(std::ptr::eq(settings.config("other"), &DEFAULT));
    assert_eq!(settings.config.call_count(), 2);
}

#[test]
fn a_static_method_answers_with_a_static_reference_too() {
    let class = MockSettings::class();
    class.bytes.returns(b"raw".as_slice());
    assert_eq!(MockSettings::bytes(), b"raw");
    class.bytes.assert_called_once();
}

#[test]
fn a_call_not_accepted_panics_before_a_static_reference_answers() {
    let settings = MockSettings::default();
    settings.greeting.returns(GREETING);
    settings.config.accepts(("only",));
    assert!(quietly(|| settings.config("other")).is_err());
    settings.config.assert_called_once_with(("other",));
    assert!(panic_message(|| {
        let _ = settings.config("x");
    })
    .contains("arguments not accepted"));
}
