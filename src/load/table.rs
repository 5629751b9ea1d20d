//! Splitting a block into tables: header lines, then data lines; a header
//! line after data lines starts a new table (a second period group printed
//! below the first, or a table continued after a page break).

use super::block::Block;
use super::line::{self, Class, DataLine};

/// One table of a block, before its header is interpreted (borrowing from
/// the filing's lines).
#[derive(Clone, Debug)]
pub struct RawTable<'a> {
    /// Index of the block in the filing.
    pub block: usize,
    /// Header lines: 1-based line number, class, raw text.
    pub header: Vec<(usize, Class, &'a str)>,
    /// Data lines in order.
    pub data: Vec<DataLine<'a>>,
    /// Lines that could not be read at all.
    pub junk: Vec<usize>,
    /// Whether this table started inside a block after another table's rows.
    pub continued: bool,
    /// 1-based lines the table spans.
    pub first_line: usize,
    /// Last 1-based line.
    pub last_line: usize,
}

/// Splits block `b` (index `bi`) of `lines` into tables.
pub fn split<'a>(bi: usize, b: &Block, lines: &'a [String]) -> Vec<RawTable<'a>> {
    let mut out = Vec::new();
    let new = |first: usize, continued: bool| RawTable {
        block: bi,
        header: Vec::new(),
        data: Vec::new(),
        junk: Vec::new(),
        continued,
        first_line: first,
        last_line: first,
    };
    let mut cur = new(b.start + 1, false);
    // Each line's cells and their reads (buffers reused line to line).
    let (mut cells, mut reads) = (Vec::new(), Vec::new());
    for (idx, raw) in lines.iter().enumerate().take(b.end).skip(b.start) {
        let no = idx + 1;
        let in_rows = !cur.data.is_empty();
        let plain_label = line::read_cells(raw, &mut cells, &mut reads);
        let class = line::classify_cells(&cells, &reads, in_rows);
        match class {
            Class::Blank => {}
            Class::Junk => cur.junk.push(no),
            Class::Data => {
                cur.data
                    .push(line::data_cells(no, raw, &mut cells, &reads, plain_label));
                cur.last_line = no;
            }
            header => {
                if in_rows {
                    let done = std::mem::replace(&mut cur, new(no, true));
                    out.push(done);
                }
                cur.header.push((no, header, raw));
                cur.last_line = no;
            }
        }
    }
    out.push(cur);
    out
}
