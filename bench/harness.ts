/**
 * Tiny benchmark harness. Every bench file exports `run(ctx)` returning results; each result carries the
 * baseline measured in the same run so that figures are comparable across machines (see docs/benchmarks.md).
 */
export interface BenchContext {
  /** Quick mode: small sizes and short timings, for the CI smoke run. */
  readonly quick: boolean;
}

export interface BenchResult {
  readonly name: string;
  /** What was measured, e.g. "ops/s" or "ms p99". */
  readonly unit: string;
  readonly value: number;
  readonly baselineName?: string;
  readonly baselineValue?: number;
  /** Human-readable target, e.g. ">= 1,000,000 ops/s". */
  readonly target?: string;
  /** Whether the target was met (undefined when it has no target or quick mode makes it meaningless). */
  readonly met?: boolean;
  readonly notes?: string;
}

export type BenchRun = (ctx: BenchContext) => Promise<BenchResult[]>;

/** Runs `fn` repeatedly for about `seconds` and returns operations per second (batches of `batch` calls). */
export function opsPerSecond(fn: () => void, seconds: number, batch = 1000): number {
  for (let i = 0; i < batch; i++) fn(); // warm-up
  const deadline = performance.now() + seconds * 1000;
  let ops = 0;
  const start = performance.now();
  while (performance.now() < deadline) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
  }
  return ops / ((performance.now() - start) / 1000);
}

/** Percentile of a list of samples (nearest-rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
