//! Narrative checks: every figure stated in the text against its table cell
//! (this quarter, the same period last year, and the prior quarter against
//! the other loaded filing), ADS counts against the weighted shares, and
//! claims recomputed from their operands (growth, share of a total,
//! footnoted breakdowns), all with interval arithmetic.

use super::helpers::slug;
use super::helpers::{Indexed, column_name, contributor, pow10, units};
use super::interval::Interval;
use super::result::{CheckKind, CheckResult, Contributor, Status, shared};
use super::rules::{factor, normalize};
use crate::model::{
    Claim, ClaimKind, ColumnRole, Currency, FactPeriod, Filing, NarrativeFact, Period, Quantity,
    Quarter, RowRef, StatementKind, Unit,
};
use chrono::Datelike;
use std::collections::HashMap;

/// Runs the narrative checks over the filings of one company.
pub(crate) fn run(ixs: &[&Indexed<'_>], out: &mut Vec<CheckResult>) {
    let mut by_quarter: HashMap<Quarter, Vec<usize>> = HashMap::new();
    for (i, ix) in ixs.iter().enumerate() {
        by_quarter.entry(ix.filing.quarter).or_default().push(i);
    }
    for (fi, ix) in ixs.iter().enumerate() {
        for fact in &ix.filing.facts {
            if let Some(r) = check_fact(ixs, &by_quarter, fi, fact) {
                out.push(r);
            }
        }
        for claim in &ix.filing.claims {
            out.push(check_claim(ix, claim));
        }
    }
}

/// The other filings that may print `period`: those reporting the quarter
/// it ends in, the next quarter, or the same quarter a year later (as a
/// comparative), so a fact looks at a bounded number of filings.
fn candidates(by_quarter: &HashMap<Quarter, Vec<usize>>, period: Period) -> Vec<usize> {
    let end = period.end();
    let q = Quarter {
        year: end.year(),
        quarter: end.month().div_ceil(3) as u8,
    };
    let next = if q.quarter == 4 {
        Quarter {
            year: q.year + 1,
            quarter: 1,
        }
    } else {
        Quarter {
            year: q.year,
            quarter: q.quarter + 1,
        }
    };
    let year_later = Quarter {
        year: q.year + 1,
        quarter: q.quarter,
    };
    [q, next, year_later]
        .iter()
        .filter_map(|k| by_quarter.get(k))
        .flatten()
        .copied()
        .collect()
}

/// A quantity as an interval in absolute units.
pub(crate) fn quantity_units(q: &Quantity) -> Interval {
    Interval::of(&q.amount).times(pow10(q.scale.exponent()))
}

/// The period a fact speaks of, for a statement of instants or durations.
fn fact_period(filing: &Filing, p: FactPeriod, instant: bool) -> Period {
    let q = filing.quarter;
    let quarter = match p {
        FactPeriod::Current | FactPeriod::CurrentInstant => q,
        FactPeriod::SamePeriodLastYear | FactPeriod::YearAgoInstant => q.year_ago(),
        FactPeriod::PriorQuarter => q.previous(),
    };
    let as_instant =
        instant || matches!(p, FactPeriod::CurrentInstant | FactPeriod::YearAgoInstant);
    if as_instant {
        Period::instant(quarter.end())
    } else {
        quarter.period()
    }
}

/// A result about a narrative figure, not yet judged.
fn narrative_result(
    filing: &Filing,
    id: String,
    label: &str,
    raw: &str,
    line: usize,
) -> CheckResult {
    CheckResult {
        id,
        kind: CheckKind::Narrative,
        status: Status::Skip,
        filing: filing.id.clone(),
        statement: None,
        label: label.to_string(),
        column: None,
        period_end: None,
        expected: None,
        actual: Some(raw.to_string()),
        difference: None,
        message: String::new(),
        line: Some(line),
        contributors: Vec::new(),
        row_index: None,
        column_index: None,
    }
}

/// Finds the cell a fact speaks of: (filing, statement, row, column).
fn locate(
    ixs: &[&Indexed<'_>],
    by_quarter: &HashMap<Quarter, Vec<usize>>,
    fi: usize,
    rr: &RowRef,
    period: Period,
    currency: Currency,
) -> Option<(usize, usize, usize, usize)> {
    let own = &ixs[fi];
    let own_si = own.stmt(rr.statement);
    let own_row = own_si.and_then(|si| {
        rr.row
            .filter(|&r| r < own.filing.statements[si].rows.len())
            .or_else(|| {
                own.find(
                    si,
                    &own.set.labels.key_in(&rr.label, None, &own.company),
                    None,
                )
            })
    });
    // The metrics statement is built from the text itself: only another
    // filing's metrics can confirm a metric.
    let mut order: Vec<usize> = if rr.statement == StatementKind::Metrics {
        Vec::new()
    } else {
        vec![fi]
    };
    order.extend(
        candidates(by_quarter, period)
            .into_iter()
            .filter(|&i| i != fi),
    );
    for f in order {
        let ix = &ixs[f];
        let Some(si) = ix.stmt(rr.statement) else {
            continue;
        };
        let row = if f == fi {
            own_row
        } else {
            match (own_si, own_row) {
                (Some(osi), Some(orow)) => ix.match_row(si, own, osi, orow),
                _ => ix.find(
                    si,
                    &ix.set.labels.key_in(&rr.label, None, &ix.company),
                    None,
                ),
            }
        };
        let Some(row) = row else { continue };
        let st = &ix.filing.statements[si];
        if let Some(ci) = st.column_index(&period, currency, ColumnRole::Reported)
            && st.rows[row].cell(ci).is_some()
        {
            return Some((f, si, row, ci));
        }
    }
    None
}

fn check_fact(
    ixs: &[&Indexed<'_>],
    by_quarter: &HashMap<Quarter, Vec<usize>>,
    fi: usize,
    fact: &NarrativeFact,
) -> Option<CheckResult> {
    let ix = &ixs[fi];
    let rr = fact.row.as_ref()?;
    let q = &fact.quantity;
    let currency = q.currency.unwrap_or(Currency::RMB);
    let period = fact_period(ix.filing, fact.period, rr.statement.is_instant());
    let id = format!(
        "narrative/{}/{}/{}/{}/line-{}",
        ix.filing.id,
        slug(&fact.subject),
        period
            .short()
            .replace(' ', "-")
            .replace(',', "")
            .to_lowercase(),
        currency,
        fact.line
    );
    let mut r = narrative_result(ix.filing, id, &fact.subject, &q.raw, fact.line);
    r.statement = Some(rr.statement);
    r.period_end = Some(period.end());
    let found = locate(ixs, by_quarter, fi, rr, period, currency);
    if found.is_none() && rr.statement == StatementKind::Metrics {
        return None;
    }
    let Some((f, si, row, ci)) = found else {
        r.message = format!(
            "\"{}\" ({}) not checked: no loaded filing prints \"{}\" for {} {currency}.",
            fact.subject,
            q.raw,
            rr.label,
            period.short()
        );
        return Some(r);
    };
    let other = &ixs[f];
    let st = &other.filing.statements[si];
    // The metrics statement is built from the text itself: a fact against
    // its own filing's metrics would be compared with itself.
    if f == fi && st.kind == StatementKind::Metrics {
        return None;
    }
    let srow = &st.rows[row];
    let cell = srow.cell(ci)?;
    r.column = Some(column_name(&st.columns[ci]));
    if f == fi {
        r.row_index = Some(row);
        r.column_index = Some(ci);
    }
    // ADS counts stated in the text against share counts in the table.
    let row_words = normalize(&format!(
        "{} {}",
        srow.section.as_deref().unwrap_or(""),
        srow.label
    ));
    let ads_fact = normalize(&fact.subject).split(' ').any(|w| w == "ads");
    let ads_row = row_words.split(' ').any(|w| w == "ads");
    let per = if matches!(q.unit, Unit::Shares | Unit::Count)
        && ads_fact
        && !ads_row
        && srow.unit == Unit::Shares
    {
        factor(Some(&other.set.rules.narrative.shares_per_ads))
    } else {
        rust_decimal::Decimal::ONE
    };
    r.contributors.push(contributor(
        other.filing,
        si,
        row,
        ci,
        &format!("1/{}", per.normalize()),
    ));
    let expected = units(srow, cell)
        .div_exact(per)
        .and_then(|x| x.div_exact(pow10(q.scale.exponent())));
    let actual = Interval::of(&q.amount);
    let Some(expected) = expected else {
        return Some(r);
    };
    let where_ = if f == fi {
        "the table".to_string()
    } else {
        other.filing.id.clone()
    };
    let what = if per == rust_decimal::Decimal::ONE {
        format!("{} {} in {where_}", srow.label, cell.raw)
    } else {
        format!(
            "{} {} shares ÷ {} in {where_}",
            srow.label,
            cell.raw,
            per.normalize()
        )
    };
    let who = format!("{} (text, line {})", fact.subject, fact.line);
    super::helpers::judge(&mut r, &who, actual, expected, q.amount.decimals, &what);
    Some(r)
}

fn quantity_contributor(
    filing: &Filing,
    label: &str,
    q: &Quantity,
    line: usize,
    weight: &str,
) -> Contributor {
    Contributor {
        filing: shared(&filing.id),
        statement: None,
        label: shared(label),
        column: None,
        value: shared(&q.raw),
        weight: shared(weight),
        line,
    }
}

fn check_claim(ix: &Indexed<'_>, claim: &Claim) -> CheckResult {
    let filing = ix.filing;
    let line = claim.lines.first().copied().unwrap_or(0);
    let kind = match claim.kind {
        ClaimKind::Growth => "growth",
        ClaimKind::ShareOfTotal => "share",
        ClaimKind::Breakdown => "breakdown",
    };
    let id = format!(
        "narrative/{}/claim-{kind}/{}/line-{line}",
        filing.id,
        slug(&claim.subject)
    );
    let shown = match claim.kind {
        ClaimKind::Breakdown => claim.value.as_ref(),
        _ => claim.percent.as_ref(),
    };
    let mut r = narrative_result(
        filing,
        id,
        &claim.subject,
        shown.map_or("", |q| q.raw.as_str()),
        line,
    );
    let lines = |i: usize| claim.lines.get(i).copied().unwrap_or(line);
    match claim.kind {
        ClaimKind::Growth | ClaimKind::ShareOfTotal => {
            let (Some(p), Some(v), Some(b)) = (&claim.percent, &claim.value, &claim.base) else {
                r.message = format!(
                    "The {kind} claim about {} not checked: an operand was not read.",
                    claim.subject
                );
                return r;
            };
            r.contributors
                .push(quantity_contributor(filing, "value", v, lines(1), "1"));
            r.contributors
                .push(quantity_contributor(filing, "base", b, lines(2), "1/base"));
            let Some(q) = quantity_units(v).quotient(quantity_units(b)) else {
                r.message = format!(
                    "The {kind} claim about {} not checked: the base may be zero.",
                    claim.subject
                );
                return r;
            };
            let hundred = rust_decimal::Decimal::ONE_HUNDRED;
            let expected = if claim.kind == ClaimKind::Growth {
                q.minus(Interval::exact(rust_decimal::Decimal::ONE))
                    .times(hundred)
            } else {
                q.times(hundred)
            };
            let what = if claim.kind == ClaimKind::Growth {
                format!("{} against {}", v.raw, b.raw)
            } else {
                format!("{} as a share of {}", v.raw, b.raw)
            };
            super::helpers::judge(
                &mut r,
                &format!("The {kind} of {} (text, line {line})", claim.subject),
                Interval::of(&p.amount),
                expected,
                p.amount.decimals,
                &what,
            );
        }
        ClaimKind::Breakdown => {
            let Some(v) = &claim.value else {
                r.message = format!(
                    "The breakdown of {} not checked: its total was not read.",
                    claim.subject
                );
                return r;
            };
            let mut sum = Vec::new();
            for (i, p) in claim.parts.iter().enumerate() {
                r.contributors.push(quantity_contributor(
                    filing,
                    &format!("part {}", i + 1),
                    p,
                    lines(i + 1),
                    "1",
                ));
                sum.push((quantity_units(p), rust_decimal::Decimal::ONE));
            }
            let currency = v.currency.unwrap_or(Currency::RMB);
            for rr in &claim.part_rows {
                let period = fact_period(filing, FactPeriod::Current, rr.statement.is_instant());
                let found = ix.stmt(rr.statement).and_then(|si| {
                    let row = rr.row.or_else(|| {
                        ix.find(
                            si,
                            &ix.set.labels.key_in(&rr.label, None, &ix.company),
                            None,
                        )
                    })?;
                    let st = &filing.statements[si];
                    let ci = st.column_index(&period, currency, ColumnRole::Reported)?;
                    let cell = st.rows.get(row)?.cell(ci)?;
                    Some((si, row, ci, units(&st.rows[row], cell)))
                });
                let Some((si, row, ci, x)) = found else {
                    r.message = format!(
                        "The breakdown of {} not checked: \"{}\" is not printed for {}.",
                        claim.subject,
                        rr.label,
                        period.short()
                    );
                    return r;
                };
                r.contributors.push(contributor(filing, si, row, ci, "1"));
                sum.push((x, rust_decimal::Decimal::ONE));
            }
            if sum.is_empty() {
                r.message = format!(
                    "The breakdown of {} not checked: no parts were read.",
                    claim.subject
                );
                return r;
            }
            let k = pow10(v.scale.exponent());
            let expected = Interval::weighted_sum(sum)
                .div_exact(k)
                .unwrap_or_else(Interval::zero);
            let what = format!("the sum of its {} parts", r.contributors.len());
            super::helpers::judge(
                &mut r,
                &format!("The total of {} (text, line {line})", claim.subject),
                Interval::of(&v.amount),
                expected,
                v.amount.decimals,
                &what,
            );
        }
    }
    r
}
