//! `AnswerSequence`: one-shot answers of every kind (values, panics, closures)
//! queued in one chain, Python's `side_effect = [3, KeyError, 6]`.

use super::calls::Entry;
use super::AnswerSequence;
use crate::core::answers::Once;
use crate::core::bounds::StoredAnswer;
use crate::core::holders::Sent;
use crate::core::journal::ErasedArgs;

// Each step queues its answer at once: the sequence it gives back is only
// for chaining the next, and may be dropped.
#[allow(clippy::return_self_not_must_use)]
impl<A, R, F: ?Sized> AnswerSequence<'_, A, R, F> {
    fn queue(self, answer: Once<R>) -> Self {
        self.method.state().answers.queue([answer]);
        self
    }

    /// Answers the next call in the sequence with `value`.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.sequence().returns(6).returns(2);
    /// assert_eq!((dice.roll(), dice.roll()), (6, 2));
    /// ```
    pub fn returns(self, value: R) -> Self
    where
        R: StoredAnswer,
    {
        self.queue(Once::Value(Sent::new(value)))
    }

    /// Makes the next call in the sequence panic with `message` (Python's
    /// exception in a `side_effect` list), after journaling it.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.sequence().panics("ValueError").returns(6);
    /// assert!(std::panic::catch_unwind(|| dice.roll()).is_err());
    /// assert_eq!(dice.roll(), 6);
    /// ```
    pub fn panics(self, message: impl Into<String>) -> Self {
        self.queue(Once::Panic(message.into()))
    }

    /// Answers the next call in the sequence with the closure's result; it
    /// receives the journaled arguments (owned: `&(String, u32)` for
    /// `(&str, u32)` parameters). It runs while the method is locked: it may
    /// call the mock's other methods, not this one.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Prices { fn price(&self, item: &str) -> usize; }
    /// let prices = MockPrices::default();
    /// prices.price.sequence().returns_with(|(item,)| item.len()).returns(0);
    /// assert_eq!((prices.price("pen"), prices.price("pen")), (3, 0));
    /// ```
    pub fn returns_with(self, answer: impl FnOnce(&A) -> R + Send + 'static) -> Self {
        let mut answer = Some(answer);
        self.queue(Once::With(Box::new(move |args: ErasedArgs<'_>| {
            let answer = answer.take().expect("a one-shot answer runs once");
            // SAFETY: only the call path of this method runs a one-shot
            // answer, with the erased arguments of a live call of this
            // method (see `ErasedTest` in `core/answers.rs`).
            answer(unsafe { Entry::<A>::of(args) }.value())
        })))
    }

    /// Ends the sequence with a standing answer: once it is used up, every
    /// call gets a clone of `value` ([`Method::returns`](crate::Method::returns)).
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.sequence().returns(6).then_returns(1);
    /// assert_eq!([dice.roll(), dice.roll(), dice.roll()], [6, 1, 1]);
    /// ```
    pub fn then_returns(self, value: R)
    where
        R: Clone + StoredAnswer,
    {
        self.method.returns(value);
    }

    /// Ends the sequence without a panic: once it is used up, a call with
    /// no standing answer gets the default (`Default::default()`), as if no
    /// sequence had been queued.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Dice { fn roll(&self) -> u8; }
    /// let dice = MockDice::default();
    /// dice.roll.sequence().returns(6).then_default();
    /// assert_eq!([dice.roll(), dice.roll()], [6, 0]);
    /// ```
    pub fn then_default(self) {
        self.method.state().answers.default_after_once();
    }
}
