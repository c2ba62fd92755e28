/**
 * The HTTP layer in front of Apollo (functions/graphql/http.ts), through the Lambda handler in-process: request ids
 * in errors, the health checks, and the playground's page and assets per configuration. The request log and the
 * metrics: logs-and-metrics.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Config } from "../../functions/config";
import { createHandler } from "../../functions/graphql/lambda";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { testConfig, testCustomer } from "../support/api";
import { watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
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
    const response = await api.gql("{ orgUnit(orgUnitPath: 42) { id } }");
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      requestId: response.headers["x-request-id"],
    });
  });
});

describe("GET /health: liveness, free to anyone", () => {
  let watch: DynamoDbWatch;
  beforeEach(() => {
    watch = watchDynamoDb();
  });
  afterEach(() => watch.stop());

  it("answers 200 without an API key and without a DynamoDB call", async () => {
    const result = await call({}, "GET", "/health");
    expect(result.statusCode).toBe(200);
    expect(result.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(result.body ?? "")).toEqual({ status: "ok" });
    expect(watch.names()).toEqual([]);
  });

  it("answers 200 even when the table does not", async () => {
    const result = await call({ dynamoDbEndpoint: "http://127.0.0.1:9" }, "GET", "/health");
    expect(result.statusCode).toBe(200);
  });
});

describe("GET /health/ready: the table answers too, for authenticated callers only", () => {
  let api: Awaited<ReturnType<typeof testCustomer>>;
  let watch: DynamoDbWatch;
  beforeAll(async () => {
    api = await testCustomer();
  });
  beforeEach(() => {
    watch = watchDynamoDb();
  });
  afterEach(() => watch.stop());

  it("refuses a caller without credentials with 401, without a DynamoDB call", async () => {
    const result = await call({}, "GET", "/health/ready");
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body ?? "")).toMatchObject({
      errors: [{ extensions: { code: "UNAUTHENTICATED", requestId: result.headers["x-request-id"] } }],
    });
    expect(watch.names()).toEqual([]);
  });

  it("refuses a key that is not valid with 401", async () => {
    const result = await call({}, "GET", "/health/ready", { "x-api-key": `mak_${api.customer.id}_${"x".repeat(32)}` });
    expect(result.statusCode).toBe(401);
  });

  it("answers 200 to a valid API key, reading the table once: the read that checks the key", async () => {
    const result = await call({}, "GET", "/health/ready", { "x-api-key": api.apiKey });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? "")).toEqual({
      status: "ok",
      table: "reachable",
      tableLatencyMs: expect.any(Number),
    });
    // Beside it, the key's first use may be recorded (lastUsedAt, an UpdateItem), as for any request.
    expect(watch.names().filter((name) => name !== "UpdateCommand")).toEqual(["GetCommand"]);
  });

  it("answers 503 UNAVAILABLE when the table does not, and logs why with the request id", async () => {
    const output = captureOutput();
    const result = await call({ dynamoDbEndpoint: "http://127.0.0.1:9" }, "GET", "/health/ready", {
      "x-api-key": api.apiKey,
    });
    output.restore();
    expect(result.statusCode).toBe(503);
    const requestId = result.headers["x-request-id"];
    expect(JSON.parse(result.body ?? "")).toMatchObject({
      status: "unavailable",
      table: "unreachable",
      errors: [{ extensions: { code: "UNAVAILABLE", requestId } }],
    });
    expect(output.json()).toContainEqual(
      expect.objectContaining({ level: "ERROR", message: "readiness check failed", requestId }),
    );
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
