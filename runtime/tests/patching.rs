//! `patch!`: free functions with `#[autospec]` keep their body and gain a
//! hook; a patch replaces them on one thread (or all, shared) until its
//! guard drops.

mod support;

use autospec::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::{block_on, panic_message, quietly};

mod net {
    use autospec::autospec;

    /// The real fetch.
    #[autospec]
    pub fn fetch(url: &str) -> String {
        format!("real {url}")
    }

    #[autospec]
    pub async fn download(url: &str, retries: u32) -> Result<Vec<u8>, String> {
        Ok(format!("{url}#{retries}").into_bytes())
    }

    #[autospec]
    pub fn parse<T: std::str::FromStr + 'static>(text: &str) -> Option<T> {
        text.parse().ok()
    }

    #[autospec]
    pub(crate) fn add((a, b): (u32, u32), mut bonus: u32) -> u32 {
        bonus += 1;
        a + b + bonus
    }
}

fn page_title(url: &str) -> String {
    net::fetch(url).to_uppercase()
}

#[test]
fn a_patch_answers_until_its_guard_drops() {
    {
        let fetch = patch!(net::fetch);
        fetch.returns("mocked".into());
        assert_eq!(page_title("a"), "MOCKED");
        fetch.assert_called_once_with(("a",));
    }
    assert_eq!(page_title("a"), "REAL A");
}

#[test]
fn an_imported_name_patches_too() {
    use net::fetch;
    let patched = patch!(fetch);
    patched.returns_with(|url| url.repeat(2));
    assert_eq!(fetch("ab"), "abab");
    patched.assert_called_once_with(("ab",));
}

#[test]
fn calls_original_journals_and_runs_the_body() {
    let fetch = patch!(net::fetch);
    fetch.calls_original();
    assert_eq!(net::fetch("x"), "real x");
    fetch.returns_once("once".into());
    assert_eq!(net::fetch("y"), "once");
    assert_eq!(
        net::fetch("z"),
        "real z",
        "one-shot used up: back to the original"
    );
    fetch.assert_has_calls([("x",), ("y",), ("z",)]);
}

#[test]
fn patterns_in_parameters_still_reach_the_body() {
    assert_eq!(net::add((1, 2), 3), 7);
    let add = patch!(net::add);
    add.calls_original();
    assert_eq!(net::add((1, 2), 3), 7);
    add.returns(0);
    assert_eq!(net::add((1, 2), 3), 0);
    assert_eq!(add.call_args_list(), [((1, 2), 3), ((1, 2), 3)]);
}

#[test]
fn async_functions_are_patched() {
    let download = patch!(net::download);
    download.returns_with(|url, retries| Err(format!("{url} failed {retries}x")));
    assert_eq!(
        block_on(net::download("u", 2)),
        Err("u failed 2x".to_string())
    );
    download.assert_called_once_with(("u", 2));
    drop(download);
    assert_eq!(block_on(net::download("u", 2)), Ok(b"u#2".to_vec()));
}

#[test]
fn generic_functions_are_patched_per_instantiation() {
    let parse = patch!(net::parse);
    parse.of::<u32>().returns(Some(99));
    assert_eq!(net::parse::<u32>("1"), Some(99));
    assert_eq!(parse.of::<u32>().call_count(), 1);
    // An instantiation nobody configured answers with its default here: `None`.
    assert_eq!(net::parse::<f64>("1.5"), None);
    assert_eq!(parse.call_count(), 2);
}

#[test]
fn patches_nest_and_unwind() {
    let outer = patch!(net::fetch);
    outer.returns("outer".into());
    {
        let inner = patch!(net::fetch);
        inner.returns("inner".into());
        assert_eq!(net::fetch("a"), "inner");
    }
    assert_eq!(net::fetch("a"), "outer");
    let unwound = quietly(|| {
        let inner = patch!(net::fetch);
        inner.returns("doomed".into());
        panic!("test body fails");
    });
    assert!(unwound.is_err());
    assert_eq!(
        net::fetch("a"),
        "outer",
        "the panicking test's patch was undone"
    );
    outer.assert_called_with(("a",));
}

#[test]
fn other_threads_keep_the_original_unless_the_patch_is_shared() {
    let fetch = patch!(net::fetch);
    fetch.returns("mocked".into());
    let elsewhere = std::thread::spawn(|| net::fetch("t")).join().unwrap();
    assert_eq!(elsewhere, "real t");
    fetch.assert_not_called();
}

mod clock {
    #[autospec::autospec]
    pub fn now() -> u64 {
        1_000
    }
}

#[test]
fn a_shared_patch_is_seen_from_spawned_threads() {
    let now = autospec::patch_shared!(clock::now);
    now.returns(7);
    let seen: Vec<u64> = (0..4)
        .map(|_| std::thread::spawn(clock::now))
        .map(|handle| handle.join().unwrap())
        .collect();
    assert_eq!(seen, [7, 7, 7, 7]);
    assert_eq!(now.call_count(), 4);
}

#[test]
fn patching_inside_an_answer_does_not_deadlock() {
    let fetch = patch!(net::fetch);
    fetch.returns_with(|url| {
        let nested = patch!(net::fetch);
        nested.returns("nested".into());
        format!("{url}+{}", net::fetch("inner"))
    });
    assert_eq!(net::fetch("outer"), "outer+nested");
}

#[test]
fn an_unconfigured_patch_without_default_explains_itself() {
    mod io {
        #[autospec::autospec]
        pub fn open(path: &str) -> Result<u32, String> {
            Ok(u32::try_from(path.len()).unwrap_or(0))
        }
    }
    let _open = patch!(io::open);
    assert_eq!(
        panic_message(|| {
            let _ = io::open("/etc");
        }),
        "patch.open(\"/etc\"): no answer is configured and the mock knows no default for `Result<u32, String>`.\n\
         Configure one with .open.returns(..), .open.returns_with(..) or .open.returns_once(..)."
    );
}

static STRESS_CALLS: AtomicUsize = AtomicUsize::new(0);

mod stressed {
    #[autospec::autospec]
    pub fn id(n: u32) -> u32 {
        n
    }
}

#[test]
fn eight_threads_patch_and_unpatch_one_function_without_cross_talk() {
    let handles: Vec<_> = (0..8u32)
        .map(|thread| {
            std::thread::spawn(move || {
                for round in 0..200u32 {
                    let expected = thread * 1_000 + round;
                    {
                        let id = patch!(stressed::id);
                        id.returns(expected);
                        assert_eq!(stressed::id(0), expected);
                        id.assert_called_once_with((0,));
                    }
                    assert_eq!(stressed::id(5), 5, "unpatched again");
                    STRESS_CALLS.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("no thread saw another's patch");
    }
    assert_eq!(STRESS_CALLS.load(Ordering::Relaxed), 1_600);
}

/// A real type whose methods tests patch.
pub struct Account {
    balance: u64,
}

#[autospec(patchable)]
impl Account {
    /// Opens an account.
    pub fn open(balance: u64) -> Self {
        Account { balance }
    }

    /// The balance.
    pub fn balance(&self) -> u64 {
        self.balance
    }

    /// Adds to the balance.
    pub fn deposit(&mut self, amount: u64) -> u64 {
        self.balance += amount;
        self.balance
    }

    #[allow(dead_code)]
    fn private(&self) -> u64 {
        self.balance
    }
}

#[test]
fn patched_methods_answer_for_every_instance_and_see_it() {
    let rich = Account::open(100);
    let poor = Account::open(1);
    {
        let balance = patch!(Account::balance);
        balance.returns_with(|account| account.balance * 10);
        assert_eq!((rich.balance(), poor.balance()), (1_000, 10));
        assert_eq!(balance.call_count(), 2);
        balance.assert_called_with(());
    }
    assert_eq!(rich.balance(), 100);
}

#[test]
fn patched_mut_methods_and_constructors() {
    let open = patch!(Account::open);
    open.calls_original();
    let mut account = Account::open(5);
    open.assert_called_once_with((5,));
    let deposit = patch!(Account::deposit);
    deposit.returns_with(|account, amount| {
        account.balance += 2 * amount;
        account.balance
    });
    assert_eq!(
        account.deposit(10),
        25,
        "the answer changed the real instance"
    );
    deposit.assert_called_once_with((10,));
    drop(deposit);
    assert_eq!(account.deposit(1), 26);
}

mod elsewhere {
    // Patching from another module: the patch's child mock is as visible
    // as the patched method.
    #[test]
    fn a_method_patch_is_configured_from_another_module() {
        let balance = autospec::patch!(super::Account::balance);
        balance.returns_with(|_| 1);
        assert_eq!(super::Account::open(50).balance(), 1);
    }
}

mod watched {
    // Patched only by the foreign-call tests, so that no other test's
    // calls count against them.
    #[autospec::autospec]
    pub fn lookup(key: &str) -> u32 {
        u32::try_from(key.len()).unwrap_or(u32::MAX)
    }

    #[autospec::autospec]
    pub fn resolve(host: &str) -> u32 {
        u32::try_from(host.len()).unwrap_or(u32::MAX)
    }
}

#[test]
fn calls_from_other_threads_are_counted_and_asserted() {
    let lookup = patch!(watched::lookup);
    lookup.returns(7);
    assert_eq!(watched::lookup("here"), 7);
    lookup.assert_no_foreign_calls();
    let elsewhere: Vec<u32> = (0..2)
        .map(|_| std::thread::spawn(|| watched::lookup("away")))
        .map(|handle| handle.join().unwrap())
        .collect();
    assert_eq!(elsewhere, [4, 4], "other threads ran the original");
    assert_eq!(lookup.foreign_calls(), 2);
    assert_eq!(
        panic_message(|| lookup.assert_no_foreign_calls()),
        "patch of `lookup`: expected no calls from other threads, got 2.\n\
         A `patch!` guard answers only on the thread that made it, so those calls ran the original function.\n\
         Use `patch_shared!` to patch it for every thread."
    );
    lookup.assert_called_once_with(("here",));
}

#[test]
fn a_failing_assertion_mentions_calls_from_other_threads() {
    let resolve = patch!(watched::resolve);
    std::thread::spawn(|| watched::resolve("away"))
        .join()
        .unwrap();
    assert_eq!(
        panic_message(|| resolve.assert_called_once()),
        "patch.resolve: expected 1 call, got 0.\n\
         Note: other threads made 1 call to `resolve` while this thread's `patch!` guard lived; \
         it does not answer them, so they ran the original (`patch_shared!` patches it for every thread)."
    );
}

#[test]
fn a_shared_patch_or_a_thread_of_its_own_is_not_a_foreign_call() {
    mod counted {
        #[autospec::autospec]
        pub fn tick() -> u32 {
            1
        }
    }
    let local = patch!(counted::tick);
    std::thread::spawn(|| {
        let own = patch!(counted::tick);
        own.returns(2);
        assert_eq!(counted::tick(), 2);
    })
    .join()
    .unwrap();
    assert_eq!(local.foreign_calls(), 0);
    {
        let shared = autospec::patch_shared!(counted::tick);
        shared.returns(3);
        assert_eq!(std::thread::spawn(counted::tick).join().unwrap(), 3);
    }
    local.assert_no_foreign_calls();
}

mod converting {
    #[autospec::autospec]
    pub fn greet(name: impl Into<String>) -> String {
        format!("hello {}", name.into())
    }

    #[autospec::autospec]
    pub fn total(items: impl IntoIterator<Item = u32>) -> u32 {
        items.into_iter().sum()
    }

    #[autospec::autospec]
    pub fn shout(text: impl AsRef<str>) -> String {
        text.as_ref().to_uppercase()
    }

    #[autospec::autospec]
    pub async fn label<T: std::fmt::Display + 'static>(
        value: T,
        unit: impl Into<String>,
    ) -> String {
        format!("{value} {}", unit.into())
    }
}

#[test]
fn calls_original_runs_the_body_of_converting_functions() {
    let greet = patch!(converting::greet);
    greet.calls_original();
    assert_eq!(converting::greet("ann"), "hello ann");
    greet.returns_once("configured".into());
    assert_eq!(converting::greet(String::from("bob")), "configured");
    assert_eq!(converting::greet("cy"), "hello cy");
    greet.assert_has_calls([("ann",), ("bob",), ("cy",)]);

    let total = patch!(converting::total);
    total.calls_original();
    assert_eq!(converting::total([1, 2, 3]), 6);
    total.assert_called_once_with((vec![1, 2, 3],));

    let shout = patch!(converting::shout);
    shout.calls_original();
    assert_eq!(converting::shout("hi"), "HI");
    shout.assert_called_once_with(("hi",));
}

#[test]
fn calls_original_runs_the_body_of_generic_functions() {
    let parse = patch!(net::parse);
    parse.calls_original();
    assert_eq!(net::parse::<f64>("2.5"), Some(2.5));
    parse.of::<u32>().returns(Some(9));
    assert_eq!(net::parse::<u32>("1"), Some(9));
    assert_eq!(net::parse::<u8>("300"), None, "the original: out of range");
    parse.of::<f64>().assert_called_once_with(("2.5",));
    parse.of::<u8>().assert_called_once_with(("300",));
    assert_eq!(parse.call_count(), 3);

    let label = patch!(converting::label);
    label.calls_original();
    assert_eq!(block_on(converting::label(3u8, "kg")), "3 kg");
    assert_eq!(label.of::<u8>().call_count(), 1);
}

mod ticker {
    #[autospec::autospec]
    pub fn interval_ms() -> u64 {
        1_000
    }
}

#[test]
fn a_shared_patch_is_seen_from_tokio_worker_threads() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .expect("a tokio runtime");
    let interval = autospec::patch_shared!(ticker::interval_ms);
    interval.returns(5);
    let seen = runtime.block_on(async {
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                tokio::spawn(async {
                    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                    (ticker::interval_ms(), std::thread::current().id())
                })
            })
            .collect();
        let mut seen = Vec::new();
        for task in tasks {
            seen.push(task.await.expect("the task ran"));
        }
        seen
    });
    let main = std::thread::current().id();
    assert!(
        seen.iter().all(|(_, thread)| *thread != main),
        "ran on workers"
    );
    assert_eq!(seen.iter().map(|(ms, _)| *ms).collect::<Vec<_>>(), [5; 4]);
    assert_eq!(interval.call_count(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_patch_works_under_tokio_test() {
    mod jitter {
        #[autospec::autospec]
        pub async fn delay_ms(attempt: u32) -> u64 {
            u64::from(attempt) * 100
        }
    }
    let delay = autospec::patch_shared!(jitter::delay_ms);
    delay.returns_with(|attempt| u64::from(attempt) + 1);
    let on_worker = tokio::spawn(jitter::delay_ms(3)).await.unwrap();
    assert_eq!(on_worker, 4);
    delay.assert_called_once_with((3,));
}

mod awaited {
    use super::support::block_on;
    use autospec::prelude::*;

    #[autospec]
    pub async fn load(key: &str) -> Result<String, String> {
        if key.is_empty() {
            return Err("empty key".to_owned());
        }
        let value = std::future::ready(key.to_uppercase()).await;
        Ok(value)
    }

    #[autospec]
    pub async fn parse<T: std::str::FromStr + 'static>(text: &str) -> Option<T> {
        std::future::ready(text.parse().ok()).await
    }

    /// Waits once before it answers.
    #[autospec]
    pub async fn slow(n: u8) -> u8 {
        let mut waited = false;
        std::future::poll_fn(|context| {
            if waited {
                std::task::Poll::Ready(n)
            } else {
                waited = true;
                context.waker().wake_by_ref();
                std::task::Poll::Pending
            }
        })
        .await
    }

    #[autospec]
    pub async fn greet(name: impl Into<String>) -> String {
        format!("hi {}", name.into())
    }

    pub struct Store;

    #[autospec(patchable)]
    impl Store {
        pub async fn get(&self, key: &str) -> Option<String> {
            std::future::ready(Some(key.repeat(2))).await
        }
    }

    /// Python: an `AsyncMock(wraps=load)` counts the awaits of the real
    /// coroutine; a patched `async fn` with `calls_original()` journals the
    /// await when its original body completes.
    #[test]
    fn calls_original_journals_the_completed_await() {
        let patched = patch!(load);
        patched.calls_original();
        assert_eq!(block_on(load("k")), Ok("K".to_owned()));
        assert_eq!(
            block_on(load("")),
            Err("empty key".to_owned()),
            "an early `return` too"
        );
        let pending = load("never awaited");
        drop(pending); // never polled: the hook never ran
        assert_eq!(patched.call_count(), 2);
        assert_eq!(patched.await_count(), 2);
        patched.assert_has_awaits([("k",), ("",)]);
    }

    #[test]
    fn a_body_dropped_before_it_completes_is_called_not_awaited() {
        use std::future::Future;
        let patched = patch!(slow);
        patched.calls_original();
        let mut pending = Box::pin(slow(3));
        let waker = super::support::noop_waker();
        let mut context = std::task::Context::from_waker(&waker);
        assert!(pending.as_mut().poll(&mut context).is_pending());
        drop(pending); // cancelled while its body waited
        patched.assert_called_once_with((3,));
        patched.assert_not_awaited();
        assert_eq!(block_on(slow(4)), 4);
        patched.assert_awaited_once_with((4,));

        let parsed = patch!(parse);
        parsed.calls_original();
        parsed.of::<u8>().assert_not_called();
        assert_eq!(block_on(parse::<u8>("7")), Some(7));
        parsed.of::<u8>().returns(Some(1));
        assert_eq!(block_on(parse::<u8>("7")), Some(1));
        assert_eq!(parsed.of::<u8>().await_count(), 2);
    }

    #[test]
    fn converted_arguments_and_methods_journal_their_awaits_too() {
        let greeted = patch!(greet);
        greeted.calls_original();
        assert_eq!(block_on(greet("ann")), "hi ann");
        greeted.assert_awaited_once_with(("ann",));

        let get = patch!(Store::get);
        get.calls_original();
        assert_eq!(block_on(Store.get("ab")), Some("abab".to_owned()));
        get.returns_with(|_, key| Some(key.to_owned()));
        assert_eq!(block_on(Store.get("ab")), Some("ab".to_owned()));
        get.assert_has_awaits([("ab",), ("ab",)]);
        get.assert_has_awaits_any_order([("ab",), ("ab",)]);
    }
}

/// Functions whose result borrows from their one argument, the lifetime
/// left to elision.
mod text {
    use autospec::autospec;

    /// The fields of a line.
    #[autospec]
    pub fn fields(line: &str) -> Vec<&str> {
        line.split(',').collect()
    }

    /// The line, unchanged where it can be.
    #[autospec]
    pub fn cleaned(line: &str) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(line)
    }
}

#[test]
fn a_patch_of_a_function_whose_result_borrows_its_argument_may_return_the_borrow() {
    let fields = patch!(text::fields);
    let cleaned = patch!(text::cleaned);
    fields.returns_with(|line| line.split(';').collect());
    cleaned.returns_with(|line| std::borrow::Cow::Borrowed(&line[1..]));
    let line = String::from("a;b,c");
    assert_eq!(text::fields(&line), ["a", "b,c"]);
    assert_eq!(text::cleaned(&line), ";b,c");
    fields.assert_called_once_with(("a;b,c",));
    drop((fields, cleaned));
    assert_eq!(text::fields(&line), ["a;b", "c"]);
}
