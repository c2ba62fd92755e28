/**
 * GraphQL over HTTP conformance: the graphql-http package's server audits against `npm start` (the Lambda handler
 * behind the local API Gateway emulation), with the demo key on every request. Every MUST and every SHOULD passes; the
 * MAY audits that do not are exactly the ones CSRF prevention refuses (REFUSED_MAY below, README.md says why). Then
 * the status a legacy application/json client gets for request errors, and the HTTP layer's own answers:
 * GraphQL-shaped errors with stable codes for what is not a GraphQL request, the request id, GET /health and
 * GET /health/ready.
 */
import { get } from "node:http";
import { serverAudits, type AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalServer, type RunningLocalServer } from "../support/local-server";

/** Audit id -> why it does not pass; README.md ("GraphQL over HTTP") lists the same. */
const REFUSED_MAY: Record<string, string> = {
  "5A70": "a GET query with no header that forces a CORS preflight: Apollo's CSRF prevention refuses it",
  D6D5: "the same, for a GET with URL-encoded variables, accepting application/graphql-response+json",
  "6A70": "the same, for a GET with URL-encoded variables, accepting application/json",
};

let server: RunningLocalServer;
const results: AuditResult[] = [];

beforeAll(async () => {
  server = await startLocalServer("graphql-over-http-key");
});

afterAll(async () => {
  await server?.stop();
});

const withKey = (headers?: ConstructorParameters<typeof Headers>[0]) => {
  const merged = new Headers(headers);
  merged.set("x-api-key", server.apiKey);
  return merged;
};

describe("graphql-http server audits", () => {
  it("passes every MUST and every SHOULD; CSRF prevention refuses the MAYs README.md names", async () => {
    const started = Date.now();
    const audits = serverAudits({
      url: `http://localhost:${server.port}/graphql`,
      // The audits know nothing of API keys: each request gets the demo key, and nothing else changes.
      fetchFn: (input: string | URL | Request, init?: RequestInit) =>
        fetch(input, { ...init, headers: withKey(init?.headers) }),
    });
    for (const audit of audits) results.push(await audit.fn());
    const duration = Date.now() - started;

    const count = (level: string, status: string) =>
      results.filter((r) => r.name.startsWith(level) && r.status === status).length;
    console.log(
      [
        `graphql-http ${audits.length} audits in ${duration} ms:`,
        ...["MUST", "SHOULD", "MAY"].map(
          (level) =>
            `  ${level}: ${count(level, "ok")} ok, ${results.filter((r) => r.name.startsWith(level) && r.status !== "ok").length} not ok`,
        ),
        ...results.map((r) => `  [${r.status}] ${r.id} ${r.name}${r.status === "ok" ? "" : ` -- ${r.reason}`}`),
      ].join("\n"),
    );

    const failing = (level: string) =>
      results.filter((r) => r.name.startsWith(level) && r.status !== "ok").map((r) => `${r.id} ${r.name}`);
    expect(failing("MUST")).toEqual([]);
    expect(count("MUST", "ok")).toBe(13);
    expect(failing("SHOULD")).toEqual([]);
    expect(count("SHOULD", "ok")).toBe(23);
    expect(results.filter((r) => r.name.startsWith("MAY") && r.status !== "ok").map((r) => r.id)).toEqual(
      Object.keys(REFUSED_MAY),
    );
  });
});

describe("request errors: 200 for a legacy application/json client, 400 for application/graphql-response+json", () => {
  const requestErrors = [
    { kind: "a document that does not parse", body: { query: "{ customer { id }" }, code: "GRAPHQL_PARSE_FAILED" },
    {
      kind: "a document that does not validate",
      body: { query: "{ noSuchField }" },
      code: "GRAPHQL_VALIDATION_FAILED",
    },
    {
      kind: "variables that do not coerce",
      body: { query: "query ($path: String!) { orgUnit(orgUnitPath: $path) { id } }", variables: { path: 42 } },
      code: "BAD_USER_INPUT",
    },
  ];

  async function send(body: unknown, accept: string | undefined) {
    const headers = withKey({ "content-type": "application/json", ...(accept === undefined ? {} : { accept }) });
    const response = await fetch(`${server.url}/graphql`, { method: "POST", headers, body: JSON.stringify(body) });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: (await response.json()) as any,
    };
  }

  for (const { kind, body, code } of requestErrors)
    it(`${kind}: ${code}`, async () => {
      for (const accept of [
        "application/json",
        undefined,
        "application/json, application/graphql-response+json;q=0.5",
      ]) {
        const legacy = await send(body, accept);
        expect({ accept, status: legacy.status }).toEqual({ accept, status: 200 });
        expect(legacy.type).toBe("application/json; charset=utf-8");
        expect(legacy.body).not.toHaveProperty("data");
        expect(legacy.body.errors[0].extensions).toMatchObject({ code, requestId: expect.any(String) });
      }
      const modern = await send(body, "application/graphql-response+json");
      expect(modern.status).toBe(400);
      expect(modern.type).toBe("application/graphql-response+json; charset=utf-8");
      expect(modern.body).not.toHaveProperty("data");
      expect(modern.body.errors[0].extensions.code).toBe(code);
    });

  it("other errors keep their status: an unknown operation name, a refused key, an error in a resolver", async () => {
    const unknownOperation = await send(
      { query: "query A { customer { id } }", operationName: "B" },
      "application/json",
    );
    expect(unknownOperation.status).toBe(400);
    expect(unknownOperation.body.errors[0].extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
    const resolverInput = await send({ query: '{ orgUnit(orgUnitPath: "no slash") { id } }' }, "application/json");
    expect(resolverInput.status).toBe(200);
    expect(resolverInput.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const noKey = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: "{ noSuchField }" }),
    });
    expect(noKey.status).toBe(401);
  });
});

describe("what is not a GraphQL request gets a GraphQL-shaped error with a stable code", () => {
  async function post(body: string, headers: Record<string, string>) {
    const response = await fetch(`${server.url}/graphql`, { method: "POST", headers: withKey(headers), body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as any };
  }

  function expectError(answer: { status: number; headers: Headers; body: any }, status: number, code: string): void {
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toMatch(/^application\/(json|graphql-response\+json)/);
    expect(answer.body).toEqual({
      errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code }) }],
    });
    expect(answer.body.errors[0].extensions.requestId).toBe(answer.headers.get("x-request-id"));
  }

  it("malformed JSON: 400 INVALID_JSON", async () => {
    expectError(
      await post('{"query": "{ customer { id } }"', { "content-type": "application/json" }),
      400,
      "INVALID_JSON",
    );
  });

  it("a wrong or missing content type: 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const query = JSON.stringify({ query: "{ customer { id } }" });
    expectError(await post(query, { "content-type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectError(
      await post(query, { "content-type": "application/x-www-form-urlencoded" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expectError(
      await post(query, { "content-type": "application/json; charset=latin1" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    // Any spelling of JSON in UTF-8 is fine.
    const fine = await post(query, { "content-type": "Application/JSON; Charset=UTF-8" });
    expect(fine.status).toBe(200);
    expect(fine.body.data.customer.id).toBe("demo");
  });

  it("an oversized body: 413 PAYLOAD_TOO_LARGE, below the platform's own 6 MB limit", async () => {
    const huge = JSON.stringify({ query: "{ customer { id } }", variables: { padding: "x".repeat(2 * 1024 * 1024) } });
    const answer = await post(huge, { "content-type": "application/json" });
    expectError(answer, 413, "PAYLOAD_TOO_LARGE");
    expect(answer.body.errors[0].extensions.maxBytes).toBe(1024 * 1024);
  });

  it("answers in application/graphql-response+json when the client prefers it", async () => {
    const answer = await post("{", {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
    });
    expectError(answer, 400, "INVALID_JSON");
    expect(answer.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
  });

  it("no API key: 401 UNAUTHENTICATED, with the request id", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ customer { id } }" }),
    });
    expectError(
      { status: response.status, headers: response.headers, body: await response.json() },
      401,
      "UNAUTHENTICATED",
    );
  });
});

describe("GET /health and /health/ready", () => {
  it("/health says the function runs, without an API key", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/health/ready says the table answers, to a caller with an API key only", async () => {
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(401);
    const response = await fetch(`${server.url}/health/ready`, { headers: { "x-api-key": server.apiKey } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", table: "reachable", tableLatencyMs: expect.any(Number) });
  });
});

describe("the demo key for the playground", () => {
  it("is handed to loopback clients that call the server by a loopback name, and to no one else", async () => {
    const local = await fetch(`${server.url}/_local/playground-headers`);
    expect(local.status).toBe(200);
    expect(local.headers.get("cache-control")).toBe("no-store");
    expect(await local.json()).toEqual({ "x-api-key": server.apiKey });
    // A page that reaches this server through DNS rebinding calls it by another name (fetch cannot set Host).
    const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) =>
      get(
        {
          host: "127.0.0.1",
          port: server.port,
          path: "/_local/playground-headers",
          headers: { host: "attacker.example" },
        },
        (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        },
      ).on("error", reject),
    );
    expect(rebound.status).toBe(404);
    expect(rebound.body).not.toContain(server.apiKey);
  });
});
