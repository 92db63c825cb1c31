// `patch!` needs the hook that `#[autospec]` adds to a function.
mod net {
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

fn main() {
    let _fetch = autospec::patch!(net::fetch);
}
