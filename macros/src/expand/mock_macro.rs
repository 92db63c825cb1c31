//! `mock!`: the mock of a trait defined elsewhere, from its restated items.

use super::mock::Mock;
use super::trait_mock;
use crate::attr::Args;
use crate::model::Trait;
use proc_macro2::TokenStream;

/// `mock! { pub MockReader: std::io::Read { fn read(..) -> ..; } }`: a mock
/// of a trait defined elsewhere, from its restated items.
pub(crate) fn mock_macro(model: &Trait<'_>, args: &Args) -> TokenStream {
    let mut mock = Mock::new(model, args);
    mock.spies = true;
    trait_mock::items(&mock)
}
