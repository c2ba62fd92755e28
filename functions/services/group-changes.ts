/**
 * What a change of configuration groups does to the people it reaches, worked out before it is made: every user it
 * reaches (the users it names, and the members, directly or through nesting, of the groups it touches), each with the
 * settings in force for them now and as they would be after the change, counted (../domain/group-impact.ts). Every
 * member is read: ⌈n/100⌉ batch reads in parallel for n members, which the request's budget of DynamoDB calls does
 * not limit (a change must be previewed whatever the size of its groups).
 */
import { groupImpact, type GroupImpact } from "../domain/group-impact";
import { MAX_NESTING_LEVELS, byPriority, groupsInEffect, withGroups, type Group } from "../domain/groups";
import type { User } from "../domain/user";
import { RetryableConflict } from "../errors";
import { effectiveMailAccessOf } from "./mail-access";
import type { Request } from "./request";

/** How a change leaves groups and memberships; what it leaves out stays as it is. */
export interface GroupChangeModel {
  /** A user's direct groups after the change. */
  directGroupIds?: (user: User) => string[];
  /** A group as the change leaves it (null: gone). */
  group?: (group: Group) => Group | null;
  /** The priority order after the change. */
  order?: string[];
}

export interface PlannedGroupChange {
  impact: GroupImpact;
  /** Each reached user's groups in effect after the change, highest priority first, by address. */
  after: Map<string, Group[]>;
  users: User[];
}

/**
 * The impact of `change` on the users it reaches: `emails`, and the members of `groups` (directly or through
 * nesting, as the groups' derived fields say: a change is planned while no membership fan-out runs).
 */
export function planGroupChange(
  request: Request,
  reached: { groups: readonly Group[]; emails: readonly string[] },
  change: GroupChangeModel,
): Promise<PlannedGroupChange> {
  return request.groupFanOut.withoutBudget(() => plan(request, reached, change));
}

async function plan(
  request: Request,
  reached: { groups: readonly Group[]; emails: readonly string[] },
  change: GroupChangeModel,
): Promise<PlannedGroupChange> {
  const reads = request.groupFanOut.reads;
  const groupIds = [...new Set(reached.groups.flatMap((group) => [group.id, ...group.descendantGroupIds]))];
  const emails = new Set(reached.emails);
  for (const members of (await reads.allMembers(groupIds, "U")).values())
    for (const member of members) if ("userEmail" in member) emails.add(member.userEmail);
  const directAfter = (user: User) => change.directGroupIds?.(user) ?? user.groupIds;
  const [users, order] = await Promise.all([request.groupFanOut.users([...emails]), reads.order()]);
  const known = new Map<string, Group | null>();
  const [orgUnits] = await Promise.all([
    Promise.all(users.map((user) => request.orgUnits.load(user.orgUnitId, user.orgUnitAncestorIds))),
    load([...new Set(users.flatMap((user) => [...user.groupIds, ...user.effectiveGroupIds, ...directAfter(user)]))]),
  ]);
  async function load(ids: readonly string[]): Promise<void> {
    for (const [id, group] of await reads.getMany(ids)) known.set(id, group);
  }
  const now = (group: Group | null | undefined) => (group === null || group?.deleting === true ? null : group);
  const asAfter = (id: string) => {
    const group = now(known.get(id));
    if (group === null || group === undefined || change.group === undefined) return group;
    return change.group(group);
  };
  // Follows the nesting up from each user's groups, before and after, reading what is missing, all users at once.
  for (let reads = 0; ; reads += 1) {
    const missing = new Set<string>();
    for (const user of users) {
      groupsInEffect(user.groupIds, (id) => now(known.get(id))).missing.forEach((id) => missing.add(id));
      groupsInEffect(directAfter(user), asAfter).missing.forEach((id) => missing.add(id));
    }
    if (missing.size === 0) break;
    if (reads === MAX_NESTING_LEVELS)
      throw new RetryableConflict("The configuration groups changed while this request read them; retry.");
    await load([...missing]);
  }
  const inEffect = (direct: readonly string[], lookup: (id: string) => Group | null | undefined, ids: string[]) =>
    byPriority(
      [...groupsInEffect(direct, lookup).paths.values()].map((path) => path.at(-1) as Group),
      ids,
    );
  const after = new Map<string, Group[]>();
  const changes = users.map((user, index) => {
    const orgUnit = orgUnits[index];
    if (orgUnit === null || orgUnit === undefined)
      throw new RetryableConflict(`The OU of ${user.email} changed while this request read it; retry.`);
    const effective = effectiveMailAccessOf(orgUnit, request.now());
    const groupsAfter = inEffect(directAfter(user), asAfter, change.order ?? order.groupIds);
    after.set(user.email, groupsAfter);
    return {
      before: withGroups(
        effective,
        inEffect(user.groupIds, (id) => now(known.get(id)), order.groupIds),
        request.now(),
      ),
      after: withGroups(effective, groupsAfter, request.now()),
      settings: user.settings,
    };
  });
  return { impact: groupImpact(changes), after, users };
}
