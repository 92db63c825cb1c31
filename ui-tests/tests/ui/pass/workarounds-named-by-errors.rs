// Every "until it does, ..." hint of an unsupported-shape error names a
// workaround; this case proves that each of them is accepted. The `&dyn Trait`
// hint for generic methods and `impl Trait` arguments is not, see
// unsupported/borrowed-trait-object-argument.rs.
use autospec::prelude::*;
use std::future::Future;
use std::pin::Pin;

// Associated type -> generic parameter of the trait.
#[autospec]
pub trait Keyed<K> {
    fn first(&self) -> Option<K>;
}

#[autospec]
pub trait Store {
    // Associated const -> method.
    fn capacity(&self) -> usize;
    // Method without `self` -> `&self` receiver.
    fn open(&self, path: &str) -> bool;
    // `impl Trait` return -> `Box<dyn Trait>`.
    fn keys(&self) -> Box<dyn Iterator<Item = String>>;
    // `async fn` -> boxed future.
    fn fetch(&self, key: String) -> Pin<Box<dyn Future<Output = Option<String>> + Send>>;
    // `&mut T` return -> owned value.
    fn take(&mut self, key: &str) -> String;
    // Generic method / `impl Trait` argument -> concrete type.
    fn put(&self, key: String);
}

fn main() {
    let keyed = MockKeyed::<u32>::default();
    keyed.first.returns(Some(1));
    assert_eq!(keyed.first(), Some(1));

    let store = MockStore::default();
    store.keys.returns_with(|| Box::new(std::iter::empty()));
    assert_eq!(store.keys().count(), 0);
    store
        .fetch
        .returns_with(|key| Box::pin(async move { Some(key) }));
    let _future = store.fetch("k".to_owned());
    store.fetch.assert_called_with(("k",));
}
