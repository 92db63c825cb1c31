// A generic method is configured per instantiation: `of::<T>()` first.
use autospec::prelude::*;

#[autospec]
pub trait Config {
    fn get<T: std::str::FromStr + 'static>(&self, key: &str) -> T;
}

fn main() {
    let config = MockConfig::default();
    config.get.returns(8080u16);
}
