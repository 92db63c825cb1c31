// `instance()` borrows the class guard: a guard dropped at the end of the
// statement would leave constructors answering a fresh instance.
use autospec::prelude::*;

pub struct Client;

#[autospec]
impl Client {
    pub fn new() -> Self {
        Client
    }

    pub fn get(&self) -> u16 {
        200
    }
}

fn main() {
    let client = MockClient::class().instance();
    client.get.returns(503);
    assert_eq!(MockClient::new().get(), 503);
}
