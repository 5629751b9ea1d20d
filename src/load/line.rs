//! One table line: its cells read as label and values, and what kind of
//! line it is (period header, years, currencies, header text, data).

use super::clean;
use super::number::{self, Token};
pub use super::phrase::{Phrase, phrases};
use super::scan;
use crate::model::{Amount, Currency};
use std::borrow::Cow;

/// One value position of a data line (its text borrowed from the line
/// unless markup had to be removed).
#[derive(Clone, Debug, PartialEq)]
pub enum Val<'a> {
    /// Nothing printed.
    Empty,
    /// A readable number.
    Num {
        /// The value as printed.
        amount: Amount,
        /// Printed with `%`.
        percent: bool,
        /// The text it was read from.
        raw: Cow<'a, str>,
    },
    /// A number damaged beyond reading.
    Bad(Cow<'a, str>),
    /// Text where a number was expected.
    Text(Cow<'a, str>),
    /// Several space-separated tokens in one cell (merged or smeared rows).
    Multi(Vec<Cow<'a, str>>),
}

impl Val<'_> {
    /// Whether the position holds a readable number.
    pub fn is_num(&self) -> bool {
        matches!(self, Val::Num { .. })
    }
}

/// A data line: its label and its values by column (borrowed from the
/// line where no markup had to be removed).
#[derive(Clone, Debug)]
pub struct DataLine<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The cleaned label as printed (fragments printed in value cells
    /// joined with spaces, markup removed).
    pub label: Cow<'a, str>,
    /// The first cell of the label, cleaned.
    pub head: Cow<'a, str>,
    /// The label ran on into value cells (tabs inside the label).
    pub broken: bool,
    /// Printed bold.
    pub bold: bool,
    /// One entry per value position.
    pub vals: Vec<Val<'a>>,
}

impl DataLine<'_> {
    /// Number of readable numbers.
    pub fn numbers(&self) -> usize {
        self.vals.iter().filter(|v| v.is_num()).count()
    }

    /// Whether nothing but the label was printed.
    pub fn label_only(&self) -> bool {
        !self.label.is_empty() && self.vals.iter().all(|v| matches!(v, Val::Empty))
    }

    /// Whether any position holds several tokens.
    pub fn has_multi(&self) -> bool {
        self.vals.iter().any(|v| matches!(v, Val::Multi(_)))
    }

    /// Position of the last printed value, plus one.
    pub fn width(&self) -> usize {
        self.vals
            .iter()
            .rposition(|v| !matches!(v, Val::Empty))
            .map_or(0, |p| p + 1)
    }
}

/// What a table line is.
#[derive(Clone, Debug)]
pub enum Class {
    /// Nothing readable (empty cells or rules).
    Blank,
    /// Names periods.
    Period(Vec<Phrase>),
    /// Years, one per column.
    Years(Vec<i32>),
    /// Currencies per column (`None` where garbled), and whether any was garbled.
    Currencies(Vec<Option<Currency>>, bool),
    /// Other header text (reconciliation column headers, scale, notes).
    HeaderText,
    /// A row of the table.
    Data,
    /// Punctuation and fragments only.
    Junk,
}

/// Whether a cell is a garbled currency code (`^[A-Z]{2,5}$`).
fn garbled_code(c: &str) -> bool {
    (2..=5).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// The currency a header cell names, if it ends with RMB or USD.
/// (`(?:^|[\s)])(RMB|USD|US\$)$` on the trimmed cell.)
pub fn currency_cell(cell: &str) -> Option<Currency> {
    let c = cell.trim();
    let (code, cur) = [
        ("RMB", Currency::RMB),
        ("USD", Currency::USD),
        ("US$", Currency::USD),
    ]
    .into_iter()
    .find(|(code, _)| c.ends_with(code))?;
    let before = scan::char_before(c, c.len() - code.len());
    before
        .is_none_or(|b| b.is_whitespace() || b == ')')
        .then_some(cur)
}

/// Whether a cell is a tiny junk label ("-", "·").
fn junk_label(cell: &str) -> bool {
    // Two characters take at most eight bytes.
    let t = cell.trim();
    t.len() <= 8 && t.chars().count() <= 2 && !clean::has_letters(cell)
}

/// Cells of a line with value markup stripped, trailing empties kept.
pub fn cells(text: &str) -> Vec<String> {
    text.split('\t').map(number::strip_value_markup).collect()
}

/// [`cells`] borrowing from the line where a cell has no markup.
pub fn cells_cow(text: &str) -> Vec<Cow<'_, str>> {
    tab_cells(text).map(number::strip_markup_cow).collect()
}

/// [`cells_cow`] and [`reads_of`] of a line into buffers reused from line
/// to line (cleared first). Returns whether the label cell is a plain
/// label ([`clean::plain_label`]: the cell, stripped, is its cleaned label).
pub fn read_cells<'a>(
    text: &'a str,
    cells: &mut Vec<Cow<'a, str>>,
    reads: &mut Vec<CellRead>,
) -> bool {
    cells.clear();
    let mut it = tab_cells(text);
    let first = it.next().unwrap_or("");
    // A plain label has no markup, and only spaces to trim (one pass for
    // both).
    let plain = clean::plain_label(first);
    cells.push(plain.map_or_else(|| number::strip_markup_cow(first), Cow::Borrowed));
    cells.extend(it.map(number::strip_markup_cow));
    reads.clear();
    reads.extend(cells.iter().skip(1).map(|c| CellRead::of(c)));
    plain.is_some()
}

/// `text.split('\t')` by a plain byte scan (cells are short: cheaper than a
/// searcher set up per cell).
pub fn tab_cells(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'\t') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The whitespace-separated tokens of a value cell (trimmed, as
/// [`cells_cow`] gives it: a cell of one token is that token), each read
/// once.
#[derive(Clone, Debug)]
pub struct CellRead {
    /// What the first token reads as ([`Token::Text`] when the cell is empty).
    first: Token,
    /// The cell holds more than one token.
    more: bool,
    /// Some token reads as text.
    any_text: bool,
    /// Every token reads as text (true for an empty cell).
    all_text: bool,
}

impl CellRead {
    /// Reads every token of `c` once.
    pub fn of(c: &str) -> Self {
        // A plainly printed number (most value cells) is one token.
        if let Some(first) = number::plain_number(c.as_bytes()) {
            return CellRead {
                first,
                more: false,
                any_text: false,
                all_text: false,
            };
        }
        // One ASCII token without spaces: no splitting.
        if !c.is_empty() && c.bytes().all(|b| b.is_ascii() && !number::ascii_space(b)) {
            let first = number::parse_token(c);
            let text = matches!(first, Token::Text);
            return CellRead {
                first,
                more: false,
                any_text: text,
                all_text: text,
            };
        }
        let mut it = c.split_whitespace();
        let Some(first_tok) = it.next() else {
            return CellRead {
                first: Token::Text,
                more: false,
                any_text: false,
                all_text: true,
            };
        };
        let first = number::parse_token(first_tok);
        let text = matches!(first, Token::Text);
        let (mut any_text, mut all_text, mut more) = (text, text, false);
        for t in it {
            more = true;
            let text = matches!(number::parse_token(t), Token::Text);
            any_text |= text;
            all_text &= text;
            if any_text && !all_text {
                break;
            }
        }
        CellRead {
            first,
            more,
            any_text,
            all_text,
        }
    }

    /// What the cell reads as: the first token's reading when the cell
    /// holds one token or only numbers, else text.
    fn token(&self) -> &Token {
        if !self.more || !self.any_text {
            &self.first
        } else {
            &Token::Text
        }
    }
}

/// Classifies a table line. `in_rows`: rows have already been read in the
/// current table (a header line then starts a new table).
pub fn classify(raw: &str, in_rows: bool) -> Class {
    let cells = cells_cow(raw);
    let reads = reads_of(&cells);
    classify_cells(&cells, &reads, in_rows)
}

/// The [`CellRead`] of every cell but the label cell (whose reading, when
/// needed, is taken on demand: labels have many words).
pub fn reads_of(cells: &[Cow<'_, str>]) -> Vec<CellRead> {
    cells.iter().skip(1).map(|c| CellRead::of(c)).collect()
}

/// [`classify`] on a line's cells (from [`cells_cow`]) and their reads
/// (from [`reads_of`]).
pub fn classify_cells(cells: &[Cow<'_, str>], reads: &[CellRead], in_rows: bool) -> Class {
    let nonempty = || cells.iter().map(|c| c.as_ref()).filter(|c| !c.is_empty());
    if nonempty().next().is_none() {
        return Class::Blank;
    }
    if nonempty().all(|c| !c.chars().any(char::is_alphanumeric)) {
        let rule = nonempty()
            .all(|c| c.chars().count() >= 2 && c.chars().all(|ch| "-_=—–. ".contains(ch)));
        let dashes = nonempty().all(|c| matches!(c, "-" | "_" | "—" | "–"));
        return if rule {
            Class::Blank
        } else if dashes && nonempty().nth(1).is_some() {
            Class::Data
        } else {
            Class::Junk
        };
    }
    let label = cells[0].as_ref();
    let rest = || {
        cells[1..]
            .iter()
            .map(|c| c.as_ref())
            .filter(|c| !c.is_empty())
    };
    let code_label = label.len() <= 4 && currency_cell(label).is_some();
    let label_year = number::year(label).is_some();
    let label_junk = junk_label(label);
    // The body: value cells, or every non-junk cell when the label cell is
    // junk, a year or a currency code (as indices into `cells`).
    let wide = label_junk || label_year || code_label;
    let body = || {
        (usize::from(!wide)..cells.len())
            .filter(move |&i| !cells[i].is_empty() && (!wide || !junk_label(&cells[i])))
    };
    let label_is_text = !label.is_empty() && !label_junk && !label_year && !code_label;
    if !label_is_text && body().next().is_some() {
        // Years line: "\t2023\t2024\t2024" or "2023\t2024\t2024".
        let years: Vec<i32> = body().map_while(|i| number::year(&cells[i])).collect();
        if years.len() == body().count() {
            return Class::Years(years);
        }
        // Currency line.
        let cur: Vec<Option<Currency>> = body().map(|i| currency_cell(&cells[i])).collect();
        let garbled = body()
            .zip(&cur)
            .filter(|(i, k)| k.is_none() && garbled_code(&cells[*i]))
            .count();
        if cur.iter().flatten().count() + garbled == cur.len() {
            return Class::Currencies(cur, garbled > 0);
        }
    }
    let (mut real_numbers, mut any_numeric) = (0, false);
    for i in body() {
        let label_read;
        let read = if i == 0 {
            label_read = CellRead::of(&cells[0]);
            Some(&label_read)
        } else {
            reads.get(i - 1)
        };
        match read.map_or(&Token::Text, CellRead::token) {
            Token::Number { amount, .. } => {
                any_numeric = true;
                if !amount.value.is_zero() || amount.decimals > 0 {
                    real_numbers += 1;
                }
            }
            Token::Malformed => any_numeric = true,
            Token::Text => {}
        }
    }
    // Period phrases only matter on lines without real numbers.
    if real_numbers == 0 && super::phrase::may_hold_phrases(cells.iter().map(|c| c.as_ref())) {
        let ph = phrases(&cells.concat());
        if !ph.is_empty() {
            return Class::Period(ph);
        }
    }
    if label_is_text {
        // A heading carrying garbled codes ("ASSETS\tKMD\tKMD") is a row.
        if rest().next().is_some() && rest().all(|c| garbled_code(c) || currency_cell(c).is_some())
        {
            return Class::Data;
        }
        let text_cells = rest().next().is_some() && !any_numeric;
        if text_cells {
            let is_column_text = || {
                super::vocab::Vocab::get()
                    .column(&rest().collect::<Vec<_>>().join(" "))
                    .is_some()
                    || rest().any(|c| c.to_lowercase().contains("amounts as"))
            };
            if !in_rows || is_column_text() {
                return Class::HeaderText;
            }
        }
        return Class::Data;
    }
    // Empty (or junk) label.
    if real_numbers == 0 {
        if !any_numeric || !in_rows {
            return Class::HeaderText;
        }
        return Class::Junk;
    }
    Class::Data
}

/// Reads one value cell (trimmed, as [`cells_cow`] gives it) from its
/// [`CellRead`].
fn value<'a>(c: Cow<'a, str>, read: &CellRead) -> Val<'a> {
    if c.is_empty() {
        return Val::Empty;
    }
    if !read.more {
        // One token: the whole (trimmed) cell.
        return match &read.first {
            Token::Number { amount, percent } => Val::Num {
                amount: *amount,
                percent: *percent,
                raw: c,
            },
            Token::Malformed => Val::Bad(c),
            Token::Text => Val::Text(c),
        };
    }
    if !read.any_text {
        Val::Multi(match c {
            Cow::Borrowed(b) => b.split_whitespace().map(Cow::Borrowed).collect(),
            Cow::Owned(o) => o
                .split_whitespace()
                .map(|t| Cow::Owned(t.to_string()))
                .collect(),
        })
    } else {
        Val::Text(c)
    }
}

/// Reads a data line into label and values.
pub fn data(no: usize, raw: &str) -> DataLine<'_> {
    let (mut cells, mut reads) = (Vec::new(), Vec::new());
    let plain = read_cells(raw, &mut cells, &mut reads);
    data_cells(no, raw, &mut cells, &reads, plain)
}

/// [`clean::label`] of a cell, borrowing from the line when the cell does.
fn clean_cell<'a>(c: &Cow<'a, str>) -> Cow<'a, str> {
    match c {
        Cow::Borrowed(b) => clean::label(b),
        Cow::Owned(o) => Cow::Owned(clean::label(o).into_owned()),
    }
}

/// [`data`] on a line's cells, their reads and whether the label cell is
/// plain (from [`read_cells`]; the cells' texts are taken).
pub fn data_cells<'a>(
    no: usize,
    raw: &'a str,
    cells: &mut [Cow<'a, str>],
    reads: &[CellRead],
    plain_label: bool,
) -> DataLine<'a> {
    let raw_label = tab_cells(raw).next().unwrap_or("");
    let bold = clean::is_bold(raw_label);
    let first = cells[0].as_ref();
    let unlabeled = !raw.starts_with('\t')
        && !first.is_empty()
        && first
            .split_whitespace()
            .all(|t| !matches!(number::parse_token(t), Token::Text));
    // Number of label cells.
    let n_label = if unlabeled {
        0
    } else {
        let mut k = 1;
        // Label fragments continued into the value cells (tabs inside the label).
        while k < cells.len()
            && !cells[k].is_empty()
            && reads[k - 1].all_text
            && clean::has_letters(&cells[k])
            && !super::vocab::Vocab::get().is_spanning(&cells[k])
            && !cells[k].chars().all(|c| c.is_ascii_uppercase())
            && clean::has_letters(&cells[0])
        {
            k += 1;
        }
        k
    };
    let label = if n_label == 1 && plain_label {
        cells[0].clone()
    } else if n_label == 1 {
        clean::label(raw_label)
    } else {
        let printed_raw = raw.split('\t').take(n_label).collect::<Vec<_>>().join(" ");
        Cow::Owned(clean::label(&printed_raw).into_owned())
    };
    // A single label cell cleaned without copying had no markup: the cell
    // is the raw cell trimmed, and cleaning trims: it cleans to the label.
    let plain_head = n_label == 1 && matches!(label, Cow::Borrowed(_));
    let head = if plain_head {
        label.clone()
    } else if n_label > 0 {
        clean_cell(&cells[0])
    } else {
        Cow::Borrowed("")
    };
    let vals = if unlabeled {
        let label_read = CellRead::of(&cells[0]);
        let mut vals = Vec::with_capacity(cells.len());
        vals.push(value(std::mem::take(&mut cells[0]), &label_read));
        vals.extend(
            cells[1..]
                .iter_mut()
                .zip(reads)
                .map(|(c, r)| value(std::mem::take(c), r)),
        );
        vals
    } else {
        cells[n_label..]
            .iter_mut()
            .zip(&reads[n_label - 1..])
            .map(|(c, r)| value(std::mem::take(c), r))
            .collect()
    };
    DataLine {
        no,
        head,
        label,
        broken: n_label > 1,
        bold,
        vals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_tabs_like_str_split() {
        for line in [
            "Cash\t1,234\t\t(56)",
            "\t2023\t2024\t",
            "",
            "Revenues",
            "\t",
        ] {
            assert!(tab_cells(line).eq(line.split('\t')), "{line:?}");
        }
    }

    #[test]
    fn reads_each_cell_once() {
        // Cells of the bundled balance sheet and a merged row.
        let r = CellRead::of("(1,234.5)");
        assert!(!r.more && !r.any_text && matches!(r.token(), Token::Number { .. }));
        let r = CellRead::of("3,210 1,005");
        assert!(r.more && !r.any_text && matches!(r.token(), Token::Number { .. }));
        let r = CellRead::of("IFRSs adjustments");
        assert!(r.all_text && matches!(r.token(), Token::Text));
        let r = CellRead::of("12 notes");
        assert!(r.any_text && !r.all_text && matches!(r.token(), Token::Text));
        let d = data(
            7,
            "Cash and cash equivalents\t4,187,682\t3,985,543\t561,131",
        );
        assert_eq!(d.label, "Cash and cash equivalents");
        assert_eq!(d.numbers(), 3);
        let d = data(8, "Total\tcurrent assets\t1\t2");
        assert!(d.broken && d.label == "Total current assets" && d.head == "Total");
    }

    #[test]
    fn classifies_lines() {
        assert!(matches!(
            classify("\t2023\t2024\t2024", false),
            Class::Years(_)
        ));
        assert!(matches!(
            classify("-\tRMB\tRMB\tUSD", false),
            Class::Currencies(_, false)
        ));
        assert!(matches!(
            classify("\tKWD\tKWB\tUSD", true),
            Class::Currencies(_, true)
        ));
        assert!(matches!(classify("Cash\t1\t2", true), Class::Data));
        assert!(matches!(classify("\t\t0,", false), Class::HeaderText));
        assert!(matches!(classify("------\t---", true), Class::Blank));
    }
}
