//! Words: the text of a code or a fact value, either written into coord (`"caseworker"` as a
//! named constant) or read from data and shared.
//!
//! A case file's codes (its conditions, roles, event kinds …) become fact values on every
//! evaluation. A [`Word`] read from data holds its text behind a reference count, so making a
//! fact value from a code copies a pointer instead of the text.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A word: static text or shared text, compared, ordered and hashed as its text.
#[derive(Clone)]
pub struct Word(Repr);

#[derive(Clone)]
enum Repr {
    Static(&'static str),
    Shared(Arc<str>),
}

impl Word {
    /// A word coord names itself.
    pub const fn from_static(word: &'static str) -> Word {
        Word(Repr::Static(word))
    }

    /// The word's text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(s) => s,
        }
    }
}

impl Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Word {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Word {}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Word {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Word {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Word {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&'static str> for Word {
    fn from(word: &'static str) -> Self {
        Word::from_static(word)
    }
}

impl From<String> for Word {
    fn from(word: String) -> Self {
        Word(Repr::Shared(Arc::from(word)))
    }
}

impl From<Cow<'static, str>> for Word {
    fn from(word: Cow<'static, str>) -> Self {
        match word {
            Cow::Borrowed(s) => Word::from_static(s),
            Cow::Owned(s) => Word::from(s),
        }
    }
}

impl From<&Word> for Word {
    fn from(word: &Word) -> Self {
        word.clone()
    }
}

impl Serialize for Word {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Word::from)
    }
}

impl JsonSchema for Word {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_and_shared_words_are_their_text() {
        let a = Word::from_static("caseworker");
        let b = Word::from("caseworker".to_owned());
        assert_eq!(a, b);
        assert_eq!(a.cmp(&b), Ordering::Equal);
        assert!(Word::from("a".to_owned()) < Word::from_static("b"));
        assert_eq!(b, "caseworker");
        assert_eq!(format!("{b} {b:?}"), "caseworker \"caseworker\"");
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, "\"caseworker\"");
        let back: Word = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }
}
