/**
 * What a change of configuration groups does to the people it reaches (functions/domain/group-impact.ts): each
 * member's settings before and after, counted by the administrator's value and by working access (the member's own
 * settings), and the warnings.
 */
import { describe, expect, it } from "vitest";
import { groupImpact, groupWarnings, policyChangeFlags, type MemberChange } from "../../functions/domain/group-impact";
import { withGroups } from "../../functions/domain/groups";
import { effectiveMailAccess, IOS_MAIL_CLIENT_ID, type MailAccessPolicy } from "../../functions/domain/mail-access";

const NOW = new Date("2025-03-02T08:00:00.000Z");
const root = effectiveMailAccess([{ id: "root", path: "/", mailAccessPolicy: {}, policyChangedAt: null }], NOW);
const inGroup = (policy: MailAccessPolicy) =>
  withGroups(root, [{ mailAccessPolicy: policy, policyChangedAt: null }], NOW);

const uses = { imapEnabled: true, popAccessWindow: "ALL_MAIL" as const, lessSecureAppsEnabled: false };
const usesNothing = { imapEnabled: false, popAccessWindow: "DISABLED" as const, lessSecureAppsEnabled: false };

describe("groupImpact", () => {
  it("counts who loses and gains each protocol, and who is cut off because they use it", () => {
    const changes: MemberChange[] = [
      { before: root, after: inGroup({ imapAccess: false, popAccess: false }), settings: uses },
      { before: root, after: inGroup({ imapAccess: false, popAccess: false }), settings: usesNothing },
      { before: inGroup({ imapAccess: false }), after: root, settings: uses },
      { before: root, after: root, settings: uses },
    ];
    expect(groupImpact(changes)).toMatchObject({
      membersReached: 4,
      usersWithChangedSettings: 3,
      usersLosingImap: 2,
      usersCutOffFromImap: 1,
      usersLosingPop: 2,
      usersCutOffFromPop: 1,
      usersGainingImap: 1,
      usersGainingPop: 0,
      turnsImapOff: true,
      turnsPopOff: true,
    });
  });

  it("counts the same people as an OU change's preview would, with the same rules (pop, imap, lessSecureApps)", () => {
    const impact = groupImpact([
      { before: root, after: inGroup({ imapAccess: false, popAccess: false }), settings: uses },
      { before: root, after: inGroup({ imapAccess: false, popAccess: false }), settings: usesNothing },
      { before: inGroup({ imapAccess: false }), after: root, settings: uses },
      { before: root, after: root, settings: uses },
    ]);
    expect(impact.pop).toEqual({
      usersLosingAccess: 2,
      usersGainingAccess: 0,
      usersLosingWorkingAccess: 1,
      usersGainingWorkingAccess: 0,
    });
    expect(impact.imap).toMatchObject({
      usersLosingAccess: 2,
      usersGainingAccess: 1,
      usersLosingWorkingAccess: 1,
      usersGainingWorkingAccess: 1,
    });
    expect(impact.lessSecureApps.usersLosingAccess).toBe(0);
  });

  it("counts who keeps IMAP with fewer clients, and flags a list without iOS Mail", () => {
    const listed = inGroup({
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL_CLIENT_ID] },
    });
    const empty = inGroup({ imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] } });
    const impact = groupImpact([
      { before: root, after: listed, settings: uses },
      { before: listed, after: empty, settings: uses },
      { before: empty, after: listed, settings: uses },
    ]);
    expect(impact).toMatchObject({
      usersWithChangedSettings: 3,
      usersWithFewerImapClients: 2,
      restrictsImapClients: true,
      emptyAllowList: true,
      iosMailNotAllowed: true,
    });
  });

  it("warns of what a group's own change will do even before it has members", () => {
    const flags = policyChangeFlags({}, { imapAccess: false, lessSecureApps: true });
    expect(groupWarnings(groupImpact([]), true, flags).map((w) => w.code)).toEqual([
      "IMAP_OFF_IOS_MAIL",
      "IMAP_OFF_SILENT_SIGN_IN_FAILURE",
      "CLIENTS_STOP_RECEIVING_MAIL",
      "LESS_SECURE_APPS_DEPRECATED",
      "PROPAGATION_DELAY",
    ]);
    expect(groupWarnings(groupImpact([]), false)).toEqual([]);
  });

  it("warns first, as for an OU, when someone goes from any mail client to listed OAuth clients with IMAP on", () => {
    const list = { mode: "OAUTH_ALLOWLIST" as const, allowedOAuthClientIds: [IOS_MAIL_CLIENT_ID] };
    const switched = groupImpact([{ before: root, after: inGroup({ imapClientAccess: list }), settings: uses }]);
    expect(switched.switchesToAllowlist).toBe(true);
    expect(groupWarnings(switched, true)[0]?.code).toBe("ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS");
    const imapOff = inGroup({ imapAccess: false, imapClientAccess: list });
    expect(groupImpact([{ before: root, after: imapOff, settings: uses }]).switchesToAllowlist).toBe(false);
    const flags = policyChangeFlags({}, { imapClientAccess: list });
    expect(groupWarnings(groupImpact([]), true, flags)[0]?.code).toBe("ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS");
  });
});
