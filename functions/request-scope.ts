/**
 * What one request has been doing, carried implicitly (AsyncLocalStorage) from the HTTP layer, which writes the one log
 * line per request, to the Apollo plugin and formatError, which fill in who called, which operation ran and how it
 * ended. Outside a request (unit tests calling formatError) there is no scope and nothing is recorded.
 */
import { AsyncLocalStorage } from "node:async_hooks";

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
  roundTrips?: number;
  /** The `extensions.code` of every error sent to the client, in order. */
  errorCodes: string[];
}

const scope = new AsyncLocalStorage<RequestRecord>();

export function runInRequestScope<T>(record: RequestRecord, run: () => Promise<T>): Promise<T> {
  return scope.run(record, run);
}

/** The current request's record, or undefined outside a request. */
export function currentRequest(): RequestRecord | undefined {
  return scope.getStore();
}
