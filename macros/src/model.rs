//! A small model of the mocked item, built from syn. Every node keeps its
//! original syntax so that validation can point at the user's tokens.

use syn::{
    Attribute, FnArg, GenericArgument, Ident, ItemTrait, PathArguments, ReceiverKind, ReturnType,
    Signature, TraitItem, TraitItemFn, Type, TypeReference,
};

/// A trait under `#[autospec]`.
pub(crate) struct Trait<'a> {
    pub(crate) item: &'a ItemTrait,
    /// `MockStore` for `Store`.
    pub(crate) mock: Ident,
    pub(crate) methods: Vec<Method<'a>>,
    /// Items that are not methods (consts, types, macros), for validation.
    pub(crate) others: Vec<&'a TraitItem>,
}

/// One method of the trait.
pub(crate) struct Method<'a> {
    pub(crate) sig: &'a Signature,
    pub(crate) params: Vec<Param<'a>>,
    pub(crate) ret: Ret<'a>,
    /// `#[cfg(..)]` attributes, repeated on everything generated for the method.
    pub(crate) cfgs: Vec<&'a Attribute>,
}

/// One parameter (the receiver excluded) and how it is journaled.
pub(crate) struct Param<'a> {
    pub(crate) ty: &'a Type,
    pub(crate) kind: ParamKind<'a>,
}

/// How an argument becomes an owned journal entry.
pub(crate) enum ParamKind<'a> {
    /// Taken by value: journaled as a clone.
    Owned,
    /// `&T` or `&mut T`: journaled as `T::to_owned()`.
    Borrowed(&'a Type),
    /// `Option<&T>`: journaled as `Option<T::Owned>`.
    OptionBorrowed(&'a Type),
}

/// What the method returns.
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
}

impl<'a> Trait<'a> {
    pub(crate) fn from_syn(item: &'a ItemTrait) -> Self {
        let mut methods = Vec::new();
        let mut others = Vec::new();
        for trait_item in &item.items {
            match trait_item {
                TraitItem::Fn(function) => methods.push(Method::from_syn(function)),
                other => others.push(other),
            }
        }
        let mock = Ident::new(&format!("Mock{}", item.ident), item.ident.span());
        Trait {
            item,
            mock,
            methods,
            others,
        }
    }
}

impl<'a> Method<'a> {
    fn from_syn(function: &'a TraitItemFn) -> Self {
        let sig = &function.sig;
        let params = sig
            .inputs
            .iter()
            .filter_map(|arg| match arg {
                FnArg::Typed(typed) => Some(Param::from_syn(&typed.ty)),
                FnArg::Receiver(_) => None,
            })
            .collect();
        let cfgs = function
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"))
            .collect();
        Method {
            sig,
            params,
            ret: Ret::from_syn(sig),
            cfgs,
        }
    }

    /// The method name as the user reads it (`type` for `r#type`).
    pub(crate) fn name(&self) -> String {
        let name = self.sig.ident.to_string();
        name.strip_prefix("r#")
            .map_or_else(|| name.clone(), str::to_owned)
    }
}

impl<'a> Param<'a> {
    fn from_syn(ty: &'a Type) -> Self {
        let kind = match ungroup(ty) {
            Type::Reference(reference) => ParamKind::Borrowed(&reference.elem),
            other => option_of_reference(other).map_or(ParamKind::Owned, ParamKind::OptionBorrowed),
        };
        Param { ty, kind }
    }
}

impl<'a> Ret<'a> {
    fn from_syn(sig: &'a Signature) -> Self {
        match &sig.output {
            ReturnType::Default => Ret::Unit,
            ReturnType::Type(_, ty) => match ungroup(ty) {
                Type::Tuple(tuple) if tuple.elems.is_empty() => Ret::Unit,
                Type::Reference(reference) => Ret::Borrowed {
                    reference,
                    from_self: borrows_from_self(sig, reference),
                },
                _ => Ret::Owned(ty),
            },
        }
    }
}

/// Looks through the invisible groups that `macro_rules!` wraps types in.
pub(crate) fn ungroup(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => ungroup(&group.elem),
        Type::Paren(paren) => ungroup(&paren.elem),
        other => other,
    }
}

/// `T` if `ty` is `Option<&T>`.
fn option_of_reference(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(Type::Reference(reference)) if args.args.len() == 1 => {
            Some(&reference.elem)
        }
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
