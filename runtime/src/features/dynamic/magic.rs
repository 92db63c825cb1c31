//! `MagicMock` and `NonCallableMagicMock`: dynamic mocks with the std
//! traits that make sense untyped, through Python's dunder attributes.

use super::mock::{Mock, NonCallableMock};
use super::node::Node;
use super::value::{Args, Value};
use std::any::Any;
use std::fmt::{self, Debug};
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

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
    #[inline]
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
    #[inline]
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
    #[inline]
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
    #[inline]
    fn from(mock: Mock) -> Self {
        MagicMock(mock)
    }
}

impl Deref for MagicMock {
    type Target = Mock;
    #[inline]
    fn deref(&self) -> &Mock {
        &self.0
    }
}

/// `MagicMock(rows)`.
impl Debug for MagicMock {
    #[inline]
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
    #[inline]
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
    #[inline]
    pub fn attr(&self, name: &str) -> MagicMock {
        MagicMock(self.0.attr(name))
    }
}

impl Deref for NonCallableMagicMock {
    type Target = NonCallableMock;
    #[inline]
    fn deref(&self) -> &NonCallableMock {
        &self.0
    }
}

/// `NonCallableMagicMock(settings)`.
impl Debug for NonCallableMagicMock {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NonCallableMagicMock({})", self.0 .0.dotted())
    }
}

/// The magic methods of both magic kinds, through their dunder attributes.
macro_rules! magic_methods {
    ($ty:ident) => {
        impl $ty {
            #[inline]
            fn node(&self) -> &Arc<Node> {
                &(self.0).0
            }

            /// Calls the dunder attribute `name`; `default` answers while
            /// it is unconfigured.
            #[track_caller]
            #[inline]
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
            #[inline]
            pub fn len(&self) -> usize {
                self.dunder("__len__", Args::new(), || Value::new(0usize)).get()
            }

            /// Whether `__len__` answers `0`.
            ///
            /// ```
            #[doc = concat!("assert!(autospec::dynamic::", stringify!($ty), "::new(\"m\").is_empty());")]
            /// ```
            #[track_caller]
            #[inline]
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
            #[inline]
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let name = self.node().dotted();
                let text = self.dunder("__str__", Args::new(), || Value::new(name));
                f.pad(&text.get::<String>())
            }
        }

        /// `__eq__`, with the other mock: identity unless configured
        /// (with a `bool`).
        impl PartialEq for $ty {
            #[inline]
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
