//! `args!(..)` and `assert_called!(..)`: expected arguments that may hold
//! matchers. Both are reached through `macro_rules!` wrappers in the runtime,
//! which pass `$crate` first so that a renamed dependency works.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Token};

/// `$crate; <input>`: the runtime's path, then the macro's own input.
struct WithCrate<T> {
    krate: TokenStream,
    input: T,
}

impl<T: Parse> Parse for WithCrate<T> {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut krate = TokenStream::new();
        while !input.peek(Token![;]) {
            let tree: TokenTree = input.parse()?;
            krate.extend([tree]);
        }
        input.parse::<Token![;]>()?;
        Ok(WithCrate {
            krate,
            input: input.parse()?,
        })
    }
}

/// The arguments of `args!`.
struct ArgList(Punctuated<Expr, Token![,]>);

impl Parse for ArgList {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Punctuated::parse_terminated(input).map(ArgList)
    }
}

/// `recv.method(args..) if guard`, the input of `assert_called!`; or
/// `guard(args..)` for the guard of a patch, which stands for its function.
struct WrittenCall {
    receiver: Expr,
    /// `None` for the call of a patch guard.
    method: Option<Ident>,
    turbofish: Option<syn::AngleBracketedGenericArguments>,
    /// The span of the argument list's parentheses, for a wrong arity.
    parens: Span,
    args: Vec<Expr>,
    guard: Option<Expr>,
}

impl Parse for WrittenCall {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let call: Expr = input.parse()?;
        let (receiver, method, turbofish, parens, args) = match call {
            Expr::MethodCall(call) => (
                *call.receiver,
                Some(call.method),
                // `of::<T>()` is written with its own `::`.
                call.turbofish.map(|mut turbofish| {
                    turbofish.colon2_token = None;
                    turbofish
                }),
                call.paren_token.span.join(),
                call.args.into_iter().collect(),
            ),
            Expr::Call(call) if matches!(&*call.func, Expr::Path(_)) => {
                let Expr::Path(mut path) = *call.func else {
                    unreachable!("matched as a path")
                };
                let turbofish = path.path.segments.last_mut().and_then(|last| {
                    match std::mem::take(&mut last.arguments) {
                        syn::PathArguments::AngleBracketed(mut args) => {
                            args.colon2_token = None;
                            Some(args)
                        }
                        _ => None,
                    }
                });
                (
                    Expr::Path(path),
                    None,
                    turbofish,
                    call.paren_token.span.join(),
                    call.args.into_iter().collect(),
                )
            }
            other => {
                return Err(syn::Error::new(
                    other.span(),
                    "expected a call written out, `mock.method(arg, ..)` (or `fetch(arg, ..)` for the guard of a `patch!`), optionally followed by `if guard`",
                ))
            }
        };
        let guard = if input.peek(Token![if]) {
            input.parse::<Token![if]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        if !input.is_empty() && !input.peek(Token![,]) {
            return Err(input.error("unexpected tokens after the call and its `if` guard"));
        }
        Ok(WrittenCall {
            receiver,
            method,
            turbofish,
            parens,
            args,
            guard,
        })
    }
}

/// What one written argument stands for.
enum Arg<'a> {
    /// `_`: anything.
    Any,
    /// A name the guard uses: binds the argument.
    Binding(&'a Ident),
    /// `|v| ..`: a predicate of the argument.
    Closure(&'a Expr),
    /// `matches_pattern!(pat)`.
    Pattern(TokenStream),
    /// A value compared with `==`, or a matcher.
    Value(&'a Expr),
}

fn classify<'a>(arg: &'a Expr, guard_names: &[String]) -> Arg<'a> {
    match arg {
        Expr::Infer(_) => Arg::Any,
        Expr::Closure(_) => Arg::Closure(arg),
        Expr::Macro(mac) if mac.mac.path.is_ident("matches_pattern") => {
            Arg::Pattern(mac.mac.tokens.clone())
        }
        Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            match path.path.get_ident() {
                Some(ident) if guard_names.contains(&ident.to_string()) => Arg::Binding(ident),
                _ => Arg::Value(arg),
            }
        }
        _ => Arg::Value(arg),
    }
}

/// An expression's text as a person would write it (`v.len() > 3`, not
/// the token stream's `v . len () > 3`), for failure messages.
fn source(tokens: &impl ToTokens) -> String {
    let mut printer = Printer::default();
    printer.stream(tokens.to_token_stream());
    printer.out
}

/// What was printed last, to decide whether a space comes next.
#[derive(Default, PartialEq, Clone, Copy)]
enum Last {
    /// Nothing yet, or an opening delimiter.
    #[default]
    Start,
    /// An identifier, literal or group: a following word needs a space.
    Word,
    /// `.`, `::`, a unary operator or an opening `|`: nothing follows with a space.
    Tight,
    /// A binary operator or a comma, already followed by a space.
    Spaced,
}

#[derive(Default)]
struct Printer {
    out: String,
    last: Last,
    /// Inside a closure's `|params|`.
    bars: bool,
    /// Open `<` of generic arguments.
    angles: usize,
    /// The operator being printed continues (its last char was `Joint`),
    /// and whether it is binary.
    joint: Option<bool>,
    /// The last word, to tell `Vec<` from `a < b`.
    word: String,
}

impl Printer {
    fn stream(&mut self, tokens: TokenStream) {
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => self.word(&ident.to_string()),
                TokenTree::Literal(literal) => self.word(&literal.to_string()),
                TokenTree::Group(group) => self.group(&group),
                TokenTree::Punct(punct) => self.punct(punct.as_char(), punct.spacing()),
            }
        }
    }

    fn word(&mut self, text: &str) {
        if self.last == Last::Word {
            self.out.push(' ');
        }
        self.out.push_str(text);
        text.clone_into(&mut self.word);
        self.last = if matches!(text, "if" | "in" | "return" | "match" | "else" | "while") {
            self.out.push(' ');
            Last::Spaced
        } else {
            Last::Word
        };
    }

    fn group(&mut self, group: &proc_macro2::Group) {
        use proc_macro2::Delimiter;
        let (open, close) = match group.delimiter() {
            Delimiter::Parenthesis => ("(", ")"),
            Delimiter::Bracket => ("[", "]"),
            Delimiter::Brace => ("{ ", " }"),
            Delimiter::None => ("", ""),
        };
        if self.last == Last::Word && group.delimiter() == Delimiter::Brace {
            self.out.push(' ');
        }
        self.out.push_str(open);
        let mut inner = Printer::default();
        inner.stream(group.stream());
        self.out.push_str(&inner.out);
        self.out.push_str(close);
        self.last = Last::Word;
    }

    fn punct(&mut self, c: char, spacing: proc_macro2::Spacing) {
        let joint = spacing == proc_macro2::Spacing::Joint;
        if let Some(binary) = self.joint {
            let continues = if binary {
                "=&|<>-.".contains(c)
            } else {
                self.out.ends_with(c)
            };
            if continues {
                self.out.push(c);
                self.end_op(binary, joint);
                return;
            }
            self.end_op(binary, false);
        }
        let unary_place = matches!(self.last, Last::Start | Last::Tight | Last::Spaced);
        match c {
            ',' | ';' => {
                self.out.push(c);
                self.out.push(' ');
                self.last = Last::Spaced;
            }
            '?' => self.out.push(c),
            '.' | '\'' => {
                self.out.push(c);
                self.joint = joint.then_some(false);
                self.last = Last::Tight;
            }
            ':' if joint => {
                self.out.push(c);
                self.joint = Some(false);
            }
            ':' => {
                self.out.push_str(": ");
                self.last = Last::Spaced;
            }
            '!' if self.last == Last::Word => {
                self.out.push(c);
                self.last = Last::Tight;
            }
            '|' if self.bars => {
                self.out.push_str("| ");
                self.bars = false;
                self.last = Last::Spaced;
            }
            '<' if (self.word.starts_with(char::is_uppercase) && self.last == Last::Word)
                || self.out.ends_with("::") =>
            {
                self.out.push(c);
                self.angles += 1;
                self.last = Last::Tight;
            }
            '>' if self.angles > 0 => {
                self.out.push(c);
                self.angles -= 1;
                self.last = Last::Word;
            }
            '&' | '*' | '-' | '!' | '|' if unary_place => {
                self.out.push(c);
                if c == '|' {
                    self.bars = true;
                }
                self.last = Last::Tight;
            }
            _ => {
                if self.last != Last::Spaced {
                    self.out.push(' ');
                }
                self.out.push(c);
                self.end_op(true, joint);
            }
        }
    }

    /// After an operator's char: more follow (`joint`), or it is complete.
    fn end_op(&mut self, binary: bool, joint: bool) {
        if joint {
            self.joint = Some(binary);
            return;
        }
        self.joint = None;
        if binary {
            self.out.push(' ');
            self.last = Last::Spaced;
        } else {
            self.last = Last::Tight;
        }
    }
}

/// Every identifier in the guard, to tell bindings from values.
fn idents(tokens: TokenStream, out: &mut Vec<String>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => out.push(ident.to_string()),
            TokenTree::Group(group) => idents(group.stream(), out),
            _ => {}
        }
    }
}

/// `let e = { .. };` for a value or matcher: a matcher is kept, a value
/// becomes an `==` matcher showing its `Debug`.
fn element(rt: &TokenStream, expr: &Expr) -> TokenStream {
    quote! {{
        let __autospec_value = #expr;
        #rt::Probe::new(&__autospec_value)
            .kind()
            .wrap(__autospec_value, |__autospec_value| #rt::Render::new(__autospec_value).render())
    }}
}

/// `args!(e, ..)`: the values and matchers, evaluated once, and a check
/// of the journaled tuple that the runtime's `Args::new` keeps. The tuple
/// type is inferred where the `Args` is used, and each matcher is checked
/// against its parameter's type in its own call, spanned on the matcher.
pub(crate) fn args(input: TokenStream) -> TokenStream {
    let WithCrate { krate, input } = match syn::parse2::<WithCrate<ArgList>>(input) {
        Ok(parsed) => parsed,
        Err(error) => return error.to_compile_error(),
    };
    let rt = quote!(#krate::__private);
    let mut parts = Parts::default();
    for (i, arg) in input.0.iter().enumerate() {
        match classify(arg, &[]) {
            Arg::Pattern(tokens) => return syn::Error::new(
                tokens.span(),
                "`matches_pattern!` needs the argument's type: use it in `assert_called!(mock.method(..))`, or write a closure with a typed parameter, `|v: &Option<u32>| matches!(v, Some(3))`",
            )
            .to_compile_error(),
            // A closure is kept as a matcher, so that it borrows what it
            // captures, as written, rather than being moved into the check.
            Arg::Closure(closure) => {
                let text = source(closure);
                let element = quote!(#rt::Pred::__source(#closure, #text));
                parts.matcher(&rt, i, closure.span(), &element);
            }
            kind => parts.add(&rt, i, &kind),
        }
    }
    let Parts {
        values,
        texts,
        patterns,
        checks,
        bound: _,
    } = parts;
    quote! {{
        #(#values)*
        #rt::Args::new(
            ::std::vec![#(#texts),*],
            move |__autospec_args, __autospec_check: &mut #rt::Check| {
                #[allow(unused_variables, clippy::unused_unit)]
                let (#(#patterns,)*) = __autospec_args;
                #(#checks)*
                __autospec_check.__passed()
            },
        )
    }}
}

/// The pieces of the check that `assert_called!` writes out, argument by
/// argument.
#[derive(Default)]
struct Parts {
    /// `let __autospec_e0 = ..;`: values and matchers, evaluated once.
    values: Vec<TokenStream>,
    /// Each argument as the expected call shows it.
    texts: Vec<TokenStream>,
    /// The tuple pattern's elements.
    patterns: Vec<TokenStream>,
    /// The checks, in argument order.
    checks: Vec<TokenStream>,
    /// The positions of arguments bound for the guard.
    bound: Vec<usize>,
}

impl Parts {
    fn add(&mut self, rt: &TokenStream, i: usize, kind: &Arg<'_>) {
        let arg = format_ident!("__autospec_a{}", i);
        let checked = |ok: TokenStream, text: &str| {
            quote! {
                let __autospec_ok = #ok;
                if !__autospec_check.__test(::core::option::Option::Some(#i), __autospec_ok, &|| ::std::borrow::ToOwned::to_owned(#text))
                    && !__autospec_check.__go_on()
                {
                    return false;
                }
            }
        };
        match kind {
            Arg::Any => {
                self.texts
                    .push(quote!(::std::borrow::ToOwned::to_owned("_")));
                self.patterns.push(quote!(_));
            }
            Arg::Binding(ident) => {
                let text = ident.to_string();
                self.texts
                    .push(quote!(::std::borrow::ToOwned::to_owned(#text)));
                self.patterns.push(quote!(#ident));
                self.bound.push(i);
            }
            Arg::Closure(closure) => {
                let text = source(closure);
                self.texts
                    .push(quote!(::std::borrow::ToOwned::to_owned(#text)));
                self.patterns.push(quote!(#arg));
                self.checks
                    .push(checked(quote!(#rt::call_pred(#arg, #closure)), &text));
            }
            Arg::Pattern(pattern) => {
                let text = format!("matches {}", source(pattern));
                self.texts
                    .push(quote!(::std::borrow::ToOwned::to_owned(#text)));
                self.patterns.push(quote!(#arg));
                self.checks
                    .push(checked(quote!(::core::matches!(#arg, #pattern)), &text));
            }
            Arg::Value(expr) => self.matcher(rt, i, expr.span(), &element(rt, expr)),
        }
    }

    /// A value or matcher, evaluated once into a local, and its check.
    /// The local and the check carry the matcher's span: a matcher that
    /// does not apply to the parameter's type is reported there, by the
    /// trait `Matcher` alone (a trait method's call adds no note naming a
    /// function).
    fn matcher(&mut self, rt: &TokenStream, i: usize, span: Span, element: &TokenStream) {
        let local = Ident::new(&format!("__autospec_e{i}"), span);
        let arg = format_ident!("__autospec_a{}", i);
        self.values.push(quote!(let #local = #element;));
        self.texts.push(quote!(#rt::Describe::describe(&#local)));
        self.patterns.push(quote!(#arg));
        let ok = quote::quote_spanned!(span=> #rt::Matcher::matches(&#local, #arg));
        self.checks.push(quote! {
            if !__autospec_check.__test(::core::option::Option::Some(#i), #ok, &|| #rt::Describe::describe(&#local))
                && !__autospec_check.__go_on()
            {
                return false;
            }
        });
    }
}

/// `assert_called!(recv.method(args..) if guard)`.
pub(crate) fn assert_called(input: TokenStream) -> TokenStream {
    let WithCrate { krate, input } = match syn::parse2::<WithCrate<WrittenCall>>(input) {
        Ok(parsed) => parsed,
        Err(error) => return error.to_compile_error(),
    };
    let expected = expected(&quote!(#krate::__private), &input);
    quote! {{
        #expected
        __autospec_method.assert_any_call(__autospec_expected);
    }}
}

/// The calls of `assert_in_order!`.
struct CallList(Punctuated<WrittenCall, Token![,]>);

impl Parse for CallList {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Punctuated::parse_terminated(input).map(CallList)
    }
}

/// `assert_in_order!(a.get(..), b.put(..) if guard, ..)`.
pub(crate) fn assert_in_order(input: TokenStream) -> TokenStream {
    let WithCrate { krate, input } = match syn::parse2::<WithCrate<CallList>>(input) {
        Ok(parsed) => parsed,
        Err(error) => return error.to_compile_error(),
    };
    let rt = quote!(#krate::__private);
    let steps = input.0.iter().map(|call| {
        let expected = expected(&rt, call);
        quote! {{
            #expected
            __autospec_order.step(__autospec_method, &__autospec_expected);
        }}
    });
    quote! {{
        let mut __autospec_order = #rt::InOrder::default();
        #(#steps)*
        __autospec_order.check();
    }}
}

/// `let __autospec_method = &recv.method; .. let __autospec_expected = ..;`:
/// the method of a written call and its arguments as an `Args`.
fn expected(rt: &TokenStream, input: &WrittenCall) -> TokenStream {
    let mut guard_names = Vec::new();
    if let Some(guard) = &input.guard {
        idents(guard.to_token_stream(), &mut guard_names);
    }
    let mut parts = Parts::default();
    for (i, arg) in input.args.iter().enumerate() {
        parts.add(rt, i, &classify(arg, &guard_names));
    }
    let Parts {
        values,
        texts,
        patterns,
        checks,
        bound: guard_index,
    } = parts;
    let (guard_text, guard_check) = match &input.guard {
        Some(guard) => {
            let text = source(guard);
            let index = if let [one] = guard_index.as_slice() {
                quote!(::core::option::Option::Some(#one))
            } else {
                quote!(::core::option::Option::None)
            };
            (
                quote!(::core::option::Option::Some(#text)),
                quote! {
                    let __autospec_ok: bool = #guard;
                    __autospec_check.__test(#index, __autospec_ok, &|| ::std::borrow::ToOwned::to_owned(#text));
                },
            )
        }
        None => (quote!(::core::option::Option::None), TokenStream::new()),
    };
    let receiver = &input.receiver;
    let field = match (&input.method, &input.turbofish) {
        (Some(method), Some(turbofish)) => quote!((#receiver).#method.of::#turbofish()),
        (Some(method), None) => quote!((#receiver).#method),
        (None, Some(turbofish)) => {
            let child = patch_child(rt, receiver);
            quote!(#child.of::#turbofish())
        }
        (None, None) => {
            let child = patch_child(rt, receiver);
            quote!(*#child)
        }
    };
    let method_ref = quote!(__autospec_method);
    // The tuple pattern carries the span of the written arguments, so a
    // wrong arity is reported there.
    let tuple = quote::quote_spanned!(input.parens=> (#(#patterns,)*));
    let destructure = quote! {
        #[allow(unused_variables, clippy::unused_unit)]
        let #tuple = __autospec_args;
    };
    // Through `bounds::WrittenCall`, so that a generic method's field (no
    // method of its own) gets its message; `let field = &..;` first keeps
    // a temporary (`of::<T>()`) alive.
    let target = quote!(#rt::written_call(__autospec_field));
    quote! {
        let __autospec_field = &#field;
        let #method_ref = #target;
        #(#values)*
        let __autospec_expected = #method_ref.__args(
            ::std::vec![#(#texts),*],
            #guard_text,
            move |__autospec_args, __autospec_check| {
                #destructure
                #(#checks)*
                #guard_check
                __autospec_check.__passed()
            },
        );
    }
}

/// The child mock of a patch guard, spanned on the guard, where an error
/// says that the name is not one.
fn patch_child(rt: &TokenStream, guard: &Expr) -> TokenStream {
    quote::quote_spanned!(guard.span()=> #rt::PatchGuard::child(&(#guard)))
}

#[cfg(test)]
mod tests {
    use super::source;

    fn shown(text: &str) -> String {
        source(&text.parse::<proc_macro2::TokenStream>().unwrap())
    }

    #[test]
    fn expressions_print_as_written() {
        for text in [
            "v.len() > 3",
            "|v: &Vec<u8>| v.len() == 4",
            "|key| key.starts_with('k') && !key.is_empty()",
            "Some(n) if *n > 2",
            "std::mem::size_of::<u8>() >= 1",
            "contains(\"k\")",
            "[1, 2, 3]",
            "a || -b",
            "x as u64 + 1",
        ] {
            assert_eq!(shown(text), text);
        }
    }
}
