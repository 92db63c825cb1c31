//! Checks that report every problem with the mocked item at once, each on
//! the tokens that cause it.

use crate::attr::Args;
use crate::input::{DoublesInput, RestatedImpl};
use crate::model::{skip_list, Method, Ret, Target, Trait, MAX_PART};
use crate::queries::{self_type_ident, Mentions};
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{
    Error, ForeignItem, ForeignItemFn, GenericParam, Ident, Item, ItemFn, ItemForeignMod, ItemImpl,
    TraitItem, Type,
};

/// The most parameters a mocked method may have (the journal's tuple impls).
const MAX_PARAMS: usize = 16;

/// Collects errors so that the user sees all of them in one build.
#[derive(Default)]
struct Errors(Option<Error>);

impl Errors {
    fn push(&mut self, tokens: impl ToTokens, message: impl std::fmt::Display) {
        let error = Error::new_spanned(tokens, message);
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn push_error(&mut self, error: Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn finish(self) -> Result<(), Error> {
        self.0.map_or(Ok(()), Err)
    }
}

/// What `#[autospec]` is on: an item it mocks or hooks; and `part = N`
/// only on an impl block that gets a mock.
pub(crate) fn check_target<'i>(item: &'i Item, args: &Args) -> Result<Target<'i>, Error> {
    let target = match item {
        Item::Trait(item_trait) => Some(Target::Trait(item_trait)),
        Item::Impl(item_impl) if item_impl.trait_.is_none() && args.patchable => {
            Some(Target::PatchableImpl(item_impl))
        }
        Item::Impl(item_impl) if item_impl.trait_.is_none() => Some(Target::ImplBlock(item_impl)),
        Item::Fn(item_fn) => Some(Target::Function(item_fn)),
        Item::ForeignMod(block) => Some(Target::ExternBlock(block)),
        _ => None,
    };
    if let (Some(number), false) = (&args.part, matches!(target, Some(Target::ImplBlock(_)))) {
        return Err(Error::new_spanned(number, "`part` marks a further `impl` block of a type whose first block has a plain `#[autospec]`; it does not apply here"));
    }
    target.ok_or_else(|| unsupported_item(item))
}

fn unsupported_item(item: &Item) -> Error {
    let what = match item {
        Item::Struct(_) => "a struct",
        Item::Enum(_) => "an enum",
        Item::Union(_) => "a union",
        Item::Const(_) => "a const",
        Item::Static(_) => "a static",
        Item::Impl(_) => "a trait impl (`impl Trait for Type`); put it on the trait, or restate a foreign trait with `mock!`",
        Item::Mod(_) => "a module",
        Item::Type(_) => "a type alias",
        _ => "this item",
    };
    let hint = match item {
        Item::Struct(_) | Item::Enum(_) | Item::Union(_) => {
            "; put it on the type's `impl` block to mock its methods"
        }
        _ => "",
    };
    let message =
        format!("#[autospec] mocks a trait or an inherent impl block; it cannot mock {what}{hint}");
    Error::new_spanned(item_keyword(item), message)
}

/// The keyword that names the item's kind, for a short error span.
fn item_keyword(item: &Item) -> TokenStream {
    match item {
        Item::Struct(s) => s.struct_token.to_token_stream(),
        Item::Enum(e) => e.enum_token.to_token_stream(),
        Item::Union(u) => u.union_token.to_token_stream(),
        Item::Impl(i) => i.impl_token.to_token_stream(),
        Item::Fn(f) => f.sig.fn_token.to_token_stream(),
        Item::Const(c) => c.const_token.to_token_stream(),
        Item::Static(s) => s.static_token.to_token_stream(),
        Item::Mod(m) => m.mod_token.to_token_stream(),
        Item::Type(t) => t.type_token.to_token_stream(),
        other => other.to_token_stream(),
    }
}

/// An impl block that gets a mock is for a type with a name, the name of
/// its spec trait.
pub(crate) fn check_impl_block(item_impl: &ItemImpl) -> Result<&Ident, Error> {
    self_type_ident(&item_impl.self_ty).ok_or_else(|| {
        Error::new_spanned(
            &item_impl.self_ty,
            "#[autospec] mocks an impl block of a named type (`impl Client { .. }`)",
        )
    })
}

/// `#[autospec(part = N)]`: a number from 2 to `MAX_PART`, on a
/// non-generic impl block without associated functions, whose methods pass
/// [`check_trait`]. Every problem is reported at once.
pub(crate) fn check_part(
    item_impl: &ItemImpl,
    model: &Trait<'_>,
    number: &syn::LitInt,
    args: &Args,
) -> Result<u8, Error> {
    let mut errors = Errors::default();
    let parsed = number
        .base10_parse::<u8>()
        .ok()
        .filter(|n| (2..=MAX_PART).contains(n));
    if parsed.is_none() {
        errors.push(number, format!("`part` numbers a further impl block of the type, from 2 (the first block, with a plain `#[autospec]`, is part 1) to {MAX_PART}"));
    }
    if !item_impl.generics.params.is_empty() {
        errors.push(&item_impl.generics, "`#[autospec(part = ..)]` does not support generic impl blocks yet; mock a generic type's methods in one `#[autospec]` block");
    }
    for method in model.static_methods() {
        errors.push(&method.sig.ident, format!("`{}` has no `self`, so it belongs to the mock's class, which the first block defines: move it to the block with the plain `#[autospec]`", method.name()));
    }
    if let Err(error) = check_trait(model, args) {
        errors.push_error(error);
    }
    match (errors.finish(), parsed) {
        (Ok(()), Some(number)) => Ok(number),
        (Err(error), _) => Err(error),
        (Ok(()), None) => unreachable!("an unparsed number is an error"),
    }
}

/// `#[autospec]` on a free function: a hook it can consult at run time,
/// and no mock type for `magic(..)`.
pub(crate) fn check_function(item_fn: &ItemFn, args: &Args) -> Result<(), Error> {
    if let Some(error) = magic_without_mock(args) {
        return Err(error);
    }
    if let Some(constness) = &item_fn.sig.constness {
        return Err(Error::new_spanned(constness, "#[autospec] cannot hook a `const fn`: a patch is consulted at run time; remove `const`, or patch a function it calls"));
    }
    Ok(())
}

/// `#[autospec(patchable)]` on an impl block: of a named type (its name is
/// returned), not generic, and no mock type for `magic(..)`.
pub(crate) fn check_patchable_impl<'i>(
    item_impl: &'i ItemImpl,
    args: &Args,
) -> Result<&'i Ident, Error> {
    if let Some(error) = magic_without_mock(args) {
        return Err(error);
    }
    let Some(ident) = self_type_ident(&item_impl.self_ty) else {
        return Err(Error::new_spanned(
            &item_impl.self_ty,
            "#[autospec(patchable)] hooks an impl block of a named type (`impl Client { .. }`)",
        ));
    };
    if !item_impl.generics.params.is_empty() {
        return Err(Error::new_spanned(&item_impl.generics, "#[autospec(patchable)] does not support generic impl blocks yet; patch a non-generic function that the methods call, or mock the type with `#[autospec]`"));
    }
    Ok(ident)
}

/// The hooked methods of a patchable impl block, each restated as a trait:
/// every problem of every method at once.
pub(crate) fn check_hooked_methods(models: &[Trait<'_>], args: &Args) -> Result<(), Error> {
    let mut errors = Errors::default();
    for model in models {
        if let Err(error) = check_trait(model, args) {
            errors.push_error(error);
        }
    }
    errors.finish()
}

/// `magic(..)` where no mock type is made (a hooked function or impl block).
fn magic_without_mock(args: &Args) -> Option<Error> {
    args.magic_token.as_ref().map(|token| {
        Error::new(
            token.span(),
            "`magic(..)` adds std traits to a mock; a patch hook has no mock type to add them to",
        )
    })
}

pub(crate) fn check_trait(model: &Trait<'_>, args: &Args) -> Result<(), Error> {
    let mut errors = Errors::default();
    check_args(model, args, &mut errors);
    check_magic(model, args, &mut errors);
    for item in &model.others {
        check_other_item(item, &mut errors);
    }
    for ty in &model.types {
        if !ty.item.generics.params.is_empty() {
            errors.push(
                &ty.item.generics,
                "#[autospec] does not support generic associated types; write this mock by hand",
            );
        }
    }
    check_class(model, &mut errors);
    for method in &model.methods {
        check_reserved_name(method, &mut errors);
        check_method(model, method, &mut errors);
    }
    errors.finish()
}

/// Generated items are named `__autospec_…`; a method of that name would
/// meet them. Every other name is the user's to choose.
fn check_reserved_name(method: &Method<'_>, errors: &mut Errors) {
    if method.name().starts_with("__autospec") {
        errors.push(
            &method.sig.ident,
            "names that start with `__autospec` are reserved for the items #[autospec] generates; rename the method",
        );
    }
}

/// `type X = ..`/`const X = ..` in the attribute must name the trait's own items,
/// and `#[autospec(..)]` on a parameter can only be `skip`.
fn check_args(model: &Trait<'_>, args: &Args, errors: &mut Errors) {
    for (ident, _) in &args.types {
        if !model.types.iter().any(|ty| ty.item.ident == *ident) {
            errors.push(ident, format!("the trait has no associated type `{ident}`"));
        }
    }
    for (ident, _) in &args.consts {
        if !model
            .consts
            .iter()
            .any(|constant| constant.item.ident == *ident)
        {
            errors.push(
                ident,
                format!("the trait has no associated const `{ident}`"),
            );
        }
    }
    for method in &model.methods {
        for arg in &method.sig.inputs {
            let syn::FnArg::Typed(typed) = arg else {
                continue;
            };
            for (attr, list) in typed
                .attrs
                .iter()
                .filter_map(|attr| skip_list(attr).map(|list| (attr, list)))
            {
                let is_exactly_skip = list
                    .parse_args::<syn::Ident>()
                    .is_ok_and(|ident| ident == "skip");
                if !is_exactly_skip {
                    errors.push(attr, "on a parameter, #[autospec(..)] takes only `skip` (journal the argument as text)");
                }
            }
        }
    }
}

/// Every entry of `magic(..)` names a trait autospec knows, written as it
/// expects, once; and the mock has no method whose field would be `magic`.
fn check_magic(model: &Trait<'_>, args: &Args, errors: &mut Errors) {
    let mut seen: Vec<&str> = Vec::new();
    for entry in &model.magic {
        match entry {
            Ok(entry) if seen.contains(&entry.spec.name) => errors.push(
                entry.path,
                format!(
                    "`{}` is given twice in `magic(..)`; a mock implements a trait once",
                    entry.spec.name
                ),
            ),
            Ok(entry) => seen.push(entry.spec.name),
            Err(error) => errors.push_error(error.clone()),
        }
    }
    if seen.contains(&"Iterator") && seen.contains(&"IntoIterator") {
        if let Some(path) = args.magic.iter().find(|path| {
            path.is_ident("IntoIterator")
                || path
                    .segments
                    .last()
                    .is_some_and(|last| last.ident == "IntoIterator")
        }) {
            errors.push(path, "an `Iterator` is `IntoIterator` already (std implements it for every iterator); keep one of the two");
        }
    }
    if args.magic_token.is_some() {
        if let Some(method) = model
            .instance_methods()
            .find(|method| method.name() == "magic")
        {
            errors.push(
                &method.sig.ident,
                "the mock's field `magic` holds the child mocks of the traits in `magic(..)`, so a mocked method cannot be called `magic` too; mock the std traits by hand, or rename the method",
            );
        }
    }
}

fn check_other_item(item: &TraitItem, errors: &mut Errors) {
    match item {
        TraitItem::Macro(mac) => errors.push(
            &mac.mac.path,
            "#[autospec] cannot see the methods a macro would write; write them out in the trait",
        ),
        other => errors.push(other, "#[autospec] does not understand this trait item"),
    }
}

/// Methods without a receiver live in per-thread class state, found by the
/// class's `TypeId`, which needs a `'static` type.
fn check_class(model: &Trait<'_>, errors: &mut Errors) {
    let Some(lifetime) = model.item.generics.lifetimes().next() else {
        return;
    };
    for method in &model.methods {
        let what = if method.is_static {
            "a method without `self`, whose class state"
        } else if method.is_keyed() {
            "a generic method, whose per-type child mocks"
        } else {
            continue;
        };
        errors.push(
            &method.sig.ident,
            format!(
                "#[autospec] cannot mock `{}` ({what} must be `'static`) in a trait with the lifetime parameter `{}`; mock it in a trait without lifetime parameters",
                method.name(),
                lifetime.lifetime
            ),
        );
    }
}

fn check_method(model: &Trait<'_>, method: &Method<'_>, errors: &mut Errors) {
    let sig = method.sig;
    if let Some(constness) = &sig.constness {
        errors.push(
            constness,
            "a trait method cannot be `const`; remove `const`",
        );
    }
    if method.params.len() > MAX_PARAMS {
        errors.push(
            &sig.inputs,
            format!("#[autospec] mocks methods with at most {MAX_PARAMS} parameters; group some into a struct"),
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic, "#[autospec] cannot mock a variadic method");
    }
    check_return(model, method, errors);
}

fn check_return(model: &Trait<'_>, method: &Method<'_>, errors: &mut Errors) {
    let scope = method.scope(&model.item.generics);
    let (kept, borrowed): (&Type, bool) = match &method.ret {
        Ret::Unit | Ret::Callable(_) => return,
        Ret::Owned(ty) => (ty, false),
        Ret::Iter(item) => (item, false),
        Ret::Opaque(ty) => {
            errors.push(ty, "#[autospec] can answer `impl Iterator<Item = T>` (also `IntoIterator`, `DoubleEndedIterator`, `ExactSizeIterator`), `impl Future<Output = T>` and `impl Fn`/`FnMut`/`FnOnce` returns; for another `impl Trait`, return a concrete type or `Box<dyn Trait>`");
            return;
        }
        Ret::Borrowed { reference, .. } | Ret::OptionBorrowed { reference, .. } => {
            (&reference.elem, true)
        }
        Ret::ResultBorrowed { reference, .. } => {
            if let Some(mutability) = &reference.mutability {
                errors.push(
                    mutability,
                    "#[autospec] lends `&mut T` and `Option<&mut T>`, not `Result<&mut T, E>`: each call would need its own copy of the error; return `Option<&mut T>`, or `Result<&T, E>`",
                );
            }
            (&reference.elem, true)
        }
    };
    let found = Mentions::of(kept, &scope);
    if let Some(ident) = found.erased {
        let param = method
            .sig
            .generics
            .params
            .iter()
            .find(|param| matches!(param, GenericParam::Type(ty) if ty.ident == *ident));
        let message = if crate::model::is_callback_param(ident, &method.sig.generics) {
            format!("#[autospec] cannot return the callback type `{ident}`: a test cannot name a closure's type to answer with one; return `Box<dyn Fn(..)>` (or `impl Fn(..)`) instead")
        } else {
            format!("#[autospec] keeps answers per type, which needs `{ident}: 'static`; add `+ 'static` to the bounds of `{ident}`")
        };
        errors.push(
            param.map_or_else(|| ident.to_token_stream(), ToTokens::to_token_stream),
            message,
        );
    } else if let Some(impl_trait) = found.impl_trait {
        errors.push(impl_trait, "#[autospec] cannot answer an `impl Trait` nested in the return type; return `Box<dyn Trait>` there instead");
    } else if let Some(lifetime) = found.lifetime {
        let hint = if borrowed {
            "return an owned value, or `&T` of a type without borrows"
        } else {
            "return an owned value, or `&T` borrowed from `self`"
        };
        errors.push(
            lifetime,
            format!("#[autospec] cannot keep an answer that holds a borrow; {hint}"),
        );
    }
}

/// `doubles!`: modules of other crates, each restating functions (and a
/// type's associated functions) that a forwarding call can reach.
pub(crate) fn check_doubles(input: &DoublesInput) -> Result<(), Error> {
    let mut errors = Errors::default();
    for module in &input.modules {
        if let Some(first) = module.path.segments.first() {
            let own = ["crate", "self", "super", "Self"]
                .iter()
                .any(|word| first.ident == word);
            if own {
                errors.push(&first.ident, "`doubles!` restates functions of other crates (`mod std::fs`, `mod some_crate::client`); a function of this crate takes `#[autospec]` itself, and `patch!` replaces it where it is");
            }
        }
        for function in &module.functions {
            check_restated_fn(function, &mut errors);
        }
        for restated in &module.types {
            check_restated_impl(restated, &mut errors);
        }
    }
    errors.finish()
}

fn check_restated_fn(function: &ForeignItemFn, errors: &mut Errors) {
    let sig = &function.sig;
    if let Some(constness) = &sig.constness {
        errors.push(constness, "a double is consulted at run time and so cannot be `const`; restate the function without `const`");
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic, "a double cannot restate a variadic function");
    }
    if let Some(receiver) = sig.receiver() {
        errors.push(receiver, "a method call on a real value reaches the real method, so a double cannot replace it; restate the functions that make or take the value (`fn now() -> SystemTime;`), or mock the type");
    }
    for arg in &sig.inputs {
        if let syn::FnArg::Typed(typed) = arg {
            if !matches!(&*typed.pat, syn::Pat::Ident(_) | syn::Pat::Wild(_)) {
                errors.push(
                    &typed.pat,
                    "name the parameter: the double passes it on to the real function by name",
                );
            }
        }
    }
}

fn check_restated_impl(restated: &RestatedImpl, errors: &mut Errors) {
    if let Some(trait_) = &restated.trait_ {
        errors.push(trait_, "`doubles!` restates a type's own associated functions (`impl SystemTime { fn now() -> SystemTime; }`); mock a trait with `mock!`");
    }
    if !restated.generics.params.is_empty() {
        errors.push(&restated.generics, "`doubles!` restates the associated functions of a type without generic parameters; restate a function that calls them");
    }
    let named = matches!(&restated.self_ty, Type::Path(path) if path.qself.is_none() && path.path.get_ident().is_some());
    if !named {
        errors.push(&restated.self_ty, "name the type as its module declares it, without a path or generic arguments: `mod std::time { impl SystemTime { .. } }`");
    }
    for function in &restated.functions {
        check_restated_fn(function, errors);
    }
}

/// `#[autospec]` on an `extern` block: functions only, none variadic,
/// and no mock type for `magic(..)`.
pub(crate) fn check_extern_block(block: &ItemForeignMod, args: &Args) -> Result<(), Error> {
    if let Some(error) = magic_without_mock(args) {
        return Err(error);
    }
    let mut errors = Errors::default();
    for item in &block.items {
        match item {
            ForeignItem::Fn(function) => {
                if let Some(variadic) = &function.sig.variadic {
                    errors.push(variadic, "#[autospec] cannot hook a variadic foreign function (a Rust function cannot take `...`); declare it in an `extern` block without the attribute");
                }
            }
            ForeignItem::Static(item) => errors.push(item.static_token, "#[autospec] hooks the functions of an `extern` block, and a foreign static cannot be patched; declare it in an `extern` block without the attribute"),
            other => errors.push(other, "#[autospec] hooks the functions of an `extern` block; declare other items in an `extern` block without the attribute"),
        }
    }
    errors.finish()
}
