/**
 * What every service verb works with: one request of one caller for one customer, and, for a mutation, its unit of
 * work. The caller is known only once verified (its API key may be read alongside the request's first read), so
 * services ask for it, and decide what it may do (./authorization.ts).
 */
import type { Actor, Customer } from "../domain/customer";
import type { UserPlacement } from "../domain/user";
import type { AdminRoleStore } from "../store/admin-roles";
import type { ApiKeyStore } from "../store/api-keys";
import type { AuditStore } from "../store/audit";
import type { GroupFanOut } from "../store/groups/fan-out";
import type { GroupStore } from "../store/groups/reads";
import type { GroupWrites } from "../store/groups/writes";
import type { PolicyWrites } from "../store/org-units/policy-writes";
import type { OrgUnitStore } from "../store/org-units/reads";
import type { TreeRestructure } from "../store/org-units/restructure";
import type { OrgUnitWrites } from "../store/org-units/writes";
import type { UnitOfWork } from "../store/unit-of-work";
import type { UserStore } from "../store/users";

export interface Request {
  readonly requestId: string;
  readonly customerId: string;
  /** The verified caller; rejects (UNAUTHENTICATED) when the caller's credentials are refused. */
  caller(): Promise<Actor>;
  /**
   * Where the signed-in caller's own user is, as found at sign-in (null for an API key, or a person who is no user
   * here): lets their user and OU be read in one step. A hint: the user's item decides.
   */
  readonly callerPlacement: UserPlacement | null;
  now(): Date;
  /** The caller's organization, read on first use (most requests never need it). */
  customer(): Promise<Customer>;
  readonly orgUnits: OrgUnitStore;
  readonly orgUnitWrites: OrgUnitWrites;
  readonly policyWrites: PolicyWrites;
  readonly tree: TreeRestructure;
  readonly users: UserStore;
  /** Configuration groups: reads (a snapshot for queries), one-transaction changes, changes reaching many members. */
  readonly groups: GroupStore;
  readonly groupWrites: GroupWrites;
  readonly groupFanOut: GroupFanOut;
  readonly audit: AuditStore;
  readonly apiKeys: ApiKeyStore;
  readonly adminRoles: AdminRoleStore;
}

/** A request running one mutation: every change goes through its unit of work. */
export interface WriteRequest extends Request {
  readonly work: UnitOfWork;
}
