//! The child mock of one method: the type of the mock's field, a newtype
//! over the runtime's `Method` that adds the `returns_with` whose closure
//! parameters Rust can infer, and `calls_default()` where it applies.

use super::mock::{child_generics, phantom, Mock};
use super::spy::runs_default;
use crate::model::Method;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::Generics;

/// The child mock of one method: a newtype over `Method` that adds the
/// `returns_with` whose closure parameters Rust can infer.
pub(super) fn items(mock: &Mock<'_>, method: &Method<'_>) -> TokenStream {
    let glue = mock.glue(method);
    let vis = &mock.model.item.vis;
    let mut generics = child_generics(mock, method);
    let (cfgs, child) = (&method.cfgs, mock.child(method));
    let (method_type, closure, rt) = (glue.method_type(), glue.closure_bound(), &mock.rt);
    let newtype = if method.specializing.is_empty() {
        newtype(mock, &child, &generics, &method_type, cfgs)
    } else {
        generics.make_where_clause().predicates.extend(
            method
                .specializing
                .iter()
                .map(|predicate| (*predicate).clone()),
        );
        specialized_newtype(mock, method, &child, &generics)
    };
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // The typed `Method`: the newtype's content, or a specialized one's
    // `Deref` target.
    let typed = if method.specializing.is_empty() {
        quote!(self.0)
    } else {
        quote!((**self))
    };
    let calls_default = runs_default(mock, method).then(|| {
        quote! {
            /// Answers later calls by running the trait's own default
            /// body of this method, journaled; one-shot answers and
            /// `when` rules still come first.
            #vis fn calls_default(&self) {
                #typed.__set_default_body();
            }
        }
    });
    // `returns_static(&CONFIG)`, from the prelude's trait.
    let static_returns = glue.static_referent().map(|referent| {
        quote! {
            #(#cfgs)*
            impl #impl_generics #rt::ReturnsStatic<#referent> for #child #ty_generics #where_clause {
                fn __returns_static(&self, value: #rt::StaticRef<#referent>) {
                    #typed.__returns_static(value);
                }
            }
        }
    });
    // `returns(v)` lends one value to every call: no `Clone` needed.
    let lent_returns = glue.lends_mut().then(|| {
        let answer = glue.answer_type();
        quote! {
            /// Lends `value` to every later call, the same value each time,
            /// so what the caller writes into it stays; `lent()` reads it back.
            #vis fn returns(&self, value: #answer) {
                #typed.__returns_lent(value);
            }
        }
    });
    quote! {
        #newtype
        #static_returns

        #(#cfgs)*
        impl #impl_generics #child #ty_generics #where_clause {
            /// Answers every later call with the closure's result; the
            /// closure receives the call's arguments.
            #vis fn returns_with<__AutospecAnswer>(&self, answer: __AutospecAnswer)
            where
                __AutospecAnswer: #closure + ::core::marker::Send + 'static,
            {
                #typed.__returns_with(#rt::Box::new(answer));
            }

            #calls_default
            #lent_returns
        }
    }
}

/// The child mock of a specializing method (see `mock::specializing`):
/// `struct Name<T>(Specialized)`, whose `Deref` to the typed `Method`
/// holds under the method's `where` clause (in `generics`), where its
/// types exist.
fn specialized_newtype(
    mock: &Mock<'_>,
    method: &Method<'_>,
    ident: &Ident,
    generics: &Generics,
) -> TokenStream {
    let (vis, rt, cfgs) = (&mock.model.item.vis, &mock.rt, &method.cfgs);
    let glue = mock.glue(method);
    let (method_type, render, default) = (glue.method_type(), glue.render(), glue.default());
    let (params, shown) = (glue.param_names(), glue.shown());
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let phantom = phantom(&mock.generics).into_iter();
    let (_, mock_ty_generics, mock_where) = mock.generics.split_for_impl();
    let (mock_impl_generics, ..) = mock.generics.split_for_impl();
    let predicates = where_clause.map(|clause| &clause.predicates);
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types, private_interfaces)]
        #vis struct #ident #mock_ty_generics (#rt::Specialized, #(#phantom)*) #mock_where;

        #(#cfgs)*
        impl #impl_generics ::core::ops::Deref for #ident #ty_generics
        where
            // Higher-ranked, so that it is checked where the method is used.
            for<'__autospec_of> #method_type: ::core::marker::Send + ::core::marker::Sync,
            #predicates
        {
            type Target = #method_type;
            fn deref(&self) -> &Self::Target {
                self.0.__get(|__autospec_core, __autospec_name| {
                    #rt::Method::__new(__autospec_core, __autospec_name, #params, #render, #default, #shown)
                })
            }
        }

        #(#cfgs)*
        impl #mock_impl_generics ::core::fmt::Debug for #ident #mock_ty_generics #mock_where {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.0, f)
            }
        }
    }
}

/// `struct Name<M = Target>(M)` with `Deref` to `M` and its `Debug`: the
/// shape of every child-mock type. The target is the parameter's default
/// rather than named in `Deref` (an associated type of a public impl,
/// where a private type is an error, E0446, while the user's own
/// signature with that type only warns), and the struct holds it as
/// `M` (so that it is covariant in the mock's lifetimes when the target
/// does not name them).
pub(super) fn newtype(
    mock: &Mock<'_>,
    ident: &Ident,
    generics: &Generics,
    target: &TokenStream,
    cfgs: &[&syn::Attribute],
) -> TokenStream {
    let vis = &mock.model.item.vis;
    // Built, not parsed: the target is a long type, and parsing it back
    // (for every mocked method) was most of what this function cost.
    let method_param = |default: Option<TokenStream>| {
        let mut param = syn::TypeParam::from(Ident::new("__AutospecMethod", Span::call_site()));
        param.default = default.map(|target| {
            (
                syn::Token![=](Span::call_site()),
                syn::Type::Verbatim(target),
            )
        });
        syn::GenericParam::Type(param)
    };
    let with_target = {
        let mut generics = generics.clone();
        generics.params.push(method_param(Some(target.clone())));
        generics
    };
    let with_param = {
        let mut generics = generics.clone();
        generics.params.push(method_param(None));
        generics
    };
    let (impl_generics, ty_generics, where_clause) = with_param.split_for_impl();
    let mut debug = with_param.clone();
    debug
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(__AutospecMethod: ::core::fmt::Debug));
    let debug_where = &debug.where_clause;
    let phantom = phantom(generics).into_iter();
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types, private_interfaces)]
        #vis struct #ident #with_target (__AutospecMethod, #(#phantom)*) #where_clause;

        #(#cfgs)*
        impl #impl_generics ::core::ops::Deref for #ident #ty_generics #where_clause {
            type Target = __AutospecMethod;
            fn deref(&self) -> &__AutospecMethod {
                &self.0
            }
        }

        #(#cfgs)*
        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #debug_where {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.0, f)
            }
        }
    }
}
