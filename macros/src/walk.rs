//! The crate's one read-only and one rewriting walk over syn's trees.
//!
//! Every `impl Visit` or `impl VisitMut` instantiates syn's whole
//! traversal again: with a visitor per query, those copies were a third of
//! the macro crate's generated code, compiled in every user's cold build.
//! Queries here implement the small [`Look`] or [`Rewrite`] traits instead,
//! and [`Looker`] and [`Rewriter`] drive them through a single copy each.

use proc_macro2::Ident;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Lifetime, Path, TraitBound, Type};

/// Whether a walk goes on into the parts of the node a hook saw.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Into,
    Over,
}

/// A read-only query over a tree: each hook sees its nodes, outermost
/// first, in source order.
pub(crate) trait Look<'ast> {
    /// Every type; `Step::Over` skips its parts.
    fn ty(&mut self, _ty: &'ast Type) -> Step {
        Step::Into
    }

    fn lifetime(&mut self, _lifetime: &'ast Lifetime) {}

    /// Every identifier, those of lifetimes and paths included.
    fn ident(&mut self, _ident: &'ast Ident) {}

    fn path(&mut self, _path: &'ast Path) {}

    fn expr(&mut self, _expr: &'ast Expr) {}

    /// Entering (`true`) or leaving (`false`) a binder: `Fn(..)` sugar, a
    /// `fn` pointer or a `for<..>` bound, whose lifetimes the type binds
    /// itself.
    fn binder(&mut self, _entering: bool) {}
}

/// Drives a [`Look`]: `Looker(&mut query).visit_type(ty)`.
pub(crate) struct Looker<'q, 'ast>(pub(crate) &'q mut dyn Look<'ast>);

impl<'ast> Visit<'ast> for Looker<'_, 'ast> {
    fn visit_type(&mut self, ty: &'ast Type) {
        if self.0.ty(ty) == Step::Into {
            visit::visit_type(self, ty);
        }
    }

    fn visit_lifetime(&mut self, lifetime: &'ast Lifetime) {
        self.0.lifetime(lifetime);
        visit::visit_lifetime(self, lifetime);
    }

    fn visit_ident(&mut self, ident: &'ast Ident) {
        self.0.ident(ident);
    }

    fn visit_path(&mut self, path: &'ast Path) {
        self.0.path(path);
        visit::visit_path(self, path);
    }

    fn visit_expr(&mut self, expr: &'ast Expr) {
        self.0.expr(expr);
        visit::visit_expr(self, expr);
    }

    fn visit_parenthesized_generic_arguments(
        &mut self,
        args: &'ast syn::ParenthesizedGenericArguments,
    ) {
        self.0.binder(true);
        visit::visit_parenthesized_generic_arguments(self, args);
        self.0.binder(false);
    }

    fn visit_type_fn_ptr(&mut self, function: &'ast syn::TypeFnPtr) {
        self.0.binder(true);
        visit::visit_type_fn_ptr(self, function);
        self.0.binder(false);
    }

    fn visit_trait_bound(&mut self, bound: &'ast TraitBound) {
        let binds = bound.lifetimes.is_some();
        if binds {
            self.0.binder(true);
        }
        visit::visit_trait_bound(self, bound);
        if binds {
            self.0.binder(false);
        }
    }
}

/// Whether `ty` holds a type `found` accepts.
pub(crate) fn holds(ty: &Type, found: fn(&Type) -> bool) -> bool {
    struct Holds(fn(&Type) -> bool, bool);
    impl Look<'_> for Holds {
        fn ty(&mut self, ty: &Type) -> Step {
            self.1 |= (self.0)(ty);
            if self.1 {
                Step::Over
            } else {
                Step::Into
            }
        }
    }
    let mut holds = Holds(found, false);
    Looker(&mut holds).visit_type(ty);
    holds.1
}

/// Counts binders entered (`Look::binder`, `Rewrite::binder`): `depth`
/// is how many enclose the current node, 0 outside any.
pub(crate) fn enter_binder(depth: &mut usize, entering: bool) {
    if entering {
        *depth += 1;
    } else {
        *depth -= 1;
    }
}

/// A rewrite of a tree in place, hooks as in [`Look`].
pub(crate) trait Rewrite {
    /// Every type, before its parts; `Step::Over` leaves them as they are
    /// (as after replacing the type).
    fn ty(&mut self, _ty: &mut Type) -> Step {
        Step::Into
    }

    fn lifetime(&mut self, _lifetime: &mut Lifetime) {}

    /// As [`Look::binder`].
    fn binder(&mut self, _entering: bool) {}
}

/// Drives a [`Rewrite`]: `Rewriter(&mut rewrite).visit_type_mut(ty)`.
pub(crate) struct Rewriter<'r>(pub(crate) &'r mut dyn Rewrite);

impl VisitMut for Rewriter<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if self.0.ty(ty) == Step::Into {
            visit_mut::visit_type_mut(self, ty);
        }
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        self.0.lifetime(lifetime);
    }

    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        args: &mut syn::ParenthesizedGenericArguments,
    ) {
        self.0.binder(true);
        visit_mut::visit_parenthesized_generic_arguments_mut(self, args);
        self.0.binder(false);
    }

    fn visit_type_fn_ptr_mut(&mut self, function: &mut syn::TypeFnPtr) {
        self.0.binder(true);
        visit_mut::visit_type_fn_ptr_mut(self, function);
        self.0.binder(false);
    }

    fn visit_trait_bound_mut(&mut self, bound: &mut TraitBound) {
        let binds = bound.lifetimes.is_some();
        if binds {
            self.0.binder(true);
        }
        visit_mut::visit_trait_bound_mut(self, bound);
        if binds {
            self.0.binder(false);
        }
    }
}
