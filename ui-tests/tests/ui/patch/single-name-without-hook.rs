// `patch!` of a function in scope by its name alone, without a hook.
pub fn fetch(url: &str) -> String {
    url.to_owned()
}

fn main() {
    let _fetch = autospec::patch!(fetch);
}
