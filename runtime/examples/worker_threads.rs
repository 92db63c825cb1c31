//! A mock shared with background threads as `Arc<dyn Trait + Send + Sync>`,
//! and a test that waits for the calls instead of sleeping: a job queue
//! whose workers report each finished job to a sink.
//!
//! Run it with `cargo run --example worker_threads`.

use autospec::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Where workers report finished jobs.
#[autospec]
trait Reporter {
    fn done(&self, job: u32, worker: usize) -> bool;
}

/// The code under test: a pool that reports through a shared reporter.
struct Pool {
    reporter: Arc<dyn Reporter + Send + Sync>,
}

impl Pool {
    /// Starts `workers` threads that share the jobs, and returns at once,
    /// without waiting for them.
    fn start(&self, jobs: Vec<u32>, workers: usize) {
        let jobs = Arc::new(std::sync::Mutex::new(jobs));
        for worker in 0..workers {
            let (jobs, reporter) = (Arc::clone(&jobs), Arc::clone(&self.reporter));
            std::thread::spawn(move || loop {
                let Some(job) = jobs.lock().unwrap().pop() else {
                    break;
                };
                reporter.done(job * 10, worker);
            });
        }
    }
}

fn main() {
    let reporter = MockReporter::default();
    reporter.done.returns(true);

    let pool = Pool {
        reporter: Arc::new(reporter.clone()),
    };
    pool.start(vec![1, 2, 3, 4, 5], 3);

    // Block (without spinning) until the workers are through, or fail
    // after the timeout with the calls seen so far.
    reporter
        .done
        .wait_until_called_times(5, Duration::from_secs(10));
    println!("passed: wait_until_called_times(5, 10s)");

    // Which worker took which job is up to the scheduler; the set of jobs
    // is not.
    let mut jobs: Vec<u32> = reporter
        .done
        .call_args_list()
        .iter()
        .map(|(job, _)| *job)
        .collect();
    jobs.sort_unstable();
    assert_eq!(jobs, [10, 20, 30, 40, 50]);
    println!("passed: the jobs reported were {jobs:?}");
    println!(
        "journal, in the order the calls arrived: {:?}",
        reporter.mock_calls()
    );

    // Waiting for one particular call: a second run with a single worker.
    pool.start(vec![7], 1);
    reporter
        .done
        .wait_until_any_call_with((70, 0), Duration::from_secs(10));
    println!("passed: wait_until_any_call_with((70, 0), 10s)");
    assert_eq!(reporter.done.call_count(), 6);
}
