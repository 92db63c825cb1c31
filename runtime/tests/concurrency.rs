//! One mock shared by many threads: no call is lost, every argument is kept,
//! the journal agrees with the global call order, and assertions,
//! reconfiguration and resets running beside the calls never deadlock.
//!
//! The sizes are fixed (never a duration), so a failure is a wrong count or
//! order, not a slow machine. Each test runs under a watchdog that turns a
//! deadlock into a failure instead of a hung CI job. The same file runs in
//! release, where the scheduler interleaves differently:
//! `cargo test --release -p autospec --test concurrency`.
#![allow(missing_docs)]

use autospec::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

const THREADS: usize = 16;
const CALLS_PER_THREAD: usize = 10_000;

#[autospec]
pub trait Meter {
    fn hit(&self, thread: usize, i: usize) -> u64;
    fn note(&self, thread: usize, i: usize);
}

/// Runs `test` on its own thread and fails if it has not finished within
/// `limit`: a deadlock must fail the test, not hang it. The limit is far
/// above the few hundred milliseconds a debug build needs; it claims nothing
/// about speed.
fn within_deadline(limit: Duration, test: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = thread::spawn(move || {
        test();
        let _ = done.send(());
    });
    match finished.recv_timeout(limit) {
        Ok(()) => worker.join().expect("the test thread finished"),
        // The sender was dropped without sending: the test panicked.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(payload) = worker.join() {
                std::panic::resume_unwind(payload);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("not finished after {limit:?}: a lock is probably held forever")
        }
    }
}

/// Calls `each(thread, i)` for every `i` below `calls` on `threads` threads
/// at once; returns every result, thread by thread.
fn on_threads<T: Send>(
    threads: usize,
    calls: usize,
    each: impl Fn(usize, usize) -> T + Sync,
) -> Vec<T> {
    thread::scope(|scope| {
        let each = &each;
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                scope.spawn(move || (0..calls).map(|i| each(thread, i)).collect::<Vec<T>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a calling thread finished"))
            .collect()
    })
}

/// A fresh mock and a handle to it as the code under test would share it.
fn shared_meter() -> (MockMeter, Arc<dyn Meter + Send + Sync>) {
    let meter = MockMeter::default();
    let shared = Arc::new(meter.clone());
    (meter, shared)
}

/// `(thread, i)` back from a rendered `hit(3, 17)`.
fn pair(call: &Call) -> (usize, usize) {
    let number = |k: usize| call.args()[k].parse::<usize>().expect("a number");
    (number(0), number(1))
}

#[test]
fn sixteen_threads_record_every_call_with_its_arguments_exactly_once() {
    within_deadline(Duration::from_secs(120), || {
        let (meter, shared) = shared_meter();
        meter.hit.returns(1);
        on_threads(THREADS, CALLS_PER_THREAD, |thread, i| {
            assert_eq!(shared.hit(thread, i), 1);
        });

        let journal = meter.hit.call_args_list();
        assert_eq!(journal.len(), THREADS * CALLS_PER_THREAD);
        assert_eq!(meter.hit.call_count(), 160_000);
        let mut seen = vec![false; THREADS * CALLS_PER_THREAD];
        let mut next_of_thread = [0; THREADS];
        for &(thread, i) in &journal {
            let slot = &mut seen[thread * CALLS_PER_THREAD + i];
            assert!(!*slot, "({thread}, {i}) recorded twice");
            *slot = true;
            // One thread's calls happen one after another, so the journal
            // must keep them in that order.
            assert_eq!(i, next_of_thread[thread], "thread {thread} out of order");
            next_of_thread[thread] += 1;
        }
        assert_eq!(next_of_thread, [CALLS_PER_THREAD; THREADS]);
        meter.note.assert_not_called();
    });
}

// Regression: the call's sequence number was taken before the journal was
// locked, so two threads could push their records in the opposite order of
// their numbers (it failed about two runs in three).
#[test]
fn the_journal_order_of_each_method_is_the_order_of_mock_calls() {
    within_deadline(Duration::from_secs(120), || {
        let (meter, shared) = shared_meter();
        on_threads(8, 2_000, |thread, i| {
            shared.hit(thread, i);
            shared.note(thread, i);
        });

        let all = meter.mock_calls();
        assert_eq!(all.len(), 2 * 8 * 2_000);
        for method in ["hit", "note"] {
            let in_global_order: Vec<(usize, usize)> = all
                .iter()
                .filter(|call| call.method() == method)
                .map(pair)
                .collect();
            let journal = if method == "hit" {
                meter.hit.call_args_list()
            } else {
                meter.note.call_args_list()
            };
            assert!(
                journal == in_global_order,
                "{method}: call_args_list disagrees with mock_calls() at index {:?}",
                journal
                    .iter()
                    .zip(&in_global_order)
                    .position(|(a, b)| a != b)
            );
        }
        // Within one thread, each `hit` comes right before its `note`.
        let mut last_hit = [None; 8];
        for call in &all {
            let (thread, i) = pair(call);
            match call.method() {
                "hit" => last_hit[thread] = Some(i),
                _ => assert_eq!(last_hit[thread], Some(i), "{call} before its hit"),
            }
        }
    });
}

#[test]
fn assertions_reconfiguration_and_resets_beside_calls_lose_nothing() {
    within_deadline(Duration::from_secs(120), || {
        let (meter, shared) = shared_meter();
        meter.hit.returns(0);
        let calling = AtomicBool::new(true);
        let (mut one_shots, queued) = thread::scope(|scope| {
            let reconfigure = scope.spawn(|| reconfigure_while(&meter, &calling));
            let answers = on_threads(8, 5_000, |thread, i| {
                shared.note(thread, i);
                shared.hit(thread, i)
            });
            calling.store(false, Ordering::Release);
            let queued = reconfigure
                .join()
                .expect("the reconfiguring thread finished");
            let one_shots: Vec<u64> = answers
                .into_iter()
                .filter(|&answer| answer >= ONE_SHOT_BASE)
                .collect();
            (one_shots, queued)
        });

        // Resets of `note` never reach `hit`: all of its calls are there.
        assert_eq!(meter.hit.call_count(), 8 * 5_000);
        // The one-shot answers still queued come next, then the standing one.
        meter.hit.returns(5);
        loop {
            match shared.hit(99, 0) {
                5 => break,
                answer => one_shots.push(answer),
            }
        }
        // Every queued one-shot answer was handed out exactly once.
        one_shots.sort_unstable();
        let expected: Vec<u64> = (ONE_SHOT_BASE..ONE_SHOT_BASE + queued).collect();
        assert!(one_shots == expected, "one-shot answers lost or repeated");
        // The mock still records and asserts after the storm.
        meter.note.reset();
        shared.note(99, 1);
        meter.note.assert_called_once_with((99, 1));
        meter.hit.assert_called_with((99, 0));
    });
}

/// Answers at or above this are one-shot answers, each queued once.
const ONE_SHOT_BASE: u64 = 1_000_000;

/// Reconfigures `meter`, asserts on it and resets `note` until `calling`
/// turns false; returns how many one-shot answers it queued.
fn reconfigure_while(meter: &MockMeter, calling: &AtomicBool) -> u64 {
    let mut queued = 0;
    while calling.load(Ordering::Acquire) {
        let batch = ONE_SHOT_BASE + queued;
        meter.hit.returns_each(batch..batch + 10);
        queued += 10;
        meter.hit.returns_with(|thread, _| thread as u64);
        meter.hit.returns(0);
        if meter.hit.called() {
            meter.hit.assert_called();
            assert!(meter.hit.call_args().is_some());
        }
        meter.note.reset();
        if queued % 5_000 == 0 {
            // The mock-level view takes every method's lock in turn.
            let _ = meter.mock_calls().len();
            let _ = format!("{meter:?}").len();
        }
    }
    queued
}
