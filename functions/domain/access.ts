/** Pure rules of who may do what: the access rule of every query and mutation, and OU subtree scopes. */
import { ApiError } from "../errors";
import type { Actor } from "./customer";

/**
 * READ: any administrator role. WRITE: super and OU administrators. SUPER_ADMIN: super administrators only.
 * SELF: any administrator, or a signed-in user asking about themselves (checked where the user is known).
 * ANY: any authenticated caller.
 */
export type AccessRule = "READ" | "WRITE" | "SUPER_ADMIN" | "SELF" | "ANY";

const forbidden = (message: string) => new ApiError("FORBIDDEN", message);

/** Checks the caller's role against the rule of what it asks to do (scopes are checked where the OU is known). */
export function assertAllowed(actor: Actor, rule: AccessRule, action: string): void {
  if (rule === "ANY") return;
  if (actor.role === null) {
    if (rule === "SELF") return;
    throw forbidden(`Only administrators may ${action}.`);
  }
  if (rule === "SUPER_ADMIN" && actor.role !== "SUPER_ADMIN")
    throw forbidden(`Only super administrators may ${action}.`);
  if (rule === "WRITE" && actor.role === "READ_ONLY") throw forbidden(`A read-only administrator may not ${action}.`);
}

/** Whether an OU (its id and its ancestors' ids) lies within the actor's scope. */
function inScope(actor: Actor, orgUnit: { id: string; ancestors: readonly { id: string }[] }): boolean {
  const scope = actor.orgUnitScope;
  return scope === null || orgUnit.id === scope || orgUnit.ancestors.some((ancestor) => ancestor.id === scope);
}

/** Refuses an OU outside the actor's subtree, or any OU for a caller without a role. */
export function assertOrgUnitAccess(
  actor: Actor,
  orgUnit: { id: string; path: string; ancestors: readonly { id: string }[] },
): void {
  if (actor.role === null) throw forbidden("Only administrators may read or change organizational units.");
  if (!inScope(actor, orgUnit))
    throw forbidden(`"${orgUnit.path}" is outside the organizational units this caller may read or change.`);
}

/** A signed-in user (no role) may read only themselves. */
export function assertUserAccess(actor: Actor, email: string): void {
  if (actor.role === null && actor.id !== email) throw forbidden("A user may read only their own mail access.");
}

/** Consumer accounts are never administrators of an organization. */
export function isConsumerAccount(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(email);
}
