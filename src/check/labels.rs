//! Label keys: labels normalised, company names made generic, and matched
//! against the label variants and patterns of `assets/rules.toml`.

use super::memo::KeyMemo;
use super::rules::Rules;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Lower case, every non-alphanumeric character a space, spaces collapsed.
pub fn normalize(label: &str) -> String {
    if !label.is_ascii() {
        return normalize_unicode(label);
    }
    let mut out: Vec<u8> = Vec::with_capacity(label.len());
    let mut gap = false;
    for &b in label.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(b' ');
            }
            gap = false;
            out.push(b.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn normalize_unicode(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// The normalised company name without its legal suffix ("Qifu Technology,
/// Inc." gives "qifu technology"), as [`Labels::key_in`] expects it.
pub fn company_phrase(company: &str) -> String {
    let n = normalize(company);
    let mut words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 1
        && matches!(
            *words.last().unwrap_or(&""),
            "inc" | "ltd" | "limited" | "corp" | "corporation" | "co" | "plc" | "llc"
        )
    {
        words.pop();
    }
    words.join(" ")
}

/// `normalized` with each whole-word occurrence of `company` replaced by
/// the word "company".
fn generic<'s>(normalized: &'s str, company: &str) -> Cow<'s, str> {
    if !starts_a_word(normalized, company) {
        return Cow::Borrowed(normalized);
    }
    Cow::Owned(super::company::replace_company(normalized, company))
}

/// Whether `needle` (not empty) occurs in `hay` at the start of a word
/// (`hay`'s start or after a space), as every whole-word occurrence does.
fn starts_a_word(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return false;
    };
    if h.len() < n.len() {
        return false;
    }
    // Word starts: the start, and after each space (found a word at a time).
    let at = |i: usize| h.get(i) == Some(&first) && h[i..].starts_with(n);
    at(0) || memchr::memchr_iter(b' ', &h[..=h.len() - n.len()]).any(|i| at(i + 1))
}

/// A row key: one the rules name (by number, see [`Labels::name`]), or a
/// normalised label they do not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyRef {
    /// A key the rules name.
    Known(u32),
    /// Any other key.
    Other(String),
}

/// Label variants compiled for lookup; every key the rules name is numbered.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    exact: FxHashMap<String, u32>,
    patterns: Vec<(Vec<String>, u32)>,
    qualify: Vec<String>,
    names: Vec<String>,
    ids: FxHashMap<String, u32>,
    pub(crate) memo: KeyMemo,
}

impl Labels {
    /// Compiles the label rules.
    pub fn new(rules: &Rules) -> Self {
        let mut l = Labels {
            qualify: rules
                .qualify_with_section
                .iter()
                .map(|q| normalize(q))
                .collect(),
            ..Labels::default()
        };
        for r in &rules.labels {
            let key = l.intern(&r.key);
            for v in &r.variants {
                if let Some(p) = v.strip_prefix('~') {
                    let words = normalize(p).split(' ').map(str::to_string).collect();
                    l.patterns.push((words, key));
                } else {
                    l.exact.entry(normalize(v)).or_insert(key);
                }
            }
        }
        l
    }

    /// The number of a key the rules name, numbering it if new.
    pub(crate) fn intern(&mut self, key: &str) -> u32 {
        if let Some(&i) = self.ids.get(key) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(key.to_string());
        self.ids.insert(key.to_string(), i);
        i
    }

    /// The number of `key` if the rules name it.
    pub(crate) fn known(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    /// How many keys the rules name.
    pub(crate) fn known_count(&self) -> u32 {
        self.names.len() as u32
    }

    /// The key the rules name with number `id`.
    pub(crate) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// Whether a normalised label is generic, read with its section
    /// (`qualify_with_section`).
    pub fn qualifies(&self, normalized: &str) -> bool {
        self.qualify.iter().any(|q| q == normalized)
    }

    /// The canonical key of a row: its variant key, else its normalised
    /// label (qualified by the section for generic labels).
    pub fn key(&self, label: &str, section: Option<&str>) -> String {
        self.key_in(label, section, "")
    }

    /// [`Labels::key`] for a filing of `company` (see [`company_phrase`]):
    /// the company's name in the label reads as the word "company", so
    /// rules name no company ("~total company equity").
    pub fn key_in(&self, label: &str, section: Option<&str>, company: &str) -> String {
        match self.key_ref(&normalize(label), section, company) {
            KeyRef::Known(i) => self.name(i).to_string(),
            KeyRef::Other(s) => s,
        }
    }

    /// [`Labels::key_in`] of a label already normalised.
    pub(crate) fn key_ref(&self, normalized: &str, section: Option<&str>, company: &str) -> KeyRef {
        let mut n = generic(normalized, company);
        if self.qualifies(&n)
            && let Some(s) = section
        {
            n = Cow::Owned(format!("{} {}", generic(&normalize(s), company), n));
        }
        self.memo.get_or(&n, |n| self.lookup(n))
    }

    /// The key of a generic, qualified label: its variant, else itself.
    fn lookup(&self, n: &str) -> KeyRef {
        if let Some(&k) = self.exact.get(n) {
            return KeyRef::Known(k);
        }
        let words: Vec<&str> = n.split(' ').collect();
        for (pattern, key) in &self.patterns {
            if is_subsequence(pattern, &words) {
                return KeyRef::Known(*key);
            }
        }
        KeyRef::Other(n.to_string())
    }
}

fn is_subsequence(pattern: &[String], words: &[&str]) -> bool {
    let mut it = words.iter();
    pattern.iter().all(|p| it.any(|w| w == p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::embedded;

    #[test]
    fn company_named_labels_match_any_company() {
        let l = &embedded().labels;
        let acme = company_phrase("Acme Aaab Technology, Inc.");
        assert_eq!(acme, "acme aaab technology");
        assert_eq!(
            l.key_in("TOTAL ACME AAAB TECHNOLOGY INC. EQUITY", None, &acme),
            "company_equity"
        );
        assert_eq!(
            l.key_in(
                "Net income attributable to shareholders of Acme Aaab Technology, Inc.",
                None,
                &acme
            ),
            "net_income_attributable"
        );
        // Another company's name is not this filing's company.
        assert_ne!(
            l.key_in("TOTAL QIFU TECHNOLOGY INC. EQUITY", None, &acme),
            "company_equity"
        );
    }

    #[test]
    fn label_variants_and_patterns() {
        let l = &embedded().labels;
        let qifu = company_phrase("Qifu Technology, Inc.");
        let key = |label: &str, section: Option<&str>| l.key_in(label, section, &qifu);
        assert_eq!(key("Total net revenue", None), "total_revenue");
        assert_eq!(
            key("TOTAL QIFU TECHNOLOGY INC. EQUITY", None),
            "company_equity"
        );
        assert_eq!(
            key(
                "Diluted",
                Some(
                    "Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc."
                )
            ),
            "per_ads_diluted"
        );
        assert_eq!(
            key(
                "Basic",
                Some("Weighted average shares used in calculating net income per ordinary share")
            ),
            "weighted_shares_basic"
        );
        assert_eq!(
            key(
                "Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc diluted",
                None
            ),
            "non_gaap_per_ads_diluted"
        );
        assert_eq!(
            key("Net (decrease) increase in cash and cash equivalents", None),
            "cf_net_change"
        );
        assert_eq!(key("Goodwill", None), "goodwill");
        assert_eq!(
            key(
                "Basic",
                Some(
                    "Net income per ordinary share attributable to ordinary shareholders of Qifu Technology, Inc."
                )
            ),
            "eps_basic"
        );
        assert_eq!(
            key(
                "Net income attributable to shareholders of Qifu Technology, Inc.",
                None
            ),
            "net_income_attributable"
        );
    }

    #[test]
    fn company_names_are_found_at_word_starts() {
        assert!(starts_a_word("total acme aaab equity", "acme aaab"));
        assert!(starts_a_word("acme aaab equity", "acme aaab"));
        assert!(!starts_a_word("total xacme aaab equity", "acme aaab"));
        assert!(!starts_a_word("total acme", "acme aaab"));
        assert!(!starts_a_word("total acme", ""));
        assert!(starts_a_word("equity of acme aaab", "acme aaab"));
        assert!(starts_a_word("total  acme aaab", "acme aaab"));
        assert!(starts_a_word("acme", "acme"));
        assert!(!starts_a_word("equity of acme aaa", "acme aaab"));
        assert!(!starts_a_word("equity of acme aaab", "cme aaab"));
        assert_eq!(
            generic("total acme aaab equity", "acme aaab"),
            "total company equity"
        );
        assert_eq!(generic("total xacme aaab", "acme aaab"), "total xacme aaab");
    }
}
