// `#[autospec]` refuses generic associated types and suggests `mock!`;
// this is what a user who follows that suggestion gets.
pub trait Lending {
    type Item<'a>
    where
        Self: 'a;
    fn next(&mut self) -> Option<Self::Item<'_>>;
}

autospec::mock! {
    pub MockLending: Lending {
        type Item<'a> = &'a str where Self: 'a;
        fn next(&mut self) -> Option<&str>;
    }
}

fn main() {}
