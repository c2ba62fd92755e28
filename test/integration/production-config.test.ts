/**
 * The production configuration (issue 5): introspection off, no field suggestions, no stack traces or internal
 * messages, query limits (depth, aliases, cost, tokens, directives) enforced, batched requests and cross-site GET
 * requests refused, no playground. The same requests against a non-production handler show what production hides.
 */
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Config } from "../../functions/config";
import { createHandler } from "../../functions/graphql/lambda";
import { testConfig } from "../support/api";
import { captureOutput } from "../support/output";
import {
  callHandler,
  codesOf,
  graphqlClient,
  seedOwnCustomer,
  type Credentials,
  type GraphQLResponse,
  type Handler,
} from "../support/security";

const INTROSPECTION = `query IntrospectionQuery { __schema { queryType { name } types { name fields { name } } } }`;

let production: Config;
let handler: Handler;
let gql: ReturnType<typeof graphqlClient>["gql"];
let development: ReturnType<typeof graphqlClient>["gql"];
let key: Credentials;
let ownId: string;

beforeAll(async () => {
  production = {
    ...testConfig(),
    stage: "production",
    introspection: false,
    landingPage: false,
    includeStackTraces: false,
  };
  handler = createHandler(production);
  gql = graphqlClient(handler).gql;
  development = graphqlClient(
    createHandler(testConfig({ stage: "dev", introspection: true, includeStackTraces: true })),
  ).gql;
  const own = await seedOwnCustomer(production, "p");
  key = { apiKey: own.superKey };
  ownId = own.id;
});

afterEach(() => vi.restoreAllMocks());

/** Refused with `code` and no data; a legacy application/json client (these requests) gets its GraphQL errors with 200. */
function refusedAs(response: GraphQLResponse, code: string, status: number) {
  expect(codesOf(response), JSON.stringify(response.errors)).toEqual([code]);
  expect(response.status).toBe(status);
  expect(response.data ?? null).toBeNull();
}

describe("introspection and field suggestions", () => {
  it("refuses introspection queries (they work outside production)", async () => {
    for (const query of [INTROSPECTION, `{ __type(name: "Query") { fields { name } } }`]) {
      refusedAs(await gql(query, {}, key), "GRAPHQL_VALIDATION_FAILED", 200);
      expect((await development(query, {}, key)).errors).toBeUndefined();
    }
  });

  it("gives no 'Did you mean' for a typo'd field, argument, type or enum value", async () => {
    const typos = [
      `{ viewr { id } }`,
      `{ viewer { rol } }`,
      `{ orgUnit(pth: "/") { id } }`,
      `query ($x: OrgUnitt) { viewer { id } }`,
      `mutation { updateMailAccessPolicy(input: { orgUnitPatth: "/", popAccess: OFF }) { changed } }`,
      `mutation { updateMailAccessPolicy(input: { orgUnitPath: "/", popAccess: OF }) { changed } }`,
    ];
    for (const query of typos) {
      const response = await gql(query, {}, key);
      expect(response.status, query).toBeLessThan(500);
      expect(new Set(codesOf(response)), query).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
      expect(JSON.stringify(response.errors), query).not.toMatch(/did you mean/i);
    }
    const variable = `mutation ($v: ToggleChange) { updateMailAccessPolicy(input: { orgUnitPath: "/", popAccess: $v }) { changed } }`;
    const response = await gql(variable, { v: "OF" }, key);
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response.errors)).not.toMatch(/did you mean/i);
    // The same typo outside production gets a suggestion, so the test above is not vacuous.
    expect(JSON.stringify((await development(`{ viewr { id } }`, {}, key)).errors)).toMatch(/did you mean/i);
  });

  it("a caller with an invalid key cannot probe the schema: an unknown field gets the same 401 as a known one", async () => {
    const forged = { apiKey: `mak_${ownId}_${"z".repeat(32)}` };
    for (const credentials of [forged, { apiKey: "not-a-key" }, null])
      for (const query of [`{ viewer { id } }`, `{ apiKeys { nodes { secret } } }`, `{ adminUsers { email } }`])
        refusedAs(await gql(query, {}, credentials), "UNAUTHENTICATED", 401);
  });
});

describe("errors reveal no internals", () => {
  it("an unexpected error is masked: no stack trace, no internal message, only the request id", async () => {
    const send = DynamoDBDocumentClient.prototype.send;
    vi.spyOn(DynamoDBDocumentClient.prototype, "send").mockImplementation(function (
      this: DynamoDBDocumentClient,
      command: unknown,
    ) {
      if (command instanceof QueryCommand)
        return Promise.reject(new TypeError("boom in /var/task/functions/store/customers.ts (internal detail)"));
      return (send as (command: unknown) => Promise<unknown>).call(this, command);
    } as typeof send);
    captureOutput(); // the "unexpected error" log line, kept out of the test's output (restored after each test)
    const response = await gql(`{ apiKeys { nodes { id } } }`, {}, key);
    expect(response.errors).toEqual([
      {
        message: "Internal server error.",
        path: ["apiKeys"],
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: expect.any(String) },
      },
    ]);
    const body = JSON.stringify(response);
    for (const internal of ["boom", "/var/task", "TypeError", "stacktrace", "    at "])
      expect(body).not.toContain(internal);
  });

  it("refusals and input errors carry no stack trace either", async () => {
    const responses = [
      await gql(`{ viewer { id } }`, {}, null),
      await gql(`{ orgUnit(orgUnitPath: "no slash") { id } }`, {}, key),
      await gql(
        `mutation { updateMailAccessPolicy(input: { orgUnitPath: "/Nowhere", popAccess: OFF }) { changed } }`,
        {},
        key,
      ),
      await gql(`mutation { deleteOrgUnit(input: { orgUnitPath: "/" }) { path } }`, {}, key),
    ];
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\s{4}at /);
    }
  });

  it("a syntax error is the client's: GRAPHQL_PARSE_FAILED, 400 to a graphql-response+json client, never a 5xx", async () => {
    for (const query of [`{ viewer { id }`, ` `, `query {`]) {
      const response = await gql(query, {}, key, { accept: "application/graphql-response+json" });
      expect(response.status, query).toBe(400);
      expect(codesOf(response), query).toEqual(["GRAPHQL_PARSE_FAILED"]);
      refusedAs(await gql(query, {}, key), "GRAPHQL_PARSE_FAILED", 200);
    }
  });
});

describe("query limits", () => {
  const nested = (field: string, depth: number) =>
    `{ orgUnit(orgUnitPath: "/") { ${`${field} { `.repeat(depth)}id${" }".repeat(depth)} } }`;

  it("depth: at the limit is answered, one level deeper is refused", async () => {
    // orgUnit is level 1 and id the last level: `depth` levels of parent in between.
    const atLimit = nested("parent", production.limits.maxDepth - 2);
    expect((await gql(atLimit, {}, key)).errors).toBeUndefined();
    const response = await gql(nested("parent", production.limits.maxDepth + 1), {}, key);
    refusedAs(response, "GRAPHQL_VALIDATION_FAILED", 200);
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("aliases: at the limit is answered, one more is refused", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { id }`).join(" ")} }`;
    expect((await gql(aliases(production.limits.maxAliases), {}, key)).errors).toBeUndefined();
    const response = await gql(aliases(production.limits.maxAliases + 1), {}, key);
    refusedAs(response, "GRAPHQL_VALIDATION_FAILED", 200);
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("cost: a query asking for too many objects is refused before it runs", async () => {
    const query = `{ orgUnit(orgUnitPath: "/") { children(first: 100) { nodes { children(first: 100) { nodes {
      children(first: 100) { nodes { id name path } } } } } } } }`;
    const response = await gql(query, {}, key);
    refusedAs(response, "COST_LIMIT_EXCEEDED", 400);
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it("directives: more than the limit are refused", async () => {
    const query = `{ viewer { ${Array.from({ length: production.limits.maxDirectives + 1 }, (_, i) => `f${i}: id @skip(if: false)`).join(" ")} } }`;
    const response = await gql(query, {}, key);
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(new Set(codesOf(response))).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
    expect(JSON.stringify(response.errors)).toMatch(/directive/i);
  });

  it("tokens: a document with more tokens than the limit is refused as the client's error (4xx)", async () => {
    const query = `{ ${"viewer { id } ".repeat(Math.ceil(production.limits.maxTokens / 4) + 1)}}`;
    const response = await gql(query, {}, key, { accept: "application/graphql-response+json" });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/token/i);
  });
});

describe("HTTP hardening", () => {
  it("refuses a batched request (a JSON array body)", async () => {
    const result = await callHandler(handler, {
      headers: { "content-type": "application/json", "x-api-key": (key as { apiKey: string }).apiKey },
      body: JSON.stringify([{ query: "{ viewer { id } }" }, { query: "{ customer { id } }" }]),
    });
    expect(result.status).toBe(400);
    const body = JSON.parse(result.body);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });

  it("CSRF prevention: a GET query without a JSON content type or a preflight header is refused", async () => {
    const apiKey = (key as { apiKey: string }).apiKey;
    const url = `/graphql?query=${encodeURIComponent("{ viewer { id } }")}`;
    const simple = await callHandler(handler, { method: "GET", url, headers: { "x-api-key": apiKey } });
    expect(simple.status).toBe(400);
    expect(JSON.parse(simple.body).errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    expect(simple.body).not.toContain('"viewer"');

    const preflighted = await callHandler(handler, {
      method: "GET",
      url,
      headers: { "x-api-key": apiKey, "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
    expect(JSON.parse(preflighted.body).data.viewer.id).toEqual(expect.any(String));
  });

  it("a POST that a browser form could send (not JSON) is refused", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const result = await callHandler(handler, {
        headers: { "content-type": contentType, "x-api-key": (key as { apiKey: string }).apiKey },
        body: JSON.stringify({ query: "{ viewer { id } }" }),
      });
      expect(result.status, contentType).toBe(415);
      expect(result.body).not.toContain('"viewer"');
    }
  });

  it("serves no playground or landing page", async () => {
    for (const url of ["/", "/graphql", "/playground/index.js"]) {
      const result = await callHandler(handler, { method: "GET", url, headers: { accept: "text/html" } });
      expect(result.status, url).toBeGreaterThanOrEqual(400);
      expect(result.status, url).toBeLessThan(500);
      expect(result.headers["content-type"] ?? "", url).not.toContain("text/html");
    }
  });
});
