// An argument type without `Clone` (owned, borrowed, or converted from an
// `impl Into<T>` or `impl IntoIterator<Item = T>`) is journaled as text:
// its Debug, else its type name. No error, no attribute needed.
use autospec::prelude::*;

#[derive(Debug)]
pub struct Token(u32);

pub struct Secret;

#[autospec]
pub trait Auth {
    fn check(&self, token: Token) -> bool;
    fn peek(&self, token: &Token, secret: &Secret) -> bool;
    fn convert(&self, token: impl Into<Token>, all: impl IntoIterator<Item = Token>);
}

impl From<u32> for Token {
    fn from(n: u32) -> Self {
        Token(n)
    }
}

fn main() {
    let auth = MockAuth::default();
    auth.check.returns(true);
    assert!(auth.check(Token(7)));
    assert!(!auth.peek(&Token(8), &Secret));
    auth.convert(9u32, [Token(1)]);
    assert_eq!(auth.check.call_count(), 1);
    assert_eq!(
        format!("{:?}", auth.mock_calls()),
        "[check(Token(7)) -> true, peek(Token(8), Secret) -> false, convert(Token(9), [Token(1)])]"
    );
}
