use autospec::prelude::*;

#[autospec]
pub trait Store {
    async fn get(&self, key: &str) -> Option<String>;
}

fn main() {}
