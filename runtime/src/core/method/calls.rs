//! What a method's journal keeps of each call's arguments: the owned
//! argument tuple `A`, or, for a method with an argument that cannot be
//! kept (its type is not `Clone`), the arguments' text.
//!
//! Whether an argument can be kept is a property of its type, so it is the
//! same for every call of a method: a method journals either values or
//! texts, and the journal holds one vector of either (no per-call tag).

use crate::core::journal::ErasedArgs;
use crate::core::render::debug_text;
use std::fmt::Debug;
use std::marker::PhantomData;
use std::ops::Deref;

/// One call's arguments as the call path hands them to the journal.
///
/// Generated code makes it: `Value` where every argument could be kept
/// (cloned, or converted to its owned form), `Text` (each argument's
/// `Debug`, else its type's name) where one could not. Plain tuples
/// convert into `Value`, so code that always has the tuple passes it.
#[doc(hidden)]
pub enum Kept<A> {
    /// The owned arguments.
    Value(A),
    /// The arguments' text, one string per parameter.
    Text(Box<[String]>),
}

impl<A> From<A> for Kept<A> {
    fn from(args: A) -> Self {
        Kept::Value(args)
    }
}

/// One journaled call's arguments, borrowed: the tuple, or its text.
#[doc(hidden)]
pub enum Entry<'a, A> {
    /// The owned arguments.
    Value(&'a A),
    /// The arguments' text, one string per parameter.
    Text(&'a [String]),
}

impl<'a, A> Entry<'a, A> {
    /// The entry with its type erased.
    pub(crate) fn erase(self) -> ErasedArgs<'a> {
        match self {
            Entry::Value(args) => ErasedArgs::Value(std::ptr::from_ref(args).cast()),
            Entry::Text(texts) => ErasedArgs::Text(texts),
        }
    }
}

impl<'a, A> Entry<'a, A> {
    /// The entry of `args`, with its type restored.
    ///
    /// # Safety
    /// A `Value` must point to a live `A` for `'a` (the erased arguments of
    /// a call of a method whose argument tuple is `A`).
    pub(crate) unsafe fn of(args: ErasedArgs<'a>) -> Self {
        match args {
            // SAFETY: the caller's contract.
            ErasedArgs::Value(args) => Entry::Value(unsafe { &*args.cast::<A>() }),
            ErasedArgs::Text(texts) => Entry::Text(texts),
        }
    }

    /// The tuple, for a closure that receives the journaled arguments
    /// (`when(..).returns_with`, `returns_async`); panics, saying why, for
    /// a method whose arguments are journaled as text.
    pub(crate) fn value(self) -> &'a A {
        match self {
            Entry::Value(args) => args,
            Entry::Text(_) => journaled_as_text(),
        }
    }
}

#[cold]
fn journaled_as_text() -> ! {
    panic!(
        "this method journals its arguments as text, since one of their types is not \
         `Clone`, so a closure that receives the journaled arguments (`when(..).returns_with`, \
         `returns_async`) cannot run; answer with the method's own `returns_with`, whose \
         closure receives the arguments as they were passed"
    )
}

impl<A> Clone for Entry<'_, A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<A> Copy for Entry<'_, A> {}

/// The journaled arguments of a method, oldest first, beside `log.seqs`.
pub(crate) enum Calls<A> {
    Values(Vec<A>),
    Texts(Vec<Box<[String]>>),
}

impl<A> Calls<A> {
    pub(crate) fn new() -> Self {
        Calls::Values(Vec::new())
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Calls::Values(values) => values.len(),
            Calls::Texts(texts) => texts.len(),
        }
    }

    /// The arguments of every call; empty where they are kept as text
    /// (then `A` is not `Clone`, and nothing that clones them compiles).
    pub(crate) fn values(&self) -> &[A] {
        match self {
            Calls::Values(values) => values,
            Calls::Texts(_) => &[],
        }
    }

    pub(crate) fn get(&self, index: usize) -> Entry<'_, A> {
        match self {
            Calls::Values(values) => Entry::Value(&values[index]),
            Calls::Texts(texts) => Entry::Text(&texts[index]),
        }
    }

    pub(crate) fn last(&self) -> Option<Entry<'_, A>> {
        self.len().checked_sub(1).map(|index| self.get(index))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = Entry<'_, A>> {
        (0..self.len()).map(|index| self.get(index))
    }

    /// Journals a call's arguments at `index` (the end, for a new call).
    /// A method journals values or texts, never both; should it ever be
    /// handed the other kind, the kept values turn into their text.
    pub(crate) fn insert(&mut self, index: usize, kept: Kept<A>, render: fn(&A) -> Vec<String>) {
        match (&mut *self, kept) {
            (Calls::Values(values), Kept::Value(args)) => values.insert(index, args),
            (Calls::Texts(texts), Kept::Text(text)) => texts.insert(index, text),
            (Calls::Texts(texts), Kept::Value(args)) => {
                texts.insert(index, render(&args).into_boxed_slice());
            }
            (Calls::Values(values), Kept::Text(text)) => {
                let mut texts: Vec<Box<[String]>> = values
                    .iter()
                    .map(|args| render(args).into_boxed_slice())
                    .collect();
                texts.insert(index, text);
                *self = Calls::Texts(texts);
            }
        }
    }

    /// [`insert`](Self::insert) at the end; the one the call path uses.
    #[inline]
    pub(crate) fn push(&mut self, kept: Kept<A>, render: fn(&A) -> Vec<String>) {
        match (&mut *self, kept) {
            (Calls::Values(values), Kept::Value(args)) => values.push(args),
            (_, kept) => {
                let at = self.len();
                self.insert(at, kept, render);
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        match self {
            Calls::Values(values) => values.clear(),
            Calls::Texts(texts) => texts.clear(),
        }
    }

    /// Call `index`'s arguments, rendered.
    pub(crate) fn render(&self, index: usize, render: fn(&A) -> Vec<String>) -> Vec<String> {
        match self.get(index) {
            Entry::Value(args) => render(args),
            Entry::Text(texts) => texts.to_vec(),
        }
    }
}

/// Picks, for one argument of a type that may not be `Clone`, a clone of
/// it where its type is `Clone`, else nothing, in which case the call is
/// journaled as text (see [`gather`]). The choice is made where the type
/// is concrete (in generated code, or under the bounds in scope): an
/// inherent method whose impl carries the bound wins when it holds,
/// otherwise method lookup falls through `Deref` to the unbounded one.
#[doc(hidden)]
pub struct KeptOf<'a, T>(&'a T, NotKept<T>);

/// The fallback of [`KeptOf`]: the type is not `Clone`.
#[doc(hidden)]
pub struct NotKept<T>(PhantomData<fn() -> T>);

impl<'a, T> KeptOf<'a, T> {
    /// The selector for one argument.
    pub fn new(value: &'a T) -> Self {
        KeptOf(value, NotKept(PhantomData))
    }
}

impl<T: Clone> KeptOf<'_, T> {
    /// A clone of the argument.
    pub fn get(&self) -> Option<T> {
        Some(self.0.clone())
    }
}

impl<T> Deref for KeptOf<'_, T> {
    type Target = NotKept<T>;
    fn deref(&self) -> &NotKept<T> {
        &self.1
    }
}

impl<T> NotKept<T> {
    /// Nothing: the argument cannot be kept.
    #[allow(clippy::unused_self)] // the receiver is what picks this method
    pub fn get(&self) -> Option<T> {
        None
    }
}

/// The arguments of a call as generated code gathers them: each kept one
/// (`Some`), else the texts of all of them. Generic over the arity only
/// through [`Gather`], whose impls cover tuples of up to 16 options.
#[doc(hidden)]
pub fn gather<G: Gather>(parts: G, texts: &[&dyn Debug]) -> Kept<G::Args> {
    match parts.gather() {
        Some(args) => Kept::Value(args),
        None => Kept::Text(texts.iter().map(|text| debug_text(*text)).collect()),
    }
}

/// A tuple of options: the tuple of their values when each has one.
#[doc(hidden)]
pub trait Gather {
    /// The tuple of values.
    type Args;
    /// The values, if every option holds one.
    fn gather(self) -> Option<Self::Args>;
}

macro_rules! gather {
    ($(($($a:ident $e:ident $i:tt),*))*) => {$(
        impl<$($a),*> Gather for ($(Option<$a>,)*) {
            type Args = ($($a,)*);
            fn gather(self) -> Option<Self::Args> {
                Some(($(self.$i?,)*))
            }
        }
    )*};
}

for_each_arity!(gather);

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::trivially_copy_pass_by_ref)] // the journal's `render` signature
    fn render(args: &(u32,)) -> Vec<String> {
        vec![args.0.to_string()]
    }

    #[test]
    fn values_stay_values_and_texts_texts() {
        let mut calls = Calls::new();
        calls.push(Kept::Value((1,)), render);
        calls.push((2,).into(), render);
        assert_eq!(calls.values(), [(1,), (2,)]);
        assert_eq!(calls.render(1, render), ["2"]);
        let mut texts: Calls<(u32,)> = Calls::new();
        texts.push(Kept::Text(vec!["Plain".to_owned()].into()), render);
        assert!(texts.values().is_empty());
        assert!(matches!(texts.last(), Some(Entry::Text([text])) if text == "Plain"));
    }

    #[derive(Debug)]
    #[allow(dead_code)] // read by `Debug` only
    struct Plain(u8);

    #[test]
    fn gather_keeps_values_where_every_argument_is_clone() {
        let (a, b) = (String::from("k"), Plain(3));
        let kept = gather((KeptOf::new(&a).get(), Some(7u32)), &[&a, &7u32]);
        assert!(matches!(kept, Kept::Value((ref k, 7)) if k == "k"));
        let kept = gather((KeptOf::new(&a).get(), KeptOf::new(&b).get()), &[&a, &b]);
        match kept {
            Kept::Text(texts) => assert_eq!(&*texts, ["\"k\"", "Plain(3)"]),
            Kept::Value(_) => panic!("`Plain` is not `Clone`"),
        }
    }

    #[test]
    fn a_text_after_values_turns_the_values_into_text() {
        let mut calls = Calls::new();
        calls.push(Kept::Value((1,)), render);
        calls.insert(0, Kept::Text(vec!["t".to_owned()].into()), render);
        assert_eq!(calls.len(), 2);
        assert_eq!(calls.render(0, render), ["t"]);
        assert_eq!(calls.render(1, render), ["1"]);
    }
}
