//! The coordination report call: one page for the meeting, computed by coord-core.

use super::check_case;
use super::pack_ref::{resolve_pack, PackRef};
use super::rules::DEFAULT_JURISDICTION;
use crate::envelope::Answer;
use crate::problems::problem;
use crate::reference::ReferenceOverrides;
use crate::shared::Shared;
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::pointer::Pointer;
use coord_core::report::{coordination_report, CoordinationReport};
use coord_core::rules::law::choose_law;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Make the coordination report of a case as of a date, under the pack given or the pack in force
/// (with none in force, the parts that do not depend on law, and a banner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportCall {
    /// The case file.
    pub case: CaseFile,
    /// Reference data replacing built-in parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceOverrides>,
    /// A rule pack to use instead of the one in force in the reference data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<PackRef>,
    /// The jurisdiction whose pack in force is used (default `DK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The date the report is made as of.
    pub as_of: NaiveDate,
}

/// Make the report.
pub fn report(call: ReportCall) -> Answer<CoordinationReport> {
    super::with_builtin(call, report_with)
}

/// Make the report.
///
/// With reference data shared by many calls (see [`crate::shared::Shared`]).
pub fn report_with(shared: &Shared, call: ReportCall) -> Answer<CoordinationReport> {
    Answer::from_result((|| {
        let reference = shared.reference_for(call.reference)?;
        let jurisdiction = call.jurisdiction.as_deref().unwrap_or(DEFAULT_JURISDICTION);
        let given = resolve_pack(call.pack, &reference, &Pointer::root().key("pack"))?;
        super::rules::check_jurisdiction(&reference, given.as_ref(), jurisdiction)?;
        let checked = check_case(call.case, &reference)?;
        let law = choose_law(
            &reference.rule_packs,
            given.as_ref(),
            jurisdiction,
            call.as_of,
        );
        coordination_report(&checked, &reference, &law)
            .map_err(|e| vec![problem(&e, &Pointer::root().key("case"))])
    })())
}
