/**
 * Adding members to a configuration group and taking them out, in batches of at most 25 (users by address, groups by
 * id), previewed with dryRun. Users alone: one transaction, their derived fields written with them. With groups
 * among them: the change reaches every member of those groups (directly or through nesting), so it is made as a
 * fenced, resumable fan-out (store/groups/fan-out.ts). Nesting that would make a cycle or more than 10 levels is
 * refused.
 */
import { quoted } from "../domain/text";
import { groupWarnings } from "../domain/group-impact";
import {
  GROUP_ID,
  MAX_DIRECT_GROUPS,
  MAX_MEMBERS_PER_REQUEST,
  assertCanNest,
  memberGroupsOf,
  type Group,
} from "../domain/groups";
import { normalizeEmail, type User } from "../domain/user";
import { badInput, failedPrecondition, notFound } from "../errors";
import type { MembershipUpdate } from "../store/groups/writes";
import { authorize } from "./authorization";
import { planGroupChange } from "./group-changes";
import { lockedBy, requireGroup, type GroupChangeResult, type GroupRef } from "./groups";
import type { WriteRequest } from "./request";
import { withRetries } from "./retry";

export interface MembersInput extends GroupRef {
  userEmails?: string[] | null;
  groupIds?: string[] | null;
  dryRun?: boolean | null;
}

/** The members an input names, checked before anything is read. */
function membersOf(input: MembersInput): { emails: string[]; groupIds: string[] } {
  const rawEmails = input.userEmails ?? [];
  const groupIds = input.groupIds ?? [];
  const count = rawEmails.length + groupIds.length;
  if (count === 0) throw badInput("userEmails", "Name at least one member: users in userEmails, groups in groupIds.");
  if (count > MAX_MEMBERS_PER_REQUEST)
    throw badInput(
      rawEmails.length > 0 ? "userEmails" : "groupIds",
      `At most ${MAX_MEMBERS_PER_REQUEST} members (users and groups together) per request; got ${count}. Split the change.`,
      { maxItems: MAX_MEMBERS_PER_REQUEST },
    );
  const emails = rawEmails.map((email, index) => normalizeEmail(email, `userEmails[${index}]`));
  emails.forEach((email, index) => {
    if (emails.indexOf(email) !== index) throw badInput(`userEmails[${index}]`, `${email} is named twice.`);
  });
  groupIds.forEach((id, index) => {
    if (!GROUP_ID.test(id)) throw notFound(`groupIds[${index}]`, `No configuration group with id ${quoted(id)}.`);
    if (groupIds.indexOf(id) !== index) throw badInput(`groupIds[${index}]`, `${quoted(id)} is named twice.`);
  });
  return { emails, groupIds };
}

/**
 * Adds (`ADD`) or removes members of a group. Members already in (or, to remove, not in) the group are left as they
 * are; a request that changes nothing writes nothing. Returns the impact on the people the change reaches.
 */
export async function changeGroupMembers(
  request: WriteRequest,
  input: MembersInput,
  edit: "ADD" | "REMOVE",
): Promise<GroupChangeResult> {
  await authorize(request, "SUPER_ADMIN", "manage configuration groups");
  const named = membersOf(input);
  const dryRun = input.dryRun ?? false;
  const joining = edit === "ADD";
  return withRetries(
    async () => {
      const [group, graph, users, groups] = await Promise.all([
        requireGroup(request.groups, input),
        request.groups.graph(),
        request.users.getMany(named.emails),
        request.groups.getMany(named.groupIds),
      ]);
      if (graph.op !== undefined) throw lockedBy(request);
      const inGroup = (ids: readonly string[]) => ids.includes(group.id);
      const changedUsers = named.emails.flatMap((email, index): User[] => {
        const user = users.get(email);
        if (user === undefined) throw notFound(`userEmails[${index}]`, `No user with the address ${email}.`);
        if (joining && user.groupIds.length >= MAX_DIRECT_GROUPS && !inGroup(user.groupIds))
          throw failedPrecondition(
            `${email} already belongs to ${MAX_DIRECT_GROUPS} groups directly, the most a user may.`,
            {
              field: `userEmails[${index}]`,
              maxGroups: MAX_DIRECT_GROUPS,
            },
          );
        return inGroup(user.groupIds) === joining ? [] : [user];
      });
      const changedGroups = named.groupIds.flatMap((id, index): Group[] => {
        const member = groups.get(id);
        const field = `groupIds[${index}]`;
        if (member === null || member === undefined || member.deleting)
          throw notFound(field, `No configuration group with id ${quoted(id)}.`);
        if (inGroup(member.parentGroupIds) === joining) return [];
        if (joining) {
          assertCanNest(group, member, field);
          if (member.parentGroupIds.length >= MAX_DIRECT_GROUPS)
            throw failedPrecondition(
              `"${member.name}" already belongs to ${MAX_DIRECT_GROUPS} groups directly, the most a group may.`,
              {
                field,
                maxGroups: MAX_DIRECT_GROUPS,
              },
            );
        }
        return [member];
      });
      const toggled = (ids: readonly string[]) => (joining ? [...ids, group.id] : ids.filter((id) => id !== group.id));
      const plan = await planGroupChange(
        request,
        { groups: changedGroups, emails: changedUsers.map((user) => user.email) },
        {
          directGroupIds: (user) =>
            changedUsers.some((each) => each.email === user.email) ? toggled(user.groupIds) : user.groupIds,
          group: (each) =>
            changedGroups.some((member) => member.id === each.id)
              ? { ...each, parentGroupIds: toggled(each.parentGroupIds) }
              : each,
        },
      );
      const changed = changedUsers.length + changedGroups.length > 0;
      const delta = (count: number) => (joining ? count : -count);
      const result: GroupChangeResult = {
        group: {
          ...group,
          userMemberCount: group.userMemberCount + delta(changedUsers.length),
          groupMemberCount: group.groupMemberCount + delta(changedGroups.length),
        },
        impact: plan.impact,
        warnings: groupWarnings(plan.impact, changed),
        changed,
        dryRun,
      };
      if (!changed || dryRun) return result;
      const updates: MembershipUpdate[] = changedUsers.map((user) => ({
        user,
        groupIds: toggled(user.groupIds),
        derived: memberGroupsOf(plan.after.get(user.email) ?? []),
      }));
      if (changedGroups.length === 0)
        return request.work.commit(
          [request.groupWrites.changeMembers(group, updates, [], joining, graph.version)],
          result,
        );
      const { writes, events } = request.groupWrites.changeMembers(group, updates, changedGroups, joining, undefined);
      return request.groupFanOut.run(request.work, {
        kind: "MEMBERS",
        groupId: group.id,
        rootGroupIds: changedGroups.map((member) => member.id),
        userEmails: changedUsers.map((user) => user.email),
        nestingVersion: graph.version,
        writes,
        events,
        result,
      });
    },
    { retryVersionConflicts: true },
  );
}
