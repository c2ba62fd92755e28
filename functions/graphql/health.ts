/**
 * GET /health and GET /health/ready. Liveness costs nothing: the function answers by itself, to anyone (uptime probes,
 * load balancers), without a DynamoDB call. Readiness also reads the table, so only an authenticated caller gets it
 * (otherwise anyone could make the API read as often as they like): the read that checks the caller's credentials is
 * the check, one round trip for an API key.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { GraphQLError } from "graphql";
import { log } from "../log";
import { currentRequest } from "../request-scope";
import { Db } from "../store/db";
import type { Authenticator } from "./authenticate";
import { errorResult } from "./http-errors";

type HttpResult = APIGatewayProxyStructuredResultV2;

export function liveness(): HttpResult {
  return health(200, { status: "ok" });
}

/** The refusal of the caller's credentials, as the authenticator words it, if that is what `error` is. */
function refusalIn(error: unknown): { status: 401 | 403; code: "UNAUTHENTICATED" | "FORBIDDEN" } | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const code = error.extensions.code;
  if (code === "UNAUTHENTICATED") return { status: 401, code };
  if (code === "FORBIDDEN") return { status: 403, code };
  return undefined;
}

/** Answers whether the table answers, to a caller `authenticate` accepts. */
export async function readiness(
  event: APIGatewayProxyEventV2,
  authenticate: Authenticator,
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<HttpResult> {
  const db = new Db(client, tableName);
  const record = currentRequest();
  if (record !== undefined) record.db = db;
  const started = Date.now();
  try {
    // As for any request, an API key's use is recorded beside it, on a handle of its own.
    const session = await authenticate(event, db, new Db(client, tableName));
    const caller = await session.caller();
    if (record !== undefined) {
      record.customerId = session.customerId;
      record.actor = { kind: caller.kind, id: caller.id };
    }
    return health(200, { status: "ok", table: "reachable", tableLatencyMs: Date.now() - started });
  } catch (error) {
    const refusal = refusalIn(error);
    if (refusal !== undefined)
      return errorResult(refusal.status, refusal.code, (error as Error).message, event.headers.accept);
    log.error("readiness check failed", { requestId: record?.requestId, error: String(error) });
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

function health(status: number, body: unknown): HttpResult {
  return {
    statusCode: status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}
