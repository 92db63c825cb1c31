// A mock whose journaled arguments are not `Send` stays on its thread.
use autospec::prelude::*;
use std::rc::Rc;

#[autospec]
pub trait Cache {
    fn put(&self, value: Rc<String>);
}

fn main() {
    let cache = MockCache::default();
    std::thread::spawn(move || cache.put(Rc::new(String::new())));
}
