//! The declarative check rules of `assets/rules.toml`: label variants,
//! identities, figures printed twice, ratios and reconciliation tables.

use super::compiled::Compiled;
use super::result::CheckKind;
use crate::model::{Currency, StatementKind};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;
use std::sync::OnceLock;

pub(crate) use super::labels::KeyRef;
pub use super::labels::{Labels, company_phrase, normalize};

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
    fn terms_parse() {
        let t = Term::parse("-balance-sheet:cash@start").unwrap();
        assert_eq!(t.weight, Decimal::NEGATIVE_ONE);
        assert_eq!(t.statement, Some(StatementKind::BalanceSheet));
        assert_eq!(t.key, "cash");
        assert!(t.at_start);
        assert!(Term::parse("nowhere:cash").is_none());
    }
}
