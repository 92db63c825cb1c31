// A wait's timeout is a `Duration` (or `None`), not a number of
// milliseconds.
use autospec::prelude::*;

#[autospec]
pub trait Sink {
    fn push(&self, sample: u32);
}

fn main() {
    let sink = MockSink::default();
    sink.push.wait_until_called(1000);
}
