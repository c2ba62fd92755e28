/**
 * The front-end contract: every operation in graphql/operations/, as the typed documents codegen generates from them
 * (test/generated/client/), run against the handler. A schema change that breaks a front end fails codegen, the
 * type-check of this file, or these runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddAllowedMailClientsDocument,
  AddConfigurationGroupMembersDocument,
  AdminOrgUnitPageDocument,
  AdminOrgUnitTreeDocument,
  AuditLogPageDocument,
  CheckMailAccessBatchDocument,
  CheckMailAccessDocument,
  ConfigurationGroupPageDocument,
  ConfigurationGroupsDocument,
  CreateConfigurationGroupDocument,
  DeleteConfigurationGroupDocument,
  MoveConfigurationGroupDocument,
  MoveOrgUnitDocument,
  RemoveAllowedMailClientsDocument,
  RemoveConfigurationGroupMembersDocument,
  SaveMyMailSettingsDocument,
  UpdateGroupMailAccessDocument,
  UpdateOrgUnitMailAccessDocument,
  UserSettingsPageDocument,
  type AdminOrgUnitPageQuery,
  type UserSettingsPageQuery,
} from "../generated/client/graphql";
import { testCustomer } from "../support/api";
import { startIdentityProvider, type IdentityProvider } from "../support/security";

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";

let api: Awaited<ReturnType<typeof testCustomer>>;

beforeAll(async () => {
  api = await testCustomer();
  for (const [parentOrgUnitPath, name] of [
    ["/", "Sales"],
    ["/Sales", "EMEA"],
  ])
    await api.ok(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { parentOrgUnitPath, name },
    });
  await api.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
    input: { email: "ana@example.com", name: "Ana", orgUnitPath: "/Sales/EMEA" },
  });
});

describe("admin OU page (admin-org-unit-page.graphql)", () => {
  it("shows an OU with its tree, own and effective settings, and users", async () => {
    const data: AdminOrgUnitPageQuery = await api.run(AdminOrgUnitPageDocument, { orgUnitPath: "/Sales/EMEA" });
    const orgUnit = data.orgUnit;
    expect(orgUnit?.path).toBe("/Sales/EMEA");
    expect(orgUnit?.parent?.path).toBe("/Sales");
    expect(orgUnit?.mailAccessPolicy.imapAccess).toBeNull();
    expect(orgUnit?.effectiveMailAccess.imapAccess).toEqual({
      enabled: true,
      source: { kind: "DEFAULT", orgUnit: null },
    });
    expect(orgUnit?.users.nodes.map((user) => user.email)).toEqual(["ana@example.com"]);
    expect(data.knownMailClients.map((client) => client.clientId)).toContain(IOS_MAIL);
  });

  it("previews, then saves, a change on a parent that the child inherits", async () => {
    const input = { orgUnitPath: "/Sales", imapAccess: "OFF" as const };
    const preview = await api.run(UpdateOrgUnitMailAccessDocument, { input: { ...input, dryRun: true } });
    expect(preview.updateMailAccessPolicy).toMatchObject({ dryRun: true, changed: true });
    expect(preview.updateMailAccessPolicy.warnings.map((w) => w.code)).toContain("IMAP_OFF_IOS_MAIL");
    // Ana has IMAP on (Gmail's default): "1 person who uses IMAP today will be cut off".
    expect(preview.updateMailAccessPolicy.impact.imap).toMatchObject({
      usersLosingAccess: 1,
      usersLosingWorkingAccess: 1,
    });

    const saved = await api.run(UpdateOrgUnitMailAccessDocument, { input });
    expect(saved.updateMailAccessPolicy).toMatchObject({ dryRun: false, changed: true });
    const child = await api.run(AdminOrgUnitPageDocument, { orgUnitPath: "/Sales/EMEA" });
    expect(child.orgUnit?.effectiveMailAccess.imapAccess.enabled).toBe(false);
    expect(child.orgUnit?.effectiveMailAccess.imapAccess.source.kind).toBe("INHERITED");
    expect(child.orgUnit?.effectiveMailAccess.imapAccess.source.orgUnit?.path).toBe("/Sales");

    await api.run(UpdateOrgUnitMailAccessDocument, { input: { orgUnitPath: "/Sales", imapAccess: "INHERIT" } });
  });

  it("draws the tree: a page of the subtree in tree order with own and effective settings, in 3 round trips", async () => {
    await api.run(UpdateOrgUnitMailAccessDocument, { input: { orgUnitPath: "/Sales", popAccess: "OFF" } });
    const response = await api.send(AdminOrgUnitTreeDocument, { orgUnitPath: "/" });
    expect(response.errors).toBeUndefined();
    expect(response.sequentialRoundTrips).toBe(3);
    const nodes = response.data?.orgUnits.nodes ?? [];
    expect(nodes.map((ou) => ou.path)).toEqual(["/", "/Sales", "/Sales/EMEA"]);
    expect(nodes.map((ou) => ou.mailAccessPolicy.popAccess)).toEqual([null, "OFF", null]);
    expect(nodes[2]?.effectiveMailAccess.popAccess).toEqual({
      enabled: false,
      source: { kind: "INHERITED", orgUnit: { id: nodes[1]?.id, path: "/Sales" } },
    });
    expect(response.data?.orgUnits.pageInfo.hasNextPage).toBe(false);
    await api.run(UpdateOrgUnitMailAccessDocument, { input: { orgUnitPath: "/Sales", popAccess: "INHERIT" } });
  });

  it("previews a move and its impact, then makes it", async () => {
    await api.ok(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { parentOrgUnitPath: "/", name: "Quiet" },
    });
    await api.run(UpdateOrgUnitMailAccessDocument, { input: { orgUnitPath: "/Quiet", imapAccess: "OFF" } });
    const input = { orgUnitPath: "/Sales/EMEA", parentOrgUnitPath: "/Quiet" };
    const preview = await api.run(MoveOrgUnitDocument, { input: { ...input, dryRun: true } });
    expect(preview.updateOrgUnit).toMatchObject({ dryRun: true, orgUnit: { path: "/Sales/EMEA" } });
    expect(preview.updateOrgUnit.impact.imap).toMatchObject({ usersLosingAccess: 1, usersLosingWorkingAccess: 1 });
    expect(preview.updateOrgUnit.warnings.map((w) => w.code)).toContain("IMAP_OFF_SILENT_SIGN_IN_FAILURE");
    const moved = await api.run(MoveOrgUnitDocument, { input });
    expect(moved.updateOrgUnit).toMatchObject({ dryRun: false, orgUnit: { path: "/Quiet/EMEA" } });
    expect(moved.updateOrgUnit.impact).toEqual({
      ...preview.updateOrgUnit.impact,
      changedOrgUnits: {
        totalCount: 1,
        nodes: [{ orgUnit: { path: "/Quiet/EMEA" }, changedSettings: ["IMAP_ACCESS"], userCount: 1 }],
      },
    });
    await api.run(MoveOrgUnitDocument, { input: { orgUnitPath: "/Quiet/EMEA", parentOrgUnitPath: "/Sales" } });
  });

  it("edits the IMAP allow-list", async () => {
    const added = await api.run(AddAllowedMailClientsDocument, {
      input: { orgUnitPath: "/Sales/EMEA", oauthClientIds: [IOS_MAIL, MAC_MAIL], switchToAllowlist: true },
    });
    expect(added.addAllowedOAuthClients.mailAccessPolicy.imapClientAccess?.mode).toBe("OAUTH_ALLOWLIST");
    const removed = await api.run(RemoveAllowedMailClientsDocument, {
      input: { orgUnitPath: "/Sales/EMEA", oauthClientIds: [MAC_MAIL] },
    });
    expect(removed.removeAllowedOAuthClients.mailAccessPolicy.imapClientAccess?.allowedOAuthClients).toEqual([
      { clientId: IOS_MAIL, name: "Apple iOS Mail" },
    ]);
  });
});

describe("user settings page (user-settings-page.graphql), as the signed-in user", () => {
  let idp: IdentityProvider;
  let own: Awaited<ReturnType<typeof testCustomer>>;
  let ana: { bearer: string };
  let email: string;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    own = await testCustomer({ oidc: idp.oidc }, { ownDomain: true });
    email = `ana@${own.customer.domains[0]}`;
    await own.ok(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { parentOrgUnitPath: "/", name: "Team" },
    });
    await own.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
      input: { email, name: "Ana", orgUnitPath: "/Team" },
    });
    ana = { bearer: await idp.token({ email, name: "Ana" }) };
  });

  afterAll(async () => idp?.close());

  it("loads with the user's own token, no address needed, in 2 sequential round trips, and saves", async () => {
    const response = await own.send(UserSettingsPageDocument, {}, ana);
    expect(response.errors).toBeUndefined();
    expect(response.sequentialRoundTrips).toBe(2);
    const page: UserSettingsPageQuery | null | undefined = response.data;
    expect(page?.viewer).toMatchObject({ kind: "USER", user: { email, orgUnit: { path: "/Team" } } });
    expect(page?.viewer.user?.effectiveMailAccess.availableToUser).toEqual({
      popSettings: true,
      imapSettings: true,
      lessSecureAppsSetting: false,
    });
    const version = page?.viewer.user?.version as number;
    const preview = await own.run(
      SaveMyMailSettingsDocument,
      { input: { popAccessWindow: "ALL_MAIL", expectedVersion: version, dryRun: true } },
      ana,
    );
    expect(preview.updateMyMailSettings).toMatchObject({
      changed: true,
      dryRun: true,
      user: { version, mailSettings: { popAccessWindow: "ALL_MAIL" } },
    });
    expect(preview.updateMyMailSettings.user.effectiveMailAccess.pop).toEqual({
      allowedByAdministrator: true,
      enabledByUser: true,
      enabled: true,
    });
    const saved = await own.run(
      SaveMyMailSettingsDocument,
      { input: { popAccessWindow: "ALL_MAIL", expectedVersion: version } },
      ana,
    );
    expect(saved.updateMyMailSettings).toMatchObject({ changed: true, dryRun: false, user: { version: version + 1 } });
    const again = await own.run(UserSettingsPageDocument, {}, ana);
    expect(again.viewer.user?.mailSettings.popAccessWindow).toBe("ALL_MAIL");
  });

  it("hides IMAP once the administrator turns it off, and refuses to save it (FAILED_PRECONDITION naming the field)", async () => {
    await own.ok(
      `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
      {
        input: { orgUnitPath: "/Team", imapAccess: "OFF" },
      },
    );
    const page = await own.run(UserSettingsPageDocument, {}, ana);
    expect(page.viewer.user?.effectiveMailAccess.availableToUser.imapSettings).toBe(false);
    expect(page.viewer.user?.effectiveMailAccess.imap).toEqual({
      allowedByAdministrator: false,
      enabledByUser: true,
      enabled: false,
    });
    for (const input of [{ imapEnabled: false }, { lessSecureAppsEnabled: true }]) {
      const refused = await own.send(SaveMyMailSettingsDocument, { input }, ana);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "FAILED_PRECONDITION",
        field: Object.keys(input)[0],
      });
    }
  });

  it("is empty for an API key: it has no mail settings of its own", async () => {
    expect((await own.run(UserSettingsPageDocument, {})).viewer).toEqual({ kind: "API_KEY", user: null });
    const refused = await own.send(SaveMyMailSettingsDocument, { input: { popAccessWindow: "DISABLED" } });
    expect(refused.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });
});

describe("access check (access-check.graphql)", () => {
  it("answers one question and a batch, with the deciding rule and its source", async () => {
    const one = await api.run(CheckMailAccessDocument, {
      input: {
        userEmail: "ana@example.com",
        protocol: "IMAP",
        client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL },
      },
    });
    expect(one.mailAccessDecision).toMatchObject({ allowed: true, reason: "ALLOWED" });
    const batch = await api.run(CheckMailAccessBatchDocument, {
      inputs: [
        { userEmail: "ana@example.com", protocol: "IMAP", client: { authMethod: "OAUTH", oauthClientId: MAC_MAIL } },
        { userEmail: "ana@example.com", protocol: "POP", client: { authMethod: "PASSWORD" } },
      ],
    });
    expect(batch.mailAccessDecisions.map((d) => d.reason)).toEqual([
      "CLIENT_NOT_ALLOWLISTED",
      "LESS_SECURE_APPS_NOT_ALLOWED",
    ]);
    expect(batch.mailAccessDecisions[0]?.decidedBy.source?.orgUnit?.path).toBe("/Sales/EMEA");
  });
});

describe("audit view (audit-view.graphql)", () => {
  it("pages through the changes made above, newest first", async () => {
    const page = await api.run(AuditLogPageDocument, { filter: { orgUnitPath: "/Sales", includeSubOrgUnits: true } });
    const settings = page.auditEvents.nodes.map((event) => `${event.orgUnitPath} ${event.settingName}`);
    expect(settings).toContain("/Sales IMAP_ACCESS");
    expect(settings).toContain("/Sales/EMEA IMAP_CLIENT_ACCESS");
    const times = page.auditEvents.nodes.map((event) => event.time);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.auditEvents.nodes[0]?.actor.kind).toBe("API_KEY");
  });
});

describe("configuration groups screen (configuration-groups.graphql)", () => {
  let groups: Awaited<ReturnType<typeof testCustomer>>;

  beforeAll(async () => {
    groups = await testCustomer();
    await groups.ok(`mutation { createOrgUnit(input: { parentOrgUnitPath: "/", name: "Sales" }) { orgUnit { id } } }`);
    await groups.ok(
      `mutation { updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: OFF }) { changed } }`,
    );
    for (const email of ["ana@example.com", "ben@example.com"])
      await groups.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
        input: { email, name: email, orgUnitPath: "/Sales" },
      });
  });

  it("creates groups, previews and saves their settings, adds members, lists them in priority order", async () => {
    const created = await groups.run(CreateConfigurationGroupDocument, { input: { name: "imap-exceptions" } });
    const groupId = created.createGroup.group.id;
    const other = (await groups.run(CreateConfigurationGroupDocument, { input: { name: "auditors" } })).createGroup
      .group;
    expect(other.priority).toBe(2);
    const added = await groups.run(AddConfigurationGroupMembersDocument, {
      input: { groupId, userEmails: ["ana@example.com"] },
    });
    expect(added.addGroupMembers).toMatchObject({ changed: true, group: { userMemberCount: 1 } });
    const preview = await groups.run(UpdateGroupMailAccessDocument, {
      input: { groupId, imapAccess: "ON", dryRun: true },
    });
    expect(preview.updateGroupMailAccessPolicy).toMatchObject({
      dryRun: true,
      changed: true,
      mailAccessPolicy: { imapAccess: "ON" },
      impact: { membersReached: 1, usersGainingImap: 1 },
    });
    expect(preview.updateGroupMailAccessPolicy.group.mailAccessPolicy.imapAccess).toBeNull();
    const saved = await groups.run(UpdateGroupMailAccessDocument, {
      input: { groupId, imapAccess: "ON", expectedVersion: preview.updateGroupMailAccessPolicy.group.version },
    });
    expect(saved.updateGroupMailAccessPolicy.group.mailAccessPolicy.imapAccess).toBe("ON");
    const nested = await groups.run(AddConfigurationGroupMembersDocument, {
      input: { groupId, groupIds: [other.id], dryRun: true },
    });
    expect(nested.addGroupMembers).toMatchObject({ dryRun: true, impact: { membersReached: 0 } });
    const list = await groups.run(ConfigurationGroupsDocument, {});
    expect(list.groups.nodes.map((group) => [group.name, group.priority, group.mailAccessPolicy.imapAccess])).toEqual([
      ["imap-exceptions", 1, "ON"],
      ["auditors", 2, null],
    ]);
  });

  it("shows one group with its members; moves, takes members out and deletes, each previewed first", async () => {
    const list = await groups.run(ConfigurationGroupsDocument, {});
    const [exceptions, auditors] = list.groups.nodes;
    if (exceptions === undefined || auditors === undefined) throw new Error("the groups of the previous test");
    const page = await groups.run(ConfigurationGroupPageDocument, { groupId: exceptions.id });
    expect(page.group?.members.nodes).toEqual([
      { __typename: "User", email: "ana@example.com", name: "ana@example.com", orgUnit: { path: "/Sales" } },
    ]);
    const move = await groups.run(MoveConfigurationGroupDocument, {
      input: { groupId: auditors.id, priority: 1, dryRun: true },
    });
    expect(move.setGroupPriority).toMatchObject({ dryRun: true, changed: true, impact: { membersReached: 0 } });
    const out = await groups.run(RemoveConfigurationGroupMembersDocument, {
      input: { groupId: exceptions.id, userEmails: ["ana@example.com"], dryRun: true },
    });
    expect(out.removeGroupMembers.impact).toMatchObject({ usersLosingImap: 1, usersCutOffFromImap: 1 });
    const deletion = await groups.run(DeleteConfigurationGroupDocument, {
      input: { groupId: exceptions.id, dryRun: true },
    });
    expect(deletion.deleteGroup).toMatchObject({ requiresForce: true, impact: { usersLosingImap: 1 } });
    await groups.run(DeleteConfigurationGroupDocument, { input: { groupId: exceptions.id, force: true } });
    expect((await groups.run(ConfigurationGroupsDocument, {})).groups.nodes.map((group) => group.name)).toEqual([
      "auditors",
    ]);
  });
});
