//! What needs doing now: the urgent items of every analysis in one list, most urgent first.

use crate::case_file::CaseFile;
use crate::category::Language;
use crate::instruments::{find, InstrumentDefinition};
use crate::plan::PlanCheck;
use crate::referral::{ReferralFinding, ReferralOverview};
use crate::rules::evaluate::{DeadlineItem, DeadlineStatus, RuleConsentGap};
use crate::team::TeamReport;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of item needs attention, in order of urgency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttentionKind {
    /// A safety item of a questionnaire (PHQ-9 item 9: thoughts of self-harm) was answered above
    /// 0 at the latest measurement: always first, with what to do today.
    Safety,
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

/// The day of the last review of the plan on or before `as_of` (the latest plan evaluation
/// held), if any.
pub fn last_review(case: &CaseFile, as_of: NaiveDate) -> Option<NaiveDate> {
    case.plan
        .as_ref()?
        .evaluations
        .iter()
        .map(|e| e.held_on)
        .filter(|d| *d <= as_of)
        .max()
}

/// A safety item (PHQ-9 item 9 above 0) answered at any measurement since the last review (after
/// it, up to `as_of`; every measurement when no review was held), newest first, with what to do.
pub(super) fn safety(
    case: &CaseFile,
    defs: &[InstrumentDefinition],
    as_of: NaiveDate,
) -> Vec<Attention> {
    let since = last_review(case, as_of);
    let mut found: Vec<(NaiveDate, Attention)> = Vec::new();
    for m in &case.measurements {
        if m.date > as_of || since.is_some_and(|s| m.date <= s) {
            continue;
        }
        let (Some(answers), Some(def)) = (&m.answers, find(defs, &m.indicator)) else {
            continue;
        };
        let Ok(score) = def.score(answers, &crate::pointer::Pointer::root()) else {
            continue;
        };
        for f in score.safety_flags {
            let when_da = crate::text::date_long(Language::Da, m.date);
            let when_en = crate::text::date_long(Language::En, m.date);
            found.push((
                m.date,
                Attention {
                    kind: AttentionKind::Safety,
                    code: "safety.item".into(),
                    source: format!("/measurements/{}", m.id),
                    da: format!(
                        "SIKKERHED — {} den {when_da}: {} Kontakt borgerens egen læge eller psykiatrien i dag.",
                        def.name_da, f.message_da
                    ),
                    en: format!(
                        "SAFETY — {} on {when_en}: {} Contact the citizen's GP or psychiatry today.",
                        def.name_en, f.message_en
                    ),
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.source.cmp(&b.1.source)));
    found.into_iter().map(|(_, a)| a).collect()
}

/// Collect the items, most urgent kind first and, within a kind, in the order each analysis gives
/// (which is already by urgency: most overdue first).
pub(super) fn collect(
    deadlines: &[DeadlineItem],
    referrals: &ReferralOverview,
    team: &TeamReport,
    gaps: &[RuleConsentGap],
    plan: &PlanCheck,
    safety: Vec<Attention>,
) -> Vec<Attention> {
    let mut out = Vec::new();
    out.extend(safety);
    for d in deadlines
        .iter()
        .filter(|d| d.status == DeadlineStatus::Overdue)
    {
        out.push(Attention {
            kind: AttentionKind::OverdueDeadline,
            code: "deadline.overdue".into(),
            source: d.rule.to_string(),
            da: format!(
                "{} — fristen var {}",
                d.title_da,
                crate::text::date_long(crate::category::Language::Da, d.due)
            ),
            en: format!(
                "{} — due {}",
                d.title_en,
                crate::text::date_long(crate::category::Language::En, d.due)
            ),
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
