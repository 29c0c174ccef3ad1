//! Parsing JSON documents into core types, with errors that name the place.

use crate::envelope::Problem;
use coord_core::pointer::Pointer;
use serde::de::DeserializeOwned;

/// Parse one JSON document. Malformed JSON is reported with line and column; a document of the
/// wrong shape (an unknown field, an invalid date, a missing field) with the JSON pointer of the
/// offending place.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let pointer = pointer_of(e.path());
        let inner = e.into_inner();
        problem_of(&inner, pointer)
    })?;
    de.end().map_err(|e| problem_of(&e, None))?;
    Ok(value)
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

/// Deserialize from an already parsed JSON value, with pointer errors.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let pointer = pointer_of(e.path());
        let inner = e.into_inner();
        problem_of(&inner, pointer)
    })
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

fn problem_of(e: &serde_json::Error, pointer: Option<String>) -> Problem {
    use serde_json::error::Category;
    let (code, what) = match e.classify() {
        Category::Syntax | Category::Eof => ("json.malformed", "malformed JSON"),
        Category::Data => ("json.invalid", "invalid value"),
        Category::Io => ("json.io", "could not read the input"),
    };
    // serde's messages name the expected shape; strip its " at line L column C" for data errors,
    // where the pointer says where.
    let text = e.to_string();
    let message = match (e.classify(), text.rfind(" at line ")) {
        (Category::Data, Some(i)) => format!("{what}: {}", without_type_names(&text[..i])),
        _ => format!("{what}: {text}"),
    };
    let pointer = match e.classify() {
        Category::Data => pointer,
        _ => None,
    };
    Problem::new(code, message, pointer)
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
        assert!(err.message.contains("bogus"), "{}", err.message);
        assert_eq!(err.pointer.as_deref(), Some("/consents/0/bogus"));
    }

    #[test]
    fn messages_name_shapes_not_rust_types() {
        let err = parse::<CaseFile>(r#"{"id":"c","citizen":1}"#).unwrap_err();
        assert_eq!(
            err.message,
            "invalid value: invalid type: integer `1`, expected an object"
        );
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
