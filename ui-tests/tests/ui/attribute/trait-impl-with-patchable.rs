use autospec::prelude::*;

pub trait Store {
    fn get(&self) -> u8;
}

pub struct Real;

// `patchable` hooks the methods of an inherent impl block only.
#[autospec(patchable)]
impl Store for Real {
    fn get(&self) -> u8 {
        1
    }
}

fn main() {}
