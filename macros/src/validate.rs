//! Checks that report every problem with the mocked item at once, each on
//! the tokens that cause it.

use crate::attr::Args;
use crate::input::{DoublesInput, RestatedImpl};
use crate::model::{
    impl_traits, is_async_trait, matches_bounds, skip_list, AssocType, Method, Origin, Ret, Target,
    Trait, MAX_PART,
};
use crate::queries::{self_type_ident, Mentions};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{
    Error, ForeignItem, ForeignItemFn, GenericParam, Ident, Item, ItemFn, ItemForeignMod, ItemImpl,
    ReturnType, TraitItem, Type,
};

/// The most parameters a mocked method may have (the journal's tuple impls).
const MAX_PARAMS: usize = 16;

/// Collects errors so that the user sees all of them in one build.
#[derive(Default)]
struct Errors(Option<Error>);

impl Errors {
    fn push(&mut self, tokens: impl ToTokens, message: impl std::fmt::Display) {
        let error = Error::new_spanned(tokens, message);
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn push_error(&mut self, error: Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn finish(self) -> Result<(), Error> {
        self.0.map_or(Ok(()), Err)
    }
}

/// What `#[autospec]` is on: an item it mocks or hooks; and `part = N`
/// only on an impl block that gets a mock.
pub(crate) fn check_target<'i>(item: &'i Item, args: &Args) -> Result<Target<'i>, Error> {
    let target = match item {
        Item::Trait(item_trait) => Some(Target::Trait(item_trait)),
        Item::Impl(item_impl) if item_impl.trait_.is_none() && args.patchable => {
            Some(Target::PatchableImpl(item_impl))
        }
        Item::Impl(item_impl) if item_impl.trait_.is_none() => Some(Target::ImplBlock(item_impl)),
        Item::Impl(item_impl) if !args.patchable => Some(Target::TraitImpl(item_impl)),
        Item::Fn(item_fn) => Some(Target::Function(item_fn)),
        Item::ForeignMod(block) => Some(Target::ExternBlock(block)),
        _ => None,
    };
    let takes_part = matches!(target, Some(Target::ImplBlock(_) | Target::TraitImpl(_)));
    if let (Some(number), false) = (&args.part, takes_part) {
        return Err(Error::new_spanned(number, "`part` marks a further `impl` block of a type whose first block has a plain `#[autospec]`; it does not apply here"));
    }
    target.ok_or_else(|| unsupported_item(item))
}

fn unsupported_item(item: &Item) -> Error {
    let what = match item {
        Item::Struct(_) => "a struct",
        Item::Enum(_) => "an enum",
        Item::Union(_) => "a union",
        Item::Const(_) => "a const",
        Item::Static(_) => "a static",
        Item::Impl(_) => "a trait impl with `patchable` (a patch hooks the methods of an inherent impl block); drop `patchable` to mock the type's impl of the trait",
        Item::Mod(_) => "a module",
        Item::Type(_) => "a type alias",
        _ => "this item",
    };
    let hint = match item {
        Item::Struct(_) | Item::Enum(_) | Item::Union(_) => {
            "; put it on the type's `impl` block to mock its methods"
        }
        _ => "",
    };
    let message =
        format!("#[autospec] mocks a trait or an inherent impl block; it cannot mock {what}{hint}");
    Error::new_spanned(item_keyword(item), message)
}

/// The keyword that names the item's kind, for a short error span.
fn item_keyword(item: &Item) -> TokenStream {
    match item {
        Item::Struct(s) => s.struct_token.to_token_stream(),
        Item::Enum(e) => e.enum_token.to_token_stream(),
        Item::Union(u) => u.union_token.to_token_stream(),
        Item::Impl(i) => i.impl_token.to_token_stream(),
        Item::Fn(f) => f.sig.fn_token.to_token_stream(),
        Item::Const(c) => c.const_token.to_token_stream(),
        Item::Static(s) => s.static_token.to_token_stream(),
        Item::Mod(m) => m.mod_token.to_token_stream(),
        Item::Type(t) => t.type_token.to_token_stream(),
        other => other.to_token_stream(),
    }
}

/// An impl block that gets a mock is for a type with a name, the name of
/// its spec trait.
pub(crate) fn check_impl_block(item_impl: &ItemImpl) -> Result<&Ident, Error> {
    self_type_ident(&item_impl.self_ty).ok_or_else(|| {
        Error::new_spanned(
            &item_impl.self_ty,
            "#[autospec] mocks an impl block of a named type (`impl Client { .. }`)",
        )
    })
}

/// A trait impl that gets a mock: of a named type, positive, with items
/// autospec can restate. Returns the type's name and the trait's path.
pub(crate) fn check_trait_impl(item_impl: &ItemImpl) -> Result<(&Ident, &syn::Path), Error> {
    let Some((path, _)) = &item_impl.trait_ else {
        unreachable!("`check_target` sends only trait impls here")
    };
    if let Some(negative) = &item_impl.modifiers.polarity {
        return Err(Error::new_spanned(
            negative,
            "#[autospec] cannot mock a negative impl (`impl !Trait for Type`): it has no methods",
        ));
    }
    let generic = |ident: &Ident| {
        item_impl
            .generics
            .type_params()
            .any(|param| param.ident == *ident)
    };
    let Some(ident) = self_type_ident(&item_impl.self_ty).filter(|ident| !generic(ident)) else {
        return Err(Error::new_spanned(
            &item_impl.self_ty,
            "#[autospec] mocks a trait impl for a named type (`impl Store for Client`): its mock, `MockClient`, is named after the type; put #[autospec] on the trait to mock it for every type",
        ));
    };
    for item in &item_impl.items {
        if let syn::ImplItem::Verbatim(tokens) = item {
            return Err(Error::new_spanned(
                tokens,
                "#[autospec] does not understand this impl item",
            ));
        }
    }
    Ok((ident, path))
}

/// `#[autospec(part = N)]`: a number from 2 to `MAX_PART`, on a
/// non-generic impl block without associated functions, whose methods pass
/// [`check_trait`]. Every problem is reported at once.
pub(crate) fn check_part(
    item_impl: &ItemImpl,
    model: &Trait<'_>,
    number: &syn::LitInt,
    args: &Args,
) -> Result<u8, Error> {
    let mut errors = Errors::default();
    let parsed = number
        .base10_parse::<u8>()
        .ok()
        .filter(|n| (2..=MAX_PART).contains(n));
    if parsed.is_none() {
        errors.push(number, format!("`part` numbers a further impl block of the type, from 2 (the first block, with a plain `#[autospec]`, is part 1) to {MAX_PART}"));
    }
    if !item_impl.generics.params.is_empty() {
        errors.push(&item_impl.generics, "`#[autospec(part = ..)]` does not support generic impl blocks yet; mock a generic type's methods in one `#[autospec]` block");
    }
    for method in model.static_methods() {
        errors.push(&method.sig.ident, format!("`{}` has no `self`, so it belongs to the mock's class, which the first block defines: move it to the block with the plain `#[autospec]`", method.name()));
    }
    if let Err(error) = check_trait(model, args) {
        errors.push_error(error);
    }
    match (errors.finish(), parsed) {
        (Ok(()), Some(number)) => Ok(number),
        (Err(error), _) => Err(error),
        (Ok(()), None) => unreachable!("an unparsed number is an error"),
    }
}

/// `#[autospec]` on a free function: a hook it can consult at run time,
/// and no mock type for `magic(..)`.
pub(crate) fn check_function(item_fn: &ItemFn, args: &Args) -> Result<(), Error> {
    if let Some(error) = magic_without_mock(args) {
        return Err(error);
    }
    if let Some(constness) = &item_fn.sig.constness {
        return Err(Error::new_spanned(constness, "#[autospec] cannot hook a `const fn`: a patch is consulted at run time; remove `const`, or patch a function it calls"));
    }
    Ok(())
}

/// `#[autospec(patchable)]` on an impl block: of a named type (its name is
/// returned), not generic, and no mock type for `magic(..)`.
pub(crate) fn check_patchable_impl<'i>(
    item_impl: &'i ItemImpl,
    args: &Args,
) -> Result<&'i Ident, Error> {
    if let Some(error) = magic_without_mock(args) {
        return Err(error);
    }
    let generic = |ident: &Ident| {
        item_impl
            .generics
            .type_params()
            .any(|param| param.ident == *ident)
    };
    let Some(ident) = self_type_ident(&item_impl.self_ty).filter(|ident| !generic(ident)) else {
        return Err(Error::new_spanned(
            &item_impl.self_ty,
            "#[autospec(patchable)] hooks an impl block of a named type (`impl Client { .. }`)",
        ));
    };
    if !item_impl.generics.params.is_empty() {
        return Err(Error::new_spanned(&item_impl.generics, "#[autospec(patchable)] does not support generic impl blocks yet; patch a non-generic function that the methods call, or mock the type with `#[autospec]`"));
    }
    Ok(ident)
}

/// The hooked methods of a patchable impl block, each restated as a trait:
/// every problem of every method at once.
pub(crate) fn check_hooked_methods(models: &[Trait<'_>], args: &Args) -> Result<(), Error> {
    let mut errors = Errors::default();
    for model in models {
        if let Err(error) = check_trait(model, args) {
            errors.push_error(error);
        }
    }
    errors.finish()
}

/// `magic(..)` or a further trait where no mock type is made (a hooked
/// function or impl block).
fn magic_without_mock(args: &Args) -> Option<Error> {
    let magic = args.magic_token.as_ref().map(|token| {
        Error::new(
            token.span(),
            "`magic(..)` adds std traits to a mock; a patch hook has no mock type to add them to",
        )
    });
    let traits = args.traits.first().map(|restated| {
        Error::new_spanned(
            &restated.path,
            "`impl Trait { .. }` adds a trait to a mock; a patch hook has no mock type to add it to",
        )
    });
    magic.or(traits)
}

pub(crate) fn check_trait(model: &Trait<'_>, args: &Args) -> Result<(), Error> {
    let mut errors = Errors::default();
    check_args(model, args, &mut errors);
    check_magic(model, args, &mut errors);
    for item in &model.others {
        check_other_item(model, item, &mut errors);
    }
    for ty in &model.types {
        check_assoc_type(model, ty, &mut errors);
    }
    check_extras(model, &mut errors);
    for method in &model.methods {
        check_reserved_name(method, &mut errors);
        check_method(model, method, &mut errors);
    }
    errors.finish()
}

/// Generated items are named `__autospec_…`; a method of that name would
/// meet them. Every other name is the user's to choose.
fn check_reserved_name(method: &Method<'_>, errors: &mut Errors) {
    if method.name().starts_with("__autospec") {
        errors.push(
            &method.sig.ident,
            "names that start with `__autospec` are reserved for the items #[autospec] generates; rename the method",
        );
    }
}

/// `type X = ..`/`const X = ..` in the attribute must name the trait's own items,
/// and `#[autospec(..)]` on a parameter can only be `skip`.
fn check_args(model: &Trait<'_>, args: &Args, errors: &mut Errors) {
    for given in &args.types {
        let ident = &given.ident;
        if !model.types.iter().any(|ty| ty.item.ident == *ident) {
            errors.push(
                ident,
                format!("the {} has no associated type `{ident}`", kind(model)),
            );
        }
    }
    for given in &args.impl_types {
        let returned = model.methods.iter().any(|method| {
            let ReturnType::Type(_, ty) = &method.sig.output else {
                return false;
            };
            impl_traits(ty)
                .into_iter()
                .any(|impl_trait| matches_bounds(given, impl_trait))
        });
        if !returned {
            let (token, bounds) = (&given.impl_token, &given.bounds);
            errors.push(
                quote!(#token #bounds),
                format!("no method returns `impl {}`; `impl Trait = Type` names the type that answers an `impl Trait` return with these bounds", spaced(bounds)),
            );
        }
    }
    for (ident, _) in &args.consts {
        if !model
            .consts
            .iter()
            .any(|constant| constant.item.ident == *ident)
        {
            errors.push(
                ident,
                format!("the {} has no associated const `{ident}`", kind(model)),
            );
        }
    }
    for method in &model.methods {
        for arg in &method.sig.inputs {
            let syn::FnArg::Typed(typed) = arg else {
                continue;
            };
            for (attr, list) in typed
                .attrs
                .iter()
                .filter_map(|attr| skip_list(attr).map(|list| (attr, list)))
            {
                let is_exactly_skip = list
                    .parse_args::<syn::Ident>()
                    .is_ok_and(|ident| ident == "skip");
                if !is_exactly_skip {
                    errors.push(attr, "on a parameter, #[autospec(..)] takes only `skip` (journal the argument as text)");
                }
            }
        }
    }
}

/// Every entry of `magic(..)` names a trait autospec knows, written as it
/// expects, once; and the mock has no method whose field would be `magic`.
fn check_magic(model: &Trait<'_>, args: &Args, errors: &mut Errors) {
    let mut seen: Vec<&str> = Vec::new();
    for entry in &model.magic {
        match entry {
            Ok(entry) if seen.contains(&entry.spec.name) => errors.push(
                entry.path,
                format!(
                    "`{}` is given twice in `magic(..)`; a mock implements a trait once",
                    entry.spec.name
                ),
            ),
            Ok(entry) => seen.push(entry.spec.name),
            Err(error) => errors.push_error(error.clone()),
        }
    }
    if seen.contains(&"Iterator") && seen.contains(&"IntoIterator") {
        if let Some(path) = args.magic.iter().find(|path| {
            path.is_ident("IntoIterator")
                || path
                    .segments
                    .last()
                    .is_some_and(|last| last.ident == "IntoIterator")
        }) {
            errors.push(path, "an `Iterator` is `IntoIterator` already (std implements it for every iterator); keep one of the two");
        }
    }
    if args.magic_token.is_some() {
        if let Some(method) = model
            .instance_methods()
            .find(|method| method.name() == "magic")
        {
            errors.push(
                &method.sig.ident,
                "the mock's field `magic` holds the child mocks of the traits in `magic(..)`, so a mocked method cannot be called `magic` too; mock the std traits by hand, or rename the method",
            );
        }
    }
}

fn check_other_item(model: &Trait<'_>, item: &TraitItem, errors: &mut Errors) {
    let place = if model.origin == Origin::TraitImpl {
        "impl"
    } else {
        "trait"
    };
    match item {
        TraitItem::Macro(mac) => errors.push(
            &mac.mac.path,
            format!("#[autospec] cannot see the methods a macro would write; write them out in the {place}"),
        ),
        other => errors.push(other, "#[autospec] does not understand this trait item"),
    }
}

fn check_method(model: &Trait<'_>, method: &Method<'_>, errors: &mut Errors) {
    let sig = method.sig;
    if let Some(constness) = &sig.constness {
        errors.push(
            constness,
            "a trait method cannot be `const`; remove `const`",
        );
    }
    if method.params.len() > MAX_PARAMS {
        errors.push(
            &sig.inputs,
            format!("#[autospec] mocks methods with at most {MAX_PARAMS} parameters; group some into a struct"),
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic, "#[autospec] cannot mock a variadic method");
    }
    check_return(model, method, errors);
}

fn check_return(model: &Trait<'_>, method: &Method<'_>, errors: &mut Errors) {
    let scope = method.scope(model);
    let kept: &Type = match &method.ret {
        Ret::Unit | Ret::Callable(_) => return,
        Ret::Owned(ty) | Ret::Iter(ty) => ty,
        Ret::Standin(ty) => ty,
        Ret::Opaque(impl_trait) => {
            errors.push(impl_trait, opaque_message(model, impl_trait));
            return;
        }
        Ret::Borrowed { reference, .. } | Ret::OptionBorrowed { reference, .. } => &reference.elem,
        Ret::ResultBorrowed { reference, .. } => {
            if let Some(mutability) = &reference.mutability {
                errors.push(
                    mutability,
                    "#[autospec] lends `&mut T` and `Option<&mut T>`, not `Result<&mut T, E>`: each call would need its own copy of the error; return `Option<&mut T>`, or `Result<&T, E>`",
                );
            }
            &reference.elem
        }
    };
    let found = Mentions::of(kept, &scope);
    if let Some(ident) = found.erased {
        let param = method
            .sig
            .generics
            .params
            .iter()
            .find(|param| matches!(param, GenericParam::Type(ty) if ty.ident == *ident));
        let message = if crate::model::is_callback_param(ident, &method.sig.generics) {
            format!("#[autospec] cannot return the callback type `{ident}`: a test cannot name a closure's type to answer with one; return `Box<dyn Fn(..)>` (or `impl Fn(..)`) instead")
        } else {
            match model.origin {
                Origin::MockMacro => format!("`mock!` keeps answers per type, which needs `{ident}: 'static`, and a restated method cannot add a bound its trait does not have: this method cannot be mocked; wrap the trait in one of your own whose `{ident}` is `'static`, and mock that"),
                Origin::TraitImpl => format!("#[autospec] keeps answers per type, which needs `{ident}: 'static`, and a trait impl cannot add a bound its trait does not have: this method cannot be mocked; wrap the trait in one of your own whose `{ident}` is `'static`, and mock that"),
                Origin::Written | Origin::Hooked => format!("#[autospec] keeps answers per type, which needs `{ident}: 'static`; add `+ 'static` to the bounds of `{ident}`"),
            }
        };
        errors.push(
            param.map_or_else(|| ident.to_token_stream(), ToTokens::to_token_stream),
            message,
        );
    } else if let Some(impl_trait) = found.impl_trait {
        errors.push(impl_trait, "#[autospec] cannot answer an `impl Trait` nested in the return type; return `Box<dyn Trait>` there instead");
    }
}

/// What the user put the attribute on, for messages.
fn kind(model: &Trait<'_>) -> &'static str {
    match model.origin {
        _ if model.inherent.is_some() => "impl block",
        Origin::TraitImpl => "trait impl",
        Origin::Hooked => "function",
        Origin::Written | Origin::MockMacro => "trait",
    }
}

/// What to do about an `impl Trait` return the mock has no value for.
fn opaque_message(model: &Trait<'_>, impl_trait: &syn::TypeImplTrait) -> String {
    let bounds = spaced(&impl_trait.bounds);
    if model.origin == Origin::Hooked {
        return format!("a patch answers instead of the function's body, so it must answer with the type the body returns; name that type in the attribute, `#[autospec(impl {bounds} = Type)]`");
    }
    let fix = if model.origin == Origin::MockMacro {
        "restate the method with the type the mock answers with in place of `impl Trait`".to_owned()
    } else {
        format!("name the type the mock answers with in the attribute, `#[autospec(impl {bounds} = Type)]` (any type that implements it; a `Box<dyn Trait + Send>` too, where you implement the trait for that box)")
    };
    format!("#[autospec] has no value to answer `impl {bounds}` with (it answers `impl Iterator` with a `Vec`, and `impl Display`, `impl Debug`, `impl Read`, `impl Write`, `impl Future`, `impl Stream` and the like with a box of the trait object); {fix}")
}

/// `Display + Send`, as the user would write it.
fn spaced(bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>) -> String {
    let parts: Vec<String> = bounds
        .iter()
        .map(|bound| {
            bound
                .to_token_stream()
                .to_string()
                .replace(" < ", "<")
                .replace(" >", ">")
                .replace(" :: ", "::")
                .replace(" ,", ",")
                .replace("& ", "&")
                .replace("' ", "'")
        })
        .collect();
    parts.join(" + ")
}

/// An associated type the mock can give a value: a generic one only as
/// given (it cannot be a parameter of the mock), with the trait's
/// parameters.
fn check_assoc_type(model: &Trait<'_>, ty: &AssocType<'_>, errors: &mut Errors) {
    let (ident, params) = (&ty.item.ident, &ty.item.generics.params);
    let given = ty.given_generics.map(|generics| &generics.params);
    if params.is_empty() {
        if let Some(given) = given.filter(|given| !given.is_empty()) {
            errors.push(given, format!("`{ident}` takes no parameters in the trait"));
        }
        return;
    }
    let written = ty
        .item
        .generics
        .to_token_stream()
        .to_string()
        .replace(' ', "");
    let Some(given) = given else {
        let fix = if model.origin.restated() || ty.owner > 0 {
            format!("`type {ident}{written} = Type;`")
        } else {
            format!("`#[autospec(type {ident}{written} = Type)]`")
        };
        errors.push(
            &ty.item.generics,
            format!("a generic associated type cannot be a parameter of the mock; give the type the mock uses, {fix}"),
        );
        return;
    };
    let kinds = |params: &syn::punctuated::Punctuated<GenericParam, syn::Token![,]>| {
        params
            .iter()
            .map(std::mem::discriminant)
            .collect::<Vec<_>>()
    };
    let consts = params
        .iter()
        .any(|param| matches!(param, GenericParam::Const(_)));
    if kinds(given) != kinds(params) || consts {
        let message = if consts {
            format!("#[autospec] cannot give `{ident}` a type: its const parameters have no counterpart in a type; write this mock by hand")
        } else {
            format!("give `{ident}` the trait's parameters, `type {ident}{written} = ..`")
        };
        errors.push(given, message);
    }
}

/// Further traits: each declares its own methods (one field each), gives
/// its associated types, and is not one the mock implements already.
fn check_extras(model: &Trait<'_>, errors: &mut Errors) {
    let mut paths: Vec<&syn::Path> = model
        .path
        .iter()
        .filter(|_| model.origin.restated())
        .collect();
    paths.extend(model.extras.iter().map(|extra| extra.path));
    for path in paths {
        if let Some(message) = builtin_trait(path) {
            errors.push(path, message);
        }
    }
    for (index, method) in model.methods.iter().enumerate() {
        let earlier = model.methods[..index]
            .iter()
            .find(|other| other.sig.ident == method.sig.ident && other.owner != method.owner);
        if let Some(earlier) = earlier {
            let trait_name = |owner: usize| {
                model.path_of(owner).map_or_else(String::new, |path| {
                    path.to_token_stream().to_string().replace(' ', "")
                })
            };
            errors.push(
                &method.sig.ident,
                format!(
                    "`{}` is a method of both `{}` and `{}`, and the mock has one field per method name; mock one of the two traits with a mock of its own",
                    method.name(),
                    trait_name(earlier.owner),
                    trait_name(method.owner)
                ),
            );
        }
    }
    for ty in model
        .types
        .iter()
        .filter(|ty| ty.owner > 0 && ty.given.is_none())
    {
        let ident = &ty.item.ident;
        errors.push(
            ident,
            format!("give the type the mock uses for `{ident}`, `type {ident} = Type;`"),
        );
    }
    let restated = model.origin.restated().then_some(model.item);
    for item in restated
        .into_iter()
        .chain(model.extras.iter().map(|extra| extra.item))
    {
        for attr in &item.attrs {
            if !is_async_trait(attr.path()) && !attr.path().is_ident("doc") {
                errors.push(
                    attr,
                    "on a restated trait, only `#[async_trait]` (and doc comments) are understood",
                );
            }
        }
    }
}

/// The traits every mock implements already: restating one would be a
/// second impl.
fn builtin_trait(path: &syn::Path) -> Option<String> {
    let last = path.segments.last()?.ident.to_string();
    let why = match last.as_str() {
        "Clone" => "every mock is `Clone` already: a clone is another handle to the same mock, sharing its journal and answers",
        "Debug" => "every mock is `Debug` already (it prints its calls); to mock `Debug::fmt`, use `#[autospec(magic(Debug))]`",
        "Default" => "every mock is `Default` already (`MockX::default()` makes a fresh mock)",
        _ => return None,
    };
    Some(format!("{why}; remove `{last}` here"))
}

/// `doubles!`: modules of other crates, each restating functions (and a
/// type's associated functions) that a forwarding call can reach.
pub(crate) fn check_doubles(input: &DoublesInput) -> Result<(), Error> {
    let mut errors = Errors::default();
    for module in &input.modules {
        if let Some(first) = module.path.segments.first() {
            let own = ["crate", "self", "super", "Self"]
                .iter()
                .any(|word| first.ident == word);
            if own {
                errors.push(&first.ident, "`doubles!` restates functions of other crates (`mod std::fs`, `mod some_crate::client`); a function of this crate takes `#[autospec]` itself, and `patch!` replaces it where it is");
            }
        }
        for function in &module.functions {
            check_restated_fn(function, &mut errors);
        }
        for restated in &module.types {
            check_restated_impl(restated, &mut errors);
        }
    }
    errors.finish()
}

fn check_restated_fn(function: &ForeignItemFn, errors: &mut Errors) {
    let sig = &function.sig;
    if let Some(constness) = &sig.constness {
        errors.push(constness, "a double is consulted at run time and so cannot be `const`; restate the function without `const`");
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic, "a double cannot restate a variadic function");
    }
    if let Some(receiver) = sig.receiver() {
        errors.push(receiver, "a method call on a real value reaches the real method, so a double cannot replace it; restate the functions that make or take the value (`fn now() -> SystemTime;`), or mock the type");
    }
    for arg in &sig.inputs {
        if let syn::FnArg::Typed(typed) = arg {
            if !matches!(&*typed.pat, syn::Pat::Ident(_) | syn::Pat::Wild(_)) {
                errors.push(
                    &typed.pat,
                    "name the parameter: the double passes it on to the real function by name",
                );
            }
        }
    }
}

fn check_restated_impl(restated: &RestatedImpl, errors: &mut Errors) {
    if let Some(trait_) = &restated.trait_ {
        errors.push(trait_, "`doubles!` restates a type's own associated functions (`impl SystemTime { fn now() -> SystemTime; }`); mock a trait with `mock!`");
    }
    if !restated.generics.params.is_empty() {
        errors.push(&restated.generics, "`doubles!` restates the associated functions of a type without generic parameters; restate a function that calls them");
    }
    let named = matches!(&restated.self_ty, Type::Path(path) if path.qself.is_none() && path.path.get_ident().is_some());
    if !named {
        errors.push(&restated.self_ty, "name the type as its module declares it, without a path or generic arguments: `mod std::time { impl SystemTime { .. } }`");
    }
    for function in &restated.functions {
        check_restated_fn(function, errors);
    }
}

/// `#[autospec]` on an `extern` block: functions only, none variadic,
/// and no mock type for `magic(..)`.
pub(crate) fn check_extern_block(block: &ItemForeignMod, args: &Args) -> Result<(), Error> {
    if let Some(error) = magic_without_mock(args) {
        return Err(error);
    }
    let mut errors = Errors::default();
    for item in &block.items {
        match item {
            ForeignItem::Fn(function) => {
                if let Some(variadic) = &function.sig.variadic {
                    errors.push(variadic, "#[autospec] cannot hook a variadic foreign function (a Rust function cannot take `...`); declare it in an `extern` block without the attribute");
                }
            }
            ForeignItem::Static(item) => errors.push(item.static_token, "#[autospec] hooks the functions of an `extern` block, and a foreign static cannot be patched; declare it in an `extern` block without the attribute"),
            other => errors.push(other, "#[autospec] hooks the functions of an `extern` block; declare other items in an `extern` block without the attribute"),
        }
    }
    errors.finish()
}
