//! The facts of the events in the course: which kinds happened, how many follow-up interviews,
//! the first visitation. The kinds the named facts read are constants (`EventKind::VISITATION` …)
//! that must be declared in the event-kind vocabulary; every declared kind is also read through
//! the families `event_count.<kind>`, `first_event_on.<kind>` and `last_event_on.<kind>`.

use super::value::{FactSet, FactValue};
use super::{num, Compute, FactContext, FactDef, FactType};
use crate::course::EventKind;
use crate::vocab::VocabularyKind;
use chrono::NaiveDate;

fn events_of<'a>(
    ctx: &'a FactContext<'a>,
    kind: &'a EventKind,
) -> impl Iterator<Item = NaiveDate> + 'a {
    ctx.case
        .events
        .iter()
        .filter(move |e| e.kind == *kind && e.on <= ctx.as_of)
        .map(|e| e.on)
}

/// Per kind of event held on or before the date: (kind, count, first day, last day), sorted by
/// kind. A case holds few kinds, so a short vector searched in place (no map, no owned keys).
fn per_kind<'a>(ctx: &FactContext<'a>) -> Vec<(&'a str, usize, NaiveDate, NaiveDate)> {
    let mut by_kind: Vec<(&'a str, usize, NaiveDate, NaiveDate)> = Vec::new();
    for e in ctx.case.events.iter().filter(|e| e.on <= ctx.as_of) {
        let kind = e.kind.word();
        match by_kind.iter_mut().find(|k| k.0 == kind) {
            Some(k) => {
                k.1 += 1;
                k.2 = k.2.min(e.on);
                k.3 = k.3.max(e.on);
            }
            None => by_kind.push((kind, 1, e.on, e.on)),
        }
    }
    by_kind.sort_unstable_by(|a, b| a.0.cmp(b.0));
    by_kind
}

/// `prefix` followed by `kind`, in one allocation.
fn family_name(prefix: &str, kind: &str) -> String {
    let mut name = String::with_capacity(prefix.len() + kind.len());
    name.push_str(prefix);
    name.push_str(kind);
    name
}

fn event_count(ctx: &FactContext<'_>, facts: &mut FactSet) {
    for (kind, n, _, _) in per_kind(ctx) {
        facts.insert(family_name("event_count.", kind), num(n));
    }
}

fn first_event_on(ctx: &FactContext<'_>, facts: &mut FactSet) {
    for (kind, _, first, _) in per_kind(ctx) {
        facts.insert(family_name("first_event_on.", kind), FactValue::Date(first));
    }
}

fn last_event_on(ctx: &FactContext<'_>, facts: &mut FactSet) {
    for (kind, _, _, last) in per_kind(ctx) {
        facts.insert(family_name("last_event_on.", kind), FactValue::Date(last));
    }
}

/// `event_count.<kind>`: how many events of a declared kind happened on or before the date.
pub const EVENT_COUNT_FAMILY: FactDef = FactDef {
    name: "event_count.*",
    ty: FactType::Number,
    meaning_en: "how many events of the kind (a declared event-kind code after the dot) happened on or before the evaluation date",
    meaning_da: "antal hændelser af den slags (en erklæret hændelseskode efter punktummet) senest på datoen",
    words: &[],
    vocabulary: Some(VocabularyKind::EventKind),
    compute: Compute::Family(event_count),
};

/// `first_event_on.<kind>`: the day of the first event of a declared kind.
pub const FIRST_EVENT_ON_FAMILY: FactDef = FactDef {
    name: "first_event_on.*",
    ty: FactType::Date,
    meaning_en: "the day of the first event of the kind (a declared event-kind code after the dot), on or before the evaluation date",
    meaning_da: "dato for den første hændelse af den slags (en erklæret hændelseskode efter punktummet) senest på datoen",
    words: &[],
    vocabulary: Some(VocabularyKind::EventKind),
    compute: Compute::Family(first_event_on),
};

/// `last_event_on.<kind>`: the day of the latest event of a declared kind.
pub const LAST_EVENT_ON_FAMILY: FactDef = FactDef {
    name: "last_event_on.*",
    ty: FactType::Date,
    meaning_en: "the day of the latest event of the kind (a declared event-kind code after the dot), on or before the evaluation date",
    meaning_da: "dato for den seneste hændelse af den slags (en erklæret hændelseskode efter punktummet) senest på datoen",
    words: &[],
    vocabulary: Some(VocabularyKind::EventKind),
    compute: Compute::Family(last_event_on),
};

/// `events_held`.
pub const EVENTS_HELD: FactDef = FactDef {
    name: "events_held",
    ty: FactType::Set,
    meaning_en: "the kinds of event that happened on or before the evaluation date",
    meaning_da: "hændelser, der har fundet sted senest på datoen",
    words: &[],
    vocabulary: Some(VocabularyKind::EventKind),
    compute: Compute::Case(|ctx| {
        Some(FactValue::set(
            ctx.case
                .events
                .iter()
                .filter(|e| e.on <= ctx.as_of)
                .map(|e| e.kind.to_word()),
        ))
    }),
};

/// `first_follow_up_interview_on`.
pub const FIRST_FOLLOW_UP_INTERVIEW_ON: FactDef = FactDef {
    name: "first_follow_up_interview_on",
    ty: FactType::Date,
    meaning_en: "the day of the first follow-up interview held",
    meaning_da: "dato for den første afholdte opfølgningssamtale",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        events_of(ctx, &EventKind::FOLLOW_UP_INTERVIEW)
            .min()
            .map(FactValue::Date)
    }),
};

/// `follow_up_interviews_held`.
pub const FOLLOW_UP_INTERVIEWS_HELD: FactDef = FactDef {
    name: "follow_up_interviews_held",
    ty: FactType::Number,
    meaning_en: "how many follow-up interviews were held on or before the evaluation date",
    meaning_da: "antal afholdte opfølgningssamtaler senest på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(num(events_of(ctx, &EventKind::FOLLOW_UP_INTERVIEW).count()))
    }),
};

/// `gp_certificate_received`.
pub const GP_CERTIFICATE_RECEIVED: FactDef = FactDef {
    name: "gp_certificate_received",
    ty: FactType::Bool,
    meaning_en: "the GP certificate LÆ 285 was received on or before the evaluation date",
    meaning_da: "lægeattest LÆ 285 er modtaget senest på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        Some(FactValue::Bool(
            events_of(ctx, &EventKind::GP_CERTIFICATE_LAE285)
                .next()
                .is_some(),
        ))
    }),
};

/// `job_interviews_held`.
pub const JOB_INTERVIEWS_HELD: FactDef = FactDef {
    name: "job_interviews_held",
    ty: FactType::Number,
    meaning_en:
        "how many job interviews of the contact course were held on or before the evaluation date",
    meaning_da: "antal afholdte jobsamtaler i kontaktforløbet senest på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(num(events_of(ctx, &EventKind::JOB_INTERVIEW).count()))),
};

/// `last_follow_up_interview_on`.
pub const LAST_FOLLOW_UP_INTERVIEW_ON: FactDef = FactDef {
    name: "last_follow_up_interview_on",
    ty: FactType::Date,
    meaning_en: "the day of the latest follow-up interview held",
    meaning_da: "dato for den seneste afholdte opfølgningssamtale",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        events_of(ctx, &EventKind::FOLLOW_UP_INTERVIEW)
            .max()
            .map(FactValue::Date)
    }),
};

/// `rehabilitation_team_meeting_on`.
pub const REHABILITATION_TEAM_MEETING_ON: FactDef = FactDef {
    name: "rehabilitation_team_meeting_on",
    ty: FactType::Date,
    meaning_en: "the day the case was first discussed in the rehabilitation team",
    meaning_da: "dato for første behandling i rehabiliteringsteamet",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        events_of(ctx, &EventKind::REHABILITATION_TEAM_MEETING)
            .min()
            .map(FactValue::Date)
    }),
};

/// `team_meetings_held`.
pub const TEAM_MEETINGS_HELD: FactDef = FactDef {
    name: "team_meetings_held",
    ty: FactType::Number,
    meaning_en: "how many cross-sector team meetings were held on or before the evaluation date",
    meaning_da: "antal afholdte tværsektorielle teammøder senest på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| Some(num(events_of(ctx, &EventKind::TEAM_MEETING).count()))),
};

/// `visitation_on`.
pub const VISITATION_ON: FactDef = FactDef {
    name: "visitation_on",
    ty: FactType::Date,
    meaning_en:
        "the day the case was first visited (categorised), on or before the evaluation date",
    meaning_da: "dato for første visitation senest på datoen",
    words: &[],
    vocabulary: None,
    compute: Compute::Case(|ctx| {
        events_of(ctx, &EventKind::VISITATION)
            .min()
            .map(FactValue::Date)
    }),
};
