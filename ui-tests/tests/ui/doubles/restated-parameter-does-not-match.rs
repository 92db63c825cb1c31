// `var` takes `impl AsRef<OsStr>`; the restatement says `u32`.
autospec::doubles! {
    mod std::env {
        fn var(key: u32) -> Result<String, VarError>;
    }
}

fn main() {}
