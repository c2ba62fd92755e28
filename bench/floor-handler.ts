/**
 * The floor's cold start: a Lambda handler that makes the same DynamoDB reads as an access decision (bench/floor.ts: the
 * user with the API key, then the OU chain with the user's configuration groups) with the same client
 * (functions/store/db.ts), and nothing else: no GraphQL, no Apollo. Bundled like the handler, it
 * shows what the AWS SDK alone costs a cold start, and so how much of the handler's is the SDK's.
 */
import { loadConfig } from "../functions/config";
import { createDocumentClient } from "../functions/store/db";
import { Floor } from "./floor";

/** BENCH_CUSTOMER.id of bench/seed.ts (not imported: that would bundle the stores). */
const CUSTOMER_ID = "bench";
const config = loadConfig();
const client = createDocumentClient(config);

export async function handler(event: { headers: Record<string, string | undefined>; body?: string }) {
  const { variables } = JSON.parse(event.body ?? "{}") as { variables: { email: string } };
  const floor = new Floor(client, config.tableName, CUSTOMER_ID, event.headers["x-api-key"] ?? "");
  const items = await floor.decision(variables.email);
  return { statusCode: 200, headers: {}, body: JSON.stringify({ data: { items } }) };
}
