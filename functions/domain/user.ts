/** Pure rules for users: addresses, names, and how a change of a user's own settings reads in the audit log. */
import { badInput } from "../errors";
import { cleanText, quoted } from "./text";
import type { UserMailSettings } from "./access-decision";
import type { SettingKey } from "./mail-access";
import type { MailAccessSetting } from "./mail-access-setting";

/** A user of the organization: in exactly one OU, with their own mail settings. */
export interface User {
  /** Lower-case; the user's key. */
  email: string;
  name: string;
  orgUnitId: string;
  /** The ancestor ids of the user's OU when last written: lets one batch read the OU and its ancestors. */
  orgUnitAncestorIds: string[];
  settings: UserMailSettings;
  /** The configuration groups the user is a direct member of (the truth of the user's memberships). */
  groupIds: string[];
  /**
   * The groups in effect for the user (direct and through nesting) and the settings they set, kept current by every
   * membership change (./groups.ts `memberGroups`): lets one batch read the user's groups with the OU chain.
   */
  effectiveGroupIds: string[];
  groupOverrides: SettingKey[];
  /** When the user's groups in effect last changed (null: never): such a change takes time to reach clients too. */
  groupsChangedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Where a user is: their OU and its ancestors as of the user's last write (the OU may have moved since). */
export type UserPlacement = Pick<User, "orgUnitId" | "orgUnitAncestorIds">;

const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_USER_NAME_LENGTH = 255;

/** Lower-cases and trims an address; throws BAD_USER_INPUT naming `field` when it is malformed. */
export function normalizeEmail(raw: string, field = "email"): string {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email))
    throw badInput(field, `${quoted(raw)} is not a valid email address.`);
  return email;
}

/** Checks that `email` (normalized) belongs to one of the organization's mail domains. */
export function assertOwnDomain(email: string, domains: readonly string[], field = "email"): void {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!domains.includes(domain))
    throw badInput(field, `${email} is not in one of the organization's domains (${domains.join(", ")}).`);
}

export function validateUserName(raw: string, field = "name"): string {
  return cleanText(raw, field, "A user's name", MAX_USER_NAME_LENGTH);
}

const USER_SETTINGS: Record<keyof UserMailSettings, MailAccessSetting> = {
  imapEnabled: "USER_IMAP_ENABLED",
  popAccessWindow: "USER_POP_ACCESS_WINDOW",
  lessSecureAppsEnabled: "USER_LESS_SECURE_APPS",
};

/** One audit entry per own setting that changes. */
export function userSettingChanges(
  before: UserMailSettings,
  after: UserMailSettings,
): { setting: MailAccessSetting; oldValue: string; newValue: string }[] {
  return (Object.keys(USER_SETTINGS) as (keyof UserMailSettings)[]).flatMap((key) =>
    before[key] === after[key]
      ? []
      : [{ setting: USER_SETTINGS[key], oldValue: auditText(before[key]), newValue: auditText(after[key]) }],
  );
}

/** On/off settings read ON and OFF in the audit log, as an OU's do. */
function auditText(value: boolean | string): string {
  return typeof value === "boolean" ? (value ? "ON" : "OFF") : value;
}
