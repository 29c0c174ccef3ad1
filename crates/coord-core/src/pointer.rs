//! Where in a document something is: a path of keys and indexes, shown as a JSON pointer
//! (RFC 6901, e.g. `/consents/2/valid_to`).
//!
//! The core names places in the data it was given without knowing the wire format: the path
//! follows the field names of the serialised types, which is what a JSON pointer needs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A path into a document (a case file, a rule pack, a request).
///
/// Held as its rendered JSON pointer, so extending a path is one allocation (checks build a
/// pointer for every place they look at). Equality and hashing follow the rendering, which is
/// one-to-one with the segments; ordering compares segment by segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Pointer(String);

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Self {
        Self(String::new())
    }

    /// This path extended by a field name.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut p = String::with_capacity(self.0.len() + key.len() + 1);
        p.push_str(&self.0);
        p.push('/');
        if key.contains(['~', '/']) {
            p.push_str(&key.replace('~', "~0").replace('/', "~1"));
        } else {
            p.push_str(key);
        }
        Self(p)
    }

    /// This path extended by an array index.
    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        use std::fmt::Write as _;
        let mut p = String::with_capacity(self.0.len() + 8);
        p.push_str(&self.0);
        // Writing to a String cannot fail.
        let _ = write!(p, "/{i}");
        Self(p)
    }

    /// The segments of the path, unescaped.
    pub fn segments(&self) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
        self.0.split('/').skip(1).map(|s| match s.contains('~') {
            true => std::borrow::Cow::Owned(s.replace("~1", "/").replace("~0", "~")),
            false => std::borrow::Cow::Borrowed(s),
        })
    }

    /// The last segment, unescaped (`None` for the root).
    pub fn last(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.segments().last()
    }

    /// Parse a JSON pointer (`/a/0/b`); `~1` and `~0` are unescaped.
    pub fn parse(text: &str) -> Self {
        if text.is_empty() {
            return Self::root();
        }
        text.trim_start_matches('/')
            .split('/')
            .fold(Self::root(), |p, s| {
                p.key(&s.replace("~1", "/").replace("~0", "~"))
            })
    }
}

impl PartialOrd for Pointer {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pointer {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.segments().cmp(other.segments())
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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
        let segs: Vec<String> = odd.segments().map(|s| s.into_owned()).collect();
        assert_eq!(segs, ["a/b~c"]);
        assert!(Pointer::root().key("a").key("b") < Pointer::root().key("a-x"));
        assert!(Pointer::root().key("a") < Pointer::root().key("a").index(0));
    }
}
