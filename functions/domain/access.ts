/** Pure rules of who may do what: the access rule of every query and mutation, and OU subtree scopes. */
import { ApiError } from "../errors";
import type { Actor } from "./customer";

/**
 * READ: any administrator role. WRITE: super and OU administrators. SUPER_ADMIN: super administrators only.
 * SELF: any administrator, or a signed-in user asking about themselves (checked where the user is known).
 * PERSON: a person signed in with OpenID Connect (a user, or an administrator as a user), acting on their own mailbox;
 * never an API key, which has none. ANY: any authenticated caller.
 */
export type AccessRule = "READ" | "WRITE" | "SUPER_ADMIN" | "SELF" | "PERSON" | "ANY";

const forbidden = (message: string) => new ApiError("FORBIDDEN", message);

/** Checks the caller's role against the rule of what it asks to do (scopes are checked where the OU is known). */
export function assertAllowed(actor: Actor, rule: AccessRule, action: string): void {
  if (rule === "ANY") return;
  if (rule === "PERSON") {
    if (actor.kind === "API_KEY") throw forbidden(`Only a person signed in with OpenID Connect may ${action}.`);
    return;
  }
  if (actor.role === null) {
    if (rule === "SELF") return;
    throw forbidden(`Only administrators may ${action}.`);
  }
  if (rule === "SUPER_ADMIN" && actor.role !== "SUPER_ADMIN")
    throw forbidden(`Only super administrators may ${action}.`);
  if (rule === "WRITE" && actor.role === "READ_ONLY") throw forbidden(`A read-only administrator may not ${action}.`);
}

/** Whether an OU lies within what the actor may read and change: its subtree, or everything without a scope. */
export function withinReach(actor: Actor, orgUnit: { id: string; ancestors: readonly { id: string }[] }): boolean {
  if (actor.role === null) return false;
  const scope = actor.orgUnitScope;
  return scope === null || orgUnit.id === scope || orgUnit.ancestors.some((ancestor) => ancestor.id === scope);
}

/**
 * Refuses an OU outside the actor's reach. A caller without a role is told it needs one; an administrator is told
 * nothing but that there is no such OU, exactly what it is told of one that does not exist.
 */
export function assertOrgUnitAccess(
  actor: Actor,
  orgUnit: { id: string; ancestors: readonly { id: string }[] },
  notThere: () => ApiError = () => new ApiError("NOT_FOUND", "No such organizational unit."),
): void {
  if (actor.role === null) throw forbidden("Only administrators may read or change organizational units.");
  if (!withinReach(actor, orgUnit)) throw notThere();
}

/** Whether the actor is the person whose address is `email` (an API key is no person, whatever its id). */
export function isSelf(actor: Actor, email: string): boolean {
  return actor.kind !== "API_KEY" && actor.id === email;
}

/** Whether the actor may see a user: an administrator (the user's OU within its reach), or the user themselves. */
export function maySeeUser(actor: Actor, email: string): boolean {
  return actor.role !== null || isSelf(actor, email);
}

/** An OU administrator may not rename, move or delete the OU its own scope is on (it would change its own rights). */
export function assertNotOwnScope(actor: Actor, orgUnit: { id: string }, action: string): void {
  if (actor.orgUnitScope === orgUnit.id)
    throw forbidden(`An OU administrator cannot ${action} the organizational unit its own scope is on.`);
}

/** Consumer accounts are never administrators of an organization. */
export function isConsumerAccount(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(email);
}
