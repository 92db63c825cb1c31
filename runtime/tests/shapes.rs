//! Every everyday trait shape of the foundation issue: configure, call
#![allow(
    missing_docs,
    clippy::missing_errors_doc,
    clippy::items_after_statements,
    clippy::return_self_not_must_use
)]
//! through the trait, assert.

use autospec::prelude::*;

mod support;
use std::collections::BTreeMap;
use std::sync::Arc;
use support::panic_message;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    pub name: String,
    pub age: u8,
}

#[autospec]
pub trait Receivers {
    fn shared(&self) -> u32;
    fn exclusive(&mut self, delta: u32) -> u32;
    fn boxed(self: Box<Self>) -> String;
}

#[test]
fn receivers_shared_exclusive_and_boxed() {
    let mock = MockReceivers::default();
    mock.shared.returns(1);
    mock.exclusive.returns_with(|delta| delta * 2);
    mock.boxed.returns("done".into());

    let mut handle = mock.clone();
    assert_eq!(handle.shared(), 1);
    assert_eq!(handle.exclusive(21), 42);
    let boxed: Box<dyn Receivers> = Box::new(mock.clone());
    assert_eq!(boxed.boxed(), "done");

    mock.exclusive.assert_called_once_with((21,));
    mock.boxed.assert_called_once_with(());
    assert_eq!(
        mock.mock_calls(),
        [call!(shared()), call!(exclusive(21)), call!(boxed())]
    );
}

#[autospec]
pub trait Arity {
    fn none(&self);
    #[allow(clippy::too_many_arguments)]
    fn twelve(
        &self,
        a: u8,
        b: u16,
        c: u32,
        d: u64,
        e: i8,
        f: i16,
        g: i32,
        h: i64,
        i: bool,
        j: char,
        k: String,
        l: &str,
    ) -> usize;
}

#[test]
fn no_argument_and_twelve_argument_methods() {
    let mock = MockArity::default();
    mock.none();
    mock.twelve
        .returns_with(|a, _, _, _, _, _, _, _, _, _, k, l| usize::from(a) + k.len() + l.len());
    let got = mock.twelve(1, 2, 3, 4, -5, -6, -7, -8, true, 'x', "kk".into(), "lll");
    assert_eq!(got, 6);
    mock.none.assert_called_once();
    mock.twelve
        .assert_called_once_with((1, 2, 3, 4, -5, -6, -7, -8, true, 'x', "kk", "lll"));
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure(pub String);

#[autospec]
pub trait Returns {
    fn unit(&self);
    fn owned(&self) -> User;
    fn maybe(&self) -> Option<u32>;
    fn fallible(&self) -> Result<u32, Failure>;
    fn many(&self) -> Vec<String>;
    fn pair(&self) -> (u8, String);
    fn map(&self) -> BTreeMap<String, u32>;
}

#[test]
fn unconfigured_returns_are_defaults() {
    let mock = MockReturns::default();
    mock.unit();
    assert_eq!(mock.owned(), User::default());
    assert_eq!(mock.maybe(), None);
    assert_eq!(mock.many(), Vec::<String>::new());
    assert_eq!(mock.pair(), (0, String::new()));
    assert!(mock.map().is_empty());
}

#[test]
fn configured_returns_of_every_kind() {
    let mock = MockReturns::default();
    mock.owned.returns(User {
        name: "ana".into(),
        age: 30,
    });
    mock.maybe.returns(Some(7));
    mock.fallible
        .returns_each([Ok(1), Err(Failure("down".into()))]);
    mock.many.returns(vec!["a".into()]);
    mock.pair.returns((1, "x".into()));
    assert_eq!(mock.owned().name, "ana");
    assert_eq!(mock.maybe(), Some(7));
    assert_eq!(mock.fallible(), Ok(1));
    assert_eq!(mock.fallible(), Err(Failure("down".into())));
    assert_eq!(mock.many(), ["a"]);
    assert_eq!(mock.pair(), (1, "x".into()));
}

#[test]
fn result_without_default_panics_with_the_fix() {
    let mock = MockReturns::default();
    let message = panic_message(|| {
        let _ = mock.fallible();
    });
    assert_eq!(
        message,
        "MockReturns.fallible(): no answer is configured and the mock knows no default for `Result<u32, Failure>`.\n\
         Configure one with .fallible.returns(..), .fallible.returns_with(..) or .fallible.returns_once(..)."
    );
    mock.fallible.assert_called_once();
}

#[autospec]
pub trait Borrowed {
    fn text(&self, s: &str) -> usize;
    fn bytes(&self, b: &[u8]) -> usize;
    fn user(&self, u: &User) -> bool;
    fn fill(&self, buf: &mut [u8]) -> usize;
    fn maybe(&self, u: Option<&User>) -> bool;
    fn path(&self, p: &std::path::Path) -> bool;
}

#[test]
fn reference_arguments_are_journaled_owned() {
    let mock = MockBorrowed::default();
    mock.text("hi");
    mock.bytes(&[1, 2]);
    let ana = User {
        name: "ana".into(),
        age: 3,
    };
    mock.user(&ana);
    mock.maybe(Some(&ana));
    mock.maybe(None);
    mock.path(std::path::Path::new("/tmp/x"));

    assert_eq!(mock.text.call_args(), Some(("hi".to_string(),)));
    mock.text.assert_called_with(("hi",));
    mock.bytes.assert_called_with((&[1u8, 2][..],));
    mock.bytes.assert_called_with(([1u8, 2],));
    mock.user.assert_called_with((ana.clone(),));
    assert_eq!(mock.maybe.call_args_list(), [(Some(ana),), (None,)]);
    mock.path
        .assert_called_with((std::path::PathBuf::from("/tmp/x"),));
}

#[test]
fn out_parameters_are_filled_by_returns_with() {
    let mock = MockBorrowed::default();
    mock.fill.returns_with(|buf| {
        buf[..3].copy_from_slice(b"abc");
        3
    });
    let mut buf = [0u8; 8];
    assert_eq!(mock.fill(&mut buf), 3);
    assert_eq!(&buf[..3], b"abc");
    mock.fill.assert_called_once_with((vec![0u8; 8],));
}

#[autospec]
pub trait Lends {
    fn name(&self) -> &str;
    fn user(&self) -> &User;
    fn bytes(&mut self) -> &[u8];
    fn label(&self) -> &'static str;
    fn first<'a>(&self, xs: &'a [u8]) -> &'a u8;
}

#[test]
fn returned_references_are_lent_from_the_mock() {
    let mut mock = MockLends::default();
    assert_eq!(mock.name(), "");
    mock.name.returns("bob".into());
    mock.user.returns(User {
        name: "u".into(),
        age: 1,
    });
    mock.bytes.returns(vec![9, 8]);
    mock.label.returns("static".into());
    mock.first.returns_with(|xs| xs[0]);

    let name = mock.name();
    let user = mock.user();
    mock.name.returns("changed".into()); // earlier loans stay valid
    assert_eq!((name, user.age), ("bob", 1));
    assert_eq!(mock.bytes(), [9, 8]);
    assert_eq!(mock.label(), "static");
    assert_eq!(*mock.first(&[5, 6]), 5);
}

#[autospec]
pub trait Repo<T: Clone + Send + 'static>
where
    T: PartialEq,
{
    fn get(&self, id: u64) -> Option<T>;
    fn put(&self, id: u64, value: T);
}

#[test]
fn generic_traits_make_generic_mocks() {
    let repo: MockRepo<User> = MockRepo::default();
    repo.get.returns(Some(User {
        name: "g".into(),
        age: 2,
    }));
    fn run(repo: &dyn Repo<User>) -> Option<User> {
        repo.put(1, User::default());
        repo.get(1)
    }
    assert_eq!(run(&repo).map(|u| u.name), Some("g".into()));
    repo.put.assert_called_once_with((1, User::default()));
}

#[autospec]
pub trait Lifetimes {
    fn longest<'a>(&self, a: &'a str, b: &'a str) -> usize;
    fn with_default(&self) -> u32 {
        99
    }
}

#[test]
fn method_lifetimes_and_default_methods() {
    let mock = MockLifetimes::default();
    mock.longest.returns_with(|a, b| a.len().max(b.len()));
    assert_eq!(mock.longest("ab", "abc"), 3);
    assert_eq!(mock.with_default(), 0, "the mock overrides default methods");
    mock.with_default.assert_called_once();
}

/// Documented trait with attributes on its methods.
#[autospec]
pub trait Documented {
    /// Docs on a method are kept on the trait.
    #[must_use]
    fn documented(&self) -> u8;
    #[deprecated(note = "use documented")]
    fn old(&self);
    #[cfg(any())]
    fn compiled_out(&self, x: NotAType);
    fn r#type(&self, r#in: u8) -> u8;
}

#[test]
fn attributes_cfg_and_raw_identifiers() {
    let mock = MockDocumented::default();
    mock.documented.returns(1);
    assert_eq!(mock.documented(), 1);
    #[allow(deprecated)]
    mock.old();
    mock.r#type.returns_with(|x| x + 1);
    assert_eq!(mock.r#type(1), 2);
    assert_eq!(
        mock.mock_calls(),
        [call!(documented()), call!(old()), call!(r#type(1))]
    );
    assert_eq!(mock.mock_calls()[2].to_string(), "type(1)");
}

#[autospec]
pub trait Patterns {
    fn patterns(&self, (a, b): (u8, u8), _: u32, mut x: u32) -> u32 {
        x += u32::from(a) + u32::from(b);
        x
    }
}

#[test]
fn pattern_parameters_are_forwarded() {
    let mock = MockPatterns::default();
    mock.patterns
        .returns_with(|(a, b), c, d| u32::from(a) + u32::from(b) + c + d);
    assert_eq!(mock.patterns((1, 2), 3, 4), 10);
    mock.patterns.assert_called_with(((1, 2), 3, 4));
}

#[autospec]
pub trait Collides {
    fn seal(&self) -> u8;
    fn mock_calls(&self) -> u8;
    fn reset(&self);
}

#[test]
fn methods_named_like_the_mock_level_api() {
    let mock = MockCollides::default();
    mock.seal.returns(5);
    assert_eq!(Collides::seal(&mock), 5);
    Collides::reset(&mock);
    assert_eq!(Mock::mock_calls(&mock), [call!(seal()), call!(reset())]);
    Mock::seal(&mock);
    assert!(mock.is_sealed());
    mock.seal.assert_called_once();
    mock.reset.assert_called_once();
}

#[autospec]
pub trait Shared: Send + Sync + std::fmt::Debug {
    fn hit(&self, n: u32) -> u32;
}

#[test]
fn mocks_cross_threads_as_arc_dyn() {
    let mock = MockShared::default();
    mock.hit.returns_with(|n| n + 1);
    let shared: Arc<dyn Shared + Send + Sync> = Arc::new(mock.clone());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || shared.hit(i))
        })
        .collect();
    let mut got: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    got.sort_unstable();
    assert_eq!(got, [1, 2, 3, 4]);
    assert_eq!(mock.hit.call_count(), 4);
    mock.hit
        .assert_has_calls_any_order([(0,), (1,), (2,), (3,)]);
}

#[autospec]
pub trait Factory {
    fn sibling(&self, other: Self) -> Self
    where
        Self: Sized;
}

#[test]
fn self_in_arguments_and_returns_is_the_mock() {
    let mock = MockFactory::default();
    let other = MockFactory::default();
    let made = mock.sibling(other.clone());
    assert_eq!(made.mock_name(), "MockFactory");
    assert_eq!(mock.sibling.call_count(), 1);
}
