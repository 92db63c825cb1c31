//! A spy's calls to the real implementation: the closures that
//! `wrapping(real)` configures, and which methods get one.

use super::Glue;
use crate::model::{ParamKind, Ret, Wrap};
use crate::queries::{is_self, ungroup};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::Type;

impl Glue<'_, '_> {
    /// `move |arg0, ..| <Real as Trait>::method(&mut *real.lock(), arg0, ..)`:
    /// a spy's call to the real implementation, as a `returns_with` closure
    /// over `__autospec_real` (an `Arc<Real<_>>`); `None` for a method
    /// that cannot be forwarded (see [`Glue::forwards`]).
    pub(crate) fn forward(&self, real: &TokenStream, path: &TokenStream) -> Option<TokenStream> {
        if !self.forwards() {
            return None;
        }
        let (rt, ident, names) = (self.rt, &self.method.sig.ident, &self.names);
        let args = self.method.params.iter().zip(names).map(|(param, name)| {
            let by_ref = matches!(ungroup(param.ty), Type::Reference(_));
            match &param.kind {
                ParamKind::AsRef(_) if by_ref => quote!(&#name),
                ParamKind::Collect(_) => quote!(::core::iter::IntoIterator::into_iter(#name)),
                _ => name.to_token_stream(),
            }
        });
        let call = quote!(<#real as #path>::#ident(&mut *__autospec_real.lock(), #(#args),*));
        let owned = |value: TokenStream| quote!(#rt::OwnedOf::new(#value).get());
        let answer = match &self.method.ret {
            Ret::Unit | Ret::Owned(_) => call,
            Ret::Iter(_) => {
                quote!(::core::iter::Iterator::collect(::core::iter::IntoIterator::into_iter(#call)))
            }
            Ret::Borrowed { .. } => owned(call),
            Ret::OptionBorrowed { .. } => {
                let owned = owned(quote!(__autospec_lent));
                quote!(::core::option::Option::map(#call, |__autospec_lent| #owned))
            }
            Ret::ResultBorrowed { .. } => {
                let owned = owned(quote!(__autospec_lent));
                quote!(::core::result::Result::map(#call, |__autospec_lent| #owned))
            }
            Ret::Callable(_) | Ret::Standin(_) | Ret::Opaque(_) => return None,
        };
        Some(quote! {
            move |#(#names),*| #answer
        })
    }

    /// `move |args: &(A,)| async move { <Real as Trait>::method(&mut *real.lock_async().await, ..).await }`:
    /// a spy's call to the real implementation of an async method, made
    /// from the journaled arguments (a clone: the future owns them) and
    /// held as a pending answer; the future of a bare `async fn`, not known
    /// to be `Send`, is kept to its thread (`OnThread`). `None` for a
    /// method that cannot be forwarded so (see [`Glue::forwards_async`]).
    pub(crate) fn forward_async(
        &self,
        real: &TokenStream,
        path: &TokenStream,
    ) -> Option<TokenStream> {
        if !self.forwards_async() {
            return None;
        }
        let (rt, ident, journal) = (self.rt, &self.method.sig.ident, self.journal_type());
        let args = self.method.params.iter().enumerate().map(|(i, param)| {
            let index = syn::Index::from(i);
            if let ParamKind::Borrowed(inner) = &param.kind {
                let inner = self.map(inner);
                quote!(::core::borrow::Borrow::<#inner>::borrow(&__autospec_args.#index))
            } else {
                quote!(__autospec_args.#index)
            }
        });
        let future = quote! {
            async move {
                let mut __autospec_guard = __autospec_real.lock_async().await;
                <#real as #path>::#ident(&mut *__autospec_guard, #(#args),*).await
            }
        };
        let future = if self.send_future().is_some() {
            future
        } else {
            quote!(#rt::OnThread::new(#future))
        };
        Some(quote! {
            move |__autospec_args: &#journal| {
                let __autospec_real = ::core::clone::Clone::clone(&__autospec_real);
                let __autospec_args = ::core::clone::Clone::clone(__autospec_args);
                #future
            }
        })
    }

    /// Whether `wrapping(real)` can hand this async method's calls to the
    /// real implementation: as [`Glue::forwards`] asks, with arguments the
    /// future can own (taken by value, or `&T` journaled as an owned `T`
    /// it lends again; not `&mut T`, whose changes would be lost) and an
    /// owned answer.
    fn forwards_async(&self) -> bool {
        let method = self.method;
        let receiver = method
            .sig
            .receiver()
            .is_some_and(|receiver| matches!(receiver.kind, syn::ReceiverKind::Reference(..)));
        let params = method.params.iter().all(|param| {
            let by_shared_ref = matches!(ungroup(param.ty), Type::Reference(reference) if reference.mutability.is_none());
            let kind = match param.kind {
                ParamKind::Owned => true,
                ParamKind::Borrowed(_) => by_shared_ref,
                _ => false,
            };
            kind && !self.map.mentions_self(param.ty)
        });
        let ret = match &method.ret {
            Ret::Owned(ty) => !self.map.mentions_self(ty),
            Ret::Unit => true,
            _ => false,
        };
        receiver
            && params
            && ret
            && !method.lent
            && method.wrap != Wrap::Direct
            && !self.where_self()
            && !matches!(method.sig.safety, syn::Safety::Unsafe(_))
            && !method.is_keyed()
            && method.generics.erased.is_empty()
    }

    /// Whether the method has `where` bounds beyond `Self: Sized`.
    fn where_self(&self) -> bool {
        self.method
            .sig
            .generics
            .where_clause
            .as_ref()
            .is_some_and(|clause| {
                clause
                    .predicates
                    .iter()
                    .any(|predicate| !is_self_sized(predicate))
            })
    }

    /// Whether `wrapping(real)` can hand this method's calls to the real
    /// implementation: a plain `&self`/`&mut self` method (not static,
    /// generic over types, async or unsafe, no `where` bounds on `Self`),
    /// whose arguments the answer closure receives as they came, and whose
    /// answer the mock can keep (no `impl Fn`, no `&dyn Trait`, no `Self`).
    fn forwards(&self) -> bool {
        let method = self.method;
        let sig = method.sig;
        let receiver = sig
            .receiver()
            .is_some_and(|receiver| matches!(receiver.kind, syn::ReceiverKind::Reference(..)));
        let params = method.params.iter().all(|param| {
            !matches!(
                param.kind,
                ParamKind::Callable { .. }
                    | ParamKind::Receiver
                    | ParamKind::Opaque {
                        closure_gets_value: false
                    }
            ) && !self.map.mentions_self(param.ty)
        });
        let ret = match &method.ret {
            Ret::Owned(ty) => !self.map.mentions_self(ty),
            // A real `&mut` cannot be lent through the mock's own copy.
            Ret::Borrowed { reference, .. }
            | Ret::OptionBorrowed { reference, .. }
            | Ret::ResultBorrowed { reference, .. } => {
                !matches!(ungroup(&reference.elem), Type::TraitObject(_))
                    && !self.map.mentions_self(&reference.elem)
                    && reference.mutability.is_none()
            }
            Ret::Unit | Ret::Iter(_) => true,
            Ret::Callable(_) | Ret::Standin(_) | Ret::Opaque(_) => false,
        };
        let where_self = self.where_self();
        receiver
            && params
            && ret
            && !method.lent
            && !where_self
            && method.wrap == Wrap::Direct
            && !matches!(sig.safety, syn::Safety::Unsafe(_))
            && !method.is_keyed()
            && method.generics.erased.is_empty()
    }
}

/// `Self: Sized`, the one `where` bound a spy's real implementation
/// always meets.
fn is_self_sized(predicate: &syn::WherePredicate) -> bool {
    let syn::WherePredicate::Type(typed) = predicate else {
        return false;
    };
    is_self(&typed.bounded_ty)
        && typed.bounds.iter().all(|bound| {
            matches!(bound, syn::TypeParamBound::Trait(bound) if bound.path.is_ident("Sized"))
        })
}
