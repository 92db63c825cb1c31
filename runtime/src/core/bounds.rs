//! Traits that name what autospec needs of your types.
//!
//! They are implemented for every type that qualifies, never by hand; they
//! exist so that a type that does not qualify gets an error message that
//! says why autospec needs it and what to write instead.

use std::marker::PhantomData;

/// What a mock needs of an answer that it keeps as a value (given to
/// [`returns`](crate::Method::returns), [`returns_once`](crate::Method::returns_once),
/// [`returns_each`](crate::Method::returns_each) or the same methods of a
/// [`when`](crate::Method::when) rule): that it is `Send`, so that the mock
/// stays `Send + Sync` whatever its return type.
///
/// A return type that is not `Send`, such as `Result<T, Box<dyn Error>>`,
/// is answered with `returns_with`, whose closure makes a fresh value on
/// the calling thread:
///
/// ```
/// use autospec::prelude::*;
/// use std::error::Error;
///
/// #[autospec]
/// trait Loader: Send + Sync {
///     fn load(&self, path: &str) -> Result<Vec<u8>, Box<dyn Error>>;
/// }
///
/// let loader = MockLoader::default();
/// loader.load.returns_with(|path| Err(format!("{path}: missing").into()));
/// let shared: std::sync::Arc<dyn Loader> = std::sync::Arc::new(loader.clone());
/// let error = std::thread::spawn(move || shared.load("a.txt").unwrap_err().to_string());
/// assert_eq!(error.join().unwrap(), "a.txt: missing");
/// ```
#[diagnostic::on_unimplemented(
    message = "a mock keeps the answers it is given as values, and `{Self}` is not `Send`",
    label = "a kept `{Self}` could reach another thread",
    note = "answer with `returns_with(|..| ..)` instead: its closure makes a fresh value on the calling thread, so the value need not be `Send`"
)]
pub trait StoredAnswer: Send {}

impl<T: Send> StoredAnswer for T {}

/// What a double of [`doubles!`](crate::doubles!) needs of the real
/// function's answer: that it has the type the restated signature
/// returns. A double calls the real function and hands its answer on, so
/// a restated return type that is not the real one fails to compile with
/// this trait's message, on the restated type.
///
/// ```
/// autospec::doubles! {
///     mod std::env {
///         // The real one: `pub fn var<K: AsRef<OsStr>>(key: K) -> Result<String, VarError>`.
///         fn var<K: AsRef<std::ffi::OsStr>>(key: K) -> Result<String, VarError>;
///     }
/// }
/// # fn main() {}
/// ```
#[diagnostic::on_unimplemented(
    message = "the restated signature does not match the real function, which returns `{Self}`",
    label = "the real function returns `{Self}`, not `{R}`",
    note = "restate the function as the real one is declared: a double calls it and hands on its answer"
)]
pub trait Restated<R> {
    /// The real function's answer, as the restated type.
    fn into_restated(self) -> R;
}

#[diagnostic::do_not_recommend]
impl<T> Restated<T> for T {
    fn into_restated(self) -> T {
        self
    }
}

/// Marks a value that shares the journal of a method whose arguments are
/// journaled as `A` (and whose answers are `R` and closures `F`): a mock's
/// child mocks. It is `Send` and
/// `Sync` exactly where the journal may be shared between threads, which
/// is where the argument types are `Send`, whatever the return type
/// (answers kept as values are [`StoredAnswer`]s).
///
/// It appears in compiler errors, where a mock whose argument types are
/// not `Send` is sent to another thread:
///
/// ```compile_fail
/// use autospec::prelude::*;
/// use std::rc::Rc;
///
/// #[autospec]
/// trait Job { fn run(&self, shared: Rc<u32>); }
///
/// let job = MockJob::default();
/// std::thread::spawn(move || job.run(Rc::new(1))); // `Rc<u32>` is not `Send`
/// ```
///
/// Marking such a parameter `#[autospec(skip)]` journals its text instead,
/// which is `Send`:
///
/// ```
/// use autospec::prelude::*;
/// use std::rc::Rc;
///
/// #[autospec]
/// trait Job { fn run(&self, #[autospec(skip)] shared: Rc<u32>); }
///
/// let job = MockJob::default();
/// let handle = job.clone();
/// std::thread::spawn(move || handle.run(Rc::new(1))).join().unwrap();
/// job.run.assert_called_once();
/// ```
pub struct SharedJournal<A, R, F: ?Sized>(
    /// Variance, drop check and unwind safety as for the handle it stands
    /// for; `Send` and `Sync` are stated below.
    PhantomData<Handle<(A, R, Box<F>)>>,
);

/// What a handle to a method's typed state is, for [`SharedJournal`].
type Handle<T> = std::sync::Arc<std::sync::Mutex<T>>;

// SAFETY: `SharedJournal<A, R, F>` stands for a shared handle
// (`Arc<Mutex<State<R>>>`) to a method's typed state, which holds `A`
// values (erased in its journal, owned as in a `Vec<A>`), `R` values only
// inside `Sent` (proven `Send` when stored), and
// `Box<F>` closures, which are only ever run by one call at a time, through
// `&mut` (`core/closure.rs`), so they are sent between threads but never
// shared. Such a handle may cross threads, and be shared, where that state
// may be sent, which is where `A: Send` and `F: Send`. A compile-time check
// beside `State` (`core/method/state.rs`) proves a model of it,
// `Arc<Mutex<(Vec<A>, State<R>, Box<F>)>>`, `Send + Sync` under exactly
// these bounds.
unsafe impl<A: Send, R, F: ?Sized + Send> Send for SharedJournal<A, R, F> {}
// SAFETY: as for `Send`.
unsafe impl<A: Send, R, F: ?Sized + Send> Sync for SharedJournal<A, R, F> {}
