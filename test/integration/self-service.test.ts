/**
 * Self-service (issue 13): a person signed in with OpenID Connect reads their own user (`viewer.user`) and changes their
 * own mail settings (`updateMyMailSettings`) within what the administrator makes available, audited with themselves
 * as the actor. The page costs 2 sequential DynamoDB round trips, the sign-in included: the sign-in lookup also finds
 * where the user is (a mailbox item, written with every change of the user's OU), so the user and their OU are read
 * side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient, Db } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { testCustomer } from "../support/api";
import { createGroup } from "../support/groups";
import { settingEvents } from "../support/partner";
import { startIdentityProvider, type IdentityProvider } from "../support/security";

const SOURCE = "source { kind orgUnit { path } }";
const ACCESS = `allowedByAdministrator enabledByUser enabled ${SOURCE}`;
const PAGE = `{ viewer { kind user { email version orgUnit { path }
  mailSettings { imapEnabled popAccessWindow lessSecureAppsEnabled }
  effectiveMailAccess { pop { ${ACCESS} } imap { ${ACCESS} } lessSecureApps { ${ACCESS} }
    availableToUser { popSettings imapSettings lessSecureAppsSetting } } } } }`;
const SAVE = `mutation ($input: UpdateMyMailSettingsInput!) {
  updateMyMailSettings(input: $input) { changed dryRun user { email version mailSettings { imapEnabled popAccessWindow } } }
}`;

let idp: IdentityProvider;
let api: Awaited<ReturnType<typeof testCustomer>>;
let domain: string;

const address = (name: string) => `${name}@${domain}`;
const signIn = async (email: string) => ({ bearer: await idp.token({ email, name: email }) });

async function as(credentials: { bearer: string }, query: string, variables: Record<string, unknown> = {}) {
  return api.request(JSON.stringify({ query, variables }), {
    apiKey: null,
    headers: { authorization: `Bearer ${credentials.bearer}` },
  });
}

/** The audit events of changes of `email`'s own settings, newest first. */
async function settingsOf(email: string) {
  return (await settingEvents(api)).filter((event) => event.userEmail === email);
}

async function createUser(email: string, orgUnitPath: string) {
  await api.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
    input: { email, orgUnitPath, name: email },
  });
}

beforeAll(async () => {
  idp = await startIdentityProvider();
  api = await testCustomer({ oidc: idp.oidc }, { ownDomain: true });
  domain = api.customer.domains[0] as string;
  for (const [parentOrgUnitPath, name] of [
    ["/", "A"],
    ["/A", "B"],
    ["/", "C"],
    ["/", "Scope"],
  ])
    await api.ok(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { parentOrgUnitPath, name },
    });
  await api.ok(
    `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
    {
      input: { orgUnitPath: "/A", popAccess: "OFF" },
    },
  );
});

afterAll(async () => idp?.close());

describe("the signed-in user's page (viewer.user)", () => {
  it("shows their own user with effective settings and sources, in 2 sequential round trips, sign-in included", async () => {
    await createUser(address("page"), "/A/B");
    const response = await as(await signIn(address("page")), PAGE);
    expect(response.errors).toBeUndefined();
    const viewer = (response.data as any).viewer;
    expect(viewer).toMatchObject({ kind: "USER", user: { email: address("page"), orgUnit: { path: "/A/B" } } });
    expect(viewer.user.effectiveMailAccess.pop).toEqual({
      allowedByAdministrator: false,
      enabledByUser: false,
      enabled: false,
      source: { kind: "INHERITED", orgUnit: { path: "/A" } },
    });
    expect(viewer.user.effectiveMailAccess.availableToUser).toEqual({
      popSettings: false,
      imapSettings: true,
      lessSecureAppsSetting: false,
    });
    // The sign-in's batch and mailbox query side by side; then the user and their OU's chain side by side.
    expect(response.sequentialRoundTrips).toBe(2);
    expect(response.roundTrips).toBe(4);
  });

  it("still costs 2 after an administrator moves the user (the move writes where the user now is)", async () => {
    await createUser(address("moved"), "/A/B");
    await api.ok(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { email } } }`, {
      input: { email: address("moved"), orgUnitPath: "/C" },
    });
    const response = await as(await signIn(address("moved")), PAGE);
    expect((response.data as any).viewer.user.orgUnit.path).toBe("/C");
    expect(response.sequentialRoundTrips).toBe(2);
  });

  it("is right, at one more round trip, when the user's OU moved since, or where the user is was never written", async () => {
    await createUser(address("ou-moved"), "/C");
    await api.ok(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { parentOrgUnitPath: "/C", name: "D" },
    });
    await api.ok(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { email } } }`, {
      input: { email: address("ou-moved"), orgUnitPath: "/C/D" },
    });
    await api.ok(`mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { orgUnitPath: "/C/D", parentOrgUnitPath: "/A" },
    });
    const afterOrgUnitMove = await as(await signIn(address("ou-moved")), PAGE);
    expect((afterOrgUnitMove.data as any).viewer.user.orgUnit.path).toBe("/A/D");
    expect((afterOrgUnitMove.data as any).viewer.user.effectiveMailAccess.pop.source.orgUnit.path).toBe("/A");
    // Like user(email): the ancestors the user's item names are out of date, so the new ones are read after them (one
    // more call, which the user's read may still overlap: at most one more step).
    expect(afterOrgUnitMove.roundTrips).toBe(5);
    expect(afterOrgUnitMove.sequentialRoundTrips).toBeLessThanOrEqual(3);

    // A user written before mailbox items existed: the sign-in finds nothing, so the user's OU is read after the user.
    await createUser(address("unplaced"), "/A/B");
    const db = new Db(createDocumentClient(api.config), api.config.tableName);
    await db.batchWrite([{ delete: keys.mailbox(address("unplaced"), api.customer.id) }]);
    const unplaced = await as(await signIn(address("unplaced")), PAGE);
    expect((unplaced.data as any).viewer.user.orgUnit.path).toBe("/A/B");
    expect(unplaced.roundTrips).toBe(4);
    expect(unplaced.sequentialRoundTrips).toBe(3);
  });

  it("shows what a configuration group overrides, and lets the user save what the group makes available", async () => {
    // POP is off for /A; the group turns it on for its members (issue 14): the group's value decides, as everywhere.
    await createUser(address("grouped"), "/A/B");
    await createGroup(api, "pop-exceptions", { policy: { popAccess: "ON" }, users: [address("grouped")] });
    const ana = await signIn(address("grouped"));
    const response = await as(ana, PAGE.replace(SOURCE, "source { kind orgUnit { path } group { name } }"));
    const user = (response.data as any).viewer.user;
    expect(user.effectiveMailAccess.pop).toMatchObject({
      allowedByAdministrator: true,
      source: { kind: "GROUP", group: { name: "pop-exceptions" } },
    });
    expect(user.effectiveMailAccess.availableToUser.popSettings).toBe(true);
    // The user's groups are known only once their item is read: one more step than a user in no group (what the
    // sign-in learns of where the user is names their OU, not their groups).
    expect(response.sequentialRoundTrips).toBe(3);
    const saved = await as(ana, SAVE, { input: { popAccessWindow: "ALL_MAIL" } });
    expect((saved.data as any).updateMyMailSettings).toMatchObject({
      changed: true,
      user: { mailSettings: { popAccessWindow: "ALL_MAIL" } },
    });
  });

  it("is null for a person who is no user here, and for an API key", async () => {
    const stranger = await as(await signIn(address("stranger")), PAGE);
    expect((stranger.data as any).viewer).toEqual({ kind: "USER", user: null });
    expect((await api.ok(PAGE)).viewer).toEqual({ kind: "API_KEY", user: null });
  });

  it("after the user is deleted, is null", async () => {
    await createUser(address("gone"), "/C");
    await api.ok(`mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedEmail } }`, {
      input: { email: address("gone") },
    });
    expect((await as(await signIn(address("gone")), PAGE)).data).toEqual({ viewer: { kind: "USER", user: null } });
  });

  it("an OU administrator signed in sees their own user, even outside their subtree, and saves their own settings", async () => {
    const email = address("ou-admin");
    await createUser(email, "/C");
    await api.ok(`mutation ($input: GrantAdminRoleInput!) { grantAdminRole(input: $input) { adminRole { email } } }`, {
      input: { email, role: "ORG_UNIT_ADMIN", orgUnitScope: "/Scope" },
    });
    const admin = await signIn(email);
    const page = await as(admin, PAGE);
    expect(page.errors).toBeUndefined();
    expect((page.data as any).viewer).toMatchObject({ kind: "ADMIN", user: { email, orgUnit: { path: "/C" } } });
    const saved = await as(admin, SAVE, { input: { imapEnabled: false } });
    expect((saved.data as any).updateMyMailSettings.user.mailSettings.imapEnabled).toBe(false);
    // As an administrator, /C is still outside their reach.
    const other = await as(admin, `{ orgUnit(orgUnitPath: "/C") { id } }`);
    expect(other.data).toEqual({ orgUnit: null });
  });
});

describe("updateMyMailSettings", () => {
  it("saves, previews, refuses what the administrator turned off, and a stale version", async () => {
    const email = address("saver");
    await createUser(email, "/A/B");
    const ana = await signIn(email);
    const preview = await as(ana, SAVE, { input: { imapEnabled: false, dryRun: true } });
    expect((preview.data as any).updateMyMailSettings).toEqual({
      changed: true,
      dryRun: true,
      user: { email, version: 1, mailSettings: { imapEnabled: false, popAccessWindow: "DISABLED" } },
    });
    expect(await settingsOf(email)).toEqual([]);

    // POP is off for /A (and so /A/B): its setting is refused, naming the field; nothing is written.
    const refused = await as(ana, SAVE, { input: { popAccessWindow: "ALL_MAIL", imapEnabled: false } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "popAccessWindow" });
    expect(refused.errors?.[0]?.message).toContain("/A/B");

    const stale = await as(ana, SAVE, { input: { imapEnabled: false, expectedVersion: 7 } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      field: "expectedVersion",
      currentVersion: 1,
    });

    const saved = await as(ana, SAVE, { input: { imapEnabled: false, expectedVersion: 1 } });
    expect((saved.data as any).updateMyMailSettings).toMatchObject({
      changed: true,
      dryRun: false,
      user: { version: 2 },
    });
    const again = await as(ana, SAVE, { input: { imapEnabled: false } });
    expect((again.data as any).updateMyMailSettings).toMatchObject({ changed: false, user: { version: 2 } });

    expect(await settingsOf(email)).toMatchObject([
      {
        action: "USER_MAIL_SETTING_CHANGED",
        settingName: "USER_IMAP_ENABLED",
        oldValue: "ON",
        newValue: "OFF",
        orgUnitPath: "/A/B",
        actor: { kind: "USER", id: email },
      },
    ]);
  });

  it("is NOT_FOUND for a person who is no user here, and FORBIDDEN for an API key", async () => {
    const stranger = await as(await signIn(address("nobody")), SAVE, { input: { imapEnabled: true } });
    expect(stranger.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const key = await api.gql(SAVE, { input: { imapEnabled: true } });
    expect(key.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });
});
