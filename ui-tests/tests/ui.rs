//! Runs every compile-fail case under `tests/ui/<area>/` and compares its
//! diagnostics with the committed `.stderr` snapshot.
//!
//! After a deliberate change to a diagnostic, regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p autospec-ui-tests` and read every
//! changed `.stderr` before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*/*.rs");
    // The first glob also matches `pass/`; trybuild lets a later glob's
    // expectation override an earlier one for the same file.
    cases.pass("tests/ui/pass/*.rs");
}
