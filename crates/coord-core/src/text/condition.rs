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
        Literal::Date(d) => d.to_string(),
    }
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
                t("under", "below"),
                literal(v, l, lang)
            )),
            Test::Lte(l) => not(format!(
                "{meaning} {} {}",
                t("højst", "at most"),
                literal(v, l, lang)
            )),
            Test::Gt(l) => not(format!(
                "{meaning} {} {}",
                t("over", "above"),
                literal(v, l, lang)
            )),
            Test::Gte(l) => not(format!(
                "{meaning} {} {}",
                t("mindst", "at least"),
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
