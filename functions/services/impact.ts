/**
 * What previews of a change of access read, and the previews of moves: subtrees whose OUs carry counts of their users'
 * own settings (so that no user is read but the members of configuration groups that set something), and the impact
 * and warnings of moving an OU or a user.
 */
import type { UserMailSettings } from "../domain/access-decision";
import { byPriority, groupsInEffect, nestingOf, settingsSet, withGroups, type Group } from "../domain/groups";
import { effectiveMailAccess, type EffectiveMailAccess } from "../domain/mail-access";
import {
  allowlistSwitchWarnings,
  mailAccessImpact,
  noImpact,
  policyWarnings,
  userMoveImpact,
  type GroupedUser,
  type MailAccessImpact,
  type Warning,
} from "../domain/mail-access-impact";
import type { OrgUnit } from "../domain/org-unit";
import type { User } from "../domain/user";
import { countsAddUp, ownSettingsKey, type OwnSettingsCounts } from "../domain/own-settings-counts";
import type { Request } from "./request";

/** The impact of a change and the warnings an administrator must see for it. */
export interface ChangePreview {
  impact: MailAccessImpact<OrgUnit>;
  warnings: Warning[];
}

/** An OU of a preview: its users counted by own settings, but for those whose groups set something, one by one. */
type CountedOrgUnit = OrgUnit & { groupedUsers?: readonly GroupedUser[] };

/**
 * `orgUnits` with counts of their users' own settings that add up to their user counts (an OU written before the
 * counts existed is recounted from its users: one more parallel step, only for such OUs), the users whose groups set
 * some of their settings taken out of the counts and given one by one.
 */
export async function withOwnSettingsCounts(request: Request, orgUnits: OrgUnit[]): Promise<CountedOrgUnit[]> {
  const uncounted = orgUnits.filter((ou) => !countsAddUp(ou.ownSettingsCounts, ou.userCount));
  const [counted, grouped] = await Promise.all([
    uncounted.length === 0
      ? new Map<string, OwnSettingsCounts>()
      : request.users.countOwnSettings(uncounted.map((ou) => ou.id)),
    groupedUsersIn(request, orgUnits),
  ]);
  return orgUnits.map((ou) => {
    const counts = counted.get(ou.id) ?? ou.ownSettingsCounts;
    const users = grouped.get(ou.id) ?? [];
    if (users.length === 0) return counts === ou.ownSettingsCounts ? ou : { ...ou, ownSettingsCounts: counts };
    const rest = { ...counts };
    // At least 0: the subtree comes from an index, which may lag the users just read.
    for (const { settings } of users)
      rest[ownSettingsKey(settings)] = Math.max(0, (rest[ownSettingsKey(settings)] ?? 0) - 1);
    return { ...ou, ownSettingsCounts: rest, groupedUsers: users };
  });
}

/** The configuration groups of the customer as a preview needs them: read once per request. */
interface LiveGroups {
  /** Group ids, highest priority first. */
  order: string[];
  /** Every group not being deleted, by id. */
  byId: Map<string, Group>;
  /** Those that set something. */
  setting: Group[];
}

const liveGroupReads = new WeakMap<Request, Promise<LiveGroups>>();

function liveGroups(request: Request): Promise<LiveGroups> {
  let read = liveGroupReads.get(request);
  if (read === undefined) liveGroupReads.set(request, (read = readLiveGroups(request)));
  return read;
}

/** The order (with the tick's other reads), then every group in it (one parallel step; at most 1,000). */
async function readLiveGroups(request: Request): Promise<LiveGroups> {
  const { groupIds: order } = await request.groups.order();
  if (order.length === 0) return { order, byId: new Map(), setting: [] };
  const live = [...(await request.groups.getMany(order)).values()].filter(
    (group): group is Group => group !== null && !group.deleting,
  );
  return {
    order,
    byId: new Map(live.map((group) => [group.id, group])),
    setting: live.filter((group) => settingsSet(group.mailAccessPolicy).length > 0),
  };
}

/**
 * A preview of a few OUs with few users (a leaf, a small subtree, one OU of a bulk change) reads their users that
 * are in groups (one parallel step of queries, one per OU with users); past these, it reads the members of the
 * groups that set something instead, whatever the OUs. The first costs what the OUs hold, the second what the groups
 * reach: a change at a leaf must not read every grouped user of the customer.
 */
const FEW_ORG_UNITS = 20;
const FEW_USERS = 1000;

/** The users of the customer whose groups set some of their settings, by OU: read once per request. */
const groupedReads = new WeakMap<Request, Promise<Map<string, GroupedUser[]>>>();

function groupedUsers(request: Request): Promise<Map<string, GroupedUser[]>> {
  let read = groupedReads.get(request);
  if (read === undefined) groupedReads.set(request, (read = readGroupedUsers(request)));
  return read;
}

/** The users of `orgUnits` whose groups set some of their settings, by OU: see FEW_ORG_UNITS. */
async function groupedUsersIn(request: Request, orgUnits: readonly OrgUnit[]): Promise<Map<string, GroupedUser[]>> {
  const withUsers = orgUnits.filter((ou) => ou.userCount > 0);
  const users = withUsers.reduce((sum, ou) => sum + ou.userCount, 0);
  if (groupedReads.has(request) || withUsers.length > FEW_ORG_UNITS || users > FEW_USERS) return groupedUsers(request);
  const groups = await liveGroups(request);
  if (groups.setting.length === 0 || withUsers.length === 0) return new Map();
  return groupedByOrgUnit(await request.users.inGroups(withUsers.map((ou) => ou.id)), groups);
}

/**
 * Starts reading the customer's groups beside the tick's other reads (the OU a change names): the groups' order joins
 * that batch, so a customer without configuration groups costs a preview nothing more, and the groups themselves are
 * read beside the OU's chain.
 */
export function prefetchGroupsForPreview(request: Request): void {
  liveGroups(request).catch(() => undefined);
}

/**
 * The members of configuration groups that set something, each with their groups in effect (highest priority first),
 * by OU. Nothing counts them per OU, so they are read: the order and every group (prefetched), the member items of
 * those groups that set something and of the groups nested in them (one parallel step, more only past 1 MB per
 * group), their users (one parallel step): none for a customer without groups; what is read grows with the people
 * such groups reach, and is not held to the request's budget of calls.
 */
async function readGroupedUsers(request: Request): Promise<Map<string, GroupedUser[]>> {
  const groups = await liveGroups(request);
  if (groups.setting.length === 0) return new Map();
  // A change an administrator may make must be previewable whatever its customer's groups: like a fan-out, these
  // reads are not held to the request's budget.
  return request.groups.beyondBudget(() => membersOfGroupsThatSet(request, groups));
}

async function membersOfGroupsThatSet(request: Request, groups: LiveGroups): Promise<Map<string, GroupedUser[]>> {
  // From the nesting itself (each group's direct memberships), not from what a fan-out in progress derived.
  const nesting = nestingOf([...groups.byId.values()]);
  const reached = new Set(
    groups.setting.flatMap((group) => [group.id, ...(nesting.get(group.id)?.descendantGroupIds ?? [])]),
  );
  const members = await request.groups.allMembers([...reached], "U");
  const emails = new Set(
    [...members.values()].flatMap((refs) => refs.flatMap((ref) => ("userEmail" in ref ? [ref.userEmail] : []))),
  );
  return groupedByOrgUnit([...(await request.users.getMany([...emails])).values()], groups);
}

/** Of `users`, those some of whose groups in effect set something, with those groups (highest priority first). */
function groupedByOrgUnit(users: readonly User[], groups: LiveGroups): Map<string, GroupedUser[]> {
  const byOrgUnit = new Map<string, GroupedUser[]>();
  for (const user of users) {
    const { paths } = groupsInEffect(user.groupIds, (id) => groups.byId.get(id) ?? null);
    const inEffect = byPriority(
      [...paths.keys()].map((id) => groups.byId.get(id) as Group),
      groups.order,
    );
    if (!inEffect.some((group) => settingsSet(group.mailAccessPolicy).length > 0)) continue;
    byOrgUnit.set(user.orgUnitId, [
      ...(byOrgUnit.get(user.orgUnitId) ?? []),
      { settings: user.settings, groups: inEffect },
    ]);
  }
  return byOrgUnit;
}

/** `orgUnit` and all its descendants (parents before children), with counts of their users' own settings. */
export async function countedSubtree(request: Request, orgUnit: OrgUnit): Promise<OrgUnit[]> {
  // Below an OU with children, the grouped users are read beside the subtree (see FEW_ORG_UNITS): the subtree's size
  // is known only once read, and waiting for it would cost a round trip.
  if (orgUnit.childCount > 0) groupedUsers(request).catch(() => undefined);
  return withOwnSettingsCounts(request, await request.orgUnits.subtree(orgUnit));
}

/**
 * What moving a subtree (`subtree`: its root first, parents before children) from under `from` to under `to` changes
 * for its users; `from` and `to` are the old and new ancestors of the root, root of the tree first.
 */
export async function orgUnitMovePreview(
  request: Request,
  subtree: OrgUnit[],
  from: readonly OrgUnit[],
  to: readonly OrgUnit[],
): Promise<ChangePreview> {
  const counted = await withOwnSettingsCounts(request, subtree);
  const impact = mailAccessImpact({ subtree: counted, ancestors: from, newAncestors: to });
  const root = subtree[0] as OrgUnit;
  return {
    impact,
    warnings: moveWarnings(request, impact, [...from, root], [...to, root], impact.orgUnits.length > 0),
  };
}

/**
 * What moving a user with `settings` from OU `from` to OU `to` changes for them: what their configuration `groups`
 * (highest priority first) set stays as it is.
 */
export function userMovePreview(
  request: Request,
  from: OrgUnit,
  to: OrgUnit,
  settings: UserMailSettings,
  groups: readonly Group[],
): ChangePreview {
  const [before, after] = [
    [...from.ancestors, from],
    [...to.ancestors, to],
  ];
  const { impact, changedSettings } = userMoveImpact(before, after, settings, groups);
  return { impact, warnings: moveWarnings(request, impact, before, after, changedSettings.length > 0, groups) };
}

/**
 * The warnings of a move, as for a policy change: those of its impact, after the one of a switch from any mail client
 * to listed clients for the moved OU (or user), whose settings come from the chain `before` and then `after`.
 */
function moveWarnings(
  request: Request,
  impact: MailAccessImpact<OrgUnit>,
  before: readonly OrgUnit[],
  after: readonly OrgUnit[],
  changesSomething: boolean,
  groups: readonly Group[] = [],
): Warning[] {
  const now = request.now();
  const [was, will] = [before, after].map((chain) => withGroups(effectiveMailAccess(chain, now), groups, now));
  return [
    ...allowlistSwitchWarnings(was as EffectiveMailAccess<unknown>, will as EffectiveMailAccess<unknown>),
    ...policyWarnings(impact, changesSomething),
  ];
}

/** The preview of a change that changes nobody's access (a rename, a description). */
export function noChangePreview(): ChangePreview {
  return { impact: noImpact(), warnings: [] };
}
