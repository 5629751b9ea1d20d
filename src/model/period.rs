//! Reporting periods: instants for balance sheets, durations for flows.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;

/// The period a column or fact speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Period {
    /// A point in time ("June 30, 2024").
    Instant {
        /// The day.
        date: NaiveDate,
    },
    /// A span from `start` to `end`, both inclusive ("Three months ended June 30, 2024").
    Duration {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
    },
}

impl Period {
    /// A duration of `months` whole months ending on `end` (a month end).
    pub fn months_ending(months: u32, end: NaiveDate) -> Period {
        let first_of_end_month = end.with_day(1).expect("day 1 exists");
        let start = first_of_end_month
            .checked_sub_months(chrono::Months::new(months.saturating_sub(1)))
            .unwrap_or(first_of_end_month);
        Period::Duration { start, end }
    }

    /// The instant `date`.
    pub fn instant(date: NaiveDate) -> Period {
        Period::Instant { date }
    }

    /// The last day the period covers.
    pub fn end(&self) -> NaiveDate {
        match *self {
            Period::Instant { date } => date,
            Period::Duration { end, .. } => end,
        }
    }

    /// The first day of a duration; `None` for an instant.
    pub fn start(&self) -> Option<NaiveDate> {
        match *self {
            Period::Instant { .. } => None,
            Period::Duration { start, .. } => Some(start),
        }
    }

    /// Whole months a duration spans (3 for a quarter); 0 for an instant.
    pub fn months(&self) -> u32 {
        match *self {
            Period::Instant { .. } => 0,
            Period::Duration { start, end } => {
                let m = (end.year() - start.year()) * 12 + end.month() as i32
                    - start.month() as i32
                    + 1;
                m.max(0) as u32
            }
        }
    }

    /// A short label for narrow columns: "Q2 2024", "6M 2024", "Jun 30, 2024".
    pub fn short(&self) -> String {
        match *self {
            Period::Instant { date } => date.format("%b %-d, %Y").to_string(),
            Period::Duration { end, .. } => match self.months() {
                3 if end.month() % 3 == 0 => format!("Q{} {}", end.month() / 3, end.year()),
                12 => format!("FY {}", end.year()),
                m => format!("{m}M {}", end.year()),
            },
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

/// The fiscal quarter a filing reports ("Q2 2024").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Quarter {
    /// Calendar year.
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// The last day of the quarter. A quarter outside the calendar's range
    /// (only damaged input yields one: a period ending on the first
    /// representable day, then a year earlier) ends on its nearest bound.
    pub fn end(&self) -> NaiveDate {
        let month = u32::from(self.quarter) * 3;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(self.year.saturating_add(1), 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, month + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(if self.year < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    }

    /// The three months of the quarter as a period.
    pub fn period(&self) -> Period {
        Period::months_ending(3, self.end())
    }

    /// The quarter before this one.
    pub fn previous(&self) -> Quarter {
        if self.quarter == 1 {
            Quarter {
                year: self.year - 1,
                quarter: 4,
            }
        } else {
            Quarter {
                year: self.year,
                quarter: self.quarter - 1,
            }
        }
    }

    /// The same quarter a year earlier.
    pub fn year_ago(&self) -> Quarter {
        Quarter {
            year: self.year - 1,
            quarter: self.quarter,
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{} {}", self.quarter, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarter_and_half_year_periods() {
        let q2 = Period::months_ending(3, d(2024, 6, 30));
        assert_eq!(q2.start(), Some(d(2024, 4, 1)));
        assert_eq!(q2.months(), 3);
        assert_eq!(q2.short(), "Q2 2024");
        let h1 = Period::months_ending(6, d(2024, 6, 30));
        assert_eq!(h1.start(), Some(d(2024, 1, 1)));
        assert_eq!(h1.short(), "6M 2024");
        assert_eq!(Period::instant(d(2023, 12, 31)).short(), "Dec 31, 2023");
    }

    #[test]
    fn quarters_beyond_the_calendar_end_on_its_bounds() {
        let first = Quarter {
            year: NaiveDate::MIN.year(),
            quarter: 1,
        };
        assert_eq!(first.year_ago().end(), NaiveDate::MIN);
        let last = Quarter {
            year: NaiveDate::MAX.year(),
            quarter: 4,
        };
        assert_eq!(last.end(), NaiveDate::MAX);
        assert_eq!(
            Quarter {
                year: 2024,
                quarter: 5
            }
            .end(),
            NaiveDate::MAX
        );
    }

    #[test]
    fn quarter_navigation() {
        let q1 = Quarter {
            year: 2024,
            quarter: 1,
        };
        assert_eq!(q1.end(), d(2024, 3, 31));
        assert_eq!(
            q1.previous(),
            Quarter {
                year: 2023,
                quarter: 4
            }
        );
        assert_eq!(q1.year_ago().period().start(), Some(d(2023, 1, 1)));
    }
}
