//! The few timing helpers every benchmark uses, in one place: run a closure
//! some times and take the median, measure CPU time beside wall time, and make
//! the deterministic ids the synthetic profiles are built from.

use std::time::{Duration, Instant};

/// The median of some measured times (the upper one of an even count).
pub fn median(mut times: Vec<Duration>) -> Duration {
    assert!(!times.is_empty(), "median of no times");
    times.sort();
    times[times.len() / 2]
}

/// Runs `f` `runs` times (passing the run's number) and returns the median
/// wall time.
pub fn median_of(runs: usize, mut f: impl FnMut(usize)) -> Duration {
    median(
        (0..runs)
            .map(|i| {
                let t = Instant::now();
                f(i);
                t.elapsed()
            })
            .collect(),
    )
}

/// Like [`median_of`], after `runs / 10 + 1` untimed warm-up runs (caches,
/// allocator, page faults).
pub fn median_after_warm_up(runs: usize, mut f: impl FnMut(usize)) -> Duration {
    for i in 0..runs / 10 + 1 {
        f(i);
    }
    median_of(runs, f)
}

/// CPU time (user + system) this process has used, from `/proc/self/stat`
/// (100 ticks a second); zero where that file does not exist.
pub fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks: u64 = [11, 12].iter().filter_map(|i| fields.get(*i)?.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 10)
}

/// Runs `f` once, returning its wall and CPU time.
pub fn timed(f: impl FnOnce()) -> (Duration, Duration) {
    let (wall, cpu_before) = (Instant::now(), cpu());
    f();
    (wall.elapsed(), cpu() - cpu_before)
}

/// "median wall (CPU median CPU)" of some runs measured with [`timed`].
pub fn wall_and_cpu(runs: Vec<(Duration, Duration)>) -> String {
    let (wall, cpu): (Vec<_>, Vec<_>) = runs.into_iter().unzip();
    format!("{:>8.2?} (CPU {:>8.2?})", median(wall), median(cpu))
}

/// The UUID string whose 128 bits are `n`: stable ids for synthetic data.
pub fn uuid(n: u128) -> String {
    uuid::Uuid::from_u128(n).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_time_whatever_the_order() {
        let ms = Duration::from_millis;
        assert_eq!(median(vec![ms(9), ms(1), ms(5)]), ms(5));
        assert_eq!(median(vec![ms(4), ms(1), ms(3), ms(2)]), ms(3));
    }

    #[test]
    fn median_of_runs_the_closure_with_each_run_number() {
        let mut seen = vec![];
        median_of(3, |i| seen.push(i));
        assert_eq!(seen, [0, 1, 2]);
        let mut count = 0;
        median_after_warm_up(10, |_| count += 1);
        assert_eq!(count, 12);
    }

    #[test]
    fn ids_are_stable_uuids() {
        assert_eq!(uuid(1), "00000000-0000-0000-0000-000000000001");
    }
}
