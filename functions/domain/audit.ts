/**
 * What the audit log records: one event per privileged change, written in the same transaction as the change. The
 * action says what happened; settings changes also name the setting, as Google's admin audit log does.
 */
import type { Actor } from "./customer";
import type { MailAccessSetting } from "./mail-access-setting";

export type AuditAction =
  | "MAIL_SETTING_CHANGED"
  | "USER_MAIL_SETTING_CHANGED"
  | "ORG_UNIT_CREATED"
  | "ORG_UNIT_RENAMED"
  | "ORG_UNIT_MOVED"
  | "ORG_UNIT_DESCRIPTION_CHANGED"
  | "ORG_UNIT_DELETED"
  | "USER_CREATED"
  | "USER_RENAMED"
  | "USER_MOVED"
  | "USER_DELETED"
  | "API_KEY_CREATED"
  | "API_KEY_REVOKED"
  | "ADMIN_ROLE_GRANTED"
  | "ADMIN_ROLE_REVOKED"
  | "GROUP_CREATED"
  | "GROUP_RENAMED"
  | "GROUP_EMAIL_CHANGED"
  | "GROUP_DESCRIPTION_CHANGED"
  | "GROUP_DELETED"
  | "GROUP_MEMBER_ADDED"
  | "GROUP_MEMBER_REMOVED"
  | "GROUP_MAIL_SETTING_CHANGED"
  | "GROUP_PRIORITY_CHANGED";

/**
 * One fact a change records, before the unit of work adds who, when and in which request. Values are text as the
 * audit log shows them (paths, ON/OFF, roles); never a secret.
 */
export interface AuditFact {
  action: AuditAction;
  /**
   * The OU the change concerns (for a user: the user's OU after the change); absent for API keys, roles and
   * configuration groups.
   */
  orgUnit?: { id: string; path: string };
  /** For setting changes: the setting. */
  setting?: MailAccessSetting;
  /** The value before; absent when there was none (something was created). */
  oldValue?: string | null;
  /** The value after; absent when there is none (something was deleted or revoked). */
  newValue?: string | null;
  userEmail?: string;
  apiKeyId?: string;
  adminEmail?: string;
  /** The configuration group the change concerns (its name at the time). */
  group?: { id: string; name: string };
  /** For a group's membership change: the group that joined or left it. */
  memberGroupId?: string;
}

/** An audit event as stored and read back. */
export interface AuditEvent {
  eventId: string;
  time: string;
  action: AuditAction;
  setting: MailAccessSetting | null;
  /** The setting as Google's audit log names it (for export); also set for events of settings this API no longer has. */
  settingName: string | null;
  oldValue: string | null;
  newValue: string | null;
  orgUnitId: string | null;
  orgUnitPath: string | null;
  userEmail: string | null;
  apiKeyId: string | null;
  adminEmail: string | null;
  groupId: string | null;
  groupName: string | null;
  memberGroupId: string | null;
  actor: Pick<Actor, "kind" | "id" | "name">;
  requestId: string;
  idempotencyKey: string | null;
}
