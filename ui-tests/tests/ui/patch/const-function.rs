// A `const fn` cannot consult a patch at run time.
#[autospec::autospec]
pub const fn limit() -> u32 {
    10
}

fn main() {
    let _ = limit();
}
