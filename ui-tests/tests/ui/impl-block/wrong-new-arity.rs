// The mock's constructor has the real one's signature.
pub struct Client;

#[autospec::autospec]
impl Client {
    pub fn new(url: &str, retries: u32) -> Self {
        let _ = (url, retries);
        Client
    }
}

fn main() {
    let _class = MockClient::class();
    let _client = MockClient::new("http://x");
}
