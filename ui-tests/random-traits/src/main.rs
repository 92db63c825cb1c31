//! Property test of `#[autospec]` (issue #15): generates random valid trait
//! declarations, compiles each chunk of them with rustc without the
//! attribute (a failure there is a generator bug) and then with it, and
//! checks that every trait is mocked, or refused with one clean error.
//!
//! ```text
//! cargo run -p autospec-random-traits --release -- --traits 300 [--seed S]
//! ```
//!
//! See README.md in this folder for what is checked and how a seed is
//! reproduced.

mod classify;
mod compile;
mod diag;
mod generate;
mod json;
mod minimize;
mod model;
mod report;
mod rng;
mod run;

use report::{Record, Summary};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

const USAGE: &str = "\
usage: autospec-random-traits [options]

  --traits N               traits to generate (default 300)
  --seed S                 seed (default: from the clock; printed first)
  --only I,J,..            check only these traits of the seed
  --edition 2021|2024      one edition for every chunk (default: alternate)
  --chunk N                traits per compiled crate (default 150)
  --keep DIR               keep each chunk's sources in DIR (a crate per chunk)
  --report FILE            write the full report (markdown) to FILE
  --minimize               shrink one example per failure family
  --work DIR               scratch crates and their target directory
                           (default: $CARGO_TARGET_DIR/random-traits-work)
  --clippy                 check with `cargo clippy` instead of `cargo check`
  --refusals PER_MILLE     traits given a documented refused shape (default 5)
  --min-mocked PCT         fail below this share mocked of the valid traits (default 99)
  --max-generated-names N  fail above this many traits whose diagnostics name generated items (default 0)
  --max-panics N           fail above this many panics (default 0)
  --max-unattributed N     fail above this many unattributed diagnostics (default 0)
  --max-invalid N          fail above this many invalid traits (default: no limit)
";

struct Options {
    traits: usize,
    seed: u64,
    only: Option<Vec<usize>>,
    edition: Option<&'static str>,
    chunk: usize,
    keep: Option<PathBuf>,
    report: Option<PathBuf>,
    minimize: bool,
    work: Option<PathBuf>,
    clippy: bool,
    refusals: u32,
    min_mocked: f64,
    max_generated_names: usize,
    max_panics: usize,
    max_unattributed: usize,
    max_invalid: Option<usize>,
}

fn clock_seed() -> u64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    // Seconds and nanoseconds mixed, kept below 2^53 so that it reads
    // well and survives any JSON tooling.
    (now.as_secs().wrapping_mul(1_000_003) ^ u64::from(now.subsec_nanos())) % (1 << 53)
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        traits: 300,
        seed: clock_seed(),
        only: None,
        edition: None,
        chunk: 150,
        keep: None,
        report: None,
        minimize: false,
        work: None,
        clippy: false,
        refusals: 5,
        min_mocked: 99.0,
        max_generated_names: 0,
        max_panics: 0,
        max_unattributed: 0,
        max_invalid: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |text: String| {
            text.parse::<usize>()
                .map_err(|_| format!("{flag}: not a number: {text}"))
        };
        match flag.as_str() {
            "--traits" => options.traits = number(value()?)?,
            "--seed" => {
                options.seed = value()?
                    .parse()
                    .map_err(|_| "--seed: not a number".to_owned())?;
            }
            "--only" => {
                let list = value()?;
                let indices = list
                    .split(',')
                    .map(|i| {
                        i.trim()
                            .parse::<usize>()
                            .map_err(|_| format!("--only: not a number: {i}"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                options.only = Some(indices);
            }
            "--edition" => {
                options.edition = Some(match value()?.as_str() {
                    "2021" => "2021",
                    "2024" => "2024",
                    other => return Err(format!("--edition: 2021 or 2024, not {other}")),
                });
            }
            "--chunk" => options.chunk = number(value()?)?.max(1),
            "--keep" => options.keep = Some(PathBuf::from(value()?)),
            "--report" => options.report = Some(PathBuf::from(value()?)),
            "--minimize" => options.minimize = true,
            "--work" => options.work = Some(PathBuf::from(value()?)),
            "--clippy" => options.clippy = true,
            "--refusals" => {
                options.refusals = u32::try_from(number(value()?)?).map_err(|e| e.to_string())?;
            }
            "--min-mocked" => {
                options.min_mocked = value()?
                    .parse()
                    .map_err(|_| "--min-mocked: not a number".to_owned())?;
            }
            "--max-generated-names" => options.max_generated_names = number(value()?)?,
            "--max-panics" => options.max_panics = number(value()?)?,
            "--max-unattributed" => options.max_unattributed = number(value()?)?,
            "--max-invalid" => options.max_invalid = Some(number(value()?)?),
            "--help" | "-h" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}\n\n{USAGE}")),
        }
    }
    Ok(options)
}

fn work_dir(options: &Options) -> PathBuf {
    options.work.clone().unwrap_or_else(|| {
        std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| compile::repository_root().join("target"), PathBuf::from)
            .join("random-traits-work")
    })
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    println!("seed: {}", options.seed);
    match run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// Runs everything; `Ok(false)` when a target is missed.
fn run(options: &Options) -> Result<bool, String> {
    let started = Instant::now();
    let scratch = compile::Scratch::open(work_dir(options), options.clippy)?;
    let indices: Vec<usize> = options
        .only
        .clone()
        .unwrap_or_else(|| (0..options.traits).collect());
    let decls: Vec<model::TraitDecl> = indices
        .iter()
        .map(|&i| generate::generate(options.seed, i, options.refusals))
        .collect();
    let (records, unattributed) = check_all(options, &scratch, &decls)?;
    let summary = Summary::new(options.seed, &records, &unattributed);
    print_details(&summary);
    let minimized = if options.minimize {
        minimize_families(&scratch, &summary)?
    } else {
        Vec::new()
    };
    let verdicts = verdicts(options, &summary);
    let elapsed = started.elapsed().as_secs_f64();
    println!("\ntargets:");
    for (ok, line) in &verdicts {
        println!("  [{}] {line}", if *ok { "ok" } else { "FAILED" });
    }
    println!("\nseed {} ({} traits, {elapsed:.0} s); reproduce with: cargo run -p autospec-random-traits --release -- --traits {} --seed {}", options.seed, records.len(), options.traits, options.seed);
    if let Some(path) = &options.report {
        let header = format!(
            "Seed {}, {} traits, chunks of {}, {elapsed:.0} s. Reproduce: `cargo run -p autospec-random-traits --release -- --traits {} --seed {}`.\n\nTargets:\n\n{}",
            options.seed,
            records.len(),
            options.chunk,
            options.traits,
            options.seed,
            verdicts
                .iter()
                .map(|(ok, line)| format!("- {} {line}", if *ok { "ok:" } else { "FAILED:" }))
                .collect::<Vec<_>>()
                .join("\n")
        );
        std::fs::write(path, summary.report(&header, &minimized))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("report: {}", path.display());
    }
    Ok(verdicts.iter().all(|(ok, _)| *ok))
}

type Checked = (Vec<Record>, Vec<diag::Diagnostic>);

/// Checks every chunk, printing a line for each.
fn check_all(
    options: &Options,
    scratch: &compile::Scratch,
    decls: &[model::TraitDecl],
) -> Result<Checked, String> {
    let mut records: Vec<Record> = Vec::new();
    let mut unattributed = Vec::new();
    let chunks: Vec<&[model::TraitDecl]> = decls.chunks(options.chunk).collect();
    for (number, chunk) in chunks.iter().enumerate() {
        let edition = options
            .edition
            .unwrap_or(if number % 2 == 0 { "2021" } else { "2024" });
        let refs: Vec<&model::TraitDecl> = chunk.iter().collect();
        let what = format!(
            "seed {}, chunk {} of {}",
            options.seed,
            number + 1,
            chunks.len()
        );
        let result = run::run_chunk(scratch, edition, &refs, &what)?;
        if let Some(keep) = &options.keep {
            keep_chunk(keep, number, edition, scratch.runtime(), &result)?;
        }
        let mut tally = [0usize; 6];
        for (decl, status) in chunk.iter().zip(result.statuses) {
            let slot = match &status {
                run::Status::Checked(classify::Outcome::Mocked) => 0,
                run::Status::Checked(classify::Outcome::RefusedCleanly { .. }) => 1,
                run::Status::Checked(classify::Outcome::BadRefusal(_)) => 2,
                run::Status::Checked(classify::Outcome::Warns(_)) => 3,
                run::Status::Checked(classify::Outcome::Panic(_)) => 4,
                run::Status::Invalid { .. } => 5,
            };
            tally[slot] += 1;
            records.push(Record {
                decl: decl.clone(),
                edition,
                status,
            });
        }
        println!(
            "chunk {}/{} (edition {edition}, {} traits, {:.1} s): mocked {}, refused cleanly {}, bad refusal {}, warns {}, panic {}, invalid {}",
            number + 1,
            chunks.len(),
            chunk.len(),
            result.seconds,
            tally[0], tally[1], tally[2], tally[3], tally[4], tally[5]
        );
        unattributed.extend(result.unattributed);
    }
    Ok((records, unattributed))
}

/// The table, the families' examples, the invalid traits and what could
/// not be attributed.
fn print_details(summary: &Summary<'_>) {
    println!("\n{}", summary.table());
    print!("{}", summary.examples(3, 12));
    for record in &summary.invalid {
        println!(
            "\ninvalid trait #{} (a generator bug; reproduce: {}):\n{}",
            record.decl.index,
            summary.reproduce(record),
            record.decl.render_trait(false).join("\n")
        );
        if let run::Status::Invalid { excerpt } = &record.status {
            println!(
                "{}",
                excerpt.lines().take(12).collect::<Vec<_>>().join("\n")
            );
        }
    }
    for diag in summary.unattributed {
        println!("\nunattributed diagnostic:\n{}", diag.rendered.trim_end());
    }
}

fn verdicts(options: &Options, summary: &Summary<'_>) -> Vec<(bool, String)> {
    let mut out = vec![
        (
            summary.mocked_percent() >= options.min_mocked,
            format!(
                "mocked {:.2} % of the valid traits not given a refused shape on purpose (at least {} %)",
                summary.mocked_percent(),
                options.min_mocked
            ),
        ),
        (
            summary.naming_generated <= options.max_generated_names,
            format!(
                "{} traits with diagnostics naming generated items (at most {})",
                summary.naming_generated, options.max_generated_names
            ),
        ),
        (
            summary.panics <= options.max_panics,
            format!("{} panics (at most {})", summary.panics, options.max_panics),
        ),
        (
            summary.unattributed.len() <= options.max_unattributed,
            format!(
                "{} unattributed diagnostics (at most {})",
                summary.unattributed.len(),
                options.max_unattributed
            ),
        ),
    ];
    let invalid = summary.invalid.len();
    match options.max_invalid {
        Some(max) => out.push((
            invalid <= max,
            format!("{invalid} invalid traits, generator bugs (at most {max})"),
        )),
        None => out.push((
            true,
            format!("{invalid} invalid traits, generator bugs (not a target; aim for 0)"),
        )),
    }
    out
}

fn minimize_families(
    scratch: &compile::Scratch,
    summary: &Summary<'_>,
) -> Result<Vec<report::Minimized>, String> {
    let mut targets: Vec<minimize::Target> = summary
        .families
        .iter()
        .filter_map(|family| {
            let record = family.members.first()?;
            Some(minimize::Target {
                family: family.name.clone(),
                decl: record.decl.clone(),
                edition: record.edition,
                done: false,
                excerpt: record
                    .failure()
                    .map(|f| f.excerpt.clone())
                    .unwrap_or_default(),
            })
        })
        .collect();
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    println!(
        "\nminimizing one example of each of {} families",
        targets.len()
    );
    minimize::minimize(scratch, &mut targets, 12)?;
    let mut out = Vec::new();
    for target in &targets {
        let text = target.decl.render_trait(true).join("\n");
        let errors: Vec<&str> = target.excerpt.lines().take(12).collect();
        println!(
            "\n=== minimized (edition {}): {}\n{text}\n--- first error lines:\n{}",
            target.edition,
            target.family,
            errors.join("\n")
        );
        out.push(report::Minimized {
            family: format!("{} (edition {})", target.family, target.edition),
            text,
            errors: target.excerpt.clone(),
        });
    }
    Ok(out)
}

/// Writes a chunk as a crate that builds on its own: `src/lib.rs` holds
/// the traits with the attribute, `plain.rs` the same without it.
fn keep_chunk(
    dir: &std::path::Path,
    number: usize,
    edition: &str,
    runtime: &std::path::Path,
    chunk: &run::Chunk,
) -> Result<(), String> {
    let crate_dir = dir.join(format!("chunk{:03}-e{edition}", number + 1));
    std::fs::create_dir_all(crate_dir.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        compile::manifest(edition, runtime),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(crate_dir.join("src/lib.rs"), &chunk.with_source).map_err(|e| e.to_string())?;
    std::fs::write(crate_dir.join("plain.rs"), &chunk.plain_source).map_err(|e| e.to_string())?;
    Ok(())
}
