//! `tests/` as the first dependent of the library: code written against the
//! real `Mailer`, tested with `MockMailer` swapped in by `double`.

mod newsletter {
    #[autospec::double]
    use checkout::mail::Mailer;

    /// Mails `text` to every address; how many the server took.
    pub fn send_all(host: &str, addresses: &[&str], text: &str) -> usize {
        let mailer = Mailer::connect(host);
        addresses.iter().filter(|to| mailer.send(to, text)).count()
    }
}

use checkout::mail::MockMailer;

#[test]
fn the_impl_block_mock_reaches_integration_tests() {
    let mailer = MockMailer::class();
    mailer.instance().send.returns_each([true, false, true]);

    let sent = newsletter::send_all("smtp.test", &["a@x", "b@x", "c@x"], "hi");

    assert_eq!(sent, 2);
    mailer.connect.assert_called_once_with(("smtp.test",));
    mailer
        .instance()
        .send
        .assert_has_calls([("a@x", "hi"), ("b@x", "hi"), ("c@x", "hi")]);
}
