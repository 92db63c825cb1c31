//! Returned borrows: how an answer becomes the declared `&T`, `Option<&T>`
//! or `Result<&T, E>`; a returned `&'static T` answered with the test's
//! own reference (`returns_static`); and a returned `&mut T`, lent from
//! the handle of the call (`__call_mut`).

use super::glue::Glue;
use crate::model::Ret;
use crate::queries::ungroup;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;

impl Glue<'_, '_> {
    /// `T` of a returned `&'static T`: such a method also answers with a
    /// `&'static T` the test has (`returns_static(&CONFIG)`, through
    /// `ReturnsStatic`).
    pub(crate) fn static_referent(&self) -> Option<Type> {
        match &self.method.ret {
            Ret::Borrowed {
                reference,
                from_self: false,
            } if reference.mutability.is_none()
                && reference
                    .lifetime
                    .as_ref()
                    .is_some_and(|lifetime| lifetime.ident == "static") =>
            {
                Some(self.map(ungroup(&reference.elem)))
            }
            _ => None,
        }
    }

    /// The returned reference, where it is `&mut`.
    pub(crate) fn lent_mut(&self) -> Option<&syn::TypeReference> {
        match &self.method.ret {
            Ret::Borrowed { reference, .. } | Ret::OptionBorrowed { reference, .. } => {
                reference.mutability.is_some().then_some(*reference)
            }
            _ => None,
        }
    }

    /// Whether the method returns `&mut T` (or `Option<&mut T>`) borrowed
    /// from `&mut self`, so that its handle lends the value itself
    /// (`Method::__call_mut`) and `returns(v)` lends one value to every
    /// call. Other `&mut` returns (from `&self`, of a generic method, of a
    /// method without `self`) are answered with a fresh value per call,
    /// leaked.
    pub(crate) fn lends_mut(&self) -> bool {
        let from_mut_self = self.method.sig.receiver().is_some_and(|receiver| {
            matches!(receiver.kind, syn::ReceiverKind::Reference(_, _, Some(_)))
        });
        self.lent_mut().is_some() && self.lends() && from_mut_self && !self.method.is_keyed()
    }

    /// Turns the answer into the declared return type; `keep` makes a value
    /// live long enough to be lent.
    pub(crate) fn deliver(
        &self,
        call: TokenStream,
        keep: impl Fn(TokenStream) -> TokenStream,
    ) -> TokenStream {
        let rt = self.rt;
        let borrow = |reference: &syn::TypeReference| {
            let elem = self.map(ungroup(&reference.elem));
            if reference.mutability.is_some() {
                quote!(::core::borrow::BorrowMut::<#elem>::borrow_mut)
            } else {
                quote!(::core::borrow::Borrow::<#elem>::borrow)
            }
        };
        match &self.method.ret {
            Ret::Unit | Ret::Owned(_) | Ret::Callable(_) | Ret::Opaque(_) => call,
            Ret::Iter(_) => quote!(::core::iter::IntoIterator::into_iter(#call)),
            Ret::Borrowed { reference, .. } => {
                let (borrow, kept) = (borrow(reference), keep(call));
                quote!(#borrow(#kept))
            }
            Ret::OptionBorrowed { reference, .. } => {
                let (borrow, kept) = (borrow(reference), keep(call));
                let as_ref = if reference.mutability.is_some() {
                    quote!(::core::option::Option::as_mut)
                } else {
                    quote!(::core::option::Option::as_ref)
                };
                quote!(::core::option::Option::map(#as_ref(#kept), #borrow))
            }
            Ret::ResultBorrowed { reference, .. } => {
                let borrow = borrow(reference);
                let kept = keep(quote!(::core::result::Result::Ok(__autospec_ok)));
                quote! {
                    match #call {
                        ::core::result::Result::Ok(__autospec_ok) => ::core::result::Result::Ok(#borrow(#rt::kept_ok(#kept))),
                        ::core::result::Result::Err(__autospec_error) => ::core::result::Result::Err(__autospec_error),
                    }
                }
            }
        }
    }
}
