//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The panic hook is one per process, and tests run in parallel: whoever
/// swaps it holds this lock, or another test's panic would meet its hook.
static HOOK: Mutex<()> = Mutex::new(());

thread_local! {
    /// Whether this thread holds `HOOK` (a `quietly` inside another swaps
    /// the hook again, but must not lock twice).
    static HOLDS: Cell<bool> = const { Cell::new(false) };
}

/// This thread's turn at swapping the hook, given back on drop.
struct Turn(#[allow(dead_code)] MutexGuard<'static, ()>);

impl Turn {
    /// The turn, unless this thread has it already.
    fn take() -> Option<Turn> {
        if HOLDS.with(Cell::get) {
            return None;
        }
        let guard = HOOK.lock().unwrap_or_else(PoisonError::into_inner);
        HOLDS.with(|holds| holds.set(true));
        Some(Turn(guard))
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        HOLDS.with(|holds| holds.set(false));
    }
}

/// Runs `f` with `hook` as the panic hook and returns how it ended.
fn hooked<T>(
    hook: Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send>,
    f: impl FnOnce() -> T,
) -> std::thread::Result<T> {
    let _turn = Turn::take();
    let previous = std::panic::take_hook();
    std::panic::set_hook(hook);
    let result = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(previous);
    result
}

/// Runs `f` with the panic hook silenced and returns how it ended.
pub fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    hooked(Box::new(|_| {}), f)
}

/// `file:line` of the panic that `f` must raise on this thread.
pub fn panic_location(f: impl FnOnce()) -> String {
    let seen = Arc::new(Mutex::new(String::new()));
    let into = Arc::clone(&seen);
    // Threads of other tests may panic meanwhile: keep this one's.
    let here = std::thread::current().id();
    let outcome = hooked(
        Box::new(move |info| {
            if let (Some(location), true) = (info.location(), std::thread::current().id() == here) {
                *into.lock().unwrap() = format!("{}:{}", location.file(), location.line());
            }
        }),
        f,
    );
    assert!(outcome.is_err(), "expected a panic");
    let location = seen.lock().unwrap().clone();
    location
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
