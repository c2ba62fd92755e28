import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrgUnit as OrgUnitModel } from '../../domain/org-unit';
import type { Customer as CustomerModel, Actor as ActorModel, ApiKey as ApiKeyModel, AdminRole as AdminRoleModel } from '../../domain/customer';
import type { User as UserModel } from '../../domain/user';
import type { AuditEvent as AuditEventModel } from '../../domain/audit';
import type { ImapClientAccess as ImapClientAccessModel } from '../../domain/mail-access';
import type { PolicyModel, EffectiveMailAccessModel, EffectiveToggleModel, EffectiveImapClientAccessModel, SettingSourceModel, MailAccessImpactModel, OrgUnitImpactModel, DecidedByModel, UserEffectiveMailAccessModel, UserProtocolAccessModel } from '../models';
import type { UserAccessDecision, UserUpdate } from '../../services/users';
import type { MailAccessPolicyUpdate, BulkPolicyUpdate } from '../../services/mail-access';
import type { Group as GroupModel } from '../../domain/groups';
import type { GroupImpact as GroupImpactModel } from '../../domain/group-impact';
import type { Membership, GroupChangeResult, DeletedGroup, PriorityChange } from '../../services/groups';
import type { GroupPolicyUpdate } from '../../services/group-policy';
import type { OrgUnitUpdate } from '../../services/org-units';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO 8601 string in UTC, e.g. "2026-11-30T09:15:00.000Z". */
  DateTime: { input: string; output: string; }
};

/**
 * Who gains or loses one kind of access through a change. _Access_ is what the administrator allows a user; _working
 * access_ is access the user also has turned on in their own mail settings: what works for them today (or will at once).
 * A console can say "3 people who use POP today will be cut off" (`usersLosingWorkingAccess`) beside "7 people lose POP"
 * (`usersLosingAccess`). Counted from each OU's counts of its users' own settings: no user is read.
 */
export type AccessImpact = {
  __typename?: 'AccessImpact';
  /** Users the administrator allows it after the change and did not allow it before. */
  usersGainingAccess: Scalars['Int']['output'];
  /** Users for whom it does not work today and will at once after the change (their own settings have it on already). */
  usersGainingWorkingAccess: Scalars['Int']['output'];
  /** Users the administrator allowed it before the change and does not allow it after, whatever their own settings. */
  usersLosingAccess: Scalars['Int']['output'];
  /** Users for whom it works today (allowed, and on in their own settings) and will not after the change: they are cut off. */
  usersLosingWorkingAccess: Scalars['Int']['output'];
};

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

/** An administrator and their role. */
export type AdminRole = {
  __typename?: 'AdminRole';
  /** The administrator's address. */
  email: Scalars['String']['output'];
  /** When the role was granted. */
  grantedAt: Scalars['DateTime']['output'];
  /** For ORG_UNIT_ADMIN, the OU subtree they may read and change. */
  orgUnitScope?: Maybe<OrgUnit>;
  /** The role. */
  role: Role;
};

/** A page of administrators. */
export type AdminRoleConnection = {
  __typename?: 'AdminRoleConnection';
  /** The administrators of this page, each with its cursor. */
  edges: Array<AdminRoleEdge>;
  /** The administrators of this page. */
  nodes: Array<AdminRole>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** An administrator in a page. */
export type AdminRoleEdge = {
  __typename?: 'AdminRoleEdge';
  /** Pass as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The administrator. */
  node: AdminRole;
};

/** OAuth clients to add to or remove from one OU's allow-list; the OU is named by `orgUnitPath` or `orgUnitId`. */
export type AllowedOAuthClientsInput = {
  /**
   * Preview only: compute the payload (policy, effective settings, warnings, impact) without writing or auditing
   * anything.
   */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Apply the edit only if the OU is still at this version; otherwise CONFLICT with the current version. Without it,
   * concurrent edits of different ids all land.
   */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /**
   * The client ids, `<project number>-<letters and digits>.apps.googleusercontent.com`; trimmed and de-duplicated; 1 to
   * 1000 entries, and the list may hold at most 100 ids.
   */
  oauthClientIds: Array<Scalars['String']['input']>;
  /** The OU's stable id. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** The OU's path. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
  /**
   * addAllowedOAuthClients only: true to accept that adding clients to an OU that allows any mail client switches it to
   * the allow-list, cutting off every client not listed. Without it such an add is FAILED_PRECONDITION; on an OU already
   * restricted it changes nothing. removeAllowedOAuthClients refuses true (BAD_USER_INPUT): a removal never switches.
   */
  switchToAllowlist?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An API key of a partner integration (without its secret). */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the key stops working; null: never. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable id of the key. */
  id: Scalars['ID']['output'];
  /** When the key was last used (to the minute); null: never. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key is for. */
  name: Scalars['String']['output'];
  /** For ORG_UNIT_ADMIN keys, the OU subtree it may read and change. */
  orgUnitScope?: Maybe<OrgUnit>;
  /** When the key was revoked; null: it is not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do. */
  role: Role;
};

/** A page of API keys. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** The keys of this page, each with its cursor. */
  edges: Array<ApiKeyEdge>;
  /** The keys of this page. */
  nodes: Array<ApiKey>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** An API key in a page. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** Pass as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The key. */
  node: ApiKey;
};

/** One change for several OUs. */
export type ApplyMailAccessPolicyInput = {
  /** Preview only: compute the payload without writing anything. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Stable ids of the OUs to change. With `orgUnitPaths`: 1 to 19 OUs in all, each once. */
  orgUnitIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Paths of the OUs to change. With `orgUnitIds`: 1 to 19 OUs in all, each once. */
  orgUnitPaths?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The change. */
  policy: MailAccessPolicyChangeInput;
};

/** The result of a bulk change (or of its preview). */
export type ApplyMailAccessPolicyPayload = {
  __typename?: 'ApplyMailAccessPolicyPayload';
  /** True when at least one OU's own settings change. */
  changed: Scalars['Boolean']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** The combined effect on all the OUs' subtrees. */
  impact: MailAccessImpact;
  /** Each OU's own result, in the order asked: its settings after the change and its warnings. */
  results: Array<UpdateMailAccessPolicyPayload>;
  /** The warnings for the change as a whole. */
  warnings: Array<Warning>;
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

/** Who made a change. */
export type AuditActor = {
  __typename?: 'AuditActor';
  /** The caller's id. */
  id: Scalars['ID']['output'];
  /** What kind of caller made the change. */
  kind: ActorKind;
  /** The caller's name. */
  name: Scalars['String']['output'];
};

/** One privileged change, as Google's admin audit log records it (e.g. CHANGE_APPLICATION_SETTING for a setting). */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** What happened. */
  action: AuditAction;
  /** Who made the change: the verified caller. */
  actor: AuditActor;
  /** The administrator whose role changed; null otherwise. */
  adminEmail?: Maybe<Scalars['String']['output']>;
  /** The API key the change concerns; null otherwise. */
  apiKeyId?: Maybe<Scalars['ID']['output']>;
  /**
   * The configuration group the change concerns; null otherwise. Group events concern no OU: super administrators see
   * them.
   */
  groupId?: Maybe<Scalars['ID']['output']>;
  /** The group's name at the time of the change; null when the change concerns no group. */
  groupName?: Maybe<Scalars['String']['output']>;
  /** Stable id of the event. */
  id: Scalars['ID']['output'];
  /** The idempotency key the change was made with, if any. */
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** For a membership change of a group: the group that joined or left it; null otherwise. */
  memberGroupId?: Maybe<Scalars['ID']['output']>;
  /** The value after; INHERIT_FROM_PARENT when an override was removed. Null when nothing is left after. */
  newValue?: Maybe<Scalars['String']['output']>;
  /**
   * The value before: for a setting ON, OFF, ANY_CLIENT, OAUTH_ALLOWLIST:<ids>, or INHERIT_FROM_PARENT when it was
   * inherited; for other actions what `action` says. Null when there was nothing before.
   */
  oldValue?: Maybe<Scalars['String']['output']>;
  /** Id of the OU the change concerns (for a user, the user's OU); null for API keys and administrator roles. */
  orgUnitId?: Maybe<Scalars['ID']['output']>;
  /** The OU's path at the time of the change; null when the change concerns no OU. */
  orgUnitPath?: Maybe<Scalars['String']['output']>;
  /** The request that made the change. */
  requestId: Scalars['String']['output'];
  /** For setting changes: the setting, an administrator's or a user's own; null for other actions. */
  setting?: Maybe<MailAccessSetting>;
  /**
   * For setting changes: the setting as Google's admin audit log names it, for export (ENABLE_POP_ACCESS, IMAP_ACCESS,
   * IMAP_CLIENT_ACCESS, LESS_SECURE_APPS; a user's own USER_IMAP_ENABLED, USER_POP_ACCESS_WINDOW,
   * USER_LESS_SECURE_APPS); null for other actions.
   */
  settingName?: Maybe<Scalars['String']['output']>;
  /** When the change was saved. */
  time: Scalars['DateTime']['output'];
  /** The user the change concerns; null otherwise. */
  userEmail?: Maybe<Scalars['String']['output']>;
};

/** A page of audit events, newest first. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The events of this page, each with its cursor. */
  edges: Array<AuditEventEdge>;
  /** The events of this page. */
  nodes: Array<AuditEvent>;
  /** Whether older events follow. */
  pageInfo: PageInfo;
};

/** An audit event in a page. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Pass as `after` to continue with older events. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: AuditEvent;
};

/** Which audit events to return. Every condition given must hold. */
export type AuditEventFilter = {
  /**
   * Only events of these kinds (any of them; at most 50, a kind named twice counts once); all kinds when empty or not
   * given.
   */
  actions?: InputMaybe<Array<AuditAction>>;
  /** Only changes made by this actor (its id, e.g. an API key's id). */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** With `orgUnitPath`: also the events of every OU below it. */
  includeSubOrgUnits?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only events of this OU (by its current path). */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
  /** Only changes of this setting. */
  setting?: InputMaybe<MailAccessSetting>;
  /** Only events at or after this time. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only events at or before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How a mail client signs in. */
export type AuthMethod =
  /** OAuth, with the client's OAuth client id. */
  | 'OAUTH'
  /** A password (no OAuth): a 'less secure app'. */
  | 'PASSWORD'
  /** Domain-wide delegation with a service account. */
  | 'SERVICE_ACCOUNT_DELEGATION';

/**
 * Which mail settings a user-facing settings page should show: when the administrator turns POP or IMAP off, the
 * matching settings are not available to the user and must be hidden.
 */
export type AvailableToUser = {
  __typename?: 'AvailableToUser';
  /** Show the IMAP settings (enable IMAP). */
  imapSettings: Scalars['Boolean']['output'];
  /**
   * Show the less secure apps setting: the administrator allows less secure apps and POP or IMAP is available (with
   * neither, the setting would do nothing).
   */
  lessSecureAppsSetting: Scalars['Boolean']['output'];
  /** Show the POP settings (POP access window). */
  popSettings: Scalars['Boolean']['output'];
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** When the key stops working; must be in the future. Null: never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Makes the mutation safe to repeat (see updateMailAccessPolicy); a retry returns the same key and secret. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** What the key is for, e.g. "MDM integration". */
  name: Scalars['String']['input'];
  /** For ORG_UNIT_ADMIN: path of the OU whose subtree the key may read and change (required for that role only). */
  orgUnitScope?: InputMaybe<Scalars['String']['input']>;
  /** What the key may do. */
  role: Role;
};

/** The new key and its secret, shown only here. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /** The key. */
  apiKey: ApiKey;
  /**
   * The secret to send in the x-api-key header. Store it now: it is never shown again. Null when this answer repeats
   * an earlier request with the same idempotency key (the key was created then; its secret is not kept).
   */
  secret?: Maybe<Scalars['String']['output']>;
};

/** A new configuration group. */
export type CreateGroupInput = {
  /** Free text about the group: at most 1000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The group's address, in one of the organization's domains (not a user's address). */
  email?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The group's name: 1 to 100 characters, unique in the organization. */
  name: Scalars['String']['input'];
};

/** The group that was created. */
export type CreateGroupPayload = {
  __typename?: 'CreateGroupPayload';
  /** The new group. */
  group: Group;
};

/** A new OU. */
export type CreateOrgUnitInput = {
  /** Optional free text for administrators. */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The new OU's name: 1 to 255 characters, no `/`; leading and trailing spaces are removed. */
  name: Scalars['String']['input'];
  /** The parent OU's stable id. */
  parentOrgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** Path of the parent OU, e.g. `/` or `/Sales`. Give exactly one of `parentOrgUnitPath` and `parentOrgUnitId`. */
  parentOrgUnitPath?: InputMaybe<Scalars['String']['input']>;
};

/** The OU that was created. */
export type CreateOrgUnitPayload = {
  __typename?: 'CreateOrgUnitPayload';
  /** The new OU. */
  orgUnit: OrgUnit;
};

/** A new user. */
export type CreateUserInput = {
  /** Email address in one of the organization's domains. */
  email: Scalars['String']['input'];
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Display name (1 to 255 characters). */
  name: Scalars['String']['input'];
  /** Stable id of the user's OU. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** Path of the user's OU. Give exactly one of `orgUnitPath` and `orgUnitId`. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
};

/** The user that was created. */
export type CreateUserPayload = {
  __typename?: 'CreateUserPayload';
  /** The new user. */
  user: User;
};

/** An organization using the API, e.g. the one that owns the mail domain `acme.com`. */
export type Customer = {
  __typename?: 'Customer';
  /** Mail domains of the organization; user addresses must belong to one of them. */
  domains: Array<Scalars['String']['output']>;
  /** Stable identifier of the organization, e.g. `demo`. */
  id: Scalars['ID']['output'];
  /** Display name of the organization. */
  name: Scalars['String']['output'];
};

/** The setting that decided, and where its value comes from. */
export type DecidedBy = {
  __typename?: 'DecidedBy';
  /** The deciding setting. */
  setting: MailAccessSetting;
  /** Where an administrator's setting comes from; null for the user's own settings. */
  source?: Maybe<SettingSource>;
};

/** The group to delete, named by `groupId` or `groupName` (exactly one). */
export type DeleteGroupInput = {
  /** Preview only: what deleting the group would do, without writing anything. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** Delete only if the group is still at this version; otherwise CONFLICT with the current version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Delete the group even though it has members or sets settings (otherwise FAILED_PRECONDITION). */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  /** The group's stable id. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** The group's name. */
  groupName?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** A deleted group (or the preview of deleting it). */
export type DeleteGroupPayload = {
  __typename?: 'DeleteGroupPayload';
  /** The deleted group's id. */
  deletedGroupId: Scalars['ID']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** What deleting the group does to the people it reaches. */
  impact: GroupMailAccessImpact;
  /** The deleted group's name. */
  name: Scalars['String']['output'];
  /** True when the group has members or settings, so that it is deleted only with `force: true`. */
  requiresForce: Scalars['Boolean']['output'];
  /** What the administrator must know about the change. */
  warnings: Array<Warning>;
};

/** The OU to delete, named by `orgUnitId` or `orgUnitPath` (exactly one). */
export type DeleteOrgUnitInput = {
  /** Delete only if the OU is still at this version; otherwise fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The OU's stable id. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** The OU's current path. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
};

/** What was deleted. */
export type DeleteOrgUnitPayload = {
  __typename?: 'DeleteOrgUnitPayload';
  /** Id of the deleted OU. */
  deletedOrgUnitId: Scalars['ID']['output'];
  /** Path the OU had. */
  path: Scalars['String']['output'];
};

/** The user to remove. */
export type DeleteUserInput = {
  /** The user's email address. */
  email: Scalars['String']['input'];
  /** Remove only if the user is still at this version; otherwise CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** What was removed. */
export type DeleteUserPayload = {
  __typename?: 'DeleteUserPayload';
  /** The removed user's email address. */
  deletedEmail: Scalars['String']['output'];
};

/** The effective IMAP client access and its source. */
export type EffectiveImapClientAccess = {
  __typename?: 'EffectiveImapClientAccess';
  /** The ids of `allowedOAuthClients`, in the same order: the shape the Directory API and `imapClientAccess` inputs use. */
  allowedOAuthClientIds: Array<Scalars['String']['output']>;
  /** The allowed OAuth clients in OAUTH_ALLOWLIST mode, each named where it is well known; empty in ANY_CLIENT mode. */
  allowedOAuthClients: Array<OAuthClient>;
  /** Any client, or only listed OAuth clients. */
  mode: ImapClientMode;
  /** Where the value comes from. */
  source: SettingSource;
};

/** The POP and IMAP settings in force for an OU's users, each with its source. */
export type EffectiveMailAccess = {
  __typename?: 'EffectiveMailAccess';
  /** IMAP access. */
  imapAccess: EffectiveToggle;
  /** Which mail clients may use IMAP (meaningful while IMAP is on). */
  imapClientAccess: EffectiveImapClientAccess;
  /** Whether less secure apps (password sign-in) are allowed. */
  lessSecureApps: EffectiveToggle;
  /** POP access. */
  popAccess: EffectiveToggle;
  /** Whether recent changes may still be reaching clients. */
  propagation: Propagation;
};

/** An effective on/off setting and its source. */
export type EffectiveToggle = {
  __typename?: 'EffectiveToggle';
  /** Whether the setting is on. */
  enabled: Scalars['Boolean']['output'];
  /** Where the value comes from. */
  source: SettingSource;
};

/**
 * The stable codes in `errors[].extensions.code`: what went wrong, for programs to act on. Every error also carries
 * `extensions.requestId`, the id of the request (also in the `x-request-id` response header) to quote when asking for
 * help. No field returns this type: it documents the error contract, and typed clients can import it.
 */
export type ErrorCode =
  /** The request is not a GraphQL request the API can run: no query, an operation batch, or a GET without a header that rules out cross-site request forgery. */
  | 'BAD_REQUEST'
  /**
   * The input is invalid: the message says what is wrong, and `extensions.field` names the input field at fault, or, for
   * a variable whose value does not fit its type, the variable and the path inside it (e.g. `$input.expectedVersion`).
   */
  | 'BAD_USER_INPUT'
  /**
   * The request needed more than one request may use while it ran: more DynamoDB calls (`extensions.budget:
   * "dynamodbCalls"`) or a larger answer (`"responseBytes"`) than `extensions.limit`. Nothing was written past it; ask
   * for less or split the request.
   */
  | 'BUDGET_EXCEEDED'
  /**
   * The change conflicts with another: a stale `expectedVersion` (`extensions.currentVersion` has the current one), a
   * name already taken, or a concurrent change (`extensions.retryable: true`: read again and retry).
   */
  | 'CONFLICT'
  /**
   * The query asks for more than one request may: its cost (each object 1, times the page size or list length of every
   * list above it, counted with its variables before it runs) is over the limit (`extensions.cost`, `extensions.limit`;
   * HTTP 400). Ask for fewer fields, smaller pages or fewer levels of nesting.
   */
  | 'COST_LIMIT_EXCEEDED'
  /**
   * The request is valid but the organization is not in a state that allows it, e.g. deleting an OU that still has
   * child OUs or users, touching the root, a user changing a setting the administrator does not allow, or adding OAuth
   * clients to an OU that allows any client without `switchToAllowlist` (`extensions.field` names what to change).
   */
  | 'FAILED_PRECONDITION'
  /** The caller may not do this: the API key's role or OU scope does not cover it. */
  | 'FORBIDDEN'
  /** The query is not valid GraphQL syntax. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The query does not fit the schema: an unknown field or argument, a wrong type, a missing required argument. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** The idempotency key was already used with a different input: use a new key for a new change. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** Something failed that should not have: the details are logged with the request id, not shown. */
  | 'INTERNAL_SERVER_ERROR'
  /** The body of a POST request is not valid JSON (HTTP 400). */
  | 'INVALID_JSON'
  /**
   * A playground file is too large to send in the encoding the client accepts (HTTP 406): a Lambda response carries at
   * most 6 MiB. Request it with `Accept-Encoding: gzip`, as browsers do.
   */
  | 'NOT_ACCEPTABLE'
  /**
   * Something the request names does not exist: an OU or a user (`extensions.field` says which input named it), or, at
   * the HTTP level, a path the API does not serve.
   */
  | 'NOT_FOUND'
  /** The request names an operation the document does not contain, or a document with several operations names none. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The request body is larger than the API reads (1 MiB; HTTP 413); `extensions.maxBytes` gives the limit. */
  | 'PAYLOAD_TOO_LARGE'
  /** Persisted queries: the server does not know the query with this hash; send the full query. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Persisted queries are not supported. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** No API key was sent in the `x-api-key` header, or it is not valid (HTTP 401). */
  | 'UNAUTHENTICATED'
  /**
   * The database is unavailable or overloaded, or the playground is not built; nothing was written. Retry later
   * (`extensions.retryable`, `extensions.retryAfterSeconds`), with the same idempotency key for a mutation.
   */
  | 'UNAVAILABLE'
  /** A POST request is not sent as `Content-Type: application/json` in UTF-8 (HTTP 415). */
  | 'UNSUPPORTED_MEDIA_TYPE';

/** A role to grant. */
export type GrantAdminRoleInput = {
  /** The person's address, in one of the organization's domains. */
  email: Scalars['String']['input'];
  /** Makes the mutation safe to repeat. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** For ORG_UNIT_ADMIN: path of the OU whose subtree they may read and change. */
  orgUnitScope?: InputMaybe<Scalars['String']['input']>;
  /** The role. */
  role: Role;
};

/** The granted role. */
export type GrantAdminRolePayload = {
  __typename?: 'GrantAdminRolePayload';
  /** The administrator and their role. */
  adminRole: AdminRole;
};

/**
 * A configuration group: users of any OU and other groups, whose mail access settings override their OUs' (setting by
 * setting; between groups, the one higher in the priority order wins).
 */
export type Group = {
  __typename?: 'Group';
  /** When the group was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text about the group (at most 1000 characters); null if none. */
  description?: Maybe<Scalars['String']['output']>;
  /** The group's address, in one of the organization's domains; null if it has none. */
  email?: Maybe<Scalars['String']['output']>;
  /** How many groups are direct members. */
  groupMemberCount: Scalars['Int']['output'];
  /** Stable identifier of the group. */
  id: Scalars['ID']['output'];
  /**
   * The settings the group sets; a null setting is not set by the group (its members get it from a lower-priority group,
   * else from their OU).
   */
  mailAccessPolicy: MailAccessPolicy;
  /** The groups this group is a direct member of (at most 20). */
  memberOf: Array<Group>;
  /**
   * The direct members, groups first (by id), then users (by address). An OU administrator sees the users within its
   * scope and the groups that reach some, so a page may hold fewer than `first`.
   */
  members: GroupMemberConnection;
  /** The group's name, unique in the organization (1 to 100 characters). */
  name: Scalars['String']['output'];
  /**
   * The group's place in the priority order: 1 is the highest. For each setting, a user gets the value of the
   * highest-priority group they belong to that sets it.
   */
  priority: Scalars['Int']['output'];
  /** When the group last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How many users are direct members. */
  userMemberCount: Scalars['Int']['output'];
  /** Increases by one with every change of this group; pass it as `expectedVersion` to detect concurrent changes. */
  version: Scalars['Int']['output'];
};


/**
 * A configuration group: users of any OU and other groups, whose mail access settings override their OUs' (setting by
 * setting; between groups, the one higher in the priority order wins).
 */
export type GroupMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of groups, in priority order. */
export type GroupConnection = {
  __typename?: 'GroupConnection';
  /** The groups of this page, each with its cursor. */
  edges: Array<GroupEdge>;
  /** The groups of this page. */
  nodes: Array<Group>;
  /** Whether more groups follow. */
  pageInfo: PageInfo;
};

/** A group in a page. */
export type GroupEdge = {
  __typename?: 'GroupEdge';
  /** Pass as `after` to continue after this group. */
  cursor: Scalars['String']['output'];
  /** The group. */
  node: Group;
};

/**
 * What a change of configuration groups does to the people it reaches: the members of the groups it touches (directly
 * or through nesting) and the users it names, each counted with all their groups and their own settings.
 */
export type GroupMailAccessImpact = {
  __typename?: 'GroupMailAccessImpact';
  /**
   * Who gains or loses IMAP, or some IMAP clients, counted as `MailAccessImpact.imap` (working access: IMAP enabled in
   * their own settings).
   */
  imap: ImapAccessImpact;
  /** Who gains or loses password sign-in (less secure apps), counted as `MailAccessImpact.lessSecureApps`. */
  lessSecureApps: AccessImpact;
  /** The people the change reaches. */
  membersReached: Scalars['Int']['output'];
  /**
   * Who gains or loses POP, counted as `MailAccessImpact.pop` counts an OU change's users (working access: POP on in
   * their own settings), each with their higher-priority groups and their OU.
   */
  pop: AccessImpact;
  /** Of those losing IMAP, the people who have IMAP turned on in their own settings: cut off now. */
  usersCutOffFromImap: Scalars['Int']['output'];
  /** Of those losing POP, the people who have POP turned on in their own settings: cut off now. */
  usersCutOffFromPop: Scalars['Int']['output'];
  /** People for whom the administrator's IMAP access goes from off to on. */
  usersGainingImap: Scalars['Int']['output'];
  /** People for whom the administrator's POP access goes from off to on. */
  usersGainingPop: Scalars['Int']['output'];
  /** People for whom the administrator's IMAP access goes from on to off. */
  usersLosingImap: Scalars['Int']['output'];
  /** People for whom the administrator's POP access goes from on to off. */
  usersLosingPop: Scalars['Int']['output'];
  /** Of those, the people for whom some setting in force changes. */
  usersWithChangedSettings: Scalars['Int']['output'];
  /** People who keep IMAP but may use fewer mail clients with it (restricted to a list, or to a shorter one). */
  usersWithFewerImapClients: Scalars['Int']['output'];
};

/** A direct member of a group: a user or a group. */
export type GroupMember = Group | User;

/** A page of a group's members. */
export type GroupMemberConnection = {
  __typename?: 'GroupMemberConnection';
  /** The members of this page, each with its cursor. */
  edges: Array<GroupMemberEdge>;
  /** The members of this page. */
  nodes: Array<GroupMember>;
  /** Whether more members follow. */
  pageInfo: PageInfo;
};

/** A member in a page. */
export type GroupMemberEdge = {
  __typename?: 'GroupMemberEdge';
  /** Pass as `after` to continue after this member. */
  cursor: Scalars['String']['output'];
  /** The member. */
  node: GroupMember;
};

/** Members to add to or remove from a group named by `groupId` or `groupName` (exactly one): at most 25 in all. */
export type GroupMembersInput = {
  /** Preview only: what the change would do, without writing anything. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** The group's stable id. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** Groups, by id. */
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The group's name. */
  groupName?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Users, by address (any OU). */
  userEmails?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A membership change (or its preview). */
export type GroupMembersPayload = {
  __typename?: 'GroupMembersPayload';
  /** True when some member joined or left (false: nothing to do). */
  changed: Scalars['Boolean']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** The group, as the change leaves it (would leave it, for a dry run: its member counts). */
  group: Group;
  /** What the change does to the people it reaches: the users named, and the members of the groups named. */
  impact: GroupMailAccessImpact;
  /** What the administrator must know about the change. */
  warnings: Array<Warning>;
};

/** A group in effect for a user: one the user belongs to directly, or one such a group is inside. */
export type GroupMembership = {
  __typename?: 'GroupMembership';
  /** True when the user belongs to the group directly. */
  direct: Scalars['Boolean']['output'];
  /** The group. */
  group: Group;
  /** The groups from one the user belongs to directly up to this one (this one last; only this one when direct). */
  path: Array<Group>;
};

/** A page of the groups in effect for a user, in priority order. */
export type GroupMembershipConnection = {
  __typename?: 'GroupMembershipConnection';
  /** The memberships of this page, each with its cursor. */
  edges: Array<GroupMembershipEdge>;
  /** The memberships of this page. */
  nodes: Array<GroupMembership>;
  /** Whether more follow. */
  pageInfo: PageInfo;
  /** How many groups are in effect for the user in all. */
  totalCount: Scalars['Int']['output'];
};

/** A membership in a page. */
export type GroupMembershipEdge = {
  __typename?: 'GroupMembershipEdge';
  /** Pass as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The membership. */
  node: GroupMembership;
};

/**
 * Who gains or loses IMAP through a change. _Access_ to IMAP means the administrator lets some client use it: IMAP on,
 * and not restricted to an empty list (an empty allow-list counts everyone under it as losing IMAP, and everyone with
 * IMAP on as losing working access). Which mail client a user uses cannot be known, so a change of which clients may use
 * IMAP counts users whose set of usable clients shrinks (from any client to a list, or clients taken off the list:
 * clients outside the list, password clients and service-account clients are refused) or grows.
 */
export type ImapAccessImpact = {
  __typename?: 'ImapAccessImpact';
  /** Users the administrator allows IMAP (for some client) after the change and did not allow it before. */
  usersGainingAccess: Scalars['Int']['output'];
  /** Users who keep IMAP and may use clients they could not use before. */
  usersGainingClients: Scalars['Int']['output'];
  /** Of `usersGainingAccess`, those with IMAP on in their own settings: IMAP works for them at once. */
  usersGainingWorkingAccess: Scalars['Int']['output'];
  /** Of `usersGainingClients`, those with IMAP on in their own settings. */
  usersGainingWorkingClients: Scalars['Int']['output'];
  /** Users the administrator allowed IMAP (for some client) before the change and does not allow it after. */
  usersLosingAccess: Scalars['Int']['output'];
  /** Users who keep IMAP, but for fewer clients than before. */
  usersLosingClients: Scalars['Int']['output'];
  /** Of `usersLosingAccess`, those with IMAP on in their own settings: every IMAP client they use stops working. */
  usersLosingWorkingAccess: Scalars['Int']['output'];
  /**
   * Of `usersLosingClients`, those with IMAP on in their own settings: a client they use today may stop working (any
   * client not on the new list, and every password client).
   */
  usersLosingWorkingClients: Scalars['Int']['output'];
};

/** Which mail clients may use IMAP. */
export type ImapClientAccess = {
  __typename?: 'ImapClientAccess';
  /** The OAuth client ids allowed in OAUTH_ALLOWLIST mode, in the administrator's order; empty in ANY_CLIENT mode. */
  allowedOAuthClientIds: Array<Scalars['String']['output']>;
  /** The allowed clients, each with its name where it is a well-known client. */
  allowedOAuthClients: Array<OAuthClient>;
  /** Any client, or only listed OAuth clients. */
  mode: ImapClientMode;
};

/** A change to which mail clients may use IMAP. Give the allow-list either as a list or as comma-separated text, not both. */
export type ImapClientAccessInput = {
  /**
   * The allowed OAuth client ids (OAUTH_ALLOWLIST only): trimmed, de-duplicated, kept in this order; at most 100.
   * Without a list, OAUTH_ALLOWLIST keeps the list in force on the OU: its own list, or, for an OU that inherits an
   * allow-list, a copy of the inherited list, which becomes the OU's own (warning COPIED_INHERITED_ALLOWLIST; the OU no
   * longer follows its parent's list). Only an OU with neither gets an empty list, which blocks every IMAP client.
   */
  allowedOAuthClientIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The same as comma-separated text, as pasted from the admin console. */
  allowedOAuthClientIdsCsv?: InputMaybe<Scalars['String']['input']>;
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

/** A mail client whose OAuth client id is well known. */
export type KnownMailClient = {
  __typename?: 'KnownMailClient';
  /** Its OAuth client id. */
  clientId: Scalars['String']['output'];
  /** The client's name, e.g. Apple iOS Mail. */
  name: Scalars['String']['output'];
};

/** Whether a user may fetch mail with a client over a protocol, and why. */
export type MailAccessDecision = {
  __typename?: 'MailAccessDecision';
  /** True when the client may use the protocol. */
  allowed: Scalars['Boolean']['output'];
  /** The deciding setting and its source. */
  decidedBy: DecidedBy;
  /** One sentence saying why, naming the OU the deciding setting comes from. */
  explanation: Scalars['String']['output'];
  /** A recent change may not have reached every client yet (up to 24 hours), so clients may still behave as before. */
  propagationPending: Scalars['Boolean']['output'];
  /** The rule that decided. */
  reason: AccessReason;
  /** The user asked about. */
  userEmail: Scalars['String']['output'];
  /** Whether the user is told that the sign-in was refused: false when IMAP is off (it fails silently); null when allowed. */
  userNotified?: Maybe<Scalars['Boolean']['output']>;
};

/** The question: may this user use this client over this protocol? */
export type MailAccessDecisionInput = {
  /** The mail client. */
  client: MailClientInput;
  /** POP or IMAP. */
  protocol: MailProtocol;
  /** The user's email address. */
  userEmail: Scalars['String']['input'];
};

/**
 * What a change does to users: who gains or loses POP, IMAP and password sign-in, and which OUs' effective values change.
 * For a policy change, the OU's subtree; for a bulk change, the subtrees of all its OUs; for a move of an OU, the moved
 * subtree; for a move of a user, that one user (and no OU changes).
 */
export type MailAccessImpact = {
  __typename?: 'MailAccessImpact';
  /** The OUs whose effective settings change, in tree order (none for a user's move). */
  changedOrgUnits: OrgUnitImpactConnection;
  /** Who gains or loses IMAP, or some IMAP clients. Working access: IMAP enabled in the user's own settings. */
  imap: ImapAccessImpact;
  /**
   * Who gains or loses password sign-in (less secure apps). The administrator allows it to a user while less secure apps
   * are allowed and POP, or IMAP for any client, is on; it works for a user who also has less secure apps on and has
   * such a protocol on. A user may lose working password sign-in while still allowed it (say POP goes off and they only
   * use POP while IMAP stays open to any client): `usersLosingWorkingAccess` counts them, `usersLosingAccess` does not.
   */
  lessSecureApps: AccessImpact;
  /** Who gains or loses POP. Working access: POP on in the user's own settings (an access window other than DISABLED). */
  pop: AccessImpact;
  /**
   * Users who gain IMAP access (for some client).
   * @deprecated Use `imap.usersGainingAccess` (and `imap.usersGainingWorkingAccess`).
   */
  usersGainingImap: Scalars['Int']['output'];
  /**
   * Users who gain POP access.
   * @deprecated Use `pop.usersGainingAccess` (and `pop.usersGainingWorkingAccess`).
   */
  usersGainingPop: Scalars['Int']['output'];
  /**
   * Users who lose IMAP access (for every client; an empty allow-list counts).
   * @deprecated Use `imap.usersLosingAccess` (and `imap.usersLosingWorkingAccess`).
   */
  usersLosingImap: Scalars['Int']['output'];
  /**
   * Users who lose POP access.
   * @deprecated Use `pop.usersLosingAccess` (and `pop.usersLosingWorkingAccess`).
   */
  usersLosingPop: Scalars['Int']['output'];
};


/**
 * What a change does to users: who gains or loses POP, IMAP and password sign-in, and which OUs' effective values change.
 * For a policy change, the OU's subtree; for a bulk change, the subtrees of all its OUs; for a move of an OU, the moved
 * subtree; for a move of a user, that one user (and no OU changes).
 */
export type MailAccessImpactChangedOrgUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The POP and IMAP settings chosen on one OU; each null setting is inherited from the parent OU. */
export type MailAccessPolicy = {
  __typename?: 'MailAccessPolicy';
  /** When a POP or IMAP setting of this OU was last saved; null if never. */
  changedAt?: Maybe<Scalars['DateTime']['output']>;
  /** IMAP access: whether IMAP clients may sign in. Null: inherited. */
  imapAccess?: Maybe<Toggle>;
  /** Which mail clients may use IMAP. Null: inherited. */
  imapClientAccess?: Maybe<ImapClientAccess>;
  /**
   * Less secure apps: whether clients that sign in with a password (without OAuth) may be used, once the user also
   * turns less secure apps on. Null: inherited.
   */
  lessSecureApps?: Maybe<Toggle>;
  /** POP access: whether POP clients may fetch mail. Null: inherited. */
  popAccess?: Maybe<Toggle>;
};

/** The change to apply to each OU: the same fields as `updateMailAccessPolicy`, left-out settings unchanged. */
export type MailAccessPolicyChangeInput = {
  /** IMAP access: ON, OFF or INHERIT. */
  imapAccess?: InputMaybe<ToggleChange>;
  /** Which clients may use IMAP. */
  imapClientAccess?: InputMaybe<ImapClientAccessInput>;
  /** Less secure apps: ON, OFF or INHERIT. */
  lessSecureApps?: InputMaybe<ToggleChange>;
  /** POP access: ON, OFF or INHERIT. */
  popAccess?: InputMaybe<ToggleChange>;
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
  oauthClientId?: InputMaybe<Scalars['String']['input']>;
};

/** A mail protocol. */
export type MailProtocol =
  /** IMAP: clients sign in and sync mail. */
  | 'IMAP'
  /** POP: clients fetch mail. */
  | 'POP';

/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds OAuth clients to an OU's IMAP allow-list without a read-modify-write race: concurrent additions of different
   * clients all end up in the list, each with its own audit event. An OU that inherits an allow-list first gets its own
   * copy of it (warning COPIED_INHERITED_ALLOWLIST). On an OU whose IMAP client access is ANY_CLIENT (its own or
   * inherited), adding clients would switch it to the allow-list and cut off every other client: that is
   * FAILED_PRECONDITION (field `switchToAllowlist`) unless the input says `switchToAllowlist: true`, and the warnings
   * then say who is cut off (ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS,
   * ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS, IOS_MAIL_NOT_ALLOWLISTED). With `dryRun: true` the same payload previews
   * the edit (or the same refusal), writing and auditing nothing.
   */
  addAllowedOAuthClients: UpdateMailAccessPolicyPayload;
  /**
   * Adds members to a group: users (by address, in any OU) and groups (by id), at most 25 per request. Nesting that
   * would make a cycle, or a chain of more than 10 groups, is refused (BAD_USER_INPUT naming the group). Members already
   * in the group are left alone. With groups among the members, the change reaches their members too; it is applied to
   * them as a fenced, resumable fan-out. `dryRun: true` previews what it does. Super administrators only.
   */
  addGroupMembers: GroupMembersPayload;
  /**
   * Applies one change to several OUs at once (the admin console's "repeat for each OU"), all or nothing: at most 19
   * OUs per request, since each OU's change and audit events must fit with the others in one DynamoDB transaction
   * (100 items). Returns each OU's result with its warnings, and one impact preview for all of them together.
   */
  applyMailAccessPolicy: ApplyMailAccessPolicyPayload;
  /**
   * Creates an API key for a partner integration. The secret is returned once, here, and stored only as a hash.
   * Super administrators only.
   */
  createApiKey: CreateApiKeyPayload;
  /**
   * Creates a configuration group, last in the priority order, with no member and no setting. Super administrators only.
   * An organization has at most 1000 groups.
   */
  createGroup: CreateGroupPayload;
  /** Creates an OU under an existing parent. Its name must be unique (ignoring case) among its siblings. */
  createOrgUnit: CreateOrgUnitPayload;
  /** Adds a user to an OU. The address must belong to one of the organization's mail domains. */
  createUser: CreateUserPayload;
  /**
   * Deletes a group. A group with members or settings is deleted only with `force: true`; `dryRun: true` previews what
   * deleting it does to the people it reaches (each falls back to their other groups and their OU). The group stops
   * counting for everyone at once; its members are then taken out of it (a fan-out, resumable by the next writer if this
   * one stops). Super administrators only.
   */
  deleteGroup: DeleteGroupPayload;
  /** Deletes an OU that has no child OUs and no users. The root cannot be deleted. */
  deleteOrgUnit: DeleteOrgUnitPayload;
  /** Removes a user. */
  deleteUser: DeleteUserPayload;
  /**
   * Gives a person (an address in one of the organization's domains, never a consumer account) an administrator role.
   * Super administrators only.
   */
  grantAdminRole: GrantAdminRolePayload;
  /**
   * Removes OAuth clients from an OU's IMAP allow-list, safely under concurrent changes. Ids not on the list are ignored.
   * An OU that inherits an allow-list first gets its own copy of it (warning COPIED_INHERITED_ALLOWLIST). With
   * `dryRun: true` the same payload previews the edit, writing and auditing nothing.
   */
  removeAllowedOAuthClients: UpdateMailAccessPolicyPayload;
  /**
   * Removes members from a group (users by address, groups by id; at most 25 per request); members not in the group are
   * ignored. Each user falls back to their other groups and their OU. `dryRun: true` previews it. Super administrators
   * only.
   */
  removeGroupMembers: GroupMembersPayload;
  /** Takes a person's administrator role away. Super administrators only. */
  revokeAdminRole: RevokeAdminRolePayload;
  /** Revokes an API key; requests with it are refused from the next one on. Super administrators only. */
  revokeApiKey: RevokeApiKeyPayload;
  /**
   * Moves a group to a place in the priority order (1: the highest); the other groups keep their relative order, so the
   * order stays total and without gaps. Concurrent moves are applied one after the other. `dryRun: true` previews what
   * the move does to the group's members. Super administrators only.
   */
  setGroupPriority: SetGroupPriorityPayload;
  /** Renames a group, changes its address or its description. Super administrators only. */
  updateGroup: UpdateGroupPayload;
  /**
   * Changes the POP and IMAP settings of a configuration group, with the input of `updateMailAccessPolicy`: settings left
   * out stay as they are, and `INHERIT` means "not set by the group" (its members then get the setting from a
   * lower-priority group, else from their OU). Returns the warnings and the impact on the people the group reaches,
   * counted with their higher-priority groups and their own settings. Super administrators only.
   */
  updateGroupMailAccessPolicy: UpdateGroupMailAccessPolicyPayload;
  /**
   * Changes the POP and IMAP settings of one OU. Settings left out stay as they are; `INHERIT` removes this OU's own
   * value so that it inherits from its parent again. Returns the effective settings after the change, the warnings an
   * administrator must see, and a preview of the impact on the OU's subtree. With `dryRun: true` nothing is written:
   * the same payload previews the change. A change that changes nothing writes nothing. Choosing OAUTH_ALLOWLIST
   * without a list keeps the list in force instead of emptying it: an OU that inherits an allow-list gets a copy of it as
   * its own (warning COPIED_INHERITED_ALLOWLIST).
   */
  updateMailAccessPolicy: UpdateMailAccessPolicyPayload;
  /**
   * The signed-in user changes their own mail settings, as in Gmail's settings page: a person signed in with OpenID
   * Connect who is a user of the organization (an administrator too, for their own mailbox); API keys are FORBIDDEN,
   * and a person who is no user here gets NOT_FOUND. Each setting can only be changed while the administrator makes it
   * available (`viewer.user.effectiveMailAccess.availableToUser`), otherwise FAILED_PRECONDITION naming the field.
   * Audited like every change, with the user as the actor. A mutation of its own rather than `updateUserMailSettings`
   * allowed on oneself: the token says whose settings they are, so the page needs no address and a user can name no
   * one else (nothing to probe, no scope to get wrong), while `updateUserMailSettings` stays the administrators' verb
   * with one rule.
   */
  updateMyMailSettings: UpdateMyMailSettingsPayload;
  /**
   * Renames an OU, moves it under another parent, or changes its description. A rename or move changes the
   * paths of the whole subtree at once: readers see either the old tree or the new one, never a mix. A move changes
   * the settings the subtree inherits: the payload's `impact` and `warnings` say what it does to users (as for a policy
   * change), and with `dryRun: true` the move is checked and previewed without writing anything.
   */
  updateOrgUnit: UpdateOrgUnitPayload;
  /**
   * Renames a user or moves them to another OU. A move changes the settings that apply to the user: the payload's
   * `impact` and `warnings` say what it does (as for a policy change), and with `dryRun: true` it is only previewed.
   */
  updateUser: UpdateUserPayload;
  /**
   * An administrator changes a user's own mail settings on the user's behalf (the user changes them with
   * `updateMyMailSettings`). Each can only be changed while the administrator allows it for the user's OU (otherwise
   * FAILED_PRECONDITION naming the field): IMAP settings while IMAP is on, POP settings while POP is on, less secure
   * apps while the administrator allows them and POP or IMAP is on (`availableToUser`).
   */
  updateUserMailSettings: UpdateUserMailSettingsPayload;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationAddAllowedOAuthClientsArgs = {
  input: AllowedOAuthClientsInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationAddGroupMembersArgs = {
  input: GroupMembersInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationApplyMailAccessPolicyArgs = {
  input: ApplyMailAccessPolicyInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationCreateOrgUnitArgs = {
  input: CreateOrgUnitInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationDeleteGroupArgs = {
  input: DeleteGroupInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationDeleteOrgUnitArgs = {
  input: DeleteOrgUnitInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationDeleteUserArgs = {
  input: DeleteUserInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationGrantAdminRoleArgs = {
  input: GrantAdminRoleInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationRemoveAllowedOAuthClientsArgs = {
  input: AllowedOAuthClientsInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationRemoveGroupMembersArgs = {
  input: GroupMembersInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationRevokeAdminRoleArgs = {
  input: RevokeAdminRoleInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationSetGroupPriorityArgs = {
  input: SetGroupPriorityInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateGroupArgs = {
  input: UpdateGroupInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateGroupMailAccessPolicyArgs = {
  input: UpdateGroupMailAccessPolicyInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateMailAccessPolicyArgs = {
  input: UpdateMailAccessPolicyInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateMyMailSettingsArgs = {
  input: UpdateMyMailSettingsInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateOrgUnitArgs = {
  input: UpdateOrgUnitInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/** Entry points for changing settings. Every mutation takes one `input` argument and returns a payload. */
export type MutationUpdateUserMailSettingsArgs = {
  input: UpdateUserMailSettingsInput;
};

/** An OAuth client allowed to use IMAP. */
export type OAuthClient = {
  __typename?: 'OAuthClient';
  /** The Google OAuth client id, `<project number>-<letters and digits>.apps.googleusercontent.com`. */
  clientId: Scalars['String']['output'];
  /** The mail client's name where it is well known (e.g. Apple iOS Mail), otherwise null. */
  name?: Maybe<Scalars['String']['output']>;
};

/**
 * An organizational unit (OU): a node of the organization's tree. Every user belongs to exactly one OU, and
 * settings chosen on an OU apply to its users and are inherited by its child OUs.
 */
export type OrgUnit = {
  __typename?: 'OrgUnit';
  /** All OUs above this one, root first, parent last; empty for the root. */
  ancestors: Array<OrgUnit>;
  /** The audit log of this OU (and, with `includeSubOrgUnits`, of its whole subtree), newest first. */
  auditEvents: AuditEventConnection;
  /** Child OUs, ordered by name (ignoring case). */
  children: OrgUnitConnection;
  /** When the OU was created. */
  createdAt: Scalars['DateTime']['output'];
  /** How many levels below the root this OU is: 0 for the root, at most 35. */
  depth: Scalars['Int']['output'];
  /** Free text for administrators. */
  description?: Maybe<Scalars['String']['output']>;
  /** The POP and IMAP settings in force for this OU's users, each with where it comes from. */
  effectiveMailAccess: EffectiveMailAccess;
  /** Stable identifier: it never changes, even when the OU is renamed or moved. */
  id: Scalars['ID']['output'];
  /** The POP and IMAP settings chosen on this OU itself; a null setting is inherited from the parent OU. */
  mailAccessPolicy: MailAccessPolicy;
  /** The OU's own name (the last part of its path). The root's name is the organization's name. */
  name: Scalars['String']['output'];
  /** The OU directly above this one; null for the root. */
  parent?: Maybe<OrgUnit>;
  /**
   * Full path from the root, e.g. `/Sales/EMEA`; derived from the names of the OU and its ancestors, so it
   * changes on rename or move. The root's path is `/`.
   */
  path: Scalars['String']['output'];
  /** When the OU last changed (any change that increases `version`). */
  updatedAt: Scalars['DateTime']['output'];
  /** How many users belong directly to this OU. */
  userCount: Scalars['Int']['output'];
  /** Users of this OU, ordered by email; with `includeSubOrgUnits`, also the users of every OU below it (OU by OU). */
  users: UserConnection;
  /**
   * Increases by one with every change of this OU; pass it as `expectedVersion` to change the OU only if
   * nobody else changed it since you read it.
   */
  version: Scalars['Int']['output'];
};


/**
 * An organizational unit (OU): a node of the organization's tree. Every user belongs to exactly one OU, and
 * settings chosen on an OU apply to its users and are inherited by its child OUs.
 */
export type OrgUnitAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSubOrgUnits?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * An organizational unit (OU): a node of the organization's tree. Every user belongs to exactly one OU, and
 * settings chosen on an OU apply to its users and are inherited by its child OUs.
 */
export type OrgUnitChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An organizational unit (OU): a node of the organization's tree. Every user belongs to exactly one OU, and
 * settings chosen on an OU apply to its users and are inherited by its child OUs.
 */
export type OrgUnitUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSubOrgUnits?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of OUs. */
export type OrgUnitConnection = {
  __typename?: 'OrgUnitConnection';
  /** The OUs of this page, each with its cursor. */
  edges: Array<OrgUnitEdge>;
  /** The OUs of this page, without cursors. */
  nodes: Array<OrgUnit>;
  /** Whether more OUs follow, and the cursor to read them. */
  pageInfo: PageInfo;
};

/** An OU in a page, with the cursor that points just after it. */
export type OrgUnitEdge = {
  __typename?: 'OrgUnitEdge';
  /** Pass as `after` to continue after this OU. */
  cursor: Scalars['String']['output'];
  /** The OU. */
  node: OrgUnit;
};

/** An OU whose effective settings the change alters, with what it changes for the OU's own users (not its descendants'). */
export type OrgUnitImpact = {
  __typename?: 'OrgUnitImpact';
  /** The settings whose effective value changes on this OU. */
  changedSettings: Array<MailAccessSetting>;
  /** Who of this OU's users gains or loses IMAP, or IMAP clients. */
  imap: ImapAccessImpact;
  /** Who of this OU's users gains or loses password sign-in (less secure apps); see `MailAccessImpact.lessSecureApps`. */
  lessSecureApps: AccessImpact;
  /** The OU. */
  orgUnit: OrgUnit;
  /** Who of this OU's users gains or loses POP. */
  pop: AccessImpact;
  /** Users directly in this OU. */
  userCount: Scalars['Int']['output'];
};

/** A page of affected OUs. */
export type OrgUnitImpactConnection = {
  __typename?: 'OrgUnitImpactConnection';
  /** The affected OUs of this page, each with its cursor. */
  edges: Array<OrgUnitImpactEdge>;
  /** The affected OUs of this page. */
  nodes: Array<OrgUnitImpact>;
  /** Whether more follow. */
  pageInfo: PageInfo;
  /** How many OUs are affected in all. */
  totalCount: Scalars['Int']['output'];
};

/** An affected OU in a page. */
export type OrgUnitImpactEdge = {
  __typename?: 'OrgUnitImpactEdge';
  /** Pass as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The affected OU. */
  node: OrgUnitImpact;
};

/** An OU, named by exactly one of its path and its id. */
export type OrgUnitRefInput = {
  /** The OU's stable id. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** The OU's path, e.g. `/Sales`. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
};

/** Where a page of a list stands, for cursor pagination (Relay connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page, or null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last one of this page; pass `endCursor` as `after` to read them. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** When POP may fetch mail, as the user chooses in Gmail. */
export type PopAccessWindow =
  /** POP fetches all mail, including mail already downloaded. */
  | 'ALL_MAIL'
  /** POP is off for this user. */
  | 'DISABLED'
  /** POP fetches mail that arrives from now on. */
  | 'FROM_NOW_ON';

/** How far a saved change has travelled: it can take up to 24 hours to reach every mail client. */
export type Propagation = {
  __typename?: 'Propagation';
  /** When that change is expected to have reached every client (24 hours after it); null if none was saved. */
  completeBy?: Maybe<Scalars['DateTime']['output']>;
  /** The latest save of a POP or IMAP setting on this OU or an ancestor; null if none was ever saved. */
  lastChangedAt?: Maybe<Scalars['DateTime']['output']>;
  /** True until `completeBy`: clients may still behave as before the change. */
  pending: Scalars['Boolean']['output'];
};

/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type Query = {
  __typename?: 'Query';
  /** The organization's administrators and their roles. Super administrators only. */
  adminRoles: AdminRoleConnection;
  /** The organization's API keys (never their secrets). Super administrators only. */
  apiKeys: ApiKeyConnection;
  /**
   * The audit log: every privileged change, newest first: mail settings of OUs and users, OUs and users created,
   * renamed, moved or deleted, API keys created or revoked, administrator roles granted or revoked. Events that
   * concern no OU (API keys, roles) are shown to super administrators only; an OU administrator sees its subtree's.
   */
  auditEvents: AuditEventConnection;
  /** The organization the caller belongs to. */
  customer: Customer;
  /**
   * One configuration group, by id or by name (exactly one); null if there is none. Any administrator may read groups;
   * an OU administrator only those that reach a user within its scope (a member, directly or through nesting).
   */
  group?: Maybe<Group>;
  /**
   * The configuration groups in priority order, highest first (an OU administrator sees only the groups that reach users
   * within its scope).
   */
  groups: GroupConnection;
  /** Mail clients whose OAuth client ids are well known, to pick from when restricting IMAP to listed clients. */
  knownMailClients: Array<KnownMailClient>;
  /** Whether a user may fetch mail with a given client over POP or IMAP, and why. */
  mailAccessDecision: MailAccessDecision;
  /** Many access decisions at once (at most 100), in the order asked; reads are batched. */
  mailAccessDecisions: Array<MailAccessDecision>;
  /**
   * One organizational unit, found by its path (e.g. `/Sales/EMEA`; case does not matter) or by its stable id.
   * Give exactly one of `orgUnitPath` and `orgUnitId`. Returns null when no such OU exists within the caller's reach.
   */
  orgUnit?: Maybe<OrgUnit>;
  /**
   * A page of the subtree under an OU (the OU itself first), in tree order: each OU before its children, children by
   * name (ignoring case), each child's whole subtree before the next child. Select each OU's `mailAccessPolicy` and
   * `effectiveMailAccess` (with sources) to draw an admin console's tree in one request: a page costs the same few
   * DynamoDB round trips whatever the size or depth of the subtree. NOT_FOUND when the OU does not exist or lies outside
   * the caller's reach.
   */
  orgUnits: OrgUnitConnection;
  /** One user of the caller's organization, by email address (case does not matter); null if there is none. */
  user?: Maybe<User>;
  /**
   * Several users at once, by email address, in the order asked (null where there is none): at most 100. Reads are
   * batched, so 100 users cost no more round trips than one.
   */
  users: Array<Maybe<User>>;
  /** Who is calling: the kind of caller, its role and, for an OU administrator, the subtree it may read and change. */
  viewer: Viewer;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryAdminRolesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryGroupArgs = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  groupName?: InputMaybe<Scalars['String']['input']>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryMailAccessDecisionArgs = {
  input: MailAccessDecisionInput;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryMailAccessDecisionsArgs = {
  inputs: Array<MailAccessDecisionInput>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryOrgUnitArgs = {
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryOrgUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  under: OrgUnitRefInput;
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryUserArgs = {
  email: Scalars['String']['input'];
};


/** Entry points for reading. Every read is scoped to the caller's customer (organization). */
export type QueryUsersArgs = {
  emails: Array<Scalars['String']['input']>;
};

/** The role to take away. */
export type RevokeAdminRoleInput = {
  /** The administrator's address. */
  email: Scalars['String']['input'];
  /** Makes the mutation safe to repeat. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** What was taken away. */
export type RevokeAdminRolePayload = {
  __typename?: 'RevokeAdminRolePayload';
  /** The address that no longer holds a role. */
  email: Scalars['String']['output'];
};

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** The key's id. */
  id: Scalars['ID']['input'];
  /** Makes the mutation safe to repeat. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The revoked key. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** The key, with its revocation time. */
  apiKey: ApiKey;
};

/** What a caller may do in its organization. */
export type Role =
  /** Reads and writes within one OU subtree (`orgUnitScope`); cannot widen its own rights. */
  | 'ORG_UNIT_ADMIN'
  /** Reads only. */
  | 'READ_ONLY'
  /** Everything in the organization, including API keys and administrator roles. */
  | 'SUPER_ADMIN';

/** A group's new place in the priority order; the group is named by `groupId` or `groupName` (exactly one). */
export type SetGroupPriorityInput = {
  /** Preview only: what the move would do, without writing anything. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** The group's stable id. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** The group's name. */
  groupName?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The new place: 1 (the highest) to the number of groups. */
  priority: Scalars['Int']['input'];
};

/** A move in the priority order (or its preview). */
export type SetGroupPriorityPayload = {
  __typename?: 'SetGroupPriorityPayload';
  /** True when the group moved (false: it was already there). */
  changed: Scalars['Boolean']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** The group moved. */
  group: Group;
  /** What the move does to the group's members. */
  impact: GroupMailAccessImpact;
  /** Its place after the move (1: the highest). */
  priority: Scalars['Int']['output'];
  /** What the administrator must know about the change. */
  warnings: Array<Warning>;
};

/** Where an effective setting comes from: this OU, a named ancestor, or the default. */
export type SettingSource = {
  __typename?: 'SettingSource';
  /** The configuration group the value is set on (kind GROUP); null otherwise. */
  group?: Maybe<Group>;
  /** Set here, inherited, or the default. */
  kind: SettingSourceKind;
  /** The OU the value is set on; null for the default. */
  orgUnit?: Maybe<OrgUnit>;
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

/** Changes to one group, named by `groupId` or `groupName` (exactly one); fields left out stay as they are. */
export type UpdateGroupInput = {
  /** The new description, at most 1000 characters; an empty string removes it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The new address, in one of the organization's domains; an empty string removes it. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Apply only if the group is still at this version; otherwise CONFLICT with the current version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The group's stable id. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** The group's current name. */
  groupName?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The new name: 1 to 100 characters, unique in the organization. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A change to the POP and IMAP settings of one group, named by `groupId` or `groupName` (exactly one); the same fields as
 * `updateMailAccessPolicy`'s, where `INHERIT` means "not set by the group".
 */
export type UpdateGroupMailAccessPolicyInput = {
  /** Preview only: compute the payload without writing anything. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** Apply the change only if the group is still at this version; otherwise CONFLICT with the current version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The group's stable id. */
  groupId?: InputMaybe<Scalars['ID']['input']>;
  /** The group's name. */
  groupName?: InputMaybe<Scalars['String']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** IMAP access: ON, OFF, or INHERIT (not set by the group); left out: unchanged. */
  imapAccess?: InputMaybe<ToggleChange>;
  /**
   * Which clients may use IMAP (INHERIT: not set by the group); left out: unchanged. OAUTH_ALLOWLIST without a list
   * keeps the group's own list; a group without one (it inherits none) is FAILED_PRECONDITION naming
   * `imapClientAccess.allowedOAuthClientIds`.
   */
  imapClientAccess?: InputMaybe<ImapClientAccessInput>;
  /** Less secure apps: ON (allowed), OFF (not allowed), or INHERIT (not set by the group); left out: unchanged. */
  lessSecureApps?: InputMaybe<ToggleChange>;
  /** POP access: ON, OFF, or INHERIT (not set by the group); left out: unchanged. */
  popAccess?: InputMaybe<ToggleChange>;
};

/** The result of a change of a group's settings (or of its preview). */
export type UpdateGroupMailAccessPolicyPayload = {
  __typename?: 'UpdateGroupMailAccessPolicyPayload';
  /** True when the change alters the group's settings (false: nothing to save). */
  changed: Scalars['Boolean']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** The group, as it is after the change (unchanged for a dry run). */
  group: Group;
  /** What the change does to the group's members (directly or through nesting), with their other groups and own settings. */
  impact: GroupMailAccessImpact;
  /** The group's settings after the change (what would be saved, for a dry run). */
  mailAccessPolicy: MailAccessPolicy;
  /** What the administrator must know about this change. */
  warnings: Array<Warning>;
};

/** The group after the change. */
export type UpdateGroupPayload = {
  __typename?: 'UpdateGroupPayload';
  /** The group as it is now. */
  group: Group;
};

/** A change to one OU's POP and IMAP settings, named by `orgUnitPath` or `orgUnitId` (exactly one). */
export type UpdateMailAccessPolicyInput = {
  /** Preview only: compute the payload without writing anything. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** Apply the change only if the OU is still at this version; otherwise fail with CONFLICT and the current version. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** IMAP access: ON, OFF or INHERIT; left out: unchanged. */
  imapAccess?: InputMaybe<ToggleChange>;
  /** Which clients may use IMAP; left out: unchanged. */
  imapClientAccess?: InputMaybe<ImapClientAccessInput>;
  /** Less secure apps: ON (allowed), OFF (not allowed) or INHERIT; left out: unchanged. */
  lessSecureApps?: InputMaybe<ToggleChange>;
  /** The OU's stable id. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** The OU's path, e.g. `/Sales`. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
  /** POP access: ON, OFF or INHERIT; left out: unchanged. */
  popAccess?: InputMaybe<ToggleChange>;
};

/** The result of a change (or of its preview). */
export type UpdateMailAccessPolicyPayload = {
  __typename?: 'UpdateMailAccessPolicyPayload';
  /** True when the change alters this OU's own settings (false: nothing to save). */
  changed: Scalars['Boolean']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** The effective settings after the change (what they would be, for a dry run). */
  effectiveMailAccess: EffectiveMailAccess;
  /** The change's effect on the OU's subtree. */
  impact: MailAccessImpact;
  /** The OU's own settings after the change (what would be saved, for a dry run). */
  mailAccessPolicy: MailAccessPolicy;
  /** The OU, as it is after the change (unchanged for a dry run). */
  orgUnit: OrgUnit;
  /** When the change is expected to have reached every client. */
  propagation: Propagation;
  /** What the administrator must know about this change. */
  warnings: Array<Warning>;
};

/** A change of the signed-in user's own mail settings; fields left out stay as they are. */
export type UpdateMyMailSettingsInput = {
  /**
   * Preview only: the user as the change would leave them, checked like a save (a setting that is not available is
   * still FAILED_PRECONDITION), nothing written or audited.
   */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** Apply only if the user is still at this version (`viewer.user.version`); otherwise CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Enable or disable IMAP (only while the administrator allows IMAP). */
  imapEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Turn less secure apps on or off (only while the administrator allows them and POP or IMAP is on). */
  lessSecureAppsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** POP access window (only while the administrator allows POP). */
  popAccessWindow?: InputMaybe<PopAccessWindow>;
};

/** The signed-in user after the change (or as the change would leave them, for a dry run). */
export type UpdateMyMailSettingsPayload = {
  __typename?: 'UpdateMyMailSettingsPayload';
  /** True when the change alters the user's settings (false: nothing to save). */
  changed: Scalars['Boolean']['output'];
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /** The user as they are now; for a dry run, with the settings the change would give them, at their current version. */
  user: User;
};

/** Changes to one OU, named by `orgUnitId` or `orgUnitPath` (exactly one). Fields left out stay as they are. */
export type UpdateOrgUnitInput = {
  /** New description; an empty string clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Preview only: check the change and compute the payload without writing anything (nor auditing). */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** Apply the change only if the OU is still at this version; otherwise fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New name (renames the OU; the paths of its whole subtree change with it). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The OU's stable id. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** The OU's current path. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
  /** Stable id of the new parent (moves the OU with its whole subtree). */
  parentOrgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Path of the new parent (moves the OU with its whole subtree). At most one of `parentOrgUnitPath` and
   * `parentOrgUnitId`.
   */
  parentOrgUnitPath?: InputMaybe<Scalars['String']['input']>;
};

/** The OU after the change (or, for a dry run, as it is), and what the change does to users. */
export type UpdateOrgUnitPayload = {
  __typename?: 'UpdateOrgUnitPayload';
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /**
   * What a move does to the users of the moved subtree: who gains or loses POP, IMAP, IMAP clients and password
   * sign-in, and which OUs' effective settings change. Nothing for a rename or a description change.
   */
  impact: MailAccessImpact;
  /** The OU as it is now (unchanged for a dry run). */
  orgUnit: OrgUnit;
  /**
   * What the administrator must know about the move (the same warnings as for a policy change); empty when nobody's
   * effective settings change.
   */
  warnings: Array<Warning>;
};

/** Changes to one user; fields left out stay as they are. */
export type UpdateUserInput = {
  /** Preview only: check the change and compute the payload without writing anything (nor auditing). */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** The user's email address. */
  email: Scalars['String']['input'];
  /** Apply only if the user is still at this version; otherwise CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Stable id of the OU to move the user to. */
  orgUnitId?: InputMaybe<Scalars['ID']['input']>;
  /** Path of the OU to move the user to. At most one of `orgUnitPath` and `orgUnitId`. */
  orgUnitPath?: InputMaybe<Scalars['String']['input']>;
};

/** A change of a user's own mail settings; fields left out stay as they are. */
export type UpdateUserMailSettingsInput = {
  /** The user's email address. */
  email: Scalars['String']['input'];
  /** Apply only if the user is still at this version; otherwise CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Makes the mutation safe to repeat: a retry with the same key and the same input returns the original result without
   * writing again; the same key with another input fails with IDEMPOTENCY_KEY_REUSED. Keys are kept for 24 hours, per
   * caller. The Idempotency-Key HTTP header does the same for every mutation of a request.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Enable or disable IMAP (only while the administrator allows IMAP). */
  imapEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Turn less secure apps on or off (only while the administrator allows them). */
  lessSecureAppsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** POP access window (only while the administrator allows POP). */
  popAccessWindow?: InputMaybe<PopAccessWindow>;
};

/** The user after the change. */
export type UpdateUserMailSettingsPayload = {
  __typename?: 'UpdateUserMailSettingsPayload';
  /** The user as it is now. */
  user: User;
};

/** The user after the change (or, for a dry run, as they are), and what a move does to them. */
export type UpdateUserPayload = {
  __typename?: 'UpdateUserPayload';
  /** True when nothing was written because `dryRun` was set. */
  dryRun: Scalars['Boolean']['output'];
  /**
   * What a move to another OU does to this user: which of POP, IMAP, IMAP clients and password sign-in they gain or lose
   * (each count 0 or 1). `changedOrgUnits` is empty: no OU's settings change. Nothing for a rename.
   */
  impact: MailAccessImpact;
  /** The user as they are now (unchanged for a dry run). */
  user: User;
  /**
   * What the administrator must know about the move (the same warnings as for a policy change); empty when the user's
   * effective settings do not change.
   */
  warnings: Array<Warning>;
};

/** A person with a mailbox in the organization. Every user belongs to exactly one OU. */
export type User = {
  __typename?: 'User';
  /** When the user was added. */
  createdAt: Scalars['DateTime']['output'];
  /** What the administrator's settings and the user's own settings mean together for this user. */
  effectiveMailAccess: UserEffectiveMailAccess;
  /** The user's email address (lower-case), in one of the organization's domains. */
  email: Scalars['String']['output'];
  /**
   * The configuration groups in effect for the user (directly, or through nesting), highest priority first, each with
   * the path through nesting. A signed-in user sees only the groups' names.
   */
  groups: GroupMembershipConnection;
  /** The user's own mail settings. */
  mailSettings: UserMailSettings;
  /** The user's display name. */
  name: Scalars['String']['output'];
  /** The OU the user belongs to; its settings apply to the user. */
  orgUnit: OrgUnit;
  /** When the user last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Increases by one with every change of this user; pass it as `expectedVersion` to detect concurrent changes. */
  version: Scalars['Int']['output'];
};


/** A person with a mailbox in the organization. Every user belongs to exactly one OU. */
export type UserGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of users. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page, each with its cursor. */
  edges: Array<UserEdge>;
  /** The users of this page. */
  nodes: Array<User>;
  /** Whether more users follow. */
  pageInfo: PageInfo;
};

/** A user in a page. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Pass as `after` to continue after this user. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
};

/** What the administrator's settings and the user's own settings mean together for one user. */
export type UserEffectiveMailAccess = {
  __typename?: 'UserEffectiveMailAccess';
  /** Which settings a user-facing page should show. */
  availableToUser: AvailableToUser;
  /** IMAP for this user. */
  imap: UserProtocolAccess;
  /** Less secure apps (password sign-in) for this user. */
  lessSecureApps: UserProtocolAccess;
  /** The effective settings of the user's OU, each with its source. */
  orgUnitSettings: EffectiveMailAccess;
  /** POP for this user. */
  pop: UserProtocolAccess;
  /**
   * The settings in force for this user, each with its source: the OU's effective settings (`orgUnitSettings`), except
   * those a configuration group of the user sets (source GROUP). `pop`, `imap` and `lessSecureApps` show these values.
   */
  settings: EffectiveMailAccess;
};

/** A user's own mail settings (as in Gmail's ImapSettings and PopSettings). */
export type UserMailSettings = {
  __typename?: 'UserMailSettings';
  /** IMAP enabled by the user. */
  imapEnabled: Scalars['Boolean']['output'];
  /** Less secure apps turned on by the user in their own account. */
  lessSecureAppsEnabled: Scalars['Boolean']['output'];
  /** When POP may fetch mail. */
  popAccessWindow: PopAccessWindow;
};

/** One protocol for one user: what the administrator allows and what the user chose. */
export type UserProtocolAccess = {
  __typename?: 'UserProtocolAccess';
  /** The administrator allows the protocol for the user's OU. */
  allowedByAdministrator: Scalars['Boolean']['output'];
  /** Both: mail clients may use the protocol for this user (subject to the client rules). */
  enabled: Scalars['Boolean']['output'];
  /** The user has the protocol turned on in their own settings. */
  enabledByUser: Scalars['Boolean']['output'];
  /** Where the administrator's value comes from. */
  source: SettingSource;
};

/** The caller of this request. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The API key's id, or the signed-in person's address. */
  id: Scalars['ID']['output'];
  /** API key, administrator or user. */
  kind: ActorKind;
  /** The API key's or person's name. */
  name: Scalars['String']['output'];
  /** For an OU administrator, the OU whose subtree it may read and change; null otherwise. */
  orgUnitScope?: Maybe<OrgUnit>;
  /** The caller's role; null for a user. */
  role?: Maybe<Role>;
  /**
   * The signed-in person's own user (mailbox) in the organization, for a user's own settings page; null for an API key,
   * or for a person who is no user here (an administrator without a mailbox). Read with the sign-in in 2 sequential
   * DynamoDB round trips.
   */
  user?: Maybe<User>;
};

/** Something an administrator must know about a change before or after saving it. */
export type Warning = {
  __typename?: 'Warning';
  /** What kind of warning this is (stable, for programs). */
  code: WarningCode;
  /** What it means for users, in plain words. */
  message: Scalars['String']['output'];
  /** The settings the warning is about; empty when it is about any change (PROPAGATION_DELAY). */
  settings: Array<MailAccessSetting>;
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



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  GroupMember:
    | ( GroupModel )
    | ( UserModel )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessImpact: ResolverTypeWrapper<AccessImpact>;
  AccessReason: AccessReason;
  ActorKind: ActorKind;
  AdminRole: ResolverTypeWrapper<AdminRoleModel>;
  AdminRoleConnection: ResolverTypeWrapper<Omit<AdminRoleConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['AdminRoleEdge']>, nodes: Array<ResolversTypes['AdminRole']> }>;
  AdminRoleEdge: ResolverTypeWrapper<Omit<AdminRoleEdge, 'node'> & { node: ResolversTypes['AdminRole'] }>;
  AllowedOAuthClientsInput: AllowedOAuthClientsInput;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ApiKeyConnection: ResolverTypeWrapper<Omit<ApiKeyConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ApiKeyEdge']>, nodes: Array<ResolversTypes['ApiKey']> }>;
  ApiKeyEdge: ResolverTypeWrapper<Omit<ApiKeyEdge, 'node'> & { node: ResolversTypes['ApiKey'] }>;
  ApplyMailAccessPolicyInput: ApplyMailAccessPolicyInput;
  ApplyMailAccessPolicyPayload: ResolverTypeWrapper<BulkPolicyUpdate>;
  AuditAction: AuditAction;
  AuditActor: ResolverTypeWrapper<AuditActor>;
  AuditEvent: ResolverTypeWrapper<AuditEventModel>;
  AuditEventConnection: ResolverTypeWrapper<Omit<AuditEventConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['AuditEventEdge']>, nodes: Array<ResolversTypes['AuditEvent']> }>;
  AuditEventEdge: ResolverTypeWrapper<Omit<AuditEventEdge, 'node'> & { node: ResolversTypes['AuditEvent'] }>;
  AuditEventFilter: AuditEventFilter;
  AuthMethod: AuthMethod;
  AvailableToUser: ResolverTypeWrapper<AvailableToUser>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  CreateGroupInput: CreateGroupInput;
  CreateGroupPayload: ResolverTypeWrapper<Omit<CreateGroupPayload, 'group'> & { group: ResolversTypes['Group'] }>;
  CreateOrgUnitInput: CreateOrgUnitInput;
  CreateOrgUnitPayload: ResolverTypeWrapper<Omit<CreateOrgUnitPayload, 'orgUnit'> & { orgUnit: ResolversTypes['OrgUnit'] }>;
  CreateUserInput: CreateUserInput;
  CreateUserPayload: ResolverTypeWrapper<Omit<CreateUserPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Customer: ResolverTypeWrapper<CustomerModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecidedBy: ResolverTypeWrapper<DecidedByModel>;
  DeleteGroupInput: DeleteGroupInput;
  DeleteGroupPayload: ResolverTypeWrapper<DeletedGroup>;
  DeleteOrgUnitInput: DeleteOrgUnitInput;
  DeleteOrgUnitPayload: ResolverTypeWrapper<DeleteOrgUnitPayload>;
  DeleteUserInput: DeleteUserInput;
  DeleteUserPayload: ResolverTypeWrapper<DeleteUserPayload>;
  EffectiveImapClientAccess: ResolverTypeWrapper<EffectiveImapClientAccessModel>;
  EffectiveMailAccess: ResolverTypeWrapper<EffectiveMailAccessModel>;
  EffectiveToggle: ResolverTypeWrapper<EffectiveToggleModel>;
  ErrorCode: ErrorCode;
  GrantAdminRoleInput: GrantAdminRoleInput;
  GrantAdminRolePayload: ResolverTypeWrapper<Omit<GrantAdminRolePayload, 'adminRole'> & { adminRole: ResolversTypes['AdminRole'] }>;
  Group: ResolverTypeWrapper<GroupModel>;
  GroupConnection: ResolverTypeWrapper<Omit<GroupConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['GroupEdge']>, nodes: Array<ResolversTypes['Group']> }>;
  GroupEdge: ResolverTypeWrapper<Omit<GroupEdge, 'node'> & { node: ResolversTypes['Group'] }>;
  GroupMailAccessImpact: ResolverTypeWrapper<GroupImpactModel>;
  GroupMember: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['GroupMember']>;
  GroupMemberConnection: ResolverTypeWrapper<Omit<GroupMemberConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['GroupMemberEdge']>, nodes: Array<ResolversTypes['GroupMember']> }>;
  GroupMemberEdge: ResolverTypeWrapper<Omit<GroupMemberEdge, 'node'> & { node: ResolversTypes['GroupMember'] }>;
  GroupMembersInput: GroupMembersInput;
  GroupMembersPayload: ResolverTypeWrapper<GroupChangeResult>;
  GroupMembership: ResolverTypeWrapper<Membership>;
  GroupMembershipConnection: ResolverTypeWrapper<Omit<GroupMembershipConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['GroupMembershipEdge']>, nodes: Array<ResolversTypes['GroupMembership']> }>;
  GroupMembershipEdge: ResolverTypeWrapper<Omit<GroupMembershipEdge, 'node'> & { node: ResolversTypes['GroupMembership'] }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImapAccessImpact: ResolverTypeWrapper<ImapAccessImpact>;
  ImapClientAccess: ResolverTypeWrapper<ImapClientAccessModel>;
  ImapClientAccessInput: ImapClientAccessInput;
  ImapClientMode: ImapClientMode;
  ImapClientModeChange: ImapClientModeChange;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  KnownMailClient: ResolverTypeWrapper<KnownMailClient>;
  MailAccessDecision: ResolverTypeWrapper<UserAccessDecision>;
  MailAccessDecisionInput: MailAccessDecisionInput;
  MailAccessImpact: ResolverTypeWrapper<MailAccessImpactModel>;
  MailAccessPolicy: ResolverTypeWrapper<PolicyModel>;
  MailAccessPolicyChangeInput: MailAccessPolicyChangeInput;
  MailAccessSetting: MailAccessSetting;
  MailClientInput: MailClientInput;
  MailProtocol: MailProtocol;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OAuthClient: ResolverTypeWrapper<OAuthClient>;
  OrgUnit: ResolverTypeWrapper<OrgUnitModel>;
  OrgUnitConnection: ResolverTypeWrapper<Omit<OrgUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OrgUnitEdge']>, nodes: Array<ResolversTypes['OrgUnit']> }>;
  OrgUnitEdge: ResolverTypeWrapper<Omit<OrgUnitEdge, 'node'> & { node: ResolversTypes['OrgUnit'] }>;
  OrgUnitImpact: ResolverTypeWrapper<OrgUnitImpactModel>;
  OrgUnitImpactConnection: ResolverTypeWrapper<Omit<OrgUnitImpactConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OrgUnitImpactEdge']>, nodes: Array<ResolversTypes['OrgUnitImpact']> }>;
  OrgUnitImpactEdge: ResolverTypeWrapper<Omit<OrgUnitImpactEdge, 'node'> & { node: ResolversTypes['OrgUnitImpact'] }>;
  OrgUnitRefInput: OrgUnitRefInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PopAccessWindow: PopAccessWindow;
  Propagation: ResolverTypeWrapper<Propagation>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RevokeAdminRoleInput: RevokeAdminRoleInput;
  RevokeAdminRolePayload: ResolverTypeWrapper<RevokeAdminRolePayload>;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: ResolverTypeWrapper<Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  Role: Role;
  SetGroupPriorityInput: SetGroupPriorityInput;
  SetGroupPriorityPayload: ResolverTypeWrapper<PriorityChange>;
  SettingSource: ResolverTypeWrapper<SettingSourceModel>;
  SettingSourceKind: SettingSourceKind;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Toggle: Toggle;
  ToggleChange: ToggleChange;
  UpdateGroupInput: UpdateGroupInput;
  UpdateGroupMailAccessPolicyInput: UpdateGroupMailAccessPolicyInput;
  UpdateGroupMailAccessPolicyPayload: ResolverTypeWrapper<GroupPolicyUpdate>;
  UpdateGroupPayload: ResolverTypeWrapper<Omit<UpdateGroupPayload, 'group'> & { group: ResolversTypes['Group'] }>;
  UpdateMailAccessPolicyInput: UpdateMailAccessPolicyInput;
  UpdateMailAccessPolicyPayload: ResolverTypeWrapper<MailAccessPolicyUpdate>;
  UpdateMyMailSettingsInput: UpdateMyMailSettingsInput;
  UpdateMyMailSettingsPayload: ResolverTypeWrapper<Omit<UpdateMyMailSettingsPayload, 'user'> & { user: ResolversTypes['User'] }>;
  UpdateOrgUnitInput: UpdateOrgUnitInput;
  UpdateOrgUnitPayload: ResolverTypeWrapper<OrgUnitUpdate>;
  UpdateUserInput: UpdateUserInput;
  UpdateUserMailSettingsInput: UpdateUserMailSettingsInput;
  UpdateUserMailSettingsPayload: ResolverTypeWrapper<Omit<UpdateUserMailSettingsPayload, 'user'> & { user: ResolversTypes['User'] }>;
  UpdateUserPayload: ResolverTypeWrapper<UserUpdate>;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['UserEdge']>, nodes: Array<ResolversTypes['User']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserEffectiveMailAccess: ResolverTypeWrapper<UserEffectiveMailAccessModel>;
  UserMailSettings: ResolverTypeWrapper<UserMailSettings>;
  UserProtocolAccess: ResolverTypeWrapper<UserProtocolAccessModel>;
  Viewer: ResolverTypeWrapper<ActorModel>;
  Warning: ResolverTypeWrapper<Warning>;
  WarningCode: WarningCode;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessImpact: AccessImpact;
  AdminRole: AdminRoleModel;
  AdminRoleConnection: Omit<AdminRoleConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['AdminRoleEdge']>, nodes: Array<ResolversParentTypes['AdminRole']> };
  AdminRoleEdge: Omit<AdminRoleEdge, 'node'> & { node: ResolversParentTypes['AdminRole'] };
  AllowedOAuthClientsInput: AllowedOAuthClientsInput;
  ApiKey: ApiKeyModel;
  ApiKeyConnection: Omit<ApiKeyConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ApiKeyEdge']>, nodes: Array<ResolversParentTypes['ApiKey']> };
  ApiKeyEdge: Omit<ApiKeyEdge, 'node'> & { node: ResolversParentTypes['ApiKey'] };
  ApplyMailAccessPolicyInput: ApplyMailAccessPolicyInput;
  ApplyMailAccessPolicyPayload: BulkPolicyUpdate;
  AuditActor: AuditActor;
  AuditEvent: AuditEventModel;
  AuditEventConnection: Omit<AuditEventConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['AuditEventEdge']>, nodes: Array<ResolversParentTypes['AuditEvent']> };
  AuditEventEdge: Omit<AuditEventEdge, 'node'> & { node: ResolversParentTypes['AuditEvent'] };
  AuditEventFilter: AuditEventFilter;
  AvailableToUser: AvailableToUser;
  Boolean: Scalars['Boolean']['output'];
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  CreateGroupInput: CreateGroupInput;
  CreateGroupPayload: Omit<CreateGroupPayload, 'group'> & { group: ResolversParentTypes['Group'] };
  CreateOrgUnitInput: CreateOrgUnitInput;
  CreateOrgUnitPayload: Omit<CreateOrgUnitPayload, 'orgUnit'> & { orgUnit: ResolversParentTypes['OrgUnit'] };
  CreateUserInput: CreateUserInput;
  CreateUserPayload: Omit<CreateUserPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Customer: CustomerModel;
  DateTime: Scalars['DateTime']['output'];
  DecidedBy: DecidedByModel;
  DeleteGroupInput: DeleteGroupInput;
  DeleteGroupPayload: DeletedGroup;
  DeleteOrgUnitInput: DeleteOrgUnitInput;
  DeleteOrgUnitPayload: DeleteOrgUnitPayload;
  DeleteUserInput: DeleteUserInput;
  DeleteUserPayload: DeleteUserPayload;
  EffectiveImapClientAccess: EffectiveImapClientAccessModel;
  EffectiveMailAccess: EffectiveMailAccessModel;
  EffectiveToggle: EffectiveToggleModel;
  GrantAdminRoleInput: GrantAdminRoleInput;
  GrantAdminRolePayload: Omit<GrantAdminRolePayload, 'adminRole'> & { adminRole: ResolversParentTypes['AdminRole'] };
  Group: GroupModel;
  GroupConnection: Omit<GroupConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['GroupEdge']>, nodes: Array<ResolversParentTypes['Group']> };
  GroupEdge: Omit<GroupEdge, 'node'> & { node: ResolversParentTypes['Group'] };
  GroupMailAccessImpact: GroupImpactModel;
  GroupMember: ResolversUnionTypes<ResolversParentTypes>['GroupMember'];
  GroupMemberConnection: Omit<GroupMemberConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['GroupMemberEdge']>, nodes: Array<ResolversParentTypes['GroupMember']> };
  GroupMemberEdge: Omit<GroupMemberEdge, 'node'> & { node: ResolversParentTypes['GroupMember'] };
  GroupMembersInput: GroupMembersInput;
  GroupMembersPayload: GroupChangeResult;
  GroupMembership: Membership;
  GroupMembershipConnection: Omit<GroupMembershipConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['GroupMembershipEdge']>, nodes: Array<ResolversParentTypes['GroupMembership']> };
  GroupMembershipEdge: Omit<GroupMembershipEdge, 'node'> & { node: ResolversParentTypes['GroupMembership'] };
  ID: Scalars['ID']['output'];
  ImapAccessImpact: ImapAccessImpact;
  ImapClientAccess: ImapClientAccessModel;
  ImapClientAccessInput: ImapClientAccessInput;
  Int: Scalars['Int']['output'];
  KnownMailClient: KnownMailClient;
  MailAccessDecision: UserAccessDecision;
  MailAccessDecisionInput: MailAccessDecisionInput;
  MailAccessImpact: MailAccessImpactModel;
  MailAccessPolicy: PolicyModel;
  MailAccessPolicyChangeInput: MailAccessPolicyChangeInput;
  MailClientInput: MailClientInput;
  Mutation: Record<PropertyKey, never>;
  OAuthClient: OAuthClient;
  OrgUnit: OrgUnitModel;
  OrgUnitConnection: Omit<OrgUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OrgUnitEdge']>, nodes: Array<ResolversParentTypes['OrgUnit']> };
  OrgUnitEdge: Omit<OrgUnitEdge, 'node'> & { node: ResolversParentTypes['OrgUnit'] };
  OrgUnitImpact: OrgUnitImpactModel;
  OrgUnitImpactConnection: Omit<OrgUnitImpactConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OrgUnitImpactEdge']>, nodes: Array<ResolversParentTypes['OrgUnitImpact']> };
  OrgUnitImpactEdge: Omit<OrgUnitImpactEdge, 'node'> & { node: ResolversParentTypes['OrgUnitImpact'] };
  OrgUnitRefInput: OrgUnitRefInput;
  PageInfo: PageInfo;
  Propagation: Propagation;
  Query: Record<PropertyKey, never>;
  RevokeAdminRoleInput: RevokeAdminRoleInput;
  RevokeAdminRolePayload: RevokeAdminRolePayload;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  SetGroupPriorityInput: SetGroupPriorityInput;
  SetGroupPriorityPayload: PriorityChange;
  SettingSource: SettingSourceModel;
  String: Scalars['String']['output'];
  UpdateGroupInput: UpdateGroupInput;
  UpdateGroupMailAccessPolicyInput: UpdateGroupMailAccessPolicyInput;
  UpdateGroupMailAccessPolicyPayload: GroupPolicyUpdate;
  UpdateGroupPayload: Omit<UpdateGroupPayload, 'group'> & { group: ResolversParentTypes['Group'] };
  UpdateMailAccessPolicyInput: UpdateMailAccessPolicyInput;
  UpdateMailAccessPolicyPayload: MailAccessPolicyUpdate;
  UpdateMyMailSettingsInput: UpdateMyMailSettingsInput;
  UpdateMyMailSettingsPayload: Omit<UpdateMyMailSettingsPayload, 'user'> & { user: ResolversParentTypes['User'] };
  UpdateOrgUnitInput: UpdateOrgUnitInput;
  UpdateOrgUnitPayload: OrgUnitUpdate;
  UpdateUserInput: UpdateUserInput;
  UpdateUserMailSettingsInput: UpdateUserMailSettingsInput;
  UpdateUserMailSettingsPayload: Omit<UpdateUserMailSettingsPayload, 'user'> & { user: ResolversParentTypes['User'] };
  UpdateUserPayload: UserUpdate;
  User: UserModel;
  UserConnection: Omit<UserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['UserEdge']>, nodes: Array<ResolversParentTypes['User']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserEffectiveMailAccess: UserEffectiveMailAccessModel;
  UserMailSettings: UserMailSettings;
  UserProtocolAccess: UserProtocolAccessModel;
  Viewer: ActorModel;
  Warning: Warning;
};

export type AccessImpactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessImpact'] = ResolversParentTypes['AccessImpact']> = {
  usersGainingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingWorkingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingWorkingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AdminRoleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdminRole'] = ResolversParentTypes['AdminRole']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  orgUnitScope?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type AdminRoleConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdminRoleConnection'] = ResolversParentTypes['AdminRoleConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AdminRoleEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AdminRole']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AdminRoleEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AdminRoleEdge'] = ResolversParentTypes['AdminRoleEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AdminRole'], ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orgUnitScope?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type ApiKeyConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyConnection'] = ResolversParentTypes['ApiKeyConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ApiKeyEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ApiKeyEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyEdge'] = ResolversParentTypes['ApiKeyEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
};

export type ApplyMailAccessPolicyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApplyMailAccessPolicyPayload'] = ResolversParentTypes['ApplyMailAccessPolicyPayload']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['MailAccessImpact'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['UpdateMailAccessPolicyPayload']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type AuditActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditActor'] = ResolversParentTypes['AuditActor']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['AuditActor'], ParentType, ContextType>;
  adminEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  apiKeyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  groupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  groupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idempotencyKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  memberGroupId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  newValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  oldValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orgUnitId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  orgUnitPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  setting?: Resolver<Maybe<ResolversTypes['MailAccessSetting']>, ParentType, ContextType>;
  settingName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
};

export type AvailableToUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AvailableToUser'] = ResolversParentTypes['AvailableToUser']> = {
  imapSettings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lessSecureAppsSetting?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  popSettings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CreateApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreateGroupPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateGroupPayload'] = ResolversParentTypes['CreateGroupPayload']> = {
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export type CreateOrgUnitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateOrgUnitPayload'] = ResolversParentTypes['CreateOrgUnitPayload']> = {
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
};

export type CreateUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreateUserPayload'] = ResolversParentTypes['CreateUserPayload']> = {
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  domains?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DecidedByResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DecidedBy'] = ResolversParentTypes['DecidedBy']> = {
  setting?: Resolver<ResolversTypes['MailAccessSetting'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['SettingSource']>, ParentType, ContextType>;
};

export type DeleteGroupPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteGroupPayload'] = ResolversParentTypes['DeleteGroupPayload']> = {
  deletedGroupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['GroupMailAccessImpact'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiresForce?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type DeleteOrgUnitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteOrgUnitPayload'] = ResolversParentTypes['DeleteOrgUnitPayload']> = {
  deletedOrgUnitId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeleteUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeleteUserPayload'] = ResolversParentTypes['DeleteUserPayload']> = {
  deletedEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EffectiveImapClientAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EffectiveImapClientAccess'] = ResolversParentTypes['EffectiveImapClientAccess']> = {
  allowedOAuthClientIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  allowedOAuthClients?: Resolver<Array<ResolversTypes['OAuthClient']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ImapClientMode'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SettingSource'], ParentType, ContextType>;
};

export type EffectiveMailAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EffectiveMailAccess'] = ResolversParentTypes['EffectiveMailAccess']> = {
  imapAccess?: Resolver<ResolversTypes['EffectiveToggle'], ParentType, ContextType>;
  imapClientAccess?: Resolver<ResolversTypes['EffectiveImapClientAccess'], ParentType, ContextType>;
  lessSecureApps?: Resolver<ResolversTypes['EffectiveToggle'], ParentType, ContextType>;
  popAccess?: Resolver<ResolversTypes['EffectiveToggle'], ParentType, ContextType>;
  propagation?: Resolver<ResolversTypes['Propagation'], ParentType, ContextType>;
};

export type EffectiveToggleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EffectiveToggle'] = ResolversParentTypes['EffectiveToggle']> = {
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SettingSource'], ParentType, ContextType>;
};

export type GrantAdminRolePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrantAdminRolePayload'] = ResolversParentTypes['GrantAdminRolePayload']> = {
  adminRole?: Resolver<ResolversTypes['AdminRole'], ParentType, ContextType>;
};

export type GroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groupMemberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mailAccessPolicy?: Resolver<ResolversTypes['MailAccessPolicy'], ParentType, ContextType>;
  memberOf?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  members?: Resolver<ResolversTypes['GroupMemberConnection'], ParentType, ContextType, RequireFields<GroupMembersArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userMemberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type GroupConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupConnection'] = ResolversParentTypes['GroupConnection']> = {
  edges?: Resolver<Array<ResolversTypes['GroupEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type GroupEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupEdge'] = ResolversParentTypes['GroupEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export type GroupMailAccessImpactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMailAccessImpact'] = ResolversParentTypes['GroupMailAccessImpact']> = {
  imap?: Resolver<ResolversTypes['ImapAccessImpact'], ParentType, ContextType>;
  lessSecureApps?: Resolver<ResolversTypes['AccessImpact'], ParentType, ContextType>;
  membersReached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pop?: Resolver<ResolversTypes['AccessImpact'], ParentType, ContextType>;
  usersCutOffFromImap?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersCutOffFromPop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingImap?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingPop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingImap?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingPop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersWithChangedSettings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersWithFewerImapClients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GroupMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMember'] = ResolversParentTypes['GroupMember']> = {
  __resolveType: TypeResolveFn<'Group' | 'User', ParentType, ContextType>;
};

export type GroupMemberConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMemberConnection'] = ResolversParentTypes['GroupMemberConnection']> = {
  edges?: Resolver<Array<ResolversTypes['GroupMemberEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['GroupMember']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type GroupMemberEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMemberEdge'] = ResolversParentTypes['GroupMemberEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GroupMember'], ParentType, ContextType>;
};

export type GroupMembersPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMembersPayload'] = ResolversParentTypes['GroupMembersPayload']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['GroupMailAccessImpact'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type GroupMembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMembership'] = ResolversParentTypes['GroupMembership']> = {
  direct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
};

export type GroupMembershipConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMembershipConnection'] = ResolversParentTypes['GroupMembershipConnection']> = {
  edges?: Resolver<Array<ResolversTypes['GroupMembershipEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['GroupMembership']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GroupMembershipEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GroupMembershipEdge'] = ResolversParentTypes['GroupMembershipEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GroupMembership'], ParentType, ContextType>;
};

export type ImapAccessImpactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImapAccessImpact'] = ResolversParentTypes['ImapAccessImpact']> = {
  usersGainingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingClients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingWorkingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingWorkingClients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingClients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingWorkingAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingWorkingClients?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImapClientAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImapClientAccess'] = ResolversParentTypes['ImapClientAccess']> = {
  allowedOAuthClientIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  allowedOAuthClients?: Resolver<Array<ResolversTypes['OAuthClient']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ImapClientMode'], ParentType, ContextType>;
};

export type KnownMailClientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KnownMailClient'] = ResolversParentTypes['KnownMailClient']> = {
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MailAccessDecisionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailAccessDecision'] = ResolversParentTypes['MailAccessDecision']> = {
  allowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decidedBy?: Resolver<ResolversTypes['DecidedBy'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  propagationPending?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['AccessReason'], ParentType, ContextType>;
  userEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userNotified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type MailAccessImpactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailAccessImpact'] = ResolversParentTypes['MailAccessImpact']> = {
  changedOrgUnits?: Resolver<ResolversTypes['OrgUnitImpactConnection'], ParentType, ContextType, RequireFields<MailAccessImpactChangedOrgUnitsArgs, 'first'>>;
  imap?: Resolver<ResolversTypes['ImapAccessImpact'], ParentType, ContextType>;
  lessSecureApps?: Resolver<ResolversTypes['AccessImpact'], ParentType, ContextType>;
  pop?: Resolver<ResolversTypes['AccessImpact'], ParentType, ContextType>;
  usersGainingImap?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersGainingPop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingImap?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersLosingPop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MailAccessPolicyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailAccessPolicy'] = ResolversParentTypes['MailAccessPolicy']> = {
  changedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  imapAccess?: Resolver<Maybe<ResolversTypes['Toggle']>, ParentType, ContextType>;
  imapClientAccess?: Resolver<Maybe<ResolversTypes['ImapClientAccess']>, ParentType, ContextType>;
  lessSecureApps?: Resolver<Maybe<ResolversTypes['Toggle']>, ParentType, ContextType>;
  popAccess?: Resolver<Maybe<ResolversTypes['Toggle']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addAllowedOAuthClients?: Resolver<ResolversTypes['UpdateMailAccessPolicyPayload'], ParentType, ContextType, RequireFields<MutationAddAllowedOAuthClientsArgs, 'input'>>;
  addGroupMembers?: Resolver<ResolversTypes['GroupMembersPayload'], ParentType, ContextType, RequireFields<MutationAddGroupMembersArgs, 'input'>>;
  applyMailAccessPolicy?: Resolver<ResolversTypes['ApplyMailAccessPolicyPayload'], ParentType, ContextType, RequireFields<MutationApplyMailAccessPolicyArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createGroup?: Resolver<ResolversTypes['CreateGroupPayload'], ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createOrgUnit?: Resolver<ResolversTypes['CreateOrgUnitPayload'], ParentType, ContextType, RequireFields<MutationCreateOrgUnitArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['CreateUserPayload'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  deleteGroup?: Resolver<ResolversTypes['DeleteGroupPayload'], ParentType, ContextType, RequireFields<MutationDeleteGroupArgs, 'input'>>;
  deleteOrgUnit?: Resolver<ResolversTypes['DeleteOrgUnitPayload'], ParentType, ContextType, RequireFields<MutationDeleteOrgUnitArgs, 'input'>>;
  deleteUser?: Resolver<ResolversTypes['DeleteUserPayload'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'input'>>;
  grantAdminRole?: Resolver<ResolversTypes['GrantAdminRolePayload'], ParentType, ContextType, RequireFields<MutationGrantAdminRoleArgs, 'input'>>;
  removeAllowedOAuthClients?: Resolver<ResolversTypes['UpdateMailAccessPolicyPayload'], ParentType, ContextType, RequireFields<MutationRemoveAllowedOAuthClientsArgs, 'input'>>;
  removeGroupMembers?: Resolver<ResolversTypes['GroupMembersPayload'], ParentType, ContextType, RequireFields<MutationRemoveGroupMembersArgs, 'input'>>;
  revokeAdminRole?: Resolver<ResolversTypes['RevokeAdminRolePayload'], ParentType, ContextType, RequireFields<MutationRevokeAdminRoleArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['RevokeApiKeyPayload'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'input'>>;
  setGroupPriority?: Resolver<ResolversTypes['SetGroupPriorityPayload'], ParentType, ContextType, RequireFields<MutationSetGroupPriorityArgs, 'input'>>;
  updateGroup?: Resolver<ResolversTypes['UpdateGroupPayload'], ParentType, ContextType, RequireFields<MutationUpdateGroupArgs, 'input'>>;
  updateGroupMailAccessPolicy?: Resolver<ResolversTypes['UpdateGroupMailAccessPolicyPayload'], ParentType, ContextType, RequireFields<MutationUpdateGroupMailAccessPolicyArgs, 'input'>>;
  updateMailAccessPolicy?: Resolver<ResolversTypes['UpdateMailAccessPolicyPayload'], ParentType, ContextType, RequireFields<MutationUpdateMailAccessPolicyArgs, 'input'>>;
  updateMyMailSettings?: Resolver<ResolversTypes['UpdateMyMailSettingsPayload'], ParentType, ContextType, RequireFields<MutationUpdateMyMailSettingsArgs, 'input'>>;
  updateOrgUnit?: Resolver<ResolversTypes['UpdateOrgUnitPayload'], ParentType, ContextType, RequireFields<MutationUpdateOrgUnitArgs, 'input'>>;
  updateUser?: Resolver<ResolversTypes['UpdateUserPayload'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'input'>>;
  updateUserMailSettings?: Resolver<ResolversTypes['UpdateUserMailSettingsPayload'], ParentType, ContextType, RequireFields<MutationUpdateUserMailSettingsArgs, 'input'>>;
};

export type OAuthClientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OAuthClient'] = ResolversParentTypes['OAuthClient']> = {
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OrgUnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnit'] = ResolversParentTypes['OrgUnit']> = {
  ancestors?: Resolver<Array<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  auditEvents?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, RequireFields<OrgUnitAuditEventsArgs, 'first' | 'includeSubOrgUnits'>>;
  children?: Resolver<ResolversTypes['OrgUnitConnection'], ParentType, ContextType, RequireFields<OrgUnitChildrenArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  effectiveMailAccess?: Resolver<ResolversTypes['EffectiveMailAccess'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mailAccessPolicy?: Resolver<ResolversTypes['MailAccessPolicy'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<OrgUnitUsersArgs, 'first' | 'includeSubOrgUnits'>>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrgUnitConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitConnection'] = ResolversParentTypes['OrgUnitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrgUnitEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrgUnitEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitEdge'] = ResolversParentTypes['OrgUnitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
};

export type OrgUnitImpactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitImpact'] = ResolversParentTypes['OrgUnitImpact']> = {
  changedSettings?: Resolver<Array<ResolversTypes['MailAccessSetting']>, ParentType, ContextType>;
  imap?: Resolver<ResolversTypes['ImapAccessImpact'], ParentType, ContextType>;
  lessSecureApps?: Resolver<ResolversTypes['AccessImpact'], ParentType, ContextType>;
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
  pop?: Resolver<ResolversTypes['AccessImpact'], ParentType, ContextType>;
  userCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrgUnitImpactConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitImpactConnection'] = ResolversParentTypes['OrgUnitImpactConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrgUnitImpactEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['OrgUnitImpact']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrgUnitImpactEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrgUnitImpactEdge'] = ResolversParentTypes['OrgUnitImpactEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OrgUnitImpact'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PropagationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Propagation'] = ResolversParentTypes['Propagation']> = {
  completeBy?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastChangedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  adminRoles?: Resolver<ResolversTypes['AdminRoleConnection'], ParentType, ContextType, RequireFields<QueryAdminRolesArgs, 'first'>>;
  apiKeys?: Resolver<ResolversTypes['ApiKeyConnection'], ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'first'>>;
  auditEvents?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, RequireFields<QueryAuditEventsArgs, 'first'>>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, Partial<QueryGroupArgs>>;
  groups?: Resolver<ResolversTypes['GroupConnection'], ParentType, ContextType, RequireFields<QueryGroupsArgs, 'first'>>;
  knownMailClients?: Resolver<Array<ResolversTypes['KnownMailClient']>, ParentType, ContextType>;
  mailAccessDecision?: Resolver<ResolversTypes['MailAccessDecision'], ParentType, ContextType, RequireFields<QueryMailAccessDecisionArgs, 'input'>>;
  mailAccessDecisions?: Resolver<Array<ResolversTypes['MailAccessDecision']>, ParentType, ContextType, RequireFields<QueryMailAccessDecisionsArgs, 'inputs'>>;
  orgUnit?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType, Partial<QueryOrgUnitArgs>>;
  orgUnits?: Resolver<ResolversTypes['OrgUnitConnection'], ParentType, ContextType, RequireFields<QueryOrgUnitsArgs, 'first' | 'under'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'email'>>;
  users?: Resolver<Array<Maybe<ResolversTypes['User']>>, ParentType, ContextType, RequireFields<QueryUsersArgs, 'emails'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type RevokeAdminRolePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevokeAdminRolePayload'] = ResolversParentTypes['RevokeAdminRolePayload']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RevokeApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevokeApiKeyPayload'] = ResolversParentTypes['RevokeApiKeyPayload']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
};

export type SetGroupPriorityPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SetGroupPriorityPayload'] = ResolversParentTypes['SetGroupPriorityPayload']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['GroupMailAccessImpact'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type SettingSourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SettingSource'] = ResolversParentTypes['SettingSource']> = {
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SettingSourceKind'], ParentType, ContextType>;
  orgUnit?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
};

export type UpdateGroupMailAccessPolicyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateGroupMailAccessPolicyPayload'] = ResolversParentTypes['UpdateGroupMailAccessPolicyPayload']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['GroupMailAccessImpact'], ParentType, ContextType>;
  mailAccessPolicy?: Resolver<ResolversTypes['MailAccessPolicy'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type UpdateGroupPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateGroupPayload'] = ResolversParentTypes['UpdateGroupPayload']> = {
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
};

export type UpdateMailAccessPolicyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateMailAccessPolicyPayload'] = ResolversParentTypes['UpdateMailAccessPolicyPayload']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  effectiveMailAccess?: Resolver<ResolversTypes['EffectiveMailAccess'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['MailAccessImpact'], ParentType, ContextType>;
  mailAccessPolicy?: Resolver<ResolversTypes['MailAccessPolicy'], ParentType, ContextType>;
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
  propagation?: Resolver<ResolversTypes['Propagation'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type UpdateMyMailSettingsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateMyMailSettingsPayload'] = ResolversParentTypes['UpdateMyMailSettingsPayload']> = {
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UpdateOrgUnitPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateOrgUnitPayload'] = ResolversParentTypes['UpdateOrgUnitPayload']> = {
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['MailAccessImpact'], ParentType, ContextType>;
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type UpdateUserMailSettingsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateUserMailSettingsPayload'] = ResolversParentTypes['UpdateUserMailSettingsPayload']> = {
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UpdateUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateUserPayload'] = ResolversParentTypes['UpdateUserPayload']> = {
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  impact?: Resolver<ResolversTypes['MailAccessImpact'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['Warning']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  effectiveMailAccess?: Resolver<ResolversTypes['UserEffectiveMailAccess'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groups?: Resolver<ResolversTypes['GroupMembershipConnection'], ParentType, ContextType, RequireFields<UserGroupsArgs, 'first'>>;
  mailSettings?: Resolver<ResolversTypes['UserMailSettings'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orgUnit?: Resolver<ResolversTypes['OrgUnit'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserEffectiveMailAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserEffectiveMailAccess'] = ResolversParentTypes['UserEffectiveMailAccess']> = {
  availableToUser?: Resolver<ResolversTypes['AvailableToUser'], ParentType, ContextType>;
  imap?: Resolver<ResolversTypes['UserProtocolAccess'], ParentType, ContextType>;
  lessSecureApps?: Resolver<ResolversTypes['UserProtocolAccess'], ParentType, ContextType>;
  orgUnitSettings?: Resolver<ResolversTypes['EffectiveMailAccess'], ParentType, ContextType>;
  pop?: Resolver<ResolversTypes['UserProtocolAccess'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['EffectiveMailAccess'], ParentType, ContextType>;
};

export type UserMailSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserMailSettings'] = ResolversParentTypes['UserMailSettings']> = {
  imapEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lessSecureAppsEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  popAccessWindow?: Resolver<ResolversTypes['PopAccessWindow'], ParentType, ContextType>;
};

export type UserProtocolAccessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserProtocolAccess'] = ResolversParentTypes['UserProtocolAccess']> = {
  allowedByAdministrator?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enabledByUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SettingSource'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orgUnitScope?: Resolver<Maybe<ResolversTypes['OrgUnit']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type WarningResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Warning'] = ResolversParentTypes['Warning']> = {
  code?: Resolver<ResolversTypes['WarningCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  settings?: Resolver<Array<ResolversTypes['MailAccessSetting']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AccessImpact?: AccessImpactResolvers<ContextType>;
  AdminRole?: AdminRoleResolvers<ContextType>;
  AdminRoleConnection?: AdminRoleConnectionResolvers<ContextType>;
  AdminRoleEdge?: AdminRoleEdgeResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyConnection?: ApiKeyConnectionResolvers<ContextType>;
  ApiKeyEdge?: ApiKeyEdgeResolvers<ContextType>;
  ApplyMailAccessPolicyPayload?: ApplyMailAccessPolicyPayloadResolvers<ContextType>;
  AuditActor?: AuditActorResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  AvailableToUser?: AvailableToUserResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  CreateGroupPayload?: CreateGroupPayloadResolvers<ContextType>;
  CreateOrgUnitPayload?: CreateOrgUnitPayloadResolvers<ContextType>;
  CreateUserPayload?: CreateUserPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DecidedBy?: DecidedByResolvers<ContextType>;
  DeleteGroupPayload?: DeleteGroupPayloadResolvers<ContextType>;
  DeleteOrgUnitPayload?: DeleteOrgUnitPayloadResolvers<ContextType>;
  DeleteUserPayload?: DeleteUserPayloadResolvers<ContextType>;
  EffectiveImapClientAccess?: EffectiveImapClientAccessResolvers<ContextType>;
  EffectiveMailAccess?: EffectiveMailAccessResolvers<ContextType>;
  EffectiveToggle?: EffectiveToggleResolvers<ContextType>;
  GrantAdminRolePayload?: GrantAdminRolePayloadResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  GroupConnection?: GroupConnectionResolvers<ContextType>;
  GroupEdge?: GroupEdgeResolvers<ContextType>;
  GroupMailAccessImpact?: GroupMailAccessImpactResolvers<ContextType>;
  GroupMember?: GroupMemberResolvers<ContextType>;
  GroupMemberConnection?: GroupMemberConnectionResolvers<ContextType>;
  GroupMemberEdge?: GroupMemberEdgeResolvers<ContextType>;
  GroupMembersPayload?: GroupMembersPayloadResolvers<ContextType>;
  GroupMembership?: GroupMembershipResolvers<ContextType>;
  GroupMembershipConnection?: GroupMembershipConnectionResolvers<ContextType>;
  GroupMembershipEdge?: GroupMembershipEdgeResolvers<ContextType>;
  ImapAccessImpact?: ImapAccessImpactResolvers<ContextType>;
  ImapClientAccess?: ImapClientAccessResolvers<ContextType>;
  KnownMailClient?: KnownMailClientResolvers<ContextType>;
  MailAccessDecision?: MailAccessDecisionResolvers<ContextType>;
  MailAccessImpact?: MailAccessImpactResolvers<ContextType>;
  MailAccessPolicy?: MailAccessPolicyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OAuthClient?: OAuthClientResolvers<ContextType>;
  OrgUnit?: OrgUnitResolvers<ContextType>;
  OrgUnitConnection?: OrgUnitConnectionResolvers<ContextType>;
  OrgUnitEdge?: OrgUnitEdgeResolvers<ContextType>;
  OrgUnitImpact?: OrgUnitImpactResolvers<ContextType>;
  OrgUnitImpactConnection?: OrgUnitImpactConnectionResolvers<ContextType>;
  OrgUnitImpactEdge?: OrgUnitImpactEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Propagation?: PropagationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RevokeAdminRolePayload?: RevokeAdminRolePayloadResolvers<ContextType>;
  RevokeApiKeyPayload?: RevokeApiKeyPayloadResolvers<ContextType>;
  SetGroupPriorityPayload?: SetGroupPriorityPayloadResolvers<ContextType>;
  SettingSource?: SettingSourceResolvers<ContextType>;
  UpdateGroupMailAccessPolicyPayload?: UpdateGroupMailAccessPolicyPayloadResolvers<ContextType>;
  UpdateGroupPayload?: UpdateGroupPayloadResolvers<ContextType>;
  UpdateMailAccessPolicyPayload?: UpdateMailAccessPolicyPayloadResolvers<ContextType>;
  UpdateMyMailSettingsPayload?: UpdateMyMailSettingsPayloadResolvers<ContextType>;
  UpdateOrgUnitPayload?: UpdateOrgUnitPayloadResolvers<ContextType>;
  UpdateUserMailSettingsPayload?: UpdateUserMailSettingsPayloadResolvers<ContextType>;
  UpdateUserPayload?: UpdateUserPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserEffectiveMailAccess?: UserEffectiveMailAccessResolvers<ContextType>;
  UserMailSettings?: UserMailSettingsResolvers<ContextType>;
  UserProtocolAccess?: UserProtocolAccessResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  Warning?: WarningResolvers<ContextType>;
};

