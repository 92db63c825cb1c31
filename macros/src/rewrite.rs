//! Type rewrites and queries shared by validation and expansion.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{
    Ident, Lifetime, Token, Type, TypeImplTrait, TypeParamBound, TypePath, TypeReference,
    TypeTraitObject,
};

/// What `Self` means outside the trait impl: the mock's type, and each
/// associated type's replacement (a type given in the attribute, or a type
/// parameter of the mock).
pub(crate) struct SelfMap {
    pub(crate) mock: Type,
    pub(crate) assoc: Vec<(Ident, Type)>,
    /// Where associated types the trait does not declare come from: its
    /// one supertrait that can have them (`Iterator` for
    /// `DoubleEndedIterator: Iterator`), else the trait itself.
    pub(crate) assoc_owner: TokenStream,
}

impl SelfMap {
    /// Input: `Box<Self>`, `Option<Self::Item>`.
    /// Output: `Box<MockIter<Item>>`, `Option<u32>` (with `type Item = u32`).
    pub(crate) fn replace(&self, ty: &Type) -> Type {
        let mut ty = ty.clone();
        Replace(self).visit_type_mut(&mut ty);
        ty
    }

    /// The same inside the bounds of an associated type.
    pub(crate) fn replace_in_bounds(
        &self,
        bounds: &Punctuated<TypeParamBound, Token![+]>,
    ) -> Punctuated<TypeParamBound, Token![+]> {
        let mut bounds = bounds.clone();
        for bound in &mut bounds {
            Replace(self).visit_type_param_bound_mut(bound);
        }
        bounds
    }

    fn projection(&self, path: &TypePath) -> Option<Type> {
        let segments = &path.path.segments;
        let name = match &path.qself {
            // `<Self as Trait>::Item`
            Some(qself) if is_self(&qself.ty) && qself.position + 1 == segments.len() => {
                &segments.last()?.ident
            }
            // `Self::Item`
            None if segments.len() == 2 && segments[0].ident == "Self" => &segments[1].ident,
            _ => return None,
        };
        let own = self.assoc.iter().find(|(ident, _)| ident == name);
        Some(own.map_or_else(
            || {
                // A supertrait's associated type, reached through the trait.
                let (mock, owner) = (&self.mock, &self.assoc_owner);
                syn::parse_quote!(<#mock as #owner>::#name)
            },
            |(_, ty)| ty.clone(),
        ))
    }
}

impl SelfMap {
    /// Whether `ty` names the mock's own type (`Self`, `Box<Self>`) or an
    /// associated type the trait does not declare: what a spy's real
    /// implementation has a different type for.
    pub(crate) fn mentions_self(&self, ty: &Type) -> bool {
        struct Finds<'m>(&'m SelfMap, bool);
        impl<'v> Visit<'v> for Finds<'_> {
            fn visit_type_path(&mut self, path: &'v TypePath) {
                let segments = &path.path.segments;
                let own = |name: &Ident| self.0.assoc.iter().any(|(ident, _)| ident == name);
                let found = match &path.qself {
                    Some(qself) if is_self(&qself.ty) => {
                        qself.position + 1 != segments.len()
                            || !segments.last().is_some_and(|last| own(&last.ident))
                    }
                    None if segments.first().is_some_and(|first| first.ident == "Self") => {
                        segments.len() != 2 || !own(&segments[1].ident)
                    }
                    _ => false,
                };
                self.1 |= found;
                visit::visit_type_path(self, path);
            }
        }
        let mut finds = Finds(self, false);
        finds.visit_type(ty);
        finds.1
    }
}

struct Replace<'m>(&'m SelfMap);

impl VisitMut for Replace<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if let Type::Path(path) = ty {
            if path.qself.is_none() && path.path.is_ident("Self") {
                *ty = self.0.mock.clone();
                return;
            }
            if let Some(replacement) = self.0.projection(path) {
                *ty = replacement;
                return;
            }
        }
        visit_mut::visit_type_mut(self, ty);
    }
}

fn is_self(ty: &Type) -> bool {
    matches!(crate::model::ungroup(ty), Type::Path(path) if path.qself.is_none() && path.path.is_ident("Self"))
}

/// What a mock keeps to lend out a returned `&T`: the owned form of the
/// unsized borrows (`str`, `[T]`, `Path`, ...), else `T` itself, which
/// then needs no `Clone`.
/// Input: `str`, `Config`. Output: `String`, `Config`.
pub(crate) fn kept(ty: &Type, rt: &TokenStream) -> TokenStream {
    let ty = crate::model::ungroup(ty);
    match ty {
        _ if is_kept_as_itself(ty) => ty.to_token_stream(),
        Type::TraitObject(_) => quote!(::std::boxed::Box<#ty>),
        _ => owned(ty, rt),
    }
}

/// Whether `kept` keeps the type itself: a sized type, as far as its
/// syntax tells (not `str`, `[T]`, `Path`, `OsStr`, `CStr`, `dyn Trait`).
pub(crate) fn is_kept_as_itself(ty: &Type) -> bool {
    let unsized_path = |path: &TypePath| {
        path.path.segments.last().is_some_and(|segment| {
            ["str", "Path", "OsStr", "CStr"]
                .iter()
                .any(|name| segment.ident == name)
        })
    };
    match crate::model::ungroup(ty) {
        Type::Path(path) => path.qself.is_none() && !unsized_path(path),
        Type::Array(_) | Type::Tuple(_) | Type::Reference(_) | Type::Ptr(_) => true,
        _ => false,
    }
}

/// The owned form of a borrowed type.
/// Input: `str`, `[u8]`, `Path`. Output: `String`, `Vec<u8>`, `<Path as ToOwned>::Owned`.
pub(crate) fn owned(ty: &Type, rt: &TokenStream) -> TokenStream {
    let ty = crate::model::ungroup(ty);
    match ty {
        Type::Path(path) if path.path.is_ident("str") => quote!(::std::string::String),
        Type::Slice(slice) => {
            let elem = &slice.elem;
            quote!(::std::vec::Vec<#elem>)
        }
        _ => quote!(<#ty as #rt::KeepBorrowed>::Owned),
    }
}

/// The method generics in scope while a signature is read.
pub(crate) struct Scope<'s, 'a> {
    pub(crate) keyed: Vec<&'a Ident>,
    pub(crate) erased: &'s [&'a Ident],
    /// The trait's own lifetimes: the mock carries them, so types that
    /// borrow for them can be kept.
    pub(crate) lifetimes: Vec<&'a Ident>,
    /// Trait-level type parameters and associated types not known to be `Clone`.
    pub(crate) unclonable: Vec<&'a Ident>,
}

/// What a type mentions that keeps autospec from storing or naming it
/// outside the call.
#[derive(Default)]
pub(crate) struct Mentions<'a> {
    /// Named lifetimes other than `'static`, and elided references.
    pub(crate) lifetime: Option<TokenStream>,
    pub(crate) impl_trait: Option<&'a TypeImplTrait>,
    pub(crate) dyn_trait: Option<&'a TypeTraitObject>,
    /// A `'static` (keyed) generic parameter of the method.
    pub(crate) keyed: Option<&'a Ident>,
    /// Another generic parameter of the method.
    pub(crate) erased: Option<&'a Ident>,
    scope_keyed: Vec<Ident>,
    scope_erased: Vec<Ident>,
    scope_lifetimes: Vec<Ident>,
    scope_unclonable: Vec<Ident>,
    /// Mentions a type parameter of the trait (or an associated type) that
    /// is not known to be `Clone`.
    pub(crate) unclonable: bool,
    /// Inside `Fn(..)` sugar, `fn(..)` pointers or `for<..>`: lifetimes
    /// there are bound by the type itself and keep nothing borrowed.
    in_binder: usize,
}

impl<'a> Mentions<'a> {
    pub(crate) fn of(ty: &'a Type, scope: &Scope<'_, '_>) -> Self {
        let mut found = Mentions {
            scope_keyed: scope.keyed.iter().map(|ident| (*ident).clone()).collect(),
            scope_erased: scope.erased.iter().map(|ident| (*ident).clone()).collect(),
            scope_lifetimes: scope
                .lifetimes
                .iter()
                .map(|ident| (*ident).clone())
                .collect(),
            scope_unclonable: scope
                .unclonable
                .iter()
                .map(|ident| (*ident).clone())
                .collect(),
            ..Mentions::default()
        };
        found.visit_type(ty);
        found
    }

    /// Mentions a generic parameter of the method, or `impl Trait`.
    pub(crate) fn generic(&self) -> bool {
        self.keyed.is_some() || self.erased_generic()
    }

    /// Mentions a type the mock cannot name even per instantiation.
    pub(crate) fn erased_generic(&self) -> bool {
        self.erased.is_some() || self.impl_trait.is_some()
    }

    /// Cannot be kept in the journal: a borrow or a trait object.
    pub(crate) fn unstorable(&self) -> bool {
        self.lifetime.is_some() || self.dyn_trait.is_some()
    }
}

impl<'a> Visit<'a> for Mentions<'a> {
    fn visit_parenthesized_generic_arguments(
        &mut self,
        args: &'a syn::ParenthesizedGenericArguments,
    ) {
        self.in_binder += 1;
        visit::visit_parenthesized_generic_arguments(self, args);
        self.in_binder -= 1;
    }

    fn visit_type_fn_ptr(&mut self, function: &'a syn::TypeFnPtr) {
        self.in_binder += 1;
        visit::visit_type_fn_ptr(self, function);
        self.in_binder -= 1;
    }

    fn visit_trait_bound(&mut self, bound: &'a syn::TraitBound) {
        let binds = usize::from(bound.lifetimes.is_some());
        self.in_binder += binds;
        visit::visit_trait_bound(self, bound);
        self.in_binder -= binds;
    }

    fn visit_lifetime(&mut self, lifetime: &'a Lifetime) {
        let kept = lifetime.ident == "static" || self.scope_lifetimes.contains(&lifetime.ident);
        if !kept && self.lifetime.is_none() && self.in_binder == 0 {
            self.lifetime = Some(lifetime.to_token_stream());
        }
    }

    fn visit_type_reference(&mut self, reference: &'a TypeReference) {
        if reference.lifetime.is_none() && self.lifetime.is_none() && self.in_binder == 0 {
            self.lifetime = Some(reference.to_token_stream());
        }
        visit::visit_type_reference(self, reference);
    }

    fn visit_type_impl_trait(&mut self, impl_trait: &'a TypeImplTrait) {
        self.impl_trait.get_or_insert(impl_trait);
    }

    fn visit_type_trait_object(&mut self, dyn_trait: &'a TypeTraitObject) {
        self.dyn_trait.get_or_insert(dyn_trait);
        visit::visit_type_trait_object(self, dyn_trait);
    }

    fn visit_type_path(&mut self, path: &'a TypePath) {
        let segments = &path.path.segments;
        let named = match (segments.first(), segments.get(1)) {
            (Some(first), Some(second)) if first.ident == "Self" => Some(&second.ident),
            (Some(first), _) => Some(&first.ident),
            _ => None,
        };
        if path.qself.is_none() && named.is_some_and(|ident| self.scope_unclonable.contains(ident))
        {
            self.unclonable = true;
        }
        if path.qself.is_none() {
            if let Some(first) = path.path.segments.first() {
                if self.scope_keyed.contains(&first.ident) {
                    self.keyed.get_or_insert(&first.ident);
                } else if self.scope_erased.contains(&first.ident) {
                    self.erased.get_or_insert(&first.ident);
                }
            }
        }
        visit::visit_type_path(self, path);
    }

    fn visit_expr(&mut self, expr: &'a syn::Expr) {
        // `[u8; N]` with a const parameter `N`.
        if let syn::Expr::Path(path) = expr {
            if let Some(ident) = path.path.get_ident() {
                if self.scope_keyed.contains(ident) {
                    self.keyed.get_or_insert(ident);
                }
            }
        }
        visit::visit_expr(self, expr);
    }
}
