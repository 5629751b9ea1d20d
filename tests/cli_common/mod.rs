//! Helpers shared by the command-line tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `tieout` binary under test.
pub fn tieout() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tieout"))
}

/// Path of a bundled filing in the source tree.
pub fn bundled(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/filings")
        .join(name)
}

/// The Q2 2024 6-K (PDF-extracted text).
pub fn q2_path() -> PathBuf {
    bundled("qfin-2024q2-6k.txt")
}

/// The Q1 2024 press release (Markdown).
pub fn q1_path() -> PathBuf {
    bundled("qfin-2024q1-press-release.md")
}

/// Runs `tieout args...`, asserts it exits 2 with exactly one stderr line
/// "tieout: ..." (no panic, nothing on stdout) and returns that line.
pub fn fails_with_one_line(args: &[&std::ffi::OsStr]) -> String {
    let out = tieout().args(args).output().expect("run tieout");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one error line, got: {stderr}");
    assert!(lines[0].starts_with("tieout: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    lines[0].to_string()
}

/// `OsStr` views of string arguments.
pub fn os<'a>(args: &'a [&'a str]) -> Vec<&'a std::ffi::OsStr> {
    args.iter().map(std::ffi::OsStr::new).collect()
}
