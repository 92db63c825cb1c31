// One mock has one field per method name, so two traits cannot both
// contribute a method of the same name.
pub trait Left {
    fn name(&self) -> String;
}

pub trait Right {
    fn name(&self) -> String;
}

autospec::mock! {
    pub MockBoth: Left {
        fn name(&self) -> String;
    }
    impl Right {
        fn name(&self) -> String;
    }
}

fn main() {}
