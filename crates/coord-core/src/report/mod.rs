//! The coordination report — the main job: one page that the caseworker, the citizen and the
//! health partner read together.
//!
//! It brings the other analyses together as of one date: the coordination level and the rules
//! behind it; who holds the thread and the team (with the roles the rules require); open and
//! overdue deadlines; referrals and their states, stale ones first; consent gaps; plan findings;
//! progression in brief; offers that fit. Above them, [`Attention`]: what needs doing now, most
//! urgent first, each item naming where it comes from. Everything here is computed; adapters only
//! render it.

mod attention;

pub use attention::{Attention, AttentionKind};

use crate::check::CheckedCase;
use crate::consent::AccessIndex;
use crate::ids::{CaseId, PackId, RuleId};
use crate::offers::{match_offers_for_case, ExcludedOffer, ExclusionReason, OfferMatch};
use crate::plan::{check_plan, progression, PlanCheck, ProgressError, ProgressReport};
use crate::reference::ReferenceData;
use crate::referral::{referral_overview, ReferralOverview};
use crate::rules::evaluate::{
    evaluate_facts, DeadlineItem, DeadlineStatus, Evaluation, ProposedReferral, RuleConsentGap,
    RuleWarning,
};
use crate::rules::facts::case_facts;
use crate::rules::pack::{RulePack, RuleSource, SourceKind};
use crate::rules::CoordinationLevel;
use crate::team::{team_report, TeamReport};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The rule pack a report was made under.
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
}

/// A rule named as a reason, with its title and source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleReason {
    /// The rule.
    pub rule: RuleId,
    /// Its title in Danish.
    pub title_da: String,
    /// Its title in English.
    pub title_en: String,
    /// Its legal source or local-practice note.
    pub source: RuleSource,
}

/// The coordination level and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelReason {
    /// The level (the highest any rule set).
    pub level: CoordinationLevel,
    /// The rules that set this level.
    pub because: Vec<RuleReason>,
}

/// The coordination report of one case as of one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoordinationReport {
    /// The case.
    pub case: CaseId,
    /// The case's title.
    pub title: String,
    /// The citizen's name.
    pub citizen: String,
    /// The date the report is made as of.
    pub as_of: NaiveDate,
    /// The rule pack used.
    pub pack: PackSummary,
    /// The coordination level and the rules behind it (absent when no rule set one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelReason>,
    /// What needs doing now, most urgent first.
    pub attention: Vec<Attention>,
    /// Who holds the thread, the team, handovers, and the roles the rules require that nobody fills.
    pub team: TeamReport,
    /// The rules' deadlines: overdue first, then open by due date, then done.
    pub deadlines: Vec<DeadlineItem>,
    /// The case's referrals: stale first.
    pub referrals: ReferralOverview,
    /// Referrals the rules propose.
    pub proposed_referrals: Vec<ProposedReferral>,
    /// Consents the rules want and the case lacks.
    pub consent_gaps: Vec<RuleConsentGap>,
    /// Warnings raised by rules.
    pub warnings: Vec<RuleWarning>,
    /// The plan check.
    pub plan: PlanCheck,
    /// Progression per indicator and per goal.
    pub progress: ProgressReport,
    /// Offers that fit the citizen, and why the others do not.
    pub offers: OfferMatch,
    /// Offers that speak to the citizen's goals or wishes but are not for now, each with its
    /// reasons (a group course waiting for the citizen's own wish, a referral already under way …).
    pub offers_not_now: Vec<ExcludedOffer>,
    /// The fired rules whose reading is unverified or that are local practice, not law: renderers
    /// show the mark next to every item such a rule produced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_marks: Vec<RuleMark>,
}

/// A fired rule that is not verified law: an unverified reading, or local practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleMark {
    /// The rule.
    pub rule: RuleId,
    /// Whether the reading is verified (`false`: the law brief marks it UNVERIFIED).
    pub verified: bool,
    /// Whether the rule is the municipality's own practice, not law.
    pub local_practice: bool,
}

/// The marks of the fired rules of `pack` that are unverified or local practice.
pub fn rule_marks(pack: &RulePack, fired: &[RuleId]) -> Vec<RuleMark> {
    fired
        .iter()
        .filter_map(|id| pack.rule(id))
        .filter(|r| !r.source.verified || r.source.kind == SourceKind::LocalPractice)
        .map(|r| RuleMark {
            rule: r.id.clone(),
            verified: r.source.verified,
            local_practice: r.source.kind == SourceKind::LocalPractice,
        })
        .collect()
}

/// Make the coordination report of `case` under `pack` as of `as_of`.
///
/// Fails only when progression cannot be computed as of that date (a measurement dated after
/// it); every other problem is a finding in the report.
pub fn coordination_report(
    case: &CheckedCase,
    reference: &ReferenceData,
    pack: &RulePack,
    as_of: NaiveDate,
) -> Result<CoordinationReport, ProgressError> {
    let progress = progression(case, reference, as_of)?;
    let mut facts = case_facts(case.case(), as_of);
    facts.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
    let evaluation = evaluate_facts(pack, case, reference, &facts, false);
    let marks = rule_marks(pack, &evaluation.fired);
    let required: Vec<_> = evaluation
        .required_roles
        .iter()
        .map(|r| r.role.clone())
        .collect();
    let team = team_report(case.case(), &required, as_of);
    let index = AccessIndex::new(case, reference);
    let referrals = referral_overview(&index, &reference.offers, &reference.calendar, as_of);
    let plan = check_plan(case, as_of);
    let offers = match_offers_for_case(case.case(), &reference.offers, as_of);
    let Evaluation {
        level,
        referrals: proposed_referrals,
        mut deadlines,
        consent_gaps,
        warnings,
        ..
    } = evaluation;
    deadlines.sort_by_key(|d| {
        let rank = match d.status {
            DeadlineStatus::Overdue => 0,
            DeadlineStatus::Open => 1,
            DeadlineStatus::Done => 2,
        };
        (rank, d.due, d.rule.clone())
    });
    let level = level.map(|l| LevelReason {
        because: l
            .set_by
            .iter()
            .filter(|(_, set)| *set == l.level)
            .filter_map(|(id, _)| pack.rules.iter().find(|r| &r.id == id))
            .map(|r| RuleReason {
                rule: r.id.clone(),
                title_da: r.title_da.clone(),
                title_en: r.title_en.clone(),
                source: r.source.clone(),
            })
            .collect(),
        level: l.level,
    });
    let offers_not_now = offers
        .excluded
        .iter()
        .filter(|e| {
            !e.reasons.iter().any(|r| {
                matches!(
                    r,
                    ExclusionReason::NoMatchingGoal { .. } | ExclusionReason::NotActive { .. }
                )
            })
        })
        .cloned()
        .collect();
    let attention = attention::collect(&deadlines, &referrals, &team, &consent_gaps, &plan);
    let c = case.case();
    Ok(CoordinationReport {
        case: c.id.clone(),
        title: c.title.clone(),
        citizen: c.citizen.name.clone(),
        as_of,
        pack: PackSummary {
            id: pack.id.clone(),
            version: pack.version.clone(),
            title_da: pack.title_da.clone(),
            title_en: pack.title_en.clone(),
        },
        level,
        attention,
        team,
        deadlines,
        referrals,
        proposed_referrals,
        consent_gaps,
        warnings,
        plan,
        progress,
        offers,
        offers_not_now,
        rule_marks: marks,
    })
}
