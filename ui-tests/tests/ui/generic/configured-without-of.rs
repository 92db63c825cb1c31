// A generic method's answers belong to one instantiation: configuring the
// method's field itself names the fix, `.of::<T>()`.
use autospec::prelude::*;

#[autospec]
pub trait Config {
    fn get<T: 'static>(&self, key: &str) -> T;
}

fn main() {
    let config = MockConfig::default();
    config.get.returns_with(|_key| 8080u16);
}
