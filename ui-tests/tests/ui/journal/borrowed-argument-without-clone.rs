// A `&T` argument is journaled as its owned form (`T::to_owned()`), so `T`
// must be `Clone` (or `ToOwned`); the error must point at the parameter's type.
use autospec::prelude::*;

pub struct Socket;

#[autospec]
pub trait Server {
    fn serve(&self, socket: &Socket);
}

fn main() {}
