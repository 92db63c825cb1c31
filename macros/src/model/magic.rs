//! The std traits of `#[autospec(magic(..))]`: which ones autospec knows,
//! and what each entry of the list says. `validate` reports the entries
//! that are wrong, `expand::magic` emits the others.

use crate::queries::is_self;
use syn::{GenericArgument, Path, PathArguments, Type};

/// What a magic trait needs besides its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    No,
    Optional,
    Required,
}

/// How a magic trait is implemented.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Display,
    PartialEq,
    Eq,
    PartialOrd,
    Hash,
    Iterator,
    IntoIterator,
    Index,
    /// `Add<Rhs>` and the other binary operators: `self` by value, one argument.
    Binary,
    /// `AddAssign<Rhs>` and the others: `&mut self`, one argument, no answer.
    Assign,
    /// `Neg` and `Not`: `self` by value.
    Unary,
    Read,
    Write,
    BufRead,
    Seek,
    Drop,
    AsRef,
    From,
}

/// One trait autospec can add to a mock.
pub(crate) struct Spec {
    /// The trait's name, as written in `magic(..)`.
    pub(crate) name: &'static str,
    /// The field of the `magic` struct, and the runtime type's key.
    pub(crate) field: &'static str,
    /// The path of the std trait, for the impl.
    pub(crate) path: &'static str,
    /// The trait's method, for operators (`add` for `Add`).
    pub(crate) method: &'static str,
    pub(crate) kind: Kind,
    /// The type parameter (`Rhs`, `Idx`, `T`).
    arg: Need,
    /// `Item = T`.
    item: Need,
    /// `Output = T`.
    output: Need,
}

const fn spec(
    name: &'static str,
    field: &'static str,
    path: &'static str,
    kind: Kind,
    (arg, item, output): (Need, Need, Need),
) -> Spec {
    Spec {
        name,
        field,
        path,
        method: "",
        kind,
        arg,
        item,
        output,
    }
}

const fn op(
    name: &'static str,
    field: &'static str,
    method: &'static str,
    path: &'static str,
    kind: Kind,
) -> Spec {
    let output = if matches!(kind, Kind::Assign) {
        Need::No
    } else {
        Need::Optional
    };
    let arg = if matches!(kind, Kind::Unary) {
        Need::No
    } else {
        Need::Required
    };
    Spec {
        name,
        field,
        path,
        method,
        kind,
        arg,
        item: Need::No,
        output,
    }
}

const PLAIN: (Need, Need, Need) = (Need::No, Need::No, Need::No);

/// Every trait `magic(..)` accepts, in the order the error message lists them.
const SPECS: &[Spec] = &[
    spec(
        "Display",
        "display",
        "::core::fmt::Display",
        Kind::Display,
        PLAIN,
    ),
    spec(
        "PartialEq",
        "partial_eq",
        "::core::cmp::PartialEq",
        Kind::PartialEq,
        PLAIN,
    ),
    spec("Eq", "", "::core::cmp::Eq", Kind::Eq, PLAIN),
    spec(
        "PartialOrd",
        "partial_ord",
        "::core::cmp::PartialOrd",
        Kind::PartialOrd,
        PLAIN,
    ),
    spec("Hash", "hash", "::core::hash::Hash", Kind::Hash, PLAIN),
    spec(
        "Iterator",
        "iterator",
        "::core::iter::Iterator",
        Kind::Iterator,
        (Need::No, Need::Required, Need::No),
    ),
    spec(
        "IntoIterator",
        "into_iterator",
        "::core::iter::IntoIterator",
        Kind::IntoIterator,
        (Need::No, Need::Required, Need::No),
    ),
    spec(
        "Index",
        "index",
        "::core::ops::Index",
        Kind::Index,
        (Need::Required, Need::No, Need::Required),
    ),
    op("Add", "add", "add", "::core::ops::Add", Kind::Binary),
    op("Sub", "sub", "sub", "::core::ops::Sub", Kind::Binary),
    op("Mul", "mul", "mul", "::core::ops::Mul", Kind::Binary),
    op("Div", "div", "div", "::core::ops::Div", Kind::Binary),
    op("Rem", "rem", "rem", "::core::ops::Rem", Kind::Binary),
    op(
        "BitAnd",
        "bit_and",
        "bitand",
        "::core::ops::BitAnd",
        Kind::Binary,
    ),
    op(
        "BitOr",
        "bit_or",
        "bitor",
        "::core::ops::BitOr",
        Kind::Binary,
    ),
    op(
        "BitXor",
        "bit_xor",
        "bitxor",
        "::core::ops::BitXor",
        Kind::Binary,
    ),
    op("Shl", "shl", "shl", "::core::ops::Shl", Kind::Binary),
    op("Shr", "shr", "shr", "::core::ops::Shr", Kind::Binary),
    op(
        "AddAssign",
        "add_assign",
        "add_assign",
        "::core::ops::AddAssign",
        Kind::Assign,
    ),
    op(
        "SubAssign",
        "sub_assign",
        "sub_assign",
        "::core::ops::SubAssign",
        Kind::Assign,
    ),
    op(
        "MulAssign",
        "mul_assign",
        "mul_assign",
        "::core::ops::MulAssign",
        Kind::Assign,
    ),
    op(
        "DivAssign",
        "div_assign",
        "div_assign",
        "::core::ops::DivAssign",
        Kind::Assign,
    ),
    op(
        "RemAssign",
        "rem_assign",
        "rem_assign",
        "::core::ops::RemAssign",
        Kind::Assign,
    ),
    op(
        "BitAndAssign",
        "bit_and_assign",
        "bitand_assign",
        "::core::ops::BitAndAssign",
        Kind::Assign,
    ),
    op(
        "BitOrAssign",
        "bit_or_assign",
        "bitor_assign",
        "::core::ops::BitOrAssign",
        Kind::Assign,
    ),
    op(
        "BitXorAssign",
        "bit_xor_assign",
        "bitxor_assign",
        "::core::ops::BitXorAssign",
        Kind::Assign,
    ),
    op(
        "ShlAssign",
        "shl_assign",
        "shl_assign",
        "::core::ops::ShlAssign",
        Kind::Assign,
    ),
    op(
        "ShrAssign",
        "shr_assign",
        "shr_assign",
        "::core::ops::ShrAssign",
        Kind::Assign,
    ),
    op("Neg", "neg", "neg", "::core::ops::Neg", Kind::Unary),
    op("Not", "not", "not", "::core::ops::Not", Kind::Unary),
    spec("Read", "read", "::std::io::Read", Kind::Read, PLAIN),
    spec("Write", "write", "::std::io::Write", Kind::Write, PLAIN),
    spec(
        "BufRead",
        "buf_read",
        "::std::io::BufRead",
        Kind::BufRead,
        PLAIN,
    ),
    spec("Seek", "seek", "::std::io::Seek", Kind::Seek, PLAIN),
    spec("Drop", "drop", "::core::ops::Drop", Kind::Drop, PLAIN),
    spec(
        "AsRef",
        "as_ref",
        "::core::convert::AsRef",
        Kind::AsRef,
        (Need::Required, Need::No, Need::No),
    ),
    spec(
        "From",
        "from",
        "::core::convert::From",
        Kind::From,
        (Need::Required, Need::No, Need::No),
    ),
];

/// One entry of `magic(..)`, understood.
pub(crate) struct MagicTrait<'a> {
    /// The entry as written, for spans.
    pub(crate) path: &'a Path,
    pub(crate) spec: &'static Spec,
    /// `Rhs` of `Add<Rhs>`, `Idx` of `Index<Idx>`, `T` of `AsRef<T>`/`From<T>`.
    pub(crate) arg: Option<&'a Type>,
    /// `Item = T` of the iterator traits.
    pub(crate) item: Option<&'a Type>,
    /// `Output = T`; `None` for the mock itself (`Output = Self` included).
    pub(crate) output: Option<&'a Type>,
}

impl<'a> MagicTrait<'a> {
    /// The entry, or the error that says what is wrong with it.
    pub(crate) fn from_path(path: &'a Path) -> syn::Result<Self> {
        let Some(last) = path.segments.last() else {
            return Err(syn::Error::new_spanned(path, "expected a trait name"));
        };
        let name = last.ident.to_string();
        let Some(spec) = SPECS.iter().find(|spec| spec.name == name) else {
            return Err(syn::Error::new_spanned(&last.ident, unknown(&name)));
        };
        let mut entry = MagicTrait {
            path,
            spec,
            arg: None,
            item: None,
            output: None,
        };
        match &last.arguments {
            PathArguments::None => {}
            PathArguments::AngleBracketed(args) => {
                for arg in &args.args {
                    entry.take(arg)?;
                }
            }
            PathArguments::Parenthesized(args) => {
                return Err(syn::Error::new_spanned(args, entry.usage()));
            }
        }
        entry.check_needs()?;
        Ok(entry)
    }

    /// Takes one generic argument of the entry.
    fn take(&mut self, arg: &'a GenericArgument) -> syn::Result<()> {
        let spec = self.spec;
        match arg {
            GenericArgument::Type(ty) if spec.arg != Need::No && self.arg.is_none() => {
                refuse_self(ty)?;
                self.arg = Some(ty);
            }
            GenericArgument::AssocType(assoc)
                if assoc.generics.is_none()
                    && assoc.ident == "Item"
                    && spec.item != Need::No
                    && self.item.is_none() =>
            {
                refuse_self(&assoc.ty)?;
                self.item = Some(&assoc.ty);
            }
            GenericArgument::AssocType(assoc)
                if assoc.generics.is_none()
                    && assoc.ident == "Output"
                    && spec.output != Need::No
                    && self.output.is_none() =>
            {
                // `Output = Self` is what leaving `Output` out means.
                if !is_self(&assoc.ty) {
                    self.output = Some(&assoc.ty);
                }
            }
            _ => return Err(syn::Error::new_spanned(arg, self.usage())),
        }
        Ok(())
    }

    fn check_needs(&self) -> syn::Result<()> {
        let missing = (self.spec.arg == Need::Required && self.arg.is_none())
            || (self.spec.item == Need::Required && self.item.is_none())
            || (self.spec.output == Need::Required && self.output.is_none());
        if missing {
            return Err(syn::Error::new_spanned(self.path, self.usage()));
        }
        Ok(())
    }

    /// How to write this trait in `magic(..)`.
    fn usage(&self) -> String {
        let spec = self.spec;
        let form = match spec.kind {
            Kind::Iterator | Kind::IntoIterator => format!("`{}<Item = T>`", spec.name),
            Kind::Index => "`Index<Idx, Output = T>`".to_owned(),
            Kind::Binary => format!("`{0}<Rhs>` or `{0}<Rhs, Output = T>`", spec.name),
            Kind::Unary => format!("`{0}` or `{0}<Output = T>`", spec.name),
            Kind::Assign | Kind::AsRef | Kind::From => format!("`{}<T>`", spec.name),
            _ => format!("`{}`, without arguments", spec.name),
        };
        format!("write this magic trait as {form}")
    }

    /// `None` for the mock itself (`Output` left out, or `Output = Self`).
    pub(crate) fn output(&self) -> Option<&'a Type> {
        self.output
    }
}

/// The message for a name `magic(..)` does not know.
fn unknown(name: &str) -> String {
    if matches!(name, "Debug" | "Clone" | "Default") {
        return format!("every mock implements `{name}` already; remove it from `magic(..)`");
    }
    let known: Vec<&str> = SPECS.iter().map(|spec| spec.name).collect();
    format!(
        "`{name}` is not a magic trait autospec knows; it knows {}. Implement other traits for the mock by hand",
        known.join(", ")
    )
}

/// Arguments are journaled, and a mock inside its own journal would show
/// itself when rendered; an `Item` of the mock's type would hand out the
/// mock inside its own answers.
fn refuse_self(ty: &Type) -> syn::Result<()> {
    if crate::queries::mentions_self(ty) {
        return Err(syn::Error::new_spanned(
            ty,
            "a magic trait's argument cannot be the mock itself (`Self`); use another type, or `magic(PartialEq)` for comparisons between mocks",
        ));
    }
    Ok(())
}
