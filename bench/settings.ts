/** How much the benchmark measures (a full run, or the quick one CI runs), and where it keeps its files. */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SeedPlan } from "./seed";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const BUILD_DIR = join(ROOT, "dist", "bench");
export const RESULTS_DIR = join(ROOT, "bench", "results");
export const TABLE_NAME = "mail-access-bench";

export interface Settings {
  seed: SeedPlan;
  /** Requests per operation before anything is measured (JIT, connections, DynamoDB Local's own warm-up). */
  warmup: number;
  /** Repeated runs behind every latency figure. */
  runs: number;
  /** Requests per run and operation in section 2. */
  samples: number;
  /** Requests per run, depth and operation in section 3. */
  depthSamples: number;
  /** Requests per run for each number of users in one query. */
  usersSamples: Record<number, number>;
  /** Repeats of each operation in section 1 (even: policy updates alternate OFF and ON and end as they began). */
  roundTripRepeats: number;
  coldStartPairs: number;
  throughputRuns: number;
  throughputSeconds: number;
  connections: number;
  profileSeconds: number;
}

export const FULL: Settings = {
  // A large customer (issue 15): 10,000 OUs, the deepest 35 levels down, and 20,000 users.
  // A quarter of the users in configuration groups (target 5): 50 groups, some nested 3 levels deep.
  seed: { orgUnits: 10_000, users: 20_000, groups: { groups: 50, memberShare: 0.25 }, concurrency: 16 },
  warmup: 300,
  runs: 5,
  samples: 300,
  depthSamples: 100,
  usersSamples: { 1: 100, 10: 60, 100: 30, 1000: 10 },
  roundTripRepeats: 2,
  coldStartPairs: 10,
  throughputRuns: 3,
  throughputSeconds: 10,
  connections: 10,
  profileSeconds: 10,
};

export const QUICK: Settings = {
  // Fewer than 1000 users: the 1000-user query then names some users twice (it still spans 10 fields).
  seed: { orgUnits: 80, users: 250, groups: { groups: 50, memberShare: 0.25 }, concurrency: 16 },
  warmup: 50,
  runs: 3,
  samples: 40,
  depthSamples: 15,
  usersSamples: { 1: 15, 10: 10, 100: 5, 1000: 2 },
  roundTripRepeats: 2,
  coldStartPairs: 3,
  throughputRuns: 2,
  throughputSeconds: 2,
  connections: 10,
  profileSeconds: 3,
};

/** Section 3: spine OUs at these depths, and these numbers of users in one query. */
export const DEPTHS = [1, 5, 10, 20, 35];
export const USER_COUNTS = [1, 10, 100, 1000];
