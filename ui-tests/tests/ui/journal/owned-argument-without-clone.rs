// The journal keeps a copy of every argument taken by value, so such a
// parameter must be `Clone`; the error must point at the parameter's type.
use autospec::prelude::*;

pub struct Socket;

#[autospec]
pub trait Server {
    fn serve(&self, socket: Socket);
}

fn main() {}
