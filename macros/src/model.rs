//! A small model of the mocked item, built from syn. Every node keeps its
//! original syntax so that validation can point at the user's tokens.

use crate::attr::Args;
use crate::queries::{ungroup, Mentions, Scope};
use proc_macro2::TokenStream;
use syn::{
    Attribute, Expr, FnArg, GenericArgument, GenericParam, Generics, Ident, ItemTrait, Path,
    PathArguments, ReceiverKind, ReturnType, Signature, TraitItem, TraitItemConst, TraitItemFn,
    TraitItemType, Type, TypeParamBound, TypePath, TypeReference,
};

/// A trait under `#[autospec]`, or restated in `mock!`.
pub(crate) struct Trait<'a> {
    pub(crate) item: &'a ItemTrait,
    /// The trait the mock implements: the item's own name, or the foreign
    /// path given to `mock!`.
    pub(crate) path: TokenStream,
    /// `MockStore` for `Store`.
    pub(crate) mock: Ident,
    pub(crate) methods: Vec<Method<'a>>,
    pub(crate) types: Vec<AssocType<'a>>,
    pub(crate) consts: Vec<AssocConst<'a>>,
    /// Items that are neither methods, types nor consts (macros), for validation.
    pub(crate) others: Vec<&'a TraitItem>,
    /// `#[async_trait]` on the trait, copied onto the mock's impl.
    pub(crate) async_trait_attr: Option<&'a Attribute>,
    /// Set when the methods come from an inherent `impl` block: the mock
    /// gets them as inherent methods instead of a trait impl.
    pub(crate) inherent: Option<Inherent>,
}

/// What an inherent `impl` block adds beyond its methods' signatures.
pub(crate) struct Inherent {
    /// Each mocked method's visibility, in method order.
    pub(crate) visibilities: Vec<syn::Visibility>,
    /// Public associated consts, copied to the mock as they are.
    pub(crate) consts: Vec<syn::ImplItemConst>,
}

/// An associated type: fixed by `#[autospec(type Item = ..)]` (or by the
/// `mock!` body), else a type parameter of the mock.
pub(crate) struct AssocType<'a> {
    pub(crate) item: &'a TraitItemType,
    pub(crate) given: Option<&'a Type>,
}

/// An associated const: fixed by the attribute, by the `mock!` body or the
/// trait's default, else a const parameter of the mock.
pub(crate) struct AssocConst<'a> {
    pub(crate) item: &'a TraitItemConst,
    pub(crate) given: Option<&'a Expr>,
}

/// One method of the trait.
pub(crate) struct Method<'a> {
    pub(crate) sig: &'a Signature,
    pub(crate) params: Vec<Param<'a>>,
    pub(crate) ret: Ret<'a>,
    /// How the answer reaches the caller: directly, or inside a future.
    pub(crate) wrap: Wrap,
    /// `#[cfg(..)]` attributes, repeated on everything generated for the method.
    pub(crate) cfgs: Vec<&'a Attribute>,
    /// No receiver: answered by the mock's class (per-thread) state.
    pub(crate) is_static: bool,
    /// The generic parameters of the method, sorted by how the mock treats them.
    pub(crate) generics: MethodGenerics<'a>,
    /// The trait's default body, if the method has one (`calls_default()` runs it).
    pub(crate) default_body: Option<&'a syn::Block>,
}

/// A method's own type and const parameters (lifetimes need nothing).
#[derive(Default)]
pub(crate) struct MethodGenerics<'a> {
    /// `T: 'static` type params and const params: each instantiation gets
    /// its own child mock (`mock.get.of::<User>()`).
    pub(crate) keyed: Vec<&'a GenericParam>,
    /// Other type params: the mock cannot name them outside the call, so
    /// arguments of these types are journaled as text.
    pub(crate) erased: Vec<&'a Ident>,
}

/// One parameter (the receiver excluded) and how it is journaled.
pub(crate) struct Param<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) kind: ParamKind<'a>,
}

/// How an argument becomes an owned journal entry, and what the answer
/// closure receives.
pub(crate) enum ParamKind<'a> {
    /// Taken by value: journaled as a clone; the closure gets the value.
    Owned,
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
    /// `impl Fn(..)`/`impl FnMut(..)` (or a generic with that bound): journaled
    /// as text; the closure gets `&dyn Fn(..)` / `&mut dyn FnMut(..)`.
    Callable {
        bound: &'a syn::TraitBound,
        by_ref: Option<&'a TypeReference>,
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
    /// An `impl Trait` autospec cannot answer, kept for validation.
    Opaque(&'a Type),
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

impl<'a> Trait<'a> {
    /// The model of `item`; `path` is the trait the mock implements.
    /// `restated` items (from `mock!`) give the impl's types and consts as
    /// their defaults.
    pub(crate) fn from_syn(
        item: &'a ItemTrait,
        path: TokenStream,
        args: &'a Args,
        restated: bool,
    ) -> Self {
        let mut model = Trait {
            item,
            path,
            mock: mock_ident(&item.ident),
            methods: Vec::new(),
            types: Vec::new(),
            consts: Vec::new(),
            others: Vec::new(),
            async_trait_attr: item.attrs.iter().find(|attr| is_async_trait(attr.path())),
            inherent: None,
        };
        let unclonable = unclonable(item, args, restated);
        for trait_item in &item.items {
            match trait_item {
                TraitItem::Fn(function) => {
                    model
                        .methods
                        .push(Method::from_syn(function, &item.generics, &unclonable));
                }
                TraitItem::Type(ty) => model.types.push(AssocType {
                    given: args.given_type(&ty.ident).or(ty
                        .default
                        .as_ref()
                        .filter(|_| restated)
                        .map(|(_, ty)| ty)),
                    item: ty,
                }),
                TraitItem::Const(constant) => model.consts.push(AssocConst {
                    given: args.given_const(&constant.ident).or(constant
                        .default
                        .as_ref()
                        .filter(|_| restated)
                        .map(|(_, value)| value)),
                    item: constant,
                }),
                other => model.others.push(other),
            }
        }
        model
    }

    /// Methods with a receiver: fields of the mock.
    pub(crate) fn instance_methods(&self) -> impl Iterator<Item = &Method<'a>> {
        self.methods.iter().filter(|method| !method.is_static)
    }

    /// Methods without one: fields of the mock's class.
    pub(crate) fn static_methods(&self) -> impl Iterator<Item = &Method<'a>> {
        self.methods.iter().filter(|method| method.is_static)
    }
}

/// `MockStore` for `Store`, `Mockmatch` for `r#match`.
fn mock_ident(trait_ident: &Ident) -> Ident {
    let name = trait_ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    Ident::new(&format!("Mock{name}"), trait_ident.span())
}

/// `#[async_trait]`, `#[async_trait::async_trait]`, `#[async_trait(?Send)]`.
fn is_async_trait(path: &Path) -> bool {
    path.segments
        .last()
        .is_some_and(|segment| segment.ident == "async_trait")
}

impl<'a> Method<'a> {
    fn from_syn(
        function: &'a TraitItemFn,
        trait_generics: &'a Generics,
        unclonable: &[&'a Ident],
    ) -> Self {
        let sig = &function.sig;
        let generics = MethodGenerics::from_syn(&sig.generics);
        let scope = Scope {
            keyed: generics.keyed_idents(),
            erased: &generics.erased,
            lifetimes: trait_lifetimes(trait_generics),
            unclonable: unclonable.to_vec(),
        };
        let params = sig
            .inputs
            .iter()
            .filter_map(|arg| match arg {
                FnArg::Typed(typed) if is_restated_receiver(&typed.pat) => Some(Param {
                    ty: &typed.ty,
                    kind: ParamKind::Receiver,
                }),
                FnArg::Typed(typed) => Some(Param::from_syn(
                    &typed.ty,
                    &typed.attrs,
                    &sig.generics,
                    &scope,
                )),
                FnArg::Receiver(_) => None,
            })
            .collect();
        let (wrap, output) = Wrap::of(sig);
        let cfgs = function
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"))
            .collect();
        Method {
            sig,
            params,
            ret: output.map_or(Ret::Unit, |ty| Ret::from_syn(sig, ty)),
            wrap,
            cfgs,
            is_static: sig.receiver().is_none(),
            generics,
            default_body: function.default.as_ref(),
        }
    }

    /// The method name as the user reads it (`type` for `r#type`).
    pub(crate) fn name(&self) -> String {
        let name = self.sig.ident.to_string();
        name.strip_prefix("r#")
            .map_or_else(|| name.clone(), str::to_owned)
    }

    /// The scope in which this method's types are read.
    pub(crate) fn scope<'s>(&'s self, trait_generics: &'a Generics) -> Scope<'s, 'a> {
        Scope {
            keyed: self.generics.keyed_idents(),
            erased: &self.generics.erased,
            lifetimes: trait_lifetimes(trait_generics),
            unclonable: Vec::new(),
        }
    }

    /// Whether each instantiation has its own child mock.
    pub(crate) fn is_keyed(&self) -> bool {
        !self.generics.keyed.is_empty()
    }
}

impl<'a> MethodGenerics<'a> {
    fn from_syn(generics: &'a Generics) -> Self {
        let mut sorted = MethodGenerics::default();
        for param in &generics.params {
            match param {
                GenericParam::Type(ty) if is_static(&ty.ident, generics) => {
                    sorted.keyed.push(param);
                }
                GenericParam::Type(ty) => sorted.erased.push(&ty.ident),
                GenericParam::Const(_) => sorted.keyed.push(param),
                GenericParam::Lifetime(_) => {}
            }
        }
        sorted
    }

    pub(crate) fn keyed_idents(&self) -> Vec<&'a Ident> {
        self.keyed
            .iter()
            .filter_map(|param| match param {
                GenericParam::Type(ty) => Some(&ty.ident),
                GenericParam::Const(constant) => Some(&constant.ident),
                GenericParam::Lifetime(_) => None,
            })
            .collect()
    }
}

/// The trait's type parameters and open associated types whose bounds do
/// not promise `Clone`: arguments of those types are journaled as text.
fn unclonable<'a>(item: &'a ItemTrait, args: &Args, restated: bool) -> Vec<&'a Ident> {
    let params = item
        .generics
        .type_params()
        .filter(|param| !promises_clone(bounds_of(&param.ident, &item.generics)))
        .map(|param| &param.ident);
    let types = item.items.iter().filter_map(|trait_item| match trait_item {
        TraitItem::Type(ty)
            if args.given_type(&ty.ident).is_none()
                && !(restated && ty.default.is_some())
                && !promises_clone(&ty.bounds) =>
        {
            Some(&ty.ident)
        }
        _ => None,
    });
    params.chain(types).collect()
}

fn promises_clone<'b>(bounds: impl IntoIterator<Item = &'b TypeParamBound>) -> bool {
    bounds.into_iter().any(|bound| match bound {
        TypeParamBound::Trait(bound) => bound
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Clone" || segment.ident == "Copy"),
        _ => false,
    })
}

fn trait_lifetimes(generics: &Generics) -> Vec<&Ident> {
    generics
        .lifetimes()
        .map(|param| &param.lifetime.ident)
        .collect()
}

/// Whether the type parameter is bounded by `'static` (or `Any`, which implies it).
fn is_static(ident: &Ident, generics: &Generics) -> bool {
    bounds_of(ident, generics).any(|bound| match bound {
        TypeParamBound::Lifetime(lifetime) => lifetime.ident == "static",
        TypeParamBound::Trait(bound) => bound
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Any"),
        _ => false,
    })
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

fn is_ident(ty: &Type, ident: &Ident) -> bool {
    matches!(ungroup(ty), Type::Path(path) if path.qself.is_none() && path.path.is_ident(ident))
}

impl<'a> Param<'a> {
    fn from_syn(
        ty: &'a Type,
        attrs: &[Attribute],
        generics: &'a Generics,
        scope: &Scope<'_, 'a>,
    ) -> Self {
        let kind = if attrs.iter().any(is_skip) {
            ParamKind::Opaque {
                closure_gets_value: !Mentions::of(ty, scope).generic(),
            }
        } else {
            ParamKind::of(ty, generics, scope)
        };
        Param { ty, kind }
    }
}

/// The name a patched method's receiver is restated under.
pub(crate) const RESTATED_RECEIVER: &str = "__autospec_self";

fn is_restated_receiver(pat: &syn::Pat) -> bool {
    matches!(pat, syn::Pat::Ident(ident) if ident.ident == RESTATED_RECEIVER)
}

/// `#[autospec(skip)]` on a parameter.
pub(crate) fn is_skip(attr: &Attribute) -> bool {
    attr.path().is_ident("autospec")
}

impl<'a> ParamKind<'a> {
    fn of(ty: &'a Type, generics: &'a Generics, scope: &Scope<'_, 'a>) -> Self {
        let (inner, reference) = match ungroup(ty) {
            Type::Reference(reference) => (ungroup(&reference.elem), Some(reference)),
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
        for bound in bounds {
            let TypeParamBound::Trait(bound) = bound else {
                continue;
            };
            let Some(last) = bound.path.segments.last() else {
                continue;
            };
            let name = last.ident.to_string();
            let by_value = reference.is_none();
            match name.as_str() {
                "Fn" | "FnMut" => {
                    return Some(ParamKind::Callable {
                        bound,
                        by_ref: reference,
                    })
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
    fn of(sig: &Signature) -> (Self, Option<&Type>) {
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
    fn from_syn(sig: &'a Signature, ty: &'a Type) -> Self {
        let from_self = |reference: &TypeReference| borrows_from_self(sig, reference);
        match ungroup(ty) {
            Type::Tuple(tuple) if tuple.elems.is_empty() => Ret::Unit,
            Type::Reference(reference) => Ret::Borrowed {
                reference,
                from_self: from_self(reference),
            },
            Type::ImplTrait(impl_trait) => impl_trait_ret(ty, impl_trait),
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

fn impl_trait_ret<'a>(ty: &'a Type, impl_trait: &'a syn::TypeImplTrait) -> Ret<'a> {
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
                    return Ret::Iter(item);
                }
            }
            "Fn" | "FnMut" | "FnOnce" => return Ret::Callable(bound),
            _ => {}
        }
    }
    Ret::Opaque(ty)
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
