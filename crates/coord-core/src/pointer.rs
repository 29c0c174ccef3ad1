//! Where in a document something is: a path of keys and indexes, shown as a JSON pointer
//! (RFC 6901, e.g. `/consents/2/valid_to`).
//!
//! The core names places in the data it was given without knowing the wire format: the path
//! follows the field names of the serialised types, which is what a JSON pointer needs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A path into a document (a case file, a rule pack, a request).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pointer(Vec<String>);

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by a field name.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.0.clone();
        p.push(key.to_owned());
        Self(p)
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.0.clone();
        p.push(i.to_string());
        Self(p)
    }

    /// The segments of the path.
    pub fn segments(&self) -> &[String] {
        &self.0
    }

    /// Parse a JSON pointer (`/a/0/b`); `~1` and `~0` are unescaped.
    pub fn parse(text: &str) -> Self {
        if text.is_empty() {
            return Self::root();
        }
        Self(
            text.trim_start_matches('/')
                .split('/')
                .map(|s| s.replace("~1", "/").replace("~0", "~"))
                .collect(),
        )
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for seg in &self.0 {
            write!(f, "/{}", seg.replace('~', "~0").replace('/', "~1"))?;
        }
        Ok(())
    }
}

impl Serialize for Pointer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Pointer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Pointer::parse(&s))
    }
}

impl JsonSchema for Pointer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "JsonPointer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A JSON pointer (RFC 6901) to the place in the input, e.g. `/consents/2/valid_to`."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_parses_json_pointer() {
        let p = Pointer::root().key("consents").index(2).key("valid_to");
        assert_eq!(p.to_string(), "/consents/2/valid_to");
        assert_eq!(Pointer::parse("/consents/2/valid_to"), p);
        let odd = Pointer::root().key("a/b~c");
        assert_eq!(odd.to_string(), "/a~1b~0c");
        assert_eq!(Pointer::parse(&odd.to_string()), odd);
        assert_eq!(Pointer::root().to_string(), "");
    }
}
