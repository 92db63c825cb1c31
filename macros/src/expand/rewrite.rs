//! Type rewrites that expansion applies to the user's signatures: `Self`
//! to the mock, borrowed types to the owned types the mock keeps.

use crate::queries::{is_self, ungroup};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Ident, Token, Type, TypeParamBound, TypePath};

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

/// What a mock keeps to lend out a returned `&T`: the owned form of the
/// unsized borrows (`str`, `[T]`, `Path`, ...), else `T` itself, which
/// then needs no `Clone`.
/// Input: `str`, `Config`. Output: `String`, `Config`.
pub(crate) fn kept(ty: &Type, rt: &TokenStream) -> TokenStream {
    let ty = ungroup(ty);
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
    match ungroup(ty) {
        Type::Path(path) => path.qself.is_none() && !unsized_path(path),
        Type::Array(_) | Type::Tuple(_) | Type::Reference(_) | Type::Ptr(_) => true,
        _ => false,
    }
}

/// The owned form of a borrowed type.
/// Input: `str`, `[u8]`, `Path`. Output: `String`, `Vec<u8>`, `<Path as ToOwned>::Owned`.
pub(crate) fn owned(ty: &Type, rt: &TokenStream) -> TokenStream {
    let ty = ungroup(ty);
    match ty {
        Type::Path(path) if path.path.is_ident("str") => quote!(::std::string::String),
        Type::Slice(slice) => {
            let elem = &slice.elem;
            quote!(::std::vec::Vec<#elem>)
        }
        _ => quote!(<#ty as #rt::KeepBorrowed>::Owned),
    }
}
