/**
 * Pure rules of POP and IMAP access per OU: the settings, their defaults, inheritance down the tree with the source
 * of each effective value, OAuth client ids, the change an administrator asks for and its audit entries. What a
 * change does to the subtree, and the warnings an administrator must see: ./mail-access-impact.ts.
 */
import { badInput } from "../errors";
import type { MailAccessSetting } from "./mail-access-setting";
import { quoted } from "./text";

export type ImapClientMode = "ANY_CLIENT" | "OAUTH_ALLOWLIST";

export interface ImapClientAccess {
  mode: ImapClientMode;
  /** Used only in OAUTH_ALLOWLIST mode; in the administrator's order, without duplicates. */
  allowedOAuthClientIds: string[];
}

/** What an administrator set on one OU; a missing setting is inherited from the parent. */
export interface MailAccessPolicy {
  popAccess?: boolean;
  imapAccess?: boolean;
  imapClientAccess?: ImapClientAccess;
  lessSecureApps?: boolean;
}

export type SettingKey = keyof MailAccessPolicy;
export const SETTING_KEYS: readonly SettingKey[] = ["popAccess", "imapAccess", "imapClientAccess", "lessSecureApps"];

/** The product defaults, in force at the root until an administrator sets a value. */
export const DEFAULT_POLICY: Required<MailAccessPolicy> = {
  popAccess: true,
  imapAccess: true,
  imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClientIds: [] },
  lessSecureApps: false,
};

/** Each administrator's setting in the API's vocabulary. */
export const SETTINGS: Record<SettingKey, MailAccessSetting> = {
  popAccess: "POP_ACCESS",
  imapAccess: "IMAP_ACCESS",
  imapClientAccess: "IMAP_CLIENT_ACCESS",
  lessSecureApps: "LESS_SECURE_APPS",
};

/** The administrator's setting a `MailAccessSetting` names; undefined for a user's own. */
export function settingKeyOf(setting: MailAccessSetting): SettingKey | undefined {
  return SETTING_KEYS.find((key) => SETTINGS[key] === setting);
}

export const INHERIT_FROM_PARENT = "INHERIT_FROM_PARENT";

/** A saved change can take up to 24 hours to reach every client. */
export const PROPAGATION_HOURS = 24;

export const MAX_ALLOWED_OAUTH_CLIENTS = 100;
/** The most entries a list of client ids may have (repeats included; at most 100 distinct ones are kept). */
const MAX_CLIENT_ID_ENTRIES = 1000;
/** The longest pasted list of client ids: 100 ids of up to 100 characters, with separators. */
const MAX_CLIENT_IDS_TEXT = 10_200;
/** How many invalid entries an error names. */
const MAX_REPORTED_ENTRIES = 10;

/** Mail clients whose OAuth client ids are well known (from Google's article on POP and IMAP access). */
export const KNOWN_MAIL_CLIENTS: readonly { name: string; clientId: string }[] = [
  { name: "Apple iOS Mail", clientId: "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com" },
  { name: "Apple Mac Mail", clientId: "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com" },
];

export const IOS_MAIL_CLIENT_ID = (KNOWN_MAIL_CLIENTS[0] as { clientId: string }).clientId;

export function knownClientName(clientId: string): string | null {
  return KNOWN_MAIL_CLIENTS.find((client) => client.clientId === clientId)?.name ?? null;
}

// ---- effective settings ------------------------------------------------------------------------------------------

/** An OU as far as mail access goes: its own policy, where it is, and when that policy last changed. */
export interface PolicyNode {
  id: string;
  path: string;
  mailAccessPolicy: MailAccessPolicy;
  /** When a mail access setting of this OU was last saved (null: never). */
  policyChangedAt: string | null;
}

/**
 * Where an effective value comes from, seen from the OU (or the user) it applies to: the OU itself, a named ancestor,
 * the default, or, for a user, a configuration group of theirs (`G`; ./groups.ts), which overrides the OU.
 */
export type SettingSource<N, G = never> =
  | { kind: "SET_HERE"; orgUnit: N }
  | { kind: "INHERITED"; orgUnit: N }
  | { kind: "DEFAULT"; orgUnit: null }
  | ([G] extends [never] ? never : { kind: "GROUP"; orgUnit: null; group: G });

export interface EffectiveValue<T, N, G = never> {
  value: T;
  source: SettingSource<N, G>;
}

export interface Propagation {
  /** The latest save of a mail access setting on this OU or an ancestor; null if none was ever saved. */
  lastChangedAt: string | null;
  /** When that change has reached every client: 24 hours after it. */
  completeBy: string | null;
  pending: boolean;
}

export interface EffectiveMailAccess<N, G = never> {
  popAccess: EffectiveValue<boolean, N, G>;
  imapAccess: EffectiveValue<boolean, N, G>;
  imapClientAccess: EffectiveValue<ImapClientAccess, N, G>;
  lessSecureApps: EffectiveValue<boolean, N, G>;
  propagation: Propagation;
}

/** Effective values while walking down the tree: each value with the OU it was set on (null: the default). */
export type Inherited<N> = { [K in SettingKey]: { value: Required<MailAccessPolicy>[K]; setOn: N | null } } & {
  lastChangedAt: string | null;
};

export function rootInheritance<N>(): Inherited<N> {
  return {
    popAccess: { value: DEFAULT_POLICY.popAccess, setOn: null },
    imapAccess: { value: DEFAULT_POLICY.imapAccess, setOn: null },
    imapClientAccess: { value: DEFAULT_POLICY.imapClientAccess, setOn: null },
    lessSecureApps: { value: DEFAULT_POLICY.lessSecureApps, setOn: null },
    lastChangedAt: null,
  };
}

/** The values in force on `node`, given those in force on its parent: its own settings win. */
export function inherit<N extends PolicyNode>(
  parent: Inherited<N>,
  node: N,
  policy = node.mailAccessPolicy,
): Inherited<N> {
  const next = { ...parent, lastChangedAt: latest(parent.lastChangedAt, node.policyChangedAt) };
  for (const key of SETTING_KEYS) {
    const value = policy[key];
    if (value !== undefined) (next as Record<SettingKey, unknown>)[key] = { value, setOn: node };
  }
  return next;
}

export function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function view<N extends PolicyNode>(inherited: Inherited<N>, self: N, now: Date): EffectiveMailAccess<N> {
  const source = (setOn: N | null): SettingSource<N> =>
    setOn === null
      ? { kind: "DEFAULT", orgUnit: null }
      : { kind: setOn.id === self.id ? "SET_HERE" : "INHERITED", orgUnit: setOn };
  return {
    popAccess: { value: inherited.popAccess.value, source: source(inherited.popAccess.setOn) },
    imapAccess: { value: inherited.imapAccess.value, source: source(inherited.imapAccess.setOn) },
    imapClientAccess: { value: inherited.imapClientAccess.value, source: source(inherited.imapClientAccess.setOn) },
    lessSecureApps: { value: inherited.lessSecureApps.value, source: source(inherited.lessSecureApps.setOn) },
    propagation: propagation(inherited.lastChangedAt, now),
  };
}

/** How far the latest change (at `lastChangedAt`, null if none) has travelled by `now`. */
export function propagation(lastChangedAt: string | null, now: Date): Propagation {
  const completeBy =
    lastChangedAt === null
      ? null
      : new Date(new Date(lastChangedAt).getTime() + PROPAGATION_HOURS * 3600_000).toISOString();
  return { lastChangedAt, completeBy, pending: completeBy !== null && now < new Date(completeBy) };
}

/** The IMAP client access an OU under `ancestors` (root first) inherits: their effective value, or the default. */
export function inheritedClientAccess(ancestors: readonly PolicyNode[]): ImapClientAccess {
  const above = ancestors.reduce(
    (parent: Inherited<PolicyNode>, node) => inherit(parent, node),
    rootInheritance<PolicyNode>(),
  );
  return above.imapClientAccess.value;
}

/** Effective settings of the last OU of `chain` (root first), each with its source. */
export function effectiveMailAccess<N extends PolicyNode>(chain: readonly N[], now: Date): EffectiveMailAccess<N> {
  const self = chain.at(-1);
  if (self === undefined) throw new Error("effectiveMailAccess needs at least the OU itself");
  return view(
    chain.reduce((parent: Inherited<N>, node) => inherit(parent, node), rootInheritance<N>()),
    self,
    now,
  );
}

// ---- OAuth client ids ----------------------------------------------------------------------------------------------

const OAUTH_CLIENT_ID = /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/;

export function isOAuthClientId(value: string): boolean {
  return OAUTH_CLIENT_ID.test(value);
}

/**
 * The allow-list an administrator entered, as a list or as the comma-separated text pasted from the console (not
 * both): trimmed, de-duplicated, in the administrator's order. Every invalid entry is reported with its position.
 */
export function parseOAuthClientIds(
  input: { list?: readonly string[] | null; csv?: string | null },
  field: { list: string; csv: string },
): string[] | undefined {
  const hasList = input.list !== undefined && input.list !== null;
  const hasCsv = input.csv !== undefined && input.csv !== null;
  if (hasList && hasCsv)
    throw badInput(
      field.csv,
      `Give the allowed OAuth client ids either as "${field.list}" or as "${field.csv}", not both.`,
    );
  if (!hasList && !hasCsv) return undefined;
  const usedField = hasList ? field.list : field.csv;
  // Bounded before anything is parsed: room for every id the list may hold, with separators and spaces.
  if (hasList && (input.list as string[]).length > MAX_CLIENT_ID_ENTRIES)
    throw badInput(
      usedField,
      `At most ${MAX_CLIENT_ID_ENTRIES} OAuth client ids may be given; got ${(input.list as string[]).length}.`,
      { maxItems: MAX_CLIENT_ID_ENTRIES },
    );
  if (hasCsv && (input.csv as string).length > MAX_CLIENT_IDS_TEXT)
    throw badInput(
      usedField,
      `The list of OAuth client ids has at most ${MAX_CLIENT_IDS_TEXT} characters; got ${(input.csv as string).length}.`,
      { maxLength: MAX_CLIENT_IDS_TEXT },
    );
  const entries = hasList
    ? (input.list as string[]).map((raw) => raw.trim())
    : // A trailing comma or an empty line in pasted text is not an entry, and does not count in positions.
      (input.csv as string)
        .split(/[,\n]/)
        .map((raw) => raw.trim())
        .filter((entry) => entry !== "");
  const invalid: { position: number; value: string }[] = [];
  const ids: string[] = [];
  entries.forEach((id, index) => {
    if (!isOAuthClientId(id)) invalid.push({ position: index + 1, value: id });
    else if (!ids.includes(id)) ids.push(id);
  });
  if (invalid.length > 0) {
    // The first few are named (each quoted short); the count says how many more.
    const named = invalid.slice(0, MAX_REPORTED_ENTRIES);
    const more = invalid.length - named.length;
    throw badInput(
      usedField,
      `Not valid OAuth client ids (expected <project number>-<lowercase letters and digits>.apps.googleusercontent.com): ${named
        .map(({ position, value }) => `entry ${position} ${quoted(value)}`)
        .join(", ")}${more > 0 ? `, and ${more} more` : ""}.`,
      {
        invalidEntries: named.map(({ position, value }) => ({ position, value: [...value].slice(0, 200).join("") })),
        invalidCount: invalid.length,
      },
    );
  }
  if (ids.length > MAX_ALLOWED_OAUTH_CLIENTS)
    throw badInput(
      usedField,
      `At most ${MAX_ALLOWED_OAUTH_CLIENTS} OAuth client ids may be allowed; got ${ids.length}.`,
    );
  return ids;
}

// ---- the change an administrator asks for ------------------------------------------------------------------------

export type ToggleChange = "ON" | "OFF" | "INHERIT";

export interface PolicyChange {
  popAccess?: ToggleChange;
  imapAccess?: ToggleChange;
  lessSecureApps?: ToggleChange;
  imapClientAccess?: { mode: ImapClientMode | "INHERIT"; allowedOAuthClientIds?: string[] };
}

function toggle(change: ToggleChange | undefined, current: boolean | undefined): boolean | undefined {
  if (change === undefined) return current;
  return change === "INHERIT" ? undefined : change === "ON";
}

/**
 * The OU's own policy after `change`; settings the change leaves out stay as they are. `inherited` is the IMAP client
 * access the OU would have without a value of its own (its parent's effective one): switching to OAUTH_ALLOWLIST
 * without a list keeps the list in force, the OU's own or, for an OU that inherits one, a copy of the inherited list
 * (`copiesInheritedAllowlist`), rather than emptying it, which would block every IMAP client.
 */
export function applyPolicyChange(
  current: MailAccessPolicy,
  change: PolicyChange,
  inherited: ImapClientAccess = DEFAULT_POLICY.imapClientAccess,
): MailAccessPolicy {
  const next: MailAccessPolicy = {
    popAccess: toggle(change.popAccess, current.popAccess),
    imapAccess: toggle(change.imapAccess, current.imapAccess),
    lessSecureApps: toggle(change.lessSecureApps, current.lessSecureApps),
    imapClientAccess: current.imapClientAccess,
  };
  const client = change.imapClientAccess;
  if (client !== undefined) {
    if (client.mode !== "OAUTH_ALLOWLIST" && client.allowedOAuthClientIds !== undefined)
      throw badInput(
        "imapClientAccess.allowedOAuthClientIds",
        `Allowed OAuth client ids apply only to mode OAUTH_ALLOWLIST, not ${client.mode}.`,
      );
    if (client.mode === "INHERIT") next.imapClientAccess = undefined;
    else if (client.mode === "ANY_CLIENT") next.imapClientAccess = { mode: "ANY_CLIENT", allowedOAuthClientIds: [] };
    else
      next.imapClientAccess = {
        mode: "OAUTH_ALLOWLIST",
        allowedOAuthClientIds: client.allowedOAuthClientIds ?? listInForce(current.imapClientAccess ?? inherited),
      };
  }
  for (const key of SETTING_KEYS) if (next[key] === undefined) delete next[key];
  return next;
}

function listInForce(access: ImapClientAccess): string[] {
  return access.mode === "OAUTH_ALLOWLIST" ? access.allowedOAuthClientIds : [];
}

/**
 * Whether `change` gives the OU its own copy of the allow-list it inherits: OAUTH_ALLOWLIST without a list, on an OU
 * without client access of its own, under an inherited list (the administrator must be told it no longer follows it).
 */
export function copiesInheritedAllowlist(
  current: MailAccessPolicy,
  change: PolicyChange,
  inherited: ImapClientAccess,
): boolean {
  const client = change.imapClientAccess;
  return (
    client?.mode === "OAUTH_ALLOWLIST" &&
    client.allowedOAuthClientIds === undefined &&
    current.imapClientAccess === undefined &&
    inherited.mode === "OAUTH_ALLOWLIST"
  );
}

/** How a setting's own value reads in the audit log. */
export function auditValue(key: SettingKey, value: MailAccessPolicy[SettingKey]): string {
  if (value === undefined) return INHERIT_FROM_PARENT;
  if (key === "imapClientAccess") {
    const access = value as ImapClientAccess;
    return access.mode === "ANY_CLIENT" ? "ANY_CLIENT" : `OAUTH_ALLOWLIST:${access.allowedOAuthClientIds.join(",")}`;
  }
  return value ? "ON" : "OFF";
}

export interface SettingChange {
  key: SettingKey;
  setting: MailAccessSetting;
  oldValue: string;
  newValue: string;
}

/** One entry per setting whose own value on the OU differs; empty when the change changes nothing. */
export function policyChanges(before: MailAccessPolicy, after: MailAccessPolicy): SettingChange[] {
  return SETTING_KEYS.flatMap((key) => {
    const oldValue = auditValue(key, before[key]);
    const newValue = auditValue(key, after[key]);
    return oldValue === newValue ? [] : [{ key, setting: SETTINGS[key], oldValue, newValue }];
  });
}
