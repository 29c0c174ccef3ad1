//! The validator's check of date expressions: named bases, empty lists, windows, and the limits
//! on the counts a pack gives.

use super::{FactType, Findings};
use crate::facts::{lookup, Compute};
use crate::pointer::Pointer;
use crate::rules::date_expr::{named_base, DateBase, DateExpr, DateSource};

/// A date expression: named bases are `as_of`, a date or a date fact; lists are not empty;
/// windows count at least one week and one month (nested expressions are checked in turn).
pub(super) fn check_date_expr(expr: &DateExpr, at: &Pointer, out: &mut Findings) {
    use crate::limits::{within, Counted, MAX_PACK_MONTHS, MAX_PACK_WEEKS, MAX_PACK_WORKING_DAYS};
    let counts = [
        (
            "plus_months",
            i64::from(expr.plus_months),
            MAX_PACK_MONTHS,
            Counted::Months,
        ),
        (
            "plus_working_days",
            i64::from(expr.plus_working_days),
            MAX_PACK_WORKING_DAYS,
            Counted::WorkingDays,
        ),
    ];
    let window = match &expr.base {
        DateSource::Cumulative(w) => vec![
            (
                "weeks_exceed",
                i64::from(w.weeks_exceed),
                MAX_PACK_WEEKS,
                Counted::Weeks,
            ),
            (
                "calendar_months",
                i64::from(w.calendar_months),
                MAX_PACK_MONTHS,
                Counted::Months,
            ),
        ],
        _ => Vec::new(),
    };
    for (key, n, limit, counted) in counts {
        if let Err(e) = within(n, limit, counted, &at.key(key)) {
            out.error(e.code(), &e.at, beyond(&e));
        }
    }
    for (key, n, limit, counted) in window {
        if let Err(e) = within(n, limit, counted, &at.key("cumulative").key(key)) {
            out.error(e.code(), &e.at, beyond(&e));
        }
    }
    match &expr.base {
        DateSource::Named(name) => {
            if let DateBase::Anchor(name) = named_base(name) {
                match lookup(name) {
                    Some(def)
                        if def.ty == FactType::Date && !matches!(def.compute, Compute::Result) => {}
                    _ => out.error(
                        "rules.unknown_anchor",
                        &at.key("date"), crate::text::Text { da: format!("`{name}` er hverken `as_of`, en dato (ÅÅÅÅ-MM-DD) eller et datofaktum"), en: format!("`{name}` is not `as_of`, a date (YYYY-MM-DD) or a date fact") },
                    ),
                }
            }
        }
        DateSource::EarliestOf(parts) | DateSource::LatestOf(parts) => {
            let key = if matches!(expr.base, DateSource::EarliestOf(_)) {
                "earliest_of"
            } else {
                "latest_of"
            };
            if parts.is_empty() {
                out.error(
                    "rules.empty_list",
                    &at.key(key),
                    crate::text::Text {
                        da: format!("`{key}` kræver mindst én dato"),
                        en: format!("`{key}` needs at least one date"),
                    },
                );
            }
            for (i, p) in parts.iter().enumerate() {
                check_date_expr(p, &at.key(key).index(i), out);
            }
        }
        DateSource::From(inner) => check_date_expr(inner, &at.key("from"), out),
        DateSource::Cumulative(w) => {
            if w.weeks_exceed == 0 || w.calendar_months == 0 {
                out.error(
                    "rules.empty_window",
                    &at.key("cumulative"), crate::text::Text::new("et kumulativt vindue kræver `weeks_exceed` og `calendar_months` på mindst 1", "a cumulative window needs `weeks_exceed` and `calendar_months` of at least 1"),
                );
            }
        }
    }
}

/// The limit sentence of `e` without its place (findings carry the place separately).
fn beyond(e: &crate::limits::LimitError) -> crate::text::Text {
    let text = e.to_string();
    let place = format!("{}: ", e.at);
    crate::text::Text {
        da: e.describe_da(),
        en: text.strip_prefix(&place).unwrap_or(&text).to_owned(),
    }
}
