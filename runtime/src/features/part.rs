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

/// Where the chain ends: a part number that no impl block claimed.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, Default)]
pub struct NoPart;

impl Part for NoPart {
    fn __new(_: &Arc<MockCore>) -> Self {
        NoPart
    }

    fn __methods<'a>(&'a self, _: &mut Vec<&'a dyn AnyMethod>) {}
}

/// A part that an impl block defined, and the part after it.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `#[autospec(part = ..)]` block follows a part number that no block has",
    label = "number the further blocks of a type 2, 3, .. without gaps",
    note = "the block with the plain `#[autospec]` is part 1; the next one is `#[autospec(part = 2)]`"
)]
pub trait RealPart {
    /// The next part in the chain.
    type Next;
    /// The next part's child mocks.
    fn __next(&self) -> &Self::Next;
}
