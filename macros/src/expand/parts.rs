//! Parts: the further impl blocks of a mocked type,
//! `#[autospec(part = N)]`, each a type that the part before it derefs
//! to, and the first block's end of that chain.

use super::mock::Mock;
use super::mock_struct::{fields_allow, fresh_field};
use super::{callable, child, generic, trait_impl};
use crate::attr::Args;
use crate::model::{Trait, MAX_PART};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

/// `#[autospec(part = N)]` on a further impl block: its methods join the
/// mock of the type's first block (the block stays, emitted by the
/// pipeline).
pub(crate) fn part(model: &Trait<'_>, args: &Args, number: u8) -> TokenStream {
    let mut mock = Mock::new(model, args);
    let part = mock.part_ident(number);
    mock.owner = Some(quote!(#part::__autospec_of(&self)));
    items(&mock, number)
}

/// The first block's end of the chain of parts. `MockClient` derefs to
/// `MockClientPart2`, and each part to the next one. A
/// part's block defines its type; where no block does, the name
/// resolves to the runtime's empty `MissingPart` through a glob import,
/// which an item of the same name shadows. That is how the first block
/// works without knowing whether further blocks exist. (The one `use`
/// autospec emits: only a glob import can be shadowed.)
pub(super) fn fallback(mock: &Mock<'_>) -> TokenStream {
    if !mock.parts {
        return TokenStream::new();
    }
    let (rt, mock_ident) = (&mock.rt, &mock.model.mock);
    let module = format_ident!("__autospec_{}_Parts", mock_ident);
    let names = (2..=MAX_PART).map(|number| mock.part_ident(number));
    let first = mock.part_ident(2);
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types, non_snake_case)]
        mod #module {
            #(pub type #names = #rt::MissingPart;)*
        }

        #[allow(unused_imports)]
        use #module::*;

        impl ::core::ops::Deref for #mock_ident {
            type Target = #first;
            fn deref(&self) -> &Self::Target {
                &self.__autospec_part
            }
        }
    }
}

/// A further impl block, `#[autospec(part = N)]`: the child mocks of
/// its methods in a type that the previous part derefs to, and the
/// methods themselves as inherent methods of the mock.
fn items(mock: &Mock<'_>, number: u8) -> TokenStream {
    let (rt, vis) = (&mock.rt, &mock.model.item.vis);
    let part = mock.part_ident(number);
    let methods: Vec<_> = mock.model.instance_methods().collect();
    let fields = methods.iter().map(|method| {
        let (cfgs, field, ty) = (&method.cfgs, &method.sig.ident, mock.field_type(method));
        let doc = format!("The child mock of `{}`.", method.name());
        quote!(#(#cfgs)* #[doc = #doc] #vis #field: #ty,)
    });
    let fresh = methods.iter().map(|method| fresh_field(mock, method));
    let cloned = methods.iter().map(|method| {
        let (cfgs, field, wrapper) = (&method.cfgs, &method.sig.ident, mock.field_wrapper(method));
        quote!(#(#cfgs)* #field: #wrapper(::core::clone::Clone::clone(&self.#field.0)),)
    });
    let pushes = methods.iter().map(|method| {
        let (cfgs, field) = (&method.cfgs, &method.sig.ident);
        quote!(#(#cfgs)* __autospec_methods.push(&self.#field.0);)
    });
    // The last part ends the chain; a part after a missing one would
    // be unreachable, so each part asks for the one before it.
    let next = if number < MAX_PART {
        mock.part_ident(number + 1).to_token_stream()
    } else {
        quote!(#rt::MissingPart)
    };
    // How the mock's methods reach this part: through the parts before
    // it, each of which must exist (`PartBlock` says so when one does
    // not, in one error rather than one per method).
    let mock_ident = &mock.model.mock;
    let mut reach = quote!(&__autospec_mock.__autospec_part);
    for _ in 2..number {
        reach = quote!(#rt::PartBlock::__next(#reach));
    }
    let allow = fields_allow(methods.iter().copied());
    let mut tokens = quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #allow
        pub struct #part {
            #(#fields)*
            __autospec_next: #next,
        }

        impl #rt::Part for #part {
            fn __new(__autospec_core: &#rt::Arc<#rt::MockCore>) -> Self {
                Self { #(#fresh)* __autospec_next: #rt::Part::__new(__autospec_core) }
            }

            fn __methods<'__autospec>(&'__autospec self, __autospec_methods: &mut ::std::vec::Vec<&'__autospec dyn #rt::AnyMethod>) {
                #(#pushes)*
                #rt::Part::__methods(&self.__autospec_next, __autospec_methods);
            }
        }

        impl #rt::PartBlock for #part {
            type Next = #next;
            fn __next(&self) -> &#next {
                &self.__autospec_next
            }
        }

        impl #part {
            fn __autospec_of(__autospec_mock: &#mock_ident) -> &Self {
                #reach
            }
        }

        impl ::core::clone::Clone for #part {
            fn clone(&self) -> Self {
                Self { #(#cloned)* __autospec_next: ::core::clone::Clone::clone(&self.__autospec_next) }
            }
        }

        impl ::core::ops::Deref for #part {
            type Target = #next;
            fn deref(&self) -> &Self::Target {
                &self.__autospec_next
            }
        }

    };
    for method in &mock.model.methods {
        tokens.extend(child::items(mock, method));
        if method.is_keyed() {
            tokens.extend(generic::items(mock, method));
        }
    }
    tokens.extend(callable::items(mock));
    tokens.extend(trait_impl::items(mock));
    tokens
}
