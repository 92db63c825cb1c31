// A native `async fn` does not demand a `Send` future, so the mock
// compiles; its future shares the journal of a `!Send` argument and so is
// not `Send` either.
use autospec::prelude::*;
use std::rc::Rc;

#[autospec]
pub trait Job {
    async fn run(&self, n: Rc<u32>) -> u32;
}

fn require_send<T: Send>(_: T) {}

fn main() {
    let job = MockJob::default();
    let future = job.run(Rc::new(5));
    require_send(future);
}
