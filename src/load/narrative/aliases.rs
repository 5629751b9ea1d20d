//! The declarative subject table (assets/narrative.toml): normalisation
//! rules, aliases from narrative wording to statement rows, and the key
//! operating metrics.

use crate::model::{Currency, Scale, StatementKind, Unit};
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
            let m = &mut self.metric[i];
            (m.subjects, m.contains) = (subjects, contains);
        }
    }

    /// The normal form of a subject or label.
    pub fn key(&self, text: &str) -> String {
        let mut t = text.to_lowercase().replace(['’', '‘'], "'");
        t = drop_parenthesized(&t);
        t = t.replace(['"', '“', '”'], " ");
        for (from, to) in &self.normalize.rewrites {
            t = t.replace(from.as_str(), to.as_str());
        }
        t.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '%'))
            .filter(|w| !w.is_empty())
            .map(stem)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The subject's normal form and its variants with the configured
    /// prefixes and suffixes stripped, most literal first.
    pub fn variants(&self, subject: &str) -> Vec<String> {
        let key = self.key(subject);
        let mut out = vec![key.clone()];
        for p in &self.normalize.strip_prefixes {
            let p = format!("{} ", self.key(p));
            if let Some(rest) = key.strip_prefix(&p) {
                out.push(rest.to_string());
            }
        }
        let bases = out.clone();
        for base in bases {
            for s in &self.normalize.strip_suffixes {
                let s = format!(" {}", self.key(s));
                if let Some(rest) = base.strip_suffix(&s) {
                    out.push(rest.to_string());
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

    /// Whether a subject's normal form matches exact forms or contained
    /// phrases (both already in normal form).
    pub fn matches(&self, key: &str, subjects: &[String], contains: &[String]) -> bool {
        subjects.iter().any(|s| s == key)
            || contains.iter().any(|c| {
                key == c
                    || key.starts_with(&format!("{c} "))
                    || key.contains(&format!(" {c} "))
                    || key.ends_with(&format!(" {c}"))
            })
    }

    /// The metric row a subject denotes, by index into `metric`.
    pub fn metric_for(&self, subject: &str) -> Option<usize> {
        let key = self.key(subject);
        self.metric
            .iter()
            .position(|m| self.matches(&key, &m.subjects, &m.contains))
    }
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

fn stem(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
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
        let v = t.variants("Net revenue from Credit Driven Services");
        assert!(v.contains(&t.key("Credit driven services")));
        let v = t.variants("Sales and marketing expenses");
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
        assert_eq!(
            label("30-day collection rate"),
            Some("30-day collection rate")
        );
    }
}
