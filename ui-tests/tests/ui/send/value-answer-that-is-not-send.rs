// A mock stays `Send + Sync` whatever its return type, so the answers it
// keeps as values must be `Send`; `returns_with` makes a fresh one per call.
use autospec::prelude::*;
use std::error::Error;

#[autospec]
pub trait Loader: Send + Sync {
    fn load(&self, path: &str) -> Result<Vec<u8>, Box<dyn Error>>;
}

fn main() {
    let loader = MockLoader::default();
    loader.load.returns_once(Ok(vec![1, 2]));
}
