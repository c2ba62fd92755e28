/** GraphQL for the caller, API keys and administrator roles. */
import { createApiKey, grantAdminRole, revokeAdminRole, revokeApiKey, scopeOrgUnit } from "../../services/access";
import { listAdminRoles, listApiKeys } from "../../store/customers";
import type { Resolvers } from "../generated/resolvers";
import { idempotent } from "../idempotency";
import { connection, decodeCursor, encodeCursor, pageSize } from "../pagination";

/** A page of a list read whole (API keys and administrators are few), after the cursor's position. */
function pageOf<T>(kind: string, items: T[], first: number | null | undefined, after: string | null | undefined) {
  const size = pageSize(first);
  const start = Number(decodeCursor(kind, after)?.index ?? -1) + 1;
  return connection(items.slice(start, start + size), start + size < items.length, (item) =>
    encodeCursor(kind, { index: String(items.indexOf(item)) }),
  );
}

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_, __, { actor }) => actor,
    apiKeys: async (_, { first, after }, { db, customerId }) =>
      pageOf("apiKeys", await listApiKeys(db, customerId), first, after),
    adminRoles: async (_, { first, after }, { db, customerId }) =>
      pageOf("adminRoles", await listAdminRoles(db, customerId), first, after),
  },
  Mutation: {
    // The secret is never kept: a repeated request gets the key without it.
    createApiKey: (_, { input }, context, info) =>
      idempotent(
        context,
        info,
        input,
        (ctx) => createApiKey(ctx, input),
        (result) => ({ ...result, secret: null }),
      ),
    revokeApiKey: async (_, { input }, context, info) => ({
      apiKey: await idempotent(context, info, input, (ctx) => revokeApiKey(ctx, input.id)),
    }),
    grantAdminRole: async (_, { input }, context, info) => ({
      adminRole: await idempotent(context, info, input, (ctx) => grantAdminRole(ctx, input)),
    }),
    revokeAdminRole: async (_, { input }, context, info) => ({
      email: await idempotent(context, info, input, (ctx) => revokeAdminRole(ctx, input.email)),
    }),
  },
  Viewer: {
    orgUnitScope: (actor, _, { orgUnits }) => scopeOrgUnit(orgUnits, actor.orgUnitScope),
  },
  ApiKey: {
    orgUnitScope: (key, _, { orgUnits }) => scopeOrgUnit(orgUnits, key.orgUnitScope),
  },
  AdminRole: {
    orgUnitScope: (role, _, { orgUnits }) => scopeOrgUnit(orgUnits, role.orgUnitScope),
  },
};
