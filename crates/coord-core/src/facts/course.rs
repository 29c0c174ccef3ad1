//! The course's facts: target group, absence and its weeks, expected returns, conditions and
//! social factors, treatments, the fast-track, the employer period and the §27 extension.

use super::value::FactValue;
use super::words::TREATMENT_WORDS;
use super::{num, Compute, FactContext, FactDef, FactType};
use crate::vocab::VocabularyKind;

fn days_since(ctx: &FactContext<'_>) -> Option<i64> {
    ctx.case
        .course
        .first_day_of_absence
        .map(|d| (ctx.as_of - d).num_days())
}

fn distinct<T: Ord>(items: &[T]) -> usize {
    if items.len() <= 16 {
        // A case's few codes: compared pairwise, nothing allocated.
        return items
            .iter()
            .enumerate()
            .filter(|(i, x)| !items[..*i].contains(x))
            .count();
    }
    let mut refs: Vec<&T> = items.iter().collect();
    refs.sort_unstable();
    refs.dedup();
    refs.len()
}

/// `absence_week`.
pub const ABSENCE_WEEK: FactDef = FactDef {
    name: "absence_week",
    ty: FactType::Number,
    meaning_en: "the current week of absence, counting the week starting on the first day of absence as week 1",
    meaning_da: "den aktuelle sygeuge; ugen fra første fraværsdag er uge 1",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| days_since(ctx).filter(|d| *d >= 0).map(|d| FactValue::Number((d / 7 + 1) as f64))),
};

/// `as_of`.
pub const AS_OF: FactDef = FactDef {
    name: "as_of",
    ty: FactType::Date,
    meaning_en: "the evaluation date",
    meaning_da: "datoen, der vurderes pr.",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(FactValue::Date(ctx.as_of))),
};

/// `citizen_expected_return`.
pub const CITIZEN_EXPECTED_RETURN: FactDef = FactDef {
    name: "citizen_expected_return",
    ty: FactType::Date,
    meaning_en: "the day the citizen expects to be back at work",
    meaning_da: "den dag, borgeren selv forventer at være tilbage i arbejde",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| ctx.case.course.citizen_expected_return.map(FactValue::Date)),
};

/// `condition_count`.
pub const CONDITION_COUNT: FactDef = FactDef {
    name: "condition_count",
    ty: FactType::Number,
    meaning_en: "how many categories of health condition the citizen has",
    meaning_da: "antal kategorier af helbredsproblemer",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(num(distinct(&ctx.case.course.conditions)))),
};

/// `conditions`.
pub const CONDITIONS: FactDef = FactDef {
    name: "conditions",
    ty: FactType::Set,
    meaning_en: "the categories of health condition",
    meaning_da: "kategorier af helbredsproblemer",
    words: &[],
    vocabulary: Some(VocabularyKind::ConditionCategory),
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(
            ctx.case.course.conditions.iter().map(|c| c.to_word()),
        ))
    }),
};

/// `course_started_on`.
pub const COURSE_STARTED_ON: FactDef = FactDef {
    name: "course_started_on",
    ty: FactType::Date,
    meaning_en: "the day the citizen's current scheme began (resource course, revalidering, contact course)",
    meaning_da: "dato hvor borgerens nuværende forløb begyndte (ressourceforløb, revalidering, kontaktforløb)",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| ctx.case.course.course_started_on.map(FactValue::Date)),
};

/// `current_treatments`.
pub const CURRENT_TREATMENTS: FactDef = FactDef {
    name: "current_treatments",
    ty: FactType::Set,
    meaning_en: "the treatments the citizen receives on the evaluation date",
    meaning_da: "de behandlinger, borgeren får på datoen",
    words: &TREATMENT_WORDS,
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(
            ctx.case
                .course
                .treatments
                .iter()
                .filter(|t| t.overlaps(ctx.as_of, Some(ctx.as_of)))
                .map(|t| t.kind.word()),
        ))
    }),
};

/// `days_since_first_absence`.
pub const DAYS_SINCE_FIRST_ABSENCE: FactDef = FactDef {
    name: "days_since_first_absence",
    ty: FactType::Number,
    meaning_en: "days from the first day of absence to the evaluation date",
    meaning_da: "dage fra første fraværsdag til datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| days_since(ctx).map(|d| FactValue::Number(d as f64))),
};

/// `diffuse_physical`.
pub const DIFFUSE_PHYSICAL: FactDef = FactDef {
    name: "diffuse_physical",
    ty: FactType::Bool,
    meaning_en: "a diffuse picture with physical symptoms",
    meaning_da: "diffust billede med fysiske symptomer",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            ctx.case.course.diffuse_picture.is_some_and(|d| d.physical),
        ))
    }),
};

/// `diffuse_picture`.
pub const DIFFUSE_PICTURE: FactDef = FactDef {
    name: "diffuse_picture",
    ty: FactType::Bool,
    meaning_en: "a diffuse picture with both physical and psychological parts",
    meaning_da: "diffust billede med både fysiske og psykiske dele",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            ctx.case
                .course
                .diffuse_picture
                .is_some_and(|d| d.physical && d.psychological),
        ))
    }),
};

/// `diffuse_psychological`.
pub const DIFFUSE_PSYCHOLOGICAL: FactDef = FactDef {
    name: "diffuse_psychological",
    ty: FactType::Bool,
    meaning_en: "a diffuse picture with psychological symptoms",
    meaning_da: "diffust billede med psykiske symptomer",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            ctx.case
                .course
                .diffuse_picture
                .is_some_and(|d| d.psychological),
        ))
    }),
};

/// `earlier_sick_periods`.
pub const EARLIER_SICK_PERIODS: FactDef = FactDef {
    name: "earlier_sick_periods",
    ty: FactType::Number,
    meaning_en: "how many earlier sick periods the citizen had",
    meaning_da: "antal tidligere sygeperioder",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(num(ctx.case.course.earlier_sick_periods.len()))),
};

/// `employed`.
pub const EMPLOYED: FactDef = FactDef {
    name: "employed",
    ty: FactType::Bool,
    meaning_en: "the citizen is employed",
    meaning_da: "borgeren er i ansættelse",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.employed))),
};

/// `employer_expected_absence_weeks`.
pub const EMPLOYER_EXPECTED_ABSENCE_WEEKS: FactDef = FactDef {
    name: "employer_expected_absence_weeks",
    ty: FactType::Number,
    meaning_en:
        "weeks from the first day of absence to the return the employer expects (fractional)",
    meaning_da: "uger fra første fraværsdag til den raskmelding, arbejdsgiveren forventer",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        let c = &ctx.case.course;
        match (c.first_day_of_absence, c.employer_expected_return) {
            (Some(a), Some(b)) => Some(FactValue::Number((b - a).num_days() as f64 / 7.0)),
            _ => None,
        }
    }),
};

/// `employer_expected_return`.
pub const EMPLOYER_EXPECTED_RETURN: FactDef = FactDef {
    name: "employer_expected_return",
    ty: FactType::Date,
    meaning_en: "the day the employer expects the citizen back at work",
    meaning_da: "den dag, arbejdsgiveren forventer borgeren tilbage i arbejde",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        ctx.case
            .course
            .employer_expected_return
            .map(FactValue::Date)
    }),
};

/// `employer_period_ends_on`.
pub const EMPLOYER_PERIOD_ENDS_ON: FactDef = FactDef {
    name: "employer_period_ends_on",
    ty: FactType::Date,
    meaning_en: "the last day of the employer period (recorded, or an employee's first 30 days of absence)",
    meaning_da: "sidste dag i arbejdsgiverperioden (registreret, eller lønmodtagerens første 30 fraværsdage)",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        crate::course::benefit::employer_period(&ctx.case.course)
            .and_then(|p| p.to)
            .map(FactValue::Date)
    }),
};

/// `expected_absence_weeks`.
pub const EXPECTED_ABSENCE_WEEKS: FactDef = FactDef {
    name: "expected_absence_weeks",
    ty: FactType::Number,
    meaning_en: "weeks from the first day of absence to the expected return (fractional)",
    meaning_da: "uger fra første fraværsdag til forventet raskmelding",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        let c = &ctx.case.course;
        match (c.first_day_of_absence, c.expected_return) {
            (Some(a), Some(b)) => Some(FactValue::Number((b - a).num_days() as f64 / 7.0)),
            _ => None,
        }
    }),
};

/// `expected_return`.
pub const EXPECTED_RETURN: FactDef = FactDef {
    name: "expected_return",
    ty: FactType::Date,
    meaning_en: "the expected day back at work",
    meaning_da: "forventet dato for raskmelding",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| ctx.case.course.expected_return.map(FactValue::Date)),
};

/// `extension_decided_on`.
pub const EXTENSION_DECIDED_ON: FactDef = FactDef {
    name: "extension_decided_on",
    ty: FactType::Date,
    meaning_en: "the day an extension of sickness benefit (§27) was decided, on or before the evaluation date",
    meaning_da: "dato for afgørelse om forlængelse af sygedagpenge (§ 27) senest på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        ctx.case
            .course
            .benefit_extension
            .as_ref()
            .filter(|e| e.decided_on <= ctx.as_of)
            .map(|e| FactValue::Date(e.decided_on))
    }),
};

/// `extension_ground`.
pub const EXTENSION_GROUND: FactDef = FactDef {
    name: "extension_ground",
    ty: FactType::Text,
    meaning_en: "the ground of an extension of sickness benefit decided on or before the evaluation date (a code the pack declares among its extension grounds)",
    meaning_da: "grunden til en forlængelse af sygedagpenge afgjort senest på datoen (en kode, som pakken erklærer blandt sine forlængelsesgrunde)",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        ctx.case
            .course
            .benefit_extension
            .as_ref()
            .filter(|e| e.decided_on <= ctx.as_of)
            .map(|e| FactValue::text(e.ground.clone()))
    }),
};

/// `fast_track_requested`.
pub const FAST_TRACK_REQUESTED: FactDef = FactDef {
    name: "fast_track_requested",
    ty: FactType::Bool,
    meaning_en: "a fast-track was requested on or before the evaluation date (§13b stk. 2)",
    meaning_da: "der er anmodet om fast track senest på datoen (§13b stk. 2)",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            ctx.case
                .course
                .fast_track_requested_on
                .is_some_and(|d| d <= ctx.as_of),
        ))
    }),
};

/// `fast_track_requested_on`.
pub const FAST_TRACK_REQUESTED_ON: FactDef = FactDef {
    name: "fast_track_requested_on",
    ty: FactType::Date,
    meaning_en: "the day the fast-track was requested",
    meaning_da: "dato for anmodning om fast track",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        ctx.case
            .course
            .fast_track_requested_on
            .filter(|d| *d <= ctx.as_of)
            .map(FactValue::Date)
    }),
};

/// `first_day_of_absence`.
pub const FIRST_DAY_OF_ABSENCE: FactDef = FactDef {
    name: "first_day_of_absence",
    ty: FactType::Date,
    meaning_en: "the first day of absence",
    meaning_da: "første fraværsdag",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| ctx.case.course.first_day_of_absence.map(FactValue::Date)),
};

/// `has_employer`.
pub const HAS_EMPLOYER: FactDef = FactDef {
    name: "has_employer",
    ty: FactType::Bool,
    meaning_en: "the employer is an actor in the case file",
    meaning_da: "arbejdsgiveren er aktør i sagen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(FactValue::Bool(ctx.case.course.employer.is_some()))),
};

/// `rehabilitation_plan_received`.
pub const REHABILITATION_PLAN_RECEIVED: FactDef = FactDef {
    name: "rehabilitation_plan_received",
    ty: FactType::Bool,
    meaning_en: "a hospital's rehabilitation plan (genoptræningsplan) has been received",
    meaning_da: "der er modtaget en genoptræningsplan fra sygehuset",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            ctx.case
                .course
                .rehabilitation_plans
                .iter()
                .any(|p| p.received_on <= ctx.as_of),
        ))
    }),
};

/// `repeat_case`.
pub const REPEAT_CASE: FactDef = FactDef {
    name: "repeat_case",
    ty: FactType::Bool,
    meaning_en: "the citizen had at least one earlier sick period",
    meaning_da: "borgeren har haft mindst én tidligere sygeperiode",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            !ctx.case.course.earlier_sick_periods.is_empty(),
        ))
    }),
};

/// `smokes`.
pub const SMOKES: FactDef = FactDef {
    name: "smokes",
    ty: FactType::Bool,
    meaning_en: "the citizen smokes",
    meaning_da: "borgeren ryger",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| ctx.case.course.smokes.map(FactValue::Bool)),
};

/// `social_factor_count`.
pub const SOCIAL_FACTOR_COUNT: FactDef = FactDef {
    name: "social_factor_count",
    ty: FactType::Number,
    meaning_en: "how many social factors apply",
    meaning_da: "antal sociale faktorer",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(num(distinct(&ctx.case.course.social_factors)))),
};

/// `social_factors`.
pub const SOCIAL_FACTORS: FactDef = FactDef {
    name: "social_factors",
    ty: FactType::Set,
    meaning_en: "the social factors that apply (weak network, missing education …)",
    meaning_da: "sociale faktorer (svagt netværk, manglende uddannelse …)",
    words: &[],
    vocabulary: Some(VocabularyKind::SocialFactor),
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(
            ctx.case.course.social_factors.iter().map(|f| f.to_word()),
        ))
    }),
};

/// `target_group`.
pub const TARGET_GROUP: FactDef = FactDef {
    name: "target_group",
    ty: FactType::Text,
    meaning_en: "the target group in employment law",
    meaning_da: "målgruppe i beskæftigelseslovgivningen",
    words: &[],
    vocabulary: Some(VocabularyKind::TargetGroup),
    compute: Compute::Case(|ctx| {
        ctx.case
            .course
            .target_group
            .as_ref()
            .map(|g| FactValue::text(g.to_word()))
    }),
};

/// `weeks_since_first_absence`.
pub const WEEKS_SINCE_FIRST_ABSENCE: FactDef = FactDef {
    name: "weeks_since_first_absence",
    ty: FactType::Number,
    meaning_en: "whole weeks from the first day of absence to the evaluation date",
    meaning_da: "hele uger fra første fraværsdag til datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        days_since(ctx).map(|d| FactValue::Number(d.div_euclid(7) as f64))
    }),
};

#[cfg(test)]
mod tests {
    #[test]
    fn distinct_counts_each_value_once_for_few_and_many() {
        assert_eq!(super::distinct::<u32>(&[]), 0);
        assert_eq!(super::distinct(&[3, 1, 3, 2, 1]), 3);
        let many: Vec<u32> = (0..100).map(|i| i % 7).collect();
        assert_eq!(super::distinct(&many), 7);
    }
}
