//! A mock's class: the child mocks of the methods without `self`, the
//! instance its constructors hand out, and `MockX::class()`.

use super::mock::Mock;
use super::mock_struct::mock_struct;
use crate::model::{Method, Ret};
use crate::queries::{is_self, wrapper_of};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// `MockStore::class()`, for a trait with methods without `self`.
pub(super) fn items(mock: &Mock<'_>, class: &Ident) -> TokenStream {
    let methods: Vec<_> = mock.model.static_methods().collect();
    let doc = format!(
        "The class of `{}`: the child mocks of the methods without `self`.",
        mock.model.mock
    );
    let items = mock_struct(mock, class, &methods, &doc, true);
    let (krate, mock_ident, vis) = (&mock.krate, &mock.model.mock, &mock.model.item.vis);
    let (impl_generics, ty_generics, where_clause) = mock.generics.split_for_impl();
    let class_args = mock.class_args();
    quote! {
        #items

        impl #impl_generics #class #ty_generics #where_clause {
            /// The instance that constructors (`fn new(..) -> Self`,
            /// `-> Result<Self, E>`, ...) return while they have no other
            /// answer: configure it before the code under test builds
            /// it, assert on it afterwards. Borrowed from the class guard,
            /// whose life is the instance's as a constructor's answer
            /// (`.clone()` is a handle to the same mock that outlives it).
            #vis fn instance(&self) -> &#mock_ident #ty_generics {
                &self.__autospec_instance
            }
        }

        impl #impl_generics #krate::__private::HasClass for #mock_ident #ty_generics #where_clause {
            type Class = #class #class_args;
        }

        impl #impl_generics #mock_ident #ty_generics #where_clause {
            /// The class state of this mock on the current thread, until
            /// the guard drops: the child mocks of the methods without
            /// `self`. See [`Class`](#krate::Class).
            #[track_caller]
            #vis fn class() -> #krate::Class<#class #class_args> {
                #krate::Class::__install()
            }
        }
    }
}

/// For a constructor (`-> Self`, `Result<Self, E>`, `Option<Self>`,
/// `Box<Self>`, `Arc<Self>`, `Rc<Self>`), its answer built from the class's
/// instance.
pub(super) fn self_constructor(method: &Method<'_>, instance: &TokenStream) -> Option<TokenStream> {
    let Ret::Owned(ty) = &method.ret else {
        return None;
    };
    if is_self(ty) {
        return Some(instance.clone());
    }
    let (wrapper, first) = wrapper_of(ty)?;
    if !is_self(first) {
        return None;
    }
    match wrapper.to_string().as_str() {
        "Result" => Some(quote!(::core::result::Result::Ok(#instance))),
        "Option" => Some(quote!(::core::option::Option::Some(#instance))),
        "Box" => Some(quote!(::std::boxed::Box::new(#instance))),
        "Arc" => Some(quote!(::std::sync::Arc::new(#instance))),
        "Rc" => Some(quote!(::std::rc::Rc::new(#instance))),
        _ => None,
    }
}
