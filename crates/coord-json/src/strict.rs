//! A strict reader: a wrapper around any serde [`Deserializer`] that refuses what serde itself lets
//! through.
//!
//! - **An array where an object is expected.** serde's derived structs also accept their fields as
//!   an array (`[1, "x"]` for `{"a": 1, "b": "x"}`); a JSON document that does that is almost
//!   certainly wrong, so it is refused.
//! - **The same key twice in one object.** serde keeps the last one for maps and values; the
//!   wrapper refuses the document, in every object at every depth.
//! - **Dates and times that are not plain ISO.** chrono reads years beyond four digits, signed
//!   years and leap seconds; the wrapper lets a date through only as `YYYY-MM-DD` and a time only
//!   as `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, years [`MIN_YEAR`]–[`MAX_YEAR`], seconds 00–59.
//!   (Dates are recognised by what the receiving type expects, so every chrono date and instant in
//!   every input is covered without changing the core's types.)
//!
//! The messages of these refusals never repeat the input (see [`crate::parse`]).
//!
//! Untagged inputs (`PackRef`, rule `Literal`s, `Citation`s) are read by their JSON type with
//! their own `Deserialize` impls, so the wrapper reaches inside them. Values buffered by serde for
//! internally tagged enums (`"kind": …`: offer readiness signals, instrument scoring) are checked
//! for duplicate keys only; they hold numbers and ids, no dates or nested objects.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

/// The earliest year a date may have.
pub const MIN_YEAR: i32 = 1900;
/// The latest year a date may have.
pub const MAX_YEAR: i32 = 2200;

/// The sentence for an array given where an object is expected.
pub const ARRAY_FOR_OBJECT: &str = "expected an object, found an array";
/// The sentence for a key given twice.
pub const DUPLICATE_KEY: &str = "the same key appears twice in this object";
/// The most items one array may hold. An input is bounded by the input-size limit; this bounds
/// what one array can make an engine do (a finding per item, a pass over every item per item).
pub const MAX_ARRAY_ITEMS: usize = 10_000;
/// The sentence for an array longer than [`MAX_ARRAY_ITEMS`].
pub const TOO_MANY_ITEMS: &str = "too many items in this array (at most 10000 allowed)";
/// The sentence for a date outside the accepted form.
pub const BAD_DATE: &str = "expected a date YYYY-MM-DD (a real calendar day, year 1900–2200)";
/// The sentence for a date and time outside the accepted form.
pub const BAD_INSTANT: &str = "expected a date and time YYYY-MM-DDTHH:MM:SS with an offset (Z or ±HH:MM), year 1900–2200, seconds 00–59";

/// The strict wrapper around a deserializer.
pub struct Strict<D> {
    de: D,
}

impl<D> Strict<D> {
    /// Wrap `de`.
    pub fn new(de: D) -> Self {
        Self { de }
    }
}

struct Wrap<V> {
    v: V,
    object_only: bool,
}

impl<V> Wrap<V> {
    fn any(v: V) -> Self {
        Self {
            v,
            object_only: false,
        }
    }
}

macro_rules! forward_de {
    ($($m:ident),*) => {$(
        fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.de.$m(Wrap::any(v))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_de!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_unit_struct(name, Wrap::any(v))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_newtype_struct(name, Wrap::any(v))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(len, Wrap::any(v))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(name, len, Wrap::any(v))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_struct(
            name,
            fields,
            Wrap {
                v,
                object_only: true,
            },
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_enum(name, variants, Wrap::any(v))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($m:ident($t:ty)),*) => {$(
        fn $m<E: de::Error>(self, x: $t) -> Result<Self::Value, E> {
            self.v.$m(x)
        }
    )*};
}

/// What a visitor says it expects, written into a small buffer (no allocation) to recognise
/// chrono's date and time visitors.
struct Expecting<'a, 'de, V>(&'a V, std::marker::PhantomData<&'de ()>);

impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, 'de, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

/// A fixed buffer for a short text; longer texts are marked as overflowing.
struct Short {
    buf: [u8; 48],
    len: usize,
    overflow: bool,
}

impl fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            self.overflow = true;
        } else {
            self.buf[self.len..end].copy_from_slice(s.as_bytes());
            self.len = end;
        }
        Ok(())
    }
}

/// chrono's `NaiveDate` visitor.
const CHRONO_DATE: &str = "a formatted date string";
/// chrono's `DateTime` visitor.
const CHRONO_INSTANT: &str = "an RFC 3339 formatted date and time string";

fn check_temporal<'de, V: Visitor<'de>, E: de::Error>(v: &V, s: &str) -> Result<(), E> {
    use fmt::Write as _;
    let mut short = Short {
        buf: [0; 48],
        len: 0,
        overflow: false,
    };
    let _ = write!(short, "{}", Expecting(v, std::marker::PhantomData));
    if short.overflow {
        return Ok(());
    }
    match &short.buf[..short.len] {
        e if e == CHRONO_DATE.as_bytes() && !is_plain_date(s) => Err(E::custom(BAD_DATE)),
        e if e == CHRONO_INSTANT.as_bytes() && !is_plain_instant(s) => Err(E::custom(BAD_INSTANT)),
        _ => Ok(()),
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Whether `s` is exactly `YYYY-MM-DD`, a real calendar day, year [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn is_plain_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    let Ok(y) = i32::try_from(y) else {
        return false;
    };
    (MIN_YEAR..=MAX_YEAR).contains(&y) && chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// Whether `s` is `YYYY-MM-DDTHH:MM:SS`, optionally `.` and 1–9 digits, then `Z` or `±HH:MM`,
/// with a plain date, hours 00–23, minutes 00–59, seconds 00–59 (no leap second).
pub fn is_plain_instant(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || !s.get(..10).is_some_and(is_plain_date) || b[10] != b'T' {
        return false;
    }
    let t = &b[11..];
    if t.len() < 9 || t[2] != b':' || t[5] != b':' {
        return false;
    }
    let (Some(h), Some(mi), Some(sec)) = (digits(&t[0..2]), digits(&t[3..5]), digits(&t[6..8]))
    else {
        return false;
    };
    if h > 23 || mi > 59 || sec > 59 {
        return false;
    }
    let mut rest = &t[8..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return false;
        }
        rest = &rest[1 + n..];
    }
    match rest {
        [b'Z'] => true,
        [sign, oh1, oh2, b':', om1, om2] if *sign == b'+' || *sign == b'-' => {
            matches!((digits(&[*oh1, *oh2]), digits(&[*om1, *om2])), (Some(oh), Some(om)) if oh <= 23 && om <= 59)
        }
        _ => false,
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>)
    );

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        check_temporal::<V, E>(&self.v, s)?;
        self.v.visit_str(s)
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        check_temporal::<V, E>(&self.v, s)?;
        self.v.visit_borrowed_str(s)
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        check_temporal::<V, E>(&self.v, &s)?;
        self.v.visit_string(s)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.v.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.v.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.v.visit_some(Strict::new(d))
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.v.visit_newtype_struct(Strict::new(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if self.object_only {
            return Err(de::Error::custom(ARRAY_FOR_OBJECT));
        }
        self.v.visit_seq(Seq { seq, items: 0 })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.v.visit_map(Map {
            map,
            keys: HashSet::new(),
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.v.visit_enum(Enum(data))
    }
}

/// A seed whose value is read through the wrapper.
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;
    fn deserialize<D2: Deserializer<'de>>(self, d: D2) -> Result<S::Value, D2::Error> {
        self.0.deserialize(Strict::new(d))
    }
}

/// The items of an array, counted: beyond [`MAX_ARRAY_ITEMS`] the array is refused (before the
/// extra item is read).
struct Seq<A> {
    seq: A,
    items: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        if self.items == MAX_ARRAY_ITEMS {
            // One more item is an error; the end of the array is not.
            return match self.seq.next_element::<de::IgnoredAny>()? {
                None => Ok(None),
                Some(_) => Err(de::Error::custom(TOO_MANY_ITEMS)),
            };
        }
        self.items += 1;
        self.seq.next_element_seed(Seed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint().map(|n| n.min(MAX_ARRAY_ITEMS))
    }
}

struct Map<A> {
    map: A,
    keys: HashSet<String>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(KeySeed {
            seed,
            keys: &mut self.keys,
        })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// The seed of a map key: records the key's text and refuses a repeated one.
struct KeySeed<'k, S> {
    seed: S,
    keys: &'k mut HashSet<String>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, S> {
    type Value = S::Value;
    fn deserialize<D2: Deserializer<'de>>(self, d: D2) -> Result<S::Value, D2::Error> {
        self.seed.deserialize(KeyDe {
            de: d,
            keys: self.keys,
        })
    }
}

/// A key's deserializer: whatever the key is read as, its text is recorded first.
struct KeyDe<'k, D> {
    de: D,
    keys: &'k mut HashSet<String>,
}

macro_rules! forward_key_de {
    ($($m:ident),*) => {$(
        fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.de.$m(KeyVisitor { v, keys: self.keys })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDe<'_, D> {
    type Error = D::Error;

    forward_key_de!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_unit_struct(name, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_newtype_struct(name, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_tuple(len, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_tuple_struct(name, len, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_struct(name, fields, KeyVisitor { v, keys: self.keys })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_enum(name, variants, KeyVisitor { v, keys: self.keys })
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

struct KeyVisitor<'k, V> {
    v: V,
    keys: &'k mut HashSet<String>,
}

impl<V> KeyVisitor<'_, V> {
    fn record<E: de::Error>(&mut self, key: &str) -> Result<(), E> {
        if self.keys.contains(key) {
            return Err(E::custom(DUPLICATE_KEY));
        }
        self.keys.insert(key.to_owned());
        Ok(())
    }
}

macro_rules! forward_key_visit {
    ($($m:ident($t:ty)),*) => {$(
        fn $m<E: de::Error>(mut self, x: $t) -> Result<Self::Value, E> {
            self.record::<E>(&x.to_string())?;
            self.v.$m(x)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }

    forward_key_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char)
    );

    fn visit_str<E: de::Error>(mut self, s: &str) -> Result<Self::Value, E> {
        self.record::<E>(s)?;
        self.v.visit_str(s)
    }

    fn visit_borrowed_str<E: de::Error>(mut self, s: &'de str) -> Result<Self::Value, E> {
        self.record::<E>(s)?;
        self.v.visit_borrowed_str(s)
    }

    fn visit_string<E: de::Error>(mut self, s: String) -> Result<Self::Value, E> {
        self.record::<E>(&s)?;
        self.v.visit_string(s)
    }

    fn visit_bytes<E: de::Error>(mut self, b: &[u8]) -> Result<Self::Value, E> {
        self.record::<E>(&String::from_utf8_lossy(b))?;
        self.v.visit_bytes(b)
    }

    fn visit_borrowed_bytes<E: de::Error>(mut self, b: &'de [u8]) -> Result<Self::Value, E> {
        self.record::<E>(&String::from_utf8_lossy(b))?;
        self.v.visit_borrowed_bytes(b)
    }

    fn visit_byte_buf<E: de::Error>(mut self, b: Vec<u8>) -> Result<Self::Value, E> {
        self.record::<E>(&String::from_utf8_lossy(&b))?;
        self.v.visit_byte_buf(b)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.v.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.v.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.v.visit_some(KeyDe {
            de: d,
            keys: self.keys,
        })
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
        self.v.visit_newtype_struct(KeyDe {
            de: d,
            keys: self.keys,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.v.visit_seq(Seq { seq, items: 0 })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.v.visit_map(Map {
            map,
            keys: HashSet::new(),
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.v.visit_enum(KeyEnum {
            data,
            keys: self.keys,
        })
    }
}

/// An enum read as a map key (`{"health_status": …}` into a map keyed by a category).
struct KeyEnum<'k, A> {
    data: A,
    keys: &'k mut HashSet<String>,
}

impl<'de, 'k, A: EnumAccess<'de>> EnumAccess<'de> for KeyEnum<'k, A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;
    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.data.variant_seed(KeySeed {
            seed,
            keys: self.keys,
        })?;
        Ok((value, Variant(variant)))
    }
}

struct Enum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;
    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Seed(seed))?;
        Ok((value, Variant(variant)))
    }
}

struct Variant<A>(A);

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Variant<A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::any(v))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(
            fields,
            Wrap {
                v,
                object_only: true,
            },
        )
    }
}
