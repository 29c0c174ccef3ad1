//! Turning the core's errors into wire [`Problem`]s: code, message, pointer. No decisions here.

use crate::envelope::Problem;
use coord_core::check::CaseFileError;
use coord_core::consent::{ConsentError, RequestError};
use coord_core::pointer::Pointer;

/// A core error that knows its stable code and its place.
pub trait CoreProblem: std::fmt::Display {
    /// The stable code.
    fn code(&self) -> &'static str;
    /// Where in the input.
    fn pointer(&self) -> &Pointer;
}

macro_rules! core_problem {
    ($($t:ty),*) => {$(
        impl CoreProblem for $t {
            fn code(&self) -> &'static str { <$t>::code(self) }
            fn pointer(&self) -> &Pointer { <$t>::pointer(self) }
        }
    )*};
}
core_problem!(CaseFileError, ConsentError, RequestError);
core_problem!(
    coord_core::team::TeamError,
    coord_core::referral::ReferralError,
    coord_core::referral::TransitionError,
    coord_core::offers::OfferError,
    coord_core::attendance::AttendanceError,
    coord_core::reference::ReferenceError,
    coord_core::plan::PlanError,
    coord_core::plan::ProgressError,
    coord_core::instruments::ScoreError,
    coord_core::instruments::InstrumentDefinitionError,
    coord_core::limits::LimitError
);

/// A core error as a problem, its pointer placed under `prefix` (the part of the call it came from).
pub fn problem<E: CoreProblem>(e: &E, prefix: &Pointer) -> Problem {
    // The place is a field of the error, relative to its own document; say it absolutely. The
    // message is the core's, unchanged (it never starts with the place).
    let absolute = format!("{prefix}{}", e.pointer());
    Problem::new(e.code(), bounded(&e.to_string()), Some(absolute))
}

/// A message cut to [`MAX_MESSAGE_CHARS`] (the core's messages name no input value; see
/// `tests/hostile.rs`).
pub fn bounded(message: &str) -> String {
    if message.chars().count() <= MAX_MESSAGE_CHARS {
        return message.to_owned();
    }
    message.chars().take(MAX_MESSAGE_CHARS).collect::<String>() + " …"
}

/// The longest message a problem carries (characters); longer ones are cut.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// A message as it may leave coord: every quoted part (`` `…` `` or `"…"`) kept only when it is a
/// short lower-case word of coord's or a pack's vocabulary (`health_status`, `events_held`: a
/// letter, then letters, digits, `_`, `-` or `.`, at most 40 characters), otherwise replaced by
/// `…`; the whole cut to [`MAX_MESSAGE_CHARS`]. The core's own messages name no input value; this is
/// the second line of defence, and what keeps rule-pack findings from quoting a pack's values
/// (ids with capitals or digits first, free text, dates, numbers).
pub fn redact(message: &str) -> String {
    fn vocabulary(word: &str) -> bool {
        let mut chars = word.chars();
        word.len() <= 40
            && chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '.')
            })
    }
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS + 4));
    let mut quote: Option<char> = None;
    let mut word = String::new();
    let mut count = 0usize;
    for c in message.chars() {
        if count >= MAX_MESSAGE_CHARS {
            out.push_str(" …");
            return out;
        }
        match quote {
            Some(q) if c == q => {
                quote = None;
                if vocabulary(&word) {
                    out.push(q);
                    out.push_str(&word);
                    out.push(q);
                    count += word.chars().count() + 2;
                } else {
                    out.push('…');
                    count += 1;
                }
            }
            Some(_) => {
                if word.len() <= 64 {
                    word.push(c);
                }
            }
            None if c == '`' || c == '"' => {
                quote = Some(c);
                word.clear();
            }
            None => {
                out.push(c);
                count += 1;
            }
        }
    }
    if quote.is_some() {
        out.push('…');
    }
    out
}

/// Many core errors as problems under `prefix`.
pub fn problems<E: CoreProblem>(errors: &[E], prefix: &Pointer) -> Vec<Problem> {
    errors.iter().map(|e| problem(e, prefix)).collect()
}
