// `returns_with` takes a closure of the method's own parameters.
use autospec::prelude::*;

#[autospec]
pub trait Prices {
    fn price(&self, item: &str, quantity: u32) -> u64;
}

fn main() {
    let prices = MockPrices::default();
    prices.price.returns_with(|item| item.len() as u64);
}
