//! The declarative subject table (assets/narrative.toml): normalisation
//! rules, aliases from narrative wording to statement rows, and the key
//! operating metrics.

use crate::model::{Currency, Scale, StatementKind, Unit};
use foldhash::HashMap;
use serde::Deserialize;
use std::str::FromStr;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../assets/narrative.toml");

/// Normalisation rules.
#[derive(Debug, Deserialize)]
pub(crate) struct Normalize {
    /// Phrase rewrites applied to lower-cased text before punctuation is dropped.
    pub rewrites: Vec<(String, String)>,
    /// Leading words a subject may carry that a label does not.
    pub strip_prefixes: Vec<String>,
    /// Trailing words a subject may carry that a label does not.
    pub strip_suffixes: Vec<String>,
    /// Statement ids in the order subjects are matched against them.
    pub statement_order: Vec<String>,
    /// `strip_prefixes` in normal form, each followed by a space.
    #[serde(skip)]
    prefix_keys: Vec<String>,
    /// `strip_suffixes` in normal form, each preceded by a space.
    #[serde(skip)]
    suffix_keys: Vec<String>,
    /// The first four bytes of each rewrite phrase (`None` if one is shorter).
    #[serde(skip)]
    rewrite_heads: Option<Vec<u32>>,
    /// The bytes that equal a rewrite phrase's first byte, ignoring ASCII case.
    #[serde(skip)]
    rewrite_firsts: Option<Box<[bool; 256]>>,
}

/// One alias: subjects (exact normal forms or contained phrases) to a row.
#[derive(Debug, Deserialize)]
pub(crate) struct Alias {
    /// Subjects that match exactly (in normal form once loaded).
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Phrases the subject must contain (in normal form once loaded).
    #[serde(default)]
    pub contains: Vec<String>,
    /// The target statement id.
    pub statement: String,
    /// The target label.
    pub label: Option<String>,
    /// Or the start of the target label.
    pub label_prefix: Option<String>,
    /// Only rows under a section/heading containing this phrase.
    pub section_contains: Option<String>,
}

/// One key operating metric: a row of the metrics statement.
#[derive(Debug, Deserialize)]
pub(crate) struct Metric {
    /// The row label.
    pub label: String,
    /// count, money, percent or months.
    pub unit: String,
    /// units or millions.
    pub scale: String,
    /// The currency of money metrics.
    pub currency: Option<String>,
    /// Normal forms that match exactly.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Phrases the subject must contain.
    #[serde(default)]
    pub contains: Vec<String>,
    /// The label in normal form.
    #[serde(skip)]
    pub label_key: String,
}

/// The whole table.
#[derive(Debug, Deserialize)]
pub(crate) struct Table {
    /// Normalisation rules.
    pub normalize: Normalize,
    /// Aliases to statement rows.
    #[serde(default)]
    pub alias: Vec<Alias>,
    /// Metrics rows in order.
    #[serde(default)]
    pub metric: Vec<Metric>,
    /// Each metric subject (normal form) and the first metric listing it.
    #[serde(skip)]
    metric_subjects: HashMap<String, usize>,
}

/// The embedded table, parsed once, its subject phrases in normal form.
pub(crate) static ALIASES: LazyLock<Table> = LazyLock::new(|| {
    let mut t: Table = toml::from_str(TABLE).expect("assets/narrative.toml is valid");
    t.normalize_phrases();
    t
});

impl Table {
    /// Puts every subject phrase, label and section phrase in normal form.
    fn normalize_phrases(&mut self) {
        let rewrites = &self.normalize.rewrites;
        let heads: Option<Vec<u32>> = rewrites
            .iter()
            .map(|(f, _)| {
                f.as_bytes()
                    .first_chunk::<4>()
                    .map(|h| u32::from_le_bytes(*h))
            })
            .collect();
        self.normalize.rewrite_firsts = heads.as_ref().map(|heads| {
            let mut firsts = Box::new([false; 256]);
            for (b, first) in (0..=255u8).zip(firsts.iter_mut()) {
                *first = heads.iter().any(|&h| h as u8 | 0x20 == b | 0x20);
            }
            firsts
        });
        self.normalize.rewrite_heads = heads.map(|mut h| {
            h.sort_unstable();
            h.dedup();
            h
        });
        let keys = |t: &Table, v: &[String]| v.iter().map(|s| t.key(s)).collect::<Vec<_>>();
        for i in 0..self.alias.len() {
            let subjects = keys(self, &self.alias[i].subjects);
            let contains = keys(self, &self.alias[i].contains);
            let label = self.alias[i].label.as_deref().map(|l| self.key(l));
            let prefix = self.alias[i].label_prefix.as_deref().map(|l| self.key(l));
            let section = self.alias[i]
                .section_contains
                .as_deref()
                .map(|l| self.key(l));
            let a = &mut self.alias[i];
            (a.subjects, a.contains) = (subjects, contains);
            (a.label, a.label_prefix, a.section_contains) = (label, prefix, section);
        }
        for i in 0..self.metric.len() {
            let subjects = keys(self, &self.metric[i].subjects);
            let contains = keys(self, &self.metric[i].contains);
            let label_key = self.key(&self.metric[i].label);
            let m = &mut self.metric[i];
            (m.subjects, m.contains, m.label_key) = (subjects, contains, label_key);
        }
        for (i, m) in self.metric.iter().enumerate() {
            for subject in &m.subjects {
                self.metric_subjects.entry(subject.clone()).or_insert(i);
            }
        }
        let n = &self.normalize;
        let prefix_keys = n.strip_prefixes.iter().map(|p| format!("{} ", self.key(p)));
        let prefix_keys = prefix_keys.collect();
        let suffix_keys = n.strip_suffixes.iter().map(|s| format!(" {}", self.key(s)));
        let suffix_keys = suffix_keys.collect();
        (self.normalize.prefix_keys, self.normalize.suffix_keys) = (prefix_keys, suffix_keys);
    }

    /// The normal form of a subject or label: lower case, text in
    /// parentheses dropped, quotes to spaces, the rewrites applied, words
    /// (letters, digits, `+`, `%`) stemmed and joined by single spaces.
    pub fn key(&self, text: &str) -> String {
        if let Some(key) = self.plain_key(text) {
            return key;
        }
        let mut t = if text.is_ascii() {
            ascii_lowered(text)
        } else {
            unicode_lowered(text)
        };
        for (from, to) in &self.normalize.rewrites {
            if t.contains(from.as_str()) {
                t = t.replace(from.as_str(), to.as_str());
            }
        }
        let mut out = String::with_capacity(t.len());
        let mut push = |w: &str| {
            if !out.is_empty() {
                out.push(' ');
            }
            push_stem(&mut out, w);
        };
        if t.is_ascii() {
            let bytes = t.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                let start = i;
                while i < bytes.len() && is_key_byte(bytes[i]) {
                    i += 1;
                }
                if start < i {
                    push(&t[start..i]);
                } else {
                    i += 1;
                }
            }
        } else {
            t.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '%'))
                .filter(|w| !w.is_empty())
                .for_each(push);
        }
        out
    }

    /// The normal form of plain ASCII text in one pass: its words
    /// lower-cased, stemmed and joined by single spaces. `None` when the
    /// text holds parentheses, quotes or non-ASCII characters, or may hold a
    /// rewrite phrase (four bytes equal the start of one, ignoring ASCII
    /// case and bit 5 of other bytes: a cheap over-approximation).
    fn plain_key(&self, text: &str) -> Option<String> {
        const FOLD: u32 = 0x2020_2020;
        let heads = self.normalize.rewrite_heads.as_ref()?;
        let firsts = self.normalize.rewrite_firsts.as_deref()?;
        let b = text.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(b.len());
        let mut word: Option<usize> = None;
        for (i, &c) in b.iter().enumerate() {
            if firsts[usize::from(c)]
                && let Some(w) = b[i..].first_chunk::<4>()
                && heads
                    .iter()
                    .any(|&h| h | FOLD == u32::from_le_bytes(*w) | FOLD)
            {
                return None;
            }
            if KEY_BYTE[usize::from(c)] {
                if word.is_none() {
                    if !out.is_empty() {
                        out.push(b' ');
                    }
                    word = Some(out.len());
                }
                out.push(c.to_ascii_lowercase());
            } else if c.is_ascii() && c != b'(' && c != b'"' {
                if let Some(start) = word.take() {
                    stem_tail(&mut out, start);
                }
            } else {
                return None;
            }
        }
        if let Some(start) = word {
            stem_tail(&mut out, start);
        }
        String::from_utf8(out).ok()
    }

    /// A subject's normal form (`key`) and its variants with the configured
    /// prefixes and suffixes stripped, most literal first.
    pub fn variants(&self, key: String) -> Vec<String> {
        let mut out = vec![key];
        for p in &self.normalize.prefix_keys {
            if let Some(rest) = out[0].strip_prefix(p.as_str()).map(str::to_string) {
                out.push(rest);
            }
        }
        for b in 0..out.len() {
            for s in &self.normalize.suffix_keys {
                if let Some(rest) = out[b].strip_suffix(s.as_str()).map(str::to_string) {
                    out.push(rest);
                }
            }
        }
        out.dedup();
        out
    }

    /// Statement kinds in matching order.
    pub fn statement_order(&self) -> Vec<StatementKind> {
        self.normalize
            .statement_order
            .iter()
            .filter_map(|s| StatementKind::from_str(s).ok())
            .collect()
    }

    /// The aliases a subject's normal form matches (by an exact form or a
    /// contained phrase), by index into `alias`, in order.
    pub fn aliases_for_key(&self, key: &str) -> Vec<usize> {
        let starts = word_starts(key);
        (0..self.alias.len())
            .filter(|&a| {
                matches_at(
                    key,
                    &starts,
                    &self.alias[a].subjects,
                    &self.alias[a].contains,
                )
            })
            .collect()
    }

    /// The metric row a subject denotes, by index into `metric`.
    #[cfg(test)]
    pub fn metric_for(&self, subject: &str) -> Option<usize> {
        self.metric_for_key(&self.key(subject))
    }

    /// The metric row a subject already in normal form denotes: the first
    /// metric listing it exactly or holding one of its phrases.
    pub fn metric_for_key(&self, key: &str) -> Option<usize> {
        let exact = self.metric_subjects.get(key).copied();
        let before = exact.unwrap_or(self.metric.len());
        let starts = word_starts(key);
        let by_phrase = self.metric[..before]
            .iter()
            .position(|m| m.contains.iter().any(|c| has_phrase(key, &starts, c)));
        by_phrase.or(exact)
    }
}

/// The byte offsets where the words of a normal form start.
fn word_starts(key: &str) -> Vec<usize> {
    let spaces = key.bytes().enumerate().filter(|&(_, b)| b == b' ');
    std::iter::once(0)
        .chain(spaces.map(|(j, _)| j + 1))
        .collect()
}

/// Whether a normal form (given with its word starts) equals one of
/// `subjects` or holds one of the phrases `contains`.
fn matches_at(key: &str, starts: &[usize], subjects: &[String], contains: &[String]) -> bool {
    subjects.iter().any(|s| s == key) || contains.iter().any(|c| has_phrase(key, starts, c))
}

/// Whether `phrase` occurs in `key` at one of its word starts and ends at a
/// space or the end (the whole key, its start, its end or its middle).
fn has_phrase(key: &str, starts: &[usize], phrase: &str) -> bool {
    let (k, p) = (key.as_bytes(), phrase.as_bytes());
    if p.len() > k.len() {
        return false;
    }
    starts.iter().any(|&i| {
        k.get(i) == p.first() && key[i..].starts_with(phrase) && {
            let end = i + phrase.len();
            end == key.len() || key.as_bytes()[end] == b' '
        }
    })
}

impl Metric {
    /// The metric's unit.
    pub fn unit(&self) -> Unit {
        match self.unit.as_str() {
            "money" => Unit::Money,
            "percent" => Unit::Percent,
            "months" => Unit::Months,
            "shares" => Unit::Shares,
            _ => Unit::Count,
        }
    }

    /// The metric's scale.
    pub fn scale(&self) -> Scale {
        match self.scale.as_str() {
            "thousands" => Scale::Thousands,
            "millions" => Scale::Millions,
            "billions" => Scale::Billions,
            _ => Scale::Units,
        }
    }

    /// The metric's currency, for money.
    pub fn currency(&self) -> Option<Currency> {
        self.currency
            .as_deref()
            .and_then(|c| Currency::from_str(c).ok())
    }
}

/// Bytes that belong to the words of a normal form: ASCII letters and
/// digits, `+`, `%`.
const KEY_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'+' || b == b'%';
        i += 1;
    }
    t
};

/// Stems the lower-case word that ends `out` and starts at byte `start`
/// ("liabilities" → "liability", "loans" → "loan").
fn stem_tail(out: &mut Vec<u8>, start: usize) {
    let word = &out[start..];
    if word.len() > 4 && word.ends_with(b"ies") {
        out.truncate(out.len() - 2);
        if let Some(last) = out.last_mut() {
            *last = b'y';
        }
    } else if word.len() > 3 && word.ends_with(b"s") && !word.ends_with(b"ss") {
        out.pop();
    }
}

/// ASCII `text` lower-cased, parenthesised text dropped, quotes to spaces.
fn ascii_lowered(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for b in text.bytes() {
        match b {
            b'(' => depth += 1,
            b')' if depth > 0 => depth -= 1,
            b'"' if depth == 0 => out.push(' '),
            _ if depth == 0 => out.push(char::from(b.to_ascii_lowercase())),
            _ => {}
        }
    }
    out
}

/// [`ascii_lowered`] for any text (Unicode lower case, curly quotes too).
fn unicode_lowered(text: &str) -> String {
    let t = text.to_lowercase().replace(['’', '‘'], "'");
    drop_parenthesized(&t).replace(['"', '“', '”'], " ")
}

fn drop_parenthesized(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether an ASCII byte belongs to a word of a normal form.
fn is_key_byte(b: u8) -> bool {
    KEY_BYTE[usize::from(b)]
}

/// Appends the simple stem of `w` ("liabilities" → "liability", "loans" → "loan").
fn push_stem(out: &mut String, w: &str) {
    if w.len() > 4 && w.ends_with("ies") {
        out.push_str(&w[..w.len() - 3]);
        out.push('y');
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        out.push_str(&w[..w.len() - 1]);
    } else {
        out.push_str(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_normalises() {
        let t = &*ALIASES;
        assert_eq!(t.metric.len(), 14);
        assert_eq!(
            t.key("Provision for contingent liability"),
            t.key("Provision for contingent liabilities")
        );
        assert_eq!(
            t.key("Net income per fully diluted American depository share (\"ADS\")"),
            "net income per fully diluted ads"
        );
        let v = t.variants(t.key("Net revenue from Credit Driven Services"));
        assert!(v.contains(&t.key("Credit driven services")));
        let v = t.variants(t.key("Sales and marketing expenses"));
        assert!(v.contains(&t.key("Sales and marketing")));
    }

    #[test]
    fn metrics_by_subject() {
        let t = &*ALIASES;
        let label = |s: &str| t.metric_for(s).map(|i| t.metric[i].label.as_str());
        assert_eq!(
            label(
                "The weighted average contractual tenor of loans originated by financial institutions across our platform"
            ),
            Some("Weighted average contractual tenor")
        );
        assert_eq!(
            label("Total facilitation and origination loan volume under capital-light model"),
            Some("Capital-light loan volume")
        );
        assert_eq!(label("outstanding loan balance for ICE"), None);
        let aliases = |s: &str| t.aliases_for_key(&t.key(s));
        assert_eq!(aliases("Net income attributed to the Company"), vec![0]);
        assert_eq!(aliases("Operating margin"), vec![2]);
        assert_eq!(aliases("Total net revenue"), Vec::<usize>::new());
        assert_eq!(
            label("30-day collection rate"),
            Some("30-day collection rate")
        );
    }
}
