//! Timing shared by the benchmarks: criterion times each side, and these cells keep the totals
//! so a bench can print its ratio against the baseline measured in the same run.
#![allow(dead_code)]

use std::cell::Cell;
use std::time::{Duration, Instant};

/// Runs `f` `iters` times, adds the time to `cell` and returns it (for `iter_custom`).
pub fn timed(cell: &Cell<(Duration, u64)>, iters: u64, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    let took = start.elapsed();
    let (total, n) = cell.get();
    cell.set((total + took, n + iters));
    took
}

/// Seconds per run.
pub fn mean((total, n): (Duration, u64)) -> f64 {
    total.as_secs_f64() / n.max(1) as f64
}
