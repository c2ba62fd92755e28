/** GraphQL for POP and IMAP settings: OU policies, effective values with sources, and policy changes. */
import { KNOWN_MAIL_CLIENTS, knownClientName, type SettingKey } from "../../domain/mail-access";
import {
  applyMailAccessPolicy,
  editAllowedOAuthClients,
  effectiveMailAccessOf,
  updateMailAccessPolicy,
} from "../../services/mail-access";
import type { MailAccessSetting, OAuthClient, Resolvers, Toggle } from "../generated/resolvers";
import { idempotent } from "../idempotency";
import { connection, decodeCursor, encodeCursor, pageSize } from "../pagination";

const CHANGED_ORG_UNITS = "changedOrgUnits";

const toggle = (value: boolean | undefined): Toggle | null => (value === undefined ? null : value ? "ON" : "OFF");

const clients = (ids: readonly string[]): OAuthClient[] =>
  ids.map((clientId) => ({ clientId, name: knownClientName(clientId) }));

const SETTING_NAMES: Record<SettingKey, MailAccessSetting> = {
  popAccess: "POP_ACCESS",
  imapAccess: "IMAP_ACCESS",
  imapClientAccess: "IMAP_CLIENT_ACCESS",
  lessSecureApps: "LESS_SECURE_APPS",
};

export const mailAccessResolvers: Resolvers = {
  Query: {
    knownMailClients: () => [...KNOWN_MAIL_CLIENTS],
  },
  Mutation: {
    updateMailAccessPolicy: (_, { input }, context, info) =>
      idempotent(context, info, input, (ctx) => updateMailAccessPolicy(ctx, input)),
    addAllowedOAuthClients: (_, { input }, context, info) =>
      idempotent(context, info, input, (ctx) => editAllowedOAuthClients(ctx, input, "ADD")),
    removeAllowedOAuthClients: (_, { input }, context, info) =>
      idempotent(context, info, input, (ctx) => editAllowedOAuthClients(ctx, input, "REMOVE")),
    applyMailAccessPolicy: (_, { input }, context, info) =>
      idempotent(context, info, input, (ctx) => applyMailAccessPolicy(ctx, input)),
  },
  OrgUnit: {
    mailAccessPolicy: (orgUnit) => ({ policy: orgUnit.mailAccessPolicy, changedAt: orgUnit.policyChangedAt }),
    effectiveMailAccess: (orgUnit, _, { now }) => effectiveMailAccessOf(orgUnit, now()),
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
    allowedOAuthClients: ({ value }) => clients(value.mode === "OAUTH_ALLOWLIST" ? value.allowedOAuthClientIds : []),
  },
  UpdateMailAccessPolicyPayload: {
    mailAccessPolicy: (update) => ({ policy: update.policy, changedAt: update.policyChangedAt }),
    effectiveMailAccess: (update) => update.effective,
    propagation: (update) => update.effective.propagation,
  },
  MailAccessImpact: {
    changedOrgUnits: (impact, { first, after }) => {
      const size = pageSize(first);
      const start = Number(decodeCursor(CHANGED_ORG_UNITS, after)?.index ?? -1) + 1;
      const page = impact.orgUnits.slice(start, start + size);
      return {
        ...connection(page, start + size < impact.orgUnits.length, (node) =>
          encodeCursor(CHANGED_ORG_UNITS, { index: String(impact.orgUnits.indexOf(node)) }),
        ),
        totalCount: impact.orgUnits.length,
      };
    },
  },
  OrgUnitImpact: {
    changedSettings: (impact) => impact.changedSettings.map((key) => SETTING_NAMES[key]),
  },
};
