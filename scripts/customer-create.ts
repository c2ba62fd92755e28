/**
 * Operator command: creates a customer with its root OU, claims its mail domains and prints its first super
 * administrator API key. Works against DynamoDB Local (DYNAMODB_ENDPOINT) and a deployed table (TABLE_NAME with
 * AWS credentials and AWS_REGION).
 *
 *   npm run customer:create -- --id acme --domain acme.com [--domain acme.org] [--name "Acme Inc."]
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../functions/config";
import { seedCustomer } from "../functions/local/seed";
import { createDocumentClient, Db } from "../functions/store/db";
import { CustomerStore } from "../functions/store/customers";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { id: { type: "string" }, domain: { type: "string", multiple: true }, name: { type: "string" } },
  });
  if (values.id === undefined || values.domain === undefined || values.domain.length === 0) {
    console.error(
      'Usage: npm run customer:create -- --id <customer id> --domain <mail domain> [--domain ...] [--name "..."]',
    );
    process.exit(2);
  }
  const config = loadConfig();
  const db = new Db(createDocumentClient(config), config.tableName);
  if ((await new CustomerStore(db, () => new Date()).get(values.id)) !== null) {
    console.error(`Customer "${values.id}" already exists; nothing was changed.`);
    process.exit(1);
  }
  const secret = await seedCustomer(
    config,
    { id: values.id, name: values.name ?? values.id, domains: values.domain },
    undefined,
    { name: "first super administrator", role: "SUPER_ADMIN" },
  );
  console.log(`Created customer "${values.id}" (${values.domain.join(", ")}) in table ${config.tableName}.`);
  console.log(`Super administrator API key (shown once, stored only as a hash):\n${secret}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
