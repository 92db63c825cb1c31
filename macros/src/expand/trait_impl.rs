//! The mocked methods themselves: the impl of the trait for the mock, or
//! for an impl block the mock's inherent methods. Each journals the call
//! in its child mock and answers from it.

use super::class::self_constructor;
use super::mock::Mock;
use super::spy::{default_helper, runs_default};
use crate::model::{Inherent, Method};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Visibility;

/// The mocked methods: the trait's impl for the mock, or for an impl
/// block the mock's inherent methods and consts.
pub(super) fn items(mock: &Mock<'_>) -> TokenStream {
    match &mock.model.inherent {
        Some(inherent) => inherent_items(mock, inherent),
        None => trait_items(mock),
    }
}

/// `impl Store for MockStore { .. }`, with the associated types and consts.
fn trait_items(mock: &Mock<'_>) -> TokenStream {
    let item = mock.model.item;
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    let (unsafety, path, mock_ident) = (&item.unsafety, &mock.model.path, &mock.model.mock);
    let async_trait = mock.model.async_trait_attr;
    let types = mock
        .map
        .assoc
        .iter()
        .map(|(ident, value)| quote!(type #ident = #value;));
    let consts = mock.model.consts.iter().filter_map(|constant| {
        let (ident, ty) = (&constant.item.ident, mock.map.replace(&constant.item.ty));
        match (constant.given, &constant.item.default) {
            (Some(value), _) => Some(quote!(const #ident: #ty = #value;)),
            (None, Some(_)) => None,
            (None, None) => Some(quote!(const #ident: #ty = #ident;)),
        }
    });
    let methods = mock
        .model
        .methods
        .iter()
        .map(|method| trait_method(mock, method, None));
    quote! {
        #async_trait
        #unsafety impl #impl_generics #path for #mock_ident #ty_generics #where_clause {
            #(#types)*
            #(#consts)*
            #(#methods)*
        }
    }
}

/// `impl MockClient { pub const ..; pub fn new(..) -> Self { .. } .. }`:
/// the impl block's public consts and methods, as visible as the user's.
fn inherent_items(mock: &Mock<'_>, inherent: &Inherent) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    let mock_ident = &mock.model.mock;
    let methods = mock
        .model
        .methods
        .iter()
        .zip(&inherent.visibilities)
        .map(|(method, vis)| {
            let doc = format!(
                "Mock of `{}::{}`: journals the call in the child mock `{}` and answers from it.",
                mock.model.item.ident,
                method.name(),
                method.name()
            );
            let method = trait_method(mock, method, Some(vis));
            quote!(#[doc = #doc] #method)
        });
    let consts = &inherent.consts;
    quote! {
        // The lints judge the user's impl, which these methods copy.
        #[allow(dead_code, clippy::missing_errors_doc, clippy::missing_panics_doc, clippy::must_use_candidate, clippy::new_without_default, clippy::needless_pass_by_value)]
        impl #impl_generics #mock_ident #ty_generics #where_clause {
            #(#consts)*
            #(#methods)*
        }
    }
}

/// The trait method: journal the arguments, then answer.
fn trait_method(mock: &Mock<'_>, method: &Method<'_>, vis: Option<&Visibility>) -> TokenStream {
    let glue = mock.glue(method);
    let (sig, cfgs) = (glue.signature(), &method.cfgs);
    let body = match &mock.class {
        Some(class) if method.is_static => {
            let (rt, (_, ty_generics, _)) = (&mock.rt, mock.generics.split_for_impl());
            let instance = quote!(::core::clone::Clone::clone(
                &__autospec_class.__autospec_instance
            ));
            let fallback = (!method.is_keyed())
                .then(|| self_constructor(method, &instance))
                .flatten();
            let body = glue.body(&quote!(__autospec_class), fallback);
            quote!({
                let __autospec_class = #rt::class::<#class #ty_generics>();
                #body
            })
        }
        _ if runs_default(mock, method) => glue.body_with_default(&default_helper(mock, method)),
        _ => glue.body(mock.owner.as_ref().unwrap_or(&quote!(self)), None),
    };
    // A panic of the call (no answer, `panics(..)`, arguments `accepts`
    // refused) points at the code that made it. Not on an `async fn`
    // (`#[async_trait]` keeps them), where the attribute does nothing, nor
    // on another ABI, which cannot have it.
    let track = (sig.asyncness.is_none() && sig.abi.is_none()).then(|| quote!(#[track_caller]));
    quote!(#(#cfgs)* #track #vis #sig #body)
}
