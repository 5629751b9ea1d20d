//! The detail overlay: a check's expected against actual value, the
//! difference and the contributing cells with their source lines; or a
//! cell's value, its label's origin, the loader's repairs and the checks on it.

use super::state::{DetailTarget, State};
use super::theme::Theme;
use crate::check::CheckResult;
use crate::model::{Filing, LabelOrigin, Row};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

/// The overlay's title.
pub fn title(state: &State, target: DetailTarget) -> String {
    match target {
        DetailTarget::Check(ci) => format!(" Check {} ", state.report.checks[ci].id),
        DetailTarget::Cell { kind, filing, .. } => format!(
            " {} · {} ",
            state.filings.get(filing).map_or("?", |f| f.id.as_str()),
            kind.title()
        ),
    }
}

fn kv(theme: &Theme, k: &str, v: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{k:<12}"), theme.header),
        Span::styled(v, theme.text),
    ])
}

fn source_line(theme: &Theme, filing: Option<&Filing>, line: usize) -> Line<'static> {
    let text = filing
        .and_then(|f| f.line(line))
        .unwrap_or("")
        .replace('\t', " ⇥ ");
    Line::from(vec![
        Span::styled(format!("      {line:>5} │ "), theme.dim),
        Span::styled(text, theme.dim),
    ])
}

fn check_lines(state: &State, theme: &Theme, c: &CheckResult, out: &mut Vec<Line<'static>>) {
    let (style, tag) = super::checks::status_style(theme, c.status);
    let filing = state
        .index
        .filing_of
        .get(c.filing.as_str())
        .map(|&i| &state.filings[i]);
    out.push(Line::from(vec![
        Span::styled(format!("{tag} "), style),
        Span::styled(format!("{} · ", c.kind), theme.dim),
        Span::styled(c.message().to_string(), theme.text),
    ]));
    let mut at = c.label.to_string();
    if let Some(col) = &c.column {
        at.push_str(" @ ");
        at.push_str(col);
    }
    out.push(kv(theme, "Reported", at));
    fn or_dash(x: Option<&impl ToString>) -> String {
        x.map_or_else(|| "—".to_string(), ToString::to_string)
    }
    out.push(kv(theme, "Expected", or_dash(c.expected.as_ref())));
    out.push(kv(theme, "Actual", or_dash(c.actual.as_ref())));
    out.push(Line::from(vec![
        Span::styled(format!("{:<12}", "Difference"), theme.header),
        Span::styled(or_dash(c.difference.as_ref()), style),
    ]));
    if let Some(line) = c.line {
        out.push(kv(theme, "Source", format!("{} line {line}", c.filing)));
        out.push(source_line(theme, filing, line));
    }
    if !c.contributors.is_empty() {
        out.push(Line::styled(
            format!("Contributors ({})", c.contributors.len()),
            theme.header,
        ));
        for k in &c.contributors {
            let f = state
                .index
                .filing_of
                .get(&*k.filing)
                .map(|&i| &state.filings[i]);
            let col = k
                .column
                .as_deref()
                .map(|c| format!(" @ {c}"))
                .unwrap_or_default();
            let other = if *k.filing != *c.filing {
                format!(" [{}]", k.filing)
            } else {
                String::new()
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {:>6} × ", k.weight), theme.dim),
                Span::styled(format!("{}{col}{other}", k.label), theme.text),
                Span::styled(format!(" = {}", k.value), theme.header),
                Span::styled(format!("  (line {})", k.line), theme.dim),
            ]));
            out.push(source_line(theme, f, k.line));
        }
    }
}

/// What the loader did to a label, in words.
pub fn origin_text(origin: &LabelOrigin) -> Option<String> {
    match origin {
        LabelOrigin::Printed => None,
        LabelOrigin::Joined => Some("label printed over several lines and joined".into()),
        LabelOrigin::Repaired { printed } => Some(format!(
            "label garbled in extraction and repaired; printed as {printed:?}"
        )),
        LabelOrigin::Split => Some("row split out of a line that held several rows".into()),
        LabelOrigin::Recovered { from } => Some(format!(
            "label lost in extraction, recovered from the same statement of {from}"
        )),
        LabelOrigin::Missing => Some("label lost in extraction and not recoverable".into()),
    }
}

fn repair_lines(
    theme: &Theme,
    filing: &Filing,
    kind: crate::model::StatementKind,
    row: &Row,
    out: &mut Vec<Line<'static>>,
) {
    let repairs: Vec<_> = filing
        .repairs
        .iter()
        .filter(|r| {
            r.statement == Some(kind)
                && (r.label.as_deref() == Some(row.label.as_str()) || r.lines.contains(&row.line))
        })
        .collect();
    for r in repairs {
        let lines = r
            .lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Line::from(vec![
            Span::styled("Repair      ", theme.repaired),
            Span::styled(format!("{} (lines {lines})", r.description), theme.text),
        ]));
    }
}

/// The overlay's lines (also used to bound scrolling).
pub fn lines(state: &State, target: DetailTarget) -> Vec<Line<'static>> {
    let theme = super::render::theme(state);
    let mut out = Vec::new();
    match target {
        DetailTarget::Check(ci) => check_lines(state, &theme, &state.report.checks[ci], &mut out),
        DetailTarget::Cell {
            kind,
            filing,
            stmt,
            row,
            col,
        } => {
            let Some(f) = state.filings.get(filing) else {
                return out;
            };
            let Some(st) = f.statements.get(stmt) else {
                return out;
            };
            let Some(r) = st.rows.get(row) else {
                return out;
            };
            out.push(kv(&theme, "Row", format!("{} (line {})", r.label, r.line)));
            out.push(kv(
                &theme,
                "Kind",
                format!("{:?}, depth {}, {:?}", r.kind, r.depth, r.unit),
            ));
            if let Some(p) = r.parent.and_then(|p| st.rows.get(p)) {
                out.push(kv(&theme, "Part of", p.label.clone()));
            }
            if let Some(o) = origin_text(&r.origin) {
                out.push(Line::from(vec![
                    Span::styled(format!("{:<12}", "Label *"), theme.repaired),
                    Span::styled(o, theme.text),
                ]));
            }
            repair_lines(&theme, f, kind, r, &mut out);
            if let Some(c) = col {
                let column = &st.columns[c];
                out.push(kv(
                    &theme,
                    "Column",
                    format!("{} ({})", column.header, column.period),
                ));
                if let Some(cell) = r.cell(c) {
                    let a = cell.amount;
                    out.push(kv(
                        &theme,
                        "Value",
                        format!(
                            "{:?} read as {} ± {} {}",
                            cell.raw,
                            a.plain(),
                            a.half_unit(),
                            r.scale
                        ),
                    ));
                    out.push(kv(&theme, "Source", format!("{} line {}", f.id, cell.line)));
                    out.push(source_line(&theme, Some(f), cell.line));
                }
                let checks = state.index.checks_at(filing, kind, row, c);
                out.push(Line::raw(""));
                if checks.is_empty() {
                    out.push(Line::styled("No check reports on this cell.", theme.dim));
                }
                for &ci in checks {
                    check_lines(state, &theme, &state.report.checks[ci], &mut out);
                    out.push(Line::raw(""));
                }
            }
        }
    }
    out
}

/// Draws the detail overlay in `area`.
pub fn render(
    state: &State,
    theme: &Theme,
    target: DetailTarget,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(title(state, target), theme.title))
        .title_bottom(Span::styled(" s source · Esc close ", theme.dim));
    let all = lines(state, target);
    let inner_h = area.height.saturating_sub(2) as usize;
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(inner_h).collect();
    Paragraph::new(shown)
        .block(block)
        .style(Style::default())
        .wrap(Wrap { trim: false })
        .render(area, buf);
}
