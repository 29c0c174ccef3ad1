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
}

impl Failure {
    /// Invalid input in `file`.
    pub fn invalid(problems: Vec<Problem>, file: Option<&Path>) -> Self {
        Self {
            outcome: Outcome::InvalidInput,
            problems,
            file: file.map(Path::to_path_buf),
        }
    }

    /// A file that could not be read or written.
    pub fn io(path: &Path, e: &std::io::Error) -> Self {
        Self {
            outcome: Outcome::Io,
            problems: vec![Problem::new("io", format!("{}: {e}", path.display()), None)],
            file: None,
        }
    }
}

/// Read a whole file, or standard input for `-`.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut s = String::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::io(path, &e))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| Failure::io(path, &e))
    }
}

/// Parse a JSON file into `T`, naming the file in errors.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Failure> {
    let text = read_text(path)?;
    coord_json::parse::parse(&text).map_err(|p| Failure::invalid(vec![p], Some(path)))
}

/// Write `contents` to `path` whole: to a temporary file beside it, then renamed into place.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.coord-tmp"));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure::io(path, &e)
    })
}

/// Print to standard output; a closed pipe (`coord … | head`) ends quietly.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}

/// Print problems to standard error, one line each: `file: pointer: message [code]`.
pub fn report_failure(f: &Failure) {
    let mut err = std::io::stderr().lock();
    for p in &f.problems {
        let mut place = String::new();
        if let Some(file) = &f.file {
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

/// An append-only audit log (NDJSON), opened when `--audit-log FILE` is given.
pub struct AuditLog {
    path: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
}

impl AuditLog {
    /// Open `path` for appending (created if missing).
    pub fn open(path: &Path) -> Result<Self, Failure> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| Failure::io(path, &e))?;
        Ok(Self {
            path: path.to_path_buf(),
            out: std::io::BufWriter::new(file),
        })
    }

    /// Append one entry as a line.
    pub fn append(&mut self, entry: &coord_core::consent::AuditEntry) -> Result<(), Failure> {
        serde_json::to_writer(&mut self.out, entry)
            .map_err(std::io::Error::other)
            .and_then(|_| self.out.write_all(b"\n"))
            .map_err(|e| Failure::io(&self.path, &e))
    }

    /// Flush what was appended.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.out.flush().map_err(|e| Failure::io(&self.path, &e))
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
