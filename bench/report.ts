/** The benchmark's results: their JSON shape, and the same figures as Markdown tables (printed, and kept beside the JSON). */
import type { Counted } from "./count-round-trips";
import type { ProfileSummary } from "./profile";
import { formatFigure, type Figure } from "./stats";
import { closingTable } from "./targets";

/** Issue 15's subtree operations: which one, at a leaf, at an OU with about 10 below it, or on the largest tree. */
export interface SubtreeOperation {
  kind: "policy update" | "dry run" | "bulk apply" | "move";
  at: "leaf" | "ten" | "largest";
}

export interface RoundTripRow {
  operation: string;
  subtree?: SubtreeOperation;
  /** Set when the measurement failed; its figures are then empty. */
  error?: string;
  /** DynamoDB calls, as the API counts them (x-dynamodb-round-trips), authentication included. */
  calls: number;
  /** Calls that waited for one another (measured by the proxy in front of DynamoDB Local). */
  sequential: number;
  /** The calls in order; parallel calls joined by "+". */
  pattern: string;
  minimumSequential: number;
  why: string;
  latencyMs: Figure;
}

export interface OverheadRow {
  operation: string;
  /** Set when the measurement failed; its figures are then empty. */
  error?: string;
  apiP50: Figure;
  apiP95: Figure;
  floorP50: Figure;
  floorP95: Figure;
  ratioP50: Figure;
  ratioP95: Figure;
  /** Section 2 only: the same handler called in the benchmark's process (no HTTP, no second process). */
  inProcessP50?: Figure;
  inProcessRatioP50?: Figure;
  /** Section 2 only: the floor with the API key read first, on its own (3 sequential reads instead of 2). */
  floorKeyFirstP50?: Figure;
  floorKeyFirstRatioP50?: Figure;
}

/** Issue 15's target 5: a user in no configuration group against a user of the same OU in several, nested. */
export interface GroupsRow {
  operation: string;
  /** Set when the measurement failed; its figures are then empty. */
  error?: string;
  /** The groups in effect for the user in groups (directly and through nesting). */
  groups: number;
  without: Counted;
  with: Counted;
  withoutP50: Figure;
  withP50: Figure;
  /** Pair by pair within each run: p50 with groups / p50 without. */
  ratioP50: Figure;
}

export interface DepthRow extends OverheadRow {
  depth: number;
  calls: number;
  sequential: number;
}

export interface UsersRow {
  users: number;
  /** Set when the measurement failed; its figures are then empty. */
  error?: string;
  calls: number;
  sequential: number;
  pattern: string;
  apiP50: Figure;
  floorP50: Figure;
  ratioP50: Figure;
  apiPerUserMs: Figure;
}

export interface ColdStartSide {
  bytes: number;
  gzipBytes: number;
  largest: { name: string; bytes: number }[];
  totalMs: Figure;
  nodeReadyMs: Figure;
  importMs: Figure;
  firstRequestMs: Figure;
  /** CPU time to the answer (missing in results from before it was measured). */
  cpuMs?: Figure;
  wallMs: Figure;
}

export interface ColdStartResult {
  request: string;
  handler: ColdStartSide;
  hello: ColdStartSide;
  /** bench/floor-handler.ts: the same reads (2 round trips) with the SDK alone. */
  floor?: ColdStartSide;
  /** Round by round: handler total / floor total. */
  ratioToFloor?: Figure;
  /** Pair by pair: handler total / hello total. */
  ratioTotal: Figure;
  /** Pair by pair: CPU time to the answer / the same for hello, which waiting for a busy machine's CPUs inflates less. */
  ratioCpu?: Figure;
  /** Pair by pair, without Node's own start-up: (import + first request) / the same for hello. */
  ratioImportAndFirstRequest: Figure;
  /** Where each cold start's time goes, by package (CPU profile through source maps), the largest difference first. */
  profile?: { runs: number; parts: { part: string; handlerMs: number; helloMs: number }[] };
}

export interface ThroughputRow {
  operation: string;
  connections: number;
  seconds: number;
  apiRps: Figure;
  apiP50: Figure;
  apiP99: Figure;
  peakRssMiB: Figure;
  /** The server process's CPU time (user + system) per request under load. */
  serverCpuMsPerRequest?: Figure;
  floorRps: Figure;
  floorP50: Figure;
  floorP99: Figure;
  /** Pair by pair: API requests/s divided by the floor's (1 = as fast as the bare reads). */
  ratioRps: Figure;
  errors: number;
}

/** One of the heaviest questions a READ_ONLY key may ask, at the largest size the cost limit accepts. */
export interface LimitRow {
  query: string;
  /** The page or list size. */
  k: number;
  cost: number;
  status: number;
  /** "answered", or the error codes of the answer. */
  answer: string;
  calls?: number;
  sequential?: number;
  pattern?: string;
  bytes?: number;
  ms?: number;
}

/** The heaviest accepted query: the answered row with the most DynamoDB calls. */
function heaviestAccepted(rows: readonly LimitRow[]): LimitRow | undefined {
  return rows
    .filter((row) => row.answer === "answered")
    .reduce<LimitRow | undefined>((best, row) => ((row.calls ?? 0) > (best?.calls ?? -1) ? row : best), undefined);
}

export interface Results {
  mode: "full" | "quick";
  startedAt: string;
  durationSeconds: number;
  machine: Record<string, string | number>;
  git: { commit: string; uncommittedChanges: boolean };
  settings: Record<string, unknown>;
  seed: {
    orgUnits: number;
    users: number;
    maxDepth: number;
    seconds: number;
    /** Configuration groups (missing in results from before the seed had any); their seconds are part of the seed's. */
    groups?: { count: number; nested: number; maxLevel: number; members: number; memberships: number; seconds: number };
  };
  server: { idleRssMiB: number };
  roundTrips: RoundTripRow[];
  overhead: OverheadRow[];
  /** Target 5: the same reads with and without configuration groups (missing in results of earlier runs). */
  groups?: GroupsRow[];
  scaling: { depth: DepthRow[]; users: UsersRow[] };
  /** Missing when the cold-start measurement failed. */
  coldStart?: ColdStartResult;
  throughput: ThroughputRow[];
  /** What the cost limit and the budgets let a READ_ONLY key ask (issue 12); missing in results of earlier runs. */
  limits?: LimitRow[];
  /** CPU profiles of the server under load, one per operation. */
  profiles?: { operation: string; seconds: number; requests: number; file: string; summary: ProfileSummary }[];
  /** Measurements that failed (the run exits with 1 when there are any). */
  failures?: string[];
}

function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell) => String(cell).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A long walk ("… → 8×Query → 8×Query → …") shortened for the table; the JSON keeps it whole. */
function abbreviate(pattern: string): string {
  const waves = pattern.split(" → ");
  if (waves.length <= 8) return pattern;
  return [...waves.slice(0, 4), `… ${waves.length - 5} more steps …`, waves[waves.length - 1]].join(" → ");
}

const ms = (f: Figure) => formatFigure(f, f.median >= 100 ? 0 : 2);
const x = (f: Figure) => `${formatFigure(f, 2)}×`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** ", 50 configuration groups (30 nested, 3 levels), 140 users in them (246 memberships)" */
function seededGroups(g: Results["seed"]["groups"]): string {
  if (g === undefined) return "";
  return (
    `, ${g.count} configuration groups (${g.nested} inside another, up to ${g.maxLevel} levels), ` +
    `${g.members} users in them (${g.memberships} direct memberships)`
  );
}

export function toMarkdown(r: Results): string {
  const parts: string[] = [];
  const g = r.seed.groups;
  parts.push(
    `Mode: **${r.mode}**, ${r.startedAt}, ${r.durationSeconds.toFixed(0)} s. Machine: ${r.machine.cpu}, ${r.machine.nproc} CPUs, ` +
      `${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.java}, DynamoDB Local ${r.machine.dynamoDbLocal}; ` +
      `load average ${r.machine.loadAverageAtStart} at start, ${r.machine.loadAverageAtEnd} at end. ` +
      `\`${r.machine.uname}\`. Commit ${r.git.commit}${r.git.uncommittedChanges ? " (with uncommitted changes)" : ""}.`,
    `Seed: ${r.seed.orgUnits} OUs (deepest ${r.seed.maxDepth}), ${r.seed.users} users${seededGroups(r.seed.groups)}, ` +
      `seeded in ${r.seed.seconds.toFixed(1)} s${g === undefined ? "" : ` (the groups and their members ${g.seconds.toFixed(1)} s of it)`}. ` +
      `Figures: median (min–max) over ${String(r.settings.runs)} runs; ratios pair by pair within each run. Latencies in ms.`,
  );
  parts.push(
    "### 1. DynamoDB round trips per operation\n\n" +
      table(
        [
          "operation",
          "calls",
          "sequential",
          "minimum",
          "calls made (→ waits, + parallel)",
          "why that minimum",
          "latency p50",
        ],
        r.roundTrips.map((row) => [
          row.operation,
          row.calls,
          row.sequential,
          row.minimumSequential,
          abbreviate(row.pattern),
          row.why,
          ms(row.latencyMs),
        ]),
      ),
  );
  parts.push(
    "### 2. Overhead over the floor (same reads with the SDK directly)\n\n" +
      table(
        ["operation", "API p50", "API p95", "floor p50", "floor p95", "ratio p50", "ratio p95"],
        r.overhead.map((row) => [
          row.operation,
          ms(row.apiP50),
          ms(row.apiP95),
          ms(row.floorP50),
          ms(row.floorP95),
          x(row.ratioP50),
          x(row.ratioP95),
        ]),
      ) +
      "\n\nWhere the overhead is: the same handler called in the benchmark's process (no HTTP hop, no second " +
      "process), and the floor with the API key read first on its own (as the handler did before keys rode along with " +
      "the first read):\n\n" +
      table(
        ["operation", "handler in-process p50", "in-process / floor", "floor, key read first, p50", "that / floor"],
        r.overhead.map((row) => [
          row.operation,
          row.inProcessP50 === undefined ? "—" : ms(row.inProcessP50),
          row.inProcessRatioP50 === undefined ? "—" : x(row.inProcessRatioP50),
          row.floorKeyFirstP50 === undefined ? "—" : ms(row.floorKeyFirstP50),
          row.floorKeyFirstRatioP50 === undefined ? "—" : x(row.floorKeyFirstRatioP50),
        ]),
      ),
  );
  if (r.groups !== undefined)
    parts.push(
      "### 2b. Configuration groups: a user in none and a user of the same OU in several, nested\n\n" +
        table(
          [
            "operation",
            "groups",
            "calls made, no group",
            "calls made, in groups",
            "p50, no group",
            "p50, in groups",
            "ratio p50",
          ],
          r.groups.map((row) => [
            row.operation,
            `0 / ${row.groups}`,
            `${row.without.sequential} sequential: ${row.without.pattern}`,
            `${row.with.sequential} sequential: ${row.with.pattern}`,
            ms(row.withoutP50),
            ms(row.withP50),
            x(row.ratioP50),
          ]),
        ),
    );
  parts.push(
    "### 3. Scaling\n\nWith OU depth:\n\n" +
      table(
        ["depth", "operation", "calls", "sequential", "API p50", "API p95", "floor p50", "ratio p50", "ratio p95"],
        r.scaling.depth.map((row) => [
          row.depth,
          row.operation,
          row.calls,
          row.sequential,
          ms(row.apiP50),
          ms(row.apiP95),
          ms(row.floorP50),
          x(row.ratioP50),
          x(row.ratioP95),
        ]),
      ) +
      "\n\nWith users in one query (`users(emails:)` takes 100 addresses; 1000 users are 10 aliased fields):\n\n" +
      table(
        ["users", "calls", "sequential", "calls made", "API p50", "per user", "floor p50", "ratio p50"],
        r.scaling.users.map((row) => [
          row.users,
          row.calls,
          row.sequential,
          abbreviate(row.pattern),
          ms(row.apiP50),
          ms(row.apiPerUserMs),
          ms(row.floorP50),
          x(row.ratioP50),
        ]),
      ),
  );
  const c = r.coldStart;
  if ((r.failures ?? []).length > 0)
    parts.splice(
      2,
      0,
      `**${r.failures?.length} measurement(s) failed** (shown as —):\n\n${(r.failures ?? []).map((f) => `- ${f}`).join("\n")}`,
    );
  const side = (name: string, s: ColdStartSide) => [
    name,
    `${kib(s.bytes)} (${kib(s.gzipBytes)} gzip)`,
    ms(s.totalMs),
    ms(s.nodeReadyMs),
    ms(s.importMs),
    ms(s.firstRequestMs),
    s.cpuMs === undefined ? "—" : ms(s.cpuMs),
    ms(s.wallMs),
  ];
  if (c === undefined) parts.push("### 4. Cold start\n\nNot measured: it failed (see above).");
  else
    parts.push(
      `### 4. Cold start (esbuild as SST, with stacks/function-bundle.ts; first request: ${c.request}; ${String(r.settings.coldStartPairs)} rounds)\n\n` +
        table(
          ["handler", "bundle", "to first answer", "Node ready", "import", "first request", "CPU", "spawn to exit"],
          [
            side("functions/handler.ts", c.handler),
            side("bench/hello-handler.ts", c.hello),
            ...(c.floor === undefined ? [] : [side("bench/floor-handler.ts (the same reads, SDK alone)", c.floor)]),
          ],
        ) +
        `\n\nRatio to hello world (round by round): **${x(c.ratioTotal)}** to first answer; ` +
        `${x(c.ratioImportAndFirstRequest)} for import + first request alone` +
        (c.ratioCpu === undefined ? "" : `; ${x(c.ratioCpu)} in CPU time`) +
        (c.ratioToFloor === undefined ? "." : `. Ratio to the SDK-alone handler: ${x(c.ratioToFloor)}.`) +
        `\n\nLargest parts of the handler bundle: ${c.handler.largest.map((p) => `${p.name} ${kib(p.bytes)}`).join(", ")}.` +
        (c.profile === undefined
          ? ""
          : `\n\nWhere the cold start's time goes (process start to first answer, CPU profile, mean of ${c.profile.runs} runs each; ` +
            "largest difference first):\n\n" +
            table(
              ["part", "handler ms", "hello ms", "difference"],
              c.profile.parts
                .filter((p) => Math.max(p.handlerMs, p.helloMs) >= 2)
                .slice(0, 14)
                .map((p) => [
                  p.part,
                  p.handlerMs.toFixed(0),
                  p.helloMs.toFixed(0),
                  (p.handlerMs - p.helloMs).toFixed(0),
                ]),
            )),
    );
  parts.push(
    "### 5. Throughput\n\n" +
      table(
        [
          "operation",
          "connections × s",
          "API req/s",
          "API p50",
          "API p99",
          "server peak RSS (MiB)",
          "server CPU per request",
          "floor req/s",
          "floor p50",
          "floor p99",
          "API / floor req/s",
        ],
        r.throughput.map((row) => [
          row.operation,
          `${row.connections} × ${row.seconds}`,
          formatFigure(row.apiRps, 0),
          ms(row.apiP50),
          ms(row.apiP99),
          formatFigure(row.peakRssMiB, 0),
          row.serverCpuMsPerRequest === undefined ? "—" : `${formatFigure(row.serverCpuMsPerRequest, 2)} ms`,
          formatFigure(row.floorRps, 0),
          ms(row.floorP50),
          ms(row.floorP99),
          x(row.ratioRps),
        ]),
      ) +
      `\n\nServer RSS when idle after start: ${r.server.idleRssMiB.toFixed(0)} MiB.`,
  );
  if (r.limits !== undefined) {
    const heaviest = heaviestAccepted(r.limits);
    parts.push(
      "### 6. What the cost limit lets a READ_ONLY key ask\n\n" +
        table(
          ["query", "size", "cost", "answer", "DynamoDB calls", "sequential", "calls made", "bytes", "latency"],
          r.limits.map((row) => [
            row.query,
            row.k,
            row.cost,
            `${row.status} ${row.answer}`,
            row.calls ?? "—",
            row.sequential ?? "—",
            row.pattern === undefined ? "—" : abbreviate(row.pattern),
            row.bytes ?? "—",
            row.ms === undefined ? "—" : row.ms.toFixed(0),
          ]),
        ) +
        (heaviest === undefined
          ? "\n\nNo query of these was answered."
          : `\n\nThe heaviest accepted: ${heaviest.query} (size ${heaviest.k}, cost ${heaviest.cost}): ` +
            `${heaviest.calls} DynamoDB calls, ${heaviest.sequential} sequential, ${heaviest.bytes} bytes.`),
    );
  }
  for (const p of r.profiles ?? [])
    parts.push(
      `### Where the server's CPU time goes: ${p.operation} (${p.requests} requests in ${p.seconds} s; CPU busy ` +
        `${((p.summary.busyMs / p.summary.totalMs) * 100).toFixed(0)} % of the time, ` +
        `${(p.summary.busyMs / p.requests).toFixed(2)} ms per request)\n\n` +
        table(
          ["part", "share of busy CPU"],
          p.summary.byPart.slice(0, 12).map((row) => [row.part, `${row.percentOfBusy.toFixed(1)} %`]),
        ) +
        "\n\nBusiest functions (self time):\n\n" +
        table(
          ["function", "share"],
          p.summary.topFunctions.slice(0, 8).map((row) => [row.name, `${row.percentOfBusy.toFixed(1)} %`]),
        ),
    );
  parts.push(closingTable(r));
  return parts.join("\n\n") + "\n";
}
