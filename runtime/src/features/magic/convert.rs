//! Conversions: `From<T>` (journaled in the new mock) and `AsRef<T>`.

use super::child::Part;
use super::child::{magic_trait, no_args, none, one_arg, NoArgs, OneArg};
use crate::core::journal::AnyMethod;
use crate::core::mock_core::MockCore;
use std::borrow::Borrow;
use std::fmt::Debug;
use std::sync::Arc;

magic_trait! {
    /// `magic(From<T>)`: `MockX::from(value)` (and `value.into()`) makes a
    /// fresh mock and journals `value` (`T: Clone + Debug`) in *its*
    /// `magic.from.from`, where the test finds it once the code under test
    /// hands the mock back.
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(From<u16>))]
    /// trait Port {}
    ///
    /// let port: MockPort = 8080.into();
    /// port.magic.from.from.assert_called_once_with((8080,));
    /// ```
    MagicFrom<T> {
        /// `From::from`, with the value converted.
        from: OneArg<T, ()>,
    }
}

impl<T: Debug> MagicFrom<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicFrom {
            from: one_arg(core, "magic.from.from", none),
        }
    }
}

/// `magic(AsRef<T>)`: `as_ref()` lends `T::Owned::default()` where there is
/// one (an empty path, an empty string), or the configured `T::Owned` (a
/// `PathBuf` for `AsRef<Path>`), which the mock keeps and lends out.
///
/// ```
/// use autospec::prelude::*;
/// use std::path::{Path, PathBuf};
///
/// #[autospec(magic(AsRef<Path>))]
/// trait Location {}
///
/// fn exists(path: impl AsRef<Path>) -> bool {
///     path.as_ref() == Path::new("/etc/hosts")
/// }
///
/// let location = MockLocation::default();
/// assert!(!exists(location.clone()));
/// location.magic.as_ref.as_ref.returns(PathBuf::from("/etc/hosts"));
/// assert!(exists(location.clone()));
/// ```
pub struct MagicAsRef<T: ?Sized + ToOwned> {
    /// `AsRef::as_ref`: the owned form of what it lends.
    pub as_ref: NoArgs<T::Owned>,
}

impl<T: ?Sized + ToOwned> Clone for MagicAsRef<T> {
    fn clone(&self) -> Self {
        MagicAsRef {
            as_ref: self.as_ref.clone(),
        }
    }
}

impl<T: ?Sized + ToOwned> Part for MagicAsRef<T> {
    fn __push<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>) {
        methods.push(&self.as_ref);
    }
}

impl<T: ?Sized + ToOwned> MagicAsRef<T> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<T::Owned>) -> Self {
        MagicAsRef {
            as_ref: no_args(core, "magic.as_ref.as_ref", default),
        }
    }

    #[doc(hidden)]
    #[track_caller]
    pub fn __as_ref(&self) -> &T {
        self.as_ref.__call_ref((), |answer| answer()).borrow()
    }
}
