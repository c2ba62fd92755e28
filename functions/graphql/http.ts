/**
 * The HTTP layer in front of Apollo, inside the Lambda: routes the playground and the health checks, answers requests
 * Apollo's Lambda integration would answer in plain text (malformed JSON, wrong content type, oversized body) with
 * GraphQL-shaped errors, puts the request id on every response, and writes the one log line and publishes the metrics
 * of each request.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context as LambdaContext,
} from "aws-lambda";
import type { Config } from "../config";
import { log } from "../log";
import { publishRequestMetrics } from "../metrics";
import { runInRequestScope, type RequestRecord } from "../request-scope";
import type { Authenticator } from "./authenticate";
import { liveness, readiness } from "./health";
import { errorResult, GRAPHQL_RESPONSE_TYPE, JSON_TYPE, quality } from "./http-errors";
import { playgroundAsset, playgroundPage } from "./playground";

type HttpResult = APIGatewayProxyStructuredResultV2;
// The callback is never used (the handler is async); it is accepted so the type fits aws-lambda's Handler.
export type HttpApiHandler = (
  event: APIGatewayProxyEventV2,
  context: LambdaContext,
  callback?: () => void,
) => Promise<HttpResult>;
type ApolloHandler = (
  event: APIGatewayProxyEventV2,
  context: LambdaContext,
  callback: () => void,
) => Promise<APIGatewayProxyResultV2 | void> | void;

/**
 * The largest request body the API reads: far above any real GraphQL request, far below Lambda's 6 MB payload limit,
 * beyond which API Gateway answers by itself (not in GraphQL's shape).
 */
const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

function mediaTypeOf(contentType: string | undefined): { type: string; charset: string | undefined } | undefined {
  if (contentType === undefined || contentType.trim() === "") return undefined;
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  const charset = parameters.find((p) => p.toLowerCase().startsWith("charset="))?.slice("charset=".length);
  return { type: type.toLowerCase(), charset: charset?.replace(/^"|"$/g, "").toLowerCase() };
}

/** A browser asking for a page: text/html preferred to both JSON types (as Apollo decides for its landing page). */
function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const html = quality(accept, "text/html");
  return html > 0 && html > quality(accept, JSON_TYPE) && html > quality(accept, GRAPHQL_RESPONSE_TYPE);
}

/** Checks a POST body before Apollo's integration parses it; returns the error answer, or the event to pass on. */
function checkPost(event: APIGatewayProxyEventV2): HttpResult | APIGatewayProxyEventV2 {
  const accept = event.headers.accept;
  const body =
    event.body === undefined ? "" : event.isBase64Encoded ? Buffer.from(event.body, "base64").toString() : event.body;
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_REQUEST_BODY_BYTES)
    return errorResult(
      413,
      "PAYLOAD_TOO_LARGE",
      `The request body has ${bytes} bytes; at most ${MAX_REQUEST_BODY_BYTES} are accepted.`,
      accept,
      { maxBytes: MAX_REQUEST_BODY_BYTES },
    );
  const media = mediaTypeOf(event.headers["content-type"]);
  if (media?.type !== JSON_TYPE || (media.charset !== undefined && media.charset !== "utf-8"))
    return errorResult(
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      media === undefined
        ? 'Send the request as JSON, with "Content-Type: application/json".'
        : `Content-Type "${event.headers["content-type"]}" is not supported: send "application/json" (UTF-8).`,
      accept,
    );
  try {
    JSON.parse(body);
  } catch (error) {
    return errorResult(400, "INVALID_JSON", `The request body is not valid JSON: ${(error as Error).message}`, accept);
  }
  // Apollo's integration recognizes JSON by a case-sensitive prefix of the header; hand it the canonical spelling.
  return { ...event, body, isBase64Encoded: false, headers: { ...event.headers, "content-type": JSON_TYPE } };
}

function writeRequestLog(record: RequestRecord, result: HttpResult, durationMs: number): void {
  const status = result.statusCode ?? 200;
  log.info("request", {
    requestId: record.requestId,
    method: record.method,
    path: record.path,
    status,
    durationMs,
    customerId: record.customerId,
    actor: record.actor,
    operationName: record.operationName,
    operationType: record.operationType,
    operation: record.operation,
    roundTrips: record.db?.roundTrips,
    outcome: status < 400 && record.errorCodes.length === 0 ? "ok" : "error",
    ...(record.errorCodes.length === 0 ? {} : { errorCodes: record.errorCodes }),
  });
}

function normalize(result: APIGatewayProxyResultV2 | void): HttpResult {
  if (result === undefined || typeof result === "string") return { statusCode: 200, body: result ?? "" };
  return result;
}

/**
 * GraphQL over HTTP: a legacy `application/json` client gets 200 with the errors when the document does not parse or
 * validate or the variables do not coerce (graphql-js words every coercion error `Variable "$…`); Apollo answers 400,
 * which stays for `application/graphql-response+json`. Such a response never has a `data` key (nothing ran).
 */
function isRequestError(error: { message?: unknown; extensions?: { code?: unknown } }): boolean {
  const code = error.extensions?.code;
  return (
    code === "GRAPHQL_PARSE_FAILED" ||
    code === "GRAPHQL_VALIDATION_FAILED" ||
    (code === "BAD_USER_INPUT" && typeof error.message === "string" && error.message.startsWith('Variable "$'))
  );
}

function withLegacyJsonStatus(result: HttpResult): HttpResult {
  const contentType = Object.entries(result.headers ?? {}).find(([name]) => name.toLowerCase() === "content-type")?.[1];
  const media = typeof contentType === "string" ? mediaTypeOf(contentType) : undefined;
  if (result.statusCode !== 400 || result.isBase64Encoded || media?.type !== JSON_TYPE) return result;
  let body: unknown;
  try {
    body = JSON.parse(result.body ?? "");
  } catch {
    return result;
  }
  if (typeof body !== "object" || body === null || "data" in body) return result;
  const { errors } = body as { errors?: unknown };
  return Array.isArray(errors) && errors.length > 0 && errors.every(isRequestError)
    ? { ...result, statusCode: 200 }
    : result;
}

/** Wraps Apollo's Lambda handler with the HTTP layer; `authenticate` and `client` serve the readiness check. */
export function createHttpHandler(
  config: Pick<Config, "tableName" | "landingPage" | "playgroundDir" | "limits">,
  readinessCheck: { client: DynamoDBDocumentClient; authenticate: Authenticator },
  apollo: ApolloHandler,
): HttpApiHandler {
  const { client, authenticate } = readinessCheck;

  async function route(
    event: APIGatewayProxyEventV2,
    context: LambdaContext,
    record: RequestRecord,
  ): Promise<HttpResult> {
    const { method, path } = event.requestContext.http;
    const accept = event.headers.accept;
    // The routes answered here are named for the metrics; a GraphQL request is named by its root field (server.ts).
    const answer = (operation: string, result: HttpResult | Promise<HttpResult>) => {
      record.operation = operation;
      return result;
    };
    if (method === "GET" && path === "/health") return answer("health", liveness());
    if (method === "GET" && path === "/health/ready")
      return answer("readiness", readiness(event, authenticate, client, config.tableName));
    if (method === "GET" && (path === "/" || path === "/graphql") && prefersHtml(accept) && config.landingPage)
      return answer("playground", playgroundPage(config.playgroundDir));
    if (method === "GET" && path.startsWith("/playground/") && config.landingPage)
      return answer(
        "playground",
        playgroundAsset(config.playgroundDir, path.slice("/playground/".length), event.headers["accept-encoding"]),
      );
    if (path !== "/graphql") return errorResult(404, "NOT_FOUND", `Nothing at ${method} ${path}.`, accept);
    const checked = method === "POST" ? checkPost(event) : event;
    if (!("requestContext" in checked)) return checked;
    return withinResponseBudget(
      withLegacyJsonStatus(normalize(await apollo(checked, context, () => undefined))),
      accept,
    );
  }

  /** An answer larger than one request may get is replaced by the error saying so (never past Lambda's 6 MB). */
  function withinResponseBudget(result: HttpResult, accept: string | undefined): HttpResult {
    const limit = config.limits.maxResponseBytes;
    const bytes = Buffer.byteLength(result.body ?? "");
    if (bytes <= limit) return result;
    return errorResult(
      400,
      "BUDGET_EXCEEDED",
      `The answer would have ${bytes} bytes; at most ${limit} are sent. Ask for less (fewer fields, smaller pages) or split the request.`,
      accept,
      { budget: "responseBytes", limit },
    );
  }

  return async (event, context) => {
    // Every log line of the invocation names the Lambda invocation (function_request_id, which Lambda's own START, END
    // and REPORT lines carry) and says whether it is a cold start (cold_start: the first invocation of an on-demand
    // environment). Lambda runs one invocation at a time per environment; the local server may run several at once,
    // and then a line may name another of them.
    log.addContext(context);
    const record: RequestRecord = {
      requestId: event.requestContext.requestId,
      startedAt: Date.now(),
      method: event.requestContext.http.method,
      path: event.requestContext.http.path,
      errorCodes: [],
      metrics: [],
    };
    return runInRequestScope(record, async () => {
      const result = await route(event, context, record);
      result.headers = { ...result.headers, "x-request-id": record.requestId };
      const durationMs = Date.now() - record.startedAt;
      writeRequestLog(record, result, durationMs);
      publishRequestMetrics(record, durationMs);
      return result;
    });
  };
}
