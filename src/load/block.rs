//! Stage 2: table blocks (runs of tab-separated lines) and their captions.

use super::clean;
use crate::model::{Scale, StatementKind};

/// A run of table lines (0-based indices `start..end`, blank lines inside kept).
#[derive(Clone, Debug)]
pub struct Block {
    /// First line index (0-based).
    pub start: usize,
    /// One past the last line index.
    pub end: usize,
    /// What the lines above the block say about it.
    pub caption: Caption,
}

/// The caption above a table: title, period caption, scale.
#[derive(Clone, Debug, Default)]
pub struct Caption {
    /// The title as printed (markup removed) and its 1-based line.
    pub title: Option<(String, usize)>,
    /// The statement kind the title names.
    pub kind: Option<StatementKind>,
    /// A period printed as the caption ("Six months ended June 30, 2024") and its line.
    pub period: Option<(String, usize)>,
    /// The scale stated for monetary amounts.
    pub scale: Option<Scale>,
}

/// Lines this long are prose, not captions.
const PROSE: usize = 320;
/// How many non-blank lines above a block may hold its caption.
const LOOKBACK: usize = 5;

/// Whether a line is part of a table: it has a tab.
fn is_table_line(l: &str) -> bool {
    l.contains('\t')
}

/// The statement kind a title names, if any.
pub fn title_kind(title: &str) -> Option<StatementKind> {
    let t = title.to_lowercase();
    let t = t.split("(amounts").next().unwrap_or("");
    if t.len() > 160 {
        return None;
    }
    if t.contains("non-gaap") && t.contains("reconciliation") {
        Some(StatementKind::NonGaap)
    } else if t.contains("comprehensive") && (t.contains("statement") || t.contains("income")) {
        Some(StatementKind::ComprehensiveIncome)
    } else if t.contains("cash flow") {
        Some(StatementKind::CashFlow)
    } else if t.contains("balance sheet") {
        Some(StatementKind::BalanceSheet)
    } else if t.contains("statements of operations")
        || t.contains("statement of operations")
        || t.contains("statements of income")
        || t.contains("income statement")
    {
        Some(StatementKind::IncomeStatement)
    } else {
        None
    }
}

/// The scale a caption states.
pub fn scale_of(text: &str) -> Option<Scale> {
    // ("amounts in thousands" says "in thousands".)
    static SCALES: clean::LowerWords =
        clean::LowerWords::new(&["in thousands", "in millions", "in billions"]);
    let found = SCALES.in_lower(text);
    if found & 1 != 0 {
        Some(Scale::Thousands)
    } else if found & 2 != 0 {
        Some(Scale::Millions)
    } else if found & 4 != 0 {
        Some(Scale::Billions)
    } else {
        None
    }
}

/// Whether `text` is just a period ("As of June 30, 2024").
pub fn is_period_caption(text: &str) -> bool {
    // A period caption starts "three/six/nine/twelve months", "as of" or
    // "year ended": other ASCII starts need no squashed copy.
    if let Some(b) = text.trim_start().bytes().next()
        && b.is_ascii()
        && !matches!(b.to_ascii_lowercase(), b't' | b's' | b'n' | b'a' | b'y')
    {
        return false;
    }
    super::scan::is_period_caption(&clean::squash(text))
}

/// Finds the table blocks of a text and reads their captions.
pub fn find(lines: &[String]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    while i < lines.len() {
        if !is_table_line(&lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < lines.len() {
            if is_table_line(&lines[j]) {
                end = j + 1;
                j += 1;
            } else if lines[j].trim().is_empty() {
                j += 1;
            } else {
                break;
            }
        }
        let caption = caption(lines, prev_end, start);
        blocks.push(Block {
            start,
            end,
            caption,
        });
        prev_end = end;
        i = end;
    }
    blocks
}

/// Reads the caption from the non-table lines `from..start` above a block.
fn caption(lines: &[String], from: usize, start: usize) -> Caption {
    let mut cap = Caption::default();
    let mut seen = 0;
    for idx in (from..start).rev() {
        let raw = lines[idx].trim();
        if raw.is_empty() {
            continue;
        }
        if raw.len() > PROSE {
            break;
        }
        seen += 1;
        if seen > LOOKBACK {
            break;
        }
        let text = clean::label(raw);
        if cap.scale.is_none() {
            cap.scale = scale_of(&text);
        }
        if cap.title.is_none() && cap.period.is_none() && is_period_caption(&text) {
            cap.period = Some((text.to_string(), idx + 1));
            continue;
        }
        if cap.title.is_none()
            && let Some(kind) = title_kind(&text)
        {
            let title = text
                .split(" (Amounts")
                .next()
                .unwrap_or(&text)
                .trim()
                .to_string();
            cap.title = Some((title, idx + 1));
            cap.kind = Some(kind);
            // A scale line may sit just below the title; already seen.
            break;
        }
    }
    cap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_titles() {
        assert_eq!(
            title_kind(
                "Unaudited Condensed Consolidated Statements of Comprehensive (Loss)/Income"
            ),
            Some(StatementKind::ComprehensiveIncome)
        );
        assert_eq!(
            title_kind("Unaudited Reconciliations of GAAP and Non-GAAP Results"),
            Some(StatementKind::NonGaap)
        );
        assert!(is_period_caption("As of December 31, 2023"));
        assert!(is_period_caption("Six months ended June 30, 2024"));
        assert!(is_period_caption("  Year Ended December 31, 2024"));
        assert!(!is_period_caption("(In thousands) As of December 31, 2023"));
        assert_eq!(scale_of("(Amounts in Thousands)"), Some(Scale::Thousands));
        assert_eq!(scale_of("in millions, in billions"), Some(Scale::Millions));
        assert_eq!(scale_of("IN BILLIONS"), Some(Scale::Billions));
        assert_eq!(scale_of("thousands"), None);
    }
}
