//! Narrative checks: every figure stated in the text against its table cell
//! (this quarter, the same period last year, and the prior quarter against
//! the other loaded filing), ADS counts against the weighted shares, and
//! claims recomputed from their operands (growth, share of a total,
//! footnoted breakdowns), all with interval arithmetic.

use super::fix::{self, Fix};
use super::helpers::{Indexed, contributor, counted, counted_fix, judge, units};
use super::id::{CheckId, Path};
use super::index::Interner;
use super::interval::Interval;
use super::message::{Basis, Explanation, Subject};
use super::result::{CheckKind, CheckResult, Contributor, Status};
use super::rules::KeyRef;
use super::sink::Out;
use super::text::{Shared, Weight};
use crate::model::{
    Claim, ClaimKind, ColumnRole, Currency, FactPeriod, Filing, NarrativeFact, Period, Quantity,
    Quarter, RowRef, StatementKind, Unit,
};
use chrono::Datelike;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Runs the narrative checks over the filings of one company.
pub(crate) fn run(ixs: &[&Indexed<'_>], keys: &Interner<'_>, out: &mut Out) {
    let mut by_quarter: FxHashMap<Quarter, Vec<usize>> = FxHashMap::default();
    for (i, ix) in ixs.iter().enumerate() {
        by_quarter.entry(ix.filing.quarter).or_default().push(i);
    }
    let cx = Context {
        ixs,
        keys,
        by_quarter,
        periods: RefCell::new(Vec::new()),
    };
    for (fi, ix) in ixs.iter().enumerate() {
        for fact in &ix.filing.facts {
            check_fact(&cx, fi, fact, out);
        }
        for claim in &ix.filing.claims {
            if out.counts_passes()
                && let Some(path) = growth_passes(claim)
            {
                out.count_pass(CheckId::new(CheckKind::Narrative, ix.id.clone(), path));
                continue;
            }
            out.push(check_claim(&cx, ix, claim));
        }
    }
}

/// The filings of one company and what the narrative checks look them up by.
struct Context<'c, 'a> {
    ixs: &'c [&'c Indexed<'a>],
    keys: &'c Interner<'c>,
    by_quarter: FxHashMap<Quarter, Vec<usize>>,
    /// Periods facts speak of, found so far (see [`Context::fact_period`]).
    periods: RefCell<Vec<(Quarter, FactPeriod, bool, Period)>>,
}

impl Context<'_, '_> {
    /// [`fact_period`], remembered: a filing's facts speak of a few periods.
    fn fact_period(&self, filing: &Filing, p: FactPeriod, instant: bool) -> Period {
        let key = (filing.quarter, p, instant);
        let mut seen = self.periods.borrow_mut();
        if let Some(&(.., period)) = seen.iter().find(|e| (e.0, e.1, e.2) == key) {
            return period;
        }
        let period = fact_period(filing, p, instant);
        seen.push((key.0, key.1, key.2, period));
        period
    }

    /// The row of statement `si` of `ix` whose key the label `label` has.
    fn find_label(&self, ix: &Indexed<'_>, si: usize, label: &str) -> Option<usize> {
        let norm = super::rules::normalize(label);
        let key = ix.set.labels.key_ref(&norm, None, &ix.company);
        let key = match key {
            KeyRef::Known(k) => k,
            other => self.keys.lookup(&other)?,
        };
        ix.find(si, key, None)
    }
}

/// The other filings that may print `period`: those reporting the quarter
/// it ends in, the next quarter, or the same quarter a year later (as a
/// comparative), so a fact looks at a bounded number of filings.
fn candidates(
    by_quarter: &FxHashMap<Quarter, Vec<usize>>,
    period: Period,
) -> impl Iterator<Item = usize> + '_ {
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
        .into_iter()
        .filter_map(|k| by_quarter.get(&k))
        .flatten()
        .copied()
}

/// Whether `s` has the word "ADS" (any case) among its alphanumeric words.
pub(crate) fn has_ads(s: &str) -> bool {
    if !s.is_ascii() {
        return s
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("ads"));
    }
    let b = s.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut i = 0;
    while i + 3 <= b.len() {
        if b[i] | 0x20 == b'a'
            && b[i + 1] | 0x20 == b'd'
            && b[i + 2] | 0x20 == b's'
            && (i == 0 || !word(i - 1))
            && !word(i + 3)
        {
            return true;
        }
        i += 1;
    }
    false
}

/// A quantity as an interval in absolute units.
pub(crate) fn quantity_units(q: &Quantity) -> Interval {
    Interval::printed_times_pow10(q.amount.value, q.amount.decimals, q.scale.exponent())
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
    ix: &Indexed<'_>,
    path: Path,
    label: Shared,
    raw: &str,
    line: usize,
) -> CheckResult {
    CheckResult {
        id: CheckId::new(CheckKind::Narrative, ix.id.clone(), path),
        kind: CheckKind::Narrative,
        status: Status::Skip,
        filing: ix.id.clone(),
        statement: None,
        label,
        column: None,
        period_end: None,
        expected: None,
        actual: Some(raw.into()),
        difference: None,
        explanation: Explanation::Text(String::new()),
        line: Some(line),
        contributors: Vec::new(),
        row_index: None,
        column_index: None,
    }
}

/// Finds the cell a fact speaks of: (filing, statement, row, column).
fn locate(
    cx: &Context<'_, '_>,
    fi: usize,
    rr: &RowRef,
    period: Period,
    currency: Currency,
) -> Option<(usize, usize, usize, usize)> {
    let ixs = cx.ixs;
    let own = ixs[fi];
    let own_si = own.stmt(rr.statement);
    let own_row = own_si.and_then(|si| {
        rr.row
            .filter(|&r| r < own.filing.statements[si].rows.len())
            .or_else(|| cx.find_label(own, si, &rr.label))
    });
    // The metrics statement is built from the text itself: only another
    // filing's metrics can confirm a metric.
    let own_first = (rr.statement != StatementKind::Metrics).then_some(fi);
    let order = own_first
        .into_iter()
        .chain(candidates(&cx.by_quarter, period).filter(|&i| i != fi));
    for f in order {
        let ix = ixs[f];
        let Some(si) = ix.stmt(rr.statement) else {
            continue;
        };
        let row = if f == fi {
            own_row
        } else {
            match (own_si, own_row) {
                (Some(osi), Some(orow)) => ix.match_row(si, own, osi, orow),
                _ => cx.find_label(ix, si, &rr.label),
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

/// Checks a narrative figure against its table cell (nothing when the
/// figure cannot be checked this way).
fn check_fact(cx: &Context<'_, '_>, fi: usize, fact: &NarrativeFact, out: &mut Out) {
    let ix = cx.ixs[fi];
    let Some(rr) = fact.row.as_ref() else {
        return;
    };
    let q = &fact.quantity;
    let currency = q.currency.unwrap_or(Currency::RMB);
    let period = cx.fact_period(ix.filing, fact.period, rr.statement.is_instant());
    let found = locate(cx, fi, rr, period, currency);
    if found.is_none() && rr.statement == StatementKind::Metrics {
        return;
    }
    let subject: Shared = fact.subject.as_str().into();
    let path = Path::Fact {
        subject: subject.clone(),
        period,
        currency,
        line: fact.line,
    };
    let result = |path| {
        let mut r = narrative_result(ix, path, subject.clone(), &q.raw, fact.line);
        r.statement = Some(rr.statement);
        r.period_end = Some(period.end());
        r
    };
    let Some((f, si, row, ci)) = found else {
        let mut r = result(path);
        r.explanation = Explanation::Unprinted {
            label: rr.label.as_str().into(),
            period,
            currency,
        };
        out.push(r);
        return;
    };
    let other = cx.ixs[f];
    let st = &other.filing.statements[si];
    // The metrics statement is built from the text itself: a fact against
    // its own filing's metrics would be compared with itself.
    if f == fi && st.kind == StatementKind::Metrics {
        return;
    }
    let srow = &st.rows[row];
    let Some(cell) = srow.cell(ci) else {
        return;
    };
    let located = |path| {
        let mut r = result(path);
        r.column = other.column(si, ci);
        if f == fi {
            r.row_index = Some(row);
            r.column_index = Some(ci);
        }
        r
    };
    // ADS counts stated in the text against share counts in the table.
    let per = if matches!(q.unit, Unit::Shares | Unit::Count)
        && srow.unit == Unit::Shares
        && !other.st[si].ads[row]
        && has_ads(&fact.subject)
    {
        other.set.compiled.shares_per_ads
    } else {
        rust_decimal::Decimal::ONE
    };
    let fill = |cs: &mut Vec<Contributor>| {
        cs.push(contributor(other, si, row, ci, Weight::Over(per)));
    };
    let Some(path) = counted_fix(out, CheckKind::Narrative, ix, path, || {
        // Both in absolute units: the text's figure times its scale.
        let actual = Fix::printed(q.amount.value, q.amount.decimals, q.scale.exponent());
        let expected = (per == rust_decimal::Decimal::ONE)
            .then(|| Fix::cell(srow, cell))
            .flatten();
        (actual, expected)
    }) else {
        return;
    };
    let expected = units(srow, cell)
        .div_exact(per)
        .and_then(|x| x.div_pow10(q.scale.exponent()));
    let actual = Interval::of(&q.amount);
    let Some(expected) = expected else {
        out.push_with(located(path), fill);
        return;
    };
    let Some(path) = counted(out, CheckKind::Narrative, ix, path, &actual, &expected) else {
        return;
    };
    let mut r = located(path);
    let what = Basis::Cell {
        label: other.st[si].labels[row].clone(),
        raw: other.raw(si, row, ci),
        per: (per != rust_decimal::Decimal::ONE).then_some(per),
        filing: (f != fi).then(|| other.id.clone()),
    };
    let who = Subject::Text {
        lead: "",
        subject,
        line: fact.line,
    };
    judge(&mut r, who, actual, expected, q.amount.decimals, what);
    out.push_with(r, fill);
}

fn quantity_contributor(
    ix: &Indexed<'_>,
    label: Shared,
    q: &Quantity,
    line: usize,
    weight: Weight,
) -> Contributor {
    Contributor {
        filing: ix.id.clone(),
        statement: None,
        label,
        column: None,
        value: q.raw.as_str().into(),
        weight,
        line,
    }
}

/// The id path of a claim, with the claim's kind and first line.
fn claim_path(claim: &Claim) -> (Path, &'static str, usize) {
    let line = claim.lines.first().copied().unwrap_or(0);
    let kind = match claim.kind {
        ClaimKind::Growth => "growth",
        ClaimKind::ShareOfTotal => "share",
        ClaimKind::Breakdown => "breakdown",
    };
    let path = Path::Claim {
        claim: kind,
        subject: claim.subject.as_str().into(),
        line,
    };
    (path, kind, line)
}

/// The expected percentage of a growth or share claim: value ÷ base
/// (less one for growth), times 100; `None` when it cannot be computed.
fn growth_expected(claim: &Claim, v: &Quantity, b: &Quantity) -> Option<Interval> {
    let q = quantity_units(v).quotient(quantity_units(b))?;
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    Some(if claim.kind == ClaimKind::Growth {
        q.minus(Interval::exact(rust_decimal::Decimal::ONE))
            .times(hundred)
    } else {
        q.times(hundred)
    })
}

/// The id path of a growth or share claim that passes (as
/// [`check_claim`] would judge it), else `None`.
fn growth_passes(claim: &Claim) -> Option<Path> {
    if claim.kind == ClaimKind::Breakdown {
        return None;
    }
    let (Some(p), Some(v), Some(b)) = (&claim.percent, &claim.value, &claim.base) else {
        return None;
    };
    // Most pass with room to spare: found in fixed point, without dividing
    // (growth: percent + 100 against 100 · value ÷ base).
    let fixed = |q: &Quantity| Fix::printed(q.amount.value, q.amount.decimals, q.scale.exponent());
    let mut actual = Fix::printed(p.amount.value, p.amount.decimals, 0);
    if claim.kind == ClaimKind::Growth {
        actual = actual.and_then(|a| a.plus(Fix::whole(100)));
    }
    if fix::passes_ratio(
        actual,
        fixed(v),
        fixed(b).map(Some),
        rust_decimal::Decimal::ONE_HUNDRED,
    ) {
        return Some(claim_path(claim).0);
    }
    let expected = growth_expected(claim, v, b)?;
    Interval::of(&p.amount)
        .overlaps(&expected)
        .then(|| claim_path(claim).0)
}

fn check_claim(cx: &Context<'_, '_>, ix: &Indexed<'_>, claim: &Claim) -> CheckResult {
    let filing = ix.filing;
    let (path, kind, line) = claim_path(claim);
    let subject: Shared = claim.subject.as_str().into();
    let shown = match claim.kind {
        ClaimKind::Breakdown => claim.value.as_ref(),
        _ => claim.percent.as_ref(),
    };
    let mut r = narrative_result(
        ix,
        path,
        subject.clone(),
        shown.map_or("", |q| q.raw.as_str()),
        line,
    );
    let lines = |i: usize| claim.lines.get(i).copied().unwrap_or(line);
    let text = |s: String| Explanation::Text(s);
    match claim.kind {
        ClaimKind::Growth | ClaimKind::ShareOfTotal => {
            let (Some(p), Some(v), Some(b)) = (&claim.percent, &claim.value, &claim.base) else {
                r.explanation = text(format!(
                    "The {kind} claim about {} not checked: an operand was not read.",
                    claim.subject
                ));
                return r;
            };
            r.contributors.push(quantity_contributor(
                ix,
                "value".into(),
                v,
                lines(1),
                Weight::ONE,
            ));
            r.contributors.push(quantity_contributor(
                ix,
                "base".into(),
                b,
                lines(2),
                "1/base".into(),
            ));
            let Some(expected) = growth_expected(claim, v, b) else {
                r.explanation = text(format!(
                    "The {kind} claim about {} not checked: the base may be zero.",
                    claim.subject
                ));
                return r;
            };
            let (lead, what) = if claim.kind == ClaimKind::Growth {
                ("The growth of ", format!("{} against {}", v.raw, b.raw))
            } else {
                (
                    "The share of ",
                    format!("{} as a share of {}", v.raw, b.raw),
                )
            };
            judge(
                &mut r,
                Subject::Text {
                    lead,
                    subject,
                    line,
                },
                Interval::of(&p.amount),
                expected,
                p.amount.decimals,
                Basis::Text(what),
            );
        }
        ClaimKind::Breakdown => {
            let Some(v) = &claim.value else {
                r.explanation = text(format!(
                    "The breakdown of {} not checked: its total was not read.",
                    claim.subject
                ));
                return r;
            };
            let mut sum = Interval::zero();
            let mut any = false;
            for (i, p) in claim.parts.iter().enumerate() {
                r.contributors.push(quantity_contributor(
                    ix,
                    format!("part {}", i + 1).into(),
                    p,
                    lines(i + 1),
                    Weight::ONE,
                ));
                sum = sum.plus(quantity_units(p));
                any = true;
            }
            let currency = v.currency.unwrap_or(Currency::RMB);
            for rr in &claim.part_rows {
                let period = fact_period(filing, FactPeriod::Current, rr.statement.is_instant());
                let found = ix.stmt(rr.statement).and_then(|si| {
                    let row = rr.row.or_else(|| cx.find_label(ix, si, &rr.label))?;
                    let st = &filing.statements[si];
                    let ci = st.column_index(&period, currency, ColumnRole::Reported)?;
                    let cell = st.rows.get(row)?.cell(ci)?;
                    Some((si, row, ci, units(&st.rows[row], cell)))
                });
                let Some((si, row, ci, x)) = found else {
                    r.explanation = text(format!(
                        "The breakdown of {} not checked: \"{}\" is not printed for {}.",
                        claim.subject,
                        rr.label,
                        period.short()
                    ));
                    return r;
                };
                r.contributors
                    .push(contributor(ix, si, row, ci, Weight::ONE));
                sum = sum.plus(x);
                any = true;
            }
            if !any {
                r.explanation = text(format!(
                    "The breakdown of {} not checked: no parts were read.",
                    claim.subject
                ));
                return r;
            }
            let expected = sum
                .div_pow10(v.scale.exponent())
                .unwrap_or_else(Interval::zero);
            let what = format!("the sum of its {} parts", r.contributors.len());
            judge(
                &mut r,
                Subject::Text {
                    lead: "The total of ",
                    subject,
                    line,
                },
                Interval::of(&v.amount),
                expected,
                v.amount.decimals,
                Basis::Text(what),
            );
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::has_ads;

    #[test]
    fn ads_is_a_whole_word_in_any_case() {
        assert!(has_ads("Weighted average ADS used"));
        assert!(has_ads("per ADS"));
        assert!(has_ads("ads"));
        assert!(has_ads("(ADS) basic"));
        assert!(!has_ads("Loads of heads"));
        assert!(!has_ads("ADSs"));
        assert!(has_ads("Ärger per ADS"));
        assert!(!has_ads("ÄrgerADS"));
    }
}
