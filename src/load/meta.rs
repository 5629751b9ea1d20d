//! Filing metadata read from the text: company, ticker, quarter, date, exchange rate.

use crate::model::{ExchangeRate, Quarter};
use chrono::NaiveDate;

/// What the loader learns about a filing before reading its tables.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Company name ("Qifu Technology, Inc.").
    pub company: Option<String>,
    /// Ticker ("QFIN").
    pub ticker: Option<String>,
    /// The quarter the filing reports.
    pub quarter: Option<Quarter>,
    /// Date of the release.
    pub date: Option<NaiveDate>,
    /// The stated RMB/USD rate.
    pub exchange_rate: Option<ExchangeRate>,
}

/// Reads the metadata from the filing's lines (line `n` is `lines[n - 1]`).
pub fn read(lines: &[String]) -> Meta {
    let _ = lines;
    Meta {
        company: None,
        ticker: None,
        quarter: None,
        date: None,
        exchange_rate: None,
    }
}
