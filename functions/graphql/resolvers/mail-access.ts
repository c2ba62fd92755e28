/** GraphQL for POP and IMAP settings: OU policies, effective values with sources, and policy changes. */
import { knownClientName, SETTINGS, type ImapClientAccess } from "../../domain/mail-access";
import {
  applyMailAccessPolicy,
  editAllowedOAuthClients,
  effectiveMailAccessOf,
  knownMailClients,
  updateMailAccessPolicy,
} from "../../services/mail-access";
import { asSeenBy, shownPolicy, whole } from "../../services/visibility";
import type { OAuthClient, Resolvers, Toggle } from "../generated/resolvers";
import { withSetting } from "../models";
import { mutate } from "../mutation";
import { pageOfList } from "../pagination";

const toggle = (value: boolean | undefined): Toggle | null => (value === undefined ? null : value ? "ON" : "OFF");

/** The listed clients in OAUTH_ALLOWLIST mode; none in ANY_CLIENT mode, whatever list is kept. */
const allowedIds = (access: ImapClientAccess): string[] =>
  access.mode === "OAUTH_ALLOWLIST" ? access.allowedOAuthClientIds : [];

const clients = (ids: readonly string[]): OAuthClient[] =>
  ids.map((clientId) => ({ clientId, name: knownClientName(clientId) }));

export const mailAccessResolvers: Resolvers = {
  Query: {
    knownMailClients: async (_, __, context) => [...(await knownMailClients(context))],
  },
  Mutation: {
    updateMailAccessPolicy: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => updateMailAccessPolicy(request, input)),
    addAllowedOAuthClients: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => editAllowedOAuthClients(request, input, "ADD")),
    removeAllowedOAuthClients: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => editAllowedOAuthClients(request, input, "REMOVE")),
    applyMailAccessPolicy: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => applyMailAccessPolicy(request, input)),
  },
  OrgUnit: {
    mailAccessPolicy: (orgUnit) => ({
      policy: shownPolicy(orgUnit),
      changedAt: orgUnit.shown === undefined ? orgUnit.policyChangedAt : null,
    }),
    effectiveMailAccess: (orgUnit, _, { now }) => effectiveMailAccessOf(whole(orgUnit), now()),
  },
  // Each source names its setting, so that an OU reached through it shows that setting (and no more) when it lies
  // outside the caller's reach.
  EffectiveMailAccess: {
    popAccess: (effective) => withSetting(effective.popAccess, "popAccess"),
    imapAccess: (effective) => withSetting(effective.imapAccess, "imapAccess"),
    imapClientAccess: (effective) => withSetting(effective.imapClientAccess, "imapClientAccess"),
    lessSecureApps: (effective) => withSetting(effective.lessSecureApps, "lessSecureApps"),
  },
  SettingSource: {
    orgUnit: (source, _, context) =>
      source.orgUnit === null
        ? null
        : asSeenBy(context, source.orgUnit, source.setting === undefined ? [] : [source.setting]),
  },
  MailAccessPolicy: {
    popAccess: ({ policy }) => toggle(policy.popAccess),
    imapAccess: ({ policy }) => toggle(policy.imapAccess),
    lessSecureApps: ({ policy }) => toggle(policy.lessSecureApps),
    imapClientAccess: ({ policy }) => policy.imapClientAccess ?? null,
  },
  ImapClientAccess: {
    allowedOAuthClients: (access) => clients(access.allowedOAuthClientIds),
  },
  EffectiveToggle: {
    enabled: (effective) => effective.value,
  },
  EffectiveImapClientAccess: {
    mode: (effective) => effective.value.mode,
    allowedOAuthClients: ({ value }) => clients(allowedIds(value)),
    allowedOAuthClientIds: ({ value }) => allowedIds(value),
  },
  UpdateMailAccessPolicyPayload: {
    mailAccessPolicy: (update) => ({ policy: update.policy, changedAt: update.policyChangedAt }),
    effectiveMailAccess: (update) => update.effective,
    propagation: (update) => update.effective.propagation,
  },
  MailAccessImpact: {
    usersGainingPop: (impact) => impact.pop.usersGainingAccess,
    usersLosingPop: (impact) => impact.pop.usersLosingAccess,
    usersGainingImap: (impact) => impact.imap.usersGainingAccess,
    usersLosingImap: (impact) => impact.imap.usersLosingAccess,
    changedOrgUnits: (impact, { first, after }) => ({
      ...pageOfList("changedOrgUnits", impact.orgUnits, first, after),
      totalCount: impact.orgUnits.length,
    }),
  },
  OrgUnitImpact: {
    changedSettings: (impact) => impact.changedSettings.map((key) => SETTINGS[key]),
  },
};
