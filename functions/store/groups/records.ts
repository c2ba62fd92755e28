/**
 * How configuration groups are stored: the group item, its members (items of the group's partition), the name and
 * address that keep groups unique, the priority order, and the nesting's version item with the checks every
 * membership write shares. Nothing here sends a request.
 */
import { randomUUID } from "node:crypto";
import type { Group, Nesting } from "../../domain/groups";
import type { MailAccessPolicy } from "../../domain/mail-access";
import { RetryableConflict } from "../../errors";
import type { Item } from "../db";
import { GROUP_MEMBER_PREFIX, keys, type GroupMemberRef } from "../keys";
import type { Write } from "../transaction";

export function newGroupId(): string {
  return `grp_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** The group's item as first written (later writes change single attributes, never the whole item). */
export function groupItem(customerId: string, group: Group): Item {
  // Neither how a caller sees it nor a delete in progress is part of a new group.
  const stored: Partial<Group> = { ...group };
  delete stored.nameOnly;
  delete stored.deleting;
  return { ...keys.group(customerId, group.id), type: "GROUP", ...stored };
}

export function toGroup(item: Item): Group {
  return {
    id: String(item.id),
    name: String(item.name),
    email: (item.email as string | null | undefined) ?? null,
    description: (item.description as string | null | undefined) ?? null,
    mailAccessPolicy: (item.mailAccessPolicy as MailAccessPolicy | undefined) ?? {},
    policyChangedAt: (item.policyChangedAt as string | null | undefined) ?? null,
    parentGroupIds: (item.parentGroupIds as string[] | undefined) ?? [],
    ...nestingOfItem(item),
    userMemberCount: Number(item.userMemberCount ?? 0),
    groupMemberCount: Number(item.groupMemberCount ?? 0),
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    deleting: item.deleting === true,
  };
}

function nestingOfItem(item: Item): Nesting {
  return {
    ancestorGroupIds: (item.ancestorGroupIds as string[] | undefined) ?? [],
    descendantGroupIds: (item.descendantGroupIds as string[] | undefined) ?? [],
    level: Number(item.level ?? 1),
    height: Number(item.height ?? 1),
  };
}

/** A member's item in its group's partition. */
export function memberItem(customerId: string, groupId: string, member: GroupMemberRef, addedAt: string): Item {
  return {
    ...keys.groupMember(customerId, groupId, member),
    type: "GROUP_MEMBER",
    groupId,
    ...("userEmail" in member ? { userEmail: member.userEmail } : { memberGroupId: member.groupId }),
    addedAt,
  };
}

/** The member a member item names. */
export function toMemberRef(item: Item): GroupMemberRef {
  return item.userEmail !== undefined ? { userEmail: String(item.userEmail) } : { groupId: String(item.memberGroupId) };
}

export const MEMBER_SORT_KEY = new RegExp(
  `^${GROUP_MEMBER_PREFIX}(U#[^\\s@]{1,64}@[^\\s@]{1,189}|G#grp_[a-z0-9]{1,40})$`,
);

/** The nesting changed (a membership fan-out started or ended) while this request was processed. */
export const groupsChanged = () =>
  new RetryableConflict("The configuration groups' memberships changed while this request was processed; retry.");

/** A membership change is being applied to the members of the groups: other membership changes wait. */
export class GroupsLocked extends RetryableConflict {
  constructor(recover: () => Promise<boolean>) {
    super("A change of configuration group memberships is being applied to their members; retry in a moment.", recover);
  }
}

/**
 * The check that no membership change is being fanned out and, with `version`, that the nesting is still the one
 * read (the derived fields a write relied on are current). `finishStalled` may finish a fan-out whose writer stopped.
 */
export function nestingUnchanged(
  customerId: string,
  version: number | undefined,
  finishStalled: () => Promise<boolean>,
): Write {
  const versioned = version !== undefined;
  return {
    item: {
      ConditionCheck: {
        Key: keys.groupGraph(customerId),
        ConditionExpression: versioned
          ? "attribute_not_exists(#op) AND (attribute_not_exists(version) OR version = :version)"
          : "attribute_not_exists(#op)",
        ExpressionAttributeNames: { "#op": "op" },
        ...(versioned ? { ExpressionAttributeValues: { ":version": version } } : {}),
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    },
    onConditionFailed: (current) => (current?.op === undefined ? groupsChanged() : new GroupsLocked(finishStalled)),
  };
}
