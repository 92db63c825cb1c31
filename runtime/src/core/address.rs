//! `Address`: the journal entry of a raw pointer argument.

use std::fmt;

/// A raw pointer argument as the journal keeps it: its address, never the
/// pointer itself, so that a mock of a `Send + Sync` trait whose methods
/// take `*const T` or `*mut T` stays `Send + Sync`, and nothing the journal
/// does can read through the pointer. The answer closure still receives
/// the pointer as it was passed.
///
/// An `Address` compares equal to a pointer with the same address, so an
/// assertion names the pointer it expects:
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Ffi: Send + Sync {
///     fn write(&self, buf: *const u8, len: usize) -> isize;
/// }
///
/// let ffi = MockFfi::default();
/// let bytes = *b"hi";
/// ffi.write.returns(2);
/// assert_eq!(ffi.write(bytes.as_ptr(), 2), 2);
/// ffi.write.assert_called_once_with((bytes.as_ptr(), 2));
/// let (address, _) = ffi.write.call_args().unwrap();
/// assert_eq!(address, bytes.as_ptr());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address(usize);

impl Address {
    /// The address of `pointer` (a `*mut T` coerces to `*const T`).
    ///
    /// ```
    /// let value = 7u32;
    /// let pointer: *const u32 = &value;
    /// assert_eq!(autospec::Address::of(pointer), pointer);
    /// assert!(!autospec::Address::of(pointer).is_null());
    /// ```
    pub fn of<T: ?Sized>(pointer: *const T) -> Self {
        Address(pointer.cast::<()>() as usize)
    }

    /// Whether the pointer was null.
    ///
    /// ```
    /// assert!(autospec::Address::of(std::ptr::null::<u8>()).is_null());
    /// ```
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
}

impl<T: ?Sized> PartialEq<*const T> for Address {
    fn eq(&self, other: &*const T) -> bool {
        *self == Address::of(*other)
    }
}

impl<T: ?Sized> PartialEq<*mut T> for Address {
    fn eq(&self, other: &*mut T) -> bool {
        *self == Address::of(other.cast_const())
    }
}

/// `0x7ffd5f1c2a10`, as `{:p}` shows a pointer.
impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}
