// `patch_shared!` needs the hook as `patch!` does, and says only that.
mod net {
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

fn main() {
    let _fetch = autospec::patch_shared!(net::fetch);
}
