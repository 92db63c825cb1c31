//! Further impl blocks of a mocked type, `#[autospec(part = 2)]`: each
//! block's child mocks live in a part that the mock derefs to.

use crate::core::journal::AnyMethod;
use crate::core::mock_core::MockCore;
use std::sync::Arc;

/// A link of the chain of parts that a mock of an impl block derefs to.
#[doc(hidden)]
pub trait Part: Clone {
    /// The part's child mocks, journaling into the mock's `core`.
    fn __new(core: &Arc<MockCore>) -> Self;
    /// The part's child mocks and those of the parts after it, for
    /// `mock_calls()`, `reset_mock()` and `seal()`.
    fn __methods<'a>(&'a self, methods: &mut Vec<&'a dyn AnyMethod>);
}

/// A part number that no impl block claimed: where the chain of a mock's
/// parts ends.
///
/// The plain `#[autospec]` block of a type is part 1, and each further
/// `#[autospec(part = N)]` block of the same type numbers on without a
/// gap. A block whose number skips one reaches its part through this
/// type, which is not a [`PartBlock`], so the build fails with one error
/// that says how to number the blocks:
///
/// ```
/// # mod client {
/// use autospec::autospec;
///
/// pub struct Client;
///
/// #[autospec]
/// impl Client {
///     pub fn new() -> Self { Client }
///     pub fn get(&self, path: &str) -> u16 { let _ = path; 200 }
/// }
///
/// #[autospec(part = 2)]
/// impl Client {
///     pub fn close(&self) {}
/// }
/// # }
/// # use client::MockClient;
/// let client = MockClient::default();
/// client.close();
/// client.close.assert_called_once();
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct MissingPart;

impl Part for MissingPart {
    fn __new(_: &Arc<MockCore>) -> Self {
        MissingPart
    }

    fn __methods<'a>(&'a self, _: &mut Vec<&'a dyn AnyMethod>) {}
}

/// A part that a `#[autospec(part = N)]` impl block defined, and the part
/// after it; see [`MissingPart`] for how blocks are numbered. Implemented
/// by the macro, never by hand.
#[diagnostic::on_unimplemented(
    message = "this `#[autospec(part = ..)]` block follows a part number that no block has",
    label = "number the further blocks of a type 2, 3, .. without gaps",
    note = "the block with the plain `#[autospec]` is part 1; the next one is `#[autospec(part = 2)]`"
)]
pub trait PartBlock {
    /// The next part in the chain.
    type Next;
    /// The next part's child mocks.
    #[doc(hidden)]
    fn __next(&self) -> &Self::Next;
}
