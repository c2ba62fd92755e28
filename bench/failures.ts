/**
 * Measurements that could not be made because the API (or anything else) failed: the run goes on, shows "—" with the
 * error in their place, and exits with 1 at the end, so that CI notices.
 */
import { log } from "./log";
import { figure, type Figure } from "./stats";

/** Every failure of this run, for the results and the exit code. */
export const failures: string[] = [];

export function fail(message: string): void {
  failures.push(message);
  log(`FAILED ${message}`);
}

/** Runs one measurement; a failure is recorded (and printed) and `fallback` stands in for the row. */
export async function guarded<T>(label: string, measure: () => Promise<T>, fallback: (error: string) => T): Promise<T> {
  try {
    return await measure();
  } catch (error) {
    const message = `${label}: ${String((error as Error).message ?? error)
      .split("\n")[0]
      ?.slice(0, 400)}`;
    fail(message);
    return fallback(message);
  }
}

/** A figure for a measurement that failed (printed as "—"). */
export const NONE: Figure = figure([Number.NaN]);
