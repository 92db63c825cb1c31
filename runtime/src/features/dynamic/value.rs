//! What a dynamic mock's calls take and give: `Args`, built by
//! `dyn_args!`, and `Value`; and how expected arguments compare with
//! `Args` (by `Debug` text).

use crate::core::for_each_arity;
use crate::core::render::{debug_text, debug_texts, type_name_of};
use crate::features::matchers::args::{ArgsMatch, Check, Expected};
use std::any::Any;
use std::fmt::{self, Debug};
use std::sync::Arc;

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
    #[inline]
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
        self.texts.push(debug_text(&value));
        self.values.push(Arc::new(value));
        self
    }

    /// How many arguments there are.
    ///
    /// ```
    /// assert_eq!(autospec::dyn_args![1, 2, 3].len(), 3);
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(autospec::dyn_args![].is_empty());
    /// ```
    #[inline]
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
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({})", self.texts.join(", "))
    }
}

impl Args {
    /// Each argument's `Debug` text.
    #[inline]
    pub(crate) fn texts(&self) -> &[String] {
        &self.texts
    }
}

/// What a call of a dynamic mock answered: any value, read back with its
/// type. Unconfigured calls answer the callee's return-value mock
/// ([`Mock::return_value`](crate::dynamic::Mock::return_value)), as Python's do.
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
            text: debug_text(&value),
            type_name: type_name_of::<T>(),
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
                type_name_of::<T>()
            ),
        }
    }
}

/// The value's `Debug` text.
impl Debug for Value {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A dynamic mock's call: expected arguments compared by each element's
/// `Debug` text, for every arity of `ArgsMatch`'s tuples.
macro_rules! dynamic_impls {
    ($( ( $($a:ident $e:ident $i:tt),* ) )*) => {$(
        impl<$($e: fmt::Debug,)*> ArgsMatch<Args> for ($($e,)*) {
            #[allow(unused_variables)]
            fn __check(&self, args: &Args, check: &mut Check) -> bool {
                let expected = debug_texts(&[$(&self.$i),*]);
                let texts = args.texts();
                if texts.len() != expected.len() {
                    return check.__test(None, false, &|| format!("{} arguments", expected.len()));
                }
                for (i, (text, want)) in texts.iter().zip(&expected).enumerate() {
                    if !check.__test(Some(i), text == want, &|| want.clone()) && !check.__go_on() {
                        return false;
                    }
                }
                check.__passed()
            }

            fn __describe(&self) -> Expected {
                Expected::values(debug_texts(&[$(&self.$i),*]))
            }
        }
    )*};
}

for_each_arity!(dynamic_impls);
