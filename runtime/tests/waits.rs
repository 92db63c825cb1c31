//! Waiting for calls made on other threads (Python's `ThreadingMock`).

mod support;

use autospec::prelude::*;
use std::time::Duration;
use support::panic_message;

#[autospec]
trait Sink: Send + Sync {
    fn push(&self, job: u32, result: &str);
}

/// A worker pool under test: each job is reported from its own thread.
fn run_pool(sink: &std::sync::Arc<dyn Sink>, jobs: u32) {
    for job in 0..jobs {
        let sink = std::sync::Arc::clone(sink);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(u64::from(job % 3)));
            sink.push(job, "done");
        });
    }
}

#[test]
fn a_worker_pool_is_awaited_without_sleeping() {
    let sink = MockSink::default();
    let shared: std::sync::Arc<dyn Sink> = std::sync::Arc::new(sink.clone());
    run_pool(&shared, 8);
    sink.push
        .wait_until_called_times(8, Duration::from_secs(10));
    assert_eq!(sink.push.call_count(), 8);
    for job in 0..8 {
        sink.push.assert_any_call((job, "done"));
    }
}

#[test]
fn waiting_for_particular_arguments() {
    let sink = MockSink::default();
    let shared: std::sync::Arc<dyn Sink> = std::sync::Arc::new(sink.clone());
    run_pool(&shared, 5);
    sink.push
        .wait_until_any_call_with((4, "done"), Duration::from_secs(10));
    sink.push.wait_until_called(Duration::from_secs(10));
}

#[test]
fn a_timeout_reports_the_time_waited_and_the_calls_seen() {
    let sink = MockSink::default();
    sink.push(1, "early");
    let message = panic_message(|| {
        sink.push
            .wait_until_called_times(2, Duration::from_millis(30));
    });
    let (head, rest) = message
        .split_once(", timed out after ")
        .expect("says how long it waited");
    assert_eq!(head, "MockSink.push: expected at least 2 calls within 30ms");
    let (waited, calls) = rest.split_once(".\n").expect("then the calls");
    assert!(waited.ends_with("ms"), "{waited}");
    assert_eq!(calls, "Calls (1): [push(1, \"early\")]");
    let message = panic_message(|| {
        sink.push
            .wait_until_any_call_with((9, "late"), Duration::from_millis(10));
    });
    assert!(
        message.starts_with(
            "MockSink.push: expected a call push(9, \"late\") within 10ms, timed out after "
        ),
        "{message}"
    );
}

#[test]
fn without_a_timeout_the_mock_s_own_limit_applies() {
    use autospec::Mock as _;
    let sink = MockSink::default();
    assert_eq!(sink.wait_timeout(), autospec::DEFAULT_WAIT_TIMEOUT);
    sink.set_wait_timeout(Duration::from_millis(20));
    let message = support::panic_message(|| sink.push.wait_until_called(None));
    assert!(
        message
            .starts_with("MockSink.push: expected at least 1 call within 20ms, timed out after "),
        "{message}"
    );
    // A clone shares the setting; an explicit timeout still wins.
    let worker = sink.clone();
    assert_eq!(worker.wait_timeout(), Duration::from_millis(20));
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(60));
        worker.push(1, "ok");
    });
    sink.push
        .wait_until_any_call_with(args!(1, _), Duration::from_secs(5));
}
