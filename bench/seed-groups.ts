/**
 * The seed's configuration groups (issue 15's target 5: groups cost nothing extra), written through the group stores
 * as the API writes them: each group created, then given its settings; groups nested in one another by the membership
 * fan-out (store/groups/fan-out.ts, as `addGroupMembers` with groups does); then users added to their groups in
 * transactions of at most 25 (as `addGroupMembers` with users does), each user's item written with the groups in
 * effect for it and the settings they override (derived from the nesting, as the service derives them).
 *
 * The groups: a fifth "regions" (in no group), two fifths "teams" (each in a region, every fourth in two), a fifth
 * "projects" (each in a team: three levels), a fifth "lists" (alone); each sets one or two settings, and their
 * priority order is shuffled. Users: of the three users of each spine OU, the first is in a project and a list (4 or
 * 5 groups through nesting), the second in a team, the third in none; the first 200 users of the shuffled order (the
 * sample that sections 2 and 5 measure) every other one; the rest in the plan's share. Each member is in 1 to 3 groups
 * directly.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../functions/domain/customer";
import { MAX_MEMBERS_PER_REQUEST, assertCanNest, memberGroups, type Group } from "../functions/domain/groups";
import { IOS_MAIL_CLIENT_ID, type MailAccessPolicy } from "../functions/domain/mail-access";
import type { User } from "../functions/domain/user";
import type { Db } from "../functions/store/db";
import { GroupFanOut } from "../functions/store/groups/fan-out";
import { GroupStore } from "../functions/store/groups/reads";
import { GroupWrites, type MembershipUpdate } from "../functions/store/groups/writes";
import { transact, type Write } from "../functions/store/transaction";
import { UnitOfWork } from "../functions/store/unit-of-work";
import { UserStore } from "../functions/store/users";
import { pool, retrying } from "./parallel";

/** Users of the shuffled order that section 2 (200) and section 5 (64) measure: every other one is in groups. */
const MEASURED_SAMPLE = 200;

export interface GroupPlan {
  /** Configuration groups (at most 1,000 per customer). */
  groups: number;
  /** The share of users (outside the spine and the measured sample) in at least one group. */
  memberShare: number;
}

export interface SeededGroups {
  count: number;
  /** Groups inside another group. */
  nested: number;
  /** The deepest nesting: 3 for a project inside a team inside a region. */
  maxLevel: number;
  /** Users in at least one group. */
  members: number;
  /** Direct memberships of users. */
  memberships: number;
  seconds: number;
  /** Two users of the deepest spine OU: one in no group, one in groups through nesting (target 5). */
  withoutGroups: string;
  withGroups: string;
  /** The groups in effect for `withGroups` (directly and through nesting). */
  withGroupsCount: number;
}

/** What the seed's users are: the spine's by depth, and everyone in the seed's shuffled order. */
export interface SeedUsers {
  usersAtDepth: Map<number, string[]>;
  everyone: readonly string[];
  spineDepth: number;
}

interface PlannedGroup {
  name: string;
  /** Indexes of the planned groups this one is a direct member of. */
  parents: number[];
  policy: MailAccessPolicy;
}

/** The settings groups set, one or two each, so that users' settings come from groups, their OUs, or both. */
const POLICIES: MailAccessPolicy[] = [
  { imapAccess: true },
  { popAccess: false },
  { lessSecureApps: true },
  { imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL_CLIENT_ID] } },
  { imapAccess: false },
  { popAccess: true },
  { imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClientIds: [] } },
];

/** The seed writes set-up, not changes anyone makes: like the rest of the seed, it records no audit event. */
class SeedWork extends UnitOfWork {
  override recordWrites(): Write[] {
    return [];
  }
}

const SEED_ACTOR: Actor = {
  kind: "API_KEY",
  id: "bench-seed",
  name: "benchmark seed",
  role: "SUPER_ADMIN",
  orgUnitScope: null,
};

function planGroups(count: number): { planned: PlannedGroup[]; kinds: Record<string, number[]> } {
  const fifth = Math.max(1, Math.round(count / 5));
  const range = (from: number, length: number) => Array.from({ length }, (_, i) => from + i);
  const regions = range(0, fifth);
  const teams = range(fifth, 2 * fifth);
  const projects = range(3 * fifth, fifth);
  const lists = range(4 * fifth, Math.max(0, count - 4 * fifth));
  const planned: PlannedGroup[] = [];
  const add = (index: number, name: string, parents: number[]) => {
    const policy = {
      ...POLICIES[index % POLICIES.length],
      ...(index % 3 === 0 ? POLICIES[(index + 2) % POLICIES.length] : {}),
    };
    planned[index] = { name, parents, policy };
  };
  regions.forEach((index, i) => add(index, `Region ${i + 1}`, []));
  teams.forEach((index, i) => {
    const parents = [regions[i % regions.length] as number];
    if (i % 4 === 3 && regions.length > 1) parents.push(regions[(i + 1) % regions.length] as number);
    add(index, `Team ${i + 1}`, parents);
  });
  projects.forEach((index, i) => add(index, `Project ${i + 1}`, [teams[(2 * i) % teams.length] as number]));
  lists.forEach((index, i) => add(index, `List ${i + 1}`, []));
  return { planned, kinds: { regions, teams, projects, lists } };
}

export async function seedGroups(
  db: Db,
  customerId: string,
  plan: GroupPlan,
  seedUsers: SeedUsers,
  options: { concurrency: number; next: () => number; progress: (message: string) => void },
): Promise<SeededGroups> {
  const started = performance.now();
  const { next, progress, concurrency } = options;
  const now = () => new Date();
  const fanOut = new GroupFanOut(db, customerId, { leaseSeconds: 120, now });
  const writes = new GroupWrites(customerId, now, () => fanOut.finishStalled());
  const store = new GroupStore(db, customerId, { snapshot: false });
  const users = new UserStore(db, customerId, now);
  const work = new SeedWork(db, customerId, SEED_ACTOR, randomUUID(), now, undefined);
  const { planned, kinds } = planGroups(plan.groups);

  // Created one after the other (each appends to the priority order), in a shuffled order: the priorities.
  const order = planned.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const ids: string[] = [];
  for (const index of order) {
    const { change, group } = writes.create({
      name: (planned[index] as PlannedGroup).name,
      email: null,
      description: null,
    });
    await retrying(() => transact(db, change.writes));
    ids[index] = group.id;
  }
  // Their settings, while no member derives anything from them: one transaction each, in parallel.
  await pool(Object.keys(planned).map(Number), concurrency, async (index) => {
    const created = (await store.get(ids[index] as string)) as Group;
    const { policy } = planned[index] as PlannedGroup;
    await retrying(() => transact(db, writes.setPolicy(created, policy, created.version).change.writes));
  });

  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  progress(`${ids.length} groups with their settings in ${elapsed()}`);

  // Nesting: each group with its member groups in one fan-out (they lock the nesting: one after the other).
  const childrenOf = new Map<number, number[]>();
  planned.forEach((group, index) =>
    group.parents.forEach((parent) => childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), index])),
  );
  for (const [parentIndex, children] of childrenOf)
    for (let from = 0; from < children.length; from += MAX_MEMBERS_PER_REQUEST) {
      const batch = children.slice(from, from + MAX_MEMBERS_PER_REQUEST).map((index) => ids[index] as string);
      await retrying(async () => {
        const [parent, members, graph] = await Promise.all([
          store.get(ids[parentIndex] as string),
          store.getMany(batch),
          store.graph(),
        ]);
        const nested = [...members.values()] as Group[];
        nested.forEach((member, i) => assertCanNest(parent as Group, member, `groupIds[${i}]`));
        const { writes: changed, events } = writes.changeMembers(parent as Group, [], nested, true, undefined);
        await fanOut.run(work, {
          kind: "MEMBERS",
          groupId: (parent as Group).id,
          rootGroupIds: batch,
          userEmails: [],
          nestingVersion: graph.version,
          writes: changed,
          events,
          result: undefined,
        });
      });
    }

  progress(`groups nested in ${elapsed()}`);

  // Who is in which groups directly (1 to 3 each).
  const direct = new Map<string, string[]>();
  const groupsOf = (kind: string, i: number) => {
    const list = kinds[kind] as number[];
    return ids[list[i % list.length] as number] as string;
  };
  for (const [depth, emails] of seedUsers.usersAtDepth) {
    const [first, second] = emails;
    if (first !== undefined) direct.set(first, [groupsOf("projects", depth), groupsOf("lists", depth)]);
    if (second !== undefined) direct.set(second, [groupsOf("teams", depth)]);
  }
  const spine = new Set([...seedUsers.usersAtDepth.values()].flat());
  seedUsers.everyone.forEach((email, position) => {
    if (spine.has(email)) return;
    const member = position < MEASURED_SAMPLE ? position % 2 === 0 : next() < plan.memberShare;
    if (!member) return;
    const count = 1 + Math.floor(next() * 3);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(ids[Math.floor(next() * ids.length)] as string);
    direct.set(email, [...chosen]);
  });

  // Users join their groups in rounds (round r: each member's r-th group), so that no user is written twice at once;
  // within a round, each group's transactions one after the other (they share its member count), groups in parallel.
  const graph = await store.graph();
  const final = await store.getMany(ids);
  const nesting = new Map([...final.values()].map((group) => [(group as Group).id, group as Group]));
  const policyOf = (id: string) => nesting.get(id)?.mailAccessPolicy;
  let memberships = 0;
  for (let round = 0; round < 3; round += 1) {
    const joining = new Map<string, string[]>();
    for (const [email, groupIds] of direct) {
      const groupId = groupIds[round];
      if (groupId !== undefined) joining.set(groupId, [...(joining.get(groupId) ?? []), email]);
    }
    if (joining.size === 0) break;
    await pool([...joining], concurrency, async ([groupId, emails]) => {
      for (let from = 0; from < emails.length; from += MAX_MEMBERS_PER_REQUEST) {
        const batch = emails.slice(from, from + MAX_MEMBERS_PER_REQUEST);
        await retrying(async () => {
          const [group, read] = await Promise.all([store.get(groupId), users.getMany(batch)]);
          const updates: MembershipUpdate[] = batch.map((email) => {
            const user = read.get(email) as User;
            const groupIds = (direct.get(email) as string[]).slice(0, round + 1);
            return { user, groupIds, derived: memberGroups(groupIds, nesting, policyOf) };
          });
          await transact(db, writes.changeMembers(group as Group, updates, [], true, graph.version).writes);
        });
        memberships += batch.length;
      }
    });
    progress(`users in groups: round ${round + 1} (${memberships} memberships)`);
  }

  const depthUsers = seedUsers.usersAtDepth.get(seedUsers.spineDepth) ?? [];
  const withGroups = depthUsers[0] as string;
  return {
    count: ids.length,
    nested: planned.filter((group) => group.parents.length > 0).length,
    maxLevel: Math.max(...[...nesting.values()].map((group) => group.level)),
    members: direct.size,
    memberships,
    seconds: (performance.now() - started) / 1000,
    withoutGroups: depthUsers[2] as string,
    withGroups,
    withGroupsCount: memberGroups(direct.get(withGroups) ?? [], nesting, policyOf).effectiveGroupIds.length,
  };
}
