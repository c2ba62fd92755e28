/**
 * What an operator reads (issue 16): the one request log line per request and the metrics each request publishes as
 * CloudWatch EMF lines (Powertools, functions/log.ts and functions/metrics.ts), through the deployed handler
 * in-process with its stdout and stderr captured: an accepted request, refused ones, failing ones (a bad input, an
 * unexpected error), and the counts services and the unit of work add (decisions, policy changes, idempotent
 * replays, conflicts, retries). No line may hold a secret.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IOS_MAIL_CLIENT_ID } from "../../functions/domain/mail-access";
import { testCustomer, type GraphQLResponse } from "../support/api";
import { watchDynamoDb } from "../support/dynamodb-watch";
import { captureOutput, type CapturedOutput } from "../support/output";

vi.hoisted(() => {
  // As in Lambda, where this tells Powertools that the environment started on demand: its first invocation is a cold
  // start. Read when the logger is created, on import.
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE = "on-demand";
});

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`;
const DECIDE = `query Decide($input: MailAccessDecisionInput!) { mailAccessDecision(input: $input) { reason } }`;
const DECIDE_MANY = `query ($inputs: [MailAccessDecisionInput!]!) { mailAccessDecisions(inputs: $inputs) { reason } }`;
const POLICY = `mutation Policy($input: UpdateMailAccessPolicyInput!) {
  updateMailAccessPolicy(input: $input) { changed orgUnit { version } } }`;
const USER_SETTINGS = `mutation ($input: UpdateUserMailSettingsInput!) {
  updateUserMailSettings(input: $input) { user { version } } }`;

const USER = "metered@example.com";
const IOS_MAIL = { authMethod: "OAUTH", oauthClientId: IOS_MAIL_CLIENT_ID };
const BEARER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6Im1lQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLW5vdC1zaG93bg";

let api: Awaited<ReturnType<typeof testCustomer>>;
let output: CapturedOutput;

beforeAll(async () => {
  output = captureOutput();
  api = await testCustomer();
  // The first request the handler answers in this process: the cold start.
  await api.ok(CREATE_USER, { input: { email: USER, orgUnitPath: "/", name: "Metered" } });
});

afterAll(() => {
  output.restore();
  delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
});

/** One EMF line, as CloudWatch reads it. */
interface MetricLine {
  namespace: string;
  /** The dimension sets the metrics are published under. */
  dimensionSets: string[][];
  dimensions: Record<string, string>;
  values: Record<string, number>;
  units: Record<string, string>;
}

function metricLine(line: Record<string, any>): MetricLine {
  const [directive] = line._aws.CloudWatchMetrics as {
    Namespace: string;
    Dimensions: string[][];
    Metrics: { Name: string; Unit: string }[];
  }[];
  if (directive === undefined) throw new Error(`Not an EMF line: ${JSON.stringify(line)}`);
  const dimensionNames = [...new Set(directive.Dimensions.flat())];
  return {
    namespace: directive.Namespace,
    dimensionSets: directive.Dimensions,
    dimensions: Object.fromEntries(dimensionNames.map((name) => [name, line[name]])),
    values: Object.fromEntries(directive.Metrics.map(({ Name }) => [Name, line[Name]])),
    units: Object.fromEntries(directive.Metrics.map(({ Name, Unit }) => [Name, Unit])),
  };
}

/**
 * An expected EMF line: the API's namespace, `service`, each other dimension as a dimension set of its own, and the
 * values, all counts but the duration.
 */
function metric(dimensions: Record<string, string>, values: Record<string, unknown>): MetricLine {
  const own = Object.keys(dimensions);
  return {
    namespace: "MailAccessApi",
    dimensionSets: own.length === 0 ? [["service"]] : own.map((name) => ["service", name]),
    dimensions: { service: "mail-access-api", ...dimensions },
    values: values as Record<string, number>,
    units: Object.fromEntries(
      Object.keys(values).map((name) => [name, name === "Duration" ? "Milliseconds" : "Count"]),
    ),
  };
}

/** Everything the handler wrote about one request: its log lines and its metric lines, found by its request id. */
function emitted(response: Pick<GraphQLResponse, "headers">) {
  const requestId = response.headers["x-request-id"];
  const lines = output.json().filter((line) => line.requestId === requestId);
  const logLines = lines.filter((line) => !("_aws" in line));
  return {
    request: logLines.filter((line) => line.message === "request"),
    errors: logLines.filter((line) => line.level === "ERROR"),
    metrics: lines.filter((line) => "_aws" in line).map(metricLine),
  };
}

/** The request's own metrics: its count, DynamoDB calls and duration, by what ran. */
const requestMetric = (operation: string, roundTrips: number) =>
  metric({ Operation: operation }, { Requests: 1, DynamoDbCalls: roundTrips, Duration: expect.any(Number) });

describe("an accepted request", () => {
  it("writes one log line: request id, verified caller, operation, outcome, DynamoDB calls, duration", async () => {
    const input = { userEmail: USER, protocol: "IMAP", client: IOS_MAIL };
    const response = await api.gql(DECIDE, { input });
    expect(response.errors).toBeUndefined();
    const requestId = response.headers["x-request-id"];
    const { request, errors, metrics } = emitted(response);
    expect(request).toEqual([
      {
        level: "INFO",
        message: "request",
        timestamp: expect.any(String),
        service: "mail-access-api",
        cold_start: false,
        function_arn: expect.any(String),
        function_memory_size: expect.any(String),
        function_name: expect.any(String),
        function_request_id: requestId,
        sampling_rate: 0,
        requestId,
        method: "POST",
        path: "/graphql",
        status: 200,
        durationMs: expect.any(Number),
        customerId: api.customer.id,
        actor: { kind: "API_KEY", id: expect.stringMatching(/^key_/) },
        operationName: "Decide",
        operationType: "query",
        operation: "mailAccessDecision",
        roundTrips: response.roundTrips,
        outcome: "ok",
      },
    ]);
    expect(errors).toEqual([]);
    expect(metrics).toEqual([
      requestMetric("mailAccessDecision", response.roundTrips),
      metric({ Outcome: "ALLOWED", Reason: "ALLOWED" }, { AccessDecisions: 1 }),
    ]);
    expect(metrics[0]?.values.Duration).toBe(request[0]?.durationMs);
  });

  it("counts a batch's decisions by outcome and by reason, one line per combination", async () => {
    const inputs = [
      { userEmail: USER, protocol: "IMAP", client: IOS_MAIL },
      { userEmail: USER, protocol: "IMAP", client: IOS_MAIL },
      // The user's own POP window is closed by default.
      { userEmail: USER, protocol: "POP", client: IOS_MAIL },
    ];
    const response = await api.gql(DECIDE_MANY, { inputs });
    const reasons = (response.data?.mailAccessDecisions as { reason: string }[]).map((d) => d.reason);
    expect(reasons).toEqual(["ALLOWED", "ALLOWED", "USER_DISABLED_PROTOCOL"]);
    expect(emitted(response).metrics).toEqual([
      requestMetric("mailAccessDecisions", response.roundTrips),
      metric({ Outcome: "ALLOWED", Reason: "ALLOWED" }, { AccessDecisions: 2 }),
      metric({ Outcome: "DENIED", Reason: "USER_DISABLED_PROTOCOL" }, { AccessDecisions: 1 }),
    ]);
  });
});

describe("a refused request", () => {
  it("names no caller and no customer, and counts an UNAUTHENTICATED error", async () => {
    const response = await api.gql(DECIDE, {}, { apiKey: "not-a-key" });
    expect(response.status).toBe(401);
    const { request, metrics } = emitted(response);
    // One read: the key's item, which names no customer.
    expect(request).toMatchObject([{ status: 401, roundTrips: 1, outcome: "error", errorCodes: ["UNAUTHENTICATED"] }]);
    expect(request[0]).not.toHaveProperty("actor");
    expect(request[0]).not.toHaveProperty("customerId");
    expect(metrics).toEqual([
      requestMetric("none", 1),
      metric({ ErrorCode: "UNAUTHENTICATED", Operation: "none" }, { Errors: 1 }),
    ]);
  });

  it("with a bearer token: the same, and the token appears nowhere", async () => {
    const response = await api.request(JSON.stringify({ query: "{ viewer { id } }" }), {
      apiKey: null,
      headers: { authorization: `Bearer ${BEARER_TOKEN}` },
    });
    expect(response.status).toBe(401);
    expect(emitted(response).request).toMatchObject([{ outcome: "error", errorCodes: ["UNAUTHENTICATED"] }]);
  });
});

describe("a failing request", () => {
  it("BAD_USER_INPUT: the log line says error with its code, the metrics count it by code and operation", async () => {
    const input = { userEmail: USER, protocol: "IMAP", client: { authMethod: "OAUTH" } };
    const response = await api.gql(DECIDE, { input });
    expect(response.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    const { request, errors, metrics } = emitted(response);
    expect(request).toMatchObject([
      { status: 200, operation: "mailAccessDecision", outcome: "error", errorCodes: ["BAD_USER_INPUT"] },
    ]);
    expect(errors).toEqual([]);
    // Refused before anything was decided: no decision is counted.
    expect(metrics).toEqual([
      requestMetric("mailAccessDecision", response.roundTrips),
      metric({ ErrorCode: "BAD_USER_INPUT", Operation: "mailAccessDecision" }, { Errors: 1 }),
    ]);
  });

  it("an unexpected error: logged once with the request id and the stack; the client sees only the code", async () => {
    const watch = watchDynamoDb();
    watch.intercept(async (command, proceed) => {
      if (command.name === "QueryCommand") throw new TypeError("boom in the API key store");
      return proceed();
    });
    const response = await api.gql("query Keys { apiKeys { nodes { id } } }").finally(() => watch.stop());
    expect(response.errors).toMatchObject([{ message: "Internal server error." }]);
    const requestId = response.headers["x-request-id"];
    const { request, errors, metrics } = emitted(response);
    expect(errors).toEqual([
      expect.objectContaining({
        level: "ERROR",
        message: "unexpected error",
        requestId,
        customerId: api.customer.id,
        operationName: "Keys",
        path: ["apiKeys"],
        error: expect.objectContaining({
          name: "TypeError",
          message: "boom in the API key store",
          stack: expect.stringContaining("TypeError: boom in the API key store"),
        }),
      }),
    ]);
    expect(request).toMatchObject([{ outcome: "error", errorCodes: ["INTERNAL_SERVER_ERROR"] }]);
    expect(metrics).toContainEqual(metric({ ErrorCode: "INTERNAL_SERVER_ERROR", Operation: "apiKeys" }, { Errors: 1 }));
  });
});

describe("what the services and the unit of work count", () => {
  it("a mail setting changed, its idempotent replay, and a CONFLICT sent", async () => {
    const input = { orgUnitPath: "/", imapAccess: "OFF", lessSecureApps: "ON", idempotencyKey: "metered-1" };
    const changed = await api.gql(POLICY, { input });
    expect(changed.data?.updateMailAccessPolicy).toMatchObject({ changed: true });
    expect(emitted(changed).metrics).toEqual([
      requestMetric("updateMailAccessPolicy", changed.roundTrips),
      metric({ Action: "MAIL_SETTING_CHANGED" }, { PolicyChanges: 2 }),
    ]);

    const replayed = await api.gql(POLICY, { input });
    expect(replayed.data).toEqual(changed.data);
    expect(emitted(replayed).metrics).toEqual([
      requestMetric("updateMailAccessPolicy", replayed.roundTrips),
      metric({}, { IdempotentReplays: 1 }),
    ]);

    const stale = await api.gql(POLICY, { input: { orgUnitPath: "/", imapAccess: "ON", expectedVersion: 1 } });
    expect(stale.errors?.[0]?.extensions.code).toBe("CONFLICT");
    expect(emitted(stale).metrics).toEqual([
      requestMetric("updateMailAccessPolicy", stale.roundTrips),
      metric({ ErrorCode: "CONFLICT", Operation: "updateMailAccessPolicy" }, { Errors: 1 }),
    ]);
  });

  it("a user's own mail setting changed", async () => {
    const response = await api.gql(USER_SETTINGS, { input: { email: USER, popAccessWindow: "ALL_MAIL" } });
    expect(response.errors).toBeUndefined();
    expect(emitted(response).metrics).toContainEqual(
      metric({ Action: "USER_MAIL_SETTING_CHANGED" }, { PolicyChanges: 1 }),
    );
  });

  it("a write that lost a race and ran again", async () => {
    // Another writer changes the OU between the policy update's read and its write: the write fails on the
    // version it read, and, without an expectedVersion from the caller, reads again and retries.
    const watch = watchDynamoDb();
    let raced = false;
    watch.intercept(async (command, proceed) => {
      if (command.name === "TransactWriteCommand" && !raced) {
        raced = true;
        expect((await api.gql(POLICY, { input: { orgUnitPath: "/", popAccess: "OFF" } })).errors).toBeUndefined();
      }
      return proceed();
    });
    const response = await api
      .gql(POLICY, { input: { orgUnitPath: "/", lessSecureApps: "OFF" } })
      .finally(() => watch.stop());
    expect(response.data?.updateMailAccessPolicy).toMatchObject({ changed: true });
    expect(emitted(response).metrics).toEqual([
      requestMetric("updateMailAccessPolicy", response.roundTrips),
      metric({}, { Retries: 1 }),
      metric({ Action: "MAIL_SETTING_CHANGED" }, { PolicyChanges: 1 }),
    ]);
  });
});

describe("every line", () => {
  it("names the cold start: the first request of the process only", () => {
    const requests = output.json().filter((line) => line.message === "request");
    expect(requests.map((line) => line.cold_start)).toEqual([true, ...requests.slice(1).map(() => false)]);
  });

  it("holds no secret: no API key, not its random part, no bearer token", () => {
    const all = output.lines.join("\n");
    for (const secret of [api.apiKey, api.apiKey.slice(-20), BEARER_TOKEN, BEARER_TOKEN.split(".")[2] as string])
      expect(all).not.toContain(secret);
  });
});
