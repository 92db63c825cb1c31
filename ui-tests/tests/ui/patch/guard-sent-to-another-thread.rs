// A patch belongs to the thread that made it: its guard cannot be sent.
mod net {
    #[autospec::autospec]
    pub fn fetch(url: &str) -> String {
        url.to_owned()
    }
}

fn main() {
    let fetch = autospec::patch!(net::fetch);
    std::thread::spawn(move || drop(fetch));
}
