/**
 * The stack's per-stage settings (stacks/stage-config.ts): every alarm threshold and every limit has a usable value for
 * production and for the stage every other deployment gets (dev).
 */
import { describe, expect, it } from "vitest";
import {
  API_GATEWAY_TIMEOUT_SECONDS,
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

  it("has every limit: throttling, reserved concurrency (or explicitly none), log retention", () => {
    const { rateLimit, burstLimit } = config.throttling;
    expect(Number.isInteger(burstLimit) && burstLimit >= 1).toBe(true);
    expect(rateLimit).toBeGreaterThan(0);
    expect(burstLimit).toBeGreaterThanOrEqual(rateLimit);
    expect(config.reservedConcurrency).not.toBeUndefined();
    if (config.reservedConcurrency !== null)
      expect(Number.isInteger(config.reservedConcurrency) && config.reservedConcurrency >= 1).toBe(true);
    expect(config.logRetention).toMatch(/^\d+ (week|weeks|month|months|year)$/);
    expect(config.tableDeletionProtection).toBeTypeOf("boolean");
  });
});

describe("production", () => {
  const production = stageConfig("production");

  it("protects the table and reserves concurrency", () => {
    expect(production).toBe(STAGE_CONFIGS.production);
    expect(production.tableDeletionProtection).toBe(true);
    expect(production.reservedConcurrency).toBeGreaterThanOrEqual(1);
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
