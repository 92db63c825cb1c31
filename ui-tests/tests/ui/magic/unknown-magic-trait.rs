use autospec::autospec;

#[autospec(magic(Display, Ord))]
trait Version {}

fn main() {}
