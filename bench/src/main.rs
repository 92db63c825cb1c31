//! autospec-bench: compile time, per-call cost, memory, binary size and
//! generated lines of autospec, measured against mockall and a hand-written
//! fake.
//!
//! ```text
//! cargo run --release --manifest-path bench/Cargo.toml -- --sizes 50,500,1000 --reps 3 [--write-docs]
//! ```
//!
//! For each size (mocked methods; ten per trait) it generates the same test
//! suite in three flavors under `bench/work/` and measures, in interleaved
//! rounds (autospec, mockall, fake, autospec, mockall, fake, ...) so that
//! machine noise hits all three alike:
//!
//! - clean build of the test binary, dependencies included (cargo clean
//!   first), split by crate into the suite's own crates, syn & co and the
//!   framework's crates through a per-rustc log (this binary doubles as
//!   `RUSTC_WRAPPER`);
//! - rebuild after an edit of the library (the `EDIT` const in `lib.rs`,
//!   where the mocks live, behind the `mocks` feature);
//! - rebuild after an edit of the tests (the `EDIT` const in `tests/calls.rs`);
//! - the stripped size of the test binary;
//!
//! all in cargo's default dev profile (incremental), as CPU seconds (user +
//! sys of every process cargo waited for) and wall seconds. Then the cold
//! build of each framework's dependency tree alone (`deps.rs`), the cost of
//! a recorded `(u32, &str) -> Option<String>` call in a release binary
//! (`percall.rs`: time on one thread and on 16, instructions, memory kept),
//! and generated lines per mocked method (`lines.rs`).
//!
//! It prints a markdown report with medians and ratios; `--write-docs` also
//! writes it to `docs/performance.md` with a chart, `docs/performance.svg`.

mod chart;
mod deps;
mod gen;
mod hooks;
mod lines;
mod percall;
mod report;
mod run;

use gen::{Flavor, FLAVORS};
use run::{Cost, Rustc};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The packages counted as "syn & co".
pub const SYN_AND_CO: [&str; 4] = ["proc-macro2", "quote", "syn", "unicode-ident"];

/// One clean build.
#[derive(Clone, Debug, Default)]
pub struct Clean {
    pub cost: Cost,
    /// CPU of the suite's own crates (library and test).
    pub own: f64,
    pub syn_and_co: f64,
    /// CPU of every other dependency: the mocking framework's crates.
    pub framework: f64,
}

/// Every sample of one flavor at one size.
#[derive(Clone, Debug, Default)]
pub struct Samples {
    pub clean: Vec<Clean>,
    pub lib_edit: Vec<Cost>,
    pub test_edit: Vec<Cost>,
    pub binary: Vec<u64>,
    /// The framework's packages seen in the clean build.
    pub framework_packages: Vec<String>,
}

/// Results for one size.
#[derive(Clone, Debug)]
pub struct SizeResult {
    pub methods: usize,
    pub flavors: [Samples; 3],
}

/// Everything the report needs.
pub struct Results {
    pub sizes: Vec<SizeResult>,
    pub per_call: percall::PerCall,
    /// The cold builds of the dependency trees alone (not with `--percall-only`).
    pub deps: Option<deps::Deps>,
    pub lines: lines::LineReport,
    pub reps: usize,
    pub command: String,
    /// Whether every trait has its own types (the default) or all traits
    /// repeat the same ten signatures (`--shared-signatures`).
    pub distinct: bool,
    /// The cost of an unpatched patch hook (see `hooks.rs`).
    pub hooks: hooks::HookReport,
}

struct Options {
    sizes: Vec<usize>,
    reps: usize,
    write_docs: bool,
    docs_dir: Option<PathBuf>,
    unstable_expand: bool,
    distinct: bool,
    hooks_only: bool,
    quick: bool,
    percall_only: bool,
    write_suites: bool,
}

const USAGE: &str = "usage: autospec-bench [--sizes 50,500,1000] [--reps 3] [--quick] [--percall-only] [--write-docs] [--docs-dir DIR] [--unstable-expand] [--shared-signatures] [--hooks-only] [--write-suites]

  --sizes N,..       mocked methods per suite (rounded up to whole traits of 10); default 50,500,1000
  --reps N           interleaved rounds per build measurement; default 3 (the per-call binaries
                     run max(N, 3) times)
  --quick            for iterating: one round, one run of the per-call binaries with few samples
                     (overrides --reps)
  --percall-only     measure only the per-call cost (time, instructions, memory), generated lines
                     and the patch hook: no suites, no builds timed
  --write-docs       also write docs/performance.md and docs/performance.svg, keeping the
                     hand-written sections of the existing docs/performance.md
  --docs-dir DIR     write those into DIR instead of the repository's docs/
  --unstable-expand  also count mockall's generated lines via RUSTC_BOOTSTRAP=1 -Zunpretty=expanded
  --shared-signatures  let all traits repeat the same ten signatures; by default every method of
                     trait K also takes a `TagK` of its trait's own, as real traits have their own
                     types, so that no generic instantiation is shared between traits
  --hooks-only       measure only what an unpatched patch hook costs (debug and release, plus a check
                     of the release binary's code) and print that section
  --write-suites     only write the suites of --sizes under bench/work/<flavor>-<methods>/ and stop,
                     for looking into one by hand (cargo llvm-lines, nm --size-sort)";

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        sizes: vec![50, 500, 1000],
        reps: 3,
        write_docs: false,
        docs_dir: None,
        unstable_expand: false,
        distinct: true,
        hooks_only: false,
        quick: false,
        percall_only: false,
        write_suites: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value("--sizes")?
                    .split(',')
                    .map(|size| {
                        size.trim()
                            .parse::<usize>()
                            .map_err(|_| format!("bad size {size:?}"))
                    })
                    .collect::<Result<_, _>>()?;
                if options.sizes.contains(&0) {
                    return Err("sizes must be positive".to_owned());
                }
            }
            "--reps" => {
                options.reps = value("--reps")?
                    .parse()
                    .map_err(|_| "bad --reps".to_owned())?
            }
            "--write-docs" => options.write_docs = true,
            "--docs-dir" => options.docs_dir = Some(PathBuf::from(value("--docs-dir")?)),
            "--unstable-expand" => options.unstable_expand = true,
            "--shared-signatures" => options.distinct = false,
            "--hooks-only" => options.hooks_only = true,
            "--quick" => options.quick = true,
            "--percall-only" => options.percall_only = true,
            "--write-suites" => options.write_suites = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if options.reps == 0 {
        return Err("--reps must be at least 1".to_owned());
    }
    if options.quick {
        options.reps = 1;
    }
    if options.write_docs && options.percall_only && options.docs_dir.is_none() {
        // The page would lose every build figure; a --docs-dir elsewhere is fine for a look.
        return Err("--write-docs with --percall-only would replace docs/performance.md with a page without build figures; add --docs-dir DIR to write it elsewhere".to_owned());
    }
    Ok(options)
}

fn main() {
    if let Some(log) = std::env::var_os(run::LOG_VAR) {
        run::wrapper_main(log);
    }
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let bench = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let repo = bench
        .parent()
        .expect("bench/ sits in the repository")
        .to_path_buf();
    let runtime = repo.join("runtime");
    let work = bench.join("work");
    fs::create_dir_all(&work).expect("bench/work can be created");
    run::install_wrapper(&work);

    let command = format!(
        "cargo run --release --manifest-path bench/Cargo.toml -- {}",
        std::env::args().skip(1).collect::<Vec<_>>().join(" ")
    );
    eprintln!(
        "autospec-bench: sizes {:?}, {} rep(s), work dir {}",
        options.sizes,
        options.reps,
        work.display()
    );

    if options.write_suites {
        for &requested in &options.sizes {
            let traits = requested.div_ceil(gen::SIGS.len());
            for flavor in FLAVORS {
                let dir = work.join(format!("{}-{}", flavor.name(), traits * gen::SIGS.len()));
                gen::write_suite(&dir, flavor, traits, options.distinct, &runtime)
                    .expect("bench/work is writable");
                eprintln!("wrote {}", dir.display());
            }
        }
        return;
    }

    eprintln!("== the cost of a patch hook, unpatched");
    let hooks = hooks::measure(&work, &runtime);
    if options.hooks_only {
        println!("{}", hooks::markdown(&hooks));
        return;
    }

    eprintln!("== generated lines");
    let lines = lines::measure(&bench, &work, &runtime, options.unstable_expand);

    let mut sizes = Vec::new();
    let mut deps = None;
    if !options.percall_only {
        for &requested in &options.sizes {
            let traits = requested.div_ceil(gen::SIGS.len());
            sizes.push(measure_size(
                &work,
                &runtime,
                traits,
                options.distinct,
                options.reps,
            ));
        }
        eprintln!("== cold build of the dependency trees alone");
        deps = Some(deps::measure(&work, &runtime, options.reps));
    }

    let samples = if options.quick {
        percall::Samples::quick()
    } else {
        percall::Samples {
            runs: options.reps.max(3),
            ..percall::Samples::default()
        }
    };
    let per_call = percall::measure(&work, &runtime, samples);

    let results = Results {
        sizes,
        per_call,
        deps,
        lines,
        reps: options.reps,
        command,
        distinct: options.distinct,
        hooks,
    };
    let markdown = report::markdown(&results, &repo);
    println!("{markdown}");
    if options.write_docs {
        let docs = options.docs_dir.unwrap_or_else(|| repo.join("docs"));
        fs::create_dir_all(&docs).expect("the docs dir can be created");
        // Hand-written sections of the page being replaced stay, after the generated part.
        let old = fs::read_to_string(repo.join("docs/performance.md")).unwrap_or_default();
        let markdown = report::with_hand_written(&markdown, &old);
        fs::write(docs.join("performance.md"), &markdown).expect("docs/performance.md is writable");
        eprintln!("wrote {}", docs.join("performance.md").display());
        // The chart plots the suites' sizes; without suites (`--percall-only`) there is nothing to plot.
        if !results.sizes.is_empty() {
            fs::write(docs.join("performance.svg"), chart::svg(&results.sizes))
                .expect("docs/performance.svg is writable");
            eprintln!("wrote {}", docs.join("performance.svg").display());
        }
    }
}

/// Every measurement of one size, in interleaved rounds.
fn measure_size(
    work: &Path,
    runtime: &Path,
    traits: usize,
    distinct: bool,
    reps: usize,
) -> SizeResult {
    let methods = traits * gen::SIGS.len();
    eprintln!(
        "== {methods} mocked methods ({traits} traits x {})",
        gen::SIGS.len()
    );
    let dirs: Vec<PathBuf> = FLAVORS
        .iter()
        .map(|flavor| work.join(format!("{}-{methods}", flavor.name())))
        .collect();
    for (flavor, dir) in FLAVORS.iter().zip(&dirs) {
        gen::write_suite(dir, *flavor, traits, distinct, runtime).expect("bench/work is writable");
        // Resolve and download before anything is timed.
        run::run_checked(
            run::cargo(dir).args(["fetch", "--quiet"]),
            &format!("cargo fetch in {}", dir.display()),
        );
    }
    let log = work.join(format!("rustc-{methods}.log"));
    let build = |dir: &Path| {
        let mut command = run::cargo(dir);
        command.args([
            "test",
            "--no-run",
            "--offline",
            "--features",
            "mocks",
            "--message-format",
            "json-render-diagnostics",
        ]);
        command
    };
    let mut flavors: [Samples; 3] = Default::default();
    let mut edit = 0u32;
    for rep in 0..reps {
        eprintln!("-- round {}/{reps}: clean builds", rep + 1);
        for (f, flavor) in FLAVORS.iter().enumerate() {
            let dir = &dirs[f];
            run::run_checked(run::cargo(dir).args(["clean", "--quiet"]), "cargo clean");
            let (cost, output, rustcs) = run::measured(
                build(dir),
                &format!("clean build of {}", dir.display()),
                &log,
            );
            let binary = run::test_executable(&output.stdout, "calls")
                .expect("cargo reported the test executable");
            if rep == 0 {
                // The suite must pass, or it measures nothing worth comparing.
                run::run_checked(
                    Command::new(&binary).arg("-q"),
                    &format!("the generated {} suite", flavor.name()),
                );
            }
            let clean = classify(cost, &rustcs, &mut flavors[f].framework_packages);
            eprintln!(
                "   {:<8} {:6.1} s CPU {:6.1} s wall (own {:.1}, syn & co {:.1}, framework {:.1})",
                flavor.name(),
                cost.cpu,
                cost.wall,
                clean.own,
                clean.syn_and_co,
                clean.framework
            );
            flavors[f].clean.push(clean);
            flavors[f].binary.push(run::stripped_size(&binary, work));
        }
        for (which, file) in [("library", "src/lib.rs"), ("tests", "tests/calls.rs")] {
            eprintln!(
                "-- round {}/{reps}: rebuild after editing the {which}",
                rep + 1
            );
            for (f, flavor) in FLAVORS.iter().enumerate() {
                let dir = &dirs[f];
                edit += 1;
                gen::bump_edit(&dir.join(file), edit).expect("the generated file is writable");
                let (cost, _, _) = run::measured(
                    build(dir),
                    &format!("rebuild of {} after editing {file}", dir.display()),
                    &log,
                );
                eprintln!(
                    "   {:<8} {:6.2} s CPU {:6.2} s wall",
                    flavor.name(),
                    cost.cpu,
                    cost.wall
                );
                if which == "library" {
                    flavors[f].lib_edit.push(cost);
                } else {
                    flavors[f].test_edit.push(cost);
                }
            }
        }
    }
    SizeResult { methods, flavors }
}

/// Splits a clean build's CPU by package.
pub fn classify(cost: Cost, rustcs: &[Rustc], framework_packages: &mut Vec<String>) -> Clean {
    let mut clean = Clean {
        cost,
        ..Clean::default()
    };
    for rustc in rustcs {
        // The generated crates: the suites and the dependency-only crates.
        if rustc.package.starts_with("suite-") || rustc.package.starts_with("deps-") {
            clean.own += rustc.cpu;
        } else if SYN_AND_CO.contains(&rustc.package.as_str()) {
            clean.syn_and_co += rustc.cpu;
        } else {
            clean.framework += rustc.cpu;
            if !framework_packages.contains(&rustc.package) {
                framework_packages.push(rustc.package.clone());
            }
        }
    }
    framework_packages.sort();
    clean
}

/// The median (the mean of the middle two for an even count).
pub fn median(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.into_iter().collect();
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

impl Flavor {
    /// Index into the per-flavor arrays.
    pub fn index(self) -> usize {
        FLAVORS
            .iter()
            .position(|flavor| *flavor == self)
            .expect("every flavor is listed")
    }
}
