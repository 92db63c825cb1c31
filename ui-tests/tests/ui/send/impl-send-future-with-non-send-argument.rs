use autospec::prelude::*;
use std::future::Future;
use std::rc::Rc;

#[autospec]
pub trait Job {
    fn run(&self, label: String, n: Rc<u32>) -> impl Future<Output = u32> + Send + 'static;
}

fn main() {}
