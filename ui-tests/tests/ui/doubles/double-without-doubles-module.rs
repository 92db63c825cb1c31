// `#[double]` on `use std::fs;` looks for `crate::doubles::std::fs`,
// which `autospec::doubles!` at the crate root makes.
mod service {
    #[autospec::double]
    use std::fs;

    pub fn size() -> usize {
        fs::read("x").map_or(0, |bytes| bytes.len())
    }
}

fn main() {
    let _ = service::size();
}
