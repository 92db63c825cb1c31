//! Spies: a method answered by a real implementation (`wrapping(real)`)
//! or by the trait's own default body (`calls_default()`).
//!
//! Kept apart from the call path: the only cost to a call that configures
//! neither is one branch in `Answers::with`.

use crate::core::fail::fail;
use crate::core::head::Head;
use crate::core::method::call::erase;
use crate::core::method::calls::Kept;
use crate::core::method::state::State;
use crate::core::method::Method;

/// Spies.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// Passes this method's calls to the real implementation again, after
    /// it was configured: forgets its standing answer (`returns`,
    /// `returns_with`, `panics`, `calls_default`) and its unused one-shot
    /// answers. `when(..)` rules stay and still answer the calls they match.
    /// Calls stay journaled.
    ///
    /// # Panics
    /// When the method has no real implementation to call: the mock was
    /// not made by `MockStore::wrapping(real)`, or `wrapping` cannot forward
    /// this method (see the guide's chapter on spies).
    ///
    /// ```
    /// use autospec::prelude::*;
    ///
    /// #[autospec(spy)]
    /// trait Store {
    ///     fn get(&self, key: &str) -> Option<String>;
    /// }
    ///
    /// struct Real;
    /// impl Store for Real {
    ///     fn get(&self, key: &str) -> Option<String> {
    ///         Some(format!("real {key}"))
    ///     }
    /// }
    ///
    /// let store = MockStore::wrapping(Real);
    /// store.get.returns(None);
    /// assert_eq!(store.get("a"), None);
    /// store.get.calls_real();
    /// assert_eq!(store.get("b"), Some("real b".into()));
    /// assert_eq!(store.get.call_count(), 2);
    /// ```
    #[track_caller]
    pub fn calls_real(&self) {
        if !self.state().answers.calls_real() {
            no_real(&self.shared.head);
        }
    }

    /// Makes the standing `returns_with` closure the fallback of a spy:
    /// generated `wrapping(real)` sets each method's call to the real
    /// through `returns_with`, whose bound infers the closure's signature.
    #[doc(hidden)]
    pub fn __spy(&self) {
        self.state().answers.spy();
    }

    /// Makes the trait's default body the standing answer; the field's
    /// `calls_default` calls this.
    #[doc(hidden)]
    pub fn __set_default_body(&self) {
        self.state().answers.calls_default();
    }

    /// For a method with a default body: journals the call and gives
    /// `None` when the default body is to run, else gives the arguments
    /// back for the usual answers.
    #[doc(hidden)]
    pub fn __default_body(&self, args: impl Into<Kept<A>>) -> Option<Kept<A>> {
        let args = args.into();
        let mut guard = self.state();
        // SAFETY: the rules were made by `when` of this method, for this
        // `A`, and `args` lives until the end of this call.
        if !unsafe { guard.answers.runs_default(erase(&args)) } {
            return Some(args);
        }
        let state: &mut State<A, R, F> = &mut guard;
        state.record(args, self.shared.head.is_journaling());
        drop(guard);
        self.shared.head.notify();
        None
    }
}

/// `calls_real()` on a method that has no real implementation to call.
#[track_caller]
fn no_real(head: &Head) -> ! {
    let (mock, field) = (head.mock().name(), head.field());
    if head.mock().is_spy() {
        fail(&format!(
            "{mock}.{field}.calls_real(): `{mock}::wrapping(real)` cannot forward `{field}` \
             (a generic, static, async or unsafe method, or one whose arguments or answer \
             the mock cannot hand over), so there is no real implementation to call; \
             configure an answer instead."
        ))
    }
    fail(&format!(
        "{mock}.{field}.calls_real(): {mock} has no real implementation to call; \
         make the mock with `{mock}::wrapping(real)` (the trait needs `#[autospec(spy)]`)."
    ))
}
