//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f` with the panic hook silenced and returns how it ended.
pub fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    result
}

/// The message of the panic that `f` must raise.
pub fn panic_message(f: impl FnOnce()) -> String {
    match quietly(f)
        .expect_err("expected a panic")
        .downcast::<String>()
    {
        Ok(message) => *message,
        Err(payload) => payload
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .unwrap_or_default(),
    }
}

/// A waker that does nothing, for polling by hand.
pub fn noop_waker() -> std::task::Waker {
    struct Noop;
    impl std::task::Wake for Noop {
        fn wake(self: std::sync::Arc<Self>) {}
    }
    std::task::Waker::from(std::sync::Arc::new(Noop))
}

/// Polls a future to completion on this thread; enough for mocks, whose
/// futures are ready at once.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let waker = noop_waker();
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(&waker);
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::yield_now();
    }
}
