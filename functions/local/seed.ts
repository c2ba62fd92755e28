/** The demo organization every local run starts with: customer `demo`, domain example.com, a root OU and an API key. */
import type { Config } from "../config";
import type { Customer } from "../domain/customer";
import { ensureCustomer, newApiKeySecret, putApiKey } from "../store/customers";
import { createDocumentClient, Db } from "../store/db";
import { OrgUnitStore } from "../store/org-units";

export const DEMO_CUSTOMER: Customer = { id: "demo", name: "Example Organization", domains: ["example.com"] };

/** Creates the demo customer if missing and registers an API key for it (`secret`, or a new one); returns the key. */
export async function seedCustomer(config: Config, customer: Customer, secret?: string): Promise<string> {
  const db = new Db(createDocumentClient(config), config.tableName);
  const orgUnits = new OrgUnitStore(db, customer.id, { leaseSeconds: config.treeLeaseSeconds, now: () => new Date() });
  await ensureCustomer(db, orgUnits, customer);
  const key = secret ?? newApiKeySecret(customer.id);
  await putApiKey(db, customer.id, "local administrator", key);
  return key;
}
