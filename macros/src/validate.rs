//! Checks that report every problem with the mocked item at once, each on
//! the tokens that cause it.

use crate::attr::Args;
use crate::magic::MagicTrait;
use crate::model::{is_skip, Method, Ret, Trait};
use crate::queries::Mentions;
use quote::ToTokens;
use syn::{Error, GenericParam, TraitItem, Type};

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
        check_method(model, method, &mut errors);
    }
    errors.finish()
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
            for attr in typed.attrs.iter().filter(|attr| is_skip(attr)) {
                let is_exactly_skip = attr
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
    for path in &args.magic {
        match MagicTrait::from_path(path) {
            Ok(entry) if seen.contains(&entry.spec.name) => errors.push(
                path,
                format!(
                    "`{}` is given twice in `magic(..)`; a mock implements a trait once",
                    entry.spec.name
                ),
            ),
            Ok(entry) => seen.push(entry.spec.name),
            Err(error) => errors.push_error(error),
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
        Ret::Borrowed { reference, .. }
        | Ret::OptionBorrowed { reference, .. }
        | Ret::ResultBorrowed { reference, .. } => {
            if let Some(mutability) = &reference.mutability {
                errors.push(
                    mutability,
                    "#[autospec] cannot lend `&mut` into the mock's own state; return an owned value instead",
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
        errors.push(
            param.map_or_else(|| ident.to_token_stream(), ToTokens::to_token_stream),
            format!("#[autospec] keeps answers per type, which needs `{ident}: 'static`; add `+ 'static` to the bounds of `{ident}`"),
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
