use autospec::autospec;

#[autospec(magic(Iterator))]
trait Ids {}

fn main() {}
