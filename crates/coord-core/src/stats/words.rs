//! The words of statistics for people: target groups, genders and the measures, in Danish and
//! English.

use crate::category::Language;
use crate::course::TargetGroup;
use crate::demographics::Gender;
use crate::text::pick;

/// A target group in words.
pub fn target_group(g: TargetGroup, lang: Language) -> &'static str {
    match g {
        TargetGroup::InsuredUnemployed => pick(lang, "Dagpengemodtager", "Insured unemployed"),
        TargetGroup::CashBenefitJobReady => pick(
            lang,
            "Jobparat kontanthjælpsmodtager",
            "Job-ready cash-benefit recipient",
        ),
        TargetGroup::CashBenefitActivityReady => pick(
            lang,
            "Aktivitetsparat kontanthjælpsmodtager",
            "Activity-ready cash-benefit recipient",
        ),
        TargetGroup::EducationReadyUnder30 => pick(
            lang,
            "Uddannelsesparat under 30",
            "Education-ready under 30",
        ),
        TargetGroup::ActivityReadyUnder30 => {
            pick(lang, "Aktivitetsparat under 30", "Activity-ready under 30")
        }
        TargetGroup::SicknessBenefit => pick(lang, "Sygedagpenge", "Sickness benefit"),
        TargetGroup::JobClarification => {
            pick(lang, "Jobafklaringsforløb", "Job-clarification course")
        }
        TargetGroup::ResourceCourse => pick(lang, "Ressourceforløb", "Resource course"),
        TargetGroup::FleksjobVisited => {
            pick(lang, "Visiteret til fleksjob", "Visited for flexi-job")
        }
        TargetGroup::Revalidering => pick(lang, "Revalidering", "Vocational rehabilitation"),
        TargetGroup::DisabilityPension => pick(lang, "Førtidspension", "Disability pension"),
        TargetGroup::SelfSupporting => pick(lang, "Selvforsørgende", "Self-supporting"),
        TargetGroup::Under18 => pick(lang, "Under 18 år", "Under 18"),
    }
}

/// A gender in words.
pub fn gender(g: Gender, lang: Language) -> &'static str {
    match g {
        Gender::Female => pick(lang, "Kvinde", "Female"),
        Gender::Male => pick(lang, "Mand", "Male"),
        Gender::Unspecified => pick(lang, "Ikke registreret", "Not registered"),
    }
}

/// A measure of the statistics report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Courses counted.
    Courses,
    /// Share back at work.
    Returned,
    /// Share with a coordinator holding the thread.
    ThreadHeld,
    /// Share with an overdue deadline.
    WithOverdue,
    /// Weeks of absence.
    WeeksAbsent,
    /// Weeks to return to work.
    WeeksToReturn,
    /// Days to the first follow-up interview.
    DaysToFirstInterview,
    /// Deadlines met of those due.
    DeadlinesMet,
    /// Closed referrals with an outcome.
    ReferralsWithOutcome,
    /// Goals achieved.
    GoalsAchieved,
    /// Measured at baseline and follow-up.
    Measured,
    /// Reliably improved.
    ReliablyImproved,
    /// Reliably and clinically relevantly improved.
    ClinicallyRelevant,
}

impl Measure {
    /// The measure's name for people.
    pub fn label(self, lang: Language) -> &'static str {
        match self {
            Measure::Courses => pick(lang, "Forløb", "Courses"),
            Measure::Returned => pick(lang, "Tilbage i arbejde", "Back at work"),
            Measure::ThreadHeld => pick(
                lang,
                "Én koordinator har tråden",
                "One coordinator holds the thread",
            ),
            Measure::WithOverdue => pick(lang, "Med overskredet frist", "With an overdue deadline"),
            Measure::WeeksAbsent => pick(lang, "Uger med fravær", "Weeks of absence"),
            Measure::WeeksToReturn => pick(lang, "Uger til arbejde", "Weeks to return to work"),
            Measure::DaysToFirstInterview => {
                pick(lang, "Dage til første samtale", "Days to first interview")
            }
            Measure::DeadlinesMet => pick(lang, "Frister overholdt", "Deadlines met"),
            Measure::ReferralsWithOutcome => pick(
                lang,
                "Afsluttede henvisninger med resultat",
                "Closed referrals with an outcome",
            ),
            Measure::GoalsAchieved => pick(lang, "Mål nået", "Goals achieved"),
            Measure::Measured => pick(lang, "Målt før og efter", "Measured before and after"),
            Measure::ReliablyImproved => pick(lang, "Pålideligt bedre", "Reliably improved"),
            Measure::ClinicallyRelevant => pick(
                lang,
                "Klinisk relevant bedre",
                "Clinically relevantly improved",
            ),
        }
    }
}
