//! An integration test: this crate is built normally here (`cfg(test)` is
//! off in it), and still has its mocks, because every test build turns the
//! `mocks` feature on.

use autospec::prelude::*;
use checkout::{Checkout, Declined, MockGateway};

#[test]
fn the_gateway_mock_reaches_integration_tests() {
    let gateway = MockGateway::default();
    gateway.charge.returns_each([
        Ok("tx-1".to_owned()),
        Err(Declined {
            reason: "limit".to_owned(),
        }),
    ]);

    // The real `Mailer` sends here: `double` swaps it in unit tests only.
    let checkout = Checkout::new(Box::new(gateway.clone()), "smtp.test");
    assert_eq!(
        checkout.pay("ana@example.com", "4242", 500),
        Ok("tx-1".to_owned())
    );
    assert!(checkout.pay("ana@example.com", "4242", 900).is_err());

    gateway
        .charge
        .assert_has_calls([("4242", 500), ("4242", 900)]);
    assert_eq!(
        gateway.mock_calls(),
        [call!(charge("4242", 500)), call!(charge("4242", 900))]
    );
}
