/**
 * What one request has been doing, carried implicitly (AsyncLocalStorage) from the HTTP layer, which writes the one log
 * line and publishes the metrics of each request, to the Apollo plugin and formatError, which fill in who called, which
 * operation ran and how it ended, and to the services and stores, which add to its metrics (functions/metrics.ts).
 * Outside a request (unit tests calling formatError or a service) there is no scope and nothing is recorded.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** A value added to one of the request's metrics, with the dimensions it is published by (one set each). */
export interface MetricValue {
  name: string;
  unit: "Count" | "Milliseconds";
  value: number;
  dimensionSets: readonly Readonly<Record<string, string>>[];
}

export interface RequestRecord {
  requestId: string;
  startedAt: number;
  method: string;
  path: string;
  customerId?: string;
  /** The actor's kind and id (an API key's id, never its secret). */
  actor?: { kind: string; id: string };
  operationName?: string | null;
  operationType?: string;
  /** What ran, as the metrics name it (functions/metric-names.ts, OPERATION_DIMENSION). */
  operation?: string;
  /** The request's handle on the table, from the moment it has one: its round trips are reported when it ends. */
  db?: { readonly roundTrips: number };
  /** The `extensions.code` of every error sent to the client, in order. */
  errorCodes: string[];
  /** What the services and stores counted, published with the request's own metrics when it ends. */
  metrics: MetricValue[];
}

const scope = new AsyncLocalStorage<RequestRecord>();

export function runInRequestScope<T>(record: RequestRecord, run: () => Promise<T>): Promise<T> {
  return scope.run(record, run);
}

/** The current request's record, or undefined outside a request. */
export function currentRequest(): RequestRecord | undefined {
  return scope.getStore();
}
