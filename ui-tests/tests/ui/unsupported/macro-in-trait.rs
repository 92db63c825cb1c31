use autospec::prelude::*;

macro_rules! getters {
    () => {
        fn get(&self) -> u32;
    };
}

#[autospec]
pub trait Store {
    getters!();
    fn len(&self) -> usize;
}

fn main() {}
