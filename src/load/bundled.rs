//! The two filings embedded in the binary, opened when no files are given.

use super::Source;

/// Qifu Technology's Q1 2024 press release (Markdown).
pub const Q1_2024: &str = include_str!("../../assets/filings/qfin-2024q1-press-release.md");
/// Qifu Technology's Q2 2024 Form 6-K (PDF-extracted text).
pub const Q2_2024: &str = include_str!("../../assets/filings/qfin-2024q2-6k.txt");

/// The bundled filings as sources, Q1 first.
pub fn bundled() -> Vec<Source> {
    vec![
        Source {
            id: "qfin-2024q1-press-release".into(),
            path: None,
            bytes: Q1_2024.as_bytes().to_vec(),
        },
        Source {
            id: "qfin-2024q2-6k".into(),
            path: None,
            bytes: Q2_2024.as_bytes().to_vec(),
        },
    ]
}
