//! `Specialized`: the child mock of a method whose `where` clause bounds
//! the mock's own type parameters (a "specializing" method, such as
//! `fn make(&self) -> Wrapper<T> where T: Default` in `trait Factory<T>`,
//! where `Wrapper<T>` needs `T: Default`).
//!
//! The mock exists for every `T`, but the method's types exist only where
//! the bound holds, so the mock's field cannot name them: it holds this
//! untyped handle, and the generated `Deref` (under the method's `where`
//! clause) makes the typed [`Method`] on first use. Mock-level operations
//! (`mock_calls()`, `reset_mock()`, ..) reach it through the [`Generic`]
//! it is kept in, as for an instantiation of a generic method.

use crate::core::journal::{AnyMethod, Journals};
use crate::core::method::Method;
use crate::core::mock_core::MockCore;
use crate::features::generic::Generic;
use std::any::Any;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The field of a specializing method (see the module); generated code
/// reaches the typed [`Method`] through [`Specialized::__get`].
#[doc(hidden)]
pub struct Specialized {
    /// Keeps the typed method for the mock-level operations and for the
    /// mock's clones, which share it.
    generic: Generic<()>,
    /// This handle's own copy of the typed method, so that `Deref` can
    /// lend it.
    typed: OnceLock<Box<dyn Any + Send + Sync>>,
}

impl Specialized {
    #[doc(hidden)]
    pub fn __new(core: &Arc<MockCore>, name: &'static str) -> Self {
        Specialized {
            generic: Generic::__new(core, name, |()| Vec::new()),
            typed: OnceLock::new(),
        }
    }

    /// The typed method, made by `make` the first time any handle of the
    /// mock asks for it.
    #[doc(hidden)]
    pub fn __get<A: 'static, R: 'static, F: ?Sized + 'static>(
        &self,
        make: impl FnOnce(&Arc<MockCore>, &str) -> Method<A, R, F>,
    ) -> &Method<A, R, F>
    where
        Method<A, R, F>: Send + Sync,
    {
        let typed = self
            .typed
            .get_or_init(|| Box::new(self.generic.specialized(make)));
        match typed.downcast_ref::<Method<A, R, F>>() {
            Some(method) => method,
            None => unreachable!("a specializing method's child mock has one type"),
        }
    }
}

impl Clone for Specialized {
    fn clone(&self) -> Self {
        Specialized {
            generic: self.generic.clone(),
            typed: OnceLock::new(),
        }
    }
}

impl AnyMethod for Specialized {
    fn journals(&self) -> Journals<'_> {
        self.generic.journals()
    }
}

impl fmt::Debug for Specialized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.generic, f)
    }
}
