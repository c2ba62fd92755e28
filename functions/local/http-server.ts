/**
 * A plain Node HTTP server that turns each request into an API Gateway HTTP API (payload v2) event and hands it
 * to the deployed Lambda handler, so local runs and end-to-end tests exercise exactly what Lambda runs.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context as LambdaContext, Handler } from "aws-lambda";
import { matchesRoute } from "../graphql/routes";

export type HttpApiHandler = Handler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;

/** Lambda's synchronous invocation payload limit; API Gateway refuses larger bodies before they reach the function. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/**
 * The one route the local server answers itself: the playground's starting headers (the demo API key). The Lambda never
 * knows a key, so deployed stages cannot hand one out; here only loopback clients that call us by a loopback name get it
 * (a page elsewhere on the network, or one reaching us through DNS rebinding, gets a 404 like any unknown path).
 */
const PLAYGROUND_HEADERS_PATH = "/_local/playground-headers";

export interface LocalServerOptions {
  /** The headers the playground starts with, e.g. { "x-api-key": <the demo key> }; undefined: none yet. */
  playgroundHeaders?: () => Record<string, string> | undefined;
}

const LOOPBACK_ADDRESS = /^(127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/;
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

function fromLoopback(request: IncomingMessage): boolean {
  return LOOPBACK_ADDRESS.test(request.socket.remoteAddress ?? "") && LOOPBACK_HOST.test(request.headers.host ?? "");
}

/** What an HTTP request carries that API Gateway puts into the event. */
export interface HttpRequestParts {
  method: string;
  /** Path and query string, e.g. "/graphql?query=..." */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  sourceIp?: string;
  protocol?: string;
}

/** The event API Gateway HTTP API (payload format 2.0) sends to Lambda for `request`. */
export function toHttpApiEvent(request: HttpRequestParts, requestId: string): APIGatewayProxyEventV2 {
  const url = new URL(request.url, "http://localhost");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined && name.toLowerCase() !== "cookie")
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  const cookie = request.headers.cookie;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = new Date();
  const routeKey = `${request.method} ${url.pathname}`;
  const host = headers.host ?? "localhost";
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(typeof cookie === "string" ? { cookies: cookie.split("; ") } : {}),
    ...(url.searchParams.size === 0 ? {} : { queryStringParameters: query }),
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: host,
      domainPrefix: host.split(".")[0] ?? host,
      http: {
        method: request.method,
        path: url.pathname,
        protocol: request.protocol ?? "HTTP/1.1",
        sourceIp: request.sourceIp ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey,
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body.length === 0 ? {} : { body: request.body }),
    isBase64Encoded: false,
  };
}

/** A Lambda context for one local invocation. */
export function lambdaContext(requestId: string): LambdaContext {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: "mail-access-api-local",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:local:000000000000:function:mail-access-api-local",
    memoryLimitInMB: "1024",
    awsRequestId: requestId,
    logGroupName: "local",
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Routes what API Gateway would route (functions/graphql/routes.ts) to `handler`; anything else gets a JSON 404 or 413. */
export function createHttpServer(handler: () => HttpApiHandler | undefined, options: LocalServerOptions = {}): Server {
  return createServer((request, response) => {
    // A client that drops its connection mid-body must not take the server down.
    serve(handler, request, response, options).catch(() => {
      if (response.headersSent) response.destroy();
      else sendJson(response, 400, { message: "The request could not be read." });
    });
  });
}

async function serve(
  handler: () => HttpApiHandler | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  options: LocalServerOptions,
): Promise<void> {
  const requestId = randomUUID();
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const playgroundHeaders = options.playgroundHeaders?.();
  if (request.method === "GET" && path === PLAYGROUND_HEADERS_PATH && playgroundHeaders && fromLoopback(request)) {
    response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify(playgroundHeaders));
    return;
  }
  if (!matchesRoute(request.method ?? "", path))
    return sendJson(response, 404, { message: "Not Found: the API answers GET and POST /graphql." });
  const lambda = handler();
  if (lambda === undefined) return sendJson(response, 503, { message: "Starting up; retry in a moment." });
  const body = await readBody(request);
  if (body === undefined)
    return sendJson(response, 413, { message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` });
  let result: APIGatewayProxyResultV2 | void;
  try {
    const event = toHttpApiEvent(
      {
        method: request.method ?? "GET",
        url: request.url ?? "/",
        headers: request.headers,
        body: body.toString("utf8"),
        sourceIp: request.socket.remoteAddress ?? "127.0.0.1",
        protocol: `HTTP/${request.httpVersion}`,
      },
      requestId,
    );
    result = await lambda(event, lambdaContext(requestId), () => undefined);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "handler failed", requestId, error: String(error) }));
    return sendJson(response, 500, {
      errors: [{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
    });
  }
  if (result === undefined || typeof result === "string") {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(result ?? "");
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies !== undefined) headers["set-cookie"] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.body === undefined ? "" : Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8"));
}
