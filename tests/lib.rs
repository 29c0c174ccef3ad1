//! Helpers for the end-to-end tests: find (and if needed build) the `coord` binary, run it, and
//! read its output.
#![forbid(unsafe_code)]
#![allow(
    clippy::panic,
    reason = "test helpers: failing to run the binary must fail the test"
)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The path of the `coord` binary of this workspace, built once if it is not there yet.
pub fn coord_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // The test executable lives in target/<profile>/deps/; the binary in target/<profile>/.
        let exe = std::env::current_exe().unwrap_or_default();
        let profile_dir = exe
            .parent()
            .and_then(|d| d.parent())
            .map(PathBuf::from)
            .unwrap_or_default();
        let bin = profile_dir.join(format!("coord{}", std::env::consts::EXE_SUFFIX));
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let mut build = Command::new(cargo);
        build.args(["build", "--quiet", "-p", "coord-cli", "--bin", "coord"]);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "could not build the coord binary"
        );
        bin
    })
    .clone()
}

/// Run `coord` with `args` and `stdin`, in `dir` when given.
pub fn run(args: &[&str], stdin: &str) -> Output {
    run_in(None, args, stdin)
}

/// `coord fhir export CASE --as-of AS_OF EXTRA…`, with nothing on standard input.
pub fn cli_fhir_export(case: &str, as_of: &str, extra: &[&str]) -> Output {
    let mut args = vec!["fhir", "export", case, "--as-of", as_of];
    args.extend_from_slice(extra);
    run(&args, "")
}

/// Run `coord` with `args` and `stdin` in a working directory.
pub fn run_in(dir: Option<&std::path::Path>, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(coord_bin());
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("could not start coord: {e}"));
    // Standard input is written from a thread of its own while the output is read: a large input
    // whose answers fill the output pipe would otherwise block both sides.
    let writer = child.stdin.take().map(|mut input| {
        let bytes = stdin.as_bytes().to_vec();
        std::thread::spawn(move || {
            let _ = input.write_all(&bytes);
        })
    });
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("coord did not finish: {e}"));
    if let Some(w) = writer {
        let _ = w.join();
    }
    output
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary directory for one test (removed by the caller if it likes; under target/).
pub fn temp_dir(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    let base = exe
        .parent()
        .and_then(|d| d.parent())
        .map(PathBuf::from)
        .unwrap_or_default();
    let dir = base
        .join("e2e-tmp")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("could not create {}: {e}", dir.display()));
    dir
}

/// The path of a file under the workspace root.
pub fn workspace_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
}
