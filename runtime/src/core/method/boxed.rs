//! The boxed future of an async method declared `-> Pin<Box<dyn Future<
//! Output = R> + Send>>` (what `#[async_trait]` writes): made at the call
//! where `R` is `Send`, else when first polled.

use super::Method;
use crate::core::answer::Answer;
use std::future::Future;
use std::pin::Pin;

/// Boxes the answer of a method declared `-> Pin<Box<dyn Future<Output =
/// R> + Send + 'a>>` (what `#[async_trait]` writes). Where `R` is `Send`,
/// the call is made at once and its `Answer` boxed; where it is not (or
/// not known to be), the call is made when the future is first polled and
/// its answer returned at once, so that the future holds no `R` and is
/// `Send`, as a real body that makes its `R` at its end is. Generated code
/// calls `BoxedAnswer::<R>::new().__boxed(call)`: the inherent method
/// where `R: Send`, else the one of [`BoxedLater`] it derefs to.
#[doc(hidden)]
pub struct BoxedAnswer<R>(BoxedLater<R>);

/// The fallback of [`BoxedAnswer`]: the call made when first polled.
#[doc(hidden)]
pub struct BoxedLater<R>(std::marker::PhantomData<fn() -> R>);

impl<R> BoxedAnswer<R> {
    #[doc(hidden)]
    #[must_use]
    pub fn new() -> Self {
        BoxedAnswer(BoxedLater(std::marker::PhantomData))
    }
}

impl<R: Send> BoxedAnswer<R> {
    /// The call made at once, its answer boxed (the call need not be
    /// `Send`: the answer holds nothing of its arguments).
    #[doc(hidden)]
    pub fn __boxed<'a, A, F: ?Sized>(
        &self,
        method: &Method<A, R, F>,
        call: impl FnOnce(&Method<A, R, F>) -> Answer<R>,
    ) -> Pin<Box<dyn Future<Output = R> + Send + 'a>>
    where
        R: 'a,
    {
        Box::pin(call(method))
    }
}

impl<R> std::ops::Deref for BoxedAnswer<R> {
    type Target = BoxedLater<R>;
    fn deref(&self) -> &BoxedLater<R> {
        &self.0
    }
}

impl<R> BoxedLater<R> {
    /// The call made when the future is first polled, with a handle to
    /// the method that the future owns.
    #[doc(hidden)]
    pub fn __boxed<'a, A, F: ?Sized>(
        &self,
        method: &Method<A, R, F>,
        call: impl FnOnce(&Method<A, R, F>) -> Answer<R> + Send + 'a,
    ) -> Pin<Box<dyn Future<Output = R> + Send + 'a>>
    where
        R: 'a,
        Method<A, R, F>: Send + 'a,
    {
        let method = method.clone();
        Box::pin(async move {
            // Returned at once where ready, so no `R` lives across the
            // await (a `match` around it would hold its scrutinee).
            let later = match call(&method).__into_ready() {
                Ok(value) => return value,
                Err(later) => later,
            };
            later.await
        })
    }
}
