//! The checks pane (`!`): failed and warned checks grouped by filing and
//! statement, the passed count summarised, and files that failed to load.

use super::layout;
use super::state::State;
use super::theme::Theme;
use crate::check::{Report, Status};
use crate::model::Filing;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One line of the checks pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChecksLine {
    /// A heading ("qfin-2024q2-6k · Balance sheet", "Load errors").
    Group(String),
    /// A file that failed to load.
    Error(String),
    /// A check (index into the report); the only selectable lines.
    Check(usize),
}

/// The checks pane's lines, built once at start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChecksList {
    /// Lines in display order.
    pub lines: Vec<ChecksLine>,
}

impl ChecksList {
    /// Groups failed and warned checks by filing (load order) and statement
    /// (failures before warnings within a group); load errors come first.
    pub fn new(filings: &[Filing], errors: &[String], report: &Report) -> ChecksList {
        let mut lines = Vec::new();
        if !errors.is_empty() {
            lines.push(ChecksLine::Group(format!("Load errors ({})", errors.len())));
            lines.extend(errors.iter().cloned().map(ChecksLine::Error));
        }
        // One pass over the checks: failures and warnings bucketed by filing
        // (in filing order, then first-seen order) and statement.
        let mut order: Vec<&str> = filings.iter().map(|f| f.id.as_str()).collect();
        let mut slot: std::collections::HashMap<&str, usize> =
            order.iter().enumerate().map(|(i, f)| (*f, i)).collect();
        type Groups = Vec<(Option<crate::model::StatementKind>, Vec<usize>)>;
        let mut by_filing: Vec<Groups> = vec![Vec::new(); order.len()];
        for (i, c) in report.checks.iter().enumerate() {
            let at = *slot.entry(c.filing.as_str()).or_insert_with(|| {
                order.push(&c.filing);
                by_filing.push(Vec::new());
                order.len() - 1
            });
            if !matches!(c.status, Status::Fail | Status::Warn) {
                continue;
            }
            let groups = &mut by_filing[at];
            match groups.iter_mut().find(|(k, _)| *k == c.statement) {
                Some((_, v)) => v.push(i),
                None => groups.push((c.statement, vec![i])),
            }
        }
        for (filing, mut groups) in order.into_iter().zip(by_filing) {
            groups.sort_by_key(|(k, _)| k.map_or(u8::MAX, |k| k as u8));
            for (kind, mut idx) in groups {
                idx.sort_by_key(|&i| report.checks[i].status);
                let fails = idx
                    .iter()
                    .filter(|&&i| report.checks[i].status == Status::Fail)
                    .count();
                let what = kind.map_or("Narrative", |k| k.title());
                lines.push(ChecksLine::Group(format!(
                    "{filing} · {what}: {fails} failed, {} warned",
                    idx.len() - fails
                )));
                lines.extend(idx.into_iter().map(ChecksLine::Check));
            }
        }
        ChecksList { lines }
    }

    /// The check on line `i`, if that line is a check.
    pub fn check_at(&self, i: usize) -> Option<usize> {
        match self.lines.get(i) {
            Some(ChecksLine::Check(c)) => Some(*c),
            _ => None,
        }
    }

    /// The first selectable line.
    pub fn first_selectable(&self) -> Option<usize> {
        self.nearest_selectable(0, true)
    }

    /// The selectable line nearest `i`, looking forward first when `forward`.
    pub fn nearest_selectable(&self, i: usize, forward: bool) -> Option<usize> {
        let fwd = (i..self.lines.len()).find(|&j| self.check_at(j).is_some());
        let back = (0..=i.min(self.lines.len().saturating_sub(1)))
            .rev()
            .find(|&j| self.check_at(j).is_some());
        if forward { fwd.or(back) } else { back.or(fwd) }
    }
}

/// The style and tag of a status.
pub fn status_style(theme: &Theme, s: Status) -> (Style, &'static str) {
    match s {
        Status::Fail => (theme.fail, "FAIL"),
        Status::Warn => (theme.warn, "WARN"),
        Status::Pass => (theme.pass, "pass"),
        Status::Skip => (theme.dim, "skip"),
    }
}

/// Draws the checks pane.
pub fn render(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let s = state.summary;
    let summary = Line::from(vec![
        Span::styled(format!("{} passed", s.pass), theme.pass),
        Span::raw(" · "),
        Span::styled(format!("{} failed", s.fail), theme.fail),
        Span::raw(" · "),
        Span::styled(format!("{} warned", s.warn), theme.warn),
        Span::raw(" · "),
        Span::styled(format!("{} skipped", s.skip), theme.dim),
        Span::raw(format!(
            " · {} filings, {} load errors",
            state.filings.len(),
            state.errors.len()
        )),
    ]);
    buf.set_line(area.x, area.y, &summary, area.width);
    let rows = layout::list_rows(state.size).min(area.height.saturating_sub(1) as usize);
    if state.checks.lines.is_empty() {
        buf.set_string(
            area.x + 1,
            area.y + 2.min(area.height - 1),
            "No failed or warned checks.",
            theme.pass,
        );
        return;
    }
    let top = state.checks_cur.top;
    for (i, line) in state.checks.lines.iter().enumerate().skip(top).take(rows) {
        let y = area.y + 1 + (i - top) as u16;
        let selected = i == state.checks_cur.sel;
        let l = match line {
            ChecksLine::Group(g) => Line::from(Span::styled(g.clone(), theme.header)),
            ChecksLine::Error(e) => Line::from(vec![
                Span::styled("  ERROR ", theme.fail),
                Span::styled(e.clone(), theme.text),
            ]),
            ChecksLine::Check(ci) => {
                let c = &state.report.checks[*ci];
                let (style, tag) = status_style(theme, c.status);
                let mut where_ = c.label.to_string();
                if let Some(col) = &c.column {
                    where_.push_str(" @ ");
                    where_.push_str(col);
                }
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!("{tag:<5}"), style),
                    Span::styled(format!("{:<11}", c.kind.to_string()), theme.dim),
                    Span::styled(where_, theme.text),
                    Span::styled(" — ", theme.dim),
                    Span::styled(c.message().to_string(), theme.text),
                ])
            }
        };
        buf.set_line(area.x, y, &l, area.width);
        if selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.selected_row);
        }
    }
}
