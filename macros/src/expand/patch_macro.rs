//! `patch!(path)` and `patch_shared!(path)`: the call that installs the
//! patch of a hooked function or method.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::Path;

/// `patch!(path)`: `Type::method` (the second-to-last segment names a
/// type, by Rust's naming convention) installs that method's patch;
/// anything else names a function with `#[autospec]`.
pub(crate) fn patch_macro(path: &Path, shared: bool) -> TokenStream {
    let segments = &path.segments;
    let names_type = segments.len() >= 2
        && segments[segments.len() - 2]
            .ident
            .to_string()
            .trim_start_matches("r#")
            .starts_with(char::is_uppercase);
    if let (true, Some(last)) = (names_type, segments.last()) {
        {
            let mut prefix = path.clone();
            prefix.segments.pop();
            let prefix = prefix.segments.iter();
            let leading = &path.leading_colon;
            let name = last.ident.to_string();
            let name = name.trim_start_matches("r#");
            let install = if shared {
                format_ident!("__autospec_patchshared_{}", name)
            } else {
                format_ident!("__autospec_patch_{}", name)
            };
            let defer = shared.then(|| quote!(::<()>));
            return guard(&quote!(#leading #(#prefix)::* :: #install #defer()));
        }
    }
    let install = if shared {
        format_ident!("__autospec_patch_shared")
    } else {
        format_ident!("__autospec_patch")
    };
    // The shared install's bound waits for its type argument (see
    // `SharedPatch`), given here.
    let install = if shared {
        quote!(#install::<()>)
    } else {
        quote!(#install)
    };
    match segments.last() {
        Some(last) if segments.len() > 1 || path.leading_colon.is_some() => {
            unhooked_fallback(path, &last.ident, &install)
        }
        _ => guard(&quote!(<#path>::#install())),
    }
}

/// The guard made by `install`, as the value of a block whose tail is
/// spanned on the whole `patch!(..)`: rustc's notes on the guard (an
/// unused one is `must_use`) then point at the macro call, not into it.
fn guard(install: &TokenStream) -> TokenStream {
    quote!({
        let __autospec_guard = #install;
        __autospec_guard
    })
}

/// `patch!(net::fetch)` for a function path of several segments: imports
/// the path into a block, where a struct of the same name from a glob
/// import stands in when the path names no patch struct (explicit imports
/// shadow glob imports, per namespace). Calling the stand-in's
/// `__autospec_patch` fails with a message that says the function has no
/// hook, where rustc's own error would be "expected type, found function".
/// A single name (`patch!(fetch)`) cannot take this route: the glob import
/// and the outer name would be ambiguous to the `use`.
fn unhooked_fallback(path: &Path, name: &Ident, install: &TokenStream) -> TokenStream {
    let span = syn::spanned::Spanned::span(path);
    let call = quote::quote_spanned!(span=> #name::#install());
    quote!({
        // The stand-in and its trait, for a path without a patch hook.
        #[allow(dead_code, non_camel_case_types)]
        mod __autospec_unhooked {
            #[diagnostic::on_unimplemented(
                message = "`patch!` needs a function with a patch hook, and this one has none",
                label = "no `#[autospec]` on this function",
                note = "put `#[autospec::autospec]` on the function (or `#[autospec::autospec(patchable)]` on the impl block of a method); if it has `#[cfg_attr(feature = \"mocks\", autospec::autospec)]`, turn that feature on for tests; a function of another crate is restated in `autospec::doubles!`, and `patch!` takes the double"
            )]
            pub trait Hooked {}
            pub trait Unhooked {
                fn __autospec_patch() -> !
                where
                    Self: Hooked,
                {
                    ::core::unreachable!()
                }
                fn __autospec_patch_shared<D>() -> !
                where
                    Self: Hooked,
                {
                    ::core::unreachable!()
                }
            }
            pub struct #name {}
            impl Unhooked for #name {}
        }
        #[allow(unused_imports)]
        use __autospec_unhooked::*;
        #[allow(unused_imports)]
        use #path;
        #call
    })
}
