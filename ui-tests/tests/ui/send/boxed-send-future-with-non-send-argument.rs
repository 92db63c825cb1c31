// The future of a mock shares the journal of its arguments; a signature
// that demands a `Send` future cannot be met while an argument is `!Send`
// (this was a data race reachable from safe code).
use autospec::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

#[autospec]
pub trait Job {
    fn run(&self, n: Rc<u32>) -> Pin<Box<dyn Future<Output = u32> + Send + 'static>>;
}

fn main() {
    let rc = Rc::new(5u32);
    let m = MockJob::default();
    let fut = m.run(rc.clone());
    drop(m);
    std::thread::spawn(move || drop(fut));
    let _ = rc.clone();
}
