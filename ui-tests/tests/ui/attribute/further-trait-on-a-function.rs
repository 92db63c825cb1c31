use autospec::prelude::*;

pub trait Named {
    fn name(&self) -> String;
}

// A patched function has no mock type to implement `Named`.
#[autospec(impl Named { fn name(&self) -> String; })]
pub fn fetch(url: &str) -> String {
    url.to_owned()
}

fn main() {}
