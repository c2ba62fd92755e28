/**
 * Pure rules for one user and one mail client: a user's own mail settings, what a user-facing page may show, and the
 * access decision for a POP or IMAP sign-in, reproducing the numbered rules of the domain brief.
 */
import { badInput } from "../errors";
import { knownClientName, type EffectiveMailAccess, type EffectiveValue, type SettingSource } from "./mail-access";
import type { MailAccessSetting } from "./mail-access-setting";

export type PopAccessWindow = "DISABLED" | "FROM_NOW_ON" | "ALL_MAIL";

/** A user's own settings, as in Gmail's API (ImapSettings.enabled, PopSettings.accessWindow). */
export interface UserMailSettings {
  imapEnabled: boolean;
  popAccessWindow: PopAccessWindow;
  lessSecureAppsEnabled: boolean;
}

/** Gmail's defaults for a new account: IMAP on, POP off, less secure apps off. */
export const DEFAULT_USER_SETTINGS: UserMailSettings = {
  imapEnabled: true,
  popAccessWindow: "DISABLED",
  lessSecureAppsEnabled: false,
};

/** What a user-facing settings page may show: a protocol's settings are hidden while the administrator turns it off. */
export interface AvailableToUser {
  popSettings: boolean;
  imapSettings: boolean;
  lessSecureAppsSetting: boolean;
}

export function availableToUser(effective: EffectiveMailAccess<unknown, unknown>): AvailableToUser {
  return {
    popSettings: effective.popAccess.value,
    imapSettings: effective.imapAccess.value,
    // Less secure apps only ever sign in over POP or IMAP: with neither available, the setting would do nothing.
    lessSecureAppsSetting: effective.lessSecureApps.value && (effective.popAccess.value || effective.imapAccess.value),
  };
}

/** The first setting in `change` that the administrator does not make available to the user, if any. */
export function unavailableUserSetting(
  effective: EffectiveMailAccess<unknown, unknown>,
  change: { imapEnabled?: unknown; popAccessWindow?: unknown; lessSecureAppsEnabled?: unknown },
): { field: string; message: string } | undefined {
  const available = availableToUser(effective);
  if (change.imapEnabled !== undefined && !available.imapSettings)
    return { field: "imapEnabled", message: "IMAP access is turned off by the administrator for this user's OU." };
  if (change.popAccessWindow !== undefined && !available.popSettings)
    return { field: "popAccessWindow", message: "POP access is turned off by the administrator for this user's OU." };
  if (change.lessSecureAppsEnabled !== undefined && !available.lessSecureAppsSetting)
    return {
      field: "lessSecureAppsEnabled",
      message: "The administrator does not allow less secure apps for this user's OU.",
    };
  return undefined;
}

// ---- access decisions -----------------------------------------------------------------------------------------------

export type Protocol = "POP" | "IMAP";
type AuthMethod = "OAUTH" | "PASSWORD" | "SERVICE_ACCOUNT_DELEGATION";

export interface MailClient {
  authMethod: AuthMethod;
  oauthClientId?: string | null;
}

export type ReasonCode =
  | "ALLOWED"
  | "POP_DISABLED"
  | "IMAP_DISABLED"
  | "CLIENT_NOT_ALLOWLISTED"
  | "SERVICE_ACCOUNT_NOT_SUPPORTED"
  | "OAUTH_REQUIRED"
  | "LESS_SECURE_APPS_NOT_ALLOWED"
  | "USER_LESS_SECURE_APPS_OFF"
  | "USER_DISABLED_PROTOCOL";

export interface AccessDecision<N, G = never> {
  allowed: boolean;
  reason: ReasonCode;
  explanation: string;
  /** The setting that decided: an administrator's (with its source OU or configuration group) or the user's own. */
  decidedBy: { setting: MailAccessSetting; source: SettingSource<N, G> | null };
  /** Whether the user is told that the sign-in was refused; false for IMAP turned off (it fails silently), null when allowed. */
  userNotified: boolean | null;
  /** A change that affects this decision may not have reached every client yet. */
  propagationPending: boolean;
}

/** The longest OAuth client id a decision is asked about (real ones have about 75 characters). */
const MAX_CLIENT_ID_LENGTH = 200;

/** Checks the shape of a client: an OAuth client names its client id. */
export function validateClient(client: MailClient, field = "client"): MailClient {
  // Bounded as sent, before trimming: a megabyte of blanks is no client id either.
  if (client.oauthClientId != null && client.oauthClientId.length > MAX_CLIENT_ID_LENGTH)
    throw badInput(
      `${field}.oauthClientId`,
      `An OAuth client id has at most ${MAX_CLIENT_ID_LENGTH} characters; got ${client.oauthClientId.length}.`,
      { maxLength: MAX_CLIENT_ID_LENGTH },
    );
  const oauthClientId = client.oauthClientId?.trim() || null;
  if (client.authMethod === "OAUTH" && oauthClientId === null)
    throw badInput(`${field}.oauthClientId`, "An OAuth client needs its oauthClientId.");
  return { authMethod: client.authMethod, oauthClientId };
}

function where(source: SettingSource<{ path: string }, { name: string }>, orgUnitPath: string): string {
  switch (source.kind) {
    case "DEFAULT":
      return `the default: no OU from / down to ${orgUnitPath} sets it`;
    case "SET_HERE":
      return `set on ${source.orgUnit.path}`;
    case "INHERITED":
      return `inherited from ${source.orgUnit.path}`;
    case "GROUP":
      return `set on the configuration group ${JSON.stringify(source.group.name)}, which overrides the OU`;
  }
}

function describe(client: MailClient): string {
  if (client.authMethod === "PASSWORD") return "a client signing in with a password";
  if (client.authMethod === "SERVICE_ACCOUNT_DELEGATION")
    return "a client acting through domain-wide delegation with a service account";
  const id = client.oauthClientId ?? "";
  const name = knownClientName(id);
  return name === null ? `the OAuth client ${id}` : `${name} (${id})`;
}

/**
 * Whether `user` may fetch mail with `client` over `protocol`, given the settings in force for the user (those of the
 * user's OU at `orgUnitPath`, overridden by the user's configuration groups; each setting with the OU or group it
 * comes from) and the user's own settings. One reason per rule; the explanation names the deciding OU or group.
 */
export function decideAccess<N extends { path: string }, G extends { name: string } = never>(
  effective: EffectiveMailAccess<N, G>,
  orgUnitPath: string,
  user: UserMailSettings,
  protocol: Protocol,
  client: MailClient,
): AccessDecision<N, G> {
  const pending = effective.propagation.pending;
  const admin = (
    allowed: boolean,
    reason: ReasonCode,
    setting: MailAccessSetting,
    value: EffectiveValue<unknown, N, G>,
    explanation: string,
  ): AccessDecision<N, G> => ({
    allowed,
    reason,
    explanation: `${explanation} (${where(value.source, orgUnitPath)}).`,
    decidedBy: { setting, source: value.source },
    userNotified: allowed ? null : reason !== "IMAP_DISABLED",
    propagationPending: pending,
  });
  const own = (allowed: boolean, reason: ReasonCode, setting: MailAccessSetting, explanation: string) => ({
    allowed,
    reason,
    explanation,
    decidedBy: { setting, source: null },
    userNotified: allowed ? null : true,
    propagationPending: pending,
  });
  const who = describe(client);

  // Rules 1 and 2: the protocol must be on for the user's OU.
  if (protocol === "POP" && !effective.popAccess.value)
    return admin(
      false,
      "POP_DISABLED",
      "POP_ACCESS",
      effective.popAccess,
      `POP access is off, so ${who} cannot fetch mail`,
    );
  if (protocol === "IMAP" && !effective.imapAccess.value)
    return admin(
      false,
      "IMAP_DISABLED",
      "IMAP_ACCESS",
      effective.imapAccess,
      `IMAP access is off, so ${who} cannot sign in, and the sign-in fails silently`,
    );

  // Rule 3: IMAP restricted to listed OAuth clients.
  const clients = effective.imapClientAccess;
  const restricted = protocol === "IMAP" && clients.value.mode === "OAUTH_ALLOWLIST";
  if (restricted) {
    if (client.authMethod === "SERVICE_ACCOUNT_DELEGATION")
      return admin(
        false,
        "SERVICE_ACCOUNT_NOT_SUPPORTED",
        "IMAP_CLIENT_ACCESS",
        clients,
        `IMAP is restricted to listed OAuth clients, which does not support ${who}, even if listed`,
      );
    if (client.authMethod === "PASSWORD")
      return admin(
        false,
        "OAUTH_REQUIRED",
        "IMAP_CLIENT_ACCESS",
        clients,
        `IMAP is restricted to listed OAuth clients, so ${who} is refused`,
      );
    const listed = clients.value.allowedOAuthClientIds.includes(client.oauthClientId ?? "");
    if (!listed)
      return admin(
        false,
        "CLIENT_NOT_ALLOWLISTED",
        "IMAP_CLIENT_ACCESS",
        clients,
        `IMAP is restricted to listed OAuth clients and ${who} is not on the list`,
      );
  }

  // Rule 4: clients without OAuth need less secure apps, allowed by the administrator and turned on by the user.
  if (client.authMethod === "PASSWORD" && !effective.lessSecureApps.value)
    return admin(
      false,
      "LESS_SECURE_APPS_NOT_ALLOWED",
      "LESS_SECURE_APPS",
      effective.lessSecureApps,
      `Less secure apps are not allowed, so ${who} is refused`,
    );

  // The user's own settings.
  if (protocol === "POP" && user.popAccessWindow === "DISABLED")
    return own(
      false,
      "USER_DISABLED_PROTOCOL",
      "USER_POP_ACCESS_WINDOW",
      "The user has turned POP off in their own mail settings.",
    );
  if (protocol === "IMAP" && !user.imapEnabled)
    return own(
      false,
      "USER_DISABLED_PROTOCOL",
      "USER_IMAP_ENABLED",
      "The user has turned IMAP off in their own mail settings.",
    );
  if (client.authMethod === "PASSWORD" && !user.lessSecureAppsEnabled)
    return own(
      false,
      "USER_LESS_SECURE_APPS_OFF",
      "USER_LESS_SECURE_APPS",
      `The administrator allows less secure apps, but the user has not turned them on in their own account, so ${who} is refused.`,
    );

  if (client.authMethod === "PASSWORD")
    return admin(
      true,
      "ALLOWED",
      "LESS_SECURE_APPS",
      effective.lessSecureApps,
      `${capitalize(who)} may use ${protocol}: less secure apps are allowed and turned on by the user`,
    );
  if (restricted)
    return admin(
      true,
      "ALLOWED",
      "IMAP_CLIENT_ACCESS",
      clients,
      `${capitalize(who)} is on the list of OAuth clients allowed to use IMAP`,
    );
  const protocolSetting = protocol === "POP" ? effective.popAccess : effective.imapAccess;
  return admin(
    true,
    "ALLOWED",
    protocol === "POP" ? "POP_ACCESS" : "IMAP_ACCESS",
    protocolSetting,
    `${capitalize(who)} may use ${protocol}: ${protocol} access is on${protocol === "IMAP" ? " for any mail client" : ""}`,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
