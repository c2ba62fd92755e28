/**
 * The API's own metrics, in one place. Services and stores add to the current request's metrics with one call (the
 * request scope carries them, so nothing is threaded through signatures); the HTTP layer publishes them once, when the
 * request ends, together with the request's own (its count, DynamoDB calls, duration and errors), as lines of
 * CloudWatch's embedded metric format (EMF) on stdout, written by Powertools Metrics: in Lambda, CloudWatch Logs turns
 * them into metrics; a local run prints them as they are. Names and dimensions: functions/metric-names.ts.
 */
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { ReasonCode } from "./domain/access-decision";
import type { AuditAction, AuditFact } from "./domain/audit";
import {
  ACCESS_DECISIONS_METRIC,
  ERRORS_METRIC,
  IDEMPOTENT_REPLAYS_METRIC,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  OPERATION_DIMENSION,
  POLICY_CHANGES_METRIC,
  REQUEST_METRICS,
  RETRIES_METRIC,
} from "./metric-names";
import { currentRequest, type MetricValue, type RequestRecord } from "./request-scope";

// One instance for the process: publishing is synchronous, so requests served concurrently (locally) never mix.
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });

/** The audit actions of mail settings changing. */
const POLICY_ACTIONS: ReadonlySet<AuditAction> = new Set([
  "MAIL_SETTING_CHANGED",
  "USER_MAIL_SETTING_CHANGED",
  "GROUP_MAIL_SETTING_CHANGED",
]);

type DimensionSets = MetricValue["dimensionSets"];

function count(name: string, dimensionSets: DimensionSets = []): void {
  currentRequest()?.metrics.push({ name, unit: "Count", value: 1, dimensionSets });
}

/** Counts an access decision by its outcome and its reason, and returns it: the service counts where it decides. */
export function countedDecision<D extends { allowed: boolean; reason: ReasonCode }>(decision: D): D {
  count(ACCESS_DECISIONS_METRIC.name, [
    { [ACCESS_DECISIONS_METRIC.outcomeDimension]: decision.allowed ? "ALLOWED" : "DENIED" },
    { [ACCESS_DECISIONS_METRIC.reasonDimension]: decision.reason },
  ]);
  return decision;
}

/** Counts the mail settings a committed unit of work changed, by the audit events it wrote. */
export function countPolicyChanges(events: readonly AuditFact[]): void {
  for (const { action } of events)
    if (POLICY_ACTIONS.has(action))
      count(POLICY_CHANGES_METRIC.name, [{ [POLICY_CHANGES_METRIC.actionDimension]: action }]);
}

/** Counts a mutation answered with the result recorded under its idempotency key. */
export function countIdempotentReplay(): void {
  count(IDEMPOTENT_REPLAYS_METRIC);
}

/** Counts a write run again after it lost a race. */
export function countRetry(): void {
  count(RETRIES_METRIC);
}

/** The request's own metrics: its count, DynamoDB calls and duration, and one count per error it answered. */
function requestMetrics(record: RequestRecord, durationMs: number): MetricValue[] {
  const byOperation = [{ [OPERATION_DIMENSION]: record.operation ?? "none" }];
  return [
    { name: REQUEST_METRICS.requests, unit: "Count", value: 1, dimensionSets: byOperation },
    {
      name: REQUEST_METRICS.dynamoDbCalls,
      unit: "Count",
      value: record.db?.roundTrips ?? 0,
      dimensionSets: byOperation,
    },
    { name: REQUEST_METRICS.duration, unit: "Milliseconds", value: durationMs, dimensionSets: byOperation },
    ...record.errorCodes.map((code): MetricValue => ({
      name: ERRORS_METRIC.name,
      unit: "Count",
      value: 1,
      dimensionSets: [{ [ERRORS_METRIC.codeDimension]: code }, ...byOperation],
    })),
  ];
}

/**
 * Publishes a request's metrics once it has ended: one EMF line per combination of dimensions, in which values of the
 * same metric are added up; each line carries the request id (not as a dimension), which leads to the request's log
 * line.
 */
export function publishRequestMetrics(record: RequestRecord, durationMs: number): void {
  const lines = new Map<string, { dimensionSets: DimensionSets; values: Map<string, MetricValue> }>();
  for (const metric of [...requestMetrics(record, durationMs), ...record.metrics]) {
    const key = JSON.stringify(metric.dimensionSets);
    const line = lines.get(key) ?? { dimensionSets: metric.dimensionSets, values: new Map<string, MetricValue>() };
    lines.set(key, line);
    const sum = (line.values.get(metric.name)?.value ?? 0) + metric.value;
    line.values.set(metric.name, { ...metric, value: sum });
  }
  for (const { dimensionSets, values } of lines.values()) {
    for (const dimensions of dimensionSets) metrics.addDimensions(dimensions);
    metrics.addMetadata("requestId", record.requestId);
    for (const { name, unit, value } of values.values()) metrics.addMetric(name, unit, value);
    metrics.publishStoredMetrics();
  }
}
