// A method call on a real `Instant` reaches the real method: a double can
// only stand in for associated functions.
autospec::doubles! {
    mod std::time {
        impl Instant {
            fn elapsed(&self) -> Duration;
        }
    }
}

fn main() {}
