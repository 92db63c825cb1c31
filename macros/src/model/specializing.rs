//! Specializing methods: methods of a generic trait whose `where` clause
//! bounds the trait's own type parameters further (`fn pad(&self, value:
//! T) -> Padded<T> where T: Default` in `trait Maker<T>`), where a type of
//! the signature may need that bound (`Padded<T: Default>`).
//!
//! The mock exists for every `T`, so such a method's types cannot appear
//! in the mock's field: its child mock is kept untyped and made typed
//! under the method's `where` clause (`expand/child.rs`). That child is
//! shared between threads like any other, so its journal must be `Send`
//! whatever `T` is: arguments that mention a parameter not bounded by
//! `Send` are journaled as text.

use crate::queries::{bounds_of, is_ident, mentions_ident};
use crate::walk::{Look, Looker};
use syn::visit::Visit;
use syn::{
    FnArg, GenericArgument, Generics, Ident, Path, PathArguments, ReturnType, Signature, Type,
    TypeParamBound, WherePredicate,
};

/// The std types known to put no bound on their parameters: passing a
/// parameter to one of these needs nothing of it.
const UNBOUNDED: &[&str] = &[
    "Option",
    "Vec",
    "Box",
    "Result",
    "Rc",
    "Arc",
    "Weak",
    "Cell",
    "RefCell",
    "Mutex",
    "RwLock",
    "VecDeque",
    "LinkedList",
    "HashMap",
    "HashSet",
    "BTreeMap",
    "BTreeSet",
    "BinaryHeap",
    "PhantomData",
    "Pin",
    "Reverse",
    "Wrapping",
];

/// The predicates that make `sig` a specializing method of a trait with
/// `generics`; empty for any other method, and where the typed child
/// could not be kept (the trait has lifetime parameters, or a type
/// parameter without a `'static` bound).
pub(super) fn predicates<'a>(sig: &'a Signature, generics: &Generics) -> Vec<&'a WherePredicate> {
    let Some(clause) = &sig.generics.where_clause else {
        return Vec::new();
    };
    let all_static = generics.type_params().all(|param| {
        bounds_of(&param.ident, generics).any(
            |bound| matches!(bound, TypeParamBound::Lifetime(lifetime) if lifetime.ident == "static"),
        )
    });
    if generics.lifetimes().next().is_some() || !all_static {
        return Vec::new();
    }
    let bounded = |predicate: &WherePredicate| match predicate {
        WherePredicate::Type(typed) => generics
            .type_params()
            .map(|param| &param.ident)
            .find(|ident| is_ident(&typed.bounded_ty, ident)),
        _ => None,
    };
    let idents: Vec<&Ident> = clause.predicates.iter().filter_map(bounded).collect();
    if idents.is_empty() || !signature_may_need(sig, &idents) {
        return Vec::new();
    }
    clause
        .predicates
        .iter()
        .filter(|predicate| bounded(predicate).is_some())
        .collect()
}

/// Whether an argument of type `ty` of a specializing method is journaled
/// as text: it mentions a type parameter of the trait that is not bounded
/// by `Send`.
pub(super) fn journaled_as_text(ty: &Type, generics: &Generics) -> bool {
    generics.type_params().any(|param| {
        let sent = bounds_of(&param.ident, generics).any(|bound| {
            matches!(bound, TypeParamBound::Trait(bound)
                if bound.path.segments.last().is_some_and(|last| last.ident == "Send"))
        });
        !sent && mentions_ident(ty, &param.ident)
    })
}

/// Whether a type of `sig` passes one of `bounded` to a generic type
/// that may bound its parameters (any but those in `UNBOUNDED`).
fn signature_may_need(sig: &Signature, bounded: &[&Ident]) -> bool {
    struct Needs<'b> {
        bounded: &'b [&'b Ident],
        found: bool,
    }
    impl<'ast> Look<'ast> for Needs<'_> {
        fn path(&mut self, path: &'ast Path) {
            for segment in &path.segments {
                let PathArguments::AngleBracketed(args) = &segment.arguments else {
                    continue;
                };
                if UNBOUNDED.iter().any(|name| segment.ident == name) {
                    continue;
                }
                self.found |= args.args.iter().any(|arg| {
                    matches!(arg, GenericArgument::Type(ty)
                        if self.bounded.iter().any(|ident| is_ident(ty, ident)))
                });
            }
        }
    }
    let mut needs = Needs {
        bounded,
        found: false,
    };
    for input in &sig.inputs {
        if let FnArg::Typed(typed) = input {
            Looker(&mut needs).visit_type(&typed.ty);
        }
    }
    if let ReturnType::Type(_, ty) = &sig.output {
        Looker(&mut needs).visit_type(ty);
    }
    needs.found
}
