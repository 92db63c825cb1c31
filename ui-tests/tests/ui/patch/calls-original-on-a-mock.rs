// `calls_original()` belongs to patches; a mock of a trait has no original.
use autospec::prelude::*;

#[autospec]
pub trait Clock {
    fn now(&self) -> u64;
}

fn main() {
    let clock = MockClock::default();
    clock.now.calls_original();
}
