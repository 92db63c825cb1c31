//! Each macro's pipeline: parse its input (`attr`, `input`), build the
//! model (`model`), check it (`validate`), emit the code (`expand`). Only
//! here do errors become tokens: `compile_error!` beside the user's item,
//! unchanged, so that the user sees the error and nothing else. (No stub
//! mock beside the error: rustc suppresses the follow-on "cannot find
//! `MockStore`" errors once a `compile_error!` is present, while a stub
//! without the trait's fields and impls adds errors of its own; pinned by
//! ui-tests/tests/ui/cascade.)

use crate::attr::Args;
use crate::expand;
use crate::input::{self, ClosureSignature, DoublesInput, Restated};
use crate::model::{doubles, restate, Target, Trait};
use crate::validate;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Item, ItemFn, ItemImpl, ItemTrait};

/// `#[autospec(args)] item`.
pub(crate) fn autospec(args: TokenStream, item: TokenStream) -> TokenStream {
    let args = match syn::parse2::<Args>(args) {
        Ok(args) => args,
        Err(error) => return with_error(error, item),
    };
    let parsed = match syn::parse2::<Item>(item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => return with_error(error, item),
    };
    match validate::check_target(&parsed, &args) {
        Ok(Target::Trait(item_trait)) => trait_mock(item_trait, &args),
        Ok(Target::ImplBlock(item_impl)) => impl_mock(item_impl, &args),
        Ok(Target::PatchableImpl(item_impl)) => patchable_impl(item_impl, &args),
        Ok(Target::TraitImpl(item_impl)) => trait_impl_mock(item_impl, &args),
        Ok(Target::Function(item_fn)) => patchable_fn(item_fn, &args),
        Ok(Target::ExternBlock(block)) => extern_block(block, &args),
        Err(error) => with_error(error, item),
    }
}

fn trait_mock(item_trait: &ItemTrait, args: &Args) -> TokenStream {
    let model = Trait::of_trait(item_trait, args);
    match validate::check_trait(&model, args) {
        Ok(()) => expand::trait_mock(&model, args),
        Err(error) => with_error(error, expand::user_trait(item_trait)),
    }
}

fn impl_mock(item_impl: &ItemImpl, args: &Args) -> TokenStream {
    // The user's block is emitted as written; `impl Parser<'_>` is mocked
    // as `impl<'a> Parser<'a>`.
    let user = item_impl;
    let named = restate::name_elided_lifetimes(item_impl);
    let item_impl = named.as_ref().unwrap_or(item_impl);
    let ident = match validate::check_impl_block(item_impl) {
        Ok(ident) => ident,
        Err(error) => return with_error(error, user.to_token_stream()),
    };
    let (spec, inherent) = restate::impl_block(item_impl, ident);
    let model = Trait::of_impl_block(&spec, inherent, args);
    impl_block_or_part(user, item_impl, &model, args, expand::impl_mock)
}

/// The user's block as written, then the mock of `model` (`item_impl`
/// with elided lifetimes named): a whole mock by `mock`, or with
/// `part = N` one part of it; or the block and the errors.
fn impl_block_or_part(
    user: &ItemImpl,
    item_impl: &ItemImpl,
    model: &Trait<'_>,
    args: &Args,
    mock: fn(&ItemImpl, &Trait<'_>, &Args) -> TokenStream,
) -> TokenStream {
    let checked = match &args.part {
        Some(number) => validate::check_part(item_impl, model, number, args).map(Some),
        None => validate::check_trait(model, args).map(|()| None),
    };
    let generated = match checked {
        Ok(Some(part)) => expand::part(model, args, part),
        Ok(None) => mock(item_impl, model, args),
        Err(error) => return with_error(error, user.to_token_stream()),
    };
    quote::quote!(#user #generated)
}

fn trait_impl_mock(item_impl: &ItemImpl, args: &Args) -> TokenStream {
    let user = item_impl;
    let named = restate::name_elided_lifetimes(item_impl);
    let item_impl = named.as_ref().unwrap_or(item_impl);
    let (ident, path) = match validate::check_trait_impl(item_impl) {
        Ok(found) => found,
        Err(error) => return with_error(error, user.to_token_stream()),
    };
    let spec = restate::trait_impl(item_impl);
    let model = Trait::of_trait_impl(&spec, path, ident, args);
    impl_block_or_part(user, item_impl, &model, args, expand::trait_impl_mock)
}

fn patchable_fn(item_fn: &ItemFn, args: &Args) -> TokenStream {
    hooked_fn(item_fn, args).unwrap_or_else(|error| with_error(error, item_fn.to_token_stream()))
}

/// A free function with its patch hook, or what is wrong with it.
fn hooked_fn(item_fn: &ItemFn, args: &Args) -> Result<TokenStream, syn::Error> {
    validate::check_function(item_fn, args)?;
    let spec = restate::function(item_fn);
    let model = Trait::of_function(&spec, args);
    validate::check_trait(&model, args)?;
    Ok(expand::patchable_fn(item_fn, &model, args))
}

fn patchable_impl(item_impl: &ItemImpl, args: &Args) -> TokenStream {
    hooked_impl(item_impl, args)
        .unwrap_or_else(|error| with_error(error, item_impl.to_token_stream()))
}

/// An impl block with a patch hook in each of its methods, or what is
/// wrong with it.
fn hooked_impl(item_impl: &ItemImpl, args: &Args) -> Result<TokenStream, syn::Error> {
    let ident = validate::check_patchable_impl(item_impl, args)?;
    let specs = restate::hooked_methods(item_impl, ident);
    let models: Vec<Trait<'_>> = specs
        .iter()
        .map(|spec| Trait::of_hooked_method(spec, args))
        .collect();
    validate::check_hooked_methods(&models, args)?;
    Ok(expand::patchable_impl(item_impl, &models, args))
}

/// `#[autospec]` on an `extern` block: each function becomes a function
/// of its own that calls the foreign one, with a patch hook.
fn extern_block(block: &syn::ItemForeignMod, args: &Args) -> TokenStream {
    if let Err(error) = validate::check_extern_block(block, args) {
        return with_error(error, block.to_token_stream());
    }
    let wrappers = doubles::extern_wrappers(block);
    let hooked: Vec<Result<TokenStream, syn::Error>> = wrappers
        .iter()
        .map(|wrapper| hooked_fn(wrapper, args))
        .collect();
    all_or_errors(hooked).unwrap_or_else(|error| with_error(error, block.to_token_stream()))
}

/// Every item, or every error at once.
fn all_or_errors(items: Vec<Result<TokenStream, syn::Error>>) -> Result<TokenStream, syn::Error> {
    every_item(items).map(TokenStream::from_iter)
}

/// Every item, or every error at once.
fn every_item(items: Vec<Result<TokenStream, syn::Error>>) -> Result<Vec<TokenStream>, syn::Error> {
    let mut tokens = Vec::new();
    let mut errors: Option<syn::Error> = None;
    for item in items {
        match (item, &mut errors) {
            (Ok(item), _) => tokens.push(item),
            (Err(error), Some(all)) => all.combine(error),
            (Err(error), None) => errors = Some(error),
        }
    }
    errors.map_or(Ok(tokens), Err)
}

/// `doubles! { mod std::fs { fn read(..) -> ..; } .. }`: the module
/// `doubles`, mirroring each restated module, whose functions call the
/// real ones through a patch hook.
pub(crate) fn doubles(input: TokenStream) -> TokenStream {
    let parsed = match syn::parse2::<DoublesInput>(input) {
        Ok(parsed) => parsed,
        Err(error) => return error.into_compile_error(),
    };
    if let Err(error) = validate::check_doubles(&parsed) {
        return error.into_compile_error();
    }
    let args = parsed.args();
    let krate = args.runtime();
    let tree = doubles::tree(&parsed, &quote::quote!(#krate::__private));
    let mut hooked = Vec::new();
    hook_module_items(&tree, &args, &mut hooked);
    match every_item(hooked) {
        Ok(items) => expand::doubles(&tree, &mut items.into_iter()),
        Err(error) => error.into_compile_error(),
    }
}

/// The hooked functions and stand-in impl blocks of the tree, in the
/// order `expand::doubles` places them: each module's functions, then its
/// types, then its children.
fn hook_module_items(
    modules: &[doubles::Module<'_>],
    args: &Args,
    out: &mut Vec<Result<TokenStream, syn::Error>>,
) {
    for module in modules {
        out.extend(
            module
                .functions
                .iter()
                .map(|function| hooked_fn(function, args)),
        );
        out.extend(module.types.iter().map(|ty| hooked_impl(&ty.block, args)));
        hook_module_items(&module.children, args, out);
    }
}

/// `patch!(path)`, or `patch_shared!(path)`, after the runtime's wrapper
/// put `$crate;` first.
pub(crate) fn patch(input: TokenStream, shared: bool) -> TokenStream {
    let (krate, input) = input::with_crate(input);
    match input::patch_path(input) {
        Ok(path) => expand::patch_macro(&krate, &path, shared),
        Err(error) => error.into_compile_error(),
    }
}

/// `mock! { pub MockReader: std::io::Read { .. } }`.
pub(crate) fn mock(input: TokenStream) -> TokenStream {
    let restated = match syn::parse2::<Restated>(input) {
        Ok(restated) => restated,
        Err(error) => return error.into_compile_error(),
    };
    let args = restated.args();
    let model = Trait::of_restated(&restated, &args);
    match validate::check_trait(&model, &args) {
        Ok(()) => expand::mock_macro(&model, &args),
        Err(error) => error.into_compile_error(),
    }
}

/// `mock_fn!(|&str, u32| -> bool)`.
pub(crate) fn mock_fn(input: TokenStream) -> TokenStream {
    let signature = match syn::parse2::<ClosureSignature>(input) {
        Ok(signature) => signature,
        Err(error) => return error.into_compile_error(),
    };
    let spec = restate::closure(&signature);
    let args = Args::default();
    let model = Trait::of_closure(&spec, &args);
    match validate::check_trait(&model, &args) {
        Ok(()) => expand::mock_fn(&model, &args),
        Err(error) => error.into_compile_error(),
    }
}

/// The item as it came, then the error.
fn with_error(error: syn::Error, mut item: TokenStream) -> TokenStream {
    item.extend(error.into_compile_error());
    item
}

#[cfg(test)]
mod tests {
    use super::autospec;
    use quote::quote;

    fn expand(item: proc_macro2::TokenStream) -> syn::File {
        let output = autospec(quote!(), item);
        syn::parse2(output).expect("the expansion parses as items")
    }

    #[test]
    fn expansion_parses_and_is_deterministic() {
        let item = quote! {
            pub trait Store {
                fn get(&self, key: &str) -> Option<String>;
                fn put(&mut self, key: String, value: Vec<u8>);
                fn name(&self) -> &str;
            }
        };
        let first = autospec(quote!(), item.clone()).to_string();
        let second = autospec(quote!(), item.clone()).to_string();
        assert_eq!(first, second);
        let file = expand(item);
        let names: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Struct(s) => Some(s.ident.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            names,
            [
                "MockStore",
                "MockStore_get",
                "MockStore_put",
                "MockStore_name"
            ]
        );
        if let Ok(path) = std::env::var("AUTOSPEC_DUMP_EXPANSION") {
            std::fs::write(path, first).expect("dump written");
        }
    }

    #[test]
    fn errors_keep_the_item_and_report_every_problem() {
        let file = expand(quote! {
            trait Bad {
                fn make(&self) -> impl Clone;
                fn borrow(&self) -> Result<&mut u8, ()>;
            }
        });
        let rendered = quote!(#file).to_string();
        assert_eq!(rendered.matches("compile_error").count(), 2, "{rendered}");
        assert!(rendered.contains("trait Bad"));
        assert!(!rendered.contains("MockBad"), "no stub mock: {rendered}");
    }

    #[test]
    fn unsupported_items_are_refused_with_the_item_kept() {
        let file = expand(quote!(
            struct Plain;
        ));
        let rendered = quote!(#file).to_string();
        assert!(rendered.contains("it cannot mock a struct"), "{rendered}");
        assert!(rendered.contains("struct Plain"));
    }
}
