//! A service whose code calls `std::fs`, `std::env`, `SystemTime::now` and
//! a third-party crate directly. Its tests patch those functions: the
//! crate root restates them once with `autospec::doubles!`, and the code's
//! `use` lines import the doubles in test builds. No other line of the
//! code under test knows about the tests.

use std::io;
use std::path::Path;

#[cfg(test)]
autospec::doubles! {
    mod std::fs {
        use std::io;
        use std::path::Path;

        fn read<P: AsRef<Path>>(path: P) -> io::Result<Vec<u8>>;
        fn write<P: AsRef<Path>, C: AsRef<[u8]>>(path: P, contents: C) -> io::Result<()>;
    }

    mod std::env {
        fn var<K: AsRef<std::ffi::OsStr>>(key: K) -> Result<String, VarError>;
    }

    mod std::time {
        impl SystemTime {
            fn now() -> SystemTime;
            const UNIX_EPOCH: SystemTime;
        }
    }

    mod third_party {
        fn fetch(url: &str) -> Result<String, String>;
        async fn download(url: &str) -> Vec<u8>;
    }

    mod third_party::clock {
        impl Utc {
            fn now() -> u64;
        }
    }
}

#[cfg_attr(test, autospec::double)]
use std::fs;
#[cfg_attr(test, autospec::double)]
use std::time::SystemTime;
// A third-party crate's functions and types are taken from the doubles by
// naming the module of doubles.
#[cfg_attr(test, autospec::double(crate::doubles))]
use third_party::{clock::Utc, download, fetch};

/// Reads the configuration at `path`; an empty one when there is none.
///
/// # Errors
/// When the file exists but cannot be read.
pub fn load_config(path: &Path) -> io::Result<String> {
    match fs::read(path) {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(String::new()),
        Err(error) => Err(error),
    }
}

/// Writes a stamped copy of `page` into `dir`.
///
/// # Errors
/// When the page cannot be fetched or the file cannot be written.
pub fn archive(page: &str, dir: &Path) -> io::Result<u64> {
    let body = fetch(page).map_err(io::Error::other)?;
    let stamp = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    fs::write(dir.join(format!("{stamp}.html")), body)?;
    Ok(stamp)
}

/// Whether the third-party clock and the system clock agree to the second.
pub fn clocks_agree() -> bool {
    let system = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    Utc::now().abs_diff(system) <= 1
}

/// The size of a download, or 0 when the variable `OFFLINE` is set.
pub async fn download_size(url: &str) -> usize {
    #[cfg_attr(test, autospec::double)]
    use std::env;
    if env::var("OFFLINE").is_ok() {
        return 0;
    }
    download(url).await.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use autospec::patch;
    use std::path::PathBuf;
    use std::time::{Duration, UNIX_EPOCH};

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        let mut future = std::pin::pin!(future);
        loop {
            if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    #[test]
    fn a_missing_config_file_is_an_empty_config() {
        let read = patch!(fs::read);
        read.returns_with(|_| Err(io::ErrorKind::NotFound.into()));
        assert_eq!(load_config(Path::new("/etc/app.toml")).unwrap(), "");
        read.assert_called_once_with((Path::new("/etc/app.toml"),));
    }

    #[test]
    fn archive_fetches_stamps_and_writes() {
        let fetch = patch!(fetch);
        fetch.returns(Ok("<p>hi</p>".to_owned()));
        let now = patch!(SystemTime::now);
        now.returns(UNIX_EPOCH + Duration::from_secs(42));
        let write = patch!(fs::write);
        write.returns_with(|_, _| Ok(()));

        assert_eq!(archive("http://x", Path::new("/arch")).unwrap(), 42);

        fetch.assert_called_once_with(("http://x",));
        write.assert_called_once_with((PathBuf::from("/arch/42.html"), b"<p>hi</p>"));
    }

    #[test]
    fn a_third_party_failure_stops_the_archive() {
        let fetch = patch!(fetch);
        fetch.returns(Err("timeout".to_owned()));
        let write = patch!(fs::write);
        assert_eq!(
            archive("http://x", Path::new("/arch"))
                .unwrap_err()
                .to_string(),
            "timeout"
        );
        write.assert_not_called();
    }

    #[test]
    fn an_associated_function_of_a_third_party_type() {
        {
            let utc = patch!(Utc::now);
            utc.returns(0);
            assert!(!clocks_agree());
        }
        let utc = patch!(Utc::now);
        utc.calls_original();
        assert!(clocks_agree());
        utc.assert_called_once_with(());
    }

    #[test]
    fn an_async_function_of_a_third_party_crate() {
        let download = patch!(download);
        download.returns(vec![0; 7]);
        assert_eq!(block_on(download_size("http://big")), 7);
        download.assert_awaited_once_with(("http://big",));
    }
}
