//! The JSON Schemas of every call and answer, generated from the types. They are committed under
//! `docs/schemas/` and a test fails when they drift.

use crate::calls::consent::{
    AccessCheckCall, ConsentGapsCall, ConsentValidateCall, ConsentValidation, MinimiseCall,
};
use crate::calls::plan::{PlanCheckCall, ProgressCall, ScoreCall};
use crate::envelope::Answer;
use crate::reference::ReferenceOverrides;
use coord_core::case_file::CaseFile;
use coord_core::consent::{AccessDecision, AccessRequest, ConsentGapReport, MinimisedRecord};
use coord_core::instruments::{InstrumentDefinition, Score};
use coord_core::plan::{PlanCheck, ProgressReport};
use schemars::{schema_for, Schema};

/// Every schema coord publishes: a file name (without `.json`) and the schema.
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("case-file", schema_for!(CaseFile)),
        ("reference-data", schema_for!(ReferenceOverrides)),
        ("access-request", schema_for!(AccessRequest)),
        ("access-check.call", schema_for!(AccessCheckCall)),
        ("access-check.answer", schema_for!(Answer<AccessDecision>)),
        ("consent-validate.call", schema_for!(ConsentValidateCall)),
        (
            "consent-validate.answer",
            schema_for!(Answer<ConsentValidation>),
        ),
        ("minimise.call", schema_for!(MinimiseCall)),
        ("minimise.answer", schema_for!(Answer<MinimisedRecord>)),
        ("consent-gaps.call", schema_for!(ConsentGapsCall)),
        ("consent-gaps.answer", schema_for!(Answer<ConsentGapReport>)),
        (
            "instrument-definitions",
            schema_for!(Vec<InstrumentDefinition>),
        ),
        ("plan-check.call", schema_for!(PlanCheckCall)),
        ("plan-check.answer", schema_for!(Answer<PlanCheck>)),
        ("instrument-score.call", schema_for!(ScoreCall)),
        ("instrument-score.answer", schema_for!(Answer<Score>)),
        ("progress.call", schema_for!(ProgressCall)),
        ("progress.answer", schema_for!(Answer<ProgressReport>)),
    ]
}

/// The schema named `name`, if there is one.
pub fn by_name(name: &str) -> Option<Schema> {
    all().into_iter().find(|(n, _)| *n == name).map(|(_, s)| s)
}

/// A schema as the pretty JSON text that is committed (with a final newline).
pub fn to_text(schema: &Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}
