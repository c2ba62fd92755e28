/**
 * Generates resolver types, the embedded SDL and the printed schema contract from graphql/*.graphql, and typed
 * documents for the front-end operations in graphql/operations/ (the client preset), which the tests run.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  // The schema only: graphql/operations/ holds operations, not SDL.
  schema: "graphql/*.graphql",
  generates: {
    "functions/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        contextType: "../context#Context",
        mappers: {
          OrgUnit: "../../domain/org-unit#OrgUnit as OrgUnitModel",
          Customer: "../../domain/customer#Customer as CustomerModel",
          User: "../../domain/user#User as UserModel",
          AuditEvent: "../../domain/audit#AuditEvent as AuditEventModel",
          Viewer: "../../domain/customer#Actor as ActorModel",
          ApiKey: "../../domain/customer#ApiKey as ApiKeyModel",
          AdminRole: "../../domain/customer#AdminRole as AdminRoleModel",
          ImapClientAccess: "../../domain/mail-access#ImapClientAccess as ImapClientAccessModel",
          MailAccessPolicy: "../models#PolicyModel",
          EffectiveMailAccess: "../models#EffectiveMailAccessModel",
          EffectiveToggle: "../models#EffectiveToggleModel",
          EffectiveImapClientAccess: "../models#EffectiveImapClientAccessModel",
          SettingSource: "../models#SettingSourceModel",
          MailAccessImpact: "../models#MailAccessImpactModel",
          OrgUnitImpact: "../models#OrgUnitImpactModel",
          DecidedBy: "../models#DecidedByModel",
          UserEffectiveMailAccess: "../models#UserEffectiveMailAccessModel",
          UserProtocolAccess: "../models#UserProtocolAccessModel",
          MailAccessDecision: "../../services/users#UserAccessDecision",
          UpdateMailAccessPolicyPayload: "../../services/mail-access#MailAccessPolicyUpdate",
          ApplyMailAccessPolicyPayload: "../../services/mail-access#BulkPolicyUpdate",
          Group: "../../domain/groups#Group as GroupModel",
          GroupMailAccessImpact: "../../domain/group-impact#GroupImpact as GroupImpactModel",
          GroupMembership: "../../services/groups#Membership",
          GroupMembersPayload: "../../services/groups#GroupChangeResult",
          DeleteGroupPayload: "../../services/groups#DeletedGroup",
          SetGroupPriorityPayload: "../../services/groups#PriorityChange",
          UpdateGroupMailAccessPolicyPayload: "../../services/group-policy#GroupPolicyUpdate",
          UpdateOrgUnitPayload: "../../services/org-units#OrgUnitUpdate",
          UpdateUserPayload: "../../services/users#UserUpdate",
        },
        scalars: { DateTime: "string", ID: "string" },
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
      },
    },
    "functions/graphql/generated/type-defs.ts": { plugins: ["./codegen/type-defs-plugin.cjs"] },
    "schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: true } },
    "test/generated/client/": {
      preset: "client",
      documents: "graphql/operations/*.graphql",
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: "string", ID: "string" },
        enumsAsTypes: true,
        strictScalars: true,
        useTypeImports: true,
        // TypedDocumentNode ASTs, which any GraphQL client takes (the test harness prints them to send).
        documentMode: "documentNode",
      },
    },
  },
};

export default config;
