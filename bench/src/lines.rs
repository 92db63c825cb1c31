//! Generated lines per mocked method.
//!
//! How lines are counted: a token dump of the code in question is formatted
//! with rustfmt (default style: an empty rustfmt.toml is passed, so no
//! project config applies) and its non-blank lines are counted; `#[doc]`
//! attributes count like any other line. "Generated" is the expansion minus
//! the trait itself (which every attribute macro re-emits).
//!
//! - autospec: `bench/expand` compiles the macro crate's modules into a plain
//!   binary and calls `pipeline::autospec` on each trait (no nightly needed).
//! - fake: the hand-written fake of the same trait, formatted the same way.
//! - mockall: only with `--unstable-expand`, which runs the compiler's own
//!   `-Zunpretty=expanded` through `RUSTC_BOOTSTRAP=1` on a one-trait crate
//!   (the same is done for autospec there, as a cross-check of `bench/expand`).

use crate::gen::{self, Flavor, SIGS};
use crate::run;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Lines of one flavor's generated code.
#[derive(Clone, Debug, Default)]
pub struct Lines {
    /// Generated for a trait without methods (per-mock overhead).
    pub fixed: f64,
    /// Generated for the ten-method trait, divided by ten (overhead included).
    pub per_method_avg: f64,
    /// What one more method adds: (ten-method trait − empty trait) / 10.
    pub per_method_marginal: f64,
    /// The most that any one of the ten signatures adds, and which.
    pub worst: Option<(f64, String)>,
}

/// Everything measured about lines.
#[derive(Clone, Debug, Default)]
pub struct LineReport {
    pub autospec: Option<Lines>,
    pub autospec_error: Option<String>,
    pub fake: Lines,
    /// From `-Zunpretty=expanded`, when asked for.
    pub unstable: Vec<(Flavor, Lines)>,
}

fn rustfmt_config(dir: &Path) -> PathBuf {
    let config = dir.join("rustfmt.toml");
    fs::write(&config, "# empty: rustfmt's default style\n").expect("work dir is writable");
    config
}

/// Non-blank lines of `code` after rustfmt.
pub fn formatted_lines(code: &str, config: &Path) -> Result<usize, String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--config-path"])
        .arg(config)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start rustfmt: {error}"))?;
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        stdin
            .write_all(code.as_bytes())
            .map_err(|error| format!("rustfmt stdin: {error}"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|error| format!("rustfmt: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .count())
}

/// Builds `bench/expand` and counts autospec's generated lines with it.
fn autospec_lines(bench: &Path, work: &Path, config: &Path) -> Result<Lines, String> {
    let target = work.join("target-expand");
    let mut build = run::cargo(bench);
    build
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(bench.join("expand/Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target);
    let output = build
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("cannot start cargo: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "bench/expand does not compile against macros/src (has the macro crate's structure changed?):\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let dir = work.join("lines/autospec");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|error| error.to_string())?;
    let mut input = gen::trait_source(Flavor::Autospec, "Empty", 0, None);
    input.push_str(&gen::trait_source(
        Flavor::Autospec,
        "Full",
        SIGS.len(),
        None,
    ));
    for k in 0..SIGS.len() {
        // A one-method trait of signature k: the same name `mk` as in the suite.
        let single = gen::trait_source(Flavor::Autospec, &format!("One{k}"), k + 1, None);
        let mut lines: Vec<&str> = single.lines().collect();
        lines.drain(2..2 + k); // keep the attribute, the header and method k only
        input.push_str(&lines.join("\n"));
        input.push('\n');
    }
    let input_path = dir.join("input.rs");
    fs::write(&input_path, &input).map_err(|error| error.to_string())?;
    let expand = target.join("release/expand");
    let output = Command::new(&expand)
        .arg(&input_path)
        .arg(dir.join("out"))
        .output()
        .map_err(|error| format!("cannot start {}: {error}", expand.display()))?;
    if !output.status.success() {
        return Err(format!(
            "expand failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let generated = |name: &str| -> Result<f64, String> {
        let read = |suffix: &str| {
            fs::read_to_string(dir.join("out").join(format!("{name}.{suffix}.rs")))
                .map_err(|error| format!("{name}: {error}"))
        };
        let expanded = read("expanded")?;
        if expanded.contains("compile_error") {
            return Err(format!(
                "#[autospec] rejected the benchmark's trait {name}: {expanded}"
            ));
        }
        let total = formatted_lines(&expanded, config)?;
        let original = formatted_lines(&read("orig")?, config)?;
        Ok(total as f64 - original as f64)
    };
    let fixed = generated("Empty")?;
    let full = generated("Full")?;
    let mut worst: Option<(f64, String)> = None;
    for (k, sig) in SIGS.iter().enumerate() {
        let added = generated(&format!("One{k}"))? - fixed;
        if worst.as_ref().is_none_or(|(most, _)| added > *most) {
            let ret = sig.ret.map(|ret| format!(" -> {ret}")).unwrap_or_default();
            worst = Some((added, format!("m{k}({}){ret}", sig.params)));
        }
    }
    Ok(Lines {
        fixed,
        per_method_avg: full / SIGS.len() as f64,
        per_method_marginal: (full - fixed) / SIGS.len() as f64,
        worst,
    })
}

/// The hand-written fake's lines, counted the same way (the shared
/// `Recorder` helper counted once, as the fixed part).
fn fake_lines(config: &Path) -> Result<Lines, String> {
    let full = formatted_lines(&gen::fake_source("Full", SIGS.len(), None), config)? as f64;
    let empty = formatted_lines(&gen::fake_source("Empty", 0, None), config)? as f64;
    Ok(Lines {
        fixed: empty,
        per_method_avg: full / SIGS.len() as f64,
        per_method_marginal: (full - empty) / SIGS.len() as f64,
        worst: None,
    })
}

/// `-Zunpretty=expanded` of a one-trait crate, with and without its mocks.
fn unstable_lines(
    flavor: Flavor,
    work: &Path,
    runtime: &Path,
    config: &Path,
) -> Result<Lines, String> {
    let dir = work.join(format!("lines/unstable-{}", flavor.name()));
    crate::percall::write(&dir, flavor, runtime).map_err(|error| error.to_string())?;
    let expanded_lines = |source: &str, mocks: bool| -> Result<f64, String> {
        gen::write_if_changed(&dir.join("src/lib.rs"), source)
            .map_err(|error| error.to_string())?;
        let mut command = run::cargo(&dir);
        command.args(["rustc", "--quiet", "--lib", "--profile", "check"]);
        if mocks {
            command.args(["--features", "mocks"]);
        }
        command
            .args(["--", "-Zunpretty=expanded"])
            .env("RUSTC_BOOTSTRAP", "1");
        let output = command
            .stdin(Stdio::null())
            .output()
            .map_err(|error| error.to_string())?;
        if !output.status.success() {
            return Err(format!(
                "-Zunpretty=expanded failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(formatted_lines(&String::from_utf8_lossy(&output.stdout), config)? as f64)
    };
    let generated = |methods: usize| -> Result<f64, String> {
        let source = gen::trait_source(flavor, "Full", methods, None);
        Ok(expanded_lines(&source, true)? - expanded_lines(&source, false)?)
    };
    let fixed = generated(0)?;
    let full = generated(SIGS.len())?;
    Ok(Lines {
        fixed,
        per_method_avg: full / SIGS.len() as f64,
        per_method_marginal: (full - fixed) / SIGS.len() as f64,
        worst: None,
    })
}

pub fn measure(bench: &Path, work: &Path, runtime: &Path, unstable: bool) -> LineReport {
    fs::create_dir_all(work.join("lines")).expect("work dir is writable");
    let config = rustfmt_config(&work.join("lines"));
    let (autospec, autospec_error) = match autospec_lines(bench, work, &config) {
        Ok(lines) => (Some(lines), None),
        Err(error) => {
            eprintln!("warning: generated lines of autospec not measured: {error}");
            (
                None,
                Some(error.lines().next().unwrap_or_default().to_owned()),
            )
        }
    };
    let fake = fake_lines(&config).unwrap_or_else(|error| panic!("{error}"));
    let mut report = LineReport {
        autospec,
        autospec_error,
        fake,
        unstable: Vec::new(),
    };
    if unstable {
        for flavor in [Flavor::Autospec, Flavor::Mockall] {
            match unstable_lines(flavor, work, runtime, &config) {
                Ok(lines) => report.unstable.push((flavor, lines)),
                Err(error) => eprintln!(
                    "warning: -Zunpretty lines of {} not measured: {error}",
                    flavor.name()
                ),
            }
        }
    }
    report
}
