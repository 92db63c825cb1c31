//! Settings and clean-ups for the whole process, each in a test of its
//! own binary since they act beyond one test: the default wait timeout
//! (Python's `ThreadingMock.DEFAULT_TIMEOUT`) and `unpatch_all` (Python's
//! `patch.stopall()`) for guards that were leaked.

mod support;

use autospec::prelude::*;
use std::time::Duration;
use support::panic_message;

#[autospec]
trait Sink: Send + Sync {
    fn push(&self, job: u32);
}

/// Python: `ThreadingMock.DEFAULT_TIMEOUT = 0.05` makes every
/// `wait_until_called()` without a timeout give up after 50 ms; a mock's
/// own `timeout=` still wins.
#[test]
fn the_default_wait_timeout_is_the_process_s() {
    let before = autospec::set_default_wait_timeout(Duration::from_millis(50));
    assert_eq!(before, autospec::DEFAULT_WAIT_TIMEOUT);
    assert_eq!(autospec::default_wait_timeout(), Duration::from_millis(50));

    let sink = MockSink::default();
    assert_eq!(sink.wait_timeout(), Duration::from_millis(50));
    let message = panic_message(|| sink.push.wait_until_called(None));
    assert!(
        message
            .starts_with("MockSink.push: expected at least 1 call within 50ms, timed out after "),
        "{message}"
    );

    let own = MockSink::default();
    own.set_wait_timeout(Duration::from_secs(3));
    let worker = own.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(120));
        worker.push(1);
    });
    own.push.wait_until_called(None); // waits past the process's 50 ms
    own.push.assert_called_once_with((1,));

    autospec::set_default_wait_timeout(before);
    assert_eq!(
        MockSink::default().wait_timeout(),
        autospec::DEFAULT_WAIT_TIMEOUT
    );
}

mod clock {
    #[autospec::autospec]
    pub fn now() -> u64 {
        1_000
    }

    #[autospec::autospec]
    pub fn zone() -> &'static str {
        "UTC"
    }

    pub struct Source;

    #[autospec::autospec]
    impl Source {
        pub fn open() -> Self {
            Source
        }
    }
}

/// Python: `patch.stopall()` stops every patch started with `start()`;
/// here, every patch and class of this thread, the leaked ones too. A
/// thread that ends forgets its leaked patches on its own.
#[test]
fn unpatch_all_undoes_leaked_guards_and_a_thread_forgets_its_own() {
    let now = patch!(clock::now);
    now.returns(7);
    std::mem::forget(now);
    let class = clock::MockSource::class();
    std::mem::forget(class);
    let zone = patch_shared!(clock::zone);
    zone.returns("CET".into());
    Box::leak(Box::new(zone));
    let kept = patch!(clock::zone);
    kept.returns("kept".into());

    assert_eq!(clock::now(), 7);
    assert_eq!(clock::zone(), "kept");
    let _real = clock::Source::open(); // the real type is untouched
    assert_eq!(std::thread::spawn(clock::zone).join().unwrap(), "CET");

    assert_eq!(autospec::unpatch_all(), 4);
    assert_eq!(clock::now(), 1_000);
    assert_eq!(clock::zone(), "UTC", "a guard still alive answers no more");
    drop(kept); // and dropping it undoes nothing twice
    assert_eq!(autospec::unpatch_all(), 0);

    // The shared patch was released: another one can be taken at once.
    let zone = patch_shared!(clock::zone);
    zone.returns("EET".into());
    assert_eq!(std::thread::spawn(clock::zone).join().unwrap(), "EET");
    drop(zone);

    // A thread that leaks a `patch!` and ends takes it with it.
    std::thread::spawn(|| std::mem::forget(patch!(clock::now)))
        .join()
        .unwrap();
    assert!(
        !autospec::__private::patching(),
        "no patch or class is left installed in the process"
    );
}
