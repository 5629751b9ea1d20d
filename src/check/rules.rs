//! The declarative check rules of `assets/rules.toml`: label variants,
//! identities, figures printed twice, ratios and reconciliation tables.

use super::compiled::Compiled;
use super::memo::KeyMemo;
use super::result::CheckKind;
use crate::model::{Currency, StatementKind};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::borrow::Cow;
use std::str::FromStr;
use std::sync::OnceLock;

/// The rules file embedded in the binary.
pub const RULES_TOML: &str = include_str!("../../assets/rules.toml");

/// The whole rules file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Labels that are qualified by their section heading ("basic", "diluted").
    #[serde(default)]
    pub qualify_with_section: Vec<String>,
    /// Footing options.
    pub footing: FootingRules,
    /// Translation options.
    pub fx: FxRules,
    /// Period roll-up options.
    pub period: PeriodRules,
    /// Narrative options.
    pub narrative: NarrativeRules,
    /// Scale-warning options.
    pub scale: ScaleRules,
    /// Label variants, in file order.
    #[serde(default, rename = "label")]
    pub labels: Vec<LabelRule>,
    /// Identities: a total against a signed sum of rows.
    #[serde(default, rename = "identity")]
    pub identities: Vec<IdentityRule>,
    /// Figures printed in two statements that must agree.
    #[serde(default, rename = "agree")]
    pub agreements: Vec<AgreeRule>,
    /// Ratios: a row against numerator ÷ denominator × factor.
    #[serde(default, rename = "ratio")]
    pub ratios: Vec<RatioRule>,
    /// Reconciliation tables (U.S. GAAP + adjustments = IFRS).
    #[serde(default, rename = "reconciliation")]
    pub reconciliations: Vec<ReconciliationRule>,
}

/// Footing options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FootingRules {
    /// Components whose label starts with one of these words are subtracted.
    #[serde(default)]
    pub subtract_prefixes: Vec<String>,
}

/// Translation options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FxRules {
    /// Row keys whose USD cells are derived otherwise (not translations).
    #[serde(default)]
    pub derived: Vec<String>,
}

/// Period options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodRules {
    /// Row keys that are balances, not flows.
    #[serde(default)]
    pub non_additive: Vec<String>,
    /// The cash chain: one period's end = the next period's beginning.
    pub chain: Option<ChainRule>,
}

/// One period's ending balance is the next period's beginning balance.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainRule {
    /// Statement id.
    pub statement: String,
    /// Row key of the beginning balance.
    pub begin: String,
    /// Row key of the ending balance.
    pub end: String,
}

/// Narrative options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrativeRules {
    /// Ordinary shares per ADS.
    pub shares_per_ads: String,
}

/// Scale-warning options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleRules {
    /// Decimals that look like a thousands separator printed as a point.
    pub separator_like_decimals: u32,
}

/// The printed variants of one label.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelRule {
    /// The canonical key.
    pub key: String,
    /// Exact normalised labels, or "~" patterns.
    pub variants: Vec<String>,
}

/// An identity: `total = Σ terms (+ the rows after `after`)`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityRule {
    /// Stable id.
    pub id: String,
    /// Reported kind (identity unless stated).
    pub kind: Option<CheckKind>,
    /// Statement ids it applies to.
    pub statements: Vec<String>,
    /// Row key of the total.
    pub total: String,
    /// Signed row terms.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Also every item row printed between this row and the total.
    pub after: Option<String>,
    /// Holds in every column of a partial reconciliation table too.
    #[serde(default)]
    pub all_columns: bool,
    /// What the terms are, for messages.
    pub description: String,
}

/// A figure printed in two statements.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreeRule {
    /// Stable id.
    pub id: String,
    /// Reported kind.
    pub kind: CheckKind,
    /// Statement id of the checked row.
    pub statement: String,
    /// Row key of the checked row.
    pub row: String,
    /// The row it must agree with (a term).
    pub with: String,
    /// Exact factor applied to the other row (default 1).
    pub factor: Option<String>,
}

/// A ratio: `row = numerator ÷ denominator × factor`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioRule {
    /// Stable id.
    pub id: String,
    /// Statement id of the checked row.
    pub statement: String,
    /// Row key of the checked row.
    pub row: String,
    /// Numerator term.
    pub numerator: String,
    /// Denominator term, if any.
    pub denominator: Option<String>,
    /// Exact factor (default 1).
    pub factor: Option<String>,
    /// Only columns in this currency ("RMB"), if given.
    pub currency: Option<String>,
    /// What the ratio is, for messages.
    pub description: String,
}

/// A reconciliation table.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReconciliationRule {
    /// Statement id of the reconciliation.
    pub statement: String,
    /// Statement id its U.S. GAAP figures come from.
    pub source: String,
    /// Prints only the rows that have adjustments.
    #[serde(default)]
    pub partial: bool,
}

/// A parsed row term: `[-][statement:]key[@start]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// +1 or −1.
    pub weight: Decimal,
    /// Another statement of the same filing, if given.
    pub statement: Option<StatementKind>,
    /// Row key.
    pub key: String,
    /// At the day before the period starts (instant statements).
    pub at_start: bool,
}

impl Term {
    /// Parses a term; `None` if the statement id is unknown.
    pub fn parse(s: &str) -> Option<Term> {
        let s = s.trim();
        let (weight, s) = match s.strip_prefix('-') {
            Some(rest) => (Decimal::NEGATIVE_ONE, rest),
            None => (Decimal::ONE, s),
        };
        let (s, at_start) = match s.strip_suffix("@start") {
            Some(rest) => (rest, true),
            None => (s, false),
        };
        let (statement, key) = match s.split_once(':') {
            Some((st, key)) => (Some(StatementKind::from_str(st).ok()?), key),
            None => (None, s),
        };
        Some(Term {
            weight,
            statement,
            key: key.to_string(),
            at_start,
        })
    }
}

/// Parses an exact decimal factor from the rules ("2", "0.5", "100").
pub fn factor(s: Option<&str>) -> Decimal {
    s.and_then(|s| Decimal::from_str(s.trim()).ok())
        .unwrap_or(Decimal::ONE)
}

/// Parses a statement id from the rules.
pub fn statement(s: &str) -> Option<StatementKind> {
    StatementKind::from_str(s.trim()).ok()
}

/// Parses a currency from the rules.
pub fn currency(s: &str) -> Option<Currency> {
    Currency::from_str(s.trim()).ok()
}

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

/// The rules and compiled labels, parsed once.
#[derive(Clone, Debug)]
pub struct RuleSet {
    /// The rules as written.
    pub rules: Rules,
    /// The compiled label variants.
    pub labels: Labels,
    /// The rules with their terms parsed and keys numbered.
    pub(crate) compiled: Compiled,
}

impl RuleSet {
    /// Parses rules from TOML text.
    pub fn parse(text: &str) -> Result<RuleSet, toml::de::Error> {
        let rules: Rules = toml::from_str(text)?;
        let mut labels = Labels::new(&rules);
        let compiled = Compiled::new(&rules, &mut labels);
        Ok(RuleSet {
            rules,
            labels,
            compiled,
        })
    }

    /// Whether the statement is a partial reconciliation table.
    pub fn is_partial(&self, kind: StatementKind) -> bool {
        self.compiled.partial.contains(&kind)
    }
}

/// The embedded rules (parsed on first use; a unit test keeps them valid).
pub fn embedded() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::parse(RULES_TOML).expect("assets/rules.toml is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_parse_and_name_known_statements() {
        let r = RuleSet::parse(RULES_TOML).unwrap();
        for i in &r.rules.identities {
            for s in &i.statements {
                assert!(statement(s).is_some(), "{s}");
            }
            for t in &i.terms {
                assert!(Term::parse(t).is_some(), "{t}");
            }
        }
        for a in &r.rules.agreements {
            assert!(statement(&a.statement).is_some());
            assert!(Term::parse(&a.with).unwrap().statement.is_some());
        }
        for x in &r.rules.ratios {
            assert!(statement(&x.statement).is_some());
        }
    }

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

    #[test]
    fn terms_parse() {
        let t = Term::parse("-balance-sheet:cash@start").unwrap();
        assert_eq!(t.weight, Decimal::NEGATIVE_ONE);
        assert_eq!(t.statement, Some(StatementKind::BalanceSheet));
        assert_eq!(t.key, "cash");
        assert!(t.at_start);
        assert!(Term::parse("nowhere:cash").is_none());
    }
}
