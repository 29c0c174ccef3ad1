//! Calls about the instrument definitions in use: list them, show one.

use crate::envelope::Answer;
use crate::problems::problem;
use crate::reference::{resolve, ReferenceOverrides};
use coord_core::ids::InstrumentId;
use coord_core::instruments::{find, InstrumentDefinition, ScoreError};
use coord_core::pointer::Pointer;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The instrument definitions in use.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentsListCall {
    /// Reference data replacing built-in parts (the instrument definitions matter here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// The definitions (built-in unless replaced).
pub fn instruments_list(call: InstrumentsListCall) -> Answer<Vec<InstrumentDefinition>> {
    Answer::from_result(resolve(call.reference).map(|r| r.instruments))
}

/// One instrument definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InstrumentShowCall {
    /// The instrument's id (e.g. `who5`).
    pub instrument: InstrumentId,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
}

/// The definition, or `instrument.unknown` at `/instrument`.
pub fn instrument_show(call: InstrumentShowCall) -> Answer<InstrumentDefinition> {
    Answer::from_result((|| {
        let reference = resolve(call.reference)?;
        let root = Pointer::root();
        find(&reference.instruments, &call.instrument)
            .cloned()
            .ok_or_else(|| {
                vec![problem(
                    &ScoreError::UnknownInstrument {
                        at: root.key("instrument"),
                        id: call.instrument.clone(),
                    },
                    &root,
                )]
            })
    })())
}
