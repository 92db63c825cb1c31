// The block with the plain `#[autospec]` is part 1.
use autospec::autospec;

pub struct Client;

#[autospec]
impl Client {
    pub fn get(&self) -> u16 {
        200
    }
}

#[autospec(part = 1)]
impl Client {
    pub fn close(&self) {}
}

fn main() {}
