//! The child mock of one method: the type of the mock's field, a newtype
//! over the runtime's `Method` that adds the `returns_with` whose closure
//! parameters Rust can infer, and `calls_default()` where it applies.

use super::mock::{child_generics, phantom, Mock};
use super::spy::runs_default;
use crate::model::Method;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::Generics;

/// The child mock of one method: a newtype over `Method` that adds the
/// `returns_with` whose closure parameters Rust can infer.
pub(super) fn items(mock: &Mock<'_>, method: &Method<'_>) -> TokenStream {
    let glue = mock.glue(method);
    let vis = &mock.model.item.vis;
    let generics = child_generics(&mock.generics, method);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let (cfgs, child) = (&method.cfgs, mock.child(method));
    let (method_type, closure, rt) = (glue.method_type(), glue.closure_bound(), &mock.rt);
    let newtype = newtype(mock, &child, &generics, &method_type, cfgs);
    let calls_default = runs_default(mock, method).then(|| {
        quote! {
            /// Answers later calls by running the trait's own default
            /// body of this method, journaled; one-shot answers and
            /// `when` rules still come first.
            #vis fn calls_default(&self) {
                self.0.__set_default_body();
            }
        }
    });
    // `returns_static(&CONFIG)`, from the prelude's trait.
    let static_returns = glue.static_referent().map(|referent| {
        quote! {
            #(#cfgs)*
            impl #impl_generics #rt::ReturnsStatic<#referent> for #child #ty_generics #where_clause {
                fn __returns_static(&self, value: #rt::StaticRef<#referent>) {
                    self.0.__returns_static(value);
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
                self.0.__returns_lent(value);
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
                self.0.__returns_with(#rt::Box::new(answer));
            }

            #calls_default
            #lent_returns
        }
    }
}

/// `struct Name(Target)` with `Deref` to the target and its `Debug`: the
/// shape of every child-mock type.
pub(super) fn newtype(
    mock: &Mock<'_>,
    ident: &Ident,
    generics: &Generics,
    target: &TokenStream,
    cfgs: &[&syn::Attribute],
) -> TokenStream {
    let vis = &mock.model.item.vis;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let phantom = phantom(generics).into_iter();
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #ident #generics (<Self as ::core::ops::Deref>::Target, #(#phantom)*) #where_clause;

        #(#cfgs)*
        impl #impl_generics ::core::ops::Deref for #ident #ty_generics #where_clause {
            type Target = #target;
            fn deref(&self) -> &Self::Target {
                &self.0
            }
        }

        #(#cfgs)*
        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.0, f)
            }
        }
    }
}
