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
