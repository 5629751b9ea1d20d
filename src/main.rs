//! The `tieout` binary: everything lives in the library.

/// mimalloc: loading makes many small allocations on several threads, which
/// it serves with fewer page faults and less locking than the system
/// allocator (see README, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tieout::cli::main()
}
