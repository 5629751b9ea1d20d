//! The fixture filings: subsets of the bundled Q1 and Q2 2024 filings.

use super::{col, d, lines, row};
use tieout::load::bundled::{Q1_2024, Q2_2024};
use tieout::model::*;

/// Q1 2024 press release: balance sheet and statement of operations (subset).
pub fn q1() -> Filing {
    use RowKind::*;
    let bs = Statement {
        kind: StatementKind::BalanceSheet,
        title: "Unaudited Condensed Consolidated Balance Sheets".into(),
        scale: Scale::Thousands,
        columns: vec![
            col(
                "December 31, 2023 RMB",
                Period::instant(d(2023, 12, 31)),
                Currency::RMB,
                208,
            ),
            col(
                "March 31, 2024 RMB",
                Period::instant(d(2024, 3, 31)),
                Currency::RMB,
                208,
            ),
            col(
                "March 31, 2024 USD",
                Period::instant(d(2024, 3, 31)),
                Currency::USD,
                208,
            ),
        ],
        rows: vec![
            row("Current assets:", Header, 0, None, 211, &["", "", ""]),
            row(
                "Cash and cash equivalents",
                Item,
                1,
                Some(3),
                213,
                &["4,177,890", "5,301,288", "734,220"],
            ),
            row(
                "Restricted cash",
                Item,
                1,
                Some(3),
                214,
                &["3,381,107", "2,855,305", "395,455"],
            ),
            row(
                "Total current assets",
                Subtotal,
                1,
                Some(4),
                224,
                &["39,796,028", "41,816,332", "5,791,495"],
            ),
            row(
                "TOTAL ASSETS",
                Total,
                0,
                None,
                237,
                &["45,818,572", "47,426,518", "6,568,496"],
            ),
            row(
                "TOTAL LIABILITIES AND EQUITY",
                Total,
                0,
                None,
                258,
                &["45,818,572", "47,426,518", "6,568,496"],
            ),
        ],
        line: 203,
    };
    let q = |y| Period::months_ending(3, d(y, 3, 31));
    let is = Statement {
        kind: StatementKind::IncomeStatement,
        title: "Unaudited Condensed Consolidated Statements of Operations".into(),
        scale: Scale::Thousands,
        columns: vec![
            col(
                "Three months ended March 31, 2023 RMB",
                q(2023),
                Currency::RMB,
                265,
            ),
            col(
                "Three months ended March 31, 2024 RMB",
                q(2024),
                Currency::RMB,
                265,
            ),
            col(
                "Three months ended March 31, 2024 USD",
                q(2024),
                Currency::USD,
                265,
            ),
        ],
        rows: vec![
            row(
                "Credit driven services",
                Subtotal,
                0,
                Some(2),
                268,
                &["2,630,621", "3,016,282", "417,750"],
            ),
            row(
                "Platform services",
                Subtotal,
                0,
                Some(2),
                273,
                &["968,553", "1,136,901", "157,459"],
            ),
            row(
                "Total net revenue",
                Total,
                0,
                None,
                277,
                &["3,599,174", "4,153,183", "575,209"],
            ),
            row(
                "Funding costs",
                Item,
                1,
                Some(4),
                279,
                &["159,023", "155,963", "21,601"],
            ),
            row(
                "Total operating costs and expenses",
                Total,
                0,
                None,
                287,
                &["2,592,144", "2,789,082", "386,283"],
            ),
            row(
                "Income from operations",
                Total,
                0,
                None,
                288,
                &["1,007,030", "1,364,101", "188,926"],
            ),
            row(
                "Net income",
                Total,
                0,
                None,
                295,
                &["929,822", "1,160,144", "160,678"],
            ),
        ],
        line: 260,
    };
    Filing {
        id: "qfin-2024q1-press-release".into(),
        company: "Qifu Technology, Inc.".into(),
        ticker: "QFIN".into(),
        quarter: Quarter {
            year: 2024,
            quarter: 1,
        },
        date: None,
        exchange_rate: None,
        statements: vec![bs, is],
        facts: vec![],
        claims: vec![],
        repairs: vec![],
        warnings: vec![],
        source: lines(Q1_2024).into(),
    }
}

/// Q2 2024 6-K: balance sheet (with its OCR-damaged USD total) and the
/// statement of operations with three- and six-month columns (subset).
pub fn q2() -> Filing {
    use RowKind::*;
    let bs = Statement {
        kind: StatementKind::BalanceSheet,
        title: "Unaudited Condensed Consolidated Balance Sheets".into(),
        scale: Scale::Thousands,
        columns: vec![
            col(
                "December 31, 2023 RMB",
                Period::instant(d(2023, 12, 31)),
                Currency::RMB,
                236,
            ),
            col(
                "June 30, 2024 RMB",
                Period::instant(d(2024, 6, 30)),
                Currency::RMB,
                236,
            ),
            col(
                "June 30, 2024 USD",
                Period::instant(d(2024, 6, 30)),
                Currency::USD,
                236,
            ),
        ],
        rows: vec![
            row("Current assets:", Header, 0, None, 239, &["", "", ""]),
            row(
                "Cash and cash equivalents",
                Item,
                1,
                Some(3),
                240,
                &["4,177,890", "6,337,134", "872,019"],
            ),
            row(
                "Restricted cash",
                Item,
                1,
                Some(3),
                241,
                &["3,381,107", "2,035,180", "280,050"],
            ),
            row(
                "Total current assets",
                Subtotal,
                1,
                Some(4),
                250,
                &["39,796,028", "41,415,757", "5,698,998"],
            ),
            row(
                "TOTAL ASSETS",
                Total,
                0,
                None,
                263,
                &["45,818,572", "46,983,049", "6,465,081"],
            ),
            Row {
                origin: LabelOrigin::Split,
                ..row(
                    "TOTAL LIABILITIES",
                    Total,
                    0,
                    None,
                    281,
                    &["23,808,715", "24,350,070", "3,350,681"],
                )
            },
            Row {
                origin: LabelOrigin::Split,
                ..row(
                    "Total Qifu Technology Inc equity",
                    Subtotal,
                    0,
                    None,
                    282,
                    &["21,937,483", "22,568,768", "3,105,564"],
                )
            },
            row(
                "TOTAL LIABILITIES AND EQUITY",
                Total,
                0,
                None,
                285,
                &["45,818,572", "46,983,049", "0,405,081"],
            ),
        ],
        line: 233,
    };
    let q = |y| Period::months_ending(3, d(y, 6, 30));
    let h = |y| Period::months_ending(6, d(y, 6, 30));
    let is = Statement {
        kind: StatementKind::IncomeStatement,
        title: "Unaudited Condensed Consolidated Statements of Operations".into(),
        scale: Scale::Thousands,
        columns: vec![
            col(
                "Three months ended June 30, 2023 RMB",
                q(2023),
                Currency::RMB,
                289,
            ),
            col(
                "Three months ended June 30, 2024 RMB",
                q(2024),
                Currency::RMB,
                289,
            ),
            col(
                "Three months ended June 30, 2024 USD",
                q(2024),
                Currency::USD,
                289,
            ),
            col(
                "Six months ended June 30, 2023 RMB",
                h(2023),
                Currency::RMB,
                289,
            ),
            col(
                "Six months ended June 30, 2024 RMB",
                h(2024),
                Currency::RMB,
                289,
            ),
            col(
                "Six months ended June 30, 2024 USD",
                h(2024),
                Currency::USD,
                289,
            ),
        ],
        rows: vec![
            row(
                "Credit driven services",
                Subtotal,
                0,
                Some(2),
                292,
                &[
                    "2,788,707",
                    "2,912,205",
                    "400,732",
                    "5,419,328",
                    "5,928,487",
                    "815,788",
                ],
            ),
            row(
                "Platform services",
                Subtotal,
                0,
                Some(2),
                297,
                &[
                    "1,125,617",
                    "1,247,858",
                    "171,711",
                    "2,094,170",
                    "2,384,759",
                    "328,153",
                ],
            ),
            row(
                "Total net revenue",
                Total,
                0,
                None,
                301,
                &[
                    "3,914,324",
                    "4,160,063",
                    "572,443",
                    "7,513,498",
                    "8,313,246",
                    "1,143,941",
                ],
            ),
            row(
                "Funding costs",
                Item,
                1,
                Some(6),
                303,
                &[
                    "165,225", "161,302", "22,196", "324,248", "317,265", "43,657",
                ],
            ),
            Row {
                origin: LabelOrigin::Joined,
                ..row(
                    "Provision for accounts receivable and contract assets",
                    Item,
                    1,
                    Some(6),
                    308,
                    &["47,206", "123,766", "17,031", "44,970", "235,239", "32,370"],
                )
            },
            row(
                "Provision for contingent liabilities",
                Item,
                1,
                Some(6),
                310,
                &[
                    "757,590",
                    "(213,267)",
                    "(29,347)",
                    "1,437,924",
                    "103,397",
                    "14,228",
                ],
            ),
            row(
                "Total operating costs and expenses",
                Total,
                0,
                None,
                311,
                &[
                    "2,732,824",
                    "2,175,077",
                    "299,301",
                    "5,324,968",
                    "4,964,159",
                    "683,090",
                ],
            ),
            row(
                "Income from operations",
                Total,
                0,
                None,
                312,
                &[
                    "1,181,500",
                    "1,984,986",
                    "273,142",
                    "2,188,530",
                    "3,349,087",
                    "460,851",
                ],
            ),
            row(
                "Net income",
                Total,
                0,
                None,
                319,
                &[
                    "1,093,377",
                    "1,376,508",
                    "189,412",
                    "2,023,199",
                    "2,536,652",
                    "349,056",
                ],
            ),
        ],
        line: 287,
    };
    // The Provision for accounts receivable cells sit on the label's second line.
    let mut is = is;
    for c in is.rows[4].cells.iter_mut().flatten() {
        c.line = 309;
    }
    Filing {
        id: "qfin-2024q2-6k".into(),
        company: "Qifu Technology, Inc.".into(),
        ticker: "QFIN".into(),
        quarter: Quarter { year: 2024, quarter: 2 },
        date: None,
        exchange_rate: None,
        statements: vec![bs, is],
        facts: vec![],
        claims: vec![],
        repairs: vec![
            Repair {
                kind: RepairKind::SplitMergedRow,
                statement: Some(StatementKind::BalanceSheet),
                label: Some("TOTAL LIABILITIES".into()),
                description: "line 282 holds two rows (TOTAL LIABILITIES, Total Qifu Technology Inc equity) run together; split".into(),
                lines: vec![282],
            },
            Repair {
                kind: RepairKind::JoinedLabel,
                statement: Some(StatementKind::IncomeStatement),
                label: Some("Provision for accounts receivable and contract assets".into()),
                description: "label printed over lines 308 and 309; joined".into(),
                lines: vec![308, 309],
            },
        ],
        warnings: vec![],
        source: lines(Q2_2024).into(),
    }
}
