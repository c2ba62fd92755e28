/**
 * The access matrix of issue 5: every query and mutation of the schema × every kind of caller, through the handler.
 * The list of fields comes from the schema; the rule each field must follow is stated here (the services decide it,
 * functions/services/authorization.ts): a root field without a rule or without a sample operation here fails the test. The expected outcome of each cell is computed from
 * the field's rule, the caller's role and whether the sample names an OU inside or outside the caller's scope; refused
 * writes must leave the organization unchanged. The matrix is printed as a table.
 */
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessRule } from "../../functions/domain/access";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import { testConfig } from "../support/api";
import { clientId } from "../support/partner";
import {
  codesOf,
  securityFixture,
  startIdentityProvider,
  stateSnapshot,
  type Credentials,
  type GraphQLResponse,
  type IdentityProvider,
  type SecurityFixture,
} from "../support/security";

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";

/**
 * Who may call each query and mutation. READ: any administrator role; WRITE: super and OU administrators (an OU
 * administrator within its subtree); SUPER_ADMIN: super administrators only; SELF: any administrator, or a signed-in
 * user about themselves; PERSON: a person signed in (never an API key), about their own mailbox; ANY: any
 * authenticated caller.
 */
const accessRules: Record<string, AccessRule> = {
  "Query.viewer": "ANY",
  "Query.knownMailClients": "ANY",
  "Query.customer": "READ",
  "Query.orgUnit": "READ",
  "Query.orgUnits": "READ",
  "Query.user": "SELF",
  "Query.users": "READ",
  "Query.mailAccessDecision": "READ",
  "Query.mailAccessDecisions": "READ",
  "Query.auditEvents": "READ",
  "Query.apiKeys": "SUPER_ADMIN",
  "Query.adminRoles": "SUPER_ADMIN",
  "Query.group": "READ",
  "Query.groups": "READ",
  "Mutation.createOrgUnit": "WRITE",
  "Mutation.updateOrgUnit": "WRITE",
  "Mutation.deleteOrgUnit": "WRITE",
  "Mutation.updateMailAccessPolicy": "WRITE",
  "Mutation.addAllowedOAuthClients": "WRITE",
  "Mutation.removeAllowedOAuthClients": "WRITE",
  "Mutation.applyMailAccessPolicy": "WRITE",
  "Mutation.createUser": "WRITE",
  "Mutation.updateUser": "WRITE",
  "Mutation.deleteUser": "WRITE",
  "Mutation.updateUserMailSettings": "WRITE",
  "Mutation.updateMyMailSettings": "PERSON",
  "Mutation.createApiKey": "SUPER_ADMIN",
  "Mutation.revokeApiKey": "SUPER_ADMIN",
  "Mutation.grantAdminRole": "SUPER_ADMIN",
  "Mutation.revokeAdminRole": "SUPER_ADMIN",
  "Mutation.createGroup": "SUPER_ADMIN",
  "Mutation.updateGroup": "SUPER_ADMIN",
  "Mutation.deleteGroup": "SUPER_ADMIN",
  "Mutation.addGroupMembers": "SUPER_ADMIN",
  "Mutation.removeGroupMembers": "SUPER_ADMIN",
  "Mutation.updateGroupMailAccessPolicy": "SUPER_ADMIN",
  "Mutation.setGroupPriority": "SUPER_ADMIN",
};

const schema = buildSchema(typeDefs);
const rootFields = (["Query", "Mutation"] as const).flatMap((type) =>
  Object.keys((type === "Query" ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {}).map(
    (name) => `${type}.${name}`,
  ),
);

/** What a sample operation is run against: an OU, a user in it, and a configuration group holding that user. */
interface Target {
  path: string;
  id: string;
  user: string;
  group: string;
}

interface SampleContext {
  f: SecurityFixture;
  target: Target;
  /** A fresh number for names that must not repeat. */
  n: number;
}

/**
 * What a foreign customer's key must get for a sample: its own data only, or no sign that this customer's exists (or,
 * for what only a person may do, the refusal every API key gets).
 */
type ForeignOutcome = "OK" | "NOT_FOUND" | "BAD_USER_INPUT" | "FORBIDDEN";

interface Sample {
  query: string;
  /** The variables; may first create (as the super administrator) what the operation consumes, e.g. an OU to delete. */
  variables: (ctx: SampleContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Set when `variables` writes (creates what the operation consumes). */
  prepares?: true;
  /** Whether the sample names an OU or a user of the target, so that an OU administrator's scope decides. */
  scoped: boolean;
  foreign: ForeignOutcome;
}

const superAdmin = (f: SecurityFixture): Credentials => ({ apiKey: f.keys.superAdmin });

async function freshOrgUnit({ f, target, n }: SampleContext): Promise<string> {
  const data = await f.ok(
    `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`,
    { input: { parentOrgUnitPath: target.path, name: `Leaf ${n}` } },
    superAdmin(f),
  );
  return data.createOrgUnit.orgUnit.id;
}

const GROUP_INPUT = (name: string) => `mutation ($input: ${name}Input!)`;

/** A new group (as the super administrator) holding the target's user; returns its id. */
async function freshGroup({ f, target, n }: SampleContext): Promise<string> {
  const data = await f.ok(
    `${GROUP_INPUT("CreateGroup")} { createGroup(input: $input) { group { id } } }`,
    { input: { name: `Fresh ${n}` } },
    superAdmin(f),
  );
  const groupId = data.createGroup.group.id as string;
  await f.ok(
    `${GROUP_INPUT("GroupMembers")} { addGroupMembers(input: $input) { changed } }`,
    { input: { groupId, userEmails: [target.user] } },
    superAdmin(f),
  );
  return groupId;
}

async function freshUser({ f, target, n }: SampleContext): Promise<string> {
  const email = `leaving-${n}@${f.own.domain}`;
  await f.ok(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`,
    { input: { email, orgUnitPath: target.path, name: `Leaving ${n}` } },
    superAdmin(f),
  );
  return email;
}

const toggle = (n: number) => (n % 2 === 0 ? "ON" : "OFF");

/** One valid operation per query and mutation, keyed "Query.x" / "Mutation.y". */
const samples: Record<string, Sample> = {
  "Query.viewer": {
    query: `{ viewer { kind id role orgUnitScope { path } user { email } } }`,
    variables: () => ({}),
    scoped: false,
    foreign: "OK",
  },
  "Query.knownMailClients": {
    query: `{ knownMailClients { clientId name } }`,
    variables: () => ({}),
    scoped: false,
    foreign: "OK",
  },
  "Query.customer": {
    query: `{ customer { id name domains } }`,
    variables: () => ({}),
    scoped: false,
    foreign: "OK",
  },
  "Query.orgUnit": {
    query: `query ($id: ID) { orgUnit(orgUnitId: $id) { id path effectiveMailAccess { popAccess { enabled } } } }`,
    variables: ({ target }) => ({ id: target.id }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.orgUnits": {
    query: `query ($id: ID) { orgUnits(under: { orgUnitId: $id }, first: 10) { nodes { id path effectiveMailAccess { popAccess { enabled } } } } }`,
    variables: ({ target }) => ({ id: target.id }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.user": {
    query: `query ($email: String!) {
      user(email: $email) { email effectiveMailAccess { pop { enabled } imap { enabled } availableToUser { popSettings } } }
    }`,
    variables: ({ target }) => ({ email: target.user }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.users": {
    query: `query ($emails: [String!]!) { users(emails: $emails) { email mailSettings { imapEnabled } } }`,
    variables: ({ target }) => ({ emails: [target.user] }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.mailAccessDecision": {
    query: `query ($input: MailAccessDecisionInput!) { mailAccessDecision(input: $input) { allowed reason } }`,
    variables: ({ target }) => ({
      input: { userEmail: target.user, protocol: "IMAP", client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL } },
    }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.mailAccessDecisions": {
    query: `query ($inputs: [MailAccessDecisionInput!]!) { mailAccessDecisions(inputs: $inputs) { allowed reason } }`,
    variables: ({ target }) => ({
      inputs: [{ userEmail: target.user, protocol: "POP", client: { authMethod: "PASSWORD" } }],
    }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.auditEvents": {
    query: `query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 5) { nodes { id orgUnitPath } } }`,
    variables: ({ target }) => ({ filter: { orgUnitPath: target.path, includeSubOrgUnits: true } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.apiKeys": {
    query: `{ apiKeys(first: 100) { nodes { id name role orgUnitScope { path } } } }`,
    variables: () => ({}),
    scoped: false,
    foreign: "OK",
  },
  "Query.adminRoles": {
    query: `{ adminRoles(first: 100) { nodes { email role } } }`,
    variables: () => ({}),
    scoped: false,
    foreign: "OK",
  },
  "Query.group": {
    query: `query ($name: String) { group(groupName: $name) { id name priority members { nodes { __typename } } } }`,
    variables: ({ target }) => ({ name: target.group }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Query.groups": {
    query: `{ groups(first: 100) { nodes { id name priority } } }`,
    variables: () => ({}),
    scoped: false,
    foreign: "OK",
  },
  "Mutation.createGroup": {
    query: `${GROUP_INPUT("CreateGroup")} { createGroup(input: $input) { group { id name } } }`,
    variables: ({ n }) => ({ input: { name: `Group ${n}` } }),
    scoped: false,
    foreign: "OK",
  },
  "Mutation.updateGroup": {
    query: `${GROUP_INPUT("UpdateGroup")} { updateGroup(input: $input) { group { id description } } }`,
    variables: ({ target, n }) => ({ input: { groupName: target.group, description: `Described ${n}` } }),
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.deleteGroup": {
    query: `${GROUP_INPUT("DeleteGroup")} { deleteGroup(input: $input) { deletedGroupId } }`,
    variables: async (ctx) => ({ input: { groupId: await freshGroup(ctx), force: true } }),
    prepares: true,
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.addGroupMembers": {
    query: `${GROUP_INPUT("GroupMembers")} { addGroupMembers(input: $input) { changed } }`,
    variables: ({ target }) => ({ input: { groupName: target.group, userEmails: [target.user] } }),
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.removeGroupMembers": {
    query: `${GROUP_INPUT("GroupMembers")} { removeGroupMembers(input: $input) { changed } }`,
    variables: async (ctx) => ({ input: { groupId: await freshGroup(ctx), userEmails: [ctx.target.user] } }),
    prepares: true,
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.updateGroupMailAccessPolicy": {
    query: `${GROUP_INPUT("UpdateGroupMailAccessPolicy")} { updateGroupMailAccessPolicy(input: $input) { changed } }`,
    variables: ({ target, n }) => ({ input: { groupName: target.group, lessSecureApps: toggle(n) } }),
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.setGroupPriority": {
    query: `${GROUP_INPUT("SetGroupPriority")} { setGroupPriority(input: $input) { priority changed } }`,
    variables: ({ target }) => ({ input: { groupName: target.group, priority: 1 } }),
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.createOrgUnit": {
    query: `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id path } } }`,
    variables: ({ target, n }) => ({ input: { parentOrgUnitPath: target.path, name: `New ${n}` } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.updateOrgUnit": {
    query: `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id description } } }`,
    variables: ({ target, n }) => ({ input: { orgUnitId: target.id, description: `Described ${n}` } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.deleteOrgUnit": {
    query: `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { deletedOrgUnitId path } }`,
    variables: async (ctx) => ({ input: { orgUnitId: await freshOrgUnit(ctx) } }),
    prepares: true,
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.updateMailAccessPolicy": {
    query: `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
    variables: ({ target, n }) => ({ input: { orgUnitId: target.id, lessSecureApps: toggle(n) } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.addAllowedOAuthClients": {
    query: `mutation ($input: AllowedOAuthClientsInput!) { addAllowedOAuthClients(input: $input) { changed } }`,
    variables: ({ target, n }) => ({
      input: { orgUnitId: target.id, oauthClientIds: [clientId(n)], switchToAllowlist: true },
    }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.removeAllowedOAuthClients": {
    query: `mutation ($input: AllowedOAuthClientsInput!) { removeAllowedOAuthClients(input: $input) { changed } }`,
    variables: ({ target, n }) => ({ input: { orgUnitId: target.id, oauthClientIds: [clientId(n)] } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.applyMailAccessPolicy": {
    query: `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed } }`,
    variables: ({ target, n }) => ({ input: { orgUnitPaths: [target.path], policy: { lessSecureApps: toggle(n) } } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.createUser": {
    query: `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`,
    variables: ({ f, target, n }) => ({
      input: { email: `new-${n}@${f.own.domain}`, orgUnitPath: target.path, name: `New ${n}` },
    }),
    scoped: true,
    // The address is checked against the caller's own organization's domains first.
    foreign: "BAD_USER_INPUT",
  },
  "Mutation.updateUser": {
    query: `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { email name } } }`,
    variables: ({ target, n }) => ({ input: { email: target.user, name: `Renamed ${n}` } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.deleteUser": {
    query: `mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedEmail } }`,
    variables: async (ctx) => ({ input: { email: await freshUser(ctx) } }),
    prepares: true,
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.updateUserMailSettings": {
    query: `mutation ($input: UpdateUserMailSettingsInput!) {
      updateUserMailSettings(input: $input) { user { email mailSettings { imapEnabled } } }
    }`,
    variables: ({ target, n }) => ({ input: { email: target.user, imapEnabled: n % 2 === 0 } }),
    scoped: true,
    foreign: "NOT_FOUND",
  },
  "Mutation.updateMyMailSettings": {
    query: `mutation ($input: UpdateMyMailSettingsInput!) {
      updateMyMailSettings(input: $input) { changed user { email mailSettings { imapEnabled } } }
    }`,
    // No address: the signed-in person's own settings (for the user column, the target user of /In).
    variables: ({ n }) => ({ input: { imapEnabled: n % 2 === 0 } }),
    scoped: false,
    foreign: "FORBIDDEN",
  },
  "Mutation.createApiKey": {
    query: `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id role } secret } }`,
    variables: ({ n }) => ({ input: { name: `integration ${n}`, role: "READ_ONLY" } }),
    scoped: false,
    foreign: "OK",
  },
  "Mutation.revokeApiKey": {
    query: `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }`,
    variables: async ({ f, n }) => {
      const data = await f.ok(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
        { input: { name: `to revoke ${n}`, role: "READ_ONLY" } },
        superAdmin(f),
      );
      return { input: { id: data.createApiKey.apiKey.id } };
    },
    prepares: true,
    scoped: false,
    foreign: "NOT_FOUND",
  },
  "Mutation.grantAdminRole": {
    query: `mutation ($input: GrantAdminRoleInput!) { grantAdminRole(input: $input) { adminRole { email role } } }`,
    variables: ({ f, n }) => ({ input: { email: `admin-${n}@${f.own.domain}`, role: "READ_ONLY" } }),
    scoped: false,
    // The address is checked against the caller's own organization's domains.
    foreign: "BAD_USER_INPUT",
  },
  "Mutation.revokeAdminRole": {
    query: `mutation ($input: RevokeAdminRoleInput!) { revokeAdminRole(input: $input) { email } }`,
    variables: async ({ f, n }) => {
      const email = `former-admin-${n}@${f.own.domain}`;
      await f.ok(
        `mutation ($input: GrantAdminRoleInput!) { grantAdminRole(input: $input) { adminRole { email } } }`,
        { input: { email, role: "READ_ONLY" } },
        superAdmin(f),
      );
      return { input: { email } };
    },
    prepares: true,
    scoped: false,
    foreign: "NOT_FOUND",
  },
};

/** The kinds of callers, each a column of the matrix. */
type CallerKind =
  | { kind: "admin"; role: "SUPER_ADMIN" | "ORG_UNIT_ADMIN" | "READ_ONLY" }
  | { kind: "refused" }
  | { kind: "consumer" }
  | { kind: "foreign" }
  | { kind: "user" };

interface Caller {
  label: string;
  is: CallerKind;
  /** Which OU the samples name for this caller. */
  target: "in" | "out";
  credentials: (f: SecurityFixture, idp: IdentityProvider) => Credentials | Promise<Credentials>;
}

const callers: Caller[] = [
  {
    label: "super admin",
    is: { kind: "admin", role: "SUPER_ADMIN" },
    target: "in",
    credentials: (f) => ({ apiKey: f.keys.superAdmin }),
  },
  {
    label: "OU admin in",
    is: { kind: "admin", role: "ORG_UNIT_ADMIN" },
    target: "in",
    credentials: (f) => ({ apiKey: f.keys.ouAdmin }),
  },
  {
    label: "OU admin out",
    is: { kind: "admin", role: "ORG_UNIT_ADMIN" },
    target: "out",
    credentials: (f) => ({ apiKey: f.keys.ouAdmin }),
  },
  {
    label: "read-only",
    is: { kind: "admin", role: "READ_ONLY" },
    target: "in",
    credentials: (f) => ({ apiKey: f.keys.readOnly }),
  },
  { label: "revoked", is: { kind: "refused" }, target: "in", credentials: (f) => ({ apiKey: f.keys.revoked }) },
  { label: "expired", is: { kind: "refused" }, target: "in", credentials: (f) => ({ apiKey: f.keys.expired }) },
  {
    // Shaped like a real key of this customer (mak_<customer id>_...), but never issued.
    label: "forged",
    is: { kind: "refused" },
    target: "in",
    credentials: (f) => ({ apiKey: `mak_${f.own.id}_${"A".repeat(32)}` }),
  },
  { label: "foreign key", is: { kind: "foreign" }, target: "in", credentials: (f) => ({ apiKey: f.keys.foreign }) },
  {
    label: "gmail",
    is: { kind: "consumer" },
    target: "in",
    credentials: async (_, idp) => ({ bearer: await idp.token({ email: "someone@gmail.com", name: "Someone" }) }),
  },
  { label: "no creds", is: { kind: "refused" }, target: "in", credentials: () => null },
  {
    // The signed-in user is the target user of /In (alice): a user may read their own effective mail access.
    label: "user (self)",
    is: { kind: "user" },
    target: "in",
    credentials: async (f, idp) => ({ bearer: await idp.token({ email: f.users.in, name: "Alice" }) }),
  },
];

type Outcome = "OK" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND" | "BAD_USER_INPUT" | `OTHER:${string}`;

/** What the rule, the caller's role and the sample's scope say must happen. */
function expectedOutcome(rule: AccessRule, caller: Caller, sample: Sample): Outcome {
  const is = caller.is;
  switch (is.kind) {
    case "refused":
      return "UNAUTHENTICATED";
    case "consumer":
      return "FORBIDDEN";
    case "foreign":
      return sample.foreign;
    case "user":
      // A user holds no role: ANY fields, SELF fields about themselves (the sample's target user is the user), and
      // PERSON fields, which act on their own mailbox.
      return rule === "ANY" || rule === "SELF" || rule === "PERSON" ? "OK" : "FORBIDDEN";
    case "admin": {
      // The administrators of this matrix are API keys, which are no person and have no mailbox.
      if (rule === "PERSON") return "FORBIDDEN";
      if (rule === "ANY" || is.role === "SUPER_ADMIN") return "OK";
      if (rule === "SUPER_ADMIN") return "FORBIDDEN";
      if (is.role === "READ_ONLY") return rule === "WRITE" ? "FORBIDDEN" : "OK";
      // Outside its reach an OU administrator is told what it is told of things that do not exist.
      return sample.scoped && caller.target === "out" ? "NOT_FOUND" : "OK";
    }
  }
}

/** What happened: refused (401 / FORBIDDEN), not found (an error, or null where the field is nullable), or OK. */
function outcomeOf(response: GraphQLResponse): Outcome {
  const codes = codesOf(response);
  if (response.status === 401 || codes.includes("UNAUTHENTICATED")) return "UNAUTHENTICATED";
  if (codes.includes("FORBIDDEN")) return "FORBIDDEN";
  if (codes.includes("NOT_FOUND")) return "NOT_FOUND";
  if (codes.includes("BAD_USER_INPUT")) return "BAD_USER_INPUT";
  if (codes.length > 0) return `OTHER:${codes.join(",")}`;
  const [value] = Object.values(response.data ?? {});
  if (value === null || (Array.isArray(value) && value.length > 0 && value.every((item) => item === null)))
    return "NOT_FOUND";
  return "OK";
}

const SHOWN: Record<string, string> = {
  OK: "ok",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "401",
  NOT_FOUND: "not found",
  BAD_USER_INPUT: "bad input",
};

type Row = { field: string; rule: AccessRule; cells: { actual: Outcome; expected: Outcome; status: number }[] };

function printMatrix(rows: Row[]) {
  const header = ["field", "rule", ...callers.map((c) => c.label)];
  const table = rows.map((row) => [
    row.field,
    row.rule,
    ...row.cells.map(({ actual, expected, status }) => {
      const shown =
        actual === expected
          ? (SHOWN[actual] ?? actual)
          : `✗ ${SHOWN[actual] ?? actual} ≠ ${SHOWN[expected] ?? expected}`;
      return status >= 500 ? `✗ ${shown} (HTTP ${status})` : shown;
    }),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(
    [
      "Access matrix (ok: allowed; FORBIDDEN; 401: UNAUTHENTICATED; not found: NOT_FOUND or null; ✗: not as expected)",
      line(header),
      line(widths.map((w) => "-".repeat(w))),
      ...table.map(line),
    ].join("\n"),
  );
}

let idp: IdentityProvider;
let f: SecurityFixture;
let targets: Record<"in" | "out", Target>;

beforeAll(async () => {
  idp = await startIdentityProvider();
  f = await securityFixture(testConfig({ oidc: idp.oidc }));
  targets = {
    in: { path: "/In", id: f.orgUnitIds["/In"] as string, user: f.users.in, group: "In group" },
    out: { path: "/Out", id: f.orgUnitIds["/Out"] as string, user: f.users.out, group: "Out group" },
  };
  // A group per target, holding the target's user: an OU administrator reads the group that reaches its scope only.
  for (const target of Object.values(targets)) {
    await f.ok(
      `${GROUP_INPUT("CreateGroup")} { createGroup(input: $input) { group { id } } }`,
      { input: { name: target.group } },
      superAdmin(f),
    );
    await f.ok(
      `${GROUP_INPUT("GroupMembers")} { addGroupMembers(input: $input) { changed } }`,
      { input: { groupName: target.group, userEmails: [target.user] } },
      superAdmin(f),
    );
  }
});

afterAll(async () => idp?.close());

describe("every root field of the schema is covered", () => {
  it.each(rootFields)("%s has an access rule and a sample operation", (field) => {
    expect(accessRules[field], `${field} needs a rule in this file`).toBeDefined();
    expect(samples[field], `${field} needs a sample operation in this file`).toBeDefined();
  });

  it("every access rule and every sample names a root field of the schema (no stale entries)", () => {
    expect(Object.keys(accessRules).filter((field) => !rootFields.includes(field))).toEqual([]);
    expect(Object.keys(samples).filter((field) => !rootFields.includes(field))).toEqual([]);
  });
});

describe("the access matrix", () => {
  it("every query and mutation × every caller: exactly who is allowed, refused writes change nothing", async () => {
    let counter = 0;
    const rows: Row[] = [];
    const problems: string[] = [];
    const ownIdentifiers = [f.own.id, f.own.domain, ...Object.values(f.orgUnitIds)];

    for (const field of rootFields) {
      const rule = accessRules[field];
      const sample = samples[field];
      if (rule === undefined || sample === undefined) continue; // reported by the coverage tests above
      // Each caller's variables first (some create what the operation consumes, as the super administrator).
      const cells: {
        caller: Caller;
        variables: Record<string, unknown>;
        expected: Outcome;
        actual?: Outcome;
        status?: number;
      }[] = [];
      for (const caller of callers)
        cells.push({
          caller,
          variables: await sample.variables({ f, target: targets[caller.target], n: (counter += 1) }),
          expected: expectedOutcome(rule, caller, sample),
        });

      const run = async (cell: (typeof cells)[number]) => {
        const { caller, variables, expected } = cell;
        const response = await f.gql(sample.query, variables, await caller.credentials(f, idp));
        const actual = (cell.actual = outcomeOf(response));
        cell.status = response.status;
        const where = `${field} as ${caller.label}`;
        if (actual !== expected)
          problems.push(`${where}: expected ${expected}, got ${actual}: ${JSON.stringify(response.errors ?? null)}`);
        if (response.status >= 500) problems.push(`${where}: HTTP ${response.status}`);
        if (actual === "UNAUTHENTICATED" && response.status !== 401)
          problems.push(`${where}: UNAUTHENTICATED with HTTP ${response.status}, not 401`);
        if (actual !== "OK" && actual !== "NOT_FOUND" && response.data != null && Object.values(response.data)[0])
          problems.push(`${where}: refused, yet returned data ${JSON.stringify(response.data)}`);
        if (caller.is.kind === "foreign") {
          const leaked = ownIdentifiers.filter((id) => JSON.stringify(response.data ?? null).includes(id));
          if (leaked.length > 0) problems.push(`${where}: the foreign key saw ${leaked.join(", ")}`);
        }
      };

      if (field.startsWith("Query.")) await Promise.all(cells.map(run));
      else {
        // Every caller that must not write to this organization, together between two snapshots; then the others.
        const refused = cells.filter((cell) => cell.expected !== "OK" || cell.caller.is.kind === "foreign");
        const before = await stateSnapshot(f);
        await Promise.all(refused.map(run));
        if ((await stateSnapshot(f)) !== before) {
          const through = refused.filter((cell) => cell.actual === "OK").map((cell) => cell.caller.label);
          problems.push(`${field}: the organization changed while refused callers ran (answered ok: ${through})`);
        }
        for (const cell of cells) if (!refused.includes(cell)) await run(cell);
      }
      rows.push({
        field,
        rule,
        cells: cells.map(({ actual, expected, status }) => ({ actual: actual ?? "OK", expected, status: status ?? 0 })),
      });
    }

    printMatrix(rows);
    expect(problems).toEqual([]);
  });

  it("viewer.user is the signed-in person's own user, and null for every API key", async () => {
    const users: Record<string, unknown> = {};
    for (const caller of callers) {
      if (caller.is.kind === "refused" || caller.is.kind === "consumer") continue;
      const response = await f.gql(`{ viewer { user { email } } }`, {}, await caller.credentials(f, idp));
      users[caller.label] = response.data?.viewer.user ?? null;
    }
    expect(users).toEqual({
      "super admin": null,
      "OU admin in": null,
      "OU admin out": null,
      "read-only": null,
      "foreign key": null,
      "user (self)": { email: f.users.in },
    });
  });

  it("a foreign key gets the same answer about this customer's OUs, users and keys as about ones that do not exist", async () => {
    const foreign = { apiKey: f.keys.foreign };
    const ghost: Target = {
      path: "/Ghost",
      id: "ou_0000000000000000",
      user: `ghost@${f.own.domain}`,
      group: "Ghost group",
    };
    const normalize = (response: GraphQLResponse, target: Target) =>
      JSON.stringify({ status: response.status, data: response.data ?? null, errors: response.errors ?? null })
        .replace(/"requestId":"[^"]+"/g, "")
        .replaceAll(target.id, "<id>")
        .replaceAll(target.path, "<path>")
        .replaceAll(target.user, "<user>")
        .replaceAll(target.group, "<group>");
    const differences: string[] = [];
    for (const [field, sample] of Object.entries(samples)) {
      if (sample.foreign === "OK" || sample.prepares) continue;
      const answers = [];
      for (const target of [targets.in, ghost]) {
        const response = await f.gql(sample.query, await sample.variables({ f, target, n: 0 }), foreign);
        answers.push(normalize(response, target));
      }
      if (answers[0] !== answers[1]) differences.push(`${field}: ${answers[0]} ≠ ${answers[1]}`);
    }
    expect(differences).toEqual([]);
  });
});
