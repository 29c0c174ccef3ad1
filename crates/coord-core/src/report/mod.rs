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
pub mod citizen;
mod words;

pub use attention::{last_review, Attention, AttentionKind};
pub use citizen::{citizen_view, CitizenView};

use crate::check::CheckedCase;
use crate::consent::AccessIndex;
use crate::facts::case_facts;
use crate::ids::{CaseId, RuleId};
use crate::offers::{match_offers_for_case, ExcludedOffer, ExclusionReason, OfferMatch};
use crate::plan::{check_plan, progression, PlanCheck, ProgressError, ProgressReport};
use crate::reference::ReferenceData;
use crate::referral::{referral_overview, ReferralOverview};
use crate::rules::evaluate::{
    DeadlineItem, DeadlineStatus, Evaluation, ProposedReferral, RuleConsentGap, RuleWarning,
};
use crate::rules::law::{evaluate_under_law_facts, LawChoice, LawStatus};
use crate::rules::pack::{RulePack, RuleSource, SourceKind};
use crate::rules::CoordinationLevel;
use crate::team::{team_report, TeamReport};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    /// The law applied: the pack (id, version, valid period, in force), the banner when the level
    /// and legal deadlines are not assessed under the law in force, transitions and announcements.
    pub law: LawStatus,
    /// The coordination level and the rules behind it (absent when no rule set one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelReason>,
    /// What needs doing now, most urgent first.
    pub attention: Vec<Attention>,
    /// Who holds the thread, the team, handovers, and the roles the rules require that nobody fills.
    pub team: TeamReport,
    /// The rules' deadlines by due date (on one day: overdue, open, then done; then by task).
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
    /// reasons (a group course waiting for the citizen's own wish, one that would end after the
    /// expected return …); offers already under way are in the referrals, not here.
    pub offers_not_now: Vec<ExcludedOffer>,
    /// The fired rules whose reading is unverified or that are local practice, not law: renderers
    /// show the mark next to every item such a rule produced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_marks: Vec<RuleMark>,
}

/// How many fitting offers a report shows (the best first; the rest are in the JSON answer).
pub const OFFERS_SHOWN: usize = 5;

impl CoordinationReport {
    /// The team members on the team on the report's date (past members are in `team.members`).
    pub fn current_members(&self) -> impl Iterator<Item = &crate::team::MemberView> {
        self.team.members.iter().filter(|m| m.current)
    }

    /// The fitting offers a report shows: the best [`OFFERS_SHOWN`].
    pub fn offers_shown(&self) -> &[crate::offers::OfferCandidate] {
        let n = self.offers.matches.len().min(OFFERS_SHOWN);
        &self.offers.matches[..n]
    }
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

/// Make the coordination report of `case` under the law chosen (see
/// [`crate::rules::law::choose_law`]; earlier packs that transitions name are looked up in
/// `reference.rule_packs`). With no pack, everything that does not depend on law is still made.
///
/// Fails only when progression cannot be computed as of that date (a measurement dated after
/// it); every other problem is a finding in the report.
pub fn coordination_report(
    case: &CheckedCase,
    reference: &ReferenceData,
    law: &LawChoice<'_>,
) -> Result<CoordinationReport, ProgressError> {
    let as_of = law.as_of;
    let progress = progression(case, reference, as_of)?;
    let mut facts = case_facts(case.case(), as_of);
    facts.set_calendar(std::sync::Arc::new(reference.calendar.clone()));
    let evaluation =
        evaluate_under_law_facts(law, &reference.rule_packs, case, reference, &facts, false);
    let rule_source = |id: &RuleId| -> Option<(String, String, RuleSource)> {
        let mut packs = law.pack.into_iter().chain(reference.rule_packs.iter());
        packs.find_map(|p| {
            p.rule(id)
                .map(|r| (r.title_da.clone(), r.title_en.clone(), r.source.clone()))
        })
    };
    // The marks of the fired rules: from the pack applied, and for rules a transition kept, from
    // the earlier pack.
    let mut marks = Vec::new();
    for id in &evaluation.fired {
        let pack = law
            .pack
            .filter(|p| p.rule(id).is_some())
            .or_else(|| reference.rule_packs.iter().find(|p| p.rule(id).is_some()));
        if let Some(p) = pack {
            marks.extend(rule_marks(p, std::slice::from_ref(id)));
        }
    }
    let required: Vec<_> = evaluation
        .required_roles
        .iter()
        .map(|r| r.role.clone())
        .collect();
    let team = team_report(case.case(), &required, as_of);
    let index = AccessIndex::new(case, reference);
    let referrals = referral_overview(&index, &reference.offers, &reference.calendar, as_of);
    let plan = check_plan(case, as_of);
    let offers = match_offers_for_case(case.case(), reference, as_of);
    let Evaluation {
        level,
        law: status,
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
        (d.due, rank, d.task.clone(), d.rule.clone())
    });
    let level = level.map(|l| LevelReason {
        because: l
            .set_by
            .iter()
            .filter(|(_, set)| *set == l.level)
            .filter_map(|(id, _)| {
                rule_source(id).map(|(title_da, title_en, source)| RuleReason {
                    rule: id.clone(),
                    title_da,
                    title_en,
                    source,
                })
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
                    ExclusionReason::NoMatchingGoal { .. }
                        | ExclusionReason::NotActive { .. }
                        | ExclusionReason::AlreadyReferred { .. }
                )
            })
        })
        .cloned()
        .collect();
    let attention = attention::collect(
        &deadlines,
        &referrals,
        &team,
        &consent_gaps,
        &plan,
        attention::safety(case.case(), &reference.instruments, as_of),
    );
    let c = case.case();
    Ok(CoordinationReport {
        case: c.id.clone(),
        title: c.title.clone(),
        citizen: c.citizen.name.clone(),
        as_of,
        law: status.unwrap_or_else(|| LawStatus {
            jurisdiction: law.jurisdiction.clone(),
            as_of,
            pack: None,
            banner: None,
            transitions: Vec::new(),
            announcements: Vec::new(),
        }),
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
