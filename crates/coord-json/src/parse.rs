//! Parsing JSON documents into core types, with errors that name the place and never repeat the
//! input.
//!
//! Every reader of coord goes through [`parse`] (text) or [`parse_bytes`] (bytes, checked for
//! UTF-8 first): a strict pass (see [`crate::strict`]: no arrays for objects, no duplicate keys,
//! plain ISO dates) without path tracking, and only when that fails a second pass with path
//! tracking to name the place. The error is a [`Problem`] whose message is built from the expected
//! shape alone: an unknown field is reported at its object with the allowed fields, a wrong value
//! by what was expected and what kind of value was found, never by the value or key itself.

use crate::envelope::Problem;
use crate::strict::Strict;
use coord_core::pointer::Pointer;
use serde::de::DeserializeOwned;

/// The longest message a problem from parsing carries (characters); longer ones are cut.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// Parse one JSON document: the single entry point of every reader (a fast path may try plain
/// serde first and call this on failure, but must then accept only what this accepts).
/// Malformed JSON is reported with line and column; a document of the wrong shape with the JSON
/// pointer of the offending place.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let fast = T::deserialize(Strict::new(&mut de)).and_then(|v| de.end().map(|()| v));
    match fast {
        Ok(v) => Ok(v),
        Err(_) => Err(problem_in::<T>(text)),
    }
}

/// The problem with `text` as a `T`, found by a second pass that tracks the path.
fn problem_in<T: DeserializeOwned>(text: &str) -> Problem {
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<T, _> = serde_path_to_error::deserialize(Strict::new(&mut de));
    match result {
        Err(e) => {
            let pointer = pointer_of(e.path());
            let well_formed = || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
            if e.inner().classify() == serde_json::error::Category::Syntax && well_formed() {
                // serde_json reports an enum given as a number, array or `true` as a syntax error;
                // the JSON is fine, its shape is not.
                return Problem::new(
                    "json.invalid",
                    "expected one of the allowed values (a string), found another kind of value",
                    pointer,
                );
            }
            problem_of(e.inner(), pointer)
        }
        Ok(_) => match de.end() {
            Err(e) => problem_of(&e, None),
            // The first pass failed, the second did not: cannot happen for the same text, but say so
            // rather than accept it.
            Ok(()) => Problem::new("json.invalid", "the document could not be read", None),
        },
    }
}

/// Parse bytes: checked for UTF-8 first (an invalid byte is reported by line and byte offset,
/// as invalid input), then as [`parse`].
pub fn parse_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    parse(utf8(bytes)?)
}

/// The bytes as text, or the problem naming where the first invalid byte is.
pub fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        Problem::new(
            "input.encoding",
            format!("the input is not valid UTF-8: invalid byte at line {line}, byte offset {at}"),
            None,
        )
    })
}

/// Parse a document nested under `prefix` (e.g. the `/case` of a call), so pointers are absolute.
pub fn parse_at<T: DeserializeOwned>(text: &str, prefix: &Pointer) -> Result<T, Problem> {
    parse(text).map_err(|mut p| {
        if let Some(ptr) = &p.pointer {
            p.pointer = Some(format!("{prefix}{ptr}"));
        }
        p
    })
}

/// Deserialize from an already parsed JSON value, strictly, with pointer errors.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(Strict::new(value)).map_err(|e| {
        let pointer = pointer_of(e.path());
        problem_of(e.inner(), pointer)
    })
}

/// A command-line value read as the JSON string form of `T` (a category name, a date), strictly;
/// the problem names what was expected, never the value.
pub fn from_flag<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    from_value(serde_json::Value::String(text.to_owned()))
}

fn pointer_of(path: &serde_path_to_error::Path) -> Option<String> {
    let mut p = Pointer::root();
    for seg in path.iter() {
        p = match seg {
            serde_path_to_error::Segment::Seq { index } => p.index(*index),
            serde_path_to_error::Segment::Map { key } => p.key(key),
            serde_path_to_error::Segment::Enum { variant } => p.key(variant),
            serde_path_to_error::Segment::Unknown => p,
        };
    }
    Some(p.to_string())
}

/// The parent of a pointer (`/a/b` → `/a`): where an unknown field's object is.
fn parent(pointer: Option<String>) -> Option<String> {
    pointer.map(|p| match p.rfind('/') {
        Some(i) => p[..i].to_owned(),
        None => String::new(),
    })
}

fn problem_of(e: &serde_json::Error, pointer: Option<String>) -> Problem {
    use serde_json::error::Category;
    let text = e.to_string();
    let problem = match e.classify() {
        Category::Syntax | Category::Eof => {
            // serde_json's syntax messages name the expected token and the line and column, never
            // the input's content.
            Problem::new("json.malformed", format!("not valid JSON: {text}"), None)
        }
        Category::Io => Problem::new("json.io", "the input could not be read", None),
        Category::Data => {
            let body = match text.rfind(" at line ") {
                Some(i) => &text[..i],
                None => text.as_str(),
            };
            let (message, pointer) = data_message(body, pointer);
            Problem::new("json.invalid", message, pointer)
        }
    };
    bounded(problem)
}

fn bounded(mut p: Problem) -> Problem {
    if p.message.chars().count() > MAX_MESSAGE_CHARS {
        p.message = p
            .message
            .chars()
            .take(MAX_MESSAGE_CHARS)
            .collect::<String>()
            + " …";
    }
    p
}

/// Sentences coord writes itself (strict reader, shape checks): passed through as they are.
const OWN_SENTENCES: &[&str] = &[
    crate::strict::ARRAY_FOR_OBJECT,
    crate::strict::DUPLICATE_KEY,
    crate::strict::TOO_MANY_ITEMS,
    crate::strict::BAD_DATE,
    crate::strict::BAD_INSTANT,
];

/// A serde data error as a sentence without the input's value, and the place it belongs to.
fn data_message(body: &str, pointer: Option<String>) -> (String, Option<String>) {
    if OWN_SENTENCES.contains(&body) {
        return (body.to_owned(), pointer);
    }
    if let Some(rest) = body.strip_prefix("unknown field `") {
        // The pointer ends in the unknown key: report the object instead.
        let allowed = rest
            .rfind("`, expected ")
            .map(|i| &rest[i + "`, expected ".len()..])
            .map(allowed_list);
        let message = match allowed {
            Some(list) => format!("unknown field (allowed: {list})"),
            None => "unknown field (this object takes no fields)".to_owned(),
        };
        return (message, parent(pointer));
    }
    if let Some(rest) = body.strip_prefix("unknown variant `") {
        let message = match rest.rfind("`, expected ") {
            Some(i) => format!(
                "unknown value (allowed: {})",
                allowed_list(&rest[i + "`, expected ".len()..])
            ),
            None => "unknown value (nothing is allowed here)".to_owned(),
        };
        return (message, pointer);
    }
    if let Some(field) = body
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return (format!("the required field `{field}` is missing"), pointer);
    }
    if let Some(field) = body
        .strip_prefix("duplicate field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return (format!("the field `{field}` is given twice"), pointer);
    }
    if let Some(rest) = body.strip_prefix("invalid type: ") {
        let found = kind_of(rest);
        let expected =
            after_expected(rest).map_or_else(|| "another kind of value".to_owned(), shape);
        return (format!("expected {expected}, found {found}"), pointer);
    }
    if let Some(rest) = body.strip_prefix("invalid value: ") {
        let expected = after_expected(rest).map_or_else(|| "another value".to_owned(), shape);
        return (
            format!("the value is not allowed here: expected {expected}"),
            pointer,
        );
    }
    if let Some(rest) = body.strip_prefix("invalid length ") {
        let expected = after_expected(rest).map_or_else(|| "another length".to_owned(), shape);
        return (
            format!("wrong number of elements: expected {expected}"),
            pointer,
        );
    }
    if body.starts_with("data did not match any variant") {
        return (
            "the value matches none of the allowed forms".to_owned(),
            pointer,
        );
    }
    if body.starts_with("input ")
        || body.starts_with("premature end")
        || body.starts_with("trailing input")
        || body.starts_with("no possible date")
    {
        // chrono's parse errors (the strict reader catches most before chrono sees them).
        return (
            "expected a date or date and time in ISO form".to_owned(),
            pointer,
        );
    }
    // Another message (a core type's own check): keep its words, but not anything quoted, which
    // could be the input.
    (without_quoted(body), pointer)
}

/// `expected …` at the end of a serde message (the expected part names our types, never input).
fn after_expected(rest: &str) -> Option<&str> {
    rest.rfind(", expected ")
        .map(|i| &rest[i + ", expected ".len()..])
}

/// The kind of the value serde found, from its "unexpected" description (the value dropped).
fn kind_of(unexpected: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        ("boolean", "true or false"),
        ("integer", "a number"),
        ("floating point", "a number"),
        ("string", "a string"),
        ("character", "a string"),
        ("sequence", "an array"),
        ("map", "an object"),
        ("null", "null"),
        ("unit", "null"),
        ("Option", "null"),
    ];
    KINDS
        .iter()
        .find(|(k, _)| unexpected.starts_with(k))
        .map_or("another kind of value", |(_, s)| s)
}

/// serde's expected shape in words an integrator reads (no Rust type names).
fn shape(expected: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("a formatted date string", "a date YYYY-MM-DD"),
        (
            "an RFC 3339 formatted date and time string",
            "a date and time like 2025-03-01T10:00:00+01:00",
        ),
        ("a sequence", "an array"),
        ("a map", "an object"),
        ("a string", "a string"),
        ("a boolean", "true or false"),
        ("u8", "a whole number 0–255"),
        ("u16", "a whole number 0–65535"),
        ("u32", "a whole number 0–4294967295"),
        ("u64", "a whole number of at least 0"),
        ("usize", "a whole number of at least 0"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f64", "a number"),
        ("f32", "a number"),
    ];
    if let Some((_, w)) = WORDS.iter().find(|(k, _)| *k == expected) {
        return (*w).to_owned();
    }
    if expected.starts_with("struct ") || expected.starts_with("internally tagged enum") {
        return "an object".to_owned();
    }
    if expected.starts_with("enum ") || expected.starts_with("variant identifier") {
        return "one of the allowed values".to_owned();
    }
    if expected.starts_with("tuple struct ") {
        return "an array".to_owned();
    }
    if expected.starts_with("adjacently tagged") || expected.starts_with("untagged") {
        return "one of the allowed forms".to_owned();
    }
    without_quoted(&without_type_names(expected))
}

/// serde's list of alternatives (`` `a`, `b`, or `c` ``, "one of …") as `a, b, c`.
fn allowed_list(expected: &str) -> String {
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    list.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words of coord's own languages a message may quote (they are never citizen data).
const KEYWORDS: &[&str] = &[
    "all",
    "any",
    "not",
    "fact",
    "eq",
    "ne",
    "lt",
    "lte",
    "gt",
    "gte",
    "in",
    "not_in",
    "contains",
    "contains_any",
    "known",
    "value",
    "answers",
];

/// A message with every quoted part (`` `…` ``, `"…"`) replaced by `…`, unless it is one of the
/// [`KEYWORDS`].
fn without_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS));
    let mut quote: Option<char> = None;
    let mut word = String::new();
    for c in message.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                if KEYWORDS.contains(&word.as_str()) {
                    out.push('`');
                    out.push_str(&word);
                    out.push('`');
                } else {
                    out.push('…');
                }
            }
            Some(_) => word.push(c),
            None if c == '`' || c == '"' => {
                quote = Some(c);
                word.clear();
                continue;
            }
            None => out.push(c),
        }
    }
    out
}

/// serde names Rust types ("expected struct CaseFile"); a caseworker's system should not show
/// them, so say what shape was expected instead.
fn without_type_names(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("struct ").or_else(|| rest.find("enum ")) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let is_struct = after.starts_with("struct ");
        let skip = if is_struct {
            "struct ".len()
        } else {
            "enum ".len()
        };
        let name_len = after[skip..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len() - skip);
        out.push_str(if is_struct {
            "an object"
        } else {
            "one of the allowed values"
        });
        rest = &after[skip + name_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use coord_core::case_file::CaseFile;

    #[test]
    fn unknown_field_is_named_by_pointer() {
        let text = r#"{"id":"c","citizen":{"id":"x","name":"n"},"actors":[],"consents":[{"id":"k","bogus":1}]}"#;
        let err = parse::<CaseFile>(text).unwrap_err();
        assert_eq!(err.code, "json.invalid");
        assert!(!err.message.contains("bogus"), "{}", err.message);
        assert!(
            err.message.starts_with("unknown field (allowed: id, "),
            "{}",
            err.message
        );
        assert_eq!(err.pointer.as_deref(), Some("/consents/0"));
    }

    #[test]
    fn an_array_beyond_the_item_limit_is_refused_at_the_array() {
        use crate::strict::{MAX_ARRAY_ITEMS, TOO_MANY_ITEMS};
        assert!(TOO_MANY_ITEMS.contains(&MAX_ARRAY_ITEMS.to_string()));
        let dates = |n: usize| vec!["2025-03-01"; n].join("\",\"");
        let at_limit = format!(r#"{{"local_closing_days":["{}"]}}"#, dates(MAX_ARRAY_ITEMS));
        let calendar: coord_core::calendar::WorkingCalendar = parse(&at_limit).unwrap();
        assert_eq!(calendar.local_closing_days.len(), MAX_ARRAY_ITEMS);
        let beyond = format!(
            r#"{{"local_closing_days":["{}"]}}"#,
            dates(MAX_ARRAY_ITEMS + 1)
        );
        let err = parse::<coord_core::calendar::WorkingCalendar>(&beyond).unwrap_err();
        assert_eq!(err.message, TOO_MANY_ITEMS);
        assert_eq!(err.pointer.as_deref(), Some("/local_closing_days"));
        assert!(!err.message.contains("2025"));
    }

    /// Found by the AFL++ fuzzer (fuzz/, target `calls`): a multi-byte character across the
    /// tenth byte of a date and time panicked the check (a string sliced off a char boundary).
    #[test]
    fn a_multibyte_character_in_a_date_and_time_is_refused_not_a_panic() {
        for s in [
            "2025-03-0\u{32b}10:00:00+01:00",
            "2025-03-\u{e9}T10:00:00+01:00",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
        ] {
            assert!(!crate::strict::is_plain_instant(s));
            assert!(!crate::strict::is_plain_date(s));
        }
    }

    #[test]
    fn messages_name_shapes_not_rust_types() {
        let err = parse::<CaseFile>(r#"{"id":"c","citizen":1}"#).unwrap_err();
        assert_eq!(err.message, "expected an object, found a number");
        assert_eq!(err.pointer.as_deref(), Some("/citizen"));
    }

    #[test]
    fn malformed_json_gives_line_and_column() {
        let err = parse::<CaseFile>("{\n  \"id\": ").unwrap_err();
        assert_eq!(err.code, "json.malformed");
        assert!(err.message.contains("line 2"), "{}", err.message);
    }

    #[test]
    fn invalid_date_is_named_by_pointer() {
        let text = r#"{"id":"c","citizen":{"id":"x","name":"n"},"consents":[{"id":"k","citizen":"x","given_at":"2025-13-01T00:00:00Z"}]}"#;
        let err = parse::<CaseFile>(text).unwrap_err();
        assert_eq!(err.pointer.as_deref(), Some("/consents/0/given_at"));
    }
}
