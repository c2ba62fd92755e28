/** The per-request context every resolver receives: who is calling, for which customer, and the stores scoped to it. */
import type { Actor, Customer } from "../domain/customer";
import type { Db } from "../store/db";
import type { AuditStore, WriteContext } from "../store/audit";
import type { IdempotencyStore } from "../store/idempotency";
import type { OrgUnitStore } from "../store/org-units";
import type { UserStore } from "../store/users";

export interface Context {
  requestId: string;
  customerId: string;
  actor: Actor;
  /** Resolves once the caller is checked (authentication may ride along with the request's first read). */
  authenticated: () => Promise<void>;
  /** The caller's customer, read on first use (most requests never need it). */
  customer: () => Promise<Customer>;
  db: Db;
  orgUnits: OrgUnitStore;
  users: UserStore;
  audit: AuditStore;
  idempotency: IdempotencyStore;
  /** The idempotency key sent in the Idempotency-Key header, if any. */
  idempotencyKeyHeader: string | undefined;
  /** Who is writing, for audit events; mutations add their idempotency key. */
  write: WriteContext;
  now: () => Date;
}
