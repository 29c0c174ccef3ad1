//! Calls about the shared plan: the plan check, scoring an instrument, progression.

use super::check_case;
use crate::envelope::Answer;
use crate::problems::problem;
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::ids::InstrumentId;
use coord_core::instruments::{find, Score, ScoreError};
use coord_core::plan::{check_plan, progression, PlanCheck, ProgressReport};
use coord_core::pointer::Pointer;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Check the plan of a case file as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanCheckCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The day to check as of.
    pub as_of: NaiveDate,
}

/// Check a plan: findings, never errors (errors only for an unusable case file).
pub fn plan_check(call: PlanCheckCall) -> Answer<PlanCheck> {
    super::with_builtin(call, plan_check_with)
}

/// Check a plan: findings, never errors (errors only for an unusable case file).
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn plan_check_with(shared: &Shared, call: PlanCheckCall) -> Answer<PlanCheck> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        Ok(check_plan(&checked, call.as_of))
    })())
}

/// Score one set of answers with an instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreCall {
    /// The instrument's id (e.g. `who5`).
    pub instrument: InstrumentId,
    /// One answer per item in order (`null` for an unanswered item).
    pub answers: Vec<Option<i32>>,
    /// Reference data replacing built-in parts (the instrument definitions matter here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// Score answers.
pub fn instrument_score(call: ScoreCall) -> Answer<Score> {
    super::with_builtin(call, instrument_score_with)
}

/// Score answers.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn instrument_score_with(shared: &Shared, call: ScoreCall) -> Answer<Score> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let root = Pointer::root();
        let def = find(&reference.instruments, &call.instrument).ok_or_else(|| {
            vec![problem(
                &ScoreError::UnknownInstrument {
                    at: root.key("instrument"),
                    id: call.instrument.clone(),
                },
                &root,
            )]
        })?;
        def.score(&call.answers, &root.key("answers"))
            .map_err(|e| vec![problem(&e, &root)])
    })())
}

/// Progression of a case file's indicators and goals as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// The day; a measurement dated after it is an error.
    pub as_of: NaiveDate,
}

/// Compute progression.
pub fn progress(call: ProgressCall) -> Answer<ProgressReport> {
    super::with_builtin(call, progress_with)
}

/// Compute progression.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn progress_with(shared: &Shared, call: ProgressCall) -> Answer<ProgressReport> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let checked = check_case(call.case, &reference)?;
        progression(&checked, &reference, call.as_of)
            .map_err(|e| vec![problem(&e, &Pointer::root().key("case"))])
    })())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calls::call_json;

    fn json<T: Serialize>(a: &Answer<T>) -> serde_json::Value {
        serde_json::to_value(a).unwrap()
    }

    #[test]
    fn score_call_scores_who5() {
        let a = call_json(
            r#"{"instrument":"who5","answers":[3,3,3,3,3]}"#,
            instrument_score,
        );
        let v = json(&a);
        assert_eq!(v["result"]["raw"], 15.0);
        assert_eq!(v["result"]["score"], 60.0);
        assert_eq!(v["result"]["band"]["label_en"], "good well-being");
    }

    #[test]
    fn score_call_names_the_item_out_of_range() {
        let a = call_json(
            r#"{"instrument":"phq9","answers":[0,0,4,0,0,0,0,0,0]}"#,
            instrument_score,
        );
        let v = json(&a);
        assert_eq!(v["status"], "failure");
        assert_eq!(v["errors"][0]["code"], "instrument.answer_out_of_range");
        assert_eq!(v["errors"][0]["pointer"], "/answers/2");
        assert!(v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("item 3 was answered with a value that is not one of its options"));
    }

    #[test]
    fn unknown_instrument_is_named() {
        let a = call_json(r#"{"instrument":"wai","answers":[1]}"#, instrument_score);
        let v = json(&a);
        assert_eq!(v["errors"][0]["code"], "instrument.unknown");
        assert_eq!(v["errors"][0]["pointer"], "/instrument");
    }

    #[test]
    fn a_bad_override_definition_is_named() {
        let a = call_json(
            r#"{"instrument":"x","answers":[1],"reference":{"instruments":[{"id":"x","name_da":"x","name_en":"x","domain":"wellbeing","items":[],"scoring":{"method":"sum"},"range":{"min":0,"max":10},"higher_is_better":true,"licence":"own"}]}}"#,
            instrument_score,
        );
        let v = json(&a);
        assert_eq!(v["errors"][0]["code"], "instrument_definition.no_items");
        assert_eq!(v["errors"][0]["pointer"], "/reference/instruments/0/items");
    }
}
