//! The glue of one method: the types and expressions that connect the
//! trait's signature to the runtime's `Method`. Cannot fail.

use super::rewrite::{
    is_kept_as_itself, kept, named_lifetimes, outlived, owned, qualified, rename_lifetimes, SelfMap,
};
use crate::model::{Method, Param, ParamKind, Ret, Wrap};
use crate::queries::{
    generic_ident, is_fn_mut, is_maybe_sized, mentions_self, respan, surely_clone, ungroup,
};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{FnArg, GenericParam, Pat, PatIdent, ReturnType, Signature, Type};

mod body;
mod forward;

/// One method seen from the generated code.
pub(crate) struct Glue<'g, 'a> {
    pub(crate) method: &'g Method<'a>,
    pub(crate) rt: &'g TokenStream,
    map: &'g SelfMap,
    /// `__autospec_arg0`, ...: the impl's parameter names.
    names: Vec<Ident>,
    /// The impl sits under `#[async_trait]`, which wants `async fn`.
    async_trait: bool,
    /// `#[async_trait]` without `?Send`: its futures must be `Send`.
    async_trait_send: Option<proc_macro2::Span>,
    /// The method's type parameters whose projections are qualified.
    qualified: Vec<(Ident, syn::Path)>,
}

impl<'g, 'a> Glue<'g, 'a> {
    pub(crate) fn new(
        method: &'g Method<'a>,
        rt: &'g TokenStream,
        map: &'g SelfMap,
        async_trait: bool,
    ) -> Self {
        let names = (0..method.params.len())
            .map(|i| format_ident!("__autospec_arg{}", i))
            .collect();
        Glue {
            method,
            rt,
            map,
            names,
            async_trait,
            async_trait_send: None,
            qualified: qualified(&method.sig.generics),
        }
    }

    /// The glue of a method of a trait under `attr`, `#[async_trait]`.
    pub(crate) fn under_async_trait(mut self, attr: Option<&syn::Attribute>) -> Self {
        self.async_trait = attr.is_some();
        self.async_trait_send = attr.and_then(crate::model::async_trait_send);
        self
    }

    pub(crate) fn map(&self, ty: &Type) -> Type {
        self.map.replace_in_method(ty, &self.qualified)
    }

    /// `dyn Fn(&Self::Item) -> bool`, mapped as [`map`](Self::map) maps a
    /// type: the callback's trait object, as the child mock names it.
    fn dyn_callback(&self, bound: &syn::TraitBound) -> Type {
        self.map(&syn::parse_quote!(dyn #bound))
    }

    /// The parameters the journal keeps (all but a restated receiver).
    pub(crate) fn journaled(&self) -> impl Iterator<Item = &Param<'a>> {
        self.method
            .params
            .iter()
            .filter(|param| !matches!(param.kind, ParamKind::Receiver))
    }

    /// `(String, u32,)`: what the journal keeps of one call. Each type
    /// carries its parameter's span, so that a type the journal cannot
    /// keep is reported on the parameter.
    pub(crate) fn journal_type(&self) -> TokenStream {
        let types = self
            .journaled()
            .map(|param| respan(self.journal_entry_type(param), param.ty.span()));
        quote!((#(#types,)*))
    }

    pub(crate) fn journal_entry_type(&self, param: &Param<'_>) -> TokenStream {
        let rt = self.rt;
        match &param.kind {
            ParamKind::Owned => self.map(param.ty).into_token_stream(),
            ParamKind::Pointer => quote!(#rt::Address),
            ParamKind::Borrowed(inner) => kept(&self.map(inner), self.rt),
            ParamKind::AsRef(inner) => owned(&self.map(inner), self.rt),
            ParamKind::OptionBorrowed(inner) => {
                let owned = owned(&self.map(inner), self.rt);
                quote!(::core::option::Option<#owned>)
            }
            ParamKind::Into(target) => self.map(target).into_token_stream(),
            ParamKind::Collect(item) => {
                let item = self.map(item);
                quote!(::std::vec::Vec<#item>)
            }
            // Receivers are filtered out by `journaled`.
            ParamKind::Callable { .. } | ParamKind::Opaque { .. } | ParamKind::Receiver => {
                quote!(#rt::Opaque)
            }
        }
    }

    /// What an answer produces: the return type, with borrowed parts owned.
    pub(crate) fn answer_type(&self) -> TokenStream {
        self.outlived(self.returned_type(), &[])
    }

    /// `ty`, where the answer holds a borrow, with every lifetime `'static`
    /// but the mock's own and `also`.
    pub(crate) fn outlived(&self, ty: TokenStream, also: &[Ident]) -> TokenStream {
        if !self.method.lent {
            return ty;
        }
        let mut kept = self.map.lifetimes.clone();
        kept.extend_from_slice(also);
        syn::parse2::<Type>(ty.clone())
            .map_or(ty, |parsed| outlived(&parsed, &kept).into_token_stream())
    }

    /// What the call hands back, before it is lent: the return type with
    /// borrowed parts owned.
    pub(crate) fn returned_type(&self) -> TokenStream {
        match &self.method.ret {
            Ret::Unit | Ret::Opaque(_) => quote!(()),
            Ret::Owned(ty) => self.map(ty).into_token_stream(),
            Ret::Standin(ty) => self.map(ty).into_token_stream(),
            Ret::Borrowed { reference, .. } => kept(&self.map(&reference.elem), self.rt),
            Ret::OptionBorrowed { reference, .. } => {
                let owned = kept(&self.map(&reference.elem), self.rt);
                quote!(::core::option::Option<#owned>)
            }
            Ret::ResultBorrowed {
                result, reference, ..
            } => {
                // The same `Result` (or alias), holding what is kept.
                let kept = kept(&self.map(&reference.elem), self.rt);
                let mut result = self.map(&Type::Path((*result).clone()));
                if let Type::Path(path) = &mut result {
                    let last = path.path.segments.last_mut();
                    if let Some(syn::PathArguments::AngleBracketed(args)) =
                        last.map(|last| &mut last.arguments)
                    {
                        if let Some(syn::GenericArgument::Type(ok)) = args.args.first_mut() {
                            *ok = Type::Verbatim(kept);
                        }
                    }
                }
                result.into_token_stream()
            }
            Ret::Iter(item) => {
                let item = self.map(item);
                quote!(::std::vec::Vec<#item>)
            }
            Ret::Callable(bound) => {
                let callback = self.dyn_callback(bound);
                quote!(::std::boxed::Box<#callback + ::core::marker::Send + ::core::marker::Sync>)
            }
        }
    }

    /// `for<'a> FnMut(&'a str, u32) -> R`: the signature of a `returns_with` closure.
    /// Where the mock keeps no borrows for its own lifetimes, the closure
    /// binds them too, renamed (`'__autospec_a`) so as not to shadow them.
    pub(crate) fn closure_bound(&self) -> TokenStream {
        let mut lifetimes: Vec<syn::Lifetime> = self
            .method
            .sig
            .generics
            .lifetimes()
            .map(|param| param.lifetime.clone())
            .collect();
        let bound = &self.map.bound_lifetimes;
        lifetimes.extend(bound.iter().map(|ident| syn::Lifetime {
            apostrophe: ident.span(),
            ident: ident.clone(),
        }));
        let binder = (!lifetimes.is_empty()).then(|| quote!(for<#(#lifetimes),*>));
        let params = self.closure_params();
        let output = (!matches!(self.method.ret, Ret::Unit)).then(|| {
            // A closure's answer may borrow from its arguments, for the
            // lifetimes they name.
            let named = named_lifetimes(self.method.params.iter().map(|param| param.ty));
            let answer = self.outlived(self.returned_type(), &named);
            quote!(-> #answer)
        });
        let bound_names: Vec<String> = bound.iter().map(ToString::to_string).collect();
        rename_lifetimes(
            quote!(#binder ::core::ops::FnMut(#(#params),*) #output),
            &bound_names,
        )
    }

    /// `dyn for<'a> FnMut(&'a str) -> R + Send`: the closure type `F` of
    /// the method's `Method<A, R, F>`. Calls run it one at a time, so it
    /// need not be `Sync`.
    pub(crate) fn closure_type(&self) -> TokenStream {
        let closure = self.closure_bound();
        quote!(dyn #closure + ::core::marker::Send)
    }

    /// [`closure_type`](Self::closure_type) as spelled inside the method's
    /// own body (see [`closure_bound_in_body`](Self::closure_bound_in_body)).
    pub(crate) fn closure_type_in_body(&self) -> TokenStream {
        let closure = self.closure_bound_in_body();
        quote!(dyn #closure + ::core::marker::Send)
    }

    /// [`closure_bound`](Self::closure_bound) as spelled inside the
    /// method's own body, where its lifetimes are in scope: a binder
    /// `for<'a>` there would shadow the method's `'a` (E0496), so every
    /// lifetime of the method is renamed `'__autospec_a`. The type is the
    /// same; only the names of the bound lifetimes differ.
    pub(crate) fn closure_bound_in_body(&self) -> TokenStream {
        let names: Vec<String> = self
            .method
            .sig
            .generics
            .lifetimes()
            .map(|param| param.lifetime.ident.to_string())
            .collect();
        rename_lifetimes(self.closure_bound(), &names)
    }

    /// The parameter types of a `returns_with` closure.
    pub(crate) fn closure_params(&self) -> Vec<TokenStream> {
        let rt = self.rt;
        self.method
            .params
            .iter()
            .map(|param| match &param.kind {
                ParamKind::AsRef(target) => {
                    let target = self.map(target);
                    quote!(&#target)
                }
                ParamKind::Into(target) => self.map(target).into_token_stream(),
                ParamKind::Collect(item) => {
                    let item = self.map(item);
                    quote!(::std::vec::Vec<#item>)
                }
                ParamKind::Callable {
                    bound,
                    kept: Some(markers),
                    ..
                } => {
                    let callback = self.dyn_callback(bound);
                    quote!(::std::boxed::Box<#callback #(+ #markers)* + 'static>)
                }
                ParamKind::Callable { bound, .. } if is_fn_once(bound) => {
                    let callback = self.dyn_callback(bound);
                    quote!(::std::boxed::Box<#callback + '_>)
                }
                ParamKind::Callable { bound, .. } if is_fn_mut(bound) => {
                    let callback = self.dyn_callback(bound);
                    quote!(&mut #callback)
                }
                ParamKind::Callable { bound, .. } => {
                    let callback = self.dyn_callback(bound);
                    quote!(&#callback)
                }
                ParamKind::Opaque {
                    closure_gets_value: false,
                } => quote!(#rt::Opaque),
                _ => self.map(param.ty).into_token_stream(),
            })
            .collect()
    }

    /// `Method<(journal), R, dyn for<'a> FnMut(..) -> R + Send>`; for a
    /// generic method, the child mock of one instantiation.
    pub(crate) fn method_type(&self) -> TokenStream {
        let (rt, journal, answer) = (self.rt, self.instance_journal_type(), self.answer_type());
        let closure = self.closure_type();
        quote!(#rt::Method<#journal, #answer, #closure>)
    }

    /// `"key,value"`: the journaled parameters' names as the signature
    /// spells them (`_` for a pattern), for failure messages.
    pub(crate) fn param_names(&self) -> String {
        let typed = self
            .method
            .sig
            .inputs
            .iter()
            .filter_map(|input| match input {
                FnArg::Typed(typed) => Some(typed),
                FnArg::Receiver(_) => None,
            });
        let names: Vec<String> = typed
            .zip(&self.method.params)
            .filter(|(_, param)| !matches!(param.kind, ParamKind::Receiver))
            .map(|(typed, _)| match &*typed.pat {
                Pat::Ident(PatIdent { ident, .. }) => {
                    let name = ident.to_string();
                    name.strip_prefix("r#").unwrap_or(&name).to_owned()
                }
                _ => "_".to_owned(),
            })
            .collect();
        names.join(",")
    }

    /// The impl's parameter names, `__autospec_arg0`, ...
    pub(crate) fn names(&self) -> &[Ident] {
        &self.names
    }

    /// `|args| vec![..]`: renders a journal entry, `Debug` where it exists.
    pub(crate) fn render(&self) -> TokenStream {
        let rt = self.rt;
        let renders = (0..self.journaled().count()).map(|i| {
            let index = syn::Index::from(i);
            quote!(#rt::Render::new(&__autospec_args.#index).as_debug())
        });
        quote!(|__autospec_args| #rt::debug_texts(&[#(#renders),*]))
    }

    /// `fn() -> Option<R>`: `Default::default` when the answer type has it.
    pub(crate) fn default(&self) -> TokenStream {
        let (rt, answer) = (self.rt, self.answer_type());
        quote!(#rt::DefaultOf::<#answer>::new().get())
    }

    /// `Option<Shown<R>>`: how the journal keeps returned values, chosen
    /// here where the answer type is concrete; nothing for `()`.
    pub(crate) fn shown(&self) -> TokenStream {
        let rt = self.rt;
        // A borrowing answer is handed back, never kept to be shown.
        if matches!(self.method.ret, Ret::Unit | Ret::Opaque(_)) || self.method.lent {
            return quote!(::core::option::Option::None);
        }
        let answer = self.answer_type();
        // The first level (a kept mock is reset with the mock keeping it)
        // needs a `'static` mock type, and rustc picks a level before it
        // checks lifetimes: a mock with parameters (`MockOpaque<Item>`)
        // returning `Self` starts at the next level, which has no such
        // bound.
        let generic_mock = matches!(&self.map.mock, Type::Path(path)
            if path.path.segments.last().is_some_and(|last| !last.arguments.is_empty()));
        let returns_self = match &self.method.sig.output {
            ReturnType::Type(_, ty) => mentions_self(ty),
            ReturnType::Default => false,
        };
        if generic_mock && returns_self {
            return quote!(#rt::ShownClone::<#answer>::new().get());
        }
        quote!(#rt::ShownOf::<#answer>::new().get())
    }

    /// `(T, [(); N],)`: the key of one instantiation of a generic method
    /// (`PhantomData<T>` for a `T: ?Sized`).
    pub(crate) fn key_type(&self) -> TokenStream {
        let parts = self.method.generics.keyed.iter().map(|param| match param {
            GenericParam::Const(constant) => {
                let ident = &constant.ident;
                quote!([(); #ident])
            }
            // A tuple's parts must be sized.
            GenericParam::Type(ty) if is_maybe_sized(&ty.ident, &self.method.sig.generics) => {
                let ident = &ty.ident;
                quote!(::core::marker::PhantomData<#ident>)
            }
            other => generic_ident(other),
        });
        quote!((#(#parts,)*))
    }

    /// `|| "User, 3".into()`: the instantiation's type arguments as text.
    pub(crate) fn type_args(&self) -> TokenStream {
        let rt = self.rt;
        let parts = self.method.generics.keyed.iter().map(|param| match param {
            GenericParam::Const(constant) => {
                let ident = &constant.ident;
                quote!(::std::string::ToString::to_string(&#ident))
            }
            other => {
                let ident = generic_ident(other);
                quote!(#rt::type_name::<#ident>())
            }
        });
        quote!(|| <[::std::string::String]>::join(&[#(#parts),*], ", "))
    }

    /// The impl's signature: patterns renamed (they cannot be forwarded),
    /// and `async fn` turned into `-> impl Future` so that the call is
    /// journaled when it is made, not when it is first polled.
    pub(crate) fn signature(&self) -> Signature {
        let mut sig = self.method.sig.clone();
        let mut names = self.names.iter();
        let mut params = self.method.params.iter();
        for arg in &mut sig.inputs {
            let FnArg::Typed(typed) = arg else { continue };
            let (Some(ident), Some(param)) = (names.next(), params.next()) else {
                break;
            };
            let mutability = matches!(&param.kind, ParamKind::Callable { bound, by_ref: None, kept: None } if is_fn_mut(bound))
                .then(Default::default);
            typed.attrs.clear();
            *typed.pat = Pat::Ident(PatIdent {
                attrs: Vec::new(),
                by_ref: None,
                mutability,
                ident: ident.clone(),
                subpat: None,
            });
        }
        if self.method.wrap == Wrap::AsyncFn && !self.async_trait {
            sig.asyncness = None;
            let output = match &sig.output {
                ReturnType::Default => quote!(()),
                ReturnType::Type(_, ty) => ty.to_token_stream(),
            };
            sig.output = syn::parse_quote!(-> impl ::core::future::Future<Output = #output>);
        }
        sig
    }

    /// `let arg = arg.into();`: conversions made once, before journaling.
    pub(crate) fn conversions(&self) -> TokenStream {
        let lets = self.method.params.iter().zip(&self.names).map(|(param, name)| match &param.kind {
            ParamKind::Into(target) => {
                let target = self.map(target);
                quote!(let #name: #target = ::core::convert::Into::into(#name);)
            }
            ParamKind::Collect(item) => {
                let item = self.map(item);
                quote!(let #name: ::std::vec::Vec<#item> = ::core::iter::Iterator::collect(::core::iter::IntoIterator::into_iter(#name));)
            }
            _ => TokenStream::new(),
        });
        quote!(#(#lets)*)
    }

    /// `(clone of arg0, arg1.to_owned(),)`: the journal entry of this call.
    /// Where an argument's type may not be `Clone`, the entry is gathered
    /// instead: each argument kept where its type allows, else the texts of
    /// all of them (`Kept::Text`); which one is the compiler's choice.
    pub(crate) fn journal(&self) -> TokenStream {
        self.journal_with(&|_| None)
    }

    /// [`journal`](Self::journal), where `instead` gives the entry of some
    /// arguments (by their index among the journaled ones), one the
    /// journal can always keep.
    pub(crate) fn journal_with(
        &self,
        instead: &dyn Fn(usize) -> Option<TokenStream>,
    ) -> TokenStream {
        let rt = self.rt;
        let journaled = self.method.params.iter().zip(&self.names);
        let journaled: Vec<_> = journaled
            .filter(|(param, _)| !matches!(param.kind, ParamKind::Receiver))
            .collect();
        let gathered = journaled
            .iter()
            .any(|(param, _)| Self::maybe_unclonable(param).is_some());
        let entries = journaled.iter().enumerate().map(|(i, (param, name))| {
            let entry = instead(i).unwrap_or_else(|| self.journal_entry(param, name));
            match Self::maybe_unclonable(param) {
                Some(deref) if instead(i).is_none() => {
                    quote!(#rt::KeptOf::new(&#deref #name).get())
                }
                _ if gathered => quote!(::core::option::Option::Some(#entry)),
                _ => entry,
            }
        });
        if !gathered {
            return quote!((#(#entries,)*));
        }
        let texts = journaled.iter().map(|(param, name)| {
            let deref = match &param.kind {
                ParamKind::Borrowed(inner) if is_kept_as_itself(inner) => Some(quote!(*)),
                _ => None,
            };
            quote!(#rt::Render::new(&#deref #name).as_debug())
        });
        quote!(#rt::gather((#(#entries,)*), &[#(#texts),*]))
    }

    /// Whether the journal is gathered (see [`journal`](Self::journal)).
    pub(crate) fn gathers(&self) -> bool {
        self.journaled()
            .any(|param| Self::maybe_unclonable(param).is_some())
    }

    /// For an argument whose type may not be `Clone` (kept as itself, owned,
    /// converted or behind a reference), how to reach the value: `*`
    /// through the reference, or nothing.
    fn maybe_unclonable(param: &crate::model::Param<'a>) -> Option<TokenStream> {
        match &param.kind {
            ParamKind::Owned if !surely_clone(param.ty) => Some(TokenStream::new()),
            ParamKind::Into(target) if !surely_clone(target) => Some(TokenStream::new()),
            ParamKind::Collect(item) if !surely_clone(item) => Some(TokenStream::new()),
            ParamKind::Borrowed(inner) if is_kept_as_itself(inner) && !surely_clone(inner) => {
                Some(quote!(*))
            }
            _ => None,
        }
    }

    /// One argument's journal entry, where its type is known to allow it.
    fn journal_entry(&self, param: &crate::model::Param<'a>, name: &Ident) -> TokenStream {
        let rt = self.rt;
        match &param.kind {
            // Spanned on the parameter's type, so that a type without
            // `Clone` is reported there rather than on the attribute.
            ParamKind::Owned => {
                let span = param.ty.span();
                let name = Ident::new(&name.to_string(), span);
                quote_spanned!(span=> #rt::Keep::keep(&#name))
            }
            ParamKind::Into(_) | ParamKind::Collect(_) => quote!(#rt::Keep::keep(&#name)),
            ParamKind::Pointer => quote!(#rt::Address::of(#name)),
            // A sized `&T` is journaled as a clone of the `T` (through
            // `Keep`, whose error names the fix), others (`&str`, `&[T]`)
            // as their owned form.
            ParamKind::Borrowed(inner) => {
                let span = param.ty.span();
                let name = Ident::new(&name.to_string(), span);
                if is_kept_as_itself(inner) {
                    quote_spanned!(span=> #rt::Keep::keep(&*#name))
                } else {
                    quote_spanned!(span=> #rt::KeepBorrowed::keep(&*#name))
                }
            }
            ParamKind::OptionBorrowed(_) => quote!(#rt::own_option(&#name)),
            ParamKind::AsRef(target) => {
                let target = self.map(target);
                quote!(::std::borrow::ToOwned::to_owned(::core::convert::AsRef::<#target>::as_ref(&#name)))
            }
            ParamKind::Callable { bound, .. } => {
                let callback = self.dyn_callback(bound);
                quote!(#rt::opaque(#rt::type_name::<#callback>()))
            }
            ParamKind::Opaque { .. } | ParamKind::Receiver => self.opaque(param.ty, name),
        }
    }

    fn opaque(&self, ty: &Type, name: &Ident) -> TokenStream {
        let rt = self.rt;
        if matches!(ungroup(ty), Type::Reference(_)) {
            quote!(#rt::opaque(#rt::Render::new(&*#name).render()))
        } else {
            quote!(#rt::opaque(#rt::Render::new(&#name).render()))
        }
    }

    /// `|answer| answer(arg0, ..)`: runs a `returns_with` closure.
    fn invoke(&self) -> TokenStream {
        let call = self.invoke_call();
        quote!(|__autospec_answer| #call)
    }

    /// `__autospec_answer(arg0, ..)`: the call of a `returns_with` closure.
    pub(crate) fn invoke_call(&self) -> TokenStream {
        let args = self.invoke_args();
        quote!(__autospec_answer(#(#args),*))
    }

    /// What [`invoke`](Self::invoke) passes the closure, one per parameter.
    pub(crate) fn invoke_args(&self) -> Vec<TokenStream> {
        self.method
            .params
            .iter()
            .zip(&self.names)
            .map(|(param, name)| match &param.kind {
                ParamKind::AsRef(target) => {
                    let target = self.map(target);
                    quote!(::core::convert::AsRef::<#target>::as_ref(&#name))
                }
                ParamKind::Callable { kept: Some(_), .. } => {
                    quote!(::std::boxed::Box::new(#name))
                }
                ParamKind::Callable { bound, .. } if is_fn_once(bound) => {
                    quote!(::std::boxed::Box::new(#name) as ::std::boxed::Box<dyn #bound + '_>)
                }
                ParamKind::Callable { bound, by_ref, .. } => match (is_fn_mut(bound), by_ref) {
                    (true, None) => quote!(&mut #name as &mut dyn #bound),
                    (true, Some(_)) => quote!(&mut *#name as &mut dyn #bound),
                    (false, None) => quote!(&#name as &dyn #bound),
                    (false, Some(_)) => quote!(#name as &dyn #bound),
                },
                ParamKind::Opaque {
                    closure_gets_value: false,
                } => self.opaque(param.ty, name),
                _ => name.to_token_stream(),
            })
            .collect()
    }

    /// Where the signature demands a `Send` future: its own bound, or
    /// `#[async_trait]` (unless `?Send`).
    fn send_future(&self) -> Option<proc_macro2::Span> {
        self.method.send_future.or(self.async_trait_send)
    }

    /// Whether a returned borrow is lent from the mock (else leaked).
    pub(crate) fn lends(&self) -> bool {
        match &self.method.ret {
            Ret::Borrowed { from_self, .. }
            | Ret::OptionBorrowed { from_self, .. }
            | Ret::ResultBorrowed { from_self, .. } => *from_self && !self.method.is_static,
            _ => false,
        }
    }
}

fn is_fn_once(bound: &syn::TraitBound) -> bool {
    bound
        .path
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "FnOnce")
}
