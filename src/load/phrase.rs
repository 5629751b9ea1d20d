//! Period phrases of header lines ("Three months ended June 30,",
//! "June 30, 2024"), read from squashed text so words broken by tabs are
//! whole again.

use super::clean;
use super::scan;
use chrono::NaiveDate;

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
        // (The month name capitalised.)
        let month = scan::MONTH_NAMES[self.month as usize - 1];
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

/// Whether the text of `parts` (joined) may hold a period phrase: its
/// squashed form holds "ended" or four digits in a row (what [`phrases`]
/// needs). Decided on the bytes, without joining or squashing (text
/// beyond ASCII is left to [`phrases`]).
pub fn may_hold_phrases<'s>(parts: impl Iterator<Item = &'s str>) -> bool {
    const ENDED: u64 = u64::from_be_bytes([0, 0, 0, b'e', b'n', b'd', b'e', b'd']);
    // The last five squashed bytes, and the current run of digits.
    let (mut last, mut digits) = (0u64, 0);
    for b in parts.flat_map(str::bytes) {
        if !b.is_ascii() {
            return true;
        }
        if b.is_ascii_whitespace() || b == 0x0b {
            continue;
        }
        let b = b.to_ascii_lowercase();
        last = ((last << 8) | u64::from(b)) & 0xff_ffff_ffff;
        digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
        if digits >= 4 || last == ENDED {
            return true;
        }
    }
    false
}

/// Period phrases in a header line's text (cells joined without separators,
/// so words broken by tabs are whole again).
pub fn phrases(text: &str) -> Vec<Phrase> {
    let s = clean::squash(text);
    let phrase = |(months, month, day, year): scan::Squashed| Phrase {
        months,
        month,
        day,
        year,
    };
    // A duration phrase holds "ended"; without it, only instants (which
    // end in a four-digit year) can be found.
    if s.contains("ended") {
        return scan::all_at(&s, scan::duration_at)
            .into_iter()
            .map(phrase)
            .collect();
    }
    let four_digits = s
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !four_digits {
        return Vec::new();
    }
    scan::all_at(&s, scan::instant_at)
        .into_iter()
        .map(phrase)
        .collect()
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
        // Neither "ended" nor a year: no phrase.
        assert!(phrases("\tJune 30,\tDecember 31,").is_empty());
        assert!(phrases("Total revenues\t1,234").is_empty());
        for (parts, may) in [
            (&["\tThree months en", "ded June"][..], true),
            (&["\tDecember 31, 20", "23"][..], true),
            (&["Current assets:", ""][..], false),
            (&["Total revenues", "1,234"][..], false),
            (&["Juni 30, 2024 \u{e9}"][..], true),
        ] {
            assert_eq!(may_hold_phrases(parts.iter().copied()), may, "{parts:?}");
        }
    }
}
