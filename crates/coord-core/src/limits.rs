//! Limits on the counts a user gives (issue 11 §2 "Ranges").
//!
//! Every count that makes coord loop or allocate (working days to add, a consent's longest
//! validity, months and weeks in a rule pack's date language, generated test cases) has a
//! documented upper limit. A count beyond it is refused with the place and the limit, never the
//! value that was given. The strict JSON reader adds a limit on the items of any one array
//! (`coord_json::strict::MAX_ARRAY_ITEMS`).

use crate::pointer::Pointer;

/// The most working days one call may add (about 380 years of working days).
pub const MAX_WORKING_DAYS: u32 = 100_000;
/// The longest consent validity a policy may allow, in months (100 years).
pub const MAX_VALIDITY_MONTHS: u32 = 1_200;
/// The most months a rule pack's date expression may add or subtract, or a cumulative window
/// may span (100 years).
pub const MAX_PACK_MONTHS: u32 = 1_200;
/// The most working days a rule pack's date expression may add or subtract.
pub const MAX_PACK_WORKING_DAYS: u32 = MAX_WORKING_DAYS;
/// The most weeks a rule pack's cumulative window may count (100 years).
pub const MAX_PACK_WEEKS: u32 = 5_200;
/// The most generated cases one `rules test` may ask for.
pub const MAX_TEST_CASES: u32 = 1_000_000;

/// What a limited count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Counted {
    /// Working days.
    WorkingDays,
    /// Calendar months.
    Months,
    /// Weeks.
    Weeks,
    /// Generated cases.
    Cases,
}

impl Counted {
    fn unit_da(self) -> &'static str {
        match self {
            Counted::WorkingDays => "hverdage",
            Counted::Months => "måneder",
            Counted::Weeks => "uger",
            Counted::Cases => "sager",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Counted::WorkingDays => "working days",
            Counted::Months => "months",
            Counted::Weeks => "weeks",
            Counted::Cases => "cases",
        }
    }
}

/// A count beyond its limit. The message names the place and the limit, not the count given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("too large: at most {limit} {} allowed", .counted.unit())]
pub struct LimitError {
    /// Where the count was given.
    pub at: Pointer,
    /// What it counts.
    pub counted: Counted,
    /// The limit.
    pub limit: u64,
}

impl LimitError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        "input.beyond_limit"
    }

    /// The message in Danish (without the place).
    pub fn describe_da(&self) -> String {
        format!(
            "for stort: højst {} {} er tilladt",
            self.limit,
            self.counted.unit_da()
        )
    }

    /// Where the count was given.
    pub fn pointer(&self) -> &Pointer {
        &self.at
    }
}

/// `n` if its size is within `limit`, else the error at `at`.
pub fn within(n: i64, limit: u32, counted: Counted, at: &Pointer) -> Result<(), LimitError> {
    if n.unsigned_abs() <= u64::from(limit) {
        Ok(())
    } else {
        Err(LimitError {
            at: at.clone(),
            counted,
            limit: u64::from(limit),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_at_the_limit_passes_and_beyond_it_names_place_and_limit_only() {
        let at = Pointer::root().key("working_days");
        assert!(within(100_000, MAX_WORKING_DAYS, Counted::WorkingDays, &at).is_ok());
        assert!(within(-100_000, MAX_WORKING_DAYS, Counted::WorkingDays, &at).is_ok());
        let e = within(123_456_789, MAX_WORKING_DAYS, Counted::WorkingDays, &at).unwrap_err();
        let text = e.to_string();
        assert_eq!(text, "too large: at most 100000 working days allowed");
        assert_eq!(e.at.to_string(), "/working_days");
        assert!(!text.contains("123456789"));
        assert_eq!(e.code(), "input.beyond_limit");
    }
}
