use autospec::args;
use autospec::dynamic::NonCallableMock;

fn main() {
    let config = NonCallableMock::new("config");
    config.call(args![]);
}
