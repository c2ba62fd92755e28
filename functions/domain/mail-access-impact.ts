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
import type { MailAccessSetting } from "./mail-access-setting";

// ---- impact on the subtree ------------------------------------------------------------------------------------------

/** An OU of the changed subtree, with its parent link and how many users it holds directly. */
export interface SubtreeNode extends PolicyNode {
  parentId: string | null;
  userCount: number;
}

export interface OrgUnitImpact<N> {
  orgUnit: N;
  /** Settings whose effective value on this OU changes. */
  changedSettings: SettingKey[];
  /** Users directly in this OU. */
  userCount: number;
}

export interface MailAccessImpact<N> extends ImpactFlags {
  orgUnits: OrgUnitImpact<N>[];
  usersGainingPop: number;
  usersLosingPop: number;
  usersGainingImap: number;
  usersLosingImap: number;
}

/** What a change does that an administrator must be warned of (for an OU change, on some OU of the subtree). */
export interface ImpactFlags {
  /** Some OUs of the subtree lose POP (on to off). */
  turnsPopOff: boolean;
  /** Some OUs of the subtree lose IMAP (on to off). */
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

/** The impacts of changes on separate subtrees, as one. */
export function combineImpacts<N>(impacts: readonly MailAccessImpact<N>[]): MailAccessImpact<N> {
  return {
    orgUnits: impacts.flatMap((impact) => impact.orgUnits),
    usersGainingPop: sum(impacts, (impact) => impact.usersGainingPop),
    usersLosingPop: sum(impacts, (impact) => impact.usersLosingPop),
    usersGainingImap: sum(impacts, (impact) => impact.usersGainingImap),
    usersLosingImap: sum(impacts, (impact) => impact.usersLosingImap),
    turnsPopOff: impacts.some((impact) => impact.turnsPopOff),
    turnsImapOff: impacts.some((impact) => impact.turnsImapOff),
    restrictsImapClients: impacts.some((impact) => impact.restrictsImapClients),
    emptyAllowList: impacts.some((impact) => impact.emptyAllowList),
    iosMailNotAllowed: impacts.some((impact) => impact.iosMailNotAllowed),
    allowsLessSecureApps: impacts.some((impact) => impact.allowsLessSecureApps),
  };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/**
 * What changes below when `target` gets `newPolicy`: every OU of the subtree whose effective values change, and how
 * many users gain or lose POP and IMAP. `ancestors` are the target's (root first); `subtree` holds the target and
 * all its descendants, parents before children.
 */
export function mailAccessImpact<N extends SubtreeNode>(
  ancestors: readonly N[],
  subtree: readonly N[],
  newPolicy: MailAccessPolicy | ReadonlyMap<string, MailAccessPolicy>,
): MailAccessImpact<N> {
  const target = subtree[0];
  if (target === undefined) throw new Error("mailAccessImpact needs the target OU");
  // One new policy for the target, or new policies for several OUs of the subtree (a bulk change).
  const newPolicies = newPolicy instanceof Map ? newPolicy : new Map([[target.id, newPolicy as MailAccessPolicy]]);
  const above = ancestors.reduce((parent: Inherited<N>, node) => inherit(parent, node), rootInheritance<N>());
  const before = new Map<string, Inherited<N>>();
  const after = new Map<string, Inherited<N>>();
  const impact: MailAccessImpact<N> = {
    orgUnits: [],
    usersGainingPop: 0,
    usersLosingPop: 0,
    usersGainingImap: 0,
    usersLosingImap: 0,
    turnsPopOff: false,
    turnsImapOff: false,
    restrictsImapClients: false,
    emptyAllowList: false,
    iosMailNotAllowed: false,
    allowsLessSecureApps: false,
  };
  for (const node of subtree) {
    const isTarget = node.id === target.id;
    const parentBefore = isTarget ? above : before.get(node.parentId ?? "");
    const parentAfter = isTarget ? above : after.get(node.parentId ?? "");
    if (parentBefore === undefined || parentAfter === undefined) continue;
    const was = inherit(parentBefore, node);
    const now = inherit(parentAfter, node, newPolicies.get(node.id) ?? node.mailAccessPolicy);
    before.set(node.id, was);
    after.set(node.id, now);
    const changedSettings = SETTING_KEYS.filter((key) => !sameValue(key, was[key].value, now[key].value));
    if (changedSettings.length === 0) continue;
    impact.orgUnits.push({ orgUnit: node, changedSettings, userCount: node.userCount });
    const count = (gained: boolean) => (gained ? node.userCount : 0);
    if (was.popAccess.value !== now.popAccess.value) {
      impact.usersGainingPop += count(now.popAccess.value);
      impact.usersLosingPop += count(!now.popAccess.value);
      impact.turnsPopOff ||= !now.popAccess.value;
    }
    if (was.imapAccess.value !== now.imapAccess.value) {
      impact.usersGainingImap += count(now.imapAccess.value);
      impact.usersLosingImap += count(!now.imapAccess.value);
      impact.turnsImapOff ||= !now.imapAccess.value;
    }
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
  }
  return impact;
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
