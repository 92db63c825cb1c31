// A generic method's child mocks live in the mock, which is `Send + Sync`,
// so an instantiation's answer type must be `Send + Sync` too.
use autospec::prelude::*;
use std::rc::Rc;

#[autospec]
pub trait Config {
    fn get<T: 'static>(&self, key: &str) -> T;
}

fn main() {
    let config = MockConfig::default();
    config.get.of::<Rc<u8>>().returns(Rc::new(1));
}
