use autospec::prelude::*;

#[autospec]
pub trait Config {
    fn get<T: 'static>(&self, key: &str) -> T;
}

fn main() {
    let config = MockConfig::default();
    config.get.of::<u8, u16>().returns(1);
}
