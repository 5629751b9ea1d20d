//! The help overlay (`?` or F1), generated from the keymap table.

use super::keymap::{Binding, Context};
use super::state::State;
use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

const ORDER: [Context; 7] = [
    Context::Global,
    Context::Table,
    Context::Compare,
    Context::Checks,
    Context::Detail,
    Context::Source,
    Context::Search,
];

/// The overlay's lines: each context's bindings (keys of one action joined),
/// then what the colours and marks mean.
pub fn lines(state: &State) -> Vec<Line<'static>> {
    let theme = super::render::theme(state);
    let mut out = Vec::new();
    for ctx in ORDER {
        let in_ctx: Vec<&Binding> = state
            .keymap
            .bindings
            .iter()
            .filter(|b| b.context == ctx)
            .collect();
        if in_ctx.is_empty() {
            continue;
        }
        out.push(Line::styled(format!("{} keys", title(ctx)), theme.header));
        let mut done: Vec<String> = Vec::new();
        for b in &in_ctx {
            if done.contains(&b.action_name) {
                continue;
            }
            if b.action_name.starts_with("tab-") {
                // The number keys are one line.
                let tabs: Vec<&&Binding> = in_ctx
                    .iter()
                    .filter(|o| o.action_name.starts_with("tab-"))
                    .collect();
                done.extend(tabs.iter().map(|o| o.action_name.clone()));
                let first = tabs.first().map(|o| o.key.display()).unwrap_or_default();
                let last = tabs.last().map(|o| o.key.display()).unwrap_or_default();
                out.push(Line::from(vec![
                    Span::styled(format!("  {:<16}", format!("{first}–{last}")), theme.key),
                    Span::styled("statement tab by number", theme.text),
                ]));
                continue;
            }
            done.push(b.action_name.clone());
            let keys: Vec<String> = in_ctx
                .iter()
                .filter(|o| o.action_name == b.action_name)
                .map(|o| o.key.display())
                .collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keys.join(", ")), theme.key),
                Span::styled(b.desc.clone(), theme.text),
            ]));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled("Marks", theme.header));
    out.push(Line::from(vec![
        Span::styled("  1,234   ", theme.fail),
        Span::raw("a failed check reports this cell"),
    ]));
    out.push(Line::from(vec![
        Span::styled("  1,234   ", theme.warn),
        Span::raw("a check warns about this cell"),
    ]));
    out.push(Line::from(vec![
        Span::styled("  *       ", theme.repaired),
        Span::raw("label repaired or recovered by the loader (d explains)"),
    ]));
    out.push(Line::from(vec![
        Span::styled("  (1,234) ", theme.text),
        Span::raw("negative amount"),
    ]));
    out
}

fn title(ctx: Context) -> &'static str {
    match ctx {
        Context::Global => "Everywhere",
        Context::Table => "Statement",
        Context::Compare => "Compare pane",
        Context::Checks => "Checks pane",
        Context::Help => "Help",
        Context::Detail => "Detail",
        Context::Source => "Source",
        Context::Search => "Search",
    }
}

/// Draws the help overlay; on wide screens in two columns.
pub fn render(state: &State, theme: &Theme, scroll: usize, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(" Help · tieout ", theme.title))
        .title_bottom(Span::styled(" j/k scroll · Esc close ", theme.dim));
    let inner = block.inner(area);
    block.render(area, buf);
    let all = lines(state);
    let h = inner.height as usize;
    if inner.width >= 80 && all.len() > h {
        // Two columns: the second continues the first.
        let half = inner.width / 2;
        let left: Vec<Line> = all.iter().skip(scroll).take(h).cloned().collect();
        let right: Vec<Line> = all.iter().skip(scroll + h).take(h).cloned().collect();
        Paragraph::new(left).render(Rect::new(inner.x + 1, inner.y, half - 1, inner.height), buf);
        Paragraph::new(right).render(Rect::new(inner.x + half, inner.y, half, inner.height), buf);
    } else {
        let shown: Vec<Line> = all.into_iter().skip(scroll).take(h).collect();
        Paragraph::new(shown).render(
            Rect::new(
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(1),
                inner.height,
            ),
            buf,
        );
    }
}
