/**
 * Section 2: overhead over the floor. The API over HTTP against the same reads issued with the SDK alone, one request
 * at a time, for a sample of users spread over the tree; two more contenders locate the overhead.
 */
import { Console } from "node:console";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { lambdaContext } from "../../functions/local/http-server";
import { guarded } from "../failures";
import type { Floor } from "../floor";
import type { ApiClient } from "../http-client";
import { graphqlEvent } from "../lambda-event";
import { decisionBody, userEffectiveBody } from "../queries";
import type { OverheadRow } from "../report";
import { TABLE_NAME, type Settings } from "../settings";
import { figure, ratioFigure } from "../stats";
import { at, measureRuns, NO_COMPARISON, type Call } from "../timing";

/**
 * The deployed handler, imported into this process and called with the same API Gateway events the local server builds:
 * the API without HTTP and without a second process. Its request log goes to /dev/null, as the server's does.
 */
async function inProcessHandler(endpoint: string): Promise<(payload: string, apiKey: string) => Promise<void>> {
  Object.assign(process.env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME, STAGE: "production" });
  console.log = new Console(createWriteStream("/dev/null")).log;
  const { handler } = (await import("../../functions/handler")) as unknown as {
    handler: (
      event: unknown,
      context: unknown,
      callback: () => void,
    ) => Promise<{ statusCode?: number; body?: string }>;
  };
  return async (payload, apiKey) => {
    const requestId = randomUUID();
    const result = await handler(graphqlEvent(payload, apiKey, requestId), lambdaContext(requestId), () => undefined);
    if (result.statusCode !== 200 || result.body?.includes('"errors"'))
      throw new Error(`The handler answered ${result.statusCode}: ${result.body?.slice(0, 300)}`);
  };
}

/**
 * The API over HTTP, the same handler called in this process (no HTTP, no second process), the floor, and the floor
 * with the API key read first, on its own (what the handler waited for before keys rode along).
 */
async function overheadRow(
  settings: Settings,
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

/** `endpoint` is DynamoDB Local's, for the in-process handler; `sample` the users the requests cycle over. */
export async function overheadSection(
  settings: Settings,
  endpoint: string,
  api: ApiClient,
  floor: Floor,
  apiKey: string,
  sample: readonly string[],
): Promise<OverheadRow[]> {
  const inProcess = await inProcessHandler(endpoint);
  const failedOverhead = (operation: string) => (error: string) => ({ operation, error, ...NO_COMPARISON });
  return [
    await guarded<OverheadRow>(
      "overhead, user effective settings",
      () =>
        overheadRow(settings, "user effective settings", {
          api: (i) => api.ok(userEffectiveBody(at(sample, i))),
          inProcess: (i) => inProcess(userEffectiveBody(at(sample, i)), apiKey),
          floor: (i) => floor.userEffective(at(sample, i)),
          floorKeyFirst: (i) => floor.userEffective(at(sample, i), { key: "first" }),
        }),
      failedOverhead("user effective settings"),
    ),
    await guarded<OverheadRow>(
      "overhead, access decision",
      () =>
        overheadRow(settings, "access decision", {
          api: (i) => api.ok(decisionBody(at(sample, i))),
          inProcess: (i) => inProcess(decisionBody(at(sample, i)), apiKey),
          floor: (i) => floor.decision(at(sample, i)),
          floorKeyFirst: (i) => floor.decision(at(sample, i), { key: "first" }),
        }),
      failedOverhead("access decision"),
    ),
  ];
}
