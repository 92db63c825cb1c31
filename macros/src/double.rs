//! `#[autospec::double]` on a `use` item: imports each type's mock
//! (`MockX as X`), or the double of a module, function or std type of
//! another crate from the module that `doubles!` makes.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::{Ident, ItemUse, Path, UseTree};

/// Input: `use crate::net::{Client, Pool as P};` or `use std::fs;`.
/// Output: `use crate::net::{MockClient as Client, MockPool as P};`, and
/// `use crate::doubles::std::fs;` (`#[double(path)]` names another
/// module of doubles, and takes every name from it).
pub(crate) fn double(args: TokenStream, item: TokenStream) -> TokenStream {
    let doubles = if args.is_empty() {
        None
    } else {
        match Path::parse_mod_style.parse2(args) {
            Ok(path) => Some(path),
            Err(error) => {
                let message = format!("#[autospec::double] takes nothing, or the path of the module that `doubles!` made, as in `#[autospec::double(crate::doubles)]` ({error})");
                return syn::Error::new(error.span(), message).into_compile_error();
            }
        }
    };
    let item: ItemUse = match syn::parse2(item) {
        Ok(item) => item,
        Err(error) => {
            let message = format!("#[autospec::double] goes on a `use` item ({error})");
            return syn::Error::new(error.span(), message).into_compile_error();
        }
    };
    let mut leaves = Vec::new();
    flatten(&item.tree, &mut Vec::new(), &mut leaves);
    let mapped: syn::Result<Vec<TokenStream>> = leaves
        .iter()
        .map(|leaf| leaf.mapped(doubles.as_ref(), item.leading_colon.as_ref()))
        .collect();
    let (attrs, vis) = (&item.attrs, &item.vis);
    match mapped {
        Ok(mapped) if mapped.len() == 1 => quote!(#(#attrs)* #vis use #(#mapped)*;),
        Ok(mapped) => quote!(#(#attrs)* #vis use { #(#mapped),* };),
        Err(error) => error.into_compile_error(),
    }
}

/// One name a `use` item imports, with the path that leads to it.
struct Leaf<'a> {
    prefix: Vec<&'a Ident>,
    kind: LeafKind<'a>,
}

enum LeafKind<'a> {
    /// `Client`, `fs`, or `self` in a group.
    Name(&'a Ident),
    /// `Client as C`.
    Rename(&'a Ident, &'a Ident),
    /// `*`.
    Glob(&'a syn::token::Star),
}

fn flatten<'a>(tree: &'a UseTree, prefix: &mut Vec<&'a Ident>, out: &mut Vec<Leaf<'a>>) {
    match tree {
        UseTree::Path(path) => {
            prefix.push(&path.ident);
            flatten(&path.tree, prefix, out);
            prefix.pop();
        }
        UseTree::Name(name) => out.push(Leaf {
            prefix: prefix.clone(),
            kind: LeafKind::Name(&name.ident),
        }),
        UseTree::Rename(rename) => out.push(Leaf {
            prefix: prefix.clone(),
            kind: LeafKind::Rename(&rename.ident, &rename.rename),
        }),
        UseTree::Glob(glob) => out.push(Leaf {
            prefix: prefix.clone(),
            kind: LeafKind::Glob(&glob.star_token),
        }),
        UseTree::Group(group) => {
            for tree in &group.items {
                flatten(tree, prefix, out);
            }
        }
    }
}

impl Leaf<'_> {
    /// The first segment of the whole path: `crate`, `std`, `netlib`.
    fn root(&self) -> &Ident {
        match (self.prefix.first(), &self.kind) {
            (Some(first), _) => first,
            (None, LeafKind::Name(name) | LeafKind::Rename(name, _)) => name,
            (None, LeafKind::Glob(_)) => unreachable!("a glob follows a path"),
        }
    }

    /// The imported item's own name, unless it is `self` or a glob.
    fn name(&self) -> Option<&Ident> {
        match &self.kind {
            LeafKind::Name(name) | LeafKind::Rename(name, _) if *name != "self" => Some(name),
            _ => None,
        }
    }

    fn span(&self) -> Span {
        self.prefix
            .first()
            .map_or_else(|| self.root().span(), |first| first.span())
    }

    /// The leaf's new path; `leading` is the `::` before the whole tree,
    /// which a mock's path keeps.
    fn mapped(
        &self,
        doubles: Option<&Path>,
        leading: Option<&syn::token::PathSep>,
    ) -> syn::Result<TokenStream> {
        let root = self.root();
        let own = ["crate", "self", "super"].iter().any(|word| root == word);
        let names_type = self
            .name()
            .is_some_and(|name| name.unraw().to_string().starts_with(char::is_uppercase));
        let std = ["std", "core", "alloc"].iter().any(|word| root == word);
        match (own, doubles) {
            (true, Some(_)) => Err(syn::Error::new(self.span(), "`#[autospec::double(..)]` takes the doubles of other crates' items; import an item of this crate with a plain `#[autospec::double]`, which swaps a type for its mock")),
            (true, None) => self.mock(),
            (false, None) if names_type && !std => self.mock().map(|mock| quote!(#leading #mock)),
            (false, given) => Ok(self.double(given)),
        }
    }

    /// `prefix::MockClient as Client`.
    fn mock(&self) -> syn::Result<TokenStream> {
        let prefix = &self.prefix;
        let (name, rename) = match &self.kind {
            LeafKind::Name(name) if *name == "self" => {
                return Err(syn::Error::new_spanned(
                    name,
                    "#[autospec::double] replaces types by their mocks; `self` names a module",
                ))
            }
            LeafKind::Name(name) => (*name, *name),
            LeafKind::Rename(name, rename) => (*name, *rename),
            LeafKind::Glob(star) => {
                return Err(syn::Error::new_spanned(
                    star,
                    "#[autospec::double] needs the names to replace; list them instead of `*`",
                ))
            }
        };
        if !name.unraw().to_string().starts_with(char::is_uppercase) {
            return Err(syn::Error::new_spanned(name, format!("#[autospec::double] swaps a type of this crate for its mock; `{name}` is a function or module of this crate, so put `#[autospec]` on the function and `patch!` replaces it where it is")));
        }
        let mock = format_ident!("Mock{}", name.unraw(), span = name.span());
        Ok(quote!(#(#prefix::)* #mock as #rename))
    }

    /// `crate::doubles::std::fs`: the path under the module of doubles,
    /// spanned on the user's path so that a missing double is reported
    /// there.
    fn double(&self, doubles: Option<&Path>) -> TokenStream {
        let span = self.span();
        let base = doubles.map_or_else(
            || quote_spanned!(span=> crate::doubles),
            |path| quote!(#path),
        );
        let prefix = &self.prefix;
        let leaf = match &self.kind {
            LeafKind::Name(name) if *name == "self" => quote!({ #name }),
            LeafKind::Name(name) => quote!(#name),
            LeafKind::Rename(name, rename) if *name == "self" => quote!({ #name as #rename }),
            LeafKind::Rename(name, rename) => quote!(#name as #rename),
            LeafKind::Glob(star) => quote!(#star),
        };
        quote!(#base #(::#prefix)* :: #leaf)
    }
}
