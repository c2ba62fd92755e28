/**
 * Cold start: a fresh `node` process imports a bundled handler and answers one API Gateway (payload v2) event; the
 * handler and the hello-world baseline are started pair by pair, in alternating order, and compared per pair.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { summarizeProfile } from "./profile";
import { elapsedMs } from "./stats";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("./cold-start-child.mjs", import.meta.url));

export interface ColdStart {
  /** From process start (as Node counts it) until the answer: what a cold Lambda adds before its first response. */
  totalMs: number;
  /** Node's own start-up, before the bundle is imported. */
  nodeReadyMs: number;
  importMs: number;
  firstRequestMs: number;
  /** CPU time (user + system) from process start to the answer, which other work on the machine inflates far less. */
  cpuMs: number;
  /** From spawn to exit, measured by the parent (includes process creation and exit). */
  wallMs: number;
  roundTrips: number;
}

export async function coldStart(bundle: string, eventFile: string, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, [CHILD, bundle, eventFile], { env, maxBuffer: 1 << 24 });
  const wallMs = elapsedMs(started);
  const line = stdout.trim().split("\n").pop() ?? "{}";
  const result = JSON.parse(line) as Omit<ColdStart, "wallMs" | "roundTrips"> & {
    statusCode?: number;
    body?: string;
    roundTrips?: string;
  };
  const parsed = JSON.parse(result.body ?? "{}") as { errors?: unknown[]; data?: unknown };
  if (result.statusCode !== 200 || parsed.errors !== undefined || parsed.data === undefined)
    throw new Error(`Cold start of ${bundle} did not answer: ${line.slice(0, 500)}`);
  return {
    totalMs: result.totalMs,
    nodeReadyMs: result.nodeReadyMs,
    importMs: result.importMs,
    firstRequestMs: result.firstRequestMs,
    cpuMs: result.cpuMs,
    wallMs,
    roundTrips: Number(result.roundTrips ?? 0),
  };
}

/**
 * Where a cold start's time goes, by package: `runs` cold starts of `bundle` under --cpu-prof (sampling every 250 µs),
 * traced back through the bundle's source map; milliseconds per part, averaged over the runs.
 */
export async function coldStartProfile(
  bundle: { file: string; sourceMap: string },
  eventFile: string,
  env: NodeJS.ProcessEnv,
  dir: string,
  runs: number,
): Promise<{ part: string; ms: number }[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < runs; i += 1)
    await run(
      process.execPath,
      ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=250", CHILD, bundle.file, eventFile],
      { env, maxBuffer: 1 << 24 },
    );
  const totals = new Map<string, number>();
  const add = (part: string, ms: number) => totals.set(part, (totals.get(part) ?? 0) + ms / runs);
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    const summary = summarizeProfile(join(dir, file), { bundle, top: 100 });
    summary.byPart.forEach(({ part, ms }) => add(part, ms));
    add("idle (waiting for I/O)", summary.totalMs - summary.busyMs);
  }
  return [...totals].map(([part, ms]) => ({ part, ms })).sort((a, b) => b.ms - a.ms);
}
