//! Rule and eligibility conditions explained in words ("the citizen is employed", "has a
//! mental-health condition") for people, never in the rule syntax (`employed = true`). The words
//! of each fact come from the fact catalogue; the labels of its codes from the vocabularies.

use super::{decimal, Text};
use crate::category::Language;
use crate::facts::lookup;
use crate::rules::condition::{Comparison, Condition, ConditionFailure, Literal, Test};
use crate::vocab::Vocabularies;

/// A word in `lang` ("mental" → "psykiske problemer"): a treatment's label, or the label of a code
/// `vocabularies` declare; `None` for a word neither lists.
pub fn word_label<'a>(
    vocabularies: &'a Vocabularies,
    word: &str,
    lang: Language,
) -> Option<&'a str> {
    if let Some(t) = crate::course::TreatmentKind::ALL
        .iter()
        .find(|t| t.word() == word)
    {
        return Some(t.label(lang));
    }
    vocabularies.any_label(word, lang)
}

fn literal(v: &Vocabularies, l: &Literal, lang: Language) -> String {
    match l {
        Literal::Text(w) => {
            word_label(v, w, lang).map_or_else(|| w.replace('_', " "), str::to_owned)
        }
        Literal::Number(n) => decimal(lang, *n),
        Literal::Bool(b) => super::pick(
            lang,
            if *b { "ja" } else { "nej" },
            if *b { "yes" } else { "no" },
        )
        .to_owned(),
        Literal::Date(d) => date_words(d, lang),
    }
}

/// A date expression in words: its base (a date fact by its meaning, the evaluation date, a
/// literal date, the earliest or latest of several, the §24 cumulative window), then its steps.
pub fn date_words(e: &crate::rules::date_expr::DateExpr, lang: Language) -> String {
    use crate::rules::date_expr::DateSource;
    let t = |da: &str, en: &str| super::pick(lang, da, en).to_owned();
    let list = |word: String, parts: &[crate::rules::date_expr::DateExpr]| {
        let words: Vec<String> = parts.iter().map(|p| date_words(p, lang)).collect();
        format!("{word} {}", words.join(super::pick(lang, " og ", " and ")))
    };
    let mut s = match &e.base {
        DateSource::Named(n) if n.as_str() == "as_of" => {
            t("datoen, der vurderes pr.", "the evaluation date")
        }
        DateSource::Named(n) => match n.parse::<chrono::NaiveDate>() {
            Ok(d) => super::date_long(lang, d),
            Err(_) => lookup(n).map_or_else(
                || n.replace('_', " "),
                |d| super::pick(lang, d.meaning_da, d.meaning_en).to_owned(),
            ),
        },
        DateSource::EarliestOf(parts) => list(t("den tidligste af", "the earliest of"), parts),
        DateSource::LatestOf(parts) => list(t("den seneste af", "the latest of"), parts),
        DateSource::From(inner) => format!("({})", date_words(inner, lang)),
        DateSource::Cumulative(w) => match lang {
            Language::Da => format!(
                "dagen, hvor mere end {} uger er udbetalt inden for {} kalendermåneder",
                w.weeks_exceed, w.calendar_months
            ),
            Language::En => format!(
                "the day on which more than {} weeks have been paid within {} calendar months",
                w.weeks_exceed, w.calendar_months
            ),
        },
    };
    if let Some(n) = e.end_of_week {
        s.push_str(&match lang {
            Language::Da => format!(", udgangen af {n}. uge"),
            Language::En => format!(", the end of week {n}"),
        });
    }
    for (n, unit) in [
        (e.plus_months, super::Unit::Month),
        (e.plus_weeks, super::Unit::Week),
        (e.plus_days, super::Unit::Day),
    ] {
        match n.cmp(&0) {
            std::cmp::Ordering::Greater => {
                s.push_str(&format!(" + {}", super::count(lang, i64::from(n), unit)))
            }
            std::cmp::Ordering::Less => s.push_str(&format!(
                " − {}",
                super::count(lang, i64::from(n.unsigned_abs()), unit)
            )),
            std::cmp::Ordering::Equal => {}
        }
    }
    if e.end_of_month {
        s.push_str(super::pick(
            lang,
            ", udgangen af måneden",
            ", the end of the month",
        ));
    }
    match e.plus_working_days.cmp(&0) {
        std::cmp::Ordering::Greater => s.push_str(&format!(
            " + {}",
            super::count(
                lang,
                i64::from(e.plus_working_days),
                super::Unit::WorkingDay
            )
        )),
        std::cmp::Ordering::Less => s.push_str(&format!(
            " − {}",
            super::count(
                lang,
                i64::from(e.plus_working_days.unsigned_abs()),
                super::Unit::WorkingDay
            )
        )),
        std::cmp::Ordering::Equal => {}
    }
    s
}

fn either(v: &Vocabularies, ls: &[Literal], lang: Language) -> String {
    let words: Vec<String> = ls.iter().map(|l| literal(v, l, lang)).collect();
    words.join(super::pick(lang, " eller ", " or "))
}

/// What a comparison asks for, in words (codes in their labels from `v`); `negated` under a `not`.
pub fn comparison_words(v: &Vocabularies, cmp: &Comparison, negated: bool) -> Text {
    let (mda, men) = lookup(&cmp.fact).map_or_else(
        || (cmp.fact.replace('_', " "), cmp.fact.replace('_', " ")),
        |d| (d.meaning_da.to_owned(), d.meaning_en.to_owned()),
    );
    let is_date = cmp.fact == "as_of"
        || lookup(&cmp.fact).is_some_and(|d| d.ty == crate::rules::value::FactType::Date);
    let words = |lang: Language| -> String {
        let meaning = super::pick(lang, &mda, &men);
        let not = |s: String| {
            if negated {
                format!("{}{s}", super::pick(lang, "ikke: ", "not: "))
            } else {
                s
            }
        };
        let t = |da: &str, en: &str| super::pick(lang, da, en).to_owned();
        match &cmp.test {
            Test::Eq(Literal::Bool(b)) | Test::Ne(Literal::Bool(b)) => {
                let holds = matches!(cmp.test, Test::Eq(_)) == *b;
                if holds != negated {
                    format!("{}{meaning}", t("kun når ", "only when "))
                } else {
                    format!(
                        "{}{meaning}",
                        t("kun når dette ikke gælder: ", "only when this is not so: ")
                    )
                }
            }
            Test::Eq(l) => not(format!("{meaning}: {}", literal(v, l, lang))),
            Test::Ne(l) => not(format!(
                "{meaning} {} {}",
                t("er ikke", "is not"),
                literal(v, l, lang)
            )),
            Test::Lt(l) => not(format!(
                "{meaning} {} {}",
                if is_date {
                    t("før", "before")
                } else {
                    t("under", "below")
                },
                literal(v, l, lang)
            )),
            Test::Lte(l) => not(format!(
                "{meaning} {} {}",
                if is_date {
                    t("senest", "on or before")
                } else {
                    t("højst", "at most")
                },
                literal(v, l, lang)
            )),
            Test::Gt(l) => not(format!(
                "{meaning} {} {}",
                if is_date {
                    t("efter", "after")
                } else {
                    t("over", "above")
                },
                literal(v, l, lang)
            )),
            Test::Gte(l) => not(format!(
                "{meaning} {} {}",
                if is_date {
                    t("tidligst", "on or after")
                } else {
                    t("mindst", "at least")
                },
                literal(v, l, lang)
            )),
            Test::In(ls) => not(format!("{meaning}: {}", either(v, ls, lang))),
            Test::NotIn(ls) => not(format!(
                "{meaning} {} {}",
                t("er ikke", "is not"),
                either(v, ls, lang)
            )),
            Test::Contains(l) => not(format!(
                "{meaning} {} {}",
                t("omfatter", "include"),
                literal(v, l, lang)
            )),
            Test::ContainsAny(ls) => not(format!(
                "{meaning} {} {}",
                t("omfatter", "include"),
                either(v, ls, lang)
            )),
            Test::Known(k) => {
                if *k != negated {
                    format!("{meaning} {}", t("er kendt", "is known"))
                } else {
                    format!("{meaning} {}", t("er ikke kendt", "is not known"))
                }
            }
        }
    };
    Text::new(words(Language::Da), words(Language::En))
}

/// What a failed condition asked for, in words: the comparison at the failure's place in `cond`
/// (codes in their labels from `v`). `None` when the place holds no comparison (an empty `any`).
pub fn failure_words(
    v: &Vocabularies,
    cond: &Condition,
    failure: &ConditionFailure,
) -> Option<Text> {
    let mut here = cond;
    let mut negated = false;
    let mut segments = failure.at.segments();
    while let Some(seg) = segments.next() {
        here = match (here, seg.as_ref()) {
            (Condition::All(parts), "all") | (Condition::Any(parts), "any") => {
                let i: usize = segments.next()?.parse().ok()?;
                parts.get(i)?
            }
            (Condition::Not(inner), "not") => {
                negated = !negated;
                inner
            }
            _ => return None,
        };
    }
    match here {
        Condition::Compare(cmp) => Some(comparison_words(v, cmp, negated)),
        _ => None,
    }
}
