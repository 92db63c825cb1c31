//! `#[autospec::double]` on a `use` item: imports `MockX as X`.

use proc_macro2::TokenStream;
use quote::{format_ident, ToTokens};
use syn::ext::IdentExt;
use syn::{ItemUse, UseTree};

/// Input: `use crate::net::{Client, Pool as P};`.
/// Output: `use crate::net::{MockClient as Client, MockPool as P};`.
pub(crate) fn double(args: TokenStream, item: TokenStream) -> TokenStream {
    if !args.is_empty() {
        return syn::Error::new_spanned(args, "#[autospec::double] takes no arguments")
            .into_compile_error();
    }
    let mut item: ItemUse = match syn::parse2(item) {
        Ok(item) => item,
        Err(error) => {
            let message = format!("#[autospec::double] goes on a `use` item ({error})");
            return syn::Error::new(error.span(), message).into_compile_error();
        }
    };
    match to_mocks(&mut item.tree) {
        Ok(()) => item.into_token_stream(),
        Err(error) => error.into_compile_error(),
    }
}

fn to_mocks(tree: &mut UseTree) -> syn::Result<()> {
    match tree {
        UseTree::Path(path) => to_mocks(&mut path.tree),
        UseTree::Name(name) if name.ident == "self" => Err(syn::Error::new_spanned(
            &name.ident,
            "#[autospec::double] replaces types by their mocks; `self` names a module",
        )),
        UseTree::Name(name) => {
            let ident = name.ident.clone();
            let mock = format_ident!("Mock{}", ident.unraw());
            *tree = syn::parse_quote!(#mock as #ident);
            Ok(())
        }
        UseTree::Rename(rename) => {
            rename.ident = format_ident!("Mock{}", rename.ident.unraw());
            Ok(())
        }
        UseTree::Group(group) => group.items.iter_mut().try_for_each(to_mocks),
        UseTree::Glob(glob) => Err(syn::Error::new_spanned(
            glob.star_token,
            "#[autospec::double] needs the names to replace; list them instead of `*`",
        )),
    }
}
