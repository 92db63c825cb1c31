//! Matchers and expected arguments, and the methods of `Method` that take
//! them.
//!
//! - `matcher.rs`: the `Matcher` trait and the matchers (`eq`, `gt`,
//!   `contains`, `pred`, ..), generic over the argument they check only;
//! - `args.rs`: `ArgsMatch`, what the assertions accept as expected
//!   arguments (a plain tuple, or `args!(..)` with matchers), and the
//!   arity table of its tuple impls;
//! - `assert.rs`: `assert_called_with`, `assert_any_call`,
//!   `assert_has_calls`, `calls_matching` and the other assertions that
//!   compare arguments;
//! - `when.rs`: `when(..)` rules and `When`;
//! - `accepts.rs`: `accepts(..)`, the forms a call may have;
//! - `messages.rs`: their failure messages, not generic.
//!
//! May use: the core. Other features build on this one (waits, awaits,
//! ordering, dynamic mocks); it uses none of them.

pub(crate) mod accepts;
pub(crate) mod args;
pub(crate) mod assert;
pub(crate) mod matcher;
pub(crate) mod messages;
pub(crate) mod when;
