// `patch!` works for a function whose arguments are not `Send`; a patch
// for every thread cannot.
use std::rc::Rc;

mod net {
    #[autospec::autospec]
    pub fn count(items: std::rc::Rc<Vec<u8>>) -> usize {
        items.len()
    }
}

fn main() {
    let local = autospec::patch!(net::count);
    local.returns(3);
    assert_eq!(net::count(Rc::new(vec![])), 3);
    drop(local);
    let _shared = autospec::patch_shared!(net::count);
}
