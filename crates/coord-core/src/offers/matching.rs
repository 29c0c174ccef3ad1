//! Which offers fit the citizen: goals and wishes, eligibility (in the rule language), status,
//! readiness for group courses, the expected return to work (no offer that ends after it) and
//! treatments the offer cannot be attended during — best first, and for every excluded offer the
//! reasons.

use super::model::{
    GoalArea, Offer, OfferCatalogue, OfferMode, OfferStatus, ParticipationBasis, ReadinessSignal,
};
use crate::case_file::CaseFile;
use crate::category::Language;
use crate::course::{Treatment, TreatmentKind};
use crate::ids::{ActorId, InstrumentId, OfferId};
use crate::instruments::InstrumentDefinition;
use crate::plan::GoalDomain;
use crate::reference::ReferenceData;
use crate::rules::{ConditionFailure, FactSet};
use crate::text::{date_long, decimal, pick, Text};
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
    /// The expected day back at work (the course's `expected_return`), if known: an offer that
    /// would end after it is not shown.
    pub expected_return: Option<NaiveDate>,
    /// The citizen's treatments (current and planned), for offers that cannot be attended
    /// during one.
    pub treatments: Vec<Treatment>,
    /// The vocabularies, for the labels of codes in eligibility explanations.
    pub vocabularies: crate::vocab::Vocabularies,
    /// The names of the instruments readiness conditions name, for the sentences for people
    /// (an instrument without a name here is shown by its id).
    pub indicator_names: Vec<(InstrumentId, Text)>,
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
            expected_return: case.course.expected_return,
            treatments: case.course.treatments.clone(),
            indicator_names: Vec::new(),
            vocabularies: crate::vocab::Vocabularies::default(),
        }
    }

    /// The same context with the names of `instruments`, for the readiness sentences.
    pub fn with_instrument_names(mut self, instruments: &[InstrumentDefinition]) -> Self {
        self.indicator_names = instruments
            .iter()
            .map(|d| {
                (
                    d.id.clone(),
                    Text::new(d.name(Language::Da), d.name(Language::En)),
                )
            })
            .collect();
        self
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

impl OfferCandidate {
    /// The offer's name in `lang` (the catalogue's own words).
    pub fn name(&self, lang: Language) -> &str {
        pick(lang, &self.name_da, &self.name_en)
    }
}

impl ExcludedOffer {
    /// The offer's name in `lang` (the catalogue's own words).
    pub fn name(&self, lang: Language) -> &str {
        pick(lang, &self.name_da, &self.name_en)
    }
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
        /// The signals in words, with the instruments' names (for people).
        words: Text,
    },
    /// The citizen is already referred to it, completed it with success, or declined it.
    AlreadyReferred {
        /// The referral.
        referral: crate::ids::ReferralId,
    },
    /// The offer would end after the citizen's expected return to work.
    EndsAfterReturn {
        /// The day it would end for a citizen referred on the evaluation date.
        ends_on: NaiveDate,
        /// The expected day back at work.
        expected_return: NaiveDate,
    },
    /// The citizen has a treatment in the weeks the offer would run, and the offer cannot be
    /// attended during it.
    DuringTreatment {
        /// The treatment.
        treatment: TreatmentKind,
    },
}

impl ExclusionReason {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            ExclusionReason::NotActive { .. } => "offers.not_active",
            ExclusionReason::NoMatchingGoal { .. } => "offers.no_matching_goal",
            ExclusionReason::NotEligible { .. } => "offers.not_eligible",
            ExclusionReason::ReadinessNotMet { .. } => "offers.readiness_not_met",
            ExclusionReason::AlreadyReferred { .. } => "offers.already_referred",
            ExclusionReason::EndsAfterReturn { .. } => "offers.ends_after_return",
            ExclusionReason::DuringTreatment { .. } => "offers.during_treatment",
        }
    }

    /// The reason as a sentence for a caseworker (no ids: those stay in the record).
    pub fn describe(&self, lang: Language) -> String {
        match self {
            ExclusionReason::NotActive { status } => format!(
                "{} {}",
                pick(lang, "tilbuddet er", "the offer is"),
                status.label(lang)
            ),
            ExclusionReason::NoMatchingGoal { offers } => {
                let areas = offers
                    .iter()
                    .map(|a| a.label(lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Language::Da => format!(
                        "det handler om {areas}, som ikke er blandt borgerens mål eller ønsker"
                    ),
                    Language::En => {
                        format!("it helps with {areas}, none of the citizen's goals or wishes")
                    }
                }
            }
            ExclusionReason::NotEligible { words, .. } => match words {
                Some(w) => format!(
                    "{}: {}",
                    pick(lang, "ikke i målgruppen", "not eligible"),
                    w.get(lang)
                ),
                None => pick(lang, "ikke i målgruppen", "not eligible").to_owned(),
            },
            ExclusionReason::ReadinessNotMet { words, .. } => format!(
                "{} {}",
                pick(
                    lang,
                    "et holdforløb for motiverede deltagere: kræver",
                    "a group course for motivated participants: needs"
                ),
                words.get(lang)
            ),
            ExclusionReason::AlreadyReferred { .. } => pick(
                lang,
                "allerede i gang, gennemført eller fravalgt",
                "already under way, completed or declined",
            )
            .to_owned(),
            ExclusionReason::EndsAfterReturn {
                ends_on,
                expected_return,
            } => match lang {
                Language::Da => format!(
                    "det slutter først {}, efter den forventede tilbagevenden til arbejdet {}",
                    date_long(lang, *ends_on),
                    date_long(lang, *expected_return)
                ),
                Language::En => format!(
                    "it would end on {}, after the expected return to work on {}",
                    date_long(lang, *ends_on),
                    date_long(lang, *expected_return)
                ),
            },
            ExclusionReason::DuringTreatment { treatment } => match lang {
                Language::Da => format!(
                    "kan ikke følges under {}, som borgeren får i de uger, tilbuddet ville løbe",
                    treatment.label(lang)
                ),
                Language::En => format!(
                    "cannot be attended during {}, which the citizen has in the weeks the offer would run",
                    treatment.label(lang)
                ),
            },
        }
    }
}

fn signal_words(signals: &[ReadinessSignal], ctx: &MatchContext) -> Text {
    let words = |lang: Language| {
        signals
            .iter()
            .map(|x| match x {
                ReadinessSignal::IndicatorAtLeast { indicator, level } => {
                    let name = ctx
                        .indicator_names
                        .iter()
                        .find(|(id, _)| id == indicator)
                        .map_or_else(|| indicator.to_string(), |(_, t)| t.get(lang).to_owned());
                    format!(
                        "{name} {} {}",
                        pick(lang, "mindst", "at least"),
                        decimal(lang, *level)
                    )
                }
                ReadinessSignal::OwnWish => pick(
                    lang,
                    "borgerens eget ønske registreret",
                    "the citizen's own wish recorded",
                )
                .to_owned(),
            })
            .collect::<Vec<_>>()
            .join(pick(lang, " eller ", " or "))
    };
    Text::new(words(Language::Da), words(Language::En))
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
                let words = outcome.failure.as_ref().and_then(|f| {
                    crate::text::condition::failure_words(&ctx.vocabularies, cond, f)
                });
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
                let words = signal_words(&needs, ctx);
                reasons.push(ExclusionReason::ReadinessNotMet { needs, words });
                None
            }
        };
        if let (Some(ends_on), Some(expected_return)) =
            (offer.expected_end(ctx.as_of), ctx.expected_return)
        {
            if ends_on > expected_return {
                reasons.push(ExclusionReason::EndsAfterReturn {
                    ends_on,
                    expected_return,
                });
            }
        }
        let runs_from = offer.expected_start(ctx.as_of);
        let runs_to = offer.expected_end(ctx.as_of);
        for kind in &offer.not_during {
            if ctx
                .treatments
                .iter()
                .any(|t| t.kind == *kind && t.overlaps(runs_from, runs_to))
            {
                reasons.push(ExclusionReason::DuringTreatment { treatment: *kind });
            }
        }
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

/// Match the offer catalogue of `reference` against the citizen of `case` as of `as_of`: goal
/// areas and offers from the recorded wishes and the plan's active goals, readiness readings from
/// the latest measured values, eligibility facts from the rules' fact catalogue, the expected
/// return and the treatments from the course; offers already under way, completed or declined
/// excluded.
pub fn match_offers_for_case(
    case: &CaseFile,
    reference: &ReferenceData,
    as_of: NaiveDate,
) -> OfferMatch {
    let mut ctx = MatchContext::from_case(case, crate::facts::case_facts(case, as_of))
        .with_instrument_names(&reference.instruments);
    ctx.vocabularies = reference.vocabularies.clone();
    match_offers(&reference.offers, &ctx)
}
