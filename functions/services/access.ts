/** Managing who may call: API keys and administrator roles (super administrators only; rules in domain/access). */
import { assertOrgUnitAccess, isConsumerAccount } from "../domain/access";
import type { Actor, Customer, Role } from "../domain/customer";
import type { OrgUnit } from "../domain/org-unit";
import { assertOwnDomain, normalizeEmail } from "../domain/user";
import { badInput } from "../errors";
import {
  createApiKey as storeApiKey,
  grantAdminRole as storeAdminRole,
  newApiKeySecret,
  revokeAdminRole as removeAdminRole,
  revokeApiKey as storeRevocation,
  type AdminRole,
  type ApiKey,
} from "../store/customers";
import { alongside, type WriteContext } from "../store/audit";
import type { Db } from "../store/db";
import type { OrgUnitStore } from "../store/org-units";
import { requireOrgUnit } from "./org-units";

export interface AccessContext {
  db: Db;
  customerId: string;
  actor: Actor;
  orgUnits: OrgUnitStore;
  now: () => Date;
  customer: () => Promise<Customer>;
  write: WriteContext;
}

/** The OU `path` names as an ORG_UNIT_ADMIN's scope: required for that role, refused for the others. */
async function scopeOf(ctx: AccessContext, role: Role, path: string | null | undefined): Promise<string | null> {
  if (role !== "ORG_UNIT_ADMIN") {
    if (path != null) throw badInput("orgUnitScope", `Only ORG_UNIT_ADMIN is limited to an OU; ${role} is not.`);
    return null;
  }
  if (path == null) throw badInput("orgUnitScope", "An ORG_UNIT_ADMIN needs the path of the OU it may manage.");
  const orgUnit = await requireOrgUnit(ctx.orgUnits, { path }, { id: "orgUnitScope", path: "orgUnitScope" });
  return orgUnit.id;
}

export async function createApiKey(
  ctx: AccessContext,
  input: { name: string; role: Role; orgUnitScope?: string | null; expiresAt?: string | null },
): Promise<{ apiKey: ApiKey; secret: string | null }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 255) throw badInput("name", "An API key's name has 1 to 255 characters.");
  let expiresAt: string | null = null;
  if (input.expiresAt != null) {
    if (typeof input.expiresAt !== "string")
      throw badInput("expiresAt", "expiresAt is a date and time in ISO 8601, e.g. 2027-01-31T00:00:00Z.");
    const time = new Date(input.expiresAt);
    if (Number.isNaN(time.getTime())) throw badInput("expiresAt", `"${input.expiresAt}" is not a date and time.`);
    if (time <= ctx.now()) throw badInput("expiresAt", "expiresAt must be in the future.");
    expiresAt = time.toISOString();
  }
  const orgUnitScope = await scopeOf(ctx, input.role, input.orgUnitScope);
  const secret = newApiKeySecret(ctx.customerId);
  const apiKey = await storeApiKey(
    ctx.db,
    ctx.customerId,
    { name, role: input.role, orgUnitScope, expiresAt },
    secret,
    (key) => alongside(ctx.write, { apiKey: key, secret }),
  );
  return { apiKey, secret };
}

export async function revokeApiKey(ctx: AccessContext, id: string): Promise<ApiKey> {
  return storeRevocation(ctx.db, ctx.customerId, id, ctx.now(), (key) => alongside(ctx.write, key));
}

export async function grantAdminRole(
  ctx: AccessContext,
  input: { email: string; role: Role; orgUnitScope?: string | null },
): Promise<AdminRole> {
  const email = normalizeEmail(input.email);
  if (isConsumerAccount(email)) throw badInput("email", "Consumer accounts are never administrators.");
  assertOwnDomain(email, (await ctx.customer()).domains);
  const orgUnitScope = await scopeOf(ctx, input.role, input.orgUnitScope);
  return storeAdminRole(ctx.db, ctx.customerId, { email, role: input.role, orgUnitScope }, (role) =>
    alongside(ctx.write, role),
  );
}

export async function revokeAdminRole(ctx: AccessContext, rawEmail: string): Promise<string> {
  const email = normalizeEmail(rawEmail);
  await removeAdminRole(ctx.db, ctx.customerId, email, alongside(ctx.write, email));
  return email;
}

/** The OU a scope id names, if it still exists (an OU may be deleted after a key was scoped to it). */
export async function scopeOrgUnit(orgUnits: OrgUnitStore, scope: string | null): Promise<OrgUnit | null> {
  return scope === null ? null : orgUnits.getById(scope);
}

/** Reads an OU the actor may see, or refuses it. */
export async function requireReadableOrgUnit(
  ctx: { orgUnits: OrgUnitStore; actor: Actor },
  ref: { id?: string | null; path?: string | null },
  fields?: { id: string; path: string },
): Promise<OrgUnit> {
  const orgUnit = await requireOrgUnit(ctx.orgUnits, ref, fields);
  assertOrgUnitAccess(ctx.actor, orgUnit);
  return orgUnit;
}
