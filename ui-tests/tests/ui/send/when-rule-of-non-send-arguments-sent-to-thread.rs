// A `when` rule being configured borrows the method: it is `Send` only
// where the method is, and a method that journals `Rc` arguments is not.
use autospec::prelude::*;
use std::rc::Rc;

#[autospec]
pub trait Job {
    fn run(&self, n: Rc<u32>) -> u32;
}

fn require_send<T: Send>(_: T) {}

fn main() {
    let job = MockJob::default();
    require_send(job.run.when(args!(_)));
}
