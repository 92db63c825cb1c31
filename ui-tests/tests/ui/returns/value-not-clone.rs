// `returns(v)` answers every call with a clone of `v`.
use autospec::prelude::*;

#[derive(Debug, Default)]
pub struct Report(String);

#[autospec]
pub trait Reports {
    fn latest(&self) -> Report;
}

fn main() {
    let reports = MockReports::default();
    reports.latest.returns(Report("r".into()));
}
