// The generic-method and `impl Trait`-argument errors suggest taking
// `&dyn Trait` instead; this is what the user then gets.
use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get(&self, key: &dyn AsRef<str>) -> Option<String>;
}

fn main() {}
