//! The arguments of `#[autospec(..)]`.

use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{
    Attribute, Expr, Generics, Ident, ItemTrait, Path, Token, TraitItem, Type, TypeParamBound,
};

/// What `#[autospec(..)]` was given.
#[derive(Default)]
pub(crate) struct Args {
    /// `crate = path`: where the runtime lives, for a renamed dependency.
    pub(crate) krate: Option<Path>,
    /// `type Item = u32`: fixes an associated type instead of making the
    /// mock generic over it; `type Item<'a> = &'a str` a generic one.
    pub(crate) types: Vec<GivenType>,
    /// `const LIMIT: usize = 3`: fixes an associated const.
    pub(crate) consts: Vec<(Ident, Expr)>,
    /// `patchable`: on an impl block, hooks the real methods for `patch!`
    /// instead of emitting a mock type.
    pub(crate) patchable: bool,
    /// `spy`: on a trait, the mock also gets `MockX::wrapping(real)`.
    pub(crate) spy: bool,
    /// `part = 2`: a further impl block of a type whose first block has a
    /// plain `#[autospec]`; its methods join that block's mock.
    pub(crate) part: Option<syn::LitInt>,
    /// `magic(Display, Iterator<Item = u32>, ..)`: std traits the mock
    /// implements too, as written (checked by `validate`, read by `magic`).
    pub(crate) magic: Vec<Path>,
    /// The `magic` keyword, when given, for errors about the list as a whole.
    pub(crate) magic_token: Option<Ident>,
    /// `impl Named { fn name(&self) -> String; }`: further traits the mock
    /// implements (a supertrait, most often), their methods restated.
    pub(crate) traits: Vec<Restatement>,
    /// `impl Display = String`: the type that answers an `impl Trait`
    /// return with these bounds.
    pub(crate) impl_types: Vec<ImplType>,
}

/// `type Item<'a> = &'a str` in the attribute.
pub(crate) struct GivenType {
    pub(crate) ident: Ident,
    /// The parameters the type is written with (`<'a>`), for a generic
    /// associated type; empty otherwise.
    pub(crate) generics: Generics,
    pub(crate) ty: Type,
}

/// A trait restated beside the mocked one: `impl Named { .. }` in the
/// attribute or in `mock!`.
pub(crate) struct Restatement {
    /// The trait the mock implements, as written (`Named`, `AsRef<str>`).
    pub(crate) path: Path,
    /// The restated items, as a trait named after the last path segment,
    /// carrying the block's attributes (`#[async_trait]`).
    pub(crate) item: ItemTrait,
}

impl Restatement {
    /// `#[attrs] impl Path { items }`, after the `impl` token and its bounds.
    pub(crate) fn parse_block(
        attrs: &[Attribute],
        path: Path,
        input: ParseStream<'_>,
    ) -> syn::Result<Self> {
        let body;
        syn::braced!(body in input);
        let mut items = Vec::new();
        while !body.is_empty() {
            items.push(body.parse::<TraitItem>()?);
        }
        let Some(last) = path.segments.last() else {
            return Err(syn::Error::new_spanned(
                &path,
                "expected the path of the trait",
            ));
        };
        let ident = &last.ident;
        let item = syn::parse_quote!(#(#attrs)* trait #ident { #(#items)* });
        Ok(Restatement { path, item })
    }
}

/// `impl Display = String`: an `impl Trait` return with these bounds is
/// answered with values of the type.
pub(crate) struct ImplType {
    pub(crate) impl_token: Token![impl],
    pub(crate) bounds: Punctuated<TypeParamBound, Token![+]>,
    pub(crate) ty: Type,
}

/// `A + B + 'a`: the bounds after `impl`, up to `=` or `{`.
pub(crate) fn parse_bounds(
    input: ParseStream<'_>,
) -> syn::Result<Punctuated<TypeParamBound, Token![+]>> {
    let mut bounds = Punctuated::new();
    loop {
        bounds.push_value(input.parse::<TypeParamBound>()?);
        if !input.peek(Token![+]) {
            return Ok(bounds);
        }
        bounds.push_punct(input.parse()?);
    }
}

impl Args {
    /// `::autospec`, or the path given with `crate = path`.
    pub(crate) fn runtime(&self) -> proc_macro2::TokenStream {
        self.krate.as_ref().map_or_else(
            || quote::quote!(::autospec),
            quote::ToTokens::to_token_stream,
        )
    }

    pub(crate) fn given_type(&self, name: &Ident) -> Option<&GivenType> {
        self.types.iter().find(|given| given.ident == *name)
    }

    pub(crate) fn given_const(&self, name: &Ident) -> Option<&Expr> {
        self.consts
            .iter()
            .find(|(ident, _)| ident == name)
            .map(|(_, value)| value)
    }

    fn parse_entry(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        if input.peek(Token![crate]) {
            let token: Token![crate] = input.parse()?;
            input.parse::<Token![=]>()?;
            if self.krate.is_some() {
                return Err(syn::Error::new(token.span, "`crate` is given twice"));
            }
            self.krate = Some(input.call(Path::parse_mod_style)?);
        } else if peek_word(input, "patchable") {
            flag(input, &mut self.patchable)?;
        } else if peek_word(input, "spy") {
            flag(input, &mut self.spy)?;
        } else if peek_word(input, "part") {
            let ident: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            if self.part.is_some() {
                return Err(syn::Error::new(ident.span(), "`part` is given twice"));
            }
            self.part = Some(input.parse()?);
        } else if input.peek2(syn::token::Paren) && peek_word(input, "magic") {
            let ident: Ident = input.parse()?;
            if self.magic_token.is_some() {
                return Err(syn::Error::new(
                    ident.span(),
                    "`magic` is given twice; list every trait in one `magic(..)`",
                ));
            }
            let list;
            syn::parenthesized!(list in input);
            let traits = list.parse_terminated(Path::parse, Token![,])?;
            self.magic.extend(traits);
            self.magic_token = Some(ident);
        } else if input.peek(Token![type]) {
            input.parse::<Token![type]>()?;
            let ident: Ident = input.parse()?;
            let generics: Generics = input.parse()?;
            input.parse::<Token![=]>()?;
            let ty: Type = input.parse()?;
            if self.given_type(&ident).is_some() {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("`type {ident}` is given twice"),
                ));
            }
            self.types.push(GivenType {
                ident,
                generics,
                ty,
            });
        } else if input.peek(Token![impl]) || input.peek(Token![#]) {
            self.parse_impl(input)?;
        } else if input.peek(Token![const]) {
            input.parse::<Token![const]>()?;
            let ident: Ident = input.parse()?;
            // The type is the trait's; accept it for readability, do not require it.
            if input.peek(Token![:]) {
                input.parse::<Token![:]>()?;
                input.parse::<Type>()?;
            }
            input.parse::<Token![=]>()?;
            let value: Expr = input.parse()?;
            if self.given_const(&ident).is_some() {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("`const {ident}` is given twice"),
                ));
            }
            self.consts.push((ident, value));
        } else {
            let unknown: proc_macro2::TokenTree = input.parse()?;
            return Err(syn::Error::new_spanned(
                unknown,
                "unknown #[autospec] argument; accepted are `crate = path` (a renamed dependency), `type Name = Type` and `const NAME: Type = value` (fix an associated type or const), `impl Trait = Type` (the type that answers an `impl Trait` return), `impl Trait { fn .. }` (a further trait the mock implements, its methods restated), `magic(Display, ..)` (std traits the mock implements too), `spy` (a trait mock that can wrap a real implementation), `patchable` (on an impl block) and `part = 2` (a further impl block of a mocked type)",
            ));
        }
        Ok(())
    }

    /// `impl Display = String`, or `#[attrs] impl Named { .. }`.
    fn parse_impl(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let attrs = input.call(Attribute::parse_outer)?;
        let impl_token: Token![impl] = input.parse()?;
        let bounds = parse_bounds(input)?;
        if input.peek(syn::token::Brace) {
            let path = match bounds.first() {
                Some(TypeParamBound::Trait(bound)) if bounds.len() == 1 => bound.path.clone(),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &bounds,
                        "expected one trait before `{`, as in `impl Named { fn name(&self) -> String; }`",
                    ))
                }
            };
            self.traits
                .push(Restatement::parse_block(&attrs, path, input)?);
            return Ok(());
        }
        if let Some(attr) = attrs.first() {
            return Err(syn::Error::new_spanned(
                attr,
                "attributes go only on a restated trait, `#[async_trait] impl Named { .. }`",
            ));
        }
        if !input.peek(Token![=]) {
            return Err(syn::Error::new_spanned(
                quote::quote!(#impl_token #bounds),
                "expected `= Type` after these bounds (the type that answers an `impl Trait` return with them, as in `impl Display = String`) or `{ .. }` after one trait (a trait the mock implements, its methods restated, as in `impl Named { fn name(&self) -> String; }`)",
            ));
        }
        input.parse::<Token![=]>()?;
        let ty: Type = input.parse()?;
        self.impl_types.push(ImplType {
            impl_token,
            bounds,
            ty,
        });
        Ok(())
    }
}

/// Whether the next token is the identifier `word`.
fn peek_word(input: ParseStream<'_>, word: &str) -> bool {
    input.peek(syn::Ident)
        && input
            .fork()
            .parse::<Ident>()
            .is_ok_and(|ident| ident == word)
}

/// A keyword argument without a value (`patchable`, `spy`): sets `flag`,
/// refusing a second one.
fn flag(input: ParseStream<'_>, flag: &mut bool) -> syn::Result<()> {
    let ident: Ident = input.parse()?;
    if *flag {
        return Err(syn::Error::new(
            ident.span(),
            format!("`{ident}` is given twice"),
        ));
    }
    *flag = true;
    Ok(())
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args::default();
        while !input.is_empty() {
            args.parse_entry(input)?;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(args)
    }
}
