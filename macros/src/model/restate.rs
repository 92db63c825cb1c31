//! The items that are not traits, restated as traits so that one model
//! serves every kind: an inherent impl block's public methods, a free
//! function, one hooked method of a patchable impl block, and the closure
//! signature of `mock_fn!`. Each kind has its constructor of [`Trait`].

use super::{Inherent, Origin, Trait, RESTATED_RECEIVER};
use crate::attr::Args;
use crate::input::{ClosureSignature, Restated};
use crate::queries::is_hooked;
use crate::walk::{Look, Looker, Rewrite, Rewriter, Step};
use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;
use syn::{FnArg, ImplItem, ImplItemFn, ItemFn, ItemImpl, ItemTrait, Path, Type, Visibility};

impl<'a> Trait<'a> {
    /// A trait under `#[autospec]`: the mock implements it.
    pub(crate) fn of_trait(item: &'a ItemTrait, args: &'a Args) -> Self {
        let (_, ty_generics, _) = item.generics.split_for_impl();
        let ident = &item.ident;
        Trait::from_syn(
            item,
            Some(syn::parse_quote!(#ident #ty_generics)),
            args,
            Origin::Written,
        )
    }

    /// A foreign trait restated in `mock!`.
    pub(crate) fn of_restated(restated: &'a Restated, args: &'a Args) -> Self {
        let path = Some(restated.path.clone());
        let mut model = Trait::from_syn(&restated.item, path, args, Origin::MockMacro);
        model.mock = restated.mock.clone();
        model
    }

    /// A trait impl, restated by [`trait_impl`]: `MockReal` for
    /// `impl Store for Real`, implementing `Store` as written there.
    pub(crate) fn of_trait_impl(
        spec: &'a ItemTrait,
        path: &Path,
        type_ident: &syn::Ident,
        args: &'a Args,
    ) -> Self {
        let mut model = Trait::from_syn(spec, Some(path.clone()), args, Origin::TraitImpl);
        model.mock = format_ident!("Mock{}", type_ident);
        model
    }

    /// An inherent impl block, restated by [`impl_block`].
    pub(crate) fn of_impl_block(spec: &'a ItemTrait, inherent: Inherent, args: &'a Args) -> Self {
        let mut model = Trait::from_syn(spec, None, args, Origin::Written);
        model.inherent = Some(inherent);
        model
    }

    /// A free function, restated by [`function`]: its mock is the hidden
    /// struct named after the function, which `patch!` installs.
    pub(crate) fn of_function(spec: &'a ItemTrait, args: &'a Args) -> Self {
        let mut model = Trait::from_syn(spec, None, args, Origin::Hooked);
        model.mock = format_ident!("patch");
        model
    }

    /// One method of a patchable impl block, restated by
    /// [`hooked_methods`]; named after the type, for its messages.
    pub(crate) fn of_hooked_method(spec: &'a ItemTrait, args: &'a Args) -> Self {
        let mut model = Trait::from_syn(spec, None, args, Origin::Hooked);
        model.mock = spec.ident.clone();
        model
    }

    /// The closure signature of `mock_fn!`, restated by [`closure`]: the
    /// mock is `MockFn`, whose `call` is the closure.
    pub(crate) fn of_closure(spec: &'a ItemTrait, args: &'a Args) -> Self {
        let path = Some(syn::parse_quote!(__AutospecFn));
        let mut model = Trait::from_syn(spec, path, args, Origin::Written);
        model.mock = format_ident!("MockFn");
        model
    }
}

/// Input: `impl Client { pub fn new(..) -> Self {..} fn private(&self) {..} }`.
/// Output: `pub trait Client { fn new(..) -> Self; }`, and what the block
/// adds beyond signatures. Private methods are left out: only the type's
/// own code can call them, and the mock replaces that code.
pub(crate) fn impl_block(item_impl: &ItemImpl, ident: &syn::Ident) -> (ItemTrait, Inherent) {
    let public: Vec<&ImplItemFn> = item_impl
        .items
        .iter()
        .filter_map(|item| match item {
            ImplItem::Fn(function) if !matches!(function.vis, Visibility::Inherited) => {
                Some(function)
            }
            _ => None,
        })
        .collect();
    // The spec trait is as visible as the most visible method.
    let vis = public
        .iter()
        .map(|function| &function.vis)
        .find(|vis| matches!(vis, Visibility::Public(_)))
        .or(public.first().map(|function| &function.vis))
        .cloned()
        .unwrap_or(Visibility::Inherited);
    let signatures = public.iter().map(|function| {
        let cfgs = function
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"));
        // The mock's copy answers from the runtime, so it cannot be `const`.
        let mut sig = function.sig.clone();
        sig.constness = None;
        own_type_as_mock(&mut sig, &item_impl.self_ty, ident);
        quote!(#(#cfgs)* #sig;)
    });
    let (generics, where_clause) = (&item_impl.generics.params, &item_impl.generics.where_clause);
    let spec = syn::parse_quote!(#vis trait #ident <#generics> #where_clause { #(#signatures)* });
    let inherent = Inherent {
        visibilities: public.iter().map(|function| function.vis.clone()).collect(),
        consts: public_consts(item_impl),
    };
    (spec, inherent)
}

/// Input: `fn open() -> Plain` in `impl Plain`, `fn build<U>() -> Fac<U>`
/// in `impl<T> Fac<T>`.
/// Output: `fn open() -> Self`, `fn build<U>() -> MockFac<U>`: where the
/// block's return types name its own type, the mock answers with a mock,
/// as it does for `Self` (code that swaps the mock in with `#[double]`
/// calls `Plain::open()` and gets the mock). Arguments keep the type as
/// written.
fn own_type_as_mock(sig: &mut syn::Signature, self_ty: &Type, ident: &syn::Ident) {
    struct Own<'t> {
        self_ty: &'t Type,
        ident: &'t syn::Ident,
    }
    impl Rewrite for Own<'_> {
        fn ty(&mut self, ty: &mut Type) -> Step {
            let Type::Path(path) = ty else {
                return Step::Into;
            };
            let own = path.qself.is_none()
                && path.path.leading_colon.is_none()
                && path.path.segments.len() == 1
                && path.path.segments[0].ident == *self.ident;
            if !own {
                return Step::Into;
            }
            let same = quote::ToTokens::to_token_stream(&*ty).to_string()
                == quote::ToTokens::to_token_stream(self.self_ty).to_string();
            if same {
                *ty = syn::parse_quote!(Self);
            } else if let Type::Path(path) = ty {
                let segment = &mut path.path.segments[0];
                segment.ident = super::mock_ident(self.ident);
            }
            Step::Into
        }
    }
    let mut own = Own { self_ty, ident };
    if let syn::ReturnType::Type(_, ty) = &mut sig.output {
        Rewriter(&mut own).visit_type_mut(ty);
    }
}

/// Input: `impl Parser<'_> { .. }` (also `impl Named for Parser<'_>`).
/// Output: `impl<'a> Parser<'a> { .. }`, the same block with each elided
/// lifetime of the implemented type named by a lifetime the block does not
/// use, so that the mock gets a parameter for it (`MockParser<'a>`), as
/// the type has; `None` when the type elides none.
pub(crate) fn name_elided_lifetimes(item_impl: &ItemImpl) -> Option<ItemImpl> {
    struct Elided {
        binders: usize,
        taken: Vec<String>,
        named: Vec<syn::Lifetime>,
    }
    impl Rewrite for Elided {
        fn lifetime(&mut self, lifetime: &mut syn::Lifetime) {
            if self.binders > 0 || lifetime.ident != "_" {
                return;
            }
            // `'a`..`'z`, then `'elided0`, `'elided1`, ..: one of the
            // first `taken.len() + 1` of the latter is free.
            let fresh = ('a'..='z')
                .map(String::from)
                .chain((0..=self.taken.len()).map(|n| format!("elided{n}")))
                .find(|name| !self.taken.contains(name))
                .unwrap_or_default();
            self.taken.push(fresh.clone());
            *lifetime = syn::Lifetime::new(&format!("'{fresh}"), lifetime.span());
            self.named.push(lifetime.clone());
        }
        fn binder(&mut self, entering: bool) {
            crate::walk::enter_binder(&mut self.binders, entering);
        }
    }
    let mut named = item_impl.clone();
    let mut elided = Elided {
        binders: 0,
        taken: lifetime_names(item_impl),
        named: Vec::new(),
    };
    Rewriter(&mut elided).visit_type_mut(&mut named.self_ty);
    if let Some((path, _)) = &mut named.trait_ {
        Rewriter(&mut elided).visit_path_mut(path);
    }
    if elided.named.is_empty() {
        return None;
    }
    let params = elided
        .named
        .into_iter()
        .map(|lifetime| syn::GenericParam::Lifetime(syn::LifetimeParam::new(lifetime)));
    let rest = std::mem::take(&mut named.generics.params);
    named.generics.params = params.chain(rest).collect();
    if named.generics.lt_token.is_none() {
        named.generics.lt_token = Some(syn::token::Lt::default());
        named.generics.gt_token = Some(syn::token::Gt::default());
    }
    Some(named)
}

/// Every lifetime name written anywhere in the block (`a` for `'a`).
fn lifetime_names(item_impl: &ItemImpl) -> Vec<String> {
    struct Names(Vec<String>);
    impl Look<'_> for Names {
        fn lifetime(&mut self, lifetime: &syn::Lifetime) {
            self.0.push(lifetime.ident.to_string());
        }
    }
    let mut names = Names(Vec::new());
    syn::visit::Visit::visit_item_impl(&mut Looker(&mut names), item_impl);
    names.0
}

/// The block's public associated consts, which the mock copies.
fn public_consts(item_impl: &ItemImpl) -> Vec<syn::ImplItemConst> {
    item_impl
        .items
        .iter()
        .filter_map(|item| match item {
            ImplItem::Const(constant) if !matches!(constant.vis, Visibility::Inherited) => {
                Some(constant.clone())
            }
            _ => None,
        })
        .collect()
}

/// Input: `impl<T> Store<T> for Real<T> { type Key = u8; fn get(&self) -> u8 { .. } }`.
/// Output: `pub trait Store<T> { type Key = u8; fn get(&self) -> u8; }`:
/// the impl's items as a restated trait (as `mock!` restates one), which
/// the mock implements as `Store<T>`. The mock is public, as the impl is
/// wherever the trait and the type are.
pub(crate) fn trait_impl(item_impl: &ItemImpl) -> ItemTrait {
    let items = item_impl.items.iter().map(|item| match item {
        ImplItem::Fn(function) => {
            let cfgs = function
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("cfg"));
            let sig = &function.sig;
            quote!(#(#cfgs)* #sig;)
        }
        ImplItem::Type(ty) => {
            let (ident, generics, value) = (&ty.ident, &ty.generics, &ty.ty);
            let where_clause = &generics.where_clause;
            let params = &generics.params;
            quote!(type #ident<#params> = #value #where_clause;)
        }
        ImplItem::Const(constant) => {
            let (ident, ty, value) = (&constant.ident, &constant.ty, &constant.expr);
            quote!(const #ident: #ty = #value;)
        }
        other => quote!(#other),
    });
    let ident = item_impl
        .trait_
        .as_ref()
        .and_then(|(path, _)| path.segments.last())
        .map_or_else(|| format_ident!("Trait"), |last| last.ident.clone());
    let attrs = item_impl
        .attrs
        .iter()
        .filter(|attr| crate::model::is_async_trait(attr.path()));
    let (generics, where_clause) = (&item_impl.generics.params, &item_impl.generics.where_clause);
    let unsafety = &item_impl.unsafety;
    syn::parse_quote!(#(#attrs)* pub #unsafety trait #ident <#generics> #where_clause { #(#items)* })
}

/// Input: `pub fn fetch(url: &str) -> String { .. }`.
/// Output: `pub trait fetch { fn fetch(url: &str) -> String; }`.
pub(crate) fn function(item_fn: &ItemFn) -> ItemTrait {
    let vis = &item_fn.vis;
    let mut sig = item_fn.sig.clone();
    name_elided_output(&mut sig);
    let ident = &sig.ident;
    syn::parse_quote!(#vis trait #ident { #sig; })
}

/// Input: `fn split(s: &str) -> Vec<&str>`.
/// Output: `fn split<'arg>(s: &'arg str) -> Vec<&'arg str>`.
/// Where a function without `self` has one input lifetime, elided output
/// lifetimes are that one: named, the mock sees that the answer borrows
/// from the argument, so a `returns_with` closure may return the borrow.
fn name_elided_output(sig: &mut syn::Signature) {
    #[derive(Default)]
    struct Lifetimes {
        binders: usize,
        elided: usize,
        named: Vec<syn::Lifetime>,
        to: Option<syn::Lifetime>,
    }
    impl Rewrite for Lifetimes {
        fn ty(&mut self, ty: &mut Type) -> Step {
            if let (Type::Reference(reference), 0) = (ty, self.binders) {
                if reference.lifetime.is_none() {
                    self.elided += 1;
                    reference.lifetime.clone_from(&self.to);
                }
            }
            Step::Into
        }
        fn lifetime(&mut self, lifetime: &mut syn::Lifetime) {
            if self.binders > 0 || lifetime.ident == "static" {
                return;
            }
            if lifetime.ident == "_" {
                self.elided += 1;
                if let Some(to) = &self.to {
                    *lifetime = to.clone();
                }
            } else if !self.named.contains(lifetime) {
                self.named.push(lifetime.clone());
            }
        }
        fn binder(&mut self, entering: bool) {
            crate::walk::enter_binder(&mut self.binders, entering);
        }
    }
    if sig.receiver().is_some() {
        return;
    }
    let syn::ReturnType::Type(_, output) = &sig.output else {
        return;
    };
    let mut inputs = Lifetimes::default();
    for arg in &mut sig.inputs {
        if let FnArg::Typed(typed) = arg {
            Rewriter(&mut inputs).visit_type_mut(&mut typed.ty);
        }
    }
    let mut outputs = Lifetimes::default();
    Rewriter(&mut outputs).visit_type_mut(&mut output.clone());
    if outputs.elided == 0 {
        return;
    }
    let to = match (inputs.elided, inputs.named.as_slice()) {
        (0, [named]) => named.clone(),
        (1, []) => {
            // A name the user may read in an error: the argument's, and
            // not one the function declares already.
            let declared = |name: &str| {
                sig.generics
                    .lifetimes()
                    .any(|param| param.lifetime.ident == name)
            };
            let name = ["arg", "arg_", "arg__"]
                .into_iter()
                .find(|name| !declared(name))
                .unwrap_or("autospec_arg");
            let named = syn::Lifetime::new(&format!("'{name}"), proc_macro2::Span::call_site());
            sig.generics.params.insert(0, syn::parse_quote!(#named));
            let mut naming = Lifetimes {
                to: Some(named.clone()),
                ..Lifetimes::default()
            };
            for arg in &mut sig.inputs {
                if let FnArg::Typed(typed) = arg {
                    Rewriter(&mut naming).visit_type_mut(&mut typed.ty);
                }
            }
            named
        }
        _ => return,
    };
    let syn::ReturnType::Type(_, output) = &mut sig.output else {
        return;
    };
    let mut naming = Lifetimes {
        to: Some(to),
        ..Lifetimes::default()
    };
    Rewriter(&mut naming).visit_type_mut(output);
}

/// Input: `impl Account { pub fn add(&mut self, n: u64) {..} }`.
/// Output: `pub trait Account { fn add(__autospec_self: &mut Account, n: u64); }`,
/// one trait per hooked method ([`is_hooked`]), in order: the receiver
/// becomes the answer closure's first parameter.
pub(crate) fn hooked_methods(item_impl: &ItemImpl, type_ident: &syn::Ident) -> Vec<ItemTrait> {
    item_impl
        .items
        .iter()
        .filter_map(|item| match item {
            ImplItem::Fn(function) if is_hooked(function) => {
                Some(hooked_method(type_ident, &item_impl.self_ty, function))
            }
            _ => None,
        })
        .collect()
}

fn hooked_method(type_ident: &syn::Ident, self_ty: &Type, function: &ImplItemFn) -> ItemTrait {
    let sig = &function.sig;
    let restated = sig.receiver().map(|receiver| {
        let ty = if let syn::ReceiverKind::Reference(_, _, Some(_)) = &receiver.kind {
            quote!(&mut #self_ty)
        } else {
            quote!(&#self_ty)
        };
        let name = format_ident!("{}", RESTATED_RECEIVER);
        quote!(#name: #ty,)
    });
    let typed = sig
        .inputs
        .iter()
        .filter(|arg| matches!(arg, FnArg::Typed(_)));
    let (spec_generics, where_clause, output, asyncness, name) = (
        &sig.generics,
        &sig.generics.where_clause,
        &sig.output,
        &sig.asyncness,
        &sig.ident,
    );
    let vis = &function.vis;
    syn::parse_quote! {
        #vis trait #type_ident {
            #asyncness fn #name #spec_generics (#restated #(#typed),*) #output #where_clause;
        }
    }
}

/// Input: `|&str, u32| -> bool`.
/// Output: `trait __AutospecFn { fn call(&self, arg0: &str, arg1: u32) -> bool; }`.
pub(crate) fn closure(signature: &ClosureSignature) -> ItemTrait {
    let params = signature.params.iter().enumerate().map(|(i, ty)| {
        let name = format_ident!("arg{}", i);
        quote!(#name: #ty)
    });
    let output = &signature.output;
    syn::parse_quote! {
        trait __AutospecFn {
            fn call(&self, #(#params),*) #output;
        }
    }
}
