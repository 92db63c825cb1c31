// Only `#[async_trait]` (and doc comments) mean something on a restated trait.
pub trait Clock {
    fn now(&self) -> u64;
}

autospec::mock! {
    #[derive(PartialEq)]
    pub MockClock: Clock {
        fn now(&self) -> u64;
    }
}

fn main() {}
