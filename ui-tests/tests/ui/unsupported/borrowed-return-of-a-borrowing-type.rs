use autospec::prelude::*;

pub struct Request<'a> {
    pub path: &'a str,
}

#[autospec]
pub trait Router {
    fn request<'a>(&self, path: &'a str) -> &Request<'a>;
}

fn main() {}
