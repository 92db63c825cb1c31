//! Shrinking a failing trait to a small one that fails the same way (the
//! same family): greedy, one round of candidates per target at a time,
//! all targets' candidates checked together.

use crate::classify::{Failure, Outcome};
use crate::compile::Scratch;
use crate::model::{Cfg, Frag, Item, Method, Receiver, RecvKind, TraitDecl};
use crate::run::{run_chunk, Status};

pub(crate) struct Target {
    pub family: String,
    pub decl: TraitDecl,
    pub edition: &'static str,
    pub done: bool,
    /// The first lines of the errors of `decl`.
    pub excerpt: String,
}

fn failure(outcome: &Outcome) -> Option<&Failure> {
    match outcome {
        Outcome::BadRefusal(f) | Outcome::Warns(f) | Outcome::Panic(f) => Some(f),
        Outcome::Mocked | Outcome::RefusedCleanly { .. } => None,
    }
}

pub(crate) fn size(decl: &TraitDecl) -> usize {
    decl.render_trait(false)
        .iter()
        .map(|l| l.trim().len() + 1)
        .sum()
}

const CANDIDATES_PER_TARGET: usize = 80;
const CHUNK: usize = 200;

/// Shrinks every target in place, for at most `rounds` rounds.
pub(crate) fn minimize(
    scratch: &Scratch,
    targets: &mut [Target],
    rounds: usize,
) -> Result<(), String> {
    for round in 0..rounds {
        let mut batch: Vec<(usize, TraitDecl)> = Vec::new();
        for (owner, target) in targets.iter().enumerate().filter(|(_, t)| !t.done) {
            for mut variant in candidates(&target.decl)
                .into_iter()
                .take(CANDIDATES_PER_TARGET)
            {
                variant.index = batch.len();
                batch.push((owner, variant));
            }
        }
        if batch.is_empty() {
            break;
        }
        let mut best: Vec<Option<(TraitDecl, String)>> = vec![None; targets.len()];
        for edition in ["2021", "2024"] {
            let of_edition: Vec<&(usize, TraitDecl)> = batch
                .iter()
                .filter(|(owner, _)| targets[*owner].edition == edition)
                .collect();
            for part in of_edition.chunks(CHUNK) {
                let decls: Vec<&TraitDecl> = part.iter().map(|(_, d)| d).collect();
                let chunk = run_chunk(
                    scratch,
                    edition,
                    &decls,
                    &format!("minimizing, round {round}"),
                )?;
                for ((owner, decl), status) in part.iter().zip(chunk.statuses) {
                    let Status::Checked(outcome) = status else {
                        continue;
                    };
                    let Some(failure) = failure(&outcome) else {
                        continue;
                    };
                    if failure.family != targets[*owner].family {
                        continue;
                    }
                    let current = best[*owner]
                        .as_ref()
                        .map_or(size(&targets[*owner].decl), |(d, _)| size(d));
                    if size(decl) < current {
                        best[*owner] = Some((decl.clone(), failure.excerpt.clone()));
                    }
                }
            }
        }
        for (target, found) in targets.iter_mut().zip(best) {
            match found {
                Some((decl, excerpt)) if !target.done => {
                    target.decl = decl;
                    target.excerpt = excerpt;
                }
                _ => target.done = true,
            }
        }
        println!(
            "  minimizing: round {} done, {} of {} families still shrinking",
            round + 1,
            targets.iter().filter(|t| !t.done).count(),
            targets.len()
        );
    }
    Ok(())
}

/// A change to the method at `at`, as a change to the trait.
fn on_method(at: usize, change: &dyn Fn(&mut Method)) -> impl Fn(&mut TraitDecl) + '_ {
    move |d: &mut TraitDecl| {
        if let Item::Method(m) = &mut d.items[at] {
            change(m);
        }
    }
}

fn is_method(item: &Item) -> bool {
    matches!(item, Item::Method(_))
}

/// Smaller versions of `decl`, the biggest cuts first. Some are invalid
/// (a removed parameter that a bound needed); the plain pass drops those.
fn candidates(decl: &TraitDecl) -> Vec<TraitDecl> {
    let mut out: Vec<TraitDecl> = Vec::new();
    let mut push = |change: &dyn Fn(&mut TraitDecl)| {
        let mut variant = decl.clone();
        change(&mut variant);
        let text = variant.render_trait(true);
        if text != decl.render_trait(true) && !out.iter().any(|o| o.render_trait(true) == text) {
            out.push(variant);
        }
    };
    let methods: Vec<usize> = (0..decl.items.len())
        .filter(|&i| is_method(&decl.items[i]))
        .collect();
    for &keep in &methods {
        push(&|d| {
            let mut at = 0;
            d.items.retain(|item| {
                at += 1;
                !is_method(item) || at - 1 == keep
            });
        });
    }
    for at in 0..decl.items.len() {
        push(&|d| {
            d.items.remove(at);
        });
    }
    push(&|d| d.docs = vec!["/// Doc.".to_owned()]);
    push(&|d| d.attrs.clear());
    push(&|d| d.where_preds.clear());
    push(&|d| d.unsafety = false);
    push(&|d| d.attr_first = false);
    for at in 0..decl.supertraits.len() {
        push(&|d| {
            d.supertraits.remove(at);
        });
    }
    for at in 0..decl.generics.len() {
        push(&|d| {
            d.generics.remove(at);
        });
    }
    for at in 0..decl.items.len() {
        let Item::Method(method) = &decl.items[at] else {
            push(&|d| {
                if let Item::Type(ty) = &mut d.items[at] {
                    ty.bounds = None;
                }
            });
            continue;
        };
        for param in 0..method.params.len() {
            push(&on_method(at, &|m| {
                m.params.remove(param);
            }));
            push(&on_method(at, &|m| m.params[param].ty = Frag::plain("u32")));
            push(&on_method(at, &|m| {
                m.params[param].pat = format!("p{param}");
                m.params[param].names = vec![format!("p{param}")];
            }));
        }
        push(&on_method(at, &|m| m.ret = None));
        push(&on_method(at, &|m| m.ret = Some(Frag::plain("u32"))));
        push(&on_method(at, &|m| {
            m.receiver = Receiver {
                kind: RecvKind::Ref,
                text: Frag::plain("&self"),
            };
        }));
        for generic in 0..method.generics.len() {
            push(&on_method(at, &|m| {
                m.generics.remove(generic);
            }));
        }
        push(&on_method(at, &|m| m.where_preds.clear()));
        push(&on_method(at, &|m| m.asyncness = false));
        push(&on_method(at, &|m| m.unsafety = false));
        push(&on_method(at, &|m| m.body = None));
        push(&on_method(at, &|m| m.attrs.clear()));
        push(&on_method(at, &|m| m.cfg = Cfg::None));
        push(&on_method(at, &|m| m.docs = vec!["/// Doc.".to_owned()]));
        push(&on_method(at, &|m| m.name = format!("m{at}")));
    }
    out
}
