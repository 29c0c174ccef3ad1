//! Legal bases and prohibitions as data: rules of law that permit a flow without consent, or
//! forbid it whatever any consent says.

use super::model::{Action, PartyRef};
use crate::category::InformationCategory;
use crate::ids::{BasisId, PurposeId};
use crate::time::DatePeriod;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether a legal rule permits or forbids the flows it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The flow is allowed without consent (a legal basis).
    Permit,
    /// The flow is forbidden whatever any consent says (a prohibition). Forbid overrides permit.
    Forbid,
}

/// A legal basis or a prohibition. Every list left out matches anything: unlike a consent, a rule of
/// law may be general.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalRule {
    /// The rule's id (e.g. `sundhedsloven-41-current-treatment`).
    pub id: BasisId,
    /// Permit (basis) or forbid (prohibition).
    pub effect: Effect,
    /// Title in Danish.
    pub title_da: String,
    /// Title in English.
    pub title_en: String,
    /// The legal source ("sundhedsloven §41 stk. 2 nr. 1").
    pub source: String,
    /// Holders matched; absent matches any holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holders: Option<Vec<PartyRef>>,
    /// Recipients matched; absent matches any recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<PartyRef>>,
    /// Categories matched; absent matches any category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<InformationCategory>>,
    /// Actions matched; absent matches any action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<Action>>,
    /// Purposes matched; absent matches any purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purposes: Option<Vec<PurposeId>>,
    /// When the rule is in force; absent means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<DatePeriod>,
}

/// Limits a municipality sets on consents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentPolicy {
    /// The longest validity a consent may have, in months (default 12: consent for purposes other
    /// than current treatment has been held to last one year, DOMAIN.md §6).
    #[serde(default = "default_max_validity_months")]
    pub max_validity_months: u32,
}

fn default_max_validity_months() -> u32 {
    12
}

impl Default for ConsentPolicy {
    fn default() -> Self {
        Self {
            max_validity_months: default_max_validity_months(),
        }
    }
}

/// Every purpose a legal rule names that the purpose vocabulary does not declare, in document
/// order (`at` is the place of the list, e.g. `/legal_rules`). A rule with an undeclared purpose
/// could never match a request (requests must name a declared purpose), so it is an error of the
/// reference data, not a silent dead rule.
pub fn undeclared_purposes(
    rules: &[LegalRule],
    vocabularies: &crate::vocab::Vocabularies,
    at: &crate::pointer::Pointer,
) -> Vec<crate::vocab::usage::UndeclaredCode> {
    let kind = crate::vocab::VocabularyKind::Purpose;
    let mut found = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        for (j, purpose) in rule.purposes.iter().flatten().enumerate() {
            if !vocabularies.declares(kind, purpose.as_str()) {
                found.push(crate::vocab::usage::UndeclaredCode {
                    kind,
                    pointer: at.index(i).key("purposes").index(j),
                    declared: vocabularies.code_list(kind),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pointer::Pointer;

    fn rule(purposes: Option<Vec<&str>>) -> LegalRule {
        LegalRule {
            id: BasisId::new("b"),
            effect: Effect::Permit,
            title_da: "t".into(),
            title_en: "t".into(),
            source: "s".into(),
            holders: None,
            recipients: None,
            categories: None,
            actions: None,
            purposes: purposes.map(|p| p.into_iter().map(PurposeId::new).collect()),
            valid: None,
        }
    }

    #[test]
    fn a_legal_rule_naming_an_undeclared_purpose_is_placed_and_not_echoed() {
        let vocab = crate::vocab::builtin_for_tests();
        let rules = [
            rule(None),
            rule(Some(vec!["current-treatment", "secret-diagnosis-purpose"])),
        ];
        let found = undeclared_purposes(&rules, &vocab, &Pointer::root().key("legal_rules"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].pointer.to_string(), "/legal_rules/1/purposes/1");
        let message = found[0].to_string();
        assert!(!message.contains("secret-diagnosis-purpose"), "{message}");
        assert!(message.contains("current-treatment"), "{message}");
    }

    #[test]
    fn the_builtin_legal_rules_name_only_declared_purposes() {
        let vocab = crate::vocab::builtin_for_tests();
        let reference: serde_json::Value =
            serde_json::from_str(include_str!("../../../coord-json/data/reference.json")).unwrap();
        let rules: Vec<LegalRule> =
            serde_json::from_value(reference["legal_rules"].clone()).unwrap();
        assert!(!rules.is_empty());
        assert_eq!(
            undeclared_purposes(&rules, &vocab, &Pointer::root().key("legal_rules")),
            vec![]
        );
    }
}
