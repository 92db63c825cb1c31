//! Operators: `Index`, the arithmetic and bit operators (`Add<Rhs>` and
//! friends), their compound assignments and the unary `Neg` and `Not`.

use super::child::{magic_trait, no_args, none, one_arg, NoArgs, OneArg};
use crate::core::mock_core::MockCore;
use std::fmt::Debug;
use std::sync::Arc;

magic_trait! {
    /// `magic(Index<Idx, Output = O>)`: `mock[idx]` answers `O::default()`
    /// where `O` has one, or the configured `O`, which the mock keeps and
    /// lends out. Indices are journaled (`Idx: Clone + Debug`).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(magic(Index<&'static str, Output = u32>))]
    /// trait Table {}
    ///
    /// let table = MockTable::default();
    /// assert_eq!(table["missing"], 0);
    /// table.magic.index.index.returns_with(|key| u32::from(key == "a"));
    /// assert_eq!((table["a"], table["b"]), (1, 0));
    /// table.magic.index.index.assert_called_with(("b",));
    /// ```
    MagicIndex<Idx, O> {
        /// `Index::index`, with the index.
        index: OneArg<Idx, O>,
    }
}

impl<Idx: Debug, O> MagicIndex<Idx, O> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<O>) -> Self {
        MagicIndex {
            index: one_arg(core, "magic.index.index", default),
        }
    }
}

impl<Idx: Clone, O> MagicIndex<Idx, O> {
    #[doc(hidden)]
    #[track_caller]
    pub fn __index(&self, idx: Idx) -> &O {
        self.index.__call_ref((idx.clone(),), |answer| answer(idx))
    }
}

/// The arithmetic and bit operators: `Add<Rhs>` and friends.
macro_rules! binary_ops {
    ($($name:ident $trait:ident $field:ident $key:literal $op:tt;)*) => {$(
        magic_trait! {
            #[doc = concat!(
                "`magic(", stringify!($trait), "<Rhs>)` or `magic(", stringify!($trait),
                "<Rhs, Output = O>)`: `mock ", stringify!($op), " rhs` journals `rhs` \
                (`Rhs: Clone + Debug`) and answers the configured `O`. Without \
                `Output`, `O` is the mock and the default answer is the mock \
                itself (Python's `MagicMock` answers a mock too); with it, \
                `O::default()` where `O` has one.\n\n\
                ```\n\
                use autospec::magic::MockRef;\n\
                use autospec::prelude::*;\n\n\
                #[autospec(magic(", stringify!($trait), "<i64>))]\n\
                trait Amount {}\n\n\
                let amount = MockAmount::default();\n\
                let result = amount.clone() ", stringify!($op), " 5; // the same mock\n\
                assert_eq!(MockRef::of(&result), MockRef::of(&amount));\n\
                amount.magic.", $key, ".", stringify!($field), ".assert_called_once_with((5,));\n\
                ```"
            )]
            $name<Rhs, O> {
                #[doc = concat!("`", stringify!($trait), "::", stringify!($field), "`, with the right-hand side.")]
                $field: OneArg<Rhs, O>,
            }
        }

        impl<Rhs: Debug, O> $name<Rhs, O> {
            #[doc(hidden)]
            pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<O>) -> Self {
                $name {
                    $field: one_arg(core, concat!("magic.", $key, ".", stringify!($field)), default),
                }
            }
        }
    )*};
}

binary_ops! {
    MagicAdd Add add "add" +;
    MagicSub Sub sub "sub" -;
    MagicMul Mul mul "mul" *;
    MagicDiv Div div "div" /;
    MagicRem Rem rem "rem" %;
    MagicBitAnd BitAnd bitand "bit_and" &;
    MagicBitOr BitOr bitor "bit_or" |;
    MagicBitXor BitXor bitxor "bit_xor" ^;
    MagicShl Shl shl "shl" <<;
    MagicShr Shr shr "shr" >>;
}

/// The compound assignment operators: `AddAssign<Rhs>` and friends.
macro_rules! assign_ops {
    ($($name:ident $trait:ident $field:ident $key:literal $op:tt;)*) => {$(
        magic_trait! {
            #[doc = concat!(
                "`magic(", stringify!($trait), "<Rhs>)`: `mock ", stringify!($op),
                " rhs` journals `rhs` (`Rhs: Clone + Debug`); a `returns_with` \
                closure can act on it.\n\n\
                ```\n\
                use autospec::prelude::*;\n\n\
                #[autospec(magic(", stringify!($trait), "<i64>))]\n\
                trait Total {}\n\n\
                let mut total = MockTotal::default();\n\
                total ", stringify!($op), " 3;\n\
                total.magic.", $key, ".", stringify!($field), ".assert_called_once_with((3,));\n\
                ```"
            )]
            $name<Rhs> {
                #[doc = concat!("`", stringify!($trait), "::", stringify!($field), "`, with the right-hand side.")]
                $field: OneArg<Rhs, ()>,
            }
        }

        impl<Rhs: Debug> $name<Rhs> {
            #[doc(hidden)]
            pub fn __new(core: &Arc<MockCore>) -> Self {
                $name {
                    $field: one_arg(core, concat!("magic.", $key, ".", stringify!($field)), none),
                }
            }
        }
    )*};
}

assign_ops! {
    MagicAddAssign AddAssign add_assign "add_assign" +=;
    MagicSubAssign SubAssign sub_assign "sub_assign" -=;
    MagicMulAssign MulAssign mul_assign "mul_assign" *=;
    MagicDivAssign DivAssign div_assign "div_assign" /=;
    MagicRemAssign RemAssign rem_assign "rem_assign" %=;
    MagicBitAndAssign BitAndAssign bitand_assign "bit_and_assign" &=;
    MagicBitOrAssign BitOrAssign bitor_assign "bit_or_assign" |=;
    MagicBitXorAssign BitXorAssign bitxor_assign "bit_xor_assign" ^=;
    MagicShlAssign ShlAssign shl_assign "shl_assign" <<=;
    MagicShrAssign ShrAssign shr_assign "shr_assign" >>=;
}

/// The unary operators `Neg` and `Not`.
macro_rules! unary_ops {
    ($($name:ident $trait:ident $field:ident $op:tt;)*) => {$(
        magic_trait! {
            #[doc = concat!(
                "`magic(", stringify!($trait), ")` or `magic(", stringify!($trait),
                "<Output = O>)`: `", stringify!($op), "mock` answers the configured `O`. \
                Without `Output`, `O` is the mock and the default answer is the \
                mock itself; with it, `O::default()` where `O` has one.\n\n\
                ```\n\
                use autospec::prelude::*;\n\n\
                #[autospec(magic(", stringify!($trait), "<Output = i8>))]\n\
                trait Level {}\n\n\
                let level = MockLevel::default();\n\
                assert_eq!(", stringify!($op), "level.clone(), 0);\n\
                level.magic.", stringify!($field), ".", stringify!($field), ".returns(7);\n\
                assert_eq!(", stringify!($op), "level.clone(), 7);\n\
                ```"
            )]
            $name<O> {
                #[doc = concat!("`", stringify!($trait), "::", stringify!($field), "`.")]
                $field: NoArgs<O>,
            }
        }

        impl<O> $name<O> {
            #[doc(hidden)]
            pub fn __new(core: &Arc<MockCore>, default: fn() -> Option<O>) -> Self {
                $name {
                    $field: no_args(
                        core,
                        concat!("magic.", stringify!($field), ".", stringify!($field)),
                        default,
                    ),
                }
            }
        }
    )*};
}

unary_ops! {
    MagicNeg Neg neg -;
    MagicNot Not not !;
}
