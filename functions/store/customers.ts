/** Customers and their API keys: written by operator tooling (and the local demo seed), read by authentication. */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Actor, Customer } from "../domain/customer";
import type { Db } from "./db";
import { assertCustomerId, keys } from "./keys";
import type { OrgUnitStore } from "./org-units";

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

/** Creates the customer with its root OU; a customer that already exists is left as it is. Returns true if created. */
export async function ensureCustomer(db: Db, orgUnits: OrgUnitStore, customer: Customer): Promise<boolean> {
  assertCustomerId(customer.id);
  if ((await getCustomer(db, customer.id)) !== null) return false;
  await orgUnits.createRoot(customer.name, [
    {
      Put: {
        Item: {
          ...keys.customer(customer.id),
          name: customer.name,
          domains: customer.domains.map((d) => d.toLowerCase()),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
  ]);
  return true;
}

/** Stores an API key (only the hash of its secret) for `customerId`; an existing key with the same secret is replaced. */
export async function putApiKey(db: Db, customerId: string, name: string, secret: string): Promise<Actor> {
  const actor: Actor = { kind: "API_KEY", id: `key_${randomUUID().slice(0, 8)}`, name };
  await db.transact([
    {
      Put: {
        Item: {
          ...keys.apiKey(hashSecret(secret)),
          customerId,
          keyId: actor.id,
          name,
          createdAt: new Date().toISOString(),
        },
      },
    },
  ]);
  return actor;
}

/** The customer and actor an API key secret belongs to, or null. One round trip. */
export async function authenticateApiKey(db: Db, secret: string): Promise<{ customerId: string; actor: Actor } | null> {
  const item = await db.get(keys.apiKey(hashSecret(secret)));
  if (item === undefined) return null;
  return {
    customerId: String(item.customerId),
    actor: { kind: "API_KEY", id: String(item.keyId), name: String(item.name) },
  };
}
