use autospec::prelude::*;

#[autospec]
pub trait Config {
    fn get<T: 'static>(&self, key: &str) -> T;
}

fn main() {
    let config = MockConfig::default();
    config.get.of::<u32>().returns_with(|| 1);
}
