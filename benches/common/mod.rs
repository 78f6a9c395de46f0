//! Timing shared by the benchmarks: criterion times each side, and these cells keep the totals
//! so a bench can print its ratio against the baseline measured in the same run.
#![allow(dead_code)]

pub mod tags;

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

/// One figure for `benches/RESULTS.md`: printed, and appended as a table row to the file
/// `NANUM_BENCH_RESULTS` names (`scripts/bench` sets it and writes the page).
pub fn record(figure: &str, measured: &str, goal: &str, met: Option<bool>) {
    let mark = match met {
        Some(true) => "met",
        Some(false) => "**not met**",
        None => "",
    };
    println!("{figure}: {measured} (goal: {goal}) {mark}");
    if let Some(path) = std::env::var_os("NANUM_BENCH_RESULTS") {
        use std::io::Write;
        let mut file =
            std::fs::OpenOptions::new().create(true).append(true).open(path).expect("the results file opens");
        writeln!(file, "| {figure} | {measured} | {goal} | {mark} |").expect("the results file takes a row");
    }
}

/// The `q` quantile (0–1) of `samples`, which it sorts.
pub fn quantile(samples: &mut [Duration], q: f64) -> Duration {
    samples.sort();
    let at = ((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len().max(1)) - 1;
    samples.get(at).copied().unwrap_or_default()
}
