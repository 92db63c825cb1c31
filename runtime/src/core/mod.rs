//! The core: what every call of every mock goes through.
//!
//! The call sequence (`sequence.rs`), a method's `Head` and its typed
//! journal (`head.rs`, `journal.rs`), its answers (`answers.rs`, generic
//! over the return type only), `Method` and its call path (`method/`), the
//! `Answer` future of async methods (`answer.rs`), the `Mock` trait
//! (`mock.rs`), the thread-safety holders (`holders.rs`, `bounds.rs`,
//! `shared.rs`), and the failure messages of the core's own assertions
//! (`fail.rs`, `report.rs`).
//!
//! May use: std, and the other modules of the core. Never a feature
//! (`crate::features`) or the facade (`lib.rs`, `__private`): a feature
//! that needs something of the core gets a `pub(crate)` item here, and
//! where the core needs something of a feature it offers a hook instead
//! (`fail::add_note`). `ui-tests/tests/imports.rs` checks this.

pub(crate) mod address;
pub(crate) mod answer;
pub(crate) mod answers;
pub mod bounds;
pub(crate) mod call;
pub(crate) mod fail;
pub(crate) mod head;
pub(crate) mod holders;
pub(crate) mod journal;
pub(crate) mod lock;
pub(crate) mod method;
pub(crate) mod mock;
pub(crate) mod mock_core;
pub(crate) mod opaque;
pub(crate) mod render;
pub(crate) mod report;
pub(crate) mod sequence;
pub(crate) mod shared;
pub(crate) mod shown;
