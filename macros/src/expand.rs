//! Expansion: turns a validated model into the mock. Cannot fail.
//!
//! Everything generated names the runtime through `#krate::__private` and
//! std through `::core`/`::std`, so it never depends on the user's imports.
//! Private generated names start with `__autospec_`.

use crate::attr::Args;
use crate::glue::{generic_ident, Glue};
use crate::magic_expand::MagicMock;
use crate::model::magic::MagicTrait;
use crate::model::{is_skip, Method, Trait, MAX_PART};
use crate::queries::{is_hooked, Mentions, Scope};
use crate::rewrite::SelfMap;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, ToTokens};
// Relative to this file's directory, so that the benchmark, which
// includes this file by path, finds it too.
#[path = "expand/spy.rs"]
mod spy;

use syn::{
    FnArg, GenericParam, Generics, ImplItem, ImplItemFn, ItemImpl, ItemTrait, Path, TraitItem,
    Type, Visibility, WherePredicate,
};

/// The trait as written, then its mock.
pub(crate) fn trait_mock(model: &Trait<'_>, args: &Args) -> TokenStream {
    let mut mock = TraitMock::new(model, args);
    mock.spies = true;
    mock.spy = args.spy;
    let mut tokens = user_trait(model.item);
    mock.to_tokens(&mut tokens);
    tokens
}

/// The trait as written, minus `#[autospec(skip)]` on parameters, which
/// only autospec understands.
pub(crate) fn user_trait(item: &ItemTrait) -> TokenStream {
    let mut item = item.clone();
    for trait_item in &mut item.items {
        let TraitItem::Fn(function) = trait_item else {
            continue;
        };
        for arg in &mut function.sig.inputs {
            if let FnArg::Typed(typed) = arg {
                typed.attrs.retain(|attr| !is_skip(attr));
            }
        }
    }
    item.into_token_stream()
}

/// `#[autospec]` on an inherent `impl` block: the block stays as it is,
/// and `MockType` gets the same public methods, associated functions and
/// consts.
pub(crate) fn impl_mock(item_impl: &ItemImpl, model: &Trait<'_>, args: &Args) -> TokenStream {
    let mut mock = TraitMock::new(model, args);
    // A generic type's further blocks are not supported: the parts'
    // types would need the type's parameters.
    mock.parts = item_impl.generics.params.is_empty();
    let parts = mock.parts_fallback();
    quote!(#item_impl #mock #parts)
}

/// `#[autospec(part = N)]` on a further impl block: the block stays, and
/// its methods join the mock of the type's first block.
pub(crate) fn part(
    item_impl: &ItemImpl,
    model: &Trait<'_>,
    args: &Args,
    number: u8,
) -> TokenStream {
    let mut mock = TraitMock::new(model, args);
    let part = mock.part_ident(number);
    mock.owner = Some(quote!(#part::__autospec_of(&self)));
    let part = mock.part_items(number);
    quote!(#item_impl #part)
}

/// `#[autospec]` on a free function: the function keeps its body and gains
/// a patch hook; a hidden struct of the function's name (types and
/// functions live in different namespaces, so `use net::fetch;` imports
/// both) holds its child mock, for `patch!(net::fetch)`.
pub(crate) fn patchable_fn(item_fn: &syn::ItemFn, model: &Trait<'_>, args: &Args) -> TokenStream {
    TraitMock::new(model, args).patch_items(item_fn)
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
    let mut extra = TokenStream::new();
    let mut models = models.iter();
    for item in &mut hooked.items {
        let ImplItem::Fn(function) = item else {
            continue;
        };
        if !is_hooked(function) {
            continue;
        }
        let Some(model) = models.next() else { break };
        let (method, items) = patchable_method(&item_impl.self_ty, function, model, args);
        *function = method;
        extra.extend(items);
    }
    quote!(#hooked #extra)
}

/// One hooked method of a patchable impl, and its patch struct.
fn patchable_method(
    self_ty: &Type,
    function: &ImplItemFn,
    model: &Trait<'_>,
    args: &Args,
) -> (ImplItemFn, TokenStream) {
    let mut sig = function.sig.clone();
    // The receiver is restated as the answer closure's first parameter.
    let receiver = sig.receiver().map(|receiver| match &receiver.kind {
        syn::ReceiverKind::Reference(_, _, Some(_)) => quote!(&mut *self),
        syn::ReceiverKind::Reference(..) => quote!(self),
        _ => quote!(&*self),
    });
    let vis = &function.vis;
    let type_ident = &model.mock;
    let mock = TraitMock::new(model, args);
    let Some(method) = model.methods.first() else {
        return (function.clone(), TokenStream::new());
    };
    let patch = format_ident!("__autospec_{}_{}_patch", type_ident, method.name());
    let mut items = mock.patch_struct(&patch, method, &function.vis);
    let install = format_ident!("__autospec_patch_{}", method.name());
    let install_shared = format_ident!("__autospec_patch_shared_{}", method.name());
    let krate = &mock.krate;
    items.extend(quote! {
        impl #self_ty {
            #[doc(hidden)]
            #vis fn #install() -> #krate::Class<#patch> {
                #krate::Class::__install_patch()
            }

            #[doc(hidden)]
            #vis fn #install_shared() -> #krate::SharedClass<#patch> {
                <#patch as #krate::ClassShared>::class_shared()
            }
        }
    });
    // The hooked method: the original signature, typed parameters renamed.
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
    let hook = mock.hook(&glue, method, &patch, bind_receiver.as_ref(), None);
    let block = &function.block;
    let mut hooked = function.clone();
    hooked.sig = sig;
    hooked.block = syn::parse_quote!({
        #hook
        #(#rebind)*
        #block
    });
    (hooked, items)
}

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
                format_ident!("__autospec_patch_shared_{}", name)
            } else {
                format_ident!("__autospec_patch_{}", name)
            };
            return quote!(#leading #(#prefix)::* :: #install());
        }
    }
    let install = if shared {
        format_ident!("__autospec_patch_shared")
    } else {
        format_ident!("__autospec_patch")
    };
    match segments.last() {
        Some(last) if segments.len() > 1 || path.leading_colon.is_some() => {
            unhooked_fallback(path, &last.ident, &install)
        }
        _ => quote!(<#path>::#install()),
    }
}

/// `patch!(net::fetch)` for a function path of several segments: imports
/// the path into a block, where a struct of the same name from a glob
/// import stands in when the path names no patch struct (explicit imports
/// shadow glob imports, per namespace). Calling the stand-in's
/// `__autospec_patch` fails with a message that says the function has no
/// hook, where rustc's own error would be "expected type, found function".
/// A single name (`patch!(fetch)`) cannot take this route: the glob import
/// and the outer name would be ambiguous to the `use`.
fn unhooked_fallback(path: &Path, name: &Ident, install: &Ident) -> TokenStream {
    let span = syn::spanned::Spanned::span(path);
    let call = quote::quote_spanned!(span=> #name::#install());
    quote!({
        // The stand-in and its trait, for a path without a patch hook.
        #[allow(dead_code, non_camel_case_types)]
        mod __autospec_unhooked {
            #[diagnostic::on_unimplemented(
                message = "`patch!` needs a function with a patch hook, and this one has none",
                label = "no `#[autospec]` on this function",
                note = "put `#[autospec::autospec]` on the function (or `#[autospec::autospec(patchable)]` on the impl block of a method); if it has `#[cfg_attr(feature = \"mock\", autospec::autospec)]`, turn that feature on for tests"
            )]
            pub trait Hooked {}
            pub trait Unhooked {
                fn __autospec_patch() -> !
                where
                    Self: Hooked,
                {
                    ::core::unreachable!()
                }
                fn __autospec_patch_shared() -> !
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

/// `mock! { pub MockReader: std::io::Read { fn read(..) -> ..; } }`: a mock
/// of a trait defined elsewhere, from its restated items.
pub(crate) fn mock_macro(model: &Trait<'_>, args: &Args) -> TokenStream {
    let mut mock = TraitMock::new(model, args);
    mock.spies = true;
    mock.into_token_stream()
}

/// `mock_fn!(|&str, u32| -> bool)`: a callable mock of a closure
/// signature, `MockFn`, whose `call` child journals the calls and whose
/// `as_fn()` is the closure to hand to the code under test.
pub(crate) fn mock_fn(model: &Trait<'_>, args: &Args) -> TokenStream {
    let spec = model.item;
    let mock = TraitMock::new(model, args);
    quote!({
        #[allow(dead_code)]
        #spec
        #mock
        <MockFn as ::core::default::Default>::default()
    })
}

/// `::autospec`, or the path given with `#[autospec(crate = path)]`.
fn krate(args: &Args) -> TokenStream {
    args.krate
        .as_ref()
        .map_or_else(|| quote!(::autospec), ToTokens::to_token_stream)
}

/// Fields of a mock struct beside the child mocks, in the four places a
/// field appears.
#[derive(Default)]
struct Extras {
    fields: TokenStream,
    fresh: TokenStream,
    cloned: TokenStream,
    pushed: TokenStream,
}

/// The whole mock of one trait.
struct TraitMock<'a> {
    model: &'a Trait<'a>,
    rt: TokenStream,
    krate: TokenStream,
    /// The trait's generics plus a parameter for each associated type or
    /// const that the attribute does not fix.
    generics: Generics,
    map: SelfMap,
    /// `__autospec_MockStore_class`, when the trait has methods without `self`.
    class: Option<Ident>,
    /// The first block of an impl mock that further blocks
    /// (`#[autospec(part = 2)]`, ..) can join.
    parts: bool,
    /// What holds the child mocks, for the methods of a further block:
    /// its part, reached from the mock; else `self`.
    owner: Option<TokenStream>,
    /// A mock of a trait (not of an impl block, a function or a closure):
    /// it gets `calls_default()`.
    spies: bool,
    /// `#[autospec(spy)]`: the mock also gets `wrapping(real)`.
    spy: bool,
}

impl<'a> TraitMock<'a> {
    fn new(model: &'a Trait<'a>, args: &Args) -> Self {
        let krate = krate(args);
        let mock = &model.mock;
        let (generics, assoc) = mock_generics(model);
        let (_, ty_generics, _) = generics.split_for_impl();
        let map = SelfMap {
            mock: syn::parse_quote!(#mock #ty_generics),
            assoc,
            assoc_owner: assoc_owner(model),
        };
        let generics = map_bounds(generics, &map);
        let class = model
            .static_methods()
            .next()
            .map(|_| format_ident!("__autospec_{}_class", mock));
        TraitMock {
            model,
            rt: quote!(#krate::__private),
            krate,
            generics,
            map,
            class,
            parts: false,
            owner: None,
            spies: false,
            spy: false,
        }
    }

    /// The std traits of `magic(..)`, when there are any.
    fn magic(&self) -> Option<MagicMock<'_>> {
        let entries: Vec<&MagicTrait<'_>> = self
            .model
            .magic
            .iter()
            .filter_map(|entry| entry.as_ref().ok())
            .collect();
        if entries.is_empty() {
            return None;
        }
        Some(MagicMock {
            entries,
            krate: &self.krate,
            mock: &self.model.mock,
            generics: &self.generics,
            map: &self.map,
            vis: &self.model.item.vis,
            phantom: phantom(&self.generics),
        })
    }

    fn glue<'g>(&'g self, method: &'g Method<'a>) -> Glue<'g, 'a> {
        Glue::new(
            method,
            &self.rt,
            &self.map,
            self.model.async_trait_attr.is_some(),
        )
    }

    /// `__autospec_MockStore_get`: the child mock type of one method (of
    /// one instantiation, for a generic method).
    fn child(&self, method: &Method<'_>) -> Ident {
        format_ident!("__autospec_{}_{}", self.model.mock, method.name())
    }

    /// The field's type: the child, or for a generic method the type
    /// whose `of::<T>()` gives the child of each instantiation.
    fn field_type(&self, method: &Method<'_>) -> TokenStream {
        let (_, ty_generics, _) = self.generics.split_for_impl();
        let ident = self.field_wrapper(method);
        quote!(#ident #ty_generics)
    }

    fn field_wrapper(&self, method: &Method<'_>) -> Ident {
        if method.is_keyed() {
            format_ident!("__autospec_{}_{}_generic", self.model.mock, method.name())
        } else {
            self.child(method)
        }
    }

    /// The child mock of one method: a newtype over `Method` that adds the
    /// `returns_with` whose closure parameters Rust can infer.
    fn child_items(&self, method: &Method<'_>) -> TokenStream {
        let glue = self.glue(method);
        let vis = &self.model.item.vis;
        let generics = child_generics(&self.generics, method);
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let (cfgs, child) = (&method.cfgs, self.child(method));
        let (method_type, closure, rt) = (glue.method_type(), glue.closure_bound(), &self.rt);
        let newtype = self.newtype(&child, &generics, &method_type, cfgs);
        let calls_default = self.runs_default(method).then(|| {
            quote! {
                /// Answers later calls by running the trait's own default
                /// body of this method, journaled; one-shot answers and
                /// `when` rules still come first.
                #vis fn calls_default(&self) {
                    self.0.__set_default_body();
                }
            }
        });
        quote! {
            #newtype

            #(#cfgs)*
            impl #impl_generics #child #ty_generics #where_clause {
                /// Answers every later call with the closure's result; the
                /// closure receives the call's arguments.
                #vis fn returns_with<__AutospecAnswer>(&self, answer: __AutospecAnswer)
                where
                    __AutospecAnswer: #closure + ::core::marker::Send + ::core::marker::Sync + 'static,
                {
                    self.0.__returns_with(#rt::Box::new(answer));
                }

                #calls_default
            }
        }
    }

    /// `struct Name(Target)` with `Deref` to the target and its `Debug`: the
    /// shape of every child-mock type.
    fn newtype(
        &self,
        ident: &Ident,
        generics: &Generics,
        target: &TokenStream,
        cfgs: &[&syn::Attribute],
    ) -> TokenStream {
        let vis = &self.model.item.vis;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let phantom = phantom(generics).into_iter();
        quote! {
            #(#cfgs)*
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #vis struct #ident #generics (<Self as ::core::ops::Deref>::Target, #(#phantom)*) #where_clause;

            #(#cfgs)*
            impl #impl_generics ::core::ops::Deref for #ident #ty_generics #where_clause {
                type Target = #target;
                fn deref(&self) -> &Self::Target {
                    &self.0
                }
            }

            #(#cfgs)*
            impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Debug::fmt(&self.0, f)
                }
            }
        }
    }

    /// For a generic method: the field's type, holding every
    /// instantiation's child, with `of::<T>()`.
    fn generic_items(&self, method: &Method<'_>) -> TokenStream {
        let glue = self.glue(method);
        let (vis, rt, cfgs) = (&self.model.item.vis, &self.rt, &method.cfgs);
        let generics = &self.generics;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let ident = self.field_wrapper(method);
        let journal = glue.journal_type();
        let target = quote!(#rt::Generic<#journal>);
        let newtype = self.newtype(&ident, generics, &target, cfgs);
        let child_generics = child_generics(generics, method);
        let (_, child_ty_generics, _) = child_generics.split_for_impl();
        let child = self.child(method);
        let keyed = method
            .generics
            .keyed
            .iter()
            .map(|param| without_default(param));
        let keyed_where = keyed_predicates(method);
        let (method_type, key, answer, closure) = (
            glue.method_type(),
            glue.key_type(),
            glue.answer_type(),
            glue.closure_bound(),
        );
        let (type_args, render, default) = (glue.type_args(), glue.render(), glue.default());
        let (params, shown) = (glue.param_names(), glue.shown());
        let marker = marker_value(&child_generics);
        let turbofish: Vec<_> = method
            .generics
            .keyed
            .iter()
            .map(|param| generic_ident(param))
            .collect();
        let doc = format!(
            "The child mock of one instantiation, such as `.of::<{}>()`.",
            turbofish
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
        quote! {
            #newtype

            #(#cfgs)*
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc = #doc]
                // The answer type is bounded here and, often, by the method.
                #[allow(clippy::multiple_bound_locations)]
                #vis fn of<#(#keyed),*>(&self) -> #child #child_ty_generics
                where
                    #answer: #rt::SharedAnswer,
                    #method_type: ::core::marker::Send + ::core::marker::Sync,
                    #(#keyed_where,)*
                {
                    #child(
                        self.0.__of::<#key, #answer, dyn #closure + ::core::marker::Send + ::core::marker::Sync>(
                            #type_args,
                            |__autospec_core, __autospec_name| #rt::Method::__new(__autospec_core, __autospec_name, #params, #render, #default, #shown),
                        )
                        #marker
                    )
                }
            }
        }
    }

    /// A mock struct (the mock, or its class) with `Default`, `Clone`,
    /// `Debug` and `Mock`.
    /// The fields beside the child mocks: a class's instance, the first
    /// impl block's chain of further blocks, the `magic` traits.
    fn extras(&self, ident: &Ident, class: bool) -> Extras {
        let rt = &self.rt;
        let (_, ty_generics, _) = self.generics.split_for_impl();
        let mut extras = Extras::default();
        // The class keeps the instance its constructors hand out by default.
        if class {
            let mock = &self.model.mock;
            extras
                .fields
                .extend(quote!(__autospec_instance: #mock #ty_generics,));
            extras
                .fresh
                .extend(quote!(__autospec_instance: ::core::default::Default::default(),));
            extras.cloned.extend(
                quote!(__autospec_instance: ::core::clone::Clone::clone(&self.__autospec_instance),),
            );
        }
        let itself = !class && *ident == self.model.mock;
        // The first block of an impl mock holds the chain of further blocks.
        if self.parts && itself {
            let part = self.part_ident(2);
            extras.fields.extend(quote!(__autospec_part: #part,));
            extras
                .fresh
                .extend(quote!(__autospec_part: #rt::Part::__new(&__autospec_core),));
            extras.cloned.extend(
                quote!(__autospec_part: ::core::clone::Clone::clone(&self.__autospec_part),),
            );
            extras.pushed.extend(
                quote!(#rt::Part::__methods(&self.__autospec_part, &mut __autospec_methods);),
            );
        }
        // Only the mock itself has magic traits, not its class or a patch.
        if let Some(magic) = self.magic().filter(|_| itself) {
            extras.fields.extend(magic.field());
            extras.fresh.extend(magic.fresh());
            extras
                .cloned
                .extend(quote!(magic: ::core::clone::Clone::clone(&self.magic),));
            extras.pushed.extend(magic.pushes());
        }
        extras
    }

    fn mock_struct(
        &self,
        ident: &Ident,
        methods: &[&Method<'_>],
        doc: &str,
        class: bool,
    ) -> TokenStream {
        let hidden = class;
        let (vis, rt, krate) = (&self.model.item.vis, &self.rt, &self.krate);
        let generics = &self.generics;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let name = self.model.mock.to_string();
        let phantom = phantom(generics);
        let marker = marker_value(generics);
        let marker_field = phantom
            .as_ref()
            .map(|_| quote!(__autospec_marker: ::core::marker::PhantomData,));
        let fields = methods.iter().map(|method| {
            let (cfgs, field, ty) = (&method.cfgs, &method.sig.ident, self.field_type(method));
            let doc = format!(
                "The child mock of `{}`: configure its answers and assert on its calls.",
                method.name()
            );
            quote!(#(#cfgs)* #[doc = #doc] #vis #field: #ty,)
        });
        let fresh = methods.iter().map(|method| self.fresh_field(method));
        let cloned = methods.iter().map(|method| {
            let (cfgs, field) = (&method.cfgs, &method.sig.ident);
            let wrapper = self.field_wrapper(method);
            quote!(#(#cfgs)* #field: #wrapper(::core::clone::Clone::clone(&self.#field.0) #marker),)
        });
        let pushes = methods.iter().map(|method| {
            let (cfgs, field) = (&method.cfgs, &method.sig.ident);
            quote!(#(#cfgs)* __autospec_methods.push(&self.#field.0);)
        });
        let phantom = phantom.into_iter();
        let Extras {
            fields: extra_fields,
            fresh: extra_fresh,
            cloned: extra_cloned,
            pushed: extra_pushed,
        } = self.extras(ident, class);
        let hidden = if hidden {
            Some(quote!(#[doc(hidden)] #[allow(non_camel_case_types)]))
        } else {
            // A patch struct is named after its function.
            (*ident != self.model.mock).then(|| quote!(#[allow(non_camel_case_types)]))
        };
        quote! {
            #[doc = #doc]
            #hidden
            #vis struct #ident #generics #where_clause {
                #(#fields)*
                #extra_fields
                __autospec_core: #rt::Arc<#rt::MockCore>,
                #(__autospec_marker: #phantom,)*
            }

            impl #impl_generics ::core::default::Default for #ident #ty_generics #where_clause {
                fn default() -> Self {
                    let __autospec_core = #rt::MockCore::new(#name);
                    Self { #(#fresh)* #extra_fresh __autospec_core, #marker_field }
                }
            }

            impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
                fn clone(&self) -> Self {
                    Self {
                        #(#cloned)*
                        #extra_cloned
                        __autospec_core: ::core::clone::Clone::clone(&self.__autospec_core),
                        #marker_field
                    }
                }
            }

            impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #rt::fmt_mock(self, f)
                }
            }

            impl #impl_generics #krate::Mock for #ident #ty_generics #where_clause {
                fn __autospec_core(&self) -> &#rt::MockCore {
                    &self.__autospec_core
                }

                fn __autospec_methods(&self) -> ::std::vec::Vec<&dyn #rt::AnyMethod> {
                    #[allow(unused_mut)]
                    let mut __autospec_methods: ::std::vec::Vec<&dyn #rt::AnyMethod> = ::std::vec::Vec::new();
                    #(#pushes)*
                    #extra_pushed
                    __autospec_methods
                }
            }
        }
    }

    /// One field of a fresh mock: its name, how to render its journal, and
    /// its default answer, chosen here where the types are concrete.
    fn fresh_field(&self, method: &Method<'_>) -> TokenStream {
        let glue = self.glue(method);
        let (rt, cfgs, field) = (&self.rt, &method.cfgs, &method.sig.ident);
        let name = method.name();
        let render = glue.render();
        let (params, shown) = (glue.param_names(), glue.shown());
        let marker = marker_value(&self.generics);
        let wrapper = self.field_wrapper(method);
        if method.is_keyed() {
            quote! {
                #(#cfgs)*
                #field: #wrapper(#rt::Generic::__new(&__autospec_core, #name, #render) #marker),
            }
        } else {
            let default = glue.default();
            quote! {
                #(#cfgs)*
                #field: #wrapper(#rt::Method::__new(&__autospec_core, #name, #params, #render, #default, #shown) #marker),
            }
        }
    }

    /// `MockStore::class()`, for a trait with methods without `self`.
    fn class_items(&self, class: &Ident) -> TokenStream {
        let methods: Vec<_> = self.model.static_methods().collect();
        let doc = format!(
            "The class of `{}`: the child mocks of the methods without `self`.",
            self.model.mock
        );
        let items = self.mock_struct(class, &methods, &doc, true);
        let (krate, mock, vis) = (&self.krate, &self.model.mock, &self.model.item.vis);
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        quote! {
            #items

            impl #impl_generics #class #ty_generics #where_clause {
                /// The instance that constructors (`fn new(..) -> Self`,
                /// `-> Result<Self, E>`, ...) return while they have no other
                /// answer: configure it before the code under test builds
                /// it, assert on it afterwards. A handle to the same mock.
                #vis fn instance(&self) -> #mock #ty_generics {
                    ::core::clone::Clone::clone(&self.__autospec_instance)
                }
            }

            impl #impl_generics #krate::__private::HasClass for #mock #ty_generics #where_clause {
                type Class = #class #ty_generics;
            }

            impl #impl_generics #mock #ty_generics #where_clause {
                /// The class state of this mock on the current thread, until
                /// the guard drops: the child mocks of the methods without
                /// `self`. See [`Class`](#krate::Class).
                #vis fn class() -> #krate::Class<#class #ty_generics> {
                    #krate::Class::__install()
                }
            }
        }
    }

    /// `__autospec_MockClient_part2`: the type of the methods of a further
    /// impl block, `#[autospec(part = 2)]`.
    fn part_ident(&self, number: u8) -> Ident {
        format_ident!("__autospec_{}_part{}", self.model.mock, number)
    }

    /// The first block's end of the chain of parts. `MockClient` derefs to
    /// `__autospec_MockClient_part2`, and each part to the next one. A
    /// part's block defines its type; where no block does, the name
    /// resolves to the runtime's empty `NoPart` through a glob import,
    /// which an item of the same name shadows. That is how the first block
    /// works without knowing whether further blocks exist. (The one `use`
    /// autospec emits: only a glob import can be shadowed.)
    fn parts_fallback(&self) -> TokenStream {
        if !self.parts {
            return TokenStream::new();
        }
        let (rt, mock) = (&self.rt, &self.model.mock);
        let module = format_ident!("__autospec_{}_parts", mock);
        let names = (2..=MAX_PART).map(|number| self.part_ident(number));
        let first = self.part_ident(2);
        quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types, non_snake_case)]
            mod #module {
                #(pub type #names = #rt::NoPart;)*
            }

            #[allow(unused_imports)]
            use #module::*;

            impl ::core::ops::Deref for #mock {
                type Target = #first;
                fn deref(&self) -> &Self::Target {
                    &self.__autospec_part
                }
            }
        }
    }

    /// A further impl block, `#[autospec(part = N)]`: the child mocks of
    /// its methods in a type that the previous part derefs to, and the
    /// methods themselves as inherent methods of the mock.
    fn part_items(&self, number: u8) -> TokenStream {
        let (rt, vis) = (&self.rt, &self.model.item.vis);
        let part = self.part_ident(number);
        let methods: Vec<_> = self.model.instance_methods().collect();
        let fields = methods.iter().map(|method| {
            let (cfgs, field, ty) = (&method.cfgs, &method.sig.ident, self.field_type(method));
            let doc = format!("The child mock of `{}`.", method.name());
            quote!(#(#cfgs)* #[doc = #doc] #vis #field: #ty,)
        });
        let fresh = methods.iter().map(|method| self.fresh_field(method));
        let cloned = methods.iter().map(|method| {
            let (cfgs, field, wrapper) =
                (&method.cfgs, &method.sig.ident, self.field_wrapper(method));
            quote!(#(#cfgs)* #field: #wrapper(::core::clone::Clone::clone(&self.#field.0)),)
        });
        let pushes = methods.iter().map(|method| {
            let (cfgs, field) = (&method.cfgs, &method.sig.ident);
            quote!(#(#cfgs)* __autospec_methods.push(&self.#field.0);)
        });
        // The last part ends the chain; a part after a missing one would
        // be unreachable, so each part asks for the one before it.
        let next = if number < MAX_PART {
            self.part_ident(number + 1).to_token_stream()
        } else {
            quote!(#rt::NoPart)
        };
        // How the mock's methods reach this part: through the parts before
        // it, each of which must exist (`RealPart` says so when one does
        // not, in one error rather than one per method).
        let mock = &self.model.mock;
        let mut reach = quote!(&__autospec_mock.__autospec_part);
        for _ in 2..number {
            reach = quote!(#rt::RealPart::__next(#reach));
        }
        let mut tokens = quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            pub struct #part {
                #(#fields)*
                __autospec_next: #next,
            }

            impl #rt::Part for #part {
                fn __new(__autospec_core: &#rt::Arc<#rt::MockCore>) -> Self {
                    Self { #(#fresh)* __autospec_next: #rt::Part::__new(__autospec_core) }
                }

                fn __methods<'__autospec>(&'__autospec self, __autospec_methods: &mut ::std::vec::Vec<&'__autospec dyn #rt::AnyMethod>) {
                    #(#pushes)*
                    #rt::Part::__methods(&self.__autospec_next, __autospec_methods);
                }
            }

            impl #rt::RealPart for #part {
                type Next = #next;
                fn __next(&self) -> &#next {
                    &self.__autospec_next
                }
            }

            impl #part {
                fn __autospec_of(__autospec_mock: &#mock) -> &Self {
                    #reach
                }
            }

            impl ::core::clone::Clone for #part {
                fn clone(&self) -> Self {
                    Self { #(#cloned)* __autospec_next: ::core::clone::Clone::clone(&self.__autospec_next) }
                }
            }

            impl ::core::ops::Deref for #part {
                type Target = #next;
                fn deref(&self) -> &Self::Target {
                    &self.__autospec_next
                }
            }

        };
        for method in &self.model.methods {
            tokens.extend(self.child_items(method));
            if method.is_keyed() {
                tokens.extend(self.generic_items(method));
            }
        }
        tokens.extend(self.callable_items());
        tokens.extend(self.trait_impl());
        tokens
    }

    /// A free function with its patch hook, and the struct of its name
    /// that `patch!` installs.
    fn patch_items(&self, item_fn: &syn::ItemFn) -> TokenStream {
        let Some(method) = self.model.methods.first() else {
            return item_fn.to_token_stream();
        };
        let (ident, vis) = (&item_fn.sig.ident, &item_fn.vis);
        let mut tokens = self.patch_struct(ident, method, vis);
        let krate = &self.krate;
        tokens.extend(quote! {
            impl #ident {
                #[doc(hidden)]
                #vis fn __autospec_patch() -> #krate::Class<#ident> {
                    #krate::Class::__install_patch()
                }

                #[doc(hidden)]
                #vis fn __autospec_patch_shared() -> #krate::SharedClass<#ident> {
                    <#ident as #krate::ClassShared>::class_shared()
                }
            }
        });
        let is_async = item_fn.sig.asyncness.is_some();
        let glue = Glue::new(method, &self.rt, &self.map, is_async);
        let sig = glue.signature();
        let original = Self::original(item_fn, method, glue.names());
        let hook = self.hook(&glue, method, ident, None, original.as_ref());
        let rebind =
            item_fn
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
        tokens.extend(quote! {
            #(#attrs)*
            #vis #sig {
                #hook
                #(#rebind)*
                #block
            }
        });
        tokens
    }

    /// `{ fn __autospec_original(..) { body } __autospec_original(args) }`:
    /// the call of a copy of the function, for a patch's `calls_original()`
    /// once the hook has converted the arguments (`impl Into<String>` to
    /// `String`); the copy's `impl Into<String>` takes the `String` as
    /// well. `None` where the copy could not stand in: a return type with
    /// `impl Trait` would differ from the body's.
    fn original(
        item_fn: &syn::ItemFn,
        method: &Method<'_>,
        names: &[Ident],
    ) -> Option<TokenStream> {
        use crate::model::Ret;
        if matches!(method.ret, Ret::Opaque(_) | Ret::Iter(_) | Ret::Callable(_)) {
            return None;
        }
        let mut copy = item_fn.clone();
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
    fn patch_struct(&self, ident: &Ident, method: &Method<'_>, vis: &Visibility) -> TokenStream {
        let krate = &self.krate;
        let doc = format!(
            "The patch of `{}`: `patch!` installs it; it dereferences to the function's child mock.",
            method.name()
        );
        let mut tokens = self.mock_struct(ident, &[method], &doc, false);
        tokens.extend(self.child_items(method));
        if method.is_keyed() {
            tokens.extend(self.generic_items(method));
        }
        let (field, field_type) = (&method.sig.ident, self.field_type(method));
        let function = if self.model.mock == "patch" {
            method.name()
        } else {
            format!("{}::{}", self.model.mock, method.name())
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
        &self,
        glue: &Glue<'_, '_>,
        method: &Method<'_>,
        patch: &Ident,
        bind: Option<&TokenStream>,
        original: Option<&TokenStream>,
    ) -> TokenStream {
        let rt = &self.rt;
        let answer = glue.body(&quote!(__autospec_patch), None);
        let converts = method.params.iter().any(|param| {
            matches!(
                param.kind,
                crate::model::ParamKind::Into(_) | crate::model::ParamKind::Collect(_)
            )
        });
        let hook = match (converts, original) {
            // The arguments were converted and the body cannot take them.
            (true, None) => quote!(return #answer;),
            (true, Some(original)) => {
                let (conversions, passes) =
                    (glue.conversions(), Self::passes_through(glue, method));
                quote! {
                    #conversions
                    if !#passes {
                        return #answer;
                    }
                    return #original;
                }
            }
            (false, _) => {
                let passes = Self::passes_through(glue, method);
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

    /// `true` (having journaled the call) when the patch lets the original
    /// answer: `calls_original()` is on and no answer is configured for
    /// this call (for this instantiation, of a generic function).
    fn passes_through(glue: &Glue<'_, '_>, method: &Method<'_>) -> TokenStream {
        let (field, journal) = (&method.sig.ident, glue.journal());
        let record = if method.is_keyed() {
            let (key, answer, closure, type_args) = (
                glue.key_type(),
                glue.answer_type(),
                glue.closure_bound(),
                glue.type_args(),
            );
            quote! {
                match __autospec_patch.#field.0.__find::<#key, #answer, dyn #closure + ::core::marker::Send + ::core::marker::Sync>() {
                    ::core::option::Option::Some(__autospec_method) if __autospec_method.__has_answer() => false,
                    ::core::option::Option::Some(__autospec_method) => {
                        __autospec_method.__record(#journal);
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

    /// `as_fn()`, for a mock whose spec has a `call` method it can turn
    /// into a closure (Python's callable `Mock`); other mocks have none.
    fn callable_items(&self) -> TokenStream {
        let Some(method) = self
            .model
            .instance_methods()
            .find(|method| method.name() == "call")
        else {
            return TokenStream::new();
        };
        let closable = !method.is_keyed()
            && method.generics.erased.is_empty()
            && method.sig.generics.lifetimes().next().is_none()
            && method.wrap == crate::model::Wrap::Direct
            && matches!(
                method.ret,
                crate::model::Ret::Unit | crate::model::Ret::Owned(_)
            )
            && method.params.iter().all(|param| {
                crate::queries::Mentions::of(param.ty, &method.scope(&self.model.item.generics))
                    .impl_trait
                    .is_none()
            });
        let Some(receiver) = method.sig.receiver().filter(|_| closable) else {
            return TokenStream::new();
        };
        let (vis, mock) = (&self.model.item.vis, &self.model.mock);
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let names: Vec<Ident> = (0..method.params.len())
            .map(|i| format_ident!("__autospec_arg{}", i))
            .collect();
        let types: Vec<Type> = method
            .params
            .iter()
            .map(|param| self.map.replace(param.ty))
            .collect();
        let output = match &method.sig.output {
            syn::ReturnType::Default => TokenStream::new(),
            syn::ReturnType::Type(arrow, ty) => {
                let ty = self.map.replace(ty);
                quote!(#arrow #ty)
            }
        };
        let call = if self.model.inherent.is_some() {
            quote!(Self::call)
        } else {
            let path = &self.model.path;
            quote!(<Self as #path>::call)
        };
        let (kind, binding, handle) = match &receiver.kind {
            syn::ReceiverKind::Reference(_, _, None) => (
                quote!(Fn),
                quote!(__autospec_mock),
                quote!(&__autospec_mock),
            ),
            syn::ReceiverKind::Reference(_, _, Some(_)) => (
                quote!(FnMut),
                quote!(mut __autospec_mock),
                quote!(&mut __autospec_mock),
            ),
            syn::ReceiverKind::Value => (
                quote!(Fn),
                quote!(__autospec_mock),
                quote!(::core::clone::Clone::clone(&__autospec_mock)),
            ),
            _ => return TokenStream::new(),
        };
        quote! {
            #[allow(dead_code)]
            impl #impl_generics #mock #ty_generics #where_clause {
                /// A closure that calls this mock's `call` (a handle to the
                /// same mock: its calls land in `self.call`).
                #vis fn as_fn(&self) -> impl ::core::ops::#kind(#(#types),*) #output {
                    let #binding = ::core::clone::Clone::clone(self);
                    move |#(#names: #types),*| #call(#handle, #(#names),*)
                }
            }
        }
    }

    fn trait_impl(&self) -> TokenStream {
        let item = self.model.item;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let (unsafety, path, mock) = (&item.unsafety, &self.model.path, &self.model.mock);
        let async_trait = self.model.async_trait_attr;
        let types = self
            .map
            .assoc
            .iter()
            .map(|(ident, value)| quote!(type #ident = #value;));
        let consts = self.model.consts.iter().filter_map(|constant| {
            let (ident, ty) = (&constant.item.ident, self.map.replace(&constant.item.ty));
            match (constant.given, &constant.item.default) {
                (Some(value), _) => Some(quote!(const #ident: #ty = #value;)),
                (None, Some(_)) => None,
                (None, None) => Some(quote!(const #ident: #ty = #ident;)),
            }
        });
        if let Some(inherent) = &self.model.inherent {
            let methods = self
                .model
                .methods
                .iter()
                .zip(&inherent.visibilities)
                .map(|(method, vis)| {
                    let doc = format!(
                        "Mock of `{}::{}`: journals the call in the child mock `{}` and answers from it.",
                        self.model.item.ident,
                        method.name(),
                        method.name()
                    );
                    let method = self.trait_method(method, Some(vis));
                    quote!(#[doc = #doc] #method)
                });
            let consts = &inherent.consts;
            return quote! {
                // The lints judge the user's impl, which these methods copy.
                #[allow(dead_code, clippy::missing_errors_doc, clippy::missing_panics_doc, clippy::must_use_candidate, clippy::new_without_default, clippy::needless_pass_by_value)]
                impl #impl_generics #mock #ty_generics #where_clause {
                    #(#consts)*
                    #(#methods)*
                }
            };
        }
        let methods = self
            .model
            .methods
            .iter()
            .map(|method| self.trait_method(method, None));
        quote! {
            #async_trait
            #unsafety impl #impl_generics #path for #mock #ty_generics #where_clause {
                #(#types)*
                #(#consts)*
                #(#methods)*
            }
        }
    }

    /// The trait method: journal the arguments, then answer.
    fn trait_method(&self, method: &Method<'_>, vis: Option<&Visibility>) -> TokenStream {
        let glue = self.glue(method);
        let (sig, cfgs) = (glue.signature(), &method.cfgs);
        let body = match &self.class {
            Some(class) if method.is_static => {
                let (rt, (_, ty_generics, _)) = (&self.rt, self.generics.split_for_impl());
                let instance = quote!(::core::clone::Clone::clone(
                    &__autospec_class.__autospec_instance
                ));
                let fallback = (!method.is_keyed())
                    .then(|| self_constructor(method, &instance))
                    .flatten();
                let body = glue.body(&quote!(__autospec_class), fallback);
                quote!({
                    let __autospec_class = #rt::class::<#class #ty_generics>();
                    #body
                })
            }
            _ if self.runs_default(method) => glue.body_with_default(&self.default_helper(method)),
            _ => glue.body(self.owner.as_ref().unwrap_or(&quote!(self)), None),
        };
        quote!(#(#cfgs)* #vis #sig #body)
    }
}

impl ToTokens for TraitMock<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let methods: Vec<_> = self.model.instance_methods().collect();
        let doc = format!(
            "Mock of the `{}` trait, generated by `#[autospec]`.",
            self.model.item.ident
        );
        tokens.extend(self.mock_struct(&self.model.mock, &methods, &doc, false));
        for method in &self.model.methods {
            tokens.extend(self.child_items(method));
            if method.is_keyed() {
                tokens.extend(self.generic_items(method));
            }
        }
        if let Some(class) = &self.class {
            tokens.extend(self.class_items(class));
        }
        tokens.extend(self.callable_items());
        if self.spies {
            // `wrapping` is generic, so it costs type checking and metadata
            // in every build of the mock's crate: only on request.
            if self.spy {
                tokens.extend(self.wrapping());
            } else {
                tokens.extend(self.no_wrapping());
            }
            tokens.extend(self.defaults_trait());
        }
        tokens.extend(self.trait_impl());
        if let Some(magic) = self.magic() {
            tokens.extend(magic.struct_items());
            tokens.extend(magic.impls());
        }
    }
}

/// For a constructor (`-> Self`, `Result<Self, E>`, `Option<Self>`,
/// `Box<Self>`, `Arc<Self>`, `Rc<Self>`), its answer built from the class's
/// instance.
fn self_constructor(method: &Method<'_>, instance: &TokenStream) -> Option<TokenStream> {
    let crate::model::Ret::Owned(ty) = &method.ret else {
        return None;
    };
    let is_self = |ty: &Type| matches!(crate::queries::ungroup(ty), Type::Path(path) if path.qself.is_none() && path.path.is_ident("Self"));
    if is_self(ty) {
        return Some(instance.clone());
    }
    let Type::Path(path) = crate::queries::ungroup(ty) else {
        return None;
    };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(first)) = args.args.first() else {
        return None;
    };
    if !is_self(first) {
        return None;
    }
    match last.ident.to_string().as_str() {
        "Result" => Some(quote!(::core::result::Result::Ok(#instance))),
        "Option" => Some(quote!(::core::option::Option::Some(#instance))),
        "Box" => Some(quote!(::std::boxed::Box::new(#instance))),
        "Arc" => Some(quote!(::std::sync::Arc::new(#instance))),
        "Rc" => Some(quote!(::std::rc::Rc::new(#instance))),
        _ => None,
    }
}

/// The trait's generics plus one parameter per associated type or const
/// the attribute does not fix; and what `Self::Name` becomes.
fn mock_generics(model: &Trait<'_>) -> (Generics, Vec<(Ident, Type)>) {
    let mut generics = model.item.generics.clone();
    let mut assoc = Vec::new();
    let used = first_segments(model.item);
    for ty in &model.types {
        let ident = &ty.item.ident;
        if let Some(given) = ty.given {
            assoc.push((ident.clone(), given.clone()));
        } else {
            // `type Future: Future<..>`: a parameter named `Future` would
            // shadow the trait it is bounded by.
            let param = if used.contains(ident) {
                format_ident!("{}Type", ident)
            } else {
                ident.clone()
            };
            let bounds = &ty.item.bounds;
            generics.params.push(syn::parse_quote!(#param: #bounds));
            assoc.push((ident.clone(), syn::parse_quote!(#param)));
        }
    }
    for constant in &model.consts {
        if constant.given.is_none() && constant.item.default.is_none() {
            let (ident, ty) = (&constant.item.ident, &constant.item.ty);
            generics.params.push(syn::parse_quote!(const #ident: #ty));
        }
    }
    // Class state and per-instantiation children are found by `TypeId`.
    if model
        .methods
        .iter()
        .any(|method| method.is_static || method.is_keyed())
    {
        for param in generics.type_params_mut() {
            param.bounds.push(syn::parse_quote!('static));
        }
    }
    (generics, assoc)
}

/// The supertrait that declares the associated types the trait uses but
/// does not declare: the only supertrait that is not a marker.
fn assoc_owner(model: &Trait<'_>) -> TokenStream {
    const MARKERS: &[&str] = &[
        "Send",
        "Sync",
        "Sized",
        "Unpin",
        "Copy",
        "Clone",
        "Debug",
        "Display",
        "Default",
        "PartialEq",
        "Eq",
        "PartialOrd",
        "Ord",
        "Hash",
        "Any",
    ];
    let mut candidates = model
        .item
        .supertraits
        .iter()
        .filter_map(|bound| match bound {
            syn::TypeParamBound::Trait(bound) => bound
                .path
                .segments
                .last()
                .filter(|last| !MARKERS.iter().any(|marker| last.ident == marker))
                .map(|_| bound.path.to_token_stream()),
            _ => None,
        });
    match (candidates.next(), candidates.next()) {
        (Some(only), None) => only,
        _ => model.path.to_token_stream(),
    }
}

/// Every name a path in the trait starts with (`Future` in
/// `Future<Output = T>`), to keep the mock's parameters from shadowing them.
fn first_segments(item: &ItemTrait) -> Vec<Ident> {
    struct Firsts(Vec<Ident>);
    impl<'v> syn::visit::Visit<'v> for Firsts {
        fn visit_path(&mut self, path: &'v Path) {
            if let Some(first) = path.segments.first() {
                self.0.push(first.ident.clone());
            }
            syn::visit::visit_path(self, path);
        }
    }
    let mut firsts = Firsts(Vec::new());
    syn::visit::Visit::visit_item_trait(&mut firsts, item);
    firsts.0
}

/// Replaces `Self::Name` in the bounds of the mock's parameters.
fn map_bounds(mut generics: Generics, map: &SelfMap) -> Generics {
    for param in generics.type_params_mut() {
        param.bounds = map.replace_in_bounds(&param.bounds);
    }
    for param in generics.const_params_mut() {
        param.ty = map.replace(&param.ty);
    }
    generics
}

/// The child's generics: the mock's, plus a generic method's keyed parameters.
fn child_generics(mock: &Generics, method: &Method<'_>) -> Generics {
    let mut generics = mock.clone();
    for param in &method.generics.keyed {
        generics.params.push(without_default(param));
    }
    let predicates = keyed_predicates(method);
    if !predicates.is_empty() {
        generics.make_where_clause().predicates.extend(predicates);
    }
    generics
}

fn without_default(param: &GenericParam) -> GenericParam {
    let mut param = param.clone();
    match &mut param {
        GenericParam::Type(ty) => ty.default = None,
        GenericParam::Const(constant) => constant.default = None,
        GenericParam::Lifetime(_) => {}
    }
    param
}

/// The method's where-clause predicates that bound only its keyed parameters.
fn keyed_predicates(method: &Method<'_>) -> Vec<WherePredicate> {
    let scope = Scope {
        keyed: method.generics.keyed_idents(),
        erased: &method.generics.erased,
        lifetimes: Vec::new(),
        unclonable: Vec::new(),
    };
    let Some(clause) = &method.sig.generics.where_clause else {
        return Vec::new();
    };
    clause
        .predicates
        .iter()
        .filter(|predicate| match predicate {
            WherePredicate::Type(typed) => {
                let mentions = Mentions::of(&typed.bounded_ty, &scope);
                mentions.keyed.is_some()
                    && !mentions.erased_generic()
                    && mentions.lifetime.is_none()
            }
            _ => false,
        })
        .cloned()
        .collect()
}

/// `, PhantomData` after a wrapper's content, when it has a marker.
fn marker_value(generics: &Generics) -> Option<TokenStream> {
    phantom(generics).map(|_| quote!(, ::core::marker::PhantomData))
}

/// `PhantomData<fn() -> (T, &'a (),)>` over the type and lifetime
/// parameters, so that every generated type may carry all of them; `None`
/// when there are none.
fn phantom(generics: &Generics) -> Option<TokenStream> {
    let parts: Vec<TokenStream> = generics
        .params
        .iter()
        .filter_map(|param| match param {
            GenericParam::Type(ty) => Some(ty.ident.to_token_stream()),
            GenericParam::Lifetime(lifetime) => {
                let lifetime = &lifetime.lifetime;
                Some(quote!(&#lifetime ()))
            }
            GenericParam::Const(_) => None,
        })
        .collect();
    (!parts.is_empty()).then(|| quote!(::core::marker::PhantomData<fn() -> (#(#parts,)*)>))
}
