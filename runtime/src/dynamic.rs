//! Untyped mocks for code that is itself dynamic: Python's `Mock`,
//! `MagicMock`, `NonCallableMock` and `NonCallableMagicMock`.
//!
//! Typed mocks (`#[autospec]`) are the default in Rust; these are for code
//! that looks attributes up by name at run time (a plugin host, a scripting
//! bridge, a table of handlers) or for sketching a test before the trait
//! exists. Attributes are created on first access and are the same child
//! afterwards; calls take a list of `Debug + Any` values ([`args!`](crate::args!))
//! and answer a [`Value`]; every call lands in the root's `mock_calls()`
//! under its dotted name.
//!
//! ```
//! use autospec::dyn_args;
//! use autospec::dynamic::Mock;
//!
//! let db = Mock::new("db");
//! db.attr("get").returns(5u32);
//! assert_eq!(db.attr("get").call(dyn_args!["k", 3]).get::<u32>(), 5);
//! db.attr("cache").attr("clear").call(dyn_args![]);
//! db.attr("get").assert_called_once_with(("k", 3));
//! assert_eq!(
//!     db.mock_calls(),
//!     [autospec::call!(get("k", 3)), autospec::call!(cache.clear())]
//! );
//! ```
//!
//! The names are Python's; `Mock` here is not the [`Mock`](crate::Mock)
//! trait of typed mocks, so import this module's types by path
//! (`autospec::dynamic::Mock`) or rename them.

// Arguments are taken by value to be journaled, as in `method.rs`.
#![allow(clippy::needless_pass_by_value)]

use crate::calls::Call;
use crate::method::{lock, Method};
use crate::mock::MockCore;
use std::any::Any;
use std::collections::BTreeMap;
use std::fmt::{self, Debug};
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The arguments of one call of a dynamic mock: owned values, each kept
/// with its `Debug` text. Build them with [`dyn_args!`](crate::dyn_args!).
///
/// Expected arguments in assertions are compared by their `Debug` text,
/// so `("k", 3)` matches a call made with `String::from("k")` and `3u8`.
///
/// ```
/// use autospec::dyn_args;
///
/// let args = dyn_args!["k", 3u8];
/// assert_eq!(args.len(), 2);
/// assert_eq!(args.get::<u8>(1), Some(&3));
/// assert_eq!(args.get::<u32>(1), None); // another type
/// assert_eq!(format!("{args:?}"), r#"("k", 3)"#);
/// ```
#[derive(Clone, Default)]
pub struct Args {
    values: Vec<Arc<dyn Any + Send + Sync>>,
    texts: Vec<String>,
}

impl Args {
    /// No arguments.
    ///
    /// ```
    /// assert!(autospec::dynamic::Args::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Args::default()
    }

    /// These arguments and `value` after them.
    ///
    /// ```
    /// let args = autospec::dynamic::Args::new().with("a").with(1);
    /// assert_eq!(args.len(), 2);
    /// ```
    #[must_use]
    pub fn with<T: Debug + Any + Send + Sync>(mut self, value: T) -> Self {
        self.texts.push(crate::__private::debug_text(&value));
        self.values.push(Arc::new(value));
        self
    }

    /// How many arguments there are.
    ///
    /// ```
    /// assert_eq!(autospec::dyn_args![1, 2, 3].len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(autospec::dyn_args![].is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Argument `index`, if there is one and it is a `T`.
    ///
    /// ```
    /// let args = autospec::dyn_args![String::from("k")];
    /// assert_eq!(args.get::<String>(0).map(String::as_str), Some("k"));
    /// assert!(args.get::<&str>(0).is_none());
    /// ```
    pub fn get<T: Any>(&self, index: usize) -> Option<&T> {
        self.values.get(index)?.downcast_ref()
    }
}

/// `("k", 3)`, as the call's arguments read.
impl Debug for Args {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({})", self.texts.join(", "))
    }
}

impl Args {
    /// Each argument's `Debug` text.
    pub(crate) fn texts(&self) -> &[String] {
        &self.texts
    }
}

/// Builds the [`Args`] of a dynamic mock's call: `dyn_args!["k", 3]`. Each
/// value must be `Debug + Any + Send + Sync` (owned, or `&'static`).
///
/// ```
/// use autospec::dyn_args;
///
/// let args = dyn_args!["k", 3, vec![1u8]];
/// assert_eq!(args.get::<Vec<u8>>(2), Some(&vec![1]));
/// ```
#[macro_export]
macro_rules! dyn_args {
    ($($value:expr),* $(,)?) => {
        $crate::dynamic::Args::new()$(.with($value))*
    };
}

/// What a call of a dynamic mock answered: any value, read back with its
/// type. Unconfigured calls answer the callee's return-value mock
/// ([`Mock::return_value`]), as Python's do.
///
/// ```
/// use autospec::dyn_args;
/// use autospec::dynamic::Mock;
///
/// let api = Mock::new("api");
/// api.attr("version").returns("1.2");
/// let version = api.attr("version").call(dyn_args![]);
/// assert_eq!(version.get::<&str>(), "1.2");
/// assert_eq!(version.try_get::<u32>(), None);
/// let client = api.attr("connect").call(dyn_args![]).mock(); // unconfigured
/// client.attr("close").call(dyn_args![]);
/// assert_eq!(api.mock_calls()[2].to_string(), "connect().close()");
/// ```
#[derive(Clone)]
pub struct Value {
    inner: Arc<dyn Any + Send + Sync>,
    text: String,
    type_name: String,
}

impl Value {
    /// A value of any type (`Debug`, for failure messages).
    ///
    /// ```
    /// let value = autospec::dynamic::Value::new(7u8);
    /// assert_eq!(value.get::<u8>(), 7);
    /// ```
    pub fn new<T: Debug + Any + Send + Sync>(value: T) -> Self {
        Value {
            text: crate::__private::debug_text(&value),
            type_name: crate::__private::type_name::<T>(),
            inner: Arc::new(value),
        }
    }

    /// The value, if it is a `T`.
    ///
    /// ```
    /// let value = autospec::dynamic::Value::new(String::from("x"));
    /// assert_eq!(value.try_get::<String>().map(String::as_str), Some("x"));
    /// assert!(value.try_get::<&str>().is_none());
    /// ```
    pub fn try_get<T: Any>(&self) -> Option<&T> {
        self.inner.downcast_ref()
    }

    /// A copy of the value, which must be a `T`.
    ///
    /// ```should_panic
    /// let value = autospec::dynamic::Value::new(7u8);
    /// value.get::<u32>(); // panics: the answer is a u8, not a u32
    /// ```
    #[track_caller]
    pub fn get<T: Any + Clone>(&self) -> T {
        match self.try_get::<T>() {
            Some(value) => value.clone(),
            None => panic!(
                "the answer is a {} ({}), not a {}",
                self.type_name,
                self.text,
                crate::__private::type_name::<T>()
            ),
        }
    }

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
    pub fn mock(&self) -> Mock {
        self.get::<Mock>()
    }
}

/// The value's `Debug` text.
impl Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The answer closure of a dynamic mock's calls.
type Answer = dyn Fn(&Args) -> Value + Send + Sync;

/// The child mock behind every dynamic mock: a [`Method`] journaling
/// [`Args`] and answering [`Value`]s, with all of `Method`'s assertions.
pub type DynMethod = Method<Args, Value, Answer>;

/// Numbers the nodes, for identity hashes.
static NEXT_NODE: AtomicU64 = AtomicU64::new(1);

/// One attribute of a dynamic mock (or the mock itself).
struct Node {
    method: DynMethod,
    core: Arc<MockCore>,
    /// The dotted path below the root: `""`, `get`, `cache.get`, `connect()`.
    path: String,
    /// `Some("NonCallableMock")` for a mock that cannot be called.
    not_callable: Option<&'static str>,
    id: u64,
    children: Mutex<BTreeMap<String, Arc<Node>>>,
}

impl Node {
    fn root(name: &str, not_callable: Option<&'static str>) -> Arc<Node> {
        let name: &'static str = Box::leak(name.into());
        Node::new(&MockCore::new(name), String::new(), not_callable)
    }

    fn new(core: &Arc<MockCore>, path: String, not_callable: Option<&'static str>) -> Arc<Node> {
        let head = match path.as_str() {
            "" => "call".to_owned(),
            call if call.starts_with('(') => format!("call{call}"),
            _ => path.clone(),
        };
        Arc::new(Node {
            method: Method::__new(
                core,
                &head,
                "",
                |args: &Args| args.texts.clone(),
                || None,
                None,
            ),
            core: Arc::clone(core),
            path,
            not_callable,
            id: NEXT_NODE.fetch_add(1, Ordering::Relaxed),
            children: Mutex::new(BTreeMap::new()),
        })
    }

    /// `db.cache.get`: the root's name and the path.
    fn dotted(&self) -> String {
        dotted(self.core.name(), &self.path)
    }

    /// The child under `key`, made on first access unless the mock is sealed.
    #[track_caller]
    fn child(&self, key: &str, path: String) -> Arc<Node> {
        let mut children = lock(&self.children);
        if let Some(child) = children.get(key) {
            return Arc::clone(child);
        }
        if self.core.is_sealed() {
            drop(children);
            let dotted = dotted(self.core.name(), &path);
            assert!(key != "()", "{dotted}: the mock is sealed, so it makes no return-value mock; configure an answer, or call return_value(), before seal()");
            panic!("{dotted}: the mock is sealed, so it makes no new attributes; create `{key}` before seal()");
        }
        let child = Node::new(&self.core, path, None);
        children.insert(key.to_owned(), Arc::clone(&child));
        child
    }

    #[track_caller]
    fn attr(&self, name: &str) -> Arc<Node> {
        let path = if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        };
        self.child(name, path)
    }

    #[track_caller]
    fn return_value(&self) -> Arc<Node> {
        self.child("()", format!("{}()", self.path))
    }

    /// Journals a call; answers from the configuration, else `fallback`.
    #[track_caller]
    fn call_or(self: &Arc<Self>, args: Args, fallback: impl FnOnce() -> Value) -> Value {
        if let Some(kind) = self.not_callable {
            panic!("{kind} '{}' is not callable", self.dotted());
        }
        let given = args.clone();
        self.method
            .__call_or(args, |answer| answer(&given), fallback)
    }

    #[track_caller]
    fn call(self: &Arc<Self>, args: Args) -> Value {
        self.call_or(args, || Value::new(Mock(self.return_value())))
    }

    /// This node and every node below it.
    fn subtree(self: &Arc<Self>) -> Vec<Arc<Node>> {
        let mut nodes = vec![Arc::clone(self)];
        let mut next = 0;
        while next < nodes.len() {
            let children: Vec<Arc<Node>> = lock(&nodes[next].children).values().cloned().collect();
            nodes.extend(children);
            next += 1;
        }
        nodes
    }

    /// Every call of this node and below, named relative to it.
    fn mock_calls(self: &Arc<Self>) -> Vec<Call> {
        let mut calls: Vec<(u64, Call)> = Vec::new();
        for node in self.subtree() {
            let relative = node.path.strip_prefix(&self.path).unwrap_or(&node.path);
            let name = match relative {
                "" => "call".to_owned(),
                call if call.starts_with('(') => format!("call{call}"),
                path => path.strip_prefix('.').unwrap_or(path).to_owned(),
            };
            for (seq, call) in crate::journal::sequenced(&node.method) {
                calls.push((seq, Call::new(name.clone(), call.args().to_vec())));
            }
        }
        calls.sort_by_key(|(seq, _)| *seq);
        calls.into_iter().map(|(_, call)| call).collect()
    }

    fn reset_mock(self: &Arc<Self>) {
        for node in self.subtree() {
            node.method.reset();
        }
    }
}

/// `db.cache.get` for the path `cache.get` below the root `db`.
fn dotted(root: &str, path: &str) -> String {
    match path {
        "" => root.to_owned(),
        call if call.starts_with('(') => format!("{root}{call}"),
        path => format!("{root}.{path}"),
    }
}

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
pub struct Mock(Arc<Node>);

impl Mock {
    /// A fresh mock named `name` (the start of every dotted name).
    ///
    /// ```
    /// assert_eq!(autospec::dynamic::Mock::new("db").attr("get").name(), "db.get");
    /// ```
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
    pub fn call(&self, args: Args) -> Value {
        self.0.call(args)
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
    pub fn seal(&self) {
        self.0.core.seal();
    }

    /// The dotted name: `db.cache.get`.
    ///
    /// ```
    /// let db = autospec::dynamic::Mock::new("db");
    /// assert_eq!(db.attr("cache").attr("get").name(), "db.cache.get");
    /// ```
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
    fn default() -> Self {
        Mock::new("mock")
    }
}

impl Deref for Mock {
    type Target = DynMethod;
    fn deref(&self) -> &DynMethod {
        &self.0.method
    }
}

/// `Mock(db.get)`: the kind and the dotted name.
impl Debug for Mock {
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
pub struct NonCallableMock(Arc<Node>);

impl NonCallableMock {
    /// A fresh non-callable mock named `name`.
    ///
    /// ```
    /// let config = autospec::dynamic::NonCallableMock::new("config");
    /// assert_eq!(config.attr("x").name(), "config.x");
    /// ```
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
    pub fn seal(&self) {
        self.0.core.seal();
    }

    /// Its name (see [`Mock::name`]).
    ///
    /// ```
    /// assert_eq!(autospec::dynamic::NonCallableMock::new("config").name(), "config");
    /// ```
    pub fn name(&self) -> String {
        self.0.dotted()
    }
}

/// `NonCallableMock(config)`.
impl Debug for NonCallableMock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NonCallableMock({})", self.0.dotted())
    }
}

/// Python's `MagicMock`: a [`Mock`] (it dereferences to one) whose
/// attributes and return values are `MagicMock`s too, and which implements
/// the std traits that make sense untyped, each through the dunder
/// attribute Python would use, with Python's default:
///
/// | Rust | attribute | default |
/// |---|---|---|
/// | `Display` (`to_string()`) | `__str__` | the dotted name |
/// | `PartialEq`, `Eq` | `__eq__` | identity |
/// | `Hash` | `__hash__` | identity |
/// | [`len`](MagicMock::len) | `__len__` | `0` |
/// | [`contains`](MagicMock::contains) | `__contains__` | `false` |
/// | [`iter`](MagicMock::iter) | `__iter__` | empty |
///
/// ```
/// use autospec::dynamic::MagicMock;
///
/// let rows = MagicMock::new("rows");
/// assert_eq!((rows.len(), rows.to_string()), (0, "rows".to_string()));
/// rows.attr("__len__").returns(3usize);
/// rows.attr("__iter__").returns(vec![1, 2, 3]);
/// assert_eq!(rows.len(), 3);
/// assert_eq!(rows.iter::<i32>().sum::<i32>(), 6);
/// assert_eq!(rows.mock_calls()[0], autospec::call!(__len__()));
/// ```
#[derive(Clone)]
pub struct MagicMock(Mock);

impl MagicMock {
    /// A fresh magic mock named `name`.
    ///
    /// ```
    /// assert_eq!(autospec::dynamic::MagicMock::new("m").to_string(), "m");
    /// ```
    pub fn new(name: &str) -> Self {
        MagicMock(Mock::new(name))
    }

    /// The attribute `name`, a `MagicMock` (see [`Mock::attr`]).
    ///
    /// ```
    /// let m = autospec::dynamic::MagicMock::new("m");
    /// assert_eq!(m.attr("items").len(), 0);
    /// ```
    #[track_caller]
    // Not `must_use`: touching an attribute to create it (before
    // `seal()`) is a statement of its own.
    #[allow(clippy::return_self_not_must_use)]
    pub fn attr(&self, name: &str) -> MagicMock {
        MagicMock(self.0.attr(name))
    }

    /// The return-value mock, a `MagicMock` (see [`Mock::return_value`]).
    ///
    /// ```
    /// use autospec::dyn_args;
    /// let open = autospec::dynamic::MagicMock::new("open");
    /// open.return_value().attr("__str__").returns(String::from("<file>"));
    /// let file = autospec::dynamic::MagicMock::from(open.call(dyn_args![]).mock());
    /// assert_eq!(file.to_string(), "<file>");
    /// ```
    #[track_caller]
    // Not `must_use`: touching an attribute to create it (before
    // `seal()`) is a statement of its own.
    #[allow(clippy::return_self_not_must_use)]
    pub fn return_value(&self) -> MagicMock {
        MagicMock(self.0.return_value())
    }
}

/// A `MagicMock` handle to the same mock, such as a call's answer.
///
/// ```
/// use autospec::dynamic::{MagicMock, Mock};
/// let plain = Mock::new("m");
/// assert!(MagicMock::from(plain.clone()).is(&plain));
/// ```
impl From<Mock> for MagicMock {
    fn from(mock: Mock) -> Self {
        MagicMock(mock)
    }
}

impl Deref for MagicMock {
    type Target = Mock;
    fn deref(&self) -> &Mock {
        &self.0
    }
}

/// `MagicMock(rows)`.
impl Debug for MagicMock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MagicMock({})", self.0 .0.dotted())
    }
}

/// Python's `NonCallableMagicMock`: a [`NonCallableMock`] (it dereferences
/// to one) with the std traits of [`MagicMock`]; its attributes are
/// `MagicMock`s.
///
/// ```
/// use autospec::dynamic::NonCallableMagicMock;
///
/// let settings = NonCallableMagicMock::new("settings");
/// settings.attr("__contains__").returns(true);
/// assert!(settings.contains("debug"));
/// assert_eq!(settings.to_string(), "settings");
/// ```
#[derive(Clone)]
pub struct NonCallableMagicMock(NonCallableMock);

impl NonCallableMagicMock {
    /// A fresh non-callable magic mock named `name`.
    ///
    /// ```
    /// let m = autospec::dynamic::NonCallableMagicMock::new("m");
    /// assert_eq!(m.len(), 0);
    /// ```
    pub fn new(name: &str) -> Self {
        NonCallableMagicMock(NonCallableMock(Node::root(
            name,
            Some("NonCallableMagicMock"),
        )))
    }

    /// The attribute `name`, a callable `MagicMock` (see [`Mock::attr`]).
    ///
    /// ```
    /// let m = autospec::dynamic::NonCallableMagicMock::new("m");
    /// assert_eq!(m.attr("x").to_string(), "m.x");
    /// ```
    #[track_caller]
    // Not `must_use`: touching an attribute to create it (before
    // `seal()`) is a statement of its own.
    #[allow(clippy::return_self_not_must_use)]
    pub fn attr(&self, name: &str) -> MagicMock {
        MagicMock(self.0.attr(name))
    }
}

impl Deref for NonCallableMagicMock {
    type Target = NonCallableMock;
    fn deref(&self) -> &NonCallableMock {
        &self.0
    }
}

/// `NonCallableMagicMock(settings)`.
impl Debug for NonCallableMagicMock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NonCallableMagicMock({})", self.0 .0.dotted())
    }
}

/// The magic methods of both magic kinds, through their dunder attributes.
macro_rules! magic_methods {
    ($ty:ident) => {
        impl $ty {
            fn node(&self) -> &Arc<Node> {
                &(self.0).0
            }

            /// Calls the dunder attribute `name`; `default` answers while
            /// it is unconfigured.
            #[track_caller]
            fn dunder(&self, name: &str, args: Args, default: impl FnOnce() -> Value) -> Value {
                self.node().attr(name).call_or(args, default)
            }

            /// `__len__`: `0` unless configured (with a `usize`).
            ///
            /// ```
            #[doc = concat!("let m = autospec::dynamic::", stringify!($ty), "::new(\"m\");")]
            /// m.attr("__len__").returns(2usize);
            /// assert_eq!(m.len(), 2);
            /// ```
            #[track_caller]
            pub fn len(&self) -> usize {
                self.dunder("__len__", Args::new(), || Value::new(0usize)).get()
            }

            /// Whether `__len__` answers `0`.
            ///
            /// ```
            #[doc = concat!("assert!(autospec::dynamic::", stringify!($ty), "::new(\"m\").is_empty());")]
            /// ```
            #[track_caller]
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            /// `__contains__`, with the value: `false` unless configured
            /// (with a `bool`).
            ///
            /// ```
            #[doc = concat!("let m = autospec::dynamic::", stringify!($ty), "::new(\"m\");")]
            /// assert!(!m.contains(3));
            /// m.attr("__contains__").returns_with(|args| args.get::<i32>(0) == Some(&3));
            /// assert!(m.contains(3) && !m.contains(4));
            /// ```
            #[track_caller]
            pub fn contains<T: Debug + Any + Send + Sync>(&self, value: T) -> bool {
                self.dunder("__contains__", Args::new().with(value), || Value::new(false))
                    .get()
            }

            /// `__iter__`: the items of the configured `Vec<T>`, else none.
            ///
            /// ```
            #[doc = concat!("let m = autospec::dynamic::", stringify!($ty), "::new(\"m\");")]
            /// assert_eq!(m.iter::<char>().count(), 0);
            /// m.attr("__iter__").returns(vec!['a', 'b']);
            /// assert_eq!(m.iter::<char>().collect::<String>(), "ab");
            /// ```
            #[track_caller]
            pub fn iter<T: Any + Clone>(&self) -> std::vec::IntoIter<T> {
                let items = self.dunder("__iter__", Args::new(), || Value::new(()));
                if items.try_get::<()>().is_some() {
                    return Vec::new().into_iter();
                }
                items.get::<Vec<T>>().into_iter()
            }
        }

        /// `__str__`: the dotted name unless configured (with a `String`).
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let name = self.node().dotted();
                let text = self.dunder("__str__", Args::new(), || Value::new(name));
                f.pad(&text.get::<String>())
            }
        }

        /// `__eq__`, with the other mock: identity unless configured
        /// (with a `bool`).
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                let same = Arc::ptr_eq(self.node(), other.node());
                self.dunder("__eq__", Args::new().with(other.clone()), || Value::new(same))
                    .get()
            }
        }

        impl Eq for $ty {}

        /// `__hash__`: the identity unless configured (with a `u64`).
        impl Hash for $ty {
            fn hash<H: Hasher>(&self, state: &mut H) {
                let id = self.node().id;
                state.write_u64(self.dunder("__hash__", Args::new(), || Value::new(id)).get());
            }
        }
    };
}

magic_methods!(MagicMock);
magic_methods!(NonCallableMagicMock);
