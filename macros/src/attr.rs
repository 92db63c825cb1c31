//! The arguments of `#[autospec(..)]`.

use syn::parse::{Parse, ParseStream};
use syn::{Path, Token};

/// What `#[autospec(..)]` was given.
pub(crate) struct Args {
    /// `crate = path`: where the runtime lives, for a renamed dependency.
    pub(crate) krate: Option<Path>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args { krate: None };
        while !input.is_empty() {
            if input.peek(Token![crate]) {
                let token: Token![crate] = input.parse()?;
                input.parse::<Token![=]>()?;
                if args.krate.is_some() {
                    return Err(syn::Error::new(token.span, "`crate` is given twice"));
                }
                args.krate = Some(input.call(Path::parse_mod_style)?);
            } else {
                let unknown: proc_macro2::TokenTree = input.parse()?;
                return Err(syn::Error::new_spanned(
                    unknown,
                    "unknown #[autospec] argument; the accepted one is `crate = path` (for a renamed dependency)",
                ));
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(args)
    }
}
