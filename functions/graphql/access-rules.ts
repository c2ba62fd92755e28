/**
 * The access rule of every query and mutation. The server refuses to start when a root field has no rule, and the
 * role matrix test is generated from this table and the schema, so a new field cannot slip through unchecked.
 */
import type { AccessRule } from "../domain/access";

export const accessRules: Record<string, AccessRule> = {
  "Query.viewer": "ANY",
  "Query.knownMailClients": "ANY",
  "Query.customer": "READ",
  "Query.orgUnit": "READ",
  "Query.user": "SELF",
  "Query.users": "READ",
  "Query.mailAccessDecision": "READ",
  "Query.mailAccessDecisions": "READ",
  "Query.auditEvents": "READ",
  "Query.apiKeys": "SUPER_ADMIN",
  "Query.adminRoles": "SUPER_ADMIN",
  "Mutation.createOrgUnit": "WRITE",
  "Mutation.updateOrgUnit": "WRITE",
  "Mutation.deleteOrgUnit": "WRITE",
  "Mutation.updateMailAccessPolicy": "WRITE",
  "Mutation.addAllowedOAuthClients": "WRITE",
  "Mutation.removeAllowedOAuthClients": "WRITE",
  "Mutation.applyMailAccessPolicy": "WRITE",
  "Mutation.createUser": "WRITE",
  "Mutation.updateUser": "WRITE",
  "Mutation.deleteUser": "WRITE",
  "Mutation.updateUserMailSettings": "WRITE",
  "Mutation.createApiKey": "SUPER_ADMIN",
  "Mutation.revokeApiKey": "SUPER_ADMIN",
  "Mutation.grantAdminRole": "SUPER_ADMIN",
  "Mutation.revokeAdminRole": "SUPER_ADMIN",
};
