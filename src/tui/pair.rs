//! The comparison pane's data: two columns of the current statement (from
//! one filing or two) with rows aligned by label. Built on `c`, `p` or a tab
//! change, never per frame.

use crate::model::{
    ColumnRole, Currency, Filing, Period, Quarter, RowKind, Scale, Statement, StatementKind, Unit,
};

/// Which two periods are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PairKind {
    /// The reported quarter of two filings (Q1 2024 vs Q2 2024; March 31 vs June 30).
    AcrossFilings,
    /// Within the shown filing: the quarter against the same quarter a year
    /// earlier (balance sheets: the prior year end).
    YearOverYear,
    /// Within the shown filing: six months against six months a year earlier.
    SixMonthsYoY,
}

impl PairKind {
    /// The next pair kind.
    pub fn next(self) -> PairKind {
        match self {
            PairKind::AcrossFilings => PairKind::YearOverYear,
            PairKind::YearOverYear => PairKind::SixMonthsYoY,
            PairKind::SixMonthsYoY => PairKind::AcrossFilings,
        }
    }

    /// A short name for the pane title.
    pub fn label(self) -> &'static str {
        match self {
            PairKind::AcrossFilings => "quarter over quarter (across filings)",
            PairKind::YearOverYear => "year over year",
            PairKind::SixMonthsYoY => "six months year over year",
        }
    }
}

/// One side of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// Filing index.
    pub filing: usize,
    /// Statement index within the filing.
    pub stmt: usize,
    /// Column index within the statement.
    pub col: usize,
    /// Its period.
    pub period: Period,
    /// The period ("Q1 2024", "Mar 31, 2024").
    pub title: String,
    /// The second header line: the currency, and the filing's quarter when
    /// two filings are compared ("Q1 filing · RMB").
    pub sub: String,
}

/// One aligned row.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The label (left side's when both exist).
    pub label: String,
    /// Indentation depth.
    pub depth: u8,
    /// Row kind.
    pub kind: RowKind,
    /// Unit.
    pub unit: Unit,
    /// Scale.
    pub scale: Scale,
    /// Row index on the left, if the left statement has the row.
    pub left: Option<usize>,
    /// Row index on the right.
    pub right: Option<usize>,
}

/// The comparison of the current statement for two periods.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareTable {
    /// Statement compared.
    pub kind: StatementKind,
    /// The pair kind.
    pub pair: PairKind,
    /// Earlier side.
    pub left: Side,
    /// Later side.
    pub right: Side,
    /// Aligned rows.
    pub rows: Vec<CompareRow>,
}

/// The column of `st` for `period`, preferring `currency` and reported
/// figures (then IFRS, then U.S. GAAP amounts in reconciliations).
fn find_col(st: &Statement, period: &Period, currency: Currency) -> Option<usize> {
    let rank = |role: ColumnRole| match role {
        ColumnRole::Reported => 0,
        ColumnRole::Ifrs => 1,
        ColumnRole::UsGaap => 2,
        ColumnRole::Adjustment => 3,
    };
    st.columns
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            &c.period == period && c.currency == currency && c.role != ColumnRole::Adjustment
        })
        .min_by_key(|(_, c)| rank(c.role))
        .map(|(i, _)| i)
}

fn quarter_period(kind: StatementKind, q: Quarter) -> Period {
    if kind.is_instant() {
        Period::instant(q.end())
    } else {
        q.period()
    }
}

fn side(
    filings: &[Filing],
    f: usize,
    kind: StatementKind,
    period: Period,
    currency: Currency,
) -> Result<Side, String> {
    let filing = &filings[f];
    let stmt = filing
        .statements
        .iter()
        .position(|s| s.kind == kind)
        .ok_or_else(|| format!("{} has no {}", filing.id, kind.title()))?;
    let col = find_col(&filing.statements[stmt], &period, currency).ok_or_else(|| {
        format!(
            "{} prints no {} {currency} column",
            filing.id,
            period.short()
        )
    })?;
    Ok(Side {
        filing: f,
        stmt,
        col,
        period,
        title: period.short(),
        sub: filing.statements[stmt].columns[col].currency.to_string(),
    })
}

/// Builds the comparison of statement `kind` for `pair`, with `current` the
/// filing shown, in `currency` when both periods print it (RMB otherwise:
/// both sides are always in one currency). Errors say why the pair is not
/// available.
pub fn build(
    filings: &[Filing],
    kind: StatementKind,
    pair: PairKind,
    current: usize,
    currency: Currency,
) -> Result<CompareTable, String> {
    match build_in(filings, kind, pair, current, currency) {
        Err(_) if currency != Currency::RMB => {
            build_in(filings, kind, pair, current, Currency::RMB)
        }
        other => other,
    }
}

fn build_in(
    filings: &[Filing],
    kind: StatementKind,
    pair: PairKind,
    current: usize,
    currency: Currency,
) -> Result<CompareTable, String> {
    let side = |f, k, p| side(filings, f, k, p, currency);
    if filings.is_empty() {
        return Err("no filings loaded".into());
    }
    let current = current.min(filings.len() - 1);
    let q = filings[current].quarter;
    let (mut left, mut right) = match pair {
        PairKind::AcrossFilings => {
            let mut with: Vec<usize> = (0..filings.len())
                .filter(|&i| filings[i].statement(kind).is_some())
                .collect();
            with.sort_by_key(|&i| (filings[i].quarter, i));
            if with.len() < 2 {
                return Err(format!(
                    "needs two loaded filings with a {} statement",
                    kind.title().to_lowercase()
                ));
            }
            // The shown filing against the one before it (or after, if it is the first).
            let pos = with
                .iter()
                .position(|&i| i == current)
                .unwrap_or(with.len() - 1);
            let (a, b) = if pos == 0 {
                (with[0], with[1])
            } else {
                (with[pos - 1], with[pos])
            };
            let l = side(a, kind, quarter_period(kind, filings[a].quarter))?;
            let r = side(b, kind, quarter_period(kind, filings[b].quarter))?;
            (l, r)
        }
        PairKind::YearOverYear => {
            let right = side(current, kind, quarter_period(kind, q))?;
            let left_period = if kind.is_instant() {
                // Balance sheets print the prior year end, not a year-ago quarter end.
                let st = filings[current].statement(kind).expect("side found it");
                st.columns
                    .iter()
                    .map(|c| c.period)
                    .filter(|p| p.end() < q.end())
                    .min()
                    .ok_or_else(|| "no earlier balance sheet date printed".to_string())?
            } else {
                q.year_ago().period()
            };
            (side(current, kind, left_period)?, right)
        }
        PairKind::SixMonthsYoY => {
            if kind.is_instant() {
                return Err("balance sheets have no six-month periods".into());
            }
            let now = Period::months_ending(6, q.end());
            let ago = Period::months_ending(6, q.year_ago().end());
            (side(current, kind, ago)?, side(current, kind, now)?)
        }
    };
    if left.filing != right.filing {
        for s in [&mut left, &mut right] {
            let q = filings[s.filing].quarter;
            s.sub = format!("Q{} filing · {}", q.quarter, s.sub);
        }
    }
    let ls = &filings[left.filing].statements[left.stmt];
    let rs = &filings[right.filing].statements[right.stmt];
    let rows = if left.filing == right.filing {
        ls.rows
            .iter()
            .enumerate()
            .map(|(i, r)| CompareRow {
                label: r.label.clone(),
                depth: crate::tui::grid::display_depth(ls, i),
                kind: r.kind,
                unit: r.unit,
                scale: r.scale,
                left: Some(i),
                right: Some(i),
            })
            .collect()
    } else {
        let ll: Vec<&str> = ls.rows.iter().map(|r| r.label.as_str()).collect();
        let rl: Vec<&str> = rs.rows.iter().map(|r| r.label.as_str()).collect();
        crate::compare::align(&ll, &rl)
            .into_iter()
            .map(|(l, r)| {
                let (st, i) = match (l, r) {
                    (Some(i), _) => (ls, i),
                    (None, Some(j)) => (rs, j),
                    (None, None) => unreachable!("align yields one side at least"),
                };
                let row = &st.rows[i];
                CompareRow {
                    label: row.label.clone(),
                    depth: crate::tui::grid::display_depth(st, i),
                    kind: row.kind,
                    unit: row.unit,
                    scale: row.scale,
                    left: l,
                    right: r,
                }
            })
            .collect()
    };
    Ok(CompareTable {
        kind,
        pair,
        left,
        right,
        rows,
    })
}
