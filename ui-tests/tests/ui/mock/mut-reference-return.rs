// `mock!` checks the restated methods like `#[autospec]` does, and reports
// on the restated tokens.
autospec::mock! {
    pub MockCounter: Counter {
        fn slot(&mut self) -> &mut u32;
    }
}

pub trait Counter {
    fn slot(&mut self) -> &mut u32;
}

fn main() {}
