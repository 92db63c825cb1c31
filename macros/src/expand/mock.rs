//! The mock being expanded: its model, the runtime's path, its generics
//! and what `Self` means outside the trait impl, and the names of the
//! items generated for it. Every item kind's module reads it; it emits
//! nothing itself.

use super::glue::Glue;
use super::magic::MagicMock;
use super::rewrite::{qualified, SelfMap};
use crate::attr::Args;
use crate::model::magic::MagicTrait;
use crate::model::{Method, Trait};
use crate::queries::{declares_no_assoc, Mentions, Scope};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, ToTokens};
use syn::visit_mut::VisitMut;
use syn::{GenericParam, Generics, ItemTrait, Path, Type, WherePredicate};

/// One mock being expanded, and what every item generated for it needs.
pub(super) struct Mock<'a> {
    pub(super) model: &'a Trait<'a>,
    pub(super) rt: TokenStream,
    pub(super) krate: TokenStream,
    /// The trait's generics plus a parameter for each associated type or
    /// const that the attribute does not fix.
    pub(super) generics: Generics,
    pub(super) map: SelfMap,
    /// `__autospec_MockStore_class`, when the trait has methods without `self`.
    pub(super) class: Option<Ident>,
    /// The first block of an impl mock that further blocks
    /// (`#[autospec(part = 2)]`, ..) can join.
    pub(super) parts: bool,
    /// What holds the child mocks, for the methods of a further block:
    /// its part, reached from the mock; else `self`.
    pub(super) owner: Option<TokenStream>,
    /// A mock of a trait (not of an impl block, a function or a closure):
    /// it gets `calls_default()`.
    pub(super) spies: bool,
    /// `#[autospec(spy)]`: the mock also gets `wrapping(real)`.
    pub(super) spy: bool,
}

impl<'a> Mock<'a> {
    /// The mock of `model`; the item kinds' entry points then set what
    /// applies to them (`parts`, `owner`, `spies`, `spy`).
    pub(super) fn new(model: &'a Trait<'a>, args: &Args) -> Self {
        let krate = krate(args);
        let mock = &model.mock;
        let (generics, assoc) = mock_generics(model);
        let (_, ty_generics, _) = generics.split_for_impl();
        let own_lifetimes: Vec<Ident> = generics
            .lifetimes()
            .map(|param| param.lifetime.ident.clone())
            .collect();
        let assoc_params = model
            .types
            .iter()
            .filter_map(|ty| {
                let params = ty.given_generics?.params.iter().cloned().collect();
                Some((ty.item.ident.clone(), params))
            })
            .collect();
        let map = SelfMap {
            mock: syn::parse_quote!(#mock #ty_generics),
            assoc,
            assoc_params,
            lifetimes: own_lifetimes
                .iter()
                .filter(|_| !model.free_lifetimes)
                .cloned()
                .collect(),
            bound_lifetimes: own_lifetimes
                .iter()
                .filter(|_| model.free_lifetimes)
                .cloned()
                .collect(),
            assoc_owner: assoc_owner(model),
            qualified: qualified(&generics),
        };
        let generics = map_bounds(generics, &map);
        let class = model
            .static_methods()
            .next()
            .map(|_| format_ident!("{}Class", mock));
        Mock {
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

    /// `MockParser<'static, T>`'s arguments, `<'static, T>`: the one
    /// instantiation whose class a mock with lifetime parameters uses.
    pub(super) fn class_args(&self) -> TokenStream {
        if !self.model.free_lifetimes {
            let (_, ty_generics, _) = self.generics.split_for_impl();
            return ty_generics.to_token_stream();
        }
        let args = self.generics.params.iter().map(|param| match param {
            GenericParam::Lifetime(_) => quote!('static),
            GenericParam::Type(ty) => ty.ident.to_token_stream(),
            GenericParam::Const(constant) => constant.ident.to_token_stream(),
        });
        quote!(<#(#args),*>)
    }

    /// The std traits of `magic(..)`, when there are any.
    pub(super) fn magic(&self) -> Option<MagicMock<'_>> {
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

    /// The glue of one of the mock's methods.
    pub(super) fn glue<'g>(&'g self, method: &'g Method<'a>) -> Glue<'g, 'a> {
        Glue::new(method, &self.rt, &self.map, false)
            .under_async_trait(self.model.async_trait_of(method.owner))
    }

    /// `MockStore_get`: the child mock type of one method; for a generic
    /// method, `MockStoreOf_get`, the child of one instantiation.
    ///
    /// These types are named in rustc's messages about the fields
    /// (`no method named .. found for struct MockStore_get`), so they
    /// read as the mock and the method, not as hidden names. They cannot
    /// clash with each other whatever the user's method names: the
    /// method's name follows the first `_`, and what precedes it is the
    /// mock's name, or the mock's name and a capitalised word (`Of`,
    /// and the per-mock `MockStoreClass`, `MockStoreMagic`); the hidden
    /// per-mock items keep the `__autospec_` prefix (`Parts`, `Defaults`).
    /// The patches of free functions, whose model is named `patch`, use
    /// `Patch`.
    pub(super) fn child(&self, method: &Method<'_>) -> Ident {
        if method.is_keyed() {
            format_ident!("{}Of_{}", self.base(), method.name())
        } else {
            format_ident!("{}_{}", self.base(), method.name())
        }
    }

    /// What the names of the child types start with: the mock's name, or
    /// `Patch` for the patch of a free function.
    fn base(&self) -> String {
        if self.model.mock == "patch" {
            "Patch".to_owned()
        } else {
            self.model.mock.to_string()
        }
    }

    /// The field's type: the child, or for a generic method the type
    /// whose `of::<T>()` gives the child of each instantiation.
    pub(super) fn field_type(&self, method: &Method<'_>) -> TokenStream {
        let (_, ty_generics, _) = self.generics.split_for_impl();
        let ident = self.field_wrapper(method);
        quote!(#ident #ty_generics)
    }

    /// The field's type without its generics: the child, or for a
    /// generic method `MockStore_get`, whose `of::<T>()` gives the child
    /// of each instantiation.
    pub(super) fn field_wrapper(&self, method: &Method<'_>) -> Ident {
        format_ident!("{}_{}", self.base(), method.name())
    }

    /// `MockClientPart2`: the type of the methods of a further
    /// impl block, `#[autospec(part = 2)]`.
    pub(super) fn part_ident(&self, number: u8) -> Ident {
        format_ident!("{}Part{}", self.model.mock, number)
    }
}

/// `::autospec`, or the path given with `#[autospec(crate = path)]`.
fn krate(args: &Args) -> TokenStream {
    args.runtime()
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
    let keyed = model
        .methods
        .iter()
        .any(|method| method.is_static || method.is_keyed());
    let (sends, lives) = supertrait_markers(model.item);
    // So does a method whose signature demands a `Send` future: its answer
    // must be `Send`, and under `#[async_trait]` the future borrows the mock.
    let sends = sends
        || model
            .methods
            .iter()
            .any(|method| method.send_future.is_some())
        || model
            .async_trait_attr
            .is_some_and(|attr| crate::model::async_trait_send(attr).is_some());
    for param in generics.type_params_mut() {
        // A mock is `Send` (and `Sync`) where its journaled types are
        // `Send`, so a `Send` or `Sync` supertrait needs them `Send`.
        if sends {
            param.bounds.push(syn::parse_quote!(::core::marker::Send));
        }
        if keyed || lives {
            param.bounds.push(syn::parse_quote!('static));
        }
    }
    if lives {
        for param in generics.lifetimes_mut() {
            param.bounds.push(syn::parse_quote!('static));
        }
    }
    (generics, assoc)
}

/// Whether the trait's supertraits include `Send` or `Sync`, and
/// `'static`: what the mock's own parameters must then satisfy.
fn supertrait_markers(item: &syn::ItemTrait) -> (bool, bool) {
    let mut sends = false;
    let mut lives = false;
    for bound in &item.supertraits {
        match bound {
            syn::TypeParamBound::Trait(bound) => {
                let last = bound
                    .path
                    .segments
                    .last()
                    .map(|last| last.ident.to_string());
                sends |= matches!(last.as_deref(), Some("Send" | "Sync"));
            }
            syn::TypeParamBound::Lifetime(lifetime) => lives |= lifetime.ident == "static",
            _ => {}
        }
    }
    (sends, lives)
}

/// The supertrait that declares the associated types the trait uses but
/// does not declare: the only supertrait that is not a marker.
fn assoc_owner(model: &Trait<'_>) -> TokenStream {
    let mut candidates = model
        .item
        .supertraits
        .iter()
        .filter_map(|bound| match bound {
            syn::TypeParamBound::Trait(bound) if !declares_no_assoc(&bound.path) => {
                Some(bound.path.to_token_stream())
            }
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
    impl crate::walk::Look<'_> for Firsts {
        fn path(&mut self, path: &Path) {
            if let Some(first) = path.segments.first() {
                self.0.push(first.ident.clone());
            }
        }
    }
    let mut firsts = Firsts(Vec::new());
    syn::visit::Visit::visit_item_trait(&mut crate::walk::Looker(&mut firsts), item);
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
pub(super) fn child_generics(mock: &Mock<'_>, method: &Method<'_>) -> Generics {
    let mut generics = mock.generics.clone();
    generics.params.extend(keyed_params(mock, method));
    let predicates = keyed_predicates(mock, method);
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

/// The method's keyed type parameters as the child mock declares them:
/// without defaults, with `Self` in their bounds mapped to the mock, and
/// without bounds by the method's own lifetimes, which the child does not
/// have (`X: 'async_trait`, which `#[async_trait]` adds).
pub(super) fn keyed_params(mock: &Mock<'_>, method: &Method<'_>) -> Vec<GenericParam> {
    method
        .generics
        .keyed
        .iter()
        .map(|param| {
            let mut param =
                mock.map
                    .replace_in_generics(&without_default(param), |rewriter, param| {
                        rewriter.visit_generic_param_mut(param);
                    });
            if let GenericParam::Type(ty) = &mut param {
                ty.bounds = without_method_lifetimes(&ty.bounds, method);
                if ty.bounds.is_empty() {
                    ty.colon_token = None;
                }
            }
            param
        })
        .collect()
}

/// `bounds` without the method's own lifetimes.
fn without_method_lifetimes(
    bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>,
    method: &Method<'_>,
) -> syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]> {
    bounds
        .iter()
        .filter(|bound| {
            !matches!(bound, syn::TypeParamBound::Lifetime(lifetime)
                if method.sig.generics.lifetimes().any(|own| own.lifetime == *lifetime))
        })
        .cloned()
        .collect()
}

/// The method's where-clause predicates that bound only its keyed
/// parameters, with `Self` mapped to the mock.
pub(super) fn keyed_predicates(mock: &Mock<'_>, method: &Method<'_>) -> Vec<WherePredicate> {
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
        .filter_map(|predicate| {
            let mut predicate = mock
                .map
                .replace_in_generics(predicate, |rewriter, predicate| {
                    rewriter.visit_where_predicate_mut(predicate);
                });
            if let WherePredicate::Type(typed) = &mut predicate {
                typed.bounds = without_method_lifetimes(&typed.bounds, method);
                if typed.bounds.is_empty() {
                    return None;
                }
            }
            Some(predicate)
        })
        .collect()
}

/// `, PhantomData` after a wrapper's content, when it has a marker.
pub(super) fn marker_value(generics: &Generics) -> Option<TokenStream> {
    phantom(generics).map(|_| quote!(, ::core::marker::PhantomData))
}

/// `PhantomData<fn() -> (T, &'a (),)>` over the type and lifetime
/// parameters, so that every generated type may carry all of them; `None`
/// when there are none.
pub(super) fn phantom(generics: &Generics) -> Option<TokenStream> {
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
