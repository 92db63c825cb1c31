//! The mock struct (the mock itself, its class, a patch): the child mocks
//! as fields, with `Default`, `Clone`, `Debug` and `Mock`.

use super::mock::{marker_value, phantom, Mock};
use crate::model::Method;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// A mock struct (the mock, its class, or a patch) with `Default`,
/// `Clone`, `Debug` and `Mock`: one field per method in `methods`, whose
/// child mock it holds.
pub(super) fn mock_struct(
    mock: &Mock<'_>,
    ident: &Ident,
    methods: &[&Method<'_>],
    doc: &str,
    class: bool,
) -> TokenStream {
    let hidden = class;
    let (vis, rt, krate) = (&mock.model.item.vis, &mock.rt, &mock.krate);
    let generics = &mock.generics;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let name = mock.model.mock.to_string();
    let phantom = phantom(generics);
    let marker = marker_value(generics);
    let marker_field = phantom
        .as_ref()
        .map(|_| quote!(__autospec_marker: ::core::marker::PhantomData,));
    let fields = methods.iter().map(|method| {
        let (cfgs, field, ty) = (&method.cfgs, &method.sig.ident, mock.field_type(method));
        let doc = format!(
            "The child mock of `{}`: configure its answers and assert on its calls.",
            method.name()
        );
        quote!(#(#cfgs)* #[doc = #doc] #vis #field: #ty,)
    });
    let fresh = methods.iter().map(|method| fresh_field(mock, method));
    let cloned = methods.iter().map(|method| {
        let (cfgs, field) = (&method.cfgs, &method.sig.ident);
        let wrapper = mock.field_wrapper(method);
        quote!(#(#cfgs)* #field: #wrapper(::core::clone::Clone::clone(&self.#field.0) #marker),)
    });
    let pushes = methods.iter().map(|method| {
        let (cfgs, field) = (&method.cfgs, &method.sig.ident);
        quote!(#(#cfgs)* __autospec_methods.push(&self.#field.0);)
    });
    let phantom = phantom.into_iter();
    let Extras {
        fields: extra_fields,
        fresh: extra_fresh,
        cloned: extra_cloned,
        pushed: extra_pushed,
    } = extras(mock, ident, class);
    let hidden = if hidden {
        Some(quote!(#[doc(hidden)] #[allow(non_camel_case_types)]))
    } else {
        // A patch struct is named after its function.
        (*ident != mock.model.mock).then(|| quote!(#[allow(non_camel_case_types)]))
    };
    let allow = fields_allow(methods.iter().copied());
    quote! {
        #[doc = #doc]
        #hidden
        #allow
        // A field's type names the method's types, as visible as the
        // user's signature, which warns there already if they are not.
        #[allow(private_interfaces)]
        #vis struct #ident #generics #where_clause {
            #(#fields)*
            #extra_fields
            __autospec_core: #rt::Arc<#rt::MockCore>,
            #(__autospec_marker: #phantom,)*
        }

        impl #impl_generics ::core::default::Default for #ident #ty_generics #where_clause {
            fn default() -> Self {
                let __autospec_core = #rt::MockCore::new(#name);
                Self { #(#fresh)* #extra_fresh __autospec_core, #marker_field }
            }
        }

        impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
            fn clone(&self) -> Self {
                Self {
                    #(#cloned)*
                    #extra_cloned
                    __autospec_core: ::core::clone::Clone::clone(&self.__autospec_core),
                    #marker_field
                }
            }
        }

        impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #rt::fmt_mock(self, f)
            }
        }

        impl #impl_generics #krate::Mock for #ident #ty_generics #where_clause {
            fn __autospec_core(&self) -> &#rt::MockCore {
                &self.__autospec_core
            }

            fn __autospec_methods(&self) -> ::std::vec::Vec<&dyn #rt::AnyMethod> {
                #[allow(unused_mut)]
                let mut __autospec_methods: ::std::vec::Vec<&dyn #rt::AnyMethod> = ::std::vec::Vec::new();
                #(#pushes)*
                #extra_pushed
                __autospec_methods
            }
        }
    }
}

/// Fields of a mock struct beside the child mocks, in the four places a
/// field appears.
#[derive(Default)]
struct Extras {
    fields: TokenStream,
    fresh: TokenStream,
    cloned: TokenStream,
    pushed: TokenStream,
}

/// The fields beside the child mocks: a class's instance, the first
/// impl block's chain of further blocks, the `magic` traits.
fn extras(mock: &Mock<'_>, ident: &Ident, class: bool) -> Extras {
    let rt = &mock.rt;
    let (_, ty_generics, _) = mock.generics.split_for_impl();
    let mut extras = Extras::default();
    // The class keeps the instance its constructors hand out by default.
    if class {
        let mock_ident = &mock.model.mock;
        extras
            .fields
            .extend(quote!(__autospec_instance: #mock_ident #ty_generics,));
        extras
            .fresh
            .extend(quote!(__autospec_instance: ::core::default::Default::default(),));
        extras.cloned.extend(
            quote!(__autospec_instance: ::core::clone::Clone::clone(&self.__autospec_instance),),
        );
    }
    let itself = !class && *ident == mock.model.mock;
    // The first block of an impl mock holds the chain of further blocks.
    if mock.parts && itself {
        let part = mock.part_ident(2);
        extras.fields.extend(quote!(__autospec_part: #part,));
        extras
            .fresh
            .extend(quote!(__autospec_part: #rt::Part::__new(&__autospec_core),));
        extras
            .cloned
            .extend(quote!(__autospec_part: ::core::clone::Clone::clone(&self.__autospec_part),));
        extras
            .pushed
            .extend(quote!(#rt::Part::__methods(&self.__autospec_part, &mut __autospec_methods);));
    }
    // Only the mock itself has magic traits, not its class or a patch.
    if let Some(magic) = mock.magic().filter(|_| itself) {
        extras.fields.extend(magic.field());
        extras.fresh.extend(magic.fresh());
        extras
            .cloned
            .extend(quote!(magic: ::core::clone::Clone::clone(&self.magic),));
        extras.pushed.extend(magic.pushes());
    }
    extras
}

/// One field of a fresh mock: its name, how to render its journal, and
/// its default answer, chosen here where the types are concrete.
pub(super) fn fresh_field(mock: &Mock<'_>, method: &Method<'_>) -> TokenStream {
    let glue = mock.glue(method);
    let (rt, cfgs, field) = (&mock.rt, &method.cfgs, &method.sig.ident);
    let name = method.name();
    let render = glue.render();
    let (params, shown) = (glue.param_names(), glue.shown());
    let marker = marker_value(&mock.generics);
    let wrapper = mock.field_wrapper(method);
    if method.is_keyed() {
        quote! {
            #(#cfgs)*
            #field: #wrapper(#rt::Generic::__new(&__autospec_core, #name, #render) #marker),
        }
    } else if !method.specializing.is_empty() {
        quote! {
            #(#cfgs)*
            #field: #wrapper(#rt::Specialized::__new(&__autospec_core, #name) #marker),
        }
    } else {
        let default = glue.default();
        quote! {
            #(#cfgs)*
            #field: #wrapper(#rt::Method::__new(&__autospec_core, #name, #params, #render, #default, #shown) #marker),
        }
    }
}

/// `#[allow(non_snake_case)]` for a struct with a field named after a
/// method whose name is not snake case (the trait allowed it on the
/// method). On the struct: rustc checks field names at the struct.
pub(super) fn fields_allow<'m, 'a: 'm>(
    mut methods: impl Iterator<Item = &'m Method<'a>>,
) -> Option<TokenStream> {
    methods
        .any(|method| method.name().chars().any(char::is_uppercase))
        .then(|| quote!(#[allow(non_snake_case)]))
}

/// `MockStore::new()`, which every mockall user writes, and
/// `MockStore::strict()`, both without importing `autospec::Mock`: `new()`
/// is the same fresh mock as `default()`. Each is left out where the
/// mocked item has a function of that name (`new` is then the mocked
/// constructor).
pub(super) fn new_fn(mock: &Mock<'_>) -> TokenStream {
    let taken = |name: &str| {
        mock.model
            .methods
            .iter()
            .any(|method| method.name() == name)
    };
    let (vis, ident, krate) = (&mock.model.item.vis, &mock.model.mock, &mock.krate);
    let new = (!taken("new")).then(|| {
        quote! {
            /// A fresh mock, the same as `default()`.
            #[must_use]
            #vis fn new() -> Self {
                ::core::default::Default::default()
            }
        }
    });
    let strict = (!taken("strict")).then(|| {
        quote! {
            /// A fresh mock that panics on every call it was not told how
            /// to answer (see `autospec::Mock::strict`).
            #[must_use]
            #vis fn strict() -> Self {
                <Self as #krate::Mock>::strict()
            }
        }
    });
    if new.is_none() && strict.is_none() {
        return TokenStream::new();
    }
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            #new
            #strict
        }
    }
}
