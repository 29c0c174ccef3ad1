use super::*;
use coord_core::case_file::CaseFile;
use coord_core::consent::AccessRequest;

const REQUEST: &str = r#""requester":"boss","citizen":"c","case":"k","holder":"gp","categories":["health_status"],"action":"disclose","purpose":"refund","at":"2025-03-01T10:00:00+01:00""#;

#[test]
fn the_id_is_taken_off_a_call_line_wherever_it_stands() {
    for line in [
        format!(r#"{{"id":"a-1",{REQUEST}}}"#),
        format!(r#"{{{REQUEST},"id":"a-1"}}"#),
        format!(
            r#"{{"requester":"boss", "id" : "a-1" ,{}}}"#,
            &REQUEST[19..]
        ),
    ] {
        let (id, parsed) = parse_line::<AccessRequest>(&line, IdField::Strip);
        assert_eq!(id.as_deref(), Some("a-1"), "{line}");
        assert!(parsed.is_ok(), "{line}: {parsed:?}");
    }
    let (id, parsed) = parse_line::<AccessRequest>(&format!("{{{REQUEST}}}"), IdField::Strip);
    assert_eq!(id, None);
    assert!(parsed.is_ok());
}

#[test]
fn a_failing_line_gets_the_whole_document_error_and_keeps_its_id() {
    let bad = format!(r#"{{"id":"a-2",{REQUEST},"bogus":1}}"#);
    let (id, parsed) = parse_line::<AccessRequest>(&bad, IdField::Strip);
    assert_eq!(id.as_deref(), Some("a-2"));
    let without_id = format!(r#"{{{REQUEST},"bogus":1}}"#);
    assert_eq!(
        parsed.unwrap_err(),
        crate::parse::parse::<AccessRequest>(&without_id).unwrap_err()
    );
    // Same line and column for malformed JSON: the id is blanked, not removed.
    let broken = format!(r#"{{"id":"a-3",{REQUEST},"#);
    let (id, parsed) = parse_line::<AccessRequest>(&broken, IdField::Strip);
    assert_eq!(id.as_deref(), Some("a-3"), "the id stands before the break");
    let e = parsed.unwrap_err();
    assert_eq!(e.code, "json.malformed");
    assert_eq!(
        e,
        crate::parse::parse::<AccessRequest>(&broken.replacen(r#""id":"a-3","#, "           ", 1))
            .unwrap_err()
    );
    let wrong_type = format!(
        r#"{{"id":"a-4",{},"action":"fly"}}"#,
        &REQUEST[..REQUEST.find(r#","action""#).unwrap()]
    );
    let (id, parsed) = parse_line::<AccessRequest>(&wrong_type, IdField::Strip);
    assert_eq!(id.as_deref(), Some("a-4"));
    let e = parsed.unwrap_err();
    assert_eq!(e.pointer.as_deref(), Some("/action"), "{e:?}");
}

#[test]
fn a_bad_id_is_named_and_never_repeated() {
    let long = "x".repeat(MAX_LINE_ID + 1);
    for id in [format!("\"{long}\""), "17".to_owned(), "null".to_owned()] {
        let line = format!(r#"{{"id":{id},{REQUEST}}}"#);
        let (got, parsed) = parse_line::<AccessRequest>(&line, IdField::Strip);
        assert_eq!(got, None);
        let e = parsed.unwrap_err();
        assert_eq!(e.code, "ndjson.id");
        assert_eq!(e.pointer.as_deref(), Some("/id"));
        assert!(!e.message.contains(&long));
    }
}

#[test]
fn a_case_file_line_keeps_its_id_and_echoes_it() {
    let line = r#"{"id":"case-9","citizen":{"id":"c","name":"n"}}"#;
    let (id, parsed) = parse_line::<CaseFile>(line, IdField::Peek);
    assert_eq!(id.as_deref(), Some("case-9"));
    assert_eq!(parsed.unwrap().id.as_str(), "case-9");
    let bad = r#"{"id":"case-9","citizen":{"id":"c","name":"n"},"bogus":[1,{"a":"}"}]}"#;
    let (id, parsed) = parse_line::<CaseFile>(bad, IdField::Peek);
    assert_eq!(id.as_deref(), Some("case-9"));
    assert_eq!(
        parsed.unwrap_err(),
        crate::parse::parse::<CaseFile>(bad).unwrap_err()
    );
}

#[test]
fn escaped_keys_and_nested_ids_are_handled() {
    // A nested `id` is not the line's; an escaped key is still a key.
    let line = r#"{"citizen":{"id":"c","name":"n"},"\u0069d":"case-1"}"#;
    let (id, parsed) = parse_line::<CaseFile>(line, IdField::Peek);
    assert_eq!(id.as_deref(), Some("case-1"));
    assert!(parsed.is_ok());
}
