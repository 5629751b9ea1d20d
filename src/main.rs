//! The `tieout` binary: everything lives in the library.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc: loading makes many small allocations on several threads, which
/// it serves with fewer page faults and less locking than the system
/// allocator (see README, Performance).
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc through its plain entry points whenever they already give the
/// alignment asked for (as the system allocator's `malloc` path in std
/// does), and its aligned ones otherwise. The `mimalloc` crate always takes
/// the aligned path, which costs about twice the instructions per call.
struct Mimalloc;

/// The alignment `mi_malloc` guarantees for blocks of at least this size.
const MIN_ALIGN: usize = 16;

/// Whether a block of `size` bytes from `mi_malloc` is aligned to `align`.
fn plain(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

// SAFETY: every block comes from mimalloc and goes back to it; the plain
// entry points are used only where mimalloc guarantees the alignment
// (`plain`), and `mi_free` frees blocks of either kind.
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation functions accept any size.
        unsafe {
            if plain(layout.align(), layout.size()) {
                libmimalloc_sys::mi_malloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if plain(layout.align(), layout.size()) {
                libmimalloc_sys::mi_zalloc(layout.size()).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, hence from mimalloc.
        unsafe { libmimalloc_sys::mi_free(ptr.cast::<c_void>()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator; mimalloc keeps the old
        // contents up to the smaller size.
        unsafe {
            if plain(layout.align(), new_size) {
                libmimalloc_sys::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align())
                    .cast()
            }
        }
    }
}

/// Transparent huge pages off for this process (Linux): mimalloc's arenas
/// would otherwise be backed by 2 MiB pages as soon as they are touched,
/// which for a run of many small, short-lived allocations more than
/// doubles the peak memory (71-77 MB against 28-31 MB for `check` over the
/// 800 generated filings) and adds page-clearing time, for no speed-up.
/// What `MIMALLOC_ALLOW_THP=0` does, done before the first large
/// allocation. A refusal by the kernel changes nothing but the memory.
#[cfg(target_os = "linux")]
fn without_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and reads or
    // writes no memory of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> std::process::ExitCode {
    #[cfg(target_os = "linux")]
    without_huge_pages();
    tieout::cli::main()
}
