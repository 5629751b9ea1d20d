//! `tieout check`: exit 0 when nothing failed, 1 when a check failed, 2 when
//! input could not be loaded.

mod cli_common;

use cli_common::{fails_with_one_line, q1_path, q2_path, tieout};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

/// The Q1 release's balance sheet alone (lines 204 to 258): a clean input.
fn q1_balance_sheet(dir: &Path, change: Option<(&str, &str)>) -> PathBuf {
    let text = fs::read_to_string(q1_path()).unwrap();
    let mut excerpt: String = text
        .lines()
        .skip(203)
        .take(55)
        .map(|l| format!("{l}\n"))
        .collect();
    if let Some((from, to)) = change {
        assert!(excerpt.contains(from));
        excerpt = excerpt.replacen(from, to, 1);
    }
    let path = dir.join("q1-balance-sheet.md");
    fs::write(&path, excerpt).unwrap();
    path
}

#[test]
fn a_clean_statement_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = q1_balance_sheet(dir.path(), None);
    let out = tieout().arg("check").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let last = text.lines().last().unwrap();
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(
        passed >= 20,
        "footings and identities of the balance sheet: {last}"
    );
    assert!(
        last.starts_with(&format!("{passed} passed, 0 failed")),
        "{last}"
    );
}

#[test]
fn a_broken_total_exits_1_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    // Total current assets at December 31, 2023: two digits swapped.
    let path = q1_balance_sheet(dir.path(), Some(("<b>39,796,028</b>", "<b>39,796,082</b>")));
    let out = tieout().arg("check").arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let json = tieout()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let failed: Vec<&serde_json::Value> = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .collect();
    assert!(
        failed.iter().any(|c| c["kind"] == "footing"
            && c["label"] == "Total current assets"
            && c["actual"] == "39,796,082"
            && c["line"] == 21),
        "{failed:?}"
    );
}

#[test]
fn bundled_exit_code_follows_the_failures() {
    let text = tieout().arg("check").output().unwrap();
    let json = tieout()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(text.status.code(), json.status.code());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let failed = v["summary"]["fail"].as_u64().unwrap();
    assert_eq!(json.status.code(), Some(if failed > 0 { 1 } else { 0 }));
    let last = String::from_utf8_lossy(&text.stdout)
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(last.contains(&format!(", {failed} failed")), "{last}");
}

#[test]
fn a_seeded_error_exits_1() {
    // Q2's total net revenue for the three months of 2024 changed by one digit.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qfin-2024q2-6k.txt");
    let text = fs::read_to_string(q2_path()).unwrap();
    let seeded = text.replacen(
        "Total net revenue\t3,914,324\t4,160,063\t",
        "Total net revenue\t3,914,324\t4,160,036\t",
        1,
    );
    assert_ne!(seeded, text);
    fs::write(&path, seeded).unwrap();
    let out = tieout()
        .arg("check")
        .arg(q1_path())
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("Total net revenue"), "{stdout}");

    let json = tieout()
        .args(["check", "--format", "json"])
        .arg(q1_path())
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["summary"]["fail"].as_u64().unwrap() >= 1);
    assert!(
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["status"] == "fail"
                && c["label"] == "Total net revenue"
                && c["line"] == 301)
    );
}

#[test]
fn unloadable_input_exits_2_even_beside_good_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.md");
    fs::write(&empty, "").unwrap();
    let line = fails_with_one_line(&[
        OsStr::new("check"),
        q2_path().as_os_str(),
        empty.as_os_str(),
    ]);
    assert_eq!(
        line,
        format!("tieout: {}: the file is empty", empty.display())
    );
}

#[test]
fn json_summary_matches_the_checks() {
    let out = tieout()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let checks = v["checks"].as_array().unwrap();
    assert!(
        checks.len() >= 100,
        "hundreds of checks run: {}",
        checks.len()
    );
    for status in ["pass", "fail", "warn", "skip"] {
        let n = checks.iter().filter(|c| c["status"] == status).count();
        assert_eq!(
            v["summary"][status].as_u64().unwrap() as usize,
            n,
            "{status}"
        );
    }
}
