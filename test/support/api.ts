/** Runs GraphQL requests through the deployed Lambda handler, in-process, against DynamoDB Local. */
import { randomUUID } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { print } from "graphql";
import { inject } from "vitest";
import { loadConfig, type Config } from "../../functions/config";
import type { Customer } from "../../functions/domain/customer";
import { createHandler } from "../../functions/graphql/lambda";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { seedCustomer } from "../../functions/local/seed";
import { createDocumentClient, Db } from "../../functions/store/db";
import { GroupFanOut } from "../../functions/store/groups/fan-out";
import { GroupStore } from "../../functions/store/groups/reads";
import { GroupWrites } from "../../functions/store/groups/writes";
import { OrgUnitStore } from "../../functions/store/org-units/reads";
import { TreeRestructure } from "../../functions/store/org-units/restructure";
import { OrgUnitWrites } from "../../functions/store/org-units/writes";
import { UnitOfWork } from "../../functions/store/unit-of-work";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }[] | undefined;
  /** DynamoDB round trips the request made (the handler's own count, reported in a response header). */
  roundTrips: number;
  /** Of those, the ones the request waited for one after another (parallel calls count once). */
  sequentialRoundTrips: number;
}

/** Who writes in tests that call the stores directly. */
const TEST_ACTOR = {
  kind: "API_KEY",
  id: "test",
  name: "test",
  role: "SUPER_ADMIN",
  orgUnitScope: null,
} as const;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ STAGE: "test" }),
    dynamoDbEndpoint: inject("dynamoDbEndpoint"),
    tableName: inject("tableName"),
    ...overrides,
  };
}

/**
 * A fresh customer (own id, own API key) on the shared test table, and a way to call the API as it. With `ownDomain`,
 * its mail domain is its own (`<id>.example.org`, claimed), so that its users can sign in; else example.com.
 */
export async function testCustomer(overrides: Partial<Config> = {}, { ownDomain = false } = {}) {
  const config = testConfig(overrides);
  const handler = createHandler(config);
  const id = `t-${randomUUID().slice(0, 8)}`;
  const customer: Customer = {
    id,
    name: "Test Organization",
    domains: [ownDomain ? `${id}.example.org` : "example.com"],
  };
  // Every other test customer uses example.com, so none claims it: domains matter only for sign-in.
  const apiKey = await seedCustomer(config, customer, undefined, {}, { claimDomains: ownDomain });

  async function request(
    body: string,
    options: { apiKey?: string | null; method?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse> {
    const key = options.apiKey === undefined ? apiKey : options.apiKey;
    const requestId = randomUUID();
    const event = toHttpApiEvent(
      {
        method: options.method ?? "POST",
        url: "/graphql",
        headers: {
          "content-type": "application/json",
          ...(key === null ? {} : { "x-api-key": key }),
          ...options.headers,
        },
        body,
      },
      requestId,
    );
    const result = (await handler(
      event,
      lambdaContext(requestId),
      () => undefined,
    )) as APIGatewayProxyStructuredResultV2;
    const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const parsed = JSON.parse(result.body ?? "{}") as Pick<GraphQLResponse, "data" | "errors">;
    return {
      status: result.statusCode ?? 200,
      headers,
      data: parsed.data,
      errors: parsed.errors,
      roundTrips: Number(headers["x-dynamodb-round-trips"] ?? Number.NaN),
      sequentialRoundTrips: Number(headers["x-dynamodb-sequential-round-trips"] ?? Number.NaN),
    };
  }

  /** Sends one operation; `variables` as in a GraphQL request. */
  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { apiKey?: string | null } = {},
  ): Promise<GraphQLResponse<T>> {
    return request(JSON.stringify({ query, variables }), options) as Promise<GraphQLResponse<T>>;
  }

  /** Like gql, but fails the test with the errors if there are any, and returns the data. */
  async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await gql<T>(query, variables);
    if (response.errors !== undefined) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return response.data as T;
  }

  /**
   * Sends a typed document (the front end's operations, test/generated/client/) exactly as codegen printed it, so the
   * compiler checks variables and result against the committed schema; as the customer's API key, or with `bearer`
   * as a person signed in with that token.
   */
  async function send<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    as: { bearer?: string } = {},
  ): Promise<GraphQLResponse<TResult>> {
    const caller = as.bearer === undefined ? {} : { apiKey: null, headers: { authorization: `Bearer ${as.bearer}` } };
    return request(JSON.stringify({ query: print(document), variables }), caller) as Promise<GraphQLResponse<TResult>>;
  }

  /** Like send, but fails the test with the errors if there are any, and returns the typed data. */
  async function run<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    as: { bearer?: string } = {},
  ): Promise<TResult> {
    const response = await send(document, variables, as);
    if (response.errors !== undefined) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return response.data as TResult;
  }

  /**
   * The OU stores as the handler builds them, on `db` (e.g. one that fails part-way) and with `leaseSeconds`, for
   * tests that interrupt a write part-way; `work` opens a unit of work as a test actor.
   */
  function treeStores(db?: Db, leaseSeconds = config.treeLeaseSeconds) {
    const handle = db ?? new Db(createDocumentClient(config), config.tableName);
    const now = () => new Date();
    const orgUnits = new OrgUnitStore(handle, customer.id, { snapshot: false });
    const tree = new TreeRestructure(handle, customer.id, orgUnits, { leaseSeconds, now });
    const writes = new OrgUnitWrites(customer.id, now, () => tree.finishStalled());
    const work = (requestId = "test") => new UnitOfWork(handle, customer.id, TEST_ACTOR, requestId, now, undefined);
    return { orgUnits, tree, writes, work };
  }

  /**
   * The configuration group stores as the handler builds them, on `db` (e.g. one that fails part-way) and with
   * `leaseSeconds`, for tests that interrupt a membership fan-out; `work` opens a unit of work as a test actor.
   */
  function groupStores(db?: Db, leaseSeconds = config.treeLeaseSeconds) {
    const handle = db ?? new Db(createDocumentClient(config), config.tableName);
    const now = () => new Date();
    const fanOut = new GroupFanOut(handle, customer.id, { leaseSeconds, now });
    const writes = new GroupWrites(customer.id, now, () => fanOut.finishStalled());
    const groups = new GroupStore(handle, customer.id, { snapshot: false });
    const work = (requestId = "test") => new UnitOfWork(handle, customer.id, TEST_ACTOR, requestId, now, undefined);
    return { fanOut, writes, groups, work };
  }

  return { config, customer, apiKey, request, gql, ok, send, run, treeStores, groupStores };
}
