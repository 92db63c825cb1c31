//! Returned borrows: how an answer becomes the declared `&T`, `Option<&T>`
//! or `Result<&T, E>`; a returned `&'static T` answered with the test's
//! own reference (`returns_static`); and a returned `&mut T`, lent from
//! the handle of the call (`__call_mut`).

use super::glue::Glue;
use super::rewrite::named_lifetimes;
use crate::model::Ret;
use crate::queries::{ungroup, wrapper_of};
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

    /// The call of `method` (a `Method`) for an answer that borrows from
    /// the call: a closure's answer is handed back as it came (leaked where
    /// a reference is returned), a kept one (`'static`) through `keep`.
    pub(crate) fn lent(
        &self,
        method: &TokenStream,
        journal: &TokenStream,
        keep: impl Fn(TokenStream) -> TokenStream,
        fallback: Option<TokenStream>,
    ) -> TokenStream {
        let call = self.invoke_call();
        // Typed, as `leak` is: a kept `Ok(value)` leaves its error type open.
        let named = named_lifetimes(self.method.params.iter().map(|param| param.ty));
        let returned = self.outlived(self.returned_type(), &named);
        // A `Box<dyn Iterator<Item = &'static T>>` (a kept answer, or a
        // closure's where the borrow is of `self`, which the closure does
        // not get) is not a `Box<dyn Iterator<Item = &'a T> + 'a>`: a trait
        // object is invariant in its item. Its items are not: mapping them
        // lets the compiler shorten each one.
        let shortened = match &self.method.ret {
            Ret::Owned(ty) => shorten(ty, &quote!(__autospec_value)).map(|value| {
                // Typed as declared, so that both closures return one type.
                quote! {{
                    let __autospec_shortened: #ty = #value;
                    __autospec_shortened
                }}
            }),
            _ => None,
        };
        let boxed_iter = shortened.is_some();
        let shortened = shortened.unwrap_or_default();
        let on_closure = if boxed_iter {
            shortened.clone()
        } else {
            self.deliver(quote!(__autospec_value), |value| {
                quote!(::std::boxed::Box::leak(::std::boxed::Box::<#returned>::new(#value)))
            })
        };
        let on_kept = if boxed_iter {
            shortened
        } else {
            self.deliver(quote!(__autospec_value), keep)
        };
        let (call_lent, fallback) = match fallback {
            Some(fallback) => (quote!(__call_lent_or), quote!(, || #fallback)),
            None => (quote!(__call_lent), TokenStream::new()),
        };
        quote! {
            #method.#call_lent(
                #journal,
                |__autospec_answer| {
                    let __autospec_value = #call;
                    #on_closure
                },
                |__autospec_value| #on_kept
                #fallback
            )
        }
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
            Ret::Unit | Ret::Owned(_) | Ret::Callable(_) | Ret::Standin(_) | Ret::Opaque(_) => call,
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

/// `value` of type `ty` with the items of every boxed iterator in it
/// mapped, so that they shorten to the call's lifetimes: the iterator
/// itself, or one inside an `Option` or a `Result`'s `Ok`. `None` where
/// `ty` holds none.
fn shorten(ty: &syn::Type, value: &TokenStream) -> Option<TokenStream> {
    if boxed_iterator(ty) {
        return Some(quote! {
            ::std::boxed::Box::new(::core::iter::Iterator::map(
                #value,
                |__autospec_item| __autospec_item,
            )) as #ty
        });
    }
    let (wrapper, inner) = wrapper_of(ty)?;
    let map = if wrapper == "Option" {
        quote!(::core::option::Option::map)
    } else if wrapper == "Result" {
        quote!(::core::result::Result::map)
    } else {
        return None;
    };
    let inner = shorten(inner, &quote!(__autospec_inner))?;
    Some(quote!(#map(#value, |__autospec_inner| #inner)))
}

/// `Box<dyn Iterator<Item = T> + ..>` (or a double-ended or exact-size
/// iterator), the boxed iterators whose items a kept answer can shorten.
fn boxed_iterator(ty: &syn::Type) -> bool {
    let Some((wrapper, syn::Type::TraitObject(object))) = wrapper_of(ty) else {
        return false;
    };
    wrapper == "Box"
        && object.bounds.iter().any(|bound| {
            matches!(bound, syn::TypeParamBound::Trait(bound)
            if bound.path.segments.last().is_some_and(|trait_| {
                ["Iterator", "DoubleEndedIterator", "ExactSizeIterator"]
                    .iter()
                    .any(|name| trait_.ident == name)
            }))
        })
}
