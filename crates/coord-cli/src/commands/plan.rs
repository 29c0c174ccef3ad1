//! `coord plan check`.

use super::{case, emit};
use crate::cli::{Common, PlanCheckArgs};
use crate::exit::Outcome;
use crate::io::Failure;
use coord_core::category::Language;
use coord_core::plan::check_plan;
use coord_core::reference::ReferenceData;

/// The reference data (checked; see `commands::reference`).
pub fn reference(common: &Common) -> Result<ReferenceData, Failure> {
    super::reference(common)
}

pub use super::as_of;

/// Run `coord plan check`.
pub fn check(args: &PlanCheckArgs) -> Result<Outcome, Failure> {
    let reference = reference(&args.common)?;
    let checked = case(&args.case, &reference)?;
    let as_of = as_of(args.as_of.as_deref())?;
    let result = check_plan(&checked, as_of);
    let lang: Language = args.common.lang.into();
    let negative = !result.findings.is_empty();
    let name = checked.case().citizen.name.clone();
    Ok(emit(args.common.format, result, negative, |r| {
        let en = lang == Language::En;
        let mut s = if en {
            format!(
                "Plan for {name} as of {}: {} goals, {} activities, {} finding(s)\n",
                r.as_of,
                r.goals_checked,
                r.activities_checked,
                r.findings.len()
            )
        } else {
            format!(
                "Plan for {name} pr. {}: {} mål, {} indsatser, {} fund\n",
                r.as_of,
                r.goals_checked,
                r.activities_checked,
                r.findings.len()
            )
        };
        for f in &r.findings {
            s.push_str(&format!("  {}\n      at {}\n", f.describe(lang), f.at));
        }
        s
    }))
}
