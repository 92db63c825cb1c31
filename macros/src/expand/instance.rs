//! The journal of one instantiation of a generic method: its child mock
//! (`mock.get.of::<String>()`) journals an argument of a type parameter
//! (`url: U`) as a `TypedArg<U>` that holds the value itself, while the
//! method's field keeps calls of instantiations nobody asked for yet as
//! text, and hands them over.

use super::glue::Glue;
use crate::model::{promises_clone, Param, ParamKind};
use crate::queries::{bounds_of, is_maybe_sized, respan, ungroup};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{GenericParam, Type, TypeParamBound};

/// The journal entry and the closure argument of each parameter, and the
/// statements that make them, for a call in an instantiation's child mock.
pub(crate) struct InstanceCall {
    pub(crate) lets: TokenStream,
    pub(crate) journal: TokenStream,
    pub(crate) invoke: TokenStream,
}

impl Glue<'_, '_> {
    /// `U` for a parameter `u: U` or `u: &U` where `U` keys the method's
    /// instantiations: the child mock of one journals it typed.
    fn keyed_type(&self, param: &Param<'_>) -> Option<Ident> {
        if !matches!(
            param.kind,
            ParamKind::Opaque {
                closure_gets_value: true
            }
        ) {
            return None;
        }
        let ty = match ungroup(param.ty) {
            Type::Reference(reference) => ungroup(&reference.elem),
            other => other,
        };
        let Type::Path(path) = ty else { return None };
        let ident = path.path.get_ident().filter(|_| path.qself.is_none())?;
        let keyed = self
            .method
            .generics
            .keyed
            .iter()
            .any(|param| matches!(param, GenericParam::Type(keyed) if keyed.ident == *ident));
        // A `T: ?Sized` argument (`&T`, `Box<T>`) cannot be held as a `T`:
        // it is journaled as text, as in the method's own journal.
        let sized = !is_maybe_sized(ident, &self.method.sig.generics);
        (keyed && sized).then(|| ident.clone())
    }

    /// Whether the bounds of the type parameter `ident` include `name`.
    fn bound_says(&self, ident: &Ident, name: &str) -> bool {
        bounds_of(ident, &self.method.sig.generics).any(|bound| {
            matches!(bound, TypeParamBound::Trait(bound)
                if bound.path.segments.last().is_some_and(|last| last.ident == name))
        })
    }

    /// `(TypedArg<U>, String,)`: the journal of one instantiation; the
    /// method's own journal type where no argument is of a type parameter.
    pub(crate) fn instance_journal_type(&self) -> TokenStream {
        let rt = self.rt;
        let types = self.journaled().map(|param| {
            let ty = match self.keyed_type(param) {
                Some(keyed) => quote!(#rt::TypedArg<#keyed>),
                None => self.journal_entry_type(param),
            };
            respan(ty, param.ty.span())
        });
        quote!((#(#types,)*))
    }

    /// A call in the child mock of its instantiation. An argument of a type
    /// parameter is kept as a clone where its bounds say `Clone`; else one
    /// taken by value moves into the journal when `moves` (else the call
    /// still needs it), and a `returns_with` closure takes it back from
    /// there; else the journal keeps its text.
    pub(crate) fn instance_call(&self, moves: bool) -> InstanceCall {
        self.instance_entry(moves, true)
    }

    /// The journal entry of a call that no closure answers (an
    /// instantiation nobody asked for yet, answered with its default): an
    /// argument taken by value moves into it, with no way back.
    pub(crate) fn instance_journal_moving(&self) -> TokenStream {
        self.instance_entry(true, false).journal
    }

    /// [`instance_call`](Self::instance_call); `takes_back`: a closure may
    /// take a moved argument back out of the journal.
    fn instance_entry(&self, moves: bool, takes_back: bool) -> InstanceCall {
        let rt = self.rt;
        // A gathered journal renders every argument after the entries are
        // made, so nothing may move into it then.
        let moves = moves && !self.gathers();
        let mut lets = TokenStream::new();
        let mut invoke = self.invoke_args();
        let mut typed = Vec::new();
        for (i, (param, name)) in self.method.params.iter().zip(self.names()).enumerate() {
            if matches!(param.kind, ParamKind::Receiver) {
                continue;
            }
            let Some(keyed) = self.keyed_type(param) else {
                typed.push(None);
                continue;
            };
            let by_ref = matches!(ungroup(param.ty), Type::Reference(_));
            let text = if by_ref {
                quote!(#rt::Render::new(&*#name).render())
            } else {
                quote!(#rt::Render::new(&#name).render())
            };
            let keep = if self.bound_says(&keyed, "Send") {
                quote!(#rt::TypedArg::keep_send)
            } else {
                quote!(#rt::TypedArg::keep)
            };
            let clones = promises_clone(bounds_of(&keyed, &self.method.sig.generics));
            typed.push(Some(match (by_ref, moves, clones) {
                (_, _, true) => {
                    let value = if by_ref {
                        quote!(#name)
                    } else {
                        quote!(&#name)
                    };
                    quote!(#keep(#text, ::core::clone::Clone::clone(#value)))
                }
                (false, true, false) if !takes_back => quote!(#keep(#text, #name)),
                (false, true, false) => {
                    let kept = format_ident!("__autospec_kept{i}");
                    let take = format_ident!("__autospec_take{i}");
                    lets.extend(quote! {
                        let #kept = #keep(#text, #name);
                        let #take = #kept.__handle();
                    });
                    invoke[i] = quote!(#take.take());
                    quote!(#kept)
                }
                _ => quote!(#rt::TypedArg::from_text(#text)),
            }));
        }
        InstanceCall {
            lets,
            journal: self.journal_with(&|i| typed.get(i).cloned().flatten()),
            invoke: quote!(|__autospec_answer| __autospec_answer(#(#invoke),*)),
        }
    }

    /// Whether an argument is of a type parameter, journaled typed by the
    /// instantiation's child mock (else its journal is the method's own).
    pub(crate) fn has_typed_args(&self) -> bool {
        self.journaled()
            .any(|param| self.keyed_type(param).is_some())
    }

    /// `|args| (TypedArg::from_text(args.0.text()), args.1,)`: a call
    /// journaled before its instantiation had a child mock, as that child
    /// journals it.
    pub(crate) fn adopt(&self) -> TokenStream {
        let rt = self.rt;
        if !self.has_typed_args() {
            return quote!(::core::convert::identity);
        }
        let entries = self.journaled().enumerate().map(|(i, param)| {
            let index = syn::Index::from(i);
            if self.keyed_type(param).is_some() {
                quote!(#rt::TypedArg::from_text(#rt::Opaque::text(&__autospec_args.#index)))
            } else {
                quote!(__autospec_args.#index)
            }
        });
        quote!(|__autospec_args| (#(#entries,)*))
    }
}
