//! How a method's journal keeps what its calls returned, chosen for the
//! return type `R` at the generated call site (`ShownOf::<R>::new().get()`,
//! autoref-based dispatch: each level's `get` has a bound, and method lookup
//! falls through `Deref` to the next level when it does not hold).
//!
//! Generated code names these through `__private`; the answers keep the
//! chosen [`Shown`].

use crate::core::holders::{SendFn, Sent};
use crate::core::journal::ResetMock;
use crate::core::mock::Mock;
use crate::core::render::debug_text;
use std::fmt::Debug;
use std::marker::PhantomData;
use std::ops::Deref;

/// Picks, for return type `R`, how the journal keeps returned values and
/// whether the method may keep `R` values at all. The levels, tried in
/// order: a mock type (as the next level, and `reset_mock()` of the mock
/// that keeps it as an answer resets it too), `Clone + Debug + Send` (a
/// clone, shown when a snapshot is taken), `Debug + Send` and `Debug` (the
/// text, made when the call returns), `Send` (nothing journaled), nothing.
/// Values are only kept where `R` is `Send`, so that a mock that threads
/// share holds nothing that is not.
pub struct ShownOf<R>(ShownClone<R>);

/// Level two of [`ShownOf`]: `R: Clone + Debug + Send`.
pub struct ShownClone<R>(ShownAsText<R>);

/// Level three of [`ShownOf`]: `R: Debug + Send`.
pub struct ShownAsText<R>(KeptUnshown<R>);

/// Level four of [`ShownOf`]: `R: Send`.
pub struct KeptUnshown<R>(TextOnly<R>);

/// Level five of [`ShownOf`]: `R: Debug`, not `Send`.
pub struct TextOnly<R>(NotShown<R>);

/// The last level of [`ShownOf`]: neither `Debug` nor `Send`.
pub struct NotShown<R>(PhantomData<fn() -> R>);

/// How a method's journal keeps what its calls returned, and how it keeps
/// values it lends out (see [`ShownOf`]).
pub struct Shown<R> {
    journal: Journaled<R>,
    send: Option<SendFn<R>>,
    /// Where `R` is a mock type: a reset of a kept value's mock.
    mock: Option<fn(&R) -> ResetMock>,
}

enum Journaled<R> {
    /// A clone, shown by `Debug` when asked for.
    Clone(fn(&R) -> Sent<R>, fn(&R) -> String),
    /// The `Debug` text, made when the call returns.
    Text(fn(&R) -> String),
    Nothing,
}

/// A returned value as the journal keeps it.
pub(crate) enum Returned<R> {
    Value(Sent<R>),
    Text(String),
}

impl<R> Shown<R> {
    /// What the journal keeps of `value`, if anything.
    pub(crate) fn keep(&self, value: &R) -> Option<Returned<R>> {
        match &self.journal {
            Journaled::Clone(clone, _) => Some(Returned::Value(clone(value))),
            Journaled::Text(show) => Some(Returned::Text(show(value))),
            Journaled::Nothing => None,
        }
    }

    /// The text of a kept value.
    pub(crate) fn show(&self, kept: &Returned<R>) -> String {
        match (kept, &self.journal) {
            (Returned::Value(value), Journaled::Clone(_, show)) => show(value.get()),
            (Returned::Text(text), _) => text.clone(),
            (Returned::Value(_), _) => String::new(),
        }
    }

    /// How to keep an `R` in a mock that threads share; `None` when `R` is
    /// not `Send`.
    pub(crate) fn send(&self) -> Option<SendFn<R>> {
        self.send
    }

    /// How to reset a kept value, where `R` is a mock type.
    pub(crate) fn mock(&self) -> Option<fn(&R) -> ResetMock> {
        self.mock
    }
}

impl<R> ShownOf<R> {
    /// The selector for return type `R`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        ShownOf(ShownClone(ShownAsText(KeptUnshown(TextOnly(NotShown(
            PhantomData,
        ))))))
    }
}

impl<R> ShownClone<R> {
    /// The selector from level two, for a mock type that need not be
    /// `'static` (a mock with type parameters returning itself).
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        ShownOf::new().0
    }
}

impl<R: Mock + Clone + Debug + Send + 'static> ShownOf<R> {
    /// As [`ShownClone`], and kept mocks are reset with the mock that
    /// keeps them.
    pub fn get(&self) -> Option<Shown<R>> {
        let mut shown = self.0.get();
        if let Some(shown) = &mut shown {
            shown.mock = Some(|value| {
                let mock = value.clone();
                Box::new(move || mock.reset_mock())
            });
        }
        shown
    }
}

impl<R: Clone + Debug + Send> ShownClone<R> {
    /// A clone, shown by `Debug`; kept values are `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Clone(|value| Sent::new(value.clone()), |value| debug_text(value)),
            send: Some(Sent::new),
            mock: None,
        })
    }
}

impl<R: Debug + Send> ShownAsText<R> {
    /// The `Debug` text; kept values are `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Text(|value| debug_text(value)),
            send: Some(Sent::new),
            mock: None,
        })
    }
}

impl<R: Send> KeptUnshown<R> {
    /// Nothing journaled; kept values are `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Nothing,
            send: Some(Sent::new),
            mock: None,
        })
    }
}

impl<R: Debug> TextOnly<R> {
    /// The `Debug` text; values are not kept.
    pub fn get(&self) -> Option<Shown<R>> {
        Some(Shown {
            journal: Journaled::Text(|value| debug_text(value)),
            send: None,
            mock: None,
        })
    }
}

impl<R> NotShown<R> {
    /// Nothing: `R` is neither `Debug` nor `Send`.
    pub fn get(&self) -> Option<Shown<R>> {
        None
    }
}

impl<R> Deref for ShownOf<R> {
    type Target = ShownClone<R>;
    fn deref(&self) -> &ShownClone<R> {
        &self.0
    }
}

impl<R> Deref for ShownClone<R> {
    type Target = ShownAsText<R>;
    fn deref(&self) -> &ShownAsText<R> {
        &self.0
    }
}

impl<R> Deref for ShownAsText<R> {
    type Target = KeptUnshown<R>;
    fn deref(&self) -> &KeptUnshown<R> {
        &self.0
    }
}

impl<R> Deref for KeptUnshown<R> {
    type Target = TextOnly<R>;
    fn deref(&self) -> &TextOnly<R> {
        &self.0
    }
}

impl<R> Deref for TextOnly<R> {
    type Target = NotShown<R>;
    fn deref(&self) -> &NotShown<R> {
        &self.0
    }
}
