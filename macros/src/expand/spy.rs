//! Spies: `MockStore::wrapping(real)`, which hands unconfigured calls to a
//! real implementation, and `calls_default()`, which runs the trait's own
//! default body. Both cost an ordinary method (no default body) no tokens
//! beyond its line in `wrapping`, which is generic and so never compiled
//! to machine code unless a test calls it.

use super::mock::Mock;
use crate::model::{is_skip, Method, ParamKind, Ret, Wrap};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};
use syn::{FnArg, GenericArgument, PathArguments};

/// Whether `calls_default()` exists for the method: it has a default
/// body, which a hidden helper trait can copy and the mock's method
/// can call with its arguments as they came (not static, generic per
/// instantiation, or converting an argument before journaling; async
/// unless under `#[async_trait]`, whose bodies the helper would need the
/// attribute to read), and whose answer has one type whichever runs (not
/// `impl Trait`: the body's opaque type is not the mock's answer).
pub(super) fn runs_default(mock: &Mock<'_>, method: &Method<'_>) -> bool {
    let sync_or_plain_async = method.wrap == Wrap::Direct
        || (mock.model.async_trait_attr.is_none()
            && matches!(method.ret, Ret::Unit | Ret::Owned(_)));
    mock.spies
        && method.owner == 0
        && !method.lent
        && method.default_body.is_some()
        && !method.is_static
        && !method.is_keyed()
        && sync_or_plain_async
        && !matches!(
            method.ret,
            Ret::Iter(_) | Ret::Callable(_) | Ret::Standin(_) | Ret::Opaque(_)
        )
        && !matches!(method.sig.safety, syn::Safety::Unsafe(_))
        && !method
            .params
            .iter()
            .any(|param| matches!(param.kind, ParamKind::Into(_) | ParamKind::Collect(_)))
}

/// `__autospec_MockStore_Defaults`: the helper trait holding the copies
/// of the default bodies.
fn defaults_ident(mock: &Mock<'_>) -> syn::Ident {
    format_ident!("__autospec_{}_Defaults", mock.model.mock)
}

fn default_ident(method: &Method<'_>) -> syn::Ident {
    format_ident!("__autospec_default_{}", method.name())
}

/// `<Self as __autospec_MockStore_Defaults<T>>::__autospec_default_greet`.
pub(super) fn default_helper(mock: &Mock<'_>, method: &Method<'_>) -> TokenStream {
    let (_, trait_generics, _) = mock.model.item.generics.split_for_impl();
    let (helper, ident) = (defaults_ident(mock), default_ident(method));
    quote!(<Self as #helper #trait_generics>::#ident)
}

/// A hidden trait with the mocked trait as supertrait, whose provided
/// methods are copies of the trait's default bodies, implemented for
/// the mock: inside it `self.other()` and `Self::Item` mean what they
/// mean in the trait, answered by the mock.
pub(super) fn defaults_trait(mock: &Mock<'_>) -> TokenStream {
    let methods: Vec<TokenStream> = mock
        .model
        .methods
        .iter()
        .filter(|method| runs_default(mock, method))
        .filter_map(|method| {
            let mut sig = method.sig.clone();
            sig.ident = default_ident(method);
            for arg in &mut sig.inputs {
                if let FnArg::Typed(typed) = arg {
                    typed.attrs.retain(|attr| !is_skip(attr));
                }
            }
            let (cfgs, body) = (&method.cfgs, method.default_body?);
            Some(quote!(#(#cfgs)* #sig #body))
        })
        .collect();
    if methods.is_empty() {
        return TokenStream::new();
    }
    let item = mock.model.item;
    let (path, helper, mock_ident) = (&mock.model.path, defaults_ident(mock), &mock.model.mock);
    let (generics, where_clause) = (&item.generics, &item.generics.where_clause);
    let (_, trait_generics, _) = item.generics.split_for_impl();
    let (impl_generics, ty_generics, mock_where) = mock.generics.split_for_impl();
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        trait #helper #generics: #path #where_clause {
            #(#methods)*
        }

        impl #impl_generics #helper #trait_generics for #mock_ident #ty_generics #mock_where {}
    }
}

/// `MockStore::wrapping(real)`, for a trait mock; nothing when the
/// trait has generic associated types, which the bound on `real`
/// cannot name.
/// Without `#[autospec(spy)]`: a `wrapping` whose bound never holds, so
/// that calling it fails to compile with a message naming the fix.
/// Generic and never instantiated: nothing to type-check per method.
pub(super) fn no_wrapping(mock: &Mock<'_>) -> TokenStream {
    let (rt, vis, mock_ident) = (&mock.rt, &mock.model.item.vis, &mock.model.mock);
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    quote! {
        impl #impl_generics #mock_ident #ty_generics #where_clause {
            #[doc(hidden)]
            #[must_use]
            #vis fn wrapping<__AutospecReal: #rt::SpyAttribute>(real: __AutospecReal) -> Self {
                #rt::SpyAttribute::__never(real)
            }
        }
    }
}

pub(super) fn wrapping(mock: &Mock<'_>) -> TokenStream {
    let Some(bound) = real_bound(mock) else {
        return TokenStream::new();
    };
    let (rt, krate, vis, mock_ident) = (
        &mock.rt,
        &mock.krate,
        &mock.model.item.vis,
        &mock.model.mock,
    );
    let real = quote!(__AutospecReal);
    let forwards: Vec<TokenStream> = mock
        .model
        .instance_methods()
        .filter_map(|method| {
            let path = mock.model.path_of(method.owner).to_token_stream();
            let glue = mock.glue(method);
            let (cfgs, field) = (&method.cfgs, &method.sig.ident);
            if let Some(forward) = glue.forward_async(&real, &path) {
                return Some(quote! {
                    #(#cfgs)*
                    {
                        let __autospec_real = ::core::clone::Clone::clone(&__autospec_real);
                        __autospec_mock.#field.__forward_async(#forward);
                    }
                });
            }
            let forward = glue.forward(&real, &path)?;
            Some(quote! {
                #(#cfgs)*
                {
                    let __autospec_real = ::core::clone::Clone::clone(&__autospec_real);
                    __autospec_mock.#field.returns_with(#forward);
                    __autospec_mock.#field.__spy();
                }
            })
        })
        .collect();
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    let doc = format!(
        "A spy (Python's `wraps`): a `{mock_ident}` that journals every call as usual and \
         hands each call without a configured answer to `real`. Configured answers \
         still come first; `calls_real()` on a method forgets them again. Methods \
         that cannot be forwarded (static, generic over types, unsafe, or \
         with arguments or an answer the mock cannot hand over) answer as in a plain \
         mock; see the guide's chapter on spies."
    );
    quote! {
        impl #impl_generics #mock_ident #ty_generics #where_clause {
            #[doc = #doc]
            #[must_use]
            #[allow(deprecated, clippy::redundant_clone)]
            #vis fn wrapping<#real>(real: #real) -> Self
            where
                #real: #bound + ::core::marker::Send + 'static,
            {
                let __autospec_mock: Self = ::core::default::Default::default();
                #krate::Mock::__autospec_core(&__autospec_mock).__spy();
                let __autospec_real = #rt::Arc::new(#rt::Real::new(real));
                #(#forwards)*
                ::core::mem::drop(__autospec_real);
                __autospec_mock
            }
        }
    }
}

/// `Store<T, Item = u32>`: the trait, with each associated type bound
/// to the mock's, so that the real's answers have the mock's types.
fn real_bound(mock: &Mock<'_>) -> Option<TokenStream> {
    if mock
        .model
        .types
        .iter()
        .any(|ty| !ty.item.generics.params.is_empty())
    {
        return None;
    }
    let extras = mock.model.extras.iter().map(|extra| extra.path);
    let extras = quote!(#(+ #extras)*);
    let mut path = mock.model.path.clone()?;
    let last = path.segments.last_mut()?;
    let own: Vec<_> = mock
        .model
        .types
        .iter()
        .filter(|ty| ty.owner == 0)
        .filter_map(|ty| {
            mock.map
                .assoc
                .iter()
                .find(|(ident, _)| *ident == ty.item.ident)
        })
        .collect();
    if own.is_empty() {
        return Some(quote!(#path #extras));
    }
    if matches!(last.arguments, PathArguments::None) {
        last.arguments = PathArguments::AngleBracketed(syn::parse_quote!(<>));
    }
    let PathArguments::AngleBracketed(args) = &mut last.arguments else {
        return None;
    };
    for (ident, ty) in own {
        let binding: GenericArgument = syn::parse_quote!(#ident = #ty);
        args.args.push(binding);
    }
    Some(quote!(#path #extras))
}
