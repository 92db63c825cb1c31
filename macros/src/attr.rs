//! The arguments of `#[autospec(..)]`.

use syn::parse::{Parse, ParseStream};
use syn::{Expr, Ident, Path, Token, Type};

/// What `#[autospec(..)]` was given.
#[derive(Default)]
pub(crate) struct Args {
    /// `crate = path`: where the runtime lives, for a renamed dependency.
    pub(crate) krate: Option<Path>,
    /// `type Item = u32`: fixes an associated type instead of making the
    /// mock generic over it.
    pub(crate) types: Vec<(Ident, Type)>,
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
}

impl Args {
    /// `::autospec`, or the path given with `crate = path`.
    pub(crate) fn runtime(&self) -> proc_macro2::TokenStream {
        self.krate.as_ref().map_or_else(
            || quote::quote!(::autospec),
            quote::ToTokens::to_token_stream,
        )
    }

    pub(crate) fn given_type(&self, name: &Ident) -> Option<&Type> {
        self.types
            .iter()
            .find(|(ident, _)| ident == name)
            .map(|(_, ty)| ty)
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
            input.parse::<Token![=]>()?;
            let ty: Type = input.parse()?;
            if self.given_type(&ident).is_some() {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("`type {ident}` is given twice"),
                ));
            }
            self.types.push((ident, ty));
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
                "unknown #[autospec] argument; accepted are `crate = path` (a renamed dependency), `type Name = Type` and `const NAME: Type = value` (fix an associated type or const), `magic(Display, ..)` (std traits the mock implements too), `spy` (a trait mock that can wrap a real implementation), `patchable` (on an impl block) and `part = 2` (a further impl block of a mocked type)",
            ));
        }
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
