//! The cost of one recorded call in a release binary: time (one thread, and
//! 16 threads), instructions (callgrind) and the memory a journaled call
//! keeps (a counting global allocator).
//!
//! Each flavor gets a crate `work/percall-<flavor>/` whose library holds
//! `trait Service { fn call(&self, id: u32, name: &str) -> Option<String>; }`,
//! its double (autospec's or mockall's mock, or the hand-written fake)
//! and `arrange()`, which makes one answering every call with
//! `Some("v".to_owned())`. Two binaries use it, both calling through
//! `&dyn Service` with `black_box`ed arguments:
//!
//! - `percall MODE ..` times calls: `single SAMPLES CALLS` (one thread, a
//!   fresh double per sample), `shared THREADS SAMPLES CALLS` (THREADS
//!   threads calling one shared double, CALLS each), `own THREADS SAMPLES
//!   CALLS` (THREADS threads, each calling a double of its own), and
//!   `count CALLS` (CALLS calls and nothing else, for callgrind). Each
//!   timing mode prints the medians over SAMPLES samples (after one warm-up
//!   sample) of the sample's wall time and of the calling threads' CPU time
//!   (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, which leaves out the time
//!   other processes had the core), each divided by the calls;
//! - `percall-mem CALLS` installs a counting global allocator, makes CALLS
//!   calls on a fresh double and prints the bytes still allocated
//!   afterwards minus before, the allocations made and the minor page
//!   faults taken (first touches of fresh memory), each per call.

use crate::gen::{manifest, write_if_changed, Flavor, FLAVORS, RECORDER};
use crate::{median, run};
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How many threads the threaded modes start.
pub const THREADS: usize = 16;

/// Calls per single-thread sample, and per thread in the threaded modes.
pub const CALLS: u32 = 100_000;
pub const CALLS_PER_THREAD: u32 = 10_000;

/// The two call counts whose difference callgrind measures (see
/// [`instructions`]): both well past the first allocations of the journal.
pub const COUNT_CALLS: (u32, u32) = (20_000, 120_000);

/// The call counts of the memory measurement: the first is the figure
/// reported (the journal then holds 100,000 calls in vectors with room
/// for 131,072, as growth by doubling leaves them); the second is a power
/// of two, where the vectors are exactly full, for the attribution.
pub const MEMORY_CALLS: (u32, u32) = (100_000, 131_072);

/// One mode's medians, one per run.
#[derive(Clone, Debug, Default)]
pub struct Runs {
    /// Wall ns per call (for threads: from the first thread's start to the last one's end, over all calls).
    pub wall: [Vec<f64>; 3],
    /// CPU ns per call of the calling threads (summed over threads).
    pub cpu: [Vec<f64>; 3],
}

/// What the per-call binaries measured, by flavor (autospec, mockall, fake).
#[derive(Clone, Debug, Default)]
pub struct PerCall {
    /// One thread.
    pub single: Runs,
    /// 16 threads sharing one double.
    pub shared: Runs,
    /// 16 threads with a double each.
    pub own: Runs,
    /// Instructions per call (callgrind), when valgrind runs.
    pub instructions: [Option<f64>; 3],
    /// Memory kept per call at `MEMORY_CALLS.0` and `.1` calls.
    pub memory: [Option<Memory>; 3],
    pub memory_pow2: [Option<Memory>; 3],
    /// The sample counts used, for the report.
    pub samples: Samples,
}

/// What the counting allocator saw, per call.
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory {
    /// Bytes still allocated after the calls minus before, per call.
    pub bytes: f64,
    /// Allocations and reallocations made during the calls, per call.
    pub allocs: f64,
    /// Minor page faults (first touches of fresh memory), per call.
    pub faults: f64,
}

/// How many samples and runs the per-call measurement takes.
#[derive(Clone, Copy, Debug)]
pub struct Samples {
    /// Interleaved runs of each binary.
    pub runs: usize,
    /// Samples per run, one thread.
    pub single: usize,
    /// Samples per run, 16 threads.
    pub threaded: usize,
}

impl Default for Samples {
    fn default() -> Self {
        Samples {
            runs: 3,
            single: 21,
            threaded: 11,
        }
    }
}

impl Samples {
    /// `--quick`: one run of few samples.
    pub fn quick() -> Self {
        Samples {
            runs: 1,
            single: 5,
            threaded: 3,
        }
    }
}

/// The double of one flavor: its definition and `arrange()`'s body.
fn double(flavor: Flavor) -> (&'static str, String, &'static str) {
    match flavor {
        Flavor::Autospec => (
            "#[cfg_attr(feature = \"mocks\", autospec::autospec)]\n",
            "/// The double.\npub type Double = MockService;\n".to_owned(),
            "let mock = MockService::default();\n    mock.call.returns(Some(\"v\".to_owned()));\n    mock",
        ),
        Flavor::Mockall => (
            "#[cfg_attr(feature = \"mocks\", mockall::automock)]\n",
            "/// The double.\npub type Double = MockService;\n".to_owned(),
            "let mut mock = MockService::new();\n    mock.expect_call().return_const(Some(\"v\".to_owned()));\n    mock",
        ),
        Flavor::Fake => (
            "",
            format!(
                "{RECORDER}\n/// The hand-written fake.\n#[derive(Default)]\npub struct FakeService {{\n    pub call: Recorder<(u32, String), Option<String>>,\n}}\n\n\
                 impl Service for FakeService {{\n    fn call(&self, id: u32, name: &str) -> Option<String> {{\n        self.call.record((id, name.to_owned()))\n    }}\n}}\n\n\
                 /// The double.\npub type Double = FakeService;\n"
            ),
            "let fake = FakeService::default();\n    fake.call.returns(Some(\"v\".to_owned()));\n    fake",
        ),
    }
}

/// The library of the per-call crate: the trait, the double, `arrange`,
/// and the call loop both binaries use.
pub fn lib_source(flavor: Flavor) -> String {
    let (attr, double, arrange) = double(flavor);
    format!(
        r#"//! Generated by autospec-bench; do not edit.
#![allow(clippy::all)]

use std::hint::black_box;

{attr}pub trait Service {{
    fn call(&self, id: u32, name: &str) -> Option<String>;
}}

{double}
/// A fresh double that answers every call with `Some("v")`.
pub fn arrange() -> Double {{
    {arrange}
}}

/// `calls` calls through `&dyn Service`; the answers' total length.
#[inline(never)]
pub fn calls(service: &(dyn Service + Sync), calls: u32) -> usize {{
    let mut sum = 0usize;
    for i in 0..calls {{
        let answer = service.call(black_box(i), black_box("key"));
        sum = sum.wrapping_add(answer.map_or(0, |answer| answer.len()));
    }}
    sum
}}
"#
    )
}

const MAIN: &str = r#"//! Generated by autospec-bench; do not edit.
//! Times recorded calls; see `bench/src/percall.rs` for the modes.
#![allow(clippy::all)]

use percall::{arrange, calls, Service};
use std::hint::black_box;
use std::sync::Barrier;
use std::time::Instant;

fn arg(args: &[String], index: usize) -> usize {
    args.get(index).and_then(|arg| arg.parse().ok()).unwrap_or_else(|| panic!("usage: percall single|shared|own|count [THREADS] SAMPLES CALLS"))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// `struct timespec` on 64-bit Linux.
#[repr(C)]
struct Timespec {
    seconds: i64,
    nanoseconds: i64,
}

extern "C" {
    /// libc's `clock_gettime`, which std links on Linux.
    fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
}

/// Linux's `CLOCK_THREAD_CPUTIME_ID`.
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// The CPU time this thread has run, in ns: unlike wall time, it leaves
/// out the time other processes had the core. NaN if the clock fails.
fn cpu_ns() -> f64 {
    let mut time = Timespec { seconds: 0, nanoseconds: 0 };
    // SAFETY: `clock_gettime` writes one `struct timespec` (two 64-bit
    // integers on 64-bit Linux, which `Timespec` mirrors with `repr(C)`)
    // through the pointer, which points to a live, writable `Timespec`.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    if status == 0 {
        time.seconds as f64 * 1e9 + time.nanoseconds as f64
    } else {
        f64::NAN
    }
}

/// What one sample took: wall seconds, CPU ns of the calling threads, calls.
struct Sample {
    wall: f64,
    cpu: f64,
    calls: usize,
}

/// `samples` samples (after one warm-up); the medians of wall and CPU ns per call.
fn sampled(samples: usize, mut sample: impl FnMut() -> Sample) -> (f64, f64) {
    let (mut wall, mut cpu) = (Vec::with_capacity(samples), Vec::with_capacity(samples));
    for round in 0..samples + 1 {
        let Sample { wall: seconds, cpu: ns, calls } = sample();
        if round > 0 {
            wall.push(seconds * 1e9 / calls as f64);
            cpu.push(ns / calls as f64);
        }
    }
    (median(wall), median(cpu))
}

/// `n` calls on `service`; the CPU ns they took on this thread.
fn timed_calls(service: &(dyn Service + Sync), n: u32) -> f64 {
    let before = cpu_ns();
    black_box(calls(service, n));
    cpu_ns() - before
}

/// What one of several threads saw: its CPU ns and when its calls began and ended.
struct Span {
    cpu: f64,
    start: Instant,
    end: Instant,
}

/// `n` calls on `service` as one of several threads.
fn span(service: &(dyn Service + Sync), n: u32) -> Span {
    let start = Instant::now();
    let cpu = timed_calls(service, n);
    Span { cpu, start, end: Instant::now() }
}

/// Wall seconds from the first thread's start to the last one's end, and
/// the threads' CPU ns in all. Each thread reads its own clock: the main
/// thread may wake from the barrier long after the others have begun.
fn spanned<'a>(spans: impl Iterator<Item = &'a Span> + Clone) -> (f64, f64) {
    let start = spans.clone().map(|span| span.start).min().expect("threads ran");
    let end = spans.clone().map(|span| span.end).max().expect("threads ran");
    (end.duration_since(start).as_secs_f64(), spans.map(|span| span.cpu).sum())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The double answers as configured (on a double that is then dropped).
    assert_eq!(arrange().call(0, "key").as_deref(), Some("v"));
    let (wall, cpu) = match args.first().map(String::as_str) {
        Some("single") => {
            let (samples, n) = (arg(&args, 1), arg(&args, 2) as u32);
            sampled(samples, || {
                let double = arrange();
                let service: &(dyn Service + Sync) = black_box(&double);
                let start = Instant::now();
                let cpu = timed_calls(service, n);
                let wall = start.elapsed().as_secs_f64();
                drop(double);
                Sample { wall, cpu, calls: n as usize }
            })
        }
        Some("shared") => {
            let (threads, samples, n) = (arg(&args, 1), arg(&args, 2), arg(&args, 3) as u32);
            sampled(samples, || {
                let double = arrange();
                let service: &(dyn Service + Sync) = black_box(&double);
                let barrier = Barrier::new(threads + 1);
                let (wall, cpu) = std::thread::scope(|scope| {
                    let handles: Vec<_> = (0..threads)
                        .map(|_| {
                            scope.spawn(|| {
                                barrier.wait();
                                span(service, n)
                            })
                        })
                        .collect();
                    barrier.wait();
                    let spans: Vec<Span> = handles.into_iter().map(|handle| handle.join().unwrap()).collect();
                    spanned(spans.iter())
                });
                drop(double);
                Sample { wall, cpu, calls: threads * n as usize }
            })
        }
        Some("own") => {
            let (threads, samples, n) = (arg(&args, 1), arg(&args, 2), arg(&args, 3) as u32);
            sampled(samples, || {
                let barrier = Barrier::new(threads + 1);
                let (wall, cpu, doubles) = std::thread::scope(|scope| {
                    let handles: Vec<_> = (0..threads)
                        .map(|_| {
                            scope.spawn(|| {
                                let double = arrange();
                                barrier.wait();
                                let span = span(black_box(&double), n);
                                // Dropped after the clock stops, as in the other modes.
                                (span, double)
                            })
                        })
                        .collect();
                    barrier.wait();
                    let done: Vec<_> = handles.into_iter().map(|handle| handle.join().unwrap()).collect();
                    let (wall, cpu) = spanned(done.iter().map(|(span, _)| span));
                    (wall, cpu, done)
                });
                drop(doubles);
                Sample { wall, cpu, calls: threads * n as usize }
            })
        }
        Some("count") => {
            let double = arrange();
            println!("sum {}", calls(black_box(&double), arg(&args, 1) as u32));
            // Not dropped, as the timing modes drop it after the clock stops.
            std::mem::forget(double);
            return;
        }
        _ => panic!("usage: percall single|shared|own|count [THREADS] SAMPLES CALLS"),
    };
    println!("ns_per_call {wall} cpu_ns_per_call {cpu}");
}
"#;

const MEM: &str = r#"//! Generated by autospec-bench; do not edit.
//! `percall-mem CALLS`: the bytes a double keeps and the allocations it
//! makes per recorded call, by a counting global allocator.
#![allow(clippy::all)]

use percall::{arrange, calls};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};

/// The system allocator, counting live bytes (as requested) and allocations.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards its arguments unchanged to `System`, which
// upholds `GlobalAlloc`'s contract, and returns what `System` returned; the
// counters are only read, never used to decide anything about memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// This process's minor page faults so far (`/proc/self/stat`, field 10):
/// each is a first touch of a fresh page of memory.
fn minor_faults() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The command name (field 2) is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    rest.split_whitespace().nth(7).and_then(|faults| faults.parse().ok()).unwrap_or(f64::NAN)
}

fn main() {
    let n: u32 = std::env::args().nth(1).and_then(|n| n.parse().ok()).expect("usage: percall-mem CALLS");
    let double = arrange();
    let (live, allocations, faults) = (LIVE.load(Ordering::Relaxed), ALLOCATIONS.load(Ordering::Relaxed), minor_faults());
    black_box(calls(black_box(&double), n));
    let faults = minor_faults() - faults;
    let kept = LIVE.load(Ordering::Relaxed) - live;
    let made = ALLOCATIONS.load(Ordering::Relaxed) - allocations;
    let n = f64::from(n);
    println!("bytes_per_call {} allocations_per_call {} faults_per_call {}", kept as f64 / n, made as f64 / n, faults / n);
    drop(double);
}
"#;

/// Writes the per-call crate of one flavor into `dir`.
pub fn write(dir: &Path, flavor: Flavor, runtime: &Path) -> io::Result<()> {
    let extra = "[lib]\nname = \"percall\"\npath = \"src/lib.rs\"\n\n\
                 [[bin]]\nname = \"percall\"\npath = \"src/main.rs\"\nrequired-features = [\"mocks\"]\n\n\
                 [[bin]]\nname = \"percall-mem\"\npath = \"src/mem.rs\"\nrequired-features = [\"mocks\"]\n";
    write_if_changed(
        &dir.join("Cargo.toml"),
        &manifest(
            &format!("percall-{}", flavor.name()),
            flavor,
            runtime,
            extra,
        ),
    )?;
    write_if_changed(&dir.join("src/lib.rs"), &lib_source(flavor))?;
    write_if_changed(&dir.join("src/main.rs"), MAIN)?;
    write_if_changed(&dir.join("src/mem.rs"), MEM)
}

/// The two binaries of one flavor.
struct Binaries {
    time: PathBuf,
    mem: PathBuf,
}

/// Builds the per-call crates (release, untimed).
fn build(work: &Path, runtime: &Path) -> Vec<Binaries> {
    FLAVORS
        .iter()
        .map(|flavor| {
            let dir = work.join(format!("percall-{}", flavor.name()));
            write(&dir, *flavor, runtime).expect("bench/work is writable");
            run::run_checked(
                run::cargo(&dir).args([
                    "build",
                    "--release",
                    "--quiet",
                    "--features",
                    "mocks",
                    "--bins",
                ]),
                &format!("building percall-{}", flavor.name()),
            );
            let release = dir.join("target/release");
            Binaries {
                time: release.join("percall"),
                mem: release.join("percall-mem"),
            }
        })
        .collect()
}

/// The `name value` pairs a binary printed.
fn printed(output: &[u8], what: &str) -> Vec<(String, f64)> {
    let text = String::from_utf8_lossy(output);
    let words: Vec<&str> = text.split_whitespace().collect();
    let pairs: Vec<(String, f64)> = words
        .chunks(2)
        .filter_map(|pair| Some((pair.first()?.to_string(), pair.get(1)?.parse().ok()?)))
        .collect();
    assert!(!pairs.is_empty(), "{what} printed {text:?}");
    pairs
}

fn value(pairs: &[(String, f64)], name: &str) -> f64 {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map_or(f64::NAN, |(_, value)| *value)
}

/// Wall and CPU ns per call.
fn timed(binary: &Path, args: &[String], what: &str) -> (f64, f64) {
    let output = run::run_checked(Command::new(binary).args(args), what);
    let pairs = printed(&output.stdout, what);
    (
        value(&pairs, "ns_per_call"),
        value(&pairs, "cpu_ns_per_call"),
    )
}

/// Whether `valgrind --tool=callgrind` runs here.
fn has_callgrind() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// The instructions callgrind counts for `percall count CALLS`.
fn callgrind_total(binary: &Path, calls: u32) -> Option<f64> {
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(binary)
        .args(["count", &calls.to_string()])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stderr);
    let line = text.lines().find(|line| line.contains("Collected :"))?;
    line.rsplit(':')
        .next()?
        .trim()
        .replace(',', "")
        .parse()
        .ok()
}

/// Instructions per call: the difference of two runs' totals over the
/// difference of their call counts, so that start-up and the double's
/// construction cancel out. Deterministic, unlike times.
fn instructions(binary: &Path) -> Option<f64> {
    let (few, many) = COUNT_CALLS;
    Some((callgrind_total(binary, many)? - callgrind_total(binary, few)?) / f64::from(many - few))
}

fn memory(binary: &Path, calls: u32, what: &str) -> Option<Memory> {
    let output = run::run_checked(Command::new(binary).arg(calls.to_string()), what);
    let pairs = printed(&output.stdout, what);
    Some(Memory {
        bytes: value(&pairs, "bytes_per_call"),
        allocs: value(&pairs, "allocations_per_call"),
        faults: value(&pairs, "faults_per_call"),
    })
}

/// Builds and runs the per-call binaries, in interleaved runs.
pub fn measure(work: &Path, runtime: &Path, samples: Samples) -> PerCall {
    eprintln!("== building the per-call binaries (release, untimed)");
    let binaries = build(work, runtime);
    let mut result = PerCall {
        samples,
        ..PerCall::default()
    };
    let threads = THREADS.to_string();
    let single: Vec<String> = vec![
        "single".into(),
        samples.single.to_string(),
        CALLS.to_string(),
    ];
    let shared: Vec<String> = vec![
        "shared".into(),
        threads.clone(),
        samples.threaded.to_string(),
        CALLS_PER_THREAD.to_string(),
    ];
    let own: Vec<String> = vec![
        "own".into(),
        threads,
        samples.threaded.to_string(),
        CALLS_PER_THREAD.to_string(),
    ];
    eprintln!(
        "== per-call time, {} interleaved run(s) per flavor",
        samples.runs
    );
    for _ in 0..samples.runs {
        for (f, flavor) in FLAVORS.iter().enumerate() {
            let what = format!("percall-{}", flavor.name());
            let one = timed(&binaries[f].time, &single, &what);
            let many = timed(&binaries[f].time, &shared, &what);
            let each = timed(&binaries[f].time, &own, &what);
            eprintln!(
                "   {:<8} CPU (wall) ns/call: {:.1} ({:.1}); {THREADS} threads: {:.1} ({:.1}) shared, {:.1} ({:.1}) on own doubles",
                flavor.name(),
                one.1,
                one.0,
                many.1,
                many.0,
                each.1,
                each.0
            );
            for (runs, (wall, cpu)) in [
                (&mut result.single, one),
                (&mut result.shared, many),
                (&mut result.own, each),
            ] {
                runs.wall[f].push(wall);
                runs.cpu[f].push(cpu);
            }
        }
    }
    let callgrind = has_callgrind();
    if !callgrind {
        eprintln!("warning: valgrind is not installed; no instruction counts");
    }
    for (f, flavor) in FLAVORS.iter().enumerate() {
        let what = format!("percall-mem-{}", flavor.name());
        result.memory[f] = memory(&binaries[f].mem, MEMORY_CALLS.0, &what);
        result.memory_pow2[f] = memory(&binaries[f].mem, MEMORY_CALLS.1, &what);
        if callgrind {
            result.instructions[f] = instructions(&binaries[f].time);
        }
        let memory = result.memory[f].unwrap_or_default();
        eprintln!(
            "   {:<8} {:.1} instructions/call, {:.1} bytes kept, {:.2} allocations and {:.4} page faults per call",
            flavor.name(),
            result.instructions[f].unwrap_or(f64::NAN),
            memory.bytes,
            memory.allocs,
            memory.faults
        );
    }
    result
}

impl Runs {
    /// The median of each flavor's runs, wall ns per call.
    pub fn wall(&self) -> [f64; 3] {
        [0, 1, 2].map(|f| median(self.wall[f].iter().copied()))
    }

    /// The median of each flavor's runs, CPU ns per call.
    pub fn cpu(&self) -> [f64; 3] {
        [0, 1, 2].map(|f| median(self.cpu[f].iter().copied()))
    }
}
