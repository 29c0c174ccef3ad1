//! A rule pack as a call names it: the id of a pack in the reference data, or a pack itself.
//! Every call that takes a pack (`evaluate`, `report`, `citizen-report`, `summarise`,
//! `rules-diff` and the NDJSON streams) resolves it here, so `coord evaluate --pack dk-2025`
//! and a pipeline sending `"pack": "dk-2025"` mean the same thing.

use super::rules::finding_problems;
use crate::envelope::Problem;
use coord_core::pointer::Pointer;
use coord_core::reference::ReferenceData;
use coord_core::rules::validate::has_errors;
use coord_core::rules::{RulePack, ValidationOptions};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A pack: the id of one in the reference data (`dk-2025`), or a pack itself.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PackRef {
    /// The id of a pack in the reference data.
    Id(String),
    /// A pack.
    Pack(Box<RulePack>),
}

// Read by its JSON type (a string or an object), not by serde's untagged buffering, so a pack
// given inline is read as strictly as a pack file (duplicate keys, plain dates, array limits).
impl<'de> Deserialize<'de> for PackRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PackRef;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("the id of a rule pack, or a rule pack object")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<PackRef, E> {
                Ok(PackRef::Id(s.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<PackRef, A::Error> {
                RulePack::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|p| PackRef::Pack(Box::new(p)))
            }
        }
        d.deserialize_any(V)
    }
}

impl From<RulePack> for PackRef {
    fn from(pack: RulePack) -> Self {
        PackRef::Pack(Box::new(pack))
    }
}

/// The pack a call names, checked: an id is looked up in the reference data (an unknown id is
/// refused at `given_at`, listing the ids there are, never repeating the one given); a pack given
/// whole is validated against the reference data and refused when it has errors.
pub fn resolve_pack(
    given: Option<PackRef>,
    reference: &ReferenceData,
    given_at: &Pointer,
) -> Result<Option<RulePack>, Vec<Problem>> {
    let pack = match given {
        None => return Ok(None),
        Some(PackRef::Pack(p)) => *p,
        Some(PackRef::Id(id)) => match reference.rule_packs.iter().find(|p| p.id.as_str() == id) {
            Some(p) => p.clone(),
            None => {
                let known: Vec<String> = reference
                    .rule_packs
                    .iter()
                    .map(|p| p.id.to_string())
                    .collect();
                return Err(vec![Problem::new(
                    "rules.unknown_pack",
                    format!(
                        "no rule pack with the id given exists in the reference data; expected one of {} or a pack file",
                        known.join(", ")
                    ),
                    Some(given_at.to_string()),
                )]);
            }
        },
    };
    let findings =
        coord_core::rules::validate_pack(&pack, reference, &ValidationOptions::default());
    if has_errors(&findings) {
        Err(finding_problems(&findings, given_at))
    } else {
        Ok(Some(pack))
    }
}
