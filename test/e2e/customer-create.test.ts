/**
 * The operator command `npm run customer:create -- --id acme --domain acme.com` (issue 5), run as a child process
 * against a DynamoDB Local this test starts: it prints the first super administrator's key, which works against the
 * handler; it refuses a second run with the same id, and a domain another customer already owns.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../functions/config";
import { createHandler } from "../../functions/graphql/lambda";
import { startDynamoDbLocal, type RunningDynamoDbLocal } from "../../functions/local/dynamodb-local";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { CustomerStore } from "../../functions/store/customers";
import { createDocumentClient, Db } from "../../functions/store/db";
import { ensureTable } from "../../functions/store/table";

const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const KEY_LINE = /^mak_[a-z0-9-]+_[A-Za-z0-9_-]+$/m;

let database: RunningDynamoDbLocal;
let config: Config;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run customer:create -- <args>` with the test's table, as an operator would run it. */
function customerCreate(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DYNAMODB_ENDPOINT: database.endpoint, TABLE_NAME: config.tableName };
  for (const name of Object.keys(env)) if (name.startsWith("VITEST") || name === "NODE_ENV") delete env[name];
  return new Promise((resolveRun) =>
    execFile(
      "npm",
      ["run", "customer:create", "--", ...args],
      { cwd: REPO_ROOT, env, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolveRun({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr }),
    ),
  );
}

async function graphql(apiKey: string, query: string): Promise<{ status: number; body: any }> {
  const requestId = randomUUID();
  const event = toHttpApiEvent(
    {
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", "x-api-key": apiKey },
      body: JSON.stringify({ query }),
    },
    requestId,
  );
  const handler = createHandler(config);
  const result = (await handler(event, lambdaContext(requestId), () => undefined)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode ?? 200, body: JSON.parse(result.body ?? "{}") };
}

beforeAll(async () => {
  database = await startDynamoDbLocal();
  config = {
    ...loadConfig({ STAGE: "test" }),
    dynamoDbEndpoint: database.endpoint,
    tableName: `customer-create-${randomUUID().slice(0, 8)}`,
  };
  await ensureTable(createDocumentClient(config), config.tableName);
});

afterAll(async () => database?.stop());

describe("npm run customer:create", () => {
  let first: Run;
  let apiKey: string;

  beforeAll(async () => {
    first = await customerCreate("--id", "acme", "--domain", "acme.com");
    apiKey = KEY_LINE.exec(first.stdout)?.[0] ?? "";
  });

  it("creates the customer and prints its first super administrator key", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Created customer "acme"');
    expect(apiKey).toMatch(/^mak_acme_/);
  });

  it("the printed key works: a super administrator of acme, with its root OU and domain", async () => {
    const { status, body } = await graphql(
      apiKey,
      `
        {
          viewer {
            kind
            role
          }
          customer {
            id
            domains
          }
          orgUnit(orgUnitPath: "/") {
            path
          }
          apiKeys {
            nodes {
              name
              role
            }
          }
        }
      `,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      viewer: { kind: "API_KEY", role: "SUPER_ADMIN" },
      customer: { id: "acme", domains: ["acme.com"] },
      orgUnit: { path: "/" },
      apiKeys: { nodes: [{ name: "first super administrator", role: "SUPER_ADMIN" }] },
    });
  });

  it("refuses a second run with the same id, changing nothing and printing no key", async () => {
    const second = await customerCreate("--id", "acme", "--domain", "acme.org");
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain("already exists");
    expect(second.stdout).not.toMatch(KEY_LINE);
    const customer = await new CustomerStore(
      new Db(createDocumentClient(config), config.tableName),
      () => new Date(),
    ).get("acme");
    expect(customer?.domains).toEqual(["acme.com"]);
  });

  it("refuses a domain another customer already owns, creating nothing", async () => {
    const taken = await customerCreate("--id", "acme-two", "--domain", "ACME.com");
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toMatch(/acme\.com belongs to another customer/i);
    expect(taken.stdout).not.toMatch(KEY_LINE);
    expect(
      await new CustomerStore(new Db(createDocumentClient(config), config.tableName), () => new Date()).get("acme-two"),
    ).toBeNull();
  });

  it("refuses a run without an id or a domain, with its usage", async () => {
    const usage = await customerCreate("--id", "lonely");
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain("Usage: npm run customer:create");
  });
});
