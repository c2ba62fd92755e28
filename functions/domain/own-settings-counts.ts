/**
 * How many users of an OU have each combination of their own mail settings turned on, kept on the OU record so that
 * an impact preview can say who uses POP, IMAP or less secure apps today without reading a single user. A user is
 * counted in exactly one combination (its "key"); the counts of an OU add up to its user count.
 */
import type { UserMailSettings } from "./access-decision";

/** The user's own settings that are on: POP (any access window but DISABLED), IMAP, less secure apps. */
export interface OwnSettingsOn {
  pop: boolean;
  imap: boolean;
  lessSecureApps: boolean;
}

/** A combination of own settings that are on, as a key ("none", "pop", "pop_imap", …, "pop_imap_lsa"). */
export type OwnSettingsKey = "none" | "pop" | "imap" | "lsa" | "pop_imap" | "pop_lsa" | "imap_lsa" | "pop_imap_lsa";

export const OWN_SETTINGS_KEYS: readonly OwnSettingsKey[] = [
  "none",
  "pop",
  "imap",
  "lsa",
  "pop_imap",
  "pop_lsa",
  "imap_lsa",
  "pop_imap_lsa",
];

/** Users of one OU per combination of own settings; a missing key counts 0. */
export type OwnSettingsCounts = Partial<Record<OwnSettingsKey, number>>;

function ownSettingsOn(settings: UserMailSettings): OwnSettingsOn {
  return {
    pop: settings.popAccessWindow !== "DISABLED",
    imap: settings.imapEnabled,
    lessSecureApps: settings.lessSecureAppsEnabled,
  };
}

/** The key a user with `settings` is counted under. */
export function ownSettingsKey(settings: UserMailSettings): OwnSettingsKey {
  const on = ownSettingsOn(settings);
  const parts = [on.pop ? "pop" : "", on.imap ? "imap" : "", on.lessSecureApps ? "lsa" : ""].filter((p) => p !== "");
  return (parts.length === 0 ? "none" : parts.join("_")) as OwnSettingsKey;
}

/** Which own settings the users counted under `key` have on. */
export function settingsOnOf(key: OwnSettingsKey): OwnSettingsOn {
  const parts = key.split("_");
  return { pop: parts.includes("pop"), imap: parts.includes("imap"), lessSecureApps: parts.includes("lsa") };
}

/** The counts of a list of users' settings (a recount). */
export function countOwnSettings(users: readonly UserMailSettings[]): OwnSettingsCounts {
  const counts: OwnSettingsCounts = {};
  for (const settings of users) {
    const key = ownSettingsKey(settings);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * Whether an OU's counts can be trusted: none negative, and together they make its user count. Counts are kept from
 * the OU's creation on; an OU written before they existed had users that no count holds, so its counts fall short of
 * its user count by exactly those users, forever (every later write moves a user between keys or adds and removes
 * one in both), and it is recounted from its users instead.
 */
export function countsAddUp(counts: OwnSettingsCounts, userCount: number): boolean {
  const values = OWN_SETTINGS_KEYS.map((key) => counts[key] ?? 0);
  return values.every((value) => value >= 0) && values.reduce((a, b) => a + b, 0) === userCount;
}
