//! Work spread over the machine's cores with scoped threads, results in
//! input order. Used to load filings and to check companies side by side.

/// The machine's parallelism (1 when unknown).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` over `items` on up to `threads` threads (contiguous chunks), the
/// results in the order of `items`. One thread or one item: no thread is
/// started.
pub fn map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let f = &f;
                scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_keep_the_input_order_on_any_number_of_threads() {
        let items: Vec<u32> = (0..101).collect();
        for threads in [1, 2, 3, 8, 200] {
            let squares = map(&items, threads, |n| n * n);
            assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        }
        assert!(map(&[] as &[u32], 4, |n| *n).is_empty());
    }
}
