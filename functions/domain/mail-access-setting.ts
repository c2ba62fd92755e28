/**
 * The API's one name for each mail setting, an administrator's or a user's own: audit events and their filter,
 * access decisions, impact previews and warnings all say the same `MailAccessSetting`. Google's admin audit log names
 * the administrator's settings a little differently; those names are kept for export.
 */
export type MailAccessSetting =
  | "POP_ACCESS"
  | "IMAP_ACCESS"
  | "IMAP_CLIENT_ACCESS"
  | "LESS_SECURE_APPS"
  | "USER_POP_ACCESS_WINDOW"
  | "USER_IMAP_ENABLED"
  | "USER_LESS_SECURE_APPS";

/** Each setting as Google's admin audit log (and this API's stored audit events) names it. */
export const EXPORT_NAMES: Record<MailAccessSetting, string> = {
  POP_ACCESS: "ENABLE_POP_ACCESS",
  IMAP_ACCESS: "IMAP_ACCESS",
  IMAP_CLIENT_ACCESS: "IMAP_CLIENT_ACCESS",
  LESS_SECURE_APPS: "LESS_SECURE_APPS",
  USER_POP_ACCESS_WINDOW: "USER_POP_ACCESS_WINDOW",
  USER_IMAP_ENABLED: "USER_IMAP_ENABLED",
  USER_LESS_SECURE_APPS: "USER_LESS_SECURE_APPS",
};

const BY_EXPORT_NAME = new Map(
  (Object.entries(EXPORT_NAMES) as [MailAccessSetting, string][]).map(([setting, name]) => [name, setting]),
);

/** The setting a stored (exported) name stands for; null for a name this API never wrote. */
export function settingOfExportName(name: string): MailAccessSetting | null {
  return BY_EXPORT_NAME.get(name) ?? null;
}
