//! The `tieout` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    tieout::cli::main()
}
