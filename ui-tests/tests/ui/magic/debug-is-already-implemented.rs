use autospec::autospec;

#[autospec(magic(Debug))]
trait Version {}

fn main() {}
