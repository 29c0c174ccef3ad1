//! Applying a transition to a case file: find the referral, make the step, record it in a copy
//! of the case file. The one place a referral's new history is written back.

use super::transition::{transition, TransitionError, TransitionResult};
use super::Transition;
use crate::case_file::CaseFile;
use crate::consent::AccessIndex;
use crate::ids::ReferralId;
use crate::pointer::Pointer;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The transition made, and the case file with it recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionApplied {
    /// The transition, the new referral and the notifications.
    pub transition: TransitionResult,
    /// The case file with the transition recorded (store it to keep the change).
    pub case: CaseFile,
}

/// Make `step` on the referral `id` of the case `index` was built from and return the case file
/// with the new step recorded. `id_at` is where the referral id was given, `step_at` where the
/// step was. Nothing changes unless the step is legal and, for `sent`, permitted.
pub fn apply_transition(
    index: &AccessIndex<'_>,
    id: &ReferralId,
    step: &Transition,
    id_at: &Pointer,
    step_at: &Pointer,
) -> Result<TransitionApplied, TransitionError> {
    let case = index.case();
    let Some(position) = case.referrals.iter().position(|r| &r.id == id) else {
        return Err(TransitionError::UnknownReferral {
            at: id_at.clone(),
            id: id.clone(),
        });
    };
    let result = transition(index, &case.referrals[position], step, step_at)?;
    let mut case = case.clone();
    if let Some(slot) = case.referrals.get_mut(position) {
        *slot = result.referral.clone();
    }
    Ok(TransitionApplied {
        transition: result,
        case,
    })
}
