//! Records as CSV, header `filing,statement,label,column,period_start,period_end,currency,value,line`.

use super::Record;
use std::io::Write;

/// The CSV header line, exactly as written.
pub const HEADER: &str =
    "filing,statement,label,column,period_start,period_end,currency,value,line";

/// Writes the header and one line per record.
pub fn write<W: Write>(records: &[Record], out: W) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    if records.is_empty() {
        // serde writes the header with the first record; write it for none too.
        w.write_record(HEADER.split(',')).map_err(io_error)?;
    }
    for r in records {
        w.serialize(r).map_err(io_error)?;
    }
    w.flush()
}

/// The underlying I/O error (so a closed pipe stays `BrokenPipe`), or the CSV error.
fn io_error(e: csv::Error) -> std::io::Error {
    if !e.is_io_error() {
        return std::io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// Reads records back (the inverse of [`write`]).
pub fn read<R: std::io::Read>(input: R) -> Result<Vec<Record>, csv::Error> {
    csv::Reader::from_reader(input).deserialize().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{fixture, records};

    #[test]
    fn header_then_rows_quoted_where_needed() {
        let recs = records(&[fixture::filing()]);
        let mut buf = Vec::new();
        write(&recs, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(HEADER));
        assert_eq!(
            lines.next(),
            Some(
                "qfin-2024q2-6k,income-statement,Total net revenue,\"Three months ended June 30, 2024 RMB\",2024-04-01,2024-06-30,RMB,4160063,301"
            )
        );
        assert!(text.contains(
            "qfin-2024q2-6k,balance-sheet,Cash and cash equivalents,\"June 30, 2024 RMB\",,2024-06-30,RMB,6337134,240\n"
        ));
        assert!(text.contains(",2024-04-01,2024-06-30,,303761387,330\n"));
    }

    #[test]
    fn round_trips() {
        let recs = records(&[fixture::filing()]);
        let mut buf = Vec::new();
        write(&recs, &mut buf).unwrap();
        assert_eq!(read(buf.as_slice()).unwrap(), recs);
    }

    #[test]
    fn no_records_still_has_header() {
        let mut buf = Vec::new();
        write(&[], &mut buf).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), format!("{HEADER}\n"));
    }
}
