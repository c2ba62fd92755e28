/**
 * Every mutation of the schema is audited (issue 10): for each one, generated from the schema, a case performs it and
 * states exactly the audit events it must write, in the same request, each naming the verified caller; the same
 * change made again (a no-op) and a keyed retry write none. Then: no audit event and no log line holds an API key's
 * secret or a bearer token, and the request log names the verified caller of every request.
 */
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import { testConfig } from "../support/api";
import { captureOutput, type CapturedOutput } from "../support/output";
import { clientId, EVENT_FIELDS, type AuditEventView } from "../support/partner";
import {
  securityFixture,
  startIdentityProvider,
  type Credentials,
  type IdentityProvider,
  type SecurityFixture,
} from "../support/security";

const mutations = Object.keys(buildSchema(typeDefs).getMutationType()?.getFields() ?? {});

/** What an event must show: its action and the fields that say what changed (others are not compared). */
type Expected = Record<string, string | null | undefined>;

interface Case {
  /** Prepares what the mutation acts on (as the super administrator); returns its input. */
  input: (n: number) => Promise<Record<string, unknown>>;
  query: string;
  /** The events the mutation must write, given its input and its answer. */
  events: (input: Record<string, any>, data: Record<string, any>) => Expected[];
  /** Whether sending the same input again changes nothing (and must write nothing). */
  repeatIsNoOp: boolean;
  /** Who performs it and how its events must name them; the super administrator's API key unless said. */
  by?: () => Promise<{ credentials: Credentials; actor: { kind: string; id: string; name: string } }>;
}

let idp: IdentityProvider;
let f: SecurityFixture;
let superAdmin: Credentials;
let superKeyId: string;
let output: CapturedOutput;

const mutation = (name: string, type: string, selection: string) =>
  `mutation ($input: ${type}!) { ${name}(input: $input) { ${selection} } }`;

async function newOrgUnit(n: number, parentOrgUnitPath = "/In"): Promise<string> {
  const name = `Audited ${n}`;
  await f.ok(
    mutation("createOrgUnit", "CreateOrgUnitInput", "orgUnit { id }"),
    { input: { parentOrgUnitPath, name } },
    superAdmin,
  );
  return `${parentOrgUnitPath}/${name}`;
}

async function newUser(n: number): Promise<string> {
  const email = `audited-${n}@${f.own.domain}`;
  await f.ok(
    mutation("createUser", "CreateUserInput", "user { email }"),
    { input: { email, orgUnitPath: "/In", name: `Audited ${n}` } },
    superAdmin,
  );
  return email;
}

/** A new configuration group (as the super administrator), optionally holding users; returns its id and name. */
async function newGroup(n: number, members: string[] = []): Promise<{ id: string; name: string }> {
  const name = `Audited group ${n}`;
  const data = await f.ok(mutation("createGroup", "CreateGroupInput", "group { id }"), { input: { name } }, superAdmin);
  const id = data.createGroup.group.id as string;
  if (members.length > 0)
    await f.ok(
      mutation("addGroupMembers", "GroupMembersInput", "changed"),
      { input: { groupId: id, userEmails: members } },
      superAdmin,
    );
  return { id, name };
}

const cases: Record<string, Case> = {
  createOrgUnit: {
    input: async (n) => ({ parentOrgUnitPath: "/In", name: `Created ${n}` }),
    query: mutation("createOrgUnit", "CreateOrgUnitInput", "orgUnit { id path }"),
    events: (input) => [
      {
        action: "ORG_UNIT_CREATED",
        orgUnitPath: `/In/${input.name}`,
        oldValue: null,
        newValue: `/In/${input.name}`,
      },
    ],
    repeatIsNoOp: false,
  },
  updateOrgUnit: {
    input: async (n) => ({ orgUnitPath: await newOrgUnit(n), name: `Renamed ${n}`, description: "now described" }),
    query: mutation("updateOrgUnit", "UpdateOrgUnitInput", "orgUnit { id path }"),
    events: (input) => [
      { action: "ORG_UNIT_RENAMED", oldValue: input.orgUnitPath, newValue: `/In/${input.name}` },
      { action: "ORG_UNIT_DESCRIPTION_CHANGED", orgUnitPath: `/In/${input.name}`, newValue: "now described" },
    ],
    // Renamed again to its own name, with the same description: nothing changes.
    repeatIsNoOp: true,
  },
  deleteOrgUnit: {
    input: async (n) => ({ orgUnitPath: await newOrgUnit(n) }),
    query: mutation("deleteOrgUnit", "DeleteOrgUnitInput", "deletedOrgUnitId"),
    events: (input) => [{ action: "ORG_UNIT_DELETED", oldValue: input.orgUnitPath, newValue: null }],
    repeatIsNoOp: false,
  },
  updateMailAccessPolicy: {
    input: async (n) => ({ orgUnitPath: await newOrgUnit(n), popAccess: "OFF", imapAccess: "OFF" }),
    query: mutation("updateMailAccessPolicy", "UpdateMailAccessPolicyInput", "changed"),
    events: (input) => [
      {
        action: "MAIL_SETTING_CHANGED",
        orgUnitPath: input.orgUnitPath,
        settingName: "ENABLE_POP_ACCESS",
        oldValue: "INHERIT_FROM_PARENT",
        newValue: "OFF",
      },
      {
        action: "MAIL_SETTING_CHANGED",
        orgUnitPath: input.orgUnitPath,
        settingName: "IMAP_ACCESS",
        oldValue: "INHERIT_FROM_PARENT",
        newValue: "OFF",
      },
    ],
    repeatIsNoOp: true,
  },
  addAllowedOAuthClients: {
    input: async (n) => {
      const orgUnitPath = await newOrgUnit(n);
      await f.ok(
        mutation("updateMailAccessPolicy", "UpdateMailAccessPolicyInput", "changed"),
        { input: { orgUnitPath, imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [clientId(1)] } } },
        superAdmin,
      );
      return { orgUnitPath, oauthClientIds: [clientId(100 + n)] };
    },
    query: mutation("addAllowedOAuthClients", "AllowedOAuthClientsInput", "changed"),
    events: (input) => [
      {
        action: "MAIL_SETTING_CHANGED",
        orgUnitPath: input.orgUnitPath,
        settingName: "IMAP_CLIENT_ACCESS",
        oldValue: `OAUTH_ALLOWLIST:${clientId(1)}`,
        newValue: `ADDED:${input.oauthClientIds[0]}`,
      },
    ],
    repeatIsNoOp: true,
  },
  removeAllowedOAuthClients: {
    input: async (n) => {
      const orgUnitPath = await newOrgUnit(n);
      await f.ok(
        mutation("updateMailAccessPolicy", "UpdateMailAccessPolicyInput", "changed"),
        {
          input: {
            orgUnitPath,
            imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [clientId(1), clientId(n)] },
          },
        },
        superAdmin,
      );
      return { orgUnitPath, oauthClientIds: [clientId(n)] };
    },
    query: mutation("removeAllowedOAuthClients", "AllowedOAuthClientsInput", "changed"),
    events: (input) => [
      {
        action: "MAIL_SETTING_CHANGED",
        orgUnitPath: input.orgUnitPath,
        settingName: "IMAP_CLIENT_ACCESS",
        newValue: `REMOVED:${input.oauthClientIds[0]}`,
      },
    ],
    repeatIsNoOp: true,
  },
  applyMailAccessPolicy: {
    input: async (n) => ({
      orgUnitPaths: [await newOrgUnit(n), await newOrgUnit(n + 0.5)],
      policy: { lessSecureApps: "ON" },
    }),
    query: mutation("applyMailAccessPolicy", "ApplyMailAccessPolicyInput", "changed"),
    events: (input) =>
      input.orgUnitPaths.map((orgUnitPath: string) => ({
        action: "MAIL_SETTING_CHANGED",
        orgUnitPath,
        settingName: "LESS_SECURE_APPS",
        oldValue: "INHERIT_FROM_PARENT",
        newValue: "ON",
      })),
    repeatIsNoOp: true,
  },
  createUser: {
    input: async (n) => ({ email: `created-${n}@${f.own.domain}`, orgUnitPath: "/In", name: `Created ${n}` }),
    query: mutation("createUser", "CreateUserInput", "user { email }"),
    events: (input) => [{ action: "USER_CREATED", userEmail: input.email, orgUnitPath: "/In", newValue: "/In" }],
    repeatIsNoOp: false,
  },
  updateUser: {
    input: async (n) => ({ email: await newUser(n), orgUnitPath: "/In/Team", name: `Moved ${n}` }),
    query: mutation("updateUser", "UpdateUserInput", "user { email }"),
    events: (input) => [
      { action: "USER_MOVED", userEmail: input.email, oldValue: "/In", newValue: "/In/Team", orgUnitPath: "/In/Team" },
      { action: "USER_RENAMED", userEmail: input.email, newValue: input.name },
    ],
    repeatIsNoOp: true,
  },
  deleteUser: {
    input: async (n) => ({ email: await newUser(n) }),
    query: mutation("deleteUser", "DeleteUserInput", "deletedEmail"),
    events: (input) => [{ action: "USER_DELETED", userEmail: input.email, oldValue: "/In" }],
    repeatIsNoOp: false,
  },
  updateUserMailSettings: {
    input: async (n) => ({ email: await newUser(n), imapEnabled: false }),
    query: mutation("updateUserMailSettings", "UpdateUserMailSettingsInput", "user { email }"),
    events: (input) => [
      {
        action: "USER_MAIL_SETTING_CHANGED",
        userEmail: input.email,
        settingName: "USER_IMAP_ENABLED",
        oldValue: "ON",
        newValue: "OFF",
      },
    ],
    repeatIsNoOp: true,
  },
  updateMyMailSettings: {
    // A user changes their own settings: the events name the user, signed in, as the actor.
    by: async () => ({
      credentials: { bearer: await idp.token({ email: f.users.in, name: "Alice" }) },
      actor: { kind: "USER", id: f.users.in, name: "Alice" },
    }),
    input: async () => ({ imapEnabled: false }),
    query: mutation("updateMyMailSettings", "UpdateMyMailSettingsInput", "changed user { email }"),
    events: () => [
      {
        action: "USER_MAIL_SETTING_CHANGED",
        userEmail: f.users.in,
        orgUnitPath: "/In",
        settingName: "USER_IMAP_ENABLED",
        oldValue: "ON",
        newValue: "OFF",
      },
    ],
    repeatIsNoOp: true,
  },
  createApiKey: {
    input: async (n) => ({ name: `audited ${n}`, role: "ORG_UNIT_ADMIN", orgUnitScope: "/In" }),
    query: mutation("createApiKey", "CreateApiKeyInput", "apiKey { id } secret"),
    events: (input, data) => [
      {
        action: "API_KEY_CREATED",
        apiKeyId: data.createApiKey.apiKey.id,
        oldValue: null,
        newValue: `ORG_UNIT_ADMIN /In "${input.name}"`,
        orgUnitPath: null,
      },
    ],
    repeatIsNoOp: false,
  },
  revokeApiKey: {
    input: async (n) => {
      const created = await f.ok(
        mutation("createApiKey", "CreateApiKeyInput", "apiKey { id }"),
        { input: { name: `to revoke ${n}`, role: "READ_ONLY" } },
        superAdmin,
      );
      return { id: created.createApiKey.apiKey.id };
    },
    query: mutation("revokeApiKey", "RevokeApiKeyInput", "apiKey { id revokedAt }"),
    events: (input) => [{ action: "API_KEY_REVOKED", apiKeyId: input.id }],
    repeatIsNoOp: true,
  },
  grantAdminRole: {
    input: async (n) => ({ email: `granted-${n}@${f.own.domain}`, role: "READ_ONLY" }),
    query: mutation("grantAdminRole", "GrantAdminRoleInput", "adminRole { email }"),
    events: (input) => [{ action: "ADMIN_ROLE_GRANTED", adminEmail: input.email, newValue: "READ_ONLY" }],
    repeatIsNoOp: true,
  },
  createGroup: {
    input: async (n) => ({ name: `Created group ${n}` }),
    query: mutation("createGroup", "CreateGroupInput", "group { id name }"),
    events: (input, data) => [
      {
        action: "GROUP_CREATED",
        groupId: data.createGroup.group.id,
        groupName: input.name,
        oldValue: null,
        newValue: input.name,
        orgUnitPath: null,
      },
    ],
    repeatIsNoOp: false,
  },
  updateGroup: {
    input: async (n) => ({
      groupId: (await newGroup(n)).id,
      name: `Renamed group ${n}`,
      description: "now described",
      email: `renamed-${n}@${f.own.domain}`,
    }),
    query: mutation("updateGroup", "UpdateGroupInput", "group { id name }"),
    events: (input) => [
      { action: "GROUP_RENAMED", groupId: input.groupId, newValue: input.name, groupName: input.name },
      { action: "GROUP_DESCRIPTION_CHANGED", groupId: input.groupId, oldValue: null, newValue: "now described" },
      { action: "GROUP_EMAIL_CHANGED", groupId: input.groupId, oldValue: null, newValue: input.email },
    ],
    repeatIsNoOp: true,
  },
  deleteGroup: {
    input: async (n) => {
      const group = await newGroup(n, [await newUser(n)]);
      return { groupId: group.id, force: true };
    },
    query: mutation("deleteGroup", "DeleteGroupInput", "deletedGroupId name"),
    events: (input, data) => [
      { action: "GROUP_DELETED", groupId: input.groupId, oldValue: data.deleteGroup.name, newValue: null },
    ],
    repeatIsNoOp: false,
  },
  addGroupMembers: {
    input: async (n) => ({ groupId: (await newGroup(n)).id, userEmails: [await newUser(n)] }),
    query: mutation("addGroupMembers", "GroupMembersInput", "changed"),
    events: (input) => [
      { action: "GROUP_MEMBER_ADDED", groupId: input.groupId, userEmail: input.userEmails[0], orgUnitPath: null },
    ],
    repeatIsNoOp: true,
  },
  removeGroupMembers: {
    input: async (n) => {
      const email = await newUser(n);
      return { groupId: (await newGroup(n, [email])).id, userEmails: [email] };
    },
    query: mutation("removeGroupMembers", "GroupMembersInput", "changed"),
    events: (input) => [{ action: "GROUP_MEMBER_REMOVED", groupId: input.groupId, userEmail: input.userEmails[0] }],
    repeatIsNoOp: true,
  },
  updateGroupMailAccessPolicy: {
    input: async (n) => ({ groupId: (await newGroup(n, [await newUser(n)])).id, popAccess: "OFF", imapAccess: "ON" }),
    query: mutation("updateGroupMailAccessPolicy", "UpdateGroupMailAccessPolicyInput", "changed"),
    events: (input) => [
      {
        action: "GROUP_MAIL_SETTING_CHANGED",
        groupId: input.groupId,
        setting: "POP_ACCESS",
        settingName: "ENABLE_POP_ACCESS",
        oldValue: "INHERIT_FROM_PARENT",
        newValue: "OFF",
      },
      {
        action: "GROUP_MAIL_SETTING_CHANGED",
        groupId: input.groupId,
        setting: "IMAP_ACCESS",
        settingName: "IMAP_ACCESS",
        oldValue: "INHERIT_FROM_PARENT",
        newValue: "ON",
      },
    ],
    repeatIsNoOp: true,
  },
  setGroupPriority: {
    input: async (n) => ({ groupId: (await newGroup(n)).id, priority: 1 }),
    query: mutation("setGroupPriority", "SetGroupPriorityInput", "priority changed"),
    events: (input) => [{ action: "GROUP_PRIORITY_CHANGED", groupId: input.groupId, newValue: "1" }],
    repeatIsNoOp: true,
  },
  revokeAdminRole: {
    input: async (n) => {
      const email = `revoked-${n}@${f.own.domain}`;
      await f.ok(
        mutation("grantAdminRole", "GrantAdminRoleInput", "adminRole { email }"),
        { input: { email, role: "READ_ONLY" } },
        superAdmin,
      );
      return { email };
    },
    query: mutation("revokeAdminRole", "RevokeAdminRoleInput", "email"),
    events: (input) => [{ action: "ADMIN_ROLE_REVOKED", adminEmail: input.email }],
    repeatIsNoOp: false,
  },
};

const FIELDS = `${EVENT_FIELDS} apiKeyId adminEmail groupId groupName memberGroupId`;

/** Every audit event of the organization, newest first, read as the super administrator. */
async function allEvents(): Promise<(AuditEventView & { apiKeyId: string | null; adminEmail: string | null })[]> {
  const events = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (
      await f.ok(
        `query ($after: String) { auditEvents(first: 100, after: $after) { nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`,
        { after },
        superAdmin,
      )
    ).auditEvents;
    events.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return events;
    after = page.pageInfo.endCursor;
  }
}

/** Runs `call` and returns the audit events it wrote. */
async function newEvents(call: () => Promise<unknown>) {
  const before = new Set((await allEvents()).map((event) => event.id));
  await call();
  return (await allEvents()).filter((event) => !before.has(event.id));
}

beforeAll(async () => {
  idp = await startIdentityProvider();
  f = await securityFixture(testConfig({ oidc: idp.oidc }));
  superAdmin = { apiKey: f.keys.superAdmin };
  superKeyId = (await f.ok(`{ viewer { id } }`, {}, superAdmin)).viewer.id;
  // Every line the handler logs from here on, to look for secrets and read the request log.
  output = captureOutput();
});

afterAll(async () => {
  output.restore();
  await idp?.close();
});

describe("every mutation writes exactly its audit events, naming the verified caller", () => {
  it.each(mutations)("%s has a case here", (name) => {
    expect(cases[name], `add a case for ${name} to this file`).toBeDefined();
  });

  it.each(mutations.filter((name) => cases[name] !== undefined))("%s", async (name) => {
    const sample = cases[name] as Case;
    const n = mutations.indexOf(name) + 1;
    const input = await sample.input(n);
    const { credentials, actor } = (await sample.by?.()) ?? {
      credentials: superAdmin,
      actor: { kind: "API_KEY", id: superKeyId, name: "super administrator" },
    };
    let data: Record<string, any> = {};
    const written = await newEvents(async () => {
      data = await f.ok(sample.query, { input: { ...input, idempotencyKey: `audit-${name}` } }, credentials);
    });
    const expected = sample.events(input, data);
    expect(written, `${name} wrote ${JSON.stringify(written)}`).toHaveLength(expected.length);
    for (const event of expected)
      expect(written, `${name}: ${JSON.stringify(event)}`).toContainEqual(expect.objectContaining(event));
    for (const event of written) {
      expect(event.actor).toEqual(actor);
      expect(event.idempotencyKey).toBe(`audit-${name}`);
    }
    // A keyed retry replays the answer and writes nothing.
    const replayed = await newEvents(() =>
      f.ok(sample.query, { input: { ...input, idempotencyKey: `audit-${name}` } }, credentials),
    );
    expect(replayed).toEqual([]);
    // The same change again, as a new request, changes nothing and records nothing.
    if (sample.repeatIsNoOp) {
      const repeated =
        name === "updateOrgUnit"
          ? { orgUnitId: data.updateOrgUnit.orgUnit.id, name: input.name, description: input.description }
          : input;
      expect(await newEvents(() => f.ok(sample.query, { input: repeated }, credentials))).toEqual([]);
    }
  });

  it("names a signed-in administrator by its address", async () => {
    const email = `signed-in-admin@${f.own.domain}`;
    await f.ok(
      mutation("grantAdminRole", "GrantAdminRoleInput", "adminRole { email }"),
      { input: { email, role: "SUPER_ADMIN" } },
      superAdmin,
    );
    const admin = { bearer: await idp.token({ email, name: "Signed-in Admin" }) };
    const written = await newEvents(() =>
      f.ok(
        mutation("createOrgUnit", "CreateOrgUnitInput", "orgUnit { id }"),
        { input: { parentOrgUnitPath: "/In", name: "By a person" } },
        admin,
      ),
    );
    expect(written).toHaveLength(1);
    expect(written[0]?.actor).toEqual({ kind: "ADMIN", id: email, name: "Signed-in Admin" });
  });
});

describe("previews (dryRun) are audited by nothing, since they change nothing", () => {
  it("moves of an OU and of a user, policy changes, bulk changes", async () => {
    const orgUnitPath = await newOrgUnit(900);
    const email = await newUser(900);
    const previews: [string, string, Record<string, unknown>][] = [
      ["updateOrgUnit", "UpdateOrgUnitInput", { orgUnitPath, parentOrgUnitPath: "/In/Team", name: "Renamed" }],
      ["updateUser", "UpdateUserInput", { email, orgUnitPath: "/In/Team", name: "Renamed" }],
      ["updateMailAccessPolicy", "UpdateMailAccessPolicyInput", { orgUnitPath: "/In", imapAccess: "OFF" }],
      ["applyMailAccessPolicy", "ApplyMailAccessPolicyInput", { orgUnitPaths: ["/In"], policy: { popAccess: "OFF" } }],
    ];
    for (const [name, type, input] of previews) {
      const written = await newEvents(() =>
        f.ok(mutation(name, type, "dryRun"), { input: { ...input, dryRun: true } }, superAdmin),
      );
      expect(written, name).toEqual([]);
    }
  });
});

describe("secrets stay out of the audit log and the logs", () => {
  it("no audit event and no log line holds an API key's secret or a bearer token", async () => {
    const created = await f.ok(
      mutation("createApiKey", "CreateApiKeyInput", "secret"),
      { input: { name: "secret keeper", role: "READ_ONLY" } },
      superAdmin,
    );
    const token = await idp.token({ email: `reader@${f.own.domain}`, name: "Reader" });
    await f.gql(`{ viewer { id } }`, {}, { bearer: token });
    await f.gql(`{ viewer { id } }`, {}, { apiKey: created.createApiKey.secret });
    const secrets = [...Object.values(f.keys), created.createApiKey.secret as string, token];
    const events = JSON.stringify(await allEvents());
    for (const secret of secrets) {
      expect(events.includes(secret), "an audit event holds a secret").toBe(false);
      expect(
        output.lines.filter((line) => line.includes(secret)),
        "a log line holds a secret",
      ).toEqual([]);
    }
    // The secret's random part alone must not appear either (a key's prefix names only its customer).
    for (const secret of secrets) {
      const tail = secret.slice(-20);
      expect(events.includes(tail) || output.lines.some((line) => line.includes(tail))).toBe(false);
    }
  });
});

describe("the request log names the verified caller", () => {
  const requestLines = () => output.json().filter((line) => line.message === "request");

  it("an API key by its id, a person by the address they signed in with, a refused caller not at all", async () => {
    const reader = { bearer: await idp.token({ email: f.users.in, name: "Alice" }) };
    const cases: [Credentials, { kind: string; id: string } | undefined][] = [
      [superAdmin, { kind: "API_KEY", id: superKeyId }],
      [reader, { kind: "USER", id: f.users.in }],
      [{ apiKey: `mak_${f.own.id}_${"Z".repeat(32)}` }, undefined],
    ];
    for (const [credentials, actor] of cases) {
      const before = requestLines().length;
      await f.gql(`{ viewer { id } }`, {}, credentials);
      const lines = requestLines().slice(before);
      expect(lines).toHaveLength(1);
      expect(lines[0]?.actor).toEqual(actor);
    }
  });
});
