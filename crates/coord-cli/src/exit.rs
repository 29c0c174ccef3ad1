//! Exit codes, documented in `coord --help` and README.md.

use std::process::ExitCode;

/// What a run of `coord` ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: the command ran and the answer is yes (permit, valid, no findings).
    Success,
    /// 1: the command ran and the answer is no: a category denied, a consent invalid, findings
    /// that need attention, an invariant violated.
    Negative,
    /// 2: the command line was wrong (unknown flag, missing argument). clap exits with 2 itself.
    Usage,
    /// 3: the input was invalid (malformed JSON, unknown field, dangling reference …); nothing was
    /// decided and no file was written.
    InvalidInput,
    /// 4: a file could not be read or written.
    Io,
    /// 5: no rule pack is in force on the date: the answer holds everything that does not depend
    /// on law (team, consents, referrals, plan, progression, offers), with a banner; the
    /// coordination level and legal deadlines were not assessed.
    NoLaw,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Success => 0,
            Outcome::Negative => 1,
            Outcome::Usage => 2,
            Outcome::InvalidInput => 3,
            Outcome::Io => 4,
            Outcome::NoLaw => 5,
        })
    }
}

/// The exit-code table, for `--help`.
pub const EXIT_CODES_HELP: &str = "Exit codes:
  0  success: permitted, valid, nothing to act on
  1  the answer is no: a category denied, a consent invalid, findings to act on
  2  usage error: wrong command line
  3  invalid input: malformed JSON, unknown field, dangling reference … (nothing written)
  4  a file could not be read or written
  5  no rule pack in force on the date: law-independent parts only, level and legal deadlines not assessed";
