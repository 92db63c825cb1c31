autospec::doubles! {
    mod std::fs {
        fn raed(path: &str) -> std::io::Result<Vec<u8>>;
    }
}

fn main() {}
