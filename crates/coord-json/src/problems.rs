//! Turning the core's errors into wire [`Problem`]s: code, message, pointer. No decisions here.

use crate::envelope::Problem;
use coord_core::check::CaseFileError;
use coord_core::consent::{ConsentError, RequestError};
use coord_core::pointer::Pointer;

/// A core error that knows its stable code and its place.
pub trait CoreProblem: std::fmt::Display {
    /// The stable code.
    fn code(&self) -> &'static str;
    /// Where in the input.
    fn pointer(&self) -> &Pointer;
}

macro_rules! core_problem {
    ($($t:ty),*) => {$(
        impl CoreProblem for $t {
            fn code(&self) -> &'static str { <$t>::code(self) }
            fn pointer(&self) -> &Pointer { <$t>::pointer(self) }
        }
    )*};
}
core_problem!(CaseFileError, ConsentError, RequestError);
core_problem!(
    coord_core::team::TeamError,
    coord_core::referral::ReferralError,
    coord_core::referral::TransitionError,
    coord_core::offers::OfferError,
    coord_core::attendance::AttendanceError,
    coord_core::reference::ReferenceError,
    coord_core::plan::PlanError,
    coord_core::plan::ProgressError,
    coord_core::instruments::ScoreError,
    coord_core::instruments::InstrumentDefinitionError
);

/// A core error as a problem, its pointer placed under `prefix` (the part of the call it came from).
pub fn problem<E: CoreProblem>(e: &E, prefix: &Pointer) -> Problem {
    // The message starts with the pointer relative to its own document; say it absolutely.
    let relative = e.pointer().to_string();
    let absolute = format!("{prefix}{relative}");
    let text = e.to_string();
    let message = match text.strip_prefix(&format!("{relative}: ")) {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Problem::new(e.code(), message, Some(absolute))
}

/// Many core errors as problems under `prefix`.
pub fn problems<E: CoreProblem>(errors: &[E], prefix: &Pointer) -> Vec<Problem> {
    errors.iter().map(|e| problem(e, prefix)).collect()
}
