/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why access is allowed or refused; one code per rule. */
export type AccessReason =
  /** Access is allowed. */
  | 'ALLOWED'
  /** IMAP is restricted to listed OAuth clients and this client's id is not on the list. */
  | 'CLIENT_NOT_ALLOWLISTED'
  /** IMAP is off for the user's OU: no IMAP client can sign in, and the sign-in fails silently. */
  | 'IMAP_DISABLED'
  /** The client signs in with a password and the administrator does not allow less secure apps. */
  | 'LESS_SECURE_APPS_NOT_ALLOWED'
  /** IMAP is restricted to listed OAuth clients, and this client signs in with a password. */
  | 'OAUTH_REQUIRED'
  /** POP is off for the user's OU: no POP client can fetch mail, even one that worked before. */
  | 'POP_DISABLED'
  /** IMAP is restricted to listed OAuth clients, which does not support service-account (domain-wide delegation) clients, even listed ones. */
  | 'SERVICE_ACCOUNT_NOT_SUPPORTED'
  /** The user has turned the protocol off in their own mail settings. */
  | 'USER_DISABLED_PROTOCOL'
  /** The client signs in with a password and the user has not turned less secure apps on. */
  | 'USER_LESS_SECURE_APPS_OFF';

/** The kind of caller. */
export type ActorKind =
  /** An administrator signed in with OpenID Connect. */
  | 'ADMIN'
  /** A partner integration's API key. */
  | 'API_KEY'
  /** A person signed in to a user-facing front end who holds no administrator role: reads and changes only their own mail settings (`viewer.user`, `updateMyMailSettings`). */
  | 'USER';

/** OAuth clients to add to or remove from one OU's allow-list; the OU is named by `orgUnitPath` or `orgUnitId`. */
export type AllowedOAuthClientsInput = {
  /**
   * Preview only: compute the payload (policy, effective settings, warnings, impact) without writing or auditing
   * anything.
   */
  dryRun?: boolean | null | undefined;
  /**
   * Apply the edit only if the OU is still at this version; otherwise CONFLICT with the current version. Without it,
   * concurrent edits of different ids all land.
   */
  expectedVersion?: number | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /**
   * The client ids, `<project number>-<letters and digits>.apps.googleusercontent.com`; trimmed and de-duplicated; 1 to
   * 1000 entries, and the list may hold at most 100 ids.
   */
  oauthClientIds: Array<string>;
  /** The OU's stable id. */
  orgUnitId?: string | null | undefined;
  /** The OU's path. */
  orgUnitPath?: string | null | undefined;
  /**
   * addAllowedOAuthClients only: true to accept that adding clients to an OU that allows any mail client switches it to
   * the allow-list, cutting off every client not listed. Without it such an add is FAILED_PRECONDITION; on an OU already
   * restricted it changes nothing. removeAllowedOAuthClients refuses true (BAD_USER_INPUT): a removal never switches.
   */
  switchToAllowlist?: boolean | null | undefined;
};

/** What an audit event records. */
export type AuditAction =
  /** A person was given an administrator role (`adminEmail`; `newValue`: the role and its OU scope). */
  | 'ADMIN_ROLE_GRANTED'
  /** A person's administrator role was taken away (`adminEmail`). */
  | 'ADMIN_ROLE_REVOKED'
  /** An API key was created (`apiKeyId`; `newValue`: its role, OU scope and name). Never its secret. */
  | 'API_KEY_CREATED'
  /** An API key was revoked (`apiKeyId`; `oldValue`: its name). */
  | 'API_KEY_REVOKED'
  /** A configuration group was created (`groupId`, `groupName`; `newValue`: its name). */
  | 'GROUP_CREATED'
  /** A group was deleted (`oldValue`: its name). */
  | 'GROUP_DELETED'
  /** A group's description changed (`oldValue` and `newValue`: the descriptions). */
  | 'GROUP_DESCRIPTION_CHANGED'
  /** A group's address changed (`oldValue` and `newValue`: the addresses). */
  | 'GROUP_EMAIL_CHANGED'
  /** A group's POP, IMAP, IMAP client access or less secure apps setting changed (`settingName`; INHERIT_FROM_PARENT: not set by the group). */
  | 'GROUP_MAIL_SETTING_CHANGED'
  /** A member joined a group: a user (`userEmail`) or a group (`memberGroupId`; `newValue`: its name). */
  | 'GROUP_MEMBER_ADDED'
  /** A member left a group: a user (`userEmail`) or a group (`memberGroupId`; `oldValue`: its name). */
  | 'GROUP_MEMBER_REMOVED'
  /** A group moved in the priority order (`oldValue` and `newValue`: its places, 1 the highest). */
  | 'GROUP_PRIORITY_CHANGED'
  /** A group was renamed (`oldValue` and `newValue`: the names). */
  | 'GROUP_RENAMED'
  /** An OU's own POP, IMAP, IMAP client access or less secure apps setting changed (`settingName`). */
  | 'MAIL_SETTING_CHANGED'
  /** An OU was created (`newValue`: its path). */
  | 'ORG_UNIT_CREATED'
  /** An OU was deleted (`oldValue`: its path). */
  | 'ORG_UNIT_DELETED'
  /** An OU's description changed (`oldValue` and `newValue`: the descriptions). */
  | 'ORG_UNIT_DESCRIPTION_CHANGED'
  /** An OU was moved under another parent, maybe renamed too (`oldValue` and `newValue`: its path before and after). */
  | 'ORG_UNIT_MOVED'
  /** An OU was renamed (`oldValue` and `newValue`: its path before and after). */
  | 'ORG_UNIT_RENAMED'
  /** A user was created (`userEmail`; `newValue`: the path of the user's OU). */
  | 'USER_CREATED'
  /** A user was deleted (`oldValue`: the path of the user's OU). */
  | 'USER_DELETED'
  /** A user's own mail setting changed (`settingName`, `userEmail`). */
  | 'USER_MAIL_SETTING_CHANGED'
  /** A user was moved to another OU (`oldValue` and `newValue`: the OUs' paths). */
  | 'USER_MOVED'
  /** A user's name changed (`oldValue` and `newValue`: the names). */
  | 'USER_RENAMED';

/** Which audit events to return. Every condition given must hold. */
export type AuditEventFilter = {
  /**
   * Only events of these kinds (any of them; at most 50, a kind named twice counts once); all kinds when empty or not
   * given.
   */
  actions?: Array<AuditAction> | null | undefined;
  /** Only changes made by this actor (its id, e.g. an API key's id). */
  actor?: string | null | undefined;
  /** With `orgUnitPath`: also the events of every OU below it. */
  includeSubOrgUnits?: boolean | null | undefined;
  /** Only events of this OU (by its current path). */
  orgUnitPath?: string | null | undefined;
  /** Only changes of this setting. */
  setting?: MailAccessSetting | null | undefined;
  /** Only events at or after this time. */
  since?: string | null | undefined;
  /** Only events at or before this time. */
  until?: string | null | undefined;
};

/** How a mail client signs in. */
export type AuthMethod =
  /** OAuth, with the client's OAuth client id. */
  | 'OAUTH'
  /** A password (no OAuth): a 'less secure app'. */
  | 'PASSWORD'
  /** Domain-wide delegation with a service account. */
  | 'SERVICE_ACCOUNT_DELEGATION';

/** A new configuration group. */
export type CreateGroupInput = {
  /** Free text about the group: at most 1000 characters. */
  description?: string | null | undefined;
  /** The group's address, in one of the organization's domains (not a user's address). */
  email?: string | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** The group's name: 1 to 100 characters, unique in the organization. */
  name: string;
};

/** The group to delete, named by `groupId` or `groupName` (exactly one). */
export type DeleteGroupInput = {
  /** Preview only: what deleting the group would do, without writing anything. */
  dryRun?: boolean | null | undefined;
  /** Delete only if the group is still at this version; otherwise CONFLICT with the current version. */
  expectedVersion?: number | null | undefined;
  /** Delete the group even though it has members or sets settings (otherwise FAILED_PRECONDITION). */
  force?: boolean | null | undefined;
  /** The group's stable id. */
  groupId?: string | null | undefined;
  /** The group's name. */
  groupName?: string | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
};

/** Members to add to or remove from a group named by `groupId` or `groupName` (exactly one): at most 25 in all. */
export type GroupMembersInput = {
  /** Preview only: what the change would do, without writing anything. */
  dryRun?: boolean | null | undefined;
  /** The group's stable id. */
  groupId?: string | null | undefined;
  /** Groups, by id. */
  groupIds?: Array<string> | null | undefined;
  /** The group's name. */
  groupName?: string | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** Users, by address (any OU). */
  userEmails?: Array<string> | null | undefined;
};

/** A change to which mail clients may use IMAP. Give the allow-list either as a list or as comma-separated text, not both. */
export type ImapClientAccessInput = {
  /**
   * The allowed OAuth client ids (OAUTH_ALLOWLIST only): trimmed, de-duplicated, kept in this order; at most 100.
   * Without a list, OAUTH_ALLOWLIST keeps the list in force on the OU: its own list, or, for an OU that inherits an
   * allow-list, a copy of the inherited list, which becomes the OU's own (warning COPIED_INHERITED_ALLOWLIST; the OU no
   * longer follows its parent's list). Only an OU with neither gets an empty list, which blocks every IMAP client.
   */
  allowedOAuthClientIds?: Array<string> | null | undefined;
  /** The same as comma-separated text, as pasted from the admin console. */
  allowedOAuthClientIdsCsv?: string | null | undefined;
  /** Any client, only listed OAuth clients, or inherit from the parent. */
  mode: ImapClientModeChange;
};

/** Which mail clients may use IMAP while IMAP is on. */
export type ImapClientMode =
  /** Any mail client may use IMAP (clients that sign in with a password also need less secure apps). */
  | 'ANY_CLIENT'
  /**
   * Only OAuth clients whose client id is on the allow-list may use IMAP. Password clients and clients acting through
   * domain-wide delegation with a service account are refused, even if listed. An empty list blocks every IMAP client.
   */
  | 'OAUTH_ALLOWLIST';

/** A change to which mail clients may use IMAP. */
export type ImapClientModeChange =
  /** Allow any mail client. */
  | 'ANY_CLIENT'
  /** Remove this OU's own value: it inherits from its parent again. */
  | 'INHERIT'
  /** Allow only the listed OAuth clients. */
  | 'OAUTH_ALLOWLIST';

/** The question: may this user use this client over this protocol? */
export type MailAccessDecisionInput = {
  /** The mail client. */
  client: MailClientInput;
  /** POP or IMAP. */
  protocol: MailProtocol;
  /** The user's email address. */
  userEmail: string;
};

/**
 * A mail setting: an administrator's (set on an OU) or a user's own. The one name of each setting in audit events,
 * their filter, access decisions, impact previews and warnings.
 */
export type MailAccessSetting =
  /** The administrator's IMAP access. */
  | 'IMAP_ACCESS'
  /** The administrator's IMAP client access: any client, or listed OAuth clients. */
  | 'IMAP_CLIENT_ACCESS'
  /** The administrator's less secure apps setting. */
  | 'LESS_SECURE_APPS'
  /** The administrator's POP access. */
  | 'POP_ACCESS'
  /** The user's own IMAP setting. */
  | 'USER_IMAP_ENABLED'
  /** The user's own less secure apps setting. */
  | 'USER_LESS_SECURE_APPS'
  /** The user's own POP access window. */
  | 'USER_POP_ACCESS_WINDOW';

/** A mail client asking for access. */
export type MailClientInput = {
  /** How the client signs in. */
  authMethod: AuthMethod;
  /** The client's OAuth client id (required for OAUTH). */
  oauthClientId?: string | null | undefined;
};

/** A mail protocol. */
export type MailProtocol =
  /** IMAP: clients sign in and sync mail. */
  | 'IMAP'
  /** POP: clients fetch mail. */
  | 'POP';

/** When POP may fetch mail, as the user chooses in Gmail. */
export type PopAccessWindow =
  /** POP fetches all mail, including mail already downloaded. */
  | 'ALL_MAIL'
  /** POP is off for this user. */
  | 'DISABLED'
  /** POP fetches mail that arrives from now on. */
  | 'FROM_NOW_ON';

/** A group's new place in the priority order; the group is named by `groupId` or `groupName` (exactly one). */
export type SetGroupPriorityInput = {
  /** Preview only: what the move would do, without writing anything. */
  dryRun?: boolean | null | undefined;
  /** The group's stable id. */
  groupId?: string | null | undefined;
  /** The group's name. */
  groupName?: string | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** The new place: 1 (the highest) to the number of groups. */
  priority: number;
};

/** Where an effective setting comes from. */
export type SettingSourceKind =
  /** No OU sets it: the product default (POP on, IMAP on, any client, less secure apps not allowed). */
  | 'DEFAULT'
  /** Set by a configuration group of the user, named in `group`: it overrides the OU's value. */
  | 'GROUP'
  /** Inherited from an ancestor OU, named in `orgUnit`. */
  | 'INHERITED'
  /** Chosen on this OU itself. */
  | 'SET_HERE';

/** On or off, as chosen on an OU. */
export type Toggle =
  /** Turned off. */
  | 'OFF'
  /** Turned on. */
  | 'ON';

/** A change to an on/off setting. */
export type ToggleChange =
  /** Remove this OU's own value: it inherits from its parent again. */
  | 'INHERIT'
  /** Turn the setting off for this OU (overriding the parent). */
  | 'OFF'
  /** Turn the setting on for this OU (overriding the parent). */
  | 'ON';

/**
 * A change to the POP and IMAP settings of one group, named by `groupId` or `groupName` (exactly one); the same fields as
 * `updateMailAccessPolicy`'s, where `INHERIT` means "not set by the group".
 */
export type UpdateGroupMailAccessPolicyInput = {
  /** Preview only: compute the payload without writing anything. */
  dryRun?: boolean | null | undefined;
  /** Apply the change only if the group is still at this version; otherwise CONFLICT with the current version. */
  expectedVersion?: number | null | undefined;
  /** The group's stable id. */
  groupId?: string | null | undefined;
  /** The group's name. */
  groupName?: string | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** IMAP access: ON, OFF, or INHERIT (not set by the group); left out: unchanged. */
  imapAccess?: ToggleChange | null | undefined;
  /**
   * Which clients may use IMAP (INHERIT: not set by the group); left out: unchanged. OAUTH_ALLOWLIST without a list
   * keeps the group's own list; a group without one (it inherits none) is FAILED_PRECONDITION naming
   * `imapClientAccess.allowedOAuthClientIds`.
   */
  imapClientAccess?: ImapClientAccessInput | null | undefined;
  /** Less secure apps: ON (allowed), OFF (not allowed), or INHERIT (not set by the group); left out: unchanged. */
  lessSecureApps?: ToggleChange | null | undefined;
  /** POP access: ON, OFF, or INHERIT (not set by the group); left out: unchanged. */
  popAccess?: ToggleChange | null | undefined;
};

/** A change to one OU's POP and IMAP settings, named by `orgUnitPath` or `orgUnitId` (exactly one). */
export type UpdateMailAccessPolicyInput = {
  /** Preview only: compute the payload without writing anything. */
  dryRun?: boolean | null | undefined;
  /** Apply the change only if the OU is still at this version; otherwise fail with CONFLICT and the current version. */
  expectedVersion?: number | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** IMAP access: ON, OFF or INHERIT; left out: unchanged. */
  imapAccess?: ToggleChange | null | undefined;
  /** Which clients may use IMAP; left out: unchanged. */
  imapClientAccess?: ImapClientAccessInput | null | undefined;
  /** Less secure apps: ON (allowed), OFF (not allowed) or INHERIT; left out: unchanged. */
  lessSecureApps?: ToggleChange | null | undefined;
  /** The OU's stable id. */
  orgUnitId?: string | null | undefined;
  /** The OU's path, e.g. `/Sales`. */
  orgUnitPath?: string | null | undefined;
  /** POP access: ON, OFF or INHERIT; left out: unchanged. */
  popAccess?: ToggleChange | null | undefined;
};

/** A change of the signed-in user's own mail settings; fields left out stay as they are. */
export type UpdateMyMailSettingsInput = {
  /**
   * Preview only: the user as the change would leave them, checked like a save (a setting that is not available is
   * still FAILED_PRECONDITION), nothing written or audited.
   */
  dryRun?: boolean | null | undefined;
  /** Apply only if the user is still at this version (`viewer.user.version`); otherwise CONFLICT. */
  expectedVersion?: number | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** Enable or disable IMAP (only while the administrator allows IMAP). */
  imapEnabled?: boolean | null | undefined;
  /** Turn less secure apps on or off (only while the administrator allows them and POP or IMAP is on). */
  lessSecureAppsEnabled?: boolean | null | undefined;
  /** POP access window (only while the administrator allows POP). */
  popAccessWindow?: PopAccessWindow | null | undefined;
};

/** Changes to one OU, named by `orgUnitId` or `orgUnitPath` (exactly one). Fields left out stay as they are. */
export type UpdateOrgUnitInput = {
  /** New description; an empty string clears it. */
  description?: string | null | undefined;
  /** Preview only: check the change and compute the payload without writing anything (nor auditing). */
  dryRun?: boolean | null | undefined;
  /** Apply the change only if the OU is still at this version; otherwise fail with CONFLICT. */
  expectedVersion?: number | null | undefined;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: string | null | undefined;
  /** New name (renames the OU; the paths of its whole subtree change with it). */
  name?: string | null | undefined;
  /** The OU's stable id. */
  orgUnitId?: string | null | undefined;
  /** The OU's current path. */
  orgUnitPath?: string | null | undefined;
  /** Stable id of the new parent (moves the OU with its whole subtree). */
  parentOrgUnitId?: string | null | undefined;
  /**
   * Path of the new parent (moves the OU with its whole subtree). At most one of `parentOrgUnitPath` and
   * `parentOrgUnitId`.
   */
  parentOrgUnitPath?: string | null | undefined;
};

/** The kinds of warnings a change of POP and IMAP settings can produce. */
export type WarningCode =
  /** IMAP is restricted to listed OAuth clients: password clients and service-account (domain-wide delegation) clients can no longer use IMAP. */
  | 'ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS'
  /** IMAP switches from any mail client to listed OAuth clients: every OAuth client not on the list can no longer use IMAP. */
  | 'ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS'
  /** POP or IMAP is turned off: affected clients stop receiving mail even if they worked before; mobile users must use the Gmail app. */
  | 'CLIENTS_STOP_RECEIVING_MAIL'
  /** The OU inherited its client access: it now has its own copy of the inherited list and no longer follows its parent's. */
  | 'COPIED_INHERITED_ALLOWLIST'
  /** IMAP is restricted to an empty list: every IMAP client is blocked. */
  | 'EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP'
  /** IMAP is turned off: iPhone and iPad users stop syncing in iOS Mail, new users cannot add their work account to iOS Mail by hand, contacts and calendar on iOS need an MDM push or Google's apps. */
  | 'IMAP_OFF_IOS_MAIL'
  /** IMAP is turned off: failed IMAP sign-ins are silent, users get no notice. */
  | 'IMAP_OFF_SILENT_SIGN_IN_FAILURE'
  /** IMAP is restricted to a list without Apple iOS Mail: iPhone and iPad users of iOS Mail lose IMAP. */
  | 'IOS_MAIL_NOT_ALLOWLISTED'
  /** Less secure apps are allowed: Google no longer accepts password sign-in since 2024, except app passwords. */
  | 'LESS_SECURE_APPS_DEPRECATED'
  /** Every saved change: it can take up to 24 hours to reach every mail client. */
  | 'PROPAGATION_DELAY';

export type CheckMailAccessQueryVariables = Exact<{
  input: MailAccessDecisionInput;
}>;


export type CheckMailAccessQuery = { mailAccessDecision: { userEmail: string, allowed: boolean, reason: AccessReason, explanation: string, userNotified: boolean | null, propagationPending: boolean, decidedBy: { setting: MailAccessSetting, source: { kind: SettingSourceKind, orgUnit: { path: string } | null } | null } } };

export type CheckMailAccessBatchQueryVariables = Exact<{
  inputs: Array<MailAccessDecisionInput> | MailAccessDecisionInput;
}>;


export type CheckMailAccessBatchQuery = { mailAccessDecisions: Array<{ userEmail: string, allowed: boolean, reason: AccessReason, explanation: string, userNotified: boolean | null, propagationPending: boolean, decidedBy: { setting: MailAccessSetting, source: { kind: SettingSourceKind, orgUnit: { path: string } | null } | null } }> };

export type DecisionFragment = { userEmail: string, allowed: boolean, reason: AccessReason, explanation: string, userNotified: boolean | null, propagationPending: boolean, decidedBy: { setting: MailAccessSetting, source: { kind: SettingSourceKind, orgUnit: { path: string } | null } | null } };

export type AdminOrgUnitPageQueryVariables = Exact<{
  orgUnitPath: string;
  usersAfter?: string | null | undefined;
}>;


export type AdminOrgUnitPageQuery = { orgUnit: { userCount: number, id: string, path: string, name: string, description: string | null, depth: number, version: number, updatedAt: string, parent: { id: string, path: string } | null, children: { nodes: Array<{ id: string, path: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null }, effectiveMailAccess: { popAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }>, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, lessSecureApps: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, propagation: { lastChangedAt: string | null, completeBy: string | null, pending: boolean } }, users: { nodes: Array<{ email: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null, knownMailClients: Array<{ name: string, clientId: string }> };

export type UpdateOrgUnitMailAccessMutationVariables = Exact<{
  input: UpdateMailAccessPolicyInput;
}>;


export type UpdateOrgUnitMailAccessMutation = { updateMailAccessPolicy: { changed: boolean, dryRun: boolean, orgUnit: { id: string, path: string, name: string, description: string | null, depth: number, version: number, updatedAt: string }, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null }, effectiveMailAccess: { popAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }>, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, lessSecureApps: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, propagation: { lastChangedAt: string | null, completeBy: string | null, pending: boolean } }, warnings: Array<{ code: WarningCode, message: string }>, impact: { pop: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number }, imap: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number, usersLosingClients: number, usersLosingWorkingClients: number }, lessSecureApps: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number }, changedOrgUnits: { totalCount: number, nodes: Array<{ changedSettings: Array<MailAccessSetting>, userCount: number, orgUnit: { path: string } }> } } } };

export type AdminOrgUnitTreeQueryVariables = Exact<{
  orgUnitPath: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminOrgUnitTreeQuery = { orgUnits: { nodes: Array<{ id: string, path: string, name: string, depth: number, userCount: number, parent: { id: string } | null, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null }, effectiveMailAccess: { popAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }>, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, lessSecureApps: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, propagation: { lastChangedAt: string | null, completeBy: string | null, pending: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MoveOrgUnitMutationVariables = Exact<{
  input: UpdateOrgUnitInput;
}>;


export type MoveOrgUnitMutation = { updateOrgUnit: { dryRun: boolean, orgUnit: { id: string, path: string, name: string, description: string | null, depth: number, version: number, updatedAt: string }, warnings: Array<{ code: WarningCode, message: string }>, impact: { pop: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number }, imap: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number, usersLosingClients: number, usersLosingWorkingClients: number }, lessSecureApps: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number }, changedOrgUnits: { totalCount: number, nodes: Array<{ changedSettings: Array<MailAccessSetting>, userCount: number, orgUnit: { path: string } }> } } } };

export type AddAllowedMailClientsMutationVariables = Exact<{
  input: AllowedOAuthClientsInput;
}>;


export type AddAllowedMailClientsMutation = { addAllowedOAuthClients: { changed: boolean, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null }, warnings: Array<{ code: WarningCode, message: string }> } };

export type RemoveAllowedMailClientsMutationVariables = Exact<{
  input: AllowedOAuthClientsInput;
}>;


export type RemoveAllowedMailClientsMutation = { removeAllowedOAuthClients: { changed: boolean, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null }, warnings: Array<{ code: WarningCode, message: string }> } };

export type OrgUnitHeaderFragment = { id: string, path: string, name: string, description: string | null, depth: number, version: number, updatedAt: string };

export type OwnPolicyFragment = { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null };

export type SourceFragment = { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null };

export type EffectiveSettingsFragment = { popAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapAccess: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }>, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, lessSecureApps: { enabled: boolean, source: { kind: SettingSourceKind, orgUnit: { id: string, path: string } | null } }, propagation: { lastChangedAt: string | null, completeBy: string | null, pending: boolean } };

export type WhoIsAffectedFragment = { pop: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number }, imap: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number, usersLosingClients: number, usersLosingWorkingClients: number }, lessSecureApps: { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number }, changedOrgUnits: { totalCount: number, nodes: Array<{ changedSettings: Array<MailAccessSetting>, userCount: number, orgUnit: { path: string } }> } };

export type AccessChangeFragment = { usersLosingAccess: number, usersGainingAccess: number, usersLosingWorkingAccess: number, usersGainingWorkingAccess: number };

export type AuditLogPageQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogPageQuery = { auditEvents: { nodes: Array<{ id: string, time: string, settingName: string | null, oldValue: string | null, newValue: string | null, orgUnitId: string | null, orgUnitPath: string | null, userEmail: string | null, requestId: string, idempotencyKey: string | null, actor: { kind: ActorKind, id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditEntryFragment = { id: string, time: string, settingName: string | null, oldValue: string | null, newValue: string | null, orgUnitId: string | null, orgUnitPath: string | null, userEmail: string | null, requestId: string, idempotencyKey: string | null, actor: { kind: ActorKind, id: string, name: string } };

export type ConfigurationGroupsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ConfigurationGroupsQuery = { groups: { nodes: Array<{ id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConfigurationGroupPageQueryVariables = Exact<{
  groupId: string;
  membersAfter?: string | null | undefined;
}>;


export type ConfigurationGroupPageQuery = { group: { description: string | null, version: number, updatedAt: string, id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, memberOf: Array<{ id: string, name: string }>, members: { nodes: Array<
        | { __typename: 'Group', id: string, name: string, priority: number }
        | { __typename: 'User', email: string, name: string, orgUnit: { path: string } }
      >, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } } | null, knownMailClients: Array<{ name: string, clientId: string }> };

export type CreateConfigurationGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateConfigurationGroupMutation = { createGroup: { group: { id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } } } };

export type UpdateGroupMailAccessMutationVariables = Exact<{
  input: UpdateGroupMailAccessPolicyInput;
}>;


export type UpdateGroupMailAccessMutation = { updateGroupMailAccessPolicy: { changed: boolean, dryRun: boolean, group: { version: number, id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } }, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null }, warnings: Array<{ code: WarningCode, message: string, settings: Array<MailAccessSetting> }>, impact: { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number } } };

export type AddConfigurationGroupMembersMutationVariables = Exact<{
  input: GroupMembersInput;
}>;


export type AddConfigurationGroupMembersMutation = { addGroupMembers: { changed: boolean, dryRun: boolean, group: { id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } }, warnings: Array<{ code: WarningCode, message: string }>, impact: { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number } } };

export type RemoveConfigurationGroupMembersMutationVariables = Exact<{
  input: GroupMembersInput;
}>;


export type RemoveConfigurationGroupMembersMutation = { removeGroupMembers: { changed: boolean, dryRun: boolean, group: { id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } }, warnings: Array<{ code: WarningCode, message: string }>, impact: { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number } } };

export type MoveConfigurationGroupMutationVariables = Exact<{
  input: SetGroupPriorityInput;
}>;


export type MoveConfigurationGroupMutation = { setGroupPriority: { priority: number, changed: boolean, dryRun: boolean, warnings: Array<{ code: WarningCode, message: string }>, impact: { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number } } };

export type DeleteConfigurationGroupMutationVariables = Exact<{
  input: DeleteGroupInput;
}>;


export type DeleteConfigurationGroupMutation = { deleteGroup: { deletedGroupId: string, name: string, requiresForce: boolean, dryRun: boolean, warnings: Array<{ code: WarningCode, message: string }>, impact: { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number } } };

export type GroupSummaryFragment = { id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } };

export type GroupPolicyFragment = { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null };

export type GroupImpactFragment = { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number };

export type MembersChangeFragment = { changed: boolean, dryRun: boolean, group: { id: string, name: string, email: string | null, priority: number, userMemberCount: number, groupMemberCount: number, mailAccessPolicy: { popAccess: Toggle | null, imapAccess: Toggle | null, lessSecureApps: Toggle | null, changedAt: string | null, imapClientAccess: { mode: ImapClientMode, allowedOAuthClients: Array<{ clientId: string, name: string | null }> } | null } }, warnings: Array<{ code: WarningCode, message: string }>, impact: { membersReached: number, usersWithChangedSettings: number, usersGainingPop: number, usersLosingPop: number, usersGainingImap: number, usersLosingImap: number, usersCutOffFromPop: number, usersCutOffFromImap: number, usersWithFewerImapClients: number } };

export type UserSettingsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type UserSettingsPageQuery = { viewer: { kind: ActorKind, user: { email: string, name: string, version: number, orgUnit: { path: string }, mailSettings: { imapEnabled: boolean, popAccessWindow: PopAccessWindow, lessSecureAppsEnabled: boolean }, effectiveMailAccess: { availableToUser: { popSettings: boolean, imapSettings: boolean, lessSecureAppsSetting: boolean }, pop: { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean }, imap: { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean }, lessSecureApps: { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean } } } | null } };

export type SaveMyMailSettingsMutationVariables = Exact<{
  input: UpdateMyMailSettingsInput;
}>;


export type SaveMyMailSettingsMutation = { updateMyMailSettings: { changed: boolean, dryRun: boolean, user: { email: string, version: number, mailSettings: { imapEnabled: boolean, popAccessWindow: PopAccessWindow, lessSecureAppsEnabled: boolean }, effectiveMailAccess: { pop: { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean }, imap: { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean }, lessSecureApps: { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean } } } } };

export type OwnMailSettingsFragment = { imapEnabled: boolean, popAccessWindow: PopAccessWindow, lessSecureAppsEnabled: boolean };

export type ProtocolAccessFragment = { allowedByAdministrator: boolean, enabledByUser: boolean, enabled: boolean };

export const DecisionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Decision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userEmail"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userNotified"}},{"kind":"Field","name":{"kind":"Name","value":"propagationPending"}}]}}]} as unknown as DocumentNode<DecisionFragment, unknown>;
export const OrgUnitHeaderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgUnitHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrgUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<OrgUnitHeaderFragment, unknown>;
export const OwnPolicyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<OwnPolicyFragment, unknown>;
export const SourceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Source"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettingSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<SourceFragment, unknown>;
export const EffectiveSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EffectiveSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EffectiveMailAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"propagation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeBy"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Source"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettingSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]} as unknown as DocumentNode<EffectiveSettingsFragment, unknown>;
export const AccessChangeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}}]}}]} as unknown as DocumentNode<AccessChangeFragment, unknown>;
export const WhoIsAffectedFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WhoIsAffected"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"imap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingClients"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingClients"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedOrgUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}}]}}]} as unknown as DocumentNode<WhoIsAffectedFragment, unknown>;
export const AuditEntryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"settingName"}},{"kind":"Field","name":{"kind":"Name","value":"oldValue"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnitPath"}},{"kind":"Field","name":{"kind":"Name","value":"userEmail"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]} as unknown as DocumentNode<AuditEntryFragment, unknown>;
export const GroupPolicyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<GroupPolicyFragment, unknown>;
export const GroupSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<GroupSummaryFragment, unknown>;
export const GroupImpactFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}}]} as unknown as DocumentNode<GroupImpactFragment, unknown>;
export const MembersChangeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembersChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembersPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupImpact"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}}]} as unknown as DocumentNode<MembersChangeFragment, unknown>;
export const OwnMailSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnMailSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserMailSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imapEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"popAccessWindow"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureAppsEnabled"}}]}}]} as unknown as DocumentNode<OwnMailSettingsFragment, unknown>;
export const ProtocolAccessFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolAccess"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserProtocolAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedByAdministrator"}},{"kind":"Field","name":{"kind":"Name","value":"enabledByUser"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<ProtocolAccessFragment, unknown>;
export const CheckMailAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckMailAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mailAccessDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Decision"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Decision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userEmail"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userNotified"}},{"kind":"Field","name":{"kind":"Name","value":"propagationPending"}}]}}]} as unknown as DocumentNode<CheckMailAccessQuery, CheckMailAccessQueryVariables>;
export const CheckMailAccessBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckMailAccessBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessDecisionInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mailAccessDecisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Decision"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Decision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userEmail"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userNotified"}},{"kind":"Field","name":{"kind":"Name","value":"propagationPending"}}]}}]} as unknown as DocumentNode<CheckMailAccessBatchQuery, CheckMailAccessBatchQueryVariables>;
export const AdminOrgUnitPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminOrgUnitPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitPath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"usersAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgUnitPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitPath"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgUnitHeader"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveMailAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EffectiveSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"usersAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"knownMailClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgUnitHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrgUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Source"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettingSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EffectiveSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EffectiveMailAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"propagation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeBy"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}}]} as unknown as DocumentNode<AdminOrgUnitPageQuery, AdminOrgUnitPageQueryVariables>;
export const UpdateOrgUnitMailAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrgUnitMailAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMailAccessPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMailAccessPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgUnitHeader"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveMailAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EffectiveSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WhoIsAffected"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgUnitHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrgUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Source"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettingSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EffectiveSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EffectiveMailAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"propagation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeBy"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WhoIsAffected"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"imap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingClients"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingClients"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedOrgUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}}]}}]} as unknown as DocumentNode<UpdateOrgUnitMailAccessMutation, UpdateOrgUnitMailAccessMutationVariables>;
export const AdminOrgUnitTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminOrgUnitTree"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitPath"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"under"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"orgUnitPath"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgUnitPath"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveMailAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EffectiveSettings"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Source"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SettingSource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EffectiveSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EffectiveMailAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"propagation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completeBy"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}}]} as unknown as DocumentNode<AdminOrgUnitTreeQuery, AdminOrgUnitTreeQueryVariables>;
export const MoveOrgUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveOrgUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrgUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrgUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgUnitHeader"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WhoIsAffected"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgUnitHeader"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrgUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WhoIsAffected"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"imap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingClients"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingClients"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessChange"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedOrgUnits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usersLosingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingWorkingAccess"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingWorkingAccess"}}]}}]} as unknown as DocumentNode<MoveOrgUnitMutation, MoveOrgUnitMutationVariables>;
export const AddAllowedMailClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAllowedMailClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllowedOAuthClientsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAllowedOAuthClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<AddAllowedMailClientsMutation, AddAllowedMailClientsMutationVariables>;
export const RemoveAllowedMailClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveAllowedMailClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AllowedOAuthClientsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAllowedOAuthClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<RemoveAllowedMailClientsMutation, RemoveAllowedMailClientsMutationVariables>;
export const AuditLogPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntry"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"settingName"}},{"kind":"Field","name":{"kind":"Name","value":"oldValue"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnitPath"}},{"kind":"Field","name":{"kind":"Name","value":"userEmail"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]} as unknown as DocumentNode<AuditLogPageQuery, AuditLogPageQueryVariables>;
export const ConfigurationGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigurationGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<ConfigurationGroupsQuery, ConfigurationGroupsQueryVariables>;
export const ConfigurationGroupPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigurationGroupPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membersAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"memberOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membersAfter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"knownMailClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<ConfigurationGroupPageQuery, ConfigurationGroupPageQueryVariables>;
export const CreateConfigurationGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateConfigurationGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}}]} as unknown as DocumentNode<CreateConfigurationGroupMutation, CreateConfigurationGroupMutationVariables>;
export const UpdateGroupMailAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGroupMailAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGroupMailAccessPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroupMailAccessPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"settings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupImpact"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}}]} as unknown as DocumentNode<UpdateGroupMailAccessMutation, UpdateGroupMailAccessMutationVariables>;
export const AddConfigurationGroupMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddConfigurationGroupMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembersChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembersChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembersPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupImpact"}}]}}]}}]} as unknown as DocumentNode<AddConfigurationGroupMembersMutation, AddConfigurationGroupMembersMutationVariables>;
export const RemoveConfigurationGroupMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveConfigurationGroupMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MembersChange"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"userMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"groupMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"mailAccessPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPolicy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPolicy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailAccessPolicy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popAccess"}},{"kind":"Field","name":{"kind":"Name","value":"imapAccess"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"}},{"kind":"Field","name":{"kind":"Name","value":"imapClientAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"allowedOAuthClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MembersChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembersPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupImpact"}}]}}]}}]} as unknown as DocumentNode<RemoveConfigurationGroupMembersMutation, RemoveConfigurationGroupMembersMutationVariables>;
export const MoveConfigurationGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveConfigurationGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetGroupPriorityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGroupPriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupImpact"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}}]} as unknown as DocumentNode<MoveConfigurationGroupMutation, MoveConfigurationGroupMutationVariables>;
export const DeleteConfigurationGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteConfigurationGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedGroupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"requiresForce"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"impact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupImpact"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupImpact"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMailAccessImpact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membersReached"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithChangedSettings"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersGainingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersLosingImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromPop"}},{"kind":"Field","name":{"kind":"Name","value":"usersCutOffFromImap"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithFewerImapClients"}}]}}]} as unknown as DocumentNode<DeleteConfigurationGroupMutation, DeleteConfigurationGroupMutationVariables>;
export const UserSettingsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserSettingsPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"orgUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mailSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnMailSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveMailAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableToUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"popSettings"}},{"kind":"Field","name":{"kind":"Name","value":"imapSettings"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureAppsSetting"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"imap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolAccess"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnMailSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserMailSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imapEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"popAccessWindow"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureAppsEnabled"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolAccess"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserProtocolAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedByAdministrator"}},{"kind":"Field","name":{"kind":"Name","value":"enabledByUser"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<UserSettingsPageQuery, UserSettingsPageQueryVariables>;
export const SaveMyMailSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveMyMailSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMyMailSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMyMailSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"mailSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OwnMailSettings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"effectiveMailAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"imap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProtocolAccess"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OwnMailSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserMailSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imapEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"popAccessWindow"}},{"kind":"Field","name":{"kind":"Name","value":"lessSecureAppsEnabled"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProtocolAccess"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserProtocolAccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowedByAdministrator"}},{"kind":"Field","name":{"kind":"Name","value":"enabledByUser"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]} as unknown as DocumentNode<SaveMyMailSettingsMutation, SaveMyMailSettingsMutationVariables>;