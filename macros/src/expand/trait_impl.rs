//! The mocked methods themselves: the impl of the trait for the mock, or
//! for an impl block the mock's inherent methods. Each journals the call
//! in its child mock and answers from it.

use super::class::self_constructor;
use super::mock::Mock;
use super::rewrite::substitute;
use super::spy::{default_helper, runs_default};
use crate::model::{AssocType, Inherent, Method, Origin};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{GenericParam, Visibility};

/// The mocked methods: the trait's impl for the mock, or for an impl
/// block the mock's inherent methods and consts; then the impl of each
/// further trait the mock implements.
pub(super) fn items(mock: &Mock<'_>) -> TokenStream {
    let mut tokens = match &mock.model.inherent {
        Some(inherent) => inherent_items(mock, inherent),
        None => trait_items(mock, 0),
    };
    for owner in 1..=mock.model.extras.len() {
        tokens.extend(trait_items(mock, owner));
    }
    tokens
}

/// `impl Store for MockStore { .. }`, with the associated types and
/// consts: of the mocked trait (`owner` 0), or of a further trait.
fn trait_items(mock: &Mock<'_>, owner: usize) -> TokenStream {
    let model = mock.model;
    let item = match owner.checked_sub(1) {
        None => model.item,
        Some(index) => model
            .extras
            .get(index)
            .map_or(model.item, |extra| extra.item),
    };
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    let (unsafety, path, mock_ident) = (&item.unsafety, model.path_of(owner), &model.mock);
    let async_trait = model.async_trait_of(owner);
    // `mock!` may restate an `impl Trait` return as the type that answers it.
    let refines =
        (model.origin == Origin::MockMacro).then(|| quote!(#[allow(refining_impl_trait)]));
    let types = model
        .types
        .iter()
        .filter(|ty| ty.owner == owner)
        .filter_map(|ty| assoc_type(mock, ty));
    let consts = model
        .consts
        .iter()
        .filter(|constant| constant.owner == owner)
        .filter_map(|constant| {
            let (ident, ty) = (&constant.item.ident, mock.map.replace(&constant.item.ty));
            match (constant.given, &constant.item.default) {
                (Some(value), _) => Some(quote!(const #ident: #ty = #value;)),
                (None, Some(_)) => None,
                (None, None) => Some(quote!(const #ident: #ty = #ident;)),
            }
        });
    let methods = model
        .methods
        .iter()
        .filter(|method| method.owner == owner)
        .map(|method| trait_method(mock, method, None));
    quote! {
        #async_trait
        #refines
        #unsafety impl #impl_generics #path for #mock_ident #ty_generics #where_clause {
            #(#types)*
            #(#consts)*
            #(#methods)*
        }
    }
}

/// `type Item = u32;`, or for a generic associated type
/// `type Item<'a> = &'a str where Self: 'a;` with the trait's parameters.
fn assoc_type(mock: &Mock<'_>, ty: &AssocType<'_>) -> Option<TokenStream> {
    let ident = &ty.item.ident;
    let (_, value) = mock.map.assoc.iter().find(|(name, _)| name == ident)?;
    let generics = &ty.item.generics;
    if generics.params.is_empty() {
        return Some(quote!(type #ident = #value;));
    }
    let args: Vec<syn::GenericArgument> = generics
        .params
        .iter()
        .map(|param| match param {
            GenericParam::Lifetime(param) => syn::GenericArgument::Lifetime(param.lifetime.clone()),
            GenericParam::Type(param) => {
                let ident = &param.ident;
                syn::GenericArgument::Type(syn::parse_quote!(#ident))
            }
            GenericParam::Const(param) => {
                let ident = &param.ident;
                syn::GenericArgument::Const(syn::parse_quote!(#ident))
            }
        })
        .collect();
    let params: Vec<GenericParam> = ty
        .given_generics
        .map(|given| given.params.iter().cloned().collect())
        .unwrap_or_default();
    let value = substitute(value, &params, &args.iter().collect::<Vec<_>>());
    let where_clause = &generics.where_clause;
    let params = generics.params.iter().map(without_bounds);
    Some(quote!(type #ident<#(#params),*> = #value #where_clause;))
}

/// A parameter of a generic associated type as its impl declares it:
/// without the bounds the trait states (the impl may not add them).
fn without_bounds(param: &GenericParam) -> TokenStream {
    match param {
        GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
        GenericParam::Type(param) => param.ident.to_token_stream(),
        GenericParam::Const(param) => {
            let (ident, ty) = (&param.ident, &param.ty);
            quote!(const #ident: #ty)
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
        .filter(|method| method.owner == 0)
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
        #[allow(dead_code, private_interfaces, clippy::missing_errors_doc, clippy::missing_panics_doc, clippy::must_use_candidate, clippy::new_without_default, clippy::needless_pass_by_value)]
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
            let (rt, class_args) = (&mock.rt, mock.class_args());
            let instance = quote!(::core::clone::Clone::clone(
                &__autospec_class.__autospec_instance
            ));
            let fallback = (!method.is_keyed())
                .then(|| self_constructor(method, &instance))
                .flatten();
            let body = glue.body(&quote!(__autospec_class), fallback);
            quote!({
                let __autospec_class = #rt::class::<#class #class_args>();
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
