// `patch_shared!(Type::method)` needs `#[autospec(patchable)]` on the impl block.
pub struct Account;

impl Account {
    pub fn balance(&self) -> u64 {
        10
    }
}

fn main() {
    let _balance = autospec::patch_shared!(Account::balance);
}
