use autospec::prelude::*;

#[autospec]
pub trait Store {
    fn get_mut(&mut self, key: &str) -> Result<&mut String, std::io::Error>;
}

fn main() {}
