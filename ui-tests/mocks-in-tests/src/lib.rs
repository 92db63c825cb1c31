//! A checkout that charges a card through a payment gateway and mails a
//! receipt. Its mocks, `MockGateway` and `mail::MockMailer`, exist in every
//! test build of this crate, unit tests and `tests/*.rs` alike, and in no
//! normal build: see `Cargo.toml`.

pub mod mail;

#[cfg_attr(test, autospec::double)]
use mail::Mailer;

/// Why a gateway refused a charge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declined {
    /// The gateway's reason.
    pub reason: String,
}

/// A payment gateway.
#[cfg_attr(feature = "mocks", autospec::autospec)]
pub trait Gateway {
    /// Charges `cents` to `card`; answers the transaction id.
    ///
    /// # Errors
    ///
    /// When the gateway declines the charge.
    fn charge(&self, card: &str, cents: u64) -> Result<String, Declined>;
}

/// Takes payments and mails receipts.
pub struct Checkout {
    gateway: Box<dyn Gateway>,
    mail_host: String,
}

impl Checkout {
    /// A checkout that charges through `gateway` and mails through
    /// `mail_host`.
    pub fn new(gateway: Box<dyn Gateway>, mail_host: &str) -> Self {
        Checkout {
            gateway,
            mail_host: mail_host.to_owned(),
        }
    }

    /// Charges `card`, then mails the receipt to `email`.
    ///
    /// # Errors
    ///
    /// When the gateway declines the charge; no receipt is sent then.
    pub fn pay(&self, email: &str, card: &str, cents: u64) -> Result<String, Declined> {
        let id = self.gateway.charge(card, cents)?;
        let mailer = Mailer::connect(&self.mail_host);
        mailer.send(email, &format!("receipt {id}: {cents} cents"));
        Ok(id)
    }
}

// Unit tests name the crate's items through `super::` (or `crate::`), as
// usual: the self-dependency also puts a second copy of this crate, the
// normal build, in scope as `checkout`, whose items are other types.
#[cfg(test)]
mod tests {
    use super::{Checkout, Declined, MockGateway};
    use crate::mail::MockMailer;

    #[test]
    fn a_payment_is_charged_then_mailed() {
        let gateway = MockGateway::default();
        gateway.charge.returns(Ok("tx-1".to_owned()));
        let mailer = MockMailer::class();

        let checkout = Checkout::new(Box::new(gateway.clone()), "smtp.test");
        assert_eq!(
            checkout.pay("ana@example.com", "4242", 1250),
            Ok("tx-1".to_owned())
        );

        gateway.charge.assert_called_once_with(("4242", 1250));
        mailer.connect.assert_called_once_with(("smtp.test",));
        mailer
            .instance()
            .send
            .assert_called_once_with(("ana@example.com", "receipt tx-1: 1250 cents"));
    }

    #[test]
    fn a_declined_payment_mails_nothing() {
        let gateway = MockGateway::strict();
        let declined = Declined {
            reason: "expired".to_owned(),
        };
        gateway.charge.returns(Err(declined.clone()));
        let mailer = MockMailer::class();

        let checkout = Checkout::new(Box::new(gateway.clone()), "smtp.test");
        assert_eq!(checkout.pay("ana@example.com", "4242", 1250), Err(declined));

        mailer.connect.assert_not_called();
    }
}
