mod net {
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

mod service {
    #[autospec::double]
    use crate::net::fetch;

    pub fn get() -> String {
        fetch("x")
    }
}

fn main() {
    let _ = service::get();
}
