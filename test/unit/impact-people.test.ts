/**
 * Previews that count people: who loses or gains access allowed by the administrator, and who loses or gains what
 * works for them today (their own settings have it on), from per-OU counts of users' own settings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UserMailSettings } from "../../functions/domain/access-decision";
import { withGroups } from "../../functions/domain/groups";
import { effectiveMailAccess, type ImapClientAccess, type MailAccessPolicy } from "../../functions/domain/mail-access";
import {
  combineImpacts,
  mailAccessImpact,
  noImpact,
  personImpact,
  userMoveImpact,
  type SubtreeNode,
} from "../../functions/domain/mail-access-impact";
import {
  OWN_SETTINGS_KEYS,
  countOwnSettings,
  countsAddUp,
  ownSettingsKey,
  settingsOnOf,
  type OwnSettingsCounts,
} from "../../functions/domain/own-settings-counts";

const NOW = new Date("2026-11-30T12:00:00.000Z");
const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";
const allowList = (...ids: string[]): ImapClientAccess => ({ mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: ids });

const settings = (
  popAccessWindow: UserMailSettings["popAccessWindow"],
  imapEnabled: boolean,
  lessSecureAppsEnabled = false,
): UserMailSettings => ({ popAccessWindow, imapEnabled, lessSecureAppsEnabled });

function node(
  id: string,
  parentId: string | null,
  users: UserMailSettings[],
  mailAccessPolicy: MailAccessPolicy = {},
): SubtreeNode {
  return {
    id,
    path: id,
    parentId,
    mailAccessPolicy,
    policyChangedAt: null,
    userCount: users.length,
    ownSettingsCounts: countOwnSettings(users),
  };
}

describe("counts of users' own settings", () => {
  it("gives each combination of own settings one key, and reads it back", () => {
    expect(ownSettingsKey(settings("DISABLED", false))).toBe("none");
    expect(ownSettingsKey(settings("DISABLED", true))).toBe("imap");
    expect(ownSettingsKey(settings("FROM_NOW_ON", true, true))).toBe("pop_imap_lsa");
    expect(ownSettingsKey(settings("ALL_MAIL", false, true))).toBe("pop_lsa");
    for (const key of OWN_SETTINGS_KEYS) {
      const on = settingsOnOf(key);
      expect(ownSettingsKey(settings(on.pop ? "ALL_MAIL" : "DISABLED", on.imap, on.lessSecureApps))).toBe(key);
    }
  });

  it("counts a list of users per key", () => {
    expect(
      countOwnSettings([settings("ALL_MAIL", true), settings("FROM_NOW_ON", true), settings("DISABLED", false)]),
    ).toEqual({ pop_imap: 2, none: 1 });
  });

  it("trusts counts only when none is negative and they add up to the user count", () => {
    const counts: OwnSettingsCounts = { imap: 2, none: 1 };
    expect(countsAddUp(counts, 3)).toBe(true);
    expect(countsAddUp({}, 0)).toBe(true);
    // An OU written before the counts: its first users are in no count.
    expect(countsAddUp({ imap: 1 }, 3)).toBe(false);
    expect(countsAddUp({ imap: 4, none: -1 }, 3)).toBe(false);
  });
});

describe("who loses and gains, and who uses it today", () => {
  // Root (no users) above /A: 3 users, of whom one uses POP and IMAP, one IMAP only, one nothing.
  const a = [settings("ALL_MAIL", true), settings("DISABLED", true), settings("DISABLED", false)];
  const impactOf = (policy: MailAccessPolicy, aPolicy: MailAccessPolicy = {}) =>
    mailAccessImpact({
      subtree: [node("A", "root", a, aPolicy)],
      ancestors: [node("root", null, [])],
      newPolicies: new Map([["A", policy]]),
    });

  it("POP off: everybody loses POP, one person uses it", () => {
    expect(impactOf({ ...{ popAccess: false } }).pop).toEqual({
      usersLosingAccess: 3,
      usersGainingAccess: 0,
      usersLosingWorkingAccess: 1,
      usersGainingWorkingAccess: 0,
    });
  });

  it("IMAP back on: everybody gains IMAP, and it works at once for the two who have it on", () => {
    const impact = impactOf({ imapAccess: true }, { imapAccess: false });
    expect(impact.imap).toMatchObject({ usersGainingAccess: 3, usersGainingWorkingAccess: 2, usersLosingAccess: 0 });
  });

  it("an allow-list: nobody loses IMAP, everybody loses clients, the two who use IMAP may lose theirs", () => {
    expect(impactOf({ imapClientAccess: allowList(IOS_MAIL) }).imap).toEqual({
      usersLosingAccess: 0,
      usersGainingAccess: 0,
      usersLosingWorkingAccess: 0,
      usersGainingWorkingAccess: 0,
      usersLosingClients: 3,
      usersGainingClients: 0,
      usersLosingWorkingClients: 2,
      usersGainingWorkingClients: 0,
    });
  });

  it("an empty allow-list: everybody loses IMAP, and the two who use it are cut off", () => {
    expect(impactOf({ imapClientAccess: allowList() }).imap).toMatchObject({
      usersLosingAccess: 3,
      usersLosingWorkingAccess: 2,
      usersLosingClients: 0,
    });
  });

  it("swapping one listed client for another: clients are both lost and gained", () => {
    const impact = impactOf({ imapClientAccess: allowList(MAC_MAIL) }, { imapClientAccess: allowList(IOS_MAIL) });
    expect(impact.imap).toMatchObject({
      usersLosingClients: 3,
      usersGainingClients: 3,
      usersLosingWorkingClients: 2,
      usersGainingWorkingClients: 2,
    });
  });

  it("adding a client to the list only gains clients; going back to any client too", () => {
    const added = impactOf(
      { imapClientAccess: allowList(IOS_MAIL, MAC_MAIL) },
      { imapClientAccess: allowList(IOS_MAIL) },
    );
    expect(added.imap).toMatchObject({ usersLosingClients: 0, usersGainingClients: 3 });
    const anyClient = impactOf(
      { imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClientIds: [] } },
      { imapClientAccess: allowList(IOS_MAIL) },
    );
    expect(anyClient.imap).toMatchObject({ usersLosingClients: 0, usersGainingClients: 3 });
  });

  describe("password sign-in (less secure apps)", () => {
    // /P allows less secure apps and restricts IMAP to a list: password sign-in works over POP only.
    const users = [
      settings("ALL_MAIL", true, true), // POP and less secure apps: signs in with a password over POP
      settings("DISABLED", true, true), // less secure apps, but only IMAP, which the list closes to passwords
      settings("ALL_MAIL", false, false), // POP without less secure apps
    ];
    const p = { lessSecureApps: true, imapClientAccess: allowList(IOS_MAIL) };
    const impactOf = (policy: MailAccessPolicy) =>
      mailAccessImpact({
        subtree: [node("P", "root", users, p)],
        ancestors: [node("root", null, [])],
        newPolicies: new Map([["P", policy]]),
      }).lessSecureApps;

    it("POP off closes password sign-in for everybody; one person used it", () => {
      expect(impactOf({ ...p, popAccess: false })).toEqual({
        usersLosingAccess: 3,
        usersGainingAccess: 0,
        usersLosingWorkingAccess: 1,
        usersGainingWorkingAccess: 0,
      });
    });

    it("any client again opens IMAP to passwords: the IMAP-only user's password client works at once", () => {
      expect(impactOf({ ...p, imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClientIds: [] } })).toEqual({
        usersLosingAccess: 0,
        usersGainingAccess: 0,
        usersLosingWorkingAccess: 0,
        usersGainingWorkingAccess: 1,
      });
    });

    it("a user loses working password sign-in over POP while IMAP for any client still allows it", () => {
      const open = { lessSecureApps: true };
      const impact = mailAccessImpact({
        subtree: [node("Q", "root", [settings("ALL_MAIL", false, true)], open)],
        ancestors: [node("root", null, [])],
        newPolicies: new Map([["Q", { ...open, popAccess: false }]]),
      });
      expect(impact.lessSecureApps).toMatchObject({ usersLosingAccess: 0, usersLosingWorkingAccess: 1 });
    });
  });

  it("sums the OUs of separate subtrees", () => {
    const one = impactOf({ popAccess: false });
    expect(combineImpacts([one, one]).pop).toMatchObject({ usersLosingAccess: 6, usersLosingWorkingAccess: 2 });
  });
});

describe("moves", () => {
  // root > X (allow-list, less secure apps allowed), root > Y (3 users), Y > Y1 (1 user, IMAP off set here)
  const root = node("root", null, []);
  const x = node("X", "root", [], { imapClientAccess: allowList(IOS_MAIL), lessSecureApps: true });
  const y = node("Y", "root", [
    settings("ALL_MAIL", true, true),
    settings("DISABLED", true),
    settings("DISABLED", false),
  ]);
  const y1 = node("Y1", "Y", [settings("DISABLED", true)], { imapAccess: false });

  it("of an OU: its subtree inherits from its new ancestors; an OU that sets a setting itself keeps it", () => {
    const impact = mailAccessImpact({ subtree: [y, y1], ancestors: [root], newAncestors: [root, x] });
    expect(impact.orgUnits.map((u) => [u.orgUnit.id, u.changedSettings])).toEqual([
      ["Y", ["imapClientAccess", "lessSecureApps"]],
      ["Y1", ["imapClientAccess", "lessSecureApps"]],
    ]);
    expect(impact.imap).toMatchObject({ usersLosingClients: 3, usersLosingWorkingClients: 2, usersLosingAccess: 0 });
    // Y1's user too may now sign in with a password, over POP (IMAP is off there).
    expect(impact.lessSecureApps).toMatchObject({ usersGainingAccess: 4, usersGainingWorkingAccess: 1 });
    expect(impact).toMatchObject({ restrictsImapClients: true, allowsLessSecureApps: true });
  });

  it("of a user: counts that one user, and names no OU", () => {
    const { impact, changedSettings } = userMoveImpact([root, y], [root, x], settings("ALL_MAIL", true, true));
    expect(changedSettings).toEqual(["imapClientAccess", "lessSecureApps"]);
    expect(impact.orgUnits).toEqual([]);
    expect(impact.imap).toMatchObject({ usersLosingClients: 1, usersLosingWorkingClients: 1 });
    expect(impact.lessSecureApps).toMatchObject({ usersGainingAccess: 1, usersGainingWorkingAccess: 1 });
  });

  it("of a user between OUs with the same settings: nothing changes", () => {
    const same = userMoveImpact([root, y], [root], settings("DISABLED", true));
    expect(same.changedSettings).toEqual([]);
    expect(same.impact.imap.usersLosingAccess + same.impact.pop.usersLosingAccess).toBe(0);
  });

  it("of a user into an OU with IMAP off: they are cut off, and the IMAP warnings apply", () => {
    const { impact } = userMoveImpact([root, y], [root, y, y1], settings("DISABLED", true));
    expect(impact.imap).toMatchObject({ usersLosingAccess: 1, usersLosingWorkingAccess: 1 });
    expect(impact.turnsImapOff).toBe(true);
  });
});

describe("previews with configuration groups (issue 14)", () => {
  const ROOT = node("root", null, []);
  const popImap = settings("ALL_MAIL", true, true);

  it("counts a member of groups only for what their groups leave to the OU", () => {
    const sales: SubtreeNode = {
      ...node("sales", "root", [popImap]),
      userCount: 3,
      groupedUsers: [
        { settings: popImap, groups: [{ mailAccessPolicy: { popAccess: true } }] },
        { settings: popImap, groups: [{ mailAccessPolicy: { imapAccess: true } }, { mailAccessPolicy: {} }] },
      ],
    };
    const impact = mailAccessImpact({
      subtree: [sales],
      ancestors: [ROOT],
      newPolicies: new Map([["sales", { popAccess: false, imapAccess: false }]]),
    });
    // POP: the user in no group and the one whose group sets only IMAP; IMAP: the user in no group and the other.
    expect(impact.pop).toMatchObject({ usersLosingAccess: 2, usersLosingWorkingAccess: 2 });
    expect(impact.imap).toMatchObject({ usersLosingAccess: 2, usersLosingWorkingAccess: 2 });
    expect(impact.orgUnits[0]?.pop.usersLosingAccess).toBe(2);
  });

  it("a user's move keeps what their groups set", () => {
    const off = node("off", "root", [], { imapAccess: false });
    const moved = userMoveImpact([ROOT, off], [ROOT], popImap, [{ mailAccessPolicy: { imapAccess: false } }]);
    expect(moved.changedSettings).toEqual([]);
    expect(userMoveImpact([ROOT, off], [ROOT], popImap).impact.imap.usersGainingAccess).toBe(1);
  });

  it("equals each user's own change, settings resolved with withGroups (property)", () => {
    const policy = fc.record(
      {
        popAccess: fc.boolean(),
        imapAccess: fc.boolean(),
        imapClientAccess: fc.constantFrom<ImapClientAccess>(allowList(), allowList(IOS_MAIL), {
          mode: "ANY_CLIENT",
          allowedOAuthClientIds: [],
        }),
        lessSecureApps: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const user = fc.record({
      settings: fc.record({
        popAccessWindow: fc.constantFrom("DISABLED" as const, "ALL_MAIL" as const),
        imapEnabled: fc.boolean(),
        lessSecureAppsEnabled: fc.boolean(),
      }),
      groups: fc.array(
        policy.map((mailAccessPolicy) => ({ mailAccessPolicy, policyChangedAt: null })),
        {
          maxLength: 3,
        },
      ),
    });
    fc.assert(
      fc.property(policy, policy, fc.array(user, { maxLength: 6 }), (before, after, users) => {
        const grouped = users.filter((u) => u.groups.some((g) => Object.keys(g.mailAccessPolicy).length > 0));
        const rest = users.filter((u) => !grouped.includes(u));
        const ou: SubtreeNode = {
          ...node(
            "ou",
            "root",
            rest.map((u) => u.settings),
            before,
          ),
          userCount: users.length,
          groupedUsers: grouped,
        };
        const impact = mailAccessImpact({ subtree: [ou], ancestors: [ROOT], newPolicies: new Map([["ou", after]]) });
        // The reference: every user on their own, their settings in force resolved by the read path's rule.
        const chain = (policy: MailAccessPolicy) =>
          effectiveMailAccess([ROOT, { ...ou, mailAccessPolicy: policy }], NOW);
        const each = users.map((u) =>
          personImpact(withGroups(chain(before), u.groups, NOW), withGroups(chain(after), u.groups, NOW), u.settings),
        );
        const reference = combineImpacts(each.map((people) => ({ ...noImpact(), ...people })));
        expect({ pop: impact.pop, imap: impact.imap, lessSecureApps: impact.lessSecureApps }).toEqual({
          pop: reference.pop,
          imap: reference.imap,
          lessSecureApps: reference.lessSecureApps,
        });
      }),
      { numRuns: 300 },
    );
  });
});
