//! Which offers fit the citizen: goals and wishes, eligibility (in the rule language), status and
//! readiness for group courses — best first, and for every excluded offer the reasons.

use super::model::{
    GoalArea, Offer, OfferCatalogue, OfferMode, OfferStatus, ParticipationBasis, ReadinessSignal,
};
use crate::case_file::CaseFile;
use crate::category::Language;
use crate::ids::{ActorId, InstrumentId, OfferId};
use crate::plan::GoalDomain;
use crate::rules::{ConditionFailure, FactSet};
use crate::time::{date_of, Instant};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A wish the citizen has expressed, recorded by a professional (or the citizen): what they want
/// to work on, and possibly a specific offer. Part `wishes` of the case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenWish {
    /// What the citizen wants to work on.
    #[serde(default)]
    pub areas: Vec<GoalArea>,
    /// A specific offer the citizen wants to take part in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferId>,
    /// When it was recorded.
    pub recorded_at: Instant,
    /// Who recorded it (an actor id).
    pub recorded_by: ActorId,
    /// The citizen's words, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A readiness or motivation reading, for readiness conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadinessReading {
    /// The indicator.
    pub indicator: InstrumentId,
    /// The latest value.
    pub value: f64,
}

/// What matching looks at. Build it with [`MatchContext::from_case`] and add goal areas from the
/// shared plan and readiness readings from measurements where the caller has them.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchContext {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The areas of the citizen's goals and wishes.
    pub areas: Vec<GoalArea>,
    /// Offers the citizen has asked for.
    pub wished_offers: Vec<OfferId>,
    /// Latest readiness readings.
    pub readiness: Vec<ReadinessReading>,
    /// Facts about the citizen for eligibility conditions.
    pub facts: FactSet,
    /// Offers the citizen is already referred to (an open referral), has completed with success,
    /// or has declined.
    pub already_referred: Vec<(OfferId, crate::ids::ReferralId)>,
}

impl MatchContext {
    /// The context from the case file's wishes recorded on or before `as_of`, with `facts` for
    /// eligibility.
    pub fn from_case(case: &CaseFile, facts: FactSet) -> Self {
        let as_of = facts.as_of;
        let mut areas = Vec::new();
        let mut wished_offers = Vec::new();
        for w in case
            .wishes
            .iter()
            .filter(|w| date_of(&w.recorded_at) <= as_of)
        {
            for a in &w.areas {
                if !areas.contains(a) {
                    areas.push(*a);
                }
            }
            if let Some(o) = &w.offer {
                if !wished_offers.contains(o) {
                    wished_offers.push(o.clone());
                }
            }
        }
        // Goal areas from the shared plan's active goals. A health goal may be about the body,
        // the mind or the way of living, so it opens all three areas.
        if let Some(plan) = &case.plan {
            for goal in plan
                .goals
                .iter()
                .filter(|g| g.status.is_active() && g.start <= as_of)
            {
                let opened: &[GoalArea] = match goal.domain {
                    GoalDomain::Work => &[GoalArea::Work],
                    GoalDomain::Health => &[
                        GoalArea::PhysicalFunction,
                        GoalArea::MentalHealth,
                        GoalArea::Lifestyle,
                    ],
                    GoalDomain::EverydayLife => &[GoalArea::SelfManagement],
                    GoalDomain::Education => &[GoalArea::Education],
                    GoalDomain::NetworkSocial => &[GoalArea::Social],
                    _ => &[],
                };
                for a in opened {
                    if !areas.contains(a) {
                        areas.push(*a);
                    }
                }
            }
        }
        // Readiness readings: the latest measured value per indicator on or before `as_of`.
        let mut readiness: Vec<(NaiveDate, ReadinessReading)> = Vec::new();
        for m in case.measurements.iter().filter(|m| m.date <= as_of) {
            let Some(value) = m.value else { continue };
            match readiness
                .iter_mut()
                .find(|(_, r)| r.indicator == m.indicator)
            {
                Some((date, r)) if m.date >= *date => {
                    *date = m.date;
                    r.value = value;
                }
                Some(_) => {}
                None => readiness.push((
                    m.date,
                    ReadinessReading {
                        indicator: m.indicator.clone(),
                        value,
                    },
                )),
            }
        }
        // Offers already under way (an open referral) or completed with success.
        let already_referred = case
            .referrals
            .iter()
            .filter_map(|r| {
                let offer = r.offer.clone()?;
                let (state, _) = r.state_on(as_of)?;
                let completed_well =
                    r.outcome() == Some(crate::referral::ReferralOutcome::Successful);
                let declined = state == crate::referral::ReferralState::DeclinedByCitizen;
                (!state.is_final() || completed_well || declined).then(|| (offer, r.id.clone()))
            })
            .collect();
        Self {
            as_of,
            areas,
            wished_offers,
            readiness: readiness.into_iter().map(|(_, r)| r).collect(),
            facts,
            already_referred,
        }
    }
}

/// How a readiness condition was met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadinessMet {
    /// The indicator is at or above the level.
    Indicator {
        /// The indicator.
        indicator: InstrumentId,
        /// Its value.
        value: f64,
        /// The level asked for.
        level: f64,
    },
    /// The citizen asked for the offer.
    OwnWish,
}

/// An offer that fits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferCandidate {
    /// The offer.
    pub offer: OfferId,
    /// Its name in Danish.
    pub name_da: String,
    /// Its name in English.
    pub name_en: String,
    /// Its provider.
    pub provider: ActorId,
    /// Voluntary or obligatory.
    pub basis: ParticipationBasis,
    /// Group or individual.
    pub mode: OfferMode,
    /// The citizen's areas it helps with.
    pub fits: Vec<GoalArea>,
    /// Whether the citizen asked for this offer.
    pub wished: bool,
    /// Waiting time in weeks, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_weeks: Option<u32>,
    /// How the readiness condition is met (group courses that have one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness: Option<ReadinessMet>,
}

/// Why an offer does not fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExclusionReason {
    /// The offer is not taking citizens.
    NotActive {
        /// Its status.
        status: OfferStatus,
    },
    /// It helps with none of the citizen's goal areas, and the citizen did not ask for it.
    NoMatchingGoal {
        /// What it helps with.
        offers: Vec<GoalArea>,
    },
    /// The eligibility condition does not hold.
    NotEligible {
        /// The first failing comparison, with the fact's value.
        failure: Option<ConditionFailure>,
        /// What that comparison asks for, in words (for people; the failure is for the record).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        words: Option<crate::text::Text>,
    },
    /// A group course whose readiness condition is not met: no indicator at the level, no wish.
    ReadinessNotMet {
        /// The signals that would do.
        needs: Vec<ReadinessSignal>,
    },
    /// The citizen is already referred to it, completed it with success, or declined it.
    AlreadyReferred {
        /// The referral.
        referral: crate::ids::ReferralId,
    },
}

impl ExclusionReason {
    /// The reason as a sentence for a caseworker.
    pub fn describe(&self, lang: Language) -> String {
        let areas = |a: &[GoalArea]| {
            a.iter()
                .map(|x| match lang {
                    Language::Da => x.label_da(),
                    Language::En => x.label_en(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let signals = |s: &[ReadinessSignal]| {
            s.iter()
                .map(|x| match (lang, x) {
                    (Language::En, ReadinessSignal::IndicatorAtLeast { indicator, level }) => {
                        format!("{indicator} at least {level}")
                    }
                    (Language::Da, ReadinessSignal::IndicatorAtLeast { indicator, level }) => {
                        format!("{indicator} mindst {level}")
                    }
                    (Language::En, ReadinessSignal::OwnWish) => {
                        "the citizen's own wish recorded".to_owned()
                    }
                    (Language::Da, ReadinessSignal::OwnWish) => {
                        "borgerens eget ønske registreret".to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(if lang == Language::En {
                    " or "
                } else {
                    " eller "
                })
        };
        let status = |s: &OfferStatus| match (lang, s) {
            (Language::En, OfferStatus::Inactive) => "inactive",
            (Language::En, OfferStatus::TemporarilyClosed) => "temporarily closed",
            (Language::En, OfferStatus::Active) => "active",
            (Language::Da, OfferStatus::Inactive) => "nedlagt",
            (Language::Da, OfferStatus::TemporarilyClosed) => "midlertidigt lukket",
            (Language::Da, OfferStatus::Active) => "aktivt",
        };
        match (lang, self) {
            (Language::En, ExclusionReason::NotActive { status: s }) => {
                format!("the offer is {}", status(s))
            }
            (Language::Da, ExclusionReason::NotActive { status: s }) => {
                format!("tilbuddet er {}", status(s))
            }
            (Language::En, ExclusionReason::NoMatchingGoal { offers }) => format!(
                "it helps with {}, none of the citizen's goals or wishes",
                areas(offers)
            ),
            (Language::Da, ExclusionReason::NoMatchingGoal { offers }) => format!(
                "det handler om {}, som ikke er blandt borgerens mål eller ønsker",
                areas(offers)
            ),
            (_, ExclusionReason::NotEligible { words, .. }) => match words {
                Some(w) => format!(
                    "{}: {}",
                    crate::text::pick(lang, "ikke i målgruppen", "not eligible"),
                    w.get(lang)
                ),
                None => crate::text::pick(lang, "ikke i målgruppen", "not eligible").to_owned(),
            },
            (Language::En, ExclusionReason::ReadinessNotMet { needs }) => format!(
                "a group course for motivated participants: needs {}",
                signals(needs)
            ),
            (Language::Da, ExclusionReason::ReadinessNotMet { needs }) => format!(
                "et holdforløb for motiverede deltagere: kræver {}",
                signals(needs)
            ),
            (Language::En, ExclusionReason::AlreadyReferred { referral }) => {
                format!("already under way, completed or declined (referral {referral})")
            }
            (Language::Da, ExclusionReason::AlreadyReferred { referral }) => {
                format!("allerede i gang, gennemført eller fravalgt (henvisning {referral})")
            }
        }
    }
}

/// An offer that does not fit, with every reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExcludedOffer {
    /// The offer.
    pub offer: OfferId,
    /// Its name in Danish.
    pub name_da: String,
    /// Its name in English.
    pub name_en: String,
    /// Why not.
    pub reasons: Vec<ExclusionReason>,
}

/// The result of matching the catalogue against one citizen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferMatch {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The offers that fit, best first: asked for by the citizen, then most goal areas, then
    /// shortest wait, then id.
    pub matches: Vec<OfferCandidate>,
    /// The offers that do not fit, in catalogue order, each with its reasons.
    pub excluded: Vec<ExcludedOffer>,
}

fn readiness_met(
    offer: &Offer,
    ctx: &MatchContext,
    wished: bool,
) -> Result<Option<ReadinessMet>, Vec<ReadinessSignal>> {
    let Some(cond) = &offer.readiness else {
        return Ok(None);
    };
    for signal in &cond.any_of {
        match signal {
            ReadinessSignal::OwnWish if wished => return Ok(Some(ReadinessMet::OwnWish)),
            ReadinessSignal::IndicatorAtLeast { indicator, level } => {
                if let Some(r) = ctx
                    .readiness
                    .iter()
                    .find(|r| &r.indicator == indicator && r.value >= *level)
                {
                    return Ok(Some(ReadinessMet::Indicator {
                        indicator: indicator.clone(),
                        value: r.value,
                        level: *level,
                    }));
                }
            }
            ReadinessSignal::OwnWish => {}
        }
    }
    Err(cond.any_of.clone())
}

/// Match every offer of `catalogue` against the citizen in `ctx`.
pub fn match_offers(catalogue: &OfferCatalogue, ctx: &MatchContext) -> OfferMatch {
    let mut matches = Vec::new();
    let mut excluded = Vec::new();
    for offer in &catalogue.offers {
        let mut reasons = Vec::new();
        if offer.status != OfferStatus::Active {
            reasons.push(ExclusionReason::NotActive {
                status: offer.status,
            });
        }
        let wished = ctx.wished_offers.contains(&offer.id);
        let fits: Vec<GoalArea> = offer
            .areas
            .iter()
            .filter(|a| ctx.areas.contains(a))
            .copied()
            .collect();
        if fits.is_empty() && !wished {
            reasons.push(ExclusionReason::NoMatchingGoal {
                offers: offer.areas.clone(),
            });
        }
        if let Some(cond) = &offer.eligibility {
            let outcome = cond.explain(&ctx.facts);
            if !outcome.holds {
                let words = outcome
                    .failure
                    .as_ref()
                    .and_then(|f| crate::text::condition::failure_words(cond, f));
                reasons.push(ExclusionReason::NotEligible {
                    failure: outcome.failure,
                    words,
                });
            }
        }
        if let Some((_, referral)) = ctx.already_referred.iter().find(|(o, _)| o == &offer.id) {
            reasons.push(ExclusionReason::AlreadyReferred {
                referral: referral.clone(),
            });
        }
        let readiness = match readiness_met(offer, ctx, wished) {
            Ok(r) => r,
            Err(needs) => {
                reasons.push(ExclusionReason::ReadinessNotMet { needs });
                None
            }
        };
        if reasons.is_empty() {
            matches.push(OfferCandidate {
                offer: offer.id.clone(),
                name_da: offer.name_da.clone(),
                name_en: offer.name_en.clone(),
                provider: offer.provider.clone(),
                basis: offer.basis,
                mode: offer.mode,
                fits,
                wished,
                waiting_weeks: offer.capacity.waiting_weeks,
                readiness,
            });
        } else {
            excluded.push(ExcludedOffer {
                offer: offer.id.clone(),
                name_da: offer.name_da.clone(),
                name_en: offer.name_en.clone(),
                reasons,
            });
        }
    }
    matches.sort_by(|a, b| {
        (
            !a.wished,
            std::cmp::Reverse(a.fits.len()),
            a.waiting_weeks.unwrap_or(0),
            &a.offer,
        )
            .cmp(&(
                !b.wished,
                std::cmp::Reverse(b.fits.len()),
                b.waiting_weeks.unwrap_or(0),
                &b.offer,
            ))
    });
    OfferMatch {
        as_of: ctx.as_of,
        matches,
        excluded,
    }
}

/// Match the catalogue against the citizen of `case` as of `as_of`: goal areas and offers from the
/// recorded wishes and the plan's active goals, readiness readings from the latest measured values,
/// eligibility facts from the rules' fact catalogue, and offers already under way, completed or
/// declined excluded.
pub fn match_offers_for_case(
    case: &CaseFile,
    catalogue: &OfferCatalogue,
    as_of: NaiveDate,
) -> OfferMatch {
    let ctx = MatchContext::from_case(case, crate::rules::facts::case_facts(case, as_of));
    match_offers(catalogue, &ctx)
}
