/** GraphQL for the OU tree: translates arguments to the org-unit service and OUs to their fields. */
import { assertOrgUnitAccess } from "../../domain/access";
import { createOrgUnit, deleteOrgUnit, findOrgUnitFor, updateOrgUnit } from "../../services/org-units";
import type { Resolvers } from "../generated/resolvers";
import { idempotent } from "../idempotency";
import { connection, decodeCursor, encodeCursor, pageSize } from "../pagination";

const CHILDREN = "children";

export const orgUnitResolvers: Resolvers = {
  Query: {
    orgUnit: (_, args, context) => findOrgUnitFor(context, args),
  },
  Mutation: {
    createOrgUnit: async (_, { input }, context, info) => ({
      orgUnit: await idempotent(context, info, input, (ctx) => createOrgUnit(ctx, input)),
    }),
    updateOrgUnit: async (_, { input }, context, info) => ({
      orgUnit: await idempotent(context, info, input, (ctx) => updateOrgUnit(ctx, input)),
    }),
    deleteOrgUnit: async (_, { input }, context, info) => {
      const deleted = await idempotent(context, info, input, (ctx) => deleteOrgUnit(ctx, input));
      return { deletedOrgUnitId: deleted.id, path: deleted.path };
    },
  },
  OrgUnit: {
    parent: (orgUnit) => orgUnit.ancestors.at(-1) ?? null,
    children: async (orgUnit, { first, after }, { orgUnits, actor }) => {
      assertOrgUnitAccess(actor, orgUnit);
      const size = pageSize(first);
      const position = decodeCursor(CHILDREN, after);
      const page = await orgUnits.listChildren(orgUnit, size, position?.name);
      return connection(page.orgUnits, page.hasNextPage, (child) => encodeCursor(CHILDREN, { name: child.name }));
    },
  },
};
