//! The diff's sentences for an analyst, in Danish and English: what changes, for what share of
//! which cases.

use super::{Change, DiffSource, Segment, SegmentCount, Subject};
use crate::category::Language;
use crate::course::TargetGroup;
use crate::rules::law::PackSummary;
use crate::rules::{CoordinationLevel, ReferralTarget};
use crate::text::{date_long, thousands, Text};
use crate::vocab::{Vocabularies, VocabularyEntry, VocabularyKind};
use chrono::NaiveDate;

/// A group needs this many cases before its share leads a sentence (a share of a handful of
/// cases says little).
pub const SEGMENT_MIN_CASES: usize = 30;

/// A group needs this many changed cases before its share leads a sentence.
pub const SEGMENT_MIN_CHANGED: usize = 5;

/// `part` of `whole` as a whole percentage ("31 %"; "under 1 %" for a share that rounds to 0).
pub fn percent(lang: Language, part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0 %".to_owned();
    }
    let p = (part as f64 * 100.0 / whole as f64).round() as u64;
    if p == 0 && part > 0 {
        return crate::text::pick(lang, "under 1 %", "less than 1 %").to_owned();
    }
    format!("{p} %")
}

/// The citizens of a target group, in the plural ("sygedagpengemodtagere"): the vocabulary
/// entry's plural, else "citizens in the target group …" with its label.
fn group_plural(group: Option<&TargetGroup>, vocabularies: &Vocabularies) -> Text {
    let Some(g) = group else {
        return Text::new("borgere uden målgruppe", "citizens with no target group");
    };
    match vocabularies.entry(VocabularyKind::TargetGroup, g.word()) {
        Some(VocabularyEntry {
            plural: Some(p), ..
        }) => p.clone(),
        Some(e) => Text::new(
            format!("borgere i målgruppen »{}«", e.label.da),
            format!("citizens in the target group “{}”", e.label.en),
        ),
        None => Text::new(
            format!("borgere i målgruppen »{}«", g.word()),
            format!("citizens in the target group “{}”", g.word()),
        ),
    }
}

/// A group of cases in words ("sygedagpengemodtagere i ansættelse", "employed sickness-benefit
/// recipients").
pub fn segment_label(segment: &Segment, vocabularies: &Vocabularies) -> Text {
    let Text { da, en } = group_plural(segment.target_group.as_ref(), vocabularies);
    if segment.employed {
        Text::new(format!("{da} i ansættelse"), format!("employed {en}"))
    } else {
        Text::new(
            format!("{da} uden ansættelse"),
            format!("{en} not in employment"),
        )
    }
}

fn level_words(level: Option<CoordinationLevel>, lang: Language) -> String {
    level.map_or_else(
        || crate::text::pick(lang, "intet niveau", "no level").to_owned(),
        |l| l.label(lang).to_owned(),
    )
}

fn target_words(t: &ReferralTarget, lang: Language) -> String {
    match t {
        ReferralTarget::Offer(id) => {
            format!("{} {id}", crate::text::pick(lang, "tilbuddet", "the offer"))
        }
        ReferralTarget::Role(role) => crate::team::role_label(role, lang),
    }
}

fn days(lang: Language, n: i64) -> String {
    crate::text::count(lang, n, crate::text::Unit::Day)
}

/// What changes, without the share ("Fristen „Første opfølgningssamtale“ forsvinder").
pub fn what(
    subject: &Subject,
    change: &Change,
    words: Option<&Text>,
    shift: Option<(i64, i64)>,
    lang: Language,
) -> String {
    let own = words.map(|w| w.get(lang).to_owned()).unwrap_or_default();
    let da = lang == Language::Da;
    let moved = |lo: i64, hi: i64| {
        let (lo, hi) = (lo.abs().min(hi.abs()), lo.abs().max(hi.abs()));
        if lo == hi {
            format!(" ({} {})", if da { "med" } else { "by" }, days(lang, lo))
        } else {
            format!(
                " ({} {lo}–{})",
                if da { "med" } else { "by" },
                days(lang, hi)
            )
        }
    };
    match (subject, change) {
        (Subject::Level, Change::LevelChanges { from, to }) => {
            if da {
                format!(
                    "Koordineringsniveauet skifter fra {} til {}",
                    level_words(*from, lang),
                    level_words(*to, lang)
                )
            } else {
                format!(
                    "The coordination level changes from {} to {}",
                    level_words(*from, lang),
                    level_words(*to, lang)
                )
            }
        }
        (Subject::Role { role }, c) => {
            let r = crate::team::role_label(role, lang);
            match (c, da) {
                (Change::Appears, true) => format!("Rollen {r} bliver påkrævet"),
                (Change::Appears, false) => format!("The role {r} becomes required"),
                (_, true) => format!("Rollen {r} er ikke længere påkrævet"),
                (_, false) => format!("The role {r} is no longer required"),
            }
        }
        (Subject::Deadline { .. }, c) => {
            let how = match (c, da) {
                (Change::Appears, true) => "kommer til".to_owned(),
                (Change::Appears, false) => "appears".to_owned(),
                (Change::Disappears, true) => "forsvinder".to_owned(),
                (Change::Disappears, false) => "disappears".to_owned(),
                (Change::MovesEarlier, true) => format!(
                    "falder tidligere{}",
                    shift.map(|(l, h)| moved(l, h)).unwrap_or_default()
                ),
                (Change::MovesEarlier, false) => format!(
                    "falls due earlier{}",
                    shift.map(|(l, h)| moved(l, h)).unwrap_or_default()
                ),
                (_, true) => format!(
                    "falder senere{}",
                    shift.map(|(l, h)| moved(l, h)).unwrap_or_default()
                ),
                (_, false) => format!(
                    "falls due later{}",
                    shift.map(|(l, h)| moved(l, h)).unwrap_or_default()
                ),
            };
            if da {
                format!("Fristen „{own}“ {how}")
            } else {
                format!("The deadline “{own}” {how}")
            }
        }
        (Subject::Referral { target }, c) => {
            let t = target_words(target, lang);
            match (c, da) {
                (Change::Appears, true) => format!("En henvisning til {t} bliver foreslået"),
                (Change::Appears, false) => format!("A referral to {t} is proposed"),
                (_, true) => format!("En henvisning til {t} bliver ikke længere foreslået"),
                (_, false) => format!("A referral to {t} is no longer proposed"),
            }
        }
        (Subject::Warning { .. }, c) => {
            let own = own.trim_end_matches('.');
            match (c, da) {
                (Change::Appears, true) => format!("Advarslen „{own}“ kommer til"),
                (Change::Appears, false) => format!("The warning “{own}” appears"),
                (_, true) => format!("Advarslen „{own}“ forsvinder"),
                (_, false) => format!("The warning “{own}” disappears"),
            }
        }
        (Subject::Level, _) => String::new(),
    }
}

/// The group of at least [`SEGMENT_MIN_CASES`] cases (and [`SEGMENT_MIN_CHANGED`] changed ones)
/// where a change is most frequent, when its share is clearly above the share of all cases.
fn leading_segment(
    by_segment: &[SegmentCount],
    changed: usize,
    total: usize,
) -> Option<&SegmentCount> {
    by_segment
        .iter()
        .filter(|s| s.of >= SEGMENT_MIN_CASES && s.of < total && s.changed >= SEGMENT_MIN_CHANGED)
        // Clearly above the share of all cases (one and a half times), or the group adds nothing.
        .filter(|s| 2 * s.changed * total > 3 * changed * s.of)
        .max_by(|x, y| {
            (x.changed * y.of)
                .cmp(&(y.changed * x.of))
                .then(x.changed.cmp(&y.changed))
                .then(y.segment.cmp(&x.segment))
        })
}

/// The change in one sentence: what, for what share of which cases, and of all cases.
#[allow(
    clippy::too_many_arguments,
    reason = "the parts of one sentence; the vocabularies give the group's words"
)]
pub fn sentence(
    subject: &Subject,
    change: &Change,
    words: Option<&Text>,
    shift: Option<(i64, i64)>,
    changed: usize,
    total: usize,
    by_segment: &[SegmentCount],
    vocabularies: &Vocabularies,
) -> Text {
    let one = |lang: Language| {
        let what = what(subject, change, words, shift, lang);
        let all = format!(
            "{} ({} {} {})",
            percent(lang, changed, total),
            thousands(lang, changed as u64),
            crate::text::pick(lang, "af", "of"),
            thousands(lang, total as u64)
        );
        match leading_segment(by_segment, changed, total) {
            Some(s) => {
                let label = segment_label(&s.segment, vocabularies);
                let part = format!(
                    "{} ({} {} {})",
                    percent(lang, s.changed, s.of),
                    thousands(lang, s.changed as u64),
                    crate::text::pick(lang, "af", "of"),
                    thousands(lang, s.of as u64)
                );
                match lang {
                    Language::Da => format!(
                        "{what} for {part} af {}; i alt for {all} af alle sager.",
                        label.da
                    ),
                    Language::En => format!(
                        "{what} for {part} of the {}; in all for {all} of all cases.",
                        label.en
                    ),
                }
            }
            None => match lang {
                Language::Da => format!("{what} for {all} af alle sager."),
                Language::En => format!("{what} for {all} of all cases."),
            },
        }
    };
    Text::new(one(Language::Da), one(Language::En))
}

/// The opening paragraph.
pub fn summary(
    a: &PackSummary,
    b: &PackSummary,
    as_of: NaiveDate,
    source: DiffSource,
    (cases, changed, invalid): (usize, usize, usize),
    changes: usize,
) -> Text {
    let one = |lang: Language| {
        let (title_a, title_b) = match lang {
            Language::Da => (&a.title_da, &b.title_da),
            Language::En => (&a.title_en, &b.title_en),
        };
        let day = date_long(lang, as_of);
        let n = thousands(lang, cases as u64);
        let source = match (source, lang) {
            (DiffSource::Generated { seed, .. }, Language::Da) => {
                format!("{n} genererede sager (frø {seed})")
            }
            (DiffSource::Generated { seed, .. }, Language::En) => {
                format!("{n} generated cases (seed {seed})")
            }
            (DiffSource::Given, Language::Da) => format!("{n} sager fra filen"),
            (DiffSource::Given, Language::En) => format!("{n} cases from the file"),
        };
        let share = percent(lang, changed, cases);
        let k = thousands(lang, changed as u64);
        let left_out = match (invalid, lang) {
            (0, _) => String::new(),
            (1, Language::Da) => {
                " 1 sag blev udeladt, fordi den ikke består kontrollen af sagsfilen.".to_owned()
            }
            (1, Language::En) => {
                " 1 case was left out because it fails the case-file check.".to_owned()
            }
            (n, Language::Da) => format!(
                " {} sager blev udeladt, fordi de ikke består kontrollen af sagsfilen.",
                thousands(lang, n as u64)
            ),
            (n, Language::En) => format!(
                " {} cases were left out because they fail the case-file check.",
                thousands(lang, n as u64)
            ),
        };
        let text = match lang {
            Language::Da => format!(
                "Fra „{title_a}“ til „{title_b}“, begge anvendt den {day} på {source}: {k} sager ({share}) får et andet resultat, fordelt på {changes} slags ændringer. Hver ændring herunder har et eksempel, der kan gentages."
            ),
            Language::En => format!(
                "From “{title_a}” to “{title_b}”, both applied on {day} to {source}: {k} cases ({share}) get a different result, in {changes} kinds of change. Each change below has an example that can be replayed."
            ),
        };
        format!("{text}{left_out}")
    };
    Text::new(one(Language::Da), one(Language::En))
}

/// The note on a shrunk generated example.
pub fn generated_note(steps: usize) -> Text {
    let shrunk_da = if steps == 0 {
        "en genereret sag, der viser ændringen".to_owned()
    } else {
        "den mindste genererede sag, der stadig viser ændringen".to_owned()
    };
    let shrunk_en = if steps == 0 {
        "a generated case that shows the change".to_owned()
    } else {
        "the smallest generated case that still shows the change".to_owned()
    };
    Text::new(
        format!("Eksempel: {shrunk_da}. Gem sagen fra JSON-svaret som en fil (eller skriv den med --examples), og kør de to kommandoer for at se resultatet under hver regelpakke."),
        format!("Example: {shrunk_en}. Save the case from the JSON answer as a file (or write it with --examples) and run the two commands to see the result under each rule pack."),
    )
}

/// The note on an example among the cases given.
pub fn given_note(number: usize) -> Text {
    Text::new(
        format!("Eksempel: sag nr. {number} i filen. Gem den som en fil, og kør de to kommandoer for at se resultatet under hver regelpakke."),
        format!("Example: case no. {number} in the file. Save it as a file and run the two commands to see the result under each rule pack."),
    )
}

/// What the examples are and how to replay them, said once for all of them.
pub fn examples_note(source: DiffSource) -> Text {
    match source {
        DiffSource::Generated { .. } => Text::new(
            "Hvert eksempel er den mindste genererede sag, der stadig viser ændringen. Gem sagen fra JSON-svaret som en fil (eller skriv eksemplerne med --examples), og kør de to kommandoer for at se resultatet under hver regelpakke.",
            "Each example is the smallest generated case that still shows the change. Save the case from the JSON answer as a file (or write the examples with --examples) and run the two commands to see the result under each rule pack.",
        ),
        DiffSource::Given => Text::new(
            "Hvert eksempel er den første sag i filen, der viser ændringen (nummeret er sagens plads i filen). Gem sagen som en fil, og kør de to kommandoer for at se resultatet under hver regelpakke.",
            "Each example is the first case in the file that shows the change (the number is its place in the file). Save the case as a file and run the two commands to see the result under each rule pack.",
        ),
    }
}
