//! Expansion: turns a validated model into the mock. Cannot fail.
//!
//! Everything generated names the runtime through `#krate::__private` and
//! std through `::core`/`::std`, so it never depends on the user's imports.
//! Private generated names start with `__autospec_`.

use crate::attr::Args;
use crate::model::{Method, ParamKind, Ret, Trait};
use crate::rewrite::{journal_type, owned, replace_self};
use crate::validate;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{FnArg, GenericParam, Item, Pat, PatIdent, Signature, Type};

/// The entry point: parse, validate, expand; on error, the error plus the
/// unchanged item, so the user sees the error and nothing else.
pub(crate) fn autospec(args: TokenStream, item: TokenStream) -> TokenStream {
    let args = match syn::parse2::<Args>(args) {
        Ok(args) => args,
        Err(error) => return with_error(error, item),
    };
    let parsed = match syn::parse2::<Item>(item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => return with_error(error, item),
    };
    match &parsed {
        Item::Trait(item_trait) => {
            let model = Trait::from_syn(item_trait);
            match validate::check_trait(&model) {
                Ok(()) => {
                    let mock = TraitMock::new(&model, &args);
                    quote!(#item_trait #mock)
                }
                // No stub mock beside the error: rustc suppresses the
                // follow-on "cannot find `MockStore`" errors once a
                // `compile_error!` is present, while a stub without the
                // trait's fields and impls adds errors of its own (pinned by
                // ui-tests/tests/ui/cascade).
                Err(error) => with_error(error, item_trait.to_token_stream()),
            }
        }
        other => with_error(unsupported_item(other), item),
    }
}

fn with_error(error: syn::Error, mut item: TokenStream) -> TokenStream {
    item.extend(error.into_compile_error());
    item
}

fn unsupported_item(item: &Item) -> syn::Error {
    let what = match item {
        Item::Struct(_) => "a struct",
        Item::Enum(_) => "an enum",
        Item::Union(_) => "a union",
        Item::Const(_) => "a const",
        Item::Static(_) => "a static",
        Item::Impl(_) => "an impl block (not supported yet)",
        Item::Fn(_) => "a free function (not supported yet)",
        Item::Mod(_) => "a module",
        Item::Type(_) => "a type alias",
        _ => "this item",
    };
    let message = format!("#[autospec] mocks a trait; it cannot mock {what}. Put it on the trait that the code under test uses");
    syn::Error::new_spanned(item_keyword(item), message)
}

/// The keyword that names the item's kind, for a short error span.
fn item_keyword(item: &Item) -> TokenStream {
    match item {
        Item::Struct(s) => s.struct_token.to_token_stream(),
        Item::Enum(e) => e.enum_token.to_token_stream(),
        Item::Union(u) => u.union_token.to_token_stream(),
        Item::Impl(i) => i.impl_token.to_token_stream(),
        Item::Fn(f) => f.sig.fn_token.to_token_stream(),
        Item::Const(c) => c.const_token.to_token_stream(),
        Item::Static(s) => s.static_token.to_token_stream(),
        Item::Mod(m) => m.mod_token.to_token_stream(),
        Item::Type(t) => t.type_token.to_token_stream(),
        other => other.to_token_stream(),
    }
}

/// The path generated code reaches the runtime through.
fn runtime(args: &Args) -> TokenStream {
    let krate = krate(args);
    quote!(#krate::__private)
}

/// `::autospec`, or the path given with `#[autospec(crate = path)]`.
fn krate(args: &Args) -> TokenStream {
    args.krate
        .as_ref()
        .map_or_else(|| quote!(::autospec), ToTokens::to_token_stream)
}

/// The whole mock of one trait.
struct TraitMock<'a> {
    model: &'a Trait<'a>,
    rt: TokenStream,
    krate: TokenStream,
    /// `MockStore<T>`, for `Self` outside the trait impl.
    self_ty: Type,
    /// `PhantomData` over the trait's type and lifetime parameters, if any.
    phantom: Option<TokenStream>,
}

impl<'a> TraitMock<'a> {
    fn new(model: &'a Trait<'a>, args: &Args) -> Self {
        let (_, ty_generics, _) = model.item.generics.split_for_impl();
        let mock = &model.mock;
        let self_ty: Type = syn::parse_quote!(#mock #ty_generics);
        TraitMock {
            model,
            rt: runtime(args),
            krate: krate(args),
            self_ty,
            phantom: phantom(model),
        }
    }

    /// `, PhantomData` after a wrapper's `Method`, for a generic trait.
    fn marker_value(&self) -> Option<TokenStream> {
        self.phantom
            .as_ref()
            .map(|_| quote!(, ::core::marker::PhantomData))
    }

    fn wrapper(&self, method: &Method<'_>) -> Ident {
        format_ident!("__autospec_{}_{}", self.model.mock, method.name())
    }

    /// `Method<(journal types), R, dyn for<'a> Fn(params) -> R + Send + Sync>`.
    fn method_type(&self, method: &Method<'_>) -> TokenStream {
        let rt = &self.rt;
        let journal = method
            .params
            .iter()
            .map(|param| journal_type(param, &self.self_ty));
        let answer = self.answer_type(method);
        let closure = self.closure_bound(method);
        quote!(#rt::Method<(#(#journal,)*), #answer, dyn #closure + ::core::marker::Send + ::core::marker::Sync>)
    }

    /// What an answer produces: the return type, or the owned form of a returned `&T`.
    fn answer_type(&self, method: &Method<'_>) -> TokenStream {
        match &method.ret {
            Ret::Unit => quote!(()),
            Ret::Owned(ty) => replace_self(ty, &self.self_ty).into_token_stream(),
            Ret::Borrowed { reference, .. } => owned(&replace_self(&reference.elem, &self.self_ty)),
        }
    }

    /// `for<'a> Fn(&'a str, u32) -> R`: the signature of a `returns_with` closure.
    fn closure_bound(&self, method: &Method<'_>) -> TokenStream {
        let lifetimes: Vec<_> = method
            .sig
            .generics
            .lifetimes()
            .map(|param| &param.lifetime)
            .collect();
        let binder = (!lifetimes.is_empty()).then(|| quote!(for<#(#lifetimes),*>));
        let params = method
            .params
            .iter()
            .map(|param| replace_self(param.ty, &self.self_ty));
        let output = (!matches!(method.ret, Ret::Unit)).then(|| {
            let answer = self.answer_type(method);
            quote!(-> #answer)
        });
        quote!(#binder ::core::ops::Fn(#(#params),*) #output)
    }

    /// The child-mock type of one method: a newtype over `Method` that adds
    /// the `returns_with` whose closure parameters Rust can infer.
    fn method_items(&self, method: &Method<'_>) -> TokenStream {
        let vis = &self.model.item.vis;
        let (impl_generics, ty_generics, where_clause) = self.model.item.generics.split_for_impl();
        let generics = &self.model.item.generics;
        let cfgs = &method.cfgs;
        let wrapper = self.wrapper(method);
        let method_type = self.method_type(method);
        let closure = self.closure_bound(method);
        let phantom = self.phantom.iter();
        let rt = &self.rt;
        quote! {
            #(#cfgs)*
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #vis struct #wrapper #generics (<Self as ::core::ops::Deref>::Target, #(#phantom)*) #where_clause;

            #(#cfgs)*
            impl #impl_generics ::core::ops::Deref for #wrapper #ty_generics #where_clause {
                type Target = #method_type;
                fn deref(&self) -> &Self::Target {
                    &self.0
                }
            }

            #(#cfgs)*
            impl #impl_generics ::core::fmt::Debug for #wrapper #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Debug::fmt(&self.0, f)
                }
            }

            #(#cfgs)*
            impl #impl_generics #wrapper #ty_generics #where_clause {
                /// Answers every later call with the closure's result; the
                /// closure receives the call's arguments.
                #vis fn returns_with<__AutospecAnswer>(&self, answer: __AutospecAnswer)
                where
                    __AutospecAnswer: #closure + ::core::marker::Send + ::core::marker::Sync + 'static,
                {
                    self.0.__returns_with(#rt::Box::new(answer));
                }
            }
        }
    }

    fn mock_struct(&self) -> TokenStream {
        let item = self.model.item;
        let (vis, mock, generics) = (&item.vis, &self.model.mock, &item.generics);
        let where_clause = &generics.where_clause;
        let doc = format!(
            "Mock of the `{}` trait, generated by `#[autospec]`.",
            item.ident
        );
        let fields = self.model.methods.iter().map(|method| {
            let (cfgs, field, wrapper) = (&method.cfgs, &method.sig.ident, self.wrapper(method));
            let (_, ty_generics, _) = generics.split_for_impl();
            let doc = format!(
                "The child mock of `{}`: configure its answers and assert on its calls.",
                method.name()
            );
            quote!(#(#cfgs)* #[doc = #doc] #vis #field: #wrapper #ty_generics,)
        });
        let (rt, phantom) = (&self.rt, self.phantom.iter());
        quote! {
            #[doc = #doc]
            #vis struct #mock #generics #where_clause {
                #(#fields)*
                __autospec_core: #rt::Arc<#rt::MockCore>,
                #(__autospec_marker: #phantom,)*
            }
        }
    }

    /// `Default` builds a fresh mock; `Clone` a handle to the same one.
    fn std_impls(&self) -> TokenStream {
        let (impl_generics, ty_generics, where_clause) = self.model.item.generics.split_for_impl();
        let (rt, mock) = (&self.rt, &self.model.mock);
        let name = mock.to_string();
        let marker_field = self
            .phantom
            .as_ref()
            .map(|_| quote!(__autospec_marker: ::core::marker::PhantomData,));
        let fresh = self
            .model
            .methods
            .iter()
            .map(|method| self.fresh_field(method));
        let cloned = self.model.methods.iter().map(|method| {
            let (cfgs, field, wrapper) = (&method.cfgs, &method.sig.ident, self.wrapper(method));
            let marker = self.marker_value();
            quote!(#(#cfgs)* #field: #wrapper(::core::clone::Clone::clone(&self.#field.0) #marker),)
        });
        quote! {
            impl #impl_generics ::core::default::Default for #mock #ty_generics #where_clause {
                fn default() -> Self {
                    let __autospec_core = #rt::MockCore::new(#name);
                    Self { #(#fresh)* __autospec_core, #marker_field }
                }
            }

            impl #impl_generics ::core::clone::Clone for #mock #ty_generics #where_clause {
                fn clone(&self) -> Self {
                    Self {
                        #(#cloned)*
                        __autospec_core: ::core::clone::Clone::clone(&self.__autospec_core),
                        #marker_field
                    }
                }
            }

            impl #impl_generics ::core::fmt::Debug for #mock #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #rt::fmt_mock(self, f)
                }
            }
        }
    }

    /// One field of a fresh mock: its name, how to render its journal, and
    /// its default answer, chosen here where the types are concrete.
    fn fresh_field(&self, method: &Method<'_>) -> TokenStream {
        let (rt, cfgs, field, wrapper) = (
            &self.rt,
            &method.cfgs,
            &method.sig.ident,
            self.wrapper(method),
        );
        let name = method.name();
        let renders = (0..method.params.len()).map(|i| {
            let index = syn::Index::from(i);
            quote!(#rt::Render::new(&__autospec_args.#index).as_debug())
        });
        let answer = self.answer_type(method);
        let marker = self.marker_value();
        quote! {
            #(#cfgs)*
            #field: #wrapper(
                #rt::Method::__new(
                    &__autospec_core,
                    #name,
                    |__autospec_args| #rt::debug_texts(&[#(#renders),*]),
                    #rt::DefaultOf::<#answer>::new().get(),
                )
                #marker
            ),
        }
    }

    fn mock_impl(&self) -> TokenStream {
        let (impl_generics, ty_generics, where_clause) = self.model.item.generics.split_for_impl();
        let (rt, krate, mock) = (&self.rt, &self.krate, &self.model.mock);
        let pushes = self.model.methods.iter().map(|method| {
            let (cfgs, field) = (&method.cfgs, &method.sig.ident);
            quote!(#(#cfgs)* __autospec_methods.push(&self.#field.0);)
        });
        quote! {
            impl #impl_generics #krate::Mock for #mock #ty_generics #where_clause {
                fn __autospec_core(&self) -> &#rt::MockCore {
                    &self.__autospec_core
                }

                fn __autospec_methods(&self) -> ::std::vec::Vec<&dyn #rt::AnyMethod> {
                    #[allow(unused_mut)]
                    let mut __autospec_methods: ::std::vec::Vec<&dyn #rt::AnyMethod> = ::std::vec::Vec::new();
                    #(#pushes)*
                    __autospec_methods
                }
            }
        }
    }

    fn trait_impl(&self) -> TokenStream {
        let item = self.model.item;
        let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
        let (unsafety, ident, mock) = (&item.unsafety, &item.ident, &self.model.mock);
        let methods = self
            .model
            .methods
            .iter()
            .map(|method| self.trait_method(method));
        quote! {
            #unsafety impl #impl_generics #ident #ty_generics for #mock #ty_generics #where_clause {
                #(#methods)*
            }
        }
    }

    /// The trait method: journal the arguments, then answer.
    fn trait_method(&self, method: &Method<'_>) -> TokenStream {
        let (sig, names) = renamed_signature(method.sig);
        let (cfgs, field) = (&method.cfgs, &method.sig.ident);
        let journal = method
            .params
            .iter()
            .zip(&names)
            .map(|(param, name)| match param.kind {
                // Spanned on the parameter's type, so that a type without
                // `Clone` is reported there rather than on the attribute.
                ParamKind::Owned => {
                    let span = param.ty.span();
                    let name = Ident::new(&name.to_string(), span);
                    quote_spanned!(span=> ::core::clone::Clone::clone(&#name))
                }
                ParamKind::Borrowed(_) => quote!(::std::borrow::ToOwned::to_owned(&*#name)),
                ParamKind::OptionBorrowed(_) => {
                    let rt = &self.rt;
                    quote!(#rt::own_option(&#name))
                }
            });
        let args = quote!((#(#journal,)*), |__autospec_answer| __autospec_answer(#(#names),*));
        let body = match &method.ret {
            Ret::Unit | Ret::Owned(_) => quote!(self.#field.__call(#args)),
            Ret::Borrowed {
                from_self: true, ..
            } => {
                quote!(::core::borrow::Borrow::borrow(self.#field.__call_ref(#args)))
            }
            Ret::Borrowed {
                from_self: false, ..
            } => {
                quote!(::core::borrow::Borrow::borrow(self.#field.__call_leak(#args)))
            }
        };
        quote!(#(#cfgs)* #sig { #body })
    }
}

impl ToTokens for TraitMock<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.mock_struct());
        for method in &self.model.methods {
            tokens.extend(self.method_items(method));
        }
        tokens.extend(self.std_impls());
        tokens.extend(self.mock_impl());
        tokens.extend(self.trait_impl());
    }
}

/// `PhantomData<fn() -> (T, &'a (),)>` over the trait's type and lifetime
/// parameters, so that every generated type may carry all of them; `None`
/// for a trait without them.
fn phantom(model: &Trait<'_>) -> Option<TokenStream> {
    let parts: Vec<TokenStream> = model
        .item
        .generics
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

/// The trait's signature with every parameter pattern replaced by a plain
/// name, since patterns such as `(a, b): (u8, u8)` or `_: u32` cannot be
/// forwarded. Returns the signature and the names, receiver excluded.
fn renamed_signature(sig: &Signature) -> (Signature, Vec<Ident>) {
    let mut sig = sig.clone();
    let mut names = Vec::new();
    for arg in &mut sig.inputs {
        if let FnArg::Typed(typed) = arg {
            let ident = format_ident!("__autospec_arg{}", names.len());
            typed.attrs.clear();
            *typed.pat = Pat::Ident(PatIdent {
                attrs: Vec::new(),
                by_ref: None,
                mutability: None,
                ident: ident.clone(),
                subpat: None,
            });
            names.push(ident);
        }
    }
    (sig, names)
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
                "__autospec_MockStore_get",
                "__autospec_MockStore_put",
                "__autospec_MockStore_name"
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
                fn generic<T>(&self, value: T);
                async fn later(&self);
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
