//! Functions the user does not own, restated as functions of their own
//! whose body calls the real one, so that the patch hook of a free
//! function (and of a patchable impl block) serves them: the doubles of
//! `doubles!` (a function of another crate, restated in a module that
//! mirrors the real one) and the wrappers of an `extern` block's
//! functions (which call the foreign function).

use crate::input::{DoublesInput, RestatedImpl, RestatedModule};
use crate::queries::respan;
use crate::walk::{holds, Rewrite, Rewriter, Step};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{
    Attribute, FnArg, ForeignItem, ForeignItemFn, Ident, ItemFn, ItemForeignMod, ItemImpl, ItemUse,
    Pat, ReturnType, Type,
};

/// One module of the tree under `doubles`: `doubles::std::fs` stands in
/// for `std::fs`, re-exports everything of it and shadows the restated
/// functions with doubles.
pub(crate) struct Module<'a> {
    pub(crate) ident: Ident,
    /// The real module, `::std::fs`.
    pub(crate) real: TokenStream,
    /// The attributes written on its `mod` (docs, `cfg`).
    pub(crate) attrs: Vec<&'a Attribute>,
    pub(crate) uses: Vec<&'a ItemUse>,
    /// Each restated function, with a body that calls the real one.
    pub(crate) functions: Vec<ItemFn>,
    pub(crate) types: Vec<StandIn<'a>>,
    pub(crate) children: Vec<Module<'a>>,
}

/// A type of the module whose associated functions are restated: a
/// type of its name, without values, whose associated functions forward.
pub(crate) struct StandIn<'a> {
    pub(crate) ident: &'a Ident,
    /// `::std::time::SystemTime`.
    pub(crate) real: TokenStream,
    pub(crate) attrs: &'a [Attribute],
    /// The forwarding associated functions, as a patchable impl block.
    pub(crate) block: ItemImpl,
    /// `pub const UNIX_EPOCH: ::std::time::SystemTime = ::std::time::SystemTime::UNIX_EPOCH;`.
    pub(crate) consts: Vec<TokenStream>,
}

/// The modules under `doubles`, one tree per crate, the restated
/// modules merged by path. `rt` is `#krate::__private`.
/// Input: `mod std::fs { fn read(..); } mod std::env { fn var(..); }`.
/// Output: `std` with the children `fs` and `env`.
pub(crate) fn tree<'a>(input: &'a DoublesInput, rt: &TokenStream) -> Vec<Module<'a>> {
    let mut roots: Vec<Module<'a>> = Vec::new();
    for restated in &input.modules {
        let mut level = &mut roots;
        let mut real = TokenStream::new();
        let segments: Vec<&Ident> = restated.path.segments.iter().map(|s| &s.ident).collect();
        for (depth, ident) in segments.iter().enumerate() {
            real.extend(quote!(::#ident));
            let at = if let Some(at) = level.iter().position(|module| module.ident == **ident) {
                at
            } else {
                level.push(Module::empty((*ident).clone(), real.clone()));
                level.len() - 1
            };
            if depth + 1 == segments.len() {
                level[at].restate(restated, rt);
            }
            level = &mut level[at].children;
        }
    }
    roots
}

impl<'a> Module<'a> {
    fn empty(ident: Ident, real: TokenStream) -> Self {
        Module {
            ident,
            real,
            attrs: Vec::new(),
            uses: Vec::new(),
            functions: Vec::new(),
            types: Vec::new(),
            children: Vec::new(),
        }
    }

    fn restate(&mut self, restated: &'a RestatedModule, rt: &TokenStream) {
        self.attrs.extend(&restated.attrs);
        self.uses.extend(&restated.uses);
        for function in &restated.functions {
            self.functions
                .push(forwarding(function, &self.real, None, rt));
        }
        for restated in &restated.types {
            if let Some(stand_in) = stand_in(restated, &self.real, rt) {
                self.types.push(stand_in);
            }
        }
    }
}

/// `impl SystemTime { fn now() -> SystemTime; }` in `std::time`: the
/// stand-in `SystemTime`, whose `now` returns the real type and calls
/// the real `now`. `None` for a type that is not a plain name, which
/// validation refused.
fn stand_in<'a>(
    restated: &'a RestatedImpl,
    module: &TokenStream,
    rt: &TokenStream,
) -> Option<StandIn<'a>> {
    let Type::Path(path) = &restated.self_ty else {
        return None;
    };
    let ident = path.path.get_ident()?;
    let real = quote!(#module::#ident);
    let functions = restated
        .functions
        .iter()
        .map(|function| forwarding(function, &real, Some(ident), rt));
    let block: ItemImpl = syn::parse_quote!(impl #ident { #(#functions)* });
    let consts: Vec<TokenStream> = restated
        .consts
        .iter()
        .map(|constant| {
            let (attrs, name) = (&constant.attrs, &constant.ident);
            let mut ty = constant.ty.clone();
            Rewriter(&mut RealSelf {
                stand_in: ident,
                real: &real,
            })
            .visit_type_mut(&mut ty);
            let value = quote_spanned!(name.span()=> #real::#name);
            let doc = (!attrs.iter().any(|attr| attr.path().is_ident("doc"))).then(|| {
                let text = format!("The real `{}::{name}`.", real_text(&real));
                quote!(#[doc = #text])
            });
            quote!(#doc #(#attrs)* pub const #name: #ty = #value;)
        })
        .collect();
    Some(StandIn {
        ident,
        real,
        attrs: &restated.attrs,
        block,
        consts,
    })
}

/// A restated function, written out: `pub fn read<P: AsRef<Path>>(path:
/// P) -> io::Result<Vec<u8>> { ::std::fs::read(path) }`, its answer
/// checked against the restated return type. `real` is the module (or
/// the type, for an associated function, whose name `stand_in` then
/// means the real type in the signature).
fn forwarding(
    function: &ForeignItemFn,
    real: &TokenStream,
    stand_in: Option<&Ident>,
    rt: &TokenStream,
) -> ItemFn {
    let mut sig = function.sig.clone();
    if let Some(stand_in) = stand_in {
        Rewriter(&mut RealSelf { stand_in, real }).visit_signature_mut(&mut sig);
    }
    let names = parameter_names(&mut sig);
    let ident = &sig.ident;
    let wait = sig.asyncness.map(|_| quote!(.await));
    // Spanned on the restated name: a call that does not type-check is
    // reported there, and an argument on its parameter.
    let path = respan(quote!(#real::#ident), ident.span());
    let call = quote_spanned!(ident.span()=> #path(#(#names),*) #wait);
    let call = match &sig.safety {
        syn::Safety::Unsafe(_) => quote_spanned!(ident.span()=> unsafe { #call }),
        _ => call,
    };
    let check = |restated: TokenStream, span: Span| {
        let check = respan(quote!(#rt::Restated::<#restated>::into_restated), span);
        quote_spanned!(span=> #check(#call))
    };
    let checked = match &sig.output {
        ReturnType::Type(_, ty) if !holds_impl_trait(ty) => check(quote!(#ty), ty.span()),
        ReturnType::Type(..) => call.clone(),
        ReturnType::Default => check(quote!(()), ident.span()),
    };
    let docs = if function
        .attrs
        .iter()
        .any(|attr| attr.path().is_ident("doc"))
    {
        TokenStream::new()
    } else {
        let text = format!(
            "The double of `{}::{ident}`: calls it, unless a test patches it with `patch!`.",
            real_text(real)
        );
        quote!(#[doc = #text])
    };
    let attrs = &function.attrs;
    syn::parse_quote! {
        #docs
        #(#attrs)*
        pub #sig {
            #checked
        }
    }
}

/// `std::fs` for `::std::fs`, for documentation.
fn real_text(real: &TokenStream) -> String {
    real.to_string()
        .replace(' ', "")
        .trim_start_matches("::")
        .to_owned()
}

/// The names of the parameters, each given one where it has none (`_`).
fn parameter_names(sig: &mut syn::Signature) -> Vec<Ident> {
    let mut names = Vec::new();
    for (index, arg) in sig.inputs.iter_mut().enumerate() {
        let FnArg::Typed(typed) = arg else { continue };
        let name = if let Pat::Ident(pat) = &*typed.pat {
            pat.ident.clone()
        } else {
            let name = format_ident!("arg{}", index, span = typed.pat.span());
            *typed.pat = syn::parse_quote!(#name);
            name
        };
        names.push(name);
    }
    names
}

/// Whether a type holds an `impl Trait` (or `_`), which cannot be named
/// in the check of the answer.
fn holds_impl_trait(ty: &Type) -> bool {
    holds(ty, |ty| matches!(ty, Type::ImplTrait(_) | Type::Infer(_)))
}

/// Input: `fn now() -> SystemTime` (or `-> Self`) restated in `impl SystemTime`.
/// Output: `fn now() -> ::std::time::SystemTime`: the stand-in's name means
/// the real type in its signatures.
struct RealSelf<'r> {
    stand_in: &'r Ident,
    real: &'r TokenStream,
}

impl Rewrite for RealSelf<'_> {
    fn ty(&mut self, ty: &mut Type) -> Step {
        if let Type::Path(path) = ty {
            if path.qself.is_none()
                && (path.path.is_ident(self.stand_in) || path.path.is_ident("Self"))
            {
                let real = self.real;
                *ty = syn::parse_quote_spanned!(path.span()=> #real);
                return Step::Over;
            }
        }
        Step::Into
    }
}

/// The functions of an `extern` block, each as a function of the same
/// name and signature that calls the foreign one, declared again inside
/// its body (items in a block shadow the module's). The foreign items
/// that are not functions were refused by validation.
/// Input: `extern "C" { fn abs(x: c_int) -> c_int; }`.
/// Output: `unsafe fn abs(x: c_int) -> c_int { extern "C" { fn abs(x: c_int) -> c_int; } unsafe { abs(x) } }`.
pub(crate) fn extern_wrappers(block: &ItemForeignMod) -> Vec<ItemFn> {
    let (outer_block, inner_block): (Vec<&Attribute>, Vec<&Attribute>) = block
        .attrs
        .iter()
        .filter(|attr| !attr.path().is_ident("doc"))
        .partition(|attr| is_cfg(attr));
    block
        .items
        .iter()
        .filter_map(|item| match item {
            ForeignItem::Fn(function) => {
                Some(extern_wrapper(block, function, &outer_block, &inner_block))
            }
            _ => None,
        })
        .collect()
}

fn extern_wrapper(
    block: &ItemForeignMod,
    function: &ForeignItemFn,
    outer_block: &[&Attribute],
    inner_block: &[&Attribute],
) -> ItemFn {
    let (inner_attrs, outer_attrs): (Vec<&Attribute>, Vec<&Attribute>) =
        function.attrs.iter().partition(|attr| {
            attr.path().is_ident("link_name") || attr.path().is_ident("link_ordinal")
        });
    let mut sig = function.sig.clone();
    let names = parameter_names(&mut sig);
    let declared = {
        let mut declared = sig.clone();
        for arg in &mut declared.inputs {
            if let FnArg::Typed(typed) = arg {
                typed.attrs.clear();
            }
        }
        declared
    };
    let is_safe = matches!(sig.safety, syn::Safety::Safe(_));
    sig.safety = if is_safe {
        syn::Safety::Default
    } else {
        syn::Safety::Unsafe(syn::Token![unsafe](Span::call_site()))
    };
    let (unsafety, abi, ident, vis) = (&block.unsafety, &block.abi, &sig.ident, &function.vis);
    let call = if is_safe {
        quote!(#ident(#(#names),*))
    } else {
        quote!(unsafe { #ident(#(#names),*) })
    };
    syn::parse_quote! {
        #(#outer_block)*
        #(#outer_attrs)*
        #vis #sig {
            #(#inner_block)*
            #unsafety #abi {
                #(#inner_attrs)*
                #declared;
            }
            #call
        }
    }
}

fn is_cfg(attr: &Attribute) -> bool {
    attr.path().is_ident("cfg") || attr.path().is_ident("cfg_attr")
}
