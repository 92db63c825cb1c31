// `#[double]` imports `MockClient` in test builds: `Client` needs a mock.
mod net {
    pub struct Client;
}

#[autospec::double]
use net::Client;

fn main() {
    let _ = Client;
}
