//! # coord-json
//!
//! JSON in, JSON out around [`coord_core`], with no domain logic: parse, call the core, wrap the
//! answer in a versioned, tagged [`envelope::Answer`].
//!
//! - [`calls`]: one typed call and answer per operation, and `call_json` to run one from text.
//! - [`envelope`]: the success / failure envelope and [`envelope::Problem`] (code, message,
//!   JSON pointer, NDJSON line).
//! - [`parse`]: parsing with errors that name the place.
//! - [`ndjson`]: streaming, one answer line per input line.
//! - [`schema`]: the JSON Schemas committed under `docs/schemas/`.
//! - [`builtin`]: the reference data coord ships; [`reference`](mod@reference): replacing parts of it.
//!
//! ```
//! use coord_json::calls::{call_json, consent::access_check};
//! let call = r#"{ "case": { "id": "k", "citizen": { "id": "c", "name": "Jens" },
//!   "actors": [ { "id": "boss", "name": "Employer", "kind": "organisation", "sector": "employer", "role": "employer_contact" },
//!               { "id": "gp", "name": "GP", "kind": "person", "sector": "general_practice", "role": "physician" } ] },
//!   "request": { "requester": "boss", "citizen": "c", "case": "k", "holder": "gp",
//!                "categories": ["health_status"], "action": "disclose", "purpose": "refund",
//!                "at": "2025-03-01T10:00:00+01:00" } }"#;
//! let answer = call_json(call, access_check);
//! let json = serde_json::to_value(&answer).unwrap();
//! assert_eq!(json["status"], "success");
//! assert_eq!(json["result"]["outcomes"][0]["decision"], "deny");
//! assert_eq!(json["result"]["outcomes"][0]["reason"]["kind"], "forbidden");
//! ```
#![forbid(unsafe_code)]

pub mod builtin;
pub mod calls;
pub mod demo;
pub mod envelope;
pub mod line_parse;
pub mod ndjson;
pub mod parse;
pub mod problems;
pub mod reference;
pub mod schema;
pub mod shared;
pub mod strict;
