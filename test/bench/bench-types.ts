/** What a benchmark case reports, and the timing helper the cases share. */

export interface BenchResult {
  /** What was measured, e.g. `evaluateRules, complete 2021 report (median)`. */
  readonly label: string;
  readonly value: number;
  /** Unit of `value` (and of `goal`), e.g. `ms`. */
  readonly unit: string;
  /** Upper bound the value should stay under, in the same unit. */
  readonly goal?: number;
}

export interface BenchCase {
  readonly name: string;
  run(): Promise<BenchResult[]>;
}

export interface Timing {
  /** Median time of one call, in milliseconds. */
  readonly median: number;
  readonly p95: number;
  readonly calls: number;
}

/**
 * Times `fn` after a warm-up. Calls are timed in batches (one clock read per `batch` calls), so that
 * functions far faster than the clock's resolution are still measured; the median and 95th percentile
 * are over the per-call times of the batches.
 */
export function time(fn: () => unknown, { warmup = 500, batches = 200, batch = 20 } = {}): Timing {
  let sink: unknown;
  for (let i = 0; i < warmup; i += 1) sink = fn();
  const samples: number[] = [];
  for (let b = 0; b < batches; b += 1) {
    const start = performance.now();
    for (let i = 0; i < batch; i += 1) sink = fn();
    samples.push((performance.now() - start) / batch);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.floor(samples.length * 0.95)]!,
    calls: warmup + batches * batch,
  };
}
