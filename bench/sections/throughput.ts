/**
 * Section 5: throughput and memory. autocannon against the server, cycling over a set of users, with the server's peak
 * memory and CPU per request; next to it, the floor's reads with the same concurrency.
 */
import autocannon from "autocannon";
import { fail } from "../failures";
import type { Floor } from "../floor";
import { loadRequests } from "../http-client";
import { log } from "../log";
import type { ServerProcess } from "../processes";
import { decisionBody, userEffectiveBody } from "../queries";
import type { ThroughputRow } from "../report";
import type { Seeded } from "../seed";
import type { Settings } from "../settings";
import { elapsedMs, figure, percentile, ratioFigure, type Figure } from "../stats";
import { at, type Call } from "../timing";

/** `connections` callers issuing `call` one after the other each, for `seconds`, in this process. */
async function floorLoad(
  call: Call,
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

export async function throughputSection(
  settings: Settings,
  target: ServerProcess,
  floorReads: Floor,
  s: Seeded,
): Promise<ThroughputRow[]> {
  const emails = s.users.slice(0, 64);
  const kinds = [
    {
      operation: "user effective settings",
      payload: userEffectiveBody,
      floorCall: (i: number) => floorReads.userEffective(at(emails, i)),
    },
    {
      operation: "access decision",
      payload: decisionBody,
      floorCall: (i: number) => floorReads.decision(at(emails, i)),
    },
  ];
  const rows: ThroughputRow[] = [];
  for (const kind of kinds) {
    const requests = loadRequests(s.apiKey, emails.map(kind.payload));
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
    if (errors > 0) fail(`throughput, ${kind.operation}: ${errors} errors, error answers or timeouts under load`);
  }
  return rows;
}
