//! The citizen's own view (GDPR art. 15): the coordination report read for the citizen, with the
//! audit entries about them.

use super::check_case;
use super::pack_ref::{resolve_pack, PackRef};
use super::rules::DEFAULT_JURISDICTION;
use crate::envelope::Answer;
use crate::problems::problem;
use crate::reference::{resolve, ReferenceOverrides};
use chrono::NaiveDate;
use coord_core::case_file::CaseFile;
use coord_core::consent::AuditEntry;
use coord_core::pointer::Pointer;
use coord_core::report::{citizen_view, coordination_report, CitizenView};
use coord_core::rules::law::choose_law;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Make the citizen's view of a case as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitizenReportCall {
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
    /// The date the view is made as of.
    pub as_of: NaiveDate,
    /// The audit log's entries (entries about other citizens are left out).
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
}

/// Make the view.
pub fn citizen_report(call: CitizenReportCall) -> Answer<CitizenView> {
    Answer::from_result((|| {
        let reference = resolve(call.reference)?;
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
        let report = coordination_report(&checked, &reference, &law)
            .map_err(|e| vec![problem(&e, &Pointer::root().key("case"))])?;
        Ok(citizen_view(&report, checked.case(), &call.audit))
    })())
}
