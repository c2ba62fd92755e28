/**
 * A loopback HTTP proxy in front of DynamoDB Local that records every call passing through it: its operation, how many
 * keys it asked for, and when it started and ended. The API's own header counts calls; this sees *when* they happen, so
 * it tells sequential round trips (each waits for the previous one) from parallel ones. Only the round-trip section goes
 * through it; latency and throughput are measured against DynamoDB Local directly.
 */
import { Agent, createServer, request as httpRequest, type Server } from "node:http";

export interface DynamoCall {
  /** e.g. GetItem, BatchGetItem, Query, TransactWriteItems */
  operation: string;
  /** Keys asked for (BatchGetItem), items written (transactions, batch writes), else 1. */
  items: number;
  start: number;
  end: number;
}

export interface DynamoProxy {
  endpoint: string;
  /** Forgets what was recorded so far. */
  reset(): void;
  /** The calls recorded since the last reset, in order of start. */
  calls(): DynamoCall[];
  close(): Promise<void>;
}

function itemsOf(operation: string, body: string): number {
  try {
    const input = JSON.parse(body) as {
      RequestItems?: Record<string, { Keys?: unknown[] } | unknown[]>;
      TransactItems?: unknown[];
    };
    if (operation === "BatchGetItem")
      return Object.values(input.RequestItems ?? {}).reduce(
        (sum, table) => sum + ((table as { Keys?: unknown[] }).Keys?.length ?? 0),
        0,
      );
    if (operation === "BatchWriteItem")
      return Object.values(input.RequestItems ?? {}).reduce((sum, table) => sum + (table as unknown[]).length, 0);
    if (operation.startsWith("Transact")) return input.TransactItems?.length ?? 0;
  } catch {
    // Not JSON: count the call once.
  }
  return 1;
}

export async function startDynamoProxy(target: string): Promise<DynamoProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let recorded: DynamoCall[] = [];
  const server: Server = createServer((req, res) => {
    const start = performance.now();
    const operation =
      String(req.headers["x-amz-target"] ?? "unknown")
        .split(".")
        .pop() ?? "unknown";
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const call: DynamoCall = { operation, items: itemsOf(operation, body.toString("utf8")), start, end: start };
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (upstreamResponse) => {
          res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(res);
          upstreamResponse.on("end", () => {
            call.end = performance.now();
            recorded.push(call);
          });
        },
      );
      forward.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    reset: () => {
      recorded = [];
    },
    calls: () => [...recorded].sort((a, b) => a.start - b.start),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sequential round trips: the longest chain of calls in which each starts only after the previous one ended, i.e. how
 * many DynamoDB latencies the request waited for one after the other. Parallel calls overlap and count once.
 */
export function sequentialRoundTrips(calls: readonly DynamoCall[]): number {
  const sorted = [...calls].sort((a, b) => a.end - b.end);
  const chain: number[] = [];
  sorted.forEach((call, i) => {
    let best = 0;
    for (let j = 0; j < i; j += 1)
      if ((sorted[j] as DynamoCall).end <= call.start) best = Math.max(best, chain[j] ?? 0);
    chain.push(best + 1);
  });
  return Math.max(0, ...chain);
}

/** "GetItem → GetItem → BatchGetItem(36)": the calls grouped into their sequential waves, parallel calls joined by "+". */
export function describeCalls(calls: readonly DynamoCall[]): string {
  const waves: DynamoCall[][] = [];
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    const wave = waves[waves.length - 1];
    // A call joins the current wave if it started before every call of that wave ended (it did not wait for them).
    if (wave !== undefined && wave.some((other) => call.start < other.end)) wave.push(call);
    else waves.push([call]);
  }
  const label = (call: DynamoCall) =>
    call.operation === "BatchGetItem" || call.operation.startsWith("Transact") || call.operation === "BatchWriteItem"
      ? `${call.operation}(${call.items})`
      : call.operation;
  const labels = waves.map((wave) => {
    const counts = new Map<string, number>();
    wave.forEach((call) => counts.set(label(call), (counts.get(label(call)) ?? 0) + 1));
    return [...counts].map(([name, count]) => (count === 1 ? name : `${count}×${name}`)).join(" + ");
  });
  // Repeated identical waves (a level-by-level walk) are shown once with their count: "[Query]×12".
  const runs: { label: string; times: number }[] = [];
  for (const wave of labels) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.label === wave) last.times += 1;
    else runs.push({ label: wave, times: 1 });
  }
  return runs.map(({ label, times }) => (times === 1 ? label : `[${label}]×${times}`)).join(" → ");
}
