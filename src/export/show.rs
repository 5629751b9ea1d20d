//! A statement as an aligned plain-text table (`tieout show`).

use crate::model::{Amount, Cell, ColumnRole, Filing, LabelOrigin, Row, Scale, Statement, Unit};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// Widest a label column gets before labels wrap.
const MAX_LABEL_WIDTH: usize = 56;
/// Widest a reconciliation column's header text gets before it wraps.
const MAX_HEADER_WIDTH: usize = 18;
/// Space between columns.
const GAP: &str = "  ";

/// Renders `statement` of `filing`: a title, column headers (reconciliation
/// role, period, currency), then one line per row with the label indented by
/// depth and each printed value right-aligned, with thousands separators and
/// parentheses for negatives. Labels the loader changed are marked `*`.
pub fn render(filing: &Filing, statement: &Statement) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", filing.id, statement.title);
    let _ = writeln!(
        out,
        "{} ({}), {}",
        statement.kind.title(),
        statement.kind.id(),
        scale_note(statement)
    );
    out.push('\n');

    let has_currency = statement.rows.iter().any(|r| r.unit.has_currency());
    let headers: Vec<Vec<String>> = statement
        .columns
        .iter()
        .map(|c| {
            let mut lines = if c.role == ColumnRole::Reported {
                Vec::new()
            } else {
                wrap(&c.header, MAX_HEADER_WIDTH)
            };
            lines.push(c.period.short());
            if has_currency {
                lines.push(c.currency.to_string());
            }
            lines
        })
        .collect();
    let cells: Vec<Vec<String>> = statement
        .rows
        .iter()
        .map(|r| {
            (0..statement.columns.len())
                .map(|i| {
                    r.cell(i)
                        .map(|c| format_cell(c, r.unit))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    let labels: Vec<Vec<String>> = statement
        .rows
        .iter()
        .map(|r| {
            let indent = "  ".repeat(usize::from(r.depth));
            let mut text = match (&r.origin, r.label.trim().is_empty()) {
                (LabelOrigin::Missing, _) | (_, true) => "(label lost)".to_string(),
                _ => r.label.clone(),
            };
            if let Some(note) = unit_note(r, statement) {
                text.push_str(&format!(" ({note})"));
            }
            if r.is_repaired() {
                text.push_str(" *");
            }
            wrap(&text, MAX_LABEL_WIDTH.saturating_sub(indent.len()).max(16))
                .into_iter()
                .enumerate()
                .map(|(i, l)| format!("{indent}{}{l}", if i > 0 { "  " } else { "" }))
                .collect()
        })
        .collect();

    let label_width = labels
        .iter()
        .flatten()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .max(5);
    let widths: Vec<usize> = (0..statement.columns.len())
        .map(|i| {
            let h = headers[i].iter().map(|l| l.width()).max().unwrap_or(0);
            let c = cells.iter().map(|r| r[i].width()).max().unwrap_or(0);
            h.max(c)
        })
        .collect();

    let header_height = headers.iter().map(Vec::len).max().unwrap_or(0);
    for line in 0..header_height {
        let mut text = " ".repeat(label_width);
        for (i, h) in headers.iter().enumerate() {
            let pad = header_height - h.len();
            let s = if line >= pad {
                h[line - pad].as_str()
            } else {
                ""
            };
            text.push_str(GAP);
            push_right(&mut text, s, widths[i]);
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    let total_width = label_width + widths.iter().map(|w| w + GAP.len()).sum::<usize>();
    out.push_str(&"-".repeat(total_width));
    out.push('\n');

    for (label_lines, row_cells) in labels.iter().zip(&cells) {
        let last = label_lines.len().saturating_sub(1);
        for (i, label) in label_lines.iter().enumerate() {
            let mut text = String::new();
            push_left(&mut text, label, label_width);
            if i == last {
                for (c, value) in row_cells.iter().enumerate() {
                    text.push_str(GAP);
                    push_right(&mut text, value, widths[c]);
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    }
    if statement.rows.iter().any(|r| r.is_repaired()) {
        out.push_str("\n* label joined, split, repaired or recovered by the loader\n");
    }
    out
}

/// Formats one cell for display: "4,160,063 ", "(213,267)", "27.9% ", "- ".
/// Non-negative values get a trailing space so digits align with parenthesised ones.
pub fn format_cell(cell: &Cell, unit: Unit) -> String {
    if is_dash(&cell.raw) {
        return "- ".to_string();
    }
    let mut text = grouped(&cell.amount);
    if unit == Unit::Percent {
        text.push('%');
    }
    if cell.amount.value.is_sign_negative() && !cell.amount.value.is_zero() {
        format!("({text})")
    } else {
        text.push(' ');
        text
    }
}

/// The unit of a row whose numbers are not in the statement's scale, for
/// metrics such as "Consumers (millions)" or "Contractual tenor (months)".
fn unit_note(row: &Row, statement: &Statement) -> Option<String> {
    match row.unit {
        Unit::Months => Some("months".into()),
        Unit::Money if row.scale != statement.scale => Some(row.scale.to_string()),
        Unit::Count | Unit::Shares if row.scale != Scale::Units => Some(row.scale.to_string()),
        _ => None,
    }
}

fn is_dash(raw: &str) -> bool {
    matches!(raw.trim(), "-" | "—" | "–" | "_")
}

/// The absolute value with thousands separators and its printed decimals.
fn grouped(amount: &Amount) -> String {
    let mut v = amount.value.abs();
    v.rescale(amount.decimals);
    let plain = v.to_string();
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn scale_note(statement: &Statement) -> String {
    match statement.scale {
        Scale::Units => "amounts in units".to_string(),
        s => format!("amounts in {s}; per-share data, share counts and percentages as printed"),
    }
}

fn push_right(out: &mut String, s: &str, width: usize) {
    out.push_str(&" ".repeat(width.saturating_sub(s.width())));
    out.push_str(s);
}

fn push_left(out: &mut String, s: &str, width: usize) {
    out.push_str(s);
    out.push_str(&" ".repeat(width.saturating_sub(s.width())));
}

/// Splits `text` into lines of at most `width` columns at spaces (a longer
/// word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;
    use crate::model::StatementKind;

    #[test]
    fn income_statement_is_aligned_with_separators_and_parentheses() {
        let f = fixture::filing();
        let s = f.statement(StatementKind::IncomeStatement).unwrap();
        let text = render(&f, s);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "qfin-2024q2-6k: Unaudited Condensed Consolidated Statements of Operations"
        );
        assert!(lines[1].starts_with("Income statement (income-statement), amounts in thousands"));
        let revenue = lines
            .iter()
            .find(|l| l.trim_start().starts_with("Total net revenue"))
            .unwrap();
        assert!(revenue.starts_with("  Total net revenue"), "{revenue}");
        assert!(revenue.contains("4,160,063"));
        assert!(revenue.ends_with("572,443"));
        let provision = lines.iter().find(|l| l.contains("contingent")).unwrap();
        assert!(provision.ends_with("(29,347)"));
        // Digits of positive and negative values line up: same end column for
        // "572,443 " and "(29,347)".
        assert_eq!(revenue.len() + 1, provision.len());
        let basic = lines.iter().find(|l| l.contains("Basic")).unwrap();
        assert!(basic.contains("4.54") && basic.ends_with("0.62"));
        let shares = lines.iter().find(|l| l.contains("Weighted")).unwrap();
        assert!(shares.contains("303,761,387"));
        let header = lines.iter().position(|l| l.contains("Q2 2024")).unwrap();
        assert!(lines[header + 1].trim_start().starts_with("RMB"));
        assert!(lines[header + 1].trim_end().ends_with("USD"));
        assert!(lines[header + 2].starts_with("-----"));
    }

    #[test]
    fn dashes_and_instants() {
        let f = fixture::filing();
        let income = render(&f, f.statement(StatementKind::IncomeStatement).unwrap());
        let loss = income
            .lines()
            .find(|l| l.contains("Investment loss"))
            .unwrap();
        assert!(loss.trim_end().ends_with('-'));
        let bs = render(&f, f.statement(StatementKind::BalanceSheet).unwrap());
        assert!(bs.contains("Jun 30, 2024"));
        assert!(bs.contains("6,337,134"));
    }

    #[test]
    fn grouping_and_percent() {
        let cell = |v: &str, raw: &str| Cell {
            amount: Amount::from_decimal(v.parse().unwrap()),
            raw: raw.into(),
            line: 1,
        };
        assert_eq!(
            format_cell(&cell("-1234567.5", "(1,234,567.5)"), Unit::Money),
            "(1,234,567.5)"
        );
        assert_eq!(format_cell(&cell("27.9", "27.9%"), Unit::Percent), "27.9% ");
        assert_eq!(format_cell(&cell("999", "999"), Unit::Count), "999 ");
        assert_eq!(format_cell(&cell("0", "—"), Unit::Money), "- ");
    }

    #[test]
    fn long_labels_wrap() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abcdefgh"]);
    }
}
