//! Declares every module of the macro crate (`macros/src/lib.rs`'s `mod x;`
//! lines) as a module of this binary, by absolute `#[path]`, so that the
//! binary follows the macro crate when modules are added or renamed.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let macros = manifest
        .join("../../macros/src")
        .canonicalize()
        .expect("bench/expand sits two levels below the repository root, beside macros/");
    let lib = macros.join("lib.rs");
    println!("cargo:rerun-if-changed={}", lib.display());
    let text = fs::read_to_string(&lib).expect("macros/src/lib.rs is readable");
    let mut out = String::new();
    let mut test_only = false;
    for line in text.lines() {
        let line = line.trim();
        // `#[cfg(test)]` on the line before: a test-only module, not part of the expansion.
        let after_cfg_test = std::mem::replace(&mut test_only, line == "#[cfg(test)]");
        if after_cfg_test || line.starts_with("#[cfg(test)]") {
            continue;
        }
        // `mod x;`, `pub(crate) mod x;`; inline modules and `#[cfg]`'d ones are not expected here.
        let Some(rest) = line.strip_suffix(';') else {
            continue;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let Some(pos) = words.iter().position(|word| *word == "mod") else {
            continue;
        };
        if pos + 2 != words.len() || !words[..pos].iter().all(|word| word.starts_with("pub")) {
            continue;
        }
        let name = words[pos + 1];
        let file = if macros.join(format!("{name}.rs")).exists() {
            macros.join(format!("{name}.rs"))
        } else {
            macros.join(name).join("mod.rs")
        };
        println!("cargo:rerun-if-changed={}", file.display());
        writeln!(
            out,
            "#[path = {:?}]\nmod {name};",
            file.display().to_string()
        )
        .expect("writing to a String");
    }
    assert!(
        !out.is_empty(),
        "found no `mod x;` line in {}",
        lib.display()
    );
    let dest =
        PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("macro_modules.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
