/**
 * Pure rules of what a change of configuration groups does to the people it reaches: each member's settings in force
 * before and after the change (groups in priority order over their OU, ./groups.ts), counted; and the warnings an
 * administrator must see.
 */
import type { PopAccessWindow, UserMailSettings } from "./access-decision";
import {
  combineImpacts,
  noImpact,
  personImpact,
  policyWarnings,
  warningOf,
  type ImpactFlags,
  type UsersImpact,
  type Warning,
} from "./mail-access-impact";
import {
  IOS_MAIL_CLIENT_ID,
  SETTING_KEYS,
  auditValue,
  type EffectiveMailAccess,
  type ImapClientAccess,
  type MailAccessPolicy,
} from "./mail-access";

/** One person a change reaches: the settings in force for them before and after it, and their own settings. */
export interface MemberChange {
  before: EffectiveMailAccess<unknown, unknown>;
  after: EffectiveMailAccess<unknown, unknown>;
  settings: UserMailSettings;
}

/** Beside an OU change's flags: whether someone goes from any mail client to listed OAuth clients, IMAP on. */
export interface GroupFlags extends ImpactFlags {
  switchesToAllowlist: boolean;
}

/** Also the people counted as an OU change counts them (`pop`, `imap`, `lessSecureApps`: ./mail-access-impact.ts). */
export interface GroupImpact extends GroupFlags, UsersImpact {
  /** The people the change reaches (for a group's settings: its members, directly or through nesting). */
  membersReached: number;
  /** Of those, the people any setting in force changes for. */
  usersWithChangedSettings: number;
  /** The administrator's POP access goes from off to on / on to off. */
  usersGainingPop: number;
  usersLosingPop: number;
  usersGainingImap: number;
  usersLosingImap: number;
  /** People who lose the protocol while they have it turned on in their own settings: cut off now. */
  usersCutOffFromPop: number;
  usersCutOffFromImap: number;
  /** People who keep IMAP but may use fewer mail clients with it (restricted to a list, or to a shorter one). */
  usersWithFewerImapClients: number;
}

const popOn = (window: PopAccessWindow) => window !== "DISABLED";

/** Whether `after` lets fewer clients use IMAP than `before` (both with IMAP on). */
function fewerClients(before: ImapClientAccess, after: ImapClientAccess): boolean {
  if (after.mode === "ANY_CLIENT") return false;
  if (before.mode === "ANY_CLIENT") return true;
  return before.allowedOAuthClientIds.some((id) => !after.allowedOAuthClientIds.includes(id));
}

/** Counts what `changes` do to each person, and what an administrator must be warned of. */
export function groupImpact(changes: readonly MemberChange[]): GroupImpact {
  const impact: GroupImpact = {
    membersReached: changes.length,
    usersWithChangedSettings: 0,
    usersGainingPop: 0,
    usersLosingPop: 0,
    usersGainingImap: 0,
    usersLosingImap: 0,
    usersCutOffFromPop: 0,
    usersCutOffFromImap: 0,
    usersWithFewerImapClients: 0,
    ...NO_FLAGS,
    ...peopleImpact(changes),
  };
  for (const { before, after, settings } of changes) {
    const changed = SETTING_KEYS.filter(
      (key) =>
        auditValue(key, before[key].value as MailAccessPolicy[typeof key]) !==
        auditValue(key, after[key].value as MailAccessPolicy[typeof key]),
    );
    if (changed.length === 0) continue;
    impact.usersWithChangedSettings += 1;
    if (before.popAccess.value !== after.popAccess.value) {
      if (after.popAccess.value) impact.usersGainingPop += 1;
      else {
        impact.usersLosingPop += 1;
        impact.turnsPopOff = true;
        if (popOn(settings.popAccessWindow)) impact.usersCutOffFromPop += 1;
      }
    }
    if (before.imapAccess.value !== after.imapAccess.value) {
      if (after.imapAccess.value) impact.usersGainingImap += 1;
      else {
        impact.usersLosingImap += 1;
        impact.turnsImapOff = true;
        if (settings.imapEnabled) impact.usersCutOffFromImap += 1;
      }
    }
    const clients = after.imapClientAccess.value;
    if (after.imapAccess.value && clients.mode === "OAUTH_ALLOWLIST") {
      const restricting =
        before.imapClientAccess.value.mode !== "OAUTH_ALLOWLIST" || changed.includes("imapClientAccess");
      if (restricting) flagRestriction(impact, clients);
      // As for an OU (allowlistSwitchWarnings): an empty list is left to the warning that it blocks every client.
      if (before.imapClientAccess.value.mode === "ANY_CLIENT" && clients.allowedOAuthClientIds.length > 0)
        impact.switchesToAllowlist = true;
      if (before.imapAccess.value && fewerClients(before.imapClientAccess.value, clients))
        impact.usersWithFewerImapClients += 1;
    }
    if (changed.includes("lessSecureApps") && after.lessSecureApps.value) impact.allowsLessSecureApps = true;
  }
  return impact;
}

/** Who gains or loses what, person by person, with the same rules as an OU change's preview. */
function peopleImpact(changes: readonly MemberChange[]): UsersImpact {
  const people = changes.map(({ before, after, settings }) => ({
    ...noImpact(),
    ...personImpact(before, after, settings),
  }));
  const { pop, imap, lessSecureApps } = combineImpacts(people);
  return { pop, imap, lessSecureApps };
}

const NO_FLAGS: GroupFlags = {
  switchesToAllowlist: false,
  turnsPopOff: false,
  turnsImapOff: false,
  restrictsImapClients: false,
  emptyAllowList: false,
  iosMailNotAllowed: false,
  allowsLessSecureApps: false,
};

function flagRestriction(flags: ImpactFlags, clients: ImapClientAccess): void {
  flags.restrictsImapClients = true;
  if (clients.allowedOAuthClientIds.length === 0) flags.emptyAllowList = true;
  if (!clients.allowedOAuthClientIds.includes(IOS_MAIL_CLIENT_ID)) flags.iosMailNotAllowed = true;
}

/**
 * What a change of a group's own settings from `before` to `after` would do to a member whose setting the group
 * decides: a group with no member yet still warns of what it will do to the first ones.
 */
export function policyChangeFlags(before: MailAccessPolicy, after: MailAccessPolicy): GroupFlags {
  const flags: GroupFlags = { ...NO_FLAGS };
  flags.turnsPopOff = after.popAccess === false && before.popAccess !== false;
  flags.turnsImapOff = after.imapAccess === false && before.imapAccess !== false;
  const clients = after.imapClientAccess;
  const clientsChanged =
    auditValue("imapClientAccess", before.imapClientAccess) !== auditValue("imapClientAccess", clients);
  if (clients?.mode === "OAUTH_ALLOWLIST" && clientsChanged && after.imapAccess !== false) {
    flagRestriction(flags, clients);
    flags.switchesToAllowlist =
      before.imapClientAccess?.mode !== "OAUTH_ALLOWLIST" && clients.allowedOAuthClientIds.length > 0;
  }
  flags.allowsLessSecureApps = after.lessSecureApps === true && before.lessSecureApps !== true;
  return flags;
}

/**
 * The warnings for a change of groups: those of what it does to its members, or would do (`extra`); as for an OU, a
 * switch from any mail client to listed OAuth clients comes first.
 */
export function groupWarnings(impact: GroupFlags, changesSomething: boolean, extra: GroupFlags = NO_FLAGS): Warning[] {
  const flags = Object.fromEntries(
    Object.keys(NO_FLAGS).map((key) => [key, impact[key as keyof GroupFlags] || extra[key as keyof GroupFlags]]),
  ) as unknown as GroupFlags;
  const switched =
    changesSomething && flags.switchesToAllowlist
      ? [warningOf("ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS", ["IMAP_CLIENT_ACCESS"])]
      : [];
  return [...switched, ...policyWarnings(flags, changesSomething)];
}
