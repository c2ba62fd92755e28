/**
 * The unit of work of one mutation: every change a service makes goes through it. It carries the verified caller, the
 * request id, the clock and the idempotency key; services hand it changes (each item with its own meaning of failure,
 * each change with the audit events it records), and it writes them as ONE DynamoDB transaction together with their
 * audit events and, with an idempotency key, the record of the result. A change without an audit event is refused,
 * so no write can forget its trace.
 */
import { randomUUID } from "node:crypto";
import type { AuditFact } from "../domain/audit";
import type { Actor } from "../domain/customer";
import { ApiError, conflict } from "../errors";
import { countIdempotentReplay, countPolicyChanges } from "../metrics";
import { auditEventItem } from "./audit";
import { TRANSACTION_LIMIT, type Db, type Key } from "./db";
import { keys } from "./keys";
import type { IdempotencyStore } from "./idempotency";
import { transact, type Write } from "./transaction";

/** One change: its items, and what it records in the audit log. */
export interface Change {
  writes: Write[];
  events: AuditFact[];
}

/** Errors that depend on the state a run found: a concurrent run with the same key may have changed it first. */
const STATE_ERRORS = new Set(["NOT_FOUND", "CONFLICT", "FAILED_PRECONDITION"]);

export interface IdempotencyClaim {
  key: string;
  /** Identifies the request (mutation and input), so that a key reused for another request is refused. */
  requestHash: string;
}

export class UnitOfWork {
  private committed = false;
  /** The verified caller; frozen, so nothing downstream can change who wrote. */
  readonly caller: Readonly<Actor>;

  constructor(
    private readonly db: Db,
    readonly customerId: string,
    caller: Actor,
    readonly requestId: string,
    private readonly clock: () => Date,
    private readonly idempotency: { store: IdempotencyStore; claim: IdempotencyClaim } | undefined,
  ) {
    this.caller = Object.freeze({ ...caller });
  }

  now(): Date {
    return this.clock();
  }

  /** The key of the idempotency record this work writes, if it has an idempotency key. */
  get recordKey(): Key | undefined {
    return this.idempotency === undefined
      ? undefined
      : keys.idempotency(this.customerId, this.caller.id, this.idempotency.claim.key);
  }

  /**
   * Runs `mutation` at most once per idempotency key: a key already used returns the recorded result without running
   * it; a run that wrote nothing, or failed on state a concurrent run with the same key changed, returns that run's
   * recorded result instead.
   */
  async run<T>(mutation: () => Promise<T>): Promise<T> {
    if (this.idempotency === undefined) return mutation();
    const previous = await this.replay<T>();
    if (previous !== undefined) return previous.result;
    try {
      const result = await mutation();
      if (this.committed) return result;
      return (await this.replay<T>())?.result ?? result;
    } catch (error) {
      const stateError = error instanceof ApiError && STATE_ERRORS.has(error.code);
      if (!stateError) throw error;
      const winner = await this.replay<T>();
      if (winner === undefined) throw error;
      return winner.result;
    }
  }

  /**
   * Writes `changes` all or nothing, with one audit event per fact they record and, with an idempotency key, the
   * record of `result` (or of `remember`, e.g. the result without a secret). Returns `result`.
   */
  async commit<T>(changes: readonly Change[], result: T, options: { remember?: unknown } = {}): Promise<T> {
    const writes = [
      ...changes.flatMap((change) => change.writes),
      ...this.recordWrites(
        changes.flatMap((change) => change.events),
        "remember" in options ? options.remember : result,
      ),
    ];
    if (writes.length > TRANSACTION_LIMIT)
      throw new Error(
        `A unit of work of ${writes.length} items exceeds DynamoDB's ${TRANSACTION_LIMIT} per transaction`,
      );
    await transact(this.db, writes);
    this.committed = true;
    countPolicyChanges(changes.flatMap((change) => change.events));
    return result;
  }

  /**
   * The writes that record `events` and, with an idempotency key, `result`: what `commit` adds to a change's own
   * writes. A multi-step change keeps them to commit later (possibly by another writer finishing it).
   */
  recordWrites(events: readonly AuditFact[], result: unknown): Write[] {
    if (events.length === 0) throw new Error("Every change records at least one audit event");
    const stamp = {
      actor: this.caller,
      requestId: this.requestId,
      idempotencyKey: this.idempotency?.claim.key,
      time: this.clock().toISOString(),
    };
    const audit = events.map((fact) => ({ item: auditEventItem(this.customerId, fact, stamp, randomUUID()) }));
    if (this.idempotency === undefined) return audit;
    const { store, claim } = this.idempotency;
    return [...audit, store.recordWrite(this.caller.id, claim.key, claim.requestHash, result)];
  }

  /** Marks the work as written by a step that sent `recordWrites` itself (a multi-step change's commit). */
  markCommitted(): void {
    this.committed = true;
  }

  private async replay<T>(): Promise<{ result: T } | undefined> {
    if (this.idempotency === undefined) return undefined;
    const { store, claim } = this.idempotency;
    const record = await store.get(this.caller.id, claim.key);
    if (record === undefined) return undefined;
    if (record.requestHash !== claim.requestHash)
      throw new ApiError(
        "IDEMPOTENCY_KEY_REUSED",
        `The idempotency key "${claim.key}" was already used with a different request; use a new key for a new request.`,
        { field: "idempotencyKey" },
      );
    if (record.result === undefined)
      throw conflict(
        `The request with idempotency key "${claim.key}" was applied, but its result is too large to repeat; read the current state instead.`,
        { field: "idempotencyKey" },
      );
    countIdempotentReplay();
    return { result: record.result as T };
  }
}
