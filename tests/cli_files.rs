//! Files: inputs are never written to, and `export --output` replaces its
//! target only with a complete file.

mod cli_common;

use cli_common::{q1_path, q2_path, tieout};
use std::fs;
use std::path::Path;
use std::time::SystemTime;

fn snapshot(path: &Path) -> (Vec<u8>, SystemTime, u32) {
    let meta = fs::metadata(path).unwrap();
    (
        fs::read(path).unwrap(),
        meta.modified().unwrap(),
        mode(&meta),
    )
}

#[cfg(unix)]
fn mode(meta: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn inputs_are_never_written_to() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = dir.path().join("qfin-2024q1-press-release.md");
    let q2 = dir.path().join("qfin-2024q2-6k.txt");
    fs::copy(q1_path(), &q1).unwrap();
    fs::copy(q2_path(), &q2).unwrap();
    let mut perms = fs::metadata(&q2).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&q2, perms).unwrap();
    let before = [snapshot(&q1), snapshot(&q2)];

    let out = dir.path().join("cells.csv");
    for args in [
        vec!["check"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "json"],
        vec!["show", "--statement", "balance-sheet"],
    ] {
        let status = tieout()
            .args(&args)
            .arg(&q1)
            .arg(&q2)
            .output()
            .unwrap()
            .status;
        assert!(matches!(status.code(), Some(0 | 1)), "{args:?}: {status}");
    }
    let status = tieout()
        .args(["export", "--format", "csv", "--output"])
        .arg(&out)
        .arg(&q1)
        .arg(&q2)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    // --output naming an input is refused, and the input stays as it was.
    let refused = tieout()
        .args(["export", "--format", "csv", "--output"])
        .arg(&q1)
        .arg(&q1)
        .arg(&q2)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "tieout: {}: cannot write: it is one of the input filings, which are never written to",
            q1.display()
        )
    );
    assert_eq!([snapshot(&q1), snapshot(&q2)], before);
    assert_eq!(
        dir_entries(dir.path()),
        [
            "cells.csv",
            "qfin-2024q1-press-release.md",
            "qfin-2024q2-6k.txt"
        ]
    );
}

#[test]
fn output_is_the_same_as_stdout_and_replaces_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("cells.json");
    fs::write(&target, "old contents").unwrap();
    let stdout = tieout()
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(stdout.status.success());
    let written = tieout()
        .args(["export", "--format", "json", "--output"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(written.status.success());
    assert!(written.stdout.is_empty());
    assert_eq!(fs::read(&target).unwrap(), stdout.stdout);
    assert_eq!(dir_entries(dir.path()), ["cells.json"]);
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("cells.csv");
    fs::write(&target, "previous export\n").unwrap();
    // A file size limit of 8 blocks makes the export fail part-way through
    // writing (the full export is hundreds of kilobytes); SIGXFSZ is ignored
    // so the write returns an error instead of killing the process.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" export --format csv --output \"$1\"")
        .arg(env!("CARGO_BIN_EXE_tieout"))
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "tieout: {}: cannot write: File too large (os error 27)",
            target.display()
        )
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "previous export\n");
    assert_eq!(dir_entries(dir.path()), ["cells.csv"]);
}

#[test]
fn output_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("cells.csv");
    let out = tieout()
        .args(["export", "--format", "csv", "--output"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("tieout: {}: cannot write: ", target.display())),
        "{stderr}"
    );
    assert!(!target.exists());
    assert_eq!(dir_entries(dir.path()), Vec::<String>::new());
}

#[test]
fn output_onto_a_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = tieout()
        .args(["export", "--format", "csv", "--output"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!(
            "tieout: {}: cannot write: is a directory",
            dir.path().display()
        )
    );
    assert_eq!(dir_entries(dir.path()), Vec::<String>::new());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `tieout export | head -1`: the reader goes away; no panic, no message.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("\"$0\" export --format csv | head -n 1")
        .arg(env!("CARGO_BIN_EXE_tieout"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        tieout::export::csv::HEADER
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
