//! `doubles!` and `#[double]`: functions of std (and of any other crate)
//! restated once, at the crate root, and patched where the code under test
//! calls them, without editing that code beyond its `use` line (Python's
//! `patch('module.os.remove')`, `patch('module.datetime')`). And
//! `#[autospec]` on an `extern` block, whose functions become patchable.

mod support;

autospec::doubles! {
    /// The functions of `std::fs` that the services below call.
    mod std::fs {
        use std::io;
        use std::path::Path;

        fn read<P: AsRef<Path>>(path: P) -> io::Result<Vec<u8>>;
        fn write<P: AsRef<Path>, C: AsRef<[u8]>>(path: P, contents: C) -> io::Result<()>;
        fn create_dir_all<P: AsRef<Path>>(path: P) -> io::Result<()>;
        fn remove_file<P: AsRef<Path>>(path: P) -> io::Result<()>;
    }

    mod std::env {
        use std::ffi::OsStr;

        fn var<K: AsRef<OsStr>>(key: K) -> Result<String, VarError>;
    }

    /// An `unsafe fn`, restated as one: the double calls it in `unsafe`.
    mod std::str {
        unsafe fn from_utf8_unchecked(v: &[u8]) -> &str;
    }

    mod std::time {
        impl SystemTime {
            fn now() -> SystemTime;
            const UNIX_EPOCH: SystemTime;
        }

        impl Instant {
            fn now() -> Self;
        }
    }
}

/// Code under test: it calls `std::fs` and `std::env` as written, and only
/// its `use` lines say `#[autospec::double]` (in a crate:
/// `#[cfg_attr(test, autospec::double)]`).
mod store {
    #[autospec::double]
    use std::env;
    #[autospec::double]
    use std::fs;
    use std::io;
    use std::path::{Path, PathBuf};

    pub fn data_dir() -> PathBuf {
        env::var("STORE_DIR").map_or_else(|_| PathBuf::from("/var/lib/store"), PathBuf::from)
    }

    pub fn save(name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let dir = data_dir();
        fs::create_dir_all(&dir)?;
        let path = dir.join(name);
        fs::write(&path, bytes)?;
        Ok(path)
    }

    pub fn load(path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }

    pub fn discard(path: &Path) -> bool {
        fs::remove_file(path).is_ok()
    }

    /// Names that the doubles do not restate pass through to std.
    pub fn exists(path: &Path) -> bool {
        fs::metadata(path).is_ok()
    }

    pub fn open(path: &Path) -> io::Result<fs::File> {
        fs::File::open(path)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use autospec::{patch, patch_shared};
        use std::io::ErrorKind;

        /// Python: `@patch('store.os.makedirs')`, `@patch('store.open')`:
        /// the code runs unchanged, the test arranges the answers and
        /// asserts on the calls.
        #[test]
        fn save_creates_the_directory_then_writes_the_file() {
            let var = patch!(env::var);
            var.returns(Ok("/tmp/unit".to_owned()));
            let create_dir_all = patch!(fs::create_dir_all);
            create_dir_all.returns_with(|_| Ok(()));
            let write = patch!(fs::write);
            write.returns_with(|_, _| Ok(()));

            let saved = save("a.bin", b"\x01\x02").unwrap();

            assert_eq!(saved, Path::new("/tmp/unit/a.bin"));
            var.assert_called_once_with(("STORE_DIR",));
            create_dir_all.assert_called_once_with((PathBuf::from("/tmp/unit"),));
            write.assert_called_once_with((PathBuf::from("/tmp/unit/a.bin"), b"\x01\x02"));
        }

        /// Python: `read.side_effect = OSError(..)`: an error the real file
        /// system would rarely give, at the call the test chooses.
        #[test]
        fn an_error_reaches_the_caller_at_the_chosen_call() {
            let read = patch!(fs::read);
            read.returns_with(|path| {
                if path.ends_with("broken") {
                    Err(ErrorKind::PermissionDenied.into())
                } else {
                    Ok(b"ok".to_vec())
                }
            });
            assert_eq!(load(Path::new("/x/fine")).unwrap(), b"ok");
            assert_eq!(
                load(Path::new("/x/broken")).unwrap_err().kind(),
                ErrorKind::PermissionDenied
            );
            assert_eq!(read.call_count(), 2);
        }

        /// Python: `patch('os.remove', wraps=os.remove)`: the real function
        /// runs, and the test asserts on how it was called.
        #[test]
        fn calls_original_runs_std_and_journals_the_call() {
            let dir = std::env::temp_dir().join(format!("autospec-doubles-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join("to-remove");
            std::fs::write(&file, "x").unwrap();

            let remove_file = patch!(fs::remove_file);
            remove_file.calls_original();
            assert!(discard(&file), "the real remove_file ran");
            assert!(!file.exists());
            assert!(!discard(&file), "and fails the second time, as std does");
            remove_file.assert_has_calls([(file.clone(),), (file.clone(),)]);
            std::fs::remove_dir_all(dir).unwrap();
        }

        /// No patch: the double calls std itself.
        #[test]
        fn without_a_patch_the_double_is_the_real_function() {
            let file = std::env::temp_dir().join(format!("autospec-real-{}", std::process::id()));
            std::fs::write(&file, "real bytes").unwrap();
            assert_eq!(load(&file).unwrap(), b"real bytes");
            assert!(exists(&file), "`fs::metadata` is std's own");
            assert!(open(&file).is_ok(), "`fs::File` is std's own");
            std::fs::remove_file(file).unwrap();
        }

        /// Python's patches are seen by every thread; `patch_shared!` is.
        #[test]
        fn a_shared_patch_answers_worker_threads() {
            let var = patch_shared!(env::var);
            var.returns_with(|key| Ok(format!("/shared/{}", key.to_string_lossy())));
            let dirs: Vec<PathBuf> = (0..3)
                .map(|_| std::thread::spawn(data_dir))
                .map(|worker| worker.join().unwrap())
                .collect();
            assert_eq!(dirs, vec![PathBuf::from("/shared/STORE_DIR"); 3]);
            assert_eq!(var.call_count(), 3);
        }

        /// A missing answer names the double as it names any patch.
        #[test]
        fn a_patch_without_an_answer_says_what_to_configure() {
            let _read = patch!(fs::read);
            let message = crate::support::panic_message(|| drop(load(Path::new("/x"))));
            assert_eq!(
                message,
                "patch.read(\"/x\"): no answer is configured and the mock knows no default for `Result<Vec<u8>, Error>`.\n\
                 Configure one with .read.returns(..), .read.returns_with(..) or .read.returns_once(..)."
            );
        }
    }
}

/// Associated functions of a foreign type: `impl SystemTime { fn now() ..}`
/// restated makes a stand-in `SystemTime` whose `now` returns the real type.
mod clock {
    use std::time::Duration;
    #[autospec::double]
    use std::time::{Instant, SystemTime};

    /// Seconds since the epoch.
    pub fn stamp() -> u64 {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs())
    }

    /// Whether `work` took longer than `limit`.
    pub fn too_slow(limit: Duration, work: impl FnOnce()) -> bool {
        let start = Instant::now();
        work();
        Instant::now() - start > limit
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use autospec::patch;

        /// Python: `@patch('clock.datetime')` with `datetime.now.return_value`.
        #[test]
        fn now_is_patched_where_the_code_calls_it() {
            let now = patch!(SystemTime::now);
            now.returns(std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
            assert_eq!(stamp(), 1_700_000_000);
            now.assert_called_once_with(());
        }

        #[test]
        fn instants_follow_a_script() {
            let base = std::time::Instant::now();
            let now = patch!(Instant::now);
            now.returns_each([base, base + Duration::from_secs(3)]);
            assert!(too_slow(Duration::from_secs(2), || {}));
            assert_eq!(now.call_count(), 2);
        }

        #[test]
        fn unpatched_the_stand_in_is_the_real_clock() {
            assert!(stamp() > 1_600_000_000);
            assert!(!too_slow(Duration::from_secs(60), || {}));
        }
    }
}

/// An `unsafe fn` of std: its double is `unsafe` too.
mod text {
    #[autospec::double]
    use std::str as utf8;

    pub fn decode(bytes: &[u8]) -> &str {
        // SAFETY: the callers below pass UTF-8.
        unsafe { utf8::from_utf8_unchecked(bytes) }
    }

    #[test]
    fn an_unsafe_function_is_restated_and_patched() {
        assert_eq!(decode(b"abc"), "abc");
        let unchecked = autospec::patch!(utf8::from_utf8_unchecked);
        unchecked.returns("patched".to_owned());
        assert_eq!(decode(b"abc"), "patched");
        unchecked.assert_called_once_with((b"abc",));
    }
}

/// The forms of `use` that `#[double]` takes: groups, renames, `self`,
/// globs, and an explicit module of doubles.
mod forms {
    #[autospec::double]
    pub use std::{
        env as environment,
        fs::{self, File},
    };

    pub mod glob {
        #[autospec::double]
        pub use std::fs::*;
    }

    pub mod explicit {
        #[autospec::double(crate::doubles)]
        pub use std::time::SystemTime;
    }

    #[test]
    fn every_form_reaches_the_doubles() {
        let read = autospec::patch!(fs::read);
        read.returns_with(|_| Ok(vec![1]));
        assert_eq!(fs::read("a").unwrap(), [1]);
        assert_eq!(glob::read("b").unwrap(), [1]);
        read.assert_has_calls([(std::path::Path::new("a"),), (std::path::Path::new("b"),)]);

        let var = autospec::patch!(environment::var);
        var.returns(Ok("v".into()));
        assert_eq!(environment::var("K").unwrap(), "v");

        let now = autospec::patch!(explicit::SystemTime::now);
        now.returns(std::time::UNIX_EPOCH);
        assert_eq!(explicit::SystemTime::now(), std::time::UNIX_EPOCH);
        assert!(
            File::open("/definitely/not/there").is_err(),
            "`File` is std's"
        );
    }
}

/// `#[autospec]` on an `extern` block: each function becomes a Rust
/// function of the same name that calls the foreign one unless patched.
mod ffi {
    use std::ffi::{c_char, c_int};

    #[autospec::autospec]
    extern "C" {
        /// C's `abs`.
        pub fn abs(x: c_int) -> c_int;
        #[link_name = "strlen"]
        pub fn c_strlen(s: *const c_char) -> usize;
    }

    #[autospec::autospec]
    unsafe extern "C" {
        /// Declared `safe`: callable without `unsafe`, patched alike.
        pub safe fn labs(x: std::ffi::c_long) -> std::ffi::c_long;
    }

    /// Code under test.
    pub fn distance(a: c_int, b: c_int) -> c_int {
        // SAFETY: `abs` has no preconditions.
        unsafe { abs(a - b) }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use autospec::patch;

        #[test]
        fn a_foreign_function_is_real_until_patched() {
            assert_eq!(distance(2, 5), 3);
            let abs = patch!(abs);
            abs.returns(100);
            assert_eq!(distance(2, 5), 100);
            abs.assert_called_once_with((-3,));
            drop(abs);
            assert_eq!(distance(2, 5), 3);
        }

        #[test]
        fn calls_original_reaches_the_foreign_function() {
            let abs = patch!(abs);
            abs.calls_original();
            abs.returns_once(-1);
            assert_eq!(distance(0, 4), -1);
            assert_eq!(distance(0, 4), 4, "the one-shot is used up: C's abs");
            abs.assert_has_calls([(-4,), (-4,)]);
        }

        #[test]
        fn pointers_and_link_names_and_safe_functions() {
            let text = c"four";
            // SAFETY: `text` is a NUL-terminated string.
            assert_eq!(unsafe { c_strlen(text.as_ptr()) }, 4);
            let strlen = patch!(c_strlen);
            strlen.returns(9);
            // SAFETY: as above.
            assert_eq!(unsafe { c_strlen(text.as_ptr()) }, 9);
            strlen.assert_called_once_with((text.as_ptr(),));

            assert_eq!(labs(-7), 7);
            let labs = patch!(labs);
            labs.returns(0);
            assert_eq!(super::labs(-7), 0);
        }
    }
}
