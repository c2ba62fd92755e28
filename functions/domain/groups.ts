/**
 * Pure rules of configuration groups (issue 14), as Google's Admin console has them: a group holds users of any OU and
 * other groups (nested, without cycles, at most 10 levels); a group may set any mail access setting, and a setting it
 * does not set is left to the user's OU. A user's groups override their OU setting by setting: for each setting, the
 * value of the highest-priority group the user belongs to (directly or through nesting) that sets it; if none does,
 * the OU's effective value with its inheritance. What a change of groups does to their members: ./group-impact.ts.
 */
import { badInput } from "../errors";
import {
  SETTING_KEYS,
  latest,
  propagation,
  type EffectiveMailAccess,
  type EffectiveValue,
  type MailAccessPolicy,
  type SettingKey,
} from "./mail-access";
import { cleanText, foldName } from "./text";
import { assertOwnDomain, normalizeEmail } from "./user";

/** The longest group name, in characters. */
const MAX_GROUP_NAME_LENGTH = 100;
/** The longest group description, in characters. */
const MAX_GROUP_DESCRIPTION_LENGTH = 1000;
/** The most groups one customer may have; the whole priority order lives in one item (store/groups). */
export const MAX_GROUPS_PER_CUSTOMER = 1000;
/** The longest chain of groups nested in one another, the outermost and the innermost included. */
export const MAX_NESTING_LEVELS = 10;
/** The most members (users and groups together) one request may add or remove: they fit one transaction. */
export const MAX_MEMBERS_PER_REQUEST = 25;
/** The most groups a user, or a group, may belong to directly. */
export const MAX_DIRECT_GROUPS = 20;
/** The form of every group id; anything else names no group (and would make an invalid key). */
export const GROUP_ID = /^grp_[a-z0-9]{1,40}$/;

/** How groups nest: the groups a group belongs to directly. The truth of the nesting; the rest is derived from it. */
export interface GroupNode {
  id: string;
  /** The groups this group is a direct member of. */
  parentGroupIds: readonly string[];
}

/** Where a group stands in the nesting, derived from every group's `parentGroupIds`. */
export interface Nesting {
  /** Every group this group is inside, directly or through nesting. */
  ancestorGroupIds: string[];
  /** Every group inside this group, directly or through nesting. */
  descendantGroupIds: string[];
  /** 1 for a group in no other group; else one more than the deepest group it is in. */
  level: number;
  /** 1 for a group without member groups; else one more than its tallest member group. */
  height: number;
}

/** A configuration group of one customer. */
export interface Group extends GroupNode, Nesting {
  id: string;
  name: string;
  /** Lower-case, in one of the customer's domains; optional. */
  email: string | null;
  description: string | null;
  /** The settings the group sets; a missing one is left to the member's OU (or to lower-priority groups). */
  mailAccessPolicy: MailAccessPolicy;
  /** When a mail access setting of the group was last saved (null: never). */
  policyChangedAt: string | null;
  /** Users that are direct members. */
  userMemberCount: number;
  /** Groups that are direct members. */
  groupMemberCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set while a forced delete is taking the group's members out of it: the group no longer counts anywhere. */
  deleting: boolean;
  /**
   * Set when the caller may see only the group's id and name (a user looking at the group their own setting comes
   * from); nothing else of it is shown.
   */
  nameOnly?: true;
}

export function validateGroupName(raw: string, field = "name"): string {
  return cleanText(raw, field, "A group's name", MAX_GROUP_NAME_LENGTH);
}

/** How group names compare: two names that look alike are the same name (as OU names). */
export function groupNameKey(name: string): string {
  return foldName(name);
}

/** A group's address: optional, in one of the customer's domains; empty clears it. */
export function validateGroupEmail(raw: string | null, domains: readonly string[], field = "email"): string | null {
  if (raw === null || raw.trim() === "") return null;
  const email = normalizeEmail(raw, field);
  assertOwnDomain(email, domains, field);
  return email;
}

export function validateGroupDescription(raw: string | null, field = "description"): string | null {
  if (raw === null) return null;
  const text = cleanText(raw, field, "A group's description", MAX_GROUP_DESCRIPTION_LENGTH, {
    lines: true,
    minLength: 0,
  });
  return text === "" ? null : text;
}

/** The settings a policy sets. */
export function settingsSet(policy: MailAccessPolicy): SettingKey[] {
  return SETTING_KEYS.filter((key) => policy[key] !== undefined);
}

// ---- nesting ------------------------------------------------------------------------------------------------------

/**
 * Refuses to make `child` a direct member of `parent` when that would make a cycle (the parent is the child or inside
 * it) or a chain of more than MAX_NESTING_LEVELS groups. Both are as the nesting stands (their derived fields).
 */
export function assertCanNest(
  parent: Pick<Group, "id" | "name" | "level">,
  child: Pick<Group, "id" | "name" | "height" | "descendantGroupIds">,
  field: string,
): void {
  if (parent.id === child.id) throw badInput(field, `A group cannot be a member of itself ("${child.name}").`);
  if (child.descendantGroupIds.includes(parent.id))
    throw badInput(
      field,
      `"${parent.name}" is inside "${child.name}": making "${child.name}" a member of it would make a cycle.`,
    );
  const levels = parent.level + child.height;
  if (levels > MAX_NESTING_LEVELS)
    throw badInput(
      field,
      `Groups nest at most ${MAX_NESTING_LEVELS} levels deep; "${child.name}" in "${parent.name}" would make ${levels}.`,
      { maxLevels: MAX_NESTING_LEVELS },
    );
}

/**
 * Where every group of `nodes` stands in the nesting. Parent ids that name no group of `nodes` are ignored (a group
 * being deleted no longer counts). Never loops, even on a cycle (which the nesting rules keep out).
 */
export function nestingOf(nodes: readonly GroupNode[]): Map<string, Nesting> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parents = new Map(nodes.map((node) => [node.id, node.parentGroupIds.filter((id) => byId.has(id))]));
  const children = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const [id, ids] of parents) for (const parent of ids) children.get(parent)?.push(id);
  const reach = (start: string, next: Map<string, string[]>): string[] => {
    const seen = new Set<string>();
    const queue = [...(next.get(start) ?? [])];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (seen.has(id) || id === start) continue;
      seen.add(id);
      queue.push(...(next.get(id) ?? []));
    }
    return [...seen].sort();
  };
  const longest = (next: Map<string, string[]>) => {
    const memo = new Map<string, number>();
    const length = (id: string, path: Set<string>): number => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const below = (next.get(id) ?? []).filter((other) => !path.has(other));
      const value = 1 + Math.max(0, ...below.map((other) => length(other, new Set([...path, other]))));
      memo.set(id, value);
      return value;
    };
    return (id: string) => length(id, new Set([id]));
  };
  const level = longest(parents);
  const height = longest(children);
  return new Map(
    nodes.map((node) => [
      node.id,
      {
        ancestorGroupIds: reach(node.id, parents),
        descendantGroupIds: reach(node.id, children),
        level: level(node.id),
        height: height(node.id),
      },
    ]),
  );
}

/** What a user's item keeps about its groups besides the direct ones: derived, so that one read finds everything. */
export interface MemberGroups {
  /** The groups in effect for the user: its direct groups and every group they are inside (sorted). */
  effectiveGroupIds: string[];
  /** The settings some group in effect for the user sets: those its OU no longer decides for the user. */
  groupOverrides: SettingKey[];
}

/**
 * A member's derived group fields from its direct groups, the nesting and each group's policy. Direct groups that
 * are not in `nesting` (deleted) do not count.
 */
export function memberGroups(
  directGroupIds: readonly string[],
  nesting: ReadonlyMap<string, Pick<Nesting, "ancestorGroupIds">>,
  policyOf: (groupId: string) => MailAccessPolicy | undefined,
): MemberGroups {
  const effective = new Set<string>();
  for (const id of directGroupIds) {
    const node = nesting.get(id);
    if (node === undefined) continue;
    effective.add(id);
    for (const ancestor of node.ancestorGroupIds) effective.add(ancestor);
  }
  return memberGroupsOf([...effective].map((id) => ({ id, mailAccessPolicy: policyOf(id) ?? {} })));
}

/** A member's derived group fields from the groups in effect for it. */
export function memberGroupsOf(groups: readonly { id: string; mailAccessPolicy: MailAccessPolicy }[]): MemberGroups {
  return {
    effectiveGroupIds: groups.map((group) => group.id).sort(),
    groupOverrides: SETTING_KEYS.filter((key) => groups.some((group) => group.mailAccessPolicy[key] !== undefined)),
  };
}

// ---- the groups in effect for a user, as a read finds them ------------------------------------------------------

/** The groups in effect for a member: each with the path from one of its direct groups up to it (itself last). */
export type GroupPaths<G> = Map<string, G[]>;

/**
 * Follows `parentGroupIds` up from the direct groups: the groups in effect with their shortest paths, and the ids
 * still to read. `known(id)` is the group, null when it does not exist or is being deleted (it no longer counts, nor
 * do the groups above it through it), undefined when not read yet.
 */
export function groupsInEffect<G extends GroupNode>(
  directGroupIds: readonly string[],
  known: (id: string) => G | null | undefined,
): { paths: GroupPaths<G>; missing: string[] } {
  const paths: GroupPaths<G> = new Map();
  const missing = new Set<string>();
  const queue: { id: string; below: G[] }[] = directGroupIds.map((id) => ({ id, below: [] }));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (paths.has(next.id)) continue;
    const group = known(next.id);
    if (group === undefined) missing.add(next.id);
    if (group === undefined || group === null) continue;
    const path = [...next.below, group];
    paths.set(next.id, path);
    for (const parent of group.parentGroupIds) queue.push({ id: parent, below: path });
  }
  return { paths, missing: [...missing] };
}

/** `groups` in priority order: their places in `order` (the customer's priority order, highest first). */
export function byPriority<G extends { id: string }>(groups: readonly G[], order: readonly string[]): G[] {
  const place = new Map(order.map((id, index) => [id, index]));
  const rank = (group: G) => place.get(group.id) ?? Number.MAX_SAFE_INTEGER;
  return [...groups].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---- resolution ---------------------------------------------------------------------------------------------------

/** What resolution needs of a group: what it sets, and when that last changed. */
export interface PolicyGroup {
  mailAccessPolicy: MailAccessPolicy;
  policyChangedAt: string | null;
}

/** The first of `groups` (a member's groups in effect, highest priority first) that sets `key`: the one deciding it. */
export function decidingGroup<G extends { mailAccessPolicy: MailAccessPolicy }>(
  groups: readonly G[],
  key: SettingKey,
): G | undefined {
  return groups.find((group) => group.mailAccessPolicy[key] !== undefined);
}

/**
 * The settings in force for a user: for each setting, the value of the first group of `groups` (the user's groups in
 * effect, highest priority first) that sets it, with that group as its source; else the OU's effective value.
 * Propagation counts the latest change of the OU chain, of any group in effect, and of the user's memberships
 * (`membershipChangedAt`): each may take up to 24 hours to reach every client.
 */
export function withGroups<N, G extends PolicyGroup>(
  orgUnit: EffectiveMailAccess<N>,
  groups: readonly G[],
  now: Date,
  membershipChangedAt: string | null = null,
): EffectiveMailAccess<N, G> {
  function resolve<K extends SettingKey>(key: K): EffectiveValue<Required<MailAccessPolicy>[K], N, G> {
    const deciding = decidingGroup(groups, key);
    if (deciding === undefined) return orgUnit[key] as EffectiveValue<Required<MailAccessPolicy>[K], N, G>;
    return {
      value: deciding.mailAccessPolicy[key] as Required<MailAccessPolicy>[K],
      source: { kind: "GROUP", orgUnit: null, group: deciding } as EffectiveValue<unknown, N, G>["source"],
    };
  }
  const lastChangedAt = [membershipChangedAt, ...groups.map((group) => group.policyChangedAt)].reduce(
    latest,
    orgUnit.propagation.lastChangedAt,
  );
  return {
    popAccess: resolve("popAccess"),
    imapAccess: resolve("imapAccess"),
    imapClientAccess: resolve("imapClientAccess"),
    lessSecureApps: resolve("lessSecureApps"),
    propagation: propagation(lastChangedAt, now),
  };
}
