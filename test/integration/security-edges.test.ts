/**
 * Issue 12's attacks, each performed through the handler as an attacker would, with the safe outcome asserted: the
 * cost limit sees variables and defaults and the per-request budgets stop what slips past it; an unverified caller
 * learns nothing and reads at most one small batch; OpenID Connect tokens are checked strictly and an administrator
 * role is bound to the person who first used it; what lies outside a caller's reach is not shown and is refused as
 * not found; names that look alike cannot coexist; every input is bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../support/api";
import { watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
import {
  callHandler,
  codesOf,
  graphqlClient,
  securityFixture,
  startIdentityProvider,
  type Credentials,
  type GraphQLResponse,
  type IdentityProvider,
  type SecurityFixture,
} from "../support/security";
import { createHandler } from "../../functions/graphql/lambda";

let idp: IdentityProvider;
let f: SecurityFixture;
let watch: DynamoDbWatch;
let superAdmin: Credentials;

beforeAll(async () => {
  idp = await startIdentityProvider();
  f = await securityFixture(testConfig({ oidc: idp.oidc }));
  superAdmin = { apiKey: f.keys.superAdmin };
  watch = watchDynamoDb();
});

afterAll(async () => {
  watch?.stop();
  await idp?.close();
});

/** The answer with what differs from request to request taken out (the request id). */
const shape = (response: GraphQLResponse) =>
  JSON.stringify({ status: response.status, data: response.data ?? null, errors: response.errors ?? null }).replace(
    /"requestId":"[^"]+"/g,
    "",
  );

describe("finding 1: the cost of a query is counted with its variables and defaults, and budgets stop the rest", () => {
  const NESTED = (
    first: string,
  ) => `query ${first ? "($n: Int)" : ""} { orgUnit(orgUnitPath: "/") { children${first} { nodes { parent {
    children${first} { nodes { parent { children${first} { nodes { parent { children${first} { nodes { id } } } } } } } } } } } } }`;

  it("refuses the nested children/parent query with the default page size or first: $n, before reading anything", async () => {
    for (const [query, variables] of [
      [NESTED(""), {}],
      [NESTED("(first: $n)"), { n: 100 }],
    ] as const) {
      watch.reset();
      const response = await f.gql(query, variables, { apiKey: f.keys.readOnly });
      expect(codesOf(response)).toEqual(["COST_LIMIT_EXCEEDED"]);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions).toMatchObject({ limit: 25000 });
      // Only the caller's key was read (and its last use noted); no OU was.
      expect(watch.sent[0]?.name).toBe("GetCommand");
      expect(watch.sent.slice(1).map((c) => c.name)).toEqual(watch.sent.length > 1 ? ["UpdateCommand"] : []);
    }
    // The same shape with small pages is a fair question, and answered.
    expect(codesOf(await f.gql(NESTED("(first: $n)"), { n: 3 }, { apiKey: f.keys.readOnly }))).toEqual([]);
  });

  it("stops a request that needs more DynamoDB calls, or a bigger answer, than one request may have", async () => {
    const strict = graphqlClient(
      createHandler(
        testConfig({ oidc: idp.oidc, limits: { ...testConfig().limits, maxDynamoDbCalls: 3, maxResponseBytes: 1500 } }),
      ),
    );
    const calls = await strict.gql(
      // Three OUs by path cost 2 calls (their hints, then their chains, each one batch); their children 1 each.
      `{ a: orgUnit(orgUnitPath: "/In") { children { nodes { id } } } b: orgUnit(orgUnitPath: "/Out") { children { nodes { id } } } c: orgUnit(orgUnitPath: "/In/Team") { children { nodes { id } } } }`,
      {},
      superAdmin,
    );
    expect(codesOf(calls)).toContain("BUDGET_EXCEEDED");
    expect(calls.errors?.find((e) => e.extensions.code === "BUDGET_EXCEEDED")?.extensions).toMatchObject({
      budget: "dynamodbCalls",
      limit: 3,
    });
    const bytes = await strict.gql(
      `{ knownMailClients { clientId name } viewer { id name } customer { domains } }`,
      {},
      superAdmin,
    );
    expect(bytes.status).toBe(200);
    const big = await strict.gql(
      `{ ${Array.from({ length: 12 }, (_, i) => `k${i}: knownMailClients { clientId name }`).join(" ")} }`,
      {},
      superAdmin,
    );
    expect(codesOf(big)).toEqual(["BUDGET_EXCEEDED"]);
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions).toMatchObject({ budget: "responseBytes", limit: 1500 });
  });
});

describe("finding 2: a caller without a valid key learns nothing, and reads one small batch at most", () => {
  const forged = (): Credentials => ({ apiKey: `mak_${f.own.id}_${"Q".repeat(32)}` });

  it("a refusal looks and costs the same whether the OU it names exists or not", async () => {
    const answers: string[] = [];
    const costs: number[] = [];
    for (const path of ["/In", "/Secret-that-does-not-exist"]) {
      watch.reset();
      const response = await f.gql(
        `query ($path: String) { orgUnit(orgUnitPath: $path) { id path } }`,
        { path },
        forged(),
      );
      costs.push(watch.sent.length);
      answers.push(shape(response));
      expect(response.status).toBe(401);
      expect(response.headers["x-dynamodb-round-trips"]).toBeUndefined();
      expect(response.headers["x-dynamodb-sequential-round-trips"]).toBeUndefined();
    }
    expect(answers[0]).toBe(answers[1]);
    expect(costs).toEqual([1, 1]);
  });

  it("15 aliases of users(emails: [100 addresses]) without a valid key read one batch of at most 25 items", async () => {
    const emails = Array.from({ length: 100 }, (_, i) => `probe${i}@${f.own.domain}`);
    const aliases = Array.from({ length: 15 }, (_, i) => `u${i}: users(emails: $emails) { email }`).join(" ");
    watch.reset();
    const response = await f.gql(`query ($emails: [String!]!) { ${aliases} }`, { emails }, forged());
    expect(response.status).toBe(401);
    expect(watch.sent).toHaveLength(1);
    expect(
      watch.sent[0]?.input.RequestItems[Object.keys(watch.sent[0]?.input.RequestItems)[0] as string].Keys.length,
    ).toBeLessThanOrEqual(25);
  });
});

describe("finding 3: OpenID Connect tokens are checked strictly", () => {
  const VIEWER = `{ viewer { kind id role } }`;
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses an unverified address, a token without exp or iat, and a token older than the maximum age", async () => {
    const email = f.users.in;
    const refused = [
      await idp.token({ email, email_verified: false }),
      await idp.token({ email }, { expiresIn: false }),
      await idp.token({ email }, { issuedAt: false }),
      await idp.token({ email }, { issuedAt: now() - 2 * 3600, expiresIn: now() + 3600 }),
      await idp.token({ email }, { issuedAt: now() + 3600 }),
    ];
    for (const token of refused) {
      const response = await f.gql(VIEWER, {}, { bearer: token });
      expect(response.status).toBe(401);
      expect(codesOf(response)).toEqual(["UNAUTHENTICATED"]);
    }
    expect((await f.ok(VIEWER, {}, { bearer: await idp.token({ email }) })).viewer.kind).toBe("USER");
  });

  it("binds an administrator role to the account that first signs in with it: another account with the address is refused", async () => {
    const email = `bound-admin@${f.own.domain}`;
    await f.ok(
      `mutation ($input: GrantAdminRoleInput!) { grantAdminRole(input: $input) { adminRole { email } } }`,
      { input: { email, role: "SUPER_ADMIN" } },
      superAdmin,
    );
    const first = await idp.token({ email, sub: "account-1" });
    expect((await f.ok(VIEWER, {}, { bearer: first })).viewer).toMatchObject({ kind: "ADMIN", role: "SUPER_ADMIN" });
    expect((await f.ok(VIEWER, {}, { bearer: await idp.token({ email, sub: "account-1" }) })).viewer.kind).toBe(
      "ADMIN",
    );
    const other = await f.gql(VIEWER, {}, { bearer: await idp.token({ email, sub: "account-2" }) });
    expect(other.status).toBe(403);
    expect(codesOf(other)).toEqual(["FORBIDDEN"]);
  });
});

describe("finding 4: what lies outside a caller's reach is not shown, and is refused as not found", () => {
  const SOURCES = `query ($email: String!) { user(email: $email) { effectiveMailAccess {
    pop { source { kind orgUnit { id name path description mailAccessPolicy { popAccess imapAccess lessSecureApps } ancestors { path description } } } }
  } } }`;

  it("a signed-in user sees of the OU its setting comes from only its name, path and that setting", async () => {
    await f.ok(
      `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
      { input: { orgUnitPath: "/In", popAccess: "ON", imapAccess: "OFF" } },
      superAdmin,
    );
    await f.ok(
      `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id } } }`,
      { input: { orgUnitPath: "/In", description: "Internal: merger planned" } },
      superAdmin,
    );
    const user = { bearer: await idp.token({ email: f.users.in }) };
    const source = (await f.ok(SOURCES, { email: f.users.in }, user)).user.effectiveMailAccess.pop.source;
    expect(source.orgUnit).toMatchObject({ name: "In", path: "/In", description: null });
    expect(source.orgUnit.mailAccessPolicy).toEqual({ popAccess: "ON", imapAccess: null, lessSecureApps: null });
    expect(source.orgUnit.ancestors).toEqual([{ path: "/", description: null }]);
    const version = await f.gql(
      `query ($email: String!) { user(email: $email) { effectiveMailAccess { pop { source { orgUnit { version } } } } } }`,
      { email: f.users.in },
      user,
    );
    expect(codesOf(version)).toEqual(["NOT_FOUND"]);
  });

  it("an OU administrator sees nothing of the OUs above its scope but their names and paths", async () => {
    await f.ok(
      `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id } } }`,
      { input: { orgUnitPath: "/", description: "The whole company" } },
      superAdmin,
    );
    const data = await f.ok(
      `{ orgUnit(orgUnitPath: "/In/Team") { ancestors { path description mailAccessPolicy { popAccess imapAccess } } parent { path description } } }`,
      {},
      { apiKey: f.keys.ouAdmin },
    );
    expect(data.orgUnit.ancestors[0]).toEqual({
      path: "/",
      description: null,
      mailAccessPolicy: { popAccess: null, imapAccess: null },
    });
    // Its own scope's OU is within its reach: all of it shows.
    expect(data.orgUnit.parent.description).toBe("Internal: merger planned");
  });

  it("refusals outside its reach are the answers about things that do not exist", async () => {
    const ouAdmin = { apiKey: f.keys.ouAdmin };
    const pairs: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [`query ($path: String) { orgUnit(orgUnitPath: $path) { id } }`, { path: "/Out" }, { path: "/Ghost" }],
      [
        `query ($email: String!) { user(email: $email) { email } }`,
        { email: f.users.out },
        { email: `ghost@${f.own.domain}` },
      ],
      [
        `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
        { input: { orgUnitPath: "/Out", popAccess: "OFF" } },
        { input: { orgUnitPath: "/Ghost", popAccess: "OFF" } },
      ],
    ];
    for (const [query, outside, ghost] of pairs) {
      const a = shape(await f.gql(query, outside, ouAdmin))
        .replace("/Out", "<path>")
        .replace(f.users.out, "<user>");
      const b = shape(await f.gql(query, ghost, ouAdmin))
        .replace("/Ghost", "<path>")
        .replace(`ghost@${f.own.domain}`, "<user>");
      expect(a).toBe(b);
    }
  });
});

describe("finding 5: names that look alike cannot coexist", () => {
  const CREATE = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { name path } } }`;

  it("refuses invisible characters and treats case and compatibility forms as the same name", async () => {
    const created = await f.ok(CREATE, { input: { parentOrgUnitPath: "/Out", name: "Cafe\u0301" } }, superAdmin);
    expect(created.createOrgUnit.orgUnit.name).toBe("Café"); // stored as NFC
    for (const name of ["Café", "CAFÉ", "café"]) {
      const again = await f.gql(CREATE, { input: { parentOrgUnitPath: "/Out", name } }, superAdmin);
      expect(codesOf(again), name).toEqual(["CONFLICT"]);
    }
    await f.ok(CREATE, { input: { parentOrgUnitPath: "/Out", name: "ﬁles" } }, superAdmin);
    expect(codesOf(await f.gql(CREATE, { input: { parentOrgUnitPath: "/Out", name: "files" } }, superAdmin))).toEqual([
      "CONFLICT",
    ]);
    for (const name of ["Dept1\u200b", "\u202eDept1", "Dept\u00a01", "Dept\u20601", "Dept\ue0001"]) {
      const refused = await f.gql(CREATE, { input: { parentOrgUnitPath: "/Out", name } }, superAdmin);
      expect(codesOf(refused), JSON.stringify(name)).toEqual(["BAD_USER_INPUT"]);
      expect(refused.errors?.[0]?.message).toMatch(/invisible/);
    }
  });

  it("an OU administrator cannot rename, move or delete the OU its own scope is on", async () => {
    const ouAdmin = { apiKey: f.keys.ouAdmin };
    const update = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { path } } }`;
    const remove = `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { path } }`;
    expect(codesOf(await f.gql(update, { input: { orgUnitPath: "/In", name: "Out2" } }, ouAdmin))).toEqual([
      "FORBIDDEN",
    ]);
    expect(
      codesOf(await f.gql(update, { input: { orgUnitPath: "/In", parentOrgUnitPath: "/In/Team" } }, ouAdmin)),
    ).not.toEqual([]);
    expect(codesOf(await f.gql(remove, { input: { orgUnitPath: "/In" } }, ouAdmin))).toEqual(["FORBIDDEN"]);
    // Its description it may change.
    expect(codesOf(await f.gql(update, { input: { orgUnitPath: "/In", description: "ours" } }, ouAdmin))).toEqual([]);
  });
});

describe("finding 6: every input is bounded, and nothing hostile gets a 500", () => {
  it("bounds the audit log's work per request, whatever the filter; its cursor goes on from where it stopped", async () => {
    for (let i = 0; i < 6; i += 1)
      await f.ok(
        `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed } }`,
        { input: { orgUnitPaths: ["/Out"], policy: { lessSecureApps: i % 2 === 0 ? "ON" : "OFF" } } },
        superAdmin,
      );
    watch.reset();
    const page = await f.ok(
      `{ auditEvents(filter: { actor: "nobody" }, first: 5) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      {},
      superAdmin,
    );
    expect(watch.sent.filter((command) => command.name === "QueryCommand").length).toBeLessThanOrEqual(5);
    expect(page.auditEvents.nodes).toEqual([]);
  });

  it("answers oversized and forged inputs with BAD_USER_INPUT naming the field and the bound, briefly", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
        {
          input: {
            orgUnitPath: "/Out",
            imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIdsCsv: "nope,".repeat(200_000) },
          },
        },
        "imapClientAccess.allowedOAuthClientIdsCsv",
      ],
      [
        `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id } } }`,
        { input: { orgUnitPath: "/Out", description: "x".repeat(500_000) } },
        "description",
      ],
      [
        `query ($after: String) { auditEvents(after: $after) { nodes { id } } }`,
        {
          after: Buffer.from(JSON.stringify({ kind: "audit", time: "x".repeat(5000), id: "1", ou: "" })).toString(
            "base64url",
          ),
        },
        "after",
      ],
      [
        `query ($p: String) { orgUnit(orgUnitPath: $p) { id } }`,
        { p: `/${"İ".repeat(250)}/${"İ".repeat(250)}/${"İ".repeat(250)}/${"İ".repeat(250)}` },
        "path",
      ],
    ];
    for (const [query, variables, field] of cases) {
      const response = await f.gql(query, variables, superAdmin);
      expect(response.status, field).toBeLessThan(500);
      if (field === "path") {
        // A path whose key could never exist names no OU.
        expect(response.data?.orgUnit ?? null).toBeNull();
        continue;
      }
      expect(codesOf(response), field).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors?.[0]?.extensions.field).toBe(field);
      expect(JSON.stringify(response).length).toBeLessThan(5000);
    }
  });

  // Found by the schema-wide fuzz (schema-inputs.property.test.ts): each of these answered 500, a huge message, or
  // accepted what it should have refused.
  it("a variable that does not fit its type is refused naming the variable, and quoted briefly", async () => {
    const update = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id } } }`;
    const cases: [Record<string, unknown>, string][] = [
      [{ input: { orgUnitPath: "/Out", expectedVersion: "9".repeat(500_000) } }, "$input.expectedVersion"],
      [{ input: { orgUnitPath: "/Out", ["x".repeat(400_000)]: 1 } }, "$input"],
      [{}, "$input"],
    ];
    for (const [variables, field] of cases) {
      const response = await f.gql(update, variables, superAdmin);
      expect(codesOf(response), field).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors?.[0]?.extensions.field).toBe(field);
      expect(response.errors?.[0]?.message.length).toBeLessThan(1000);
    }
  });

  it("a DateTime is a string: a value nested 20,000 deep is refused, not a 500", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    for (const [query, variables] of [
      [
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        `{ "input": { "name": "deep", "role": "READ_ONLY", "idempotencyKey": "deep-date", "expiresAt": ${deep} } }`,
      ],
      [`query ($since: DateTime) { auditEvents(filter: { since: $since }) { nodes { id } } }`, `{ "since": ${deep} }`],
    ]) {
      const result = await callHandler(f.handler, {
        headers: { "content-type": "application/json", "x-api-key": f.keys.superAdmin },
        body: `{ "query": ${JSON.stringify(query)}, "variables": ${variables} }`,
      });
      const body = JSON.parse(result.body) as GraphQLResponse;
      expect(result.status).toBeLessThan(500);
      expect(body.errors?.map((e) => e.extensions.code)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("bounds the kinds of events an audit filter names, and counts each once", async () => {
    const audit = `query ($actions: [AuditAction!]) { auditEvents(filter: { actions: $actions }, first: 1) { nodes { id } } }`;
    const tooMany = await f.gql(audit, { actions: Array.from({ length: 16_000 }, () => "USER_DELETED") }, superAdmin);
    expect(codesOf(tooMany)).toEqual(["BAD_USER_INPUT"]);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ field: "filter.actions", maxItems: 50 });
    const repeated = await f.gql(audit, { actions: Array.from({ length: 50 }, () => "USER_DELETED") }, superAdmin);
    expect(codesOf(repeated)).toEqual([]);
  });

  it("bounds text as sent, before trimming: a megabyte of blanks is refused, not taken as nothing", async () => {
    const description = await f.gql(
      `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { description } } }`,
      { input: { orgUnitPath: "/Out", description: " ".repeat(240_000) } },
      superAdmin,
    );
    expect(codesOf(description)).toEqual(["BAD_USER_INPUT"]);
    expect(description.errors?.[0]?.extensions.field).toBe("description");
    const clientId = await f.gql(
      `query ($input: MailAccessDecisionInput!) { mailAccessDecision(input: $input) { allowed } }`,
      {
        input: {
          userEmail: f.users.in,
          protocol: "IMAP",
          client: { authMethod: "PASSWORD", oauthClientId: " ".repeat(200_000) },
        },
      },
      superAdmin,
    );
    expect(codesOf(clientId)).toEqual(["BAD_USER_INPUT"]);
    expect(clientId.errors?.[0]?.extensions.field).toBe("input.client.oauthClientId");
  });

  it("quotes what it did not find briefly, however long the id or path sent", async () => {
    const longPath = `/${Array.from({ length: 30 }, () => "p".repeat(250)).join("/")}`;
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id } } }`,
        { input: { orgUnitId: "a/".repeat(200_000), description: "x" } },
        "NOT_FOUND",
      ],
      [
        `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }`,
        { input: { id: "key_".repeat(100_000) } },
        "NOT_FOUND",
      ],
      [
        `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed } }`,
        { input: { orgUnitPaths: [longPath, longPath.toUpperCase()], policy: { popAccess: "ON" } } },
        "BAD_USER_INPUT",
      ],
    ];
    for (const [query, variables, code] of cases) {
      const response = await f.gql(query, variables, superAdmin);
      expect(codesOf(response)).toEqual([code]);
      expect(response.errors?.[0]?.message.length).toBeLessThan(1000);
    }
  });

  it("goes on from a cursor of the audit log read with other filters, wherever it points", async () => {
    // The newest event concerns an API key (no OU); the one below concerns /In.
    await f.ok(
      `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
      { input: { orgUnitPath: "/In", lessSecureApps: "ON" } },
      superAdmin,
    );
    await f.ok(
      `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { name: "cursor", role: "READ_ONLY" } },
      superAdmin,
    );
    const cursors = (
      await f.ok(`{ auditEvents(first: 2) { edges { cursor } } }`, {}, superAdmin)
    ).auditEvents.edges.map((edge: { cursor: string }) => edge.cursor) as string[];
    const future = new Date(Date.now() + 86_400_000).toISOString();
    for (const after of cursors) {
      const later = await f.gql(
        `query ($after: String, $since: DateTime) { auditEvents(after: $after, filter: { since: $since }) { nodes { id } } }`,
        { after, since: future },
        superAdmin,
      );
      expect(codesOf(later)).toEqual([]);
      expect(later.data?.auditEvents.nodes).toEqual([]);
      const earlier = await f.gql(
        `query ($after: String, $until: DateTime) { auditEvents(after: $after, filter: { until: $until }) { nodes { id } } }`,
        { after, until: "2000-01-01T00:00:00.000Z" },
        superAdmin,
      );
      expect(codesOf(earlier)).toEqual([]);
      const ofAnotherOrgUnit = await f.gql(
        `query ($after: String) { orgUnit(orgUnitPath: "/Out") { auditEvents(after: $after) { nodes { id } } } }`,
        { after },
        superAdmin,
      );
      expect(codesOf(ofAnotherOrgUnit)).toEqual([]);
    }
  });

  it("a hostile path with a forged key is refused as unauthenticated, never answered", async () => {
    const response = await f.gql(
      `query ($p: String) { orgUnit(orgUnitPath: $p) { id } }`,
      { p: `/${"İ".repeat(900)}` },
      {
        apiKey: `mak_${f.own.id}_${"Z".repeat(32)}`,
      },
    );
    expect(response.status).toBe(401);
  });
});
