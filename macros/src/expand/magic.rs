//! Expansion of `magic(..)`: the mock's `magic` field, the struct of child
//! mocks it holds, and one impl per std trait. Each impl is a line or two
//! that hands the call to `autospec::magic`, where the work is done once
//! for every mock; a trait that is not asked for emits nothing.

use super::rewrite::SelfMap;
use crate::model::magic::{Kind, MagicTrait};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use syn::{Generics, Type, Visibility};

/// The magic traits of one mock, and what their expansion needs.
pub(crate) struct MagicMock<'a> {
    pub(crate) entries: Vec<&'a MagicTrait<'a>>,
    pub(crate) krate: &'a TokenStream,
    pub(crate) mock: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) map: &'a SelfMap,
    pub(crate) vis: &'a Visibility,
    /// `PhantomData` over the mock's parameters, when it has any.
    pub(crate) phantom: Option<TokenStream>,
}

impl MagicMock<'_> {
    /// `MockStoreMagic`, the type of the `magic` field.
    fn ident(&self) -> Ident {
        format_ident!("{}Magic", self.mock)
    }

    /// The mock type, `MockStore<T>`.
    fn mock_type(&self) -> TokenStream {
        let (mock, (_, ty_generics, _)) = (self.mock, self.generics.split_for_impl());
        quote!(#mock #ty_generics)
    }

    /// The entries that have child mocks (all but `Eq`).
    fn with_fields(&self) -> impl Iterator<Item = (&MagicTrait<'_>, Ident)> {
        self.entries
            .iter()
            .filter(|entry| !entry.spec.field.is_empty())
            .map(|entry| (*entry, format_ident!("{}", entry.spec.field)))
    }

    /// The answer type of an operator: its `Output`, else the mock.
    fn output(&self, entry: &MagicTrait<'_>) -> TokenStream {
        entry.output().map_or_else(
            || self.mock_type(),
            |ty| {
                let ty = self.map.replace(ty);
                quote!(#ty)
            },
        )
    }

    fn replaced(&self, ty: Option<&Type>) -> Type {
        ty.map_or_else(|| syn::parse_quote!(()), |ty| self.map.replace(ty))
    }

    /// The type in the `magic` struct's field for one entry.
    fn field_type(&self, entry: &MagicTrait<'_>) -> TokenStream {
        let krate = self.krate;
        // `MagicDisplay`, not `Display`: a public type named like a std
        // trait would make rustc spell out `std::fmt::Display` in every
        // diagnostic of the user's crate.
        let name = format_ident!("Magic{}", entry.spec.name);
        let (arg, item) = (self.replaced(entry.arg), self.replaced(entry.item));
        let args = match entry.spec.kind {
            Kind::Iterator | Kind::IntoIterator => quote!(<#item>),
            Kind::Index | Kind::Binary => {
                let output = self.output(entry);
                quote!(<#arg, #output>)
            }
            Kind::Unary => {
                let output = self.output(entry);
                quote!(<#output>)
            }
            Kind::Assign | Kind::AsRef | Kind::From => quote!(<#arg>),
            _ => TokenStream::new(),
        };
        quote!(#krate::magic::#name #args)
    }

    /// A fresh entry's child mocks, with the default answer chosen where
    /// the answer type is concrete.
    fn fresh_entry(&self, entry: &MagicTrait<'_>) -> TokenStream {
        let (krate, ty) = (self.krate, self.field_type(entry));
        let rt = quote!(#krate::__private);
        let default = match entry.spec.kind {
            // Without `Output`, the answer is the mock itself, which the
            // call site gives.
            Kind::Index | Kind::Binary | Kind::Unary => Some(if entry.output().is_some() {
                let output = self.output(entry);
                quote!(#rt::DefaultOf::<#output>::new().get())
            } else {
                quote!(|| ::core::option::Option::None)
            }),
            Kind::AsRef => {
                let arg = self.replaced(entry.arg);
                Some(quote!(#rt::DefaultOf::<<#arg as ::std::borrow::ToOwned>::Owned>::new().get()))
            }
            _ => None,
        };
        let default = default.map(|default| quote!(, #default));
        quote!(<#ty>::__new(&__autospec_core #default))
    }

    /// The `magic` field of the mock struct.
    pub(crate) fn field(&self) -> TokenStream {
        let (vis, ident, (_, ty_generics, _)) =
            (self.vis, self.ident(), self.generics.split_for_impl());
        quote! {
            /// The child mocks of the std traits in `magic(..)`, one field per
            /// trait: `magic.display.fmt`, `magic.iterator.next`.
            #vis magic: #ident #ty_generics,
        }
    }

    /// The `magic` field of a fresh mock (`__autospec_core` is in scope).
    pub(crate) fn fresh(&self) -> TokenStream {
        let ident = self.ident();
        let fields = self.with_fields().map(|(entry, field)| {
            let fresh = self.fresh_entry(entry);
            quote!(#field: #fresh,)
        });
        let marker = self
            .phantom
            .as_ref()
            .map(|_| quote!(__autospec_marker: ::core::marker::PhantomData,));
        quote!(magic: #ident { #(#fields)* #marker },)
    }

    /// Pushes the child mocks onto `__autospec_methods`, for `Mock`.
    pub(crate) fn pushes(&self) -> TokenStream {
        let krate = self.krate;
        let pushes = self.with_fields().map(|(_, field)| {
            quote!(#krate::__private::MagicPart::__push(&self.magic.#field, &mut __autospec_methods);)
        });
        quote!(#(#pushes)*)
    }

    /// The struct of child mocks, with `Clone` (a handle to the same ones).
    pub(crate) fn struct_items(&self) -> TokenStream {
        let (vis, ident, mock) = (self.vis, self.ident(), self.mock);
        let generics = self.generics;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let fields = self.with_fields().map(|(entry, field)| {
            let ty = self.field_type(entry);
            let doc = format!(
                "`{}`: its child mocks (see [`{}`]({}::{})).",
                entry.spec.name, entry.spec.name, "autospec::magic", entry.spec.name
            );
            quote!(#[doc = #doc] pub #field: #ty,)
        });
        let clones = self
            .with_fields()
            .map(|(_, field)| quote!(#field: ::core::clone::Clone::clone(&self.#field),));
        let marker_field = self
            .phantom
            .as_ref()
            .map(|phantom| quote!(__autospec_marker: #phantom,));
        let marker = self
            .phantom
            .as_ref()
            .map(|_| quote!(__autospec_marker: ::core::marker::PhantomData,));
        let doc = format!("The child mocks of the std traits that `magic(..)` gives `{mock}`.");
        quote! {
            #[doc = #doc]
            #[allow(non_camel_case_types)]
            #vis struct #ident #generics #where_clause {
                #(#fields)*
                #marker_field
            }

            impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
                fn clone(&self) -> Self {
                    Self { #(#clones)* #marker }
                }
            }
        }
    }

    /// One impl per std trait.
    pub(crate) fn impls(&self) -> TokenStream {
        self.entries
            .iter()
            .map(|entry| self.trait_impl(entry))
            .collect()
    }

    fn trait_impl(&self, entry: &MagicTrait<'_>) -> TokenStream {
        let path = std_path(entry.spec.path);
        let (arg, item) = (self.replaced(entry.arg), self.replaced(entry.item));
        let (trait_path, body) = match entry.spec.kind {
            Kind::IntoIterator => return self.iterable_impls(&path, &item),
            Kind::Display | Kind::PartialEq | Kind::Eq | Kind::PartialOrd | Kind::Hash => {
                (quote!(#path), self.compare_body(entry.spec.kind))
            }
            Kind::Binary | Kind::Assign | Kind::Unary => self.operator(entry, &path, &arg),
            Kind::Read | Kind::Write | Kind::BufRead | Kind::Seek => {
                (quote!(#path), io_body(entry.spec.kind))
            }
            Kind::Iterator => (
                quote!(#path),
                quote! {
                    type Item = #item;
                    #[track_caller]
                    fn next(&mut self) -> ::core::option::Option<#item> {
                        self.magic.iterator.__next()
                    }
                },
            ),
            Kind::Index => {
                let output = self.output(entry);
                let body = quote! {
                    type Output = #output;
                    #[track_caller]
                    fn index(&self, index: #arg) -> &#output {
                        self.magic.index.__index(index)
                    }
                };
                (quote!(#path<#arg>), body)
            }
            Kind::Drop => (
                quote!(#path),
                quote! {
                    #[track_caller]
                    fn drop(&mut self) {
                        self.magic.drop.__drop();
                    }
                },
            ),
            Kind::AsRef => (
                quote!(#path<#arg>),
                quote! {
                    #[track_caller]
                    fn as_ref(&self) -> &#arg {
                        self.magic.as_ref.__as_ref()
                    }
                },
            ),
            Kind::From => (
                quote!(#path<#arg>),
                quote! {
                    #[track_caller]
                    fn from(value: #arg) -> Self {
                        let mock: Self = ::core::default::Default::default();
                        mock.magic.from.from.__apply_or(value, || ());
                        mock
                    }
                },
            ),
        };
        let (impl_generics, _, where_clause) = self.generics.split_for_impl();
        let mock = self.mock_type();
        quote! {
            impl #impl_generics #trait_path for #mock #where_clause {
                #body
            }
        }
    }

    /// `Display`, `PartialEq`, `Eq`, `PartialOrd` and `Hash`, which need
    /// the mock's name or identity.
    fn compare_body(&self, kind: Kind) -> TokenStream {
        let krate = self.krate;
        let core = |value: TokenStream| quote!(#krate::Mock::__autospec_core(#value));
        let (this, other) = (core(quote!(self)), core(quote!(other)));
        match kind {
            Kind::Display => quote! {
                #[track_caller]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    self.magic.display.__fmt(#krate::Mock::mock_name(self), f)
                }
            },
            Kind::PartialEq => quote! {
                #[track_caller]
                fn eq(&self, other: &Self) -> bool {
                    self.magic.partial_eq.__eq(#this, #other)
                }
            },
            Kind::PartialOrd => quote! {
                #[track_caller]
                fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                    self.magic.partial_ord.__partial_cmp(#other)
                }
            },
            Kind::Hash => quote! {
                #[track_caller]
                fn hash<__AutospecHasher: ::core::hash::Hasher>(&self, state: &mut __AutospecHasher) {
                    ::core::hash::Hasher::write_u64(state, self.magic.hash.__hash(#this));
                }
            },
            _ => TokenStream::new(),
        }
    }

    /// An operator: its path and body. Without `Output`, the default
    /// answer is the mock itself, moved out after the child is reached.
    fn operator(
        &self,
        entry: &MagicTrait<'_>,
        path: &TokenStream,
        arg: &Type,
    ) -> (TokenStream, TokenStream) {
        let (field, method) = (
            format_ident!("{}", entry.spec.field),
            format_ident!("{}", entry.spec.method),
        );
        if entry.spec.kind == Kind::Assign {
            let body = quote! {
                #[track_caller]
                fn #method(&mut self, rhs: #arg) {
                    self.magic.#field.#method.__apply_or(rhs, || ());
                }
            };
            return (quote!(#path<#arg>), body);
        }
        let output = self.output(entry);
        let (params, trait_path, rhs) = if entry.spec.kind == Kind::Binary {
            (quote!(rhs: #arg), quote!(#path<#arg>), Some(quote!(rhs,)))
        } else {
            (TokenStream::new(), quote!(#path), None)
        };
        let call = if entry.output().is_some() {
            quote!(self.magic.#field.#method.__apply(#rhs))
        } else {
            quote! {
                let __autospec_child = ::core::clone::Clone::clone(&self.magic.#field.#method);
                __autospec_child.__apply_or(#rhs move || self)
            }
        };
        let body = quote! {
            type Output = #output;
            #[track_caller]
            fn #method(self, #params) -> #output {
                #call
            }
        };
        (trait_path, body)
    }

    /// `IntoIterator` for the mock and for a reference to it.
    fn iterable_impls(&self, path: &TokenStream, item: &Type) -> TokenStream {
        let (impl_generics, _, where_clause) = self.generics.split_for_impl();
        let mock = self.mock_type();
        let mut borrowed = self.generics.clone();
        borrowed
            .params
            .insert(0, syn::parse_quote!('__autospec_mock));
        let (borrowed_generics, _, _) = borrowed.split_for_impl();
        let body = quote! {
            type Item = #item;
            type IntoIter = ::std::vec::IntoIter<#item>;
            #[track_caller]
            fn into_iter(self) -> Self::IntoIter {
                self.magic.into_iterator.__into_iter()
            }
        };
        quote! {
            impl #impl_generics #path for #mock #where_clause {
                #body
            }

            // A mock has no `iter()` to pair with; the reference is what
            // `for x in &mock` needs.
            #[allow(clippy::into_iter_without_iter)]
            impl #borrowed_generics #path for &'__autospec_mock #mock #where_clause {
                #body
            }
        }
    }
}

/// `::core::fmt::Display`: a path of the table, as tokens.
fn std_path(path: &str) -> TokenStream {
    let segments = path
        .split("::")
        .filter(|segment| !segment.is_empty())
        .map(|segment| format_ident!("{}", segment));
    quote!(#(::#segments)*)
}

/// `Read`, `Write`, `BufRead` and `Seek`.
fn io_body(kind: Kind) -> TokenStream {
    match kind {
        Kind::Read => quote! {
            #[track_caller]
            fn read(&mut self, buf: &mut [u8]) -> ::std::io::Result<usize> {
                self.magic.read.read.__read(buf)
            }
        },
        Kind::Write => quote! {
            #[track_caller]
            fn write(&mut self, buf: &[u8]) -> ::std::io::Result<usize> {
                self.magic.write.__write(buf)
            }
            #[track_caller]
            fn flush(&mut self) -> ::std::io::Result<()> {
                self.magic.write.__flush()
            }
        },
        Kind::BufRead => quote! {
            #[track_caller]
            fn fill_buf(&mut self) -> ::std::io::Result<&[u8]> {
                self.magic.buf_read.__fill_buf()
            }
            #[track_caller]
            fn consume(&mut self, amount: usize) {
                self.magic.buf_read.__consume(amount);
            }
        },
        Kind::Seek => quote! {
            #[track_caller]
            fn seek(&mut self, pos: ::std::io::SeekFrom) -> ::std::io::Result<u64> {
                self.magic.seek.__seek(pos)
            }
        },
        _ => TokenStream::new(),
    }
}
