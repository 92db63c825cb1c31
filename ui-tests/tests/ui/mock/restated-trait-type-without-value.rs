// A further trait's associated type needs the type the mock gives it.
pub trait Named {
    fn name(&self) -> String;
}

autospec::mock! {
    pub MockNamed: Named {
        fn name(&self) -> String;
    }
    impl Iterator {
        type Item;
        fn next(&mut self) -> Option<u8>;
    }
}

fn main() {}
