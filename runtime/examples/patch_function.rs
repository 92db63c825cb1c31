//! Patching free functions that the code under test calls directly: a
//! clock and a file read. `#[autospec]` on a function keeps its body and
//! adds a hook (in debug builds only); `patch!` in the test replaces the
//! function on this thread until the guard drops.
//!
//! Run it with `cargo run --example patch_function` (not `--release`: a
//! release build has no hooks, and the patches would replace nothing).

mod clock {
    /// Seconds since the Unix epoch.
    #[autospec::autospec]
    pub fn now() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs())
    }
}

mod files {
    /// The text of a file.
    #[autospec::autospec]
    pub fn read(path: &str) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))
    }
}

/// The code under test: a session token is valid for an hour, unless the
/// revocation list names it.
fn token_is_valid(token: &str, issued_at: u64) -> bool {
    let revoked = files::read("/etc/app/revoked").unwrap_or_default();
    let fresh = clock::now().saturating_sub(issued_at) < 3_600;
    fresh && !revoked.lines().any(|line| line == token)
}

fn main() {
    {
        let now = autospec::patch!(clock::now);
        let read = autospec::patch!(files::read);
        now.returns(1_700_003_000);
        read.returns(Ok("t-old\nt-stolen\n".to_owned()));

        assert!(token_is_valid("t-1", 1_700_000_000)); // 50 minutes old
        assert!(!token_is_valid("t-2", 1_699_990_000)); // expired
        assert!(!token_is_valid("t-stolen", 1_700_002_000)); // revoked

        read.assert_called_with(("/etc/app/revoked",));
        assert_eq!(now.call_count(), 3);
        println!("passed: read.assert_called_with((\"/etc/app/revoked\",))");
        println!("passed: now.call_count() == 3");
        println!("files journal: {:?}", read.call_args_list());
    }

    // A spy: calls_original() runs the real body and still journals.
    {
        let read = autospec::patch!(files::read);
        read.calls_original();
        let outcome = files::read("/no/such/file");
        read.assert_called_once_with(("/no/such/file",));
        println!("\nspied on the real read: {}", outcome.unwrap_err());
        println!("passed: read.assert_called_once_with((\"/no/such/file\",))");
    }

    // The guards dropped: the functions are themselves again.
    println!("\nunpatched clock::now() = {}", clock::now());
}
