//! Signature rewrites shared by validation and expansion.

use crate::model::{Param, ParamKind};
use proc_macro2::TokenStream;
use quote::quote;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Lifetime, Type, TypeImplTrait, TypePath, TypeReference, TypeTraitObject};

/// Replaces `Self` by the mock's type, for types used outside the trait impl.
/// Input: `Box<Self>`. Output: `Box<MockStore<T>>`.
pub(crate) fn replace_self(ty: &Type, mock: &Type) -> Type {
    struct SelfToMock<'m>(&'m Type);
    impl VisitMut for SelfToMock<'_> {
        fn visit_type_mut(&mut self, ty: &mut Type) {
            if let Type::Path(path) = ty {
                if path.qself.is_none() && path.path.is_ident("Self") {
                    *ty = self.0.clone();
                    return;
                }
            }
            visit_mut::visit_type_mut(self, ty);
        }
    }
    let mut ty = ty.clone();
    SelfToMock(mock).visit_type_mut(&mut ty);
    ty
}

/// The owned form of a borrowed type.
/// Input: `str`, `[u8]`, `Path`. Output: `String`, `Vec<u8>`, `<Path as ToOwned>::Owned`.
pub(crate) fn owned(ty: &Type) -> TokenStream {
    match crate::model::ungroup(ty) {
        Type::Path(path) if path.path.is_ident("str") => quote!(::std::string::String),
        Type::Slice(slice) => {
            let elem = &slice.elem;
            quote!(::std::vec::Vec<#elem>)
        }
        _ => quote!(<#ty as ::std::borrow::ToOwned>::Owned),
    }
}

/// The type a parameter is journaled as.
/// Input: `&str`, `Option<&[u8]>`, `u32`. Output: `String`, `Option<Vec<u8>>`, `u32`.
pub(crate) fn journal_type(param: &Param<'_>, mock: &Type) -> TokenStream {
    match param.kind {
        ParamKind::Owned => {
            let ty = replace_self(param.ty, mock);
            quote!(#ty)
        }
        ParamKind::Borrowed(inner) => owned(&replace_self(inner, mock)),
        ParamKind::OptionBorrowed(inner) => {
            let owned = owned(&replace_self(inner, mock));
            quote!(::core::option::Option<#owned>)
        }
    }
}

/// What in a type keeps autospec from storing or naming it at the mock level.
#[derive(Default)]
pub(crate) struct Borrows<'a> {
    /// Named lifetimes other than `'static`, and elided references.
    pub(crate) lifetime: Option<TokenStream>,
    pub(crate) impl_trait: Option<&'a TypeImplTrait>,
    pub(crate) dyn_trait: Option<&'a TypeTraitObject>,
    /// `Self::Item` and other paths through `Self`.
    pub(crate) self_projection: Option<&'a TypePath>,
}

impl<'a> Borrows<'a> {
    pub(crate) fn of(ty: &'a Type) -> Self {
        let mut found = Borrows::default();
        found.visit_type(ty);
        found
    }
}

impl<'a> Visit<'a> for Borrows<'a> {
    fn visit_lifetime(&mut self, lifetime: &'a Lifetime) {
        if lifetime.ident != "static" && self.lifetime.is_none() {
            self.lifetime = Some(quote!(#lifetime));
        }
    }

    fn visit_type_reference(&mut self, reference: &'a TypeReference) {
        if reference.lifetime.is_none() && self.lifetime.is_none() {
            self.lifetime = Some(quote!(#reference));
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
        let through_self = path.path.segments.len() > 1 && path.path.segments[0].ident == "Self";
        let as_self = path.qself.as_ref().is_some_and(|qself| match &*qself.ty {
            Type::Path(inner) => inner.path.is_ident("Self"),
            _ => false,
        });
        if through_self || as_self {
            self.self_projection.get_or_insert(path);
        }
        visit::visit_type_path(self, path);
    }
}
