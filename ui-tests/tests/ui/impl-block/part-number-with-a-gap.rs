// Part 3 without a part 2 would be unreachable from the mock.
use autospec::autospec;

pub struct Client;

#[autospec]
impl Client {
    pub fn get(&self) -> u16 {
        200
    }
}

#[autospec(part = 3)]
impl Client {
    pub fn close(&self) {}
}

fn main() {}
