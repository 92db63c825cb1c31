use autospec::prelude::*;

// `impl Trait` in the attribute is followed by `= Type` or by a block of
// restated methods.
#[autospec(impl std::fmt::Display)]
pub trait Labels {
    fn label(&self) -> impl std::fmt::Display;
}

fn main() {}
