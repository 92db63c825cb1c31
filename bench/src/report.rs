//! The markdown report, plain string formatting. The chart is `chart.rs`.

use crate::gen::{describe, FLAVORS, MOCKALL, SIGS};
use crate::lines::Lines;
use crate::percall::{
    Memory, PerCall, CALLS, CALLS_PER_THREAD, COUNT_CALLS, MEMORY_CALLS, THREADS,
};
use crate::{median, Clean, Results, Samples, SizeResult, SYN_AND_CO};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A command's first output line, or "?".
fn probe(program: &str, args: &[&str], dir: &Path) -> String {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| {
            String::from_utf8_lossy(&output.stdout)
                .lines()
                .next()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "?".to_owned())
}

fn secs(value: f64) -> String {
    if value.is_nan() {
        "–".to_owned()
    } else if value < 10.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.1}")
    }
}

/// A number with `decimals` decimals, or a dash for a missing one.
fn num(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "–".to_owned()
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        f64::NAN
    }
}

fn times(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}×")
    } else {
        "–".to_owned()
    }
}

/// A table row: the three values (autospec, mockall, fake), then the
/// ratios autospec/fake, autospec/mockall and mockall/fake.
fn row(out: &mut String, label: &str, values: [f64; 3], format: impl Fn(f64) -> String) {
    let [a, m, f] = values;
    writeln!(
        out,
        "| {label} | {} | {} | {} | {} | {} | {} |",
        format(a),
        format(m),
        format(f),
        times(ratio(a, f)),
        times(ratio(a, m)),
        times(ratio(m, f))
    )
    .unwrap();
}

const HEADER: &str = "| | autospec | mockall | fake | autospec/fake | autospec/mockall | mockall/fake |\n|---|--:|--:|--:|--:|--:|--:|\n";

fn per_flavor(size: &SizeResult, pick: impl Fn(&Samples) -> f64) -> [f64; 3] {
    [
        pick(&size.flavors[0]),
        pick(&size.flavors[1]),
        pick(&size.flavors[2]),
    ]
}

pub fn lib_cpu(size: &SizeResult) -> [f64; 3] {
    per_flavor(size, |s| median(s.lib_edit.iter().map(|c| c.cpu)))
}

fn test_cpu(size: &SizeResult) -> [f64; 3] {
    per_flavor(size, |s| median(s.test_edit.iter().map(|c| c.cpu)))
}

fn clean_cpu(size: &SizeResult, pick: fn(&Clean) -> f64) -> [f64; 3] {
    per_flavor(size, |s| median(s.clean.iter().map(pick)))
}

pub fn binary_kib(size: &SizeResult) -> [f64; 3] {
    per_flavor(size, |s| {
        median(s.binary.iter().map(|&b| b as f64 / 1024.0))
    })
}

fn memory(per_call: &PerCall, pick: fn(&Memory) -> f64, pow2: bool) -> [f64; 3] {
    let memory = if pow2 {
        &per_call.memory_pow2
    } else {
        &per_call.memory
    };
    [0, 1, 2].map(|f| memory[f].as_ref().map_or(f64::NAN, pick))
}

fn instructions(per_call: &PerCall) -> [f64; 3] {
    [0, 1, 2].map(|f| per_call.instructions[f].unwrap_or(f64::NAN))
}

/// The rustc CPU of the dependency trees alone (syn & co and the
/// framework); none for the fake, which has no dependencies.
fn deps_cpu(results: &Results, pick: fn(&Clean) -> f64) -> [f64; 3] {
    match &results.deps {
        Some(deps) => [0, 1, 2].map(|f| {
            if f == 2 {
                f64::NAN
            } else {
                median(deps.builds[f].iter().map(pick))
            }
        }),
        None => [f64::NAN; 3],
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "**met**"
    } else {
        "**missed**"
    }
}

/// The sizes the targets and the summary are stated for: those of 500
/// mocked methods and more when the run has any (smaller ones are there for
/// the slope), else all.
fn headline_sizes(results: &Results) -> Vec<&SizeResult> {
    let large: Vec<&SizeResult> = results
        .sizes
        .iter()
        .filter(|size| size.methods >= 500)
        .collect();
    if large.is_empty() {
        results.sizes.iter().collect()
    } else {
        large
    }
}

/// A number of methods as the prose writes it: `1,000`.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn preamble(out: &mut String, results: &Results, repo: &Path) {
    let date = probe("date", &["-u", "+%Y-%m-%d %H:%M UTC"], repo);
    let commit = probe("git", &["rev-parse", "--short", "HEAD"], repo);
    let dirty = if probe(
        "git",
        &["status", "--porcelain", "--untracked-files=no"],
        repo,
    ) == "?"
    {
        ""
    } else {
        " (with uncommitted changes)"
    };
    let rustc = probe("rustc", &["-V"], repo);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, name)| name.trim().to_owned())
        })
        .unwrap_or_else(|| "?".to_owned());
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();

    out.push_str("# Performance: autospec, mockall and a hand-written fake\n\n");
    out.push_str("<!-- Generated by bench/ (autospec-bench, docs mode); do not edit by hand outside the hand-written sections. -->\n\n");
    writeln!(
        out,
        "Measured by `{}` on {date}, commit `{commit}`{dirty}; {rustc}; {cpus} CPUs ({cpu}), load average {} at the end of the run; mockall `{MOCKALL}`. \
         Every build figure is the median of {} interleaved round(s) (autospec, mockall, fake, autospec, ...); each per-call time the median of {} interleaved run(s); \
         ratios are ratios of medians.\n",
        results.command,
        load.join(" "),
        results.reps,
        results.per_call.samples.runs
    )
    .unwrap();
    out.push_str(
        "Compile times are CPU seconds (user + sys of every process cargo waited for: cargo, rustc, proc macros, linker, build scripts) \
         and wall seconds, in cargo's default dev profile (incremental for the suite's own crates). CPU seconds are the steadier figure on a shared machine; \
         wall seconds also show how well a build uses the cores. Instruction counts, sizes and bytes do not depend on the machine's load; times do.\n\n",
    );
    if results.reps < 3
        || load
            .first()
            .and_then(|l| l.parse::<f64>().ok())
            .is_some_and(|l| l > cpus as f64 * 0.5)
    {
        out.push_str(
            "> **Caveat:** this run had few rounds or a busy machine (see the load average above); \
             treat its timings as indicative, prefer the instruction counts, sizes and bytes, and re-run with `--reps 3` or more on a quiet machine before quoting times.\n\n",
        );
    }
}

fn suite(out: &mut String, results: &Results) {
    out.push_str("## The suite\n\n");
    let shapes: Vec<String> = SIGS
        .iter()
        .map(|sig| format!("`{}`", describe(sig)))
        .collect();
    write!(
        out,
        "A suite of *N* mocked methods is *N*/10 traits of ten methods: the five everyday shapes {}, and {}. \
         They live in `src/lib.rs`, with the mocks behind a `mocks` feature, \
         and `tests/calls.rs` holds one test per method: configure an answer, call through `&dyn Trait`, check the answer, \
         assert one call with these arguments (mockall: `expect_m().with(eq(..)).times(1).return_const(..)` set up front). \
         The fake is a struct per trait of `Recorder<Args, Ret>` fields, each a `Mutex<(Vec<Args>, Option<Ret>)>`: it journals the owned arguments \
         and answers with a clone of its configured answer. ",
        shapes[..5].join(", "),
        shapes[5..].join(", ")
    )
    .unwrap();
    if results.distinct {
        out.push_str(
            "Every method of trait *K* also takes a `tag: TagK`, a unit struct of that trait's own, as real traits have their own domain types: \
             so no generic instantiation (autospec's `Method<Args, Ret, dyn FnMut..>`, the fake's `Recorder<Args, Ret>`) is shared between traits.\n\n",
        );
    } else {
        out.push_str(
            "All traits repeat the same ten signatures (`--shared-signatures`), so the generic code of autospec's runtime and of the fake's \
             `Recorder` is instantiated ten times in all, not once per method; mockall's per-method types are never shared.\n\n",
        );
    }
    writeln!(
        out,
        "- *clean build*: `cargo clean`, then `cargo test --no-run --features mocks`, dependencies included. \
         Its CPU is split by package through a logging `RUSTC_WRAPPER`: the suite's own crates, syn & co \
         (`proc-macro2`, `quote`, `syn`, `unicode-ident`: syn 3 for autospec, syn 2 for mockall), the framework's other crates, \
         and the rest (cargo itself, running build scripts). autospec is a path dependency here, and cargo compiles path dependencies \
         incrementally where it does not compile registry crates so; the suite turns that off for `autospec` and `autospec-macros` \
         (`[profile.dev.package.*] incremental = false`), so that they build as from crates.io, as mockall does.\n\
         - *rebuild after editing the library*: change the value of a `pub const` in `src/lib.rs` (where the mocks are), rebuild the test binary.\n\
         - *rebuild after editing the tests*: the same in `tests/calls.rs`.\n\
         - *stripped test binary*: the dev-profile test executable after `strip --strip-all`.\n\
         - *cold build of the dependencies alone*: `cargo clean`, then `cargo build` (dev profile) of an empty library whose one dependency is \
         the framework: the rustc CPU of syn & co and of the framework's own crates.\n\
         - *per recorded call*: a release binary calls `fn call(&self, id: u32, name: &str) -> Option<String>` through `&dyn Service`, \
         answered with `Some(\"v\")` (autospec: `returns(Some(\"v\".to_owned()))`, mockall: `return_const(..)`, the fake: its `Recorder`), \
         with `black_box`ed arguments. One thread: {} calls per sample on a fresh double, the median of {} samples after one warm-up. \
         {THREADS} threads start together and each makes {} calls; the median of {} samples. \
         *shared*: all threads call one double (contention on its journal), *a double each*: each thread calls a double of its own (only what is process-wide is shared). \
         *CPU ns* is the CPU time of the calling threads (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, kernel time for page faults included, \
         time other processes had the core left out), summed over threads and divided by all calls: the headline figure, as this machine is shared. \
         *wall ns* is the time from the first thread's first call to the last thread's last call (each thread reads the clock itself), over all calls: for threads, a cost in throughput on this machine's cores. \
         Then the median over runs. autospec and the fake journal every call; mockall does not journal, it matches an expectation.\n\
         - *instructions per call*: `valgrind --tool=callgrind` counts the instructions of {} and of {} calls on one thread; \
         the difference over the difference of calls (start-up cancels out). Deterministic: the steadiest per-call figure on a shared machine.\n\
         - *memory kept per journaled call*: the same binary with a counting global allocator: bytes still allocated after {} calls minus before \
         (as requested from the allocator: vectors' spare capacity included), divided by the calls; allocations (and reallocations) made per call, \
         kept or not; and minor page faults per call (`/proc/self/stat`): each is the kernel handing the journal a fresh page, which the CPU time pays for.\n",
        count(CALLS as usize),
        results.per_call.samples.single,
        count(CALLS_PER_THREAD as usize),
        results.per_call.samples.threaded,
        count(COUNT_CALLS.0 as usize),
        count(COUNT_CALLS.1 as usize),
        count(MEMORY_CALLS.0 as usize),
    )
    .unwrap();
}

/// The table: every headline figure with its ratios.
fn summary(out: &mut String, results: &Results) {
    out.push_str("## Summary\n\n");
    out.push_str(HEADER);
    for size in headline_sizes(results) {
        let n = count(size.methods);
        row(
            out,
            &format!("rebuild after editing the library, CPU s ({n} methods)"),
            lib_cpu(size),
            secs,
        );
        row(
            out,
            &format!("rebuild after editing the tests, CPU s ({n} methods)"),
            test_cpu(size),
            secs,
        );
        row(
            out,
            &format!("clean build, dependencies and the crate, CPU s ({n} methods)"),
            clean_cpu(size, |c| c.cost.cpu),
            secs,
        );
        row(
            out,
            &format!("stripped test binary, MiB ({n} methods)"),
            binary_kib(size).map(|k| k / 1024.0),
            |v| num(v, 2),
        );
    }
    let per_call = &results.per_call;
    row(
        out,
        "per recorded call, release, CPU ns (one thread)",
        per_call.single.cpu(),
        |v| num(v, 1),
    );
    row(
        out,
        "per recorded call, release, instructions (one thread)",
        instructions(per_call),
        |v| num(v, 0),
    );
    row(
        out,
        &format!("per recorded call, release, CPU ns ({THREADS} threads, one shared double)"),
        per_call.shared.cpu(),
        |v| num(v, 1),
    );
    row(
        out,
        &format!("per recorded call, release, CPU ns ({THREADS} threads, a double each)"),
        per_call.own.cpu(),
        |v| num(v, 1),
    );
    row(
        out,
        "memory kept per journaled `(u32, &str)` call, bytes (mockall journals nothing)",
        memory(per_call, |m| m.bytes, false),
        |v| num(v, 1),
    );
    row(
        out,
        "allocations per call",
        memory(per_call, |m| m.allocs, false),
        |v| num(v, 2),
    );
    row(
        out,
        "cold build of the dependencies alone (syn & co and the framework's crates), CPU s",
        deps_cpu(results, |c| c.syn_and_co + c.framework),
        secs,
    );
    out.push('\n');
}

/// Issue 19's targets, each with its verdict.
fn targets(out: &mut String, results: &Results) {
    out.push_str("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    for size in headline_sizes(results) {
        let r = ratio(lib_cpu(size)[0], lib_cpu(size)[2]);
        writeln!(
            out,
            "| rebuild after editing the library ≤ 1.5× the fake ({} methods) | {} | {} |",
            count(size.methods),
            times(r),
            verdict(r <= 1.5)
        )
        .unwrap();
    }
    for size in headline_sizes(results) {
        let r = ratio(binary_kib(size)[0], binary_kib(size)[2]);
        writeln!(
            out,
            "| stripped test binary ≤ 1.2× the fake ({} methods) | {} | {} |",
            count(size.methods),
            times(r),
            verdict(r <= 1.2)
        )
        .unwrap();
    }
    let per_call = &results.per_call;
    let (single, single_wall) = (per_call.single.cpu(), per_call.single.wall());
    let r = ratio(single[0], single[2]);
    let ir = instructions(per_call);
    writeln!(
        out,
        "| per recorded call ≤ 1.1× the fake, one thread | {} CPU, {} wall, {} in instructions | {} |",
        times(r),
        times(ratio(single_wall[0], single_wall[2])),
        times(ratio(ir[0], ir[2])),
        verdict(r <= 1.1)
    )
    .unwrap();
    let (shared, shared_wall, own) = (
        per_call.shared.cpu(),
        per_call.shared.wall(),
        per_call.own.cpu(),
    );
    let r = ratio(shared[0], shared[2]);
    writeln!(
        out,
        "| per recorded call ≤ 1.2× the fake, {THREADS} threads (one shared double) | {} CPU, {} wall; {} CPU with a double each | {} |",
        times(r),
        times(ratio(shared_wall[0], shared_wall[2])),
        times(ratio(own[0], own[2])),
        verdict(r <= 1.2)
    )
    .unwrap();
    let bytes = memory(per_call, |m| m.bytes, false);
    let r = ratio(bytes[0], bytes[2]);
    writeln!(
        out,
        "| memory kept per journaled call ≤ 1.25× the fake | {} | {} |",
        times(r),
        verdict(r <= 1.25)
    )
    .unwrap();
    let deps = deps_cpu(results, |c| c.syn_and_co + c.framework);
    let r = ratio(deps[0], deps[1]);
    writeln!(
        out,
        "| cold build of the dependency tree ≤ mockall's | {} | {} |",
        times(r),
        if r.is_finite() {
            verdict(r <= 1.0)
        } else {
            "not measured"
        }
    )
    .unwrap();
    out.push('\n');
}

fn sizes(out: &mut String, results: &Results) {
    for size in &results.sizes {
        writeln!(out, "## {} mocked methods\n", count(size.methods)).unwrap();
        out.push_str(HEADER);
        let cost = |pick: fn(&Samples) -> Vec<f64>| per_flavor(size, |s| median(pick(s)));
        row(
            out,
            "rebuild after editing the library, CPU s",
            cost(|s| s.lib_edit.iter().map(|c| c.cpu).collect()),
            secs,
        );
        row(
            out,
            "rebuild after editing the library, wall s",
            cost(|s| s.lib_edit.iter().map(|c| c.wall).collect()),
            secs,
        );
        row(
            out,
            "rebuild after editing the tests, CPU s",
            cost(|s| s.test_edit.iter().map(|c| c.cpu).collect()),
            secs,
        );
        row(
            out,
            "rebuild after editing the tests, wall s",
            cost(|s| s.test_edit.iter().map(|c| c.wall).collect()),
            secs,
        );
        row(
            out,
            "clean build incl. dependencies, CPU s",
            clean_cpu(size, |c| c.cost.cpu),
            secs,
        );
        row(
            out,
            "clean build incl. dependencies, wall s",
            clean_cpu(size, |c| c.cost.wall),
            secs,
        );
        row(
            out,
            "↳ the suite's own crates, CPU s",
            clean_cpu(size, |c| c.own),
            secs,
        );
        row(
            out,
            "↳ syn & co, CPU s",
            clean_cpu(size, |c| c.syn_and_co),
            secs,
        );
        row(
            out,
            "↳ the framework's other crates, CPU s",
            clean_cpu(size, |c| c.framework),
            secs,
        );
        row(
            out,
            "↳ cargo and build scripts, CPU s",
            clean_cpu(size, |c| c.cost.cpu - c.own - c.syn_and_co - c.framework),
            secs,
        );
        row(out, "stripped test binary, KiB", binary_kib(size), |v| {
            num(v, 0)
        });
        out.push('\n');
    }
}

/// The slope per mocked method between the smallest and the largest size.
fn growth(out: &mut String, results: &Results) {
    let (Some(first), Some(last)) = (results.sizes.first(), results.sizes.last()) else {
        return;
    };
    if last.methods <= first.methods {
        return;
    }
    let span = (last.methods - first.methods) as f64;
    let slope = |pick: &dyn Fn(&SizeResult) -> [f64; 3], scale: f64| -> [f64; 3] {
        let (a, b) = (pick(first), pick(last));
        [0, 1, 2].map(|f| (b[f] - a[f]) / span * scale)
    };
    writeln!(out, "## Growth per mocked method\n\nFrom {} to {} mocked methods in this run, what one more mocked method costs:\n", count(first.methods), count(last.methods)).unwrap();
    out.push_str(HEADER);
    row(
        out,
        "rebuild after editing the library, CPU ms per method",
        slope(&lib_cpu, 1000.0),
        |v| num(v, 1),
    );
    row(
        out,
        "rebuild after editing the tests, CPU ms per method",
        slope(&test_cpu, 1000.0),
        |v| num(v, 1),
    );
    row(
        out,
        "clean build, the suite's own crates, CPU ms per method",
        slope(&|s| clean_cpu(s, |c| c.own), 1000.0),
        |v| num(v, 1),
    );
    row(
        out,
        "stripped test binary, KiB per method",
        slope(&binary_kib, 1.0),
        |v| num(v, 2),
    );
    out.push('\n');
}

fn per_call_detail(out: &mut String, results: &Results) {
    let per_call = &results.per_call;
    out.push_str("## Per call, memory and generated code\n\n");
    out.push_str(HEADER);
    row(
        out,
        "per recorded call, one thread, CPU ns",
        per_call.single.cpu(),
        |v| num(v, 1),
    );
    row(
        out,
        "per recorded call, one thread, wall ns",
        per_call.single.wall(),
        |v| num(v, 1),
    );
    row(
        out,
        "per recorded call, one thread, instructions",
        instructions(per_call),
        |v| num(v, 0),
    );
    row(
        out,
        &format!("per recorded call, {THREADS} threads sharing one double, CPU ns"),
        per_call.shared.cpu(),
        |v| num(v, 1),
    );
    row(
        out,
        &format!("per recorded call, {THREADS} threads sharing one double, wall ns"),
        per_call.shared.wall(),
        |v| num(v, 1),
    );
    row(
        out,
        &format!("per recorded call, {THREADS} threads with a double each, CPU ns"),
        per_call.own.cpu(),
        |v| num(v, 1),
    );
    row(
        out,
        &format!("per recorded call, {THREADS} threads with a double each, wall ns"),
        per_call.own.wall(),
        |v| num(v, 1),
    );
    row(
        out,
        &format!(
            "memory kept per call, bytes, after {} calls",
            count(MEMORY_CALLS.0 as usize)
        ),
        memory(per_call, |m| m.bytes, false),
        |v| num(v, 1),
    );
    row(
        out,
        &format!(
            "memory kept per call, bytes, after {} calls (vectors exactly full)",
            count(MEMORY_CALLS.1 as usize)
        ),
        memory(per_call, |m| m.bytes, true),
        |v| num(v, 1),
    );
    row(
        out,
        "allocations per call",
        memory(per_call, |m| m.allocs, false),
        |v| num(v, 2),
    );
    row(
        out,
        "page faults per 1,000 calls (first touches of fresh memory)",
        memory(per_call, |m| m.faults * 1000.0, false),
        |v| num(v, 1),
    );
    let lines = &results.lines;
    let autospec = lines.autospec.clone();
    let pick = |f: fn(&Lines) -> f64| {
        [
            autospec.as_ref().map_or(f64::NAN, f),
            f64::NAN,
            f(&lines.fake),
        ]
    };
    row(
        out,
        "generated lines per method (ten-method trait, mock overhead included)",
        pick(|l| l.per_method_avg),
        |v| num(v, 1),
    );
    row(
        out,
        "generated lines per additional method",
        pick(|l| l.per_method_marginal),
        |v| num(v, 1),
    );
    row(
        out,
        "generated lines per mock, without methods",
        pick(|l| l.fixed),
        |v| num(v, 0),
    );
    out.push('\n');
    let runs = |runs: &[Vec<f64>; 3]| -> String {
        FLAVORS
            .iter()
            .enumerate()
            .map(|(f, flavor)| {
                format!(
                    "{} {}",
                    flavor.name(),
                    runs[f]
                        .iter()
                        .map(|ns| num(*ns, 1))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    writeln!(
        out,
        "Every run's median, CPU ns per call: one thread: {}. {THREADS} threads, shared: {}. {THREADS} threads, a double each: {}.\n",
        runs(&per_call.single.cpu),
        runs(&per_call.shared.cpu),
        runs(&per_call.own.cpu)
    )
    .unwrap();
    if per_call.instructions.iter().all(Option::is_none) {
        out.push_str(
            "No instruction counts: `valgrind --tool=callgrind` did not run on this machine.\n\n",
        );
    }
    out.push_str(
        "Lines are non-blank lines after rustfmt (default style; `#[doc]` attributes count) of what the macro adds beside the trait. \
         autospec's come from `bench/expand`, which compiles the macro crate's modules into an ordinary binary and runs its expansion \
         on the benchmark's traits. The fake's are its hand-written lines counted the same way (its shared `Recorder` helper, \
         written once per suite, is not included). ",
    );
    if let Some(worst) = autospec.as_ref().and_then(|l| l.worst.clone()) {
        write!(
            out,
            "The costliest of the ten signatures for autospec is `{}`, {:.0} lines. ",
            worst.1, worst.0
        )
        .unwrap();
    }
    if let Some(error) = &lines.autospec_error {
        write!(out, "autospec's lines were not measured: {error}. ").unwrap();
    }
    if lines.unstable.is_empty() {
        out.push_str("mockall's lines need the compiler's `-Zunpretty=expanded`; run with `--unstable-expand` to include them.\n\n");
    } else {
        out.push_str(
            "With `--unstable-expand`, the compiler's own expansion (`RUSTC_BOOTSTRAP=1 -Zunpretty=expanded`, crate with mocks minus crate without, \
             one ten-method trait); it also expands the macros inside the generated code (`vec!`, `format!`, derives), so it counts somewhat more:\n\n",
        );
        out.push_str("| | lines per method (overhead included) | per additional method | per mock without methods |\n|---|--:|--:|--:|\n");
        for (flavor, l) in &lines.unstable {
            writeln!(
                out,
                "| {} | {:.1} | {:.1} | {:.0} |",
                flavor.name(),
                l.per_method_avg,
                l.per_method_marginal,
                l.fixed
            )
            .unwrap();
        }
        out.push('\n');
    }
}

fn dependencies(out: &mut String, results: &Results) {
    out.push_str("## Dependencies\n\n");
    if results.deps.is_none() && results.sizes.is_empty() {
        // `--percall-only`: nothing was built that shows a dependency tree.
        out.push_str("Not measured in this run (`--percall-only` builds no suites and no dependency trees).\n\n");
        return;
    }
    if results.deps.is_some() {
        out.push_str("The cold build of each framework's dependency tree alone (an empty library depending on it, `cargo clean` first):\n\n");
        out.push_str(HEADER);
        row(
            out,
            "dependencies alone, rustc CPU s",
            deps_cpu(results, |c| c.syn_and_co + c.framework),
            secs,
        );
        row(
            out,
            "↳ syn & co, CPU s",
            deps_cpu(results, |c| c.syn_and_co),
            secs,
        );
        row(
            out,
            "↳ the framework's own crates, CPU s",
            deps_cpu(results, |c| c.framework),
            secs,
        );
        row(
            out,
            "the whole cold build (cargo, build scripts, the empty crate too), CPU s",
            deps_cpu(results, |c| c.cost.cpu),
            secs,
        );
        row(
            out,
            "the whole cold build, wall s",
            deps_cpu(results, |c| c.cost.wall),
            secs,
        );
        out.push('\n');
        if let Some(deps) = &results.deps {
            for (f, flavor) in FLAVORS.iter().enumerate().take(2) {
                let mut packages: Vec<(f64, &str)> = deps.per_package[f]
                    .iter()
                    .map(|(package, cpus)| (median(cpus.iter().copied()), package.as_str()))
                    .filter(|(_, package)| !package.starts_with("deps-"))
                    .collect();
                packages.sort_by(|a, b| b.0.total_cmp(&a.0));
                let list: Vec<String> = packages
                    .iter()
                    .map(|(cpu, package)| format!("`{package}` {}", secs(*cpu)))
                    .collect();
                writeln!(
                    out,
                    "- {}'s tree, rustc CPU s by package: {}.",
                    flavor.name(),
                    list.join(", ")
                )
                .unwrap();
            }
            out.push('\n');
        }
    }
    for flavor in FLAVORS {
        let mut packages: Vec<String> = Vec::new();
        let seen = results
            .sizes
            .iter()
            .map(|size| &size.flavors[flavor.index()].framework_packages)
            .chain(
                results
                    .deps
                    .as_ref()
                    .map(|deps| &deps.packages[flavor.index()]),
            );
        for list in seen {
            for package in list {
                if !packages.contains(package) && !package.starts_with("deps-") {
                    packages.push(package.clone());
                }
            }
        }
        packages.sort();
        let list = if packages.is_empty() {
            "none".to_owned()
        } else {
            packages
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(out, "- {}: framework crates {list}.", flavor.name()).unwrap();
    }
    writeln!(
        out,
        "- syn & co: {}.\n",
        SYN_AND_CO.map(|p| format!("`{p}`")).join(", ")
    )
    .unwrap();
}

/// The scaling chart, inlined (rustdoc renders inline SVG, and docs.rs
/// would not serve a separate image file), and its figures as a table.
fn side_by_side(out: &mut String, results: &Results) {
    if results.sizes.is_empty() {
        return;
    }
    out.push_str("## Growth, side by side\n\n");
    out.push_str("Rebuild time after editing the library and stripped test-binary size against the number of mocked methods (the same chart is in `docs/performance.svg`):\n\n");
    // One HTML block: markdown ends it at the first blank line.
    for line in crate::chart::svg(&results.sizes).lines() {
        if !line.trim().is_empty() && !line.trim_start().starts_with("<!--") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("\n| mocked methods | rebuild, autospec CPU s | rebuild, mockall CPU s | rebuild, fake CPU s | binary, autospec KiB | binary, mockall KiB | binary, fake KiB |\n|--:|--:|--:|--:|--:|--:|--:|\n");
    for size in &results.sizes {
        let [lib_a, lib_m, lib_f] = lib_cpu(size);
        let [bin_a, bin_m, bin_f] = binary_kib(size);
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.0} | {:.0} | {:.0} |",
            count(size.methods),
            secs(lib_a),
            secs(lib_m),
            secs(lib_f),
            bin_a,
            bin_m,
            bin_f
        )
        .unwrap();
    }
    out.push('\n');
}

pub fn markdown(results: &Results, repo: &Path) -> String {
    let mut out = String::new();
    preamble(&mut out, results, repo);
    suite(&mut out, results);
    summary(&mut out, results);
    targets(&mut out, results);
    sizes(&mut out, results);
    growth(&mut out, results);
    per_call_detail(&mut out, results);
    dependencies(&mut out, results);
    side_by_side(&mut out, results);
    out.push_str(&crate::hooks::markdown(&results.hooks));
    out
}

/// Where a hand-written section of `docs/performance.md` starts and ends.
pub const HAND_WRITTEN: (&str, &str) =
    ("<!-- hand-written: begin -->", "<!-- hand-written: end -->");

/// The generated report followed by every hand-written section (between
/// the [`HAND_WRITTEN`] markers, markers included) of the page it replaces.
pub fn with_hand_written(generated: &str, old: &str) -> String {
    let mut out = generated.trim_end().to_owned();
    out.push('\n');
    let mut rest = old;
    while let Some(start) = rest.find(HAND_WRITTEN.0) {
        let Some(len) = rest[start..].find(HAND_WRITTEN.1) else {
            break;
        };
        let end = start + len + HAND_WRITTEN.1.len();
        out.push('\n');
        out.push_str(&rest[start..end]);
        out.push('\n');
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hand_written_sections_survive_a_rewrite() {
        let old = "# old\n\ngenerated\n\n<!-- hand-written: begin -->\n## Notes\n\nkept\n<!-- hand-written: end -->\n\nold tail\n";
        let new = super::with_hand_written("# new\n\nfresh\n", old);
        assert_eq!(new, "# new\n\nfresh\n\n<!-- hand-written: begin -->\n## Notes\n\nkept\n<!-- hand-written: end -->\n");
        assert_eq!(
            super::with_hand_written("# new\n", "no sections"),
            "# new\n"
        );
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(super::count(50), "50");
        assert_eq!(super::count(1000), "1,000");
        assert_eq!(super::count(131_072), "131,072");
    }
}
