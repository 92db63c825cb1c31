//! `mock_fn!`: a callable mock of a closure signature.

use super::mock::Mock;
use super::trait_mock;
use crate::attr::Args;
use crate::model::Trait;
use proc_macro2::TokenStream;
use quote::quote;

/// `mock_fn!(|&str, u32| -> bool)`: a callable mock of a closure
/// signature, `MockFn`, whose `call` child journals the calls and whose
/// `as_fn()` is the closure to hand to the code under test.
pub(crate) fn mock_fn(model: &Trait<'_>, args: &Args) -> TokenStream {
    let spec = model.item;
    let mock = trait_mock::items(&Mock::new(model, args));
    quote!({
        #[allow(dead_code)]
        #spec
        #mock
        <MockFn as ::core::default::Default>::default()
    })
}
