/**
 * Who can call (issue 5): OpenID Connect bearer tokens verified against a JWKS served on loopback from a locally
 * generated key pair, consumer accounts, administrator roles granted and revoked, and API keys (secret shown once,
 * stored as a hash, listed without secrets, revocable, scoped). Logs never contain a key or a token.
 */
import { randomUUID } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AdminRoleStore } from "../../functions/store/admin-roles";
import { hashSecret } from "../../functions/store/api-keys";
import { transact } from "../../functions/store/transaction";
import { createDocumentClient, Db, type Item } from "../../functions/store/db";
import { testConfig } from "../support/api";
import { captureOutput } from "../support/output";
import {
  codesOf,
  securityFixture,
  startIdentityProvider,
  type Credentials,
  type IdentityProvider,
  type SecurityFixture,
} from "../support/security";

const VIEWER = `{ viewer { kind id name role orgUnitScope { path } } }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) {
  updateMailAccessPolicy(input: $input) { changed orgUnit { path } }
}`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id name role expiresAt createdAt lastUsedAt revokedAt orgUnitScope { path } } secret }
}`;
const REVOKE_KEY = `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }`;
const API_KEYS = `{ apiKeys(first: 100) { nodes { id name role expiresAt createdAt lastUsedAt revokedAt } } }`;
const GRANT = `mutation ($input: GrantAdminRoleInput!) {
  grantAdminRole(input: $input) { adminRole { email role orgUnitScope { path } } }
}`;
const REVOKE_ROLE = `mutation ($input: RevokeAdminRoleInput!) { revokeAdminRole(input: $input) { email } }`;
const ADMIN_ROLES = `{ adminRoles(first: 100) { nodes { email role orgUnitScope { path } } } }`;

let idp: IdentityProvider;
let f: SecurityFixture;
let superAdmin: Credentials;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${(counter += 1)}`;

beforeAll(async () => {
  idp = await startIdentityProvider();
  f = await securityFixture(testConfig({ oidc: idp.oidc }));
  superAdmin = { apiKey: f.keys.superAdmin };
});

afterAll(async () => idp?.close());
afterEach(() => vi.restoreAllMocks());

const bearer = async (email: string | undefined, options?: Parameters<IdentityProvider["token"]>[1]) => ({
  bearer: await idp.token(email === undefined ? { name: "No Email" } : { email, name: "Someone" }, options),
});

function expectRefused(response: Awaited<ReturnType<SecurityFixture["gql"]>>, code: string, status: number) {
  expect(codesOf(response), JSON.stringify(response.errors)).toEqual([code]);
  expect(response.status).toBe(status);
  expect(response.data ?? null).toBeNull();
}

describe("OpenID Connect: bearer tokens verified against the provider's JWKS", () => {
  it("a valid token of a person in the organization's domain, without a role, is a USER", async () => {
    const data = await f.ok(VIEWER, {}, await bearer(f.users.in));
    expect(data.viewer).toEqual({ kind: "USER", id: f.users.in, name: "Someone", role: null, orgUnitScope: null });
    expect(idp.jwksRequests()).toBeGreaterThan(0);
  });

  it("the address in the token is compared without regard to case", async () => {
    const data = await f.ok(VIEWER, {}, await bearer(f.users.in.toUpperCase()));
    expect(data.viewer).toMatchObject({ kind: "USER", id: f.users.in });
  });

  it.each([
    ["a wrong issuer", { issuer: "https://evil.example" }],
    ["a wrong audience", { audience: "another-api" }],
    ["an expired token", { expiresIn: Math.floor(Date.now() / 1000) - 120 }],
  ])("refuses %s (401 UNAUTHENTICATED)", async (_, options) => {
    expectRefused(await f.gql(VIEWER, {}, await bearer(f.users.in, options)), "UNAUTHENTICATED", 401);
  });

  it("refuses a token signed by another key under the provider's key id (401)", async () => {
    const forged = await bearer(f.users.in, { signWith: idp.otherKey });
    expectRefused(await f.gql(VIEWER, {}, forged), "UNAUTHENTICATED", 401);
  });

  it("refuses a token without an email claim (401)", async () => {
    expectRefused(await f.gql(VIEWER, {}, await bearer(undefined)), "UNAUTHENTICATED", 401);
  });

  it("refuses a malformed, unsigned or non-bearer Authorization header (401)", async () => {
    const claims = { email: f.users.in, iss: idp.oidc.issuer, aud: idp.oidc.audience, exp: Date.now() / 1000 + 300 };
    for (const authorization of [
      "Bearer not-a-jwt",
      `Bearer ${unsigned(claims)}.`,
      `Bearer ${unsigned(claims)}`,
      "Basic dXNlcjpwYXNz",
      "Bearer ",
      `Bearer ${(await bearer(f.users.in)).bearer} extra`,
    ])
      expectRefused(await f.gql(VIEWER, {}, null, { authorization }), "UNAUTHENTICATED", 401);
  });

  it.each(["someone@gmail.com", "Someone@GoogleMail.com", "admin@gmail.com"])(
    "refuses the consumer account %s (FORBIDDEN, 403): it is never an administrator",
    async (email) => {
      expectRefused(await f.gql(VIEWER, {}, await bearer(email)), "FORBIDDEN", 403);
    },
  );

  it("a consumer account stays refused even if a role for it were in the table", async () => {
    const email = `planted-${randomUUID().slice(0, 8)}@gmail.com`;
    // The API refuses the grant (see below); planted straight into the store, it must still not count.
    const db = new Db(createDocumentClient(f.config), f.config.tableName);
    const granted = new AdminRoleStore(db, f.own.id, () => new Date()).grant({
      email,
      role: "SUPER_ADMIN",
      orgUnitScope: null,
    });
    await transact(db, granted.change.writes);
    expectRefused(await f.gql(VIEWER, {}, await bearer(email)), "FORBIDDEN", 403);
  });

  it("refuses a person whose domain belongs to no organization (FORBIDDEN, 403)", async () => {
    expectRefused(await f.gql(VIEWER, {}, await bearer("someone@unknown-domain.example")), "FORBIDDEN", 403);
  });

  it("grantAdminRole refuses a consumer account or an address outside the organization's domains (BAD_USER_INPUT)", async () => {
    const refused = ["refused@gmail.com", "Refused@googlemail.com", `refused@${f.foreign.domain}`];
    for (const email of refused) {
      const response = await f.gql(GRANT, { input: { email, role: "SUPER_ADMIN" } }, superAdmin);
      expect(codesOf(response), email).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors?.[0]?.extensions.field).toBe("email");
    }
    const roles = JSON.stringify(await f.ok(ADMIN_ROLES, {}, superAdmin)).toLowerCase();
    for (const email of refused) expect(roles).not.toContain(email.toLowerCase());
  });

  it("an ORG_UNIT_ADMIN role needs its OU, and only that role takes one (BAD_USER_INPUT / NOT_FOUND)", async () => {
    const email = `${unique("scope")}@${f.own.domain}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ email, role: "ORG_UNIT_ADMIN" }, "BAD_USER_INPUT"],
      [{ email, role: "READ_ONLY", orgUnitScope: "/In" }, "BAD_USER_INPUT"],
      [{ email, role: "ORG_UNIT_ADMIN", orgUnitScope: "/Nowhere" }, "NOT_FOUND"],
    ];
    for (const [input, code] of cases) {
      const response = await f.gql(GRANT, { input }, superAdmin);
      expect(codesOf(response), JSON.stringify(input)).toEqual([code]);
      expect(response.errors?.[0]?.extensions.field).toBe("orgUnitScope");
    }
  });

  describe("a person granted ORG_UNIT_ADMIN of /In with grantAdminRole", () => {
    const email = () => `ou-admin@${f.own.domain}`;
    let admin: Credentials;

    beforeAll(async () => {
      const granted = await f.ok(
        GRANT,
        { input: { email: email(), role: "ORG_UNIT_ADMIN", orgUnitScope: "/In" } },
        superAdmin,
      );
      expect(granted.grantAdminRole.adminRole).toEqual({
        email: email(),
        role: "ORG_UNIT_ADMIN",
        orgUnitScope: { path: "/In" },
      });
      admin = await bearer(email());
    });

    it("signs in as an ADMIN with its role and scope", async () => {
      const data = await f.ok(VIEWER, {}, admin);
      expect(data.viewer).toEqual({
        kind: "ADMIN",
        id: email(),
        name: "Someone",
        role: "ORG_UNIT_ADMIN",
        orgUnitScope: { path: "/In" },
      });
    });

    it("writes within its subtree only; outside it, an OU is as good as not there (NOT_FOUND)", async () => {
      const inside = await f.ok(POLICY, { input: { orgUnitPath: "/In/Team", popAccess: "OFF" } }, admin);
      expect(inside.updateMailAccessPolicy).toEqual({ changed: true, orgUnit: { path: "/In/Team" } });
      for (const orgUnitPath of ["/Out", "/"]) {
        const outside = await f.gql(POLICY, { input: { orgUnitPath, popAccess: "OFF" } }, admin);
        expect(codesOf(outside), orgUnitPath).toEqual(["NOT_FOUND"]);
      }
    });

    it("cannot move an OU out of its subtree, nor an outside OU into it", async () => {
      const move = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { path } } }`;
      for (const input of [
        { orgUnitPath: "/In/Team", parentOrgUnitPath: "/Out" },
        { orgUnitPath: "/In", parentOrgUnitPath: "/Out" },
        { orgUnitPath: "/Out", parentOrgUnitPath: "/In" },
      ])
        expect(codesOf(await f.gql(move, { input }, admin)), JSON.stringify(input)).toEqual(["NOT_FOUND"]);
    });

    it("cannot widen its own rights: no keys, no roles, not even for itself", async () => {
      const attempts: [string, Record<string, unknown>][] = [
        [CREATE_KEY, { input: { name: "mine", role: "SUPER_ADMIN" } }],
        [CREATE_KEY, { input: { name: "mine", role: "ORG_UNIT_ADMIN", orgUnitScope: "/" } }],
        [GRANT, { input: { email: email(), role: "SUPER_ADMIN" } }],
        [GRANT, { input: { email: email(), role: "ORG_UNIT_ADMIN", orgUnitScope: "/" } }],
        [REVOKE_ROLE, { input: { email: email() } }],
        [API_KEYS, {}],
        [ADMIN_ROLES, {}],
      ];
      for (const [query, variables] of attempts)
        expect(codesOf(await f.gql(query, variables, admin)), query).toEqual(["FORBIDDEN"]);
      expect((await f.ok(VIEWER, {}, admin)).viewer.role).toBe("ORG_UNIT_ADMIN");
    });
  });

  it("revokeAdminRole takes effect on the next request: the person is a USER again", async () => {
    const email = `${unique("short-lived-admin")}@${f.own.domain}`;
    await f.ok(GRANT, { input: { email, role: "SUPER_ADMIN" } }, superAdmin);
    const token = await bearer(email);
    expect((await f.ok(VIEWER, {}, token)).viewer).toMatchObject({ kind: "ADMIN", role: "SUPER_ADMIN" });
    expect((await f.ok(API_KEYS, {}, token)).apiKeys.nodes.length).toBeGreaterThan(0);

    expect((await f.ok(REVOKE_ROLE, { input: { email } }, superAdmin)).revokeAdminRole.email).toBe(email);
    expect((await f.ok(VIEWER, {}, token)).viewer).toMatchObject({ kind: "USER", role: null });
    expect(codesOf(await f.gql(API_KEYS, {}, token))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await f.gql(REVOKE_ROLE, { input: { email } }, superAdmin))).toEqual(["NOT_FOUND"]);
  });

  it("a signed-in user reads their own effective mail access and their OU's path, nothing else", async () => {
    const user = await bearer(f.users.in);
    const own = `query ($email: String!) { user(email: $email) { email effectiveMailAccess { pop { enabled } } } }`;
    expect((await f.ok(own, { email: f.users.in }, user)).user.email).toBe(f.users.in);
    // Another user is, for them, no user at all.
    expect(await f.gql(own, { email: f.users.out }, user)).toMatchObject({ data: { user: null } });
    const withOrgUnit = `query ($email: String!) { user(email: $email) { email orgUnit { path version } } }`;
    const path = await f.gql(withOrgUnit, { email: f.users.in }, user);
    expect(path.data?.user).toBeNull();
    expect(codesOf(path)).toEqual(["NOT_FOUND"]);
    const pathOnly = `query ($email: String!) { user(email: $email) { orgUnit { path } } }`;
    expect((await f.ok(pathOnly, { email: f.users.in }, user)).user.orgUnit.path).toBe("/In");
    const orgUnit = `{ orgUnit(orgUnitPath: "/In") { path } }`;
    expect(codesOf(await f.gql(orgUnit, {}, user))).toEqual(["FORBIDDEN"]);
  });
});

describe("API keys", () => {
  it("createApiKey shows the secret once; a repeat with the same idempotency key returns the key without it", async () => {
    const input = { name: unique("MDM integration"), role: "READ_ONLY", idempotencyKey: unique("create-key") };
    const first = (await f.ok(CREATE_KEY, { input }, superAdmin)).createApiKey;
    expect(first.secret).toEqual(expect.any(String));
    expect(first.apiKey).toMatchObject({ name: input.name, role: "READ_ONLY", lastUsedAt: null, revokedAt: null });
    const repeat = (await f.ok(CREATE_KEY, { input }, superAdmin)).createApiKey;
    expect(repeat).toEqual({ apiKey: first.apiKey, secret: null });
    expect((await f.ok(VIEWER, {}, { apiKey: first.secret })).viewer).toMatchObject({
      kind: "API_KEY",
      id: first.apiKey.id,
      role: "READ_ONLY",
    });
  });

  it("apiKeys lists keys without secrets, with lastUsedAt once a key is used", async () => {
    const created = (await f.ok(CREATE_KEY, { input: { name: unique("listed"), role: "READ_ONLY" } }, superAdmin))
      .createApiKey;
    const find = async () =>
      (await f.ok(API_KEYS, {}, superAdmin)).apiKeys.nodes.find((key: { id: string }) => key.id === created.apiKey.id);
    expect(await find()).toMatchObject({ lastUsedAt: null });
    const usedFrom = Date.now();
    await f.ok(VIEWER, {}, { apiKey: created.secret });
    await vi.waitFor(async () => expect((await find()).lastUsedAt).not.toBeNull(), { timeout: 5_000, interval: 50 });
    expect(Date.parse((await find()).lastUsedAt)).toBeGreaterThanOrEqual(usedFrom - 1_000);

    const listing = JSON.stringify(await f.ok(API_KEYS, {}, superAdmin));
    for (const secret of Object.values(f.keys)) expect(listing).not.toContain(secret);
    expect(listing).not.toContain(created.secret);
    expect(listing).not.toContain(hashSecret(created.secret));
  });

  it("revokeApiKey is effective on the next request", async () => {
    const created = (await f.ok(CREATE_KEY, { input: { name: unique("revoked"), role: "SUPER_ADMIN" } }, superAdmin))
      .createApiKey;
    const key = { apiKey: created.secret };
    expect((await f.ok(VIEWER, {}, key)).viewer.id).toBe(created.apiKey.id);
    const revoked = (await f.ok(REVOKE_KEY, { input: { id: created.apiKey.id } }, superAdmin)).revokeApiKey.apiKey;
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expectRefused(await f.gql(VIEWER, {}, key), "UNAUTHENTICATED", 401);
    expectRefused(await f.gql(`{ orgUnit(orgUnitPath: "/") { id } }`, {}, key), "UNAUTHENTICATED", 401);
    // Revoking again keeps the first revocation time.
    const again = (await f.ok(REVOKE_KEY, { input: { id: created.apiKey.id } }, superAdmin)).revokeApiKey.apiKey;
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it("a key with expiresAt works until then and is refused after (401)", async () => {
    const expiresAt = new Date(Date.now() + 4_000).toISOString();
    const created = (
      await f.ok(CREATE_KEY, { input: { name: unique("short"), role: "READ_ONLY", expiresAt } }, superAdmin)
    ).createApiKey;
    expect(created.apiKey.expiresAt).toBe(expiresAt);
    expect((await f.ok(VIEWER, {}, { apiKey: created.secret })).viewer.id).toBe(created.apiKey.id);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 100));
    expectRefused(await f.gql(VIEWER, {}, { apiKey: created.secret }), "UNAUTHENTICATED", 401);
  });

  it("refuses an expiresAt in the past and a role/scope mismatch (BAD_USER_INPUT)", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "past", role: "READ_ONLY", expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
      [{ name: "no scope", role: "ORG_UNIT_ADMIN" }, "orgUnitScope"],
      [{ name: "scoped super", role: "SUPER_ADMIN", orgUnitScope: "/In" }, "orgUnitScope"],
      [{ name: " ", role: "READ_ONLY" }, "name"],
    ];
    for (const [input, field] of cases) {
      const response = await f.gql(CREATE_KEY, { input }, superAdmin);
      expect(codesOf(response), JSON.stringify(input)).toEqual(["BAD_USER_INPUT"]);
      expect(response.errors?.[0]?.extensions.field).toBe(field);
    }
  });

  it("an ORG_UNIT_ADMIN key is bound to its OU subtree", async () => {
    const created = (
      await f.ok(
        CREATE_KEY,
        { input: { name: unique("scoped"), role: "ORG_UNIT_ADMIN", orgUnitScope: "/Out" } },
        superAdmin,
      )
    ).createApiKey;
    expect(created.apiKey.orgUnitScope).toEqual({ path: "/Out" });
    const key = { apiKey: created.secret };
    expect(
      (await f.ok(POLICY, { input: { orgUnitPath: "/Out", imapAccess: "ON" } }, key)).updateMailAccessPolicy,
    ).toMatchObject({ orgUnit: { path: "/Out" } });
    expect(codesOf(await f.gql(POLICY, { input: { orgUnitPath: "/In", imapAccess: "ON" } }, key))).toEqual([
      "NOT_FOUND",
    ]);
  });

  it("an OU administrator's or read-only key cannot create keys, revoke keys or grant roles", async () => {
    for (const apiKey of [f.keys.ouAdmin, f.keys.readOnly]) {
      for (const [query, variables] of [
        [CREATE_KEY, { input: { name: "escalate", role: "SUPER_ADMIN" } }],
        [REVOKE_KEY, { input: { id: "key_0000000000000000" } }],
        [GRANT, { input: { email: `x@${f.own.domain}`, role: "SUPER_ADMIN" } }],
      ] as const)
        expect(codesOf(await f.gql(query, variables, { apiKey })), query).toEqual(["FORBIDDEN"]);
    }
  });

  it("a foreign customer's key cannot revoke this customer's keys (NOT_FOUND) and the key keeps working", async () => {
    const created = (await f.ok(CREATE_KEY, { input: { name: unique("mine"), role: "READ_ONLY" } }, superAdmin))
      .createApiKey;
    const response = await f.gql(REVOKE_KEY, { input: { id: created.apiKey.id } }, { apiKey: f.keys.foreign });
    expect(codesOf(response)).toEqual(["NOT_FOUND"]);
    expect((await f.ok(VIEWER, {}, { apiKey: created.secret })).viewer.id).toBe(created.apiKey.id);
  });

  it("a valid key is never refused, whichever fields one request combines", async () => {
    // Fields that read at once, each paired with fields that wait for the caller's check first.
    const reads = [
      `orgUnit(orgUnitPath: "/In") { id }`,
      `users(emails: $emails) { email }`,
      `user(email: $email) { email }`,
      `mailAccessDecision(input: { userEmail: $email, protocol: POP, client: { authMethod: PASSWORD } }) { allowed }`,
    ];
    const waits = [
      `viewer { id }`,
      `customer { id }`,
      `knownMailClients { name }`,
      `auditEvents(first: 1) { nodes { id } }`,
    ];
    const variables = { emails: [f.users.in], email: f.users.in };
    const failures: string[] = [];
    for (const apiKey of [f.keys.superAdmin, f.keys.ouAdmin, f.keys.readOnly])
      for (const read of reads)
        for (const fields of [
          [read],
          [read, ...reads.filter((r) => r !== read)],
          ...waits.map((wait) => [read, wait]),
        ]) {
          const text = fields.join(" ");
          const declared = [
            ...(text.includes("$emails") ? ["$emails: [String!]!"] : []),
            ...(/\$email\b/.test(text) ? ["$email: String!"] : []),
          ];
          const query = `query ${declared.length === 0 ? "" : `(${declared.join(", ")})`} { ${text} }`;
          const response = await f.gql(query, variables, { apiKey });
          if (response.errors !== undefined)
            failures.push(`${apiKey.slice(0, 14)}… { ${fields.join(" ")} }: ${JSON.stringify(codesOf(response))}`);
        }
    expect(failures).toEqual([]);
  });

  it("a key shaped like this customer's but never issued gets 401 and no data, whichever fields it asks for", async () => {
    const forged = { apiKey: `mak_${f.own.id}_${"x".repeat(32)}` };
    const query = `query ($emails: [String!]!) {
      knownMailClients { name } orgUnit(orgUnitPath: "/In") { id path } users(emails: $emails) { email } viewer { id }
    }`;
    expectRefused(await f.gql(query, { emails: [f.users.in] }, forged), "UNAUTHENTICATED", 401);
  });
});

describe("secrets at rest and in logs", () => {
  it("the DynamoDB items of API keys hold only the hash of the secret", async () => {
    const created = (await f.ok(CREATE_KEY, { input: { name: unique("at rest"), role: "READ_ONLY" } }, superAdmin))
      .createApiKey;
    const db = new Db(createDocumentClient(f.config), f.config.tableName);
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.client.send(
        new ScanCommand({
          TableName: db.tableName,
          FilterExpression: "begins_with(pk, :apiKey) AND customerId = :customer",
          ExpressionAttributeValues: { ":apiKey": "APIKEY#", ":customer": f.own.id },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    const refs = await db.query({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `C#${f.own.id}#APIKEYS` },
    });

    // The key created here, those of the fixture, and every list entry: none holds a secret.
    expect(items.map((item) => item.id)).toContain(created.apiKey.id);
    expect(items.find((item) => item.id === created.apiKey.id)?.pk).toBe(`APIKEY#${hashSecret(created.secret)}`);
    const stored = JSON.stringify([...items, ...refs.items]);
    for (const secret of [created.secret, f.keys.superAdmin, f.keys.ouAdmin, f.keys.readOnly, f.keys.revoked]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(-32)); // nor its random part
    }
  });

  it("logs never contain an API key or a bearer token, whether the request succeeds or is refused", async () => {
    const token = (await bearer(f.users.in)).bearer;
    const wrongAudience = (await bearer(f.users.in, { audience: "another-api" })).bearer;
    const gmail = (await bearer("someone@gmail.com")).bearer;
    const unknownKey = `mak_${f.own.id}_${"s".repeat(32)}`;
    const output = captureOutput();
    try {
      const queries = [VIEWER, `{ orgUnit(orgUnitPath: "/In") { id } }`, `{ nope }`, `mutation { createApiKey }`];
      const credentials: Credentials[] = [
        { apiKey: f.keys.superAdmin },
        { apiKey: f.keys.ouAdmin },
        { apiKey: f.keys.revoked },
        { apiKey: f.keys.expired },
        { apiKey: unknownKey },
        { bearer: token },
        { bearer: wrongAudience },
        { bearer: gmail },
      ];
      for (const query of queries) for (const caller of credentials) await f.gql(query, {}, caller);
      await f.gql(CREATE_KEY, { input: { name: unique("logged?"), role: "READ_ONLY" } }, superAdmin);
    } finally {
      output.restore();
    }
    const logged = output.lines.join("\n");
    expect(logged).toContain('"message":"request"'); // the request log was captured
    for (const secret of [f.keys.superAdmin, f.keys.ouAdmin, f.keys.revoked, f.keys.expired, unknownKey])
      expect(logged).not.toContain(secret);
    for (const jwt of [token, wrongAudience, gmail]) {
      expect(logged).not.toContain(jwt);
      expect(logged).not.toContain(jwt.split(".")[2]); // not even the signature
    }
  });
});

/** An unsigned JWT (alg none): header and payload, without the trailing dot. */
function unsigned(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}`;
}
