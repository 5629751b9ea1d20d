//! Stage 3: column headers and periods. Multi-line headers, words broken by
//! tabs, several period groups in one header (a group starts where the year
//! sequence restarts), currencies per column, and reconciliation headers
//! stacked vertically in their columns.

use super::clean::{self, LowerWords, lower_contains};
use super::line::{self, Class, Phrase};
use super::vocab::Vocab;
use crate::model::{ColumnRole, Currency, LoadWarning, Period, Repair, RepairKind, Scale};
use std::borrow::Cow;

/// One column as read from a header.
#[derive(Clone, Debug)]
pub struct ColSpec {
    /// The header text (canonical period phrase, year, currency; or the
    /// reconciliation column's full header).
    pub header: String,
    /// The period, when the header names it.
    pub period: Option<Period>,
    /// The currency.
    pub currency: Currency,
    /// Reported or reconciliation role.
    pub role: ColumnRole,
    /// Source line naming the period (or the header's first line).
    pub line: usize,
    /// The period group the column belongs to (0-based).
    pub group: usize,
    /// The year printed for the column, if any.
    pub year: Option<i32>,
}

/// What a header yields.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// The columns.
    pub cols: Vec<ColSpec>,
    /// Whether the columns are reconciliation columns.
    pub recon: bool,
    /// Text printed in the label column of the header ("Condensed Consolidated
    /// Statement of Operations").
    pub label_text: String,
    /// Source line of the last header line printing text in the label column.
    pub label_line: usize,
    /// A scale stated inside the header.
    pub scale: Option<Scale>,
    /// Header repairs (broken words, spellings).
    pub repairs: Vec<Repair>,
    /// Header lines that could not be read.
    pub warnings: Vec<LoadWarning>,
    /// Whether no period could be read for some column.
    pub missing_period: bool,
}

fn is_meta_cell(c: &str) -> bool {
    static META: LowerWords = LowerWords::new(&["thousands", "enminbi", "(note", "(\"rmb\")"]);
    if META.in_lower(c) != 0 {
        return true;
    }
    if c.is_ascii() {
        let t = c.trim();
        return t.eq_ignore_ascii_case("rmb") || t.eq_ignore_ascii_case("usd");
    }
    let l = c.to_lowercase();
    l.trim() == "rmb" || l.trim() == "usd"
}

/// Interprets the header lines of a table with `width` value columns.
/// `caption` is a period printed as the table's caption, if any.
pub fn read(
    lines: &[(usize, Class, &str)],
    width: usize,
    caption: Option<(&str, usize)>,
) -> Header {
    let mut h = Header::default();
    let vocab = Vocab::get();
    let mut phrases: Vec<(Phrase, usize)> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    let mut year_line = None;
    let mut currencies: Vec<Option<Currency>> = vec![None; width];
    let mut text_lines: Vec<(usize, Vec<Cow<'_, str>>)> = Vec::new();
    for (no, class, raw) in lines {
        match class {
            Class::Period(p) => {
                let printed = clean::label(&raw.replace('\t', " ")).into_owned();
                for ph in p {
                    phrases.push((ph.clone(), *no));
                }
                let canon: Vec<String> = p.iter().map(|ph| ph.text(None)).collect();
                let lower = printed.to_lowercase();
                if canon.iter().any(|c| !lower.contains(&c.to_lowercase())) {
                    h.repairs.push(Repair {
                        kind: RepairKind::RecoveredHeader,
                        statement: None,
                        label: None,
                        description: format!(
                            "header printed as \"{}\" read as \"{}\"",
                            printed.trim(),
                            canon.join("\" / \"")
                        ),
                        lines: vec![*no],
                    });
                }
            }
            Class::Years(y) => {
                years.extend(y.iter().copied());
                year_line.get_or_insert(*no);
            }
            Class::Currencies(_, garbled) => {
                let cells = line::cells_cow(raw);
                let skip_label = raw.starts_with('\t')
                    || cells
                        .first()
                        .is_some_and(|f| !f.is_empty() && clean::letter_count(f) == 0);
                let values = if skip_label { &cells[1..] } else { &cells[..] };
                for (i, cell) in values.iter().enumerate() {
                    if i < width && currencies[i].is_none() {
                        currencies[i] = line::currency_cell(cell);
                    }
                }
                let printed = values.iter().filter(|c| !c.is_empty()).count();
                if !*garbled && printed < width {
                    h.warnings.push(LoadWarning {
                        line: Some(*no),
                        message: format!(
                            "currency line \"{}\" names {printed} of {width} columns: the others inferred",
                            clean::label(&raw.replace('\t', " "))
                        ),
                    });
                }
                if *garbled {
                    h.warnings.push(LoadWarning {
                        line: Some(*no),
                        message: format!(
                            "garbled currency header \"{}\": currencies inferred",
                            clean::label(&raw.replace('\t', " "))
                        ),
                    });
                }
            }
            Class::HeaderText => {
                let cells = line::cells_cow(raw);
                if cells.iter().any(|c| lower_contains(c, "thousands")) {
                    h.scale = Some(Scale::Thousands);
                }
                text_lines.push((*no, cells));
            }
            _ => {}
        }
    }
    h.recon = text_lines.iter().any(|(_, cells)| {
        cells[1..]
            .iter()
            .any(|c| lower_contains(c, "amounts as") || vocab.column(c).is_some())
    }) || text_lines
        .iter()
        .any(|(_, c)| vocab.column(&c[1..].join(" ")).is_some());
    if h.recon {
        read_recon(&mut h, &text_lines, width, &currencies, caption);
        return h;
    }
    // Header text lines that are not scale notes: unreadable.
    for (no, cells) in &text_lines {
        let meaningful = cells
            .iter()
            .any(|c| clean::has_letters(c) && !is_meta_cell(c));
        if meaningful || cells.iter().all(|c| !clean::has_letters(c)) {
            h.warnings.push(LoadWarning {
                line: Some(*no),
                message: format!(
                    "unreadable header line \"{}\"",
                    clean::label(&cells.join(" "))
                ),
            });
        }
    }
    read_periods(&mut h, &phrases, &years, year_line, &currencies, width);
    h
}

/// Period columns from phrases, years and currencies.
fn read_periods(
    h: &mut Header,
    phrases: &[(Phrase, usize)],
    years: &[i32],
    year_line: Option<usize>,
    currencies: &[Option<Currency>],
    width: usize,
) {
    let instants = !phrases.is_empty() && phrases.iter().all(|(p, _)| p.months.is_none());
    // Groups: one per instant phrase, or split the years where they restart.
    let mut group_of = vec![0usize; width];
    let mut col_year: Vec<Option<i32>> = vec![None; width];
    if instants && phrases.len() >= width {
        for (i, g) in group_of.iter_mut().enumerate() {
            *g = i;
            col_year[i] = phrases[i].0.year;
        }
    } else {
        let mut g = 0;
        for i in 0..width {
            let y = years.get(i).copied();
            if i > 0
                && y.is_some()
                && y == years.first().copied()
                && years.get(i - 1) != years.first()
            {
                g += 1;
            }
            group_of[i] = g;
            col_year[i] = y;
        }
    }
    // Currencies: printed, else the repeated year of a group is USD.
    let mut cur = vec![Currency::RMB; width];
    for i in 0..width {
        cur[i] = match currencies.get(i).copied().flatten() {
            Some(c) => c,
            None => {
                let dup = (0..i).any(|j| {
                    group_of[j] == group_of[i]
                        && col_year[j] == col_year[i]
                        && col_year[i].is_some()
                });
                if dup { Currency::USD } else { Currency::RMB }
            }
        };
    }
    for i in 0..width {
        let g = group_of[i];
        let phrase = if instants && phrases.len() >= width {
            phrases.get(i)
        } else {
            phrases.get(g)
        };
        let year = col_year[i].or(phrase.and_then(|p| p.0.year));
        let period = match (phrase, year) {
            (Some((p, _)), Some(y)) => p.end(y).map(|end| match p.months {
                Some(m) => Period::months_ending(m, end),
                None => Period::instant(end),
            }),
            _ => None,
        };
        if period.is_none() {
            h.missing_period = true;
        }
        let text = match (phrase, year) {
            (Some((p, _)), Some(y)) => {
                if p.months.is_some() && p.year.is_none() {
                    format!("{} {y}", p.text(None))
                } else {
                    p.text(Some(y))
                }
            }
            (None, Some(y)) => y.to_string(),
            _ => String::new(),
        };
        h.cols.push(ColSpec {
            header: format!("{text} {}", cur[i]).trim().to_string(),
            period,
            currency: cur[i],
            role: ColumnRole::Reported,
            line: phrase.map(|p| p.1).or(year_line).unwrap_or(0),
            group: g,
            year,
        });
    }
}

/// Reconciliation columns: each column's header lines stacked vertically.
fn read_recon(
    h: &mut Header,
    text_lines: &[(usize, Vec<Cow<'_, str>>)],
    width: usize,
    currencies: &[Option<Currency>],
    caption: Option<(&str, usize)>,
) {
    let vocab = Vocab::get();
    // Which cells are scale or currency notes, read once.
    let meta: Vec<Vec<bool>> = text_lines
        .iter()
        .map(|(_, cells)| cells.iter().map(|c| is_meta_cell(c)).collect())
        .collect();
    let mut label_parts: Vec<&str> = Vec::new();
    let mut stacked = vec![String::new(); width];
    for ((no, cells), meta) in text_lines.iter().zip(&meta) {
        if meta.contains(&true) {
            continue;
        }
        if !cells[0].is_empty() {
            h.label_line = *no;
            label_parts.push(&cells[0]);
        }
        for (i, c) in cells.iter().skip(1).enumerate().take(width) {
            if !c.is_empty() && !meta[i + 1] {
                if !stacked[i].is_empty() {
                    stacked[i].push(' ');
                }
                stacked[i].push_str(c);
            }
        }
    }
    h.label_text = label_parts.join(" ");
    let period = caption.and_then(|(text, _)| {
        let p = line::phrases(text);
        let p = p.first()?;
        let end = p.end(p.year?)?;
        Some(match p.months {
            Some(m) => Period::months_ending(m, end),
            None => Period::instant(end),
        })
    });
    let first_line = text_lines.first().map_or(0, |l| l.0);
    for (i, stack) in stacked.iter().enumerate() {
        let printed = clean::label(stack).into_owned();
        let header = match vocab.column(&printed) {
            Some(canon) => {
                if !printed.contains(canon) {
                    h.repairs.push(Repair {
                        kind: RepairKind::RecoveredHeader,
                        statement: None,
                        label: None,
                        description: format!(
                            "column header printed as \"{printed}\" spelled \"{canon}\" as in the other reconciliation tables"
                        ),
                        lines: text_lines.iter().map(|l| l.0).collect(),
                    });
                }
                canon.to_string()
            }
            None => printed.clone(),
        };
        let role = if lower_contains(&header, "u.s. gaap") || lower_contains(&header, "us gaap") {
            ColumnRole::UsGaap
        } else if lower_contains(&header, "under ifrs") {
            ColumnRole::Ifrs
        } else {
            ColumnRole::Adjustment
        };
        if period.is_none() {
            h.missing_period = true;
        }
        h.cols.push(ColSpec {
            header,
            period,
            currency: currencies
                .get(i)
                .copied()
                .flatten()
                .unwrap_or(Currency::RMB),
            role,
            line: caption.map_or(first_line, |c| c.1),
            group: 0,
            year: period.map(|p| chrono::Datelike::year(&p.end())),
        });
    }
    // Header lines contributing to no column: unreadable.
    let col_letters: Vec<String> = h.cols.iter().map(|c| clean::letters(&c.header)).collect();
    for ((no, cells), meta) in text_lines.iter().zip(&meta) {
        let useful = cells.iter().enumerate().any(|(i, c)| {
            if meta[i] || !clean::has_letters(c) {
                return i > 0 && meta[i];
            }
            if i == 0 {
                return super::block::title_kind(c).is_some() || lower_contains(c, "balance sheet");
            }
            col_letters
                .get(i - 1)
                .is_some_and(|col| col.contains(&clean::letters(c)))
        });
        let joined = cells.join(" ");
        let spanning = vocab.is_spanning(&joined);
        if !useful && !spanning {
            h.warnings.push(LoadWarning {
                line: Some(*no),
                message: format!("unreadable header line \"{}\"", clean::label(&joined)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(raw: &[&'a str]) -> Vec<(usize, Class, &'a str)> {
        raw.iter()
            .enumerate()
            .map(|(i, r)| (i + 1, line::classify(r, false), *r))
            .collect()
    }

    #[test]
    fn groups_start_where_years_restart() {
        let h = read(
            &lines(&[
                "\tThree months ended June 30,\t\tSix m\tSix months ended June\t\t",
                "\t2023\t2024\t2024\t2023\t2024\t2024",
                "\tRMB\tRMB\tUSD\tRMB\tRMB\tUSD",
            ]),
            6,
            None,
        );
        let short: Vec<String> = h.cols.iter().map(|c| c.period.unwrap().short()).collect();
        assert_eq!(
            short,
            [
                "Q2 2023", "Q2 2024", "Q2 2024", "6M 2023", "6M 2024", "6M 2024"
            ]
        );
        assert_eq!(h.cols[2].currency, Currency::USD);
        assert_eq!(h.repairs.len(), 1);
    }

    #[test]
    fn stacked_reconciliation_headers() {
        let h = read(
            &lines(&[
                "\tAmounts as\tExpected\tAmounts as",
                "\treported\tcredit\treported",
                "\tunder\tLosses,\tunder",
                "Condensed Consolidated Statement of Operations\tU.S. GAAP\tnet of tax\tIFRSs",
                "\tRMB\tRMB\tRMB",
            ]),
            3,
            Some(("Six months ended June 30, 2024", 1)),
        );
        assert!(h.recon);
        let headers: Vec<&str> = h.cols.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(
            headers,
            [
                "Amounts as reported under U.S. GAAP",
                "Expected credit losses, net of tax",
                "Amounts as reported under IFRSs"
            ]
        );
        assert_eq!(h.cols[0].role, ColumnRole::UsGaap);
        assert_eq!(h.cols[2].role, ColumnRole::Ifrs);
        assert_eq!(h.repairs.len(), 1, "Losses respelled");
    }
}
