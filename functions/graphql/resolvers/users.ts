/** GraphQL for users: lookups, lists per OU, their own settings, effective access, and access decisions. */
import { availableToUser } from "../../domain/access-decision";
import { settingKeyOf } from "../../domain/mail-access";
import { OU_ID } from "../../domain/org-unit";
import {
  createUser,
  decideMailAccess,
  deleteUser,
  findUser,
  getUsers,
  listUsers,
  updateMyMailSettings,
  updateUser,
  updateUserMailSettings,
  userEffectiveMailAccess,
  userOrgUnit,
  viewerUser,
} from "../../services/users";
import type { Resolvers } from "../generated/resolvers";
import { mutate } from "../mutation";
import { connection, decodeCursor, encodeCursor, pageSize } from "../pagination";

const USERS = "users";

export const userResolvers: Resolvers = {
  Query: {
    user: (_, { email }, context) => findUser(context, email),
    users: (_, { emails }, context) => getUsers(context, emails),
    mailAccessDecision: async (_, { input }, context) => {
      const [decision] = await decideMailAccess(context, [input], "input");
      return decision as NonNullable<typeof decision>;
    },
    mailAccessDecisions: (_, { inputs }, context) => decideMailAccess(context, inputs),
  },
  Mutation: {
    createUser: async (_, { input }, context, info) => ({
      user: await mutate(context, info, input, (request) => createUser(request, input)),
    }),
    updateUser: (_, { input }, context, info) => mutate(context, info, input, (request) => updateUser(request, input)),
    deleteUser: async (_, { input }, context, info) => ({
      deletedEmail: (await mutate(context, info, input, (request) => deleteUser(request, input))).email,
    }),
    updateUserMailSettings: async (_, { input }, context, info) => ({
      user: await mutate(context, info, input, (request) => updateUserMailSettings(request, input)),
    }),
    updateMyMailSettings: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => updateMyMailSettings(request, input)),
  },
  Viewer: {
    user: (viewer, _, context) => viewerUser(context, viewer),
  },
  OrgUnit: {
    users: async (orgUnit, { first, after, includeSubOrgUnits }, context) => {
      const position = decodeCursor(USERS, after, { ou: OU_ID, email: /^[^\s@]{1,64}@[^\s@]{1,189}$/ });
      const page = await listUsers(context, orgUnit, {
        first: pageSize(first),
        after: position === undefined ? undefined : { orgUnitId: position.ou, email: position.email },
        includeSubOrgUnits: includeSubOrgUnits ?? false,
      });
      return connection(page.users, page.hasNextPage, (user) =>
        encodeCursor(USERS, { ou: user.orgUnitId, email: user.email }),
      );
    },
  },
  User: {
    orgUnit: (user, _, context) => userOrgUnit(context, user),
    mailSettings: (user) => user.settings,
    effectiveMailAccess: (user, _, context) => userEffectiveMailAccess(context, user),
  },
  UserEffectiveMailAccess: {
    pop: ({ effective, settings }) => ({
      allowedByAdministrator: effective.popAccess.value,
      enabledByUser: settings.popAccessWindow !== "DISABLED",
      source: { ...effective.popAccess.source, setting: "popAccess" },
    }),
    imap: ({ effective, settings }) => ({
      allowedByAdministrator: effective.imapAccess.value,
      enabledByUser: settings.imapEnabled,
      source: { ...effective.imapAccess.source, setting: "imapAccess" },
    }),
    lessSecureApps: ({ effective, settings }) => ({
      allowedByAdministrator: effective.lessSecureApps.value,
      enabledByUser: settings.lessSecureAppsEnabled,
      source: { ...effective.lessSecureApps.source, setting: "lessSecureApps" },
    }),
    orgUnitSettings: ({ orgUnitEffective }) => orgUnitEffective,
    availableToUser: ({ effective }) => availableToUser(effective),
  },
  DecidedBy: {
    source: ({ setting, source }) => (source === null ? null : { ...source, setting: settingKeyOf(setting) }),
  },
  UserProtocolAccess: {
    enabled: (access) => access.allowedByAdministrator && access.enabledByUser,
  },
};
