//! The `#[autospec]` attribute. Depend on the `autospec` crate, which
//! re-exports it together with the runtime the generated code needs.
//!
//! Pipeline: `model` parses the item into a small model that keeps its
//! syntax, `validate` reports every problem at once, `expand` emits the
//! mock and cannot fail.

mod attr;
mod expand;
mod glue;
mod model;
mod rewrite;
#[cfg(test)]
mod robustness;
mod validate;

use proc_macro::TokenStream;

/// Emits a typed mock of the trait it is placed on. See the `autospec` crate.
#[proc_macro_attribute]
pub fn autospec(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::autospec(args.into(), item.into()).into()
}

/// Emits a typed mock of a trait defined elsewhere, from its restated
/// methods. See the `autospec` crate.
#[proc_macro]
pub fn mock(input: TokenStream) -> TokenStream {
    expand::mock(input.into()).into()
}
