/** GraphQL for configuration groups: lookups, the priority order, members, a user's groups, and their changes. */
import { GROUP_ID } from "../../domain/groups";
import { changeGroupMembers } from "../../services/group-members";
import { updateGroupMailAccessPolicy } from "../../services/group-policy";
import {
  createGroup,
  deleteGroup,
  findGroupFor,
  groupAsSeen,
  listGroups,
  listMembers,
  parentGroups,
  priorityOf,
  setGroupPriority,
  updateGroup,
  userGroups,
  wholeGroup,
} from "../../services/groups";
import { MEMBER_SORT_KEY } from "../../store/groups/records";
import type { Resolvers } from "../generated/resolvers";
import { mutate } from "../mutation";
import { connection, decodeCursor, encodeCursor, pageOfList, pageSize } from "../pagination";

const GROUPS = "groups";
const MEMBERS = "members";

export const groupResolvers: Resolvers = {
  Query: {
    group: (_, args, context) => findGroupFor(context, args),
    groups: async (_, { first, after }, context) => {
      const position = decodeCursor(GROUPS, after, { id: GROUP_ID, position: /^\d{1,4}$/ });
      const page = await listGroups(
        context,
        pageSize(first),
        position === undefined ? undefined : { id: position.id, position: Number(position.position) },
      );
      const { groupIds } = await context.groups.order();
      return connection(page.groups, page.hasNextPage, (group) =>
        encodeCursor(GROUPS, { id: group.id, position: String(groupIds.indexOf(group.id) + 1) }),
      );
    },
  },
  Mutation: {
    createGroup: async (_, { input }, context, info) => ({
      group: await mutate(context, info, input, (request) => createGroup(request, input)),
    }),
    updateGroup: async (_, { input }, context, info) => ({
      group: await mutate(context, info, input, (request) => updateGroup(request, input)),
    }),
    deleteGroup: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => deleteGroup(request, input)),
    addGroupMembers: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => changeGroupMembers(request, input, "ADD")),
    removeGroupMembers: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => changeGroupMembers(request, input, "REMOVE")),
    updateGroupMailAccessPolicy: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => updateGroupMailAccessPolicy(request, input)),
    setGroupPriority: (_, { input }, context, info) =>
      mutate(context, info, input, (request) => setGroupPriority(request, input)),
  },
  Group: {
    email: (group) => wholeGroup(group).email,
    description: (group) => wholeGroup(group).description,
    priority: (group, _, context) => priorityOf(context, wholeGroup(group)),
    mailAccessPolicy: (group) => ({
      policy: wholeGroup(group).mailAccessPolicy,
      changedAt: group.policyChangedAt,
    }),
    userMemberCount: (group) => wholeGroup(group).userMemberCount,
    groupMemberCount: (group) => wholeGroup(group).groupMemberCount,
    members: async (group, { first, after }, context) => {
      const position = decodeCursor(MEMBERS, after, { sk: MEMBER_SORT_KEY });
      const page = await listMembers(context, group, pageSize(first), position?.sk);
      const connected = connection(page.members, page.hasNextPage, ({ cursor }) =>
        encodeCursor(MEMBERS, { sk: cursor }),
      );
      return {
        ...connected,
        edges: connected.edges.map(({ node, cursor }) => ({ node: node.member, cursor })),
        nodes: connected.nodes.map((node) => node.member),
      };
    },
    memberOf: (group, _, context) => parentGroups(context, group),
    version: (group) => wholeGroup(group).version,
    createdAt: (group) => wholeGroup(group).createdAt,
    updatedAt: (group) => wholeGroup(group).updatedAt,
  },
  GroupMember: {
    __resolveType: (member) => ("orgUnitId" in member ? "User" : "Group"),
  },
  User: {
    groups: async (user, { first, after }, context) => {
      const memberships = await userGroups(context, user);
      return { ...pageOfList("groupMemberships", memberships, first, after), totalCount: memberships.length };
    },
  },
  UserEffectiveMailAccess: {
    settings: ({ effective }) => effective,
  },
  SettingSource: {
    group: (source, _, context) => (source.kind === "GROUP" ? groupAsSeen(context, source.group) : null),
  },
  DeleteGroupPayload: {
    deletedGroupId: (deleted) => deleted.group.id,
    name: (deleted) => deleted.group.name,
  },
  UpdateGroupMailAccessPolicyPayload: {
    mailAccessPolicy: (update) => ({ policy: update.policy, changedAt: update.group.policyChangedAt }),
  },
};
