//! The law that applies: which rule pack is in force for a jurisdiction on a date, what to say when
//! none is (or when a pack given explicitly is not), and evaluation of one case under the law that
//! applies to *it* — the pack in force, plus an earlier pack's rules where a [`Transition`] keeps
//! them for cases that were already running.
//!
//! Everything that does not depend on law (team, consents, referrals, plan, progression, offers)
//! is computed whether or not a pack is in force; [`LawStatus::banner`] says when the level and the
//! legal deadlines are not assessed.

use super::evaluate::{evaluate_facts_as, Evaluation, LevelOutcome};
use super::pack::{RulePack, RuleSource};
use super::transition::Transition;
use crate::category::Language;
use crate::check::CheckedCase;
use crate::facts::value::FactSet;
use crate::ids::{CaseId, PackId, RuleId};
use crate::reference::ReferenceData;
use crate::time::DatePeriod;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The packs for `jurisdiction` in force on `day`, the one that began last at the end (the
/// validator reports overlapping packs without a transition; with a transition, the later pack is
/// the law and the earlier one applies through it).
pub fn packs_in_force<'a>(
    packs: &'a [RulePack],
    jurisdiction: &str,
    day: NaiveDate,
) -> Vec<&'a RulePack> {
    let mut v: Vec<&RulePack> = packs
        .iter()
        .filter(|p| p.jurisdiction == jurisdiction && p.in_force(day))
        .collect();
    v.sort_by_key(|p| p.valid.from);
    v
}

/// The pack a result was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackSummary {
    /// The pack's id.
    pub id: PackId,
    /// Its version.
    pub version: String,
    /// Its title in Danish.
    pub title_da: String,
    /// Its title in English.
    pub title_en: String,
    /// The period it is in force.
    pub valid: DatePeriod,
    /// Whether it is in force on the date of the result.
    pub in_force: bool,
    /// Whether it was given explicitly (`--pack`) rather than chosen as the one in force.
    pub given: bool,
}

impl PackSummary {
    /// The summary of `pack` on `day`.
    pub fn of(pack: &RulePack, day: NaiveDate, given: bool) -> Self {
        Self {
            id: pack.id.clone(),
            version: pack.version.clone(),
            title_da: pack.title_da.clone(),
            title_en: pack.title_en.clone(),
            valid: pack.valid,
            in_force: pack.in_force(day),
            given,
        }
    }
}

/// Why a banner is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BannerCode {
    /// No pack for the jurisdiction is in force: level and legal deadlines are not assessed.
    NoPackInForce,
    /// The pack given explicitly is not in force on the date: its results are not the law then.
    PackNotInForce,
}

/// The line a report or evaluation opens with when the law applied is not the law in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawBanner {
    /// Why.
    pub code: BannerCode,
    /// In Danish.
    pub da: String,
    /// In English.
    pub en: String,
}

/// A transition that applies to this case: some rules come from an earlier pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppliedTransition {
    /// The transition's id (in the pack in force).
    pub transition: String,
    /// The earlier pack whose rules apply.
    pub earlier_pack: PackId,
    /// What it says, in Danish.
    pub title_da: String,
    /// What it says, in English.
    pub title_en: String,
    /// The earlier pack's rules kept.
    pub kept: Vec<RuleId>,
    /// The pack in force's rules set aside for this case.
    pub instead_of: Vec<RuleId>,
    /// The legal source.
    pub source: RuleSource,
}

/// An announced change the citizen's rules are expected to undergo soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementNotice {
    /// The announcement's id.
    pub announcement: String,
    /// The expected date.
    pub expected: NaiveDate,
    /// What is expected, in Danish.
    pub title_da: String,
    /// What is expected, in English.
    pub title_en: String,
    /// The sentence for the report, in Danish.
    pub da: String,
    /// The sentence for the report, in English.
    pub en: String,
    /// Where to look.
    pub source: RuleSource,
}

/// Which law a result was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawStatus {
    /// The jurisdiction.
    pub jurisdiction: String,
    /// The date.
    pub as_of: NaiveDate,
    /// The pack applied (absent: none in force and none given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackSummary>,
    /// Shown first when the pack applied is not the law in force on the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<LawBanner>,
    /// Transitions that keep earlier rules for this case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<AppliedTransition>,
    /// Announced changes due within 30 days (or past due) that concern this case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub announcements: Vec<AnnouncementNotice>,
}

impl LawStatus {
    /// Whether the level and the legal deadlines were assessed under the law in force.
    pub fn assessed(&self) -> bool {
        self.pack.as_ref().is_some_and(|p| p.in_force)
    }
}

/// The law chosen for a date: the pack to apply (if any) and what to say about it.
#[derive(Debug, Clone)]
pub struct LawChoice<'a> {
    /// The pack to apply.
    pub pack: Option<&'a RulePack>,
    /// Whether it was given explicitly.
    pub given: bool,
    /// The jurisdiction.
    pub jurisdiction: String,
    /// The date.
    pub as_of: NaiveDate,
}

/// Whether any pack among `packs` is for `jurisdiction` (in force or not).
pub fn jurisdiction_known(packs: &[RulePack], jurisdiction: &str) -> bool {
    packs.iter().any(|p| p.jurisdiction == jurisdiction)
}

/// Choose the law: the pack given (used even when not in force, with a banner), else the pack in
/// force for `jurisdiction` on `as_of` among `packs`, else none.
pub fn choose_law<'a>(
    packs: &'a [RulePack],
    given: Option<&'a RulePack>,
    jurisdiction: &str,
    as_of: NaiveDate,
) -> LawChoice<'a> {
    let (pack, given) = match given {
        Some(p) => (Some(p), true),
        None => (packs_in_force(packs, jurisdiction, as_of).pop(), false),
    };
    LawChoice {
        pack,
        given,
        jurisdiction: given
            .then(|| pack.map(|p| p.jurisdiction.clone()))
            .flatten()
            .unwrap_or_else(|| jurisdiction.to_owned()),
        as_of,
    }
}

fn banner(choice: &LawChoice<'_>) -> Option<LawBanner> {
    let long = crate::text::date_long;
    let (da_day, en_day) = (
        long(Language::Da, choice.as_of),
        long(Language::En, choice.as_of),
    );
    match choice.pack {
        None => Some(LawBanner {
            code: BannerCode::NoPackInForce,
            da: format!(
                "ingen regelpakke for {} er i kraft den {da_day}: koordineringsniveau og lovbestemte frister vurderes ikke",
                choice.jurisdiction
            ),
            en: format!(
                "no rule pack for {} is in force on {en_day}: coordination level and legal deadlines are not assessed",
                choice.jurisdiction
            ),
        }),
        Some(p) if !p.in_force(choice.as_of) => {
            let to_da = p.valid.to.map_or("uden slutdato".to_owned(), |t| {
                format!("til {}", long(Language::Da, t))
            });
            let to_en = p
                .valid
                .to
                .map_or("with no end".to_owned(), |t| format!("to {}", long(Language::En, t)));
            Some(LawBanner {
                code: BannerCode::PackNotInForce,
                da: format!(
                    "regelpakken {} gælder fra {} {to_da}, ikke den {da_day}: resultaterne er vist som ønsket, men er ikke gældende ret på datoen",
                    p.id,
                    long(Language::Da, p.valid.from)
                ),
                en: format!(
                    "the rule pack {} is valid from {} {to_en}, not on {en_day}: its results are shown as asked, but they are not the law on that date",
                    p.id,
                    long(Language::En, p.valid.from)
                ),
            })
        }
        Some(_) => None,
    }
}

/// The transitions of `pack` that apply to a case with these facts.
pub fn transitions_for<'p>(pack: &'p RulePack, facts: &FactSet) -> Vec<&'p Transition> {
    pack.transitions
        .iter()
        .filter(|t| t.open_on(facts.as_of) && t.when.holds(facts))
        .collect()
}

fn restricted(pack: &RulePack, keep: impl Fn(&RuleId) -> bool) -> RulePack {
    RulePack {
        rules: pack.rules.iter().filter(|r| keep(&r.id)).cloned().collect(),
        invariants: Vec::new(),
        tests: Vec::new(),
        transitions: Vec::new(),
        announcements: Vec::new(),
        ..pack.clone()
    }
}

/// Evaluate `case` under the law chosen: the pack's rules (all of them for an explicit pack, also
/// outside its period), minus those a transition sets aside for this case, plus the earlier
/// pack's rules the transition keeps (found in `packs`). With no pack, an evaluation with nothing
/// assessed. The result carries the [`LawStatus`].
pub fn evaluate_under_law(
    choice: &LawChoice<'_>,
    packs: &[RulePack],
    case: &CheckedCase,
    reference: &ReferenceData,
    explain: bool,
) -> Evaluation {
    // The facts the pack, its transitions and the earlier packs they keep use, with the
    // reference calendar for working days (as `coord report` counts them).
    let facts = match choice.pack {
        Some(pack) => {
            super::compile::CompiledPack::for_law(pack, packs).facts(case, reference, choice.as_of)
        }
        // No pack: nothing is assessed, no fact is read.
        None => FactSet::new(choice.as_of),
    };
    evaluate_under_law_facts(choice, packs, case, reference, &facts, explain)
}

/// [`evaluate_under_law`] with the case's facts already computed.
pub fn evaluate_under_law_facts(
    choice: &LawChoice<'_>,
    packs: &[RulePack],
    case: &CheckedCase,
    reference: &ReferenceData,
    facts: &FactSet,
    explain: bool,
) -> Evaluation {
    let as_of = choice.as_of;
    let mut status = LawStatus {
        jurisdiction: choice.jurisdiction.clone(),
        as_of,
        pack: choice.pack.map(|p| PackSummary::of(p, as_of, choice.given)),
        banner: banner(choice),
        transitions: Vec::new(),
        announcements: Vec::new(),
    };
    let Some(pack) = choice.pack else {
        let mut e = empty_evaluation(case.case().id.clone(), as_of, explain);
        e.law = Some(status);
        return e;
    };
    let applied: Vec<(&Transition, &RulePack)> = transitions_for(pack, facts)
        .into_iter()
        .filter_map(|t| {
            packs
                .iter()
                .find(|p| p.id == t.earlier_pack)
                .map(|earlier| (t, earlier))
        })
        .collect();
    let mut evaluation = if applied.is_empty() {
        evaluate_facts_as(pack, case, reference, facts, explain, choice.given)
    } else {
        let aside: Vec<&RuleId> = applied.iter().flat_map(|(t, _)| &t.instead_of).collect();
        let current = restricted(pack, |id| !aside.contains(&id));
        let mut e = evaluate_facts_as(&current, case, reference, facts, explain, choice.given);
        for (t, earlier) in &applied {
            let kept = restricted(earlier, |id| t.keep.contains(id));
            let other = evaluate_facts_as(&kept, case, reference, facts, explain, true);
            e = merge(e, other);
            status.transitions.push(AppliedTransition {
                transition: t.id.clone(),
                earlier_pack: earlier.id.clone(),
                title_da: t.title_da.clone(),
                title_en: t.title_en.clone(),
                kept: t.keep.clone(),
                instead_of: t.instead_of.clone(),
                source: t.source.clone(),
            });
        }
        e
    };
    status.announcements = pack
        .announcements
        .iter()
        .filter(|a| a.noticed_on(as_of) && a.when.as_ref().is_none_or(|w| w.holds(facts)))
        .map(|a| AnnouncementNotice {
            announcement: a.id.clone(),
            expected: a.expected,
            title_da: a.title_da.clone(),
            title_en: a.title_en.clone(),
            da: format!(
                "Reglerne for borgeren forventes at ændre sig den {}: {}. Se {}{}.",
                a.expected,
                a.title_da,
                a.source.citation,
                source_url(&a.source)
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ),
            en: format!(
                "The rules for this citizen are expected to change on {}: {}. See {}{}.",
                a.expected,
                a.title_en,
                a.source.citation,
                source_url(&a.source)
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ),
            source: a.source.clone(),
        })
        .collect();
    evaluation.law = Some(status);
    evaluation
}

/// The first URL among a source's citations.
fn source_url(source: &RuleSource) -> Option<&str> {
    source.cites.iter().find_map(|c| c.url())
}

/// An evaluation in which nothing was assessed (no pack).
fn empty_evaluation(case: CaseId, as_of: NaiveDate, explain: bool) -> Evaluation {
    Evaluation {
        case,
        pack: None,
        pack_version: None,
        as_of,
        pack_in_force: false,
        level: None,
        required_roles: Vec::new(),
        referrals: Vec::new(),
        forbidden_referrals: Vec::new(),
        deadlines: Vec::new(),
        consent_gaps: Vec::new(),
        warnings: Vec::new(),
        fired: Vec::new(),
        trace: explain.then(Vec::new),
        law: None,
        codes_outside_period: Vec::new(),
    }
}

/// Two evaluations of one case on one date as one (the first's pack is named).
fn merge(mut a: Evaluation, b: Evaluation) -> Evaluation {
    let mut set_by: Vec<_> = a
        .level
        .take()
        .map(|l| l.set_by)
        .unwrap_or_default()
        .into_iter()
        .chain(b.level.map(|l| l.set_by).unwrap_or_default())
        .collect();
    set_by.sort();
    set_by.dedup();
    a.level = set_by.iter().map(|(_, l)| *l).max().and_then(|top| {
        let rule = set_by.iter().find(|(_, l)| *l == top)?.0.clone();
        Some(LevelOutcome {
            level: top,
            rule,
            set_by,
        })
    });
    a.required_roles.extend(b.required_roles);
    a.required_roles
        .sort_by(|x, y| (&x.role, &x.rule).cmp(&(&y.role, &y.rule)));
    a.required_roles
        .dedup_by(|x, y| x.role == y.role && x.rule == y.rule);
    a.forbidden_referrals.extend(b.forbidden_referrals);
    a.referrals.extend(b.referrals);
    let forbidden: Vec<_> = a
        .forbidden_referrals
        .iter()
        .map(|f| f.target.clone())
        .collect();
    a.referrals.retain(|r| !forbidden.contains(&r.target));
    a.referrals
        .sort_by(|x, y| (&x.target, &x.rule).cmp(&(&y.target, &y.rule)));
    a.deadlines.extend(b.deadlines);
    a.deadlines.sort_by(|x, y| {
        (x.due, &x.task, &x.rule, &x.title_en).cmp(&(y.due, &y.task, &y.rule, &y.title_en))
    });
    a.consent_gaps.extend(b.consent_gaps);
    a.warnings.extend(b.warnings);
    a.warnings
        .sort_by(|x, y| (&x.code, &x.rule, &x.en).cmp(&(&y.code, &y.rule, &y.en)));
    a.fired.extend(b.fired);
    a.fired.sort();
    if let (Some(t), Some(u)) = (a.trace.as_mut(), b.trace) {
        t.extend(u);
    }
    a
}
