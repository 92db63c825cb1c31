//! How a signature's parameters and answer are read: the kinds that
//! decide how an argument is journaled and how an answer is handed back.

use super::standin;
use crate::attr::ImplType;
use crate::queries::{bounds_of, ungroup, Mentions, Scope};
use syn::{
    GenericArgument, Generics, PathArguments, ReceiverKind, ReturnType, Signature, Type,
    TypeParamBound, TypePath, TypeReference,
};

/// How an argument becomes an owned journal entry, and what the answer
/// closure receives.
pub(crate) enum ParamKind<'a> {
    /// Taken by value: journaled as a clone; the closure gets the value.
    Owned,
    /// A raw pointer, `*const T` or `*mut T`: journaled as its `Address`
    /// (never read through, and `Send + Sync`); the closure gets the pointer.
    Pointer,
    /// `&T` or `&mut T`: journaled as `T::to_owned()`; the closure gets the reference.
    Borrowed(&'a Type),
    /// `Option<&T>`: journaled as `Option<T::Owned>`.
    OptionBorrowed(&'a Type),
    /// `impl AsRef<X>` (or `&impl AsRef<X>`, or a generic with that bound):
    /// journaled as `X::to_owned(arg.as_ref())`; the closure gets `&X`.
    AsRef(&'a Type),
    /// `impl Into<X>`: converted once; journaled as a clone of the `X`; the closure gets the `X`.
    Into(&'a Type),
    /// `impl IntoIterator<Item = X>` or `impl Iterator<Item = X>`: collected
    /// into a `Vec<X>`, journaled as a clone; the closure gets the `Vec<X>`.
    Collect(&'a Type),
    /// `impl Fn(..)`/`impl FnMut(..)`/`impl FnOnce(..)` (or a generic with
    /// that bound, `'static` or not): a callback, journaled as text; the
    /// closure gets `&dyn Fn(..)` / `&mut dyn FnMut(..)` / `Box<dyn
    /// FnOnce(..) + '_>`, or, for a `'static` one taken by value, the
    /// callback itself, boxed, to keep.
    Callable {
        bound: &'a syn::TraitBound,
        by_ref: Option<&'a TypeReference>,
        /// Taken by value and `'static`: the closure gets a
        /// `Box<dyn Fn(..) + 'static>` with these auto-trait bounds
        /// (`Send`, `Sync`) of the callback's.
        kept: Option<Vec<&'a syn::TraitBound>>,
    },
    /// The receiver of a patched method, restated as `__autospec_self:
    /// &Type`: not journaled (the call is the method's), passed to the
    /// answer closure.
    Receiver,
    /// Cannot be kept (a borrow, a trait object, `#[autospec(skip)]`, a
    /// generic): journaled as its `Debug` text or type name. The closure gets
    /// the argument itself when its type can be named, else the text.
    Opaque { closure_gets_value: bool },
}

/// What the method's answer is.
pub(crate) enum Ret<'a> {
    /// `()` or nothing written.
    Unit,
    /// Any owned type.
    Owned(&'a Type),
    /// `&T`: the mock keeps a `T::Owned` and lends it for as long as it
    /// lives when the reference borrows from `self`, or leaks it otherwise.
    Borrowed {
        reference: &'a TypeReference,
        from_self: bool,
    },
    /// `Option<&T>`: as `Borrowed`, inside the option.
    OptionBorrowed {
        reference: &'a TypeReference,
        from_self: bool,
    },
    /// `Result<&T, E>` (or an alias such as `io::Result<&T>`): as
    /// `Borrowed`, for the `Ok` value.
    ResultBorrowed {
        result: &'a TypePath,
        reference: &'a TypeReference,
        from_self: bool,
    },
    /// `impl Iterator<Item = X>` (or `IntoIterator`, `DoubleEndedIterator`,
    /// `ExactSizeIterator`): answered with a `Vec<X>`.
    Iter(&'a Type),
    /// `impl Fn(..) -> ..`: answered with a boxed closure.
    Callable(&'a syn::TraitBound),
    /// A return type with `impl Trait` in it: answered with this type,
    /// each `impl Trait` replaced by its stand-in (`standin`).
    Standin(Box<Type>),
    /// An `impl Trait` autospec has no stand-in for, kept for validation.
    Opaque(&'a syn::TypeImplTrait),
}

/// How the answer is handed back.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wrap {
    Direct,
    /// `async fn`: the impl returns `impl Future` that is ready at once.
    AsyncFn,
    /// `-> impl Future<Output = T>`.
    ImplFuture,
    /// `-> Pin<Box<dyn Future<Output = T> + ..>>` (also what `#[async_trait]` writes).
    BoxFuture,
}

impl<'a> ParamKind<'a> {
    pub(super) fn of(ty: &'a Type, generics: &'a Generics, scope: &Scope<'_, 'a>) -> Self {
        let (inner, reference) = match ungroup(ty) {
            Type::Reference(reference) => (ungroup(&reference.elem), Some(reference)),
            Type::Ptr(_) => return ParamKind::Pointer,
            other => (other, None),
        };
        if let Some(kind) = Self::by_bounds(inner, reference, generics, scope) {
            return kind;
        }
        let mentions = Mentions::of(ty, scope);
        if mentions.generic() || mentions.unclonable {
            return ParamKind::Opaque {
                closure_gets_value: !mentions.erased_generic(),
            };
        }
        let stored = match (reference, option_of_reference(inner)) {
            (Some(_), _) => inner,
            (None, Some(reference)) => &reference.elem,
            (None, None) => ty,
        };
        if Mentions::of(stored, scope).unstorable() {
            return ParamKind::Opaque {
                closure_gets_value: true,
            };
        }
        match (reference, option_of_reference(inner)) {
            (Some(_), _) => ParamKind::Borrowed(inner),
            (None, Some(reference)) => ParamKind::OptionBorrowed(&reference.elem),
            (None, None) => ParamKind::Owned,
        }
    }

    /// The conversions chosen by the bounds of an `impl Trait` or of a bare
    /// generic parameter: `AsRef`, `Into`, iterators, closures.
    fn by_bounds(
        inner: &'a Type,
        reference: Option<&'a TypeReference>,
        generics: &'a Generics,
        scope: &Scope<'_, 'a>,
    ) -> Option<Self> {
        let bounds: Vec<&TypeParamBound> = match inner {
            Type::ImplTrait(impl_trait) => impl_trait.bounds.iter().collect(),
            Type::Path(path) if path.qself.is_none() => {
                let ident = path.path.get_ident()?;
                if !scope.erased.contains(&ident) && !scope.keyed.contains(&ident) {
                    return None;
                }
                bounds_of(ident, generics).collect()
            }
            _ => return None,
        };
        for &bound in &bounds {
            let TypeParamBound::Trait(bound) = bound else {
                continue;
            };
            let Some(last) = bound.path.segments.last() else {
                continue;
            };
            let name = last.ident.to_string();
            let by_value = reference.is_none();
            match name.as_str() {
                "Fn" | "FnMut" | "FnOnce" if by_value || name != "FnOnce" => {
                    let kept = (by_value && is_static_bound(&bounds)).then(|| markers(&bounds));
                    return Some(ParamKind::Callable {
                        bound,
                        by_ref: reference,
                        kept,
                    });
                }
                "AsRef" => {
                    if let Some(target) = single_type_arg(&last.arguments) {
                        if !Mentions::of(target, scope).generic() {
                            return Some(ParamKind::AsRef(target));
                        }
                    }
                }
                "Into" if by_value => {
                    if let Some(target) = single_type_arg(&last.arguments) {
                        if !Mentions::of(target, scope).generic() {
                            return Some(ParamKind::Into(target));
                        }
                    }
                }
                "IntoIterator" | "Iterator" if by_value => {
                    if let Some(item) = item_binding(&last.arguments) {
                        if !Mentions::of(item, scope).generic() {
                            return Some(ParamKind::Collect(item));
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Whether the bounds include `'static`.
fn is_static_bound(bounds: &[&TypeParamBound]) -> bool {
    bounds.iter().any(
        |bound| matches!(bound, TypeParamBound::Lifetime(lifetime) if lifetime.ident == "static"),
    )
}

/// The `Send` and `Sync` among the bounds, which a kept callback keeps.
fn markers<'a>(bounds: &[&'a TypeParamBound]) -> Vec<&'a syn::TraitBound> {
    bounds
        .iter()
        .filter_map(|bound| match bound {
            TypeParamBound::Trait(bound)
                if bound
                    .path
                    .segments
                    .last()
                    .is_some_and(|last| last.ident == "Send" || last.ident == "Sync") =>
            {
                Some(bound)
            }
            _ => None,
        })
        .collect()
}

/// Whether one of the bounds is `Fn(..)`, `FnMut(..)` or `FnOnce(..)`: the
/// type parameter is a callback, whose closure type a test cannot name.
pub(super) fn is_callback<'b>(bounds: impl IntoIterator<Item = &'b TypeParamBound>) -> bool {
    bounds.into_iter().any(|bound| match bound {
        TypeParamBound::Trait(bound) => bound.path.segments.last().is_some_and(|last| {
            ["Fn", "FnMut", "FnOnce"]
                .iter()
                .any(|name| last.ident == name)
        }),
        _ => false,
    })
}

/// `X` in `AsRef<X>`.
fn single_type_arg(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(ty) if args.args.len() == 1 => Some(ty),
        _ => None,
    }
}

/// `X` in `Iterator<Item = X>` (also `Future<Output = X>`).
fn item_binding(arguments: &PathArguments) -> Option<&Type> {
    associated_binding(arguments, "Item")
}

fn associated_binding<'t>(arguments: &'t PathArguments, name: &str) -> Option<&'t Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::AssocType(assoc) if assoc.ident == name => Some(&assoc.ty),
        _ => None,
    })
}

impl Wrap {
    /// How the signature hands its answer back, and the answer's type
    /// (`None` for unit).
    pub(super) fn of(sig: &Signature) -> (Self, Option<&Type>) {
        let ReturnType::Type(_, ty) = &sig.output else {
            let wrap = if sig.asyncness.is_some() {
                Wrap::AsyncFn
            } else {
                Wrap::Direct
            };
            return (wrap, None);
        };
        if sig.asyncness.is_some() {
            return (Wrap::AsyncFn, Some(ty));
        }
        if let Some(output) = impl_future_output(ty) {
            return (Wrap::ImplFuture, Some(output));
        }
        if let Some(output) = boxed_future_output(ty) {
            return (Wrap::BoxFuture, Some(output));
        }
        (Wrap::Direct, Some(ty))
    }
}

/// The span of `Send` in `-> impl Future<..> + Send` or
/// `-> Pin<Box<dyn Future<..> + Send>>`.
pub(super) fn send_bound(output: &ReturnType) -> Option<proc_macro2::Span> {
    let ReturnType::Type(_, ty) = output else {
        return None;
    };
    let bounds = if let Type::ImplTrait(impl_trait) = ungroup(ty) {
        &impl_trait.bounds
    } else {
        let pinned = last_segment_named(ty, "Pin")?;
        let boxed = last_segment_named(single_type_arg(&pinned.arguments)?, "Box")?;
        let Type::TraitObject(object) = ungroup(single_type_arg(&boxed.arguments)?) else {
            return None;
        };
        &object.bounds
    };
    bounds.iter().find_map(|bound| match bound {
        TypeParamBound::Trait(bound)
            if bound
                .path
                .segments
                .last()
                .is_some_and(|last| last.ident == "Send") =>
        {
            Some(bound.path.segments.last()?.ident.span())
        }
        _ => None,
    })
}

/// `T` in `impl Future<Output = T> + ..`.
fn impl_future_output(ty: &Type) -> Option<&Type> {
    let Type::ImplTrait(impl_trait) = ungroup(ty) else {
        return None;
    };
    future_output(impl_trait.bounds.iter())
}

/// The same for `Pin<Box<dyn Future<Output = T> + Send + 'a>>`.
fn boxed_future_output(ty: &Type) -> Option<&Type> {
    let pinned = last_segment_named(ty, "Pin")?;
    let boxed = last_segment_named(single_type_arg(&pinned.arguments)?, "Box")?;
    let Type::TraitObject(object) = ungroup(single_type_arg(&boxed.arguments)?) else {
        return None;
    };
    future_output(object.bounds.iter())
}

fn future_output<'t>(bounds: impl Iterator<Item = &'t TypeParamBound>) -> Option<&'t Type> {
    for bound in bounds {
        let TypeParamBound::Trait(bound) = bound else {
            continue;
        };
        let last = bound.path.segments.last()?;
        if last.ident == "Future" {
            return associated_binding(&last.arguments, "Output");
        }
    }
    None
}

fn last_segment_named<'t>(ty: &'t Type, name: &str) -> Option<&'t syn::PathSegment> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    let last = path.path.segments.last()?;
    (path.qself.is_none() && last.ident == name).then_some(last)
}

impl<'a> Ret<'a> {
    /// The answer of `sig`, whose return type (or future's output) is
    /// `ty`. `named` are the types the attribute names for `impl Trait`s;
    /// `named_only` when only those can answer (a patched function, whose
    /// body decides its one return type).
    pub(super) fn from_syn(
        sig: &'a Signature,
        ty: &'a Type,
        named: &'a [ImplType],
        named_only: bool,
    ) -> Self {
        let from_self = |reference: &TypeReference| borrows_from_self(sig, reference);
        if !standin::impl_traits(ty).is_empty() {
            return impl_trait_ret(ty, named, named_only);
        }
        match ungroup(ty) {
            Type::Tuple(tuple) if tuple.elems.is_empty() => Ret::Unit,
            Type::Reference(reference) => Ret::Borrowed {
                reference,
                from_self: from_self(reference),
            },
            other => {
                if let Some(reference) = option_of_reference(other) {
                    return Ret::OptionBorrowed {
                        reference,
                        from_self: from_self(reference),
                    };
                }
                if let Some((result, reference)) = result_of_reference(other) {
                    return Ret::ResultBorrowed {
                        result,
                        reference,
                        from_self: from_self(reference),
                    };
                }
                Ret::Owned(ty)
            }
        }
    }
}

/// A return type with `impl Trait` in it: a type the attribute names for
/// it, a `Vec` for a returned iterator, a boxed closure for a returned
/// `impl Fn`, else the type with each `impl Trait` replaced by its
/// stand-in.
impl Ret<'_> {
    /// Whether the answer holds a borrow that the mock cannot keep: a
    /// lifetime of an argument or of `self`, elided or named (the trait's
    /// own lifetimes are the mock's, which it can keep).
    pub(super) fn holds_borrow(&self, scope: &Scope<'_, '_>) -> bool {
        let kept = match self {
            Ret::Unit | Ret::Callable(_) | Ret::Opaque(_) => return false,
            Ret::Owned(ty) | Ret::Iter(ty) => *ty,
            Ret::Standin(ty) => ty,
            Ret::Borrowed { reference, .. }
            | Ret::OptionBorrowed { reference, .. }
            | Ret::ResultBorrowed { reference, .. } => &reference.elem,
        };
        Mentions::of(kept, scope).lifetime.is_some()
    }
}

fn impl_trait_ret<'a>(ty: &'a Type, named: &'a [ImplType], named_only: bool) -> Ret<'a> {
    if let Type::ImplTrait(impl_trait) = ungroup(ty) {
        let given = named
            .iter()
            .find(|given| standin::matches(given, impl_trait));
        if let Some(given) = given {
            return Ret::Standin(Box::new(given.ty.clone()));
        }
        match (iter_or_callable(impl_trait), named_only) {
            (Some(Ret::Iter(item)), false) if standin::impl_traits(item).is_empty() => {
                return Ret::Iter(item);
            }
            (Some(ret @ Ret::Callable(_)), false) => return ret,
            _ => {}
        }
    }
    match standin::replace(ty, named, named_only) {
        Ok(answer) => Ret::Standin(Box::new(answer)),
        Err(missing) => Ret::Opaque(missing),
    }
}

/// `impl Iterator<Item = X>` (and its kin) or `impl Fn(..)`.
fn iter_or_callable(impl_trait: &syn::TypeImplTrait) -> Option<Ret<'_>> {
    for bound in &impl_trait.bounds {
        let TypeParamBound::Trait(bound) = bound else {
            continue;
        };
        let Some(last) = bound.path.segments.last() else {
            continue;
        };
        match last.ident.to_string().as_str() {
            "Iterator" | "IntoIterator" | "DoubleEndedIterator" | "ExactSizeIterator" => {
                if let Some(item) = item_binding(&last.arguments) {
                    return Some(Ret::Iter(item));
                }
            }
            "Fn" | "FnMut" | "FnOnce" => return Some(Ret::Callable(bound)),
            _ => {}
        }
    }
    None
}

/// The reference in `Option<&T>`.
fn option_of_reference(ty: &Type) -> Option<&TypeReference> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    match single_type_arg(&last.arguments).map(ungroup)? {
        Type::Reference(reference) => Some(reference),
        _ => None,
    }
}

/// `Result<&T, E>` or `io::Result<&T>`, and the reference.
fn result_of_reference(ty: &Type) -> Option<(&TypePath, &TypeReference)> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first().map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ungroup(ty)),
        _ => None,
    })?? {
        Type::Reference(reference) => Some((path, reference)),
        _ => None,
    }
}

/// Whether a returned reference borrows from the `&self` receiver: its
/// lifetime is elided (elision picks `self`'s) or names the receiver's.
fn borrows_from_self(sig: &Signature, reference: &TypeReference) -> bool {
    let Some(receiver) = sig.receiver() else {
        return false;
    };
    let ReceiverKind::Reference(_, receiver_lifetime, _) = &receiver.kind else {
        return false;
    };
    match (&reference.lifetime, receiver_lifetime) {
        (None, _) => true,
        (Some(returned), Some(receiver)) => returned == receiver,
        (Some(_), None) => false,
    }
}
