/** GraphQL for the OU tree: translates arguments to the org-unit service and OUs to their fields. */
import { OU_ID } from "../../domain/org-unit";
import {
  createOrgUnit,
  deleteOrgUnit,
  findOrgUnitFor,
  listChildren,
  subtreePage,
  updateOrgUnit,
} from "../../services/org-units";
import { asSeenBy, whole } from "../../services/visibility";
import type { Resolvers } from "../generated/resolvers";
import { mutate } from "../mutation";
import { connection, decodeCursor, encodeCursor, pageSize } from "../pagination";

const CHILDREN = "children";
const SUBTREE = "subtree";

export const orgUnitResolvers: Resolvers = {
  Query: {
    orgUnit: (_, args, context) => findOrgUnitFor(context, args),
    orgUnits: async (_, { under, first, after }, context) => {
      const afterId = decodeCursor(SUBTREE, after, { id: OU_ID })?.id;
      const page = await subtreePage(context, under, pageSize(first), afterId);
      return connection(page.orgUnits, page.hasNextPage, (ou) => encodeCursor(SUBTREE, { id: ou.id }));
    },
  },
  Mutation: {
    createOrgUnit: async (_, { input }, context, info) => ({
      orgUnit: await mutate(context, info, input, (request) => createOrgUnit(request, input)),
    }),
    updateOrgUnit: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => updateOrgUnit(request, input)),
    deleteOrgUnit: async (_, { input }, context, info) => {
      const deleted = await mutate(context, info, input, (request) => deleteOrgUnit(request, input));
      return { deletedOrgUnitId: deleted.id, path: deleted.path };
    },
  },
  OrgUnit: {
    parent: (orgUnit, _, context) => {
      const parent = orgUnit.ancestors.at(-1);
      return parent === undefined ? null : asSeenBy(context, parent);
    },
    ancestors: (orgUnit, _, context) => Promise.all(orgUnit.ancestors.map((ancestor) => asSeenBy(context, ancestor))),
    description: (orgUnit) => (orgUnit.shown === undefined ? orgUnit.description : null),
    version: (orgUnit) => whole(orgUnit).version,
    createdAt: (orgUnit) => whole(orgUnit).createdAt,
    updatedAt: (orgUnit) => whole(orgUnit).updatedAt,
    children: async (orgUnit, { first, after }, context) => {
      const page = await listChildren(
        context,
        orgUnit,
        pageSize(first),
        decodeCursor(CHILDREN, after, { name: /^.{1,255}$/su })?.name,
      );
      return connection(page.orgUnits, page.hasNextPage, (child) => encodeCursor(CHILDREN, { name: child.name }));
    },
  },
};
