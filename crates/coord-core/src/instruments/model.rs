//! Instrument definitions as data: items, answer options, scoring, range, direction, bands,
//! reliability and safety items. A municipality adds its own (e.g. a BIP-style self-assessment on
//! a 1–10 scale) without code.

use crate::category::Language;
use crate::ids::InstrumentId;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One instrument or indicator: what is asked, how answers are scored and how scores read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentDefinition {
    /// The id measurements and targets use (e.g. `who5`).
    pub id: InstrumentId,
    /// The name in Danish.
    pub name_da: String,
    /// The name in English.
    pub name_en: String,
    /// What the instrument speaks of, for the common language of both sectors.
    pub domain: IndicatorDomain,
    /// The items, in order. Answers are given in this order.
    pub items: Vec<Item>,
    /// The answer options shared by every item that has none of its own.
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// How item scores become the instrument's score.
    pub scoring: Scoring,
    /// The range of the final score.
    pub range: ScoreRange,
    /// Whether a higher score is better (WHO-5, GSE, WAS) or worse (PHQ-9, GAD-7, FSIII levels).
    pub higher_is_better: bool,
    /// Bands, by ascending lower bound: a score belongs to the last band whose `from` it reaches.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Reliability (test–retest or Cronbach's α) for the reliable-change index, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<f64>,
    /// The standard deviation of a norm or clinical sample, for the reliable-change index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm_sd: Option<f64>,
    /// The smallest change of the score that matters clinically, as the instrument defines it
    /// (WHO-5: 10 points), shown beside reliable change; absent when not defined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinically_relevant_change: Option<f64>,
    /// Items whose answer raises a flag whatever the total (PHQ-9 item 9).
    #[serde(default)]
    pub safety_items: Vec<SafetyItem>,
    /// How many items may be left unanswered (the score is then prorated); 0 unless stated.
    #[serde(default)]
    pub max_missing: usize,
    /// The licence and the source to credit, in English.
    pub licence: String,
    /// The same in Danish (the English text is shown when it is left out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence_da: String,
    /// Codes in other terminologies (LOINC, SNOMED CT), for exchange.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// One item of an instrument. Texts are optional: restricted instruments are defined without them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The item's id (e.g. `phq9-9`), used in errors and safety items.
    pub id: String,
    /// The item text in Danish, where it may be shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_da: Option<String>,
    /// The item text in English, where it may be shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_en: Option<String>,
    /// This item's own answer options (instead of the instrument's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<AnswerOption>>,
}

/// An answer option: the value given and the score it counts for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// The value recorded as the answer.
    pub value: i32,
    /// The score it counts for; absent for "not relevant" (FSIII level 9), which is left out of
    /// the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The label in Danish.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_da: String,
    /// The label in English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_en: String,
}

/// How item scores are combined.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// The sum of the item scores.
    Sum,
    /// The mean of the item scores.
    Mean,
    /// The sum of the item scores times a factor (WHO-5: raw 0–25 × 4 → 0–100).
    Scaled {
        /// The factor.
        factor: f64,
    },
}

/// The inclusive range of the final score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    /// The lowest possible score.
    pub min: f64,
    /// The highest possible score.
    pub max: f64,
}

impl ScoreRange {
    /// Whether `score` lies in the range (both ends included).
    pub fn contains(&self, score: f64) -> bool {
        score >= self.min && score <= self.max
    }
}

/// A band of scores with a label ("likely depression", "moderate").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest score in the band; the band runs up to the next band's `from`.
    pub from: f64,
    /// The label in Danish.
    pub label_da: String,
    /// The label in English.
    pub label_en: String,
}

impl Band {
    /// The label in `lang`.
    pub fn label(&self, lang: Language) -> &str {
        match lang {
            Language::Da => &self.label_da,
            Language::En => &self.label_en,
        }
    }
}

/// An item whose answer raises a flag whatever the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyItem {
    /// The item's id.
    pub item: String,
    /// The flag is raised when the answer's value is at least this.
    pub at_least: i32,
    /// What to do, in Danish.
    pub message_da: String,
    /// What to do, in English.
    pub message_en: String,
}

/// What an indicator speaks of.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IndicatorDomain {
    /// Functional ability in an FSIII / ICF area.
    FunctionalAbility,
    /// Work ability.
    WorkAbility,
    /// Well-being (WHO-5).
    Wellbeing,
    /// Symptoms of depression or anxiety (PHQ-9, GAD-7).
    MentalHealth,
    /// Belief in one's own ability to cope (GSE; BIP-style readiness).
    SelfEfficacy,
}

impl IndicatorDomain {
    /// Which of the two sectors' words the indicator speaks in (DOMAIN.md S9): health staff's
    /// functional ability or employment staff's work ability.
    pub fn speaks_of(self) -> AbilityDomain {
        match self {
            IndicatorDomain::FunctionalAbility
            | IndicatorDomain::Wellbeing
            | IndicatorDomain::MentalHealth => AbilityDomain::FunctionalAbility,
            IndicatorDomain::WorkAbility | IndicatorDomain::SelfEfficacy => {
                AbilityDomain::WorkAbility
            }
        }
    }

    /// The domain's label.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (IndicatorDomain::FunctionalAbility, Language::Da) => "funktionsevne",
            (IndicatorDomain::FunctionalAbility, Language::En) => "functional ability",
            (IndicatorDomain::WorkAbility, Language::Da) => "arbejdsevne",
            (IndicatorDomain::WorkAbility, Language::En) => "work ability",
            (IndicatorDomain::Wellbeing, Language::Da) => "trivsel",
            (IndicatorDomain::Wellbeing, Language::En) => "well-being",
            (IndicatorDomain::MentalHealth, Language::Da) => "psykisk helbred",
            (IndicatorDomain::MentalHealth, Language::En) => "mental health",
            (IndicatorDomain::SelfEfficacy, Language::Da) => "tro på egne evner",
            (IndicatorDomain::SelfEfficacy, Language::En) => "self-efficacy",
        }
    }
}

/// The two words of the common language (DOMAIN.md S9).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AbilityDomain {
    /// Funktionsevne: what the citizen can and cannot do (health and care, FSIII / ICF).
    FunctionalAbility,
    /// Arbejdsevne: what the citizen can do in work (employment).
    WorkAbility,
}

impl AbilityDomain {
    /// The term.
    pub fn label(self, lang: Language) -> &'static str {
        match (self, lang) {
            (AbilityDomain::FunctionalAbility, Language::Da) => "funktionsevne",
            (AbilityDomain::FunctionalAbility, Language::En) => "functional ability",
            (AbilityDomain::WorkAbility, Language::Da) => "arbejdsevne",
            (AbilityDomain::WorkAbility, Language::En) => "work ability",
        }
    }

    /// How a reader from the other sector should read it: the same fact in the other's terms.
    pub fn in_other_terms(self, lang: Language) -> &'static str {
        match (self, lang) {
            (AbilityDomain::FunctionalAbility, Language::Da) => {
                "for arbejdsevnen: en ressource eller barriere for at kunne arbejde"
            }
            (AbilityDomain::FunctionalAbility, Language::En) => {
                "for work ability: a resource or barrier to being able to work"
            }
            (AbilityDomain::WorkAbility, Language::Da) => {
                "for funktionsevnen: deltagelse i arbejdslivet (FSIII J5.1, ICF d8)"
            }
            (AbilityDomain::WorkAbility, Language::En) => {
                "for functional ability: participation in working life (FSIII J5.1, ICF d8)"
            }
        }
    }
}

impl InstrumentDefinition {
    /// The licence text in `lang` (Danish falls back to the English text when none is given).
    pub fn licence(&self, lang: crate::category::Language) -> &str {
        match lang {
            crate::category::Language::Da if !self.licence_da.is_empty() => &self.licence_da,
            _ => &self.licence,
        }
    }

    /// The name in `lang`.
    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Da => &self.name_da,
            Language::En => &self.name_en,
        }
    }

    /// The options that apply to the item at `index`.
    pub fn options_of(&self, index: usize) -> &[AnswerOption] {
        self.items
            .get(index)
            .and_then(|i| i.options.as_deref())
            .unwrap_or(&self.options)
    }

    /// The index of the band `score` falls in, if the instrument has bands.
    pub fn band_index(&self, score: f64) -> Option<usize> {
        self.bands.iter().rposition(|b| score >= b.from)
    }

    /// The band `score` falls in.
    pub fn band(&self, score: f64) -> Option<&Band> {
        self.band_index(score).and_then(|i| self.bands.get(i))
    }

    /// Whether `a` is better than `b` on this instrument (by its direction).
    pub fn is_better(&self, a: f64, b: f64) -> bool {
        if self.higher_is_better {
            a > b
        } else {
            a < b
        }
    }

    /// Whether `score` reaches `threshold` in the instrument's direction (at least as good).
    pub fn reaches(&self, score: f64, threshold: f64) -> bool {
        if self.higher_is_better {
            score >= threshold
        } else {
            score <= threshold
        }
    }

    /// The smallest change that is reliable by Jacobson–Truax (1.96 · S_diff), when the
    /// reliability and norm SD are known.
    pub fn s_diff(&self) -> Option<f64> {
        match (self.reliability, self.norm_sd) {
            (Some(r), Some(sd)) if (0.0..1.0).contains(&r) && sd > 0.0 => {
                let se = sd * (1.0 - r).sqrt();
                Some(std::f64::consts::SQRT_2 * se)
            }
            _ => None,
        }
    }
}

/// Find an instrument by id in a list of definitions.
pub fn find<'a>(
    instruments: &'a [InstrumentDefinition],
    id: &InstrumentId,
) -> Option<&'a InstrumentDefinition> {
    instruments.iter().find(|i| &i.id == id)
}
