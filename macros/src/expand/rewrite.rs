//! Type rewrites that expansion applies to the user's signatures: `Self`
//! to the mock, borrowed types to the owned types the mock keeps.

use crate::queries::{declares_no_assoc, is_self, ungroup};
use crate::walk::{Look, Looker, Rewrite, Rewriter, Step};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{
    GenericArgument, GenericParam, Ident, PathArguments, Token, Type, TypeParamBound, TypePath,
};

/// What `Self` means outside the trait impl: the mock's type, and each
/// associated type's replacement (a type given in the attribute, or a type
/// parameter of the mock).
pub(crate) struct SelfMap {
    pub(crate) mock: Type,
    pub(crate) assoc: Vec<(Ident, Type)>,
    /// The parameters a generic associated type's value is written with
    /// (`'b` in `type Item<'b> = &'b str`), which `Self::Item<'x>` replaces.
    pub(crate) assoc_params: Vec<(Ident, Vec<GenericParam>)>,
    /// The mock's lifetime parameters: borrows the mock itself can keep.
    pub(crate) lifetimes: Vec<Ident>,
    /// The mock's lifetime parameters where it keeps no borrows for them
    /// (`free_lifetimes`): its closures bind them instead.
    pub(crate) bound_lifetimes: Vec<Ident>,
    /// Where associated types the trait does not declare come from: its
    /// one supertrait that can have them (`Iterator` for
    /// `DoubleEndedIterator: Iterator`), else the trait itself.
    pub(crate) assoc_owner: TokenStream,
    /// The mock's type parameters with one trait bound that can have
    /// associated types (`T: Entity + Clone`), and that trait: `T::Id`
    /// becomes `<T as Entity>::Id`, since the defaults of generated type
    /// parameters do not resolve the shorthand.
    pub(crate) qualified: Vec<(Ident, syn::Path)>,
}

impl SelfMap {
    /// Input: `Box<Self>`, `Option<Self::Item>`.
    /// Output: `Box<MockIter<Item>>`, `Option<u32>` (with `type Item = u32`).
    pub(crate) fn replace(&self, ty: &Type) -> Type {
        self.replace_in_method(ty, &[])
    }

    /// [`replace`](Self::replace) in a method's signature, whose type
    /// parameters `method` (from [`qualified`]) qualify projections too.
    pub(crate) fn replace_in_method(&self, ty: &Type, method: &[(Ident, syn::Path)]) -> Type {
        let mut ty = ty.clone();
        Rewriter(&mut Replace(self, method)).visit_type_mut(&mut ty);
        ty
    }

    /// The same inside a generic parameter's bounds or a where-clause
    /// predicate of a method (`P: From<Self::Item>`), which the child
    /// mock of a generic method restates outside the trait impl.
    pub(crate) fn replace_in_generics<T: Clone>(
        &self,
        node: &T,
        visit: impl FnOnce(&mut Rewriter<'_>, &mut T),
    ) -> T {
        let mut node = node.clone();
        visit(&mut Rewriter(&mut Replace(self, &[])), &mut node);
        node
    }

    /// The same inside the bounds of an associated type.
    pub(crate) fn replace_in_bounds(
        &self,
        bounds: &Punctuated<TypeParamBound, Token![+]>,
    ) -> Punctuated<TypeParamBound, Token![+]> {
        let mut bounds = bounds.clone();
        for bound in &mut bounds {
            Rewriter(&mut Replace(self, &[])).visit_type_param_bound_mut(bound);
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
        let Some((_, ty)) = own else {
            // A supertrait's associated type, reached through the trait.
            let (mock, owner, last) = (&self.mock, &self.assoc_owner, segments.last()?);
            return Some(syn::parse_quote!(<#mock as #owner>::#last));
        };
        let params = self
            .assoc_params
            .iter()
            .find(|(ident, _)| ident == name)
            .map(|(_, params)| params.as_slice())
            .unwrap_or_default();
        let args: Vec<&GenericArgument> = match &segments.last()?.arguments {
            PathArguments::AngleBracketed(args) => args.args.iter().collect(),
            _ => Vec::new(),
        };
        Some(substitute(ty, params, &args))
    }
}

impl SelfMap {
    /// Whether `ty` names the mock's own type (`Self`, `Box<Self>`) or an
    /// associated type the trait does not declare: what a spy's real
    /// implementation has a different type for.
    pub(crate) fn mentions_self(&self, ty: &Type) -> bool {
        struct Finds<'m>(&'m SelfMap, bool);
        impl Look<'_> for Finds<'_> {
            fn ty(&mut self, ty: &Type) -> Step {
                let Type::Path(path) = ty else {
                    return Step::Into;
                };
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
                Step::Into
            }
        }
        let mut finds = Finds(self, false);
        Looker(&mut finds).visit_type(ty);
        finds.1
    }
}

struct Replace<'m>(&'m SelfMap, &'m [(Ident, syn::Path)]);

impl Rewrite for Replace<'_> {
    fn ty(&mut self, ty: &mut Type) -> Step {
        if let Type::Path(path) = ty {
            if path.qself.is_none() && path.path.is_ident("Self") {
                *ty = self.0.mock.clone();
                return Step::Over;
            }
            if let Some(replacement) = self.0.projection(path) {
                *ty = replacement;
                return Step::Over;
            }
            if let Some(qualified) = self.0.qualify(path, self.1) {
                *ty = qualified;
            }
        }
        Step::Into
    }
}

impl SelfMap {
    /// `T::Id` as `<T as Entity>::Id`, for a parameter in `qualified` or
    /// in `method` (the method's own).
    fn qualify(&self, path: &TypePath, method: &[(Ident, syn::Path)]) -> Option<Type> {
        let segments = &path.path.segments;
        let first = segments.first()?;
        if path.qself.is_some()
            || path.path.leading_colon.is_some()
            || segments.len() < 2
            || !matches!(first.arguments, PathArguments::None)
        {
            return None;
        }
        let (param, bound) = method
            .iter()
            .chain(&self.qualified)
            .find(|(ident, _)| *ident == first.ident)?;
        let rest = segments.iter().skip(1);
        Some(syn::parse_quote!(<#param as #bound>#(::#rest)*))
    }
}

/// The type parameters of `generics` whose bounds (inline or in the where
/// clause) name exactly one trait that can have associated types, with
/// that trait; see [`SelfMap::qualified`].
pub(crate) fn qualified(generics: &syn::Generics) -> Vec<(Ident, syn::Path)> {
    let mut found = Vec::new();
    for param in generics.type_params() {
        let from_where = generics.where_clause.iter().flat_map(|clause| {
            clause
                .predicates
                .iter()
                .filter_map(|predicate| match predicate {
                    syn::WherePredicate::Type(predicate)
                        if matches!(&predicate.bounded_ty, Type::Path(path)
                        if path.qself.is_none() && path.path.is_ident(&param.ident)) =>
                    {
                        Some(&predicate.bounds)
                    }
                    _ => None,
                })
        });
        let traits: Vec<&syn::Path> = std::iter::once(&param.bounds)
            .chain(from_where)
            .flatten()
            .filter_map(|bound| match bound {
                TypeParamBound::Trait(bound) if bound.maybe.is_none() => Some(&bound.path),
                _ => None,
            })
            .filter(|path| !declares_no_assoc(path))
            .collect();
        if let [only] = traits.as_slice() {
            found.push((param.ident.clone(), (*only).clone()));
        }
    }
    found
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

/// `ty` with each of `params` replaced by the argument in its place.
/// Input: `&'b [T]`, `['b, T]`, `['x, u8]`. Output: `&'x [u8]`.
pub(crate) fn substitute(ty: &Type, params: &[GenericParam], args: &[&GenericArgument]) -> Type {
    struct Substitute<'p> {
        lifetimes: Vec<(&'p Ident, &'p syn::Lifetime)>,
        types: Vec<(&'p Ident, &'p Type)>,
    }
    impl Rewrite for Substitute<'_> {
        fn lifetime(&mut self, lifetime: &mut syn::Lifetime) {
            if let Some((_, arg)) = self
                .lifetimes
                .iter()
                .find(|(ident, _)| **ident == lifetime.ident)
            {
                *lifetime = (*arg).clone();
            }
        }

        fn ty(&mut self, ty: &mut Type) -> Step {
            if let Type::Path(path) = ty {
                if let Some(ident) = path.path.get_ident().filter(|_| path.qself.is_none()) {
                    if let Some((_, arg)) = self.types.iter().find(|(param, _)| *param == ident) {
                        *ty = (*arg).clone();
                        return Step::Over;
                    }
                }
            }
            Step::Into
        }
    }
    let mut substitute = Substitute {
        lifetimes: Vec::new(),
        types: Vec::new(),
    };
    for (param, arg) in params.iter().zip(args) {
        match (param, arg) {
            (GenericParam::Lifetime(param), GenericArgument::Lifetime(arg)) => {
                substitute.lifetimes.push((&param.lifetime.ident, arg));
            }
            (GenericParam::Type(param), GenericArgument::Type(arg)) => {
                substitute.types.push((&param.ident, arg));
            }
            _ => {}
        }
    }
    let mut ty = ty.clone();
    Rewriter(&mut substitute).visit_type_mut(&mut ty);
    ty
}

/// `ty` with every lifetime not in `kept` made `'static`, elided ones
/// included; lifetimes bound inside the type (`Fn(&str)`, `for<'x>`) stay.
/// Input: `Cow<'a, str>`, `Option<&Token<'_>>`, `[]`.
/// Output: `Cow<'static, str>`, `Option<&'static Token<'static>>`.
pub(crate) fn outlived(ty: &Type, kept: &[Ident]) -> Type {
    struct Outlived<'k> {
        kept: &'k [Ident],
        in_binder: usize,
    }
    impl Rewrite for Outlived<'_> {
        fn lifetime(&mut self, lifetime: &mut syn::Lifetime) {
            if self.in_binder == 0 && !self.kept.contains(&lifetime.ident) {
                *lifetime = syn::Lifetime::new("'static", lifetime.span());
            }
        }

        fn ty(&mut self, ty: &mut Type) -> Step {
            if let Type::Reference(reference) = ty {
                if self.in_binder == 0 && reference.lifetime.is_none() {
                    reference.lifetime = Some(syn::Lifetime::new(
                        "'static",
                        proc_macro2::Span::call_site(),
                    ));
                }
            }
            Step::Into
        }

        fn binder(&mut self, entering: bool) {
            crate::walk::enter_binder(&mut self.in_binder, entering);
        }
    }
    let mut ty = ty.clone();
    Rewriter(&mut Outlived { kept, in_binder: 0 }).visit_type_mut(&mut ty);
    ty
}

/// The lifetimes that `types` name (`'a` in `&'a str`).
pub(crate) fn named_lifetimes<'t>(types: impl Iterator<Item = &'t Type>) -> Vec<Ident> {
    struct Named(Vec<Ident>);
    impl Look<'_> for Named {
        fn lifetime(&mut self, lifetime: &syn::Lifetime) {
            self.0.push(lifetime.ident.clone());
        }
    }
    let mut named = Named(Vec::new());
    for ty in types {
        Looker(&mut named).visit_type(ty);
    }
    named.0
}

/// `tokens` with each lifetime named in `names` renamed `'__autospec_<name>`.
///
/// Input: `for<'a> Fn(&'a str) -> &'a u8`, `["a"]`
/// Output: `for<'__autospec_a> Fn(&'__autospec_a str) -> &'__autospec_a u8`
pub(crate) fn rename_lifetimes(tokens: TokenStream, names: &[String]) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    let mut out = Vec::new();
    let mut after_quote = false;
    for tree in tokens {
        let renamed = match tree {
            TokenTree::Ident(ident) if after_quote && names.contains(&ident.to_string()) => {
                TokenTree::Ident(Ident::new(&format!("__autospec_{ident}"), ident.span()))
            }
            TokenTree::Group(group) => {
                let mut inner =
                    Group::new(group.delimiter(), rename_lifetimes(group.stream(), names));
                inner.set_span(group.span());
                TokenTree::Group(inner)
            }
            other => other,
        };
        after_quote = matches!(&renamed, TokenTree::Punct(punct) if punct.as_char() == '\'');
        out.push(renamed);
    }
    out.into_iter().collect()
}
