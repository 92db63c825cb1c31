//! Shapes from mockall's own test suite that a sweep of it, restated for
//! autospec, found failing: each family is written here in our words, and
//! each test configures the mock, calls it, and asserts on what it answered
//! and journaled.

// The real impl blocks restate mockall's shapes; the tests use their mocks.
#![allow(dead_code, clippy::unnecessary_wraps, clippy::unused_self)]

use autospec::prelude::*;

/// `Self::Item` inside the bound of a method's type parameter: in a
/// callback's signature and in any other bound.
mod associated_types_in_method_bounds {
    use super::*;

    #[autospec(type Item = u32)]
    pub trait Filter {
        type Item;
        fn keep<P: Fn(&Self::Item) -> bool + Send + 'static>(&self, predicate: P) -> usize;
        fn count<P: Fn(&Self::Item) -> bool>(&self, predicate: P) -> usize;
        fn convert<T: From<Self::Item> + 'static>(&self, value: T) -> bool;
    }

    #[autospec]
    pub trait Source {
        type Item;
        fn first<P: FnMut(&Self::Item) -> bool>(&self, predicate: P) -> Option<Self::Item>;
    }

    #[test]
    fn a_kept_callback_reaches_returns_with_with_the_fixed_type() {
        let filter = MockFilter::default();
        filter
            .keep
            .returns_with(|predicate| [1u32, 2, 3].iter().filter(|n| predicate(n)).count());
        assert_eq!(filter.keep(|n| *n > 1), 2);
        filter.keep.assert_called_once();
    }

    #[test]
    fn a_borrowed_callback_reaches_returns_with_with_the_fixed_type() {
        let filter = MockFilter::default();
        filter
            .count
            .returns_with(|predicate| (0u32..10).filter(|n| predicate(n)).count());
        assert_eq!(filter.count(|n| n % 2 == 0), 5);
    }

    #[test]
    fn a_generic_bound_naming_the_associated_type_is_configured_per_type() {
        let filter = MockFilter::default();
        filter.convert.of::<u64>().returns(true);
        assert!(filter.convert(7u64));
        assert!(!filter.convert(7i64));
        filter.convert.of::<u64>().assert_called_once_with((7u64,));
        assert_eq!(filter.convert.call_count(), 2);
        // A written call names the instantiation with its type arguments.
        assert_called!(filter.convert::<u64>(7));
        assert_in_order!(filter.convert::<u64>(_), filter.convert::<i64>(_));
    }

    #[test]
    fn an_unfixed_associated_type_is_a_parameter_of_the_mock() {
        let source = MockSource::<String>::default();
        source.first.returns_with(|predicate| {
            ["a", "bb"]
                .map(String::from)
                .into_iter()
                .find(|s| predicate(s))
        });
        assert_eq!(source.first(|s| s.len() == 2).as_deref(), Some("bb"));
    }
}

/// `T: ?Sized + 'static` type parameters of a generic method: the
/// argument cannot be kept as a `T`, so it is journaled as text, in the
/// child mock of each instantiation too.
mod unsized_type_parameters {
    use super::*;
    use std::fmt::Debug;

    #[autospec]
    pub trait Sink {
        fn boxed<T: ?Sized + Debug + 'static>(&self, value: Box<T>) -> usize;
        fn borrowed<T: ?Sized + Debug + 'static>(&self, value: &T) -> usize;
    }

    #[test]
    fn a_boxed_unsized_argument_is_answered_per_type_and_journaled_as_text() {
        let sink = MockSink::default();
        sink.boxed.of::<str>().returns(3);
        sink.boxed
            .of::<[u8]>()
            .returns_with(|value| value.len() * 10);
        assert_eq!(sink.boxed::<str>("abc".into()), 3);
        assert_eq!(sink.boxed::<[u8]>(vec![1u8, 2].into_boxed_slice()), 20);
        // Journaled as the `Debug` text of the `str`, quotes included.
        sink.boxed
            .of::<str>()
            .assert_called_once_with((r#""abc""#,));
        assert_eq!(sink.boxed.call_count(), 2);
        assert_eq!(
            sink.mock_calls(),
            [call!(boxed::<str>("abc")), call!(boxed::<[u8]>([1, 2]))]
        );
    }

    #[test]
    fn a_borrowed_unsized_argument_is_answered_per_type() {
        let sink = MockSink::default();
        sink.borrowed.of::<str>().returns_with(str::len);
        assert_eq!(sink.borrowed::<str>("four"), 4);
        assert_eq!(sink.borrowed::<[u8]>(&[1, 2, 3]), 0);
        sink.borrowed
            .of::<str>()
            .assert_called_once_with((r#""four""#,));
        sink.borrowed
            .of::<[u8]>()
            .assert_called_once_with(("[1, 2, 3]",));
    }
}

/// A specializing method: a method of a generic trait whose `where` clause
/// bounds the trait's own type parameter further. The mock exists for
/// every type; the method is there where the bound holds.
mod specializing_methods {
    use super::*;

    /// A type that needs the bound the method adds.
    #[derive(Debug, PartialEq)]
    pub struct Padded<T: Default + Copy>(pub T, pub T);

    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct NoDefault(pub u32);

    #[autospec]
    pub trait Maker<T: Copy + std::fmt::Debug + 'static> {
        fn pad(&self, value: T) -> Padded<T>
        where
            T: Default;
        fn fill(&self, cell: Padded<T>) -> bool
        where
            T: Default;
        fn fresh(&self) -> T
        where
            T: Default;
        fn same(&self, value: T) -> T;
    }

    /// The same with `T: Send`: arguments of type `T` are journaled typed.
    #[autospec]
    pub trait SendMaker<T: Copy + Send + 'static> {
        fn pad(&self, value: T) -> Padded<T>
        where
            T: Default;
    }

    #[test]
    fn a_send_parameter_is_journaled_typed() {
        let maker = MockSendMaker::<u16>::default();
        maker.pad.returns_with(|value| Padded(value, 1));
        assert_eq!(maker.pad(3), Padded(3, 1));
        maker.pad.assert_called_once_with((3,));
        let shared = maker.clone();
        let other = std::thread::spawn(move || shared.pad(5).0).join().unwrap();
        assert_eq!((other, maker.pad.call_count()), (5, 2));
    }

    #[test]
    fn a_type_that_needs_the_bound_is_answered_and_journaled() {
        let maker = MockMaker::<u32>::default();
        maker.pad.returns_with(|value| Padded(value, 0));
        maker.fill.returns(true);
        assert_eq!(maker.pad(4), Padded(4, 0));
        assert!(maker.fill(Padded(1, 2)));
        // `T` is not bounded by `Send`: its arguments are journaled as text.
        maker.pad.assert_called_once_with(("4",));
        maker.fill.assert_called_once_with(("Padded(1, 2)",));
        assert_eq!(
            maker.mock_calls(),
            [call!(pad(4)), call!(fill(Padded(1, 2)))]
        );
    }

    #[test]
    fn an_unconfigured_call_answers_the_default_the_bound_provides() {
        let maker = MockMaker::<u32>::default();
        assert_eq!(maker.fresh(), 0);
        assert_eq!(maker.pad.call_count() + maker.fresh.call_count(), 1);
    }

    #[test]
    fn the_mock_exists_for_a_type_without_the_bound() {
        let maker = MockMaker::<NoDefault>::default();
        maker.same.returns(NoDefault(9));
        assert_eq!(maker.same(NoDefault(1)), NoDefault(9));
        maker.same.assert_called_once_with((NoDefault(1),));
    }

    #[test]
    fn clones_share_the_specialized_child_mock() {
        let maker = MockMaker::<u8>::default();
        let clone = maker.clone();
        maker.pad.returns_with(|value| Padded(value, value));
        assert_eq!(clone.pad(2), Padded(2, 2));
        maker.pad.assert_called_once_with(("2",));
        maker.reset_mock();
        clone.pad.assert_not_called();
    }
}

/// Impl blocks of a type with an elided lifetime, `impl Parser<'_>`: the
/// mock has the lifetime parameter the type has.
mod elided_lifetimes {
    use super::*;

    pub struct Parser<'a> {
        input: &'a str,
    }

    #[autospec]
    impl Parser<'_> {
        pub fn remaining(&self) -> usize {
            self.input.len()
        }
    }

    pub trait Named {
        fn name(&self) -> String;
    }

    pub struct Label<'a>(&'a str);

    #[autospec]
    impl Named for Label<'_> {
        fn name(&self) -> String {
            self.0.to_owned()
        }
    }

    #[test]
    fn the_mock_of_an_elided_lifetime_block_takes_the_lifetime() {
        let input = String::from("abc");
        let real = Parser { input: &input };
        assert_eq!(real.remaining(), 3);
        let parser: MockParser<'_> = MockParser::default();
        parser.remaining.returns(7);
        assert_eq!(parser.remaining(), 7);
        parser.remaining.assert_called_once();
    }

    #[test]
    fn the_mock_of_an_elided_lifetime_trait_impl_implements_the_trait() {
        assert_eq!(Label("real").name(), "real");
        let label: MockLabel<'static> = MockLabel::default();
        label.name.returns("mocked".to_owned());
        let named: &dyn Named = &label;
        assert_eq!(named.name(), "mocked");
        label.name.assert_called_once();
    }
}

/// An impl block whose methods return its own type by name (`-> Plain`,
/// `-> Factory<U>`) rather than `Self`: the mock answers with a mock, as
/// for `Self`.
mod own_type_by_name {
    use super::*;

    pub struct Plain {
        id: u32,
    }

    #[autospec]
    impl Plain {
        pub fn open(id: u32) -> Plain {
            Plain { id }
        }

        pub fn id(&self) -> u32 {
            self.id
        }

        pub fn twin(&self) -> Option<Plain> {
            Some(Plain { id: self.id })
        }
    }

    pub struct Factory<T>(std::marker::PhantomData<T>);

    #[autospec]
    impl<T: Default + 'static> Factory<T> {
        pub fn convert<U: Default + 'static>(&self) -> Factory<U> {
            Factory(std::marker::PhantomData)
        }
    }

    #[test]
    fn a_constructor_naming_the_type_answers_with_the_mock() {
        assert_eq!(Plain::open(3).id(), 3);
        let class = MockPlain::class();
        let instance = MockPlain::default();
        instance.id.returns(9);
        class.open.returns_once(instance);
        let opened: MockPlain = MockPlain::open(1);
        assert_eq!(opened.id(), 9);
        class.open.assert_called_once_with((1,));
    }

    #[test]
    fn an_unconfigured_constructor_naming_the_type_hands_out_the_instance() {
        let class = MockPlain::class();
        class.instance().id.returns(4);
        assert_eq!(MockPlain::open(1).id(), 4);
        class.instance().id.assert_called_once();
    }

    #[test]
    fn a_method_returning_the_type_inside_another_answers_with_a_mock() {
        let plain = MockPlain::default();
        let twin = MockPlain::default();
        twin.id.returns(2);
        plain.twin.returns_once(Some(twin));
        assert_eq!(plain.twin().map(|twin| twin.id()), Some(2));
    }

    #[test]
    fn other_type_arguments_name_the_mock_with_them() {
        let factory = MockFactory::<u8>::default();
        factory
            .convert
            .of::<String>()
            .returns_with(MockFactory::<String>::default);
        let converted: MockFactory<String> = factory.convert::<String>();
        factory.convert.of::<String>().assert_called_once();
        drop(converted);
    }
}

/// `#[autospec]` on `impl Trait for Type` where the trait's callbacks name
/// its associated type (`Fn(&Self::Item) -> bool`).
mod trait_impl_with_associated_types_in_bounds {
    use super::*;

    pub trait Search {
        type Item;
        fn remove_if<P>(&mut self, predicate: P) -> Vec<Self::Item>
        where
            P: Fn(&Self::Item) -> bool + 'static;
    }

    pub struct Numbers(Vec<u32>);

    #[autospec]
    impl Search for Numbers {
        type Item = u32;
        fn remove_if<P>(&mut self, predicate: P) -> Vec<u32>
        where
            P: Fn(&Self::Item) -> bool + 'static,
        {
            let (removed, kept) = self.0.iter().partition(|n| predicate(n));
            self.0 = kept;
            removed
        }
    }

    #[test]
    fn the_callback_reaches_the_answer_with_the_impl_type() {
        assert_eq!(Numbers(vec![1, 5, 2]).remove_if(|n| *n > 1), [5, 2]);
        let mut numbers = MockNumbers::default();
        numbers
            .remove_if
            .returns_with(|predicate| [1u32, 7].into_iter().filter(|n| predicate(n)).collect());
        assert_eq!(numbers.remove_if(|n| *n > 3), [7]);
        numbers.remove_if.assert_called_once();
    }
}

/// Calls of a generic method made before the test asks for their
/// instantiation (`of::<T>()`, after the code ran, as arrange/act/assert
/// has it) keep their arguments typed, so assertions compare values even
/// where the bounds give no `Debug` text to compare.
mod generic_calls_before_their_instantiation {
    use super::*;

    #[derive(Debug, PartialEq)]
    pub struct Token(pub u8);

    #[autospec]
    pub trait Sink {
        fn put<T: 'static>(&self, value: T) -> usize;
        fn put_ref<T: Clone + 'static>(&self, value: &T);
    }

    #[test]
    fn a_value_passed_before_of_is_compared_as_a_value() {
        let sink = MockSink::default();
        assert_eq!(sink.put(5u32), 0);
        sink.put(Token(7));
        sink.put_ref(&String::from("k"));
        sink.put.of::<u32>().assert_called_once_with((5u32,));
        sink.put.of::<Token>().assert_called_once_with((Token(7),));
        sink.put_ref.of::<String>().assert_called_once_with(("k",));
        let (value,) = sink.put.of::<u32>().call_args().unwrap();
        assert_eq!(value.value(), Some(5));
    }

    #[test]
    fn a_call_from_another_thread_before_of_keeps_its_text() {
        let sink = MockSink::default();
        let shared = sink.clone();
        std::thread::spawn(move || shared.put(5u32)).join().unwrap();
        // Only the text could be kept for another thread, and without a
        // `Debug` bound that is the type's name.
        let (value,) = sink.put.of::<u32>().call_args().unwrap();
        assert_eq!((value.value(), value.text()), (None, "u32"));
    }
}
