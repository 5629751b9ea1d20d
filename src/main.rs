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

fn main() -> std::process::ExitCode {
    tieout::cli::main()
}
