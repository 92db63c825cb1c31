use autospec::prelude::*;

// `impl Display = String` names the type of an `impl Display` return; no
// method has one.
#[autospec(impl std::fmt::Display = String)]
pub trait Labels {
    fn label(&self) -> String;
}

fn main() {}
