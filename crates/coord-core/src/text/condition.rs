//! Rule and eligibility conditions explained in words ("the citizen is employed", "has a
//! mental-health condition") for people, never in the rule syntax (`employed = true`). The words
//! of each fact come from the fact catalogue; the words of its vocabulary from here.

use super::{decimal, Text};
use crate::category::Language;
use crate::rules::condition::{Comparison, Condition, ConditionFailure, Literal, Test};
use crate::rules::facts::lookup;

/// A vocabulary word in `lang` ("mental" → "psykiske lidelser"); `None` for a word not listed.
pub fn word_label(word: &str, lang: Language) -> Option<&'static str> {
    if let Some(t) = crate::course::TreatmentKind::ALL
        .iter()
        .find(|t| t.word() == word)
    {
        return Some(t.label(lang));
    }
    let (da, en) = match word {
        "musculoskeletal" => (
            "problemer med muskler og led",
            "a musculoskeletal condition",
        ),
        "mental" => ("psykiske problemer", "a mental-health condition"),
        "cardiovascular" => ("hjerte-kar-sygdom", "cardiovascular disease"),
        "cancer" => ("kræft", "cancer"),
        "injury_accident" => ("skade eller ulykke", "an injury or accident"),
        "brain_injury" => ("erhvervet hjerneskade", "an acquired brain injury"),
        "other_chronic" => ("anden kronisk sygdom", "another chronic disease"),
        "insured_unemployed" => ("dagpengemodtager", "insured unemployed"),
        "cash_benefit_job_ready" => ("jobparat kontanthjælpsmodtager", "job-ready cash benefit"),
        "cash_benefit_activity_ready" => (
            "aktivitetsparat kontanthjælpsmodtager",
            "activity-ready cash benefit",
        ),
        "education_ready_under_30" => ("uddannelsesparat under 30", "education-ready under 30"),
        "activity_ready_under_30" => ("aktivitetsparat under 30", "activity-ready under 30"),
        "sickness_benefit" => ("sygedagpengemodtager", "sickness benefit"),
        "job_clarification" => ("jobafklaringsforløb", "job-clarification course"),
        "resource_course" => ("ressourceforløb", "resource course"),
        "fleksjob_visited" => ("visiteret til fleksjob", "approved for a flexible job"),
        "revalidering" => ("revalidering", "vocational rehabilitation"),
        "disability_pension" => ("førtidspension", "disability pension"),
        "self_supporting" => ("selvforsørgende", "self-supporting"),
        "under_18" => ("under 18 år", "under 18"),
        _ => return None,
    };
    Some(super::pick(lang, da, en))
}

fn literal(l: &Literal, lang: Language) -> String {
    match l {
        Literal::Text(w) => word_label(w, lang).map_or_else(|| w.replace('_', " "), str::to_owned),
        Literal::Number(n) => decimal(lang, *n),
        Literal::Bool(b) => super::pick(
            lang,
            if *b { "ja" } else { "nej" },
            if *b { "yes" } else { "no" },
        )
        .to_owned(),
        Literal::Date(d) => d.to_string(),
    }
}

fn either(ls: &[Literal], lang: Language) -> String {
    let words: Vec<String> = ls.iter().map(|l| literal(l, lang)).collect();
    words.join(super::pick(lang, " eller ", " or "))
}

/// What a comparison asks for, in words; `negated` under a `not`.
pub fn comparison_words(cmp: &Comparison, negated: bool) -> Text {
    let (mda, men) = lookup(&cmp.fact).map_or_else(
        || (cmp.fact.replace('_', " "), cmp.fact.replace('_', " ")),
        |d| (d.meaning_da.to_owned(), d.meaning_en.to_owned()),
    );
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
            Test::Eq(l) => not(format!("{meaning}: {}", literal(l, lang))),
            Test::Ne(l) => not(format!(
                "{meaning} {} {}",
                t("er ikke", "is not"),
                literal(l, lang)
            )),
            Test::Lt(l) => not(format!(
                "{meaning} {} {}",
                t("under", "below"),
                literal(l, lang)
            )),
            Test::Lte(l) => not(format!(
                "{meaning} {} {}",
                t("højst", "at most"),
                literal(l, lang)
            )),
            Test::Gt(l) => not(format!(
                "{meaning} {} {}",
                t("over", "above"),
                literal(l, lang)
            )),
            Test::Gte(l) => not(format!(
                "{meaning} {} {}",
                t("mindst", "at least"),
                literal(l, lang)
            )),
            Test::In(ls) => not(format!("{meaning}: {}", either(ls, lang))),
            Test::NotIn(ls) => not(format!(
                "{meaning} {} {}",
                t("er ikke", "is not"),
                either(ls, lang)
            )),
            Test::Contains(l) => not(format!(
                "{meaning} {} {}",
                t("omfatter", "include"),
                literal(l, lang)
            )),
            Test::ContainsAny(ls) => not(format!(
                "{meaning} {} {}",
                t("omfatter", "include"),
                either(ls, lang)
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

/// What a failed condition asked for, in words: the comparison at the failure's place in `cond`.
/// `None` when the place holds no comparison (an empty `any`).
pub fn failure_words(cond: &Condition, failure: &ConditionFailure) -> Option<Text> {
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
        Condition::Compare(cmp) => Some(comparison_words(cmp, negated)),
        _ => None,
    }
}
