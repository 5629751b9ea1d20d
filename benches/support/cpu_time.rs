//! A criterion measurement of process CPU time instead of wall time, for a
//! shared machine: on the 2-core box several agents build and test at once
//! (load averages of 10 to 25), and wall time then measures the scheduler.
//! CPU time still grows a little under contention (shared caches), so it is
//! a lower bound on the wall time of an idle machine's single-threaded run.
//!
//! Chosen with `TIEOUT_BENCH_CLOCK=cpu`; wall time (criterion's default)
//! otherwise. See [`run`].

use criterion::Criterion;
use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use std::time::Duration;

/// CPU time consumed by the whole process (all threads).
pub struct ProcessCpuTime;

fn process_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a
    // constant every Linux kernel supports.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

impl Measurement for ProcessCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        process_cpu_time()
    }
    fn end(&self, start: Duration) -> Duration {
        process_cpu_time().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, v: &Duration) -> f64 {
        v.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Formats nanoseconds of CPU time like criterion formats wall time.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if ns < 1e3 {
            (1.0, "ns cpu")
        } else if ns < 1e6 {
            (1e-3, "µs cpu")
        } else if ns < 1e9 {
            (1e-6, "ms cpu")
        } else {
            (1e-9, "s cpu")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(
        &self,
        ns: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per_iter = match *throughput {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) => n as f64 / 1e6,
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => n as f64,
            Throughput::Bits(n) => n as f64 / 8e6,
        };
        let _ = ns;
        values.iter_mut().for_each(|v| *v = per_iter / (*v * 1e-9));
        match *throughput {
            Throughput::Elements(_) | Throughput::ElementsAndBytes { .. } => "elem/s cpu",
            _ => "MB/s cpu",
        }
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

/// Runs `benches` with the clock `TIEOUT_BENCH_CLOCK` names (`cpu` for
/// process CPU time, anything else or unset for wall time), then prints
/// criterion's summary. Use as the bench's `main`.
pub fn run(
    benches_wall: impl FnOnce(&mut Criterion<WallTime>),
    benches_cpu: impl FnOnce(&mut Criterion<ProcessCpuTime>),
) {
    if std::env::var("TIEOUT_BENCH_CLOCK").is_ok_and(|v| v == "cpu") {
        let mut c = Criterion::default()
            .with_measurement(ProcessCpuTime)
            .configure_from_args();
        benches_cpu(&mut c);
        c.final_summary();
    } else {
        let mut c = Criterion::default().configure_from_args();
        benches_wall(&mut c);
        c.final_summary();
    }
}
