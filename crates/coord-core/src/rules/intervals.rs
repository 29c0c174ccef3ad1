//! Interval reasoning over conditions, for the validator: a condition flattened into its
//! conjunction, per-fact bounds and value sets, "can never hold", and "implies".
//!
//! Sound, not complete: disjunctions are not analysed, so `never_holds` never reports a condition
//! that can hold (a test checks this by brute force over pairs of numeric comparisons).

use super::condition::{Comparison, Condition, DateBase, Literal, Test};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// One part of a conjunction.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Conj<'a> {
    /// A comparison, possibly negated.
    Cmp(&'a Comparison, bool),
    /// A disjunction (not analysed; compared for identity only).
    Opaque(&'a Condition, bool),
}

pub(crate) fn conjuncts(cond: &Condition) -> Vec<Conj<'_>> {
    let mut out = Vec::new();
    flatten(cond, false, &mut out);
    out
}

fn flatten<'a>(cond: &'a Condition, negated: bool, out: &mut Vec<Conj<'a>>) {
    match (cond, negated) {
        (Condition::All(parts), false) | (Condition::Any(parts), true) => {
            for p in parts {
                flatten(p, negated, out);
            }
        }
        (Condition::Not(inner), _) => flatten(inner, !negated, out),
        (Condition::Compare(c), _) => out.push(Conj::Cmp(c, negated)),
        (other, _) => out.push(Conj::Opaque(other, negated)),
    }
}

/// A number or date bound: the value on a base (`""` for numbers and fixed dates, `as_of` or an
/// anchor name for relative dates).
pub(crate) fn point(lit: &Literal) -> Option<(String, f64)> {
    match lit {
        Literal::Number(n) => Some((String::new(), *n)),
        Literal::Text(t) => t
            .parse::<NaiveDate>()
            .ok()
            .map(|d| (String::new(), day_number(d))),
        Literal::Date(expr) => match expr.linear()? {
            (DateBase::Fixed(d), off) => Some((String::new(), day_number(d) + off as f64)),
            (DateBase::AsOf, off) => Some(("as_of".to_owned(), off as f64)),
            (DateBase::Anchor(a), off) => Some((a.to_owned(), off as f64)),
        },
        Literal::Bool(_) => None,
    }
}

fn day_number(d: NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&d))
}

#[derive(Default)]
struct Space {
    lo: Option<(f64, bool)>,
    hi: Option<(f64, bool)>,
}

#[derive(Default)]
struct FactSpace {
    known: Option<bool>,
    forced_known: bool,
    ranges: BTreeMap<String, Space>,
    allowed: Option<BTreeSet<String>>,
    denied: BTreeSet<String>,
    contains: BTreeSet<String>,
    lacks: BTreeSet<String>,
}

fn word(lit: &Literal) -> String {
    match point(lit) {
        Some((base, n)) => format!("{base}#{n}"),
        None => lit.to_string(),
    }
}

/// Why the conjunction can never hold, if it can't.
pub(crate) fn never_holds(parts: &[Conj<'_>]) -> Option<crate::text::Text> {
    let mut spaces: BTreeMap<&str, FactSpace> = BTreeMap::new();
    for part in parts {
        let Conj::Cmp(cmp, negated) = *part else {
            continue;
        };
        let s = spaces.entry(cmp.fact.as_str()).or_default();
        match (&cmp.test, negated) {
            (Test::Contains(l), true) => {
                s.lacks.insert(word(l));
                continue;
            }
            (Test::ContainsAny(ls), true) => {
                s.lacks.extend(ls.iter().map(word));
                continue;
            }
            _ => {}
        }
        let test = if negated {
            negate(&cmp.test)
        } else {
            cmp.test.clone()
        };
        if !negated && !matches!(test, Test::Known(false)) {
            s.forced_known = true;
        }
        match &test {
            Test::Known(k) => {
                if s.known.is_some_and(|prev| prev != *k) {
                    return Some(crate::text::Text {
                        da: format!("`{}` kan ikke både være kendt og ukendt", cmp.fact),
                        en: format!("`{}` cannot be both known and not known", cmp.fact),
                    });
                }
                s.known = Some(*k);
                s.forced_known |= *k;
            }
            Test::Lt(l) | Test::Lte(l) | Test::Gt(l) | Test::Gte(l) => {
                if let Some((base, v)) = point(l) {
                    let r = s.ranges.entry(base).or_default();
                    match test {
                        Test::Lt(_) => tighten_hi(r, v, true),
                        Test::Lte(_) => tighten_hi(r, v, false),
                        Test::Gt(_) => tighten_lo(r, v, true),
                        _ => tighten_lo(r, v, false),
                    }
                }
            }
            Test::Eq(l) => {
                if let Some((base, v)) = point(l) {
                    let r = s.ranges.entry(base).or_default();
                    tighten_lo(r, v, false);
                    tighten_hi(r, v, false);
                }
                restrict(s, [word(l)].into());
            }
            Test::In(ls) => restrict(s, ls.iter().map(word).collect()),
            Test::Ne(l) => {
                s.denied.insert(word(l));
            }
            Test::NotIn(ls) => s.denied.extend(ls.iter().map(word)),
            Test::Contains(l) => {
                s.contains.insert(word(l));
            }
            Test::ContainsAny(_) => {}
        }
    }
    for (fact, s) in &spaces {
        let forced = s.forced_known || s.known == Some(true);
        if s.known == Some(false) && s.forced_known {
            return Some(crate::text::Text {
                da: format!("`{fact}` kræves ukendt, men sammenlignes også"),
                en: format!("`{fact}` is required not known but also compared"),
            });
        }
        if !forced {
            continue;
        }
        for (base, r) in &s.ranges {
            if let (Some((lo, lo_strict)), Some((hi, hi_strict))) = (r.lo, r.hi) {
                if lo > hi || (lo == hi && (lo_strict || hi_strict)) {
                    let (on_da, on_en) = if base.is_empty() {
                        (String::new(), String::new())
                    } else {
                        (
                            format!(" (i forhold til {base})"),
                            format!(" (relative to {base})"),
                        )
                    };
                    return Some(crate::text::Text {
                        da: format!(
                            "ingen værdi af `{fact}` ligger inden for de givne grænser{on_da}"
                        ),
                        en: format!("no value of `{fact}` lies in the bounds given{on_en}"),
                    });
                }
            }
        }
        if let Some(allowed) = &s.allowed {
            if allowed.iter().all(|w| s.denied.contains(w)) {
                return Some(crate::text::Text {
                    da: format!("hver værdi, der er tilladt for `{fact}`, er også udelukket"),
                    en: format!("every value allowed for `{fact}` is also excluded"),
                });
            }
        }
        if let Some(w) = s.contains.intersection(&s.lacks).next() {
            return Some(crate::text::Text {
                da: format!("`{fact}` skal både indeholde og mangle `{w}`"),
                en: format!("`{fact}` must both contain and lack `{w}`"),
            });
        }
    }
    None
}

fn restrict(s: &mut FactSpace, words: BTreeSet<String>) {
    s.allowed = Some(match s.allowed.take() {
        None => words,
        Some(prev) => prev.intersection(&words).cloned().collect(),
    });
}

fn tighten_lo(r: &mut Space, v: f64, strict: bool) {
    if r.lo
        .is_none_or(|(lo, s)| v > lo || (v == lo && strict && !s))
    {
        r.lo = Some((v, strict));
    }
}

fn tighten_hi(r: &mut Space, v: f64, strict: bool) {
    if r.hi
        .is_none_or(|(hi, s)| v < hi || (v == hi && strict && !s))
    {
        r.hi = Some((v, strict));
    }
}

fn negate(test: &Test) -> Test {
    match test.clone() {
        Test::Eq(l) => Test::Ne(l),
        Test::Ne(l) => Test::Eq(l),
        Test::Lt(l) => Test::Gte(l),
        Test::Lte(l) => Test::Gt(l),
        Test::Gt(l) => Test::Lte(l),
        Test::Gte(l) => Test::Lt(l),
        Test::In(ls) => Test::NotIn(ls),
        Test::NotIn(ls) => Test::In(ls),
        Test::Known(k) => Test::Known(!k),
        // `not contains` is handled by the caller (as `lacks`).
        other @ (Test::Contains(_) | Test::ContainsAny(_)) => other,
    }
}

/// Whether conjunct `b` implies conjunct `a` (b is at least as strict).
pub(crate) fn implies(b: &Conj<'_>, a: &Conj<'_>) -> bool {
    match (a, b) {
        (Conj::Opaque(ca, na), Conj::Opaque(cb, nb)) => na == nb && ca == cb,
        (Conj::Cmp(ca, false), Conj::Cmp(cb, false)) if ca.fact == cb.fact => {
            if ca.test == cb.test {
                return true;
            }
            let lower = |t: &Test| match t {
                Test::Gte(l) => point(l).map(|(b, v)| (b, v, false)),
                Test::Gt(l) => point(l).map(|(b, v)| (b, v, true)),
                Test::Eq(l) => point(l).map(|(b, v)| (b, v, false)),
                _ => None,
            };
            let upper = |t: &Test| match t {
                Test::Lte(l) => point(l).map(|(b, v)| (b, v, false)),
                Test::Lt(l) => point(l).map(|(b, v)| (b, v, true)),
                Test::Eq(l) => point(l).map(|(b, v)| (b, v, false)),
                _ => None,
            };
            match &ca.test {
                Test::Gte(_) | Test::Gt(_) => match (lower(&ca.test), lower(&cb.test)) {
                    (Some((ba, va, sa)), Some((bb, vb, sb))) => {
                        ba == bb && (vb > va || (vb == va && (sb || !sa)))
                    }
                    _ => false,
                },
                Test::Lte(_) | Test::Lt(_) => match (upper(&ca.test), upper(&cb.test)) {
                    (Some((ba, va, sa)), Some((bb, vb, sb))) => {
                        ba == bb && (vb < va || (vb == va && (sb || !sa)))
                    }
                    _ => false,
                },
                Test::In(ls) => match &cb.test {
                    Test::Eq(l) => ls.contains(l),
                    Test::In(lb) => lb.iter().all(|l| ls.contains(l)),
                    _ => false,
                },
                Test::ContainsAny(ls) => match &cb.test {
                    Test::Contains(l) => ls.contains(l),
                    Test::ContainsAny(lb) => lb.iter().all(|l| ls.contains(l)),
                    _ => false,
                },
                Test::Known(true) => !matches!(cb.test, Test::Known(false)),
                _ => false,
            }
        }
        (Conj::Cmp(ca, true), Conj::Cmp(cb, true)) => ca == cb,
        _ => false,
    }
}
