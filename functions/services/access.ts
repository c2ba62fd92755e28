/** Managing who may call: API keys and administrator roles (super administrators only), and the caller itself. */
import { isConsumerAccount } from "../domain/access";
import type { Actor, AdminRole, ApiKey, Customer, Role } from "../domain/customer";
import type { OrgUnit } from "../domain/org-unit";
import { cleanText } from "../domain/text";
import { assertOwnDomain, normalizeEmail } from "../domain/user";
import { badInput } from "../errors";
import { RoleUnchanged } from "../store/admin-roles";
import { newApiKeySecret } from "../store/api-keys";
import { authorize } from "./authorization";
import { requireOrgUnitAt } from "./org-units";
import type { Request, WriteRequest } from "./request";

/** The OU `path` names as an ORG_UNIT_ADMIN's scope: required for that role, refused for the others. */
async function scopeOf(
  request: Request,
  role: Role,
  path: string | null | undefined,
): Promise<{ id: string; path: string } | null> {
  if (role !== "ORG_UNIT_ADMIN") {
    if (path != null) throw badInput("orgUnitScope", `Only ORG_UNIT_ADMIN is limited to an OU; ${role} is not.`);
    return null;
  }
  if (path == null) throw badInput("orgUnitScope", "An ORG_UNIT_ADMIN needs the path of the OU it may manage.");
  const orgUnit = await requireOrgUnitAt(request.orgUnits, path, "orgUnitScope");
  return { id: orgUnit.id, path: orgUnit.path };
}

/** `viewer`: the verified caller. */
export function viewer(request: Request): Promise<Actor> {
  return authorize(request, "ANY", "ask who is calling");
}

/** `customer`: the caller's organization. */
export async function customerOf(request: Request): Promise<Customer> {
  await authorize(request, "READ", "read the organization");
  return request.customer();
}

export async function listApiKeys(request: Request): Promise<ApiKey[]> {
  await authorize(request, "SUPER_ADMIN", "list API keys");
  return request.apiKeys.list();
}

export async function listAdminRoles(request: Request): Promise<AdminRole[]> {
  await authorize(request, "SUPER_ADMIN", "list administrators");
  return request.adminRoles.list();
}

/** The OU a scope id names, if it still exists (an OU may be deleted after a key was scoped to it). */
export async function scopeOrgUnit(request: Request, scope: string | null): Promise<OrgUnit | null> {
  return scope === null ? null : request.orgUnits.getById(scope);
}

export async function createApiKey(
  request: WriteRequest,
  input: { name: string; role: Role; orgUnitScope?: string | null; expiresAt?: string | null },
): Promise<{ apiKey: ApiKey; secret: string | null }> {
  await authorize(request, "SUPER_ADMIN", "create API keys");
  const name = cleanText(input.name, "name", "An API key's name", 255);
  let expiresAt: string | null = null;
  if (input.expiresAt != null) {
    if (typeof input.expiresAt !== "string" || input.expiresAt.length > 40)
      throw badInput("expiresAt", "expiresAt is a date and time in ISO 8601, e.g. 2027-01-31T00:00:00Z.");
    const time = new Date(input.expiresAt);
    if (Number.isNaN(time.getTime())) throw badInput("expiresAt", `"${input.expiresAt}" is not a date and time.`);
    if (time <= request.now()) throw badInput("expiresAt", "expiresAt must be in the future.");
    expiresAt = time.toISOString();
  }
  const orgUnitScope = await scopeOf(request, input.role, input.orgUnitScope);
  const secret = newApiKeySecret(request.customerId);
  const { change, apiKey } = request.apiKeys.create({ name, role: input.role, orgUnitScope, expiresAt }, secret);
  // The secret is never kept: a repeated request gets the key without it.
  return request.work.commit([change], { apiKey, secret }, { remember: { apiKey, secret: null } });
}

export async function revokeApiKey(request: WriteRequest, id: string): Promise<ApiKey> {
  await authorize(request, "SUPER_ADMIN", "revoke API keys");
  const revoked = request.apiKeys.revoke(await request.apiKeys.require(id));
  return "change" in revoked ? request.work.commit([revoked.change], revoked.apiKey) : revoked.apiKey;
}

export async function grantAdminRole(
  request: WriteRequest,
  input: { email: string; role: Role; orgUnitScope?: string | null },
): Promise<AdminRole> {
  await authorize(request, "SUPER_ADMIN", "grant administrator roles");
  const email = normalizeEmail(input.email);
  if (isConsumerAccount(email)) throw badInput("email", "Consumer accounts are never administrators.");
  assertOwnDomain(email, (await request.customer()).domains);
  const orgUnitScope = await scopeOf(request, input.role, input.orgUnitScope);
  const { change, adminRole } = request.adminRoles.grant({ email, role: input.role, orgUnitScope });
  try {
    return await request.work.commit([change], adminRole);
  } catch (error) {
    if (error instanceof RoleUnchanged) return error.adminRole;
    throw error;
  }
}

export async function revokeAdminRole(request: WriteRequest, rawEmail: string): Promise<string> {
  await authorize(request, "SUPER_ADMIN", "revoke administrator roles");
  const email = normalizeEmail(rawEmail);
  return request.work.commit([request.adminRoles.revoke(email)], email);
}
