//! Questions about the user's syntax that the model, validation and
//! expansion all ask: which generics a type mentions, and what a type is
//! once the invisible groups of `macro_rules!` are looked through.

use crate::walk::{Look, Looker, Step};
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::visit::Visit;
use syn::{
    GenericParam, Generics, Ident, ImplItemFn, Lifetime, Type, TypeImplTrait, TypeParamBound,
    TypePath, TypeTraitObject, Visibility,
};

/// Looks through the invisible groups that `macro_rules!` wraps types in.
pub(crate) fn ungroup(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => ungroup(&group.elem),
        Type::Paren(paren) => ungroup(&paren.elem),
        other => other,
    }
}

/// The same tokens, all carrying `span`.
pub(crate) fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = proc_macro2::TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// Whether the type is `Self` itself.
/// Whether a type is `Clone` as far as its syntax tells: primitives,
/// `String`, `Self` (a mock is a handle), shared references, `fn`
/// pointers, raw pointers, `Arc`/`Rc` of anything, and tuples, arrays and
/// std containers of such. Other types may be `Clone` too; the journal
/// finds out for them where their type is known (`KeptOf`).
pub(crate) fn surely_clone(ty: &Type) -> bool {
    const CLONE: &[&str] = &[
        "u8",
        "u16",
        "u32",
        "u64",
        "u128",
        "usize",
        "i8",
        "i16",
        "i32",
        "i64",
        "i128",
        "isize",
        "f32",
        "f64",
        "bool",
        "char",
        "String",
        "PathBuf",
        "OsString",
        "Duration",
        "Instant",
        "SystemTime",
        "Self",
    ];
    const CONTAINERS: &[&str] = &[
        "Vec", "Option", "Box", "Result", "VecDeque", "HashMap", "BTreeMap", "HashSet", "BTreeSet",
    ];
    match ungroup(ty) {
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None => CLONE.contains(&name.as_str()),
                syn::PathArguments::AngleBracketed(args) if name == "Arc" || name == "Rc" => {
                    !args.args.is_empty()
                }
                syn::PathArguments::AngleBracketed(args) if CONTAINERS.contains(&name.as_str()) => {
                    args.args.iter().all(|arg| match arg {
                        syn::GenericArgument::Type(ty) => surely_clone(ty),
                        _ => false,
                    })
                }
                _ => false,
            }
        }
        Type::Tuple(tuple) => tuple.elems.iter().all(surely_clone),
        Type::Array(array) => surely_clone(&array.elem),
        Type::Reference(reference) => reference.mutability.is_none(),
        Type::FnPtr(_) | Type::Ptr(_) => true,
        _ => false,
    }
}

pub(crate) fn is_self(ty: &Type) -> bool {
    matches!(ungroup(ty), Type::Path(path) if path.qself.is_none() && path.path.is_ident("Self"))
}

/// Whether the type names `Self` anywhere (`&Self`, `Vec<Self>`, `Self::Item`).
pub(crate) fn mentions_self(ty: &Type) -> bool {
    mentions_ident(ty, "Self")
}

/// Whether the type names `name` anywhere (`T` in `&T`, `Vec<T>`, `T::Id`).
pub(crate) fn mentions_ident<N: ?Sized>(ty: &Type, name: &N) -> bool
where
    Ident: PartialEq<N>,
{
    struct Finds<'n, N: ?Sized>(&'n N, bool);
    impl<N: ?Sized> Look<'_> for Finds<'_, N>
    where
        Ident: PartialEq<N>,
    {
        fn ident(&mut self, ident: &Ident) {
            self.1 |= *ident == *self.0;
        }
    }
    let mut finds = Finds(name, false);
    Looker(&mut finds).visit_type(ty);
    finds.1
}

/// `Client` in `impl Client` or `impl<T> net::Client<T>`.
pub(crate) fn self_type_ident(ty: &Type) -> Option<&Ident> {
    match ungroup(ty) {
        Type::Path(path) if path.qself.is_none() => {
            path.path.segments.last().map(|last| &last.ident)
        }
        _ => None,
    }
}

/// Whether a method of a patchable impl block gets a patch hook: a public
/// one that is not a `const fn`, which cannot consult a patch at run time
/// and so stays as it is.
pub(crate) fn is_hooked(function: &ImplItemFn) -> bool {
    !matches!(function.vis, Visibility::Inherited) && function.sig.constness.is_none()
}

/// Every bound on a type parameter, inline and in the where clause.
pub(crate) fn bounds_of<'g>(
    ident: &'g Ident,
    generics: &'g Generics,
) -> impl Iterator<Item = &'g TypeParamBound> {
    let inline = generics
        .type_params()
        .filter(move |param| param.ident == *ident);
    let inline = inline.flat_map(|param| param.bounds.iter());
    let predicates = generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates);
    let clauses = predicates.filter_map(move |predicate| match predicate {
        syn::WherePredicate::Type(typed) if is_ident(&typed.bounded_ty, ident) => {
            Some(typed.bounds.iter())
        }
        _ => None,
    });
    inline.chain(clauses.flatten())
}

/// Whether the type parameter `ident` is bounded `?Sized`.
pub(crate) fn is_maybe_sized(ident: &Ident, generics: &Generics) -> bool {
    bounds_of(ident, generics)
        .any(|bound| matches!(bound, TypeParamBound::Trait(bound) if bound.maybe.is_some()))
}

pub(crate) fn is_ident(ty: &Type, ident: &Ident) -> bool {
    matches!(ungroup(ty), Type::Path(path) if path.qself.is_none() && path.path.is_ident(ident))
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
        Looker(&mut found).visit_type(ty);
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

impl<'a> Look<'a> for Mentions<'a> {
    fn binder(&mut self, entering: bool) {
        crate::walk::enter_binder(&mut self.in_binder, entering);
    }

    fn lifetime(&mut self, lifetime: &'a Lifetime) {
        let kept = lifetime.ident == "static" || self.scope_lifetimes.contains(&lifetime.ident);
        if !kept && self.lifetime.is_none() && self.in_binder == 0 {
            self.lifetime = Some(lifetime.to_token_stream());
        }
    }

    fn ty(&mut self, ty: &'a Type) -> Step {
        match ty {
            Type::Reference(reference)
                if reference.lifetime.is_none()
                    && self.lifetime.is_none()
                    && self.in_binder == 0 =>
            {
                self.lifetime = Some(reference.to_token_stream());
            }
            Type::ImplTrait(impl_trait) => {
                self.impl_trait.get_or_insert(impl_trait);
                return Step::Over;
            }
            Type::TraitObject(dyn_trait) => {
                self.dyn_trait.get_or_insert(dyn_trait);
            }
            Type::Path(path) => self.type_path(path),
            _ => {}
        }
        Step::Into
    }

    fn expr(&mut self, expr: &'a syn::Expr) {
        // `[u8; N]` with a const parameter `N`.
        if let syn::Expr::Path(path) = expr {
            if let Some(ident) = path.path.get_ident() {
                if self.scope_keyed.contains(ident) {
                    self.keyed.get_or_insert(ident);
                }
            }
        }
    }
}

impl<'a> Mentions<'a> {
    fn type_path(&mut self, path: &'a TypePath) {
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
    }
}

/// Whether a closure bound is `FnMut(..)`.
pub(crate) fn is_fn_mut(bound: &syn::TraitBound) -> bool {
    bound
        .path
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "FnMut")
}

/// The name of a type or const parameter.
pub(crate) fn generic_ident(param: &GenericParam) -> TokenStream {
    match param {
        GenericParam::Type(ty) => ty.ident.to_token_stream(),
        GenericParam::Const(constant) => constant.ident.to_token_stream(),
        GenericParam::Lifetime(lifetime) => lifetime.lifetime.to_token_stream(),
    }
}

/// Whether the trait `path` names is one of std's that declare no
/// associated type a signature could project (`Clone`, `Send`, `Debug`,
/// ..), so that a bound on it says nothing about `T::Item`.
pub(crate) fn declares_no_assoc(path: &syn::Path) -> bool {
    const PLAIN: [&str; 15] = [
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
    path.segments
        .last()
        .is_some_and(|last| PLAIN.iter().any(|plain| last.ident == plain))
}

/// `Option` and `u32` for `Option<u32>` (any path type with a first type
/// argument): the name of its last segment and that argument.
pub(crate) fn wrapper_of(ty: &Type) -> Option<(&Ident, &Type)> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(first) => Some((&last.ident, first)),
        _ => None,
    }
}
