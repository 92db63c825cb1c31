//! The summary table, the failure families with their smallest examples,
//! and the full report file.

use crate::classify::{Failure, Outcome};
use crate::diag::Diagnostic;
use crate::model::TraitDecl;
use crate::run::Status;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One family's example, shrunk.
pub(crate) struct Minimized {
    pub family: String,
    pub text: String,
    pub errors: String,
}

pub(crate) struct Record {
    pub decl: TraitDecl,
    pub edition: &'static str,
    pub status: Status,
}

impl Record {
    pub(crate) fn outcome(&self) -> Option<&Outcome> {
        match &self.status {
            Status::Checked(outcome) => Some(outcome),
            Status::Invalid { .. } => None,
        }
    }

    pub(crate) fn failure(&self) -> Option<&Failure> {
        match self.outcome()? {
            Outcome::BadRefusal(f) | Outcome::Warns(f) | Outcome::Panic(f) => Some(f),
            Outcome::Mocked | Outcome::RefusedCleanly { .. } => None,
        }
    }

    pub(crate) fn text(&self) -> String {
        self.decl.render_trait(true).join("\n")
    }
}

/// Which kind of outcome a family belongs to.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum Kind {
    Bad,
    Warns,
    Panic,
}

pub(crate) struct Family<'a> {
    pub kind: Kind,
    pub name: String,
    /// Smallest trait first.
    pub members: Vec<&'a Record>,
}

pub(crate) struct Summary<'a> {
    pub seed: u64,
    pub records: &'a [Record],
    pub generated: usize,
    pub invalid: Vec<&'a Record>,
    pub valid: usize,
    pub mocked: usize,
    pub refused: Vec<&'a Record>,
    pub bad: usize,
    pub warns: usize,
    pub panics: usize,
    pub naming_generated: usize,
    pub families: Vec<Family<'a>>,
    pub unattributed: &'a [Diagnostic],
}

impl<'a> Summary<'a> {
    pub(crate) fn new(seed: u64, records: &'a [Record], unattributed: &'a [Diagnostic]) -> Self {
        let outcomes: Vec<&Outcome> = records.iter().filter_map(Record::outcome).collect();
        let count = |f: &dyn Fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
        let mut by_family: BTreeMap<(Kind, String), Vec<&Record>> = BTreeMap::new();
        for record in records {
            let kind = match record.outcome() {
                Some(Outcome::BadRefusal(_)) => Kind::Bad,
                Some(Outcome::Warns(_)) => Kind::Warns,
                Some(Outcome::Panic(_)) => Kind::Panic,
                _ => continue,
            };
            if let Some(failure) = record.failure() {
                by_family
                    .entry((kind, failure.family.clone()))
                    .or_default()
                    .push(record);
            }
        }
        let mut families: Vec<Family<'a>> = by_family
            .into_iter()
            .map(|((kind, name), mut members)| {
                members.sort_by_key(|r| (crate::minimize::size(&r.decl), r.decl.index));
                Family {
                    kind,
                    name,
                    members,
                }
            })
            .collect();
        families.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.members.len().cmp(&a.members.len()))
                .then(a.name.cmp(&b.name))
        });
        Summary {
            seed,
            records,
            generated: records.len(),
            invalid: records.iter().filter(|r| r.outcome().is_none()).collect(),
            valid: outcomes.len(),
            mocked: count(&|o| *o == Outcome::Mocked),
            refused: records
                .iter()
                .filter(|r| matches!(r.outcome(), Some(Outcome::RefusedCleanly { .. })))
                .collect(),
            bad: count(&|o| matches!(o, Outcome::BadRefusal(_))),
            warns: count(&|o| matches!(o, Outcome::Warns(_))),
            panics: count(&|o| matches!(o, Outcome::Panic(_))),
            naming_generated: records
                .iter()
                .filter_map(Record::failure)
                .filter(|f| {
                    f.problems
                        .contains(&crate::classify::Problem::NamesGeneratedItems)
                })
                .count(),
            families,
            unattributed,
        }
    }

    /// The share of the valid traits that mocked, among those not given a
    /// documented refused shape on purpose (`--refusals`): those are meant
    /// to be refused, and how many a run draws is chance, which must not
    /// decide the target.
    pub(crate) fn mocked_percent(&self) -> f64 {
        let plain: Vec<&Outcome> = self
            .records
            .iter()
            .filter(|r| r.decl.expect_refusal.is_none())
            .filter_map(Record::outcome)
            .collect();
        let mocked = plain.iter().filter(|o| ***o == Outcome::Mocked).count();
        percent(mocked, plain.len())
    }

    pub(crate) fn table(&self) -> String {
        let mut out = String::new();
        let valid = self.valid;
        let row = |out: &mut String, n: usize, of: Option<usize>, label: &str| {
            let share = of
                .map(|of| format!("{:>6.2} %", percent(n, of)))
                .unwrap_or_default();
            let _ = writeln!(out, "  {n:>6}  {share:>8}  {label}");
        };
        let _ = writeln!(out, "  {:>6}  {:>8}  outcome", "traits", "share");
        row(&mut out, self.generated, None, "generated");
        row(
            &mut out,
            self.invalid.len(),
            Some(self.generated),
            "invalid: the generator's bugs, dropped (share of generated)",
        );
        row(
            &mut out,
            valid,
            None,
            "valid (the shares below are of these)",
        );
        row(&mut out, self.mocked, Some(valid), "mocked");
        let on_purpose = self
            .records
            .iter()
            .filter(|r| r.outcome().is_some() && r.decl.expect_refusal.is_some())
            .count();
        let expected = self
            .refused
            .iter()
            .filter(|r| r.decl.expect_refusal.is_some())
            .count();
        let several = self
            .refused
            .iter()
            .filter(|r| matches!(r.outcome(), Some(Outcome::RefusedCleanly { errors, .. }) if *errors > 1))
            .count();
        row(&mut out, self.refused.len(), Some(valid), &format!("refused cleanly ({expected} of the {on_purpose} traits given a documented refused shape on purpose; {several} with one clean error per problem)"));
        for (kind, count, label) in [
            (Kind::Bad, self.bad, "bad refusal"),
            (Kind::Warns, self.warns, "warns"),
            (Kind::Panic, self.panics, "panic"),
        ] {
            row(&mut out, count, Some(valid), label);
            for family in self.families.iter().filter(|f| f.kind == kind) {
                row(
                    &mut out,
                    family.members.len(),
                    Some(valid),
                    &format!("    {}", shorten(&family.name, 110)),
                );
            }
        }
        row(
            &mut out,
            self.naming_generated,
            Some(valid),
            "with an error or warning that names generated items",
        );
        row(
            &mut out,
            self.unattributed.len(),
            None,
            "diagnostics not attributable to a trait (count against their chunk)",
        );
        out
    }

    /// Up to `examples` smallest traits per family, with the first
    /// `lines` lines of their errors.
    pub(crate) fn examples(&self, examples: usize, lines: usize) -> String {
        let mut out = String::new();
        for family in &self.families {
            let kind = match family.kind {
                Kind::Bad => "bad refusal",
                Kind::Warns => "warns",
                Kind::Panic => "panic",
            };
            let _ = writeln!(
                out,
                "\n=== {kind}: {} ({} traits)",
                family.name,
                family.members.len()
            );
            let _ = writeln!(out, "    problems: {}", problem_tally(&family.members));
            for record in family.members.iter().take(examples) {
                let _ = writeln!(
                    out,
                    "\n--- trait #{} (edition {}; reproduce: {})",
                    record.decl.index,
                    record.edition,
                    self.reproduce(record)
                );
                let _ = writeln!(out, "{}", record.text());
                if let Some(failure) = record.failure() {
                    let _ = writeln!(out, "--- first error lines:");
                    let shown: Vec<&str> = failure.excerpt.lines().take(lines).collect();
                    let _ = writeln!(out, "{}", shown.join("\n"));
                }
            }
        }
        out
    }

    pub(crate) fn reproduce(&self, record: &Record) -> String {
        format!(
            "--seed {} --only {} --edition {}",
            self.seed, record.decl.index, record.edition
        )
    }

    /// The report file: everything above, every member of every family,
    /// the clean refusals, the generator's invalid traits and anything
    /// that could not be attributed.
    pub(crate) fn report(&self, header: &str, minimized: &[Minimized]) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# autospec random traits: report\n\n{header}\n\n```text\n{}```",
            self.table()
        );
        if !minimized.is_empty() {
            let _ = writeln!(out, "\n## Minimized reproducers\n");
            for item in minimized {
                let _ = writeln!(
                    out,
                    "### {}\n\n```rust\n{}\n```\n\n```text\n{}\n```\n",
                    item.family, item.text, item.errors
                );
            }
        }
        let _ = writeln!(out, "\n## Families\n\n```text{}```", self.examples(3, 40));
        let _ = writeln!(out, "\n## Members of each family\n");
        for family in &self.families {
            let members: Vec<String> = family
                .members
                .iter()
                .map(|r| r.decl.index.to_string())
                .collect();
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                family.name,
                family.members.len(),
                members.join(", ")
            );
        }
        let mut refusals: BTreeMap<String, usize> = BTreeMap::new();
        for record in &self.refused {
            if let Some(Outcome::RefusedCleanly { message, .. }) = record.outcome() {
                *refusals.entry(message.clone()).or_default() += 1;
            }
        }
        let _ = writeln!(out, "\n## Clean refusals\n");
        for (message, n) in &refusals {
            let _ = writeln!(out, "- {n} × {message}");
        }
        let _ = writeln!(out, "\n## Invalid traits (generator bugs)\n");
        for record in &self.invalid {
            if let Status::Invalid { excerpt } = &record.status {
                let _ = writeln!(
                    out,
                    "### #{} (edition {})\n\n```rust\n{}\n```\n\n```text\n{excerpt}\n```\n",
                    record.decl.index,
                    record.edition,
                    record.decl.render_trait(false).join("\n")
                );
            }
        }
        let _ = writeln!(out, "\n## Unattributed diagnostics\n");
        for diag in self.unattributed {
            let _ = writeln!(out, "```text\n{}\n```\n", diag.rendered.trim_end());
        }
        out
    }
}

fn problem_tally(members: &[&Record]) -> String {
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for record in members {
        if let Some(failure) = record.failure() {
            for problem in &failure.problems {
                let label = match problem {
                    crate::classify::Problem::SeveralErrors(_) => "several errors".to_owned(),
                    other => other.label(),
                };
                *tally.entry(label).or_default() += 1;
            }
        }
    }
    if tally.is_empty() {
        return "none".to_owned();
    }
    tally
        .iter()
        .map(|(label, n)| format!("{label} ×{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[allow(clippy::cast_precision_loss)]
pub(crate) fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::decl;

    fn record(decl: TraitDecl, outcome: Outcome) -> Record {
        Record {
            decl,
            edition: "2021",
            status: Status::Checked(outcome),
        }
    }

    #[test]
    fn the_mocked_share_leaves_out_the_traits_refused_on_purpose() {
        let mut on_purpose = decl();
        on_purpose.expect_refusal = Some("a generic associated type");
        let refused = Outcome::RefusedCleanly {
            message: "refused".to_owned(),
            errors: 1,
        };
        let records = vec![
            record(decl(), Outcome::Mocked),
            record(decl(), Outcome::Mocked),
            record(on_purpose, refused.clone()),
        ];
        let summary = Summary::new(1, &records, &[]);
        assert!((summary.mocked_percent() - 100.0).abs() < 1e-9);
        let records = vec![record(decl(), Outcome::Mocked), record(decl(), refused)];
        let summary = Summary::new(1, &records, &[]);
        assert!((summary.mocked_percent() - 50.0).abs() < 1e-9);
    }
}
