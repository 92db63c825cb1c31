use autospec::prelude::*;

#[autospec]
pub trait Printer {
    unsafe extern "C" fn print(&self, format: *const u8, ...);
}

fn main() {}
