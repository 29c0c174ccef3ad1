//! The case-file check of the course's periods: no period ends before it starts, earlier sick
//! periods and paid periods do not overlap one another, earlier sick periods end before the
//! current absence, and neither the employer period nor the return to work comes before the first
//! day of absence.
//!
//! Problems name the place by JSON pointer and never repeat the dates.

use super::Course;
use crate::pointer::Pointer;
use crate::time::DatePeriod;
use thiserror::Error;

/// A problem with the periods of the course.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CourseError {
    /// A period ends before it starts.
    #[error("the period ends before it starts (`to` must be on or after `from`)")]
    InvertedPeriod {
        /// The period.
        at: Pointer,
    },
    /// Two periods of one list share a day.
    #[error(
        "the period overlaps the period at {other}; periods in this list must not share a day"
    )]
    OverlappingPeriods {
        /// The later period in the list.
        at: Pointer,
        /// The earlier period it overlaps.
        other: Pointer,
    },
    /// An earlier sick period reaches the current absence.
    #[error("an earlier sick period must end before the first day of absence at {absence}")]
    EarlierPeriodNotEarlier {
        /// The earlier sick period.
        at: Pointer,
        /// The first day of absence.
        absence: Pointer,
    },
    /// The employer period starts before the first day of absence.
    #[error("the employer period must start on or after the first day of absence at {absence}")]
    EmployerPeriodBeforeAbsence {
        /// The employer period.
        at: Pointer,
        /// The first day of absence.
        absence: Pointer,
    },
    /// The return to work is dated before the first day of absence.
    #[error("the return to work must be on or after the first day of absence at {absence}")]
    ReturnBeforeAbsence {
        /// The return to work.
        at: Pointer,
        /// The first day of absence.
        absence: Pointer,
    },
    /// A recorded extension without a ground.
    #[error(
        "the extension ground is empty; give a code the rule pack declares in `extension_grounds`"
    )]
    EmptyExtensionGround {
        /// The ground.
        at: Pointer,
    },
}

impl CourseError {
    /// A stable code for programs to match on.
    pub fn code(&self) -> &'static str {
        match self {
            CourseError::InvertedPeriod { .. } => "case_file.inverted_period",
            CourseError::OverlappingPeriods { .. } => "case_file.overlapping_periods",
            CourseError::EarlierPeriodNotEarlier { .. } => "case_file.earlier_period_not_earlier",
            CourseError::EmployerPeriodBeforeAbsence { .. } => {
                "case_file.employer_period_before_absence"
            }
            CourseError::EmptyExtensionGround { .. } => "case_file.empty_extension_ground",
            CourseError::ReturnBeforeAbsence { .. } => "case_file.return_before_absence",
        }
    }

    /// Where in the case file the problem is.
    pub fn pointer(&self) -> &Pointer {
        match self {
            CourseError::InvertedPeriod { at }
            | CourseError::OverlappingPeriods { at, .. }
            | CourseError::EarlierPeriodNotEarlier { at, .. }
            | CourseError::EmployerPeriodBeforeAbsence { at, .. }
            | CourseError::ReturnBeforeAbsence { at, .. }
            | CourseError::EmptyExtensionGround { at } => at,
        }
    }
}

fn check_list(periods: &[DatePeriod], at: &Pointer, errors: &mut Vec<CourseError>) {
    for (i, p) in periods.iter().enumerate() {
        if p.is_inverted() {
            errors.push(CourseError::InvertedPeriod { at: at.index(i) });
            continue;
        }
        if let Some(j) = periods[..i]
            .iter()
            .position(|q| !q.is_inverted() && q.overlaps(p))
        {
            errors.push(CourseError::OverlappingPeriods {
                at: at.index(i),
                other: at.index(j),
            });
        }
    }
}

/// Check the course at `at` (normally `/course`).
pub fn check_course(course: &Course, at: &Pointer) -> Vec<CourseError> {
    let mut errors = Vec::new();
    let earlier = at.key("earlier_sick_periods");
    check_list(&course.earlier_sick_periods, &earlier, &mut errors);
    check_list(
        &course.benefit_paid_periods,
        &at.key("benefit_paid_periods"),
        &mut errors,
    );
    let absence = at.key("first_day_of_absence");
    if let Some(first) = course.first_day_of_absence {
        for (i, p) in course.earlier_sick_periods.iter().enumerate() {
            if !p.is_inverted() && p.to.is_none_or(|to| to >= first) {
                errors.push(CourseError::EarlierPeriodNotEarlier {
                    at: earlier.index(i),
                    absence: absence.clone(),
                });
            }
        }
    }
    if let Some(p) = &course.employer_period {
        let here = at.key("employer_period");
        if p.is_inverted() {
            errors.push(CourseError::InvertedPeriod { at: here });
        } else if course
            .first_day_of_absence
            .is_some_and(|first| p.from < first)
        {
            errors.push(CourseError::EmployerPeriodBeforeAbsence {
                at: here,
                absence: absence.clone(),
            });
        }
    }
    for (i, t) in course.treatments.iter().enumerate() {
        if t.period.is_inverted() {
            errors.push(CourseError::InvertedPeriod {
                at: at.key("treatments").index(i).key("period"),
            });
        }
    }
    if let (Some(back), Some(first)) = (course.returned_to_work, course.first_day_of_absence) {
        if back < first {
            errors.push(CourseError::ReturnBeforeAbsence {
                at: at.key("returned_to_work"),
                absence: absence.clone(),
            });
        }
    }
    if let Some(ext) = &course.benefit_extension {
        if ext.ground.trim().is_empty() {
            errors.push(CourseError::EmptyExtensionGround {
                at: at.key("benefit_extension").key("ground"),
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn names_bad_and_overlapping_periods_by_pointer_without_dates() {
        let course = Course {
            first_day_of_absence: Some(d("2025-03-01")),
            earlier_sick_periods: vec![
                DatePeriod::new(d("2024-01-01"), Some(d("2024-02-01"))),
                DatePeriod::new(d("2024-01-20"), Some(d("2024-03-01"))),
                DatePeriod::new(d("2024-06-01"), Some(d("2024-05-01"))),
                DatePeriod::new(d("2025-02-01"), None),
            ],
            employer_period: Some(DatePeriod::new(d("2025-02-20"), Some(d("2025-03-20")))),
            ..Course::default()
        };
        let errors = check_course(&course, &Pointer::root().key("course"));
        let found: Vec<(String, &str)> = errors
            .iter()
            .map(|e| (e.pointer().to_string(), e.code()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "/course/earlier_sick_periods/1".to_owned(),
                    "case_file.overlapping_periods"
                ),
                (
                    "/course/earlier_sick_periods/2".to_owned(),
                    "case_file.inverted_period"
                ),
                (
                    "/course/earlier_sick_periods/3".to_owned(),
                    "case_file.earlier_period_not_earlier"
                ),
                (
                    "/course/employer_period".to_owned(),
                    "case_file.employer_period_before_absence"
                ),
            ]
        );
        for e in &errors {
            let text = e.to_string();
            assert!(!text.contains("2024") && !text.contains("2025"), "{text}");
        }
    }
}
