//! `accepts(..)`: the argument forms a call may have, so that any other
//! call panics where it is made, inside the code under test (mockall's
//! "no matching expectation"), rather than in an assertion afterwards.

use crate::core::journal::ErasedArgs;
use crate::core::method::calls::Entry;
use crate::core::method::Method;
use crate::features::matchers::args::ArgsMatch;
use crate::features::matchers::messages::expected_text;

/// Calls that fail at once.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// Declares a form the arguments of a call may have (a tuple, or
    /// [`args!`](crate::args!) with matchers); once a method has one, a call
    /// whose arguments have none of the declared forms panics at the call,
    /// inside the code under test, with a message that names the call and
    /// the accepted forms. Call it once per form. The call is journaled
    /// before it panics. Without `accepts`, every call is accepted and the
    /// test checks the arguments afterwards, with the assertions.
    ///
    /// The panic points at the code that made the call where it is a direct
    /// call of the mock (the mocked methods are `#[track_caller]`); its
    /// backtrace shows the way there in any case.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.accepts(("config",));
    /// store.get.accepts(args!(starts_with("user:")));
    /// store.get("config");
    /// store.get("user:ana");
    /// let refused = std::panic::catch_unwind(|| store.get("password"));
    /// assert!(refused.is_err());
    /// assert_eq!(store.get.call_count(), 3);
    /// ```
    pub fn accepts<E>(&self, expected: E)
    where
        E: ArgsMatch<A> + Send + Sync + 'static,
    {
        let form = expected_text(&self.shared.head, &expected.__describe());
        let matches = Box::new(move |args: ErasedArgs<'_>| {
            // SAFETY: only the call path of this method
            // (`__call_numbered`, `__call_static`, `__call_mut`) tests an
            // accepted form, with the erased arguments of a live call (see
            // `ErasedTest`).
            expected.__matches(unsafe { Entry::<A>::of(args) })
        });
        self.state().answers.accept(matches, form);
    }
}
