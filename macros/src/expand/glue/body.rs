//! The body of a mocked method: the call into its child mock, the
//! answer handed back the way the signature says (directly or as a
//! future), and the per-instantiation path of a generic method.

use super::Glue;
use crate::model::{Ret, Wrap};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

impl Glue<'_, '_> {
    /// The impl method's body. `owner` is the value holding the child mock
    /// (`self`, or the class state).
    pub(crate) fn body(&self, owner: &TokenStream, fallback: Option<TokenStream>) -> TokenStream {
        let conversions = self.conversions();
        let answer = self.answer(owner, fallback, &self.journal());
        let default = self.default_here(owner);
        quote!({ #conversions #default #answer })
    }

    /// For a method whose `where` clause bounds types it does not declare
    /// (`-> T where T: Default`, `T` the trait's): the default answer, set
    /// on every call from here, where that bound holds; the mock's
    /// constructor cannot know it.
    fn default_here(&self, owner: &TokenStream) -> Option<TokenStream> {
        let clause = self.method.sig.generics.where_clause.as_ref()?;
        let own: Vec<&Ident> = self
            .method
            .sig
            .generics
            .type_params()
            .map(|param| &param.ident)
            .collect();
        let bounds_others = clause.predicates.iter().any(|predicate| {
            matches!(predicate, syn::WherePredicate::Type(typed)
                if !crate::queries::is_self(&typed.bounded_ty)
                    && !own.iter().any(|ident| crate::queries::is_ident(&typed.bounded_ty, ident)))
        });
        if !bounds_others
            || self.method.is_keyed()
            || self.method.lent
            || !matches!(self.method.ret, Ret::Owned(_))
        {
            return None;
        }
        let (field, default) = (&self.method.sig.ident, self.default());
        Some(quote!(#owner.#field.__default_here(#default);))
    }

    /// The body of a method with a default body that `calls_default()`
    /// can run: `helper` is the hidden copy of the default body.
    pub(crate) fn body_with_default(&self, helper: &TokenStream) -> TokenStream {
        let (field, names) = (&self.method.sig.ident, &self.names);
        let journal = self.journal();
        let answer = self.answer(&quote!(self), None, &quote!(__autospec_call));
        if self.method.wrap != Wrap::Direct {
            // An async method: either future, the body's journaling its await.
            let rt = self.rt;
            // Started in a `let`, so that no temporary of the journal
            // lives on across an await in the arms.
            let either = quote! {{
                let __autospec_started = self.#field.__default_body_async(#journal);
                match __autospec_started {
                    ::core::result::Result::Ok(__autospec_call) => #rt::DefaultOr::Answer(#answer),
                    ::core::result::Result::Err(__autospec_awaiting) => {
                        #rt::DefaultOr::body(#helper(self, #(#names),*), __autospec_awaiting)
                    }
                }
            }};
            return if self.method.wrap == Wrap::BoxFuture {
                quote!({ ::std::boxed::Box::pin(#either) })
            } else {
                quote!({ #either })
            };
        }
        quote!({
            match self.#field.__default_body(#journal) {
                ::core::option::Option::Some(__autospec_call) => #answer,
                ::core::option::Option::None => #helper(self, #(#names),*),
            }
        })
    }

    /// The answer expression, given the journal entry of the call.
    fn answer(
        &self,
        owner: &TokenStream,
        fallback: Option<TokenStream>,
        journal: &TokenStream,
    ) -> TokenStream {
        let lends = self.lends();
        let (rt, field) = (self.rt, &self.method.sig.ident);
        let invoke = self.invoke();
        // Typed, since a kept `Ok(value)` alone leaves the error type open.
        let answer_type = self.answer_type();
        let leaks_mut = self.lent_mut().is_some();
        let leak = |value: TokenStream| {
            if leaks_mut {
                quote!(#rt::leak_mut::<#answer_type>(#value))
            } else {
                quote!(#rt::leak::<#answer_type>(#value))
            }
        };
        let answer = if self.method.is_keyed() {
            self.keyed_answer(owner, journal, &leak)
        } else if self.method.lent {
            let on_kept = |value: TokenStream| {
                if lends {
                    quote!(#owner.#field.__keep(#value))
                } else {
                    leak(value)
                }
            };
            self.lent(&quote!(#owner.#field), journal, on_kept, fallback)
        } else if let Some(fallback) = fallback {
            quote!(#owner.#field.__call_or(#journal, #invoke, || #fallback))
        } else if self.tracks_awaits() {
            // The future itself journals the await. It holds nothing of the
            // journal's types, so it is `Send` wherever the answer is.
            let future = quote!(#owner.#field.__call_async(#journal, #invoke));
            return match self.method.wrap {
                // The journal's temporaries (`&dyn Debug` views of the
                // arguments) end with the `let`, before the await: held
                // across it, they would make the future not `Send`.
                Wrap::AsyncFn if self.async_trait => Self::await_answer(&future),
                // A `Send` box (`#[async_trait]` above): made at the call
                // where the answer is `Send`, else when first polled.
                Wrap::BoxFuture if self.send_future().is_some() => {
                    let (rt, answer) = (self.rt, self.answer_type());
                    quote!(#rt::BoxedAnswer::<#answer>::new().__boxed(
                        &#owner.#field,
                        move |__autospec_method| __autospec_method.__call_async(#journal, #invoke),
                    ))
                }
                Wrap::BoxFuture => quote!(::std::boxed::Box::pin(#future)),
                _ => future,
            };
        } else if let Some(referent) = self.static_referent() {
            quote!(#owner.#field.__call_static::<#referent>(#journal, #invoke))
        } else if self.lends_mut() {
            self.deliver(
                quote!(#owner.#field.0.__call_mut(#journal, #invoke)),
                |lent| lent,
            )
        } else if lends && leaks_mut {
            self.deliver(
                quote!(#owner.#field.__call_numbered(#journal, #invoke).0),
                leak,
            )
        } else if lends {
            self.deliver(
                quote!(#owner.#field.__call_numbered(#journal, #invoke).0),
                |value| quote!(#owner.#field.__keep(#value)),
            )
        } else {
            self.deliver(
                quote!(#owner.#field.__call_numbered(#journal, #invoke).0),
                leak,
            )
        };
        self.wrap(answer)
    }

    /// The answer of a method with a child mock per instantiation: its
    /// child's when the test configured one, else the default.
    fn keyed_answer(
        &self,
        owner: &TokenStream,
        journal: &TokenStream,
        leak: &dyn Fn(TokenStream) -> TokenStream,
    ) -> TokenStream {
        let field = &self.method.sig.ident;
        let (key, answer_ty, closure) = (
            self.key_type(),
            self.answer_type(),
            self.closure_type_in_body(),
        );
        let (type_args, default) = (self.type_args(), self.default());
        let instance = self.instance_journal_type();
        let call = self.instance_call(true);
        let (lets, typed, typed_invoke) = (call.lets, call.journal, call.invoke);
        let referent = self.static_referent();
        let call = if self.awaits_in_body() {
            Self::await_answer(&quote!(__autospec_method.__call_async(#typed, #typed_invoke)))
        } else if let Some(referent) = &referent {
            quote!(__autospec_method.__call_static::<#referent>(#typed, #typed_invoke))
        } else {
            quote!(__autospec_method.__call_numbered(#typed, #typed_invoke).0)
        };
        let call = if lets.is_empty() {
            call
        } else {
            quote!({ #lets #call })
        };
        let configured = if self.method.lent {
            // The answer is handed back, not kept: nothing moves into
            // the journal, so the closure gets the arguments themselves.
            let plain = self.instance_call(false);
            self.lent(&quote!(__autospec_method), &plain.journal, leak, None)
        } else if referent.is_some() || self.awaits_in_body() {
            call
        } else {
            self.deliver(call, leak)
        };
        let unconfigured = if self.has_typed_args() {
            // The text journal borrows the arguments first; the typed one,
            // which the instantiation adopts later, may move them.
            let moving = self.instance_journal_moving();
            quote!(#owner.#field.0.__call_unconfigured_typed::<#key, #instance, #answer_ty>(#type_args, #journal, #moving, #default))
        } else {
            quote!(#owner.#field.0.__call_unconfigured::<#key, #answer_ty>(#type_args, #journal, #default))
        };
        let unconfigured = self.deliver(unconfigured, leak);
        quote! {
            match #owner.#field.0.__find::<#key, #instance, #answer_ty, #closure>() {
                ::core::option::Option::Some(__autospec_method) => #configured,
                ::core::option::Option::None => #unconfigured,
            }
        }
    }

    /// The answer of `future` (an `Answer`), awaited in an async body: made
    /// in a `let`, so that the journal's temporaries (`&dyn Debug` views of
    /// the arguments) end before the await; and returned at once where it
    /// is ready, so that no `R` is held across an await (a `match` around
    /// the await would hold its scrutinee): the body's future is `Send`
    /// whatever `R` is, as `#[async_trait]` demands.
    fn await_answer(future: &TokenStream) -> TokenStream {
        quote!({
            let __autospec_pending = #future;
            let __autospec_later = match __autospec_pending.__into_ready() {
                ::core::result::Result::Ok(__autospec_value) => return __autospec_value,
                ::core::result::Result::Err(__autospec_later) => __autospec_later,
            };
            __autospec_later.await
        })
    }

    /// Whether the method is async with an owned answer: its future is an
    /// `autospec::Answer` that journals the await.
    fn tracks_awaits(&self) -> bool {
        self.method.wrap != Wrap::Direct
            && !self.method.is_keyed()
            && !self.method.lent
            && matches!(self.method.ret, Ret::Unit | Ret::Owned(_) | Ret::Standin(_))
    }

    /// Whether a generic method's answer is awaited in an async body (a
    /// patched `async fn`, or `#[async_trait(?Send)]`), which journals the
    /// await of an instantiation with its own child mock. (Under a `Send`
    /// `#[async_trait]`, holding the child across the await would ask its
    /// journal to be `Send`.)
    fn awaits_in_body(&self) -> bool {
        self.method.wrap == Wrap::AsyncFn
            && self.async_trait
            && self.async_trait_send.is_none()
            && matches!(self.method.ret, Ret::Unit | Ret::Owned(_))
    }

    /// Hands the answer back the way the signature says.
    fn wrap(&self, answer: TokenStream) -> TokenStream {
        match self.method.wrap {
            Wrap::Direct => answer,
            Wrap::AsyncFn if self.async_trait => answer,
            Wrap::AsyncFn | Wrap::ImplFuture => quote!(::core::future::ready(#answer)),
            Wrap::BoxFuture => quote!(::std::boxed::Box::pin(::core::future::ready(#answer))),
        }
    }
}
