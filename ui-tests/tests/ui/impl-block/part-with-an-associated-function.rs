// A further block's associated functions would need a class of their own;
// the class is the first block's.
use autospec::autospec;

pub struct Client;

#[autospec]
impl Client {
    pub fn get(&self) -> u16 {
        200
    }
}

#[autospec(part = 2)]
impl Client {
    pub fn new() -> Self {
        Client
    }
}

fn main() {}
