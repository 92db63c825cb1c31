// Every diagnostic that refuses a shape says what to write instead; this case
// proves that each of those workarounds is accepted and works. The comments
// name the refused shape and the case that pins its error.
use autospec::prelude::*;
use std::fmt::Display;

/// Not `Clone`.
#[derive(Debug)]
pub struct Socket;

/// Parameters grouped into a struct (too-many-parameters).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub row: u8,
    pub column: u8,
    pub value: u8,
}

#[autospec]
pub trait Store {
    // `-> impl Clone` -> `Box<dyn Trait>` (unsupported/unknown-impl-trait-return).
    fn label(&self) -> Box<dyn Display>;
    // `-> Option<impl Iterator>` -> `Box<dyn Trait>` there
    // (unsupported/nested-impl-trait-return).
    fn keys(&self) -> Option<Box<dyn Iterator<Item = u8>>>;
    // `fn make<T: Default>` -> `T: 'static` (unsupported/generic-return-not-static).
    fn make<T: Default + 'static>(&self) -> T;
    // `-> Cow<'a, str>` -> an owned value (unsupported/owned-return-keeps-a-borrow).
    fn name(&self, key: &str) -> String;
    // `-> Cow<'a, str>` -> `&T` borrowed from `self`.
    fn title(&self, key: &str) -> &str;
    // `-> &Request<'a>` -> `&T` of a type without borrows
    // (unsupported/borrowed-return-of-a-borrowing-type).
    fn first<'a>(&self, xs: &'a [u8]) -> &'a u8;
    // `-> &mut String` -> an owned value (unsupported/mut-reference-return).
    fn take(&mut self, key: &str) -> String;
    // 17 parameters -> group some into a struct (unsupported/too-many-parameters).
    fn set(&self, cell: Cell) -> bool;
    // Owned non-`Clone` argument -> `#[autospec(skip)]`
    // (journal/owned-argument-without-clone).
    fn serve(&self, #[autospec(skip)] socket: Socket) -> u32;
    // Borrowed non-`Clone` argument -> `#[autospec(skip)]`
    // (journal/borrowed-argument-without-clone).
    fn inspect(&self, #[autospec(skip)] socket: &Socket) -> u32;
}

// A method without `self` or a generic method in a trait with a lifetime
// parameter -> mock it in a trait without lifetime parameters
// (unsupported/method-without-self-in-trait-with-lifetime,
// unsupported/generic-method-in-trait-with-lifetime).
#[autospec]
pub trait Parser<'a> {
    fn parse(&self, text: &'a str) -> u32;
}

#[autospec]
pub trait ParserClass {
    fn version() -> u32;
    fn get<T: Default + 'static>(&self, text: &str) -> T;
}

// An unknown argument -> the accepted ones (attribute/unknown-argument),
// each given once (attribute/duplicate-*).
#[autospec(crate = ::autospec, type Item = u32, const LIMIT: usize = 3)]
pub trait Source {
    type Item;
    const LIMIT: usize;
    fn next(&self) -> Option<Self::Item>;
}

fn main() {
    let store = MockStore::default();
    store.label.returns_with(|| Box::new(7));
    assert_eq!(store.label().to_string(), "7");
    store
        .keys
        .returns_with(|| Some(Box::new([1, 2].into_iter())));
    assert_eq!(store.keys().map(Iterator::count), Some(2));
    store.make.of::<u32>().returns(5);
    assert_eq!(store.make::<u32>(), 5);
    store.name.returns_with(|key| key.to_uppercase());
    assert_eq!(store.name("a"), "A");
    store.title.returns("t".to_owned());
    assert_eq!(store.title("k"), "t");
    store.first.returns(9);
    assert_eq!(*store.first(&[1]), 9);
    store.set.returns(true);
    let cell = Cell {
        row: 1,
        column: 2,
        value: 3,
    };
    assert!(store.set(cell.clone()));
    store.set.assert_called_once_with((cell,));
    store.serve.returns(1);
    store.inspect.returns(2);
    assert_eq!(store.serve(Socket) + store.inspect(&Socket), 3);
    store.serve.assert_called_once_with(("Socket",));
    store.inspect.assert_called_once_with(("Socket",));
    let mut owned = store.clone();
    owned.take.returns("v".to_owned());
    assert_eq!(owned.take("k"), "v");

    let parser = MockParser::default();
    parser.parse.returns(1);
    assert_eq!(parser.parse("x"), 1);
    let class = MockParserClass::class();
    class.version.returns(2);
    assert_eq!(MockParserClass::version(), 2);
    let parser = MockParserClass::default();
    parser.get.of::<u8>().returns(3);
    assert_eq!(parser.get::<u8>("x"), 3);

    let source = MockSource::default();
    source.next.returns(Some(4));
    assert_eq!(source.next(), Some(4));
    assert_eq!(<MockSource as Source>::LIMIT, 3);
}
