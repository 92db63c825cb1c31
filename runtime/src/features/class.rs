//! Class state: the child mocks of a mock's methods without `self`, on
//! this thread (`Class`) or on every thread (`SharedClass`); and patches,
//! which are the class state of a function's hook (`patch!`,
//! `patch_shared!`), with the count of the calls other threads made to a
//! function patched on this one.
//!
//! These are the documented global slots of the runtime: the class states
//! installed on each thread, the shared ones, and the thread-local patches
//! alive. The facade's `patching`, `patched` and `class` read them for
//! generated code.

use crate::core::fail;
use crate::core::journal::{self, AnyMethod, Journals};
use crate::core::mock::Mock;
use crate::core::mock_core::MockCore;
use crate::core::render::type_name_of;
use crate::core::report;
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::marker::PhantomData;
use std::ops::Deref;
use std::panic::Location;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::ThreadId;

thread_local! {
    /// The class states installed on this thread, innermost last.
    static INSTALLED: Installs = const { Installs(RefCell::new(Vec::new())) };
}

/// The class states of one thread. When the thread ends with guards that
/// were leaked (`std::mem::forget`), its states go with it, and this
/// forgets them in the process-wide counts too.
struct Installs(RefCell<Vec<Installed>>);

impl Drop for Installs {
    fn drop(&mut self) {
        let left = std::mem::take(self.0.get_mut());
        if !left.is_empty() {
            forget_installed(&left);
        }
    }
}

/// Takes entries that left `INSTALLED` without their guard out of the
/// counts, and their thread-local patches out of `LOCALS`.
fn forget_installed(entries: &[Installed]) {
    LIVE.fetch_sub(entries.len(), Ordering::Relaxed);
    let mut locals = locals();
    let before = locals.len();
    locals.retain(|local| !entries.iter().any(|entry| entry.guard == local.guard));
    PATCHES.fetch_sub(before - locals.len(), Ordering::Relaxed);
}

/// Undoes every patch and class state that this thread installed and that
/// is still installed, including those whose guard was leaked with
/// `std::mem::forget` or `Box::leak` (Python's `patch.stopall()`): the
/// `patch!` and `MockX::class()` guards of this thread, and the
/// `patch_shared!` and `class_shared()` guards it holds. Returns how many
/// it undid. A guard that is still alive answers no more calls afterwards,
/// and dropping it later does nothing more.
///
/// A leaked guard never drops, so without this its patch stays installed
/// until the thread ends (a shared one until the process does, and the
/// next `patch_shared!` of that function waits for it for ever).
///
/// ```
/// mod clock {
///     #[autospec::autospec]
///     pub fn now() -> u64 {
///         1_000
///     }
/// }
///
/// fn main() {
///     let now = autospec::patch!(clock::now);
///     now.returns(7);
///     std::mem::forget(now); // leaked: it would answer for ever
///     assert_eq!(clock::now(), 7);
///
///     assert_eq!(autospec::unpatch_all(), 1);
///     assert_eq!(clock::now(), 1_000);
/// }
/// ```
pub fn unpatch_all() -> usize {
    let installed = INSTALLED
        .try_with(|installed| std::mem::take(&mut *installed.0.borrow_mut()))
        .unwrap_or_default();
    forget_installed(&installed);
    let me = std::thread::current().id();
    let released: Vec<SharedEntry> = {
        let mut shared = shared();
        let (mine, others) = std::mem::take(&mut *shared)
            .into_iter()
            .partition(|entry| entry.holder == me);
        *shared = others;
        mine
    };
    LIVE.fetch_sub(released.len(), Ordering::Relaxed);
    RELEASED.notify_all();
    // The states are dropped here, with no lock held.
    installed.len() + released.len()
}

struct Installed {
    class: TypeId,
    guard: u64,
    state: Box<dyn Any>,
}

static GUARDS: AtomicU64 = AtomicU64::new(0);

/// The class of a mock: the child mocks of the mocked trait's methods
/// without a receiver (`fn new(..) -> Self`, `fn default_port() -> u16`),
/// for the current thread, until this guard drops.
///
/// `MockTrait::class()` returns one. While it lives, every call of such a
/// method on this thread is journaled and answered by it; dropping it
/// forgets that state, so tests that run in parallel threads never see
/// each other's. Guards nest: the innermost one answers. A call made on a
/// thread with no guard alive is answered by a fresh class (defaults
/// only) and its record is dropped with it.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Connection {
///     fn open(url: &str) -> Self where Self: Sized;
///     fn default_port() -> u16 where Self: Sized;
///     fn send(&self, bytes: &[u8]) -> usize;
/// }
///
/// let class = MockConnection::class();
/// class.default_port.returns(5432);
/// assert_eq!(MockConnection::default_port(), 5432);
/// let connection = MockConnection::open("db://x");
/// connection.send(b"ping");
/// class.open.assert_called_once_with(("db://x",));
/// connection.send.assert_called_once_with((b"ping",));
/// ```
///
/// The guard acts only while it lives, so keep it in a named binding for
/// as long as the code under test runs: `let _ = MockTrait::class();` (or
/// `let _ = patch!(..)`) drops it at once, and so does a statement that
/// uses it without binding it, `MockTrait::class().open.returns(..);`. A
/// guard dropped before it answered a call or was used at all says so on
/// the test's output.
#[must_use = "the class state (or patch) is undone when this guard drops: keep it in a named binding, `let class = MockX::class();` or `let fetch = patch!(..);`, while the code under test runs"]
pub struct Class<C: 'static> {
    state: C,
    guard: u64,
    /// For a patch: the calls other threads made while it lived.
    foreign: Option<Arc<AtomicUsize>>,
    /// Where the guard was made, and whether it was used.
    made: Made<C>,
    /// Class state belongs to the thread that installed it.
    not_send: PhantomData<*const ()>,
}

/// Where a guard was made, and whether the test used it: a guard dropped
/// unused (`let _ = patch!(..)`) says so on the test's output.
struct Made<C> {
    at: &'static Location<'static>,
    /// Atomic: a shared class's guard is `Sync`.
    used: AtomicBool,
    /// What the guard installed, if it answered no call.
    idle: fn(&C) -> Option<String>,
}

impl<C> Made<C> {
    fn use_it(&self) {
        self.used.store(true, Ordering::Relaxed);
    }

    /// Says so if the guard is dropped unused.
    fn drop_guard(&self, state: &C) {
        if !self.used.load(Ordering::Relaxed) {
            if let Some(what) = (self.idle)(state) {
                dropped_unused(&what, self.at);
            }
        }
    }

    #[track_caller]
    fn here(idle: fn(&C) -> Option<String>) -> Self {
        Made {
            at: Location::caller(),
            used: AtomicBool::new(false),
            idle,
        }
    }
}

/// Whether any method of `state` was called.
fn answered<C: Mock>(state: &C) -> bool {
    state
        .__autospec_methods()
        .into_iter()
        .any(|method| match method.journals() {
            Journals::One(..) => journal::call_count(method) > 0,
            Journals::Many(_) => !journal::sequenced_calls(method).is_empty(),
        })
}

/// The class guard, for the message of one dropped unused.
fn idle_class<C: Mock>(state: &C) -> Option<String> {
    let name = state.__autospec_core().name();
    (!answered(state)).then(|| format!("`{name}::class()` guard"))
}

/// The patch guard, for the message of one dropped unused.
fn idle_patch<C: Patch>(state: &C) -> Option<String> {
    (!answered(state)).then(|| format!("`patch!` guard of `{}`", C::FUNCTION))
}

/// Says on the test's output (which the test harness shows when the test
/// fails) that a guard was dropped before it answered a call or was used.
fn dropped_unused(what: &str, at: &Location<'_>) {
    if std::thread::panicking() {
        return;
    }
    eprintln!(
        "autospec: the {what} made at {at} was dropped before it answered a call or was used. \
         A guard acts only while it lives, and `let _ = ..` drops it at once: keep it in a named \
         binding (`let _guard = ..`) while the code under test runs."
    );
}

impl<C: Mock + Default + Clone + 'static> Class<C> {
    /// Installs a fresh class state on this thread.
    #[doc(hidden)]
    #[track_caller]
    pub fn __install() -> Self {
        let state = C::default();
        let guard = GUARDS.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(1, Ordering::Relaxed);
        INSTALLED.with(|installed| {
            installed.0.borrow_mut().push(Installed {
                class: TypeId::of::<C>(),
                guard,
                state: Box::new(state.clone()),
            });
        });
        Class {
            state,
            guard,
            foreign: None,
            made: Made::here(idle_class::<C>),
            not_send: PhantomData,
        }
    }
}

impl<C: Patch> Class<C> {
    /// Installs a fresh patch on this thread, counting the calls that
    /// other threads make meanwhile.
    #[doc(hidden)]
    #[track_caller]
    pub fn __install_patch() -> Self {
        let mut class = Self::__install();
        class.made.idle = idle_patch::<C>;
        class.state.__autospec_core().mark_patch();
        let foreign = Arc::new(AtomicUsize::new(0));
        locals().push(LocalPatch {
            class: TypeId::of::<C>(),
            guard: class.guard,
            holder: std::thread::current().id(),
            function: C::FUNCTION,
            foreign: Arc::clone(&foreign),
        });
        PATCHES.fetch_add(1, Ordering::Relaxed);
        fail::add_note(foreign_note);
        class.foreign = Some(foreign);
        class
    }

    /// How many calls of the patched function other threads made while
    /// this thread-local patch was alive. The patch answers only the thread
    /// that made it, so those calls ran the original function.
    ///
    /// ```
    /// mod clock {
    ///     #[autospec::autospec]
    ///     pub fn now() -> u64 {
    ///         1_000
    ///     }
    /// }
    ///
    /// let now = autospec::patch!(clock::now);
    /// now.returns(7);
    /// assert_eq!(std::thread::spawn(clock::now).join().unwrap(), 1_000);
    /// assert_eq!(now.foreign_calls(), 1);
    /// ```
    pub fn foreign_calls(&self) -> usize {
        self.made.use_it();
        self.foreign
            .as_ref()
            .map_or(0, |foreign| foreign.load(Ordering::Relaxed))
    }

    /// Asserts that no other thread called the patched function while this
    /// thread-local patch was alive: such calls ran the original, which
    /// usually means the code under test works on other threads and the
    /// test wants [`patch_shared!`](crate::patch_shared).
    ///
    /// ```
    /// mod clock {
    ///     #[autospec::autospec]
    ///     pub fn now() -> u64 {
    ///         1_000
    ///     }
    /// }
    ///
    /// let now = autospec::patch!(clock::now);
    /// now.returns(7);
    /// assert_eq!(clock::now(), 7);
    /// now.assert_no_foreign_calls();
    ///
    /// std::thread::spawn(clock::now).join().unwrap();
    /// let failed = std::panic::catch_unwind(|| now.assert_no_foreign_calls());
    /// assert!(failed.is_err());
    /// ```
    #[track_caller]
    pub fn assert_no_foreign_calls(&self) {
        let count = self.foreign_calls();
        assert!(
            count == 0,
            "patch of `{}`: expected no calls from other threads, got {count}.\n\
             A `patch!` guard answers only on the thread that made it, so {} the original function.\n\
             Use `patch_shared!` to patch it for every thread.",
            C::FUNCTION,
            if count == 1 { "that call ran" } else { "those calls ran" },
        );
    }
}

impl<C: 'static> Deref for Class<C> {
    type Target = C;
    fn deref(&self) -> &C {
        self.made.use_it();
        &self.state
    }
}

impl<C: 'static> Drop for Class<C> {
    fn drop(&mut self) {
        self.made.drop_guard(&self.state);
        // `try_with`: a guard dropped while the thread's locals are being
        // destroyed must not panic; `Installs` has forgotten its entry then.
        // An entry that `unpatch_all` took out is not counted again.
        let removed = INSTALLED
            .try_with(|installed| match installed.0.try_borrow_mut() {
                Ok(mut installed) => {
                    let at = installed.iter().position(|entry| entry.guard == self.guard);
                    at.map(|at| installed.remove(at))
                }
                Err(_) => None,
            })
            .ok()
            .flatten();
        if let Some(entry) = removed {
            forget_installed(std::slice::from_ref(&entry));
        }
    }
}

/// What [`patch!`](crate::patch) and [`patch_shared!`](crate::patch_shared)
/// need of the function they are given: a patch hook, which `#[autospec]`
/// adds to a free function (and `doubles!` to each function it restates),
/// with a patch struct of the function's name that implements this trait.
/// A function without the attribute has no such struct: `patch!` then
/// finds [`NoPatchHook`](crate::bounds::NoPatchHook) in its place, and the
/// compiler's error says what to add.
///
/// ```
/// mod net {
///     #[autospec::autospec]
///     pub fn fetch(url: &str) -> String {
///         url.to_owned()
///     }
/// }
///
/// fn main() {
///     let fetch = autospec::patch!(net::fetch); // `net::fetch: Patch`
///     fetch.returns("mocked".into());
///     assert_eq!(net::fetch("/a"), "mocked");
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`patch!` needs a function with a patch hook, and this one has none",
    label = "no `#[autospec]` on this function",
    note = "put `#[autospec::autospec]` on the function (or `#[autospec::autospec(patchable)]` on the impl block of a method); if it has `#[cfg_attr(feature = \"mocks\", autospec::autospec)]`, turn that feature on for tests; a function of another crate is restated in `autospec::doubles!`, and `patch!` takes the double"
)]
pub trait Patch: Mock + Default + Clone + 'static {
    /// The function's name in messages: `fetch`, `Account::balance`.
    #[doc(hidden)]
    const FUNCTION: &'static str;

    /// Installs the patch on this thread: what `patch!` calls.
    #[doc(hidden)]
    #[track_caller]
    fn __install() -> Class<Self> {
        Class::__install_patch()
    }
}

/// What [`patch_shared!`](crate::patch_shared) needs of a patched
/// function: that the types of its arguments and answer may be shared by
/// every thread (`Send + Sync`), since the patch answers calls from all of
/// them. [`patch!`](crate::patch) needs nothing of the kind: a function
/// whose arguments are `Rc`s or raw pointers is patched on this thread.
///
/// (Generated code asks for it with `D` left open, so that the compiler
/// checks it where `patch_shared!` is written, with `D = ()`.)
///
/// ```
/// mod net {
///     #[autospec::autospec]
///     pub fn count(items: std::rc::Rc<Vec<u8>>) -> usize {
///         items.len()
///     }
/// }
///
/// fn main() {
///     let count = autospec::patch!(net::count); // `patch_shared!` would not compile
///     count.returns(7);
///     assert_eq!(net::count(std::rc::Rc::new(vec![])), 7);
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`patch_shared!` patches the function for every thread, so the types of its arguments and answer must be `Send + Sync`",
    label = "a function whose arguments or answer cannot be shared between threads",
    note = "use `patch!`, which patches the function on this thread only"
)]
pub trait SharedPatch<D>: Sized + 'static {
    /// Installs the shared patch.
    #[doc(hidden)]
    #[track_caller]
    fn install_shared() -> SharedClass<Self>;
}

#[diagnostic::do_not_recommend]
impl<P: Patch + Send + Sync, D> SharedPatch<D> for P {
    #[track_caller]
    fn install_shared() -> SharedClass<P> {
        let mut class = SharedClass::<P>::install();
        class.made.idle = idle_patch::<P>;
        class.state.__autospec_core().mark_patch();
        class
    }
}

/// A thread-local patch, as other threads see it: where their calls of
/// the function are counted.
struct LocalPatch {
    class: TypeId,
    guard: u64,
    holder: ThreadId,
    function: &'static str,
    foreign: Arc<AtomicUsize>,
}

/// Every thread-local patch alive, on any thread.
static LOCALS: Mutex<Vec<LocalPatch>> = Mutex::new(Vec::new());
/// How many entries `LOCALS` has: a call that no patch answers locks it
/// only while some thread-local patch is alive.
static PATCHES: AtomicUsize = AtomicUsize::new(0);

fn locals() -> MutexGuard<'static, Vec<LocalPatch>> {
    LOCALS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Counts a call of `C` that no patch answered against every other
/// thread's patch of `C`.
fn count_foreign<C: 'static>() {
    if PATCHES.load(Ordering::Relaxed) == 0 {
        return;
    }
    let (class, me) = (TypeId::of::<C>(), std::thread::current().id());
    for entry in locals().iter() {
        if entry.class == class && entry.holder != me {
            entry.foreign.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// `\nNote: ..` for a failure message on a thread whose patches saw calls
/// from other threads, else nothing; added to every failure message once
/// a thread-local patch was installed (`fail::add_note`).
fn foreign_note() -> String {
    if PATCHES.load(Ordering::Relaxed) == 0 {
        return String::new();
    }
    let me = std::thread::current().id();
    let mut note = String::new();
    for entry in locals().iter().filter(|entry| entry.holder == me) {
        let count = entry.foreign.load(Ordering::Relaxed);
        if count > 0 {
            let _ = write!(
                note,
                "\nNote: other threads made {} to `{}` while this thread's `patch!` guard lived; it does not answer them, so they ran the original (`patch_shared!` patches it for every thread).",
                report::calls(count),
                entry.function,
            );
        }
    }
    note
}

/// A guard is the mock it holds, for the mock-level API and for
/// `merged_calls!`: `class.mock_calls()`, `merged_calls!(fetch, store)`.
impl<C: Mock + 'static> Mock for Class<C> {
    fn __autospec_core(&self) -> &MockCore {
        self.made.use_it();
        self.state.__autospec_core()
    }

    fn __autospec_methods(&self) -> Vec<&dyn AnyMethod> {
        self.made.use_it();
        self.state.__autospec_methods()
    }
}

impl<C: std::fmt::Debug + 'static> std::fmt::Debug for Class<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.made.use_it();
        self.state.fmt(f)
    }
}

/// The class state that answers on this thread: the innermost one this
/// thread installed, else the shared one, else a fresh one.
pub(crate) fn current<C: Default + Clone + 'static>() -> C {
    installed().unwrap_or_default()
}

/// How many class states are installed, on any thread: patch hooks read
/// this first, so that an unpatched function pays one relaxed load.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// Whether any class state or patch is installed, on any thread.
#[inline]
pub(crate) fn live() -> bool {
    LIVE.load(Ordering::Relaxed) != 0
}

/// The class state installed for `C` on this thread, else for the whole
/// process, if any.
pub(crate) fn installed<C: Clone + 'static>() -> Option<C> {
    if LIVE.load(Ordering::Relaxed) == 0 {
        return None;
    }
    let found = INSTALLED
        .try_with(|installed| {
            installed.0.try_borrow().ok().and_then(|installed| {
                installed
                    .iter()
                    .rev()
                    .find(|entry| entry.class == TypeId::of::<C>())
                    .and_then(|entry| entry.state.downcast_ref::<C>().cloned())
            })
        })
        .ok()
        .flatten();
    let found = found.or_else(shared_state);
    if found.is_none() {
        count_foreign::<C>();
    }
    found
}

/// The class states installed for the whole process by
/// [`ClassShared::class_shared`], at most one per class.
static SHARED: Mutex<Vec<SharedEntry>> = Mutex::new(Vec::new());
/// Signalled whenever a shared class state is released.
static RELEASED: Condvar = Condvar::new();

struct SharedEntry {
    class: TypeId,
    guard: u64,
    holder: ThreadId,
    state: Box<dyn Any + Send + Sync>,
}

fn shared() -> MutexGuard<'static, Vec<SharedEntry>> {
    SHARED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Links a mock to its class, for [`ClassShared`]; generated code
/// implements it.
#[doc(hidden)]
pub trait HasClass {
    /// The class state type.
    type Class: Default + Clone + 'static;
}

/// The process-wide form of a mock's class: `MockClient::class_shared()`.
///
/// While the returned guard lives, calls of the mock's methods without
/// `self` on any thread — threads the code under test spawns, tokio
/// workers — are answered by this class (a thread's own
/// [`MockClient::class()`](Class) still takes precedence on that thread).
/// Tests asking for the shared class of the same mock wait for each other,
/// so they never see each other's state. Asking for it twice on one thread
/// without dropping the first guard panics instead of waiting forever.
///
/// ```
/// use autospec::prelude::*;
///
/// pub struct Client;
///
/// #[autospec]
/// impl Client {
///     pub fn new() -> Self { Client }
///     pub fn ping(&self) -> bool { true }
/// }
///
/// let class = MockClient::class_shared();
/// class.instance().ping.returns(false);
/// let from_thread = std::thread::spawn(|| MockClient::new().ping()).join().unwrap();
/// assert!(!from_thread);
/// class.new.assert_called_once();
/// ```
pub trait ClassShared: HasClass {
    /// Installs a fresh class state for the whole process, waiting while
    /// another guard of this class lives.
    #[track_caller]
    fn class_shared() -> SharedClass<Self::Class>
    where
        Self::Class: Mock + Send + Sync,
    {
        SharedClass::install()
    }
}

impl<M: HasClass> ClassShared for M {}

/// The guard of [`ClassShared::class_shared`]: the class state, shared by
/// every thread until it drops.
///
/// ```
/// use autospec::prelude::*;
///
/// pub struct Pool;
///
/// #[autospec]
/// impl Pool {
///     pub fn size() -> usize { 4 }
/// }
///
/// {
///     let class = MockPool::class_shared();
///     class.size.returns(16);
///     assert_eq!(std::thread::spawn(MockPool::size).join().unwrap(), 16);
/// }
/// // Dropped: every thread gets a fresh class again.
/// assert_eq!(MockPool::size(), 0);
/// ```
#[must_use = "the shared class state (or patch) is undone when this guard drops: keep it in a named binding, `let class = MockX::class_shared();` or `let fetch = patch_shared!(..);`, while the code under test runs"]
pub struct SharedClass<C: 'static> {
    state: C,
    guard: u64,
    made: Made<C>,
}

impl<C: Mock + Default + Clone + Send + Sync + 'static> SharedClass<C> {
    #[track_caller]
    fn install() -> Self {
        let class = TypeId::of::<C>();
        let me = std::thread::current().id();
        let mut entries = shared();
        while let Some(entry) = entries.iter().find(|entry| entry.class == class) {
            assert!(
                entry.holder != me,
                "this thread already holds the shared class of `{}`; drop that guard before asking again",
                type_name_of::<C>()
            );
            entries = RELEASED
                .wait(entries)
                .unwrap_or_else(PoisonError::into_inner);
        }
        let state = C::default();
        let guard = GUARDS.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(1, Ordering::Relaxed);
        entries.push(SharedEntry {
            class,
            guard,
            holder: me,
            state: Box::new(state.clone()),
        });
        SharedClass {
            state,
            guard,
            made: Made::here(idle_class::<C>),
        }
    }
}

impl<C: 'static> Deref for SharedClass<C> {
    type Target = C;
    fn deref(&self) -> &C {
        self.made.use_it();
        &self.state
    }
}

impl<C: 'static> Drop for SharedClass<C> {
    fn drop(&mut self) {
        self.made.drop_guard(&self.state);
        let removed = {
            let mut shared = shared();
            let at = shared.iter().position(|entry| entry.guard == self.guard);
            at.map(|at| shared.remove(at))
        };
        // Not counted again when `unpatch_all` released it.
        if removed.is_some() {
            LIVE.fetch_sub(1, Ordering::Relaxed);
            RELEASED.notify_all();
        }
    }
}

impl<C: Mock + 'static> Mock for SharedClass<C> {
    fn __autospec_core(&self) -> &MockCore {
        self.made.use_it();
        self.state.__autospec_core()
    }

    fn __autospec_methods(&self) -> Vec<&dyn AnyMethod> {
        self.made.use_it();
        self.state.__autospec_methods()
    }
}

impl<C: std::fmt::Debug + 'static> std::fmt::Debug for SharedClass<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.made.use_it();
        self.state.fmt(f)
    }
}

/// The shared class state of `C`, if one is installed.
fn shared_state<C: Clone + 'static>() -> Option<C> {
    shared()
        .iter()
        .find(|entry| entry.class == TypeId::of::<C>())
        .and_then(|entry| entry.state.downcast_ref::<C>().cloned())
}
