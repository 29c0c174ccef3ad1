//! The versioned, tagged envelope every answer travels in.
//!
//! ```json
//! { "version": "coord/v1", "status": "success", "result": { … }, "warnings": [] }
//! { "version": "coord/v1", "status": "failure", "errors": [ { "code": "case_file.unknown_actor", "message": "…", "pointer": "/consents/0/recorded_by" } ], "warnings": [] }
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The wire version of every call and answer.
pub const API_VERSION: &str = "coord/v1";

/// One error or warning: a stable code, a sentence, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// A stable, dotted code a program can match on (e.g. `json.malformed`, `consent.blanket`).
    pub code: String,
    /// A sentence a caseworker's system could show.
    pub message: String,
    /// Where in the input document (a JSON pointer), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// Which line of an NDJSON stream (1-based), when the input was a stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl Problem {
    /// A problem with a code, a message and an optional pointer.
    pub fn new(
        code: impl Into<String>,
        message: impl Into<String>,
        pointer: Option<String>,
    ) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            pointer,
            line: None,
        }
    }

    /// The same problem, placed on an NDJSON line.
    #[must_use]
    pub fn on_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }
}

/// The answer to any call: success with a result, or failure with errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Answer<T> {
    /// The call succeeded.
    Success {
        /// Always [`API_VERSION`].
        version: String,
        /// The result.
        result: T,
        /// Things worth knowing that did not stop the call.
        #[serde(default)]
        warnings: Vec<Problem>,
    },
    /// The call failed; nothing was decided.
    Failure {
        /// Always [`API_VERSION`].
        version: String,
        /// Why, each with a code and a place.
        errors: Vec<Problem>,
        /// Things worth knowing besides.
        #[serde(default)]
        warnings: Vec<Problem>,
    },
}

impl<T> Answer<T> {
    /// A success without warnings.
    pub fn success(result: T) -> Self {
        Answer::Success {
            version: API_VERSION.to_owned(),
            result,
            warnings: Vec::new(),
        }
    }

    /// A failure.
    pub fn failure(errors: Vec<Problem>) -> Self {
        Answer::Failure {
            version: API_VERSION.to_owned(),
            errors,
            warnings: Vec::new(),
        }
    }

    /// Turn a `Result` into an answer.
    pub fn from_result(result: Result<T, Vec<Problem>>) -> Self {
        match result {
            Ok(r) => Answer::success(r),
            Err(e) => Answer::failure(e),
        }
    }

    /// The result, or the errors (for one call built from others).
    pub fn into_result(self) -> Result<T, Vec<Problem>> {
        match self {
            Answer::Success { result, .. } => Ok(result),
            Answer::Failure { errors, .. } => Err(errors),
        }
    }

    /// The result, if the call succeeded.
    pub fn result(&self) -> Option<&T> {
        match self {
            Answer::Success { result, .. } => Some(result),
            Answer::Failure { .. } => None,
        }
    }

    /// The errors (empty on success).
    pub fn errors(&self) -> &[Problem] {
        match self {
            Answer::Success { .. } => &[],
            Answer::Failure { errors, .. } => errors,
        }
    }

    /// Place every error on an NDJSON line.
    #[must_use]
    pub fn on_line(self, line: u64) -> Self {
        match self {
            Answer::Failure {
                version,
                errors,
                warnings,
            } => Answer::Failure {
                version,
                errors: errors.into_iter().map(|e| e.on_line(line)).collect(),
                warnings,
            },
            success => success,
        }
    }
}
