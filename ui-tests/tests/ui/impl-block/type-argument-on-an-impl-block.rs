use autospec::prelude::*;

pub struct Client;

// `type Name = ..` fixes an associated type of a trait; an inherent impl
// block has none, and the message says "impl block", not "trait".
#[autospec(type Item = u32)]
impl Client {
    pub fn get(&self) -> u32 {
        1
    }
}

fn main() {}
