/**
 * Issue 13's acceptance: previews count people. On the issue's tree (T has 2 users, X 1, X/Z 1 and Y 3, Y with its own
 * IMAP ON), with users' own settings chosen as the issue says (one of the four users under the root's IMAP has IMAP
 * off in their own settings; only 3 users have POP on, Gmail's default being POP off), every impact number is asserted
 * exactly: IMAP off and POP off at the root, an allow-list with and without iOS Mail, an empty list, a move of Y under
 * X, a bulk change, moves of a user and of an OU with descendants. Dry runs write nothing and audit nothing.
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { OWN_SETTINGS_KEYS } from "../../functions/domain/own-settings-counts";
import { createDocumentClient } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { ownSettingsAttribute } from "../../functions/store/org-units/records";
import { testCustomer } from "../support/api";
import { treeViolations } from "../support/invariants";
import { auditEvents, createOrgUnits, type Api } from "../support/partner";

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";

const ACCESS = `usersLosingAccess usersGainingAccess usersLosingWorkingAccess usersGainingWorkingAccess`;
const IMPACT = `
  pop { ${ACCESS} }
  imap { ${ACCESS} usersLosingClients usersGainingClients usersLosingWorkingClients usersGainingWorkingClients }
  lessSecureApps { ${ACCESS} }
  usersGainingPop usersLosingPop usersGainingImap usersLosingImap
  changedOrgUnits(first: 100) {
    totalCount
    nodes { orgUnit { path } changedSettings userCount pop { ${ACCESS} } imap { ${ACCESS} usersLosingClients } }
  }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) {
  updateMailAccessPolicy(input: $input) { changed dryRun warnings { code } impact { ${IMPACT} } }
}`;
const BULK = `mutation ($input: ApplyMailAccessPolicyInput!) {
  applyMailAccessPolicy(input: $input) { changed dryRun warnings { code } impact { ${IMPACT} } }
}`;
const MOVE_OU = `mutation ($input: UpdateOrgUnitInput!) {
  updateOrgUnit(input: $input) { dryRun orgUnit { path version } warnings { code } impact { ${IMPACT} } }
}`;
const MOVE_USER = `mutation ($input: UpdateUserInput!) {
  updateUser(input: $input) { dryRun user { email version orgUnit { path } } warnings { code } impact { ${IMPACT} } }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`;
const SETTINGS = `mutation ($input: UpdateUserMailSettingsInput!) {
  updateUserMailSettings(input: $input) { user { email } }
}`;

interface Access {
  usersLosingAccess: number;
  usersGainingAccess: number;
  usersLosingWorkingAccess: number;
  usersGainingWorkingAccess: number;
}
const NONE: Access = {
  usersLosingAccess: 0,
  usersGainingAccess: 0,
  usersLosingWorkingAccess: 0,
  usersGainingWorkingAccess: 0,
};
const NO_CLIENTS = {
  usersLosingClients: 0,
  usersGainingClients: 0,
  usersLosingWorkingClients: 0,
  usersGainingWorkingClients: 0,
};

/** The totals of an impact: per kind of access, and the deprecated counts, which now mean `…Access`. */
function totals(impact: any) {
  return Object.fromEntries(Object.entries(impact).filter(([field]) => field !== "changedOrgUnits"));
}

/** Each changed OU as "path: settings (users)". */
const changed = (impact: any): string[] =>
  impact.changedOrgUnits.nodes.map((n: any) => `${n.orgUnit.path}: ${n.changedSettings.join(",")} (${n.userCount})`);

const codes = (payload: { warnings: { code: string }[] }) => payload.warnings.map((w) => w.code);

/**
 *   /            (no users)
 *   /T           t1 (POP all mail, IMAP), t2 (IMAP off)
 *   /X           allow-list [iOS Mail, Mac Mail], less secure apps allowed: x1 (POP from now on, IMAP, less secure apps)
 *   /X/Z         z1 (IMAP)
 *   /Y           IMAP ON set here: y1 (POP all mail, IMAP, less secure apps, set while in /X), y2 (IMAP), y3 (IMAP off)
 */
async function issueTree(): Promise<Api> {
  const api = await testCustomer();
  await createOrgUnits(api, ["/T", "/X", "/X/Z", "/Y"]);
  await api.ok(POLICY, {
    input: {
      orgUnitPath: "/X",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL, MAC_MAIL] },
      lessSecureApps: "ON",
    },
  });
  await api.ok(POLICY, { input: { orgUnitPath: "/Y", imapAccess: "ON" } });
  const user = async (email: string, orgUnitPath: string, settings: Record<string, unknown> = {}) => {
    await api.ok(CREATE_USER, { input: { email, orgUnitPath, name: email } });
    if (Object.keys(settings).length > 0) await api.ok(SETTINGS, { input: { email, ...settings } });
  };
  await user("t1@example.com", "/T", { popAccessWindow: "ALL_MAIL" });
  await user("t2@example.com", "/T", { imapEnabled: false });
  await user("x1@example.com", "/X", { popAccessWindow: "FROM_NOW_ON", lessSecureAppsEnabled: true });
  await user("z1@example.com", "/X/Z");
  // Less secure apps can only be turned on where the administrator allows them: y1 did so in /X, then moved.
  await user("y1@example.com", "/X", { popAccessWindow: "ALL_MAIL", lessSecureAppsEnabled: true });
  await api.ok(MOVE_USER, { input: { email: "y1@example.com", orgUnitPath: "/Y" } });
  await user("y2@example.com", "/Y");
  await user("y3@example.com", "/Y", { imapEnabled: false });
  return api;
}

/** What a dry run must leave as it is: the audit log, and every OU's and user's version. */
async function state(api: Api) {
  const tree = await api.ok(`{ orgUnits(under: { orgUnitPath: "/" }, first: 100) {
    nodes { path version users(first: 10) { nodes { email version } } }
  } }`);
  return { tree, events: (await auditEvents(api)).length };
}

describe("previews that count people (issue 13)", () => {
  let api: Api;
  beforeAll(async () => {
    api = await issueTree();
  });

  it("IMAP off at the root: 4 people lose IMAP, 3 of whom use it today (t2 has it off); Y keeps its own", async () => {
    const before = await state(api);
    const { updateMailAccessPolicy: preview } = await api.ok(POLICY, {
      input: { orgUnitPath: "/", imapAccess: "OFF", dryRun: true },
    });
    expect(totals(preview.impact)).toEqual({
      pop: NONE,
      imap: { ...NONE, usersLosingAccess: 4, usersLosingWorkingAccess: 3, ...NO_CLIENTS },
      // x1 still signs in with a password over POP.
      lessSecureApps: NONE,
      usersGainingPop: 0,
      usersLosingPop: 0,
      usersGainingImap: 0,
      usersLosingImap: 4,
    });
    expect(changed(preview.impact)).toEqual([
      "/: IMAP_ACCESS (0)",
      "/T: IMAP_ACCESS (2)",
      "/X: IMAP_ACCESS (1)",
      "/X/Z: IMAP_ACCESS (1)",
    ]);
    expect(preview.impact.changedOrgUnits.nodes[1]).toMatchObject({
      pop: NONE,
      imap: { ...NONE, usersLosingAccess: 2, usersLosingWorkingAccess: 1, usersLosingClients: 0 },
    });
    expect(codes(preview)).toEqual([
      "IMAP_OFF_IOS_MAIL",
      "IMAP_OFF_SILENT_SIGN_IN_FAILURE",
      "CLIENTS_STOP_RECEIVING_MAIL",
      "PROPAGATION_DELAY",
    ]);
    expect(await state(api)).toEqual(before);
  });

  it("POP off at the root: all 7 lose POP, the 3 who use it are cut off; x1 loses password sign-in", async () => {
    const { updateMailAccessPolicy: preview } = await api.ok(POLICY, {
      input: { orgUnitPath: "/", popAccess: "OFF", dryRun: true },
    });
    expect(totals(preview.impact)).toEqual({
      pop: { ...NONE, usersLosingAccess: 7, usersLosingWorkingAccess: 3 },
      imap: { ...NONE, ...NO_CLIENTS },
      // In /X and /X/Z password sign-in rode on POP (IMAP is restricted to a list); x1 used it.
      lessSecureApps: { ...NONE, usersLosingAccess: 2, usersLosingWorkingAccess: 1 },
      usersGainingPop: 0,
      usersLosingPop: 7,
      usersGainingImap: 0,
      usersLosingImap: 0,
    });
    expect(changed(preview.impact)).toEqual([
      "/: POP_ACCESS (0)",
      "/T: POP_ACCESS (2)",
      "/X: POP_ACCESS (1)",
      "/Y: POP_ACCESS (3)",
      "/X/Z: POP_ACCESS (1)",
    ]);
  });

  for (const [list, iosWarning] of [
    [[IOS_MAIL], []],
    [[MAC_MAIL], ["IOS_MAIL_NOT_ALLOWLISTED"]],
  ] as const)
    it(`an allow-list ${list[0] === IOS_MAIL ? "with" : "without"} iOS Mail at the root: the 5 people of /T and /Y keep IMAP for fewer clients, 3 of them use IMAP; /X keeps its own list`, async () => {
      const { updateMailAccessPolicy: preview } = await api.ok(POLICY, {
        input: {
          orgUnitPath: "/",
          imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: list },
          dryRun: true,
        },
      });
      expect(totals(preview.impact)).toEqual({
        pop: NONE,
        imap: { ...NONE, ...NO_CLIENTS, usersLosingClients: 5, usersLosingWorkingClients: 3 },
        lessSecureApps: NONE,
        usersGainingPop: 0,
        usersLosingPop: 0,
        usersGainingImap: 0,
        usersLosingImap: 0,
      });
      expect(changed(preview.impact)).toEqual([
        "/: IMAP_CLIENT_ACCESS (0)",
        "/T: IMAP_CLIENT_ACCESS (2)",
        "/Y: IMAP_CLIENT_ACCESS (3)",
      ]);
      expect(codes(preview)).toEqual([
        "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
        "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
        ...iosWarning,
        "PROPAGATION_DELAY",
      ]);
    });

  it("an empty allow-list at the root: the 5 people of /T and /Y lose IMAP, and the 3 who use it are cut off", async () => {
    const { updateMailAccessPolicy: preview } = await api.ok(POLICY, {
      input: {
        orgUnitPath: "/",
        imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] },
        dryRun: true,
      },
    });
    expect(totals(preview.impact)).toEqual({
      pop: NONE,
      imap: { ...NONE, usersLosingAccess: 5, usersLosingWorkingAccess: 3, ...NO_CLIENTS },
      lessSecureApps: NONE,
      usersGainingPop: 0,
      usersLosingPop: 0,
      usersGainingImap: 0,
      usersLosingImap: 5,
    });
    expect(codes(preview)).toEqual([
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP",
      "PROPAGATION_DELAY",
    ]);
  });

  it("a bulk change (POP off on /X and /Y): 5 lose POP, 2 use it; x1 loses password sign-in", async () => {
    const { applyMailAccessPolicy: preview } = await api.ok(BULK, {
      input: { orgUnitPaths: ["/X", "/Y"], policy: { popAccess: "OFF" }, dryRun: true },
    });
    expect(totals(preview.impact)).toEqual({
      pop: { ...NONE, usersLosingAccess: 5, usersLosingWorkingAccess: 2 },
      imap: { ...NONE, ...NO_CLIENTS },
      lessSecureApps: { ...NONE, usersLosingAccess: 2, usersLosingWorkingAccess: 1 },
      usersGainingPop: 0,
      usersLosingPop: 5,
      usersGainingImap: 0,
      usersLosingImap: 0,
    });
    expect(changed(preview.impact)).toEqual(["/X: POP_ACCESS (1)", "/X/Z: POP_ACCESS (1)", "/Y: POP_ACCESS (3)"]);
    expect(codes(preview)).toEqual(["CLIENTS_STOP_RECEIVING_MAIL", "PROPAGATION_DELAY"]);
  });

  it("a user's move (t1 into /X): fewer IMAP clients for a user of IMAP, password sign-in allowed", async () => {
    const before = await state(api);
    const { updateUser: preview } = await api.ok(MOVE_USER, {
      input: { email: "t1@example.com", orgUnitPath: "/X", dryRun: true },
    });
    expect(preview).toMatchObject({ dryRun: true, user: { email: "t1@example.com", orgUnit: { path: "/T" } } });
    expect(totals(preview.impact)).toEqual({
      pop: NONE,
      imap: { ...NONE, ...NO_CLIENTS, usersLosingClients: 1, usersLosingWorkingClients: 1 },
      // t1 has less secure apps off: allowed now, but nothing works differently today.
      lessSecureApps: { ...NONE, usersGainingAccess: 1 },
      usersGainingPop: 0,
      usersLosingPop: 0,
      usersGainingImap: 0,
      usersLosingImap: 0,
    });
    expect(preview.impact.changedOrgUnits.totalCount).toBe(0);
    expect(codes(preview)).toEqual([
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "LESS_SECURE_APPS_DEPRECATED",
      "PROPAGATION_DELAY",
    ]);
    expect(await state(api)).toEqual(before);
  });

  it("a user's move that changes nothing for them has no impact and no warnings", async () => {
    const { updateUser: preview } = await api.ok(MOVE_USER, {
      input: { email: "y2@example.com", orgUnitPath: "/T", dryRun: true },
    });
    expect(totals(preview.impact)).toMatchObject({ pop: NONE, lessSecureApps: NONE, usersLosingImap: 0 });
    expect(codes(preview)).toEqual([]);
  });

  it("a move of Y under X: previewed, then made with the same impact, audited once; and moved back", async () => {
    const before = await state(api);
    const { updateOrgUnit: preview } = await api.ok(MOVE_OU, {
      input: { orgUnitPath: "/Y", parentOrgUnitPath: "/X", dryRun: true },
    });
    expect(await state(api)).toEqual(before);
    const expected = {
      pop: NONE,
      // Y's 3 people keep IMAP (their own ON) but only for /X's listed clients; y1 and y2 use IMAP.
      imap: { ...NONE, ...NO_CLIENTS, usersLosingClients: 3, usersLosingWorkingClients: 2 },
      // /X allows less secure apps: y1 (who has them on, and POP) can sign in with a password at once.
      lessSecureApps: { ...NONE, usersGainingAccess: 3, usersGainingWorkingAccess: 1 },
      usersGainingPop: 0,
      usersLosingPop: 0,
      usersGainingImap: 0,
      usersLosingImap: 0,
    };
    expect(preview).toMatchObject({ dryRun: true, orgUnit: { path: "/Y" } });
    expect(totals(preview.impact)).toEqual(expected);
    expect(changed(preview.impact)).toEqual(["/Y: IMAP_CLIENT_ACCESS,LESS_SECURE_APPS (3)"]);
    const warnings = [
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "LESS_SECURE_APPS_DEPRECATED",
    ];
    expect(codes(preview)).toEqual([...warnings, "PROPAGATION_DELAY"]);

    const { updateOrgUnit: moved } = await api.ok(MOVE_OU, { input: { orgUnitPath: "/Y", parentOrgUnitPath: "/X" } });
    expect(moved).toMatchObject({ dryRun: false, orgUnit: { path: "/X/Y" } });
    expect(totals(moved.impact)).toEqual(expected);
    expect(changed(moved.impact)).toEqual(["/X/Y: IMAP_CLIENT_ACCESS,LESS_SECURE_APPS (3)"]);
    const events = await auditEvents(api, { actions: ["ORG_UNIT_MOVED"] });
    expect(events.map((e) => `${e.oldValue} -> ${e.newValue}`)).toEqual(["/Y -> /X/Y"]);

    const { updateOrgUnit: back } = await api.ok(MOVE_OU, { input: { orgUnitPath: "/X/Y", parentOrgUnitPath: "/" } });
    expect(totals(back.impact)).toMatchObject({
      imap: { ...NONE, ...NO_CLIENTS, usersGainingClients: 3, usersGainingWorkingClients: 2 },
      lessSecureApps: { ...NONE, usersLosingAccess: 3, usersLosingWorkingAccess: 1 },
    });
    expect(codes(back)).toEqual(["PROPAGATION_DELAY"]);
  });

  it("a move of an OU with descendants (X, with Z, under a T whose POP is off): impact from the locked subtree", async () => {
    const other = await issueTree();
    await other.ok(POLICY, { input: { orgUnitPath: "/T", popAccess: "OFF" } });
    const input = { orgUnitPath: "/X", parentOrgUnitPath: "/T" };
    const { updateOrgUnit: preview } = await other.ok(MOVE_OU, { input: { ...input, dryRun: true } });
    const { updateOrgUnit: moved } = await other.ok(MOVE_OU, { input });
    const expected = {
      pop: { ...NONE, usersLosingAccess: 2, usersLosingWorkingAccess: 1 },
      imap: { ...NONE, ...NO_CLIENTS },
      lessSecureApps: { ...NONE, usersLosingAccess: 2, usersLosingWorkingAccess: 1 },
      usersGainingPop: 0,
      usersLosingPop: 2,
      usersGainingImap: 0,
      usersLosingImap: 0,
    };
    expect(totals(preview.impact)).toEqual(expected);
    expect(changed(preview.impact)).toEqual(["/X: POP_ACCESS (1)", "/X/Z: POP_ACCESS (1)"]);
    expect(totals(moved.impact)).toEqual(expected);
    expect(changed(moved.impact)).toEqual(["/T/X: POP_ACCESS (1)", "/T/X/Z: POP_ACCESS (1)"]);
    expect(codes(moved)).toEqual(["CLIENTS_STOP_RECEIVING_MAIL", "PROPAGATION_DELAY"]);
    expect(await treeViolations(other.config, other.customer.id)).toEqual([]);
  });

  it("recounts an OU written before the counts existed from its users: exact numbers, one more round trip", async () => {
    const legacy = await issueTree();
    const input = { orgUnitPath: "/", imapAccess: "OFF", dryRun: true };
    const counted = await legacy.gql(POLICY, { input });
    // /T as an earlier version wrote it: a user count, and no counts of own settings.
    const t = (await legacy.ok(`{ orgUnit(orgUnitPath: "/T") { id } }`)).orgUnit.id as string;
    await createDocumentClient(legacy.config).send(
      new UpdateCommand({
        TableName: legacy.config.tableName,
        Key: keys.orgUnit(legacy.customer.id, t),
        UpdateExpression: `REMOVE ${OWN_SETTINGS_KEYS.map((key) => ownSettingsAttribute(key)).join(", ")}`,
      }),
    );
    // A user created since is counted, but the two from before are not: the counts do not add up.
    await legacy.ok(CREATE_USER, { input: { email: "t3@example.com", orgUnitPath: "/T", name: "t3" } });
    const recounted = await legacy.gql(POLICY, { input });
    const imap = (response: typeof counted) => (response.data as any).updateMailAccessPolicy.impact.imap;
    expect(imap(counted)).toMatchObject({ usersLosingAccess: 4, usersLosingWorkingAccess: 3 });
    expect(imap(recounted)).toMatchObject({ usersLosingAccess: 5, usersLosingWorkingAccess: 4 });
    expect(recounted.sequentialRoundTrips).toBe(counted.sequentialRoundTrips + 1);
  });

  it("leaves the counts of users' own settings equal to a recount", async () => {
    expect(await treeViolations(api.config, api.customer.id)).toEqual([]);
  });
});
