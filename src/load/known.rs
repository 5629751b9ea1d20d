//! The labels a filing has printed so far (and the vocabulary's), which the
//! row reader splits merged label runs and repairs labels against.

use super::clean::{letters, lower_contains, lower_starts_with};
use super::rows::RawRow;
use super::vocab::{Company, Vocab};
use rustc_hash::{FxHashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// Labels already read in this filing, by letters form, to split merged
/// lines and repair labels against.
#[derive(Debug, Default)]
pub struct Known {
    /// Letters forms to spelling.
    pub labels: FxHashMap<String, String>,
    /// The length in bytes of the longest letters form in `labels`.
    pub longest: usize,
    /// Letters forms of rows printed as headings.
    pub headings: HashSet<String>,
    /// Letters forms of rows holding percentages.
    pub percent: HashSet<String>,
    /// The vocabulary's labels naming this filing's company.
    pub company: Arc<Company>,
}

impl Known {
    /// Remembers the rows of a table.
    pub fn add(&mut self, rows: &[RawRow]) {
        // (Keys are copied only when new.)
        for r in rows.iter().filter(|r| !r.label.is_empty()) {
            if r.heading && !self.headings.contains(&r.key) {
                self.headings.insert(r.key.clone());
            }
            if (r.percent || lower_contains(&r.label, "margin")) && !self.percent.contains(&r.key) {
                self.percent.insert(r.key.clone());
            }
            if !self.labels.contains_key(&r.key) {
                self.longest = self.longest.max(r.key.len());
                self.labels.insert(r.key.clone(), r.label.clone());
            }
        }
    }

    /// The spelling of a label known from this filing or the vocabulary.
    pub fn spelling(&self, label: &str) -> Option<String> {
        self.spelling_key(&letters(label)).map(str::to_string)
    }

    /// [`Known::spelling`] of a label given in [`letters`] form.
    pub fn spelling_key(&self, key: &str) -> Option<&str> {
        self.labels
            .get(key)
            .map(String::as_str)
            .or_else(|| Vocab::get().known_letters_for(key, Some(&self.company)))
    }
}

/// Most words a known label may span when segmenting a label run.
const MAX_LABEL_WORDS: usize = 40;

/// Splits a run of labels into known labels, longest first at each word.
/// Returns `None` when some words match no known label.
pub fn segment(run: &str, known: &Known) -> Option<Vec<String>> {
    if run.len() > 4000 {
        return None;
    }
    let vocab = Vocab::get();
    // The letters of all words in one buffer, with where each word ends.
    let mut all = String::with_capacity(run.len());
    let ends: Vec<usize> = run
        .split_whitespace()
        .map(|w| {
            push_letters(&mut all, w);
            all.len()
        })
        .collect();
    // No known label is longer: a candidate past it matches none.
    let longest = known
        .longest
        .max(vocab.longest_known_for(Some(&known.company)));
    let mut out = Vec::new();
    let mut p = 0;
    while p < ends.len() {
        let from = if p == 0 { 0 } else { ends[p - 1] };
        let mut found = None;
        for k in 1..=MAX_LABEL_WORDS.min(ends.len() - p) {
            let cand = &all[from..ends[p + k - 1]];
            if cand.len() > longest {
                break;
            }
            if let Some(s) = known
                .labels
                .get(cand)
                .map(String::as_str)
                .or_else(|| vocab.known_letters_for(cand, Some(&known.company)))
            {
                found = Some((k, s));
            }
        }
        let (k, s) = found?;
        out.push(s.to_string());
        p += k;
    }
    Some(out)
}

/// Appends [`letters`]`(w)` to `buf` (without building it).
fn push_letters(buf: &mut String, w: &str) {
    if w.is_ascii() {
        buf.extend(
            w.bytes()
                .filter(u8::is_ascii_alphabetic)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        buf.extend(
            w.chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase),
        );
    }
}

/// Whether a label (of [`letters`] form `key`) is a heading: ends with
/// ':', is a vocabulary heading, or is printed in capitals (other than a
/// total).
pub(super) fn is_heading_keyed(label: &str, key: &str, known: &Known) -> bool {
    let t = label.trim();
    t.ends_with(':')
        || Vocab::get().is_heading_key(key, Some(&known.company))
        || (t.chars().any(char::is_alphabetic)
            && t.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && !lower_starts_with(t, "total"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_label_runs_at_known_labels() {
        let k = Known::default();
        assert_eq!(
            segment("Noncontrolling interests TOTAL EQUITY", &k).unwrap(),
            ["Noncontrolling interests", "TOTAL EQUITY"]
        );
        assert!(segment("Noncontrolling interests Foo bar", &k).is_none());
        for w in ["Total", "(NON-GAAP)", "Équité", "1,234", ""] {
            let mut buf = String::from("ab");
            push_letters(&mut buf, w);
            assert_eq!(buf, format!("ab{}", letters(w)));
        }
    }
}
