//! `patch!(path)` and `patch_shared!(path)`: the call that installs the
//! patch of a hooked function or method. Both reach the runtime through
//! its public traits (`autospec::bounds`), so that a path without a hook
//! fails with one error that names documented items and says what to add.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::Path;

/// `patch!(path)`: `Type::method` (the second-to-last segment names a
/// type, by Rust's naming convention) installs that method's patch;
/// anything else names a function with `#[autospec]`. `krate` is the
/// runtime's path, `$crate` from its `macro_rules!` wrapper.
pub(crate) fn patch_macro(krate: &TokenStream, path: &Path, shared: bool) -> TokenStream {
    let segments = &path.segments;
    let names_type = segments.len() >= 2
        && segments[segments.len() - 2]
            .ident
            .to_string()
            .trim_start_matches("r#")
            .starts_with(char::is_uppercase);
    match segments.last() {
        Some(last) if names_type => method(krate, path, &last.ident, shared),
        Some(last) if segments.len() > 1 || path.leading_colon.is_some() => {
            unhooked_fallback(krate, path, &last.ident, shared)
        }
        _ => guard(&install(krate, &quote!(#path), path.span(), shared)),
    }
}

/// The call that installs the patch struct `ty`'s patch, spanned on the
/// user's path: `<ty as Patch>::__install()`, or for `patch_shared!` its
/// `SharedPatch` (whose message is the one to see where only `Send +
/// Sync` is missing), after asking for `Patch` alone (the one to see
/// where the hook is missing; `NoPatchHook` is a `SharedPatch`).
fn install(
    krate: &TokenStream,
    ty: &TokenStream,
    span: proc_macro2::Span,
    shared: bool,
) -> TokenStream {
    let bounds = quote!(#krate::bounds);
    if shared {
        quote_spanned!(span=> {
            let _: &str = <#ty as #bounds::Patch>::FUNCTION;
            <#ty as #bounds::SharedPatch<()>>::install_shared()
        })
    } else {
        quote_spanned!(span=> <#ty as #bounds::Patch>::__install())
    }
}

/// `patch!(Account::balance)`: the impl block's hook names the method's
/// patch with the constant `Account::__autospec_patch_balance`; where the
/// block has none, a trait declared here (inherent items come first)
/// gives every type that constant as the documented `NotPatchable`, which
/// `PatchableMethod` refuses with the fix in words.
fn method(krate: &TokenStream, path: &Path, name: &Ident, shared: bool) -> TokenStream {
    let mut prefix = path.clone();
    prefix.segments.pop();
    let prefix = prefix.segments.iter();
    let leading = &path.leading_colon;
    let hook = format_ident!(
        "__autospec_patch_{}",
        name.to_string().trim_start_matches("r#"),
        span = name.span()
    );
    let bounds = quote!(#krate::bounds);
    let install = if shared {
        quote!(install_shared)
    } else {
        quote!(install)
    };
    let call = quote_spanned!(path.span()=> #bounds::PatchableMethod::#install(#leading #(#prefix)::* :: #hook));
    quote!({
        #[allow(dead_code, non_camel_case_types, non_upper_case_globals)]
        trait __autospec_unpatchable {
            const #hook: #bounds::NotPatchable = #bounds::NotPatchable;
        }
        impl<T: ?::core::marker::Sized> __autospec_unpatchable for T {}
        #call
    })
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
/// the path into a block, where the documented `NoPatchHook`, imported by
/// a glob under the function's name, stands in when the path names no
/// patch struct (explicit imports shadow glob imports, per namespace);
/// it is no `Patch`, and the error says the function has no hook, where
/// rustc's own would be "expected type, found function". A single name
/// (`patch!(fetch)`) cannot take this route: the glob import and the
/// outer name would be ambiguous to the `use`.
fn unhooked_fallback(krate: &TokenStream, path: &Path, name: &Ident, shared: bool) -> TokenStream {
    let call = install(krate, &quote!(#name), path.span(), shared);
    quote!({
        #[allow(dead_code, non_camel_case_types)]
        mod __autospec_unhooked {
            pub type #name = #krate::bounds::NoPatchHook;
        }
        #[allow(unused_imports)]
        use __autospec_unhooked::*;
        #[allow(unused_imports)]
        use #path;
        let __autospec_guard = #call;
        __autospec_guard
    })
}
