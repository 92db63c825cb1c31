//! `TypedArg`: how the child mock of one instantiation of a generic method
//! (`mock.get.of::<String>()`) journals an argument of the method's type
//! parameter: the value itself, else its text.

use crate::core::holders::{Sent, ThreadBound};
use crate::core::lock::lock;
use crate::core::render::debug_text;
use crate::features::matchers::matcher::{Collection, Sequence};
use std::fmt;
use std::sync::{Arc, Mutex};

/// An argument of a generic method's type parameter (`url: U` in `fn
/// get<U: ToString + 'static>(&self, url: U)`), as the child mock of its
/// instantiation (`of::<String>()`) journals it: the value itself, so that
/// assertions compare it with `==` as for any argument.
///
/// The method's code cannot copy a `U` whose bounds do not say `Clone`, so
/// the journal keeps the argument itself, moved, and where it cannot, its
/// text (its `Debug` text where the bounds say `Debug`, else its type
/// name), which comparisons then use:
///
/// - a call answered by a `returns_with` closure hands the argument to the
///   closure, and the journal keeps the text;
/// - an argument taken by reference (`&U`) is kept as a clone where the
///   bounds say `Clone`, else as text;
/// - a call made before the test asked for its instantiation (`of`) is
///   kept typed, and arrives as text only where the test asks for the
///   instantiation on another thread than the call's;
/// - a value whose type is not known to be `Send` (the bounds do not say
///   so) is readable on the thread that made the call only.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Client {
///     fn get<U: ToString + 'static>(&self, url: U) -> usize;
/// }
///
/// let client = MockClient::default();
/// let get = client.get.of::<String>();
/// get.returns(200);
/// client.get(String::from("http://h/1"));
/// get.assert_called_once_with(("http://h/1",));
/// let (url,) = get.call_args().unwrap();
/// assert_eq!(url.value(), Some("http://h/1".to_string()));
/// ```
pub struct TypedArg<T> {
    /// Shared with the call, whose `returns_with` closure may take it.
    value: Arc<Mutex<Option<Kept<T>>>>,
    text: String,
}

/// A value kept as `Send` where its type is known to be, else bound to its
/// thread.
enum Kept<T> {
    Sent(Sent<T>),
    Local(ThreadBound<T>),
}

impl<T> Kept<T> {
    fn get(&self) -> Option<&T> {
        match self {
            Kept::Sent(value) => Some(value.get()),
            Kept::Local(value) => value.get(),
        }
    }
}

impl<T> TypedArg<T> {
    /// Keeps `value`, readable on this thread, with its `text`.
    #[doc(hidden)]
    pub fn keep(text: String, value: T) -> Self {
        Self::with(text, Some(Kept::Local(ThreadBound::new(value))))
    }

    /// Keeps `value`, whose type is `Send`, with its `text`.
    #[doc(hidden)]
    pub fn keep_send(text: String, value: T) -> Self
    where
        T: Send,
    {
        Self::with(text, Some(Kept::Sent(Sent::new(value))))
    }

    /// An entry of which only the text is known.
    ///
    /// ```
    /// let arg = autospec::TypedArg::<u8>::from_text("3");
    /// assert_eq!((arg.value(), arg.text()), (None, "3"));
    /// ```
    pub fn from_text(text: impl Into<String>) -> Self {
        Self::with(text.into(), None)
    }

    fn with(text: String, value: Option<Kept<T>>) -> Self {
        TypedArg {
            value: Arc::new(Mutex::new(value)),
            text,
        }
    }

    /// Takes the value back for the call's `returns_with` closure.
    #[doc(hidden)]
    pub fn __handle(&self) -> TypedTake<T> {
        TypedTake(Arc::clone(&self.value))
    }

    /// A clone of the argument, where the journal kept it (see the type).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bus { fn send<T: 'static>(&self, message: T); }
    /// let bus = MockBus::default();
    /// let send = bus.send.of::<u8>();
    /// bus.send(7u8);
    /// assert_eq!(send.call_args().unwrap().0.value(), Some(7));
    /// ```
    pub fn value(&self) -> Option<T>
    where
        T: Clone,
    {
        lock(&self.value).as_ref()?.get().cloned()
    }

    /// The argument's `Debug` text, or its type name.
    ///
    /// ```
    /// assert_eq!(autospec::TypedArg::<u8>::from_text("3").text(), "3");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The call's hold on a journaled argument: its `returns_with` closure
/// takes the argument from the journal.
#[doc(hidden)]
pub struct TypedTake<T>(Arc<Mutex<Option<Kept<T>>>>);

impl<T> TypedTake<T> {
    /// The argument, out of the journal.
    pub fn take(self) -> T {
        let kept = lock(&self.0).take();
        let value = match kept {
            Some(Kept::Sent(value)) => Ok(value.into_inner()),
            Some(Kept::Local(value)) => value.into_inner().map_err(drop),
            None => Err(()),
        };
        value.unwrap_or_else(|()| unreachable!("the call's own thread takes its argument once"))
    }
}

/// Another handle to the same kept value, whatever its type.
impl<T> Clone for TypedArg<T> {
    fn clone(&self) -> Self {
        TypedArg {
            value: Arc::clone(&self.value),
            text: self.text.clone(),
        }
    }
}

/// Shows the text, as the journal does for any argument.
impl<T> fmt::Debug for TypedArg<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Compares the kept value with `==`, else the texts.
impl<T: PartialEq<E>, E: fmt::Debug> PartialEq<E> for TypedArg<T> {
    fn eq(&self, other: &E) -> bool {
        match lock(&self.value).as_ref().and_then(Kept::get) {
            Some(value) => value == other,
            None => self.text == debug_text(other),
        }
    }
}

/// Orders the kept value; without one, the argument is not ordered.
impl<T: PartialOrd<E>, E: fmt::Debug> PartialOrd<E> for TypedArg<T> {
    fn partial_cmp(&self, other: &E) -> Option<std::cmp::Ordering> {
        lock(&self.value).as_ref()?.get()?.partial_cmp(other)
    }
}

/// `contains(..)` on the kept value; without one, nothing is contained.
impl<T: Collection<V>, V: ?Sized> Collection<V> for TypedArg<T> {
    fn holds(&self, item: &V) -> bool {
        lock(&self.value)
            .as_ref()
            .and_then(Kept::get)
            .is_some_and(|value| value.holds(item))
    }
}

/// `starts_with(..)`, `ends_with(..)` on the kept value.
impl<T: Sequence<V>, V: ?Sized> Sequence<V> for TypedArg<T> {
    fn starts(&self, prefix: &V) -> bool {
        lock(&self.value)
            .as_ref()
            .and_then(Kept::get)
            .is_some_and(|value| value.starts(prefix))
    }
    fn ends(&self, suffix: &V) -> bool {
        lock(&self.value)
            .as_ref()
            .and_then(Kept::get)
            .is_some_and(|value| value.ends(suffix))
    }
}
