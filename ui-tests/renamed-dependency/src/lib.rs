//! The runtime depended on as `my_autospec` (`Cargo.toml`: `my_autospec = {
//! package = "autospec", .. }`) and no `autospec` in the dependencies: every
//! mock here reaches the runtime only through `#[autospec(crate = ..)]`.
//!
//! Clippy runs over this crate in CI, so the lints below are checked against
//! the generated code too.
#![deny(
    warnings,
    missing_docs,
    unused,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]

/// Takes the original crate name, so a relative `autospec::..` path in
/// generated code would land here instead of failing to resolve.
pub mod autospec {}

/// Mocked through the renamed crate's name as written in `Cargo.toml`.
#[my_autospec::autospec(crate = my_autospec)]
pub trait Mailer {
    /// Sends a message; whether it was accepted.
    fn send(&self, to: &str, body: String) -> bool;
    /// Lends the outbox name.
    fn outbox(&self) -> &str;
}

/// A generic trait through the renamed crate.
#[my_autospec::autospec(crate = ::my_autospec)]
pub trait Queue<T>
where
    T: Clone + std::fmt::Debug + Send + Sync + 'static,
{
    /// Takes the next item.
    fn pop(&self) -> Option<T>;
}

/// Without a prelude the extern prelude is gone too, so the renamed crate is
/// named from the root.
pub mod bare {
    #![no_implicit_prelude]

    /// Shadows the original crate name inside the module as well.
    pub mod autospec {}

    /// A clock mocked where nothing is imported implicitly.
    #[::my_autospec::autospec(crate = ::my_autospec)]
    pub trait Clock {
        /// Now, in seconds.
        fn now(&self) -> u64;
    }
}

#[cfg(test)]
mod tests {
    use super::{bare::Clock as _, Mailer as _, Queue as _};
    use my_autospec::Mock as _;

    #[test]
    fn mocks_work_through_the_renamed_crate() {
        let mailer = super::MockMailer::default();
        mailer.send.returns(true);
        mailer.outbox.returns("out".to_owned());
        assert!(mailer.send("ana", "hi".to_owned()));
        assert_eq!(mailer.outbox(), "out");
        mailer.send.assert_called_once_with(("ana", "hi"));
        assert_eq!(
            mailer.mock_calls(),
            [
                my_autospec::call!(send("ana", "hi")),
                my_autospec::call!(outbox())
            ]
        );
    }

    #[test]
    fn generic_and_prelude_free_mocks_work_through_the_renamed_crate() {
        let queue = super::MockQueue::<u8>::default();
        queue.pop.returns_each([Some(1), None]);
        assert_eq!((queue.pop(), queue.pop()), (Some(1), None));
        let clock = super::bare::MockClock::default();
        clock.now.returns(9);
        assert_eq!(clock.now(), 9);
        clock.now.assert_called_once();
    }
}
