//! Element-wise comparison of a journaled argument tuple with an expected one.

/// Compares a journaled argument tuple with an expected tuple, element by
/// element, through `PartialEq`.
///
/// Implemented for tuples of up to 16 elements. Each journaled element is
/// compared with the expected element of the same position, so `("k",)`
/// matches a journaled `(String,)` and `(&[1u8, 2][..],)` matches `(Vec<u8>,)`.
/// An expected tuple of the wrong arity or with an incomparable element type
/// does not compile.
///
/// ```
/// use autospec::ArgsEq;
///
/// let journaled = (String::from("k"), vec![1u8, 2]);
/// assert!(journaled.args_eq(&("k", &[1u8, 2][..])));
/// assert!(!journaled.args_eq(&("q", &[1u8, 2][..])));
/// ```
pub trait ArgsEq<Expected: ?Sized> {
    /// Whether every element equals the expected element at its position.
    fn args_eq(&self, expected: &Expected) -> bool;
}

/// Renders an expected tuple element by element, for failure messages.
///
/// Implemented for tuples of up to 16 `Debug` elements.
///
/// ```
/// use autospec::ArgsDebug;
///
/// assert_eq!(("k", 3, [1u8]).render_args(), ["\"k\"", "3", "[1]"]);
/// ```
pub trait ArgsDebug {
    /// Each element's `Debug` text.
    fn render_args(&self) -> Vec<String>;
}

/// One arity table for both traits, so they cannot disagree.
macro_rules! tuple_impls {
    ($( ( $($a:ident $e:ident $i:tt),* ) )*) => {$(
        impl<$($a: PartialEq<$e>, $e,)*> ArgsEq<($($e,)*)> for ($($a,)*) {
            #[allow(unused_variables)]
            fn args_eq(&self, expected: &($($e,)*)) -> bool {
                true $(&& self.$i == expected.$i)*
            }
        }

        impl<$($e: ::std::fmt::Debug,)*> ArgsDebug for ($($e,)*) {
            fn render_args(&self) -> Vec<String> {
                $crate::__private::debug_texts(&[$(&self.$i),*])
            }
        }
    )*};
}

tuple_impls! {
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
