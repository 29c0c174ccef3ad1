//! Scoring one set of answers with an instrument definition.

use super::model::InstrumentDefinition;
use crate::category::Language;
use crate::ids::InstrumentId;
use crate::pointer::Pointer;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why answers could not be scored. Each message names the item.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum ScoreError {
    /// No instrument with this id in the reference data.
    #[error("unknown instrument: no definition with this id in the reference data")]
    UnknownInstrument {
        /// Where the id is.
        at: Pointer,
        /// The id.
        id: InstrumentId,
    },
    /// More answers than items.
    #[error("{got} answers given, but the instrument has {expected} items")]
    TooManyAnswers {
        /// Where the answers are.
        at: Pointer,
        /// The instrument.
        instrument: InstrumentId,
        /// The number of items.
        expected: usize,
        /// The number of answers.
        got: usize,
    },
    /// An answer that is not one of the item's options.
    #[error("item {number} was answered with a value that is not one of its options ({allowed})")]
    OutOfRange {
        /// Where the answer is.
        at: Pointer,
        /// The item's 1-based number.
        number: usize,
        /// The item's id.
        item: String,
        /// The answer.
        value: i32,
        /// The allowed values.
        allowed: String,
    },
    /// An item left unanswered where the instrument allows none (or no more) missing.
    #[error(
        "item {number} is not answered, and the instrument allows {max_missing} missing item(s)"
    )]
    MissingItem {
        /// Where the answer belongs.
        at: Pointer,
        /// The item's 1-based number.
        number: usize,
        /// The item's id.
        item: String,
        /// The instrument.
        instrument: InstrumentId,
        /// How many may be missing.
        max_missing: usize,
    },
    /// Every answer was "not relevant", so there is nothing to score.
    #[error("every answer to the instrument is \"not relevant\", so there is no score")]
    NothingToScore {
        /// Where the answers are.
        at: Pointer,
        /// The instrument.
        instrument: InstrumentId,
    },
    /// A value given directly that lies outside the instrument's range.
    #[error("the value lies outside the range of the instrument ({min}–{max})")]
    ValueOutOfRange {
        /// Where the value is.
        at: Pointer,
        /// The instrument.
        instrument: InstrumentId,
        /// The value.
        value: f64,
        /// The lowest score.
        min: f64,
        /// The highest score.
        max: f64,
    },
}

impl ScoreError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            ScoreError::UnknownInstrument { .. } => "instrument.unknown",
            ScoreError::TooManyAnswers { .. } => "instrument.too_many_answers",
            ScoreError::OutOfRange { .. } => "instrument.answer_out_of_range",
            ScoreError::MissingItem { .. } => "instrument.missing_item",
            ScoreError::NothingToScore { .. } => "instrument.nothing_to_score",
            ScoreError::ValueOutOfRange { .. } => "instrument.value_out_of_range",
        }
    }

    /// Where the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            ScoreError::UnknownInstrument { at, .. }
            | ScoreError::TooManyAnswers { at, .. }
            | ScoreError::OutOfRange { at, .. }
            | ScoreError::MissingItem { at, .. }
            | ScoreError::NothingToScore { at, .. }
            | ScoreError::ValueOutOfRange { at, .. } => at,
        }
    }
}

/// A scored answer set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The sum of the item scores (prorated when items are missing).
    pub raw: f64,
    /// The final score (after mean or scaling).
    pub score: f64,
    /// The band the score falls in, if the instrument has bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<BandRef>,
    /// Safety items that raised a flag, whatever the total.
    #[serde(default)]
    pub safety_flags: Vec<SafetyFlag>,
    /// How many items were answered with a scored option.
    pub answered: usize,
}

/// A band, by position and labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BandRef {
    /// The band's position in the definition (0 = lowest scores).
    pub index: usize,
    /// The label in Danish.
    pub label_da: String,
    /// The label in English.
    pub label_en: String,
}

impl BandRef {
    /// The label in `lang`.
    pub fn label(&self, lang: Language) -> &str {
        match lang {
            Language::Da => &self.label_da,
            Language::En => &self.label_en,
        }
    }
}

/// A raised safety flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyFlag {
    /// The item.
    pub item: String,
    /// The answer given.
    pub value: i32,
    /// What to do, in Danish.
    pub message_da: String,
    /// What to do, in English.
    pub message_en: String,
}

impl InstrumentDefinition {
    /// The band of `score`, as a reference.
    pub fn band_ref(&self, score: f64) -> Option<BandRef> {
        let index = self.band_index(score)?;
        let b = self.bands.get(index)?;
        Some(BandRef {
            index,
            label_da: b.label_da.clone(),
            label_en: b.label_en.clone(),
        })
    }

    /// Score `answers` (one per item, in order; `None` for an unanswered item). Errors name the
    /// item, under `at` (the place of the answer list).
    pub fn score(&self, answers: &[Option<i32>], at: &Pointer) -> Result<Score, ScoreError> {
        if answers.len() > self.items.len() {
            return Err(ScoreError::TooManyAnswers {
                at: at.clone(),
                instrument: self.id.clone(),
                expected: self.items.len(),
                got: answers.len(),
            });
        }
        let mut sum = 0.0;
        let mut scored = 0usize;
        let mut missing = 0usize;
        let mut flags = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            let options = self.options_of(i);
            let Some(value) = answers.get(i).copied().flatten() else {
                missing += 1;
                if missing > self.max_missing {
                    return Err(ScoreError::MissingItem {
                        at: at.index(i),
                        number: i + 1,
                        item: item.id.clone(),
                        instrument: self.id.clone(),
                        max_missing: self.max_missing,
                    });
                }
                continue;
            };
            let Some(option) = options.iter().find(|o| o.value == value) else {
                let allowed: Vec<String> = options.iter().map(|o| o.value.to_string()).collect();
                return Err(ScoreError::OutOfRange {
                    at: at.index(i),
                    number: i + 1,
                    item: item.id.clone(),
                    value,
                    allowed: allowed.join(", "),
                });
            };
            if let Some(s) = option.score {
                sum += s;
                scored += 1;
            }
            for safety in self.safety_items.iter().filter(|s| s.item == item.id) {
                if value >= safety.at_least {
                    flags.push(SafetyFlag {
                        item: item.id.clone(),
                        value,
                        message_da: safety.message_da.clone(),
                        message_en: safety.message_en.clone(),
                    });
                }
            }
        }
        if scored == 0 {
            return Err(ScoreError::NothingToScore {
                at: at.clone(),
                instrument: self.id.clone(),
            });
        }
        let mean = sum / scored as f64;
        // Missing items are prorated from the answered ones (a "not relevant" answer is simply
        // left out), so a
        // sum stays on the scale of the full instrument.
        let relevant = scored + missing;
        let raw = if missing > 0 {
            mean * relevant as f64
        } else {
            sum
        };
        let score = match self.scoring {
            super::model::Scoring::Sum => raw,
            super::model::Scoring::Mean => mean,
            super::model::Scoring::Scaled { factor } => raw * factor,
        };
        let score = score.clamp(self.range.min, self.range.max);
        Ok(Score {
            instrument: self.id.clone(),
            raw,
            score,
            band: self.band_ref(score),
            safety_flags: flags,
            answered: scored,
        })
    }

    /// Accept a value given directly (a professional's rating, a single number), checking the
    /// range.
    pub fn score_value(&self, value: f64, at: &Pointer) -> Result<Score, ScoreError> {
        if !value.is_finite() || !self.range.contains(value) {
            return Err(ScoreError::ValueOutOfRange {
                at: at.clone(),
                instrument: self.id.clone(),
                value,
                min: self.range.min,
                max: self.range.max,
            });
        }
        Ok(Score {
            instrument: self.id.clone(),
            raw: value,
            score: value,
            band: self.band_ref(value),
            safety_flags: Vec::new(),
            answered: 0,
        })
    }
}
