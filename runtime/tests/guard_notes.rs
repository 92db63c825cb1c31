//! A class or patch guard dropped before it answered a call or was used
//! (`let _ = patch!(..)`, which no lint can catch) says so on the test's
//! output, with the line that made it; a guard that was used says nothing.
//!
//! The test harness captures that output, so each case runs this test
//! binary again as a child process, with `--nocapture`, and reads its
//! standard error.
#![allow(missing_docs, clippy::new_without_default)]

use std::process::Command;

mod net {
    #[autospec::autospec]
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

pub struct Client;

#[autospec::autospec]
impl Client {
    pub fn new() -> Self {
        Client
    }
}

/// The scenario the child process runs, chosen by `GUARD_NOTES_CASE`.
fn scenario(case: &str) {
    match case {
        "patch-dropped" => {
            let _ = autospec::patch!(net::fetch);
            assert_eq!(net::fetch("/x"), "/x");
        }
        "class-dropped" => {
            let _ = MockClient::class();
        }
        "patch-used" => {
            let fetch = autospec::patch!(net::fetch);
            fetch.returns("mocked".to_owned());
            assert_eq!(net::fetch("/x"), "mocked");
        }
        "patch-answered" => {
            let _fetch = autospec::patch!(net::fetch);
            assert_eq!(net::fetch("/x"), "");
        }
        other => panic!("unknown case {other}"),
    }
}

#[test]
fn child() {
    if let Ok(case) = std::env::var("GUARD_NOTES_CASE") {
        scenario(&case);
    }
}

/// Runs `case` in a child process and gives back its standard error.
fn stderr_of(case: &str) -> String {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env("GUARD_NOTES_CASE", case)
        .output()
        .unwrap();
    assert!(output.status.success(), "{case}: {output:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn a_patch_guard_dropped_at_once_says_so_with_its_line() {
    let stderr = stderr_of("patch-dropped");
    assert!(
        stderr.contains("autospec: the `patch!` guard of `fetch` made at ")
            && stderr.contains("guard_notes.rs:32:")
            && stderr.contains("was dropped before it answered a call or was used")
            && stderr.contains("keep it in a named binding"),
        "{stderr}"
    );
}

#[test]
fn a_class_guard_dropped_at_once_says_so() {
    let stderr = stderr_of("class-dropped");
    assert!(
        stderr.contains("autospec: the `MockClient::class()` guard made at ")
            && stderr.contains("guard_notes.rs:36:"),
        "{stderr}"
    );
}

#[test]
fn a_guard_that_was_used_or_answered_says_nothing() {
    for case in ["patch-used", "patch-answered"] {
        let stderr = stderr_of(case);
        assert!(!stderr.contains("autospec:"), "{case}: {stderr}");
    }
}
