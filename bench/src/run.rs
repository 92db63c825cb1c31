//! Running cargo and measuring it: CPU seconds (user + sys of all waited-for
//! descendants, from `/proc/self/stat`'s cutime and cstime) and wall seconds,
//! plus a per-rustc log written by this same binary acting as `RUSTC_WRAPPER`.

use std::ffi::OsString;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Instant;

/// Set by the harness for the cargo it measures; when this binary is started
/// with it set, it is a `RUSTC_WRAPPER` and appends one line per compiled crate.
pub const LOG_VAR: &str = "AUTOSPEC_BENCH_RUSTC_LOG";

/// Linux exports times in `/proc` in units of USER_HZ, which is 100 on every
/// architecture that `/proc/<pid>/stat` readers rely on.
const USER_HZ: f64 = 100.0;

/// CPU seconds (user + sys) of this process's waited-for descendants.
pub fn children_cpu() -> f64 {
    let stat =
        fs::read_to_string("/proc/self/stat").expect("/proc/self/stat is readable (Linux only)");
    // The command name (field 2) is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')').expect("stat has a command field") + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state); cutime is field 16, cstime field 17.
    let ticks = |field: usize| {
        fields[field - 3]
            .parse::<f64>()
            .expect("stat fields are numbers")
    };
    (ticks(16) + ticks(17)) / USER_HZ
}

/// What one measured command cost.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cost {
    pub cpu: f64,
    pub wall: f64,
}

/// One compiled crate, as logged by the wrapper.
#[derive(Clone, Debug)]
pub struct Rustc {
    pub package: String,
    pub cpu: f64,
}

/// The environment every cargo the harness starts gets: nothing inherited
/// from an outer `cargo run` that could change flags, target directories or
/// job counts.
pub fn cargo(dir: &Path) -> Command {
    let mut command =
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")));
    command.current_dir(dir);
    for var in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_BUILD_TARGET_DIR",
        "CARGO_MAKEFLAGS",
        "MAKEFLAGS",
        "MFLAGS",
        "CARGO_INCREMENTAL",
        "CARGO_PROFILE_DEV_INCREMENTAL",
        "OUT_DIR",
        LOG_VAR,
    ] {
        command.env_remove(var);
    }
    // What an outer `cargo run` tells the harness about itself must not reach
    // the wrapper, which attributes compiles by CARGO_PKG_NAME.
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if [
            "CARGO_PKG_",
            "CARGO_MANIFEST_",
            "CARGO_CRATE_",
            "CARGO_BIN_",
            "CARGO_PRIMARY_",
            "CARGO_TARGET_TMPDIR",
        ]
        .iter()
        .any(|prefix| key.starts_with(prefix))
        {
            command.env_remove(&*key);
        }
    }
    command.env("CARGO_TARGET_DIR", dir.join("target"));
    command.env("CARGO_TERM_COLOR", "never");
    command.env("CARGO_TERM_PROGRESS_WHEN", "never");
    command
}

/// Runs a command, failing loudly with its output if it fails.
pub fn run_checked(command: &mut Command, what: &str) -> Output {
    let output = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| panic!("{what}: cannot start: {error}"));
    if !output.status.success() {
        let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&output.stderr));
        let tail: Vec<&str> = text.lines().rev().take(60).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        panic!("{what} failed ({}):\n{}", output.status, tail.join("\n"));
    }
    output
}

static WRAPPER: OnceLock<PathBuf> = OnceLock::new();

/// Copies this binary to `work/` for use as `RUSTC_WRAPPER`, so that
/// rebuilding the harness while it runs cannot pull the wrapper away.
pub fn install_wrapper(work: &Path) {
    let me = std::env::current_exe().expect("the harness knows its own path");
    let copy = work.join("rustc-wrapper");
    let _ = fs::remove_file(&copy);
    fs::copy(&me, &copy).unwrap_or_else(|error| {
        panic!(
            "cannot copy {} to {}: {error}",
            me.display(),
            copy.display()
        )
    });
    WRAPPER.set(copy).expect("the wrapper is installed once");
}

/// Runs a cargo build with this binary as `RUSTC_WRAPPER`, measuring it.
pub fn measured(mut command: Command, what: &str, log: &Path) -> (Cost, Output, Vec<Rustc>) {
    let _ = fs::remove_file(log);
    let wrapper = WRAPPER.get().expect("install_wrapper ran first");
    command.env("RUSTC_WRAPPER", wrapper).env(LOG_VAR, log);
    let cpu_before = children_cpu();
    let start = Instant::now();
    let output = run_checked(&mut command, what);
    let wall = start.elapsed().as_secs_f64();
    let cpu = children_cpu() - cpu_before;
    let rustcs = read_log(log);
    (Cost { cpu, wall }, output, rustcs)
}

/// The wrapper side: runs rustc, then logs the package it compiled and the
/// CPU it (and its linker) took. Cargo's probes (`rustc -vV`, `--crate-name ___
/// --print ..`) are not logged.
pub fn wrapper_main(log: OsString) -> ! {
    let mut args = std::env::args_os().skip(1);
    let rustc = args.next().expect("RUSTC_WRAPPER is given the rustc path");
    let args: Vec<OsString> = args.collect();
    let before = children_cpu();
    let status = Command::new(&rustc)
        .args(&args)
        .status()
        .unwrap_or_else(|error| panic!("cannot start {rustc:?}: {error}"));
    let cpu = children_cpu() - before;
    let crate_name = args
        .iter()
        .position(|arg| arg == "--crate-name")
        .and_then(|i| args.get(i + 1))
        .map(|name| name.to_string_lossy().into_owned());
    if let (Ok(package), Some(crate_name)) = (
        std::env::var("CARGO_PKG_NAME"),
        crate_name.filter(|name| name != "___"),
    ) {
        let line = format!("{package}\t{crate_name}\t{cpu:.3}\n");
        // One short write to an O_APPEND file: lines of parallel rustcs do not interleave.
        if let Ok(mut file) = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(PathBuf::from(log))
        {
            let _ = file.write_all(line.as_bytes());
        }
    }
    std::process::exit(status.code().unwrap_or(101));
}

fn read_log(log: &Path) -> Vec<Rustc> {
    let text = fs::read_to_string(log).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let package = parts.next()?.to_owned();
            let _crate_name = parts.next()?;
            let cpu = parts.next()?.parse().ok()?;
            Some(Rustc { package, cpu })
        })
        .collect()
}

/// The `"executable"` of the test target `name` in cargo's JSON messages.
pub fn test_executable(stdout: &[u8], name: &str) -> Option<PathBuf> {
    let text = String::from_utf8_lossy(stdout);
    let needle = format!("\"name\":\"{name}\"");
    text.lines()
        .filter(|line| {
            line.contains("\"reason\":\"compiler-artifact\"")
                && line.contains(&needle)
                && line.contains("\"test\":true")
        })
        .find_map(|line| {
            let start = line.find("\"executable\":\"")? + "\"executable\":\"".len();
            let end = start + line[start..].find('"')?;
            Some(PathBuf::from(&line[start..end]))
        })
}

/// The size of a stripped copy of a binary, in bytes.
pub fn stripped_size(binary: &Path, scratch: &Path) -> u64 {
    let copy = scratch.join("stripped.bin");
    fs::copy(binary, &copy).expect("the test binary can be copied");
    run_checked(
        Command::new("strip").arg("--strip-all").arg(&copy),
        "strip --strip-all",
    );
    let size = fs::metadata(&copy).expect("the stripped copy exists").len();
    let _ = fs::remove_file(&copy);
    size
}
