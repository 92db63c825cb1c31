// A trait impl whose method returns a type parameter without `'static`:
// the impl cannot add the bound, so the message must not ask for it.
pub trait Factory {
    fn make<T: Default>(&self) -> T;
}

pub struct Real;

#[autospec::autospec]
impl Factory for Real {
    fn make<T: Default>(&self) -> T {
        T::default()
    }
}

fn main() {}
