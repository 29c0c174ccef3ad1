//! Evaluating a rule pack against a case as of a date: deterministic, total and pure, with every
//! output item naming the rule that produced it and, on request, a trace per rule.
//!
//! # Priority
//! The result does not depend on the order of the rules in the pack:
//! - **coordination level**: the highest level set by any fired rule wins
//!   (complex > predictable_long > uncomplicated); among rules setting it, the smallest rule id is
//!   named, and every rule that set it is listed;
//! - **referrals**: a forbidden target wins over a proposal of the same target; the proposal moves
//!   to `forbidden_referrals`, naming both rules;
//! - every list is sorted (by its content, then by rule id). Only the trace keeps pack order.

use super::action::{ConsentAsk, CoordinationLevel, ReferralTarget, RuleAction};
use super::condition::ConditionFailure;
use super::date_expr::shift;
use super::pack::{Rule, RulePack};
use crate::category::InformationCategory;
use crate::check::CheckedCase;
use crate::consent::{consent_gaps, AccessIndex, Flow, GapFlow};
use crate::facts::role_word;
use crate::facts::value::{FactSet, FactValue};
use crate::ids::{ActorId, CaseId, PackId, PurposeId, RuleId};
use crate::party::{Role, Sector};
use crate::reference::ReferenceData;
use crate::time::{DatePeriod, Instant};
use chrono::{NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The coordination level and the rules that set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelOutcome {
    /// The level (the highest set).
    pub level: CoordinationLevel,
    /// The rule named for it (the smallest id among those setting this level).
    pub rule: RuleId,
    /// Every rule that set a level, with the level it set.
    pub set_by: Vec<(RuleId, CoordinationLevel)>,
}

/// A role the case needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequiredRole {
    /// The role.
    pub role: Role,
    /// Whether an actor with this role is already in the case file.
    pub present: bool,
    /// The rule that requires it.
    pub rule: RuleId,
}

/// A proposed referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposedReferral {
    /// Where to.
    pub target: ReferralTarget,
    /// The rule that proposes it.
    pub rule: RuleId,
}

/// A referral that must not be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ForbiddenReferral {
    /// Where to.
    pub target: ReferralTarget,
    /// The rule that forbids it.
    pub rule: RuleId,
    /// Rules whose proposal of the same target it overrides.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<RuleId>,
}

/// Where a deadline stands on the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// Not done, not yet due.
    Open,
    /// Not done and the due date has passed.
    Overdue,
    /// Done (its `done_when` holds).
    Done,
}

/// A deadline with its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineItem {
    /// The task's name.
    pub task: String,
    /// In Danish.
    pub title_da: Arc<str>,
    /// In English.
    pub title_en: Arc<str>,
    /// The last day.
    pub due: NaiveDate,
    /// Open, overdue or done.
    pub status: DeadlineStatus,
    /// The rule that creates it.
    pub rule: RuleId,
    /// The pack the rule belongs to (a case under a transition has deadlines from two packs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackId>,
}

/// A consent the rules want and the case lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleConsentGap {
    /// The categories missing (a consent could open them).
    pub categories: Vec<InformationCategory>,
    /// From which sector.
    pub from: Sector,
    /// To which sector.
    pub to: Sector,
    /// For which purpose.
    pub purpose: PurposeId,
    /// The holder actor checked (absent: no actor of that sector in the case file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<ActorId>,
    /// The recipient actor checked (absent: no actor of that sector in the case file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<ActorId>,
    /// What to ask, in Danish.
    pub ask_da: String,
    /// What to ask, in English.
    pub ask_en: String,
    /// The rule that asks for it.
    pub rule: RuleId,
}

/// A warning raised by a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleWarning {
    /// The code.
    pub code: String,
    /// In Danish.
    pub da: Arc<str>,
    /// In English.
    pub en: Arc<str>,
    /// The rule that raised it.
    pub rule: RuleId,
}

/// Why a rule did or did not fire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum TraceOutcome {
    /// The condition held; the actions were taken.
    Fired,
    /// The condition did not hold.
    NotMatched {
        /// The first failing comparison, with the actual value.
        failure: ConditionFailure,
        /// What the failing comparison asked for, in words (absent where the place holds no
        /// comparison, e.g. an empty `any`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        asked: Option<Box<crate::text::Text>>,
        /// The actual value in words (codes by their labels; absent when not known).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        actual: Option<Box<crate::text::Text>>,
    },
    /// The rule is not in force on the evaluation date.
    NotInForce {
        /// The rule's period.
        valid: DatePeriod,
    },
}

/// One rule's line in the trace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleTrace {
    /// The rule.
    pub rule: RuleId,
    /// Its title in English.
    pub title_en: String,
    /// Its title in Danish.
    pub title_da: String,
    /// What happened.
    #[serde(flatten)]
    pub outcome: TraceOutcome,
}

/// The result of evaluating a pack against a case as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The case.
    pub case: CaseId,
    /// The pack (absent: no pack in force, nothing that depends on law is assessed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackId>,
    /// The pack's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_version: Option<String>,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Whether the pack is in force on the date (if not, no rule fires).
    pub pack_in_force: bool,
    /// The coordination level (absent: no rule set one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelOutcome>,
    /// Roles the case needs.
    pub required_roles: Vec<RequiredRole>,
    /// Referrals proposed (and not forbidden).
    pub referrals: Vec<ProposedReferral>,
    /// Referrals forbidden.
    pub forbidden_referrals: Vec<ForbiddenReferral>,
    /// Deadlines with due dates and status.
    pub deadlines: Vec<DeadlineItem>,
    /// Consents to ask for.
    pub consent_gaps: Vec<RuleConsentGap>,
    /// Warnings.
    pub warnings: Vec<RuleWarning>,
    /// The rules that fired, sorted.
    pub fired: Vec<RuleId>,
    /// The trace per rule, in pack order (only when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<Vec<RuleTrace>>,
    /// The law applied: the pack, its period, the banner when it is not in force, transitions and
    /// announcements (set by [`super::law::evaluate_under_law`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<super::law::LawStatus>,
    /// Codes the case uses on a day outside their valid period in the vocabularies (a finding,
    /// not an error: see `vocab::usage`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes_outside_period: Vec<crate::vocab::usage::OutsidePeriod>,
}

impl Evaluation {
    /// Every rule id the result names (for checks that each names an existing rule).
    pub fn named_rules(&self) -> Vec<&RuleId> {
        let mut out: Vec<&RuleId> = Vec::new();
        if let Some(l) = &self.level {
            out.push(&l.rule);
            out.extend(l.set_by.iter().map(|(r, _)| r));
        }
        out.extend(self.required_roles.iter().map(|x| &x.rule));
        out.extend(self.referrals.iter().map(|x| &x.rule));
        for f in &self.forbidden_referrals {
            out.push(&f.rule);
            out.extend(f.overrides.iter());
        }
        out.extend(self.deadlines.iter().map(|x| &x.rule));
        out.extend(self.consent_gaps.iter().map(|x| &x.rule));
        out.extend(self.warnings.iter().map(|x| &x.rule));
        out.extend(self.fired.iter());
        out
    }

    /// The result facts invariants test, added to `facts`.
    pub fn add_result_facts(&self, facts: &mut FactSet) {
        if let Some(l) = &self.level {
            facts.insert("coordination_level", FactValue::text(l.level.word()));
        }
        facts.insert(
            "required_roles",
            FactValue::set(self.required_roles.iter().map(|r| role_word(&r.role))),
        );
        facts.insert(
            "referrals_proposed",
            FactValue::set(self.referrals.iter().map(|r| r.target.word())),
        );
        facts.insert(
            "tasks_due",
            FactValue::set(self.deadlines.iter().map(|d| d.task.clone())),
        );
        facts.insert(
            "tasks_overdue",
            FactValue::set(
                self.deadlines
                    .iter()
                    .filter(|d| d.status == DeadlineStatus::Overdue)
                    .map(|d| d.task.clone()),
            ),
        );
        let mut per_task: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &self.deadlines {
            *per_task.entry(d.task.as_str()).or_default() += 1;
        }
        let max = per_task.values().copied().max().unwrap_or(0);
        facts.insert("task_deadlines_max", FactValue::Number(max as f64));
        facts.insert(
            "warnings",
            FactValue::set(self.warnings.iter().map(|w| w.code.clone())),
        );
    }
}

/// Evaluate `pack` against `case` as of `as_of`; with `explain`, include a trace per rule.
pub fn evaluate(
    pack: &RulePack,
    case: &CheckedCase,
    reference: &ReferenceData,
    as_of: NaiveDate,
    explain: bool,
) -> Evaluation {
    // Only the facts the pack uses (the same result as the whole catalogue: see `compile`).
    super::compile::CompiledPack::new(pack).evaluate(case, reference, as_of, explain)
}

/// Evaluate with facts already computed (`facts.as_of` is the evaluation date).
pub fn evaluate_facts(
    pack: &RulePack,
    case: &CheckedCase,
    reference: &ReferenceData,
    facts: &FactSet,
    explain: bool,
) -> Evaluation {
    evaluate_facts_as(pack, case, reference, facts, explain, false)
}

/// [`evaluate_facts`]; with `outside_period`, the rules apply even on a date outside the pack's
/// period (a pack given explicitly, or an earlier pack kept by a transition). Each rule's own
/// period still holds.
pub fn evaluate_facts_as(
    pack: &RulePack,
    case: &CheckedCase,
    reference: &ReferenceData,
    facts: &FactSet,
    explain: bool,
    outside_period: bool,
) -> Evaluation {
    let as_of = facts.as_of;
    let pack_in_force = outside_period || pack.in_force(as_of);
    let mut builder = Builder::default();
    let mut trace = explain.then(Vec::new);
    for rule in &pack.rules {
        let outcome = if !pack_in_force || !rule.in_force(as_of) {
            TraceOutcome::NotInForce {
                valid: rule.valid.unwrap_or(pack.valid),
            }
        } else if explain {
            match rule.when.explain(facts).failure {
                None => TraceOutcome::Fired,
                Some(failure) => TraceOutcome::NotMatched {
                    asked: crate::text::condition::failure_words(
                        &reference.vocabularies,
                        &rule.when,
                        &failure,
                    )
                    .map(Box::new),
                    actual: failure.actual.as_ref().map(|v| {
                        Box::new(crate::text::Text::new(
                            v.describe(&reference.vocabularies, crate::category::Language::Da),
                            v.describe(&reference.vocabularies, crate::category::Language::En),
                        ))
                    }),
                    failure,
                },
            }
        } else if rule.when.holds(facts) {
            TraceOutcome::Fired
        } else {
            continue;
        };
        if outcome == TraceOutcome::Fired {
            builder.fire(rule, facts);
        }
        if let Some(t) = trace.as_mut() {
            t.push(RuleTrace {
                rule: rule.id.clone(),
                title_en: rule.title_en.clone(),
                title_da: rule.title_da.clone(),
                outcome,
            });
        }
    }
    builder.finish(pack, case, reference, as_of, trace)
}

#[derive(Default)]
struct Builder<'p> {
    levels: Vec<(RuleId, CoordinationLevel)>,
    roles: Vec<(Role, RuleId)>,
    proposals: Vec<(ReferralTarget, RuleId)>,
    forbids: Vec<(ReferralTarget, RuleId)>,
    deadlines: Vec<DeadlineItem>,
    asks: Vec<(&'p ConsentAsk, RuleId)>,
    warnings: Vec<RuleWarning>,
    fired: Vec<RuleId>,
}

impl<'p> Builder<'p> {
    fn fire(&mut self, rule: &'p Rule, facts: &FactSet) {
        self.fired.push(rule.id.clone());
        for action in &rule.then {
            let id = rule.id.clone();
            match action {
                RuleAction::SetLevel(l) => self.levels.push((id, *l)),
                RuleAction::RequireRole(r) => self.roles.push((r.clone(), id)),
                RuleAction::ProposeReferral(t) => self.proposals.push((t.clone(), id)),
                RuleAction::ForbidReferral(t) => self.forbids.push((t.clone(), id)),
                RuleAction::AskConsent(a) => self.asks.push((a, id)),
                RuleAction::Warn(w) => self.warnings.push(RuleWarning {
                    code: w.code.clone(),
                    da: w.da.clone(),
                    en: w.en.clone(),
                    rule: id,
                }),
                RuleAction::Deadline(d) => match d.due.resolve(facts) {
                    Some(due) => {
                        let done = d.done_when.as_ref().is_some_and(|c| c.holds(facts));
                        let status = if done {
                            DeadlineStatus::Done
                        } else if facts.as_of > due {
                            DeadlineStatus::Overdue
                        } else {
                            DeadlineStatus::Open
                        };
                        self.deadlines.push(DeadlineItem {
                            task: d.task.clone(),
                            title_da: d.title_da.clone(),
                            title_en: d.title_en.clone(),
                            due,
                            status,
                            rule: id,
                            pack: None,
                        });
                    }
                    None => {
                        let anchors = d.due.anchors();
                        let what = if anchors.is_empty() {
                            d.due.to_string()
                        } else {
                            anchors.join("”, “")
                        };
                        self.warnings.push(RuleWarning {
                            code: "deadline_anchor_unknown".to_owned(),
                            da: format!(
                                "Fristen for “{}” kan ikke beregnes: “{what}” kendes ikke.",
                                d.task
                            )
                            .into(),
                            en: format!(
                                "The deadline for “{}” cannot be computed: “{what}” is not known.",
                                d.task
                            )
                            .into(),
                            rule: id,
                        });
                    }
                },
            }
        }
    }

    fn finish(
        mut self,
        pack: &RulePack,
        case: &CheckedCase,
        reference: &ReferenceData,
        as_of: NaiveDate,
        trace: Option<Vec<RuleTrace>>,
    ) -> Evaluation {
        let file = case.case();
        self.levels.sort();
        let level = self.levels.iter().map(|(_, l)| *l).max().and_then(|top| {
            let rule = self.levels.iter().find(|(_, l)| *l == top)?.0.clone();
            Some(LevelOutcome {
                level: top,
                rule,
                set_by: std::mem::take(&mut self.levels),
            })
        });
        self.roles.sort();
        let required_roles = self
            .roles
            .into_iter()
            .map(|(role, rule)| RequiredRole {
                present: file.actors.iter().any(|a| a.role == role),
                role,
                rule,
            })
            .collect();
        self.forbids.sort();
        self.proposals.sort();
        let forbidden_referrals: Vec<ForbiddenReferral> = self
            .forbids
            .iter()
            .map(|(target, rule)| ForbiddenReferral {
                target: target.clone(),
                rule: rule.clone(),
                overrides: self
                    .proposals
                    .iter()
                    .filter(|(t, _)| t == target)
                    .map(|(_, r)| r.clone())
                    .collect(),
            })
            .collect();
        let referrals = self
            .proposals
            .into_iter()
            .filter(|(t, _)| !self.forbids.iter().any(|(f, _)| f == t))
            .map(|(target, rule)| ProposedReferral { target, rule })
            .collect();
        for d in &mut self.deadlines {
            d.pack = Some(pack.id.clone());
        }
        self.deadlines.sort_by(|a, b| {
            (a.due, &a.task, &a.rule, &a.title_en).cmp(&(b.due, &b.task, &b.rule, &b.title_en))
        });
        let mut consent_gaps = Vec::new();
        if !self.asks.is_empty() {
            // Built only when a rule asks for a consent (the index is the costly part).
            let index = AccessIndex::new(case, reference);
            for (ask, rule) in &self.asks {
                consent_gaps.extend(gaps_for(&index, ask, rule, as_of));
            }
            consent_gaps.sort_by(|a: &RuleConsentGap, b| {
                (&a.rule, a.from, a.to, &a.holder, &a.recipient, &a.purpose).cmp(&(
                    &b.rule,
                    b.from,
                    b.to,
                    &b.holder,
                    &b.recipient,
                    &b.purpose,
                ))
            });
        }
        self.warnings
            .sort_by(|a, b| (&a.code, &a.rule, &a.en).cmp(&(&b.code, &b.rule, &b.en)));
        self.fired.sort();
        Evaluation {
            case: file.id.clone(),
            pack: Some(pack.id.clone()),
            pack_version: Some(pack.version.clone()),
            as_of,
            pack_in_force: pack.in_force(as_of),
            level,
            required_roles,
            referrals,
            forbidden_referrals,
            deadlines: self.deadlines,
            consent_gaps,
            warnings: self.warnings,
            fired: self.fired,
            trace,
            law: None,
            codes_outside_period: crate::vocab::usage::codes_outside_period(
                file,
                &reference.vocabularies,
                as_of,
            ),
        }
    }
}

/// Noon UTC on the evaluation date: the moment consent questions are asked at.
fn noon(day: NaiveDate) -> Instant {
    let midnight = day.and_time(NaiveTime::MIN);
    midnight
        .checked_add_signed(chrono::Duration::hours(12))
        .unwrap_or(midnight)
        .and_utc()
        .fixed_offset()
}

fn gaps_for(
    index: &AccessIndex<'_>,
    ask: &ConsentAsk,
    rule: &RuleId,
    as_of: NaiveDate,
) -> Vec<RuleConsentGap> {
    let case = index.case();
    // The actors of a sector, without the people whose organisation is listed too: a consent
    // naming the organisation covers its people, so the citizen is asked once, not per person.
    let of = |sector: Sector| -> Vec<&ActorId> {
        let in_sector: Vec<&crate::party::Actor> =
            case.actors.iter().filter(|a| a.sector == sector).collect();
        let mut v: Vec<&ActorId> = in_sector
            .iter()
            .filter(|a| {
                a.organisation
                    .as_ref()
                    .is_none_or(|org| !in_sector.iter().any(|o| &o.id == org))
            })
            .map(|a| &a.id)
            .collect();
        v.sort();
        v
    };
    let (holders, recipients) = (of(ask.from), of(ask.to));
    let labels = |lang_da: bool| {
        ask.categories
            .iter()
            .map(|c| {
                if lang_da {
                    c.label(crate::category::Language::Da)
                } else {
                    c.label(crate::category::Language::En)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if holders.is_empty() || recipients.is_empty() {
        let (missing_da, missing_en) = if holders.is_empty() {
            (
                ask.from.label(crate::category::Language::Da),
                ask.from.label(crate::category::Language::En),
            )
        } else {
            (
                ask.to.label(crate::category::Language::Da),
                ask.to.label(crate::category::Language::En),
            )
        };
        return vec![RuleConsentGap {
            categories: ask.categories.clone(),
            from: ask.from,
            to: ask.to,
            purpose: ask.purpose.clone(),
            holder: holders.first().map(|a| (*a).clone()),
            recipient: recipients.first().map(|a| (*a).clone()),
            ask_da: format!(
                "Ingen aktør fra {missing_da} i sagen: tilføj aktøren, og bed {} om samtykke til, at {} må {} oplysninger om {} fra {} til formålet “{}”.",
                case.citizen.name, ask.to.label(crate::category::Language::Da), ask.action.label(crate::category::Language::Da), labels(true), ask.from.label(crate::category::Language::Da), ask.purpose
            ),
            ask_en: format!(
                "No actor from {missing_en} in the case file: add one, then ask {} for consent that {} may {} information on {} held by {} for the purpose “{}”.",
                case.citizen.name, ask.to.label(crate::category::Language::En), ask.action.label(crate::category::Language::En), labels(false), ask.from.label(crate::category::Language::En), ask.purpose
            ),
            rule: rule.clone(),
        }];
    }
    let at = noon(as_of);
    let mut out = Vec::new();
    for holder in &holders {
        for recipient in &recipients {
            if holder == recipient {
                continue;
            }
            let flow = GapFlow::new(
                Flow {
                    holder: (*holder).clone(),
                    recipient: (*recipient).clone(),
                    categories: ask.categories.clone(),
                    action: ask.action,
                    purpose: ask.purpose.clone(),
                },
                at,
            );
            if let Ok(report) = consent_gaps(index, &flow) {
                if let Some(s) = report.suggestion {
                    out.push(RuleConsentGap {
                        categories: s.categories,
                        from: ask.from,
                        to: ask.to,
                        purpose: ask.purpose.clone(),
                        holder: Some((*holder).clone()),
                        recipient: Some((*recipient).clone()),
                        ask_da: s.ask_da,
                        ask_en: s.ask_en,
                        rule: rule.clone(),
                    });
                }
            }
        }
    }
    out
}

/// The first day after `day` + `weeks` weeks (helper for packs' tests and generators).
pub fn weeks_after(day: NaiveDate, weeks: i64) -> Option<NaiveDate> {
    shift(day, 7 * weeks)
}
