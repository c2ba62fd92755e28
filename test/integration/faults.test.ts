/**
 * DynamoDB faults (issue 4): throttling, timeouts and a DynamoDB Local killed mid-request surface as UNAVAILABLE with a
 * retry hint, quickly, never as a partial write; a retry with the same idempotency key then succeeds exactly once.
 * This file runs its own DynamoDB Local on a data folder of its own, so that it can kill and restart it.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
} from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../functions/config";
import { ApiError } from "../../functions/errors";
import { createHandler } from "../../functions/graphql/lambda";
import { startDynamoDbLocal, type RunningDynamoDbLocal } from "../../functions/local/dynamodb-local";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { seedCustomer } from "../../functions/local/seed";
import { createDocumentClient, Db } from "../../functions/store/db";
import { OrgUnitStore } from "../../functions/store/org-units/reads";
import { ensureTable } from "../../functions/store/table";
import { testConfig, testCustomer, type GraphQLResponse } from "../support/api";
import { restartDynamoDbLocal } from "../support/dynamodb-restart";
import { awsError, watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
import { clientId, errorOf, printFigures } from "../support/partner";

const TABLE = "mail-access-faults";
/** "Within a few seconds": far below API Gateway's 30 seconds, so the caller gets the error and not a gateway timeout. */
const ANSWER_WITHIN_MS = 5_000;

type Reply = Pick<GraphQLResponse<Record<string, any>>, "status" | "headers" | "data" | "errors" | "roundTrips">;
type Gql = (query: string, variables?: Record<string, unknown>) => Promise<Reply>;

/** Calls an in-process handler for `config` as the API key `apiKey`, like test/support/api.ts does. */
function caller(config: Config, apiKey: string): Gql {
  const handler = createHandler(config);
  return async function gql(query, variables = {}) {
    const requestId = randomUUID();
    const event = toHttpApiEvent(
      {
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", "x-api-key": apiKey },
        body: JSON.stringify({ query, variables }),
      },
      requestId,
    );
    const result = (await handler(
      event,
      lambdaContext(requestId),
      () => undefined,
    )) as APIGatewayProxyStructuredResultV2;
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const parsed = JSON.parse(result.body ?? "{}") as Pick<GraphQLResponse<Record<string, any>>, "data" | "errors">;
    return {
      status: result.statusCode ?? 200,
      headers,
      data: parsed.data,
      errors: parsed.errors,
      roundTrips: Number(headers["x-dynamodb-round-trips"] ?? Number.NaN),
    };
  };
}

const OU = (path: string) => `{ orgUnit(orgUnitPath: "${path}") { id version
  mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } } } }`;
const EVENTS = `query ($path: String) { auditEvents(filter: { orgUnitPath: $path, actions: [MAIL_SETTING_CHANGED] }) { nodes { settingName newValue idempotencyKey } } }`;
const M = {
  update: `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed orgUnit { version } } }`,
  add: `mutation ($input: AllowedOAuthClientsInput!) { addAllowedOAuthClients(input: $input) { changed orgUnit { id } } }`,
  apply: `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed } }`,
  create: `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id version } } }`,
};

/** Fails the test unless `response` is UNAVAILABLE with a retry hint. */
function expectUnavailable(response: Reply, label: string) {
  const error = errorOf(response);
  expect(error.extensions, label).toMatchObject({ code: "UNAVAILABLE", retryable: true });
  expect(error.extensions.retryAfterSeconds, label).toBeGreaterThan(0);
  expect(response.data?.[Object.keys(response.data ?? {})[0] ?? ""] ?? null, label).toBeNull();
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await run();
  return { result, ms: Date.now() - started };
}

describe("DynamoDB Local killed and restarted", () => {
  let dataDir: string;
  let database: RunningDynamoDbLocal;
  let port: number;
  let config: Config;
  let gql: Gql;
  let watch: DynamoDbWatch;
  let restartedOnSamePort = true;

  /** Brings DynamoDB Local back on the same data folder, on the same port if it can (else a new port, new handler). */
  async function restart(apiKey: string) {
    try {
      database = await restartDynamoDbLocal({ port, dataDir });
    } catch {
      restartedOnSamePort = false;
      database = await startDynamoDbLocal({ dataDir });
      port = Number(new URL(database.endpoint).port);
      config = { ...config, dynamoDbEndpoint: database.endpoint };
      gql = caller(config, apiKey);
    }
  }

  let apiKey: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "faults-ddb-"));
    database = await startDynamoDbLocal({ dataDir });
    port = Number(new URL(database.endpoint).port);
    config = testConfig({ dynamoDbEndpoint: database.endpoint, tableName: TABLE });
    await ensureTable(createDocumentClient(config), TABLE);
    const customer = { id: `f-${randomUUID().slice(0, 8)}`, name: "Faults Organization", domains: ["example.com"] };
    apiKey = await seedCustomer(config, customer);
    gql = caller(config, apiKey);
    for (const name of ["K", "Lost", "Calm"]) {
      const response = await gql(M.create, { input: { parentOrgUnitPath: "/", name } });
      expect(response.errors).toBeUndefined();
    }
    watch = watchDynamoDb();
  });

  afterAll(async () => {
    watch?.stop();
    await database?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it("killed just before the write: UNAVAILABLE within seconds, nothing written; the retry succeeds once", async () => {
    const before = (await gql(OU("/K"))).data?.orgUnit;
    const input = { orgUnitPath: "/K", popAccess: "OFF", imapAccess: "OFF", idempotencyKey: "outage" };
    // DynamoDB Local dies as the mutation's transaction is about to be sent.
    let stopMs = 0;
    watch.intercept(async (command, proceed) => {
      if (command.name !== "TransactWriteCommand") return proceed();
      watch.intercept(undefined);
      stopMs = (await timed(() => database.stop())).ms;
      return proceed();
    });
    const killed = await timed(() => gql(M.update, { input }));
    watch.intercept(undefined);
    expectUnavailable(killed.result, "killed mid-request");

    // While it is down, every kind of request answers UNAVAILABLE quickly: the API key cannot even be checked.
    const down: Record<string, number> = {};
    for (const [name, query, variables] of [
      ["read", OU("/K"), {}],
      ["update", M.update, { input }],
      ["addAllowedOAuthClients", M.add, { input: { orgUnitPath: "/K", oauthClientIds: [clientId(1)] } }],
      ["applyMailAccessPolicy", M.apply, { input: { orgUnitPaths: ["/K", "/Calm"], policy: { popAccess: "OFF" } } }],
      ["createOrgUnit", M.create, { input: { parentOrgUnitPath: "/", name: "New" } }],
    ] as const) {
      const { result, ms } = await timed(() => gql(query, variables));
      expectUnavailable(result, name);
      down[name] = ms;
    }
    printFigures("answer times while DynamoDB Local is down (ms)", {
      killedMidRequest: killed.ms - stopMs,
      stopMs,
      ...down,
    });
    expect(killed.ms - stopMs).toBeLessThan(ANSWER_WITHIN_MS);
    for (const [name, ms] of Object.entries(down)) expect(ms, name).toBeLessThan(ANSWER_WITHIN_MS);

    const restarted = await timed(() => restart(apiKey));
    expect((await gql(OU("/K"))).data?.orgUnit, "nothing was written").toEqual(before);
    expect((await gql(EVENTS, { path: "/K" })).data?.auditEvents.nodes).toEqual([]);

    const retry = await gql(M.update, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.updateMailAccessPolicy).toEqual({ changed: true, orgUnit: { version: before.version + 1 } });
    const again = await gql(M.update, { input });
    expect(again.data).toEqual(retry.data);
    const events = (await gql(EVENTS, { path: "/K" })).data?.auditEvents.nodes;
    expect(events).toHaveLength(2);
    expect(events.every((event: { idempotencyKey: string }) => event.idempotencyKey === "outage")).toBe(true);
    expect((await gql(OU("/K"))).data?.orgUnit.version).toBe(before.version + 1);
    printFigures("kill before the write", {
      restartedOnSamePort: String(restartedOnSamePort),
      restartMs: restarted.ms,
      writesAfterRetries: (await gql(OU("/K"))).data?.orgUnit.version - before.version,
      events: events.length,
    });
  });

  it.each([
    ["updateMailAccessPolicy", M.update, { orgUnitPath: "/Lost", lessSecureApps: "ON" }, "LESS_SECURE_APPS"],
    [
      "addAllowedOAuthClients",
      M.add,
      { orgUnitPath: "/Lost", oauthClientIds: [clientId(9)], switchToAllowlist: true },
      "IMAP_CLIENT_ACCESS",
    ],
    ["createOrgUnit", M.create, { parentOrgUnitPath: "/Lost", name: "Child" }, undefined],
  ] as const)(
    "%s: the answer lost after the commit; the caller gets UNAVAILABLE or the original result, and a retry replays it",
    async (name, query, fields, settingName) => {
      const before = (await gql(OU("/Lost"))).data?.orgUnit;
      const eventsBefore = (await gql(EVENTS, { path: "/Lost" })).data?.auditEvents.nodes;
      const input = { ...fields, idempotencyKey: `lost-${name}` };
      // The transaction commits, then the connection drops before its answer arrives.
      watch.intercept(async (command, proceed) => {
        if (command.name !== "TransactWriteCommand") return proceed();
        watch.intercept(undefined);
        await proceed();
        throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      });
      const lost = await gql(query, { input });
      watch.intercept(undefined);
      const retry = await gql(query, { input });
      expect(retry.errors).toBeUndefined();
      // Whatever the first answer was, it is not another result than the write that happened.
      if (lost.errors === undefined) expect(lost.data, "the first answer").toEqual(retry.data);
      else expectUnavailable(lost, "answer lost");
      expect((await gql(query, { input })).data).toEqual(retry.data);
      // The write happened once.
      const after = (await gql(OU("/Lost"))).data?.orgUnit;
      const events = (await gql(EVENTS, { path: "/Lost" })).data?.auditEvents.nodes;
      if (settingName === undefined) {
        const children = await gql(`{ orgUnit(orgUnitPath: "/Lost") { children { nodes { name } } } }`);
        expect(children.data?.orgUnit.children.nodes).toEqual([{ name: "Child" }]);
      } else {
        expect(after.version).toBe(before.version + 1);
        expect(events.slice(0, events.length - eventsBefore.length)).toEqual([
          expect.objectContaining({ settingName, idempotencyKey: input.idempotencyKey }),
        ]);
      }
    },
  );
});

describe("throttling and timeouts", () => {
  // The shared test table is enough here: the faults are injected, DynamoDB Local stays up.
  let watch: DynamoDbWatch;
  let gql: Gql;
  let customerId: string;

  beforeAll(async () => {
    const api = await testCustomer();
    gql = (query, variables) => api.gql<Record<string, any>>(query, variables);
    customerId = api.customer.id;
    for (const name of ["T", "U"]) await api.ok(M.create, { input: { parentOrgUnitPath: "/", name } });
    watch = watchDynamoDb();
  });

  afterAll(() => watch?.stop());

  const throttles: [string, () => Error][] = [
    [
      "ProvisionedThroughputExceededException",
      () => new ProvisionedThroughputExceededException({ message: "Rate exceeded", $metadata: {} }),
    ],
    ["ThrottlingException", () => new ThrottlingException({ message: "Throttled", $metadata: {} })],
    ["RequestLimitExceeded", () => new RequestLimitExceeded({ message: "Limit", $metadata: {} })],
    ["InternalServerError", () => new InternalServerError({ message: "Internal", $metadata: {} })],
    ["TimeoutError", () => awsError("TimeoutError", "Connection timed out after 5000 ms", 0)],
  ];

  it.each(throttles)(
    "%s on the write: UNAVAILABLE, nothing written; the retry with the same key succeeds once",
    async (name, error) => {
      const read = async () => (await gql(OU("/T"))).data?.orgUnit;
      const before = await read();
      const eventsBefore = (await gql(EVENTS, { path: "/T" })).data?.auditEvents.nodes.length;
      const input = { orgUnitPath: "/T", popAccess: before.mailAccessPolicy.popAccess === "OFF" ? "ON" : "OFF" };
      const key = `throttled-${name}`;
      let rejected = 0;
      watch.intercept(async (command, proceed) => {
        if (command.name !== "TransactWriteCommand") return proceed();
        rejected += 1;
        throw error();
      });
      const { result, ms } = await timed(() => gql(M.update, { input: { ...input, idempotencyKey: key } }));
      watch.intercept(undefined);
      expectUnavailable(result, name);
      expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect(await read()).toEqual(before);
      const retry = await gql(M.update, { input: { ...input, idempotencyKey: key } });
      expect(retry.errors).toBeUndefined();
      const again = await gql(M.update, { input: { ...input, idempotencyKey: key } });
      expect(again.data).toEqual(retry.data);
      expect((await read()).version).toBe(before.version + 1);
      const events = (await gql(EVENTS, { path: "/T" })).data?.auditEvents.nodes;
      expect(events).toHaveLength(eventsBefore + 1);
      expect(events[0].idempotencyKey).toBe(key);
      printFigures(`${name} on the write`, { writesTried: rejected, ms });
    },
  );

  it("throttling of an allow-list edit or a bulk change: UNAVAILABLE at once, without a storm of retries", async () => {
    const figures: Record<string, number> = {};
    for (const [name, query, variables] of [
      [
        "addAllowedOAuthClients",
        M.add,
        { input: { orgUnitPath: "/U", oauthClientIds: [clientId(1)], switchToAllowlist: true } },
      ],
      ["applyMailAccessPolicy", M.apply, { input: { orgUnitPaths: ["/T", "/U"], policy: { imapAccess: "OFF" } } }],
    ] as const) {
      let writesTried = 0;
      watch.intercept(async (command, proceed) => {
        if (command.name !== "TransactWriteCommand") return proceed();
        writesTried += 1;
        throw new ProvisionedThroughputExceededException({ message: "Rate exceeded", $metadata: {} });
      });
      const { result, ms } = await timed(() => gql(query, variables));
      watch.intercept(undefined);
      figures[`${name}.writesTried`] = writesTried;
      figures[`${name}.ms`] = ms;
      expectUnavailable(result, name);
      // Retrying a throttled write inside the request only adds load; the client retries, with its key.
      expect(writesTried, name).toBeLessThanOrEqual(3);
      expect(ms, name).toBeLessThan(ANSWER_WITHIN_MS);
    }
    printFigures("throttled edits", figures);
    expect((await gql(OU("/U"))).data?.orgUnit.mailAccessPolicy.imapClientAccess).toBeNull();
  });

  it("the store layer: a Db on a throttling client maps every DynamoDB error to UNAVAILABLE, nothing else", async () => {
    let sent = 0;
    const throttling = {
      send: () => {
        sent += 1;
        return Promise.reject(new ProvisionedThroughputExceededException({ message: "Rate exceeded", $metadata: {} }));
      },
    } as unknown as DynamoDBDocumentClient;
    const store = new OrgUnitStore(new Db(throttling, "unused"), customerId, { snapshot: false });
    const failure = await store.getByPath("/T").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).extensions).toMatchObject({
      code: "UNAVAILABLE",
      retryable: true,
      retryAfterSeconds: 1,
    });
    expect(sent).toBe(1);
    // An error DynamoDB raises for a bad request is not an outage: it is not turned into UNAVAILABLE.
    const broken = {
      send: () => Promise.reject(awsError("ValidationException", "One or more parameter values were invalid")),
    } as unknown as DynamoDBDocumentClient;
    const other = await new OrgUnitStore(new Db(broken, "unused"), customerId, { snapshot: false })
      .getByPath("/T")
      .catch((error: unknown) => error);
    expect(other).not.toBeInstanceOf(ApiError);
    expect((other as Error).name).toBe("ValidationException");
  });
});
