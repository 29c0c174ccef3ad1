//! Citations a caseworker can check: a statute by name, number and paragraph, or a named
//! document by issuer and date, with a URL where one exists. Rules (`rules::pack::RuleSource`) and
//! vocabulary entries (`vocab::VocabularyEntry`) cite with these.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One checkable citation: a statute (or executive order) or a named document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Citation {
    /// A statute or executive order by name, number and paragraph.
    Statute(StatuteCitation),
    /// A named document (a bill, guidance, an analysis, a municipal decision) by issuer and date.
    Document(DocumentCitation),
}

/// A statute or executive order: `Lov om sygedagpenge`, `LBK nr. 1179 af 2023`, `§ 24, stk. 1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatuteCitation {
    /// The statute's name (`Lov om sygedagpenge`, `Bekendtgørelse om opfølgning i sygedagpengesager`).
    pub statute: String,
    /// Its number (`LBK nr. 1179 af 2023`, `BEK nr. 1710 af 30/12/2024`).
    pub number: String,
    /// The paragraph (`§ 24, stk. 1`).
    pub paragraph: String,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A named document: `L 74 (2024/25) som fremsat`, issued by `Folketinget`, `2024-11-06`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentCitation {
    /// The document's title.
    pub document: String,
    /// Who issued it (a ministry, an agency, a municipality).
    pub issuer: String,
    /// When (`2024-11-06`, or a year or month when no day is given).
    pub date: String,
    /// The part cited (`bemærkninger til nr. 8`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Every key either form of citation has, for reading.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CitationKeys {
    statute: Option<String>,
    number: Option<String>,
    paragraph: Option<String>,
    document: Option<String>,
    issuer: Option<String>,
    date: Option<String>,
    part: Option<String>,
    url: Option<String>,
}

/// The sentence for an object that is neither form of citation.
const NOT_A_CITATION: &str = "expected a citation: either a statute (statute, number, paragraph, optional url) or a document (document, issuer, date, optional part and url)";

// Read as one object whose keys say which it is (`statute` or `document`), not by serde's
// untagged buffering, so the reader's checks reach inside it.
impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let k = CitationKeys::deserialize(d)?;
        match k {
            CitationKeys {
                statute: Some(statute),
                number: Some(number),
                paragraph: Some(paragraph),
                document: None,
                issuer: None,
                date: None,
                part: None,
                url,
            } => Ok(Citation::Statute(StatuteCitation {
                statute,
                number,
                paragraph,
                url,
            })),
            CitationKeys {
                statute: None,
                number: None,
                paragraph: None,
                document: Some(document),
                issuer: Some(issuer),
                date: Some(date),
                part,
                url,
            } => Ok(Citation::Document(DocumentCitation {
                document,
                issuer,
                date,
                part,
                url,
            })),
            _ => Err(serde::de::Error::custom(NOT_A_CITATION)),
        }
    }
}

impl Citation {
    /// The citation as one line for people.
    pub fn line(&self) -> String {
        match self {
            Citation::Statute(s) => format!("{}, {} {}", s.statute, s.number, s.paragraph),
            Citation::Document(d) => match &d.part {
                Some(part) => format!("{} ({}, {}), {part}", d.document, d.issuer, d.date),
                None => format!("{} ({}, {})", d.document, d.issuer, d.date),
            },
        }
    }

    /// The URL, if one is given.
    pub fn url(&self) -> Option<&str> {
        match self {
            Citation::Statute(s) => s.url.as_deref(),
            Citation::Document(d) => d.url.as_deref(),
        }
    }

    /// Every text field, for the validator's checks.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Citation::Statute(s) => vec![&s.statute, &s.number, &s.paragraph],
            Citation::Document(d) => {
                let mut v: Vec<&str> = vec![&d.document, &d.issuer, &d.date];
                if let Some(p) = &d.part {
                    v.push(p);
                }
                v
            }
        }
    }
}
