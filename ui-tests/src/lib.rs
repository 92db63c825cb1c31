//! Compile-fail and compile-pass tests of `#[autospec]`, run by trybuild.
