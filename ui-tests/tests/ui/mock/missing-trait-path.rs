autospec::mock! {
    pub MockReader {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
    }
}

fn main() {}
