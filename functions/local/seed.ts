/** The demo organization every local run starts with: customer `demo`, domain example.com, a root OU and an API key. */
import type { Config } from "../config";
import type { Customer, Role } from "../domain/customer";
import { authenticateApiKey, createApiKey, ensureCustomer, newApiKeySecret } from "../store/customers";
import { createDocumentClient, Db } from "../store/db";
import { OrgUnitStore } from "../store/org-units";

export const DEMO_CUSTOMER: Customer = { id: "demo", name: "Example Organization", domains: ["example.com"] };

/**
 * Creates the customer if missing and makes sure `secret` (or a new secret) is an API key of it with `role`
 * (a super administrator's by default); returns the secret.
 */
export async function seedCustomer(
  config: Config,
  customer: Customer,
  secret?: string,
  key: { name?: string; role?: Role; orgUnitScope?: string | null; expiresAt?: string | null } = {},
  { claimDomains = true }: { claimDomains?: boolean } = {},
): Promise<string> {
  const db = new Db(createDocumentClient(config), config.tableName);
  const orgUnits = new OrgUnitStore(db, customer.id, { leaseSeconds: config.treeLeaseSeconds, now: () => new Date() });
  await ensureCustomer(db, orgUnits, customer, { claimDomains });
  const apiKey = secret ?? newApiKeySecret(customer.id);
  const existing = await authenticateApiKey(db, apiKey, new Date());
  if (typeof existing === "object" && existing.customerId === customer.id) return apiKey;
  await createApiKey(
    db,
    customer.id,
    {
      name: key.name ?? "local administrator",
      role: key.role ?? "SUPER_ADMIN",
      orgUnitScope: key.orgUnitScope ?? null,
      expiresAt: key.expiresAt ?? null,
    },
    apiKey,
  );
  return apiKey;
}
