//! Checks that report every problem with the mocked item at once, each on
//! the tokens that cause it.

use crate::model::{Method, ParamKind, Ret, Trait};
use crate::rewrite::Borrows;
use quote::ToTokens;
use syn::{Error, FnArg, GenericParam, TraitItem, Type};

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

    fn finish(self) -> Result<(), Error> {
        self.0.map_or(Ok(()), Err)
    }
}

pub(crate) fn check_trait(model: &Trait<'_>) -> Result<(), Error> {
    let mut errors = Errors::default();
    for item in &model.others {
        check_other_item(item, &mut errors);
    }
    for method in &model.methods {
        check_method(method, &mut errors);
    }
    errors.finish()
}

fn check_other_item(item: &TraitItem, errors: &mut Errors) {
    match item {
        TraitItem::Type(ty) => errors.push(
            &ty.ident,
            "#[autospec] does not support associated types yet; until it does, make the type a generic parameter of the trait",
        ),
        TraitItem::Const(constant) => errors.push(
            &constant.ident,
            "#[autospec] does not support associated consts yet; until it does, turn the const into a method",
        ),
        TraitItem::Macro(mac) => errors.push(
            &mac.mac.path,
            "#[autospec] cannot see the methods a macro would write; write them out in the trait",
        ),
        other => errors.push(other, "#[autospec] does not understand this trait item"),
    }
}

fn check_method(method: &Method<'_>, errors: &mut Errors) {
    let sig = method.sig;
    if let Some(asyncness) = &sig.asyncness {
        errors.push(asyncness, "#[autospec] does not support `async fn` yet; until it does, return `Pin<Box<dyn Future<Output = T> + Send>>` (a `'static` future: move owned copies of the arguments into it)");
    }
    if let Some(constness) = &sig.constness {
        errors.push(constness, "a trait method cannot be `const`");
    }
    for param in &sig.generics.params {
        match param {
            GenericParam::Type(ty) => errors.push(&ty.ident, "#[autospec] does not support generic methods yet; until it does, take a concrete type or make the type a parameter of the trait"),
            GenericParam::Const(constant) => errors.push(&constant.ident, "#[autospec] does not support const generic methods yet"),
            GenericParam::Lifetime(_) => {}
        }
    }
    if sig.receiver().is_none() {
        errors.push(&sig.ident, "#[autospec] does not support methods without `self` yet; until it does, give the method a `&self` receiver");
    }
    if sig.params_len() > MAX_PARAMS {
        errors.push(&sig.inputs, format!("#[autospec] mocks methods with at most {MAX_PARAMS} parameters; group some into a struct"));
    }
    for param in &method.params {
        check_param(param.ty, &param.kind, errors);
    }
    check_return(method, errors);
}

fn check_param(ty: &Type, kind: &ParamKind<'_>, errors: &mut Errors) {
    let stored = match kind {
        ParamKind::Owned => ty,
        ParamKind::Borrowed(inner) | ParamKind::OptionBorrowed(inner) => inner,
    };
    let found = Borrows::of(stored);
    if let Some(impl_trait) = found.impl_trait {
        errors.push(impl_trait, "#[autospec] does not support `impl Trait` arguments yet; until it does, take a concrete type (for example `String` for `impl AsRef<str>`)");
    } else if let (Some(dyn_trait), false) = (found.dyn_trait, matches!(kind, ParamKind::Owned)) {
        errors.push(
            dyn_trait,
            "#[autospec] cannot journal a borrowed trait object yet: it has no owned form to keep",
        );
    } else if let Some(lifetime) = found.lifetime {
        errors.push(lifetime, "#[autospec] cannot journal an argument that keeps a borrow yet; take an owned value or a plain reference (`&T`)");
    }
    if let Some(path) = found.self_projection {
        errors.push(path, "#[autospec] does not support associated types yet");
    }
}

fn check_return(method: &Method<'_>, errors: &mut Errors) {
    let ty = match &method.ret {
        Ret::Unit => return,
        Ret::Owned(ty) => *ty,
        Ret::Borrowed { reference, .. } => {
            if let Some(mutability) = &reference.mutability {
                errors.push(
                    mutability,
                    "#[autospec] cannot lend `&mut` into the mock's own state; return an owned value instead",
                );
            }
            &reference.elem
        }
    };
    let found = Borrows::of(ty);
    if let Some(impl_trait) = found.impl_trait {
        errors.push(impl_trait, "#[autospec] does not support `impl Trait` return types yet; until it does, return `Box<dyn Trait>`");
    } else if let Some(lifetime) = found.lifetime {
        errors.push(lifetime, "#[autospec] cannot return a value that keeps a borrow yet; return an owned value or `&T` borrowed from `self`");
    }
    if let Some(path) = found.self_projection {
        errors.push(path, "#[autospec] does not support associated types yet");
    }
}

trait ParamsLen {
    fn params_len(&self) -> usize;
}

impl ParamsLen for syn::Signature {
    fn params_len(&self) -> usize {
        self.inputs
            .iter()
            .filter(|arg| matches!(arg, FnArg::Typed(_)))
            .count()
    }
}
