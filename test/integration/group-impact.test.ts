/**
 * What changes of configuration groups do to the people they reach, asserted exactly (issue 14): each previewed
 * change counts the members it reaches (directly or through nesting), with their higher-priority groups, their OUs
 * and their own settings. Then the changes are made, and the people's settings and the stored fields follow.
 *
 *   OUs:    /Sales (IMAP off) with /Sales/EMEA; /Eng (the defaults: POP and IMAP on)
 *   users:  ana, bo (/Sales/EMEA; bo has IMAP off in his own settings), cy (/Sales), dee and eve (/Eng; eve uses POP)
 *   groups, highest priority first:
 *     imap-on   IMAP on    ana, bo, cy
 *     imap-off  IMAP off   cy, dee, and the group pop-off
 *     pop-off   POP off    dee, eve
 *
 *   in force now: IMAP on for ana, bo, cy (imap-on beats imap-off for cy); off for dee and eve (imap-off; eve
 *   through pop-off); POP off for dee and eve (pop-off), on for the others.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer } from "../support/api";
import { groupViolations } from "../support/group-invariants";
import {
  ADD_MEMBERS,
  DELETE_GROUP,
  GROUP_POLICY,
  IOS_MAIL,
  REMOVE_MEMBERS,
  adminAccess,
  createGroup,
} from "../support/groups";
import { createOrgUnits, type Api } from "../support/partner";

let api: Api;
const ids: Record<string, string> = {};
const email = (name: string) => `${name}@example.com`;

const NO_CHANGE = {
  usersGainingPop: 0,
  usersLosingPop: 0,
  usersGainingImap: 0,
  usersLosingImap: 0,
  usersCutOffFromPop: 0,
  usersCutOffFromImap: 0,
  usersWithFewerImapClients: 0,
};

beforeAll(async () => {
  api = await testCustomer();
  await createOrgUnits(api, ["/Sales", "/Sales/EMEA", "/Eng"]);
  await api.ok(`mutation { updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: OFF }) { changed } }`);
  for (const [name, orgUnitPath] of [
    ["ana", "/Sales/EMEA"],
    ["bo", "/Sales/EMEA"],
    ["cy", "/Sales"],
    ["dee", "/Eng"],
    ["eve", "/Eng"],
  ] as const)
    await api.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
      input: { email: email(name), orgUnitPath, name },
    });
  const own = `mutation ($input: UpdateUserMailSettingsInput!) { updateUserMailSettings(input: $input) { user { email } } }`;
  await api.ok(own, { input: { email: email("eve"), popAccessWindow: "ALL_MAIL" } });
  ids.imapOn = await createGroup(api, "imap-on", {
    policy: { imapAccess: "ON" },
    users: ["ana", "bo", "cy"].map(email),
  });
  await api.ok(own, { input: { email: email("bo"), imapEnabled: false } });
  ids.popOff = await createGroup(api, "pop-off", { policy: { popAccess: "OFF" }, users: ["dee", "eve"].map(email) });
  ids.imapOff = await createGroup(api, "imap-off", {
    policy: { imapAccess: "OFF" },
    users: ["cy", "dee"].map(email),
    groups: [ids.popOff as string],
  });
  // imap-off above pop-off: created after it, moved up.
  await api.ok(`mutation { setGroupPriority(input: { groupName: "imap-off", priority: 2 }) { changed } }`);
});

async function imapOf(...names: string[]): Promise<boolean[]> {
  return Promise.all(names.map(async (name) => (await adminAccess(api, email(name))).imap.allowed));
}

describe("previews, counted exactly", () => {
  it("the starting point", async () => {
    expect(await imapOf("ana", "bo", "cy", "dee", "eve")).toEqual([true, true, true, false, false]);
    expect((await adminAccess(api, email("eve"))).pop).toEqual({ allowed: false, source: "GROUP pop-off" });
    expect((await adminAccess(api, email("eve"))).imap).toEqual({ allowed: false, source: "GROUP imap-off" });
  });

  it("imap-off stops setting IMAP: dee and eve gain it from /Eng; cy keeps imap-on's", async () => {
    const preview = await api.ok(GROUP_POLICY, {
      input: { groupId: ids.imapOff, imapAccess: "INHERIT", dryRun: true },
    });
    expect(preview.updateGroupMailAccessPolicy.impact).toEqual({
      ...NO_CHANGE,
      membersReached: 3,
      usersWithChangedSettings: 2,
      usersGainingImap: 2,
    });
  });

  it("imap-on turns IMAP off: ana, bo and cy lose it; bo, who turned IMAP off himself, is not cut off", async () => {
    const preview = await api.ok(GROUP_POLICY, { input: { groupId: ids.imapOn, imapAccess: "OFF", dryRun: true } });
    expect(preview.updateGroupMailAccessPolicy.impact).toEqual({
      ...NO_CHANGE,
      membersReached: 3,
      usersWithChangedSettings: 3,
      usersLosingImap: 3,
      usersCutOffFromImap: 2,
    });
    expect(preview.updateGroupMailAccessPolicy.warnings.map((w: { code: string }) => w.code)).toContain(
      "IMAP_OFF_SILENT_SIGN_IN_FAILURE",
    );

    // Counted as an OU change's preview counts people: the same three, and the two who use IMAP.
    const people = await api.ok(
      `mutation ($input: UpdateGroupMailAccessPolicyInput!) { updateGroupMailAccessPolicy(input: $input) {
        impact { imap { usersLosingAccess usersGainingAccess usersLosingWorkingAccess usersGainingWorkingAccess }
          pop { usersLosingAccess usersGainingAccess } } } }`,
      { input: { groupId: ids.imapOn, imapAccess: "OFF", dryRun: true } },
    );
    expect(people.updateGroupMailAccessPolicy.impact).toEqual({
      imap: { usersLosingAccess: 3, usersGainingAccess: 0, usersLosingWorkingAccess: 2, usersGainingWorkingAccess: 0 },
      pop: { usersLosingAccess: 0, usersGainingAccess: 0 },
    });
  });

  it("imap-on restricts IMAP to iOS Mail: its three members keep IMAP with fewer clients", async () => {
    const preview = await api.ok(GROUP_POLICY, {
      input: {
        groupId: ids.imapOn,
        imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL] },
        dryRun: true,
      },
    });
    expect(preview.updateGroupMailAccessPolicy.impact).toEqual({
      ...NO_CHANGE,
      membersReached: 3,
      usersWithChangedSettings: 3,
      usersWithFewerImapClients: 3,
    });
    const codes = preview.updateGroupMailAccessPolicy.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain("ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS");
    expect(codes).not.toContain("IOS_MAIL_NOT_ALLOWLISTED");
  });

  it("imap-off moved above imap-on: cy loses IMAP, the others keep what they have", async () => {
    const preview = await api.ok(
      `mutation { setGroupPriority(input: { groupName: "imap-off", priority: 1, dryRun: true }) {
        impact { membersReached usersWithChangedSettings usersLosingImap usersCutOffFromImap } } }`,
    );
    expect(preview.setGroupPriority.impact).toEqual({
      membersReached: 3,
      usersWithChangedSettings: 1,
      usersLosingImap: 1,
      usersCutOffFromImap: 1,
    });
  });

  it("dee joins imap-on: she gains IMAP over imap-off", async () => {
    const preview = await api.ok(ADD_MEMBERS, {
      input: { groupId: ids.imapOn, userEmails: [email("dee")], dryRun: true },
    });
    expect(preview.addGroupMembers.impact).toEqual({
      ...NO_CHANGE,
      membersReached: 1,
      usersWithChangedSettings: 1,
      usersGainingImap: 1,
    });
  });

  it("pop-off joins imap-on: its members dee and eve gain IMAP, keep POP off", async () => {
    const preview = await api.ok(ADD_MEMBERS, { input: { groupId: ids.imapOn, groupIds: [ids.popOff], dryRun: true } });
    expect(preview.addGroupMembers.impact).toEqual({
      ...NO_CHANGE,
      membersReached: 2,
      usersWithChangedSettings: 2,
      usersGainingImap: 2,
    });
  });

  it("pop-off leaves imap-off: eve gains IMAP from /Eng; dee stays in imap-off herself", async () => {
    const preview = await api.ok(REMOVE_MEMBERS, {
      input: { groupId: ids.imapOff, groupIds: [ids.popOff], dryRun: true },
    });
    expect(preview.removeGroupMembers.impact).toEqual({
      ...NO_CHANGE,
      membersReached: 2,
      usersWithChangedSettings: 1,
      usersGainingImap: 1,
    });
  });

  it("pop-off deleted: dee and eve gain POP; eve, in imap-off only through it, gains IMAP too", async () => {
    const preview = await api.ok(DELETE_GROUP, { input: { groupId: ids.popOff, dryRun: true } });
    expect(preview.deleteGroup).toMatchObject({
      requiresForce: true,
      dryRun: true,
      impact: {
        membersReached: 2,
        usersWithChangedSettings: 2,
        usersGainingPop: 2,
        usersGainingImap: 1,
        usersLosingPop: 0,
        usersLosingImap: 0,
      },
    });
  });

  it("nothing was written by the previews", async () => {
    expect(await imapOf("ana", "bo", "cy", "dee", "eve")).toEqual([true, true, true, false, false]);
    expect(await groupViolations(api.config, api.customer.id)).toEqual([]);
  });
});

describe("previews of OU and user changes count what the OU decides, not what a group sets (issue 13 × 14)", () => {
  const ACCESS = "usersLosingAccess usersGainingAccess usersLosingWorkingAccess usersGainingWorkingAccess";
  const PEOPLE = `pop { ${ACCESS} } imap { ${ACCESS} } lessSecureApps { ${ACCESS} }
    changedOrgUnits(first: 10) { nodes { orgUnit { path } imap { usersGainingAccess } } }`;
  const NOBODY = {
    usersLosingAccess: 0,
    usersGainingAccess: 0,
    usersLosingWorkingAccess: 0,
    usersGainingWorkingAccess: 0,
  };
  const policy = (input: Record<string, unknown>) =>
    api.gql<any>(
      `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { impact { ${PEOPLE} } } }`,
      { input: { ...input, dryRun: true } },
    );

  it("POP off at the root: ana, bo and cy lose it (none has POP on); dee and eve keep pop-off's value", async () => {
    const response = await policy({ orgUnitPath: "/", popAccess: "OFF" });
    expect(response.errors).toBeUndefined();
    // Without groups, 5 would lose POP and eve (POP on in her own settings) would be cut off.
    expect(response.data.updateMailAccessPolicy.impact).toMatchObject({
      pop: { ...NOBODY, usersLosingAccess: 3 },
      imap: NOBODY,
      lessSecureApps: NOBODY,
    });
    // The key; the OU's path hint with the groups' order; the OU with every group; the subtree (16 Querys, then the
    // OUs it found, 1 batch) beside the member items of the 3 groups that set something (3 Querys) and then the
    // members (1 batch): 24 calls. The groups' reads overlap the OUs', so at most one step more than for a customer
    // whose groups set nothing (4), whatever the number of OUs.
    expect(response.roundTrips).toBe(24);
    expect(response.sequentialRoundTrips).toBeLessThanOrEqual(5);
  });

  it("IMAP on for /Sales: its OUs change, but ana, bo and cy have imap-on's IMAP already: nobody gains it", async () => {
    const impact = (await policy({ orgUnitPath: "/Sales", imapAccess: "ON" })).data.updateMailAccessPolicy.impact;
    expect(impact).toMatchObject({ pop: NOBODY, imap: NOBODY, lessSecureApps: NOBODY });
    expect(impact.changedOrgUnits.nodes).toEqual([
      { orgUnit: { path: "/Sales" }, imap: { usersGainingAccess: 0 } },
      { orgUnit: { path: "/Sales/EMEA" }, imap: { usersGainingAccess: 0 } },
    ]);
  });

  it("POP and IMAP off for /Eng: dee and eve keep what pop-off and imap-off set, read from /Eng alone", async () => {
    const response = await policy({ orgUnitPath: "/Eng", popAccess: "OFF", imapAccess: "OFF" });
    expect(response.data.updateMailAccessPolicy.impact).toMatchObject({
      pop: NOBODY,
      imap: NOBODY,
      lessSecureApps: NOBODY,
    });
    // A leaf reads its own users that are in groups, not every member of the customer's groups: the key; the OU's
    // path hint with the groups' order; the OU with every group; /Eng's users in groups (1 Query). 4 calls, 4 steps.
    expect([response.roundTrips, response.sequentialRoundTrips]).toEqual([4, 4]);
  });

  it("moving /Sales/EMEA under /Eng, or cy to /Eng, changes nothing for them: imap-on decides their IMAP", async () => {
    const ou = await api.ok(
      `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { impact { ${PEOPLE} } } }`,
      { input: { orgUnitPath: "/Sales/EMEA", parentOrgUnitPath: "/Eng", dryRun: true } },
    );
    expect(ou.updateOrgUnit.impact).toMatchObject({ pop: NOBODY, imap: NOBODY, lessSecureApps: NOBODY });
    const user = await api.ok(
      `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { impact { ${PEOPLE} } warnings { code } } }`,
      { input: { email: email("cy"), orgUnitPath: "/Eng", dryRun: true } },
    );
    // Without groups cy would gain IMAP (/Sales has it off, /Eng on).
    expect(user.updateUser).toMatchObject({
      impact: { pop: NOBODY, imap: NOBODY, lessSecureApps: NOBODY },
      warnings: [],
    });
  });
});

describe("the changes, made", () => {
  it("imap-off stops setting IMAP (what it sets changes: its members' items follow)", async () => {
    const made = await api.ok(GROUP_POLICY, { input: { groupId: ids.imapOff, imapAccess: "INHERIT" } });
    expect(made.updateGroupMailAccessPolicy).toMatchObject({ changed: true, impact: { usersGainingImap: 2 } });
    expect(await imapOf("ana", "bo", "cy", "dee", "eve")).toEqual([true, true, true, true, true]);
    expect(await groupViolations(api.config, api.customer.id)).toEqual([]);
  });

  it("pop-off deleted, forced: dee and eve get POP from /Eng again", async () => {
    await api.ok(DELETE_GROUP, { input: { groupId: ids.popOff, force: true } });
    expect((await adminAccess(api, email("eve"))).pop).toEqual({ allowed: true, source: "DEFAULT" });
    expect(await groupViolations(api.config, api.customer.id)).toEqual([]);
  });
});
