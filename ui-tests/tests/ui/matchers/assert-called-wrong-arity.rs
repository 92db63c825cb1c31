use autospec::prelude::*;

#[autospec]
pub trait Sink {
    fn push(&self, level: u32, line: String);
}

fn main() {
    let sink = MockSink::default();
    sink.push(1, "x".into());
    assert_called!(sink.push(1));
}
