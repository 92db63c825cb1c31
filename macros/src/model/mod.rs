//! A small model of the mocked item, built from syn. Every node keeps its
//! original syntax so that validation can point at the user's tokens.
//!
//! Every kind of item becomes a [`Trait`]: an inherent impl block, a free
//! function and a closure signature are restated as traits first
//! (`restate`). Below the model: `kinds` reads each parameter and answer,
//! `magic` reads the entries of `magic(..)`.

pub(crate) mod doubles;
mod kinds;
pub(crate) mod magic;
pub(crate) mod restate;
mod specializing;
mod standin;

pub(crate) use kinds::{ParamKind, Ret, Wrap};
pub(crate) use standin::{impl_traits, matches as matches_bounds};

use crate::attr::{Args, ImplType};
use crate::queries::{bounds_of, mentions_self, Mentions, Scope};
use magic::MagicTrait;
use syn::{
    Attribute, Expr, FnArg, GenericParam, Generics, Ident, ItemFn, ItemImpl, ItemTrait, Path,
    Signature, TraitItem, TraitItemConst, TraitItemFn, TraitItemType, Type, TypeParamBound,
};

/// What `#[autospec]` is on, once validation knows it is an item it takes.
pub(crate) enum Target<'i> {
    /// A trait: a mock type that implements it.
    Trait(&'i ItemTrait),
    /// An inherent impl block: a mock type with the same methods (or, with
    /// `part = N`, further methods of one).
    ImplBlock(&'i ItemImpl),
    /// `#[autospec(patchable)]` on an inherent impl block: patch hooks.
    PatchableImpl(&'i ItemImpl),
    /// A trait impl, `impl Trait for Type`: a mock of the type that
    /// implements the trait (or, with `part = N`, joins the type's mock).
    TraitImpl(&'i ItemImpl),
    /// A free function: a patch hook.
    Function(&'i ItemFn),
    /// An `extern` block: each function becomes a hooked function that
    /// calls the foreign one.
    ExternBlock(&'i syn::ItemForeignMod),
}

/// The parts a mock can have besides its first block: `part = 2` to
/// `part = MAX_PART`.
pub(crate) const MAX_PART: u8 = 8;

/// A trait under `#[autospec]`, or restated in `mock!`.
pub(crate) struct Trait<'a> {
    pub(crate) item: &'a ItemTrait,
    /// The trait the mock implements: the item's own name, or the foreign
    /// path given to `mock!`; `None` for the items restated as traits
    /// whose mock implements no trait (impl blocks, functions).
    pub(crate) path: Option<Path>,
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
    /// Each entry of `magic(..)`, understood, or what is wrong with it
    /// (which `validate` reports).
    pub(crate) magic: Vec<syn::Result<MagicTrait<'a>>>,
    /// Further traits the mock implements (`impl Named { .. }` in the
    /// attribute or in `mock!`); a method, type or const of the `n`th has
    /// `owner == n + 1`.
    pub(crate) extras: Vec<Extra<'a>>,
    /// The types the attribute names for `impl Trait` returns.
    pub(crate) impl_types: &'a [ImplType],
    /// Where the items come from.
    pub(crate) origin: Origin,
    /// The mock has lifetime parameters and state found by type (a class,
    /// or per-type child mocks), which must be `'static`: its answers and
    /// journal then keep nothing that borrows for the mock's lifetimes,
    /// and its closures take those lifetimes as their own (`for<'a>`), so
    /// that one class serves the mock for every lifetime.
    pub(crate) free_lifetimes: bool,
}

/// Where a model's items come from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The user's own item under `#[autospec]`: a trait, an inherent impl
    /// block (restated as a trait), or `mock_fn!`'s closure signature.
    Written,
    /// Restated in `mock!`, where no attribute can name types; associated
    /// types and consts are given as an impl gives them.
    MockMacro,
    /// A trait impl's items; associated types and consts as it gives them.
    TraitImpl,
    /// A patched function or method: its hook answers instead of its body,
    /// so an `impl Trait` return can only be answered with the body's type.
    Hooked,
}

impl Origin {
    /// Whether associated types and consts are given as an impl gives them.
    pub(crate) fn restated(self) -> bool {
        matches!(self, Origin::MockMacro | Origin::TraitImpl)
    }
}

/// A further trait the mock implements, restated.
pub(crate) struct Extra<'a> {
    pub(crate) item: &'a ItemTrait,
    pub(crate) path: &'a Path,
    /// `#[async_trait]` on the restated block, copied onto its impl.
    pub(crate) async_trait_attr: Option<&'a Attribute>,
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
    /// The parameters `given` is written with: the attribute's
    /// `type Item<'b> = &'b str`, or the restated `type Item<'a> = ..`.
    pub(crate) given_generics: Option<&'a Generics>,
    /// Which trait declares it: 0 for the mocked one, else an extra's.
    pub(crate) owner: usize,
}

/// An associated const: fixed by the attribute, by the `mock!` body or the
/// trait's default, else a const parameter of the mock.
pub(crate) struct AssocConst<'a> {
    pub(crate) item: &'a TraitItemConst,
    pub(crate) given: Option<&'a Expr>,
    /// Which trait declares it: 0 for the mocked one, else an extra's.
    pub(crate) owner: usize,
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
    /// The `Send` bound of a future return type (`impl Future<..> + Send`,
    /// `Pin<Box<dyn Future<..> + Send>>`): the mock's future must be `Send`.
    pub(crate) send_future: Option<proc_macro2::Span>,
    /// Which trait declares it: 0 for the mocked one, else an extra's.
    pub(crate) owner: usize,
    /// The answer holds a borrow of an argument or of `self`
    /// (`-> Cow<'a, str>`): the mock keeps answers that borrow for
    /// `'static` only, and a `returns_with` closure's answer, which may
    /// borrow from its arguments, is handed back as it is.
    pub(crate) lent: bool,
    /// The `where` predicates of a specializing method (`specializing.rs`),
    /// under which its child mock is typed; empty for other methods.
    pub(crate) specializing: Vec<&'a syn::WherePredicate>,
}

/// A method's own type and const parameters (lifetimes need nothing).
#[derive(Default)]
pub(crate) struct MethodGenerics<'a> {
    /// `T: 'static` type params and const params: each instantiation gets
    /// its own child mock (`mock.get.of::<User>()`).
    pub(crate) keyed: Vec<&'a GenericParam>,
    /// Other type params: the mock cannot name them outside the call, so
    /// arguments of these types are journaled as text. Callbacks
    /// (`F: Fn(u32) + 'static`) are among them even when `'static`: a
    /// closure's type cannot be named in a test, so `of::<F>()` could
    /// never be written.
    pub(crate) erased: Vec<&'a Ident>,
}

/// One parameter (the receiver excluded) and how it is journaled.
pub(crate) struct Param<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) kind: ParamKind<'a>,
}
impl<'a> Trait<'a> {
    /// The model of `item`; `path` is the trait the mock implements.
    /// `restated` items (from `mock!`) give the impl's types and consts as
    /// their defaults. Each kind of item has its constructor (`restate`).
    fn from_syn(item: &'a ItemTrait, path: Option<Path>, args: &'a Args, origin: Origin) -> Self {
        let restated = origin.restated();
        let mut model = Trait {
            item,
            path,
            mock: mock_ident(&item.ident),
            methods: Vec::new(),
            types: Vec::new(),
            consts: Vec::new(),
            others: Vec::new(),
            async_trait_attr: async_trait_attr(item),
            inherent: None,
            magic: args.magic.iter().map(MagicTrait::from_path).collect(),
            extras: Vec::new(),
            impl_types: &args.impl_types,
            origin,
            free_lifetimes: free_lifetimes(item),
        };
        let unclonable = unclonable(item, args, restated);
        model.read_items(item, 0, args, restated, &unclonable);
        for (index, restated) in args.traits.iter().enumerate() {
            model.extras.push(Extra {
                item: &restated.item,
                path: &restated.path,
                async_trait_attr: async_trait_attr(&restated.item),
            });
            model.read_items(&restated.item, index + 1, args, true, &unclonable);
        }
        model
    }

    /// Reads the items of `from`, the mocked trait (`owner` 0) or an extra.
    fn read_items(
        &mut self,
        from: &'a ItemTrait,
        owner: usize,
        args: &'a Args,
        restated: bool,
        unclonable: &[&'a Ident],
    ) {
        let given = |ident: &Ident| args.given_type(ident).filter(|_| owner == 0);
        for trait_item in &from.items {
            match trait_item {
                TraitItem::Fn(function) => {
                    let mut method = Method::from_syn(function, self, unclonable);
                    method.owner = owner;
                    self.methods.push(method);
                }
                TraitItem::Type(ty) => {
                    let restated = ty
                        .default
                        .as_ref()
                        .filter(|_| restated)
                        .map(|(_, given)| (given, &ty.generics));
                    let given = given(&ty.ident)
                        .map(|given| (&given.ty, &given.generics))
                        .or(restated);
                    self.types.push(AssocType {
                        given: given.map(|(ty, _)| ty),
                        given_generics: given.map(|(_, generics)| generics),
                        item: ty,
                        owner,
                    });
                }
                TraitItem::Const(constant) => self.consts.push(AssocConst {
                    given: args
                        .given_const(&constant.ident)
                        .filter(|_| owner == 0)
                        .or(constant
                            .default
                            .as_ref()
                            .filter(|_| restated)
                            .map(|(_, value)| value)),
                    item: constant,
                    owner,
                }),
                other => self.others.push(other),
            }
        }
    }

    /// The lifetimes the mock keeps borrows for: its own, unless
    /// `free_lifetimes`.
    pub(crate) fn kept_lifetimes(&self) -> Vec<&'a Ident> {
        if self.free_lifetimes {
            return Vec::new();
        }
        trait_lifetimes(&self.item.generics)
    }

    /// The path of the trait that declares `method` (`None` for the
    /// items restated as traits whose mock implements no trait).
    pub(crate) fn path_of(&self, owner: usize) -> Option<&Path> {
        match owner.checked_sub(1) {
            None => self.path.as_ref(),
            Some(index) => self.extras.get(index).map(|extra| extra.path),
        }
    }

    /// `#[async_trait]` on the trait that declares `owner`'s items.
    pub(crate) fn async_trait_of(&self, owner: usize) -> Option<&'a Attribute> {
        match owner.checked_sub(1) {
            None => self.async_trait_attr,
            Some(index) => self
                .extras
                .get(index)
                .and_then(|extra| extra.async_trait_attr),
        }
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
pub(super) fn mock_ident(trait_ident: &Ident) -> Ident {
    let name = trait_ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    Ident::new(&format!("Mock{name}"), trait_ident.span())
}

/// The span of `#[async_trait]` when its futures are `Send` (no `?Send`).
pub(crate) fn async_trait_send(attr: &Attribute) -> Option<proc_macro2::Span> {
    let relaxed = match &attr.meta {
        syn::Meta::List(list) => list.tokens.to_string().replace(' ', "") == "?Send",
        _ => false,
    };
    let span = attr
        .path()
        .segments
        .last()
        .map_or_else(proc_macro2::Span::call_site, |segment| segment.ident.span());
    (!relaxed).then_some(span)
}

/// Whether the trait has lifetime parameters and methods whose state is
/// found by type: without `self`, or generic per type.
fn free_lifetimes(item: &ItemTrait) -> bool {
    item.generics.lifetimes().next().is_some()
        && item.items.iter().any(|trait_item| match trait_item {
            TraitItem::Fn(function) => {
                function.sig.receiver().is_none()
                    || !MethodGenerics::from_syn(&function.sig.generics)
                        .keyed
                        .is_empty()
            }
            _ => false,
        })
}

/// The trait's `#[async_trait]`, if it has one.
fn async_trait_attr(item: &ItemTrait) -> Option<&Attribute> {
    item.attrs.iter().find(|attr| is_async_trait(attr.path()))
}

/// `#[async_trait]`, `#[async_trait::async_trait]`, `#[async_trait(?Send)]`.
pub(crate) fn is_async_trait(path: &Path) -> bool {
    path.segments
        .last()
        .is_some_and(|segment| segment.ident == "async_trait")
}

impl<'a> Method<'a> {
    fn from_syn(function: &'a TraitItemFn, model: &Trait<'a>, unclonable: &[&'a Ident]) -> Self {
        let sig = &function.sig;
        let generics = MethodGenerics::from_syn(&sig.generics);
        let scope = Scope {
            keyed: generics.keyed_idents(),
            erased: &generics.erased,
            lifetimes: model.kept_lifetimes(),
            unclonable: unclonable.to_vec(),
        };
        let params: Vec<Param<'a>> = sig
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
        let params: Vec<Param<'a>> = if model.free_lifetimes {
            params.into_iter().map(without_self).collect()
        } else {
            params
        };
        let specializing = if generics.keyed.is_empty() {
            specializing::predicates(sig, &model.item.generics)
        } else {
            Vec::new()
        };
        let params = if specializing.is_empty() {
            params
        } else {
            params
                .into_iter()
                .map(|param| match param.kind {
                    ParamKind::Receiver => param,
                    _ if specializing::journaled_as_text(param.ty, &model.item.generics) => Param {
                        kind: ParamKind::Opaque {
                            closure_gets_value: true,
                        },
                        ..param
                    },
                    _ => param,
                })
                .collect()
        };
        let (mut wrap, mut output) = Wrap::of(sig);
        if model.origin == Origin::Hooked && wrap == Wrap::ImplFuture {
            // A hook answers with the body's one type: the future itself.
            wrap = Wrap::Direct;
            output = match &sig.output {
                syn::ReturnType::Type(_, ty) => Some(ty),
                syn::ReturnType::Default => None,
            };
        }
        let cfgs = function
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"))
            .collect();
        let ret = output.map_or(Ret::Unit, |ty| {
            Ret::from_syn(sig, ty, model.impl_types, model.origin == Origin::Hooked)
        });
        // Where the mock's lifetimes are not kept, every answer but `()`
        // may name them (`-> Self` is `MockParser<'a>`).
        let lent = ret.holds_borrow(&scope) || (model.free_lifetimes && !matches!(ret, Ret::Unit));
        Method {
            sig,
            params,
            ret,
            lent,
            wrap,
            cfgs,
            is_static: sig.receiver().is_none(),
            generics,
            default_body: function.default.as_ref(),
            send_future: kinds::send_bound(&sig.output),
            owner: 0,
            specializing,
        }
    }

    /// The method name as the user reads it (`type` for `r#type`).
    pub(crate) fn name(&self) -> String {
        let name = self.sig.ident.to_string();
        name.strip_prefix("r#")
            .map_or_else(|| name.clone(), str::to_owned)
    }

    /// The scope in which this method's types are read.
    pub(crate) fn scope<'s>(&'s self, model: &Trait<'a>) -> Scope<'s, 'a> {
        Scope {
            keyed: self.generics.keyed_idents(),
            erased: &self.generics.erased,
            lifetimes: model.kept_lifetimes(),
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
                GenericParam::Type(ty)
                    if is_static(&ty.ident, generics)
                        && !is_callback_param(&ty.ident, generics) =>
                {
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

pub(crate) fn promises_clone<'b>(bounds: impl IntoIterator<Item = &'b TypeParamBound>) -> bool {
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

/// Whether the type parameter is a callback (`F: Fn(u32)`, also `FnMut`,
/// `FnOnce`, inline or in the `where` clause).
pub(crate) fn is_callback_param(ident: &Ident, generics: &Generics) -> bool {
    kinds::is_callback(bounds_of(ident, generics))
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

/// A parameter journaled as text where its type names `Self`: in a mock
/// that keeps no borrows for its lifetimes (`free_lifetimes`), `Self` is
/// the mock with those lifetimes.
fn without_self(param: Param<'_>) -> Param<'_> {
    let kept = matches!(
        param.kind,
        ParamKind::Owned | ParamKind::Borrowed(_) | ParamKind::OptionBorrowed(_)
    );
    if kept && mentions_self(param.ty) {
        return Param {
            kind: ParamKind::Opaque {
                closure_gets_value: true,
            },
            ..param
        };
    }
    param
}

/// The name a patched method's receiver is restated under.
pub(crate) const RESTATED_RECEIVER: &str = "__autospec_self";

fn is_restated_receiver(pat: &syn::Pat) -> bool {
    matches!(pat, syn::Pat::Ident(ident) if ident.ident == RESTATED_RECEIVER)
}

/// `#[autospec(skip)]` on a parameter, also behind `cfg_attr`:
/// `#[cfg_attr(test, autospec(skip))]`, the form that builds where the
/// trait's own attribute is `#[cfg_attr(test, autospec)]`.
pub(crate) fn is_skip(attr: &Attribute) -> bool {
    skip_list(attr).is_some()
}

/// The `autospec(..)` of a parameter attribute, bare or inside `cfg_attr`.
pub(crate) fn skip_list(attr: &Attribute) -> Option<syn::MetaList> {
    let is_autospec = |path: &Path| {
        path.segments
            .last()
            .is_some_and(|last| last.ident == "autospec")
    };
    match &attr.meta {
        syn::Meta::List(list) if is_autospec(&list.path) => Some(list.clone()),
        syn::Meta::Path(path) if is_autospec(path) => Some(syn::MetaList {
            path: path.clone(),
            delimiter: syn::MacroDelimiter::Paren(syn::token::Paren::default()),
            tokens: proc_macro2::TokenStream::new(),
        }),
        syn::Meta::List(list) if list.path.is_ident("cfg_attr") => {
            let nested = list
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )
                .ok()?;
            nested.into_iter().skip(1).find_map(|meta| match meta {
                syn::Meta::List(list) if is_autospec(&list.path) => Some(list),
                _ => None,
            })
        }
        _ => None,
    }
}
