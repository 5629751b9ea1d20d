//! Colour themes. `NO_COLOR` selects the monochrome theme, which marks
//! failures and warnings with reverse video and underline instead of colour.

use ratatui::style::{Color, Modifier, Style};

/// The styles every view draws with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Theme name.
    pub name: &'static str,
    /// Title bar.
    pub title: Style,
    /// Inactive tab.
    pub tab: Style,
    /// Active tab.
    pub tab_active: Style,
    /// Column headers.
    pub header: Style,
    /// Ordinary text.
    pub text: Style,
    /// Secondary text (hints, one-sided rows, separators).
    pub dim: Style,
    /// Section headings.
    pub heading: Style,
    /// Subtotals and totals (added to the row style).
    pub total: Style,
    /// The selected row.
    pub selected_row: Style,
    /// The selected cell.
    pub selected_cell: Style,
    /// A failed cell or check.
    pub fail: Style,
    /// A warned cell or check.
    pub warn: Style,
    /// Passed summary.
    pub pass: Style,
    /// Repaired or recovered label marker.
    pub repaired: Style,
    /// An increase.
    pub up: Style,
    /// A decrease.
    pub down: Style,
    /// Highlighted text in the source view.
    pub highlight: Style,
    /// Overlay borders.
    pub border: Style,
    /// Footer key names.
    pub key: Style,
}

fn colored(name: &'static str, fg: Color, accent: Color, sel_bg: Color, dim: Color) -> Theme {
    Theme {
        name,
        title: Style::new().fg(accent).add_modifier(Modifier::BOLD),
        tab: Style::new().fg(dim),
        tab_active: Style::new()
            .fg(accent)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        header: Style::new().fg(accent).add_modifier(Modifier::BOLD),
        text: Style::new().fg(fg),
        dim: Style::new().fg(dim),
        heading: Style::new().fg(fg).add_modifier(Modifier::ITALIC),
        total: Style::new().add_modifier(Modifier::BOLD),
        selected_row: Style::new().bg(sel_bg),
        selected_cell: Style::new().add_modifier(Modifier::REVERSED),
        fail: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        warn: Style::new().fg(Color::Yellow),
        pass: Style::new().fg(Color::Green),
        repaired: Style::new().fg(Color::Magenta),
        up: Style::new().fg(Color::Green),
        down: Style::new().fg(Color::Red),
        highlight: Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        border: Style::new().fg(accent),
        key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
    }
}

/// Black and white: reverse video for failures, underline for warnings.
fn mono() -> Theme {
    let plain = Style::new();
    Theme {
        name: "mono",
        title: plain.add_modifier(Modifier::BOLD),
        tab: plain,
        tab_active: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        header: plain.add_modifier(Modifier::BOLD),
        text: plain,
        dim: plain.add_modifier(Modifier::DIM),
        heading: plain.add_modifier(Modifier::ITALIC),
        total: plain.add_modifier(Modifier::BOLD),
        selected_row: plain.add_modifier(Modifier::UNDERLINED),
        selected_cell: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        fail: plain.add_modifier(Modifier::REVERSED),
        warn: plain.add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
        pass: plain,
        repaired: plain.add_modifier(Modifier::ITALIC),
        up: plain,
        down: plain,
        highlight: plain.add_modifier(Modifier::REVERSED),
        border: plain,
        key: plain.add_modifier(Modifier::BOLD),
    }
}

/// The theme named `name` (see [`crate::tui::config::THEMES`]); dark otherwise.
pub fn by_name(name: &str) -> Theme {
    match name {
        "light" => colored(
            "light",
            Color::Black,
            Color::Blue,
            Color::Gray,
            Color::DarkGray,
        ),
        "high-contrast" => {
            let mut t = colored(
                "high-contrast",
                Color::White,
                Color::Cyan,
                Color::Blue,
                Color::Gray,
            );
            t.fail = Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD);
            t.warn = Style::new().fg(Color::Black).bg(Color::Yellow);
            t
        }
        "mono" => mono(),
        _ => colored(
            "dark",
            Color::Reset,
            Color::Cyan,
            Color::DarkGray,
            Color::DarkGray,
        ),
    }
}
