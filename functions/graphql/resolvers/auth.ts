/** GraphQL for the caller, API keys and administrator roles. */
import {
  createApiKey,
  grantAdminRole,
  listAdminRoles,
  listApiKeys,
  revokeAdminRole,
  revokeApiKey,
  scopeOrgUnit,
  viewer,
} from "../../services/access";
import type { Resolvers } from "../generated/resolvers";
import { mutate } from "../mutation";
import { pageOfList } from "../pagination";

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_, __, context) => viewer(context),
    apiKeys: async (_, { first, after }, context) => pageOfList("apiKeys", await listApiKeys(context), first, after),
    adminRoles: async (_, { first, after }, context) =>
      pageOfList("adminRoles", await listAdminRoles(context), first, after),
  },
  Mutation: {
    createApiKey: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => createApiKey(request, input)),
    revokeApiKey: async (_, { input }, context, info) => ({
      apiKey: await mutate(context, info, input, (request) => revokeApiKey(request, input.id)),
    }),
    grantAdminRole: async (_, { input }, context, info) => ({
      adminRole: await mutate(context, info, input, (request) => grantAdminRole(request, input)),
    }),
    revokeAdminRole: async (_, { input }, context, info) => ({
      email: await mutate(context, info, input, (request) => revokeAdminRole(request, input.email)),
    }),
  },
  Viewer: {
    orgUnitScope: (actor, _, context) => scopeOrgUnit(context, actor.orgUnitScope),
  },
  ApiKey: {
    orgUnitScope: (key, _, context) => scopeOrgUnit(context, key.orgUnitScope),
  },
  AdminRole: {
    orgUnitScope: (role, _, context) => scopeOrgUnit(context, role.orgUnitScope),
  },
};
