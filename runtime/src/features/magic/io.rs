//! Input and output: `Read`, `Write`, `BufRead` and `Seek`, which read
//! nothing and accept every write unless configured.

// Arguments are taken by value to be journaled, as in `core/method/`.
#![allow(clippy::needless_pass_by_value)]

use super::child::{magic_trait, no_args, none, one_arg, NoArgs, OneArg};
use crate::core::method::call::kept_ok;
use crate::core::method::Method;
use crate::core::mock_core::MockCore;
use crate::core::render::render_one;
use std::io;
use std::sync::Arc;

/// The child mock of `Read::read`: journals the length of the buffer it was
/// given; its `returns_with` closure fills the buffer.
///
/// ```
/// use autospec::prelude::*;
/// use std::io::Read;
///
/// #[autospec(magic(Read))]
/// trait Source {}
///
/// let mut source = MockSource::default();
/// source.magic.read.read.returns_with(|buf| {
///     buf[..2].copy_from_slice(b"hi");
///     Ok(2)
/// });
/// let mut two = [0; 2];
/// source.read_exact(&mut two).unwrap();
/// assert_eq!(&two, b"hi");
/// source.magic.read.read.assert_called_once_with((2,));
/// ```
pub type ReadBuf =
    Method<(usize,), io::Result<usize>, dyn Fn(&mut [u8]) -> io::Result<usize> + Send + Sync>;

impl ReadBuf {
    /// Answers every later call with the closure's result; the closure
    /// receives the buffer to fill and returns how much it filled.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::Read;
    ///
    /// #[autospec(magic(Read))]
    /// trait Source {}
    ///
    /// let mut source = MockSource::default();
    /// source.magic.read.read.returns_with(|buf| {
    ///     buf.fill(b'z');
    ///     Ok(buf.len())
    /// });
    /// let mut three = [0; 3];
    /// assert_eq!(source.read(&mut three).unwrap(), 3);
    /// assert_eq!(&three, b"zzz");
    /// ```
    #[inline]
    pub fn returns_with(
        &self,
        answer: impl Fn(&mut [u8]) -> io::Result<usize> + Send + Sync + 'static,
    ) {
        self.__returns_with(Box::new(answer));
    }

    /// `Read::read`: the configured answer, else `Ok(0)` (end of input).
    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __read(&self, buf: &mut [u8]) -> io::Result<usize> {
        if self.__has_answer() {
            self.__call((buf.len(),), |answer| answer(buf))
        } else {
            self.__record((buf.len(),));
            Ok(0)
        }
    }
}

magic_trait! {
    /// `magic(Read)`: reads nothing (`Ok(0)`, the end of input), or what
    /// `read`'s `returns_with` closure puts in the buffer. For a reader with
    /// content, [`MockFile`](crate::MockFile) is usually simpler.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::Read;
    ///
    /// #[autospec(magic(Read))]
    /// trait Socket {}
    ///
    /// let mut socket = MockSocket::default();
    /// let mut text = String::new();
    /// assert_eq!(socket.read_to_string(&mut text).unwrap(), 0);
    /// socket.magic.read.read.returns_once(Err(std::io::ErrorKind::TimedOut.into()));
    /// assert!(socket.read(&mut [0; 4]).is_err());
    /// socket.magic.read.read.assert_called_with((4,));
    /// ```
    MagicRead<> {
        /// `Read::read`, journaled with the buffer's length.
        read: ReadBuf,
    }
}

impl MagicRead {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicRead {
            read: Method::__new(core, "magic.read.read", "", render_one, none, None),
        }
    }
}

magic_trait! {
    /// `magic(Write)`: every write is journaled with its bytes and accepted
    /// whole (`Ok(buf.len())`), flushes answer `Ok(())`; or the configured
    /// answers.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::Write;
    ///
    /// #[autospec(magic(Write))]
    /// trait Sink {}
    ///
    /// let mut sink = MockSink::default();
    /// write!(sink, "{}-{}", 1, 2).unwrap();
    /// sink.flush().unwrap();
    /// let chunks: Vec<u8> = sink.magic.write.write.call_args_list().into_iter().flat_map(|(chunk,)| chunk).collect();
    /// assert_eq!(chunks, b"1-2");
    /// sink.magic.write.flush.assert_called_once();
    /// ```
    MagicWrite<> {
        /// `Write::write`, journaled with the bytes.
        write: OneArg<Vec<u8>, io::Result<usize>>,
        /// `Write::flush`.
        flush: NoArgs<io::Result<()>>,
    }
}

impl MagicWrite {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicWrite {
            write: one_arg(core, "magic.write.write", none),
            flush: no_args(core, "magic.write.flush", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __write(&self, buf: &[u8]) -> io::Result<usize> {
        let len = buf.len();
        self.write.__apply_or(buf.to_vec(), || Ok(len))
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __flush(&self) -> io::Result<()> {
        self.flush.__apply_or(|| Ok(()))
    }
}

magic_trait! {
    /// `magic(BufRead)` (with `magic(Read)`, its supertrait): `fill_buf`
    /// answers an empty buffer (the end of input), or the configured bytes,
    /// which the mock keeps and lends out; `consume` is journaled.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::BufRead;
    ///
    /// #[autospec(magic(Read, BufRead))]
    /// trait Input {}
    ///
    /// let mut input = MockInput::default();
    /// input.magic.buf_read.fill_buf.returns_once(Ok(b"yes\n".to_vec()));
    /// let mut line = String::new();
    /// input.read_line(&mut line).unwrap();
    /// assert_eq!(line, "yes\n");
    /// input.magic.buf_read.consume.assert_called_once_with((4,));
    /// ```
    MagicBufRead<> {
        /// `BufRead::fill_buf`: the buffered bytes.
        fill_buf: NoArgs<io::Result<Vec<u8>>>,
        /// `BufRead::consume`, with the number of bytes used.
        consume: OneArg<usize, ()>,
    }
}

impl MagicBufRead {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicBufRead {
            fill_buf: no_args(core, "magic.buf_read.fill_buf", none),
            consume: one_arg(core, "magic.buf_read.consume", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __fill_buf(&self) -> io::Result<&[u8]> {
        let bytes = self.fill_buf.__apply_or(|| Ok(Vec::new()))?;
        let kept: &Vec<u8> = kept_ok(self.fill_buf.__keep(Ok(bytes)));
        Ok(kept)
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __consume(&self, amount: usize) {
        self.consume.__apply_or(amount, || ());
    }
}

magic_trait! {
    /// `magic(Seek)`: seeks are journaled with their `SeekFrom` and answer
    /// `Ok(0)`, or the configured position.
    ///
    /// ```
    /// use autospec::prelude::*;
    /// use std::io::{Seek, SeekFrom};
    ///
    /// #[autospec(magic(Seek))]
    /// trait Tape {}
    ///
    /// let mut tape = MockTape::default();
    /// tape.magic.seek.seek.returns_once(Ok(42));
    /// assert_eq!(tape.seek(SeekFrom::End(-8)).unwrap(), 42);
    /// assert_eq!(tape.stream_position().unwrap(), 0);
    /// tape.magic.seek.seek.assert_any_call((SeekFrom::End(-8),));
    /// ```
    MagicSeek<> {
        /// `Seek::seek`, with the position asked for.
        seek: OneArg<io::SeekFrom, io::Result<u64>>,
    }
}

impl MagicSeek {
    #[doc(hidden)]
    #[inline]
    pub fn __new(core: &Arc<MockCore>) -> Self {
        MagicSeek {
            seek: one_arg(core, "magic.seek.seek", none),
        }
    }

    #[doc(hidden)]
    #[inline]
    #[track_caller]
    pub fn __seek(&self, pos: io::SeekFrom) -> io::Result<u64> {
        self.seek.__apply_or(pos, || Ok(0))
    }
}
