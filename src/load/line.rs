//! One table line: its cells read as label and values, and what kind of
//! line it is (period header, years, currencies, header text, data).

use super::clean;
use super::number::{self, Token};
use crate::model::{Amount, Currency};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// One value position of a data line.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// Nothing printed.
    Empty,
    /// A readable number.
    Num {
        /// The value as printed.
        amount: Amount,
        /// Printed with `%`.
        percent: bool,
        /// The text it was read from.
        raw: String,
    },
    /// A number damaged beyond reading.
    Bad(String),
    /// Text where a number was expected.
    Text(String),
    /// Several space-separated tokens in one cell (merged or smeared rows).
    Multi(Vec<String>),
}

impl Val {
    /// Whether the position holds a readable number.
    pub fn is_num(&self) -> bool {
        matches!(self, Val::Num { .. })
    }
}

/// A data line: its label and its values by column.
#[derive(Clone, Debug)]
pub struct DataLine {
    /// 1-based line number.
    pub no: usize,
    /// The cleaned label (fragments printed in value cells joined).
    pub label: String,
    /// The label as printed (cells joined with spaces, markup removed).
    pub printed: String,
    /// The first cell of the label, cleaned.
    pub head: String,
    /// The label ran on into value cells (tabs inside the label).
    pub broken: bool,
    /// Printed bold.
    pub bold: bool,
    /// One entry per value position.
    pub vals: Vec<Val>,
}

impl DataLine {
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

/// A period phrase found in a header line.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    /// Months of a duration; `None` for an instant.
    pub months: Option<u32>,
    /// Month of the end date.
    pub month: u32,
    /// Day of the end date, if printed.
    pub day: Option<u32>,
    /// Year, if printed in the phrase.
    pub year: Option<i32>,
}

impl Phrase {
    /// The canonical text ("Three months ended June 30,", "June 30, 2024").
    pub fn text(&self, year: Option<i32>) -> String {
        let month = MONTHS[self.month as usize - 1];
        let month = format!("{}{}", month[..1].to_uppercase(), &month[1..]);
        let day = self.day.unwrap_or(0);
        let day = if day == 0 {
            self.end(year.unwrap_or(2000))
                .map_or(0, |d| chrono::Datelike::day(&d))
        } else {
            day
        };
        match self.months {
            Some(m) => {
                let n = match m {
                    3 => "Three",
                    6 => "Six",
                    9 => "Nine",
                    _ => "Twelve",
                };
                match self.year.or(year) {
                    Some(y) => format!("{n} months ended {month} {day}, {y}"),
                    None => format!("{n} months ended {month} {day},"),
                }
            }
            None => format!("{month} {day}, {}", self.year.or(year).unwrap_or(0)),
        }
    }

    /// The end date in `year` (the printed day, or the month's last day).
    pub fn end(&self, year: i32) -> Option<NaiveDate> {
        let y = self.year.unwrap_or(year);
        match self.day {
            Some(d) => NaiveDate::from_ymd_opt(y, self.month, d),
            None => {
                let next = if self.month == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, self.month + 1, 1)
                };
                next.and_then(|d| d.pred_opt())
            }
        }
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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(three|six|nine|twelve)[mnr]{1,3}o?nths?ended(january|february|march|april|may|june|july|august|september|october|november|december)(\d{1,2})?,?(\d{4})?")
        .expect("valid regex")
});
static INSTANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(january|february|march|april|may|june|july|august|september|october|november|december)(\d{1,2}),?(\d{4})")
        .expect("valid regex")
});
static GARBLED_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{2,5}$").expect("valid regex"));
static CURRENCY_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s)])(RMB|USD|US\$)$").expect("valid regex"));

fn month_no(name: &str) -> u32 {
    MONTHS
        .iter()
        .position(|m| *m == name)
        .map_or(1, |p| p as u32 + 1)
}

/// Period phrases in a header line's text (cells joined without separators,
/// so words broken by tabs are whole again).
pub fn phrases(text: &str) -> Vec<Phrase> {
    let s = clean::squash(text);
    let durations: Vec<Phrase> = DURATION
        .captures_iter(&s)
        .map(|c| Phrase {
            months: Some(match &c[1] {
                "three" => 3,
                "six" => 6,
                "nine" => 9,
                _ => 12,
            }),
            month: month_no(&c[2]),
            day: c.get(3).and_then(|d| d.as_str().parse().ok()),
            year: c.get(4).and_then(|d| d.as_str().parse().ok()),
        })
        .collect();
    if !durations.is_empty() || s.contains("ended") {
        return durations;
    }
    INSTANT
        .captures_iter(&s)
        .map(|c| Phrase {
            months: None,
            month: month_no(&c[1]),
            day: c[2].parse().ok(),
            year: c[3].parse().ok(),
        })
        .collect()
}

/// The currency a header cell names, if it ends with RMB or USD.
pub fn currency_cell(cell: &str) -> Option<Currency> {
    let c = CURRENCY_END.captures(cell.trim())?;
    Some(if &c[1] == "RMB" {
        Currency::RMB
    } else {
        Currency::USD
    })
}

/// Whether a cell is a tiny junk label ("-", "·").
fn junk_label(cell: &str) -> bool {
    clean::letter_count(cell) == 0 && cell.trim().chars().count() <= 2
}

/// Cells of a line with value markup stripped, trailing empties kept.
pub fn cells(text: &str) -> Vec<String> {
    text.split('\t').map(number::strip_value_markup).collect()
}

/// Classifies a table line. `in_rows`: rows have already been read in the
/// current table (a header line then starts a new table).
pub fn classify(raw: &str, in_rows: bool) -> Class {
    let cells = cells(raw);
    let nonempty: Vec<&str> = cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    if nonempty.is_empty() {
        return Class::Blank;
    }
    if nonempty
        .iter()
        .all(|c| !c.chars().any(char::is_alphanumeric))
    {
        let rule = nonempty
            .iter()
            .all(|c| c.chars().count() >= 2 && c.chars().all(|ch| "-_=—–. ".contains(ch)));
        let dashes = nonempty.iter().all(|c| matches!(*c, "-" | "_" | "—" | "–"));
        return if rule {
            Class::Blank
        } else if dashes && nonempty.len() > 1 {
            Class::Data
        } else {
            Class::Junk
        };
    }
    let label = cells[0].as_str();
    let rest: Vec<&str> = cells[1..]
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    let code_label = currency_cell(label).is_some() && label.len() <= 4;
    let body: Vec<&str> = if junk_label(label) || number::year(label).is_some() || code_label {
        nonempty
            .iter()
            .copied()
            .filter(|c| !junk_label(c))
            .collect()
    } else {
        rest.clone()
    };
    let label_is_text =
        !label.is_empty() && !junk_label(label) && number::year(label).is_none() && !code_label;
    // Years line: "\t2023\t2024\t2024" or "2023\t2024\t2024".
    if !body.is_empty() && !label_is_text && body.iter().all(|c| number::year(c).is_some()) {
        return Class::Years(body.iter().filter_map(|c| number::year(c)).collect());
    }
    // Currency line.
    if !body.is_empty() && !label_is_text {
        let cur: Vec<Option<Currency>> = body.iter().map(|c| currency_cell(c)).collect();
        let garbled = body
            .iter()
            .zip(&cur)
            .filter(|(c, k)| k.is_none() && GARBLED_CODE.is_match(c))
            .count();
        if cur.iter().flatten().count() + garbled == body.len() {
            return Class::Currencies(cur, garbled > 0);
        }
    }
    let toks: Vec<Token> = body
        .iter()
        .map(|c| {
            let parts: Vec<Token> = c.split_whitespace().map(number::parse_token).collect();
            if parts.len() == 1 || parts.iter().all(|t| !matches!(t, Token::Text)) {
                parts.into_iter().next().unwrap_or(Token::Text)
            } else {
                Token::Text
            }
        })
        .collect();
    let real_numbers = toks
        .iter()
        .filter(|t| matches!(t, Token::Number { amount, .. } if !amount.value.is_zero() || amount.decimals > 0))
        .count();
    let any_numeric = toks
        .iter()
        .any(|t| matches!(t, Token::Number { .. } | Token::Malformed));
    let joined: String = cells.concat();
    let ph = phrases(&joined);
    if !ph.is_empty() && real_numbers == 0 {
        return Class::Period(ph);
    }
    if label_is_text {
        // A heading carrying garbled codes ("ASSETS\tKMD\tKMD") is a row.
        if !rest.is_empty()
            && rest
                .iter()
                .all(|c| GARBLED_CODE.is_match(c) || currency_cell(c).is_some())
        {
            return Class::Data;
        }
        let text_cells = !rest.is_empty() && !any_numeric;
        if text_cells {
            let is_column_text = super::vocab::Vocab::get().column(&rest.join(" ")).is_some()
                || rest.iter().any(|c| c.to_lowercase().contains("amounts as"));
            if !in_rows || is_column_text {
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

/// Reads a data line into label and values.
pub fn data(no: usize, raw: &str) -> DataLine {
    let cells = cells(raw);
    let bold = clean::is_bold(raw.split('\t').next().unwrap_or(""));
    let first = cells[0].as_str();
    let unlabeled = !raw.starts_with('\t')
        && !first.is_empty()
        && first
            .split_whitespace()
            .all(|t| !matches!(number::parse_token(t), Token::Text));
    let (label_cells, value_cells): (Vec<&str>, Vec<&str>) = if unlabeled {
        (Vec::new(), cells.iter().map(String::as_str).collect())
    } else {
        let mut k = 1;
        // Label fragments continued into the value cells (tabs inside the label).
        while k < cells.len()
            && !cells[k].is_empty()
            && cells[k]
                .split_whitespace()
                .all(|t| matches!(number::parse_token(t), Token::Text))
            && clean::letter_count(&cells[k]) > 0
            && !super::vocab::Vocab::get().is_spanning(&cells[k])
            && !cells[k].chars().all(|c| c.is_ascii_uppercase())
            && clean::letter_count(&cells[0]) > 0
        {
            k += 1;
        }
        let (l, v) = cells.split_at(k);
        (
            l.iter().map(String::as_str).collect(),
            v.iter().map(String::as_str).collect(),
        )
    };
    let printed_raw = raw
        .split('\t')
        .take(label_cells.len())
        .collect::<Vec<_>>()
        .join(" ");
    let printed = clean::label(&printed_raw);
    let vals = value_cells
        .iter()
        .map(|c| {
            let toks: Vec<&str> = c.split_whitespace().collect();
            match toks.len() {
                0 => Val::Empty,
                1 => match number::parse_token(toks[0]) {
                    Token::Number { amount, percent } => Val::Num {
                        amount,
                        percent,
                        raw: toks[0].to_string(),
                    },
                    Token::Malformed => Val::Bad(toks[0].to_string()),
                    Token::Text => Val::Text(toks[0].to_string()),
                },
                _ => {
                    if toks
                        .iter()
                        .all(|t| !matches!(number::parse_token(t), Token::Text))
                    {
                        Val::Multi(toks.iter().map(|t| t.to_string()).collect())
                    } else {
                        Val::Text(c.to_string())
                    }
                }
            }
        })
        .collect();
    DataLine {
        no,
        head: label_cells
            .first()
            .map(|h| clean::label(h))
            .unwrap_or_default(),
        label: printed.clone(),
        printed,
        broken: label_cells.len() > 1,
        bold,
        vals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_period_words() {
        let p = phrases("\tThree months ended June 30,\t\tSix m\tSix months ended June\t\t");
        assert_eq!(p.len(), 2);
        assert_eq!((p[1].months, p[1].month, p[1].day), (Some(6), 6, None));
        assert_eq!(
            phrases("\tThree n\tnonths ended June 30\t,")[0].months,
            Some(3)
        );
        assert_eq!(
            phrases("\tDecember 31, 2023\tJune 30, 2024")[1].year,
            Some(2024)
        );
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
