//! A pack prepared for evaluation: only the facts its rules use are computed.
//!
//! Compiling walks the pack's conditions and dates once and marks the catalogue facts they name
//! (by the slot each [`FactName`] carries). [`evaluate`](super::evaluate::evaluate) compiles on
//! every call; a caller that evaluates many cases against one pack (NDJSON, statistics,
//! benchmarks) compiles once and calls [`CompiledPack::evaluate`]. The result is the one the
//! whole catalogue gives ([`super::evaluate::evaluate_facts`] over [`crate::facts::case_facts`]):
//! a property test checks it.

use super::action::RuleAction;
use super::condition::{Condition, DateExpr, Literal};
use super::date_expr::DateSource;
use super::evaluate::{evaluate_facts, Evaluation};
use super::pack::RulePack;
use crate::check::CheckedCase;
use crate::facts::name::FactName;
use crate::facts::value::FactSet;
use crate::facts::{counted_periods, Compute, FactContext, CATALOGUE};
use crate::reference::ReferenceData;
use chrono::NaiveDate;

/// A rule pack with the catalogue facts its rules use marked.
#[derive(Debug, Clone)]
pub struct CompiledPack<'p> {
    pack: &'p RulePack,
    needed: [bool; CATALOGUE_LEN],
    /// Some date expression uses the cumulative window (the counted periods are computed).
    cumulative: bool,
    /// Some date expression counts working days (the reference calendar is used).
    working_days: bool,
}

/// How many facts the catalogue has (a pack's marks are a fixed array: nothing allocated).
const CATALOGUE_LEN: usize = CATALOGUE.len();

/// What a walk over a pack's conditions and dates finds: the catalogue facts named, and
/// whether a date counts working days or uses the cumulative window.
struct Needs {
    needed: [bool; CATALOGUE_LEN],
    cumulative: bool,
    working_days: bool,
}

impl Needs {
    fn new() -> Self {
        Needs {
            needed: [false; CATALOGUE_LEN],
            cumulative: false,
            working_days: false,
        }
    }

    /// Mark the catalogue entry `name` is, or the family it belongs to (both found when the
    /// name was read).
    fn fact(&mut self, name: &FactName) {
        if let Some(slot) = name.slot().or(name.family()) {
            if let Some(n) = self.needed.get_mut(usize::from(slot)) {
                *n = true;
            }
        }
    }

    /// The anchors, working days and cumulative windows of `expr`, in one walk. A named base
    /// that is `as_of` marks the `as_of` fact, which costs nothing; a literal date marks none.
    fn date(&mut self, expr: &DateExpr) {
        self.working_days |= expr.plus_working_days != 0;
        match &expr.base {
            DateSource::Named(n) => self.fact(n),
            DateSource::EarliestOf(parts) | DateSource::LatestOf(parts) => {
                parts.iter().for_each(|p| self.date(p));
            }
            DateSource::From(inner) => self.date(inner),
            DateSource::Cumulative(_) => self.cumulative = true,
        }
    }

    fn condition(&mut self, cond: &Condition) {
        cond.for_each_comparison(&mut |cmp| {
            self.fact(&cmp.fact);
            for lit in cmp.test.literals() {
                if let Literal::Date(expr) = lit {
                    self.date(expr);
                }
            }
        });
    }

    /// Every condition, due date and `done_when` of the pack's rules.
    fn rules(&mut self, pack: &RulePack) {
        for rule in &pack.rules {
            self.condition(&rule.when);
            for action in &rule.then {
                if let RuleAction::Deadline(d) = action {
                    self.date(&d.due);
                    if let Some(done) = &d.done_when {
                        self.condition(done);
                    }
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
        let mut needs = Needs::new();
        needs.rules(pack);
        for t in &pack.transitions {
            needs.condition(&t.when);
            if let Some(earlier) = packs.iter().find(|p| p.id == t.earlier_pack) {
                needs.rules(earlier);
            }
        }
        for a in &pack.announcements {
            if let Some(w) = &a.when {
                needs.condition(w);
            }
        }
        Self::from_needs(pack, needs)
    }

    /// Prepare `pack`: mark every fact its conditions, anchors and `done_when`s name. The walk
    /// is short (a fact name carries its catalogue slot), so [`super::evaluate::evaluate`]
    /// compiles on every call.
    pub fn new(pack: &'p RulePack) -> Self {
        let mut needs = Needs::new();
        needs.rules(pack);
        Self::from_needs(pack, needs)
    }

    fn from_needs(pack: &'p RulePack, needs: Needs) -> Self {
        Self {
            pack,
            needed: needs.needed,
            cumulative: needs.cumulative,
            working_days: needs.working_days,
        }
    }

    /// The pack.
    pub fn pack(&self) -> &'p RulePack {
        self.pack
    }

    /// The facts of `case` as of `as_of` that the pack uses, counting working days in the
    /// reference data's calendar (the municipality's) when a date expression counts them.
    pub fn facts(
        &self,
        case: &CheckedCase,
        reference: &ReferenceData,
        as_of: NaiveDate,
    ) -> FactSet {
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
        if self.working_days {
            facts.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
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
        let facts = self.facts(case, reference, as_of);
        evaluate_facts(self.pack, case, reference, &facts, explain)
    }
}
