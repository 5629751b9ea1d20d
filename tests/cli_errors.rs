//! Every failure a user can cause: one line naming the thing and the reason,
//! exit code 2, never a panic.

mod cli_common;

use cli_common::{fails_with_one_line, os, q2_path, tieout};
use std::ffi::OsStr;
use std::fs;
use std::path::Path;

fn check_file(path: &Path) -> String {
    fails_with_one_line(&[OsStr::new("check"), path.as_os_str()])
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-filing.txt");
    let line = check_file(&path);
    assert!(line.contains(&path.display().to_string()), "{line}");
    assert!(line.contains("No such file or directory"), "{line}");
}

#[test]
fn missing_file_in_export_and_show() {
    let line = fails_with_one_line(&os(&["export", "--format", "csv", "nope.md"]));
    assert_eq!(
        line,
        "tieout: nope.md: cannot read: No such file or directory (os error 2)"
    );
    let line = fails_with_one_line(&os(&["show", "--statement", "cash-flow", "nope.md"]));
    assert!(line.starts_with("tieout: nope.md: cannot read"), "{line}");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let line = check_file(dir.path());
    assert_eq!(
        line,
        format!(
            "tieout: {}: is a directory, not a filing",
            dir.path().display()
        )
    );
}

#[test]
fn permission_denied() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    fs::copy(q2_path(), &path).unwrap();
    set_mode(&path, 0o000);
    let readable = fs::File::open(&path).is_ok();
    let out = if readable {
        // Running as root: drop to an unprivileged user to see the denial.
        set_mode(dir.path(), 0o755);
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_tieout"))
            .arg("check")
            .arg(&path)
            .output()
            .expect("setpriv is needed to test permissions as root")
    } else {
        tieout().arg("check").arg(&path).output().unwrap()
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "tieout: {}: cannot read: Permission denied (os error 13)",
            path.display()
        )
    );
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").unwrap();
    let line = check_file(&path);
    assert_eq!(
        line,
        format!("tieout: {}: the file is empty", path.display())
    );
}

#[test]
fn binary_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    // A PNG signature and header chunk, then bytes 0..=255.
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    bytes.extend(0u8..=255);
    fs::write(&path, bytes).unwrap();
    let line = check_file(&path);
    assert_eq!(
        line,
        format!("tieout: {}: binary data, not a text filing", path.display())
    );
}

#[test]
fn a_file_with_no_statements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.md");
    fs::write(
        &path,
        "# Dear shareholders\n\nRevenue grew this year and we thank our staff.\n",
    )
    .unwrap();
    let line = check_file(&path);
    assert_eq!(
        line,
        format!("tieout: {}: no financial statements found", path.display())
    );
}

#[test]
fn one_line_per_bad_file_and_nothing_else() {
    let out = tieout()
        .args(["check", "a-missing.txt", "b-missing.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("tieout: a-missing.txt: cannot read"));
    assert!(lines[1].starts_with("tieout: b-missing.txt: cannot read"));
}

#[test]
fn unknown_statement_lists_the_valid_ones() {
    let line = fails_with_one_line(&os(&["show", "--statement", "balance"]));
    assert_eq!(
        line,
        "tieout: unknown statement 'balance'; valid statements: balance-sheet, \
         income-statement, cash-flow, comprehensive-income, non-gaap, ifrs-income, \
         ifrs-balance-sheet, metrics"
    );
}

#[test]
fn unknown_filing_lists_the_loaded_ones() {
    let line = fails_with_one_line(&os(&[
        "show",
        "--statement",
        "balance-sheet",
        "--filing",
        "qfin-2024q3",
    ]));
    assert_eq!(
        line,
        "tieout: unknown filing 'qfin-2024q3'; loaded filings: \
         qfin-2024q1-press-release, qfin-2024q2-6k"
    );
}

#[test]
fn bad_format() {
    let line = fails_with_one_line(&os(&["export", "--format", "xml"]));
    assert_eq!(
        line,
        "tieout: invalid value 'xml' for '--format <FORMAT>'; \
         [possible values: csv, json] (see --help)"
    );
    let line = fails_with_one_line(&os(&["check", "--format", "csv"]));
    assert!(line.contains("invalid value 'csv'"), "{line}");
    assert!(line.contains("[possible values: text, json]"), "{line}");
}

#[test]
fn missing_required_option_and_unknown_flag() {
    let line = fails_with_one_line(&os(&["export"]));
    assert!(line.contains("--format <FORMAT>"), "{line}");
    let line = fails_with_one_line(&os(&["check", "--frobnicate"]));
    assert!(
        line.contains("unexpected argument '--frobnicate'"),
        "{line}"
    );
}

#[test]
fn broken_config_paths() {
    let dir = tempfile::tempdir().unwrap();
    let line = fails_with_one_line(&[OsStr::new("--config"), dir.path().as_os_str()]);
    assert_eq!(
        line,
        format!(
            "tieout: {}: bad config file: is a directory",
            dir.path().display()
        )
    );
    let missing = dir.path().join("tieout.toml");
    let line = fails_with_one_line(&[OsStr::new("--config"), missing.as_os_str()]);
    assert!(
        line.starts_with(&format!("tieout: {}: bad config file: ", missing.display())),
        "{line}"
    );
    assert!(line.contains("No such file"), "{line}");
}

#[test]
fn explorer_with_only_bad_files_exits_2() {
    let line = fails_with_one_line(&os(&["no-such-file.md"]));
    assert!(
        line.starts_with("tieout: no-such-file.md: cannot read"),
        "{line}"
    );
}

#[test]
fn help_is_available_everywhere() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["export", "--help"],
        vec!["show", "--help"],
    ] {
        let out = tieout().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Usage: tieout"), "{args:?}: {text}");
    }
}

#[test]
fn invalid_config_contents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, "theme = \"dark\"\nunit = \"furlongs\"\n").unwrap();
    let line = fails_with_one_line(&[OsStr::new("--config"), path.as_os_str()]);
    assert!(
        line.starts_with(&format!(
            "tieout: {}: bad config file: line 2: ",
            path.display()
        )),
        "{line}"
    );
    assert!(line.contains("furlongs"), "{line}");
    fs::write(&path, "theme = [\n").unwrap();
    let line = fails_with_one_line(&[OsStr::new("--config"), path.as_os_str()]);
    assert!(line.contains("bad config file: line "), "{line}");
}
