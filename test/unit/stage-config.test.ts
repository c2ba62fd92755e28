/**
 * The stack's per-stage settings (stacks/stage-config.ts): every alarm threshold and every limit has a usable value for
 * production and for the stage every other deployment gets (dev), and CORS lets browsers send every header the API
 * reads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  API_GATEWAY_TIMEOUT_SECONDS,
  CORS_ALLOW_HEADERS,
  CORS_EXPOSE_HEADERS,
  FUNCTION_TIMEOUT_SECONDS,
  STAGE_CONFIGS,
  stageConfig,
  type StageConfig,
} from "../../stacks/stage-config";

/** The alarms issue 16 asks for, each by the threshold that sets it off. */
const ALARMS = [
  "serverErrorRatePercent",
  "latencyP99Ms",
  "lambdaErrors",
  "lambdaThrottles",
  "dynamoThrottledRequests",
  "dynamoSystemErrors",
  "unavailableErrors",
  "internalServerErrors",
] as const;

const stages = Object.entries(STAGE_CONFIGS) as [string, StageConfig][];

describe.each(stages)("stage %s", (_name, config) => {
  it("has every alarm threshold, each a number of 0 or more", () => {
    for (const alarm of ALARMS) {
      expect(config.alarms[alarm], alarm).toBeTypeOf("number");
      expect(config.alarms[alarm], alarm).toBeGreaterThanOrEqual(0);
    }
    expect(config.alarms.serverErrorRatePercent).toBeGreaterThan(0);
    expect(config.alarms.serverErrorRatePercent).toBeLessThanOrEqual(100);
    expect(config.alarms.serverErrorRateMinRequests).toBeGreaterThanOrEqual(1);
    expect(config.alarms.latencyP99Ms).toBeGreaterThan(0);
    // API Gateway ends the integration at 30 s; a p99 above that could never be reached.
    expect(config.alarms.latencyP99Ms).toBeLessThan(30_000);
  });

  it("evaluates alarms over periods CloudWatch accepts", () => {
    const { periodSeconds, evaluationPeriods, datapointsToAlarm } = config.alarms;
    expect(periodSeconds % 60).toBe(0);
    expect(periodSeconds).toBeGreaterThan(0);
    expect(Number.isInteger(evaluationPeriods) && evaluationPeriods >= 1).toBe(true);
    expect(Number.isInteger(datapointsToAlarm) && datapointsToAlarm >= 1).toBe(true);
    expect(datapointsToAlarm).toBeLessThanOrEqual(evaluationPeriods);
    // CloudWatch looks back at most one day.
    expect(periodSeconds * evaluationPeriods).toBeLessThanOrEqual(86_400);
  });

  it("has every limit: throttling, reserved concurrency (or explicitly none), log retention, CORS origins", () => {
    const { rateLimit, burstLimit } = config.throttling;
    expect(Number.isInteger(burstLimit) && burstLimit >= 1).toBe(true);
    expect(rateLimit).toBeGreaterThan(0);
    expect(burstLimit).toBeGreaterThanOrEqual(rateLimit);
    expect(config.reservedConcurrency).not.toBeUndefined();
    if (config.reservedConcurrency !== null)
      expect(Number.isInteger(config.reservedConcurrency) && config.reservedConcurrency >= 1).toBe(true);
    expect(Array.isArray(config.corsAllowOrigins)).toBe(true);
    for (const origin of config.corsAllowOrigins) expect(origin).toMatch(/^(\*|https?:\/\/[^/]+)$/);
    expect(config.logRetention).toMatch(/^\d+ (week|weeks|month|months|year)$/);
    expect(config.tableDeletionProtection).toBeTypeOf("boolean");
  });
});

describe("production", () => {
  const production = stageConfig("production");

  it("protects the table, reserves concurrency and names its CORS origins", () => {
    expect(production).toBe(STAGE_CONFIGS.production);
    expect(production.tableDeletionProtection).toBe(true);
    expect(production.reservedConcurrency).toBeGreaterThanOrEqual(1);
    expect(production.corsAllowOrigins).not.toContain("*");
  });

  it("is stricter than dev on every alarm", () => {
    for (const alarm of ALARMS)
      expect(production.alarms[alarm], alarm).toBeLessThanOrEqual(STAGE_CONFIGS.dev.alarms[alarm]);
  });
});

it("gives every other stage dev's settings", () => {
  for (const stage of ["dev", "pr-42", "alice", "Production"]) expect(stageConfig(stage)).toBe(STAGE_CONFIGS.dev);
});

it("ends the function before API Gateway gives up on it, with time for the DynamoDB client's fail-fast retries", () => {
  expect(FUNCTION_TIMEOUT_SECONDS).toBeLessThan(API_GATEWAY_TIMEOUT_SECONDS);
  // functions/store/db.ts: 3 attempts of at most 1 s to connect and 5 s to answer, per call.
  expect(FUNCTION_TIMEOUT_SECONDS).toBeGreaterThanOrEqual(3 * (1 + 5));
});

describe("CORS", () => {
  /** Headers a browser sends on its own, or lets any script send (CORS-safelisted), which CORS need not list. */
  const SENT_BY_BROWSERS = new Set(["accept", "accept-encoding", "accept-language", "host", "user-agent", "cookie"]);
  const FUNCTIONS = fileURLToPath(new URL("../../functions/", import.meta.url));

  /** The request headers the function reads (`headers["name"]` or `headers.name`), outside the local server. */
  function headersRead(): Set<string> {
    const read = new Set<string>();
    for (const file of readdirSync(FUNCTIONS, { recursive: true, encoding: "utf8" })) {
      const path = file.split("\\").join("/");
      if (!path.endsWith(".ts") || path.startsWith("local/") || path.startsWith("graphql/generated/")) continue;
      const source = readFileSync(join(FUNCTIONS, path), "utf8");
      for (const [, quoted, bare] of source.matchAll(/\bevent\.headers(?:\["([\w-]+)"\]|\.(\w+))/g))
        read.add((quoted ?? bare ?? "").toLowerCase());
    }
    return read;
  }

  it("allows every header the API reads that a browser does not send by itself", () => {
    const read = headersRead();
    expect(read.has("x-api-key")).toBe(true);
    expect([...read].filter((h) => !SENT_BY_BROWSERS.has(h) && !CORS_ALLOW_HEADERS.includes(h))).toEqual([]);
    for (const header of ["authorization", "content-type", "x-api-key", "idempotency-key"])
      expect(CORS_ALLOW_HEADERS).toContain(header);
  });

  it("lets scripts read the request id", () => {
    expect(CORS_EXPOSE_HEADERS).toContain("x-request-id");
  });
});
