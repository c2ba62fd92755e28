/** The per-request context every resolver receives: who is calling, for which customer, and the stores scoped to it. */
import type { Actor, Customer } from "../domain/customer";
import type { Db } from "../store/db";
import type { OrgUnitStore } from "../store/org-units";

export interface Context {
  requestId: string;
  customerId: string;
  actor: Actor;
  /** The caller's customer, read on first use (most requests never need it). */
  customer: () => Promise<Customer>;
  db: Db;
  orgUnits: OrgUnitStore;
}
