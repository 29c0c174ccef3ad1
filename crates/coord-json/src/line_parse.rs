//! Parsing one NDJSON line fast, with the line's opaque `id`.
//!
//! Plain `serde_json` first, straight into the target type; only when that fails is the line parsed
//! again by [`crate::parse::parse`], the pointer-tracking parser, so a failing line gets exactly the
//! error a whole document would get and a valid line pays for no pointer tracking.
//!
//! The line's `id` (a string of at most [`MAX_LINE_ID`] characters, never interpreted) is taken
//! from the top-level object on the way: for a call line it is not part of the call
//! ([`IdField::Strip`]); for a case-file line it is the case's own `id` ([`IdField::Peek`]).

use crate::envelope::Problem;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::Deserializer;
use std::fmt;

/// The longest line `id`, in characters.
pub const MAX_LINE_ID: usize = 128;

/// What the top-level `id` of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdField {
    /// The line's correlation id, not part of the document (call and request lines).
    Strip,
    /// Part of the document and also its correlation id (a case file's `id`).
    Peek,
}

/// A parsed line: its id (when it has a valid one) and the document or the problem.
pub type ParsedLine<T> = (Option<String>, Result<T, Problem>);

/// Parse one line into `T`, taking its `id`.
pub fn parse_line<T: DeserializeOwned>(text: &str, field: IdField) -> ParsedLine<T> {
    let mut id: Option<String> = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let fast = T::deserialize(Tap {
        inner: &mut de,
        id: &mut id,
        field,
    })
    .and_then(|v| de.end().map(|()| v));
    match fast {
        Ok(value) => match id {
            Some(i) if i.chars().count() > MAX_LINE_ID => match field {
                IdField::Strip => (None, Err(id_problem())),
                IdField::Peek => (None, Ok(value)),
            },
            id => (id, Ok(value)),
        },
        Err(_) => slow(text, field),
    }
}

/// The failure path: find the id by scanning, and let the pointer-tracking parser say what is
/// wrong (with the stripped `id` blanked out, so line and column stay the same).
fn slow<T: DeserializeOwned>(text: &str, field: IdField) -> ParsedLine<T> {
    let found = find_id(text);
    let id = found.as_ref().and_then(|f| f.value.clone());
    match (field, found) {
        (IdField::Strip, Some(f)) => {
            if f.value.is_none() {
                return (None, Err(id_problem()));
            }
            let mut blanked = text.as_bytes().to_vec();
            for b in &mut blanked[f.member.clone()] {
                *b = b' ';
            }
            let blanked = String::from_utf8(blanked).unwrap_or_default();
            (id, crate::parse::parse(&blanked))
        }
        _ => (id, crate::parse::parse(text)),
    }
}

fn id_problem() -> Problem {
    Problem::new(
        "ndjson.id",
        format!("the line's `id` must be a string of at most {MAX_LINE_ID} characters"),
        Some("/id".to_owned()),
    )
}

/// Where a top-level `id` member is: its bytes (with one adjoining comma) and its value when it
/// is a valid line id.
#[derive(Debug)]
struct FoundId {
    member: std::ops::Range<usize>,
    value: Option<String>,
}

/// Scan the top-level object for an `id` member. `None` when there is none or the text is not an
/// object the scanner can follow (the parser then says why).
fn find_id(text: &str) -> Option<FoundId> {
    let b = text.as_bytes();
    let ws = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    let string_end = |mut i: usize| -> Option<usize> {
        // b[i] is the opening quote; returns the index after the closing one.
        i += 1;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    };
    let value_end = |mut i: usize| -> Option<usize> {
        match b.get(i)? {
            b'"' => string_end(i),
            b'{' | b'[' => {
                let mut depth = 0usize;
                while i < b.len() {
                    match b[i] {
                        b'"' => {
                            i = string_end(i)?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(i + 1);
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                None
            }
            _ => {
                while i < b.len()
                    && !matches!(b[i], b',' | b'}' | b']')
                    && !b[i].is_ascii_whitespace()
                {
                    i += 1;
                }
                Some(i)
            }
        }
    };
    let mut i = 0;
    ws(&mut i);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut previous_comma: Option<usize> = None;
    loop {
        ws(&mut i);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_start = i;
        let key_end = string_end(i)?;
        let is_id = &b[key_start..key_end] == b"\"id\"";
        i = key_end;
        ws(&mut i);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i += 1;
        ws(&mut i);
        let v_start = i;
        let v_end = value_end(i)?;
        i = v_end;
        ws(&mut i);
        let next = *b.get(i)?;
        if is_id {
            let member = match (next, previous_comma) {
                (b',', _) => key_start..i + 1,
                (_, Some(c)) => c..v_end,
                _ => key_start..v_end,
            };
            let value = serde_json::from_str::<String>(&text[v_start..v_end])
                .ok()
                .filter(|s| s.chars().count() <= MAX_LINE_ID);
            return Some(FoundId { member, value });
        }
        match next {
            b',' => {
                previous_comma = Some(i);
                i += 1;
            }
            _ => return None,
        }
    }
}

/// A deserializer that passes everything through and takes the top-level `id` on the way.
struct Tap<'a, D> {
    inner: D,
    id: &'a mut Option<String>,
    field: IdField,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Tap<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(TapVisitor {
            inner: visitor,
            id: self.id,
            field: self.field,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_struct(
            name,
            fields,
            TapVisitor {
                inner: visitor,
                id: self.id,
                field: self.field,
            },
        )
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(TapVisitor {
            inner: visitor,
            id: self.id,
            field: self.field,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct enum identifier ignored_any
    }
}

struct TapVisitor<'a, V> {
    inner: V,
    id: &'a mut Option<String>,
    field: IdField,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TapVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(TapMap {
            inner: map,
            id: self.id,
            field: self.field,
            pending: false,
        })
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(seq)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.inner.visit_bool(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.inner.visit_i64(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.inner.visit_u64(v)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.inner.visit_f64(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.inner.visit_str(v)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.inner.visit_borrowed_str(v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.inner.visit_string(v)
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }
}

/// A top-level key as text, borrowed from the line when it has no escapes.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct TapMap<'a, A> {
    inner: A,
    id: &'a mut Option<String>,
    field: IdField,
    /// The key just handed on was `id` (peek mode): take its value on the way.
    pending: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TapMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.inner.next_key_seed(KeySeed)? else {
                return Ok(None);
            };
            if key.as_str() == "id" {
                match self.field {
                    IdField::Strip => {
                        let v: String = self.inner.next_value()?;
                        *self.id = Some(v);
                        continue;
                    }
                    IdField::Peek => self.pending = true,
                }
            }
            return match key {
                Key::Borrowed(k) => seed
                    .deserialize(de::value::BorrowedStrDeserializer::<A::Error>::new(k))
                    .map(Some),
                Key::Owned(k) => seed.deserialize(k.into_deserializer()).map(Some),
            };
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        if std::mem::take(&mut self.pending) {
            let v: String = self.inner.next_value()?;
            *self.id = Some(v.clone());
            return seed.deserialize(v.into_deserializer());
        }
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests;
