// A class guard that no binding keeps is undone at once: `MockClient::new()`
// then answers from a fresh class.
#![deny(unused_must_use)]
use autospec::prelude::*;

pub struct Client;

#[autospec]
impl Client {
    pub fn new() -> Self {
        Client
    }
}

fn main() {
    MockClient::class();
    MockClient::class_shared();
}
