//! `Mock` and `NonCallableMock`: the handles to a dynamic mock's tree.

// Arguments are taken by value to be journaled, as in `core/method/`.
#![allow(clippy::needless_pass_by_value)]

use super::node::{DynMethod, Node};
use super::value::{Args, Value};
use crate::core::call::Call;
use std::any::Any;
use std::fmt::{self, Debug};
use std::ops::Deref;
use std::sync::Arc;

/// Python's `Mock`: callable, with attributes made on first access.
///
/// `Clone` gives another handle to the same mock. It dereferences to its
/// [`DynMethod`], so every assertion of a typed child mock works:
/// `assert_called_with(("k", 3))`, `call_count()`, `call_args_list()`.
///
/// ```
/// use autospec::dyn_args;
/// use autospec::dynamic::Mock;
///
/// let handler = Mock::new("handler");
/// handler.returns(true);
/// assert!(handler.call(dyn_args!["event"]).get::<bool>());
/// handler.assert_called_once_with(("event",));
/// ```
#[derive(Clone)]
pub struct Mock(pub(super) Arc<Node>);

impl Mock {
    /// A fresh mock named `name` (the start of every dotted name).
    ///
    /// ```
    /// assert_eq!(autospec::dynamic::Mock::new("db").attr("get").name(), "db.get");
    /// ```
    #[inline]
    pub fn new(name: &str) -> Self {
        Mock(Node::root(name, None))
    }

    /// The attribute `name`: a child mock, made on first access and the
    /// same one afterwards. Panics on a sealed mock that has no such
    /// attribute yet, naming its dotted path.
    ///
    /// ```
    /// use autospec::dynamic::Mock;
    ///
    /// let db = Mock::new("db");
    /// assert!(db.attr("get").is(&db.attr("get")));
    /// assert!(!db.attr("get").is(&db.attr("put")));
    /// ```
    #[track_caller]
    // Not `must_use`: touching an attribute to create it (before
    // `seal()`) is a statement of its own.
    #[allow(clippy::return_self_not_must_use)]
    #[inline]
    pub fn attr(&self, name: &str) -> Mock {
        Mock(self.0.attr(name))
    }

    /// Calls the mock: journals the arguments and answers the configured
    /// value, else the [return-value mock](Mock::return_value).
    ///
    /// ```
    /// use autospec::dyn_args;
    /// use autospec::dynamic::Mock;
    ///
    /// let add = Mock::new("add");
    /// add.returns_with(|args| args.get::<i32>(0).unwrap() + args.get::<i32>(1).unwrap());
    /// assert_eq!(add.call(dyn_args![2, 3]).get::<i32>(), 5);
    /// ```
    #[track_caller]
    #[inline]
    pub fn call(&self, args: Args) -> Value {
        self.0
            .call_or(args, || Value::new(Mock(self.0.return_value())))
    }

    /// What unconfigured calls answer: a child mock, the same for every
    /// call (Python's `return_value`), named `name()`.
    ///
    /// ```
    /// use autospec::dyn_args;
    /// use autospec::dynamic::Mock;
    ///
    /// let open = Mock::new("open");
    /// open.return_value().attr("read").returns("data");
    /// let file = open.call(dyn_args!["a.txt"]).mock();
    /// assert_eq!(file.attr("read").call(dyn_args![]).get::<&str>(), "data");
    /// assert_eq!(file.name(), "open()");
    /// ```
    #[track_caller]
    // Not `must_use`: touching an attribute to create it (before
    // `seal()`) is a statement of its own.
    #[allow(clippy::return_self_not_must_use)]
    #[inline]
    pub fn return_value(&self) -> Mock {
        Mock(self.0.return_value())
    }

    /// Answers every later call with a clone of `value`.
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let n = autospec::dynamic::Mock::new("n");
    /// n.returns(5u32);
    /// assert_eq!(n.call(dyn_args![]).get::<u32>(), 5);
    /// ```
    pub fn returns<T: Debug + Any + Send + Sync>(&self, value: T) {
        self.0.method.returns(Value::new(value));
    }

    /// Answers the next call with `value`, once.
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let n = autospec::dynamic::Mock::new("n");
    /// n.returns_once(1u8);
    /// n.returns(2u8);
    /// assert_eq!(n.call(dyn_args![]).get::<u8>() + n.call(dyn_args![]).get::<u8>(), 3);
    /// ```
    pub fn returns_once<T: Debug + Any + Send + Sync>(&self, value: T) {
        self.0.method.returns_once(Value::new(value));
    }

    /// Answers the next calls with these values, one each (Python's
    /// `side_effect = [..]`).
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let dice = autospec::dynamic::Mock::new("dice");
    /// dice.returns_each([6u8, 1]);
    /// assert_eq!(dice.call(dyn_args![]).get::<u8>(), 6);
    /// assert_eq!(dice.call(dyn_args![]).get::<u8>(), 1);
    /// ```
    pub fn returns_each<T: Debug + Any + Send + Sync>(&self, values: impl IntoIterator<Item = T>) {
        self.0
            .method
            .returns_each(values.into_iter().map(Value::new));
    }

    /// Answers every later call with the closure's result; the closure
    /// receives the call's arguments.
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let upper = autospec::dynamic::Mock::new("upper");
    /// upper.returns_with(|args| args.get::<&str>(0).unwrap().to_uppercase());
    /// assert_eq!(upper.call(dyn_args!["a"]).get::<String>(), "A");
    /// ```
    pub fn returns_with<T: Debug + Any + Send + Sync>(
        &self,
        answer: impl Fn(&Args) -> T + Send + Sync + 'static,
    ) {
        self.0
            .method
            .__returns_with(Box::new(move |args: &Args| Value::new(answer(args))));
    }

    /// Every call of this mock and of its attributes, in order, named by
    /// their dotted path below this mock (its own calls are `call(..)`).
    ///
    /// ```
    /// use autospec::{dyn_args, call};
    /// use autospec::dynamic::Mock;
    ///
    /// let m = Mock::new("m");
    /// m.call(dyn_args![1]);
    /// m.attr("db").attr("get").call(dyn_args!["k"]);
    /// assert_eq!(m.mock_calls(), [call!(call(1)), call!(db.get("k"))]);
    /// assert_eq!(m.attr("db").mock_calls(), [call!(get("k"))]);
    /// ```
    #[inline]
    pub fn mock_calls(&self) -> Vec<Call> {
        self.0.mock_calls()
    }

    /// Forgets the calls of this mock and its attributes; answers stay.
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let m = autospec::dynamic::Mock::new("m");
    /// m.attr("x").call(dyn_args![]);
    /// m.reset_mock();
    /// assert!(m.mock_calls().is_empty());
    /// ```
    #[inline]
    pub fn reset_mock(&self) {
        self.0.reset_mock();
    }

    /// Stops the mock (the whole tree it belongs to) from making new
    /// attributes: an unknown attribute panics, naming its dotted path
    /// (Python's `seal`). Attributes made before stay usable.
    ///
    /// ```should_panic
    /// use autospec::dynamic::Mock;
    ///
    /// let db = Mock::new("db");
    /// db.attr("get");
    /// db.seal();
    /// db.attr("get"); // fine
    /// db.attr("gte"); // panics: "db.gte: the mock is sealed, ..."
    /// ```
    #[inline]
    pub fn seal(&self) {
        self.0.core.seal();
    }

    /// The dotted name: `db.cache.get`.
    ///
    /// ```
    /// let db = autospec::dynamic::Mock::new("db");
    /// assert_eq!(db.attr("cache").attr("get").name(), "db.cache.get");
    /// ```
    #[inline]
    pub fn name(&self) -> String {
        self.0.dotted()
    }

    /// Whether `other` is a handle to this same mock.
    ///
    /// ```
    /// let db = autospec::dynamic::Mock::new("db");
    /// assert!(db.is(&db.clone()));
    /// assert!(!db.is(&autospec::dynamic::Mock::new("db")));
    /// ```
    #[inline]
    pub fn is(&self, other: &Mock) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A mock named `mock`.
///
/// ```
/// assert_eq!(autospec::dynamic::Mock::default().name(), "mock");
/// ```
impl Default for Mock {
    #[inline]
    fn default() -> Self {
        Mock::new("mock")
    }
}

impl Deref for Mock {
    type Target = DynMethod;
    #[inline]
    fn deref(&self) -> &DynMethod {
        &self.0.method
    }
}

/// `Mock(db.get)`: the kind and the dotted name.
impl Debug for Mock {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mock({})", self.0.dotted())
    }
}

/// Python's `NonCallableMock`: attributes, but no calls. It has no `call`
/// method, so calling it does not compile; a handle from
/// [`as_mock`](NonCallableMock::as_mock), for code that takes any
/// [`Mock`], panics when called. Its attributes are callable `Mock`s.
///
/// ```
/// use autospec::dyn_args;
/// use autospec::dynamic::NonCallableMock;
///
/// let config = NonCallableMock::new("config");
/// config.attr("get").returns("debug");
/// assert_eq!(config.attr("get").call(dyn_args!["level"]).get::<&str>(), "debug");
/// assert_eq!(config.mock_calls(), [autospec::call!(get("level"))]);
/// ```
#[derive(Clone)]
pub struct NonCallableMock(pub(super) Arc<Node>);

impl NonCallableMock {
    /// A fresh non-callable mock named `name`.
    ///
    /// ```
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// assert_eq!(config.attr("x").name(), "config.x");
    /// ```
    #[inline]
    pub fn new(name: &str) -> Self {
        NonCallableMock(Node::root(name, Some("NonCallableMock")))
    }

    /// The attribute `name`, a callable child mock (see [`Mock::attr`]).
    ///
    /// ```
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// assert!(config.attr("get").is(&config.attr("get")));
    /// ```
    #[track_caller]
    // Not `must_use`: touching an attribute to create it (before
    // `seal()`) is a statement of its own.
    #[allow(clippy::return_self_not_must_use)]
    #[inline]
    pub fn attr(&self, name: &str) -> Mock {
        Mock(self.0.attr(name))
    }

    /// A [`Mock`] handle to this mock, for code that takes one; calling it
    /// panics with Python's message.
    ///
    /// ```should_panic
    /// use autospec::dyn_args;
    ///
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// config.as_mock().call(dyn_args![]); // panics: "NonCallableMock 'config' is not callable"
    /// ```
    #[inline]
    pub fn as_mock(&self) -> Mock {
        Mock(Arc::clone(&self.0))
    }

    /// Every call of its attributes (see [`Mock::mock_calls`]).
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// config.attr("reload").call(dyn_args![]);
    /// assert_eq!(config.mock_calls(), [autospec::call!(reload())]);
    /// ```
    #[inline]
    pub fn mock_calls(&self) -> Vec<Call> {
        self.0.mock_calls()
    }

    /// Forgets the calls of its attributes (see [`Mock::reset_mock`]).
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// config.attr("reload").call(dyn_args![]);
    /// config.reset_mock();
    /// assert!(config.mock_calls().is_empty());
    /// ```
    #[inline]
    pub fn reset_mock(&self) {
        self.0.reset_mock();
    }

    /// Stops it from making new attributes (see [`Mock::seal`]).
    ///
    /// ```should_panic
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// config.seal();
    /// config.attr("x"); // panics: "config.x: the mock is sealed, ..."
    /// ```
    #[inline]
    pub fn seal(&self) {
        self.0.core.seal();
    }

    /// Its name (see [`Mock::name`]).
    ///
    /// ```
    /// assert_eq!(autospec::dynamic::NonCallableMock::new("config").name(), "config");
    /// ```
    #[inline]
    pub fn name(&self) -> String {
        self.0.dotted()
    }
}

/// `NonCallableMock(config)`.
impl Debug for NonCallableMock {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NonCallableMock({})", self.0.dotted())
    }
}

impl Value {
    /// The value as a dynamic mock (the answer of an unconfigured call).
    ///
    /// ```
    /// use autospec::dyn_args;
    /// use autospec::dynamic::Mock;
    ///
    /// let factory = Mock::new("factory");
    /// let made = factory.call(dyn_args![]).mock();
    /// assert!(made.is(&factory.return_value()));
    /// ```
    #[track_caller]
    #[inline]
    pub fn mock(&self) -> Mock {
        self.get::<Mock>()
    }
}
