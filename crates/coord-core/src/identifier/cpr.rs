//! The CPR number's form: ten digits, the first six a date (DDMMYY), the century from the seventh
//! digit.
//!
//! Century table (CPR-kontoret, "Personnummeret i CPR-systemet", the table of the 7th digit against
//! the year; cited from that document's published table, not re-read against its current
//! edition — **unverified** here):
//!
//! | 7th digit | year 00–36 | year 37–57 | year 58–99 |
//! |---|---|---|---|
//! | 0–3 | 1900s | 1900s | 1900s |
//! | 4, 9 | 2000s | 1900s | 1900s |
//! | 5–8 | 2000s | 2000s | 1800s |
//!
//! The modulus 11 check is not applied: CPR numbers without it have been issued since 2007 (the
//! same document), and DK Core's `cpr` invariant checks only the date.

use chrono::NaiveDate;

/// Why a text is not a CPR number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CprProblem {
    /// Not ten ASCII digits.
    NotTenDigits,
    /// The first six digits, with the century from the seventh, are no date.
    NoDate,
}

/// The birth date a CPR number carries, or why it is not one.
pub fn cpr_birth_date(value: &str) -> Result<NaiveDate, CprProblem> {
    let b = value.as_bytes();
    if b.len() != 10 || !b.iter().all(u8::is_ascii_digit) {
        return Err(CprProblem::NotTenDigits);
    }
    let two = |i: usize| -> u32 {
        let d = |j: usize| b.get(j).map_or(0, |c| u32::from(c - b'0'));
        d(i) * 10 + d(i + 1)
    };
    let (day, month, yy) = (two(0), two(2), two(4));
    let seventh = b.get(6).map_or(0, |c| c - b'0');
    let century = match (seventh, yy) {
        (0..=3, _) => 1900,
        (4 | 9, 0..=36) => 2000,
        (4 | 9, _) => 1900,
        (_, 0..=57) => 2000,
        _ => 1800,
    };
    let year = i32::try_from(century + yy).map_err(|_| CprProblem::NoDate)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(CprProblem::NoDate)
}

/// Whether `value` is in the CPR form.
pub(super) fn check(value: &str) -> Result<(), CprProblem> {
    cpr_birth_date(value).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn the_century_follows_the_seventh_digit() {
        // DK Core's example patient 0108589995: 1 August 1958.
        assert_eq!(cpr_birth_date("0108589995").ok(), date(1958, 8, 1));
        assert_eq!(cpr_birth_date("0101001234").ok(), date(1900, 1, 1));
        assert_eq!(cpr_birth_date("0101104234").ok(), date(2010, 1, 1));
        assert_eq!(cpr_birth_date("0101404234").ok(), date(1940, 1, 1));
        assert_eq!(cpr_birth_date("0101505234").ok(), date(2050, 1, 1));
        assert_eq!(cpr_birth_date("0101605234").ok(), date(1860, 1, 1));
        assert_eq!(cpr_birth_date("0101369234").ok(), date(2036, 1, 1));
        assert_eq!(cpr_birth_date("0101379234").ok(), date(1937, 1, 1));
    }

    #[test]
    fn impossible_dates_and_forms_are_rejected() {
        assert_eq!(cpr_birth_date("3102851234"), Err(CprProblem::NoDate));
        assert_eq!(cpr_birth_date("2902011234"), Err(CprProblem::NoDate));
        // 29 February 2000 (7th digit 4, year 00 → 2000, a leap year).
        assert_eq!(cpr_birth_date("2902004234").ok(), date(2000, 2, 29));
        // 29 February 1900 is not a date (1900 is no leap year).
        assert_eq!(cpr_birth_date("2902001234"), Err(CprProblem::NoDate));
        assert_eq!(cpr_birth_date("0013851234"), Err(CprProblem::NoDate));
        assert_eq!(cpr_birth_date("010185-1234"), Err(CprProblem::NotTenDigits));
        assert_eq!(cpr_birth_date("01018512345"), Err(CprProblem::NotTenDigits));
        assert_eq!(
            cpr_birth_date("０１０１８５１２３４"),
            Err(CprProblem::NotTenDigits)
        );
    }
}
