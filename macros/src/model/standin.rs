//! What answers an `impl Trait` in a return type: the type the attribute
//! names for its bounds (`#[autospec(impl Display = String)]`), else a
//! box of the trait object where std or the async crates implement the
//! trait for one (`Box<dyn Display + Send>`, `Pin<Box<dyn Stream<..> +
//! Send>>`). A return type is answered with itself, each `impl Trait` in
//! it replaced by its stand-in.

use crate::attr::ImplType;
use crate::walk::{Look, Looker, Rewrite, Rewriter, Step};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Token, Type, TypeImplTrait, TypeParamBound};

/// Traits whose `Box<dyn Trait>` implements the trait (std forwards them
/// through the box).
const BOXED: &[&str] = &[
    "Debug",
    "Display",
    "Read",
    "Write",
    "BufRead",
    "Seek",
    "Hasher",
    "Iterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "FusedIterator",
    "Fn",
    "FnMut",
    "FnOnce",
];

/// Traits whose `Pin<Box<dyn Trait>>` implements the trait (std, and
/// `futures`/`tokio` for the async ones, forward them through a pinned
/// pointer).
const PINNED: &[&str] = &[
    "Future",
    "Stream",
    "FusedStream",
    "AsyncRead",
    "AsyncWrite",
    "AsyncBufRead",
    "AsyncSeek",
    "Sink",
];

/// Auto traits a trait object can carry besides its one trait.
const AUTO: &[&str] = &["Send", "Sync", "Unpin"];

/// How an `impl Trait` is answered.
pub(crate) enum Standin {
    /// The type named for its bounds in the attribute.
    Named(Type),
    /// A box of the trait object (pinned where the trait needs it).
    Boxed(Type),
}

impl Standin {
    pub(crate) fn into_type(self) -> Type {
        match self {
            Standin::Named(ty) | Standin::Boxed(ty) => ty,
        }
    }
}

/// The stand-in of one `impl Trait`: the named type whose bounds match,
/// else (unless `named_only`) the box; `None` when there is neither.
pub(crate) fn standin(
    impl_trait: &TypeImplTrait,
    named: &[ImplType],
    named_only: bool,
) -> Option<Standin> {
    let written = key(&impl_trait.bounds);
    if let Some(given) = named
        .iter()
        .find(|given| key_matches(&key(&given.bounds), &written))
    {
        return Some(Standin::Named(given.ty.clone()));
    }
    if named_only {
        return None;
    }
    boxed(&impl_trait.bounds).map(Standin::Boxed)
}

/// Whether `named` names the type of an `impl Trait` with these bounds.
pub(crate) fn matches(named: &ImplType, impl_trait: &TypeImplTrait) -> bool {
    key_matches(&key(&named.bounds), &key(&impl_trait.bounds))
}

fn key_matches(given: &[String], written: &[String]) -> bool {
    given == written
}

/// The bounds that tell `impl Trait`s apart: every trait but the auto
/// traits, as text without spaces, sorted.
fn key(bounds: &Punctuated<TypeParamBound, Token![+]>) -> Vec<String> {
    let mut key: Vec<String> = bounds
        .iter()
        .filter_map(|bound| match bound {
            TypeParamBound::Trait(bound) if !is_auto(bound) && bound.maybe.is_none() => {
                Some(bound.path.to_token_stream().to_string().replace(' ', ""))
            }
            _ => None,
        })
        .collect();
    key.sort();
    key
}

fn is_auto(bound: &syn::TraitBound) -> bool {
    bound
        .path
        .segments
        .last()
        .is_some_and(|last| AUTO.iter().any(|auto| last.ident == auto))
}

/// `Box<dyn Trait + Send>` (or pinned) for bounds of one boxable trait and
/// auto traits; `Send` is added so that a value answer can be kept.
fn boxed(bounds: &Punctuated<TypeParamBound, Token![+]>) -> Option<Type> {
    let mut main = None;
    let mut autos = Vec::new();
    for bound in bounds {
        match bound {
            TypeParamBound::Trait(bound) if bound.maybe.is_some() => {}
            TypeParamBound::Trait(bound) if is_auto(bound) => autos.push(bound),
            TypeParamBound::Trait(bound) if main.is_none() => main = Some(bound),
            TypeParamBound::Trait(_) | TypeParamBound::Verbatim(_) => return None,
            // `'a`, `use<..>`: a box is `'static` and captures nothing.
            _ => {}
        }
    }
    let main = main?;
    let name = main.path.segments.last()?.ident.to_string();
    let pinned = PINNED.contains(&name.as_str());
    if !pinned && !BOXED.contains(&name.as_str()) {
        return None;
    }
    let sends = autos.iter().any(|auto| {
        auto.path
            .segments
            .last()
            .is_some_and(|last| last.ident == "Send")
    });
    let send = (!sends).then(|| quote::quote!(+ ::core::marker::Send));
    let boxed = quote::quote!(::std::boxed::Box<dyn #main #(+ #autos)* #send>);
    Some(if pinned {
        syn::parse_quote!(::core::pin::Pin<#boxed>)
    } else {
        syn::parse_quote!(#boxed)
    })
}

/// `ty` with every `impl Trait` replaced by its stand-in; or the first
/// `impl Trait` that has none.
pub(crate) fn replace<'t>(
    ty: &'t Type,
    named: &[ImplType],
    named_only: bool,
) -> Result<Type, &'t TypeImplTrait> {
    struct Replace(std::vec::IntoIter<Type>);
    impl Rewrite for Replace {
        fn ty(&mut self, ty: &mut Type) -> Step {
            if let Type::ImplTrait(_) = ty {
                if let Some(standin) = self.0.next() {
                    *ty = standin;
                }
                return Step::Over;
            }
            Step::Into
        }
    }
    let mut standins = Vec::new();
    for impl_trait in impl_traits(ty) {
        match standin(impl_trait, named, named_only) {
            Some(found) => standins.push(found.into_type()),
            None => return Err(impl_trait),
        }
    }
    let mut replaced = ty.clone();
    Rewriter(&mut Replace(standins.into_iter())).visit_type_mut(&mut replaced);
    Ok(replaced)
}

/// Every `impl Trait` in `ty`, outermost first, in order.
pub(crate) fn impl_traits(ty: &Type) -> Vec<&TypeImplTrait> {
    struct Find<'t>(Vec<&'t TypeImplTrait>);
    impl<'t> Look<'t> for Find<'t> {
        fn ty(&mut self, ty: &'t Type) -> Step {
            if let Type::ImplTrait(impl_trait) = ty {
                self.0.push(impl_trait);
                return Step::Over;
            }
            Step::Into
        }
    }
    let mut find = Find(Vec::new());
    Looker(&mut find).visit_type(ty);
    find.0
}
