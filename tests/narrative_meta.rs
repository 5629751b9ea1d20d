//! Filing metadata read from the bundled filings' text.

mod narrative_support;

use chrono::NaiveDate;
use narrative_support::{Q1, Q2, d, lines};
use tieout::load::meta;
use tieout::model::Quarter;

#[test]
fn q1_press_release_metadata() {
    let m = meta::read(&lines(Q1));
    assert_eq!(m.company.as_deref(), Some("Qifu Technology, Inc."));
    assert_eq!(m.ticker.as_deref(), Some("QFIN"));
    assert_eq!(
        m.quarter,
        Some(Quarter {
            year: 2024,
            quarter: 1
        })
    );
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2024, 5, 19));
    let rate = m.exchange_rate.expect("rate");
    assert_eq!(rate.rmb_per_usd, d("7.2203"));
    assert_eq!(rate.rmb_per_usd.scale(), 4);
    assert_eq!(rate.line, 193);
}

#[test]
fn q2_6k_metadata() {
    let m = meta::read(&lines(Q2));
    assert_eq!(m.company.as_deref(), Some("Qifu Technology, Inc."));
    assert_eq!(m.ticker.as_deref(), Some("QFIN"));
    assert_eq!(
        m.quarter,
        Some(Quarter {
            year: 2024,
            quarter: 2
        })
    );
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2024, 8, 13));
    let rate = m.exchange_rate.expect("rate");
    assert_eq!(rate.rmb_per_usd, d("7.2672"));
    assert_eq!(rate.line, 223);
}
