/**
 * The HTTP layer in front of Apollo (functions/graphql/http.ts), through the Lambda handler in-process: one log line
 * per request, request ids in errors, the health check, and the playground's page and assets per configuration.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Config } from "../../functions/config";
import { createHandler } from "../../functions/graphql/lambda";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { testConfig, testCustomer } from "../support/api";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

async function call(
  config: Partial<Config>,
  method: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<APIGatewayProxyStructuredResultV2 & { headers: Record<string, string> }> {
  const handler = createHandler(testConfig(config));
  const requestId = crypto.randomUUID();
  const event = toHttpApiEvent({ method, url, headers, body: "" }, requestId);
  const result = (await handler(event, lambdaContext(requestId), () => undefined)) as APIGatewayProxyStructuredResultV2;
  return {
    ...result,
    headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
  };
}

/** The request log lines (JSON) written while `run` ran. */
async function requestLog(run: () => Promise<unknown>): Promise<Record<string, any>[]> {
  const spy = vi.spyOn(console, "log");
  try {
    await run();
    return spy.mock.calls
      .map(([line]) => String(line))
      .filter((line) => line.includes('"message":"request"'))
      .map((line) => JSON.parse(line) as Record<string, any>);
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("the request log: one JSON line per request", () => {
  let api: Awaited<ReturnType<typeof testCustomer>>;
  beforeAll(async () => {
    api = await testCustomer();
  });

  it("says who called, which operation ran, how long it took, its round trips and outcome; never the key", async () => {
    let response: Awaited<ReturnType<typeof api.request>> | undefined;
    const lines = await requestLog(async () => {
      response = await api.request(JSON.stringify({ query: 'query RootPath { orgUnit(path: "/") { path } }' }));
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: "info",
      time: expect.any(String),
      message: "request",
      requestId: response?.headers["x-request-id"],
      method: "POST",
      path: "/graphql",
      status: 200,
      durationMs: expect.any(Number),
      customerId: api.customer.id,
      actor: { kind: "API_KEY", id: expect.any(String) },
      operationName: "RootPath",
      operationType: "query",
      roundTrips: response?.roundTrips,
      outcome: "ok",
    });
    expect(JSON.stringify(lines)).not.toContain(api.apiKey);
  });

  it("records the error codes of a failed request, and of one that never reached a resolver", async () => {
    const invalid = await requestLog(() => api.gql("query Broken { noSuchField }"));
    expect(invalid).toMatchObject([
      // A legacy application/json client gets a validation failure with 200 (GraphQL over HTTP); still an error.
      { operationName: "Broken", status: 200, outcome: "error", errorCodes: ["GRAPHQL_VALIDATION_FAILED"] },
    ]);
    const anonymous = await requestLog(() => api.gql("{ customer { id } }", {}, { apiKey: "not-a-key" }));
    expect(anonymous).toMatchObject([{ status: 401, outcome: "error", errorCodes: ["UNAUTHENTICATED"] }]);
    expect(anonymous[0]?.customerId).toBeUndefined();
    expect(JSON.stringify(anonymous)).not.toContain("not-a-key");
  });

  it("puts the request id of the response header into every error", async () => {
    const response = await api.gql("{ orgUnit(path: 42) { id } }");
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      requestId: response.headers["x-request-id"],
    });
  });
});

describe("GET /health", () => {
  it("answers 200 while the table answers, in one round trip", async () => {
    const result = await call({}, "GET", "/health");
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "")).toMatchObject({ status: "ok", table: "reachable" });
  });

  it("answers 503 UNAVAILABLE when the table does not", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await call({ dynamoDbEndpoint: "http://127.0.0.1:9" }, "GET", "/health");
    expect(result.statusCode).toBe(503);
    expect(JSON.parse(result.body ?? "")).toMatchObject({
      status: "unavailable",
      errors: [{ extensions: { code: "UNAVAILABLE", requestId: result.headers["x-request-id"] } }],
    });
  });
});

describe("the playground", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "playground-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>playground</title>");
    writeFileSync(join(dir, "app-ABC123.js"), "console.log('app')");
    writeFileSync(join(dir, "app-ABC123.js.gz"), gzipSync("console.log('app')"));
  });

  it("serves the page to browsers at / and /graphql, locked to this origin", async () => {
    for (const url of ["/", "/graphql"]) {
      const page = await call({ playgroundDir: dir }, "GET", url, { accept: BROWSER_ACCEPT });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(page.body).toContain("<title>playground</title>");
    }
  });

  it("serves assets gzipped when the browser takes gzip, with long caching", async () => {
    const gzipped = await call({ playgroundDir: dir }, "GET", "/playground/app-ABC123.js", {
      "accept-encoding": "gzip, br",
    });
    expect(gzipped).toMatchObject({ statusCode: 200, isBase64Encoded: true });
    expect(gzipped.headers).toMatchObject({
      "content-encoding": "gzip",
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    });
    const plain = await call({ playgroundDir: dir }, "GET", "/playground/app-ABC123.js");
    expect(Buffer.from(plain.body ?? "", "base64").toString()).toBe("console.log('app')");
    for (const name of ["missing-1.js", "..%2Findex.html", "index.html"]) {
      const refused = await call({ playgroundDir: dir }, "GET", `/playground/${name}`);
      expect(refused.statusCode).toBe(404);
      expect(JSON.parse(refused.body ?? "").errors[0].extensions.code).toBe("NOT_FOUND");
    }
  });

  it("is off when the landing page is off: GraphQL answers instead", async () => {
    const root = await call({ playgroundDir: dir, landingPage: false }, "GET", "/", { accept: BROWSER_ACCEPT });
    expect(root.statusCode).toBe(404);
    const graphql = await call({ playgroundDir: dir, landingPage: false }, "GET", "/graphql", {
      accept: BROWSER_ACCEPT,
    });
    expect(graphql.headers["content-type"]).not.toContain("text/html");
    const asset = await call({ playgroundDir: dir, landingPage: false }, "GET", "/playground/app-ABC123.js");
    expect(asset.statusCode).toBe(404);
  });

  it("says how to build it when it is not built", async () => {
    const page = await call({ playgroundDir: join(dir, "nothing-here") }, "GET", "/", { accept: BROWSER_ACCEPT });
    expect(page.statusCode).toBe(503);
    expect(JSON.parse(page.body ?? "").errors[0]).toMatchObject({
      message: expect.stringContaining("npm run build:playground"),
      extensions: { code: "UNAVAILABLE" },
    });
  });

  it("is not what clients asking for JSON get", async () => {
    const json = await call({ playgroundDir: dir }, "GET", "/", { accept: "application/json" });
    expect(json.statusCode).toBe(404);
    expect(json.headers["content-type"]).toContain("application/json");
  });
});
