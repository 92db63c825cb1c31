// `mock!` checks the restated methods like `#[autospec]` does, and reports
// on the restated tokens.
autospec::mock! {
    pub MockCounter: Counter {
        fn slot(&mut self) -> Result<&mut u32, String>;
    }
}

pub trait Counter {
    fn slot(&mut self) -> Result<&mut u32, String>;
}

fn main() {}
