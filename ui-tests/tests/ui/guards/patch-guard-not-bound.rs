// A `patch!` guard that no binding keeps is undone at the end of its
// statement: the call below would run the real function.
#![deny(unused_must_use)]

mod net {
    #[autospec::autospec]
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

fn main() {
    autospec::patch!(net::fetch);
    let _ = net::fetch("/x");
}
