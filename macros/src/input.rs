//! The inputs of the function-like macros `mock!`, `mock_fn!`, `patch!`
//! and `doubles!`, parsed. (`#[autospec(..)]`'s arguments are `attr`'s.)

use crate::attr::{parse_bounds, Args, Restatement};
use proc_macro2::{Ident, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::{
    Attribute, ForeignItemFn, Generics, ItemTrait, ItemUse, Path, Signature, Token, TraitItem,
    Type, TypeParamBound, Visibility,
};

/// Splits `$crate; rest` (what the runtime's `macro_rules!` wrappers
/// pass) into the runtime's path and the rest; input without `;` is all
/// rest, with the path `::autospec`.
pub(crate) fn with_crate(input: TokenStream) -> (TokenStream, TokenStream) {
    let trees: Vec<proc_macro2::TokenTree> = input.into_iter().collect();
    let semi = trees
        .iter()
        .position(|tree| matches!(tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == ';'));
    match semi {
        Some(at) => (
            trees[..at].iter().cloned().collect(),
            trees[at + 1..].iter().cloned().collect(),
        ),
        None => (quote::quote!(::autospec), trees.into_iter().collect()),
    }
}

/// `patch!(path)`: the path of a function or method with a patch hook.
pub(crate) fn patch_path(input: TokenStream) -> syn::Result<Path> {
    syn::parse2::<Path>(input).map_err(|error| {
        let message = format!("expected the path of a function with `#[autospec]`, as in `patch!(net::fetch)` or `patch!(Client::get)` ({error})");
        syn::Error::new(error.span(), message)
    })
}

/// `|&str, u32| -> bool` (parameters may be named: `|key: &str|`).
pub(crate) struct ClosureSignature {
    pub(crate) params: Vec<Type>,
    pub(crate) output: syn::ReturnType,
}

impl Parse for ClosureSignature {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut params = Vec::new();
        if input.peek(Token![||]) {
            input.parse::<Token![||]>()?;
        } else {
            input.parse::<Token![|]>().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected a closure signature, as in `mock_fn!(|&str, u32| -> bool)`",
                )
            })?;
            while !input.peek(Token![|]) {
                if input.peek(syn::Ident) && input.peek2(Token![:]) && !input.peek2(Token![::]) {
                    input.parse::<syn::Ident>()?;
                    input.parse::<Token![:]>()?;
                }
                params.push(input.parse::<Type>()?);
                if !input.peek(Token![|]) {
                    input.parse::<Token![,]>()?;
                }
            }
            input.parse::<Token![|]>()?;
        }
        let output = input.parse()?;
        Ok(ClosureSignature { params, output })
    }
}

/// The input of `mock!`.
pub(crate) struct Restated {
    /// `crate = path;` before the mock's name.
    pub(crate) krate: Option<Path>,
    /// The mock's name, `MockReader`.
    pub(crate) mock: Ident,
    /// The trait the mock implements, `std::io::Read`.
    pub(crate) path: Path,
    /// The restated items, as a trait named after the last path segment,
    /// with the attributes written before the mock's name (`#[async_trait]`).
    pub(crate) item: ItemTrait,
    /// Further traits the mock implements: `impl Named { .. }` blocks
    /// after the first.
    pub(crate) traits: Vec<Restatement>,
}

impl Restated {
    /// The `#[autospec(..)]` arguments that the input stands for.
    pub(crate) fn args(&self) -> Args {
        Args {
            krate: self.krate.clone(),
            traits: self
                .traits
                .iter()
                .map(|restated| Restatement {
                    path: restated.path.clone(),
                    item: restated.item.clone(),
                })
                .collect(),
            ..Args::default()
        }
    }
}

impl Parse for Restated {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let krate = if input.peek(Token![crate]) {
            input.parse::<Token![crate]>()?;
            input.parse::<Token![=]>()?;
            let krate = input.call(Path::parse_mod_style)?;
            input.parse::<Token![;]>()?;
            Some(krate)
        } else {
            None
        };
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        let mock: Ident = input.parse()?;
        let mut generics: Generics = input.parse()?;
        if !input.peek(Token![:]) {
            return Err(input.error(
                "expected `: path::to::Trait` after the mock's name, as in `mock! { pub MockReader: std::io::Read { .. } }`; to mock a type's own methods (mockall's `mock! { Foo { .. } }`), put `#[autospec]` on its `impl` block",
            ));
        }
        input.parse::<Token![:]>()?;
        let path: Path = input.parse()?;
        generics.where_clause = input.parse()?;
        let body;
        syn::braced!(body in input);
        let mut items = Vec::new();
        while !body.is_empty() {
            items.push(body.parse::<TraitItem>()?);
        }
        let Some(last) = path.segments.last() else {
            return Err(syn::Error::new_spanned(
                &path,
                "expected the path of the trait to mock",
            ));
        };
        let ident = &last.ident;
        let (_, _, where_clause) = generics.split_for_impl();
        let params = &generics.params;
        let item: ItemTrait =
            syn::parse_quote!(#(#attrs)* #vis trait #ident <#params> #where_clause { #(#items)* });
        let mut traits = Vec::new();
        while !input.is_empty() {
            traits.push(restated_trait(input)?);
        }
        Ok(Restated {
            krate,
            mock,
            path,
            item,
            traits,
        })
    }
}

/// `#[async_trait] impl Named { fn name(&self) -> String; }`: a further
/// trait the mock of `mock!` implements.
fn restated_trait(input: ParseStream<'_>) -> syn::Result<Restatement> {
    let attrs = input.call(Attribute::parse_outer)?;
    if !input.peek(Token![impl]) {
        return Err(input.error(
            "expected `impl Trait { .. }` after the mock's first trait: a further trait the mock implements, its methods restated",
        ));
    }
    input.parse::<Token![impl]>()?;
    let bounds = parse_bounds(input)?;
    let path = match bounds.first() {
        Some(TypeParamBound::Trait(bound)) if bounds.len() == 1 => bound.path.clone(),
        _ => {
            return Err(syn::Error::new_spanned(
                &bounds,
                "expected one trait, as in `impl Named { fn name(&self) -> String; }`",
            ))
        }
    };
    Restatement::parse_block(&attrs, path, input)
}

/// The input of `doubles!`: modules of other crates, each restating the
/// functions that tests patch.
pub(crate) struct DoublesInput {
    /// `crate = path;` first, for a renamed runtime.
    pub(crate) krate: Option<Path>,
    pub(crate) modules: Vec<RestatedModule>,
}

/// `mod std::fs { use ..; fn read<P: AsRef<Path>>(path: P) -> io::Result<Vec<u8>>; }`.
pub(crate) struct RestatedModule {
    /// The attributes on `mod` (docs, `cfg`), given to the double.
    pub(crate) attrs: Vec<Attribute>,
    /// The real module's path, `std::fs`.
    pub(crate) path: Path,
    /// `use` items the signatures need.
    pub(crate) uses: Vec<ItemUse>,
    /// The restated functions, written as in an `extern` block.
    pub(crate) functions: Vec<ForeignItemFn>,
    /// `impl SystemTime { fn now() -> SystemTime; }`: associated functions
    /// of a type of the module.
    pub(crate) types: Vec<RestatedImpl>,
}

/// `impl SystemTime { fn now() -> SystemTime; const UNIX_EPOCH: SystemTime; }`.
pub(crate) struct RestatedImpl {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) generics: Generics,
    pub(crate) trait_: Option<Path>,
    pub(crate) self_ty: Type,
    pub(crate) functions: Vec<ForeignItemFn>,
    pub(crate) consts: Vec<RestatedConst>,
}

/// `const UNIX_EPOCH: SystemTime;`: an associated const, forwarded.
pub(crate) struct RestatedConst {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
}

impl DoublesInput {
    /// The `#[autospec(..)]` arguments that the input stands for.
    pub(crate) fn args(&self) -> Args {
        Args {
            krate: self.krate.clone(),
            ..Args::default()
        }
    }
}

impl Parse for DoublesInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let krate = if input.peek(Token![crate]) {
            input.parse::<Token![crate]>()?;
            input.parse::<Token![=]>()?;
            let krate = input.call(Path::parse_mod_style)?;
            input.parse::<Token![;]>()?;
            Some(krate)
        } else {
            None
        };
        let mut modules = Vec::new();
        while !input.is_empty() {
            modules.push(input.parse()?);
        }
        Ok(DoublesInput { krate, modules })
    }
}

impl Parse for RestatedModule {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        if !input.peek(Token![mod]) {
            return Err(input.error(
                "expected `mod path::of::module { .. }`, as in `doubles! { mod std::fs { fn read<P: AsRef<Path>>(path: P) -> io::Result<Vec<u8>>; } }`",
            ));
        }
        input.parse::<Token![mod]>()?;
        let path = input.call(Path::parse_mod_style)?;
        let body;
        syn::braced!(body in input);
        let mut module = RestatedModule {
            attrs,
            path,
            uses: Vec::new(),
            functions: Vec::new(),
            types: Vec::new(),
        };
        while !body.is_empty() {
            let attrs = body.call(Attribute::parse_outer)?;
            let vis: Visibility = body.parse()?;
            if body.peek(Token![use]) {
                let mut item: ItemUse = body.parse()?;
                item.attrs = attrs;
                item.vis = vis;
                module.uses.push(item);
            } else if body.peek(Token![impl]) {
                let mut restated: RestatedImpl = body.parse()?;
                restated.attrs = attrs;
                module.types.push(restated);
            } else {
                module.functions.push(restated_fn(&body, attrs, vis)?);
            }
        }
        Ok(module)
    }
}

/// `fn name(..) -> T;` after its attributes and visibility.
fn restated_fn(
    input: ParseStream<'_>,
    attrs: Vec<Attribute>,
    vis: Visibility,
) -> syn::Result<ForeignItemFn> {
    let starts_a_function = input.peek(Token![fn])
        || input.peek(Token![async])
        || input.peek(Token![unsafe])
        || input.peek(Token![const])
        || input.peek(Token![extern]);
    if !starts_a_function {
        return Err(input.error(
            "a `doubles!` module holds restated functions (`fn read(..) -> ..;`), `impl Type { fn now() -> Type; }` blocks and `use` items",
        ));
    }
    let sig: Signature = input.parse()?;
    let semi_token = input.parse::<Token![;]>().map_err(|error| {
        syn::Error::new(
            error.span(),
            "restate the signature only, ending in `;`: the double calls the real function",
        )
    })?;
    Ok(ForeignItemFn {
        attrs,
        vis,
        modifiers: syn::FnModifiers::default(),
        sig,
        semi_token,
    })
}

impl Parse for RestatedImpl {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        input.parse::<Token![impl]>()?;
        let mut generics: Generics = input.parse()?;
        let first: Type = input.parse()?;
        let (trait_, self_ty) = if input.peek(Token![for]) {
            input.parse::<Token![for]>()?;
            let trait_ = match first {
                Type::Path(path) => Some(path.path),
                other => return Err(syn::Error::new_spanned(other, "expected a trait")),
            };
            (trait_, input.parse()?)
        } else {
            (None, first)
        };
        generics.where_clause = input.parse()?;
        let body;
        syn::braced!(body in input);
        let mut restated = RestatedImpl {
            attrs: Vec::new(),
            generics,
            trait_,
            self_ty,
            functions: Vec::new(),
            consts: Vec::new(),
        };
        while !body.is_empty() {
            let attrs = body.call(Attribute::parse_outer)?;
            let vis: Visibility = body.parse()?;
            if body.peek(Token![const]) && body.peek2(syn::Ident) && body.peek3(Token![:]) {
                body.parse::<Token![const]>()?;
                let ident = body.parse()?;
                body.parse::<Token![:]>()?;
                let ty = body.parse()?;
                body.parse::<Token![;]>()?;
                restated.consts.push(RestatedConst { attrs, ident, ty });
            } else {
                restated.functions.push(restated_fn(&body, attrs, vis)?);
            }
        }
        Ok(restated)
    }
}
