#[autospec::autospec]
extern "C" {
    fn printf(format: *const u8, ...) -> i32;
}

fn main() {}
