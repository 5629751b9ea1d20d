//! The source overlay (`s`, or Enter on a cell): the filing's lines around
//! the selected row, the value highlighted, and any repair the loader made there.

use super::state::{SourceView, State};
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// Splits a source line into spans: tabs shown as a dim "⇥", `needle` highlighted.
fn spans(text: &str, needle: Option<&str>, base: Style, theme: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for (i, part) in text.split('\t').enumerate() {
        if i > 0 {
            out.push(Span::styled(" ⇥ ", theme.dim));
        }
        match needle.filter(|n| !n.is_empty()) {
            Some(n) => {
                let mut rest = part;
                while let Some(pos) = rest.find(n) {
                    out.push(Span::styled(rest[..pos].to_string(), base));
                    out.push(Span::styled(n.to_string(), theme.highlight));
                    rest = &rest[pos + n.len()..];
                }
                out.push(Span::styled(rest.to_string(), base));
            }
            None => out.push(Span::styled(part.to_string(), base)),
        }
    }
    out
}

/// Draws the source overlay in `area`.
pub fn render(state: &State, theme: &Theme, v: &SourceView, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let Some(f) = state.filings.get(v.filing) else {
        return;
    };
    let inner_h = area.height.saturating_sub(2) as usize;
    let window = v.top..v.top + inner_h;
    let repairs: Vec<_> = f
        .repairs
        .iter()
        .filter(|r| r.lines.iter().any(|l| window.contains(l)))
        .collect();
    let text_rows = inner_h.saturating_sub(repairs.len().min(inner_h / 3));
    let mut lines: Vec<Line> = Vec::with_capacity(inner_h);
    for n in v.top..(v.top + text_rows).min(f.line_count() + 1) {
        let Some(text) = f.line(n) else { break };
        let is_target = n == v.line;
        let repaired = repairs.iter().any(|r| r.lines.contains(&n));
        let base = if is_target {
            theme.text.patch(theme.selected_row)
        } else {
            theme.text
        };
        let mark = if repaired {
            Span::styled("*", theme.repaired)
        } else {
            Span::raw(" ")
        };
        let mut l = vec![
            Span::styled(
                format!("{n:>5} "),
                if is_target { theme.key } else { theme.dim },
            ),
            mark,
            Span::styled("│ ", theme.dim),
        ];
        l.extend(spans(
            text,
            if is_target { v.needle.as_deref() } else { None },
            base,
            theme,
        ));
        lines.push(Line::from(l));
    }
    for r in repairs.iter().take(inner_h - text_rows.min(inner_h)) {
        let ls = r
            .lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(Line::from(vec![
            Span::styled(format!("* repair (line {ls}): "), theme.repaired),
            Span::styled(r.description.clone(), theme.text),
        ]));
    }
    let title = format!(" {} · line {} ", f.id, v.line);
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(Span::styled(title, theme.title))
                .title_bottom(Span::styled(" j/k scroll · Esc close ", theme.dim)),
        )
        .render(area, buf);
}
