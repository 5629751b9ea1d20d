//! Footnoted breakdowns: "3 Including 3,449,001 loans across "V-pocket", and
//! 14,075,871 loans across other products." defines the parts of the figure
//! marked *3; "11 Including "Cash and cash equivalents", "Restricted cash",
//! ..." names the statement rows that make up the figure marked *11.

use super::aliases::ALIASES;
use super::facts::Located;
use super::scan::strip_ci;
use super::text::CleanLine;
use crate::model::{Claim, ClaimKind, FactPeriod, RowRef, StatementKind, Unit};
use std::collections::BTreeSet;

const STOP: &[&str] = &[
    "and", "the", "of", "to", "for", "in", "a", "an", "total", "our",
];

/// Breakdown claims for every footnote that lists what a figure includes.
pub(crate) fn breakdowns(lines: &[CleanLine], facts: &[Located]) -> Vec<Claim> {
    let mut out = Vec::new();
    for def in lines {
        let Some(n) = def.defines else { continue };
        if strip_ci(def.text.trim_start(), "including").is_none() {
            continue;
        }
        let parts: Vec<&Located> = facts
            .iter()
            .filter(|f| f.fact.line == def.line && f.principal)
            .collect();
        let labels: Vec<String> = if parts.is_empty() {
            quoted(&def.text)
                .into_iter()
                .map(|q| q.trim().to_string())
                .collect()
        } else {
            Vec::new()
        };
        if parts.is_empty() && labels.is_empty() {
            continue;
        }
        let unit = parts.first().map_or(Unit::Money, |p| p.fact.quantity.unit);
        let candidates: Vec<&Located> = facts
            .iter()
            .filter(|f| {
                f.principal
                    && f.fact.line != def.line
                    && f.fact.quantity.unit == unit
                    && matches!(
                        f.fact.period,
                        FactPeriod::Current | FactPeriod::CurrentInstant
                    )
            })
            .collect();
        let value = marked(lines, n, &candidates).or_else(|| by_words(lines, def, n, &candidates));
        let statement = match value.map(|v| v.fact.period) {
            Some(FactPeriod::Current) => StatementKind::IncomeStatement,
            _ => StatementKind::BalanceSheet,
        };
        // The total's line, then each part's, then the footnote's.
        let mut claim_lines = vec![value.map_or(def.line, |v| v.fact.line)];
        claim_lines.extend(parts.iter().map(|p| p.fact.line));
        claim_lines.push(def.line);
        out.push(Claim {
            kind: ClaimKind::Breakdown,
            subject: value.map_or_else(|| format!("footnote {n}"), |v| v.fact.subject.clone()),
            percent: None,
            value: value.map(|v| v.fact.quantity.clone()),
            base: None,
            parts: parts.iter().map(|p| p.fact.quantity.clone()).collect(),
            part_rows: labels
                .into_iter()
                .map(|label| RowRef {
                    statement,
                    label,
                    row: None,
                })
                .collect(),
            lines: claim_lines,
        });
    }
    out
}

/// The texts in quotes ("Cash and cash equivalents", “Restricted cash”).
fn quoted(text: &str) -> Vec<&str> {
    const QUOTES: [char; 3] = ['"', '“', '”'];
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if c == '"' || c == '“' {
            let n = after.find(QUOTES).unwrap_or(after.len());
            if n > 0
                && let Some(close @ ('"' | '”')) = after[n..].chars().next()
            {
                out.push(&after[..n]);
                rest = &after[n + close.len_utf8()..];
                continue;
            }
        }
        rest = after;
    }
    out
}

/// The candidate whose subject or figure carries footnote mark `n`.
fn marked<'a>(lines: &[CleanLine], n: u32, candidates: &[&'a Located]) -> Option<&'a Located> {
    let (line, at) = lines.iter().find_map(|l| {
        l.marks
            .iter()
            .find(|m| m.number == n)
            .map(|m| (l.line, m.at))
    })?;
    candidates
        .iter()
        .filter(|f| f.fact.line == line)
        .min_by_key(|f| {
            let (a, b) = f.span;
            if at >= a && at <= b {
                0
            } else {
                at.abs_diff(a).min(at.abs_diff(b))
            }
        })
        .copied()
}

/// When the text prints no mark `n`: the candidate between marks `n - 1` and
/// `n + 1` whose subject shares the most words with the footnote (unique).
fn by_words<'a>(
    lines: &[CleanLine],
    def: &CleanLine,
    n: u32,
    candidates: &[&'a Located],
) -> Option<&'a Located> {
    let mark_line = |k: u32| {
        lines
            .iter()
            .find(|l| l.marks.iter().any(|m| m.number == k))
            .map(|l| l.line)
    };
    let from = n.checked_sub(1).and_then(mark_line).unwrap_or(0);
    let to = mark_line(n + 1).unwrap_or(def.line);
    let def_words = words(&def.text);
    let mut scored: Vec<(usize, &Located)> = candidates
        .iter()
        .filter(|f| f.fact.line >= from && f.fact.line <= to.max(def.line))
        .map(|f| (words(&f.fact.subject).intersection(&def_words).count(), *f))
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    match scored.as_slice() {
        [(best, f), rest @ ..] if rest.first().is_none_or(|(s, _)| s < best) => Some(*f),
        _ => None,
    }
}

fn words(text: &str) -> BTreeSet<String> {
    ALIASES
        .key(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(String::from)
        .collect()
}
