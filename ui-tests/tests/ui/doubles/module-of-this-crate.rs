// A function of this crate takes `#[autospec]` itself.
autospec::doubles! {
    mod crate::net {
        fn fetch(url: &str) -> String;
    }
}

fn main() {}
