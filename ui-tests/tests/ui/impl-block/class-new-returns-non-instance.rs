// `class.new` answers with instances of the mock, not of the real type.
pub struct Client;

#[autospec::autospec]
impl Client {
    pub fn new() -> Self {
        Client
    }
}

fn main() {
    let class = MockClient::class();
    class.new.returns(Client);
}
