use autospec::prelude::*;

#[autospec]
pub trait Sink {
    fn push(&self, level: u32, line: String);
}

fn main() {
    let sink = MockSink::default();
    sink.push(1, "x".into());
    // `starts_with` does not apply to a number.
    sink.push.assert_called_with(args!(starts_with("1"), _));
}
