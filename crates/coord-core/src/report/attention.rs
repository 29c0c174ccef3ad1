//! What needs doing now: the urgent items of every analysis in one list, most urgent first.

use crate::category::Language;
use crate::plan::PlanCheck;
use crate::referral::{ReferralFinding, ReferralOverview};
use crate::rules::evaluate::{DeadlineItem, DeadlineStatus, RuleConsentGap};
use crate::team::TeamReport;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of item needs attention, in order of urgency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttentionKind {
    /// A legal or local deadline has passed.
    OverdueDeadline,
    /// Nobody (or more than one person) holds the thread, or a required role is unfilled.
    Team,
    /// A referral is past its response deadline, or was sent without a permit.
    Referral,
    /// A consent the rules want is missing.
    ConsentGap,
    /// The shared plan needs attention.
    Plan,
}

/// One item that needs attention, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attention {
    /// What kind of item.
    pub kind: AttentionKind,
    /// A stable code of the underlying finding (e.g. `referral.stale`).
    pub code: String,
    /// Where it comes from: a rule id, a referral id, or a JSON pointer into the case file.
    pub source: String,
    /// The item in Danish.
    pub da: String,
    /// The item in English.
    pub en: String,
}

impl Attention {
    /// The item in `lang`.
    pub fn text(&self, lang: Language) -> &str {
        match lang {
            Language::Da => &self.da,
            Language::En => &self.en,
        }
    }
}

/// Collect the items, most urgent kind first and, within a kind, in the order each analysis gives
/// (which is already by urgency: most overdue first).
pub(super) fn collect(
    deadlines: &[DeadlineItem],
    referrals: &ReferralOverview,
    team: &TeamReport,
    gaps: &[RuleConsentGap],
    plan: &PlanCheck,
) -> Vec<Attention> {
    let mut out = Vec::new();
    for d in deadlines
        .iter()
        .filter(|d| d.status == DeadlineStatus::Overdue)
    {
        out.push(Attention {
            kind: AttentionKind::OverdueDeadline,
            code: "deadline.overdue".into(),
            source: d.rule.to_string(),
            da: format!("{} — fristen var {}", d.title_da, d.due),
            en: format!("{} — due {}", d.title_en, d.due),
        });
    }
    for f in &team.findings {
        out.push(Attention {
            kind: AttentionKind::Team,
            code: f.code().into(),
            source: "/team".into(),
            da: f.describe(Language::Da),
            en: f.describe(Language::En),
        });
    }
    for f in &referrals.findings {
        let source = match f {
            ReferralFinding::Stale { referral, .. }
            | ReferralFinding::SentWithoutPermit { referral, .. } => referral.to_string(),
        };
        out.push(Attention {
            kind: AttentionKind::Referral,
            code: f.code().into(),
            source,
            da: f.describe(Language::Da),
            en: f.describe(Language::En),
        });
    }
    for g in gaps {
        out.push(Attention {
            kind: AttentionKind::ConsentGap,
            code: "consent.gap".into(),
            source: g.rule.to_string(),
            da: g.ask_da.clone(),
            en: g.ask_en.clone(),
        });
    }
    for f in &plan.findings {
        out.push(Attention {
            kind: AttentionKind::Plan,
            code: f.kind.code().into(),
            source: f.at.to_string(),
            da: f.describe(Language::Da),
            en: f.describe(Language::En),
        });
    }
    out.sort_by_key(|a| a.kind);
    out
}
