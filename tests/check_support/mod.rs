//! Hand-built filings for the check tests: statements typed from the Q1 2024
//! press release (same figures and source lines), with parent links given
//! explicitly, so the checks can be tested without the loader.
#![allow(dead_code)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;
use tieout::model::{
    Amount, Cell, Column, ColumnRole, Currency, ExchangeRate, Filing, LabelOrigin, Period, Quarter,
    Row, RowKind, Scale, Statement, StatementKind, Unit,
};

/// A date.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A decimal.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A printed cell: "(2,236)" is −2236, "-" is 0, "27.9%" is 27.9, "" is blank.
pub fn cell(raw: &str, line: usize) -> Option<Cell> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    if matches!(t, "-" | "—" | "_") {
        return Some(Cell {
            amount: Amount::new(Decimal::ZERO, 0),
            raw: t.into(),
            line,
        });
    }
    let neg = t.starts_with('(') && t.ends_with(')');
    let s: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    let v = Decimal::from_str(&s).unwrap();
    Some(Cell {
        amount: Amount::from_decimal(if neg { -v } else { v }),
        raw: t.into(),
        line,
    })
}

/// A column.
pub fn col(
    header: &str,
    period: Period,
    currency: Currency,
    role: ColumnRole,
    line: usize,
) -> Column {
    Column {
        header: header.into(),
        period,
        currency,
        role,
        line,
    }
}

/// A quarter's three months.
pub fn q(year: i32, quarter: u8) -> Period {
    Quarter { year, quarter }.period()
}

/// Builds a statement from tab-separated lines, one per source line from
/// `first_line`. A label may end with "@N" (parent is row N) and start with
/// "#" (a heading), "=" (a subtotal) or "!" (a total); an empty line
/// advances the line count only. `unit` gives the unit of rows whose label
/// contains a word: "per share", "shares", "margin".
pub fn statement(
    kind: StatementKind,
    columns: Vec<Column>,
    first_line: usize,
    text: &str,
) -> Statement {
    let mut rows = Vec::new();
    let mut section: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let n = first_line + i;
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        let mut label = parts.next().unwrap().trim().to_string();
        let mut parent = None;
        if let Some((l, p)) = label.clone().rsplit_once('@') {
            label = l.to_string();
            parent = Some(p.parse().unwrap());
        }
        let kind = match label.chars().next() {
            Some('#') => RowKind::Header,
            Some('=') => RowKind::Subtotal,
            Some('!') => RowKind::Total,
            _ => RowKind::Item,
        };
        if kind != RowKind::Item {
            label = label[1..].to_string();
        }
        let cells: Vec<Option<Cell>> = (0..columns.len())
            .map(|_| parts.next().and_then(|c| cell(c, n)))
            .collect();
        let lower = label.to_lowercase();
        let sec = section.as_deref().unwrap_or("").to_lowercase();
        let unit =
            if cells.iter().flatten().any(|c| c.raw.ends_with('%')) || lower.contains("margin") {
                Unit::Percent
            } else if lower.contains("weighted average") || sec.contains("weighted average") {
                Unit::Shares
            } else if lower.contains("per ads")
                || sec.contains("per ordinary share")
                || sec.contains("per ads")
            {
                Unit::PerShare
            } else {
                Unit::Money
            };
        let scale = if unit == Unit::Money {
            Scale::Thousands
        } else {
            Scale::Units
        };
        rows.push(Row {
            label: label.clone(),
            origin: LabelOrigin::Printed,
            section: section.clone(),
            parent,
            depth: u8::from(parent.is_some()),
            kind,
            unit,
            scale,
            cells,
            line: n,
        });
        if kind == RowKind::Header {
            section = Some(label.trim_end_matches(':').to_string());
        }
    }
    Statement {
        kind,
        title: kind.title().into(),
        scale: Scale::Thousands,
        columns,
        rows,
        line: first_line.saturating_sub(5),
    }
}

/// An empty filing of QFIN for `quarter` at `rate`.
pub fn filing(id: &str, quarter: Quarter, rate: &str, rate_line: usize) -> Filing {
    Filing {
        id: id.into(),
        company: "Qifu Technology, Inc.".into(),
        ticker: "QFIN".into(),
        quarter,
        date: None,
        exchange_rate: Some(ExchangeRate {
            rmb_per_usd: dec(rate),
            line: rate_line,
        }),
        statements: Vec::new(),
        facts: Vec::new(),
        claims: Vec::new(),
        repairs: Vec::new(),
        warnings: Vec::new(),
        source: Default::default(),
    }
}

fn q1_cols(instant: bool) -> Vec<Column> {
    use ColumnRole::Reported;
    use Currency::{RMB, USD};
    if instant {
        vec![
            col(
                "December 31, 2023 RMB",
                Period::instant(d(2023, 12, 31)),
                RMB,
                Reported,
                209,
            ),
            col(
                "March 31, 2024 RMB",
                Period::instant(d(2024, 3, 31)),
                RMB,
                Reported,
                209,
            ),
            col(
                "March 31, 2024 USD",
                Period::instant(d(2024, 3, 31)),
                USD,
                Reported,
                209,
            ),
        ]
    } else {
        vec![
            col(
                "Three months ended March 31, 2023 RMB",
                q(2023, 1),
                RMB,
                Reported,
                266,
            ),
            col(
                "Three months ended March 31, 2024 RMB",
                q(2024, 1),
                RMB,
                Reported,
                266,
            ),
            col(
                "Three months ended March 31, 2024 USD",
                q(2024, 1),
                USD,
                Reported,
                266,
            ),
        ]
    }
}

/// The Q1 2024 balance sheet, lines 211-258 of the press release.
pub const Q1_BALANCE_SHEET: &str = "#ASSETS
#Current assets:
Cash and cash equivalents@12\t4,177,890\t5,301,288\t734,220
Restricted cash@12\t3,381,107\t2,855,305\t395,455
Short term investments@12\t15,000\t15,000\t2,077
Security deposit prepaid to third-party guarantee companies@12\t207,071\t166,622\t23,077
Funds receivable from third party payment service providers@12\t1,603,419\t1,218,797\t168,801
Accounts receivable and contract assets, net@12\t2,909,245\t2,777,867\t384,730
Financial assets receivable, net@12\t2,522,543\t1,890,151\t261,783

Amounts due from related parties@12\t45,346\t25,253\t3,498
Loans receivable, net@12\t24,604,487\t27,060,541\t3,747,842
Prepaid expenses and other assets@12\t329,920\t505,508\t70,012
=Total current assets@25\t39,796,028\t41,816,332\t5,791,495
#Non-current assets:
Accounts receivable and contract assets, net-noncurrent@24\t146,995\t79,453\t11,004
Financial assets receivable, net-noncurrent@24\t596,330\t391,099\t54,167
Amounts due from related parties@24\t4,240\t1,677\t232
Loans receivable, net-noncurrent@24\t2,898,005\t2,692,041\t372,843
Property and equipment, net@24\t231,221\t256,724\t35,556
Land use rights, net@24\t977,461\t972,280\t134,659
Intangible assets@24\t13,443\t12,899\t1,786
Goodwill@24\t41,210\t41,210\t5,708
Deferred tax assets@24\t1,067,738\t1,106,355\t153,228
Other non-current assets@24\t45,901\t56,448\t7,818
=Total non-current assets@25\t6,022,544\t5,610,186\t777,001
!TOTAL ASSETS\t45,818,572\t47,426,518\t6,568,496
#LIABILITIES AND EQUITY
#Current liabilities:
Payable to investors of the consolidated trusts-current@36\t8,942,291\t9,633,321\t1,334,200
Accrued expenses and other current liabilities@36\t2,016,039\t2,537,055\t351,378
Amounts due to related parties@36\t80,376\t41,974\t5,813
Short term loans@36\t798,586\t683,804\t94,706
Guarantee liabilities-stand ready@36\t3,949,601\t3,198,783\t443,026
Guarantee liabilities-contingent@36\t3,207,264\t2,676,826\t370,736
Income tax payable@36\t742,210\t848,222\t117,477
Other tax payable@36\t163,252\t145,701\t20,179
=Total current liabilities@42\t19,899,619\t19,765,686\t2,737,515
#Non-current liabilities:
Deferred tax liabilities@41\t224,823\t193,892\t26,854
Payable to investors of the consolidated trusts-noncurrent@41\t3,581,800\t5,154,600\t713,904
Other long-term liabilities@41\t102,473\t171,128\t23,701
=Total non-current liabilities@42\t3,909,096\t5,519,620\t764,459
!TOTAL LIABILITIES\t23,808,715\t25,285,306\t3,501,974
!TOTAL QIFU TECHNOLOGY INC EQUITY\t21,937,483\t22,072,981\t3,057,072
Noncontrolling interests\t72,374\t68,231\t9,450
!TOTAL EQUITY\t22,009,857\t22,141,212\t3,066,522
!TOTAL LIABILITIES AND EQUITY\t45,818,572\t47,426,518\t6,568,496";

/// The Q1 2024 statement of operations, lines 268-306.
pub const Q1_INCOME: &str = "=Credit driven services@9\t2,630,621\t3,016,282\t417,750
Loan facilitation and servicing fees-capital heavy@0\t311,164\t243,766\t33,761
Financing income@0\t1,065,882\t1,534,986\t212,593
Revenue from releasing of guarantee liabilities@0\t1,209,820\t1,166,018\t161,492
Other services fees@0\t43,755\t71,512\t9,904
=Platform services@9\t968,553\t1,136,901\t157,459
Loan facilitation and servicing fees-capital light@5\t765,280\t502,715\t69,625
Referral services fees@5\t108,476\t548,824\t76,011
Other services fees@5\t94,797\t85,362\t11,823
!Total net revenue\t3,599,174\t4,153,183\t575,209
Facilitation, origination and servicing\t640,341\t736,026\t101,938
Funding costs\t159,023\t155,963\t21,601

Sales and marketing\t422,177\t415,617\t57,562
General and administrative\t104,889\t106,415\t14,738
Provision for loans receivable\t518,864\t847,921\t117,436
Provision for financial assets receivable\t68,752\t99,003\t13,712
Provision for accounts receivable and contract assets\t(2,236)\t111,473\t15,439
Provision for contingent liabilities\t680,334\t316,664\t43,857
!Total operating costs and expenses\t2,592,144\t2,789,082\t386,283
!Income from operations\t1,007,030\t1,364,101\t188,926
Interest income, net\t64,770\t50,058\t6,933
Foreign exchange gain\t6,149\t82\t11
Other income, net\t24,164\t111,968\t15,507
Investment loss\t-\t-\t-
!Income before income tax expense\t1,102,113\t1,526,209\t211,377
Income taxes expense\t(172,291)\t(366,065)\t(50,699)
!Net income\t929,822\t1,160,144\t160,678
Net loss attributable to noncontrolling interests\t4,287\t4,143\t574
!Net income attributable to ordinary shareholders of the Company\t934,109\t1,164,287\t161,252
#Net income per ordinary share attributable to ordinary shareholders of Qifu Technology, Inc.
Basic\t2.89\t3.73\t0.52
Diluted\t2.82\t3.65\t0.51
#Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc.
Basic\t5.78\t7.46\t1.04
Diluted\t5.64\t7.30\t1.02
#Weighted average shares used in calculating net income per ordinary share
Basic\t322,859,462\t312,027,192\t312,027,192
Diluted\t331,219,266\t318,915,157\t318,915,157";

/// The Q1 2024 cash flow statement, lines 316-322.
pub const Q1_CASH_FLOW: &str =
    "Net cash provided by operating activities\t1,761,091\t1,958,267\t271,217
Net cash used in investing activities\t(3,564,207)\t(3,138,175)\t(434,632)
Net cash provided by financing activities\t38,940\t1,775,409\t245,891
Effect of foreign exchange rate changes\t(2,843)\t2,095\t290
Net (decrease) increase in cash and cash equivalents\t(1,767,019)\t597,596\t82,766
Cash, cash equivalents, and restricted cash, beginning of period\t10,512,363\t7,558,997\t1,046,909
Cash, cash equivalents, and restricted cash, end of period\t8,745,344\t8,156,593\t1,129,675";

/// The Q1 2024 statement of comprehensive income, lines 332-339.
pub const Q1_COMPREHENSIVE: &str = "!Net income\t929,822\t1,160,144\t160,678
#Other comprehensive income, net of tax of nil:
Foreign currency translation adjustment@3\t(2,808)\t2,010\t278
=Other comprehensive (loss) income\t(2,808)\t2,010\t278
!Total comprehensive income\t927,014\t1,162,154\t160,956

Comprehensive loss attributable to noncontrolling interests\t4,287\t4,143\t574
!Comprehensive income attributable to ordinary shareholders\t931,301\t1,166,297\t161,530";

/// The Q1 2024 non-GAAP reconciliation, lines 348-365.
pub const Q1_NON_GAAP: &str = "#Reconciliation of Non-GAAP Net Income to Net Income
Net income\t929,822\t1,160,144\t160,678
Add: Share-based compensation expenses\t46,496\t44,645\t6,183
!Non-GAAP net income\t976,318\t1,204,789\t166,861
GAAP net income margin\t25.8%\t27.9%\t
Non-GAAP net income margin\t27.1%\t29.0%\t

Net income attributable to shareholders of Qifu Technology, Inc.\t934,109\t1,164,287\t161,252
Add: Share-based compensation expenses\t46,496\t44,645\t6,183
!Non-GAAP net income attributable to shareholders of Qifu Technology, Inc.\t980,605\t1,208,932\t167,435
Weighted average ADS used in calculating net income per ordinary share for both GAAP and non-GAAP EPS -diluted\t165,609,633\t159,457,579\t159,457,579
Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc. -diluted\t5.64\t7.30\t1.02
Non-GAAP net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc. -diluted\t5.92\t7.58\t1.05
#Reconciliation of Non-GAAP Income from operations to Income from operations
Income from operations\t1,007,030\t1,364,101\t188,926
Add: Share-based compensation expenses\t46,496\t44,645\t6,183
!Non-GAAP Income from operations\t1,053,526\t1,408,746\t195,109
GAAP operating margin\t28.0%\t32.8%\t";

/// The Q1 2024 filing with its statements typed in (no narrative).
/// `edit` may change the text of a statement before it is built
/// (kind, text) -> text, to seed errors.
pub fn q1_with(edit: impl Fn(StatementKind, &str) -> String) -> Filing {
    use StatementKind::*;
    let mut f = filing(
        "qfin-2024q1-press-release",
        Quarter {
            year: 2024,
            quarter: 1,
        },
        "7.2203",
        193,
    );
    f.statements = vec![
        statement(
            BalanceSheet,
            q1_cols(true),
            211,
            &edit(BalanceSheet, Q1_BALANCE_SHEET),
        ),
        statement(
            IncomeStatement,
            q1_cols(false),
            268,
            &edit(IncomeStatement, Q1_INCOME),
        ),
        statement(CashFlow, q1_cols(false), 316, &edit(CashFlow, Q1_CASH_FLOW)),
        statement(
            ComprehensiveIncome,
            q1_cols(false),
            332,
            &edit(ComprehensiveIncome, Q1_COMPREHENSIVE),
        ),
        statement(NonGaap, q1_cols(false), 348, &edit(NonGaap, Q1_NON_GAAP)),
    ];
    f
}

/// The Q1 2024 filing as printed.
pub fn q1() -> Filing {
    q1_with(|_, t| t.to_string())
}

/// Replaces the first occurrence of `from` with `to` in the statement `kind`.
pub fn seed(
    kind: StatementKind,
    from: &'static str,
    to: &'static str,
) -> impl Fn(StatementKind, &str) -> String {
    move |k, t| {
        if k == kind {
            assert!(t.contains(from), "{from} not in {kind}");
            t.replacen(from, to, 1)
        } else {
            t.to_string()
        }
    }
}

fn q2_cols() -> Vec<Column> {
    use ColumnRole::Reported;
    use Currency::{RMB, USD};
    let h = |y: i32, m: u32, c: &str| {
        format!(
            "{} months ended June 30, {y} {c}",
            if m == 3 { "Three" } else { "Six" }
        )
    };
    let six = |y: i32| Period::months_ending(6, d(y, 6, 30));
    vec![
        col(&h(2023, 3, "RMB"), q(2023, 2), RMB, Reported, 290),
        col(&h(2024, 3, "RMB"), q(2024, 2), RMB, Reported, 290),
        col(&h(2024, 3, "USD"), q(2024, 2), USD, Reported, 290),
        col(&h(2023, 6, "RMB"), six(2023), RMB, Reported, 290),
        col(&h(2024, 6, "RMB"), six(2024), RMB, Reported, 290),
        col(&h(2024, 6, "USD"), six(2024), USD, Reported, 290),
    ]
}

/// The Q2 2024 statement of operations, lines 292-331 of the 6-K.
pub const Q2_INCOME: &str = "=Credit driven services@9\t2,788,707\t2,912,205\t400,732\t5,419,328\t5,928,487\t815,788
Loan facilitation and servicing fees-capital heavy@0\t395,512\t151,073\t20,788\t706,676\t394,839\t54,332
Financing income@0\t1,188,738\t1,690,110\t232,567\t2,254,620\t3,225,096\t443,788
Revenue from releasing of guarantee liabilities@0\t1,158,554\t972,586\t133,832\t2,368,374\t2,138,604\t294,282
Other services fees@0\t45,903\t98,436\t13,545\t89,658\t169,948\t23,386
=Platform services@9\t1,125,617\t1,247,858\t171,711\t2,094,170\t2,384,759\t328,153
Loan facilitation and servicing fees-capital light@5\t887,830\t524,405\t72,161\t1,653,110\t1,027,120\t141,336
Referral services fees@5\t160,864\t623,491\t85,795\t269,340\t1,172,315\t161,316
Other services fees@5\t76,923\t99,962\t13,755\t171,720\t185,324\t25,501
!Total net revenue\t3,914,324\t4,160,063\t572,443\t7,513,498\t8,313,246\t1,143,941
Facilitation, origination and servicing\t647,989\t722,160\t99,373\t1,288,330\t1,458,186\t200,653
Funding costs\t165,225\t161,302\t22,196\t324,248\t317,265\t43,657
Sales and marketing\t436,486\t366,388\t50,417\t858,663\t782,005\t107,607
General and administrative\t112,757\t95,054\t13,080\t217,646\t201,469\t27,723
Provision for loans receivable\t483,306\t849,508\t116,896\t1,002,170\t1,697,429\t233,574
Provision for financial assets receivable\t82,265\t70,166\t9,655\t151,017\t169,169\t23,278

Provision for accounts receivable and contract assets\t47,206\t123,766\t17,031\t44,970\t235,239\t32,370
Provision for contingent liabilities\t757,590\t(213,267)\t(29,347)\t1,437,924\t103,397\t14,228
!Total operating costs and expenses\t2,732,824\t2,175,077\t299,301\t5,324,968\t4,964,159\t683,090
!Income from operations\t1,181,500\t1,984,986\t273,142\t2,188,530\t3,349,087\t460,851
Interest income, net\t55,854\t45,987\t6,328\t120,624\t96,045\t13,216
Foreign exchange (loss) gain\t(2,319)\t160\t22\t3,830\t242\t33
Other income, net\t161,388\t45,430\t6,251\t185,552\t157,398\t21,659
Investment loss\t(30,112)\t-\t-\t(30,112)\t-\t-
!Income before income tax expense\t1,366,311\t2,076,563\t285,743\t2,468,424\t3,602,772\t495,759
Income taxes expense\t(272,934)\t(700,055)\t(96,331)\t(445,225)\t(1,066,120)\t(146,703)
!Net income\t1,093,377\t1,376,508\t189,412\t2,023,199\t2,536,652\t349,056
Net loss attributable to noncontrolling interests\t4,063\t4,020\t553\t8,350\t8,163\t1,123

!Net income attributable to ordinary shareholders of the Company\t1,097,440\t1,380,528\t189,965\t2,031,549\t2,544,815\t350,179
#Net income per ordinary share attributable to ordinary shareholders of Qifu Technology, Inc.
Basic\t3.40\t4.54\t0.62\t6.29\t8.27\t1.14
Diluted\t3.32\t4.46\t0.61\t6.14\t8.10\t1.11
#Net income per ADS attributable to ordinary shareholders of Qifu Technology, Inc.
Basic\t6.80\t9.08\t1.24\t12.58\t16.54\t2.28
Diluted\t6.64\t8.92\t1.22\t12.28\t16.20\t2.22
#Weighted average shares used in calculating net income per ordinary share
Basic\t323,095,877\t303,761,387\t303,761,387\t322,978,323\t307,894,289\t307,894,289
Diluted\t330,918,585\t309,495,756\t309,495,756\t331,118,889\t314,244,423\t314,244,423";

/// The Q2 2024 cash flow statement, lines 338-346.
pub const Q2_CASH_FLOW: &str = "Net cash provided by operating activities\t1,761,575\t1,961,616\t269,927\t3,522,666\t3,919,883\t539,394
Net cash used in investing activities\t(3,436,966)\t(980,403)\t(134,908)\t(7,001,173)\t(4,118,578)\t(566,735)
Net cash provided by (used in) financing activities\t1,236,187\t(767,607)\t(105,626)\t1,275,127\t1,007,802\t138,678
Effect of foreign exchange rate changes\t8,401\t2,115\t291\t5,558\t4,210\t579
Net (decrease) increase in cash and cash equivalents\t(430,803)\t215,721\t29,684\t(2,197,822)\t813,317\t111,916

Cash, cash equivalents, and restricted cash, beginning of period\t8,745,344\t8,156,593\t1,122,385\t10,512,363\t7,558,997\t1,040,153

Cash, cash equivalents, and restricted cash, end of period\t8,314,541\t8,372,314\t1,152,069\t8,314,541\t8,372,314\t1,152,069";

/// The cash rows of the Q2 2024 balance sheet, lines 240-241.
pub const Q2_BALANCE_SHEET_CASH: &str = "Cash and cash equivalents\t4,177,890\t6,337,134\t872,019
Restricted cash\t3,381,107\t2,035,180\t280,050";

/// A subset of the Q2 2024 6-K typed in: statement of operations, cash
/// flows and the cash rows of the balance sheet.
pub fn q2_with(edit: impl Fn(StatementKind, &str) -> String) -> Filing {
    use ColumnRole::Reported;
    use Currency::{RMB, USD};
    use StatementKind::*;
    let mut f = filing(
        "qfin-2024q2-6k",
        Quarter {
            year: 2024,
            quarter: 2,
        },
        "7.2672",
        223,
    );
    let bs_cols = vec![
        col(
            "December 31, 2023 RMB",
            Period::instant(d(2023, 12, 31)),
            RMB,
            Reported,
            236,
        ),
        col(
            "June 30, 2024 RMB",
            Period::instant(d(2024, 6, 30)),
            RMB,
            Reported,
            236,
        ),
        col(
            "June 30, 2024 USD",
            Period::instant(d(2024, 6, 30)),
            USD,
            Reported,
            236,
        ),
    ];
    f.statements = vec![
        statement(
            BalanceSheet,
            bs_cols,
            240,
            &edit(BalanceSheet, Q2_BALANCE_SHEET_CASH),
        ),
        statement(
            IncomeStatement,
            q2_cols(),
            292,
            &edit(IncomeStatement, Q2_INCOME),
        ),
        statement(CashFlow, q2_cols(), 338, &edit(CashFlow, Q2_CASH_FLOW)),
    ];
    f
}

/// The Q2 subset as printed.
pub fn q2() -> Filing {
    q2_with(|_, t| t.to_string())
}

/// The failed checks of a report.
pub fn failures(report: &tieout::check::Report) -> Vec<&tieout::check::CheckResult> {
    report
        .checks
        .iter()
        .filter(|c| c.status == tieout::check::Status::Fail)
        .collect()
}
