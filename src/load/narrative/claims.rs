//! Footnoted breakdowns: "3 Including 3,449,001 loans across "V-pocket", and
//! 14,075,871 loans across other products." defines the parts of the figure
//! marked *3; "11 Including "Cash and cash equivalents", "Restricted cash",
//! ..." names the statement rows that make up the figure marked *11.

use super::facts::Located;
use super::memo;
use super::scan::strip_ci;
use super::text::CleanLine;
use crate::model::{Claim, ClaimKind, FactPeriod, RowRef, StatementKind, Unit};
use std::collections::{BTreeSet, HashMap};

const STOP: &[&str] = &[
    "and", "the", "of", "to", "for", "in", "a", "an", "total", "our",
];

/// Breakdown claims for every footnote that lists what a figure includes.
///
/// A footnote's mark is looked for after the previous footnote of the same
/// number (a document that repeats its footnote numbers, or itself, pairs
/// each definition with its own marks), with every lookup indexed, so the
/// cost grows with the text, not with its square.
pub(crate) fn breakdowns(lines: &[CleanLine], facts: &[Located]) -> Vec<Claim> {
    let mut out = Vec::new();
    let marks = Marks::new(lines);
    let principal = ByLine::new(facts);
    let mut previous_def: HashMap<u32, usize> = HashMap::new();
    for def in lines {
        let Some(n) = def.defines else { continue };
        let window = previous_def.insert(n, def.line).unwrap_or(0);
        if strip_ci(def.text.trim_start(), "including").is_none() {
            continue;
        }
        let parts: Vec<&Located> = principal.on(def.line, def.line).collect();
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
        let candidate = |f: &&Located| {
            f.fact.line != def.line
                && f.fact.quantity.unit == unit
                && matches!(
                    f.fact.period,
                    FactPeriod::Current | FactPeriod::CurrentInstant
                )
        };
        let value = marked(&marks, &principal, n, window, candidate)
            .or_else(|| by_words(&marks, &principal, def, n, window, candidate));
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

/// Where footnote marks are printed: per number, the first mark of that
/// number on each line, as (line, byte offset), in line order.
struct Marks(HashMap<u32, Vec<(usize, usize)>>);

impl Marks {
    fn new(lines: &[CleanLine]) -> Self {
        let mut at: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
        for l in lines {
            for m in &l.marks {
                let seen = at.entry(m.number).or_default();
                if seen.last().is_none_or(|&(line, _)| line != l.line) {
                    seen.push((l.line, m.at));
                }
            }
        }
        Marks(at)
    }

    /// The first mark `n` on a line after line `after`.
    fn first_after(&self, n: u32, after: usize) -> Option<(usize, usize)> {
        let v = self.0.get(&n)?;
        v.get(v.partition_point(|&(line, _)| line <= after))
            .copied()
    }
}

/// The principal facts ordered by line (in fact order within a line).
struct ByLine<'a>(Vec<&'a Located>);

impl<'a> ByLine<'a> {
    fn new(facts: &'a [Located]) -> Self {
        let mut v: Vec<&Located> = facts.iter().filter(|f| f.principal).collect();
        v.sort_by_key(|f| f.fact.line);
        ByLine(v)
    }

    /// The facts on lines `from..=to`.
    fn on(&self, from: usize, to: usize) -> impl Iterator<Item = &'a Located> + '_ {
        let start = self.0.partition_point(|f| f.fact.line < from);
        self.0[start..]
            .iter()
            .take_while(move |f| f.fact.line <= to)
            .copied()
    }
}

/// The candidate whose subject or figure carries footnote mark `n`.
fn marked<'a>(
    marks: &Marks,
    facts: &ByLine<'a>,
    n: u32,
    window: usize,
    candidate: impl Fn(&&'a Located) -> bool,
) -> Option<&'a Located> {
    let (line, at) = marks.first_after(n, window)?;
    facts.on(line, line).filter(candidate).min_by_key(|f| {
        let (a, b) = f.span;
        if at >= a && at <= b {
            0
        } else {
            at.abs_diff(a).min(at.abs_diff(b))
        }
    })
}

/// When the text prints no mark `n`: the candidate between marks `n - 1` and
/// `n + 1` whose subject shares the most words with the footnote (unique).
fn by_words<'a>(
    marks: &Marks,
    facts: &ByLine<'a>,
    def: &CleanLine,
    n: u32,
    window: usize,
    candidate: impl Fn(&&'a Located) -> bool,
) -> Option<&'a Located> {
    let mark_line = |k: u32| marks.first_after(k, window).map(|(line, _)| line);
    let from = n.checked_sub(1).and_then(mark_line).unwrap_or(window);
    let to = mark_line(n + 1).unwrap_or(def.line);
    let def_words = words(&def.text);
    let mut scored: Vec<(usize, &Located)> = facts
        .on(from, to.max(def.line))
        .filter(candidate)
        .map(|f| (words(&f.fact.subject).intersection(&def_words).count(), f))
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    match scored.as_slice() {
        [(best, f), rest @ ..] if rest.first().is_none_or(|(s, _)| s < best) => Some(*f),
        _ => None,
    }
}

fn words(text: &str) -> BTreeSet<String> {
    memo::key(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(String::from)
        .collect()
}
