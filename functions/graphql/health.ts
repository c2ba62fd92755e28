/** GET /health: the function runs and the table answers (one cheap GetItem of a key that never exists). */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { log } from "../log";
import { currentRequest } from "../request-scope";
import { Db } from "../store/db";

const PROBE_KEY = { pk: "HEALTH", sk: "HEALTH" };

export async function checkHealth(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  const db = new Db(client, tableName);
  const started = Date.now();
  const record = currentRequest();
  if (record !== undefined) record.db = db;
  try {
    await db.get(PROBE_KEY);
    return health(200, { status: "ok", table: "reachable", tableLatencyMs: Date.now() - started });
  } catch (error) {
    log.error("health check failed", { requestId: record?.requestId, error: String(error) });
    record?.errorCodes.push("UNAVAILABLE");
    return health(503, {
      status: "unavailable",
      table: "unreachable",
      errors: [
        {
          message: "The database is not reachable.",
          extensions: { code: "UNAVAILABLE", retryable: true, requestId: record?.requestId },
        },
      ],
    });
  }
}

function health(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}
