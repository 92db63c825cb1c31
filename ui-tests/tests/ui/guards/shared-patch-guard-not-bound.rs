// A `patch_shared!` guard that no binding keeps is undone at once.
#![deny(unused_must_use)]

mod net {
    #[autospec::autospec]
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

fn main() {
    autospec::patch_shared!(net::fetch);
}
