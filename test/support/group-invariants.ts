/**
 * The invariants of one customer's configuration groups, checked by reading the table directly (a scan of the
 * customer's items: a test may, the API never does): every membership is stored on both sides, counts are right, the
 * order holds every group once, names and addresses lead to their groups, nothing is left of a change in progress,
 * and every derived field (a group's place in the nesting; a user's groups in effect and the settings they override)
 * equals what the direct memberships make it. Returns every violation found, in words.
 */
import type { Config } from "../../functions/config";
import { groupNameKey, memberGroups, nestingOf, MAX_NESTING_LEVELS } from "../../functions/domain/groups";
import { keys } from "../../functions/store/keys";
import { customerItems } from "./invariants";

const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  JSON.stringify(a ?? []) === JSON.stringify(b);

export async function groupViolations(config: Config, customerId: string): Promise<string[]> {
  const items = await customerItems(config, customerId);
  const problems: string[] = [];
  const groups = new Map(items.filter((item) => item.sk === "GROUP").map((item) => [String(item.id), item]));
  const users = new Map(items.filter((item) => item.sk === "USER").map((item) => [String(item.email), item]));
  const members = items.filter((item) => String(item.sk).startsWith("MEMBER#"));

  const graph = items.find((item) => item.pk === keys.groupGraph(customerId).pk && item.sk === "GRAPH");
  if (graph?.op !== undefined) problems.push(`a membership change is still in progress (${graph.op.phase})`);
  for (const lane of items.filter((item) => item.sk === "LANE" && String(item.pk).includes("#GROUPS#")))
    problems.push(`lane ${lane.pk} is left over`);
  for (const group of groups.values())
    if (group.deleting === true) problems.push(`${group.name} is still being deleted`);

  const order = (items.find((item) => item.sk === "ORDER")?.groupIds as string[] | undefined) ?? [];
  if (new Set(order).size !== order.length) problems.push("the priority order holds a group twice");
  if (!same([...order].sort(), [...groups.keys()].sort()))
    problems.push(
      `the priority order ${JSON.stringify(order)} is not the groups ${JSON.stringify([...groups.keys()])}`,
    );

  for (const group of groups.values()) {
    const name = items.find((item) => item.pk === keys.groupName(customerId, groupNameKey(String(group.name))).pk);
    if (name?.groupId !== group.id) problems.push(`the name of ${group.name} does not lead to it`);
    if (group.email !== null && group.email !== undefined) {
      const email = items.find((item) => item.pk === keys.groupEmail(customerId, String(group.email)).pk);
      if (email?.groupId !== group.id) problems.push(`the address of ${group.name} does not lead to it`);
    }
  }
  for (const hint of items.filter((item) => item.sk === "GROUPNAME" || item.sk === "GROUPEMAIL"))
    if (!groups.has(String(hint.groupId))) problems.push(`${hint.pk} names a group that does not exist`);

  // Memberships: both sides, and the counts.
  for (const member of members) {
    const group = groups.get(String(member.groupId));
    if (group === undefined) problems.push(`a member item of a missing group ${member.groupId}`);
    if (member.userEmail !== undefined) {
      const user = users.get(String(member.userEmail));
      if (user === undefined) problems.push(`${member.userEmail}, member of ${group?.name}, does not exist`);
      else if (!(user.groupIds ?? []).includes(member.groupId))
        problems.push(`${member.userEmail} is a member of ${group?.name} but does not list it`);
    } else {
      const child = groups.get(String(member.memberGroupId));
      if (child === undefined) problems.push(`a member of ${group?.name} is a missing group ${member.memberGroupId}`);
      else if (!(child.parentGroupIds ?? []).includes(member.groupId))
        problems.push(`${child.name} is a member of ${group?.name} but does not list it`);
    }
  }
  const memberOf = (groupId: string, kind: "userEmail" | "memberGroupId", id: string) =>
    members.some((member) => member.groupId === groupId && member[kind] === id);
  for (const user of users.values())
    for (const groupId of user.groupIds ?? [])
      if (!memberOf(groupId, "userEmail", String(user.email)))
        problems.push(`${user.email} lists ${groupId} without being its member`);
  for (const group of groups.values()) {
    for (const parentId of group.parentGroupIds ?? [])
      if (!memberOf(parentId, "memberGroupId", String(group.id)))
        problems.push(`${group.name} lists ${parentId} without being its member`);
    const own = members.filter((member) => member.groupId === group.id);
    const userCount = own.filter((member) => member.userEmail !== undefined).length;
    if (Number(group.userMemberCount) !== userCount)
      problems.push(`${group.name}: user count ${group.userMemberCount}, user members ${userCount}`);
    if (Number(group.groupMemberCount) !== own.length - userCount)
      problems.push(`${group.name}: group count ${group.groupMemberCount}, group members ${own.length - userCount}`);
  }

  // Derived fields, as the direct memberships make them.
  const nodes = [...groups.values()].map((group) => ({
    id: String(group.id),
    parentGroupIds: group.parentGroupIds ?? [],
  }));
  const nesting = nestingOf(nodes);
  for (const group of groups.values()) {
    const expected = nesting.get(String(group.id));
    if (expected === undefined) continue;
    const stored = {
      ancestorGroupIds: group.ancestorGroupIds ?? [],
      descendantGroupIds: group.descendantGroupIds ?? [],
      level: Number(group.level ?? 1),
      height: Number(group.height ?? 1),
    };
    if (JSON.stringify(stored) !== JSON.stringify(expected))
      problems.push(`${group.name}: stored nesting ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`);
    if (expected.descendantGroupIds.includes(String(group.id))) problems.push(`${group.name} is inside itself`);
    if (expected.level > MAX_NESTING_LEVELS) problems.push(`${group.name} is nested ${expected.level} levels deep`);
  }
  for (const user of users.values()) {
    const expected = memberGroups(user.groupIds ?? [], nesting, (id) => groups.get(id)?.mailAccessPolicy);
    if (!same(user.effectiveGroupIds, expected.effectiveGroupIds))
      problems.push(
        `${user.email}: stored groups in effect ${JSON.stringify(user.effectiveGroupIds ?? [])}, from memberships ${JSON.stringify(expected.effectiveGroupIds)}`,
      );
    if (!same(user.groupOverrides, expected.groupOverrides))
      problems.push(
        `${user.email}: stored overrides ${JSON.stringify(user.groupOverrides ?? [])}, from memberships ${JSON.stringify(expected.groupOverrides)}`,
      );
  }
  return problems;
}
