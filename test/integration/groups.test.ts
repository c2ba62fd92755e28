/**
 * Configuration groups through the API (issue 14): groups, their members and priority order with their bounds; the
 * settings in force for users (groups over OUs, setting by setting, highest priority first) in every read and
 * decision, with the round trips they cost; what an OU administrator sees of groups.
 */
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { testCustomer } from "../support/api";
import {
  ADD_MEMBERS,
  CREATE_GROUP,
  DELETE_GROUP,
  GROUP_POLICY,
  IOS_MAIL,
  REMOVE_MEMBERS,
  SET_PRIORITY,
  adminAccess,
  createGroup,
  decisionQuery,
  iosImapDecision,
} from "../support/groups";
import { createOrgUnits, createUsers, errorOf, type Api } from "../support/partner";

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`;
const OU_POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`;

async function createUser(api: Api, email: string, orgUnitPath: string): Promise<void> {
  await api.ok(CREATE_USER, { input: { email, orgUnitPath, name: email.split("@")[0] } });
}

const GROUP_NAMES = `{ groups(first: 100) { nodes { name priority } } }`;

async function order(api: Api): Promise<string[]> {
  const nodes = (await api.ok(GROUP_NAMES)).groups.nodes as { name: string; priority: number }[];
  nodes.forEach((node, index) => expect(node.priority).toBe(index + 1));
  return nodes.map((node) => node.name);
}

describe("groups, their names and the priority order", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
  });

  it("creates groups last in the priority order, with unique names (compared as OU names are)", async () => {
    await createGroup(api, "first");
    await createGroup(api, "second");
    expect(await order(api)).toEqual(["first", "second"]);
    const clash = errorOf(await api.gql(CREATE_GROUP, { input: { name: "FIRST" } }));
    expect(clash.extensions).toMatchObject({ code: "CONFLICT", field: "name" });
    const long = errorOf(await api.gql(CREATE_GROUP, { input: { name: "x".repeat(101) } }));
    expect(long.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name", maxLength: 100 });
  });

  it("takes an address in one of the organization's domains, not a user's, and unique", async () => {
    await createUser(api, "taken@example.com", "/");
    const outside = errorOf(await api.gql(CREATE_GROUP, { input: { name: "mailed", email: "list@other.org" } }));
    expect(outside.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    const user = errorOf(await api.gql(CREATE_GROUP, { input: { name: "mailed", email: "taken@example.com" } }));
    expect(user.extensions).toMatchObject({ code: "CONFLICT", field: "email" });
    await api.ok(CREATE_GROUP, { input: { name: "mailed", email: "List@Example.com", description: "a\nb" } });
    const twice = errorOf(await api.gql(CREATE_GROUP, { input: { name: "mailed2", email: "list@example.com" } }));
    expect(twice.extensions).toMatchObject({ code: "CONFLICT", field: "email" });
    const group = (await api.ok(`{ group(groupName: "MAILED") { name email description } }`)).group;
    expect(group).toEqual({ name: "mailed", email: "list@example.com", description: "a\nb" });
    const described = errorOf(await api.gql(CREATE_GROUP, { input: { name: "wordy", description: "x".repeat(1001) } }));
    expect(described.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "description", maxLength: 1000 });
  });

  it("renames a group (freeing its old name), re-addresses it, and refuses a stale expectedVersion", async () => {
    const id = await createGroup(api, "old name");
    const UPDATE = `mutation ($input: UpdateGroupInput!) { updateGroup(input: $input) { group { name email version } } }`;
    const renamed = await api.ok(UPDATE, { input: { groupId: id, name: "new name", email: "new@example.com" } });
    expect(renamed.updateGroup.group).toEqual({ name: "new name", email: "new@example.com", version: 2 });
    await createGroup(api, "old name");
    const stale = errorOf(await api.gql(UPDATE, { input: { groupId: id, description: "d", expectedVersion: 1 } }));
    expect(stale.extensions).toMatchObject({ code: "CONFLICT", field: "expectedVersion", currentVersion: 2 });
    const cleared = await api.ok(UPDATE, { input: { groupName: "new name", email: "" } });
    expect(cleared.updateGroup.group.email).toBeNull();
  });

  it("moves a group in the order: the others keep theirs, without gaps, also under concurrent moves", async () => {
    const fresh = await testCustomer();
    for (const name of ["a", "b", "c", "d", "e"]) await createGroup(fresh, name);
    const moved = await fresh.ok(SET_PRIORITY, { input: { groupName: "d", priority: 1 } });
    expect(moved.setGroupPriority).toMatchObject({ priority: 1, changed: true });
    expect(await order(fresh)).toEqual(["d", "a", "b", "c", "e"]);
    const again = await fresh.ok(SET_PRIORITY, { input: { groupName: "d", priority: 1 } });
    expect(again.setGroupPriority.changed).toBe(false);
    const beyond = errorOf(await fresh.gql(SET_PRIORITY, { input: { groupName: "d", priority: 6 } }));
    expect(beyond.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "priority", max: 5 });
    // Five moves at once: each lands on the order as the previous one left it.
    const moves = [
      ["a", 5],
      ["e", 1],
      ["c", 2],
      ["b", 4],
      ["d", 3],
    ] as const;
    await Promise.all(moves.map(([groupName, priority]) => fresh.ok(SET_PRIORITY, { input: { groupName, priority } })));
    const after = await order(fresh);
    expect([...after].sort()).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("refuses the 1001st group of an organization", async () => {
    const full = await testCustomer();
    const ids = Array.from({ length: 1000 }, (_, i) => `grp_${String(i).padStart(20, "0")}`);
    await createDocumentClient(full.config).send(
      new PutCommand({
        TableName: full.config.tableName,
        Item: { ...keys.groupOrder(full.customer.id), groupIds: ids, version: 1 },
      }),
    );
    const refused = errorOf(await full.gql(CREATE_GROUP, { input: { name: "one too many" } }));
    expect(refused.extensions).toMatchObject({ code: "FAILED_PRECONDITION", maxGroups: 1000 });
  });
});

describe("members", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/Sales", "/Engineering"]);
    await createUsers(api, "/Sales", 30, "seller");
    await createUsers(api, "/Engineering", 3, "engineer");
  });

  it("adds users in batches of at most 25, leaves members already in alone, and lists members page by page", async () => {
    const id = await createGroup(api, "batch");
    const emails = Array.from({ length: 26 }, (_, i) => `seller${i}@example.com`);
    const tooMany = errorOf(await api.gql(ADD_MEMBERS, { input: { groupId: id, userEmails: emails } }));
    expect(tooMany.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "userEmails", maxItems: 25 });
    const added = await api.ok(ADD_MEMBERS, { input: { groupId: id, userEmails: emails.slice(0, 25) } });
    expect(added.addGroupMembers).toMatchObject({ changed: true, group: { userMemberCount: 25 } });
    const again = await api.ok(ADD_MEMBERS, { input: { groupId: id, userEmails: emails.slice(20, 26) } });
    expect(again.addGroupMembers).toMatchObject({ changed: true, group: { userMemberCount: 26 } });
    const unknown = errorOf(await api.gql(ADD_MEMBERS, { input: { groupId: id, userEmails: ["nobody@example.com"] } }));
    expect(unknown.extensions).toMatchObject({ code: "NOT_FOUND", field: "userEmails[0]" });
    const PAGE = `query ($after: String) { group(groupName: "batch") {
      members(first: 10, after: $after) { nodes { ... on User { email } } pageInfo { hasNextPage endCursor } } } }`;
    const listed: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const page: any = (await api.ok(PAGE, { after })).group.members;
      listed.push(...page.nodes.map((node: { email: string }) => node.email));
      if (!page.pageInfo.hasNextPage) {
        expect(pages).toBe(3);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(listed).toEqual([...emails].sort());
    const removed = await api.ok(REMOVE_MEMBERS, {
      input: { groupName: "batch", userEmails: [...emails.slice(0, 3), "engineer0@example.com"] },
    });
    expect(removed.removeGroupMembers).toMatchObject({ changed: true, group: { userMemberCount: 23 } });
  });

  it("nests groups and shows each user's groups, direct and through nesting, with the path", async () => {
    const everyone = await createGroup(api, "everyone");
    const engineers = await createGroup(api, "engineers", { users: ["engineer1@example.com"] });
    const oncall = await createGroup(api, "oncall", { users: ["engineer1@example.com"] });
    await api.ok(ADD_MEMBERS, { input: { groupId: everyone, groupIds: [engineers, oncall] } });
    await api.ok(SET_PRIORITY, { input: { groupId: oncall, priority: 1 } });
    const data = await api.ok(`{ user(email: "engineer1@example.com") {
      groups { totalCount nodes { direct group { name priority } path { name } } } } }`);
    const memberships = data.user.groups.nodes;
    expect(data.user.groups.totalCount).toBe(3);
    expect(memberships[0]).toMatchObject({
      direct: true,
      group: { name: "oncall", priority: 1 },
      path: [{ name: "oncall" }],
    });
    const viaNesting = memberships.find((m: any) => m.group.name === "everyone");
    expect(viaNesting.direct).toBe(false);
    expect(viaNesting.path.at(-1)).toEqual({ name: "everyone" });
    expect(viaNesting.path).toHaveLength(2);
    const group = (await api.ok(`{ group(groupName: "engineers") { memberOf { name } groupMemberCount } }`)).group;
    expect(group).toEqual({ memberOf: [{ name: "everyone" }], groupMemberCount: 0 });
    const members = (
      await api.ok(`{ group(groupName: "everyone") { groupMemberCount
      members { nodes { __typename ... on Group { name } } } } }`)
    ).group;
    expect(members.groupMemberCount).toBe(2);
    expect(members.members.nodes.map((m: any) => m.name).sort()).toEqual(["engineers", "oncall"]);
  });

  it("refuses cycles, a group in itself, and more than 10 levels of nesting", async () => {
    const ids: string[] = [];
    for (let level = 1; level <= 11; level += 1) ids.push(await createGroup(api, `level ${level}`));
    // level 1 ⊃ level 2 ⊃ … ⊃ level 10: ten levels.
    for (let level = 1; level < 10; level += 1)
      await api.ok(ADD_MEMBERS, { input: { groupId: ids[level - 1], groupIds: [ids[level]] } });
    const cycle = errorOf(await api.gql(ADD_MEMBERS, { input: { groupId: ids[5], groupIds: [ids[2]] } }));
    expect(cycle.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "groupIds[0]" });
    expect(cycle.message).toContain("cycle");
    const itself = errorOf(await api.gql(ADD_MEMBERS, { input: { groupId: ids[4], groupIds: [ids[4]] } }));
    expect(itself.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "groupIds[0]" });
    const deep = errorOf(await api.gql(ADD_MEMBERS, { input: { groupId: ids[9], groupIds: [ids[10]] } }));
    expect(deep.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "groupIds[0]", maxLevels: 10 });
    // Nothing was written by the refusals: level 10 still has no member group, level 11 is in no group.
    const last = (await api.ok(`{ group(groupName: "level 11") { memberOf { name } } }`)).group;
    expect(last.memberOf).toEqual([]);
  });
});

describe("the settings in force for users: groups over OUs", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/Sales", "/Sales/EMEA"]);
    await createUser(api, "ana@example.com", "/Sales/EMEA");
    await createUser(api, "carl@example.com", "/Sales/EMEA");
    await api.ok(OU_POLICY, { input: { orgUnitPath: "/Sales", imapAccess: "OFF" } });
  });

  it("an exception: IMAP off for /Sales, on for the group imap-exceptions that holds ana@example.com", async () => {
    await createGroup(api, "imap-exceptions", { policy: { imapAccess: "ON" }, users: ["ana@example.com"] });
    expect(await adminAccess(api, "ana@example.com")).toEqual({
      imap: { allowed: true, source: "GROUP imap-exceptions" },
      pop: { allowed: true, source: "DEFAULT" },
    });
    expect((await adminAccess(api, "carl@example.com")).imap).toEqual({ allowed: false, source: "INHERITED /Sales" });
    expect(await iosImapDecision(api, "ana@example.com")).toMatchObject({
      allowed: true,
      reason: "ALLOWED",
      decidedBy: { setting: "IMAP_ACCESS", source: { kind: "GROUP", group: { name: "imap-exceptions" } } },
    });
    expect((await iosImapDecision(api, "ana@example.com")).explanation).toContain(
      'configuration group "imap-exceptions"',
    );
    expect(await iosImapDecision(api, "carl@example.com")).toMatchObject({ allowed: false, reason: "IMAP_DISABLED" });
    // Her user-facing page shows the IMAP settings; the OU's own settings stay what they are.
    const page = await api.ok(`{ user(email: "ana@example.com") { effectiveMailAccess {
      availableToUser { imapSettings } orgUnitSettings { imapAccess { enabled } }
      settings { imapAccess { enabled source { kind group { name } } } } } } }`);
    expect(page.user.effectiveMailAccess).toEqual({
      availableToUser: { imapSettings: true },
      orgUnitSettings: { imapAccess: { enabled: false } },
      settings: { imapAccess: { enabled: true, source: { kind: "GROUP", group: { name: "imap-exceptions" } } } },
    });
    // Her own IMAP setting may be changed: the administrator allows IMAP for her.
    await api.ok(
      `mutation { updateUserMailSettings(input: { email: "ana@example.com", imapEnabled: false }) { user { email } } }`,
    );
    const refused = errorOf(
      await api.gql(`mutation { updateUserMailSettings(input: { email: "carl@example.com", imapEnabled: false }) {
        user { email } } }`),
    );
    expect(refused.extensions.code).toBe("FAILED_PRECONDITION");
    await api.ok(
      `mutation { updateUserMailSettings(input: { email: "ana@example.com", imapEnabled: true }) { user { email } } }`,
    );
  });

  it("a priority swap flips the decision", async () => {
    await createUser(api, "dana@example.com", "/Sales/EMEA");
    await createGroup(api, "allow imap", { policy: { imapAccess: "ON" }, users: ["dana@example.com"] });
    await createGroup(api, "deny imap", { policy: { imapAccess: "OFF" }, users: ["dana@example.com"] });
    expect(await iosImapDecision(api, "dana@example.com")).toMatchObject({
      allowed: true,
      decidedBy: { source: { group: { name: "allow imap" } } },
    });
    const preview = await api.ok(SET_PRIORITY, { input: { groupName: "deny imap", priority: 1, dryRun: true } });
    expect(preview.setGroupPriority.impact).toEqual({ membersReached: 1, usersGainingImap: 0, usersLosingImap: 1 });
    expect((await iosImapDecision(api, "dana@example.com")).allowed).toBe(true);
    await api.ok(SET_PRIORITY, { input: { groupName: "deny imap", priority: 1 } });
    expect(await iosImapDecision(api, "dana@example.com")).toMatchObject({
      allowed: false,
      reason: "IMAP_DISABLED",
      decidedBy: { setting: "IMAP_ACCESS", source: { kind: "GROUP", group: { name: "deny imap" } } },
    });
  });

  it("removing a member, un-nesting a group and deleting a group each restore the OU's value", async () => {
    for (const email of ["erin@example.com", "finn@example.com", "gus@example.com"])
      await createUser(api, email, "/Sales/EMEA");
    const exceptions = await createGroup(api, "more exceptions", {
      policy: { imapAccess: "ON" },
      users: ["erin@example.com"],
    });
    const team = await createGroup(api, "team", { users: ["finn@example.com"] });
    await api.ok(ADD_MEMBERS, { input: { groupId: exceptions, groupIds: [team] } });
    const doomed = await createGroup(api, "doomed", { policy: { imapAccess: "ON" }, users: ["gus@example.com"] });
    for (const email of ["erin@example.com", "finn@example.com", "gus@example.com"])
      expect((await adminAccess(api, email)).imap.allowed).toBe(true);
    const restored = { allowed: false, source: "INHERITED /Sales" };

    await api.ok(REMOVE_MEMBERS, { input: { groupId: exceptions, userEmails: ["erin@example.com"] } });
    expect((await adminAccess(api, "erin@example.com")).imap).toEqual(restored);

    await api.ok(REMOVE_MEMBERS, { input: { groupId: exceptions, groupIds: [team] } });
    expect((await adminAccess(api, "finn@example.com")).imap).toEqual(restored);

    const unforced = errorOf(await api.gql(DELETE_GROUP, { input: { groupId: doomed } }));
    expect(unforced.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "force" });
    const preview = await api.ok(DELETE_GROUP, { input: { groupId: doomed, dryRun: true } });
    expect(preview.deleteGroup).toMatchObject({
      requiresForce: true,
      dryRun: true,
      impact: { membersReached: 1, usersLosingImap: 1 },
    });
    expect((await adminAccess(api, "gus@example.com")).imap.allowed).toBe(true);
    await api.ok(DELETE_GROUP, { input: { groupId: doomed, force: true } });
    expect((await adminAccess(api, "gus@example.com")).imap).toEqual(restored);
    expect((await api.ok(`{ group(groupName: "doomed") { id } }`)).group).toBeNull();
    expect((await api.ok(`{ user(email: "gus@example.com") { groups { totalCount } } }`)).user.groups.totalCount).toBe(
      0,
    );
    // Its name is free again.
    await createGroup(api, "doomed");
  });

  it("a group's setting left unset falls to lower-priority groups, then to the OU", async () => {
    await createUser(api, "hana@example.com", "/Sales/EMEA");
    const high = await createGroup(api, "high", { policy: { popAccess: "OFF" }, users: ["hana@example.com"] });
    await createGroup(api, "low", { policy: { popAccess: "ON", imapAccess: "ON" }, users: ["hana@example.com"] });
    await api.ok(SET_PRIORITY, { input: { groupId: high, priority: 1 } });
    expect(await adminAccess(api, "hana@example.com")).toEqual({
      imap: { allowed: true, source: "GROUP low" },
      pop: { allowed: false, source: "GROUP high" },
    });
    await api.ok(GROUP_POLICY, { input: { groupId: high, popAccess: "INHERIT" } });
    expect((await adminAccess(api, "hana@example.com")).pop).toEqual({ allowed: true, source: "GROUP low" });
  });
});

describe("round trips: a user's settings and decisions cost 2 with groups, as without", () => {
  let api: Api;
  const EFFECTIVE = `query ($email: String!) { user(email: $email) { email effectiveMailAccess {
    imap { allowedByAdministrator source { kind group { name } orgUnit { path } } }
    pop { allowedByAdministrator } lessSecureApps { allowedByAdministrator }
    settings { imapClientAccess { mode source { kind } } } } } }`;
  const DECISIONS = `query ($inputs: [MailAccessDecisionInput!]!) { mailAccessDecisions(inputs: $inputs) {
    userEmail allowed reason decidedBy { source { kind group { name } } } } }`;

  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/A", "/A/B", "/A/B/C"]);
    for (const email of ["none@example.com", "one@example.com", "ten@example.com"])
      await createUser(api, email, "/A/B/C");
    await api.ok(OU_POLICY, { input: { orgUnitPath: "/A", imapAccess: "OFF" } });
    await createGroup(api, "single", { policy: { imapAccess: "ON" }, users: ["one@example.com"] });
    // A chain of 10 groups, each inside the next; the user is in the innermost; the outermost sets IMAP.
    const chain: string[] = [];
    for (let level = 0; level < 10; level += 1) chain.push(await createGroup(api, `chain ${level}`));
    for (let level = 0; level < 9; level += 1)
      await api.ok(ADD_MEMBERS, { input: { groupId: chain[level + 1], groupIds: [chain[level]] } });
    await api.ok(ADD_MEMBERS, { input: { groupId: chain[0], userEmails: ["ten@example.com"] } });
    await api.ok(GROUP_POLICY, { input: { groupId: chain[9], imapAccess: "ON", lessSecureApps: "ON" } });
  });

  it("user(email) { effectiveMailAccess } in 0, 1 and 10 groups (nested): 2 round trips, 2 sequential", async () => {
    const counts: Record<string, [number, number]> = {};
    for (const email of ["none@example.com", "one@example.com", "ten@example.com"]) {
      const response = await api.gql(EFFECTIVE, { email });
      expect(response.errors).toBeUndefined();
      counts[email] = [response.roundTrips, response.sequentialRoundTrips];
    }
    expect(counts).toEqual({
      "none@example.com": [2, 2],
      "one@example.com": [2, 2],
      "ten@example.com": [2, 2],
    });
    const ten = (await api.ok(EFFECTIVE, { email: "ten@example.com" })).user.effectiveMailAccess;
    expect(ten.imap).toEqual({
      allowedByAdministrator: true,
      source: { kind: "GROUP", group: { name: "chain 9" }, orgUnit: null },
    });
    expect(ten.lessSecureApps.allowedByAdministrator).toBe(true);
  });

  it("mailAccessDecision in 0, 1 and 10 groups, and mailAccessDecisions for all three: 2 round trips each", async () => {
    const input = (userEmail: string) => ({
      userEmail,
      protocol: "IMAP",
      client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL },
    });
    const counts: number[] = [];
    for (const email of ["none@example.com", "one@example.com", "ten@example.com"]) {
      const response = await api.gql(decisionQuery, { input: input(email) });
      expect(response.errors).toBeUndefined();
      counts.push(response.roundTrips, response.sequentialRoundTrips);
    }
    expect(counts).toEqual([2, 2, 2, 2, 2, 2]);
    const all = await api.gql(DECISIONS, {
      inputs: ["none@example.com", "one@example.com", "ten@example.com"].map(input),
    });
    expect(
      (all.data as any).mailAccessDecisions.map((d: any) => [d.allowed, d.decidedBy.source.group?.name ?? null]),
    ).toEqual([
      [false, null],
      [true, "single"],
      [true, "chain 9"],
    ]);
    expect([all.roundTrips, all.sequentialRoundTrips]).toEqual([2, 2]);
  });
});

describe("what an OU administrator sees of groups", () => {
  it("the groups that reach its scope, their members within it; other groups are not found", async () => {
    const api = await testCustomer();
    await createOrgUnits(api, ["/In", "/Out"]);
    await createUser(api, "in@example.com", "/In");
    await createUser(api, "out@example.com", "/Out");
    const reaching = await createGroup(api, "reaching", { users: ["in@example.com", "out@example.com"] });
    await createGroup(api, "outside", { users: ["out@example.com"] });
    const nested = await createGroup(api, "nested", { groups: [reaching] });
    expect(nested).toBeDefined();
    const key = (
      await api.ok(`mutation { createApiKey(input: { name: "in admin", role: ORG_UNIT_ADMIN, orgUnitScope: "/In" }) {
        secret } }`)
    ).createApiKey.secret as string;
    const asAdmin = (query: string) => api.gql(query, {}, { apiKey: key });
    const groups = await asAdmin(`{ groups { nodes { name } } }`);
    expect((groups.data as any).groups.nodes.map((g: any) => g.name)).toEqual(["reaching", "nested"]);
    const outside = await asAdmin(`{ group(groupName: "outside") { id } }`);
    expect(outside.data).toEqual({ group: null });
    const members = await asAdmin(`{ group(groupName: "reaching") { members { nodes { ... on User { email } } } } }`);
    expect((members.data as any).group.members.nodes).toEqual([{ email: "in@example.com" }]);
    const write = await api.gql(GROUP_POLICY, { input: { groupId: reaching, imapAccess: "OFF" } }, { apiKey: key });
    expect(errorOf(write).extensions.code).toBe("FORBIDDEN");
  });
});

describe("regressions", () => {
  it("a deleted user leaves its groups", async () => {
    const api = await testCustomer();
    await createUser(api, "leaving@example.com", "/");
    await createGroup(api, "left", { users: ["leaving@example.com"] });
    await api.ok(`mutation { deleteUser(input: { email: "leaving@example.com" }) { deletedEmail } }`);
    const group = (await api.ok(`{ group(groupName: "left") { userMemberCount members { nodes { __typename } } } }`))
      .group;
    expect(group).toEqual({ userMemberCount: 0, members: { nodes: [] } });
    await createUser(api, "leaving@example.com", "/");
    expect(
      (await api.ok(`{ user(email: "leaving@example.com") { groups { totalCount } } }`)).user.groups.totalCount,
    ).toBe(0);
  });

  it("a decision for a client OAuth id that a group's allow-list holds", async () => {
    const api = await testCustomer();
    await createUser(api, "listed@example.com", "/");
    await createGroup(api, "listed", {
      policy: { imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL] } },
      users: ["listed@example.com"],
    });
    const mac = await api.ok(decisionQuery, {
      input: {
        userEmail: "listed@example.com",
        protocol: "IMAP",
        client: {
          authMethod: "OAUTH",
          oauthClientId: "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com",
        },
      },
    });
    expect(mac.mailAccessDecision).toMatchObject({
      allowed: false,
      reason: "CLIENT_NOT_ALLOWLISTED",
      decidedBy: { setting: "IMAP_CLIENT_ACCESS", source: { kind: "GROUP", group: { name: "listed" } } },
    });
  });
});
