//! `MockFile`: a ready mock of an open file (Python's `mock_open`).

// Arguments are taken by value to be journaled, as in `core/method/`.
#![allow(clippy::needless_pass_by_value)]

use crate::core::journal::AnyMethod;
use crate::core::lock::lock;
use crate::core::method::Method;
use crate::core::mock::{fmt_mock, Mock};
use crate::core::mock_core::MockCore;
use crate::core::render::{render_none, render_one};
use std::fmt;
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

/// A child mock of a [`MockFile`] operation, journaled with `A`. Its answer
/// decides whether the operation happens: `Ok(())` (the default) performs
/// it on the file's data, an error is returned instead.
///
/// ```
/// use autospec::MockFile;
/// use std::io::{ErrorKind, Read};
///
/// let mut file = MockFile::with_data("abc");
/// let read: &autospec::FileOp<(usize,)> = &file.read;
/// read.returns_with(|&(len,)| if len > 2 { Err(ErrorKind::OutOfMemory.into()) } else { Ok(()) });
/// assert!(file.read(&mut [0; 3]).is_err());
/// assert_eq!(file.read(&mut [0; 2]).unwrap(), 2);
/// ```
pub type FileOp<A> = Method<A, io::Result<()>, dyn Fn(&A) -> io::Result<()> + Send + Sync>;

impl<A> FileOp<A> {
    /// Decides each later operation with the closure, which receives the
    /// journaled arguments: `Ok(())` lets it happen, an error fails it.
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::{ErrorKind, Write};
    ///
    /// let mut file = MockFile::default();
    /// file.write.returns_with(|(bytes,)| {
    ///     if bytes.len() > 4 { Err(ErrorKind::WriteZero.into()) } else { Ok(()) }
    /// });
    /// assert!(file.write(b"short").is_err());
    /// file.write_all(b"ok").unwrap();
    /// assert_eq!(file.written(), b"ok");
    /// ```
    pub fn returns_with(&self, answer: impl Fn(&A) -> io::Result<()> + Send + Sync + 'static) {
        self.__returns_with(Box::new(answer));
    }

    /// Fails every later operation with an error of this kind (a full
    /// disk, a closed pipe), until reconfigured.
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::{ErrorKind, Write};
    ///
    /// let mut file = MockFile::default();
    /// file.write.fails(ErrorKind::WriteZero);
    /// assert_eq!(file.write_all(b"x").unwrap_err().kind(), ErrorKind::WriteZero);
    /// assert_eq!(file.write_all(b"y").unwrap_err().kind(), ErrorKind::WriteZero);
    /// assert!(file.written().is_empty());
    /// ```
    pub fn fails(&self, kind: io::ErrorKind) {
        self.returns_with(move |_| Err(kind.into()));
    }

    /// Whether the operation happens: `Ok(())` unless a configured answer
    /// says otherwise. Unlike a mocked method's, a file's one-shot answers
    /// are faults injected into normal operation, so once they are used up
    /// the file works again instead of panicking.
    fn allows(&self, args: A) -> io::Result<()>
    where
        A: Clone,
    {
        if self.__has_answer() {
            let given = args.clone();
            self.__call(args, |answer| answer(&given))
        } else {
            self.__record(args);
            Ok(())
        }
    }
}

/// Fault injection for every child mock that answers an `io::Result`: a
/// [`MockFile`]'s operations, and mocked methods such as `Read::read`.
impl<A, T: Send, F: ?Sized> Method<A, io::Result<T>, F> {
    /// Answers the next call with an error of this kind, once: a one-shot
    /// answer, as [`returns_once`](Method::returns_once). A [`MockFile`]
    /// works normally again afterwards; a mocked method goes on to its
    /// standing answer (and panics without one, as after any used-up
    /// one-shot answers).
    ///
    /// `Interrupted` is the classic: `read_to_end`, `read_exact`,
    /// `write_all` and `io::copy` retry it, and code that does its own
    /// reading must too.
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::{ErrorKind, Read};
    ///
    /// let mut file = MockFile::with_data("data");
    /// file.read.fails_once(ErrorKind::Interrupted);
    /// let mut text = String::new();
    /// file.read_to_string(&mut text).unwrap(); // retried
    /// assert_eq!(text, "data");
    /// assert_eq!(file.read.call_count(), 3); // failed, read, end of file
    /// ```
    pub fn fails_once(&self, kind: io::ErrorKind) {
        self.returns_once(Err(kind.into()));
    }
}

/// A child mock of a [`MockFile`] read that hands out data (`read_to_end`,
/// `read_to_string`, `read_line`): an answer, when one is configured,
/// replaces what the read returns (Python's `read.return_value`,
/// `readline.side_effect = [..]`), without consuming the file's data; once
/// the answers are used up, reads go back to the data.
///
/// ```
/// use autospec::MockFile;
/// use std::io::{BufRead, ErrorKind};
///
/// let file = MockFile::with_data("from the data\n");
/// file.read_line.reads_each(["first\n", "second\n"]);
/// file.read_line.fails_once(ErrorKind::Interrupted);
/// let mut lines = file.opened().lines();
/// assert_eq!(lines.next().unwrap().unwrap(), "first");
/// assert_eq!(lines.next().unwrap().unwrap(), "second");
/// assert_eq!(lines.next().unwrap().unwrap_err().kind(), ErrorKind::Interrupted);
/// assert_eq!(lines.next().unwrap().unwrap(), "from the data");
/// assert_eq!(file.read_line.call_count(), 4);
///
/// let reads = std::sync::atomic::AtomicU8::new(0);
/// file.read_to_end.returns_with(move || {
///     Ok(vec![reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed)])
/// });
/// let mut bytes = Vec::new();
/// std::io::Read::read_to_end(&mut file.opened(), &mut bytes).unwrap();
/// std::io::Read::read_to_end(&mut file.opened(), &mut bytes).unwrap();
/// assert_eq!(bytes, [0, 1]);
/// ```
pub type FileRead<T> = Method<(), io::Result<T>, dyn Fn() -> io::Result<T> + Send + Sync>;

impl<T: Send + 'static> FileRead<T> {
    /// Answers every later read of this kind with a clone of `data`
    /// (Python's `handle.read.return_value = data`).
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::Read;
    ///
    /// let file = MockFile::with_data("on disk");
    /// file.read_to_string.reads("overridden");
    /// let mut text = String::new();
    /// file.opened().read_to_string(&mut text).unwrap();
    /// assert_eq!(text, "overridden");
    /// ```
    pub fn reads(&self, data: impl Into<T>)
    where
        T: Clone + Sync,
    {
        let data = data.into();
        self.returns_with(move || Ok(data.clone()));
    }

    /// Answers the next reads of this kind with these values, one each, in
    /// order (Python's `side_effect = [..]`); then the reads go back to the
    /// file's data.
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::BufRead;
    ///
    /// let file = MockFile::default();
    /// file.read_line.reads_each(["a\n", "b\n"]);
    /// let lines: Vec<String> = file.opened().lines().map(Result::unwrap).collect();
    /// assert_eq!(lines, ["a", "b"]);
    /// ```
    pub fn reads_each<D: Into<T>>(&self, data: impl IntoIterator<Item = D>) {
        self.returns_each(data.into_iter().map(|data| Ok(data.into())));
    }

    /// The configured answer of this read, if any is left, journaled; or
    /// `None`, having journaled the call, for a read of the data.
    fn configured(&self) -> Option<io::Result<T>> {
        if self.__has_answer() {
            Some(self.__call((), |answer| answer()))
        } else {
            self.__record(());
            None
        }
    }
}

/// A mock of an open file (Python's `mock_open`): it reads the data it was
/// made with, journals every operation, keeps what is written, and fails
/// where the test says so.
///
/// It implements `Read`, `BufRead`, `Write` and `Seek`, so real consumers
/// (`BufReader`, `io::copy`, `serde_json::from_reader`, `lines()`) drive it.
/// Each operation is a public field, a child mock ([`FileOp`]) to assert on
/// or to fail with: `file.read.fails_once(ErrorKind::Interrupted)`. As in
/// Python's `mock_open`, what is written is kept apart from the data read:
/// [`written`](MockFile::written) returns it.
///
/// `MockFile` is a handle: clones share the data, the journal, what was
/// written and the position. [`opened`](MockFile::opened) gives a handle
/// rewound to the start with its own position, for each "open" of the file
/// by the code under test. The mock-level API ([`Mock`]: `mock_calls`,
/// `reset_mock`) covers every operation, the data reads and `close` included.
///
/// ```
/// use autospec::prelude::*;
/// use autospec::MockFile;
/// use std::io::{BufRead, BufReader, Write};
///
/// let file = MockFile::with_data(b"line1\nline2\n");
/// let lines: Vec<String> = BufReader::new(file.opened()).lines().map(Result::unwrap).collect();
/// assert_eq!(lines, ["line1", "line2"]);
///
/// let mut out = file.opened();
/// writeln!(out, "hello").unwrap();
/// assert_eq!(file.written(), b"hello\n");
/// file.write.assert_called_once_with((b"hello\n",));
/// ```
pub struct MockFile {
    /// `Read::read`, journaled with the length of the buffer to fill
    /// (`read_to_end`, `read_exact` and `read_to_string` call it).
    pub read: FileOp<(usize,)>,
    /// `BufRead::fill_buf` (`read_line`, `lines` and `read_until` call it).
    pub fill_buf: FileOp<()>,
    /// `Write::write`, journaled with the bytes to write (`write_all`,
    /// `write!` call it).
    pub write: FileOp<(Vec<u8>,)>,
    /// `Write::flush`.
    pub flush: FileOp<()>,
    /// `Seek::seek`, journaled with the position asked for.
    pub seek: FileOp<(SeekFrom,)>,
    /// `Read::read_to_end`: its answers replace the data it reads.
    pub read_to_end: FileRead<Vec<u8>>,
    /// `Read::read_to_string`: its answers replace the text it reads.
    pub read_to_string: FileRead<String>,
    /// `BufRead::read_line`, which `lines()` calls for each line: its
    /// answers replace the line read (an empty one is the end of the file).
    pub read_line: FileRead<String>,
    /// Journaled when an open file is closed: when the last handle of one
    /// `opened()` (or of the file itself) drops, as Python's file mock
    /// journals `close()` and `__exit__`. Rust has no other close.
    pub close: Method<(), (), dyn Fn() + Send + Sync>,
    shared: Arc<Shared>,
    /// Where the next read starts; shared by clones, not by `opened()`.
    position: Arc<Mutex<u64>>,
}

/// What every handle of one file shares besides the journal.
struct Shared {
    core: Arc<MockCore>,
    data: Box<[u8]>,
    written: Mutex<Vec<u8>>,
}

impl MockFile {
    /// A file whose reads return `data`.
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::Read;
    ///
    /// let mut text = String::new();
    /// MockFile::with_data("hello").read_to_string(&mut text).unwrap();
    /// assert_eq!(text, "hello");
    /// ```
    #[inline]
    pub fn with_data(data: impl AsRef<[u8]>) -> Self {
        let core = MockCore::new("MockFile");
        let op = |name: &str| Method::__new(&core, name, "", render_none, || None, None);
        MockFile {
            read: Method::__new(&core, "read", "buf", render_one, || None, None),
            fill_buf: op("fill_buf"),
            write: Method::__new(&core, "write", "buf", render_one, || None, None),
            flush: op("flush"),
            seek: Method::__new(&core, "seek", "pos", render_one, || None, None),
            read_to_end: Method::__new(&core, "read_to_end", "", render_none, || None, None),
            read_to_string: Method::__new(&core, "read_to_string", "", render_none, || None, None),
            read_line: Method::__new(&core, "read_line", "", render_none, || None, None),
            close: Method::__new(&core, "close", "", render_none, || Some(()), None),
            shared: Arc::new(Shared {
                core: Arc::clone(&core),
                data: data.as_ref().into(),
                written: Mutex::new(Vec::new()),
            }),
            position: Arc::new(Mutex::new(0)),
        }
    }

    /// Another handle to the same file, rewound to the start and with a
    /// position of its own: what each "open" in the code under test should
    /// get. It shares the journal and what was written.
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::{self, Read};
    /// use std::path::Path;
    ///
    /// trait Fs {
    ///     fn open(&self, path: &Path) -> io::Result<Box<dyn Read>>;
    /// }
    ///
    /// struct MockFs(MockFile);
    /// impl Fs for MockFs {
    ///     fn open(&self, _: &Path) -> io::Result<Box<dyn Read>> {
    ///         Ok(Box::new(self.0.opened()))
    ///     }
    /// }
    ///
    /// let fs = MockFs(MockFile::with_data("abc"));
    /// for _ in 0..2 {
    ///     let mut text = String::new();
    ///     fs.open(Path::new("x")).unwrap().read_to_string(&mut text).unwrap();
    ///     assert_eq!(text, "abc"); // every open starts at the beginning
    /// }
    /// ```
    #[must_use]
    #[inline]
    pub fn opened(&self) -> Self {
        self.handle(Arc::new(Mutex::new(0)))
    }

    /// A handle of this file at `position`.
    #[inline]
    fn handle(&self, position: Arc<Mutex<u64>>) -> Self {
        MockFile {
            read: self.read.clone(),
            fill_buf: self.fill_buf.clone(),
            write: self.write.clone(),
            flush: self.flush.clone(),
            seek: self.seek.clone(),
            read_to_end: self.read_to_end.clone(),
            read_to_string: self.read_to_string.clone(),
            read_line: self.read_line.clone(),
            close: self.close.clone(),
            shared: Arc::clone(&self.shared),
            position,
        }
    }

    /// Every byte written through any handle, in order (failed writes
    /// excluded; `write.call_args_list()` has every attempt).
    ///
    /// ```
    /// use autospec::MockFile;
    /// use std::io::Write;
    ///
    /// let file = MockFile::default();
    /// write!(file.opened(), "a").unwrap();
    /// write!(file.opened(), "b").unwrap();
    /// assert_eq!(file.written(), b"ab");
    /// ```
    #[inline]
    pub fn written(&self) -> Vec<u8> {
        lock(&self.shared.written).clone()
    }

    /// The unread rest of the data, from this handle's position.
    #[inline]
    fn rest(&self) -> &[u8] {
        let data = &self.shared.data;
        let position = usize::try_from(*lock(&self.position)).unwrap_or(usize::MAX);
        &data[position.min(data.len())..]
    }

    #[inline]
    fn advance(&self, by: usize) {
        let mut position = lock(&self.position);
        *position = position.saturating_add(u64::try_from(by).unwrap_or(u64::MAX));
    }
}

/// An empty file.
///
/// ```
/// use autospec::MockFile;
/// use std::io::Read;
///
/// assert_eq!(MockFile::default().read(&mut [0; 8]).unwrap(), 0);
/// ```
impl Default for MockFile {
    #[inline]
    fn default() -> Self {
        MockFile::with_data([])
    }
}

/// Another handle to the same file, at the same position.
impl Clone for MockFile {
    #[inline]
    fn clone(&self) -> Self {
        self.handle(Arc::clone(&self.position))
    }
}

/// Shows the name and the calls, as every mock does.
impl fmt::Debug for MockFile {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_mock(self, f)
    }
}

impl Mock for MockFile {
    #[inline]
    fn __autospec_core(&self) -> &MockCore {
        &self.shared.core
    }

    #[inline]
    fn __autospec_methods(&self) -> Vec<&dyn AnyMethod> {
        vec![
            &self.read,
            &self.fill_buf,
            &self.write,
            &self.flush,
            &self.seek,
            &self.read_to_end,
            &self.read_to_string,
            &self.read_line,
            &self.close,
        ]
    }
}

/// The last handle of an open file closes it (see [`MockFile::close`]).
impl Drop for MockFile {
    #[inline]
    fn drop(&mut self) {
        if Arc::strong_count(&self.position) == 1 {
            self.close.__record(());
        }
    }
}

impl Read for MockFile {
    #[inline]
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.read.allows((buf.len(),))?;
        let rest = self.rest();
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.advance(n);
        Ok(n)
    }

    #[inline]
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        match self.read_to_end.configured() {
            Some(data) => {
                let data = data?;
                buf.extend_from_slice(&data);
                Ok(data.len())
            }
            // `Take` reads through `read`, with std's own loop.
            None => Read::take(&mut *self, u64::MAX).read_to_end(buf),
        }
    }

    #[inline]
    fn read_to_string(&mut self, buf: &mut String) -> io::Result<usize> {
        match self.read_to_string.configured() {
            Some(text) => {
                let text = text?;
                buf.push_str(&text);
                Ok(text.len())
            }
            None => Read::take(&mut *self, u64::MAX).read_to_string(buf),
        }
    }
}

impl BufRead for MockFile {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill_buf.allows(())?;
        Ok(self.rest())
    }

    #[inline]
    fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
        if let Some(line) = self.read_line.configured() {
            let line = line?;
            buf.push_str(&line);
            return Ok(line.len());
        }
        // `read_until` reads through `fill_buf`, as std's `read_line` does.
        let mut bytes = Vec::new();
        let read = self.read_until(b'\n', &mut bytes)?;
        let line = std::str::from_utf8(&bytes).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "stream did not contain valid UTF-8",
            )
        })?;
        buf.push_str(line);
        Ok(read)
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        self.advance(amount);
    }
}

impl Write for MockFile {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write.allows((buf.to_vec(),))?;
        lock(&self.shared.written).extend_from_slice(buf);
        Ok(buf.len())
    }

    #[inline]
    fn flush(&mut self) -> io::Result<()> {
        self.flush.allows(())
    }
}

impl Seek for MockFile {
    #[inline]
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.seek.allows((pos,))?;
        let mut position = lock(&self.position);
        let (base, offset) = match pos {
            SeekFrom::Start(to) => {
                *position = to;
                return Ok(to);
            }
            SeekFrom::End(offset) => (
                u64::try_from(self.shared.data.len()).unwrap_or(u64::MAX),
                offset,
            ),
            SeekFrom::Current(offset) => (*position, offset),
        };
        match base.checked_add_signed(offset) {
            Some(to) => {
                *position = to;
                Ok(to)
            }
            None => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "invalid seek to a negative or overflowing position",
            )),
        }
    }
}
