//! What `patch!` and `patch_shared!` find where a function or method has
//! no patch hook, and the trait through which they install a method's
//! patch: public in `autospec::bounds`, so that the compiler's error on a
//! path without a hook names documented items and says what to add.
//!
//! May use: `class.rs` (the `Patch` and `SharedPatch` traits, the guards).

use crate::features::class::{Class, Patch, SharedClass, SharedPatch};
use std::marker::PhantomData;

/// What [`patch!`](crate::patch) finds in place of the patch struct of a
/// function without `#[autospec]`: it is no [`Patch`], so the compiler's
/// error says that the function has no patch hook, and how to add one.
/// It has no values.
///
/// ```compile_fail
/// mod net {
///     pub fn fetch(url: &str) -> String { // no `#[autospec::autospec]`
///         url.to_owned()
///     }
/// }
///
/// fn main() {
///     let _fetch = autospec::patch!(net::fetch);
/// }
/// ```
///
/// With the attribute, the path names the function's patch struct, which
/// shadows the stand-in:
///
/// ```
/// mod net {
///     #[autospec::autospec]
///     pub fn fetch(url: &str) -> String {
///         url.to_owned()
///     }
/// }
///
/// fn main() {
///     let fetch = autospec::patch!(net::fetch);
///     fetch.returns("mocked".into());
///     assert_eq!(net::fetch("/a"), "mocked");
/// }
/// ```
pub enum NoPatchHook {}

/// So that `patch_shared!` on a function without a hook reports the
/// missing [`Patch`] alone, not `Send + Sync` as well.
#[diagnostic::do_not_recommend]
impl<D> SharedPatch<D> for NoPatchHook {
    fn install_shared() -> SharedClass<Self> {
        unreachable!("`patch_shared!` of a path without a patch hook does not compile")
    }
}

/// What [`patch!`](crate::patch) finds in place of the patch hook of a
/// method (`patch!(Account::balance)`) whose impl block has no
/// `#[autospec(patchable)]`: it is no [`PatchableMethod`], so the
/// compiler's error says what to add.
///
/// ```compile_fail
/// pub struct Account;
///
/// impl Account { // no `#[autospec::autospec(patchable)]`
///     pub fn balance(&self) -> u64 {
///         10
///     }
/// }
///
/// fn main() {
///     let _balance = autospec::patch!(Account::balance);
/// }
/// ```
///
/// With the attribute on the impl block, the method's hook comes first:
///
/// ```
/// pub struct Account;
///
/// #[autospec::autospec(patchable)]
/// impl Account {
///     pub fn balance(&self) -> u64 {
///         10
///     }
/// }
///
/// fn main() {
///     let balance = autospec::patch_shared!(Account::balance);
///     balance.returns(99);
///     assert_eq!(Account.balance(), 99);
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct NotPatchable;

/// What [`patch!`](crate::patch) and [`patch_shared!`](crate::patch_shared)
/// need of a method, `patch!(Account::balance)`: a patch hook, which
/// `#[autospec(patchable)]` on its impl block adds to each public method
/// and associated function. Implemented by what the hook names the
/// method's patch with; a method without a hook gets [`NotPatchable`].
///
/// ```
/// pub struct Account;
///
/// #[autospec::autospec(patchable)]
/// impl Account {
///     pub fn balance(&self) -> u64 {
///         10
///     }
/// }
///
/// fn main() {
///     let balance = autospec::patch!(Account::balance);
///     balance.returns(99);
///     assert_eq!(Account.balance(), 99);
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`patch!(Type::method)` needs a method with a patch hook, and this one has none",
    label = "no `#[autospec(patchable)]` on the impl block of this method",
    note = "add `#[autospec::autospec(patchable)]` to the impl block that declares the method: each of its public methods and associated functions then gets a patch hook (a method of another crate's type cannot get one: patch a function of yours that calls it)"
)]
pub trait PatchableMethod<P: 'static>: Sized {
    /// Installs the method's patch `P` (its child mock, answering for
    /// every instance) on this thread, until the returned guard drops:
    /// what `patch!(Type::method)` calls.
    #[track_caller]
    fn install(self) -> Class<P>;

    /// Installs the method's patch for every thread, until the returned
    /// guard drops: what `patch_shared!(Type::method)` calls.
    #[track_caller]
    fn install_shared(self) -> SharedClass<P>
    where
        P: SharedPatch<()>;
}

#[diagnostic::do_not_recommend]
impl<P: Patch> PatchableMethod<P> for PhantomData<P> {
    fn install(self) -> Class<P> {
        Class::__install_patch()
    }

    fn install_shared(self) -> SharedClass<P>
    where
        P: SharedPatch<()>,
    {
        P::install_shared()
    }
}
