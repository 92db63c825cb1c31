//! The core: what every call of every mock goes through.
//!
//! The call sequence (`sequence.rs`), a method's `Head` and its typed
//! journal (`head.rs`, `journal.rs`), its answers (`answers.rs`, generic
//! over the return type only; `closure.rs`, the standing closure that calls
//! run one at a time; `lent.rs`, what `&mut T` returns lend), `Method` and
//! its call path (`method/`), the `Answer` future of async methods
//! (`answer.rs`), the `Mock` trait (`mock.rs`), the thread-safety holders
//! (`holders.rs`, `bounds.rs`, `shared.rs`), and the failure messages of
//! the core's own assertions (`fail.rs`, `report.rs`).
//!
//! May use: std, and the other modules of the core. Never a feature
//! (`crate::features`) or the facade (`lib.rs`, `__private`): a feature
//! that needs something of the core gets a `pub(crate)` item here, and
//! where the core needs something of a feature it offers a hook instead
//! (`fail::add_note`). `ui-tests/tests/imports.rs` checks this.

/// Gives `$impls` every arity the tuple impls cover, 0 to 16 elements, as
/// lists `(A0 E0 0, A1 E1 1, ..)` (journaled type, expected type, index):
/// one table for plain tuples, matcher tuples, a dynamic mock's expected
/// arguments (`features/dynamic/value.rs`), and the core's per-arity
/// impls (`method/call.rs`, `method/calls.rs`), so that they cannot
/// disagree.
macro_rules! for_each_arity {
    ($impls:ident) => {
        $impls! {
            ()
            (A0 E0 0)
            (A0 E0 0, A1 E1 1)
            (A0 E0 0, A1 E1 1, A2 E2 2)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9, A10 E10 10)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9, A10 E10 10, A11 E11 11)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9, A10 E10 10, A11 E11 11, A12 E12 12)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9, A10 E10 10, A11 E11 11, A12 E12 12, A13 E13 13)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9, A10 E10 10, A11 E11 11, A12 E12 12, A13 E13 13, A14 E14 14)
            (A0 E0 0, A1 E1 1, A2 E2 2, A3 E3 3, A4 E4 4, A5 E5 5, A6 E6 6, A7 E7 7, A8 E8 8, A9 E9 9, A10 E10 10, A11 E11 11, A12 E12 12, A13 E13 13, A14 E14 14, A15 E15 15)
        }
    };
}

pub(crate) use for_each_arity;

pub(crate) mod address;
pub(crate) mod answer;
pub(crate) mod answers;
pub mod bounds;
pub(crate) mod call;
pub(crate) mod closure;
pub(crate) mod fail;
pub(crate) mod head;
pub(crate) mod holders;
pub(crate) mod journal;
pub(crate) mod lent;
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
