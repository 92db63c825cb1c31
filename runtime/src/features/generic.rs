//! `Generic`: the child mock of a generic method, one [`Method`] per instantiation.

use crate::core::call::Call;
use crate::core::holders::ThreadBound;
use crate::core::journal::{self, AnyMethod, Journals, ManyJournals};
use crate::core::lock::lock;
use crate::core::method::calls::Kept;
use crate::core::method::Method;
use crate::core::mock_core::MockCore;
use crate::core::sequence::next_seq;
use std::any::{Any, TypeId};
use std::fmt;
use std::sync::{Arc, Mutex};

/// The child mock of a method with `'static` type (or const) parameters,
/// such as `fn get<T: DeserializeOwned + 'static>(&self, key: &str) -> T`.
///
/// Each instantiation has its own child mock, reached with `of`:
/// `store.get.of::<User>()` configures and inspects the calls made with
/// `T = User`. Calls made before the test asked for an instantiation are
/// kept and handed to it when it is first asked for.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Config {
///     fn get<T: std::str::FromStr + 'static>(&self, key: &str) -> T;
/// }
///
/// let config = MockConfig::default();
/// config.get.of::<u16>().returns(8080);
/// config.get.of::<String>().returns_with(|key| format!("<{key}>"));
/// assert_eq!(config.get::<u16>("port"), 8080);
/// assert_eq!(config.get::<String>("host"), "<host>");
/// config.get.of::<u16>().assert_called_once_with(("port",));
/// assert_eq!(config.get.call_count(), 2);
/// assert_eq!(config.mock_calls(), [call!(get::<u16>("port")), call!(get::<String>("host"))]);
/// ```
pub struct Generic<A> {
    inner: Arc<Inner<A>>,
}

struct Inner<A> {
    core: Arc<MockCore>,
    name: &'static str,
    render: fn(&A) -> Vec<String>,
    state: Mutex<State<A>>,
}

struct State<A> {
    instances: Vec<(TypeId, Box<dyn Instance>)>,
    /// Calls of instantiations the test has not asked for yet.
    pending: Vec<Pending<A>>,
}

struct Pending<A> {
    key: TypeId,
    type_args: fn() -> String,
    seq: u64,
    args: Kept<A>,
    /// The call's arguments as the instantiation's own journal keeps them
    /// (its `AK`, arguments of the type parameters typed), where the call
    /// could make them: the instantiation adopts these, on the thread that
    /// made the call, and the text in `args` elsewhere.
    typed: Option<ThreadBound<Box<dyn Any>>>,
}

/// What `Generic` needs of an instantiation's `Method`.
trait Instance: AnyMethod + Send + Sync {
    fn as_any(&self) -> &dyn Any;
}

impl<A: 'static, R: 'static, F: ?Sized + 'static> Instance for Method<A, R, F>
where
    Method<A, R, F>: Send + Sync,
{
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl<A> Clone for Generic<A> {
    fn clone(&self) -> Self {
        Generic {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<A: 'static> Generic<A> {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>, name: &'static str, render: fn(&A) -> Vec<String>) -> Self {
        let state = State {
            instances: Vec::new(),
            pending: Vec::new(),
        };
        Generic {
            inner: Arc::new(Inner {
                core: Arc::clone(core),
                name: name.strip_prefix("r#").unwrap_or(name),
                render,
                state: Mutex::new(state),
            }),
        }
    }

    /// The child mock of instantiation `K`, made by `make` (given the core
    /// and the full name, `get::<User>`) when first asked for. Its journal
    /// `AK` keeps arguments of the type parameters typed (`TypedArg`);
    /// `adopt` turns the calls journaled before, as text, into its own.
    #[doc(hidden)]
    pub fn __of<K: 'static, AK: 'static, R: 'static, F: ?Sized + 'static>(
        &self,
        type_args: fn() -> String,
        make: impl FnOnce(&Arc<MockCore>, &str) -> Method<AK, R, F>,
        adopt: fn(A) -> AK,
    ) -> Method<AK, R, F>
    where
        Method<AK, R, F>: Send + Sync,
    {
        let key = TypeId::of::<K>();
        let mut state = lock(&self.inner.state);
        if let Some(found) = find_in::<A, AK, R, F>(&state, key) {
            return found;
        }
        let name = format!("{}::<{}>", self.inner.name, type_args());
        let method = make(&self.inner.core, &name);
        let pending = std::mem::take(&mut state.pending);
        for call in pending {
            if call.key == key {
                let typed = call
                    .typed
                    .and_then(|typed| typed.into_inner().ok())
                    .and_then(|typed| typed.downcast::<Kept<AK>>().ok());
                let args = match (typed, call.args) {
                    (Some(typed), _) => *typed,
                    (None, Kept::Value(args)) => Kept::Value(adopt(args)),
                    (None, Kept::Text(texts)) => Kept::Text(texts),
                };
                method.__adopt(call.seq, args);
            } else {
                state.pending.push(call);
            }
        }
        state.instances.push((key, Box::new(method.clone())));
        method
    }

    /// The one child mock of a method whose `where` clause bounds the
    /// mock's own type parameters (see `Specialized`), made by `make` when
    /// first asked for; it keeps the method's plain name.
    pub(crate) fn specialized<AK: 'static, R: 'static, F: ?Sized + 'static>(
        &self,
        make: impl FnOnce(&Arc<MockCore>, &str) -> Method<AK, R, F>,
    ) -> Method<AK, R, F>
    where
        Method<AK, R, F>: Send + Sync,
    {
        let key = TypeId::of::<Method<AK, R, F>>();
        let mut state = lock(&self.inner.state);
        if let Some(found) = find_in::<A, AK, R, F>(&state, key) {
            return found;
        }
        let method = make(&self.inner.core, self.inner.name);
        state.instances.push((key, Box::new(method.clone())));
        method
    }

    /// A pending call's arguments, rendered.
    fn render(&self, args: &Kept<A>) -> Vec<String> {
        match args {
            Kept::Value(args) => (self.inner.render)(args),
            Kept::Text(texts) => texts.to_vec(),
        }
    }

    /// The child mock of instantiation `K`, if the test asked for it.
    #[doc(hidden)]
    pub fn __find<K: 'static, AK: 'static, R: 'static, F: ?Sized + 'static>(
        &self,
    ) -> Option<Method<AK, R, F>> {
        find_in(&lock(&self.inner.state), TypeId::of::<K>())
    }

    /// Journals a call of an instantiation nobody configured, without
    /// answering it: a patch's `calls_original()` lets the original answer.
    #[doc(hidden)]
    pub fn __record_unconfigured<K: 'static>(
        &self,
        type_args: fn() -> String,
        args: impl Into<Kept<A>>,
    ) {
        let args = args.into();
        let seq = next_seq();
        lock(&self.inner.state).pending.push(Pending {
            key: TypeId::of::<K>(),
            type_args,
            seq,
            args,
            typed: None,
        });
    }

    /// Journals a call of an instantiation nobody configured and answers
    /// it with `default`, or panics when there is none or the mock is sealed.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_unconfigured<K: 'static, R>(
        &self,
        type_args: fn() -> String,
        args: impl Into<Kept<A>>,
        default: fn() -> Option<R>,
    ) -> R {
        self.unconfigured::<K, R>(type_args, args.into(), None, default)
    }

    /// [`__call_unconfigured`](Self::__call_unconfigured) for a method
    /// with arguments of its type parameters: `typed` is the call as the
    /// instantiation's own journal keeps it (those arguments typed), which
    /// the instantiation adopts when the test asks for it later, so that
    /// `of::<u32>().assert_called_with((5,))` compares the value, not text.
    #[doc(hidden)]
    #[track_caller]
    pub fn __call_unconfigured_typed<K: 'static, AK: 'static, R>(
        &self,
        type_args: fn() -> String,
        args: impl Into<Kept<A>>,
        typed: impl Into<Kept<AK>>,
        default: fn() -> Option<R>,
    ) -> R {
        let typed: Box<dyn Any> = Box::new(typed.into());
        self.unconfigured::<K, R>(type_args, args.into(), Some(typed), default)
    }

    #[track_caller]
    fn unconfigured<K: 'static, R>(
        &self,
        type_args: fn() -> String,
        args: Kept<A>,
        typed: Option<Box<dyn Any>>,
        default: fn() -> Option<R>,
    ) -> R {
        let seq = next_seq();
        let call = Call::new(
            format!("{}::<{}>", self.inner.name, type_args()),
            self.render(&args),
        );
        lock(&self.inner.state).pending.push(Pending {
            key: TypeId::of::<K>(),
            type_args,
            seq,
            args,
            typed: typed.map(ThreadBound::new),
        });
        let why = if self.inner.core.is_sealed() {
            "the mock is sealed and this method has no answer"
        } else if let Some(value) = default() {
            return value;
        } else {
            "no answer is configured for this instantiation"
        };
        let field = self.inner.name;
        panic!(
            "{}.{call}: {why}.\nConfigure one with .{field}.of::<{}>().returns(..) or .returns_with(..).",
            self.inner.core.name(),
            type_args()
        );
    }

    /// How many times the method was called, over all instantiations.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bus { fn send<T: std::fmt::Debug + 'static>(&self, message: T); }
    /// let bus = MockBus::default();
    /// bus.send(1u8);
    /// bus.send("two");
    /// assert_eq!(bus.send.call_count(), 2);
    /// assert_eq!(bus.send.of::<u8>().call_count(), 1);
    /// ```
    pub fn call_count(&self) -> usize {
        ManyJournals::sequenced_calls(self).len()
    }

    /// Whether the method was called at least once, with any type.
    ///
    /// ```
    /// # use autospec::prelude::*;
    /// #[autospec]
    /// trait Bus { fn send<T: 'static>(&self, message: T); }
    /// let bus = MockBus::default();
    /// assert!(!bus.send.called());
    /// bus.send(1u8);
    /// assert!(bus.send.called());
    /// ```
    pub fn called(&self) -> bool {
        self.call_count() > 0
    }
}

/// The child mock of instantiation `key`, if the test asked for it.
fn find_in<A, AK: 'static, R: 'static, F: ?Sized + 'static>(
    state: &State<A>,
    key: TypeId,
) -> Option<Method<AK, R, F>> {
    state
        .instances
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, instance)| instance.as_any().downcast_ref::<Method<AK, R, F>>())
        .cloned()
}

impl<A: 'static> AnyMethod for Generic<A> {
    fn journals(&self) -> Journals<'_> {
        Journals::Many(self)
    }
}

/// The mock-level operations of a generic method, over its instantiations.
impl<A: 'static> ManyJournals for Generic<A> {
    fn sequenced_calls(&self) -> Vec<(u64, Call)> {
        let state = lock(&self.inner.state);
        let mut calls: Vec<(u64, Call)> = state
            .pending
            .iter()
            .map(|call| {
                let name = format!("{}::<{}>", self.inner.name, (call.type_args)());
                (call.seq, Call::new(name, self.render(&call.args)))
            })
            .collect();
        for (_, instance) in &state.instances {
            calls.extend(journal::sequenced_calls(&**instance));
        }
        calls.sort_by_key(|(seq, _)| *seq);
        calls
    }

    fn unused_answers(&self) -> Vec<(String, usize)> {
        let state = lock(&self.inner.state);
        state
            .instances
            .iter()
            .flat_map(|(_, instance)| journal::unused_any(&**instance))
            .collect()
    }

    fn reset(&self) {
        let mut state = lock(&self.inner.state);
        state.pending.clear();
        // Mocks an instantiation keeps as answers are reset too; one that
        // keeps this mock stops at it (`Mock::reset_mock` visits each
        // mock once), so this lock is not taken twice.
        for (_, instance) in &state.instances {
            journal::reset_any(&**instance);
        }
    }

    fn reset_answers(&self) {
        let state = lock(&self.inner.state);
        for (_, instance) in &state.instances {
            journal::reset_answers_any(&**instance);
        }
    }
}

/// Shows the method's name and its calls over all instantiations.
impl<A: 'static> fmt::Debug for Generic<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let calls: Vec<Call> = self
            .sequenced_calls()
            .into_iter()
            .map(|(_, call)| call)
            .collect();
        f.debug_struct("Generic")
            .field(
                "name",
                &format_args!("{}.{}", self.inner.core.name(), self.inner.name),
            )
            .field("calls", &calls)
            .finish()
    }
}

/// What configuring or asserting on a generic method's field needs: the
/// instantiation, named with `of::<T>()`. A generic method has a child mock
/// per instantiation, so `returns`, `returns_with`, `when` and the
/// assertions that take arguments are methods of those children; on the
/// field they exist only to fail to compile with this trait's message.
///
/// ```
/// use autospec::prelude::*;
///
/// #[autospec]
/// trait Config {
///     fn get<T: 'static>(&self, key: &str) -> T;
/// }
///
/// let config = MockConfig::default();
/// config.get.of::<u16>().returns(8080);
/// assert_eq!(config.get::<u16>("port"), 8080);
/// config.get.of::<u16>().assert_called_once_with(("port",));
/// assert_eq!(config.get.call_count(), 1); // every instantiation
/// ```
///
/// ```compile_fail,E0277
/// # use autospec::prelude::*;
/// # #[autospec]
/// # trait Config {
/// #     fn get<T: 'static>(&self, key: &str) -> T;
/// # }
/// # let config = MockConfig::default();
/// // error: `get` is generic: configure and check one instantiation, `.of::<T>()`
/// config.get.returns(8080u16);
/// ```
#[diagnostic::on_unimplemented(
    message = "this method is generic: its answers and calls belong to one instantiation, named with `.of::<T>()`",
    label = "this belongs to one instantiation: `.of::<T>()` first",
    note = "for example `mock.get.of::<u16>().returns(8080)`; `call_count()` and `called()` on the method itself count every instantiation"
)]
pub trait NameTheInstantiation {}

/// Methods of a child mock, on the field of a generic method: each fails
/// to compile with the message of [`NameTheInstantiation`].
#[doc(hidden)]
impl<A: 'static> Generic<A> {
    pub fn returns<V: NameTheInstantiation>(&self, value: V) {
        drop(value);
    }
    pub fn returns_once<V: NameTheInstantiation>(&self, value: V) {
        drop(value);
    }
    pub fn returns_each<V: NameTheInstantiation>(&self, values: V) {
        drop(values);
    }
    pub fn returns_with<V: NameTheInstantiation>(&self, answer: V) {
        drop(answer);
    }
    pub fn when<V: NameTheInstantiation>(&self, expected: V) {
        drop(expected);
    }
    pub fn assert_called_with<V: NameTheInstantiation>(&self, expected: V) {
        drop(expected);
    }
    pub fn assert_called_once_with<V: NameTheInstantiation>(&self, expected: V) {
        drop(expected);
    }
    pub fn assert_any_call<V: NameTheInstantiation>(&self, expected: V) {
        drop(expected);
    }
    pub fn panics<V: NameTheInstantiation>(&self, message: V) {
        drop(message);
    }
}
