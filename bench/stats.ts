/** Small statistics for the benchmark: percentiles of one run's samples, and a figure's median, min and max over runs. */

/** The value below which `p` percent of `samples` fall (nearest rank); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** One figure of the report: the median over repeated runs, with the smallest and largest run, and every run. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function figure(runs: readonly number[]): Figure {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** The same figure for each run's pair: `numerator[i] / denominator[i]`, pair by pair (never a ratio of medians). */
export function ratioFigure(numerator: readonly number[], denominator: readonly number[]): Figure {
  return figure(numerator.map((value, index) => value / (denominator[index] as number)));
}

/** "12.3 (11.9–13.0)": median with min and max; one value when all runs agree. */
export function formatFigure(f: Figure, digits = 1, unit = ""): string {
  if (!Number.isFinite(f.median)) return "—";
  const show = (value: number) => `${value.toFixed(digits)}${unit}`;
  if (f.runs.length === 1 || f.min === f.max) return show(f.median);
  return `${show(f.median)} (${f.min.toFixed(digits)}–${f.max.toFixed(digits)})`;
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
