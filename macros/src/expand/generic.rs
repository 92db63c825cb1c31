//! A generic method's field: the type that holds the child mock of every
//! instantiation, with `of::<T>()`.

use super::child::newtype;
use super::mock::{child_generics, keyed_params, keyed_predicates, marker_value, Mock};
use crate::model::Method;
use crate::queries::generic_ident;
use proc_macro2::TokenStream;
use quote::quote;

/// For a generic method: the field's type, holding every
/// instantiation's child, with `of::<T>()`.
pub(super) fn items(mock: &Mock<'_>, method: &Method<'_>) -> TokenStream {
    let glue = mock.glue(method);
    let (vis, rt, cfgs) = (&mock.model.item.vis, &mock.rt, &method.cfgs);
    let generics = &mock.generics;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let ident = mock.field_wrapper(method);
    let journal = glue.journal_type();
    let target = quote!(#rt::Generic<#journal>);
    let newtype = newtype(mock, &ident, generics, &target, cfgs);
    let child_generics = child_generics(mock, method);
    let (_, child_ty_generics, _) = child_generics.split_for_impl();
    let child = mock.child(method);
    let keyed = keyed_params(mock, method);
    let keyed_where = keyed_predicates(mock, method);
    let (method_type, key, answer, closure) = (
        glue.method_type(),
        glue.key_type(),
        glue.answer_type(),
        glue.closure_type(),
    );
    let (type_args, render, default) = (glue.type_args(), glue.render(), glue.default());
    let (instance, adopt) = (glue.instance_journal_type(), glue.adopt());
    let (params, shown) = (glue.param_names(), glue.shown());
    let marker = marker_value(&child_generics);
    let turbofish: Vec<_> = method
        .generics
        .keyed
        .iter()
        .map(|param| generic_ident(param))
        .collect();
    let doc = format!(
        "The child mock of one instantiation, such as `.of::<{}>()`.",
        turbofish
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    quote! {
        #newtype

        #(#cfgs)*
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc = #doc]
            #vis fn of<#(#keyed),*>(&self) -> #child #child_ty_generics
            where
                // Higher-ranked, so that a bound naming no parameter of
                // `of` (arguments that are not `Send`) is checked where
                // `of` is called, not where the mock is defined.
                for<'__autospec_of> #method_type: ::core::marker::Send + ::core::marker::Sync,
                #(#keyed_where,)*
            {
                #child(
                    self.0.__of::<#key, #instance, #answer, #closure>(
                        #type_args,
                        |__autospec_core, __autospec_name| #rt::Method::__new(__autospec_core, __autospec_name, #params, #render, #default, #shown),
                        #adopt,
                    )
                    #marker
                )
            }
        }
    }
}
