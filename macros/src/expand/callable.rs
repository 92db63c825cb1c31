//! `as_fn()`: a mock whose spec has a `call` method turns into a closure
//! (Python's callable `Mock`).

use super::mock::Mock;
use crate::model::{Method, Ret, Wrap};
use crate::queries::Mentions;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::Type;

/// `as_fn()`, for a mock whose spec has a `call` method it can turn
/// into a closure (Python's callable `Mock`); other mocks have none.
pub(super) fn items(mock: &Mock<'_>) -> TokenStream {
    let Some(method) = mock
        .model
        .instance_methods()
        .find(|method| method.name() == "call")
    else {
        return TokenStream::new();
    };
    let Some(receiver) = method.sig.receiver().filter(|_| closable(mock, method)) else {
        return TokenStream::new();
    };
    let Some((kind, binding, handle)) = handle(receiver) else {
        return TokenStream::new();
    };
    let (vis, mock_ident) = (&mock.model.item.vis, &mock.model.mock);
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    let names: Vec<Ident> = (0..method.params.len())
        .map(|i| format_ident!("__autospec_arg{}", i))
        .collect();
    let types: Vec<Type> = method
        .params
        .iter()
        .map(|param| mock.map.replace(param.ty))
        .collect();
    let output = match &method.sig.output {
        syn::ReturnType::Default => TokenStream::new(),
        syn::ReturnType::Type(arrow, ty) => {
            let ty = mock.map.replace(ty);
            quote!(#arrow #ty)
        }
    };
    let call = if mock.model.inherent.is_some() {
        quote!(Self::call)
    } else {
        let path = mock.model.path_of(method.owner);
        quote!(<Self as #path>::call)
    };
    let cfgs = &method.cfgs;
    quote! {
        #(#cfgs)*
        #[allow(dead_code, deprecated)]
        impl #impl_generics #mock_ident #ty_generics #where_clause {
            /// A closure that calls this mock's `call` (a handle to the
            /// same mock: its calls land in `self.call`).
            #vis fn as_fn(&self) -> impl ::core::ops::#kind(#(#types),*) #output {
                let #binding = ::core::clone::Clone::clone(self);
                move |#(#names: #types),*| #call(#handle, #(#names),*)
            }
        }
    }
}

/// Whether a closure can stand for `call`: one signature for every call
/// (not generic, no `impl Trait` argument, no named lifetime), answered
/// directly with an owned value, safe to call, on a mock without lifetime
/// parameters (the closure's opaque type would have to name them).
fn closable(mock: &Mock<'_>, method: &Method<'_>) -> bool {
    !method.is_keyed()
        && !method.lent
        && method.generics.erased.is_empty()
        && method.sig.generics.lifetimes().next().is_none()
        && mock.generics.lifetimes().next().is_none()
        && !matches!(method.sig.safety, syn::Safety::Unsafe(_))
        && method.wrap == Wrap::Direct
        && matches!(method.ret, Ret::Unit | Ret::Owned(_))
        && method.params.iter().all(|param| {
            Mentions::of(param.ty, &method.scope(mock.model))
                .impl_trait
                .is_none()
        })
}

/// The closure trait for `call`'s receiver, how the closure holds its
/// handle to the mock, and what it passes as `self`.
fn handle(receiver: &syn::Receiver) -> Option<(TokenStream, TokenStream, TokenStream)> {
    match &receiver.kind {
        syn::ReceiverKind::Reference(_, _, None) => Some((
            quote!(Fn),
            quote!(__autospec_mock),
            quote!(&__autospec_mock),
        )),
        syn::ReceiverKind::Reference(_, _, Some(_)) => Some((
            quote!(FnMut),
            quote!(mut __autospec_mock),
            quote!(&mut __autospec_mock),
        )),
        syn::ReceiverKind::Value => Some((
            quote!(Fn),
            quote!(__autospec_mock),
            quote!(::core::clone::Clone::clone(&__autospec_mock)),
        )),
        _ => None,
    }
}
