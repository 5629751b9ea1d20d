//! The comparison pane (`c`): the current statement for two periods side by
//! side with Δ and Δ% coloured; rows found on one side only are marked.

use super::format::{UnitMode, convert, format_cell, format_decimal};
use super::layout::TABLE_HEADER;
use super::pair::{CompareRow, CompareTable};
use super::state::State;
use super::statement::{draw_label, fit, numeric, right, row_style};
use super::theme::Theme;
use crate::model::{Amount, Cell, Filing, Unit};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rust_decimal::{Decimal, RoundingStrategy};
use unicode_width::UnicodeWidthStr;

/// Column widths (value, Δ, Δ%): roomy, and compact below 100 columns.
fn widths(screen: u16) -> (usize, usize, usize) {
    if screen < 100 {
        (12, 11, 8)
    } else {
        (16, 14, 11)
    }
}

fn side_cell<'a>(
    filings: &'a [Filing],
    side: &super::pair::Side,
    row: Option<usize>,
) -> Option<&'a Cell> {
    filings[side.filing].statements[side.stmt]
        .rows
        .get(row?)?
        .cell(side.col)
}

/// Δ and Δ% of a row as text, with the sign of Δ (exact decimal arithmetic).
pub fn delta(
    row: &CompareRow,
    l: &Cell,
    r: &Cell,
    mode: UnitMode,
) -> (String, String, std::cmp::Ordering) {
    let d = r.amount.value - l.amount.value;
    let decimals = l.amount.decimals.max(r.amount.decimals);
    let (dv, dd) = convert(&Amount::new(d, decimals), row.unit, row.scale, mode);
    let mut ds = format_decimal(dv, dd);
    if d > Decimal::ZERO {
        ds = format!("+{ds}");
    }
    let pct = if row.unit == Unit::Percent {
        "pts".to_string()
    } else if l.amount.value.is_zero() {
        "n/a".to_string()
    } else {
        let p = (d / l.amount.value.abs() * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
        let sign = match p.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => "+",
            std::cmp::Ordering::Less => "-",
            std::cmp::Ordering::Equal => "",
        };
        format!("{sign}{}%", format_decimal(p.abs(), 1))
    };
    (ds, pct, d.cmp(&Decimal::ZERO))
}

/// Draws the comparison pane.
pub fn render(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let table: &CompareTable = match &state.compare {
        Some(Ok(t)) => t,
        Some(Err(why)) => {
            let msg = format!(
                "Compare {} ({}): not available — {why}. Press p for another pair.",
                state.kind().title(),
                state.pair.label()
            );
            buf.set_stringn(
                area.x + 1,
                area.y + 1.min(area.height),
                msg,
                area.width as usize,
                theme.warn,
            );
            return;
        }
        None => return,
    };
    if area.height <= TABLE_HEADER + 1 {
        return;
    }
    let title = format!(
        "Compare {} · {} · p: switch pair",
        table.kind.title(),
        table.pair.label()
    );
    buf.set_stringn(
        area.x,
        area.y,
        fit(&title, area.width as usize),
        area.width as usize,
        theme.title,
    );
    let area = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    #[allow(non_snake_case)]
    let (VALUE_W, DELTA_W, PCT_W) = widths(area.width);
    let fixed = (VALUE_W * 2 + DELTA_W + PCT_W + 4) as u16;
    let label_max = table
        .rows
        .iter()
        .map(|r| r.label.width() + 2 * r.depth as usize + 2)
        .max()
        .unwrap_or(20) as u16;
    let lw = area
        .width
        .saturating_sub(fixed)
        .min(label_max.max(20))
        .max(12);
    let cols = [
        (&table.left.title, &table.left.sub, VALUE_W),
        (&table.right.title, &table.right.sub, VALUE_W),
        (&"Δ".to_string(), &String::new(), DELTA_W),
        (&"Δ%".to_string(), &String::new(), PCT_W),
    ];
    let mut x = area.x + lw + 1;
    for (a, b, w) in cols {
        // "Q1 filing · RMB" loses the currency when narrow.
        let b = if b.width() > w {
            b.split(" · ").next().unwrap_or(b)
        } else {
            b.as_str()
        };
        buf.set_string(x, area.y, right(a, w), theme.header);
        buf.set_string(x, area.y + 1, right(b, w), theme.dim);
        x += w as u16 + 1;
    }
    buf.set_stringn(
        area.x,
        area.y + 1,
        fit(&state.unit.describe(state.grid.scale), lw as usize),
        lw as usize,
        theme.dim,
    );
    let body = (area.height - TABLE_HEADER) as usize;
    let top = state.compare_cur.top;
    for (i, row) in table.rows.iter().enumerate().skip(top).take(body) {
        let y = area.y + TABLE_HEADER + (i - top) as u16;
        let base = row_style(theme, row.kind);
        if i == state.compare_cur.sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.selected_row);
        }
        draw_label(
            buf,
            theme,
            area.x,
            y,
            lw,
            (&row.label, row.depth, false),
            base,
        );
        let l = side_cell(&state.filings, &table.left, row.left);
        let r = side_cell(&state.filings, &table.right, row.right);
        let show = |c: Option<&Cell>| {
            c.map(|c| numeric(&format_cell(c, row.unit, row.scale, state.unit)))
                .unwrap_or_default()
        };
        let mut x = area.x + lw + 1;
        let missing = |present: Option<usize>| if present.is_none() { "—" } else { "" };
        let ltext = if row.left.is_none() {
            missing(row.left).to_string()
        } else {
            show(l)
        };
        let rtext = if row.right.is_none() {
            missing(row.right).to_string()
        } else {
            show(r)
        };
        buf.set_string(x, y, right(&ltext, VALUE_W), base);
        x += VALUE_W as u16 + 1;
        buf.set_string(x, y, right(&rtext, VALUE_W), base);
        x += VALUE_W as u16 + 1;
        match (row.left, row.right, l, r) {
            (Some(_), Some(_), Some(lc), Some(rc)) => {
                let (d, p, ord) = delta(row, lc, rc, state.unit);
                let style = match ord {
                    std::cmp::Ordering::Greater => base.patch(theme.up),
                    std::cmp::Ordering::Less => base.patch(theme.down),
                    std::cmp::Ordering::Equal => base,
                };
                buf.set_string(x, y, right(&numeric(&d), DELTA_W), style);
                x += DELTA_W as u16 + 1;
                buf.set_string(x, y, right(&p, PCT_W), style);
            }
            (None, Some(_), ..) | (Some(_), None, ..) => {
                let side = if row.left.is_none() {
                    &table.right
                } else {
                    &table.left
                };
                let t = format!("only in {}", side.title);
                buf.set_string(x, y, right(&t, DELTA_W + 1 + PCT_W), theme.dim);
            }
            _ => {}
        }
    }
}
