//! The nouns coord counts, with their singular and plural in both languages.

use crate::category::Language;

/// Something coord counts in sentences for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// Working days (hverdage).
    WorkingDay,
    /// Calendar days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Goals of a plan.
    Goal,
    /// Activities of a plan.
    Activity,
    /// Consents.
    Consent,
    /// Findings / problems.
    Finding,
    /// Hours.
    Hour,
    /// Errors (of a check).
    Error,
    /// Warnings (of a check).
    Warning,
    /// Example tests of a rule pack.
    ExampleTest,
    /// Invariants of a rule pack.
    Invariant,
    /// Generated case files.
    GeneratedCase,
    /// Lines of a file.
    Line,
    /// Entries of a log.
    Entry,
}

impl Unit {
    /// Every unit (for the tests that walk them).
    pub const ALL: [Unit; 16] = [
        Unit::WorkingDay,
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Goal,
        Unit::Activity,
        Unit::Consent,
        Unit::Finding,
        Unit::Hour,
        Unit::Error,
        Unit::Warning,
        Unit::ExampleTest,
        Unit::Invariant,
        Unit::GeneratedCase,
        Unit::Line,
        Unit::Entry,
    ];

    /// Singular and plural in `lang`.
    pub fn forms(self, lang: Language) -> (&'static str, &'static str) {
        match (self, lang) {
            (Unit::WorkingDay, Language::Da) => ("hverdag", "hverdage"),
            (Unit::WorkingDay, Language::En) => ("working day", "working days"),
            (Unit::Day, Language::Da) => ("dag", "dage"),
            (Unit::Day, Language::En) => ("day", "days"),
            (Unit::Week, Language::Da) => ("uge", "uger"),
            (Unit::Week, Language::En) => ("week", "weeks"),
            (Unit::Month, Language::Da) => ("måned", "måneder"),
            (Unit::Month, Language::En) => ("month", "months"),
            (Unit::Goal, Language::Da) => ("mål", "mål"),
            (Unit::Goal, Language::En) => ("goal", "goals"),
            (Unit::Activity, Language::Da) => ("aktivitet", "aktiviteter"),
            (Unit::Activity, Language::En) => ("activity", "activities"),
            (Unit::Consent, Language::Da) => ("samtykke", "samtykker"),
            (Unit::Consent, Language::En) => ("consent", "consents"),
            (Unit::Finding, Language::Da) => ("fund", "fund"),
            (Unit::Finding, Language::En) => ("finding", "findings"),
            (Unit::Hour, Language::Da) => ("time", "timer"),
            (Unit::Hour, Language::En) => ("hour", "hours"),
            (Unit::Error, Language::Da) => ("fejl", "fejl"),
            (Unit::Error, Language::En) => ("error", "errors"),
            (Unit::Warning, Language::Da) => ("advarsel", "advarsler"),
            (Unit::Warning, Language::En) => ("warning", "warnings"),
            (Unit::ExampleTest, Language::Da) => ("eksempeltest", "eksempeltests"),
            (Unit::ExampleTest, Language::En) => ("example test", "example tests"),
            (Unit::Invariant, Language::Da) => ("invariant", "invarianter"),
            (Unit::Invariant, Language::En) => ("invariant", "invariants"),
            (Unit::GeneratedCase, Language::Da) => ("genereret sag", "genererede sager"),
            (Unit::GeneratedCase, Language::En) => ("generated case", "generated cases"),
            (Unit::Line, Language::Da) => ("linje", "linjer"),
            (Unit::Line, Language::En) => ("line", "lines"),
            (Unit::Entry, Language::Da) => ("post", "poster"),
            (Unit::Entry, Language::En) => ("entry", "entries"),
        }
    }
}
