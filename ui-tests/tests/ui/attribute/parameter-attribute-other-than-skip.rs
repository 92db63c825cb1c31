// On a parameter, `#[autospec(..)]` only takes `skip`.
use autospec::prelude::*;

#[autospec]
pub trait Uploader {
    fn upload(&self, #[autospec(hide)] file: std::fs::File) -> bool;
}

fn main() {}
