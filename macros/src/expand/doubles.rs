//! `doubles!`: the module `doubles`, mirroring each restated module of
//! another crate. A mirror re-exports its real module with a glob import,
//! which the items declared in it shadow: a restated function is a
//! double (a hooked function that calls the real one), and every name
//! that is not restated passes through to the real item.

use crate::model::doubles::{Module, StandIn};
use proc_macro2::TokenStream;
use quote::quote;

/// The module `doubles`. `hooked` holds, in the order of the tree, each
/// module's hooked functions, then its stand-ins' hooked impl blocks,
/// then its children's.
pub(crate) fn doubles(
    tree: &[Module<'_>],
    hooked: &mut impl Iterator<Item = TokenStream>,
) -> TokenStream {
    let modules: Vec<TokenStream> = tree.iter().map(|root| module(root, hooked)).collect();
    quote! {
        /// Test doubles of functions of other crates, restated with
        /// `autospec::doubles!`: each calls the real function unless a test
        /// patches it. `#[autospec::double] use std::fs;` imports
        /// `doubles::std::fs` in its place.
        #[allow(dead_code, unreachable_pub)]
        pub mod doubles {
            #(#modules)*
        }
    }
}

fn module(module: &Module<'_>, hooked: &mut impl Iterator<Item = TokenStream>) -> TokenStream {
    let functions: Vec<TokenStream> = hooked.by_ref().take(module.functions.len()).collect();
    let types: Vec<TokenStream> = module
        .types
        .iter()
        .map(|ty| stand_in(ty, &hooked.next().unwrap_or_default()))
        .collect();
    let children: Vec<TokenStream> = module
        .children
        .iter()
        .map(|child| self::module(child, hooked))
        .collect();
    let (ident, real, attrs, uses) = (&module.ident, &module.real, &module.attrs, &module.uses);
    let doc = if attrs.iter().any(|attr| attr.path().is_ident("doc")) {
        TokenStream::new()
    } else {
        let text = format!(
            "The double of `{}`: its items, with the restated functions replaced by doubles that `patch!` can replace.",
            text(real)
        );
        quote!(#[doc = #text])
    };
    quote! {
        #doc
        #(#attrs)*
        pub mod #ident {
            #[allow(unused_imports)]
            pub use #real::*;
            #(#uses)*
            #(#functions)*
            #(#types)*
            #(#children)*
        }
    }
}

/// The stand-in type, its hooked associated functions and its consts.
fn stand_in(stand_in: &StandIn<'_>, hooked: &TokenStream) -> TokenStream {
    let (ident, attrs, consts) = (stand_in.ident, stand_in.attrs, &stand_in.consts);
    let doc = if attrs.iter().any(|attr| attr.path().is_ident("doc")) {
        TokenStream::new()
    } else {
        let text = format!(
            "Stands in for `{}` where `#[autospec::double]` imports it: its restated associated functions call the real ones (unless a test patches them) and return the real type. It has no values: where code needs the type itself, it names the real one.",
            text(&stand_in.real)
        );
        quote!(#[doc = #text])
    };
    let consts = (!consts.is_empty()).then(|| quote!(impl #ident { #(#consts)* }));
    quote! {
        #doc
        #(#attrs)*
        pub enum #ident {}
        #hooked
        #consts
    }
}

/// `std::fs` for the tokens `:: std :: fs`.
fn text(path: &TokenStream) -> String {
    path.to_string()
        .replace(' ', "")
        .trim_start_matches("::")
        .to_owned()
}
