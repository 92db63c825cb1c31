//! What a method's journal keeps of each call's arguments: the owned
//! argument tuple `A`, or, for a method with an argument that cannot be
//! kept (its type is not `Clone`), the arguments' text.
//!
//! Whether an argument can be kept is a property of its type, so it is the
//! same for every call of a method: a method journals either values or
//! texts, and the journal holds one vector of either (no per-call tag).

use crate::core::journal::ErasedArgs;
use crate::core::render::debug_texts;
use std::alloc::{self, Layout};
use std::fmt::Debug;
use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::ops::Deref;
use std::ptr::NonNull;

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
    /// The entry of `args`, with its type restored.
    ///
    /// # Safety
    /// A `Value` must point to a live `A` for `'a` (the erased arguments of
    /// a call of a method whose argument tuple is `A`).
    #[allow(clippy::inline_always)] // a cast: no function of its own per method
    #[inline(always)]
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

/// The journaled arguments of a method, oldest first, beside `log.seqs`,
/// with their type erased.
///
/// Not generic, so that the journal's bookkeeping (growing, inserting,
/// clearing, rendering) is compiled once, not once per mocked method: the
/// argument tuple's layout, drop and render functions are kept beside the
/// bytes, taken when the journal was made for its tuple type (`new`). Only
/// the typed views (`values`, `entry`, and the `Incoming` a call hands
/// over) name the type, and only the method that made the journal calls
/// them, with that type (see `Locked` in `state.rs`).
pub(crate) struct Calls {
    /// The tuples, while the method journals values.
    values: Raw,
    /// The texts, once the method journals texts (`values` is then empty).
    texts: Option<Vec<Box<[String]>>>,
    /// The method's render function, `fn(&A) -> Vec<String>` taken as a
    /// pointer to any `A`: `&A` and `*const ()` are ABI-compatible.
    render: unsafe fn(*const ()) -> Vec<String>,
}

/// One call's arguments on their way into the journal, erased: the tuple
/// (owned: whoever receives it moves it into the journal or drops it), or
/// its text. `'a` is the frame of [`hand_over`] where the tuple waits: it
/// cannot outlive it.
pub(crate) enum Incoming<'a> {
    Value(NonNull<()>, PhantomData<&'a mut ()>),
    Text(Box<[String]>),
}

impl Incoming<'_> {
    /// The erased arguments, for the rules' tests and answers.
    pub(crate) fn erase(&self) -> ErasedArgs<'_> {
        match self {
            Incoming::Value(args, _) => ErasedArgs::Value(args.as_ptr().cast_const()),
            Incoming::Text(texts) => ErasedArgs::Text(texts),
        }
    }
}

/// Arguments that are not journaled (journaling is off), dropped with
/// this, also when the call unwinds.
pub(crate) struct Unjournaled<'a> {
    args: Incoming<'a>,
    drop: Option<unsafe fn(*mut ())>,
}

impl Unjournaled<'_> {
    pub(crate) fn erase(&self) -> ErasedArgs<'_> {
        self.args.erase()
    }
}

impl Drop for Unjournaled<'_> {
    fn drop(&mut self) {
        if let (Incoming::Value(args, _), Some(drop)) = (&self.args, self.drop) {
            // SAFETY: `Calls::owned` made this from a value of the tuple
            // type that `drop` drops, given up by its caller; this is its
            // one owner and drops it once.
            unsafe { drop(args.as_ptr()) };
        }
    }
}

/// A call's arguments handed to the erased journal: the tuple is moved
/// into `slot`, where it waits for whoever receives the [`Incoming`] (which
/// borrows the slot, so cannot outlive it) to consume it: push it into the
/// journal of a method whose tuple is `A`, or take it as [`Unjournaled`]
/// there. A `MaybeUninit` never drops what it holds: should the receiver
/// unwind before, the arguments are leaked, never dropped twice.
#[inline(always)] // also in debug builds: one function less per mocked method
#[allow(clippy::inline_always)]
pub(crate) fn hand_over<A>(kept: Kept<A>, slot: &mut MaybeUninit<A>) -> Incoming<'_> {
    match kept {
        Kept::Value(args) => Incoming::Value(NonNull::from(slot.write(args)).cast(), PhantomData),
        Kept::Text(texts) => Incoming::Text(texts),
    }
}

/// A growable array of values of one type, known only by its layout and
/// drop function.
struct Raw {
    ptr: NonNull<u8>,
    len: usize,
    cap: usize,
    size: usize,
    align: usize,
    /// `drop_in_place::<A>` taken as a pointer to any `A`; `None` where
    /// `A` needs no drop.
    drop: Option<unsafe fn(*mut ())>,
}

// SAFETY: a `Raw` owns its values (of the tuple type `A` that made it) and
// nothing else, like a `Vec<A>`. It lives in a method's typed state, which
// is only sent or shared by a `Method<A, R, F>` handle whose marker makes
// it `Send` and `Sync` exactly where `A: Send` (`core/bounds.rs`,
// `SharedJournal`), as a `Vec<A>` in the same place would be; the check
// beside `State` (`state.rs`) proves that model `Send + Sync` under those
// bounds.
unsafe impl Send for Raw {}
// SAFETY: as for `Send`: shared access only reads the values, as through a
// `&Vec<A>`, and the owner is `Sync` only where `A: Send` (behind a mutex).
unsafe impl Sync for Raw {}

/// What the erased journal needs to know of a tuple type: its layout and
/// how to drop it. A constant per type (`TupleOf::INFO`), so that making a
/// journal compiles no function per mocked method.
#[derive(Clone, Copy)]
pub(crate) struct TupleInfo {
    size: usize,
    align: usize,
    /// `drop_in_place::<A>` taken as a pointer to any `A`; `None` where
    /// `A` needs no drop.
    drop: Option<unsafe fn(*mut ())>,
}

/// The [`TupleInfo`] of `A`.
pub(crate) struct TupleOf<A>(PhantomData<A>);

impl<A> TupleOf<A> {
    pub(crate) const INFO: TupleInfo = TupleInfo {
        size: size_of::<A>(),
        align: align_of::<A>(),
        drop: if std::mem::needs_drop::<A>() {
            let typed: unsafe fn(*mut A) = std::ptr::drop_in_place::<A>;
            // SAFETY: `unsafe fn(*mut A)` and `unsafe fn(*mut ())` are
            // ABI-compatible (raw pointers to sized types), and the pointer
            // is only called with pointers to `A` values (`Raw::clear`,
            // `Unjournaled`, `Calls::insert`), by the journal made with it.
            Some(unsafe { std::mem::transmute::<unsafe fn(*mut A), unsafe fn(*mut ())>(typed) })
        } else {
            None
        },
    };
}

impl Raw {
    fn new(info: TupleInfo) -> Self {
        Raw {
            // Aligned, as a `NonNull::<A>::dangling()` is: `align` is a
            // power of two, not zero.
            ptr: NonNull::new(std::ptr::without_provenance_mut(info.align))
                .unwrap_or(NonNull::dangling()),
            len: 0,
            cap: if info.size == 0 { usize::MAX } else { 0 },
            size: info.size,
            align: info.align,
            drop: info.drop,
        }
    }

    /// The layout of `cap` values.
    fn layout(&self, cap: usize) -> Layout {
        // `cap * size` fits: `grow` checked it when it allocated, and this
        // is only called with a capacity that was allocated or is checked.
        Layout::from_size_align(cap * self.size, self.align).expect("the journal fits in memory")
    }

    /// The address of slot `index`, which may be one past the end.
    fn slot(&self, index: usize) -> *mut u8 {
        // SAFETY: `index <= cap` (callers), so the offset stays within the
        // allocation (or is 0 for zero-sized values).
        unsafe { self.ptr.as_ptr().add(index * self.size) }
    }

    /// Room for one more value.
    #[cold]
    fn grow(&mut self) {
        // Zero-sized values never get here: their capacity is `usize::MAX`.
        let cap = if self.cap == 0 { 4 } else { self.cap * 2 };
        let bytes = cap.checked_mul(self.size);
        let layout = bytes
            .and_then(|bytes| Layout::from_size_align(bytes, self.align).ok())
            .unwrap_or_else(|| panic!("the journal of this method outgrew the address space"));
        let ptr = if self.cap == 0 {
            // SAFETY: the layout's size is not zero (`size > 0`, `cap > 0`).
            unsafe { alloc::alloc(layout) }
        } else {
            // SAFETY: `ptr` was allocated by this allocator with the layout
            // of `self.cap` values, and the new size is not zero and fits
            // (checked above).
            unsafe { alloc::realloc(self.ptr.as_ptr(), self.layout(self.cap), layout.size()) }
        };
        self.ptr = NonNull::new(ptr).unwrap_or_else(|| alloc::handle_alloc_error(layout));
        self.cap = cap;
    }

    /// Moves the value at `src` in at `index` (at most `len`), shifting the
    /// later ones up.
    ///
    /// # Safety
    /// `src` points to a value of this array's type, which the caller
    /// gives up (it must not be used or dropped after).
    unsafe fn insert(&mut self, index: usize, src: NonNull<()>) {
        assert!(index <= self.len, "journal index out of range");
        if self.len == self.cap {
            self.grow();
        }
        // SAFETY: `index <= len < cap`: the slots up to `len` are in the
        // allocation; the values after `index` move up by one slot (an
        // overlapping copy), and `src` is a value of `size` bytes that the
        // caller gives up, so it is not a slot of this array.
        unsafe {
            let at = self.slot(index);
            std::ptr::copy(at, self.slot(index + 1), (self.len - index) * self.size);
            std::ptr::copy_nonoverlapping(src.as_ptr().cast::<u8>(), at, self.size);
        }
        self.len += 1;
    }

    /// Moves the value at `src` in at the end.
    ///
    /// # Safety
    /// As for `insert`.
    #[inline]
    unsafe fn push(&mut self, src: NonNull<()>) {
        if self.len == self.cap {
            self.grow();
        }
        // SAFETY: `len < cap`, so the slot is in the allocation; `src` is a
        // value of `size` bytes that the caller gives up.
        unsafe {
            std::ptr::copy_nonoverlapping(
                src.as_ptr().cast::<u8>(),
                self.slot(self.len),
                self.size,
            );
        };
        self.len += 1;
    }

    /// The value at `index`.
    fn get(&self, index: usize) -> *const () {
        assert!(index < self.len, "journal index out of range");
        self.slot(index).cast_const().cast()
    }

    /// Drops every value, oldest first. Should one's drop panic, the rest
    /// are leaked (the length is reset first), never dropped twice.
    fn clear(&mut self) {
        let len = std::mem::replace(&mut self.len, 0);
        if let Some(drop) = self.drop {
            for index in 0..len {
                // SAFETY: slots below the old length hold values of this
                // array's type, each dropped once: `len` is 0 already.
                unsafe { drop(self.slot(index).cast()) };
            }
        }
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        self.clear();
        if self.size != 0 && self.cap != 0 {
            // SAFETY: allocated by `grow` with the layout of `cap` values.
            unsafe { alloc::dealloc(self.ptr.as_ptr(), self.layout(self.cap)) };
        }
    }
}

impl Calls {
    /// An empty journal for the argument tuple `A`, rendered by `render`.
    /// Only this shell is compiled per tuple type, into its one caller
    /// (`Method::__new`), in debug builds too.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn new<A>(render: fn(&A) -> Vec<String>) -> Self {
        // SAFETY: `fn(&A) -> R` and `unsafe fn(*const ()) -> R` are
        // ABI-compatible (a reference and a raw pointer to sized types);
        // it is only called with pointers to `A` values (`render_at`).
        let render = unsafe {
            std::mem::transmute::<fn(&A) -> Vec<String>, unsafe fn(*const ()) -> Vec<String>>(
                render,
            )
        };
        Calls::erased(TupleOf::<A>::INFO, render)
    }

    fn erased(info: TupleInfo, render: unsafe fn(*const ()) -> Vec<String>) -> Self {
        Calls {
            values: Raw::new(info),
            texts: None,
            render,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match &self.texts {
            None => self.values.len,
            Some(texts) => texts.len(),
        }
    }

    /// The arguments of call `index`, erased.
    pub(crate) fn get(&self, index: usize) -> ErasedArgs<'_> {
        match &self.texts {
            None => ErasedArgs::Value(self.values.get(index)),
            Some(texts) => ErasedArgs::Text(&texts[index]),
        }
    }

    /// The arguments of the newest call, erased.
    pub(crate) fn last(&self) -> Option<ErasedArgs<'_>> {
        self.len().checked_sub(1).map(|index| self.get(index))
    }

    /// Journals a call's arguments at `index` (the end, for a new call).
    /// A method journals values or texts, never both; should it ever be
    /// handed the other kind, the kept values turn into their text.
    ///
    /// # Safety
    /// A `Value` must point to a value of this journal's tuple type that
    /// the caller gives up (as for [`hand_over`]).
    pub(crate) unsafe fn insert(&mut self, index: usize, args: Incoming<'_>) {
        match (&mut self.texts, args) {
            // SAFETY: the caller's contract.
            (None, Incoming::Value(args, _)) => unsafe { self.values.insert(index, args) },
            (Some(texts), Incoming::Text(text)) => texts.insert(index, text),
            (Some(texts), Incoming::Value(args, _)) => {
                // SAFETY: the caller's contract; the value is rendered,
                // then dropped here, its one owner.
                let text = unsafe { (self.render)(args.as_ptr()) };
                if let Some(drop) = self.values.drop {
                    // SAFETY: as above.
                    unsafe { drop(args.as_ptr()) };
                }
                texts.insert(index, text.into_boxed_slice());
            }
            (None, Incoming::Text(text)) => {
                let mut texts: Vec<Box<[String]>> = (0..self.values.len)
                    .map(|at| {
                        // SAFETY: the journal's own arguments.
                        unsafe { self.render_at(ErasedArgs::Value(self.values.get(at))) }
                            .into_boxed_slice()
                    })
                    .collect();
                texts.insert(index, text);
                self.values.clear();
                self.texts = Some(texts);
            }
        }
    }

    /// [`insert`](Self::insert) at the end; the one the call path uses.
    ///
    /// # Safety
    /// As for [`insert`](Self::insert).
    #[inline]
    pub(crate) unsafe fn push(&mut self, args: Incoming<'_>) {
        match (&self.texts, args) {
            // SAFETY: the caller's contract.
            (None, Incoming::Value(args, _)) => unsafe { self.values.push(args) },
            (_, args) => {
                let at = self.len();
                // SAFETY: the caller's contract.
                unsafe { self.insert(at, args) };
            }
        }
    }

    /// Takes arguments that are not journaled: they are dropped with the
    /// returned value.
    ///
    /// # Safety
    /// As for [`insert`](Self::insert).
    pub(crate) unsafe fn owned<'a>(&self, args: Incoming<'a>) -> Unjournaled<'a> {
        Unjournaled {
            args,
            drop: self.values.drop,
        }
    }

    pub(crate) fn clear(&mut self) {
        self.values.clear();
        if let Some(texts) = &mut self.texts {
            texts.clear();
        }
    }

    /// Erased arguments, rendered.
    ///
    /// # Safety
    /// A `Value` must point to a live value of this journal's tuple type
    /// (one it holds, or a call's arguments of the method it belongs to).
    pub(crate) unsafe fn render_at(&self, args: ErasedArgs<'_>) -> Vec<String> {
        match args {
            // SAFETY: the caller's contract; `render` was made for the
            // journal's tuple type (`new`).
            ErasedArgs::Value(args) => unsafe { (self.render)(args) },
            ErasedArgs::Text(texts) => texts.to_vec(),
        }
    }

    /// Call `index`'s arguments, rendered.
    pub(crate) fn render(&self, index: usize) -> Vec<String> {
        // SAFETY: the journal's own arguments.
        unsafe { self.render_at(self.get(index)) }
    }

    /// The tuples of every call; empty where they are kept as text (then
    /// `A` is not `Clone`, and nothing that clones them compiles).
    ///
    /// # Safety
    /// `A` must be the tuple type the journal was made for.
    pub(crate) unsafe fn values<A>(&self) -> &[A] {
        if self.texts.is_some() {
            return &[];
        }
        // SAFETY: the first `len` slots hold `A` values (the caller's
        // contract), contiguous and aligned as in a `Vec<A>`.
        unsafe { std::slice::from_raw_parts(self.values.ptr.as_ptr().cast::<A>(), self.values.len) }
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
        None => Kept::Text(debug_texts(texts).into_boxed_slice()),
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
            #[allow(non_snake_case)] // the values take the names `E0`, `E1`, ..
            #[allow(clippy::inline_always)] // one caller: `gather`, in debug builds too
            #[inline(always)]
            fn gather(self) -> Option<Self::Args> {
                // A `match`, not `?`: a debug build compiles this once per
                // mocked method, and `?` calls into the `Try` machinery.
                match self {
                    ($(Some($e),)*) => Some(($($e,)*)),
                    #[allow(unreachable_patterns)] // the empty tuple
                    _ => None,
                }
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

    /// Journals `kept` at `index` of a journal of `A`.
    fn insert<A>(calls: &mut Calls, index: usize, kept: Kept<A>) {
        let mut slot = MaybeUninit::uninit();
        // SAFETY: every journal in these tests is made for the `A` it is
        // handed.
        unsafe { calls.insert(index, hand_over(kept, &mut slot)) };
    }

    fn push<A>(calls: &mut Calls, kept: Kept<A>) {
        let mut slot = MaybeUninit::uninit();
        // SAFETY: as in `insert`.
        unsafe { calls.push(hand_over(kept, &mut slot)) };
    }

    fn values<A>(calls: &Calls) -> &[A] {
        // SAFETY: as in `insert`.
        unsafe { calls.values::<A>() }
    }

    #[test]
    fn values_stay_values_and_texts_texts() {
        let mut calls = Calls::new(render);
        push(&mut calls, Kept::Value((1,)));
        push(&mut calls, (2,).into());
        assert_eq!(values::<(u32,)>(&calls), [(1,), (2,)]);
        assert_eq!(calls.render(1), ["2"]);
        let mut texts = Calls::new(render);
        push::<(u32,)>(&mut texts, Kept::Text(vec!["Plain".to_owned()].into()));
        assert!(values::<(u32,)>(&texts).is_empty());
        assert!(matches!(texts.last(), Some(ErasedArgs::Text([text])) if text == "Plain"));
    }

    #[test]
    fn a_text_after_values_turns_the_values_into_text() {
        let mut calls = Calls::new(render);
        push(&mut calls, Kept::Value((1,)));
        insert::<(u32,)>(&mut calls, 0, Kept::Text(vec!["t".to_owned()].into()));
        assert_eq!(calls.len(), 2);
        assert_eq!(calls.render(0), ["t"]);
        assert_eq!(calls.render(1), ["1"]);
        // A value handed to a journal of texts is kept as its text.
        push(&mut calls, Kept::Value((3,)));
        assert_eq!(calls.render(2), ["3"]);
    }

    /// Counts its drops in a shared counter.
    #[derive(Debug, Clone)]
    struct Counted(std::rc::Rc<std::cell::Cell<usize>>, String);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    fn render_counted(args: &(Counted, u8)) -> Vec<String> {
        vec![args.0 .1.clone(), args.1.to_string()]
    }

    #[test]
    fn the_erased_journal_keeps_moves_and_drops_each_value_once() {
        let drops = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = |text: &str| Counted(std::rc::Rc::clone(&drops), text.to_owned());
        let mut calls = Calls::new(render_counted);
        // Enough values to grow (and move) the array several times.
        for n in 0..40u8 {
            push(&mut calls, Kept::Value((counted(&format!("v{n}")), n)));
        }
        insert(&mut calls, 3, Kept::Value((counted("middle"), 99)));
        insert(&mut calls, 0, Kept::Value((counted("first"), 98)));
        insert(&mut calls, 42, Kept::Value((counted("last"), 97)));
        assert_eq!(drops.get(), 0, "moving into the journal drops nothing");
        let seen: Vec<(String, u8)> = values::<(Counted, u8)>(&calls)
            .iter()
            .map(|(c, n)| (c.1.clone(), *n))
            .collect();
        assert_eq!(seen.len(), 43);
        assert_eq!(seen[0], ("first".to_owned(), 98));
        assert_eq!(seen[1], ("v0".to_owned(), 0));
        assert_eq!(seen[4], ("middle".to_owned(), 99));
        assert_eq!(seen[42], ("last".to_owned(), 97));
        assert_eq!(calls.render(4), ["middle", "99"]);
        // Not journaled: dropped with the guard, once.
        let mut slot = MaybeUninit::uninit();
        let args = hand_over(Kept::Value((counted("gone"), 0)), &mut slot);
        // SAFETY: the journal is made for `(Counted, u8)`.
        let unjournaled = unsafe { calls.owned(args) };
        assert!(matches!(unjournaled.erase(), ErasedArgs::Value(_)));
        drop(unjournaled);
        assert_eq!(drops.get(), 1);
        calls.clear();
        assert_eq!(drops.get(), 44);
        assert_eq!(calls.len(), 0);
        push(&mut calls, Kept::Value((counted("again"), 1)));
        drop(calls);
        assert_eq!(drops.get(), 45, "dropping the journal drops what it holds");
    }

    #[test]
    fn zero_sized_and_over_aligned_tuples_are_journaled() {
        #[derive(Debug, Clone, Copy, PartialEq)]
        #[repr(align(64))]
        struct Wide(u8);
        #[allow(clippy::trivially_copy_pass_by_ref)]
        fn render_wide(args: &(Wide,)) -> Vec<String> {
            vec![format!("{:?}", args.0)]
        }
        #[allow(clippy::trivially_copy_pass_by_ref)] // the journal's `render` signature
        fn render_unit(_: &()) -> Vec<String> {
            Vec::new()
        }
        let mut calls = Calls::new(render_unit);
        for _ in 0..5 {
            push(&mut calls, Kept::Value(()));
        }
        insert(&mut calls, 2, Kept::Value(()));
        assert_eq!(values::<()>(&calls).len(), 6);
        assert_eq!(calls.render(5), Vec::<String>::new());

        let mut calls = Calls::new(render_wide);
        for n in 0..9 {
            push(&mut calls, Kept::Value((Wide(n),)));
        }
        let wide = values::<(Wide,)>(&calls);
        assert!(wide
            .iter()
            .all(|w| std::ptr::from_ref(w) as usize % 64 == 0));
        assert_eq!(wide[8], (Wide(8),));
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
}
