//! Std traits on mocks: Python's `MagicMock`.
//!
//! `#[autospec(magic(Display, PartialEq, Iterator<Item = u32>, ..))]` makes
//! the mock implement those std traits as well as the mocked one. The mock
//! then has a field `magic` with one field per trait, named after the trait
//! in snake case (`magic.display`, `magic.partial_eq`, `magic.add_assign`),
//! which holds one child mock per trait method, named after the method:
//! `mock.magic.display.fmt`, `mock.magic.iterator.next`. Two traits with a
//! method of the same name (`Display::fmt` and `Debug::fmt`, `Read::read`
//! and a `read` of your own trait) never meet: each lives under its trait.
//!
//! Each child mock is a [`Method`](crate::Method), configured and asserted on like any
//! other, and journaled in the mock's `mock_calls()` as
//! `call!(magic.display.fmt())`. Unconfigured, it answers as a `MagicMock`
//! would (an empty iterator, equality by identity, the mock's name for
//! `Display`; each type below says what), and these defaults hold on a
//! sealed mock too: they are the magic mock's configuration, not
//! `Default::default()`. They also answer once one-shot answers
//! (`returns_once`, `returns_each`) are used up, where a plain method
//! would panic: the magic default is the standing answer.
//!
//! The types here (`MagicDisplay` for `Display`, and so on) are what the
//! `magic` field holds; the generated code
//! does only the glue, so a trait you do not ask for costs nothing.
//!
//! ```
//! use autospec::prelude::*;
//!
//! #[autospec(magic(Display, PartialEq, Iterator<Item = u32>))]
//! trait Cursor {
//!     fn rewind(&self);
//! }
//!
//! let cursor = MockCursor::default();
//! assert_eq!(cursor.to_string(), "MockCursor"); // the mock's name
//! assert!(cursor == cursor.clone()); // one mock, two handles
//! assert!(cursor != MockCursor::default());
//! cursor.magic.iterator.yields([1, 2, 3]);
//! assert_eq!(cursor.clone().sum::<u32>(), 6);
//! cursor.magic.display.fmt.returns("cursor #1".into());
//! assert_eq!(cursor.to_string(), "cursor #1");
//! assert_eq!(cursor.magic.iterator.next.call_count(), 4);
//! ```

// The feature `magic(..)` (public as `autospec::magic`): one module per
// kind of trait, `child.rs` (what they are all made of), `cmp.rs`
// (`Display`, `PartialEq`, `PartialOrd`, `Hash`), `iter.rs`, `ops.rs`
// (operators and `Index`), `io.rs` (`Read`, `Write`, `BufRead`, `Seek`),
// `convert.rs` (`From`, `AsRef`) and `drop.rs`. May use: the core.

mod child;
mod cmp;
mod convert;
mod drop;
mod io;
mod iter;
mod ops;

pub use child::{MockRef, NoArgs, OneArg, Part};
pub use cmp::{MagicDisplay, MagicHash, MagicPartialEq, MagicPartialOrd};
pub use convert::{MagicAsRef, MagicFrom};
pub use drop::MagicDrop;
pub use io::{MagicBufRead, MagicRead, MagicSeek, MagicWrite, ReadBuf};
pub use iter::{MagicIntoIterator, MagicIterator};
pub use ops::{
    MagicAdd, MagicAddAssign, MagicBitAnd, MagicBitAndAssign, MagicBitOr, MagicBitOrAssign,
    MagicBitXor, MagicBitXorAssign, MagicDiv, MagicDivAssign, MagicIndex, MagicMul, MagicMulAssign,
    MagicNeg, MagicNot, MagicRem, MagicRemAssign, MagicShl, MagicShlAssign, MagicShr,
    MagicShrAssign, MagicSub, MagicSubAssign,
};
