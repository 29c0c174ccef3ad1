//! A pack prepared for evaluating many cases: only the facts its rules use are computed.
//!
//! [`evaluate`](super::evaluate::evaluate) computes every fact of the catalogue for each case. A
//! caller that evaluates many cases against one pack (NDJSON, benchmarks) compiles the pack once
//! and calls [`CompiledPack::evaluate`]; the result is the same (a property test checks it).

use super::action::RuleAction;
use super::condition::{Condition, DateExpr, Literal};
use super::evaluate::{evaluate_facts, Evaluation};
use super::pack::RulePack;
use crate::check::CheckedCase;
use crate::facts::value::FactSet;
use crate::facts::{counted_periods, Compute, FactContext, CATALOGUE};
use crate::reference::ReferenceData;
use chrono::NaiveDate;

/// A rule pack with the catalogue facts its rules use marked.
#[derive(Debug, Clone)]
pub struct CompiledPack<'p> {
    pack: &'p RulePack,
    needed: Vec<bool>,
    /// Some date expression uses the cumulative window (the counted periods are computed).
    cumulative: bool,
    /// Some date expression counts working days (the reference calendar is used).
    working_days: bool,
}

fn mark(name: &str, needed: &mut [bool]) {
    for (i, def) in CATALOGUE.iter().enumerate() {
        let hit = match def.name.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => def.name == name,
        };
        if hit {
            if let Some(n) = needed.get_mut(i) {
                *n = true;
            }
        }
    }
}

fn mark_date(expr: &DateExpr, needed: &mut [bool]) {
    for name in expr.anchors() {
        mark(name, needed);
    }
}

fn date_literals(cond: &Condition) -> impl Iterator<Item = &DateExpr> {
    cond.comparisons().into_iter().flat_map(|(_, cmp)| {
        cmp.test.literals().iter().filter_map(|lit| match lit {
            Literal::Date(expr) => Some(expr),
            _ => None,
        })
    })
}

fn mark_condition(cond: &Condition, needed: &mut [bool]) {
    for (_, cmp) in cond.comparisons() {
        mark(&cmp.fact, needed);
    }
    for expr in date_literals(cond) {
        mark_date(expr, needed);
    }
}

/// Every date expression of the pack's rules (conditions, due dates, `done_when`s).
fn pack_dates(pack: &RulePack) -> Vec<&DateExpr> {
    let mut out = Vec::new();
    for rule in &pack.rules {
        out.extend(date_literals(&rule.when));
        for action in &rule.then {
            if let RuleAction::Deadline(d) = action {
                out.push(&d.due);
                if let Some(done) = &d.done_when {
                    out.extend(date_literals(done));
                }
            }
        }
    }
    out
}

fn mark_rules(pack: &RulePack, needed: &mut [bool]) {
    for rule in &pack.rules {
        mark_condition(&rule.when, needed);
        for action in &rule.then {
            if let RuleAction::Deadline(d) = action {
                mark_date(&d.due, needed);
                if let Some(done) = &d.done_when {
                    mark_condition(done, needed);
                }
            }
        }
    }
}

impl<'p> CompiledPack<'p> {
    /// Prepare `pack` for evaluation under the law ([`super::law::evaluate_under_law_facts`]):
    /// also mark the facts its transitions and announcements test and those the rules of the
    /// earlier packs they name (found in `packs`) use.
    pub fn for_law(pack: &'p RulePack, packs: &[RulePack]) -> Self {
        let mut compiled = Self::new(pack);
        for t in &pack.transitions {
            mark_condition(&t.when, &mut compiled.needed);
            if let Some(earlier) = packs.iter().find(|p| p.id == t.earlier_pack) {
                mark_rules(earlier, &mut compiled.needed);
            }
        }
        for a in &pack.announcements {
            if let Some(w) = &a.when {
                mark_condition(w, &mut compiled.needed);
            }
        }
        compiled
    }

    /// Prepare `pack`: mark every fact its conditions, anchors and `done_when`s name.
    pub fn new(pack: &'p RulePack) -> Self {
        let mut needed = vec![false; CATALOGUE.len()];
        for rule in &pack.rules {
            mark_condition(&rule.when, &mut needed);
            for action in &rule.then {
                if let RuleAction::Deadline(d) = action {
                    mark_date(&d.due, &mut needed);
                    if let Some(done) = &d.done_when {
                        mark_condition(done, &mut needed);
                    }
                }
            }
        }
        let dates = pack_dates(pack);
        Self {
            pack,
            needed,
            cumulative: dates.iter().any(|d| d.uses_cumulative()),
            working_days: dates.iter().any(|d| d.uses_working_days()),
        }
    }

    /// The pack.
    pub fn pack(&self) -> &'p RulePack {
        self.pack
    }

    /// The facts of `case` as of `as_of` that the pack uses.
    pub fn facts(&self, case: &CheckedCase, as_of: NaiveDate) -> FactSet {
        let ctx = FactContext {
            case: case.case(),
            as_of,
        };
        let mut facts = FactSet::new(as_of);
        for (slot, (def, needed)) in CATALOGUE.iter().zip(&self.needed).enumerate() {
            if !needed {
                continue;
            }
            match def.compute {
                Compute::Case(f) => {
                    if let Some(v) = f(&ctx) {
                        facts.push_new(slot, def.name, v);
                    }
                }
                Compute::Family(f) => f(&ctx, &mut facts),
                Compute::Result => {}
            }
        }
        if self.cumulative {
            facts.set_counted_periods(counted_periods(case.case()));
        }
        facts
    }

    /// Evaluate `case` as of `as_of` (the same result as [`super::evaluate::evaluate`]).
    pub fn evaluate(
        &self,
        case: &CheckedCase,
        reference: &ReferenceData,
        as_of: NaiveDate,
        explain: bool,
    ) -> Evaluation {
        let mut facts = self.facts(case, as_of);
        if self.working_days {
            facts.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
        }
        evaluate_facts(self.pack, case, reference, &facts, explain)
    }
}
