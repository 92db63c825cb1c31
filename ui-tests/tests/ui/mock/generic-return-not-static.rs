// A foreign trait whose method returns a type parameter without `'static`:
// the restatement cannot add the bound, so the message must not ask for it.
mod foreign {
    pub trait Factory {
        fn make<T: Default>(&self) -> T;
    }
}

autospec::mock! {
    pub MockFactory: foreign::Factory {
        fn make<T: Default>(&self) -> T;
    }
}

fn main() {}
