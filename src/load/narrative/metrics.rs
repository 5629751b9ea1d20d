//! The `metrics` statement: key operating metrics gathered from the
//! highlights, one row per metric of assets/narrative.toml, two columns (the
//! reported quarter and the same quarter a year earlier).

use super::aliases::ALIASES;
use super::facts::Located;
use super::memo;
use crate::model::{
    Amount, Cell, Column, ColumnRole, Currency, FactPeriod, LabelOrigin, Quarter, Row, RowKind,
    Scale, Statement, StatementKind,
};
use rust_decimal::Decimal;

/// The title of the metrics statement.
pub const TITLE: &str = "Key operating metrics";

/// Builds the metrics statement from the facts, or `None` when the quarter
/// is unknown or no fact is a metric.
pub(crate) fn statement(
    facts: &[Located],
    quarter: Option<Quarter>,
    heading_line: Option<usize>,
) -> Option<Statement> {
    let quarter = quarter?;
    let table = &*ALIASES;
    let mut cells: Vec<[Option<Cell>; 2]> = vec![[None, None]; table.metric.len()];
    let mut year_ago_line = None;
    for f in facts
        .iter()
        .filter(|f| f.principal || f.fact.quantity.currency != Some(Currency::USD))
    {
        let Some(m) = memo::subject(&f.fact.subject).metric else {
            continue;
        };
        let metric = &table.metric[m];
        let q = &f.fact.quantity;
        if q.unit != metric.unit() || q.currency.is_some_and(|c| Some(c) != metric.currency()) {
            continue;
        }
        let col = match f.fact.period {
            FactPeriod::Current | FactPeriod::CurrentInstant => 0,
            FactPeriod::SamePeriodLastYear | FactPeriod::YearAgoInstant => 1,
            FactPeriod::PriorQuarter => continue,
        };
        let Some(amount) = rescale(q.amount, q.scale, metric.scale()) else {
            continue;
        };
        if col == 1 && year_ago_line.is_none() {
            year_ago_line = Some(f.fact.line);
        }
        cells[m][col].get_or_insert(Cell {
            amount,
            raw: q.raw.clone(),
            line: f.fact.line,
        });
    }
    let rows: Vec<Row> = table
        .metric
        .iter()
        .zip(cells)
        .filter(|(_, c)| c.iter().any(Option::is_some))
        .map(|(m, c)| {
            let line = c.iter().flatten().map(|c| c.line).min().unwrap_or(0);
            Row {
                label: m.label.clone(),
                origin: LabelOrigin::Printed,
                section: None,
                parent: None,
                depth: 0,
                kind: RowKind::Item,
                unit: m.unit(),
                scale: m.scale(),
                cells: c.into_iter().collect(),
                line,
            }
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let first_line = rows.iter().map(|r| r.line).min().unwrap_or(0);
    let line = heading_line.unwrap_or(first_line);
    let year_ago = quarter.year_ago();
    Some(Statement {
        kind: StatementKind::Metrics,
        title: TITLE.to_string(),
        scale: Scale::Millions,
        columns: vec![
            Column {
                header: quarter.to_string(),
                period: quarter.period(),
                currency: Currency::RMB,
                role: ColumnRole::Reported,
                line,
            },
            Column {
                header: year_ago.to_string(),
                period: year_ago.period(),
                currency: Currency::RMB,
                role: ColumnRole::Reported,
                line: year_ago_line.unwrap_or(line),
            },
        ],
        rows,
        line,
    })
}

/// The amount expressed in scale `to`, keeping its printed precision
/// ("1.960 billion" is 1,960 million); `None` when the precision cannot be
/// kept ("1.96 billion" is not a whole number of millions).
fn rescale(a: Amount, from: Scale, to: Scale) -> Option<Amount> {
    if from == to {
        return Some(a);
    }
    let (fe, te) = (from.exponent(), to.exponent());
    if fe > te {
        let k = fe - te;
        if a.decimals < k {
            return None;
        }
        let value = a.value * Decimal::from(10u64.pow(k));
        Some(Amount::new(value, a.decimals.saturating_sub(k)))
    } else {
        let k = te - fe;
        let mut value = a.value / Decimal::from(10u64.pow(k));
        value.rescale(a.decimals + k);
        Some(Amount::new(value, a.decimals + k))
    }
}
