/**
 * Reading one customer's configuration groups: groups by id (batched with everything else the request reads in the
 * same tick: a user's groups come in the same batch as the user's OU chain), by name, the priority order, the
 * nesting's version, the groups in effect for a member, and a group's members page by page.
 *
 * A store for a query reads each group at most once per request (a snapshot), so one answer shows each group once;
 * a store for a write reads afresh (`snapshot: false`).
 */
import DataLoader from "dataloader";
import {
  GROUP_ID,
  MAX_NESTING_LEVELS,
  byPriority,
  groupNameKey,
  groupsInEffect,
  type Group,
  type GroupPaths,
} from "../../domain/groups";
import { RetryableConflict } from "../../errors";
import type { Db, Item } from "../db";
import { GROUP_MEMBER_PREFIX, keys, type GroupMemberRef } from "../keys";
import { readTogether } from "../read-together";
import { toGroup, toMemberRef } from "./records";
import type { MembershipOp } from "./fan-out";

/** Every group of the customer, highest priority first, and the order's version (0: no group was ever created). */
export interface GroupOrder {
  groupIds: string[];
  version: number;
}

/** The nesting's version (every fan-out changes it) and the membership change being fanned out, if any. */
export interface GroupGraph {
  version: number;
  op: MembershipOp | undefined;
}

/** The groups in effect for a member, highest priority first, each with its path from one of the member's groups. */
export interface GroupsInEffect {
  groups: Group[];
  paths: GroupPaths<Group>;
}

export interface MemberPage {
  members: GroupMemberRef[];
  hasNextPage: boolean;
}

const NO_GROUPS: GroupsInEffect = { groups: [], paths: new Map() };

/** `read`, started ahead of its use: should the request fail before it awaits it, its failure is not left unhandled. */
function handled<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

export class GroupStore {
  private readonly records: DataLoader<string, Group | null>;
  private orderRead: Promise<GroupOrder> | undefined;

  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly options: { snapshot: boolean },
  ) {
    this.records = new DataLoader(
      async (ids) =>
        (
          await readTogether(
            this.db,
            ids.map((id) => keys.group(this.customerId, id)),
          )
        ).map((item) => (item === undefined ? null : toGroup(item))),
      { cache: options.snapshot },
    );
  }

  /** A store on the same table that reads afresh each time (for writes). */
  fresh(): GroupStore {
    return new GroupStore(this.db, this.customerId, { snapshot: false });
  }

  /**
   * Runs `work`, reads the request must finish whatever their number (a preview's members of groups), outside the
   * request's budget of calls; they are still counted.
   */
  beyondBudget<T>(work: () => Promise<T>): Promise<T> {
    return this.db.unlimited(work);
  }

  /** The group `id`, read with the tick's other reads; null if there is none (a group being deleted is returned). */
  async get(id: string): Promise<Group | null> {
    return GROUP_ID.test(id) ? this.records.load(id) : null;
  }

  /** The groups of `ids` (null where there is none), in one batch with the tick's other reads. */
  async getMany(ids: readonly string[]): Promise<Map<string, Group | null>> {
    const found = await this.records.loadMany(ids);
    const failed = found.find((group) => group instanceof Error);
    if (failed !== undefined) throw failed;
    return new Map(ids.map((id, index) => [id, found[index] as Group | null]));
  }

  /** The group named `name` (names compare folded); round trips: 2 (the name, then the group). */
  async getByName(name: string): Promise<Group | null> {
    const owner = await this.db.get(keys.groupName(this.customerId, groupNameKey(name)));
    if (owner === undefined) return null;
    const group = await this.get(String(owner.groupId));
    return group !== null && groupNameKey(group.name) === groupNameKey(name) ? group : null;
  }

  /** The priority order (for a snapshot, read once per request). */
  order(): Promise<GroupOrder> {
    const read = async (): Promise<GroupOrder> => {
      const [item] = await readTogether(this.db, [keys.groupOrder(this.customerId)]);
      return { groupIds: (item?.groupIds as string[] | undefined) ?? [], version: Number(item?.version ?? 0) };
    };
    if (!this.options.snapshot) return read();
    return (this.orderRead ??= read());
  }

  /** The nesting's version and the fan-out in progress, as they are now. Round trips: 1. */
  async graph(): Promise<GroupGraph> {
    const item = await this.db.get(keys.groupGraph(this.customerId));
    return { version: Number(item?.version ?? 0), op: item?.op as MembershipOp | undefined };
  }

  /**
   * The groups in effect for a member (a user: its direct groups and every group they are inside), highest priority
   * first. The member's `effectiveGroupIds` say what to read: one batch, with the order when there are two groups or
   * more, in the same tick as the caller's other reads. The nesting itself decides (each group's `parentGroupIds`):
   * a group the hint lacks (its fan-out has not reached this member yet) costs one more read; a deleted one or one
   * being deleted does not count.
   */
  async inEffectFor(member: {
    groupIds: readonly string[];
    effectiveGroupIds: readonly string[];
  }): Promise<GroupsInEffect> {
    const hinted = [...new Set([...member.groupIds, ...member.effectiveGroupIds])];
    if (member.groupIds.length === 0) return NO_GROUPS;
    let order = hinted.length >= 2 ? handled(this.order()) : undefined;
    const known = await this.getMany(hinted);
    const lookup = (id: string) => {
      const group = known.get(id);
      return group === undefined ? undefined : group === null || group.deleting ? null : group;
    };
    for (let reads = 1; ; reads += 1) {
      const { paths, missing } = groupsInEffect(member.groupIds, lookup);
      if (missing.length === 0) {
        const groups = [...paths.values()].map((path) => path.at(-1) as Group);
        if (groups.length < 2) return { groups, paths };
        return { groups: byPriority(groups, (await (order ??= this.order())).groupIds), paths };
      }
      if (reads > MAX_NESTING_LEVELS)
        throw new RetryableConflict("The configuration groups changed while this request read them; retry.");
      // With the order in the same batch, if there will be two groups or more.
      if (paths.size + missing.length >= 2) order ??= handled(this.order());
      for (const [id, group] of await this.getMany(missing)) known.set(id, group);
    }
  }

  /**
   * Starts reading the groups in effect for `member` into this snapshot, beside what the caller reads in the same
   * tick (a user's OU chain), for fields the query may ask later; a failure shows when a field reads them.
   */
  prefetchFor(member: { groupIds: readonly string[]; effectiveGroupIds: readonly string[] }): void {
    if (this.options.snapshot) this.inEffectFor(member).catch(() => undefined);
  }

  /** A page of a group's members (groups first, then users by address) after the sort key `after`. Round trips: 1. */
  async members(groupId: string, first: number, after: string | undefined): Promise<MemberPage> {
    const pk = keys.group(this.customerId, groupId).pk;
    const { items } = await this.db.query({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": pk, ":prefix": GROUP_MEMBER_PREFIX },
      ...(after === undefined ? {} : { ExclusiveStartKey: { pk, sk: after } }),
      ConsistentRead: true,
      Limit: first + 1,
    });
    return { members: items.slice(0, first).map(toMemberRef), hasNextPage: items.length > first };
  }

  /**
   * Every member of each of `groupIds` of one kind ("U": users, "G": groups, "": both), as they are now: the groups'
   * partitions read in parallel, page after page (each page up to 1 MB, some ten thousand members).
   */
  async allMembers(groupIds: readonly string[], kind: "U" | "G" | ""): Promise<Map<string, GroupMemberRef[]>> {
    const found = new Map<string, GroupMemberRef[]>();
    await Promise.all(
      groupIds.map(async (groupId) => {
        const members: GroupMemberRef[] = [];
        let start: Item | undefined;
        do {
          const page = await this.db.query({
            KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues: {
              ":pk": keys.group(this.customerId, groupId).pk,
              ":prefix": `${GROUP_MEMBER_PREFIX}${kind}`,
            },
            ConsistentRead: true,
            ...(start === undefined ? {} : { ExclusiveStartKey: start }),
          });
          members.push(...page.items.map(toMemberRef));
          start = page.lastKey;
        } while (start !== undefined);
        found.set(groupId, members);
      }),
    );
    return found;
  }
}
