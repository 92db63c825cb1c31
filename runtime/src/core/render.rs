//! Values as messages and the journal show them: `Debug` text, short
//! type names, caught panics.
//!
//! Nothing here is generic over more than the one value it renders, and
//! the formatting itself goes through `dyn Debug`, so that it is compiled
//! once rather than once per argument type.

use std::fmt::Debug;

/// A value's `Debug` text, through `dyn` so that the formatting code is
/// compiled once rather than once per argument type. A `Debug` that panics
/// is caught and shown as such: journaling a call never changes what the
/// code under test sees.
pub fn debug_text(value: &dyn Debug) -> String {
    let text = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| format!("{value:?}")));
    text.unwrap_or_else(|panic| {
        let message = panic_message(&*panic);
        format!("<Debug panicked: {message}>")
    })
}

/// Each value's `Debug` text; the one loop for every tuple arity and type.
pub fn debug_texts(values: &[&dyn Debug]) -> Vec<String> {
    values.iter().map(|value| debug_text(value)).collect()
}

/// The arguments of a call without any, rendered (a method's `render`
/// for `()` arguments).
// The signature is the one `Method::__new` takes for `()` arguments.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn render_none(_: &()) -> Vec<String> {
    Vec::new()
}

/// The argument of a one-argument call, rendered.
pub(crate) fn render_one<T: Debug>(args: &(T,)) -> Vec<String> {
    vec![debug_text(&args.0)]
}

/// `std::any::type_name` without module paths: `Option<String>`, not
/// `core::option::Option<alloc::string::String>`.
pub(crate) fn type_name_of<T: ?Sized>() -> String {
    short_type_name(std::any::type_name::<T>())
}

/// The shortening of [`type_name_of`], compiled once rather than per type.
pub(crate) fn short_type_name(full: &str) -> String {
    let mut out = String::with_capacity(full.len());
    let mut segment_start = 0;
    for (i, ch) in full.char_indices() {
        if ch.is_alphanumeric() || ch == '_' || ch == ':' {
            continue;
        }
        push_last_segment(&mut out, &full[segment_start..i]);
        out.push(ch);
        segment_start = i + ch.len_utf8();
    }
    push_last_segment(&mut out, &full[segment_start..]);
    out
}

fn push_last_segment(out: &mut String, path: &str) {
    out.push_str(path.rsplit("::").next().unwrap_or(path));
}

/// The message of a caught panic's payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a non-string payload".to_owned()
    }
}
