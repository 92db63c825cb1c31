// `read` returns `io::Result<Vec<u8>>`; the restatement says `Vec<u8>`.
autospec::doubles! {
    mod std::fs {
        fn read(path: &str) -> Vec<u8>;
    }
}

fn main() {}
