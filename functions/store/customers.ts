/**
 * Customers and who may call for them: mail domains, API keys (only the hash of the secret is stored) and
 * administrator roles. Created by operator tooling and super administrators; read by authentication.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Actor, Customer, Role } from "../domain/customer";
import { conflict, notFound } from "../errors";
import type { Db, Item, TransactItem } from "./db";
import { assertCustomerId, keys } from "./keys";
import type { OrgUnitStore } from "./org-units";
import { transactOrExplain } from "./transactions";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newApiKeySecret(customerId: string): string {
  return `mak_${customerId}_${randomBytes(24).toString("base64url")}`;
}

export async function getCustomer(db: Db, customerId: string): Promise<Customer | null> {
  const item = await db.get(keys.customer(customerId));
  if (item === undefined) return null;
  return { id: customerId, name: String(item.name), domains: item.domains as string[] };
}

/**
 * Creates the customer with its root OU and, with `claimDomains`, claims its mail domains (a domain belongs to one
 * customer; people signed in with OpenID Connect are found through it); a customer that already exists is left as
 * it is. Returns true if created.
 */
export async function ensureCustomer(
  db: Db,
  orgUnits: OrgUnitStore,
  customer: Customer,
  { claimDomains = true }: { claimDomains?: boolean } = {},
): Promise<boolean> {
  assertCustomerId(customer.id);
  if ((await getCustomer(db, customer.id)) !== null) return false;
  const domains = customer.domains.map((domain) => domain.toLowerCase());
  const claimed = claimDomains ? await db.batchGet(domains.map((domain) => keys.domain(domain))) : [];
  if (claimed.length > 0)
    throw conflict(`The mail domain ${String(claimed[0]?.pk).slice("DOMAIN#".length)} belongs to another customer.`);
  await orgUnits.createRoot(customer.name, [
    {
      Put: {
        Item: { ...keys.customer(customer.id), name: customer.name, domains },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
    ...(claimDomains ? domains : []).map((domain) => ({
      Put: {
        Item: { ...keys.domain(domain), customerId: customer.id },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    })),
  ]);
  return true;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  /** The OU id whose subtree an ORG_UNIT_ADMIN key may read and change. */
  orgUnitScope: string | null;
  expiresAt: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Stores a new API key for `customerId` (only the hash of `secret`) and returns it. */
export async function createApiKey(
  db: Db,
  customerId: string,
  key: { name: string; role: Role; orgUnitScope: string | null; expiresAt: string | null },
  secret: string,
  alongside: (apiKey: ApiKey) => TransactItem[] = () => [],
): Promise<ApiKey> {
  const apiKey: ApiKey = {
    id: `key_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
    ...key,
    createdAt: new Date().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  const hash = hashSecret(secret);
  await transactOrExplain(
    db,
    [
      {
        Put: {
          Item: { ...keys.apiKey(hash), type: "API_KEY", customerId, ...apiKey },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      { Put: { Item: { ...keys.apiKeyRef(customerId, apiKey.id), type: "API_KEY_REF", secretHash: hash, ...apiKey } } },
      ...alongside(apiKey),
    ],
    (index) => (index === 0 ? conflict("This API key secret is already in use.") : undefined),
  );
  return apiKey;
}

export type ApiKeyCheck =
  { customerId: string; actor: Actor; lastUsedAt: string | null } | "UNKNOWN" | "REVOKED" | "EXPIRED";

/** The customer and actor an API key belongs to, or why it is refused. One round trip. */
export async function authenticateApiKey(db: Db, secret: string, now: Date): Promise<ApiKeyCheck> {
  return checkApiKey(await db.get(keys.apiKey(hashSecret(secret))), now);
}

/** What the stored item of an API key (or its absence) says about the key. */
export function checkApiKey(item: Item | undefined, now: Date): ApiKeyCheck {
  if (item === undefined) return "UNKNOWN";
  const key = toApiKey(item);
  if (key.revokedAt !== null) return "REVOKED";
  if (key.expiresAt !== null && new Date(key.expiresAt) <= now) return "EXPIRED";
  return {
    customerId: String(item.customerId),
    actor: { kind: "API_KEY", id: key.id, name: key.name, role: key.role, orgUnitScope: key.orgUnitScope },
    lastUsedAt: key.lastUsedAt,
  };
}

/** Records when a key was last used. */
export async function touchApiKey(db: Db, secret: string, now: Date): Promise<void> {
  await db.update({
    Key: keys.apiKey(hashSecret(secret)),
    UpdateExpression: "SET lastUsedAt = :now",
    ConditionExpression: "attribute_exists(pk)",
    ExpressionAttributeValues: { ":now": now.toISOString() },
  });
}

/** The customer's API keys, newest id order; with `lastUsedAt` read from the keys themselves. */
export async function listApiKeys(db: Db, customerId: string): Promise<ApiKey[]> {
  const refs: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.query({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.apiKeyRef(customerId, "").pk },
      ...(start === undefined ? {} : { ExclusiveStartKey: start }),
    });
    refs.push(...page.items);
    start = page.lastKey;
  } while (start !== undefined);
  const live = new Map(
    (await db.batchGet(refs.map((ref) => keys.apiKey(String(ref.secretHash))))).map((item) => [String(item.id), item]),
  );
  return refs.map((ref) => toApiKey(live.get(String(ref.id)) ?? ref));
}

/** Revokes a key of `customerId` (effective on its next request); a key of another customer is NOT_FOUND. */
export async function revokeApiKey(
  db: Db,
  customerId: string,
  keyId: string,
  now: Date,
  alongside: (apiKey: ApiKey) => TransactItem[] = () => [],
): Promise<ApiKey> {
  // Ids that no key can have are not looked up (an empty or oversized sort key is a DynamoDB error).
  const ref = /^key_[a-z0-9]{1,64}$/.test(keyId) ? await db.get(keys.apiKeyRef(customerId, keyId)) : undefined;
  if (ref === undefined) throw notFound("id", `No API key with id "${keyId}".`);
  // Keys are created with revokedAt null, an existing attribute, so a first revocation sets the time outright.
  const revokedAt = (ref.revokedAt as string | null | undefined) ?? now.toISOString();
  const revoked = toApiKey({ ...ref, revokedAt });
  await transactOrExplain(
    db,
    [
      {
        Update: {
          Key: keys.apiKey(String(ref.secretHash)),
          UpdateExpression: "SET revokedAt = :now",
          ConditionExpression: "customerId = :customer",
          ExpressionAttributeValues: { ":now": revokedAt, ":customer": customerId },
        },
      },
      {
        Update: {
          Key: keys.apiKeyRef(customerId, keyId),
          UpdateExpression: "SET revokedAt = :now",
          ExpressionAttributeValues: { ":now": revokedAt },
        },
      },
      ...alongside(revoked),
    ],
    () => undefined,
  );
  return revoked;
}

function toApiKey(item: Item): ApiKey {
  return {
    id: String(item.id),
    name: String(item.name),
    role: item.role as Role,
    orgUnitScope: (item.orgUnitScope as string | null | undefined) ?? null,
    expiresAt: (item.expiresAt as string | null | undefined) ?? null,
    createdAt: String(item.createdAt),
    lastUsedAt: (item.lastUsedAt as string | null | undefined) ?? null,
    revokedAt: (item.revokedAt as string | null | undefined) ?? null,
  };
}

export interface AdminRole {
  email: string;
  role: Role;
  orgUnitScope: string | null;
  grantedAt: string;
}

/** Gives `email` a role in `customerId`; an address can hold a role in one customer only. */
export async function grantAdminRole(
  db: Db,
  customerId: string,
  assignment: Omit<AdminRole, "grantedAt">,
  alongside: (role: AdminRole) => TransactItem[] = () => [],
): Promise<AdminRole> {
  const role: AdminRole = { ...assignment, grantedAt: new Date().toISOString() };
  await transactOrExplain(
    db,
    [
      {
        Put: {
          Item: { ...keys.admin(role.email), type: "ADMIN_ROLE", customerId, ...role },
          ConditionExpression: "attribute_not_exists(pk) OR customerId = :customer",
          ExpressionAttributeValues: { ":customer": customerId },
        },
      },
      { Put: { Item: { ...keys.adminRef(customerId, role.email), type: "ADMIN_ROLE_REF", ...role } } },
      ...alongside(role),
    ],
    (index) =>
      index === 0
        ? conflict(`${role.email} is an administrator of another organization.`, { field: "email" })
        : undefined,
  );
  return role;
}

export async function revokeAdminRole(
  db: Db,
  customerId: string,
  email: string,
  alongside: TransactItem[] = [],
): Promise<void> {
  await transactOrExplain(
    db,
    [
      {
        Delete: {
          Key: keys.admin(email),
          ConditionExpression: "customerId = :customer",
          ExpressionAttributeValues: { ":customer": customerId },
        },
      },
      { Delete: { Key: keys.adminRef(customerId, email) } },
      ...alongside,
    ],
    (index) => (index === 0 ? notFound("email", `${email} holds no administrator role here.`) : undefined),
  );
}

export async function listAdminRoles(db: Db, customerId: string): Promise<AdminRole[]> {
  const { items } = await db.query({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": keys.adminRef(customerId, "").pk },
  });
  return items.map((item) => ({
    email: String(item.email),
    role: item.role as Role,
    orgUnitScope: (item.orgUnitScope as string | null | undefined) ?? null,
    grantedAt: String(item.grantedAt),
  }));
}

/**
 * The organization and role of a person signed in with OpenID Connect: their administrator role if they hold one,
 * else the organization owning their mail domain (as a user). One round trip.
 */
export async function lookUpPerson(
  db: Db,
  email: string,
): Promise<{ customerId: string; role: Role | null; orgUnitScope: string | null } | null> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const items = await db.batchGet([keys.admin(email), keys.domain(domain)]);
  const admin = items.find((item) => item.type === "ADMIN_ROLE");
  if (admin !== undefined)
    return {
      customerId: String(admin.customerId),
      role: admin.role as Role,
      orgUnitScope: (admin.orgUnitScope as string | null | undefined) ?? null,
    };
  const owner = items.find((item) => item.pk === keys.domain(domain).pk);
  return owner === undefined ? null : { customerId: String(owner.customerId), role: null, orgUnitScope: null };
}
