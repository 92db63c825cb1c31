// Issue #15's reproducer: the future once shared the journal of its `Rc`
// argument and raced on its count when dropped on another thread. It now
// holds nothing of the journal's types, so the signature's `Send` future is
// met and the `Rc` stays on this thread (runtime/tests/soundness.rs runs
// the same under Miri).
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
