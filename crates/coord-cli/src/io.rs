//! Reading inputs and writing outputs. Output files are written whole or not at all.

use crate::exit::Outcome;
use coord_json::envelope::Problem;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// A failure that ends the command, with its exit code.
#[derive(Debug)]
pub struct Failure {
    /// The exit code.
    pub outcome: Outcome,
    /// What to tell the user (problems with places).
    pub problems: Vec<Problem>,
    /// Which file the problems are in, if any.
    pub file: Option<PathBuf>,
    /// Per problem, the file it is in when the problems come from several files (see
    /// [`Failure::placed`]); empty otherwise.
    pub files: Vec<Option<PathBuf>>,
}

impl Failure {
    /// Invalid input in `file`.
    pub fn invalid(problems: Vec<Problem>, file: Option<&Path>) -> Self {
        Self {
            outcome: Outcome::InvalidInput,
            problems,
            file: file.map(Path::to_path_buf),
            files: Vec::new(),
        }
    }

    /// Invalid input from a call assembled from several files: a problem whose pointer starts
    /// with one of `places`' prefixes (`/case`, `/pack`, …) is reported against that file, its
    /// pointer relative to the file.
    pub fn placed(problems: Vec<Problem>, places: &[(&str, Option<&Path>)]) -> Self {
        let mut files = Vec::with_capacity(problems.len());
        let problems = problems
            .into_iter()
            .map(|mut p| {
                let mut file = None;
                if let Some(ptr) = p.pointer.clone() {
                    for (prefix, path) in places {
                        let Some(path) = path else { continue };
                        let rest = ptr.strip_prefix(prefix);
                        if let Some(rest) = rest.filter(|r| r.is_empty() || r.starts_with('/')) {
                            p.pointer = Some(rest.to_owned());
                            file = Some(path.to_path_buf());
                            break;
                        }
                    }
                }
                files.push(file);
                p
            })
            .collect();
        Self {
            outcome: Outcome::InvalidInput,
            problems,
            file: None,
            files,
        }
    }

    /// The problems at `from` placed at `to` instead (a count given as an argument or a flag).
    pub fn renamed(mut self, from: &str, to: &str) -> Self {
        for p in &mut self.problems {
            if p.pointer.as_deref() == Some(from) {
                p.pointer = Some(to.to_owned());
            }
        }
        self
    }

    /// A file that could not be read or written.
    pub fn io(path: &Path, e: &std::io::Error) -> Self {
        Self {
            outcome: Outcome::Io,
            problems: vec![Problem::new("io", format!("{}: {e}", path.display()), None)],
            file: None,
            files: Vec::new(),
        }
    }
}

/// The default input-size limit: 64 MiB per document (and per NDJSON line).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The input-size limit: `COORD_MAX_INPUT_BYTES` when set to a number, else
/// [`DEFAULT_MAX_INPUT_BYTES`]. A document larger than this is refused before it is parsed, so
/// memory stays a small multiple of the limit.
pub fn max_input_bytes() -> u64 {
    std::env::var("COORD_MAX_INPUT_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_MAX_INPUT_BYTES)
}

/// Read a whole file, or standard input for `-`, as bytes, refusing more than
/// [`max_input_bytes`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let limit = max_input_bytes();
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| Failure::io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(Failure::invalid(
            vec![Problem::new(
                "input.too_large",
                format!(
                    "the input is larger than the limit of {limit} bytes (set COORD_MAX_INPUT_BYTES to change it)"
                ),
                None,
            )],
            Some(path),
        ));
    }
    Ok(bytes)
}

/// Read a whole file, or standard input for `-`, as UTF-8 text (an invalid byte is invalid input,
/// exit 3, with its line and byte offset).
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let problem = coord_json::parse::utf8(e.as_bytes())
            .err()
            .unwrap_or_else(|| {
                Problem::new("input.encoding", "the input is not valid UTF-8", None)
            });
        Failure::invalid(vec![problem], Some(path))
    })
}

/// Parse a JSON file into `T`, naming the file in errors.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Failure> {
    let text = read_text(path)?;
    coord_json::parse::parse(&text).map_err(|p| Failure::invalid(vec![p], Some(path)))
}

/// Write `contents` to `path` whole (see [`write_all_atomically`]).
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    write_all_atomically(&[(path, contents)])
}

/// Refuse a target that exists and is not a regular file (a symlink, a device, a directory, a
/// pipe): it is never followed nor replaced.
fn check_target(path: &Path) -> Result<Option<std::fs::Permissions>, Failure> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(Some(m.permissions())),
        Ok(_) => Err(Failure {
            outcome: Outcome::Io,
            problems: vec![Problem::new(
                "io.not_a_regular_file",
                format!(
                    "{}: exists and is not a regular file (a link, device or directory); coord does not replace it",
                    path.display()
                ),
                None,
            )],
            file: None,
            files: Vec::new(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::io(path, &e)),
    }
}

fn dir_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Write several files, all or none: each to a temporary file created exclusively with an
/// unpredictable name in its target's directory (`tempfile`: `O_EXCL`, mode 0600, never through
/// a symlink), given the existing target's permissions, written and synced; only when every one
/// is written are they renamed into place, each target checked again to be absent or a regular
/// file, and the directories synced. A failure before the renames leaves no file behind (the
/// temporary files are removed).
pub fn write_all_atomically(files: &[(&Path, &[u8])]) -> Result<(), Failure> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, contents) in files {
        let permissions = check_target(path)?;
        let dir = dir_of(path);
        let mut tmp = tempfile::Builder::new()
            .prefix(".coord-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| Failure::io(path, &e))?;
        let written = (|| {
            if let Some(p) = permissions {
                tmp.as_file().set_permissions(p)?;
            }
            tmp.write_all(contents)?;
            tmp.as_file().sync_all()
        })();
        written.map_err(|e| Failure::io(path, &e))?;
        staged.push((*path, tmp));
    }
    for (path, tmp) in staged {
        check_target(path)?;
        tmp.persist(path).map_err(|e| Failure::io(path, &e.error))?;
        if let Ok(d) = std::fs::File::open(dir_of(path)) {
            d.sync_all().map_err(|e| Failure::io(path, &e))?;
        }
    }
    Ok(())
}

/// Print to standard output. A closed pipe (`coord … | head`) ends quietly (exit 0); any other
/// failure to write (a full disk, an I/O error) is told on standard error and exits 4: an answer
/// that did not arrive is not a success.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        stdout_failed(&e);
    }
}

/// End the process after a failed write to standard output (see [`print()`]).
pub fn stdout_failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let _ = writeln!(
        std::io::stderr().lock(),
        "error: standard output could not be written: {e} [io]"
    );
    std::process::exit(4);
}

/// Whether the command line asks for JSON output (`--format json`): then a failure is written
/// as the JSON failure envelope on standard output, as `coord call` does.
pub fn wants_json() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .any(|w| w[0] == "--format" && w[1] == "json")
        || args.iter().any(|a| a == "--format=json")
}

/// Tell a failure: as the JSON failure envelope on standard output when `--format json` was asked
/// for, else as text on standard error.
pub fn report(f: &Failure) {
    if wants_json() {
        let mut problems = f.problems.clone();
        for (i, p) in problems.iter_mut().enumerate() {
            let file = f.files.get(i).and_then(Option::as_ref).or(f.file.as_ref());
            if let Some(file) = file {
                p.message = format!("{}: {}", file.display(), p.message);
            }
        }
        let answer = coord_json::envelope::Answer::<()>::failure(problems);
        let text = serde_json::to_string_pretty(&answer).unwrap_or_default();
        print(&format!("{text}\n"));
    } else {
        report_failure(f);
    }
}

/// Print problems to standard error, one line each: `file: pointer: message [code]`.
pub fn report_failure(f: &Failure) {
    let mut err = std::io::stderr().lock();
    for (i, p) in f.problems.iter().enumerate() {
        let mut place = String::new();
        let file = f.files.get(i).and_then(Option::as_ref).or(f.file.as_ref());
        if let Some(file) = file {
            place.push_str(&file.display().to_string());
            if let Some(line) = p.line {
                place.push_str(&format!(":{line}"));
            }
            place.push_str(": ");
        } else if let Some(line) = p.line {
            place.push_str(&format!("line {line}: "));
        }
        if let Some(ptr) = p.pointer.as_deref().filter(|s| !s.is_empty()) {
            place.push_str(&format!("{ptr}: "));
        }
        let _ = writeln!(err, "error: {place}{} [{}]", p.message, p.code);
    }
}

/// An append-only, hash-chained audit log (NDJSON of
/// [`AuditRecord`](coord_json::calls::audit::AuditRecord)s), opened when `--audit-log FILE` is
/// given. Entries are kept in memory until [`AuditLog::commit`] writes them in one append, flushes
/// and syncs; a failed append is cut back to the log's previous length, so no half line is left.
/// After a failure the log refuses every later commit, so nothing decided after it is released.
pub struct AuditLog {
    path: PathBuf,
    file: std::fs::File,
    head: coord_json::calls::audit::ChainHead,
    pending: Vec<u8>,
    failed: bool,
}

impl AuditLog {
    /// Open `path` for appending (created if missing). An existing log whose chain is broken is
    /// not appended to.
    pub fn open(path: &Path) -> Result<Self, Failure> {
        // A regular file is read to find the chain's head; a pipe or device (a logger) is only
        // written to, its chain starting afresh.
        let regular = std::fs::metadata(path).map(|m| m.is_file());
        let existing = match regular {
            Ok(true) => std::fs::read(path).map_err(|e| Failure::io(path, &e))?,
            Ok(false) => Vec::new(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Failure::io(path, &e)),
        };
        let text = String::from_utf8(existing).map_err(|_| {
            Failure::invalid(vec![coord_json::calls::audit::not_text()], Some(path))
        })?;
        let check = coord_json::calls::audit::verify_log(&text);
        if let Some(line) = check.first_broken_line {
            return Err(Failure {
                outcome: Outcome::Io,
                problems: vec![Problem::new(
                    "audit.broken_chain",
                    format!(
                        "{}: the audit log's chain is broken at line {line}; coord does not append to it (see `coord audit verify`)",
                        path.display()
                    ),
                    None,
                )],
                file: None,
                files: Vec::new(),
            });
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| Failure::io(path, &e))?;
        Ok(Self {
            path: path.to_path_buf(),
            file,
            head: check.head,
            pending: Vec::new(),
            failed: false,
        })
    }

    /// Add one entry to the chain (in memory until [`AuditLog::commit`]).
    pub fn append(&mut self, entry: &coord_core::consent::AuditEntry) {
        let (line, head) = coord_json::calls::audit::chain_line(&self.head, entry);
        self.pending.extend_from_slice(line.as_bytes());
        self.pending.push(b'\n');
        self.head = head;
    }

    /// Write what was appended: one append, flushed and synced to disk. On failure the file is
    /// cut back to its length before, and the log stays failed.
    pub fn commit(&mut self) -> std::io::Result<()> {
        if self.failed {
            return Err(std::io::Error::other("the audit log could not be written"));
        }
        if self.pending.is_empty() {
            return Ok(());
        }
        let before = self.file.metadata().map(|m| m.len()).unwrap_or(0);
        let result = self
            .file
            .write_all(&self.pending)
            .and_then(|()| self.file.flush())
            .and_then(|()| self.file.sync_data());
        if let Err(e) = result {
            self.failed = true;
            if self.file.metadata().is_ok_and(|m| m.is_file()) {
                let _ = self.file.set_len(before);
            }
            let _ = self.file.sync_data();
            return Err(e);
        }
        self.pending.clear();
        Ok(())
    }

    /// Commit, as a command failure (exit 4) when it cannot be written.
    pub fn finish(mut self) -> Result<(), Failure> {
        let path = self.path.clone();
        self.commit().map_err(|e| Failure::io(&path, &e))
    }
}

/// Write the audit entries the core names for `answer` to the log at `path` (if one is given),
/// durably, before the answer is released; an error (exit 4) means nothing may be released. An
/// answer that decides nothing about access (a step that sends nothing) leaves the log untouched.
pub fn log_before_release(
    path: Option<&Path>,
    entries: impl FnOnce() -> Vec<coord_core::consent::AuditEntry>,
) -> Result<(), Failure> {
    let Some(path) = path else {
        return Ok(());
    };
    let entries = entries();
    if entries.is_empty() {
        return Ok(());
    }
    let mut log = AuditLog::open(path)?;
    for entry in &entries {
        log.append(entry);
    }
    log.finish()
}

/// Standard output behind an audit log: before any bytes of answers reach standard output, the
/// audit entries appended so far are committed. An NDJSON stream thus releases its decisions in
/// batches (one per output buffer), each after its entries are on disk; when the log cannot be
/// written, the batch is not released.
pub struct AuditedStdout {
    log: std::sync::Arc<std::sync::Mutex<AuditLog>>,
    out: std::io::Stdout,
}

impl AuditedStdout {
    /// Standard output guarded by `log`.
    pub fn new(log: std::sync::Arc<std::sync::Mutex<AuditLog>>) -> Self {
        Self {
            log,
            out: std::io::stdout(),
        }
    }
}

impl AuditedStdout {
    fn commit(&self) -> std::io::Result<()> {
        self.log
            .lock()
            .map_err(|_| std::io::Error::other("the audit log is unusable"))?
            .commit()
    }
}

impl Write for AuditedStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.commit()?;
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.commit()?;
        self.out.flush()
    }
}

/// A buffered NDJSON input: the file given, or standard input.
pub fn ndjson_input(path: Option<&Path>) -> Result<Box<dyn std::io::BufRead>, Failure> {
    const CAPACITY: usize = 256 * 1024;
    Ok(match path.filter(|p| *p != Path::new("-")) {
        Some(path) => Box::new(std::io::BufReader::with_capacity(
            CAPACITY,
            std::fs::File::open(path).map_err(|e| Failure::io(path, &e))?,
        )),
        None => Box::new(std::io::BufReader::with_capacity(
            CAPACITY,
            std::io::stdin(),
        )),
    })
}

/// A command-line error from clap, told without repeating what was typed (a mistyped flag value
/// may be a CPR number): which flag, what it takes, and where to look. Help and version requests
/// are printed as clap prints them.
pub fn usage_error(e: &clap::Error) -> std::process::ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                Outcome::Usage.code()
            } else {
                Outcome::Success.code()
            };
        }
        _ => {}
    }
    let flag = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(s)) if s.starts_with('-') || s.starts_with('<') => {
            // A flag or argument name from coord's own definition (`--format <FORMAT>`).
            Some(s.clone())
        }
        _ => None,
    };
    let valid = match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let what = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "invalid value",
        ErrorKind::UnknownArgument => "unknown argument",
        ErrorKind::InvalidSubcommand => "unknown command",
        ErrorKind::MissingRequiredArgument => "a required argument is missing",
        ErrorKind::MissingSubcommand => "a command is missing",
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            "wrong number of values"
        }
        ErrorKind::ArgumentConflict => "arguments that cannot be used together",
        ErrorKind::NoEquals => "the value must be given with `=`",
        ErrorKind::InvalidUtf8 => "an argument is not valid UTF-8",
        _ => "the command line is not valid",
    };
    let mut message = String::from(what);
    if let (Some(f), false) = (&flag, e.kind() == ErrorKind::UnknownArgument) {
        message.push_str(&format!(" for {f}"));
    }
    if let Some(v) = valid {
        message.push_str(&format!(" (possible values: {v})"));
    }
    if e.kind() == ErrorKind::MissingRequiredArgument {
        if let Some(ContextValue::Strings(v)) = e.get(ContextKind::InvalidArg) {
            message.push_str(&format!(": {}", v.join(", ")));
        }
    }
    let _ = writeln!(
        std::io::stderr().lock(),
        "error: {message} [usage]\n\nFor more information, try '--help'."
    );
    Outcome::Usage.code()
}

/// The entries of the audit log at `path`, after checking its hash chain (a broken chain is
/// refused with the line where it breaks).
pub fn audit_entries(
    path: &std::path::Path,
) -> Result<Vec<coord_core::consent::AuditEntry>, Failure> {
    use coord_json::calls::audit::{verify_log, AuditRecord};
    let text = read_text(path)?;
    let check = verify_log(&text);
    if let (false, Some(line)) = (check.intact, check.first_broken_line) {
        let problem = coord_json::envelope::Problem::new(
            "audit.broken_chain",
            check
                .reason
                .unwrap_or_else(|| "the audit log's hash chain is broken".to_owned()),
            None,
        );
        return Err(Failure::invalid(vec![problem.on_line(line)], Some(path)));
    }
    let mut entries = Vec::new();
    for (i, line) in text.split_terminator('\n').enumerate() {
        let n = u64::try_from(i + 1).unwrap_or(u64::MAX);
        let record: AuditRecord = coord_json::parse::parse(line)
            .map_err(|p| Failure::invalid(vec![p.on_line(n)], Some(path)))?;
        entries.push(record.entry);
    }
    Ok(entries)
}
