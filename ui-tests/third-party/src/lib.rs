//! Stands in for a third-party crate (an HTTP client, a clock): its
//! functions carry no `#[autospec]`, and its dependents' tests patch them
//! through doubles restated with `autospec::doubles!`.

/// Fetches a page. The real one would go to the network.
///
/// # Errors
/// When the URL is not `http`.
pub fn fetch(url: &str) -> Result<String, String> {
    if url.starts_with("http") {
        Ok(format!("<html>{url}</html>"))
    } else {
        Err(format!("unsupported URL {url}"))
    }
}

/// Downloads a file. The real one would wait on the network.
pub async fn download(url: &str) -> Vec<u8> {
    std::future::ready(url.as_bytes().to_vec()).await
}

/// Time, as the crate sees it.
pub mod clock {
    /// The crate's clock.
    #[derive(Debug)]
    pub struct Utc;

    impl Utc {
        /// Seconds since the epoch.
        pub fn now() -> u64 {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |since| since.as_secs())
        }
    }
}
