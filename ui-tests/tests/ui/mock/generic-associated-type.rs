// A generic associated type restated in `mock!` needs the type the mock
// gives it, as an impl would.
pub trait Lending {
    type Item<'a>
    where
        Self: 'a;
    fn next(&mut self) -> Option<Self::Item<'_>>;
}

autospec::mock! {
    pub MockLending: Lending {
        type Item<'a> where Self: 'a;
        fn next(&mut self) -> Option<Self::Item<'_>>;
    }
}

fn main() {}
