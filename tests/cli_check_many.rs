//! `tieout check` over many files, company by company (`tieout::batch`):
//! the same report whatever the file order, every company counted, a file
//! that cannot be loaded stops the report, JSON equal to the library's.

mod cli_common;
#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use cli_common::{fails_with_one_line, tieout};
use std::ffi::OsStr;
use std::path::PathBuf;

/// Three companies: files written Q1, Q1, Q1, Q2, Q2, Q2 (each company's
/// two filings apart), so grouping cannot rely on the order.
fn three_companies(dir: &std::path::Path) -> Vec<PathBuf> {
    let paths = corpus::write_corpus(3, dir).unwrap();
    let (q1, q2): (Vec<_>, Vec<_>) = paths
        .into_iter()
        .partition(|p| p.to_string_lossy().ends_with(".md"));
    q1.into_iter().chain(q2).collect()
}

fn summary(stdout: &[u8]) -> String {
    String::from_utf8_lossy(stdout)
        .lines()
        .last()
        .unwrap()
        .to_string()
}

#[test]
fn three_companies_give_three_times_one_company() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_companies(dir.path());
    let one = tieout()
        .arg("check")
        .args(&files[..1])
        .arg(&files[3])
        .output()
        .unwrap();
    let all = tieout().arg("check").args(&files).output().unwrap();
    assert_eq!(all.status.code(), Some(1));
    let counts = |s: &str| -> Vec<usize> {
        s.split(", ")
            .map(|p| p.split(' ').next().unwrap().parse().unwrap())
            .collect()
    };
    let (one, all) = (summary(&one.stdout), summary(&all.stdout));
    let times3: Vec<usize> = counts(&one).iter().map(|n| 3 * n).collect();
    assert_eq!(counts(&all), times3, "{one} / {all}");
    assert!(counts(&one)[0] > 1000, "{one}");
}

#[test]
fn the_report_follows_the_files_not_the_companies() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_companies(dir.path());
    let out = tieout().arg("check").args(&files).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // Filing headings appear in the order the files were given.
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" — ") && !l.starts_with(' '))
        .map(|l| l.split(" — ").next().unwrap())
        .collect();
    let mut firsts: Vec<&str> = Vec::new();
    for h in headings {
        if !firsts.contains(&h) {
            firsts.push(h);
        }
    }
    let stems: Vec<String> = files
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|s| firsts.contains(&s.as_str()))
        .collect();
    assert_eq!(firsts, stems);
    assert!(firsts.len() >= 3, "{firsts:?}");
}

#[test]
fn json_lists_every_check_once_with_the_text_counts() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_companies(dir.path());
    let text = tieout().arg("check").args(&files).output().unwrap();
    let json = tieout()
        .args(["check", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let checks = v["checks"].as_array().unwrap();
    let s = &v["summary"];
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        checks.len() as u64,
        n("pass") + n("fail") + n("warn") + n("skip")
    );
    let expected = format!(
        "{} passed, {} failed, {} warned, {} skipped",
        n("pass"),
        n("fail"),
        n("warn"),
        n("skip")
    );
    assert_eq!(summary(&text.stdout), expected);
    let mut ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "check ids are unique");
}

#[test]
fn a_file_without_statements_fails_the_whole_run_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = three_companies(dir.path());
    let prose = dir.path().join("notes.md");
    std::fs::write(&prose, "Just a paragraph of text, no tables at all.\n").unwrap();
    files.insert(2, prose);
    let args: Vec<&OsStr> = std::iter::once(OsStr::new("check"))
        .chain(files.iter().map(|p| p.as_os_str()))
        .collect();
    let line = fails_with_one_line(&args);
    assert!(
        line.contains("notes.md") && line.contains("no financial statements"),
        "{line}"
    );
    let mut json_args = vec![
        OsStr::new("check"),
        OsStr::new("--format"),
        OsStr::new("json"),
    ];
    json_args.extend(files.iter().map(|p| p.as_os_str()));
    fails_with_one_line(&json_args);
}

/// The check ids of `tieout check --format json FILES`, in output order.
fn json_ids(files: &[PathBuf]) -> Vec<String> {
    let json = tieout()
        .args(["check", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// Some id carries the "~2" suffix of a repeat, and no id occurs twice.
fn assert_repeats_suffixed_and_unique(ids: &[String]) {
    assert!(
        ids.iter().any(|i| i.ends_with("~2")),
        "a repeat is suffixed"
    );
    let mut sorted: Vec<&String> = ids.iter().collect();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "ids are unique");
}

#[test]
fn the_same_file_twice_keeps_ids_unique() {
    let dir = tempfile::tempdir().unwrap();
    let files = three_companies(dir.path());
    let ids = json_ids(&[files[0].clone(), files[3].clone(), files[0].clone()]);
    assert_repeats_suffixed_and_unique(&ids);
}

#[test]
fn two_companies_with_the_same_file_name_keep_ids_unique() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let [q1_first, _] = corpus::company_pair(1);
    let [q1_second, _] = corpus::company_pair(2);
    std::fs::write(a.join("q1.md"), q1_first.text).unwrap();
    std::fs::write(b.join("q1.md"), q1_second.text).unwrap();
    let ids = json_ids(&[a.join("q1.md"), b.join("q1.md")]);
    assert_repeats_suffixed_and_unique(&ids);
}
