//! Stage 4: data lines to rows. Labels joined over two lines, broken by tabs
//! or garbled (repaired against the vocabulary), lines holding several rows
//! split, rows printed twice merged, junk lines and unreadable values warned.

use super::clean::{self, letters};
use super::context::Ctx;
use super::known::{Known, is_heading_keyed, segment};
use super::line::{DataLine, Val};
use super::number;
use super::vocab::Vocab;
use crate::model::{Cell, LabelOrigin, RepairKind};

/// A row read from one table, before statements are merged.
#[derive(Clone, Debug)]
pub struct RawRow {
    /// Cleaned label ("" when lost).
    pub label: String,
    /// The label's [`letters`] form, computed once: rows are matched,
    /// merged and structured on it.
    pub key: String,
    /// Where the label came from.
    pub origin: LabelOrigin,
    /// Source line of the label.
    pub line: usize,
    /// One slot per column of the table.
    pub cells: Vec<Option<Cell>>,
    /// Printed bold.
    pub bold: bool,
    /// A heading printed without values.
    pub heading: bool,
    /// Whether any value was printed with `%`.
    pub percent: bool,
}

impl RawRow {
    /// Whether the row has any value.
    pub fn has_values(&self) -> bool {
        self.cells.iter().any(Option::is_some)
    }
}

fn connector_end(label: &str) -> bool {
    let t = label.trim_end();
    let last = t.rsplit(' ').next().unwrap_or("");
    t.ends_with(',')
        || t.ends_with('-')
        || [
            "of", "and", "to", "for", "in", "the", "on", "by", "from", "or", "per",
        ]
        .into_iter()
        .any(|w| {
            if last.is_ascii() {
                last.eq_ignore_ascii_case(w)
            } else {
                last.to_lowercase() == w
            }
        })
}

/// Whether `next` continues the label-only line `cur`.
fn continues(cur: &DataLine<'_>, next: &DataLine<'_>, known: &Known) -> bool {
    if next.label.is_empty() || !cur.label_only() {
        return false;
    }
    // (The letters of two labels joined are the letters of each.)
    let next_key = letters(&next.label);
    let first = next.label.chars().next().unwrap_or('A');
    let next_known = known.spelling_key(&next_key).is_some() && !first.is_lowercase();
    !next_known
        && (first.is_lowercase()
            || known
                .spelling_key(&(letters(&cur.label) + &next_key))
                .is_some()
            || (connector_end(&cur.label) && !is_heading_keyed(&next.label, &next_key, known)))
}

fn join_labels(a: &str, b: &str) -> String {
    if a.ends_with('-') {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// Reads the values of a line into cells; unreadable values give one
/// warning for the line, naming the first few ([`LISTED_PROBLEMS`]) and
/// counting the rest, so a damaged line of millions of tokens costs no more
/// than its tokens.
fn cells_of(d: &DataLine<'_>, width: usize, ctx: &mut Ctx) -> (Vec<Option<Cell>>, usize) {
    let mut cells = vec![None; width];
    let mut problems: Vec<String> = Vec::new();
    let mut count = 0usize;
    let mut problem = |text: &dyn Fn() -> String| {
        if count < LISTED_PROBLEMS {
            problems.push(text());
        }
        count += 1;
    };
    for (i, v) in d.vals.iter().enumerate() {
        match v {
            Val::Empty => {}
            Val::Num { amount, raw, .. } if i < width => {
                cells[i] = Some(Cell {
                    amount: *amount,
                    raw: raw.to_string(),
                    line: d.no,
                });
            }
            Val::Num { raw, .. } => {
                problem(&|| format!("value \"{raw}\" beyond the table's {width} columns"))
            }
            Val::Bad(raw) => problem(&|| format!("malformed number \"{raw}\" in column {}", i + 1)),
            Val::Text(raw) => problem(&|| format!("text \"{raw}\" where a number was expected")),
            Val::Multi(toks) => {
                problem(&|| format!("several values \"{}\" in one cell", toks.join(" ")))
            }
        }
    }
    if count > 0 {
        let who = if d.label.is_empty() {
            String::new()
        } else {
            format!(" on \"{}\"", d.label)
        };
        let more = if count > problems.len() {
            format!("; and {} more", count - problems.len())
        } else {
            String::new()
        };
        ctx.warn(
            d.no,
            format!("{}{more}{who}: not read", problems.join("; ")),
        );
    }
    (cells, count)
}

/// How many unreadable values of one line a load warning names.
pub const LISTED_PROBLEMS: usize = 8;

fn is_percent_cell(c: &Option<Cell>) -> bool {
    c.as_ref().is_some_and(|c| c.raw.ends_with('%'))
}

/// Repairs a garbled label (of [`letters`] form `key`) against the
/// vocabulary and this filing's labels.
fn repair_label(
    label: &str,
    key: &str,
    broken: bool,
    prev: Option<&str>,
    known: &Known,
) -> Option<String> {
    let spelled = if label.len() > 400 {
        None
    } else {
        known.spelling_key(key)
    };
    if label.len() > 400 || spelled.is_some() {
        return spelled
            .filter(|s| broken && *s != label)
            .map(str::to_string);
    }
    let vocab = Vocab::get();
    // A garbled copy of the previous label run into this one.
    let words: Vec<&str> = label.split_whitespace().collect();
    // The letters of words `k..` are the end of the key, after the letters
    // of the words before.
    let mut at = 0;
    for k in 1..words.len() {
        at += clean::letters_len(words[k - 1]);
        if let Some(s) = known.spelling_key(&key[at..]) {
            let prefix = words[..k].join(" ");
            let close_prev = prev.is_some_and(|p| {
                let a: Vec<char> = letters(&prefix).chars().collect();
                let b: Vec<char> = letters(p).chars().collect();
                super::vocab::bounded_distance(&a, &b, 1 + b.len() / 8).is_some()
            });
            if close_prev || vocab.closest_for(&prefix, Some(&known.company)).is_some() {
                return Some(s.to_string());
            }
        }
    }
    // Labels broken by tabs are matched fuzzily (OCR damage comes with them).
    if broken {
        vocab
            .closest_for(label, Some(&known.company))
            .map(|(s, _)| s.to_string())
    } else {
        None
    }
}

/// Reads a table's data lines into rows.
pub fn read(data: &[DataLine<'_>], width: usize, known: &Known, ctx: &mut Ctx) -> Vec<RawRow> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut i = 0;
    let mut prev_line_row: Option<usize> = None; // row read from the previous line
    while i < data.len() {
        let d = &data[i];
        let this_prev = prev_line_row.take();
        // Lines with no real label.
        if !d.label.is_empty() && !clean::has_n_letters(&d.head, 3) {
            ctx.warn(d.no, format!("unreadable line \"{}\" skipped", d.label));
            i += 1;
            continue;
        }
        if d.label.is_empty() {
            let all_num = d
                .vals
                .iter()
                .all(|v| matches!(v, Val::Empty | Val::Num { .. }));
            if all_num && d.numbers() > 0 {
                let (cells, _) = cells_of(d, width, ctx);
                if let Some(r) = this_prev.filter(|&r| {
                    rows[r].heading && !is_heading_keyed(&rows[r].label, &rows[r].key, known)
                }) {
                    rows[r].cells = cells;
                    rows[r].heading = false;
                    rows[r].percent = d
                        .vals
                        .iter()
                        .any(|v| matches!(v, Val::Num { percent: true, .. }));
                } else {
                    ctx.repair(
                        RepairKind::UnlabeledRow,
                        None,
                        "the row's label was lost in extraction; kept unlabeled with its values",
                        vec![d.no],
                    );
                    rows.push(RawRow {
                        label: String::new(),
                        key: String::new(),
                        origin: LabelOrigin::Missing,
                        line: d.no,
                        cells,
                        bold: false,
                        heading: false,
                        percent: false,
                    });
                    prev_line_row = Some(rows.len() - 1);
                }
            } else {
                ctx.warn(d.no, "unreadable line without a label skipped");
            }
            i += 1;
            continue;
        }
        // A line holding several rows, each cell one value per row.
        if d.has_multi() {
            split_merged(d, width, known, &mut rows, ctx);
            i += 1;
            continue;
        }
        // Label printed over two lines.
        let mut label = d.label.to_string();
        let mut origin = LabelOrigin::Printed;
        let mut vals_line = d;
        let mut lines = vec![d.no];
        if i + 1 < data.len() && continues(d, &data[i + 1], known) {
            let next = &data[i + 1];
            label = join_labels(&d.label, &next.label);
            origin = LabelOrigin::Joined;
            vals_line = next;
            lines.push(next.no);
            ctx.repair(
                RepairKind::JoinedLabel,
                Some(&label),
                format!(
                    "label printed over two lines (\"{}\" / \"{}\") joined",
                    d.label, next.label
                ),
                lines.clone(),
            );
            i += 1;
        }
        // Garbled labels.
        let mut key = letters(&label);
        let prev_label = rows.last().map(|r| r.label.as_str());
        if let Some(fixed) = repair_label(&label, &key, d.broken, prev_label, known)
            && fixed != label
        {
            ctx.repair(
                RepairKind::RepairedLabel,
                Some(&fixed),
                format!("garbled label \"{label}\" read as \"{fixed}\""),
                lines.clone(),
            );
            origin = LabelOrigin::Repaired {
                printed: if d.broken {
                    d.label.to_string()
                } else {
                    label.clone()
                },
            };
            label = fixed;
            key = letters(&label);
        }
        // Declared variant spellings read as the standard label.
        if let Some(standard) = Vocab::get().variant_key(&key)
            && standard != label
        {
            ctx.repair(
                RepairKind::RepairedLabel,
                Some(standard),
                format!(
                    "\"{label}\" read as its declared variant \"{standard}\" so the statement's tables align on one row"
                ),
                lines.clone(),
            );
            if matches!(origin, LabelOrigin::Printed) {
                origin = LabelOrigin::Repaired {
                    printed: label.clone(),
                };
            }
            label = standard.to_string();
            key = letters(&label);
        }
        let (mut cells, unreadable) = cells_of(vals_line, width, ctx);
        // Percentage rows: values without % are strays.
        let percent_row =
            cells.iter().any(is_percent_cell) || clean::lower_ends_with(&label, "margin");
        if percent_row {
            for c in cells.iter_mut() {
                if c.is_some() && !is_percent_cell(c) {
                    let raw = c.as_ref().map(|c| c.raw.clone()).unwrap_or_default();
                    ctx.warn(
                        vals_line.no,
                        format!("stray value \"{raw}\" on the percentage row \"{label}\" dropped"),
                    );
                    *c = None;
                }
            }
        }
        let has_values = cells.iter().any(Option::is_some);
        let printed_values = vals_line.vals.iter().any(|v| !matches!(v, Val::Empty));
        // (A label ending with ':' is a heading label.)
        if label.ends_with(':')
            && has_values
            && !clean::lower_starts_with(&label, "total")
            && label.ends_with(':')
        {
            // A heading carrying values: they belong to the row below when
            // that row lacks them, else they are ghosts.
            let next = data.get(i + 1);
            let n_here = cells.iter().flatten().count();
            let take =
                next.filter(|n| !n.label.is_empty() && !n.label_only() && n.numbers() < n_here);
            rows.push(heading_row(&label, &key, origin.clone(), d));
            match take {
                Some(n) => {
                    ctx.repair(
                        RepairKind::MovedValues,
                        Some(&n.label),
                        format!(
                            "values printed on the heading \"{label}\" belong to \"{}\" below it",
                            n.label
                        ),
                        vec![d.no, n.no],
                    );
                    let ghosts: Vec<&str> = n
                        .vals
                        .iter()
                        .filter_map(|v| match v {
                            Val::Num { raw, .. } | Val::Bad(raw) | Val::Text(raw) => {
                                Some(raw.as_ref())
                            }
                            _ => None,
                        })
                        .collect();
                    if !ghosts.is_empty() {
                        ctx.warn(
                            n.no,
                            format!(
                                "ghost values \"{}\" on \"{}\" ignored",
                                ghosts.join(" "),
                                n.label
                            ),
                        );
                    }
                    rows.push(RawRow {
                        label: n.label.to_string(),
                        key: letters(&n.label),
                        origin: LabelOrigin::Printed,
                        line: n.no,
                        cells,
                        bold: n.bold,
                        heading: false,
                        percent: false,
                    });
                    i += 2;
                }
                None => {
                    ctx.warn(
                        d.no,
                        format!("values printed on the heading \"{label}\" ignored"),
                    );
                    i += 1;
                }
            }
            continue;
        }
        if !has_values && (printed_values || unreadable > 0) {
            if is_heading_keyed(&label, &key, known) {
                ctx.warn(
                    d.no,
                    format!("junk printed on the heading \"{label}\" ignored"),
                );
                rows.push(heading_row(&label, &key, origin, d));
                prev_line_row = Some(rows.len() - 1);
            } else {
                ctx.warn(d.no, format!("unreadable line \"{}\" skipped", d.label));
            }
            i += 1;
            continue;
        }
        if !has_values && clean::lower_starts_with(&label, "total") {
            ctx.warn(
                d.no,
                format!("a total without values \"{label}\" is not a row: skipped"),
            );
            i += 1;
            continue;
        }
        // The same row printed twice in a row: merge.
        // Labels must agree letter for letter and digit for digit, and the
        // two lines must not print different values in the same column;
        // otherwise they are two rows.
        if let Some(r) = this_prev
            && has_values
            && rows[r].has_values()
            && clean::same_letters(&rows[r].label, &label)
            && digits(&rows[r].label) == digits(&label)
            && rows[r].cells.iter().zip(&cells).all(|(a, b)| match (a, b) {
                (Some(a), Some(b)) => a.amount == b.amount,
                _ => true,
            })
        {
            let row = &mut rows[r];
            for (slot, c) in row.cells.iter_mut().zip(cells) {
                if slot.is_none() {
                    *slot = c;
                }
            }
            let first = row.line;
            ctx.repair(
                RepairKind::DuplicateRow,
                Some(&label),
                format!("\"{label}\" printed twice; kept once with the values of both lines"),
                vec![first, d.no],
            );
            i += 1;
            continue;
        }
        rows.push(RawRow {
            key,
            label,
            origin,
            line: d.no,
            cells,
            bold: d.bold,
            heading: !has_values && !printed_values,
            percent: percent_row,
        });
        prev_line_row = Some(rows.len() - 1);
        i += 1;
    }
    rows
}

fn heading_row(label: &str, key: &str, origin: LabelOrigin, d: &DataLine<'_>) -> RawRow {
    RawRow {
        label: label.to_string(),
        key: key.to_string(),
        origin,
        line: d.no,
        cells: Vec::new(),
        bold: d.bold,
        heading: true,
        percent: false,
    }
}

/// Splits a line holding `k` rows ("Noncontrolling interests TOTAL EQUITY"
/// with two values per cell) at known labels.
fn split_merged(
    d: &DataLine<'_>,
    width: usize,
    known: &Known,
    rows: &mut Vec<RawRow>,
    ctx: &mut Ctx,
) {
    let counts: Vec<usize> = d
        .vals
        .iter()
        .filter_map(|v| match v {
            Val::Multi(t) => Some(t.len()),
            Val::Num { .. } | Val::Bad(_) => Some(1),
            _ => None,
        })
        .collect();
    let k = counts.iter().copied().max().unwrap_or(0);
    let segs = segment(&d.label, known);
    match segs {
        Some(labels) if labels.len() == k && counts.iter().all(|&c| c == k) => {
            ctx.repair(
                RepairKind::SplitMergedRow,
                Some(&labels.join(" / ")),
                format!(
                    "line \"{}\" holds {k} rows, values interleaved; split into {}",
                    d.label,
                    labels.join(", ")
                ),
                vec![d.no],
            );
            for (r, label) in labels.iter().enumerate() {
                let mut cells = vec![None; width];
                for (c, v) in d.vals.iter().enumerate().take(width) {
                    let tok = match v {
                        Val::Multi(t) => t.get(r).map(|t| t.to_string()),
                        _ => None,
                    };
                    if let Some(tok) = tok {
                        match number::number(&tok) {
                            Some((amount, _)) => {
                                cells[c] = Some(Cell {
                                    amount,
                                    raw: tok,
                                    line: d.no,
                                })
                            }
                            None => ctx.warn(d.no, format!("malformed number \"{tok}\" not read")),
                        }
                    }
                }
                rows.push(RawRow {
                    label: label.clone(),
                    key: letters(label),
                    origin: LabelOrigin::Split,
                    line: d.no,
                    cells,
                    bold: false,
                    heading: false,
                    percent: false,
                });
            }
        }
        _ => ctx.warn(
            d.no,
            format!(
                "line \"{}\" holds several values per cell and could not be split",
                d.label
            ),
        ),
    }
}

/// The digits of a label, in order ("Counterparty 10" gives "10").
fn digits(label: &str) -> String {
    label.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_garbled_copy_of_previous_label() {
        let k = Known {
            company: Vocab::get().company("Qifu Technology, Inc."),
            ..Known::default()
        };
        let garbled = "TOTAL CIABILITIES TOTAL QIFU TECHNOLOGY INC EQUITY";
        let fixed = repair_label(
            garbled,
            &letters(garbled),
            false,
            Some("TOTAL LIABILITIES"),
            &k,
        );
        assert_eq!(fixed.as_deref(), Some("TOTAL QIFU TECHNOLOGY INC EQUITY"));
        assert_eq!(repair_label("Goodwill", "goodwill", false, None, &k), None);
    }
}
