/**
 * The HTTP layer in front of Apollo (functions/graphql/http.ts), through the Lambda handler in-process: request ids
 * in errors, the health check, and the playground's page and assets per configuration. The request log and the
 * metrics: logs-and-metrics.test.ts.
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
import { captureOutput } from "../support/output";

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

afterEach(() => vi.restoreAllMocks());

describe("the request id", () => {
  it("is in the response header and in every error", async () => {
    const api = await testCustomer();
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
    captureOutput(); // the "health check failed" log line, kept out of the test's output (restored after each test)
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
