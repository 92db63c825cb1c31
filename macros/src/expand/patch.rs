//! Patch hooks: a free function with `#[autospec]`, or each public method
//! of an impl block with `#[autospec(patchable)]`, keeps its body and gains
//! a hook that a patch (`patch!`) answers while it is installed; beside it,
//! the patch struct that holds the function's child mock.

use super::glue::Glue;
use super::mock::Mock;
use super::mock_struct::mock_struct;
use super::{child, generic};
use crate::attr::Args;
use crate::model::{Method, ParamKind, Ret, Trait};
use crate::queries::is_hooked;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, ToTokens};
use syn::{FnArg, GenericParam, ImplItem, ImplItemFn, ItemImpl, ReturnType, Type, Visibility};

/// `#[autospec]` on a free function: the function keeps its body and gains
/// a patch hook; a hidden struct of the function's name (types and
/// functions live in different namespaces, so `use net::fetch;` imports
/// both) holds its child mock, for `patch!(net::fetch)`.
pub(crate) fn patchable_fn(item_fn: &syn::ItemFn, model: &Trait<'_>, args: &Args) -> TokenStream {
    hooked_fn(&Mock::new(model, args), item_fn)
}

/// `#[autospec(patchable)]` on an inherent impl block: the block stays,
/// each public method and associated function gains a hook, and
/// `patch!(Client::get)` replaces it for every instance. The answer closure
/// of a method receives the instance first (`&Client`, or `&mut Client`).
/// `models` are the hooked methods', in order.
pub(crate) fn patchable_impl(
    item_impl: &ItemImpl,
    models: &[Trait<'_>],
    args: &Args,
) -> TokenStream {
    let mut hooked = item_impl.clone();
    hooked.items.clear();
    let mut extra = TokenStream::new();
    let mut models = models.iter();
    for item in &item_impl.items {
        let ImplItem::Fn(function) = item else {
            hooked.items.push(item.clone());
            continue;
        };
        let model = if is_hooked(function) {
            models.next()
        } else {
            None
        };
        let Some(model) = model else {
            hooked.items.push(item.clone());
            continue;
        };
        let (methods, items) = patchable_method(&item_impl.self_ty, function, model, args);
        hooked.items.extend(methods.into_iter().map(ImplItem::Fn));
        extra.extend(items);
    }
    quote!(#hooked #extra)
}

/// One hooked method of a patchable impl (an async one in two copies,
/// see [`awaited_body`]), and its patch struct.
fn patchable_method(
    self_ty: &Type,
    function: &ImplItemFn,
    model: &Trait<'_>,
    args: &Args,
) -> (Vec<ImplItemFn>, TokenStream) {
    let mock = Mock::new(model, args);
    let Some(method) = model.methods.first() else {
        return (vec![function.clone()], TokenStream::new());
    };
    let patch = format_ident!("{}Patch_{}", model.mock, method.name());
    let mut items = patch_struct(&mock, &patch, method, &function.vis);
    items.extend(installs(self_ty, &function.vis, method, &patch));
    (hooked_method(&mock, function, method, &patch), items)
}

/// `Client::__autospec_patch_get`, a constant naming the method's patch
/// struct: what `patch!(Client::get)` and `patch_shared!(Client::get)`
/// hand to the runtime's `PatchableMethod`, which installs it. A constant
/// is the cheapest item that lets a path reach a type.
fn installs(self_ty: &Type, vis: &Visibility, method: &Method<'_>, patch: &Ident) -> TokenStream {
    let install = format_ident!("__autospec_patch_{}", method.name());
    quote! {
        impl #self_ty {
            #[doc(hidden)]
            #[allow(non_upper_case_globals)]
            #vis const #install: ::core::marker::PhantomData<#patch> = ::core::marker::PhantomData;
        }
    }
}

/// The hooked method: the original signature with its typed parameters
/// renamed (the hook takes them first), the hook, then the original body;
/// an async method that can run its body for a patch comes in two copies
/// (see [`awaited_body`]).
fn hooked_method(
    mock: &Mock<'_>,
    function: &ImplItemFn,
    method: &Method<'_>,
    patch: &Ident,
) -> Vec<ImplItemFn> {
    let mut sig = function.sig.clone();
    // The receiver is restated as the answer closure's first parameter.
    let receiver = sig.receiver().map(|receiver| match &receiver.kind {
        syn::ReceiverKind::Reference(_, _, Some(_)) => quote!(&mut *self),
        syn::ReceiverKind::Reference(..) => quote!(self),
        _ => quote!(&*self),
    });
    let glue = Glue::new(method, &mock.rt, &mock.map, sig.asyncness.is_some());
    let names = glue.names();
    let offset = usize::from(receiver.is_some());
    let mut rebind = Vec::new();
    for (arg, name) in sig
        .inputs
        .iter_mut()
        .filter(|arg| matches!(arg, FnArg::Typed(_)))
        .zip(&names[offset..])
    {
        let FnArg::Typed(typed) = arg else { continue };
        let pat = std::mem::replace(&mut *typed.pat, syn::parse_quote!(#name));
        typed.attrs.clear();
        rebind.push(quote!(let #pat = #name;));
    }
    let bind_receiver = receiver.map(|expr| {
        let name = &names[0];
        quote!(let #name = #expr;)
    });
    let block = &function.block;
    let mut hooked = function.clone();
    hooked.sig = sig;
    if function.sig.asyncness.is_some() && !converts(method) {
        let hook = awaiting_hook(mock, &glue, method, patch, bind_receiver.as_ref());
        let body = awaited_body(&function.sig.output, block);
        hooked.block = syn::parse_quote!({
            #hook
            #(#rebind)*
            #body
        });
        hooked
            .attrs
            .insert(0, syn::parse_quote!(#[cfg(debug_assertions)]));
        let mut release = function.clone();
        release
            .attrs
            .insert(0, syn::parse_quote!(#[cfg(not(debug_assertions))]));
        return vec![hooked, release];
    }
    let hook = hook(mock, &glue, method, patch, bind_receiver.as_ref(), None);
    // The body's statements, not its block: a block as the tail of the
    // hooked body would be the user's braces around a return value, and
    // `unused_braces` would warn in their crate.
    let stmts = &block.stmts;
    hooked.block = syn::parse_quote!({
        #hook
        #(#rebind)*
        #(#stmts)*
    });
    vec![hooked]
}

/// Whether the hook converts arguments (`impl Into<..>`) before journaling
/// them, so that the body cannot take them any more.
fn converts(method: &Method<'_>) -> bool {
    method
        .params
        .iter()
        .any(|param| matches!(param.kind, ParamKind::Into(_) | ParamKind::Collect(_)))
}

/// The body of a hooked async function in debug builds: the original body
/// in an async block, awaited, then the await of a call journaled by
/// `calls_original()` (`__autospec_awaiting`, from [`awaiting_hook`]) is
/// journaled too. A release build gets the function as written: its copy
/// is the original item under `cfg(not(debug_assertions))`.
fn awaited_body(output: &ReturnType, block: &syn::Block) -> TokenStream {
    let annotation = match output {
        ReturnType::Type(_, ty) if !holds_impl_trait(ty) => quote!(: #ty),
        ReturnType::Type(..) => TokenStream::new(),
        ReturnType::Default => quote!(: ()),
    };
    quote! {
        let __autospec_output #annotation = async move #block.await;
        if let ::core::option::Option::Some(__autospec_awaiting) = __autospec_awaiting {
            __autospec_awaiting.__awaited();
        }
        __autospec_output
    }
}

/// Whether a type holds an `impl Trait`, which a `let` cannot name.
fn holds_impl_trait(ty: &Type) -> bool {
    crate::walk::holds(ty, |ty| matches!(ty, Type::ImplTrait(_)))
}

/// A free function with its patch hook, and the struct of its name
/// that `patch!` installs.
fn hooked_fn(mock: &Mock<'_>, item_fn: &syn::ItemFn) -> TokenStream {
    let Some(method) = mock.model.methods.first() else {
        return item_fn.to_token_stream();
    };
    let (ident, vis) = (&item_fn.sig.ident, &item_fn.vis);
    let mut tokens = patch_struct(mock, ident, method, vis);
    let is_async = item_fn.sig.asyncness.is_some();
    let glue = Glue::new(method, &mock.rt, &mock.map, is_async);
    let sig = glue.signature();
    let original = original(item_fn, method, glue.names());
    let rebind = item_fn
        .sig
        .inputs
        .iter()
        .zip(glue.names())
        .filter_map(|(arg, name)| match arg {
            FnArg::Typed(typed) => {
                let pat = &typed.pat;
                Some(quote!(let #pat = #name;))
            }
            FnArg::Receiver(_) => None,
        });
    let (attrs, block) = (&item_fn.attrs, &item_fn.block);
    if is_async && !converts(method) {
        let hook = awaiting_hook(mock, &glue, method, ident, None);
        let body = awaited_body(&item_fn.sig.output, block);
        tokens.extend(quote! {
            #[cfg(debug_assertions)]
            #(#attrs)*
            #vis #sig {
                #hook
                #(#rebind)*
                #body
            }

            #[cfg(not(debug_assertions))]
            #item_fn
        });
        return tokens;
    }
    let hook = hook(mock, &glue, method, ident, None, original.as_ref());
    // The body's statements, as for a `patchable` method.
    let stmts = &block.stmts;
    tokens.extend(quote! {
        #(#attrs)*
        #vis #sig {
            #hook
            #(#rebind)*
            #(#stmts)*
        }
    });
    tokens
}

/// `{ fn __autospec_original(..) { body } __autospec_original(args) }`:
/// the call of a copy of the function, for a patch's `calls_original()`
/// once the hook has converted the arguments (`impl Into<String>` to
/// `String`); the copy's `impl Into<String>` takes the `String` as
/// well. `None` where the copy could not stand in: a return type with
/// `impl Trait` would differ from the body's, unless the attribute names
/// the body's type (`impl Trait = Type`), which the copy then returns.
fn original(item_fn: &syn::ItemFn, method: &Method<'_>, names: &[Ident]) -> Option<TokenStream> {
    if matches!(method.ret, Ret::Opaque(_) | Ret::Iter(_) | Ret::Callable(_)) {
        return None;
    }
    let mut copy = item_fn.clone();
    if let Ret::Standin(answer) = &method.ret {
        copy.sig.output = syn::parse_quote!(-> #answer);
    }
    copy.attrs.clear();
    copy.vis = Visibility::Inherited;
    copy.sig.ident = format_ident!("__autospec_original");
    for arg in &mut copy.sig.inputs {
        if let FnArg::Typed(typed) = arg {
            typed.attrs.clear();
        }
    }
    let params = copy
        .sig
        .generics
        .params
        .iter()
        .filter_map(|param| match param {
            GenericParam::Type(ty) => Some(ty.ident.to_token_stream()),
            GenericParam::Const(constant) => Some(constant.ident.to_token_stream()),
            GenericParam::Lifetime(_) => None,
        });
    let params: Vec<TokenStream> = params.collect();
    let turbofish = (!params.is_empty()).then(|| quote!(::<#(#params),*>));
    let wait = item_fn.sig.asyncness.map(|_| quote!(.await));
    Some(quote!({
        #[allow(clippy::all, clippy::pedantic)]
        #copy
        __autospec_original #turbofish (#(#names),*) #wait
    }))
}

/// The struct that holds one patched function's child mock: it
/// dereferences to the child, and `calls_original()` makes unconfigured
/// calls run the original.
fn patch_struct(
    mock: &Mock<'_>,
    ident: &Ident,
    method: &Method<'_>,
    vis: &Visibility,
) -> TokenStream {
    let krate = &mock.krate;
    let doc = format!(
        "The patch of `{}`: `patch!` installs it; it dereferences to the function's child mock.",
        method.name()
    );
    let mut tokens = mock_struct(mock, ident, &[method], &doc, false);
    tokens.extend(child::items(mock, method));
    if method.is_keyed() {
        tokens.extend(generic::items(mock, method));
    }
    let (field, field_type) = (&method.sig.ident, mock.field_type(method));
    let function = if mock.model.mock == "patch" {
        method.name()
    } else {
        format!("{}::{}", mock.model.mock, method.name())
    };
    tokens.extend(quote! {
        impl ::core::ops::Deref for #ident {
            type Target = #field_type;
            fn deref(&self) -> &Self::Target {
                &self.#field
            }
        }

        impl #krate::__private::HasClass for #ident {
            type Class = #ident;
        }

        impl #krate::__private::Patch for #ident {
            const FUNCTION: &'static str = #function;
        }

        impl #ident {
            /// Unconfigured calls run the original function, and are
            /// journaled (Python's `wraps`).
            #vis fn calls_original(&self) {
                self.__autospec_core.__pass_through();
            }
        }
    });
    tokens
}

/// The hook at the top of a patched function: while a patch is
/// installed, the patch answers (or journals and lets the original
/// run, after `calls_original`); in release builds it is compiled out.
/// `original` calls a copy of the function for the arguments that the
/// hook converted (`impl Into<..>`), which the body can no longer take.
fn hook(
    mock: &Mock<'_>,
    glue: &Glue<'_, '_>,
    method: &Method<'_>,
    patch: &Ident,
    bind: Option<&TokenStream>,
    original: Option<&TokenStream>,
) -> TokenStream {
    let rt = &mock.rt;
    let answer = glue.body(&quote!(__autospec_patch), None);
    let is_async = method.sig.asyncness.is_some();
    let hook = match (converts(method), original) {
        // The arguments were converted and the body cannot take them.
        (true, None) => quote!(return #answer;),
        // The copy of an async function journals its await when it completes.
        (true, Some(original)) if is_async => {
            let (conversions, awaiting) = (glue.conversions(), passes_awaiting(rt, glue, method));
            quote! {
                #conversions
                match #awaiting {
                    ::core::option::Option::None => return #answer,
                    ::core::option::Option::Some(__autospec_awaiting) => {
                        let __autospec_output = #original;
                        __autospec_awaiting.__awaited();
                        return __autospec_output;
                    }
                }
            }
        }
        (true, Some(original)) => {
            let (conversions, passes) = (glue.conversions(), passes_through(glue, method));
            quote! {
                #conversions
                if !#passes {
                    return #answer;
                }
                return #original;
            }
        }
        (false, _) => {
            let passes = passes_through(glue, method);
            quote! {
                if !#passes {
                    return #answer;
                }
            }
        }
    };
    quote! {
        #[cfg(debug_assertions)]
        if #rt::patching() {
            if let ::core::option::Option::Some(__autospec_patch) = #rt::patched::<#patch>() {
                #bind
                #hook
            }
        }
    }
}

/// The hook at the top of a hooked async function (that does not convert
/// its arguments): `let __autospec_awaiting = ..;`, `None` when no patch
/// is installed, a mark when the patch lets the original body answer
/// (having journaled the call); the patch's answer otherwise returns.
fn awaiting_hook(
    mock: &Mock<'_>,
    glue: &Glue<'_, '_>,
    method: &Method<'_>,
    patch: &Ident,
    bind: Option<&TokenStream>,
) -> TokenStream {
    let rt = &mock.rt;
    let answer = glue.body(&quote!(__autospec_patch), None);
    let awaiting = passes_awaiting(rt, glue, method);
    quote! {
        let __autospec_awaiting = if #rt::patching() {
            if let ::core::option::Option::Some(__autospec_patch) = #rt::patched::<#patch>() {
                #bind
                match #awaiting {
                    ::core::option::Option::None => return #answer,
                    __autospec_awaiting => __autospec_awaiting,
                }
            } else {
                ::core::option::Option::None
            }
        } else {
            ::core::option::Option::None
        };
    }
}

/// As [`passes_through`], for an async function: `Some(mark)` (having
/// journaled the call) when the original answers, the mark journaling the
/// await once the body completes; else `None`.
fn passes_awaiting(rt: &TokenStream, glue: &Glue<'_, '_>, method: &Method<'_>) -> TokenStream {
    let (field, journal) = (&method.sig.ident, glue.journal());
    let record = if method.is_keyed() {
        let (key, answer, closure, type_args) = (
            glue.key_type(),
            glue.answer_type(),
            glue.closure_type_in_body(),
            glue.type_args(),
        );
        // The original still needs the arguments: none moves.
        let (instance, typed) = (glue.instance_journal_type(), glue.instance_call(false));
        let (lets, typed) = (typed.lets, typed.journal);
        quote! {
            match __autospec_patch.#field.0.__find::<#key, #instance, #answer, #closure>() {
                ::core::option::Option::Some(__autospec_method) if __autospec_method.__has_answer() => ::core::option::Option::None,
                ::core::option::Option::Some(__autospec_method) => {
                    #lets
                    ::core::option::Option::Some(__autospec_method.__record_awaiting(#typed))
                }
                ::core::option::Option::None => {
                    __autospec_patch.#field.0.__record_unconfigured::<#key>(#type_args, #journal);
                    ::core::option::Option::Some(#rt::Awaiting::<#instance, #answer, #closure>::unjournaled())
                }
            }
        }
    } else {
        quote! {
            if __autospec_patch.#field.__has_answer() {
                ::core::option::Option::None
            } else {
                ::core::option::Option::Some(__autospec_patch.#field.__record_awaiting(#journal))
            }
        }
    };
    quote! {
        if __autospec_patch.__autospec_core.__passes_through() {
            #record
        } else {
            ::core::option::Option::None
        }
    }
}

/// `true` (having journaled the call) when the patch lets the original
/// answer: `calls_original()` is on and no answer is configured for
/// this call (for this instantiation, of a generic function).
fn passes_through(glue: &Glue<'_, '_>, method: &Method<'_>) -> TokenStream {
    let (field, journal) = (&method.sig.ident, glue.journal());
    let record = if method.is_keyed() {
        let (key, answer, closure, type_args) = (
            glue.key_type(),
            glue.answer_type(),
            glue.closure_type_in_body(),
            glue.type_args(),
        );
        // The original still needs the arguments: none moves.
        let (instance, typed) = (glue.instance_journal_type(), glue.instance_call(false));
        let (lets, typed) = (typed.lets, typed.journal);
        quote! {
            match __autospec_patch.#field.0.__find::<#key, #instance, #answer, #closure>() {
                ::core::option::Option::Some(__autospec_method) if __autospec_method.__has_answer() => false,
                ::core::option::Option::Some(__autospec_method) => {
                    #lets
                    __autospec_method.__record(#typed);
                    true
                }
                ::core::option::Option::None => {
                    __autospec_patch.#field.0.__record_unconfigured::<#key>(#type_args, #journal);
                    true
                }
            }
        }
    } else {
        quote! {
            if __autospec_patch.#field.__has_answer() {
                false
            } else {
                __autospec_patch.#field.__record(#journal);
                true
            }
        }
    };
    quote!((__autospec_patch.__autospec_core.__passes_through() && { #record }))
}
