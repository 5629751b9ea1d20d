//! The `tieout` binary: parses the command line and hands over to the library.

fn main() {
    let (filings, errors) = tieout::load::load_all(&tieout::load::bundled());
    for e in &errors {
        eprintln!("tieout: {e}");
    }
    println!("loaded {} filings", filings.len());
}
