// A single name, imported, takes the plain route: rustc's own error says
// that the name is not a type (see docs/patching.md).
mod net {
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

use net::fetch;

fn main() {
    let _fetch = autospec::patch!(fetch);
}
