//! The scratch crates the generated files are checked in: one per edition,
//! each its own workspace, sharing one target directory that is kept
//! between runs so that autospec, its macros and syn compile once.

use crate::diag::Diagnostic;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The repository root, from where this crate sits in it.
pub(crate) fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub(crate) struct Scratch {
    work: PathBuf,
    target: PathBuf,
    runtime: PathBuf,
    clippy: bool,
    /// Held for the whole run: two runs must not write the same files.
    _lock: File,
}

/// What one `cargo check` of a generated file reported.
pub(crate) struct Build {
    pub diagnostics: Vec<Diagnostic>,
    pub success: bool,
    pub stderr: String,
    pub seconds: f64,
}

pub(crate) fn crate_name(edition: &str) -> String {
    format!("random_traits_e{edition}")
}

/// The `Cargo.toml` of a scratch crate, or of a kept copy of one.
pub(crate) fn manifest(edition: &str, runtime: &Path) -> String {
    format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"{edition}\"\npublish = false\n\n[dependencies]\nautospec = {{ path = {:?} }}\n\n# Its own workspace, wherever it is put.\n[workspace]\n",
        crate_name(edition),
        runtime.display().to_string()
    )
}

impl Scratch {
    /// Opens (creating) the work directory, waiting for any other run
    /// that uses it.
    pub(crate) fn open(work: PathBuf, clippy: bool) -> Result<Scratch, String> {
        fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
        let lock_path = work.join("lock");
        let lock = File::create(&lock_path)
            .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
        if lock.try_lock().is_err() {
            println!("waiting for another run that uses {}", work.display());
            lock.lock()
                .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
        }
        let root = repository_root()
            .canonicalize()
            .map_err(|e| format!("cannot find the repository root: {e}"))?;
        let runtime = root.join("runtime");
        for edition in ["2021", "2024"] {
            let dir = work.join(format!("e{edition}"));
            fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
            fs::write(dir.join("Cargo.toml"), manifest(edition, &runtime))
                .map_err(|e| e.to_string())?;
            // The repository's lock file: the same syn and quote as the
            // workspace, and no registry look-up.
            fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).map_err(|e| e.to_string())?;
        }
        Ok(Scratch {
            target: work.join("target"),
            work,
            runtime,
            clippy,
            _lock: lock,
        })
    }

    pub(crate) fn runtime(&self) -> &Path {
        &self.runtime
    }

    /// Checks `source` as the crate root of the scratch crate of `edition`.
    pub(crate) fn check(&self, edition: &str, source: &str) -> Result<Build, String> {
        let dir = self.work.join(format!("e{edition}"));
        fs::write(dir.join("src/lib.rs"), source).map_err(|e| e.to_string())?;
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let started = Instant::now();
        let output = Command::new(cargo)
            .arg(if self.clippy { "clippy" } else { "check" })
            .args(["--quiet", "--message-format=json", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&self.target)
            // Flags meant for the outer build would change what the
            // generated code is checked against.
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_BUILD_RUSTFLAGS")
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET_DIR")
            // Each file is new: incremental state would only cost disk.
            .env("CARGO_INCREMENTAL", "0")
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let name = crate_name(edition);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let diagnostics = stdout
            .lines()
            .filter_map(|line| Diagnostic::from_cargo_line(line, &name))
            .collect();
        Ok(Build {
            diagnostics,
            success: output.status.success(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}
