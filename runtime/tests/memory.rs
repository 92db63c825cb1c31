//! What the journal costs per recorded call, measured with a counting
//! allocator (its own test binary: the allocator is process-wide).

use autospec::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;

fn signed(bytes: usize) -> isize {
    isize::try_from(bytes).unwrap_or(isize::MAX)
}

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; the counter only
// observes the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(signed(layout.size()), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(signed(layout.size()), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[autospec]
trait Store {
    fn put(&self, id: u32, name: String);
    fn get(&self, id: u32) -> Option<String>;
}

#[test]
fn a_recorded_call_costs_what_its_arguments_need() {
    const CALLS: isize = 10_000;
    let store = MockStore::default();
    store.put(0, String::new());
    store.put.reset();
    let name = "abcdefgh".to_string();
    let before = LIVE_BYTES.load(Ordering::Relaxed);
    for id in 0..CALLS {
        store.put(u32::try_from(id).unwrap_or(0), name.clone());
    }
    let per_call = (LIVE_BYTES.load(Ordering::Relaxed) - before) / CALLS;
    // One journal entry: the sequence number and the `(u32, String)` tuple,
    // plus the string's 8 bytes on the heap; the journal `Vec` grows by
    // doubling, so up to twice the entry is reserved.
    let entry = signed(std::mem::size_of::<(u64, (u32, String))>());
    let bound = 2 * entry + 8;
    eprintln!("bytes per recorded (u32, String) call: {per_call} (entry {entry}, bound {bound})");
    assert!(
        per_call <= bound,
        "{per_call} bytes per call, bound {bound}"
    );
    assert_eq!(store.put.call_count(), 10_000);
    store.put.reset();
}

#[test]
fn a_call_answered_by_the_standing_value_keeps_no_copy_of_it() {
    const CALLS: isize = 10_000;
    let store = MockStore::default();
    store
        .get
        .returns(Some("a value long enough to show up".to_string()));
    store.get(0);
    store.get.reset();
    let before = LIVE_BYTES.load(Ordering::Relaxed);
    for id in 0..CALLS {
        store.get(u32::try_from(id).unwrap_or(0));
    }
    let per_call = (LIVE_BYTES.load(Ordering::Relaxed) - before) / CALLS;
    // The calls share one run of the journal of returned values, which
    // points at the standing value: only the arguments are kept per call.
    let bound = 2 * signed(std::mem::size_of::<(u64, (u32,))>());
    eprintln!("bytes per call answered by a standing value: {per_call} (bound {bound})");
    assert!(
        per_call <= bound,
        "{per_call} bytes per call, bound {bound}"
    );
    let calls = store.mock_calls();
    assert_eq!(calls.len(), 10_000);
    assert_eq!(
        calls[9_999].returned(),
        Some(r#"Some("a value long enough to show up")"#)
    );
}
