//! `when(..)` rules: answers for the calls whose arguments match. The rule's
//! test and answer are erased to the method's journaled tuple by pointer, so
//! that the answers stay generic over the return type only
//! (`core/answers.rs`).

// Expected arguments are taken by value, as in `assert.rs`.
#![allow(clippy::needless_pass_by_value)]

use crate::core::answers::{ErasedTest, RuleAnswer};
use crate::core::bounds::StoredAnswer;
use crate::core::holders::Sent;
use crate::core::journal::ErasedArgs;
use crate::core::method::calls::Entry;
use crate::core::method::Method;
use crate::features::matchers::args::ArgsMatch;

/// Answers for the calls that match.
impl<A, R, F: ?Sized> Method<A, R, F> {
    /// Answers the calls whose arguments match `expected` (a tuple, or
    /// [`args!`](crate::args!) with matchers) as the returned [`When`]
    /// says, before any other answer. The newest matching rule answers.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.returns(Some("default".into()));
    /// store.get.when(args!(starts_with("user:"))).returns(Some("a user".into()));
    /// store.get.when(("user:root",)).panics("root is off limits");
    /// assert_eq!(store.get("user:ana"), Some("a user".into()));
    /// assert_eq!(store.get("other"), Some("default".into()));
    /// ```
    pub fn when<E>(&self, expected: E) -> When<'_, A, R, F>
    where
        E: ArgsMatch<A> + Send + Sync + 'static,
    {
        When {
            method: self,
            test: Box::new(move |args: ErasedArgs<'_>| {
                // SAFETY: only the call path of this method
                // (`__call_numbered` in `core/method/call.rs`, a spy's
                // `__default_body`) calls a rule's test, with the erased
                // arguments of a live call (see `ErasedTest`).
                expected.__matches(unsafe { Entry::<A>::of(args) })
            }),
        }
    }
}

/// A `when(..)` rule being configured: say how the calls it matches are
/// answered. Made by [`Method::when`].
///
/// ```
/// # use autospec::prelude::*;
/// #[autospec]
/// trait Prices { fn price(&self, item: &str, qty: u32) -> u64; }
/// let prices = MockPrices::default();
/// prices.price.when(args!(_, gt(10))).returns_with(|(_, qty)| u64::from(*qty) * 9);
/// prices.price.when(args!("gold", _)).returns_each([100, 120]);
/// assert_eq!(prices.price("pen", 20), 180);
/// assert_eq!(prices.price("gold", 1), 100);
/// assert_eq!(prices.price("gold", 1), 120);
/// assert_eq!(prices.price("gold", 1), 0); // the rule is spent: the default
/// ```
#[must_use = "a `when` rule does nothing until it is given an answer"]
pub struct When<'a, A, R, F: ?Sized> {
    method: &'a Method<A, R, F>,
    test: ErasedTest,
}

impl<A, R, F: ?Sized> When<'_, A, R, F> {
    fn answer(self, answer: RuleAnswer<R>) {
        self.method.state().answers.add_rule(self.test, answer);
    }

    /// Answers every matching call with a clone of `value`.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Ids { fn next(&self, kind: &str) -> u32; }
    /// let ids = MockIds::default();
    /// ids.next.when(("user",)).returns(7);
    /// assert_eq!((ids.next("user"), ids.next("job")), (7, 0));
    /// ```
    pub fn returns(self, value: R)
    where
        R: Clone + StoredAnswer,
    {
        self.answer(RuleAnswer::Value(Sent::new(value), R::clone));
    }

    /// Answers the next matching call with `value`; later matching calls
    /// fall through to older rules and the other answers.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Ids { fn next(&self, kind: &str) -> u32; }
    /// let ids = MockIds::default();
    /// ids.next.returns(1);
    /// ids.next.when(("user",)).returns_once(7);
    /// assert_eq!((ids.next("user"), ids.next("user")), (7, 1));
    /// ```
    pub fn returns_once(self, value: R)
    where
        R: StoredAnswer,
    {
        self.answer(RuleAnswer::Queue(
            std::iter::once(Sent::new(value)).collect(),
        ));
    }

    /// Answers the next matching calls with these values, one each.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Ids { fn next(&self, kind: &str) -> u32; }
    /// let ids = MockIds::default();
    /// ids.next.when(("user",)).returns_each([1, 2]);
    /// assert_eq!([ids.next("user"), ids.next("user"), ids.next("user")], [1, 2, 0]);
    /// ```
    pub fn returns_each(self, values: impl IntoIterator<Item = R>)
    where
        R: StoredAnswer,
    {
        self.answer(RuleAnswer::Queue(
            values.into_iter().map(Sent::new).collect(),
        ));
    }

    /// Answers every matching call with the closure's result; the closure
    /// receives the journaled arguments (owned: `&(String, u32)` for
    /// `(&str, u32)` parameters), and may keep state between calls
    /// (`FnMut`). It runs while the method is locked: it may call the
    /// mock's other methods, not this one.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Prices { fn price(&self, item: &str, qty: u32) -> u64; }
    /// let prices = MockPrices::default();
    /// prices.price.when(args!(_, gt(10))).returns_with(|(_, qty)| u64::from(*qty) * 9);
    /// assert_eq!(prices.price("pen", 20), 180);
    /// let mut rises = 0;
    /// prices.price.when(("gold", 1)).returns_with(move |_| {
    ///     rises += 10;
    ///     100 + rises
    /// });
    /// assert_eq!((prices.price("gold", 1), prices.price("gold", 1)), (110, 120));
    /// ```
    pub fn returns_with(self, mut answer: impl FnMut(&A) -> R + Send + 'static) {
        self.answer(RuleAnswer::With(Box::new(move |args: ErasedArgs<'_>| {
            // SAFETY: as for the rule's test: the erased arguments of a live call.
            answer(unsafe { Entry::<A>::of(args) }.value())
        })));
    }

    /// Panics with `message` on every matching call (after journaling it).
    ///
    /// ```should_panic
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Store { fn get(&self, key: &str) -> Option<String>; }
    /// let store = MockStore::default();
    /// store.get.when(("root",)).panics("no access");
    /// store.get("root");
    /// ```
    pub fn panics(self, message: impl Into<String>) {
        self.answer(RuleAnswer::Panic(message.into()));
    }
}
