//! The rules as the checks use them: terms parsed, statement ids and
//! factors read, and every row key numbered once when the rules are loaded.

use super::result::CheckKind;
use super::rules::{Labels, Rules, Term, currency, factor, normalize, statement};
use super::text::Shared;
use crate::model::{Currency, StatementKind};
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

/// A parsed row term with its key numbered.
#[derive(Clone, Debug)]
pub(crate) struct KeyTerm {
    /// +1 or −1.
    pub weight: Decimal,
    /// Another statement of the same filing, if given.
    pub statement: Option<StatementKind>,
    /// Row key number (see [`Labels::name`]).
    pub key: u32,
    /// At the day before the period starts.
    pub at_start: bool,
}

impl KeyTerm {
    fn parse(s: &str, labels: &mut Labels) -> Option<Self> {
        let t = Term::parse(s)?;
        Some(KeyTerm {
            weight: t.weight,
            statement: t.statement,
            key: labels.intern(&t.key),
            at_start: t.at_start,
        })
    }
}

/// An identity rule.
#[derive(Clone, Debug)]
pub(crate) struct Identity {
    pub id: Shared,
    pub kind: CheckKind,
    /// Reported under a kind of its own (not identity): such a rule takes
    /// the total's footing over.
    pub own_kind: bool,
    pub statements: Vec<StatementKind>,
    pub total: u32,
    pub terms: Vec<KeyTerm>,
    pub after: Option<u32>,
    pub all_columns: bool,
    pub description: Shared,
}

/// A figure printed in two statements.
#[derive(Clone, Debug)]
pub(crate) struct Agreement {
    pub id: Shared,
    pub kind: CheckKind,
    pub statement: StatementKind,
    pub row: u32,
    pub with: KeyTerm,
    pub factor: Decimal,
}

/// A ratio rule.
#[derive(Clone, Debug)]
pub(crate) struct Ratio {
    pub id: Shared,
    pub statement: StatementKind,
    pub row: u32,
    pub numerator: KeyTerm,
    /// `Some(None)`: a denominator that does not parse.
    pub denominator: Option<Option<KeyTerm>>,
    pub factor: Decimal,
    pub currency: Option<Currency>,
    pub description: Shared,
}

/// The cash chain.
#[derive(Clone, Debug)]
pub(crate) struct Chain {
    pub statement: StatementKind,
    pub begin: u32,
    pub end: u32,
}

/// Every rule, ready to apply.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    pub identities: Vec<Identity>,
    pub agreements: Vec<Agreement>,
    pub ratios: Vec<Ratio>,
    /// (reconciliation statement, the statement its U.S. GAAP figures come from).
    pub reconciliations: Vec<(StatementKind, StatementKind)>,
    /// Partial reconciliation tables.
    pub partial: Vec<StatementKind>,
    /// Keys of totals and derived rows (not translated leaf items).
    pub fx_totals: FxHashSet<u32>,
    /// Keys of balances (not additive over periods).
    pub non_additive: FxHashSet<u32>,
    pub chain: Option<Chain>,
    /// Normalised first words of subtracted components.
    pub subtract_prefixes: Vec<String>,
    /// Ordinary shares per ADS.
    pub shares_per_ads: Decimal,
}

impl Compiled {
    /// Compiles `rules`, numbering their keys in `labels`.
    pub fn new(rules: &Rules, labels: &mut Labels) -> Self {
        let mut c = Compiled {
            shares_per_ads: factor(Some(&rules.narrative.shares_per_ads)),
            subtract_prefixes: rules
                .footing
                .subtract_prefixes
                .iter()
                .map(|p| normalize(p))
                .collect(),
            ..Compiled::default()
        };
        for r in &rules.identities {
            let kind = r.kind.unwrap_or(CheckKind::Identity);
            c.identities.push(Identity {
                id: r.id.as_str().into(),
                kind,
                own_kind: kind != CheckKind::Identity,
                statements: r.statements.iter().filter_map(|s| statement(s)).collect(),
                total: labels.intern(&r.total),
                terms: r
                    .terms
                    .iter()
                    .filter_map(|t| KeyTerm::parse(t, labels))
                    .collect(),
                after: r.after.as_deref().map(|a| labels.intern(a)),
                all_columns: r.all_columns,
                description: r.description.as_str().into(),
            });
            c.fx_totals.insert(labels.intern(&r.total));
        }
        for d in &rules.fx.derived {
            c.fx_totals.insert(labels.intern(d));
        }
        for r in &rules.agreements {
            let (Some(st), Some(with)) = (statement(&r.statement), KeyTerm::parse(&r.with, labels))
            else {
                continue;
            };
            c.agreements.push(Agreement {
                id: r.id.as_str().into(),
                kind: r.kind,
                statement: st,
                row: labels.intern(&r.row),
                with,
                factor: factor(r.factor.as_deref()),
            });
        }
        for r in &rules.ratios {
            let (Some(st), Some(numerator)) = (
                statement(&r.statement),
                KeyTerm::parse(&r.numerator, labels),
            ) else {
                continue;
            };
            c.ratios.push(Ratio {
                id: r.id.as_str().into(),
                statement: st,
                row: labels.intern(&r.row),
                numerator,
                denominator: r.denominator.as_deref().map(|d| KeyTerm::parse(d, labels)),
                factor: factor(r.factor.as_deref()),
                currency: r.currency.as_deref().and_then(currency),
                description: r.description.as_str().into(),
            });
        }
        for r in &rules.reconciliations {
            let (Some(st), Some(src)) = (statement(&r.statement), statement(&r.source)) else {
                continue;
            };
            c.reconciliations.push((st, src));
        }
        c.partial = rules
            .reconciliations
            .iter()
            .filter(|r| r.partial)
            .filter_map(|r| statement(&r.statement))
            .collect();
        for k in &rules.period.non_additive {
            c.non_additive.insert(labels.intern(k));
        }
        if let Some(ch) = &rules.period.chain
            && let Some(st) = statement(&ch.statement)
        {
            c.chain = Some(Chain {
                statement: st,
                begin: labels.intern(&ch.begin),
                end: labels.intern(&ch.end),
            });
        }
        c
    }
}
