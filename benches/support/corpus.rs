//! A synthetic corpus: N companies, each a renamed copy of the bundled Q1
//! press release and Q2 6-K. Shared by `examples/gen-corpus.rs` and the
//! corpus benchmark (both include this file with `#[path]`).
//!
//! Every company's figures equal the bundled ones: only the company name,
//! ticker and web domain change, consistently in both of its filings. So a
//! corpus of N pairs must give exactly N times the bundled pair's check
//! results, which makes the generated corpus self-validating, while the
//! loader and the cross-filing checks still have N distinct companies to
//! pair up. (Varying figures would mean re-deriving every total, subtotal,
//! translation and narrative claim that depends on them.)

use std::io;
use std::path::{Path, PathBuf};
use tieout::load::bundled::{Q1_2024, Q2_2024};

/// One generated filing: its file name and its text.
pub struct GeneratedFiling {
    /// File name, e.g. `aaab-2024q1-press-release.md`.
    pub file_name: String,
    /// The renamed filing text.
    pub text: String,
}

/// The company of pair `index` (1-based): name stem and ticker, letters
/// only as real tickers are (the loader reads "(NASDAQ: XXXX" and company
/// names of capitalised words): pair 1 is "AAAA" / "Acme Aaaa", pair 2
/// "AAAB" / "Acme Aaab", and so on.
struct Company {
    /// "Acme Aaab": replaces "Qifu" (so "Acme Aaab Technology, Inc.").
    stem: String,
    /// "AAAB": replaces "QFIN".
    ticker: String,
}

impl Company {
    fn new(index: usize) -> Self {
        let mut n = index.saturating_sub(1);
        let mut letters = Vec::new();
        while letters.len() < 4 || n > 0 {
            letters.push(b'A' + (n % 26) as u8);
            n /= 26;
        }
        letters.reverse();
        let ticker = String::from_utf8(letters).expect("ASCII letters");
        let stem = format!("Acme {}{}", &ticker[..1], ticker[1..].to_lowercase());
        Self { stem, ticker }
    }

    /// Renames every form of the bundled company in `text`. Longer forms go
    /// first so that no replacement sees another's output.
    fn rename(&self, text: &str) -> String {
        let domain = format!("{}.tech", self.ticker.to_lowercase());
        text.replace("qifu.tech", &domain)
            .replace(
                "QIFU TECHNOLOGY",
                &format!("{} TECHNOLOGY", self.stem.to_uppercase()),
            )
            .replace("Qifu", &self.stem)
            .replace("QFIN", &self.ticker)
    }
}

/// The two filings of company `index` (1-based), Q1 first.
pub fn company_pair(index: usize) -> [GeneratedFiling; 2] {
    let company = Company::new(index);
    let prefix = company.ticker.to_lowercase();
    [
        GeneratedFiling {
            file_name: format!("{prefix}-2024q1-press-release.md"),
            text: company.rename(Q1_2024),
        },
        GeneratedFiling {
            file_name: format!("{prefix}-2024q2-6k.txt"),
            text: company.rename(Q2_2024),
        },
    ]
}

/// Writes `pairs` companies' filings into `dir` (created if missing) and
/// returns the paths written, in company order, Q1 before Q2.
pub fn write_corpus(pairs: usize, dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut paths = Vec::with_capacity(2 * pairs);
    for index in 1..=pairs {
        for filing in company_pair(index) {
            let path = dir.join(&filing.file_name);
            std::fs::write(&path, filing.text)?;
            paths.push(path);
        }
    }
    Ok(paths)
}
