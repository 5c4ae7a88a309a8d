//! Work split across threads, results in input order: output never depends on scheduling.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads to use: `ERRCAT_THREADS` when it is a positive number, else one per core.
pub fn threads() -> usize {
    std::env::var("ERRCAT_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<NonZeroUsize>().ok())
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

/// The stack of each worker. Rendering recurses once per nested template and component
/// call; `render::nesting` bounds that to about 4 MiB in a release build, and to 16–32
/// MiB in a debug one (Tera's renderer, instantiated for errcat's bounded output,
/// is compiled there unoptimised): more than a spawned thread's default 2 MiB and the
/// main thread's usual 8. Untouched stack is only reserved.
const WORKER_STACK: usize = 32 << 20;

/// `f` of every item, computed on up to `threads` threads; the results keep the items' order.
pub fn map<T: Sync, R: Send>(threads: usize, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        // Still on a worker's stack: the caller's may be the main thread's 8 MiB, less
        // than a deep render needs in a debug build.
        let run = || items.iter().map(&f).collect();
        return std::thread::scope(|s| {
            match std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(s, run)
            {
                Ok(worker) => worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => run(),
            }
        });
    }
    let order: Vec<usize> = (0..items.len()).collect();
    let mut out = Vec::with_capacity(items.len());
    each_in_order(threads, items, &order, f, &mut |r| out.push(r));
    out
}

/// `f` of every item on up to `threads` threads, handed to `sink` on this thread in
/// the items' order, each as soon as it and every item before it are done: the caller
/// writes away the first results while the workers compute the rest. Workers claim the
/// items in `order` (a permutation of their indices; the costliest first keeps a
/// worker from starting the longest item last). On one thread: [`map`], then `sink`.
pub fn each_in_order<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    order: &[usize],
    f: impl Fn(&T) -> R + Sync,
    sink: &mut dyn FnMut(R),
) {
    debug_assert!(order.len() == items.len(), "`order` names every item once");
    let threads = threads.min(items.len());
    if threads <= 1 {
        map(1, items, f).into_iter().for_each(sink);
        return;
    }
    // Each worker takes the next unclaimed item, so one slow item does not idle the others.
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    std::thread::scope(|s| {
        let (f, next) = (&f, &next);
        let workers: Vec<_> = (0..threads)
            .filter_map(|_| {
                let tx = tx.clone();
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(s, move || {
                        loop {
                            let claimed = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&i) = order.get(claimed) else { break };
                            // The receiver outlives the workers; a send cannot fail.
                            let _ = tx.send((i, f(&items[i])));
                        }
                    })
                    .ok()
            })
            .collect();
        drop(tx);
        // With no worker started, this thread does every item (the loop below then
        // finds the results waiting).
        let mut pending: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
        if workers.is_empty() {
            for (i, item) in items.iter().enumerate() {
                pending[i] = Some(f(item));
            }
        }
        let mut due = 0;
        let mut deliver = |pending: &mut Vec<Option<R>>, due: &mut usize| {
            while let Some(r) = pending.get_mut(*due).and_then(Option::take) {
                sink(r);
                *due += 1;
            }
        };
        deliver(&mut pending, &mut due);
        // Ends when every worker has dropped its sender: done, or panicked (the join
        // below then passes the panic on, and what it left undone is never sunk).
        for (i, r) in rx.iter() {
            pending[i] = Some(r);
            deliver(&mut pending, &mut due);
        }
        for w in workers {
            w.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
    });
}

/// `items` in up to `n` runs of nearly equal length, in order: work for [`map`] when
/// the items are many and small.
pub fn chunks<T>(items: &[T], n: usize) -> Vec<&[T]> {
    let size = items.len().div_ceil(n.max(1)).max(1);
    items.chunks(size).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn chunks_cover_every_item_in_order() {
        let items: Vec<u32> = (0..10).collect();
        for n in [0, 1, 3, 10, 40] {
            let parts = super::chunks(&items, n);
            assert!(parts.len() <= n.max(1), "{n}: {} runs", parts.len());
            assert_eq!(parts.concat(), items, "{n}");
        }
        assert!(super::chunks::<u32>(&[], 4).is_empty());
    }

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        let slow_first = |&i: &u64| {
            if i < 3 {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            i * 2
        };
        let expected: Vec<u64> = items.iter().map(|i| i * 2).collect();
        assert_eq!(super::map(4, &items, slow_first), expected);
        assert_eq!(super::map(1, &items, slow_first), expected);
        assert!(super::map(2, &[] as &[u64], slow_first).is_empty());
    }

    #[test]
    fn results_reach_the_sink_in_item_order_whatever_order_they_are_claimed_in() {
        let items: Vec<u64> = (0..200).collect();
        // The last items claimed first and the first ones slowest: results arrive
        // out of order.
        let order: Vec<usize> = (0..items.len()).rev().collect();
        let slow_first = |&i: &u64| {
            if i < 3 {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            i * 2
        };
        let expected: Vec<u64> = items.iter().map(|i| i * 2).collect();
        for threads in [1, 2, 4] {
            let mut got = Vec::new();
            super::each_in_order(threads, &items, &order, slow_first, &mut |r| got.push(r));
            assert_eq!(got, expected, "{threads} threads");
        }
        let mut none = Vec::new();
        super::each_in_order(2, &[] as &[u64], &[], slow_first, &mut |r| none.push(r));
        assert!(none.is_empty());
    }
}
