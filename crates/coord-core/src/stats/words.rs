//! The words of statistics for people: target groups, genders and the measures, in Danish and
//! English.

use crate::category::Language;
use crate::demographics::Gender;
use crate::text::pick;

/// A target group in words, capitalised as a table cell (`None` for a code not listed here: the
/// statistics label the built-in codes; other codes are shown as written).
pub fn target_group(code: &str, lang: Language) -> Option<&'static str> {
    Some(match code {
        "insured_unemployed" => pick(lang, "Dagpengemodtager", "Insured unemployed"),
        "cash_benefit_job_ready" => pick(
            lang,
            "Jobparat kontanthjælpsmodtager",
            "Job-ready cash-benefit recipient",
        ),
        "cash_benefit_activity_ready" => pick(
            lang,
            "Aktivitetsparat kontanthjælpsmodtager",
            "Activity-ready cash-benefit recipient",
        ),
        "education_ready_under_30" => pick(
            lang,
            "Uddannelsesparat under 30",
            "Education-ready under 30",
        ),
        "activity_ready_under_30" => {
            pick(lang, "Aktivitetsparat under 30", "Activity-ready under 30")
        }
        "sickness_benefit" => pick(lang, "Sygedagpenge", "Sickness benefit"),
        "job_clarification" => pick(lang, "Jobafklaringsforløb", "Job-clarification course"),
        "resource_course" => pick(lang, "Ressourceforløb", "Resource course"),
        "fleksjob_visited" => pick(lang, "Visiteret til fleksjob", "Visited for flexi-job"),
        "revalidering" => pick(lang, "Revalidering", "Vocational rehabilitation"),
        "disability_pension" => pick(lang, "Førtidspension", "Disability pension"),
        "self_supporting" => pick(lang, "Selvforsørgende", "Self-supporting"),
        "under_18" => pick(lang, "Under 18 år", "Under 18"),
        _ => return None,
    })
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

/// A share with its interval, in percent: "54 % (48–60)" (decimal comma in Danish).
pub fn share(lang: Language, s: &crate::stats::ShareInterval) -> String {
    let pct = |x: f64| crate::text::decimal(lang, (x * 1000.0).round() / 10.0);
    format!("{} % ({}–{})", pct(s.share), pct(s.low), pct(s.high))
}

/// A ratio in percent: "83 %".
pub fn ratio(lang: Language, x: f64) -> String {
    format!(
        "{} %",
        crate::text::decimal(lang, (x * 1000.0).round() / 10.0)
    )
}

/// Quartiles: "12 (6–20)" — the median, then the first and third quartile.
pub fn quartiles(q: &crate::stats::Quartiles) -> String {
    format!("{} ({}–{})", q.median, q.q1, q.q3)
}

/// What a figure not shown is shown as: "<5" below k, "·" otherwise.
pub fn hidden<T>(p: &crate::stats::Published<T>, k: u32) -> String {
    match p {
        crate::stats::Published::BelowK => format!("<{k}"),
        _ => "·".to_owned(),
    }
}

/// The row or column label of a total.
pub fn total(lang: Language) -> &'static str {
    pick(lang, "I alt", "Total")
}

/// The note under every statistics table.
pub fn disclosure_note(lang: Language, k: u32, dominance: f64) -> String {
    let pct = crate::text::decimal(lang, (dominance * 1000.0).round() / 10.0);
    match lang {
        Language::Da => format!(
            "<{k}: færre end {k} borgere; tallet og alt beregnet af det vises ikke. ·: ikke vist, så \
             ingen lille celle kan regnes tilbage fra totaler og andre celler, eller fordi for få har \
             eller mangler egenskaben. Kvartiler vises kun for mindst {} observationer, og ikke når én \
             værdi har over {pct} % af dem. Andele med 95 %-konfidensinterval (Wilson); varigheder \
             som median (1.–3. kvartil).",
            2 * k
        ),
        Language::En => format!(
            "<{k}: fewer than {k} citizens; the figure and everything computed from it are not shown. \
             ·: not shown, so that no small cell can be worked out from totals and other cells, or \
             because too few have or lack the attribute. Quartiles are shown only for at least {} \
             observations, and not when one value holds over {pct} % of them. Shares with 95 % \
             confidence intervals (Wilson); durations as median (1st–3rd quartile).",
            2 * k
        ),
    }
}

/// The line under a partial aggregate: how many courses in how many cells.
pub fn partial_line(lang: Language, courses: u64, cells: usize) -> String {
    match lang {
        Language::Da => {
            format!("{courses} forløb i {cells} celler (delsum, ikke til offentliggørelse)")
        }
        Language::En => {
            format!("{courses} courses in {cells} cells (partial, not for publication)")
        }
    }
}

/// A standardised ratio with its interval: "1,08 (0,95–1,21)".
pub fn ratio_interval(lang: Language, r: &crate::stats::RatioInterval) -> String {
    let f = |x: f64| crate::text::fixed(lang, x, 2);
    format!("{} ({}–{})", f(r.ratio), f(r.low), f(r.high))
}

/// A rate of a benchmark measure: a share in percent ("54,3 %") or mean weeks ("23,4 uger").
pub fn benchmark_rate(lang: Language, measure: crate::stats::BenchmarkMeasure, x: f64) -> String {
    match measure {
        crate::stats::BenchmarkMeasure::ReturnToWork => {
            format!("{} %", crate::text::fixed(lang, x * 100.0, 1))
        }
        crate::stats::BenchmarkMeasure::WeeksOnBenefit => format!(
            "{} {}",
            crate::text::fixed(lang, x, 1),
            pick(lang, "uger", "weeks")
        ),
    }
}

/// How the benchmark is made, under its tables.
pub fn benchmark_note(lang: Language, k: u32, dominance: f64, strata: &[&str]) -> String {
    let pct = crate::text::decimal(lang, (dominance * 1000.0).round() / 10.0);
    let strata = if strata.is_empty() {
        pick(lang, "ingen (ingen justering)", "none (no adjustment)").to_owned()
    } else {
        strata.join(", ").to_lowercase()
    };
    match lang {
        Language::Da => format!(
            "Indirekte standardisering for sammensætningen af forløb ({strata}): det forventede er, \
             hvad kommunen ville vise, hvis hvert af dens forløb gik som landsgennemsnittet i sin \
             gruppe. Forhold = observeret / forventet (1: som forventet; over 1 er flere i arbejde \
             eller flere uger). Standardiseret = forholdet × gennemsnittet for alle. 95 %-interval \
             (normaltilnærmelse): indeholder det 1, kan forskellen være tilfældig, og rækkefølgen \
             siger intet. <{k}: færre end {k} forløb; intet vises. ·: ikke vist, fordi færre end {k} \
             er eller ikke er i arbejde, for at ingen lille kommune kan regnes tilbage fra totalen, \
             eller (uger) fordi der er under {} forløb, eller én værdi eller ét forløb har over {pct} % \
             af dem. Sammenhænge, ikke årsager: forskelle kan skyldes andet end indsatsen.",
            2 * k
        ),
        Language::En => format!(
            "Indirect standardisation for the mix of courses ({strata}): the expected figure is what \
             the municipality would show if each of its courses did as the pool does in its group. \
             Ratio = observed / expected (1: as expected; above 1 means more back at work, or more \
             weeks). Standardised = the ratio × the pooled figure. 95 % interval (normal \
             approximation): when it contains 1 the difference may be noise, and the rank says \
             nothing. <{k}: fewer than {k} courses; nothing shown. ·: not shown because fewer than \
             {k} are or are not back at work, so that no small municipality can be worked out from \
             the total, or (weeks) because there are under {} courses, or one value or one course \
             holds over {pct} % of them. Associations, not causes: differences may come from other \
             things than the work done.",
            2 * k
        ),
    }
}

/// The line under a benchmark chart's title: which side of 1 is better.
pub fn benchmark_chart_hint(lang: Language, measure: crate::stats::BenchmarkMeasure) -> String {
    let better = if measure.higher_is_better() {
        pick(lang, "til højre", "to the right")
    } else {
        pick(lang, "til venstre", "to the left")
    };
    match lang {
        Language::Da => format!(
            "Linjen ved 1 er forventet for sammensætningen af forløb; bedre er {better}. Grøn: bedre, \
             rød: dårligere, grå: ingen sikker forskel."
        ),
        Language::En => format!(
            "The line at 1 is as expected for the mix of courses; better is {better}. Green: better, \
             red: worse, grey: no clear difference."
        ),
    }
}

/// The text alternative of a benchmark chart: every municipality drawn, in rank order.
pub fn benchmark_chart_desc(
    lang: Language,
    m: &crate::stats::MeasureBenchmark,
    hidden: usize,
) -> String {
    let parts: Vec<String> = m
        .rows
        .iter()
        .filter_map(|r| {
            let v = r.ratio.value()?;
            Some(format!(
                "{} {}{}",
                crate::stats::Dimension::Municipality.value_label(r.municipality.as_deref(), lang),
                ratio_interval(lang, v),
                r.verdict
                    .map(|x| format!(", {}", x.label(lang)))
                    .unwrap_or_default()
            ))
        })
        .collect();
    let lead = match lang {
        Language::Da => format!(
            "{}: forhold til forventet pr. kommune med 95 %-interval, bedst først",
            m.measure.label(lang)
        ),
        Language::En => format!(
            "{}: ratio to expected per municipality with 95 % interval, best first",
            m.measure.label(lang)
        ),
    };
    let tail = if hidden == 0 {
        String::new()
    } else {
        match lang {
            Language::Da => {
                format!(" {hidden} kommuner er ikke vist (for få forløb eller skjult).")
            }
            Language::En => {
                format!(" {hidden} municipalities are not shown (too few courses, or hidden).")
            }
        }
    };
    format!("{lead}: {}.{tail}", parts.join("; "))
}

/// The text alternative of a quartile chart.
pub fn quartile_chart_desc(
    lang: Language,
    label: &str,
    shown: &[(&str, crate::stats::Quartiles)],
    hidden: usize,
) -> String {
    let parts: Vec<String> = shown
        .iter()
        .map(|(n, q)| format!("{n} {}", quartiles(q)))
        .collect();
    let lead = match lang {
        Language::Da => format!("{label}: median (1.–3. kvartil)"),
        Language::En => format!("{label}: median (1st–3rd quartile)"),
    };
    let tail = if hidden == 0 {
        String::new()
    } else {
        match lang {
            Language::Da => {
                format!(" {hidden} grupper er ikke vist (for få observationer eller skjult).")
            }
            Language::En => {
                format!(" {hidden} groups are not shown (too few observations, or hidden).")
            }
        }
    };
    format!("{lead}: {}.{tail}", parts.join("; "))
}
