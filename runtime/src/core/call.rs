//! One recorded call in a form that every method of every mock shares.

use std::borrow::Cow;
use std::fmt;

/// One call to one method, with its arguments rendered by `Debug`.
///
/// [`Mock::mock_calls`](crate::Mock::mock_calls) returns these, in the order
/// the calls happened, and the [`call!`](crate::call!) macro builds them for
/// comparison. Because calls of different methods have different argument
/// types, a `Call` compares the method name and each argument's `Debug`
/// rendering: `call!(get("k"))` equals a journaled `get(String::from("k"))`.
/// An argument type without `Debug` renders as its type name. For typed,
/// exact comparison use the per-method assertions such as
/// [`Method::assert_called_with`](crate::Method::assert_called_with).
///
/// A journaled call also keeps what it returned, when the return type is
/// `Clone + Debug`; `{:?}` shows it (`get("k") -> Some("v")`), so that
/// `format!("{:#?}", mock.mock_calls())` is a readable snapshot with one
/// call per line. Comparison and `Display` leave it out.
///
/// ```
/// use autospec::Call;
///
/// let call = autospec::call!(get("k", 3));
/// assert_eq!(call.method(), "get");
/// assert_eq!(call.args(), ["\"k\"", "3"]);
/// assert_eq!(call.to_string(), r#"get("k", 3)"#);
/// assert_eq!(call, Call::new("get", vec![r#""k""#.into(), "3".into()]));
/// ```
#[derive(Clone)]
pub struct Call {
    method: Cow<'static, str>,
    args: Vec<String>,
    returned: Option<String>,
}

/// Equal when the method and the arguments are: what a call returned is
/// not part of what `call!(..)` states.
impl PartialEq for Call {
    fn eq(&self, other: &Self) -> bool {
        self.method == other.method && self.args == other.args
    }
}

impl Eq for Call {}

impl std::hash::Hash for Call {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.method.hash(state);
        self.args.hash(state);
    }
}

impl Call {
    /// A call of `method` with arguments already rendered as text.
    ///
    /// A raw identifier prefix (`r#type`) is dropped, so the name is the one
    /// the user reads.
    ///
    /// ```
    /// let call = autospec::Call::new("r#type", vec!["1".into()]);
    /// assert_eq!(call.to_string(), "type(1)");
    /// ```
    pub fn new(method: impl Into<Cow<'static, str>>, args: Vec<String>) -> Self {
        let method = match method.into() {
            Cow::Borrowed(name) => Cow::Borrowed(name.strip_prefix("r#").unwrap_or(name)),
            Cow::Owned(name) => match name.strip_prefix("r#") {
                Some(bare) => Cow::Owned(bare.to_owned()),
                None => Cow::Owned(name),
            },
        };
        Call {
            method,
            args,
            returned: None,
        }
    }

    /// The same call, showing what it returned (already rendered).
    ///
    /// ```
    /// let call = autospec::call!(get("k")).returning(Some(r#"Some("v")"#.into()));
    /// assert_eq!(format!("{call:?}"), r#"get("k") -> Some("v")"#);
    /// assert_eq!(call, autospec::call!(get("k")));
    /// ```
    #[must_use]
    pub fn returning(mut self, returned: Option<String>) -> Self {
        self.returned = returned;
        self
    }

    /// What the call returned, rendered with `Debug`, if it was journaled
    /// (the return type is `Clone + Debug` and the call returned).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.returns(Some("v".into()));
    /// store.get("k");
    /// assert_eq!(store.mock_calls()[0].returned(), Some(r#"Some("v")"#));
    /// ```
    pub fn returned(&self) -> Option<&str> {
        self.returned.as_deref()
    }

    /// The name of the called method.
    ///
    /// ```
    /// assert_eq!(autospec::call!(put(1, 2)).method(), "put");
    /// ```
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The arguments, each rendered with `Debug` (or as its type name).
    ///
    /// ```
    /// assert_eq!(autospec::call!(put(1, "x")).args(), ["1", "\"x\""]);
    /// ```
    pub fn args(&self) -> &[String] {
        &self.args
    }
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.method)?;
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(arg)?;
        }
        f.write_str(")")
    }
}

/// Shows the call as it was written and what it returned, `get("k") ->
/// Some("v")`, also under `{:#?}`, so a list of calls pretty-prints one
/// call per line: a stable text for snapshot tests.
impl fmt::Debug for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)?;
        match &self.returned {
            Some(returned) => write!(f, " -> {returned}"),
            None => Ok(()),
        }
    }
}
