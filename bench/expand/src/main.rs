//! `expand INPUT.rs OUT_DIR`: for every trait in INPUT.rs that carries an
//! `#[autospec]` attribute (also `#[autospec::autospec]`, `#[autospec(..)]`
//! and `#[cfg_attr(.., autospec)]`), writes `OUT_DIR/<Trait>.orig.rs` (the
//! trait without that attribute) and `OUT_DIR/<Trait>.expanded.rs` (what the
//! attribute turns it into, the trait included). Both are single-line token
//! dumps; the benchmark harness formats them with rustfmt and counts lines.
//!
//! The macro crate's modules are compiled in as modules of this binary (see
//! build.rs), and its pipeline entry `pipeline::autospec(args, item)` is called
//! on `proc_macro2` token streams, so no nightly `-Zunpretty` is needed.

// The macro crate's modules, compiled here; not all of their items are used.
#![allow(dead_code, unused_imports, unreachable_pub)]

// Lets a macro module that names `proc_macro` types compile (they are never
// called here: `pipeline::autospec` works on proc_macro2 streams).
extern crate proc_macro;

include!(concat!(env!("OUT_DIR"), "/macro_modules.rs"));

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::path::PathBuf;
use std::process::ExitCode;
use syn::punctuated::Punctuated;
use syn::{Attribute, Meta, Token};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: expand INPUT.rs OUT_DIR");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(input) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("expand: cannot read {input}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let file = match syn::parse_file(&source) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("expand: {input} does not parse: {error}");
            return ExitCode::FAILURE;
        }
    };
    let out_dir = PathBuf::from(out_dir);
    std::fs::create_dir_all(&out_dir).expect("OUT_DIR can be created");
    let mut count = 0;
    for item in file.items {
        let syn::Item::Trait(mut item) = item else {
            continue;
        };
        let Some((index, macro_args)) = item
            .attrs
            .iter()
            .enumerate()
            .find_map(|(i, attr)| autospec_args(attr).map(|args| (i, args)))
        else {
            continue;
        };
        item.attrs.remove(index);
        let original = item.to_token_stream();
        let expanded = pipeline::autospec(macro_args, original.clone());
        let name = item.ident.to_string();
        std::fs::write(
            out_dir.join(format!("{name}.orig.rs")),
            original.to_string(),
        )
        .expect("OUT_DIR is writable");
        std::fs::write(
            out_dir.join(format!("{name}.expanded.rs")),
            expanded.to_string(),
        )
        .expect("OUT_DIR is writable");
        count += 1;
    }
    println!("{count}");
    ExitCode::SUCCESS
}

/// The attribute's arguments if it is `#[autospec]` in one of its spellings.
fn autospec_args(attr: &Attribute) -> Option<TokenStream> {
    meta_args(&attr.meta)
}

fn meta_args(meta: &Meta) -> Option<TokenStream> {
    let is_autospec = |path: &syn::Path| {
        path.segments
            .last()
            .is_some_and(|segment| segment.ident == "autospec")
    };
    match meta {
        Meta::Path(path) if is_autospec(path) => Some(TokenStream::new()),
        Meta::List(list) if is_autospec(&list.path) => Some(list.tokens.clone()),
        Meta::List(list) if list.path.is_ident("cfg_attr") => {
            let parts = list
                .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .ok()?;
            parts.iter().skip(1).find_map(meta_args)
        }
        _ => None,
    }
}
