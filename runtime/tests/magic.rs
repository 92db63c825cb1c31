//! `#[autospec(magic(..))]`: each std trait on a mock, with its `MagicMock`
//! default and with a configured answer; the file mock (`MockFile`)
//! driving real `std::io` consumers; the dynamic mocks.

// Mocks hash by identity, which their interior mutability never changes.
#![allow(clippy::mutable_key_type)]

use autospec::magic::MockRef;
use autospec::prelude::*;
use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

mod support;
use support::panic_message;

/// A trait of its own, plus nearly every magic trait.
#[autospec(magic(
    Display,
    PartialEq,
    Eq,
    PartialOrd,
    Hash,
    Iterator<Item = u32>,
    Index<usize, Output = String>,
    Add<i64>,
    Sub<i64, Output = i64>,
    Neg,
    Not<Output = bool>,
    AddAssign<i64>,
    Read,
    Write,
    BufRead,
    Seek,
    AsRef<Path>,
    From<u8>,
))]
pub trait Resource {
    /// Collides with `Read::read` by name: the two must not meet.
    fn read(&self, key: &str) -> u32;
    /// Collides with `Display::fmt`/`Debug::fmt` by name.
    fn fmt(&self) -> String;
}

#[test]
fn display_defaults_to_the_name_and_answers_when_configured() {
    let mock = MockResource::default();
    assert_eq!(mock.to_string(), "MockResource");
    assert_eq!(format!("[{mock:>14}]"), "[  MockResource]");
    mock.magic.display.fmt.returns("configured".into());
    assert_eq!(mock.to_string(), "configured");
    mock.magic.display.fmt.assert_called();
    assert_eq!(mock.magic.display.fmt.call_count(), 3);
}

#[test]
fn methods_named_like_magic_ones_stay_apart() {
    let mut mock = MockResource::default();
    mock.read.returns(7);
    mock.fmt.returns("mine".into());
    assert_eq!(Resource::read(&mock, "k"), 7);
    assert_eq!(Resource::fmt(&mock), "mine");
    assert_eq!(mock.to_string(), "MockResource");
    assert_eq!(Read::read(&mut mock, &mut [0; 3]).unwrap(), 0);
    mock.read.assert_called_once_with(("k",));
    mock.magic.read.read.assert_called_once_with((3,));
    assert_eq!(
        mock.mock_calls(),
        [
            call!(read("k")),
            call!(fmt()),
            call!(magic.display.fmt()),
            call!(magic.read.read(3)),
        ]
    );
    assert!(format!("{mock:?}").starts_with("MockResource {"));
}

#[test]
fn equality_and_hash_go_by_identity() {
    let (a, b) = (MockResource::default(), MockResource::default());
    assert_eq!(a, a.clone());
    assert_ne!(a, b);
    let set: HashSet<MockResource> = [a.clone(), a.clone(), b.clone()].into();
    assert_eq!(set.len(), 2);
    a.magic.partial_eq.eq.assert_any_call((a.clone(),));
    a.magic.partial_eq.eq.assert_any_call((b.clone(),));
    assert!(a
        .mock_calls()
        .contains(&call!(magic.partial_eq.eq(MockRef::of(&b)))));
}

#[test]
fn equality_and_hash_answer_when_configured() {
    let (a, b) = (MockResource::default(), MockResource::default());
    a.magic
        .partial_eq
        .eq
        .returns_with(|other| other.name() == "MockResource");
    assert_eq!(a, b);
    assert_ne!(b, a, "each mock answers for itself");
    b.magic.partial_eq.eq.returns(true);
    a.magic.hash.hash.returns(1);
    b.magic.hash.hash.returns(1);
    let mut map = HashMap::new();
    map.insert(a.clone(), "first");
    map.insert(b.clone(), "second"); // equal and same hash: replaces
    assert_eq!(map.len(), 1);
    assert_eq!(map[&a], "second");
}

#[test]
fn partial_cmp_defaults_to_none_and_answers_when_configured() {
    let (a, b) = (MockResource::default(), MockResource::default());
    // `Iterator` has a `partial_cmp` too: name the trait.
    assert_eq!(PartialOrd::partial_cmp(&a, &b), None);
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // the point: unordered
    let unordered = !(a < b) && !(a > b) && !(a <= b);
    assert!(unordered);
    a.magic
        .partial_ord
        .partial_cmp
        .returns(Some(std::cmp::Ordering::Greater));
    assert!(a > b);
    a.magic
        .partial_ord
        .partial_cmp
        .assert_called_with((b.clone(),));
}

#[test]
fn iteration_is_empty_by_default_and_yields_what_is_configured() {
    let mock = MockResource::default();
    assert_eq!(mock.clone().next(), None);
    mock.magic
        .iterator
        .next
        .returns_each([Some(1), Some(2), None]);
    assert_eq!(mock.clone().collect::<Vec<_>>(), [1, 2]);
    mock.magic.iterator.yields([10, 20, 30]);
    assert_eq!(mock.clone().sum::<u32>(), 60);
    assert_eq!(mock.clone().next(), None);
    assert_eq!(mock.magic.iterator.next.call_count(), 9);
}

#[autospec(magic(IntoIterator<Item = &'static str>))]
#[allow(dead_code)]
trait Tags {}

#[test]
fn into_iterator_is_empty_by_default_and_gives_what_is_configured() {
    let tags = MockTags::default();
    assert_eq!(tags.clone().into_iter().count(), 0);
    tags.magic.into_iterator.into_iter.returns(vec!["a", "b"]);
    let mut seen = String::new();
    for tag in &tags {
        seen.push_str(tag);
    }
    for tag in tags.clone() {
        seen.push_str(tag);
    }
    assert_eq!(seen, "abab");
    tags.magic.into_iterator.into_iter.assert_called();
}

#[test]
fn index_defaults_and_lends_what_is_configured() {
    let mock = MockResource::default();
    assert_eq!(mock[0], "");
    mock.magic.index.index.returns_with(|n| format!("#{n}"));
    let (first, second) = (&mock[1], &mock[2]);
    assert_eq!((first.as_str(), second.as_str()), ("#1", "#2"));
    mock.magic.index.index.assert_has_calls([(0,), (1,), (2,)]);
}

#[test]
fn operators_answer_the_mock_itself_or_their_output() {
    let mock = MockResource::default();
    let sum = mock.clone() + 5;
    assert_eq!(sum, mock, "Output = Self answers the same mock");
    assert_eq!(mock.clone() - 3, 0, "Output = i64 answers its default");
    mock.magic.sub.sub.returns_with(|rhs| 100 - rhs);
    assert_eq!(mock.clone() - 3, 97);
    assert_eq!(-mock.clone(), mock);
    assert!(!!mock.clone());
    mock.magic.not.not.returns(true);
    assert!(!mock.clone());
    let other = MockResource::default();
    mock.magic.add.add.returns(other.clone());
    assert_eq!(mock.clone() + 1, other);
    mock.magic.add.add.assert_has_calls([(5,), (1,)]);
    mock.magic.neg.neg.assert_called_once();
}

#[test]
fn compound_assignment_is_journaled() {
    let mut mock = MockResource::default();
    mock += 2;
    mock += 3;
    mock.magic
        .add_assign
        .add_assign
        .assert_has_calls([(2,), (3,)]);
}

#[test]
fn read_is_empty_by_default_and_fills_buffers_when_configured() {
    let mut mock = MockResource::default();
    let mut all = Vec::new();
    assert_eq!(mock.read_to_end(&mut all).unwrap(), 0);
    mock.magic.read.read.returns_once(Ok(0));
    mock.magic.read.read.returns_with(|buf| {
        buf[0] = b'x';
        Ok(1)
    });
    assert_eq!(Read::read(&mut mock, &mut [0; 4]).unwrap(), 0);
    let mut one = [0; 1];
    mock.read_exact(&mut one).unwrap();
    assert_eq!(&one, b"x");
}

#[test]
fn writes_are_journaled_and_accepted_by_default() {
    let mut mock = MockResource::default();
    write!(mock, "ab").unwrap();
    mock.write_all(b"cd").unwrap();
    mock.flush().unwrap();
    mock.magic
        .write
        .write
        .assert_has_calls([(b"ab".to_vec(),), (b"cd".to_vec(),)]);
    mock.magic
        .write
        .write
        .returns_once(Err(io::ErrorKind::BrokenPipe.into()));
    assert_eq!(
        mock.write(b"ef").unwrap_err().kind(),
        io::ErrorKind::BrokenPipe
    );
    mock.magic
        .write
        .flush
        .returns_once(Err(io::ErrorKind::Other.into()));
    assert!(mock.flush().is_err());
}

#[test]
fn buf_read_is_empty_by_default_and_serves_configured_lines() {
    let mut mock = MockResource::default();
    let mut line = String::new();
    assert_eq!(mock.read_line(&mut line).unwrap(), 0);
    mock.magic
        .buf_read
        .fill_buf
        .returns_once(Ok(b"hello\nrest".to_vec()));
    assert_eq!(mock.read_line(&mut line).unwrap(), 6);
    assert_eq!(line, "hello\n");
    mock.magic.buf_read.consume.assert_has_calls([(0,), (6,)]);
}

#[test]
fn seek_answers_zero_by_default_and_the_configured_position() {
    let mut mock = MockResource::default();
    assert_eq!(mock.seek(SeekFrom::Start(9)).unwrap(), 0);
    mock.magic.seek.seek.returns_once(Ok(9));
    assert_eq!(mock.seek(SeekFrom::Current(9)).unwrap(), 9);
    assert_eq!(
        mock.stream_position().unwrap(),
        0,
        "the magic default answers again once one-shot answers are used up"
    );
    mock.magic.seek.seek.assert_has_calls([
        (SeekFrom::Start(9),),
        (SeekFrom::Current(9),),
        (SeekFrom::Current(0),),
    ]);
}

#[test]
fn as_ref_lends_an_empty_path_by_default_and_the_configured_one() {
    fn name(path: impl AsRef<Path>) -> String {
        path.as_ref().display().to_string()
    }
    let mock = MockResource::default();
    assert_eq!(name(mock.clone()), "");
    mock.magic.as_ref.as_ref.returns(PathBuf::from("/tmp/x"));
    assert_eq!(name(mock.clone()), "/tmp/x");
    mock.magic.as_ref.as_ref.assert_called();
}

#[test]
fn from_journals_the_value_in_the_new_mock() {
    let mock = MockResource::from(7u8);
    let other: MockResource = 8u8.into();
    mock.magic.from.from.assert_called_once_with((7,));
    other.magic.from.from.assert_called_once_with((8,));
    assert_ne!(mock, other);
}

#[autospec(magic(Drop))]
trait Connection {
    fn send(&self, bytes: &[u8]);
}

/// Code under test that owns a connection for a while.
struct Client {
    conn: Option<Box<dyn Connection>>,
}

impl Client {
    fn close(&mut self) {
        self.conn = None;
    }
}

#[test]
fn drops_of_other_handles_are_journaled_and_asserted() {
    let conn = MockConnection::default();
    let mut client = Client {
        conn: Some(Box::new(conn.clone())),
    };
    if let Some(conn) = &client.conn {
        conn.send(b"hi");
    }
    assert_eq!(conn.magic.drop.handles(), 2);
    let message = panic_message(|| conn.magic.drop.assert_dropped());
    assert_eq!(
        message,
        "MockConnection: expected every other handle to be dropped, but 1 other handle is still alive (0 dropped so far)."
    );
    client.close();
    conn.magic.drop.assert_dropped();
    conn.magic.drop.drop.assert_called_once();
    assert_eq!(
        conn.mock_calls(),
        [call!(send([104u8, 105])), call!(magic.drop.drop())]
    );
}

#[test]
fn a_drop_answer_runs_as_each_handle_drops() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let conn = MockConnection::default();
    let dropped = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&dropped);
    conn.magic.drop.drop.returns_with(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    drop((conn.clone(), conn.clone()));
    assert_eq!(dropped.load(Ordering::SeqCst), 2);
    assert_eq!(conn.magic.drop.drop.call_count(), 2);
}

#[test]
fn magic_defaults_hold_on_a_sealed_mock() {
    let mock = MockResource::strict();
    assert_eq!(mock.to_string(), "MockResource");
    assert_eq!(mock.clone().next(), None);
    assert_eq!(mock, mock.clone());
    let message = panic_message(|| {
        let _ = mock.clone() - 1;
    });
    assert!(
        message.starts_with(
            "MockResource.magic.sub.sub(1): the mock is sealed and this method has no answer."
        ),
        "{message}"
    );
    assert!(message.contains(".magic.sub.sub.returns(..)"), "{message}");
}

#[test]
fn reset_mock_and_verify_see_the_magic_children() {
    let mock = MockResource::default();
    let _ = mock.to_string();
    mock.magic.iterator.next.returns_once(Some(1));
    mock.reset_mock();
    mock.magic.display.fmt.assert_not_called();
    let message = panic_message(|| mock.verify());
    assert_eq!(
        message,
        "MockResource: configured answers were never used (returns_once, returns_each, sequence):\n  MockResource.magic.iterator.next: 1 one-shot answer never used"
    );
}

/// A generic trait keeps its parameters on the magic struct.
#[autospec(magic(Display, Iterator<Item = T>, Add<T, Output = Vec<T>>))]
#[allow(dead_code)]
trait Source<T: Clone + std::fmt::Debug + Send + Sync + 'static> {
    fn peek(&self) -> Option<T>;
}

#[test]
fn generic_mocks_get_magic_traits_too() {
    let source = MockSource::<char>::default();
    source.magic.iterator.yields(['a', 'b']);
    assert_eq!(source.clone().collect::<String>(), "ab");
    assert_eq!(source.clone() + 'c', Vec::<char>::new());
    source.magic.add.add.returns_with(|c| vec![c, c]);
    assert_eq!(source.clone() + 'c', ['c', 'c']);
    assert_eq!(source.to_string(), "MockSource");
}

mod file {
    use super::panic_message;
    use autospec::prelude::*;
    use autospec::MockFile;
    use std::io::{self, BufRead, BufReader, ErrorKind, Read, Seek, SeekFrom, Write};
    use std::path::{Path, PathBuf};

    #[test]
    fn buf_reader_reads_lines_and_read_line_works_directly() {
        let file = MockFile::with_data(b"line1\nline2\n");
        let lines: Vec<String> = BufReader::new(file.opened())
            .lines()
            .collect::<io::Result<_>>()
            .unwrap();
        assert_eq!(lines, ["line1", "line2"]);
        let mut handle = file.opened();
        let mut line = String::new();
        handle.read_line(&mut line).unwrap();
        assert_eq!(line, "line1\n");
        let rest: Vec<String> = handle.lines().map(Result::unwrap).collect();
        assert_eq!(rest, ["line2"]);
        file.fill_buf.assert_called();
    }

    #[test]
    fn io_copy_reads_all_and_journals_every_write() {
        let source = MockFile::with_data("0123456789");
        let target = MockFile::default();
        let copied = io::copy(&mut source.opened(), &mut target.opened()).unwrap();
        assert_eq!(copied, 10);
        assert_eq!(target.written(), b"0123456789");
        assert_eq!(target.write.call_args_list(), [(b"0123456789".to_vec(),)]);
        source.read.assert_called();
    }

    #[test]
    fn serde_json_reads_from_and_writes_to_the_file() {
        let file = MockFile::with_data(r#"{"name": "ana", "tags": [1, 2]}"#);
        let value: serde_json::Value = serde_json::from_reader(file.opened()).unwrap();
        assert_eq!(value["name"], "ana");
        assert_eq!(value["tags"][1], 2);
        let out = MockFile::default();
        serde_json::to_writer(out.opened(), &value).unwrap();
        let written: serde_json::Value = serde_json::from_slice(&out.written()).unwrap();
        assert_eq!(written, value);
        assert!(out.write.call_count() > 1, "serde_json writes in chunks");
    }

    #[test]
    fn read_to_end_and_read_exact() {
        let file = MockFile::with_data([1, 2, 3, 4]);
        let mut two = [0; 2];
        let mut handle = file.opened();
        handle.read_exact(&mut two).unwrap();
        let mut rest = Vec::new();
        handle.read_to_end(&mut rest).unwrap();
        assert_eq!((two, rest), ([1, 2], vec![3, 4]));
        assert_eq!(
            handle.read_exact(&mut two).unwrap_err().kind(),
            ErrorKind::UnexpectedEof
        );
    }

    #[test]
    fn an_interrupted_read_is_retried_by_std_consumers() {
        let file = MockFile::with_data("payload");
        file.read.fails_once(ErrorKind::Interrupted);
        let mut sink = Vec::new();
        io::copy(&mut file.opened(), &mut sink).unwrap();
        assert_eq!(sink, b"payload");
    }

    #[test]
    fn injected_errors_reach_the_caller_at_the_given_call() {
        let file = MockFile::with_data("a\nb\n");
        file.fill_buf
            .returns_each([Ok(()), Err(ErrorKind::InvalidData.into())]);
        let mut lines = file.opened().lines();
        assert_eq!(lines.next().unwrap().unwrap(), "a");
        assert_eq!(
            lines.next().unwrap().unwrap_err().kind(),
            ErrorKind::InvalidData
        );
        let mut out = file.opened();
        out.write.fails_once(ErrorKind::BrokenPipe);
        assert_eq!(out.write(b"x").unwrap_err().kind(), ErrorKind::BrokenPipe);
        out.write_all(b"y").unwrap();
        assert_eq!(file.written(), b"y", "the failed write wrote nothing");
        assert_eq!(
            file.write.call_args_list(),
            [(b"x".to_vec(),), (b"y".to_vec(),)]
        );
    }

    #[test]
    fn seeking_moves_the_read_position() {
        let file = MockFile::with_data("0123456789");
        let mut handle = file.opened();
        assert_eq!(handle.seek(SeekFrom::End(-3)).unwrap(), 7);
        let mut text = String::new();
        handle.read_to_string(&mut text).unwrap();
        assert_eq!(text, "789");
        handle.rewind().unwrap();
        assert_eq!(handle.seek(SeekFrom::Current(2)).unwrap(), 2);
        assert_eq!(
            handle.seek(SeekFrom::Current(-5)).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
        assert_eq!(handle.stream_position().unwrap(), 2);
        file.seek.assert_any_call((SeekFrom::End(-3),));
    }

    #[test]
    fn clones_share_the_position_and_opened_rewinds() {
        let file = MockFile::with_data("abcd");
        let mut first = file.opened();
        let mut same = first.clone();
        let mut one = [0; 1];
        first.read_exact(&mut one).unwrap();
        same.read_exact(&mut one).unwrap();
        assert_eq!(&one, b"b", "a clone continues where the handle was");
        file.opened().read_exact(&mut one).unwrap();
        assert_eq!(&one, b"a", "each open starts at the beginning");
        assert_eq!(file.read.call_count(), 3);
    }

    #[test]
    fn the_journal_reads_like_every_mock() {
        let file = MockFile::with_data("ab");
        let mut handle = file.opened();
        handle.read_exact(&mut [0; 2]).unwrap();
        handle.write_all(b"z").unwrap();
        handle.flush().unwrap();
        handle.seek(SeekFrom::Start(0)).unwrap();
        assert_eq!(
            file.mock_calls(),
            [
                call!(read(2)),
                call!(write([122u8])),
                call!(flush()),
                call!(seek(SeekFrom::Start(0))),
            ]
        );
        file.reset_mock();
        assert!(file.mock_calls().is_empty());
        assert_eq!(file.written(), b"z", "reset_mock forgets calls, not data");
        assert!(format!("{file:?}").starts_with("MockFile { calls: []"));
    }

    #[test]
    fn a_failed_assertion_names_the_file_operation() {
        let file = MockFile::default();
        file.opened().write_all(b"a").unwrap();
        let message = panic_message(|| file.write.assert_called_with((b"b",)));
        assert_eq!(
            message,
            "MockFile.write: expected call not found.\nExpected: write([98])\n  Actual: write([97])\n          arg 0 (buf): expected [98], got [97]\nCalls (1): [write([97])]"
        );
    }

    /// Python: `m = mock_open(read_data="x")`, then
    /// `m.return_value.read.return_value = "override"`: a whole read returns
    /// the override, without consuming the data.
    #[test]
    fn a_whole_read_can_be_overridden_and_then_reads_the_data() {
        let file = MockFile::with_data("on disk");
        file.read_to_string.reads("override");
        for _ in 0..2 {
            let mut text = String::new();
            file.opened().read_to_string(&mut text).unwrap();
            assert_eq!(text, "override");
        }
        file.read.assert_not_called();

        let once = MockFile::with_data("on disk");
        once.read_to_string.reads_each(["first"]);
        let (mut first, mut second) = (String::new(), String::new());
        let mut handle = once.opened();
        handle.read_to_string(&mut first).unwrap();
        handle.read_to_string(&mut second).unwrap();
        assert_eq!((first.as_str(), second.as_str()), ("first", "on disk"));
        once.read_to_string.assert_called_with(());
    }

    /// Python: `handle.readline.side_effect = ["a\n", "b\n", ""]` and
    /// iterating over the handle.
    #[test]
    fn lines_follow_a_script_per_call_then_the_data() {
        let file = MockFile::with_data("data\n");
        file.read_line.reads_each(["a\n", "b\n"]);
        let mut handle = file.opened();
        let mut line = String::new();
        handle.read_line(&mut line).unwrap();
        assert_eq!(line, "a\n");
        let rest: Vec<String> = handle.lines().map(Result::unwrap).collect();
        assert_eq!(rest, ["b", "data"], "the script, then the file's own lines");
        assert_eq!(file.read_line.call_count(), 4, "the last one found the end");

        let bytes = MockFile::with_data("ignored");
        bytes
            .read_to_end
            .returns_each([Ok(vec![1, 2]), Err(ErrorKind::TimedOut.into())]);
        let mut buf = Vec::new();
        bytes.opened().read_to_end(&mut buf).unwrap();
        assert_eq!(buf, [1, 2]);
        assert_eq!(
            bytes.opened().read_to_end(&mut buf).unwrap_err().kind(),
            ErrorKind::TimedOut
        );
        bytes.opened().read_to_end(&mut buf).unwrap();
        assert_eq!(buf, b"\x01\x02ignored");
    }

    /// Python: `handle.close.assert_called_once()`, and `__exit__` after a
    /// `with open(..)` block: a handle closes when its last clone drops.
    #[test]
    fn closing_a_handle_is_journaled() {
        let file = MockFile::with_data("a\nb\n");
        {
            let handle = file.opened();
            let same = handle.clone();
            drop(handle);
            file.close.assert_not_called(); // `same` keeps it open
            assert_eq!(BufReader::new(same).lines().count(), 2);
        }
        file.close.assert_called_once();
        let mut out = file.opened();
        out.write_all(b"x").unwrap();
        out.flush().unwrap();
        drop(out);
        assert_eq!(
            file.mock_calls()[file.mock_calls().len() - 3..],
            [call!(write([120u8])), call!(flush()), call!(close())]
        );
        assert_eq!(file.close.call_count(), 2);
    }

    /// A filesystem the code under test opens files through.
    #[autospec]
    pub trait Fs {
        fn open(&self, path: &Path) -> io::Result<Box<dyn Read + Send>>;
    }

    /// Code under test: counts the lines of a file, twice.
    fn count_lines_twice(fs: &dyn Fs, path: &Path) -> io::Result<usize> {
        let mut total = 0;
        for _ in 0..2 {
            total += BufReader::new(fs.open(path)?).lines().count();
        }
        Ok(total)
    }

    #[test]
    fn each_open_of_a_mocked_filesystem_rewinds_as_mock_open_does() {
        let file = MockFile::with_data("a\nb\nc\n");
        let fs = MockFs::default();
        let opened = file.clone();
        fs.open.returns_with(move |_| Ok(Box::new(opened.opened())));
        assert_eq!(count_lines_twice(&fs, Path::new("/data.txt")).unwrap(), 6);
        fs.open
            .assert_has_calls([(PathBuf::from("/data.txt"),), (PathBuf::from("/data.txt"),)]);
        assert!(file.read.call_count() >= 2);
    }
}

mod dynamic {
    use super::panic_message;
    use autospec::dynamic::{MagicMock, Mock, NonCallableMagicMock, NonCallableMock};
    use autospec::{call, dyn_args};
    use std::collections::HashSet;

    #[test]
    fn an_attribute_is_made_once_and_is_the_same_child_afterwards() {
        let db = Mock::new("db");
        let get = db.attr("get");
        assert!(get.is(&db.attr("get")));
        assert!(!get.is(&db.attr("put")));
        get.returns(5u32);
        assert_eq!(db.attr("get").call(dyn_args!["k", 3]).get::<u32>(), 5);
        get.assert_called_once_with(("k", 3));
        assert_eq!(get.call_count(), 1);
    }

    #[test]
    fn children_record_into_the_parents_mock_calls_with_dotted_names() {
        let m = Mock::new("m");
        m.call(dyn_args![0]);
        m.attr("db").attr("get").call(dyn_args!["k"]);
        m.attr("db").call(dyn_args![]);
        m.attr("db")
            .call(dyn_args![])
            .mock()
            .attr("close")
            .call(dyn_args![]);
        assert_eq!(
            m.mock_calls(),
            [
                call!(call(0)),
                call!(db.get("k")),
                call!(db()),
                call!(db()),
                autospec::Call::new("db().close", vec![]),
            ]
        );
        assert_eq!(
            m.attr("db").mock_calls(),
            [
                call!(get("k")),
                call!(call()),
                call!(call()),
                autospec::Call::new("call().close", vec![]),
            ]
        );
        m.reset_mock();
        assert!(m.mock_calls().is_empty());
    }

    #[test]
    fn answers_are_typed_values() {
        let api = Mock::new("api");
        api.attr("n").returns_each([1u8, 2]);
        api.attr("name").returns(String::from("x"));
        api.attr("sum")
            .returns_with(|args| args.get::<i32>(0).copied().unwrap_or(0) + 1);
        assert_eq!(api.attr("n").call(dyn_args![]).get::<u8>(), 1);
        assert_eq!(api.attr("n").call(dyn_args![]).get::<u8>(), 2);
        assert_eq!(api.attr("name").call(dyn_args![]).get::<String>(), "x");
        assert_eq!(api.attr("sum").call(dyn_args![41]).get::<i32>(), 42);
        let message = panic_message(|| {
            api.attr("name").call(dyn_args![]).get::<u32>();
        });
        assert_eq!(message, "the answer is a String (\"x\"), not a u32");
    }

    #[test]
    fn an_unconfigured_call_answers_the_return_value_mock() {
        let connect = Mock::new("connect");
        connect.return_value().attr("query").returns(vec![1, 2]);
        let conn = connect.call(dyn_args!["db://"]).mock();
        assert!(conn.is(&connect.return_value()));
        assert_eq!(
            conn.attr("query").call(dyn_args![]).get::<Vec<i32>>(),
            [1, 2]
        );
        assert_eq!(conn.name(), "connect()");
    }

    #[test]
    fn a_sealed_mock_panics_on_an_unknown_attribute_naming_its_path() {
        let db = Mock::new("db");
        db.attr("cache").attr("get").returns(1);
        db.attr("cache").attr("put");
        db.seal();
        assert_eq!(
            db.attr("cache").attr("get").call(dyn_args![]).get::<i32>(),
            1
        );
        let message = panic_message(|| {
            db.attr("cache").attr("gte");
        });
        assert_eq!(
            message,
            "db.cache.gte: the mock is sealed, so it makes no new attributes; create `gte` before seal()"
        );
        let message = panic_message(|| {
            db.attr("cache").attr("put").call(dyn_args![]);
        });
        assert_eq!(
            message,
            "db.cache.put(): the mock is sealed, so it makes no return-value mock; configure an answer, or call return_value(), before seal()"
        );
    }

    #[test]
    fn assertion_failures_name_the_dotted_attribute() {
        let db = Mock::new("db");
        db.attr("get").call(dyn_args!["q"]);
        let message = panic_message(|| db.attr("get").assert_called_with(("k",)));
        assert_eq!(
            message,
            "db.get: expected call not found.\nExpected: get(\"k\")\n  Actual: get(\"q\")\n          arg 0: expected \"k\", got \"q\"\nCalls (1): [get(\"q\")]"
        );
    }

    #[test]
    fn a_non_callable_mock_has_callable_attributes_but_panics_when_called() {
        let config = NonCallableMock::new("config");
        config.attr("get").returns("v");
        assert_eq!(config.attr("get").call(dyn_args!["k"]).get::<&str>(), "v");
        assert_eq!(config.mock_calls(), [call!(get("k"))]);
        let message = panic_message(|| {
            config.as_mock().call(dyn_args![]);
        });
        assert_eq!(message, "NonCallableMock 'config' is not callable");
        let magic = NonCallableMagicMock::new("settings");
        let message = panic_message(|| {
            magic.as_mock().call(dyn_args![]);
        });
        assert_eq!(message, "NonCallableMagicMock 'settings' is not callable");
    }

    #[test]
    fn magic_mocks_have_python_defaults_and_configured_dunders() {
        let rows = MagicMock::new("rows");
        assert_eq!(rows.len(), 0);
        assert!(rows.is_empty() && !rows.contains(1));
        assert_eq!(rows.iter::<u8>().count(), 0);
        assert_eq!(format!("{rows}"), "rows");
        assert_eq!(rows.attr("page").to_string(), "rows.page");
        rows.attr("__len__").returns(2usize);
        rows.attr("__iter__").returns(vec![7u8, 8]);
        rows.attr("__str__").returns(String::from("<2 rows>"));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.iter::<u8>().collect::<Vec<_>>(), [7, 8]);
        assert_eq!(rows.to_string(), "<2 rows>");
        assert_eq!(rows.mock_calls()[0], call!(__len__()));
        assert!(rows.mock_calls().contains(&call!(__contains__(1))));
    }

    #[test]
    fn magic_mocks_compare_and_hash_by_identity() {
        let (a, b) = (MagicMock::new("a"), MagicMock::new("b"));
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
        let set: HashSet<MagicMock> = [a.clone(), a.clone(), b.clone()].into();
        assert_eq!(set.len(), 2);
        a.attr("__eq__").returns(true);
        assert_eq!(a, b);
        a.attr("__eq__").assert_called_with((b.clone(),));
    }
}

/// Std supertraits are implemented by listing them in `magic(..)`, as
/// the supertraits chapter says.
#[autospec(magic(Read, Write, Display, Iterator<Item = u8>))]
pub trait Channel: Read + Write + std::fmt::Display + Iterator<Item = u8> + Send {
    /// The other end.
    fn peer(&self) -> String;
}

#[test]
fn std_supertraits_are_implemented_by_magic() {
    let mut channel = MockChannel::default();
    channel.magic.write.write.returns_with(|buf| Ok(buf.len()));
    channel.magic.iterator.yields([7, 8]);
    channel.magic.display.fmt.returns("channel".to_owned());
    assert_eq!(channel.write(b"hi").unwrap(), 2);
    assert_eq!(channel.read(&mut [0; 4]).unwrap(), 0);
    assert_eq!(Iterator::by_ref(&mut channel).collect::<Vec<u8>>(), [7, 8]);
    assert_eq!(channel.to_string(), "channel");
    channel
        .magic
        .write
        .write
        .assert_called_once_with((b"hi".to_vec(),));
    channel.peer.assert_not_called();
}
