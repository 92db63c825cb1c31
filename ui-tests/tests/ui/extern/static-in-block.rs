#[autospec::autospec]
extern "C" {
    fn abs(x: i32) -> i32;
    static environ: *const *const u8;
}

fn main() {}
