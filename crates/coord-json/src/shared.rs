//! Reference data parsed and checked once, shared by every call of a process (every line of an
//! NDJSON stream, every worker thread). A call that carries its own `reference` part replaces only
//! that part of the shared data, for that call only.

use crate::envelope::Problem;
use crate::reference::{resolve_checked, ReferenceOverrides};
use coord_core::pointer::Pointer;
use coord_core::reference::{check_reference, ReferenceData};
use std::borrow::Cow;

/// Checked reference data: the built-in defaults, or them with a reference file's parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    reference: ReferenceData,
}

impl Shared {
    /// The built-in reference data, parsed and checked.
    pub fn builtin() -> Result<Self, Vec<Problem>> {
        Self::new(None)
    }

    /// The built-in reference data with the parts of `overrides` (a reference file) replacing
    /// built-in parts, checked; problems point into the file (from its root).
    pub fn new(overrides: Option<ReferenceOverrides>) -> Result<Self, Vec<Problem>> {
        resolve_checked(overrides, &Pointer::root()).map(|reference| Self { reference })
    }

    /// The shared reference data.
    pub fn reference(&self) -> &ReferenceData {
        &self.reference
    }

    /// The reference data for one call: the shared data itself when the call gives no `reference`
    /// part (no copy, no check), else the shared data with the given parts replaced, checked, with
    /// problems under `/reference`.
    pub fn reference_for(
        &self,
        overrides: Option<ReferenceOverrides>,
    ) -> Result<Cow<'_, ReferenceData>, Vec<Problem>> {
        let Some(o) = overrides else {
            return Ok(Cow::Borrowed(&self.reference));
        };
        let mut r = self.reference.clone();
        o.apply(&mut r);
        let errors = check_reference(&r);
        if errors.is_empty() {
            Ok(Cow::Owned(r))
        } else {
            Err(crate::problems::problems(
                &errors,
                &Pointer::root().key("reference"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_part_borrows_and_a_part_replaces_only_itself() {
        let base = Shared::new(Some(
            crate::parse::parse(r#"{"consent_policy":{"max_validity_months":6}}"#).unwrap(),
        ))
        .unwrap();
        assert!(matches!(
            base.reference_for(None).unwrap(),
            Cow::Borrowed(_)
        ));
        let line: ReferenceOverrides =
            crate::parse::parse(r#"{"calendar":{"closed_by_agreement":[]}}"#).unwrap();
        let r = base.reference_for(Some(line)).unwrap();
        // The file's consent policy stays; the line's calendar replaces the shared one.
        assert_eq!(r.consent_policy.max_validity_months, 6);
        assert!(r.calendar.closed_by_agreement.is_empty());
        assert!(!base.reference().calendar.closed_by_agreement.is_empty());
    }
}
