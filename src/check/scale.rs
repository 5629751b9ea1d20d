//! Scale warnings: a figure printed at an odd scale or precision for its
//! context. "RMB23.464 million" in a filing that writes "RMB23,245 million"
//! probably has its thousands separator printed as a point; "RMB49,337"
//! without a scale word, where a table prints 49,337 in thousands, is
//! probably in thousands. Warnings, not failures: the text may be right.

use super::helpers::Indexed;
use super::id::{CheckId, Path};
use super::message::Explanation;
use super::result::{CheckKind, CheckResult, Contributor, Status};
use super::sink::Out;
use super::text::{Shared, Weight};
use crate::model::{Filing, Quantity, Scale, Unit};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// Every money quantity in the filing's text with its subject and line.
fn quantities(filing: &Filing) -> Vec<(&Quantity, &str, usize)> {
    let mut v: Vec<(&Quantity, &str, usize)> = filing
        .facts
        .iter()
        .map(|f| (&f.quantity, f.subject.as_str(), f.line))
        .collect();
    for c in &filing.claims {
        let line = c.lines.first().copied().unwrap_or(0);
        for q in c.value.iter().chain(&c.base).chain(&c.parts) {
            v.push((q, c.subject.as_str(), line));
        }
    }
    v.retain(|(q, _, _)| q.unit == Unit::Money && q.currency.is_some());
    // The same figure can be both a fact and a claim operand: keep it once.
    v.sort_by(|a, b| (a.2, &a.0.raw).cmp(&(b.2, &b.0.raw)));
    v.dedup_by(|a, b| a.2 == b.2 && a.0.raw == b.0.raw);
    v
}

/// Runs the scale checks of one filing.
pub(crate) fn run(ix: &Indexed<'_>, separator_like: u32, out: &mut Out) {
    let filing = ix.filing;
    let qs = quantities(filing);
    // Table cells printed in thousands, by printed value.
    let mut thousands: FxHashMap<Decimal, (&str, usize)> = FxHashMap::default();
    let unscaled = |q: &Quantity| q.scale == Scale::Units && q.amount.decimals == 0;
    let statements = if qs.iter().any(|(q, _, _)| unscaled(q)) {
        filing.statements.as_slice()
    } else {
        &[]
    };
    for st in statements {
        for row in &st.rows {
            if row.unit != Unit::Money || row.scale != Scale::Thousands {
                continue;
            }
            for c in row.cells.iter().flatten() {
                if c.amount.decimals == 0 && c.amount.value.abs() >= Decimal::ONE_THOUSAND {
                    thousands
                        .entry(c.amount.value.abs())
                        .or_insert((row.label.as_str(), c.line));
                }
            }
        }
    }
    // Per scale, the figures written with a thousands separator (indices
    // into `qs`, in line order), for the nearest-figure lookup.
    let separated: Vec<(Scale, Vec<usize>)> = [Scale::Millions, Scale::Billions]
        .into_iter()
        .map(|scale| {
            let at = (0..qs.len())
                .filter(|&i| qs[i].0.scale == scale && qs[i].0.raw.contains(','))
                .collect();
            (scale, at)
        })
        .collect();
    for &(q, subject, line) in &qs {
        let id = || {
            CheckId::new(
                CheckKind::Scale,
                ix.id.clone(),
                Path::Scale {
                    line,
                    raw: q.raw.as_str().into(),
                },
            )
        };
        let big = matches!(q.scale, Scale::Millions | Scale::Billions);
        if big && q.amount.decimals == separator_like {
            // The nearest figure at the same scale written with a separator.
            let near = nearest(&qs, &separated, q.scale, line).map(|i| &qs[i]);
            if let Some(&(o, osubj, oline)) = near {
                let as_separator = q
                    .amount
                    .value
                    .saturating_mul(super::helpers::pow10(separator_like));
                let msg = format!(
                    "{} (line {line}) is printed with {separator_like} decimals in {}, where this filing writes figures such as {} (line {oline}) with a thousands separator; it probably means {}{} {}.",
                    q.raw,
                    q.scale,
                    o.raw,
                    q.currency.map_or(String::new(), |c| c.to_string()),
                    group(as_separator.normalize()),
                    if q.scale == Scale::Billions {
                        "billion"
                    } else {
                        "million"
                    }
                );
                out.push(warning(ix, id(), subject, q, line, msg, (osubj, o, oline)));
            }
        } else if unscaled(q)
            && let Some(&(label, cline)) = thousands.get(&q.amount.value.abs())
        {
            let msg = format!(
                "{} (line {line}) has no scale word, but the tables print {} in thousands (\"{label}\", line {cline}); it probably means {} thousand.",
                q.raw,
                group(q.amount.value.abs()),
                q.raw
            );
            let c = Contributor {
                filing: ix.id.clone(),
                statement: None,
                label: label.into(),
                column: None,
                value: group(q.amount.value.abs()).into(),
                weight: Weight::ONE,
                line: cline,
            };
            let mut r = warning_base(ix, id(), subject, q, line, msg);
            r.contributors.push(c);
            out.push(r);
        }
    }
}

/// The figure of `separated` at `scale` printed nearest to `line` (the
/// first in `qs` order on a tie), by binary search: `qs` is in line order.
fn nearest(
    qs: &[(&Quantity, &str, usize)],
    separated: &[(Scale, Vec<usize>)],
    scale: Scale,
    line: usize,
) -> Option<usize> {
    let (_, at) = separated.iter().find(|(s, _)| *s == scale)?;
    let p = at.partition_point(|&i| qs[i].2 < line);
    let after = at.get(p).copied();
    let before = p.checked_sub(1).map(|last| {
        // The first figure printed on the closest line before.
        let l = qs[at[last]].2;
        at[at.partition_point(|&i| qs[i].2 < l)]
    });
    match (before, after) {
        (Some(b), Some(a)) if line - qs[b].2 <= qs[a].2 - line => Some(b),
        (Some(b), None) => Some(b),
        (_, a) => a,
    }
}

/// A number with thousands separators ("71,860").
fn group(v: Decimal) -> String {
    let s = v.to_string();
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn warning_base(
    ix: &Indexed<'_>,
    id: CheckId,
    subject: &str,
    q: &Quantity,
    line: usize,
    message: String,
) -> CheckResult {
    CheckResult {
        id,
        kind: CheckKind::Scale,
        status: Status::Warn,
        filing: ix.id.clone(),
        statement: None,
        label: Shared::from(subject),
        column: None,
        period_end: None,
        expected: None,
        actual: Some(q.raw.as_str().into()),
        difference: None,
        explanation: Explanation::Text(message),
        line: Some(line),
        contributors: Vec::new(),
        row_index: None,
        column_index: None,
    }
}

fn warning(
    ix: &Indexed<'_>,
    id: CheckId,
    subject: &str,
    q: &Quantity,
    line: usize,
    message: String,
    near: (&str, &Quantity, usize),
) -> CheckResult {
    let mut r = warning_base(ix, id, subject, q, line, message);
    r.contributors.push(Contributor {
        filing: ix.id.clone(),
        statement: None,
        label: near.0.into(),
        column: None,
        value: near.1.raw.as_str().into(),
        weight: Weight::ONE,
        line: near.2,
    });
    r
}

#[cfg(test)]
mod tests {
    use super::group;
    use rust_decimal::Decimal;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(Decimal::from(71860)), "71,860");
        assert_eq!(group(Decimal::from(-1234567)), "-1,234,567");
        assert_eq!(group(Decimal::from(999)), "999");
    }
}
