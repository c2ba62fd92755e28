/** Timing requests one after the other, and comparing contenders (the API, the floor, …) run by run. */
import { NONE } from "./failures";
import type { OverheadRow } from "./report";
import { elapsedMs, figure, percentile, ratioFigure } from "./stats";

/** One request of a series; `i` is its index, from which it picks its user or its query. */
export type Call = (i: number) => Promise<unknown>;

/** The item for request `i`: the requests cycle over `items`. */
export const at = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

/** `n` items for request `i`: a different window of `items` for every request. */
export const windowAt = <T>(items: readonly T[], n: number, i: number): T[] =>
  Array.from({ length: n }, (_, k) => at(items, i * n + k));

/** Times `count` calls of `call(i)` one after the other; returns each in ms. */
export async function timed(count: number, call: Call): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = process.hrtime.bigint();
    await call(i);
    samples.push(elapsedMs(start));
  }
  return samples;
}

/**
 * Contenders (the API, the floor, …) measured in turns, `runs` times, each run starting with the next contender so that
 * none always goes first; each run gives p50 and p95 of each contender's samples, so that ratios pair within a run.
 */
export async function measureRuns(
  runs: number,
  count: number,
  contenders: Record<string, Call>,
): Promise<Record<string, { p50: number[]; p95: number[] }>> {
  const names = Object.keys(contenders);
  const result = Object.fromEntries(names.map((name) => [name, { p50: [] as number[], p95: [] as number[] }]));
  for (let run = 0; run < runs; run += 1)
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(run + k) % names.length] as string;
      const samples = await timed(count, contenders[name] as Call);
      result[name]?.p50.push(percentile(samples, 50));
      result[name]?.p95.push(percentile(samples, 95));
    }
  return result;
}

/** The API against the floor: p50 and p95 of each, and their ratios, pair by pair within each run. */
export async function compare(
  runs: number,
  count: number,
  api: Call,
  floor: Call,
): Promise<Omit<OverheadRow, "operation">> {
  const m = await measureRuns(runs, count, { api, floor });
  const a = m.api as { p50: number[]; p95: number[] };
  const f = m.floor as { p50: number[]; p95: number[] };
  return {
    apiP50: figure(a.p50),
    apiP95: figure(a.p95),
    floorP50: figure(f.p50),
    floorP95: figure(f.p95),
    ratioP50: ratioFigure(a.p50, f.p50),
    ratioP95: ratioFigure(a.p95, f.p95),
  };
}

/** compare()'s figures for a comparison that failed (printed as "—"). */
export const NO_COMPARISON: Omit<OverheadRow, "operation"> = {
  apiP50: NONE,
  apiP95: NONE,
  floorP50: NONE,
  floorP95: NONE,
  ratioP50: NONE,
  ratioP95: NONE,
};
