/** Pure rules of what a change of mail access settings does below it: the impact on the subtree, and the warnings. */
import {
  IOS_MAIL_CLIENT_ID,
  PROPAGATION_HOURS,
  SETTING_KEYS,
  auditValue,
  inherit,
  rootInheritance,
  type EffectiveMailAccess,
  type Inherited,
  type MailAccessPolicy,
  type PolicyNode,
  type SettingKey,
} from "./mail-access";
import type { UserMailSettings } from "./access-decision";
import { decidingGroup } from "./groups";
import type { MailAccessSetting } from "./mail-access-setting";
import {
  OWN_SETTINGS_KEYS,
  ownSettingsKey,
  settingsOnOf,
  type OwnSettingsCounts,
  type OwnSettingsOn,
} from "./own-settings-counts";

// ---- impact on the subtree ------------------------------------------------------------------------------------------

/** An OU of the changed subtree, with its parent link, how many users it holds directly and their own settings. */
export interface SubtreeNode extends PolicyNode {
  parentId: string | null;
  userCount: number;
  /**
   * Its users per combination of their own settings (they add up to `userCount`), except `groupedUsers` when they are
   * given.
   */
  ownSettingsCounts: OwnSettingsCounts;
  /** Its users whose configuration groups set some of their settings: the OU does not decide those for them. */
  groupedUsers?: readonly GroupedUser[];
}

/** A user whose configuration groups set some of their settings: counted one by one, with their groups' values. */
export interface GroupedUser {
  settings: UserMailSettings;
  /** The groups in effect for the user, highest priority first: for each setting, the first that sets it decides. */
  groups: readonly { mailAccessPolicy: MailAccessPolicy }[];
}

/**
 * Who gains or loses one kind of access. "Access" is what the administrator allows; "working access" is access a
 * user also has turned on in their own settings, i.e. what they can use today (or will be able to use at once).
 */
interface AccessImpact {
  /** Users the administrator allowed it before the change and does not after, whatever their own settings. */
  usersLosingAccess: number;
  /** Users the administrator allows it after the change and did not before. */
  usersGainingAccess: number;
  /** Of `usersLosingAccess`, those for whom it works today: they are cut off. */
  usersLosingWorkingAccess: number;
  /** Of `usersGainingAccess`, those for whom it works at once (their own settings have it on already). */
  usersGainingWorkingAccess: number;
}

/**
 * IMAP's impact. Access to IMAP means the administrator lets some client use it: IMAP on, and not restricted to an
 * empty list. A user's mail client cannot be known, so a change of which clients may use IMAP counts users, not
 * clients: users whose set of usable clients shrinks (any client to a list, or clients taken off the list) or grows.
 */
interface ImapAccessImpact extends AccessImpact {
  /** Users who keep IMAP but for fewer clients: those outside the new list (and password clients) are refused. */
  usersLosingClients: number;
  /** Users who keep IMAP and may use more clients than before. */
  usersGainingClients: number;
  /** Of `usersLosingClients`, those with IMAP on in their own settings: a client they use today may stop working. */
  usersLosingWorkingClients: number;
  /** Of `usersGainingClients`, those with IMAP on in their own settings. */
  usersGainingWorkingClients: number;
}

/** Who gains or loses what, per kind of access. */
export interface UsersImpact {
  pop: AccessImpact;
  imap: ImapAccessImpact;
  /**
   * Password sign-in (less secure apps): allowed when the administrator allows less secure apps and POP, or IMAP for
   * any client; working when the user also has less secure apps on and has on a protocol that carries it. A user may
   * lose working password sign-in while still allowed it (POP off, IMAP for any client, and the user only uses POP).
   */
  lessSecureApps: AccessImpact;
}

export interface OrgUnitImpact<N> extends UsersImpact {
  orgUnit: N;
  /** Settings whose effective value on this OU changes. */
  changedSettings: SettingKey[];
  /** Users directly in this OU. */
  userCount: number;
}

export interface MailAccessImpact<N> extends UsersImpact, ImpactFlags {
  /** The OUs whose effective settings change; none for a user's move (the user changes OU, no OU changes). */
  orgUnits: OrgUnitImpact<N>[];
}

/** What a change does that an administrator must be warned of (for an OU change, on some OU of the subtree). */
export interface ImpactFlags {
  /** Some OUs of the subtree (or the moved user) lose POP (on to off). */
  turnsPopOff: boolean;
  /** Some OUs of the subtree (or the moved user) lose IMAP (on to off). */
  turnsImapOff: boolean;
  /** Some OUs of the subtree move from any client to the allow-list (or get a different list). */
  restrictsImapClients: boolean;
  /** Some OUs end up with the allow-list in force and an empty list while IMAP is on. */
  emptyAllowList: boolean;
  /** Some OUs end up restricted to a list that does not include Apple iOS Mail, while IMAP is on. */
  iosMailNotAllowed: boolean;
  /** Some OUs end up allowing less secure apps. */
  allowsLessSecureApps: boolean;
}

function sameValue(key: SettingKey, a: unknown, b: unknown): boolean {
  return auditValue(key, a as MailAccessPolicy[SettingKey]) === auditValue(key, b as MailAccessPolicy[SettingKey]);
}

const noAccessImpact = (): AccessImpact => ({
  usersLosingAccess: 0,
  usersGainingAccess: 0,
  usersLosingWorkingAccess: 0,
  usersGainingWorkingAccess: 0,
});

function noUsersImpact(): UsersImpact {
  return {
    pop: noAccessImpact(),
    imap: {
      ...noAccessImpact(),
      usersLosingClients: 0,
      usersGainingClients: 0,
      usersLosingWorkingClients: 0,
      usersGainingWorkingClients: 0,
    },
    lessSecureApps: noAccessImpact(),
  };
}

/** The impact of a change that changes nobody's access. */
export function noImpact<N>(): MailAccessImpact<N> {
  return {
    orgUnits: [],
    ...noUsersImpact(),
    turnsPopOff: false,
    turnsImapOff: false,
    restrictsImapClients: false,
    emptyAllowList: false,
    iosMailNotAllowed: false,
    allowsLessSecureApps: false,
  };
}

/** Adds `more` to `total`, field by field. */
function addUsers(total: UsersImpact, more: UsersImpact): void {
  for (const kind of ["pop", "imap", "lessSecureApps"] as const) {
    const into = total[kind] as unknown as Record<string, number>;
    for (const [field, value] of Object.entries(more[kind])) into[field] = (into[field] ?? 0) + (value as number);
  }
}

/** The impacts of changes on separate subtrees, as one. */
export function combineImpacts<N>(impacts: readonly MailAccessImpact<N>[]): MailAccessImpact<N> {
  const combined = noImpact<N>();
  for (const impact of impacts) {
    combined.orgUnits.push(...impact.orgUnits);
    addUsers(combined, impact);
    combined.turnsPopOff ||= impact.turnsPopOff;
    combined.turnsImapOff ||= impact.turnsImapOff;
    combined.restrictsImapClients ||= impact.restrictsImapClients;
    combined.emptyAllowList ||= impact.emptyAllowList;
    combined.iosMailNotAllowed ||= impact.iosMailNotAllowed;
    combined.allowsLessSecureApps ||= impact.allowsLessSecureApps;
  }
  return combined;
}

/** The values in force, whatever decided them: an OU's chain, or a member's groups over it. */
type Values = { [K in SettingKey]: { value: Required<MailAccessPolicy>[K] } };

/** What the administrator lets the users of an OU with these effective values use. */
interface Allowed {
  pop: boolean;
  /** IMAP for some client: on, and not restricted to an empty list. */
  imap: boolean;
  /** The clients that may use IMAP while it is allowed: any, or the listed OAuth clients. */
  imapClients: "ANY" | readonly string[];
  /** Whether a user with less secure apps on (and the protocol on) may sign in with a password over `protocol`. */
  passwordOver: { pop: boolean; imap: boolean };
}

function allowed(effective: Values): Allowed {
  const clients = effective.imapClientAccess.value;
  const anyClient = clients.mode === "ANY_CLIENT";
  const imap = effective.imapAccess.value && (anyClient || clients.allowedOAuthClientIds.length > 0);
  const lessSecureApps = effective.lessSecureApps.value;
  return {
    pop: effective.popAccess.value,
    imap,
    imapClients: anyClient ? "ANY" : clients.allowedOAuthClientIds,
    passwordOver: { pop: lessSecureApps && effective.popAccess.value, imap: lessSecureApps && imap && anyClient },
  };
}

/** Whether some client usable under `before` is not usable under `after` (both allowing IMAP). */
function clientsLost(before: Allowed["imapClients"], after: Allowed["imapClients"]): boolean {
  if (before === "ANY") return after !== "ANY";
  return after !== "ANY" && before.some((id) => !after.includes(id));
}

/** Whether a user with own settings `on` may sign in with a password (over a protocol both allow). */
function passwordWorks(access: Allowed, on: OwnSettingsOn): boolean {
  return on.lessSecureApps && ((access.passwordOver.pop && on.pop) || (access.passwordOver.imap && on.imap));
}

/** How many of the users counted in `counts` have own settings for which `holds` is true. */
function countWhere(counts: OwnSettingsCounts, holds: (on: OwnSettingsOn) => boolean): number {
  return OWN_SETTINGS_KEYS.reduce((sum, key) => sum + (holds(settingsOnOf(key)) ? (counts[key] ?? 0) : 0), 0);
}

/** The users who lose and gain something, given whether each user had it before and has it after. */
function lostAndGained(
  counts: OwnSettingsCounts,
  had: (on: OwnSettingsOn) => boolean,
  has: (on: OwnSettingsOn) => boolean,
) {
  return {
    lost: countWhere(counts, (on) => had(on) && !has(on)),
    gained: countWhere(counts, (on) => !had(on) && has(on)),
  };
}

/** Who gains or loses what among the users counted in `counts` (by own settings), when `was` becomes `now`. */
function usersImpact(was: Values, now: Values, counts: OwnSettingsCounts): UsersImpact {
  const impact = noUsersImpact();
  const [before, after] = [allowed(was), allowed(now)];
  const all = () => true;
  const access = (side: AccessImpact, had: boolean, has: boolean, own: (on: OwnSettingsOn) => boolean) => {
    const admin = lostAndGained(
      counts,
      () => had,
      () => has,
    );
    const working = lostAndGained(
      counts,
      (on) => had && own(on),
      (on) => has && own(on),
    );
    Object.assign(side, {
      usersLosingAccess: admin.lost,
      usersGainingAccess: admin.gained,
      usersLosingWorkingAccess: working.lost,
      usersGainingWorkingAccess: working.gained,
    });
  };
  access(impact.pop, before.pop, after.pop, (on) => on.pop);
  access(impact.imap, before.imap, after.imap, (on) => on.imap);
  // Password sign-in rides on POP or IMAP: a user keeps it while one protocol they use still carries it.
  const passwordAllowed = (a: Allowed) => a.passwordOver.pop || a.passwordOver.imap;
  const password = lostAndGained(
    counts,
    () => passwordAllowed(before),
    () => passwordAllowed(after),
  );
  const passwordWorking = lostAndGained(
    counts,
    (on) => passwordWorks(before, on),
    (on) => passwordWorks(after, on),
  );
  Object.assign(impact.lessSecureApps, {
    usersLosingAccess: password.lost,
    usersGainingAccess: password.gained,
    usersLosingWorkingAccess: passwordWorking.lost,
    usersGainingWorkingAccess: passwordWorking.gained,
  });
  if (before.imap && after.imap) {
    const clients = (lose: boolean, users: "Losing" | "Gaining") => {
      if (!lose) return;
      impact.imap[`users${users}Clients`] = countWhere(counts, all);
      impact.imap[`users${users}WorkingClients`] = countWhere(counts, (on) => on.imap);
    };
    clients(clientsLost(before.imapClients, after.imapClients), "Losing");
    clients(clientsLost(after.imapClients, before.imapClients), "Gaining");
  }
  return impact;
}

/** What changes for an OU (or a user) whose effective values go from `was` to `now`: settings, users, warnings. */
function recordChange<N>(
  impact: MailAccessImpact<N>,
  was: Values,
  now: Values,
  counts: OwnSettingsCounts,
): { changedSettings: SettingKey[]; users: UsersImpact } | undefined {
  const changedSettings = SETTING_KEYS.filter((key) => !sameValue(key, was[key].value, now[key].value));
  if (changedSettings.length === 0) return undefined;
  const changed = usersImpact(was, now, counts);
  addUsers(impact, changed);
  if (was.popAccess.value && !now.popAccess.value) impact.turnsPopOff = true;
  if (was.imapAccess.value && !now.imapAccess.value) impact.turnsImapOff = true;
  const clients = now.imapClientAccess.value;
  const restricted = now.imapAccess.value && clients.mode === "OAUTH_ALLOWLIST";
  // Newly restricted, or restricted to another list; IMAP turned back on under the list it had is no restriction.
  const restricting =
    was.imapClientAccess.value.mode !== "OAUTH_ALLOWLIST" || changedSettings.includes("imapClientAccess");
  if (restricted && restricting) {
    impact.restrictsImapClients = true;
    if (clients.allowedOAuthClientIds.length === 0) impact.emptyAllowList = true;
    if (!clients.allowedOAuthClientIds.includes(IOS_MAIL_CLIENT_ID)) impact.iosMailNotAllowed = true;
  }
  if (changedSettings.includes("lessSecureApps") && now.lessSecureApps.value) impact.allowsLessSecureApps = true;
  return { changedSettings, users: changed };
}

/** A change of a subtree: new own policies for some of its OUs, and/or a new place in the tree (a move). */
export interface SubtreeChange<N> {
  /** The subtree: its root first, then all its descendants, parents before children. */
  subtree: readonly N[];
  /** The root's ancestors before the change, root of the tree first. */
  ancestors: readonly N[];
  /** The root's ancestors after the change, for a move (otherwise the same as before). */
  newAncestors?: readonly N[];
  /** New own policies, by OU id (a policy change of one OU, or a bulk change of several). */
  newPolicies?: ReadonlyMap<string, MailAccessPolicy>;
}

/**
 * What changes in a subtree: every OU whose effective values change, and who gains or loses POP, IMAP and password
 * sign-in, counted from the OUs' user counts and counts of their users' own settings (no user is read).
 */
export function mailAccessImpact<N extends SubtreeNode>(change: SubtreeChange<N>): MailAccessImpact<N> {
  const { subtree, ancestors, newAncestors = ancestors, newPolicies = new Map() } = change;
  const target = subtree[0];
  if (target === undefined) throw new Error("mailAccessImpact needs the target OU");
  const [aboveBefore, aboveAfter] = [inheritedAt(ancestors), inheritedAt(newAncestors)];
  const before = new Map<string, Inherited<N>>();
  const after = new Map<string, Inherited<N>>();
  const impact = noImpact<N>();
  for (const node of subtree) {
    const isTarget = node.id === target.id;
    const parentBefore = isTarget ? aboveBefore : before.get(node.parentId ?? "");
    const parentAfter = isTarget ? aboveAfter : after.get(node.parentId ?? "");
    if (parentBefore === undefined || parentAfter === undefined) continue;
    const was = inherit(parentBefore, node);
    const now = inherit(parentAfter, node, newPolicies.get(node.id) ?? node.mailAccessPolicy);
    before.set(node.id, was);
    after.set(node.id, now);
    const changed = recordChange(impact, was, now, node.ownSettingsCounts);
    if (changed === undefined) continue;
    // A member of groups keeps what they set whatever the OU's values: only the rest changes for them.
    for (const user of node.groupedUsers ?? []) {
      const own = recordChange(impact, withGroupValues(was, user.groups), withGroupValues(now, user.groups), {
        [ownSettingsKey(user.settings)]: 1,
      });
      if (own !== undefined) addUsers(changed.users, own.users);
    }
    impact.orgUnits.push({
      orgUnit: node,
      changedSettings: changed.changedSettings,
      userCount: node.userCount,
      ...changed.users,
    });
  }
  return impact;
}

/**
 * What a user's move from the OU at the end of `from` to the one at the end of `to` (chains, root first) changes for
 * them: the settings whose effective value differs, and the impact (with no OU in it: no OU's settings change).
 */
export function userMoveImpact<N extends PolicyNode>(
  from: readonly N[],
  to: readonly N[],
  settings: UserMailSettings,
  groups: GroupedUser["groups"] = [],
): { impact: MailAccessImpact<N>; changedSettings: SettingKey[] } {
  const impact = noImpact<N>();
  const [before, after] = [withGroupValues(inheritedAt(from), groups), withGroupValues(inheritedAt(to), groups)];
  const changed = recordChange(impact, before, after, { [ownSettingsKey(settings)]: 1 });
  return { impact, changedSettings: changed?.changedSettings ?? [] };
}

/**
 * What a change of the values in force for one person, from `before` to `after`, does to them (a change of their
 * configuration groups): counted as an OU's users are, with their own `settings`.
 */
export function personImpact(before: Values, after: Values, settings: UserMailSettings): UsersImpact {
  return recordChange(noImpact(), before, after, { [ownSettingsKey(settings)]: 1 })?.users ?? noUsersImpact();
}

/** `values` (an OU's) with what `groups` set in place of the OU's: the values in force for a member of them. */
function withGroupValues<N>(values: Inherited<N>, groups: GroupedUser["groups"]): Inherited<N> {
  const next = { ...values };
  for (const key of SETTING_KEYS) {
    const deciding = decidingGroup(groups, key);
    if (deciding !== undefined)
      (next as Record<SettingKey, unknown>)[key] = { value: deciding.mailAccessPolicy[key], setOn: null };
  }
  return next;
}

/** The values in force at the last OU of `chain` (root first). */
function inheritedAt<N extends PolicyNode>(chain: readonly N[]): Inherited<N> {
  return chain.reduce((parent: Inherited<N>, node) => inherit(parent, node), rootInheritance<N>());
}

// ---- warnings -------------------------------------------------------------------------------------------------------

export type WarningCode =
  | "IMAP_OFF_IOS_MAIL"
  | "IMAP_OFF_SILENT_SIGN_IN_FAILURE"
  | "CLIENTS_STOP_RECEIVING_MAIL"
  | "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS"
  | "EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP"
  | "IOS_MAIL_NOT_ALLOWLISTED"
  | "LESS_SECURE_APPS_DEPRECATED"
  | "PROPAGATION_DELAY"
  | "COPIED_INHERITED_ALLOWLIST"
  | "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS";

export interface Warning {
  code: WarningCode;
  message: string;
  /** The settings it is about; none for a warning about any change. */
  settings: MailAccessSetting[];
}

export const WARNING_MESSAGES: Record<WarningCode, string> = {
  IMAP_OFF_IOS_MAIL:
    "With IMAP off, iPhone and iPad users stop syncing mail in iOS Mail, new users cannot add their work account to iOS Mail by hand, and contacts and calendar on iOS then need a mobile device management (MDM) push or Google's own apps.",
  IMAP_OFF_SILENT_SIGN_IN_FAILURE:
    "IMAP sign-ins will fail silently: affected users get no notice that their mail client was refused.",
  CLIENTS_STOP_RECEIVING_MAIL:
    "Mail clients that use the turned-off protocol stop receiving mail, even ones that worked before; mobile users must use the Gmail app.",
  ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS:
    "With IMAP restricted to listed OAuth clients, clients that sign in with a password and clients acting through domain-wide delegation with a service account can no longer use IMAP, even if listed.",
  EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP: "The list of allowed OAuth clients is empty: every IMAP client is blocked.",
  IOS_MAIL_NOT_ALLOWLISTED:
    "Apple iOS Mail is not on the list of allowed OAuth clients: iPhone and iPad users of iOS Mail lose IMAP.",
  LESS_SECURE_APPS_DEPRECATED:
    "Since 2024 Google no longer accepts password sign-in from less secure apps, except with app passwords; users must also turn less secure apps on in their own account.",
  PROPAGATION_DELAY: `The change can take up to ${PROPAGATION_HOURS} hours to reach every mail client.`,
  COPIED_INHERITED_ALLOWLIST:
    "This OU inherited its IMAP client access; it now has its own copy of the inherited list, changed as asked, and no longer follows its parent's list.",
  ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS:
    "IMAP switches from any mail client to listed OAuth clients only: every OAuth client that is not on the list can no longer use IMAP.",
};

/** The warnings an administrator must see for a change with this impact; none when nothing changes. */
export function policyWarnings(impact: ImpactFlags, changesSomething: boolean): Warning[] {
  const warnings: Warning[] = [];
  const add = (code: WarningCode, ...settings: MailAccessSetting[]) => warnings.push(warningOf(code, settings));
  if (impact.turnsImapOff) {
    add("IMAP_OFF_IOS_MAIL", "IMAP_ACCESS");
    add("IMAP_OFF_SILENT_SIGN_IN_FAILURE", "IMAP_ACCESS");
  }
  if (impact.turnsImapOff || impact.turnsPopOff)
    add(
      "CLIENTS_STOP_RECEIVING_MAIL",
      ...(impact.turnsPopOff ? ["POP_ACCESS" as const] : []),
      ...(impact.turnsImapOff ? ["IMAP_ACCESS" as const] : []),
    );
  if (impact.restrictsImapClients) add("ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS", "IMAP_CLIENT_ACCESS");
  if (impact.emptyAllowList) add("EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP", "IMAP_CLIENT_ACCESS");
  else if (impact.iosMailNotAllowed) add("IOS_MAIL_NOT_ALLOWLISTED", "IMAP_CLIENT_ACCESS");
  if (impact.allowsLessSecureApps) add("LESS_SECURE_APPS_DEPRECATED", "LESS_SECURE_APPS");
  if (changesSomething) add("PROPAGATION_DELAY");
  return warnings;
}

/** A warning with its message. */
export function warningOf(code: WarningCode, settings: MailAccessSetting[]): Warning {
  return { code, message: WARNING_MESSAGES[code], settings };
}

/**
 * The warning of a switch of one OU from any mail client to listed OAuth clients while IMAP is on: every OAuth client
 * not on the list is cut off (password and service-account clients are named by the impact's own warning). An empty
 * list is left to EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP, which says more.
 */
export function allowlistSwitchWarnings(
  before: EffectiveMailAccess<unknown>,
  after: EffectiveMailAccess<unknown>,
): Warning[] {
  const clients = after.imapClientAccess.value;
  const switches =
    before.imapClientAccess.value.mode === "ANY_CLIENT" &&
    clients.mode === "OAUTH_ALLOWLIST" &&
    clients.allowedOAuthClientIds.length > 0 &&
    after.imapAccess.value;
  return switches ? [warningOf("ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS", ["IMAP_CLIENT_ACCESS"])] : [];
}
