use autospec::prelude::*;

fn main() {
    assert_called!(push(1));
}
