//! Everything the user can ask for, as data: the keymap names actions and
//! [`crate::tui::update::update`] applies them.

/// One user intent. Keys, mouse events and resizes become actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Toggle the help overlay.
    Help,
    /// Close the top overlay or pane.
    Close,
    /// Row up (in the table, a list or an overlay).
    Up,
    /// Row down.
    Down,
    /// Column left (horizontal scroll).
    Left,
    /// Column right.
    Right,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Next statement tab.
    NextTab,
    /// Previous statement tab.
    PrevTab,
    /// Statement tab `n` (0-based).
    GoTab(usize),
    /// Next filing.
    NextFiling,
    /// Previous filing.
    PrevFiling,
    /// Toggle the merged all-filings view.
    ToggleMerged,
    /// Enter: open the source of a cell, or jump to a check's cell.
    Activate,
    /// The source lines around the selection.
    Source,
    /// The detail view of the selected cell or check.
    Detail,
    /// Start typing a label search.
    Search,
    /// A character typed into the search.
    SearchInput(char),
    /// Delete the last search character.
    SearchBackspace,
    /// Run the search.
    SearchConfirm,
    /// Abandon the search input.
    SearchCancel,
    /// Next search match.
    SearchNext,
    /// Previous search match.
    SearchPrev,
    /// Toggle the comparison pane.
    Compare,
    /// Next comparison pair.
    NextPair,
    /// Toggle the checks pane.
    Checks,
    /// Cycle RMB+USD, RMB only, USD only.
    ToggleCurrency,
    /// Cycle as printed, millions, billions.
    CycleUnit,
    /// Cycle colour themes.
    CycleTheme,
    /// Scroll down by rows (mouse wheel).
    ScrollDown(usize),
    /// Scroll up by rows (mouse wheel).
    ScrollUp(usize),
    /// Select the row shown at body line `n` of the current list or table (mouse click).
    ClickRow(usize),
    /// The terminal was resized to (width, height).
    Resize(u16, u16),
}

impl Action {
    /// The action a keymap entry names ("down", "tab-3"), if any.
    pub fn from_name(name: &str) -> Option<Action> {
        use Action::*;
        if let Some(n) = name.strip_prefix("tab-") {
            return n
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=9).contains(n))
                .map(|n| GoTab(n - 1));
        }
        Some(match name {
            "quit" => Quit,
            "help" => Help,
            "close" => Close,
            "up" => Up,
            "down" => Down,
            "left" => Left,
            "right" => Right,
            "page-up" => PageUp,
            "page-down" => PageDown,
            "top" => Top,
            "bottom" => Bottom,
            "next-tab" => NextTab,
            "prev-tab" => PrevTab,
            "next-filing" => NextFiling,
            "prev-filing" => PrevFiling,
            "toggle-merged" => ToggleMerged,
            "activate" => Activate,
            "source" => Source,
            "detail" => Detail,
            "search" => Search,
            "search-backspace" => SearchBackspace,
            "search-confirm" => SearchConfirm,
            "search-cancel" => SearchCancel,
            "search-next" => SearchNext,
            "search-prev" => SearchPrev,
            "compare" => Compare,
            "next-pair" => NextPair,
            "checks" => Checks,
            "toggle-currency" => ToggleCurrency,
            "cycle-unit" => CycleUnit,
            "cycle-theme" => CycleTheme,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse() {
        assert_eq!(Action::from_name("tab-3"), Some(Action::GoTab(2)));
        assert_eq!(Action::from_name("tab-0"), None);
        assert_eq!(Action::from_name("next-pair"), Some(Action::NextPair));
        assert_eq!(Action::from_name("fly"), None);
    }
}
