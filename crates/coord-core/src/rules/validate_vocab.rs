//! The validator's check of the vocabulary a pack uses: every code a rule names — a word compared
//! with a vocabulary fact (`target_group`, `conditions`, `events_held`, `team_roles` …), the code
//! of a fact family (`first_event_on.<kind>`), the role of a `require_role` action or of a
//! referral to a role, the purpose of an `ask_consent` action — is declared in the reference
//! data, and is valid during the period the rule can fire in.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `rules.undeclared_code` | error | a code the vocabulary does not declare (the message lists the declared codes) |
//! | `rules.code_outside_period` | error | a code whose valid period does not meet the rule's: the comparison can never be about a real case |
//! | `rules.code_partly_outside_period` | warning | a code valid during only part of the rule's period |

use super::{join, Findings, ReferralTarget, RuleAction};
use crate::facts::lookup;
use crate::pointer::Pointer;
use crate::rules::condition::{Comparison, Condition, Literal, Test};
use crate::rules::date_expr::DateExpr;
use crate::rules::pack::RulePack;
use crate::time::DatePeriod;
use crate::vocab::{Vocabularies, VocabularyKind};

/// What the check needs: the vocabularies and the period the condition is tested in.
struct Scope<'a> {
    vocabularies: &'a Vocabularies,
    period: DatePeriod,
}

/// Check every condition and date expression of `pack` against `vocabularies`.
pub(super) fn check_vocabulary(pack: &RulePack, vocabularies: &Vocabularies, out: &mut Findings) {
    let root = Pointer::root();
    for (i, rule) in pack.rules.iter().enumerate() {
        let scope = Scope {
            vocabularies,
            period: rule.valid.unwrap_or(pack.valid),
        };
        let at = root.key("rules").index(i);
        condition(&rule.when, &at.key("when"), &scope, out);
        for (j, action) in rule.then.iter().enumerate() {
            let at = at.key("then").index(j).key(action.key());
            match action {
                RuleAction::Deadline(d) => {
                    date(&d.due, &at.key("due"), &scope, out);
                    if let Some(done) = &d.done_when {
                        condition(done, &at.key("done_when"), &scope, out);
                    }
                }
                RuleAction::RequireRole(role) => {
                    code_use(VocabularyKind::Role, role.word(), &at, &scope, out);
                }
                RuleAction::ProposeReferral(ReferralTarget::Role(role))
                | RuleAction::ForbidReferral(ReferralTarget::Role(role)) => {
                    code_use(
                        VocabularyKind::Role,
                        role.word(),
                        &at.key("role"),
                        &scope,
                        out,
                    );
                }
                RuleAction::AskConsent(ask) => {
                    code_use(
                        VocabularyKind::Purpose,
                        ask.purpose.as_str(),
                        &at.key("purpose"),
                        &scope,
                        out,
                    );
                }
                RuleAction::ProposeReferral(ReferralTarget::Offer(_))
                | RuleAction::ForbidReferral(ReferralTarget::Offer(_))
                | RuleAction::SetLevel(_)
                | RuleAction::Warn(_) => {}
            }
        }
    }
    let scope = Scope {
        vocabularies,
        period: pack.valid,
    };
    for (i, inv) in pack.invariants.iter().enumerate() {
        let at = root.key("invariants").index(i);
        if let Some(when) = &inv.when {
            condition(when, &at.key("when"), &scope, out);
        }
        condition(&inv.then, &at.key("then"), &scope, out);
    }
    for (i, t) in pack.transitions.iter().enumerate() {
        condition(
            &t.when,
            &root.key("transitions").index(i).key("when"),
            &scope,
            out,
        );
    }
    for (i, a) in pack.announcements.iter().enumerate() {
        if let Some(w) = &a.when {
            condition(
                w,
                &root.key("announcements").index(i).key("when"),
                &scope,
                out,
            );
        }
    }
}

fn condition(cond: &Condition, at: &Pointer, scope: &Scope<'_>, out: &mut Findings) {
    for (rel, cmp) in cond.comparisons() {
        comparison(cmp, &join(at, &rel), scope, out);
    }
}

fn comparison(cmp: &Comparison, at: &Pointer, scope: &Scope<'_>, out: &mut Findings) {
    if let Some(def) = lookup(&cmp.fact) {
        if let Some(kind) = def.vocabulary {
            if def.is_family() {
                let prefix = def.name.trim_end_matches('*');
                if let Some(code) = cmp.fact.strip_prefix(prefix) {
                    code_use(kind, code, &at.key("fact"), scope, out);
                }
            } else {
                let op_at = at.key(cmp.test.key());
                let many = matches!(
                    cmp.test,
                    Test::In(_) | Test::NotIn(_) | Test::ContainsAny(_)
                );
                for (k, lit) in cmp.test.literals().iter().enumerate() {
                    if let Literal::Text(word) = lit {
                        let lit_at = if many { op_at.index(k) } else { op_at.clone() };
                        code_use(kind, word, &lit_at, scope, out);
                    }
                }
            }
        }
    }
    let op_at = at.key(cmp.test.key());
    for lit in cmp.test.literals() {
        if let Literal::Date(expr) = lit {
            date(expr, &op_at, scope, out);
        }
    }
}

fn date(expr: &DateExpr, at: &Pointer, scope: &Scope<'_>, out: &mut Findings) {
    for name in expr.anchors() {
        if let Some(def) = lookup(name) {
            if let (Some(kind), true) = (def.vocabulary, def.is_family()) {
                if let Some(code) = name.strip_prefix(def.name.trim_end_matches('*')) {
                    code_use(kind, code, at, scope, out);
                }
            }
        }
    }
}

fn code_use(kind: VocabularyKind, code: &str, at: &Pointer, scope: &Scope<'_>, out: &mut Findings) {
    let Some(entry) = scope.vocabularies.entry(kind, code) else {
        out.error(
            "rules.undeclared_code",
            at,
            crate::text::Text {
                da: format!(
                    "`{code}` er ikke erklæret i `vocabularies.{}`; erklærede koder: {}",
                    kind.key(),
                    scope.vocabularies.code_list(kind)
                ),
                en: format!(
                    "`{code}` is not declared in `vocabularies.{}`; declared: {}",
                    kind.key(),
                    scope.vocabularies.code_list(kind)
                ),
            },
        );
        return;
    };
    let period = scope.period;
    let valid = describe(entry.valid_from, entry.valid_to);
    if !entry.valid_in(period.from, period.to) {
        out.error(
            "rules.code_outside_period",
            at,
            crate::text::Text {
                da: format!(
                    "`{code}` gælder {}, aldrig mens reglen er i kraft",
                    valid.da
                ),
                en: format!(
                    "`{code}` is valid {}, never while the rule is in force",
                    valid.en
                ),
            },
        );
    } else if !entry.valid_throughout(period.from, period.to) {
        out.warn(
            "rules.code_partly_outside_period",
            at,
            crate::text::Text {
                da: format!(
                    "`{code}` gælder {}, kun en del af den tid, reglen er i kraft",
                    valid.da
                ),
                en: format!(
                    "`{code}` is valid {}, only part of the time the rule is in force",
                    valid.en
                ),
            },
        );
    }
}

fn describe(from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>) -> crate::text::Text {
    match (from, to) {
        (Some(f), Some(t)) => crate::text::Text {
            da: format!("fra {f} til {t}"),
            en: format!("from {f} to {t}"),
        },
        (Some(f), None) => crate::text::Text {
            da: format!("fra {f}"),
            en: format!("from {f}"),
        },
        (None, Some(t)) => crate::text::Text {
            da: format!("til {t}"),
            en: format!("until {t}"),
        },
        (None, None) => crate::text::Text::new("altid", "always"),
    }
}
