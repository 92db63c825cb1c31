// A function of another crate has no hook: `doubles!` restates it.
fn main() {
    let _var = autospec::patch!(std::env::var);
}
