// Every mock is `Clone` already: a clone is a handle to the same mock.
autospec::mock! {
    pub MockCloned: Clone {
        fn clone(&self) -> Self;
    }
}

fn main() {}
