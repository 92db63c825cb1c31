use autospec::prelude::*;

#[autospec]
pub trait Settings {
    fn name(&self) -> &'static str;
}

fn main() {
    let settings = MockSettings::default();
    settings.name.returns(&42u8);
}
