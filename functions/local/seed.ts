/**
 * The demo organization every local run starts with (customer `demo`, domain example.com, a root OU and an API key),
 * and the operator's way to create a customer. Operator tooling writes directly, not through the API: it has no
 * caller, so the audit log starts with the first change made through the API.
 */
import type { Config } from "../config";
import type { Customer, Role } from "../domain/customer";
import { apiKeyItemKey, ApiKeyStore, checkApiKey, newApiKeySecret } from "../store/api-keys";
import { CustomerStore } from "../store/customers";
import { createDocumentClient, Db } from "../store/db";
import { transact } from "../store/transaction";

export const DEMO_CUSTOMER: Customer = { id: "demo", name: "Example Organization", domains: ["example.com"] };

/**
 * Creates the customer if missing and makes sure `secret` (or a new secret) is an API key of it with `role`
 * (a super administrator's by default); returns the secret.
 */
export async function seedCustomer(
  config: Config,
  customer: Customer,
  secret?: string,
  key: {
    name?: string;
    role?: Role;
    orgUnitScope?: { id: string; path: string } | null;
    expiresAt?: string | null;
  } = {},
  { claimDomains = true }: { claimDomains?: boolean } = {},
): Promise<string> {
  const db = new Db(createDocumentClient(config), config.tableName);
  const now = () => new Date();
  await new CustomerStore(db, now).ensure(customer, { claimDomains });
  const apiKey = secret ?? newApiKeySecret(customer.id);
  const existing = checkApiKey(await db.get(apiKeyItemKey(apiKey)), now());
  if (typeof existing === "object" && existing.customerId === customer.id) return apiKey;
  const { change } = new ApiKeyStore(db, customer.id, now).create(
    {
      name: key.name ?? "local administrator",
      role: key.role ?? "SUPER_ADMIN",
      orgUnitScope: key.orgUnitScope ?? null,
      expiresAt: key.expiresAt ?? null,
    },
    apiKey,
  );
  await transact(db, change.writes);
  return apiKey;
}
