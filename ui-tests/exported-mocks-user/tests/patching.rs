//! An integration test (`cfg(test)` is off for both libraries here) patches
//! a function of a dependency that this crate's code calls.

use autospec::prelude::*;

#[test]
fn a_dependency_function_is_patched_from_an_integration_test() {
    assert!(autospec_example_service::is_local("localhost"));
    let resolve = patch!(netlib::resolve);
    resolve.returns(Some([10, 0, 0, 1]));
    assert!(!autospec_example_service::is_local("localhost"));
    resolve.assert_called_once_with(("localhost",));
}
