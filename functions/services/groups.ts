/**
 * Configuration groups' verbs: find and list them within the caller's reach, create, rename, re-address, describe,
 * delete (forced when the group has members or settings, previewed with dryRun), and move in the priority order; a
 * group's members, and a user's groups. Only super administrators change groups; any administrator reads them, an OU
 * administrator only the groups that reach users within its scope. Members: ./group-members.ts; a group's settings:
 * ./group-policy.ts.
 */
import { quoted } from "../domain/text";
import { withinReach } from "../domain/access";
import type { Actor } from "../domain/customer";
import { groupImpact, groupWarnings, type GroupImpact } from "../domain/group-impact";
import {
  settingsSet,
  validateGroupDescription,
  validateGroupEmail,
  validateGroupName,
  type Group,
} from "../domain/groups";
import type { Warning } from "../domain/mail-access-impact";
import type { User } from "../domain/user";
import { badInput, failedPrecondition, notFound, versionConflict, type ApiError } from "../errors";
import type { GroupMemberRef } from "../store/keys";
import type { GroupStore } from "../store/groups/reads";
import { GroupsLocked } from "../store/groups/records";
import { about } from "../store/groups/writes";
import { keys } from "../store/keys";
import { authorize } from "./authorization";
import { planGroupChange } from "./group-changes";
import type { Request, WriteRequest } from "./request";
import { withRetries } from "./retry";

/** A group named by exactly one of its id and its name, as in every input. */
export interface GroupRef {
  groupId?: string | null;
  groupName?: string | null;
}

const MANAGE = "manage configuration groups";

async function findGroup(store: GroupStore, ref: GroupRef): Promise<Group | null> {
  const byId = ref.groupId != null;
  if (byId === (ref.groupName != null))
    throw badInput(byId ? "groupName" : "groupId", `Name the group by exactly one of "groupId" and "groupName".`);
  const group = byId
    ? await store.get(ref.groupId as string)
    : await store.getByName(validateGroupName(ref.groupName as string, "groupName"));
  return group === null || group.deleting ? null : group;
}

/** What a caller is told of a group that does not exist, or that lies outside its reach: the same. */
function noSuchGroup(ref: GroupRef): ApiError {
  return ref.groupId != null
    ? notFound("groupId", `No configuration group with id ${quoted(ref.groupId)}.`)
    : notFound("groupName", `No configuration group named ${quoted(String(ref.groupName))}.`);
}

export async function requireGroup(store: GroupStore, ref: GroupRef): Promise<Group> {
  const group = await findGroup(store, ref);
  if (group === null) throw noSuchGroup(ref);
  return group;
}

// ---- who sees what of a group -----------------------------------------------------------------------------------

/** Each request's answers to "may the caller read this group", which cost reads of the group's members. */
const reachChecks = new WeakMap<Request, Map<string, Promise<boolean>>>();

/**
 * Whether `caller` may read `group`: an administrator without a scope may; an OU administrator may when some user
 * the group reaches (a member, directly or through nesting) lies within its scope, which costs reading the group's
 * members and their OUs.
 */
function mayRead(request: Request, caller: Actor, group: Group): Promise<boolean> {
  if (caller.role === null) return Promise.resolve(false);
  if (caller.orgUnitScope === null) return Promise.resolve(true);
  const checks = reachChecks.get(request) ?? new Map<string, Promise<boolean>>();
  reachChecks.set(request, checks);
  let check = checks.get(group.id);
  if (check === undefined) {
    check = (async () => {
      const members = await request.groupFanOut.reads.allMembers([group.id, ...group.descendantGroupIds], "U");
      const emails = [
        ...new Set([...members.values()].flat().map((member) => (member as { userEmail: string }).userEmail)),
      ];
      const users = await request.groupFanOut.users(emails);
      const orgUnits = await Promise.all(
        users.map((user) => request.orgUnits.load(user.orgUnitId, user.orgUnitAncestorIds)),
      );
      return orgUnits.some((orgUnit) => orgUnit !== null && withinReach(caller, orgUnit));
    })();
    checks.set(group.id, check);
  }
  return check;
}

/** The group as the caller may see it: all of it, or (a user looking at their own settings' source) its name. */
export async function groupAsSeen(request: Request, group: Group): Promise<Group> {
  const caller = await request.caller();
  return caller.role === null ? { ...group, nameOnly: true } : group;
}

/** The group, if the caller may see all of it; refused (as not there) if it may see only its name. */
export function wholeGroup(group: Group): Group {
  if (group.nameOnly === true) throw notFound("group", "Only the id and name of this group are shown to this caller.");
  return group;
}

/**
 * `group(groupId | groupName)`: the group, or null. Its first read starts before the caller is verified (the caller's
 * key rides along); nothing is returned before the caller is.
 */
export async function findGroupFor(request: Request, ref: GroupRef): Promise<Group | null> {
  const group = await findGroup(request.groups, ref);
  const caller = await authorize(request, "READ", "read configuration groups");
  return group !== null && (await mayRead(request, caller, group)) ? group : null;
}

/** A group's place in the priority order: 1 for the highest. */
export async function priorityOf(request: Request, group: Group): Promise<number> {
  return (await request.groups.order()).groupIds.indexOf(group.id) + 1;
}

export interface GroupPage {
  groups: Group[];
  hasNextPage: boolean;
}

/**
 * `groups(first, after)`: the groups in priority order, highest first, after the group `after` names (by id; by its
 * position if it is gone). For an OU administrator, only the groups that reach users within its scope.
 */
export async function listGroups(
  request: Request,
  first: number,
  after: { id: string; position: number } | undefined,
): Promise<GroupPage> {
  const caller = await authorize(request, "READ", "read configuration groups");
  const { groupIds } = await request.groups.order();
  const found = after === undefined ? -1 : groupIds.indexOf(after.id);
  let next = after === undefined ? 0 : found >= 0 ? found + 1 : after.position;
  const groups: Group[] = [];
  while (groups.length < first && next < groupIds.length) {
    const ids = groupIds.slice(next, next + first - groups.length);
    next += ids.length;
    const read = await request.groups.getMany(ids);
    const candidates = ids.flatMap((id) => {
      const group = read.get(id);
      return group === null || group === undefined || group.deleting ? [] : [group];
    });
    const visible = await Promise.all(candidates.map((group) => mayRead(request, caller, group)));
    groups.push(...candidates.filter((_, index) => visible[index]));
  }
  return { groups, hasNextPage: next < groupIds.length };
}

export interface MemberPage {
  members: { member: User | Group; cursor: string }[];
  hasNextPage: boolean;
}

/**
 * A page of a group's direct members (groups first, then users by address). An OU administrator sees the users
 * within its reach and the groups that reach some; a page may then hold fewer than `first`.
 */
export async function listMembers(
  request: Request,
  group: Group,
  first: number,
  after: string | undefined,
): Promise<MemberPage> {
  const caller = await request.caller();
  const page = await request.groups.members(wholeGroup(group).id, first, after);
  const emails = page.members.flatMap((member) => ("userEmail" in member ? [member.userEmail] : []));
  const groupIds = page.members.flatMap((member) => ("groupId" in member ? [member.groupId] : []));
  const [users, groups] = await Promise.all([request.users.getMany(emails), request.groups.getMany(groupIds)]);
  const shown = await Promise.all(
    page.members.map(async (ref: GroupMemberRef) => {
      const cursor = keys.groupMember("", "", ref).sk;
      if ("userEmail" in ref) {
        const user = users.get(ref.userEmail);
        if (user === undefined) return [];
        if (caller.orgUnitScope !== null) {
          const orgUnit = await request.orgUnits.load(user.orgUnitId, user.orgUnitAncestorIds);
          if (orgUnit === null || !withinReach(caller, orgUnit)) return [];
        }
        return [{ member: user as User | Group, cursor }];
      }
      const member = groups.get(ref.groupId);
      if (member === null || member === undefined || member.deleting) return [];
      return (await mayRead(request, caller, member)) ? [{ member: member as User | Group, cursor }] : [];
    }),
  );
  return { members: shown.flat(), hasNextPage: page.hasNextPage };
}

/** `Group.memberOf`: the groups this group is a direct member of, that the caller may see. */
export async function parentGroups(request: Request, group: Group): Promise<Group[]> {
  const caller = await request.caller();
  const parents = await request.groups.getMany(wholeGroup(group).parentGroupIds);
  const live = [...parents.values()].filter((parent): parent is Group => parent !== null && !parent.deleting);
  const visible = await Promise.all(live.map((parent) => mayRead(request, caller, parent)));
  return live.filter((_, index) => visible[index]);
}

export interface Membership {
  group: Group;
  /** Whether the user belongs to the group directly. */
  direct: boolean;
  /** The groups from one the user belongs to directly up to this one (this one last). */
  path: Group[];
}

/** `User.groups`: the groups in effect for the user, highest priority first, each with its path through nesting. */
export async function userGroups(request: Request, user: User): Promise<Membership[]> {
  const caller = await request.caller();
  const { groups, paths } = await request.groups.inEffectFor(user);
  const seen = (group: Group): Group => (caller.role === null ? { ...group, nameOnly: true } : group);
  return groups.map((group) => ({
    group: seen(group),
    direct: user.groupIds.includes(group.id),
    path: (paths.get(group.id) ?? [group]).map(seen),
  }));
}

// ---- changes ------------------------------------------------------------------------------------------------------

export async function createGroup(
  request: WriteRequest,
  input: { name: string; email?: string | null; description?: string | null },
): Promise<Group> {
  await authorize(request, "SUPER_ADMIN", MANAGE);
  const name = validateGroupName(input.name);
  const description = validateGroupDescription(input.description ?? null);
  const email = validateGroupEmail(input.email ?? null, (await request.customer()).domains);
  const { change, group } = request.groupWrites.create({ name, email, description });
  return request.work.commit([change], group);
}

export async function updateGroup(
  request: WriteRequest,
  input: GroupRef & {
    name?: string | null;
    email?: string | null;
    description?: string | null;
    expectedVersion?: number | null;
  },
): Promise<Group> {
  await authorize(request, "SUPER_ADMIN", MANAGE);
  const name = input.name == null ? undefined : validateGroupName(input.name);
  const description = input.description === undefined ? undefined : validateGroupDescription(input.description);
  const email =
    input.email === undefined ? undefined : validateGroupEmail(input.email, (await request.customer()).domains);
  return withRetries(
    async () => {
      const group = await requireGroup(request.groups, input);
      const expectedVersion = input.expectedVersion ?? group.version;
      if (expectedVersion !== group.version)
        throw versionConflict(`The group "${group.name}"`, expectedVersion, group.version);
      const next = {
        name: name ?? group.name,
        email: email === undefined ? group.email : email,
        description: description === undefined ? group.description : description,
      };
      if (next.name === group.name && next.email === group.email && next.description === group.description)
        return group;
      const updated = request.groupWrites.update(group, next, expectedVersion);
      return request.work.commit([updated.change], updated.group);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

export interface GroupChangeResult {
  group: Group;
  impact: GroupImpact;
  warnings: Warning[];
  changed: boolean;
  dryRun: boolean;
}

export interface DeletedGroup extends GroupChangeResult {
  /** The group has members or sets settings: it is deleted only with `force`. */
  requiresForce: boolean;
}

/**
 * Deletes a group: at once if it is alone (no member, in no group); else its members are taken out of it by a
 * fan-out (store/groups/fan-out.ts), while the group no longer counts for anyone from the commit on. A group with
 * members or settings needs `force`; `dryRun` previews what deleting it does to the people it reaches.
 */
export async function deleteGroup(
  request: WriteRequest,
  input: GroupRef & { force?: boolean | null; dryRun?: boolean | null; expectedVersion?: number | null },
): Promise<DeletedGroup> {
  await authorize(request, "SUPER_ADMIN", MANAGE);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      const [group, graph, order] = await Promise.all([
        requireGroup(request.groups, input),
        request.groups.graph(),
        request.groups.order(),
      ]);
      if (graph.op !== undefined) throw lockedBy(request);
      const expectedVersion = input.expectedVersion ?? group.version;
      if (expectedVersion !== group.version)
        throw versionConflict(`The group "${group.name}"`, expectedVersion, group.version);
      const members = group.userMemberCount + group.groupMemberCount;
      const settings = settingsSet(group.mailAccessPolicy);
      const requiresForce = members > 0 || settings.length > 0;
      const { impact } = await planGroupChange(
        request,
        { groups: [group], emails: [] },
        { group: (each) => (each.id === group.id ? null : each) },
      );
      const result: DeletedGroup = {
        group,
        impact,
        warnings: groupWarnings(impact, true),
        changed: true,
        dryRun,
        requiresForce,
      };
      if (dryRun) return result;
      if (requiresForce && input.force !== true)
        throw failedPrecondition(
          `The group "${group.name}" has ${members} member(s) and sets ${settings.length} setting(s): delete it with force: true (preview what that does with dryRun: true).`,
          { field: "force" },
        );
      if (members === 0 && group.parentGroupIds.length === 0)
        return request.work.commit([request.groupWrites.deleteAlone(group, order, expectedVersion)], result);
      return request.groupFanOut.run(request.work, {
        kind: "DELETE",
        groupId: group.id,
        rootGroupIds: [group.id],
        userEmails: [],
        nestingVersion: graph.version,
        writes: request.groupWrites.markDeleted(group, order, expectedVersion),
        events: [{ action: "GROUP_DELETED", ...about(group), oldValue: group.name }],
        result,
      });
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/**
 * The retryable refusal while a membership change is being fanned out: a stalled one is finished first; a retry of
 * the request that started it waits for it.
 */
export function lockedBy(request: WriteRequest): GroupsLocked {
  return new GroupsLocked(() => request.groupFanOut.recover(request.work));
}

export interface PriorityChange extends GroupChangeResult {
  priority: number;
}

/**
 * Moves a group to `priority` (1: the highest) in the order of all groups; the others keep their relative order, so
 * the order stays total and without gaps. Concurrent moves are applied one after another (each on the order as it
 * is). `dryRun` previews what the move does to the group's members.
 */
export async function setGroupPriority(
  request: WriteRequest,
  input: GroupRef & { priority: number; dryRun?: boolean | null },
): Promise<PriorityChange> {
  await authorize(request, "SUPER_ADMIN", MANAGE);
  const dryRun = input.dryRun ?? false;
  if (!Number.isInteger(input.priority) || input.priority < 1)
    throw badInput("priority", `A priority is a whole number from 1 (the highest); got ${input.priority}.`);
  return withRetries(
    async () => {
      const [group, order] = await Promise.all([requireGroup(request.groups, input), request.groups.order()]);
      if (input.priority > order.groupIds.length)
        throw badInput(
          "priority",
          `There are ${order.groupIds.length} groups: a priority is from 1 to ${order.groupIds.length}.`,
          {
            max: order.groupIds.length,
          },
        );
      const current = order.groupIds.indexOf(group.id) + 1;
      const without = order.groupIds.filter((id) => id !== group.id);
      const moved = [...without.slice(0, input.priority - 1), group.id, ...without.slice(input.priority - 1)];
      const changed = current !== input.priority;
      const { impact } = changed
        ? await planGroupChange(request, { groups: [group], emails: [] }, { order: moved })
        : { impact: groupImpact([]) };
      const result: PriorityChange = {
        group,
        priority: input.priority,
        impact,
        warnings: groupWarnings(impact, changed),
        changed,
        dryRun,
      };
      if (!changed || dryRun) return result;
      return request.work.commit([request.groupWrites.move(group, order, input.priority)], result);
    },
    { retryVersionConflicts: true },
  );
}
