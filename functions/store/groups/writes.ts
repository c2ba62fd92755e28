/**
 * The changes of configuration groups that take one transaction: create, rename, re-address, describe, delete a group
 * in no other group and without members, add and remove users (with every derived field of theirs, computed by the
 * caller), a group's settings when what it sets stays the same, and a move in the priority order. Each method builds
 * a change (its items, each with its meaning of failure, and its audit facts) for the unit of work to commit; nothing
 * here sends a request. Changes of the nesting, and of what a group sets, reach many members: ./fan-out.ts.
 */
import type { AuditFact } from "../../domain/audit";
import {
  MAX_DIRECT_GROUPS,
  MAX_GROUPS_PER_CUSTOMER,
  groupNameKey,
  type Group,
  type MemberGroups,
} from "../../domain/groups";
import { policyChanges, type MailAccessPolicy } from "../../domain/mail-access";
import type { User } from "../../domain/user";
import { conflict, failedPrecondition, notFound, RetryableConflict, versionConflict } from "../../errors";
import type { Item } from "../db";
import { keys, type GroupMemberRef } from "../keys";
import type { Write } from "../transaction";
import type { Change } from "../unit-of-work";
import { groupItem, memberItem, nestingUnchanged, newGroupId } from "./records";
import type { GroupOrder } from "./reads";

/** A change and the group as the change leaves it. */
export interface GroupChange {
  change: Change;
  group: Group;
}

/** A user whose direct groups a change sets, with the fields derived from them. */
export interface MembershipUpdate {
  user: User;
  groupIds: string[];
  derived: MemberGroups;
}

const noSuchGroup = (field: string) => notFound(field, "No such configuration group.");

/** The group's version as the condition of a write: a stale one is CONFLICT with the current version. */
function groupVersionChecked(group: Group, expectedVersion: number, field = "groupId") {
  return (current: Item | undefined) =>
    current === undefined || current.deleting === true
      ? noSuchGroup(field)
      : versionConflict(`The group "${group.name}"`, expectedVersion, Number(current.version));
}

/** What a group's audit events say about it. */
export const about = (group: Pick<Group, "id" | "name">) => ({ group: { id: group.id, name: group.name } });

export class GroupWrites {
  constructor(
    private readonly customerId: string,
    private readonly now: () => Date,
    /** Finishes a membership fan-out whose writer stopped; the recovery of a "groups locked" conflict. */
    private readonly finishStalled: () => Promise<boolean>,
  ) {}

  /** The new group (last in the priority order), its name and address, if free. */
  create(input: { name: string; email: string | null; description: string | null }): GroupChange {
    const now = this.now().toISOString();
    const group: Group = {
      id: newGroupId(),
      ...input,
      mailAccessPolicy: {},
      policyChangedAt: null,
      parentGroupIds: [],
      ancestorGroupIds: [],
      descendantGroupIds: [],
      level: 1,
      height: 1,
      userMemberCount: 0,
      groupMemberCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deleting: false,
    };
    const writes: Write[] = [
      {
        item: { Put: { Item: groupItem(this.customerId, group), ConditionExpression: "attribute_not_exists(pk)" } },
        onConditionFailed: () => new RetryableConflict("A group id was taken twice; retry."),
      },
      this.claimName(group),
      ...(group.email === null ? [] : this.claimEmail(group, group.email)),
      {
        item: {
          Update: {
            Key: keys.groupOrder(this.customerId),
            UpdateExpression:
              "SET groupIds = list_append(if_not_exists(groupIds, :none), :id), version = if_not_exists(version, :zero) + :one",
            ConditionExpression: "attribute_not_exists(groupIds) OR size(groupIds) < :max",
            ExpressionAttributeValues: {
              ":none": [],
              ":id": [group.id],
              ":zero": 0,
              ":one": 1,
              ":max": MAX_GROUPS_PER_CUSTOMER,
            },
          },
        },
        onConditionFailed: () =>
          failedPrecondition(`An organization has at most ${MAX_GROUPS_PER_CUSTOMER} configuration groups.`, {
            maxGroups: MAX_GROUPS_PER_CUSTOMER,
          }),
      },
    ];
    const events: AuditFact[] = [{ action: "GROUP_CREATED", ...about(group), newValue: group.name }];
    return { change: { writes, events }, group };
  }

  /** The group's name, address and description, if it is still at `expectedVersion` (and the new name is free). */
  update(
    group: Group,
    next: { name: string; email: string | null; description: string | null },
    expectedVersion: number,
  ): GroupChange {
    const now = this.now().toISOString();
    const updated: Group = { ...group, ...next, version: expectedVersion + 1, updatedAt: now };
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.group(this.customerId, group.id),
            UpdateExpression:
              "SET #name = :name, email = :email, description = :description, version = version + :one, updatedAt = :now",
            ConditionExpression: "version = :expected AND attribute_not_exists(deleting)",
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: {
              ":name": next.name,
              ":email": next.email,
              ":description": next.description,
              ":one": 1,
              ":now": now,
              ":expected": expectedVersion,
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: groupVersionChecked(group, expectedVersion),
      },
    ];
    const events: AuditFact[] = [];
    if (next.name !== group.name) {
      events.push({ action: "GROUP_RENAMED", ...about(updated), oldValue: group.name, newValue: next.name });
      if (groupNameKey(next.name) !== groupNameKey(group.name))
        writes.push(
          this.claimName(updated),
          this.release(keys.groupName(this.customerId, groupNameKey(group.name)), group),
        );
    }
    if (next.email !== group.email) {
      events.push({ action: "GROUP_EMAIL_CHANGED", ...about(updated), oldValue: group.email, newValue: next.email });
      if (next.email !== null) writes.push(...this.claimEmail(updated, next.email));
      if (group.email !== null) writes.push(this.release(keys.groupEmail(this.customerId, group.email), group));
    }
    if (next.description !== group.description)
      events.push({
        action: "GROUP_DESCRIPTION_CHANGED",
        ...about(updated),
        oldValue: group.description,
        newValue: next.description,
      });
    return { change: { writes, events }, group: updated };
  }

  /**
   * A group in no other group and without members: its item, name, address and place in the order, if it is still
   * at `expectedVersion` and still alone (else a retry finds out what it has now).
   */
  deleteAlone(group: Group, order: GroupOrder, expectedVersion: number): Change {
    const writes: Write[] = [
      nestingUnchanged(this.customerId, undefined, this.finishStalled),
      {
        item: {
          Delete: {
            Key: keys.group(this.customerId, group.id),
            ConditionExpression:
              "version = :expected AND attribute_not_exists(deleting) AND userMemberCount = :zero AND groupMemberCount = :zero AND size(parentGroupIds) = :zero",
            ExpressionAttributeValues: { ":expected": expectedVersion, ":zero": 0 },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: (current) =>
          current !== undefined && Number(current.version) === expectedVersion
            ? new RetryableConflict(`The group "${group.name}" gained members meanwhile; retry.`)
            : groupVersionChecked(group, expectedVersion)(current),
      },
      ...this.forget(group, order),
    ];
    return { writes, events: [{ action: "GROUP_DELETED", ...about(group), oldValue: group.name }] };
  }

  /**
   * The commit of a group's forced delete (the fan-out then takes its members out): the group marked as being deleted
   * (from now on it counts for nobody), its name, address and place in the order freed, and its own memberships gone.
   */
  markDeleted(group: Group, order: GroupOrder, expectedVersion: number): Write[] {
    return [
      {
        item: {
          Update: {
            Key: keys.group(this.customerId, group.id),
            UpdateExpression: "SET deleting = :yes, version = version + :one",
            ConditionExpression: "version = :expected AND attribute_not_exists(deleting)",
            ExpressionAttributeValues: { ":yes": true, ":one": 1, ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: groupVersionChecked(group, expectedVersion),
      },
      ...this.forget(group, order),
      ...group.parentGroupIds.flatMap((parentId): Write[] => [
        { item: { Delete: { Key: keys.groupMember(this.customerId, parentId, { groupId: group.id }) } } },
        this.memberCount({ id: parentId }, 0, -1),
      ]),
    ];
  }

  /** What deleting a group takes away besides its item: its name, its address, its place in the order. */
  forget(group: Group, order: GroupOrder): Write[] {
    const place = order.groupIds.indexOf(group.id);
    return [
      { item: { Delete: { Key: keys.groupName(this.customerId, groupNameKey(group.name)) } } },
      ...(group.email === null ? [] : [{ item: { Delete: { Key: keys.groupEmail(this.customerId, group.email) } } }]),
      ...(place < 0
        ? []
        : [
            {
              item: {
                Update: {
                  Key: keys.groupOrder(this.customerId),
                  UpdateExpression: `REMOVE groupIds[${place}] SET version = version + :one`,
                  ConditionExpression: `groupIds[${place}] = :id`,
                  ExpressionAttributeValues: { ":id": group.id, ":one": 1 },
                },
              },
              onConditionFailed: () => new RetryableConflict("The groups' priority order changed meanwhile; retry."),
            },
          ]),
    ];
  }

  /**
   * Members join (`joining`) or leave a group: their member items; for users, their direct groups with everything
   * derived from them; for groups, their direct memberships; and the group's counts. `nestingVersion` is the nesting
   * the users' derived fields were computed on, checked; a change with groups among its members runs under the
   * fan-out's lock instead (undefined), which recomputes what their members derive.
   */
  changeMembers(
    group: Group,
    users: readonly MembershipUpdate[],
    groups: readonly Group[],
    joining: boolean,
    nestingVersion: number | undefined,
  ): Change {
    const now = this.now().toISOString();
    const sign = joining ? 1 : -1;
    const writes: Write[] = [
      ...(nestingVersion === undefined ? [] : [nestingUnchanged(this.customerId, nestingVersion, this.finishStalled)]),
      this.memberCount(group, sign * users.length, sign * groups.length),
    ];
    const events: AuditFact[] = [];
    const action = joining ? "GROUP_MEMBER_ADDED" : "GROUP_MEMBER_REMOVED";
    users.forEach((update, index) => {
      writes.push(
        this.memberItemChange(group, { userEmail: update.user.email }, joining, update.user.email),
        this.userGroups(update, now, `userEmails[${index}]`),
      );
      events.push({ action, ...about(group), userEmail: update.user.email });
    });
    groups.forEach((member) => {
      const parentGroupIds = joining
        ? [...member.parentGroupIds, group.id]
        : member.parentGroupIds.filter((id) => id !== group.id);
      writes.push(this.memberItemChange(group, { groupId: member.id }, joining, `"${member.name}"`), {
        item: {
          Update: {
            Key: keys.group(this.customerId, member.id),
            UpdateExpression: "SET parentGroupIds = :parents",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(deleting)",
            ExpressionAttributeValues: { ":parents": parentGroupIds },
          },
        },
        onConditionFailed: () => new RetryableConflict(`The group "${member.name}" was deleted meanwhile; retry.`),
      });
      events.push({
        action,
        ...about(group),
        memberGroupId: member.id,
        [joining ? "newValue" : "oldValue"]: member.name,
      });
    });
    return { writes, events };
  }

  /** A member's item in the group, put (if it is not there) or deleted (if it is). */
  private memberItemChange(group: Group, member: GroupMemberRef, joining: boolean, who: string): Write {
    return joining
      ? {
          item: {
            Put: {
              Item: memberItem(this.customerId, group.id, member, this.now().toISOString()),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: () => new RetryableConflict(`${who} joined "${group.name}" meanwhile; retry.`),
        }
      : {
          item: {
            Delete: {
              Key: keys.groupMember(this.customerId, group.id, member),
              ConditionExpression: "attribute_exists(pk)",
            },
          },
          onConditionFailed: () => new RetryableConflict(`${who} left "${group.name}" meanwhile; retry.`),
        };
  }

  /** A user's direct groups and what is derived from them, if the user is still as read. */
  userGroups(update: MembershipUpdate, now: string, field: string): Write {
    const { user, groupIds, derived } = update;
    if (groupIds.length > MAX_DIRECT_GROUPS)
      throw failedPrecondition(
        `A user belongs to at most ${MAX_DIRECT_GROUPS} groups directly; ${user.email} would be in ${groupIds.length}.`,
        {
          field,
          maxGroups: MAX_DIRECT_GROUPS,
        },
      );
    const effectiveChanged = derived.effectiveGroupIds.join() !== user.effectiveGroupIds.join();
    return {
      item: {
        Update: {
          Key: keys.user(this.customerId, user.email),
          UpdateExpression:
            "SET groupIds = :groups, effectiveGroupIds = :effective, groupOverrides = :overrides, groupsChangedAt = :changed, version = version + :one, updatedAt = :now",
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: {
            ":groups": groupIds,
            ":effective": derived.effectiveGroupIds,
            ":overrides": derived.groupOverrides,
            ":changed": effectiveChanged ? now : user.groupsChangedAt,
            ":one": 1,
            ":now": now,
            ":expected": user.version,
          },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      onConditionFailed: (current) =>
        current === undefined
          ? notFound(field, `No user with the address ${user.email}.`)
          : new RetryableConflict(`The user ${user.email} changed meanwhile; retry.`),
    };
  }

  /** A group's member counts changed by `users` and `groups`, if the group exists and is not being deleted. */
  memberCount(group: Pick<Group, "id">, users: number, groups: number, field = "groupId"): Write {
    return {
      item: {
        Update: {
          Key: keys.group(this.customerId, group.id),
          UpdateExpression:
            "SET userMemberCount = userMemberCount + :users, groupMemberCount = groupMemberCount + :groups",
          ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(deleting)",
          ExpressionAttributeValues: { ":users": users, ":groups": groups },
        },
      },
      onConditionFailed: () => noSuchGroup(field),
    };
  }

  /**
   * The group's own settings, when no member derives anything from what it sets (it sets the same settings, or it has
   * no member): one audit fact per setting that changes. With `nestingVersion` (what it sets changes), the nesting
   * gets a new version, so that a membership write that derived from the old settings retries.
   */
  setPolicy(group: Group, policy: MailAccessPolicy, expectedVersion: number, nestingVersion?: number): GroupChange {
    const now = this.now().toISOString();
    const writes: Write[] = [this.policyWrite(group, policy, expectedVersion, now)];
    if (nestingVersion !== undefined) writes.push(this.nextNestingVersion(nestingVersion));
    return {
      change: { writes, events: this.policyFacts(group, policy) },
      group: { ...group, mailAccessPolicy: policy, policyChangedAt: now, version: expectedVersion + 1, updatedAt: now },
    };
  }

  /** The nesting at a new version, if it is still at `version` and no fan-out holds it. */
  private nextNestingVersion(version: number): Write {
    return {
      item: {
        Update: {
          Key: keys.groupGraph(this.customerId),
          UpdateExpression: "SET version = if_not_exists(version, :zero) + :one",
          ConditionExpression: "attribute_not_exists(#op) AND (attribute_not_exists(version) OR version = :version)",
          ExpressionAttributeNames: { "#op": "op" },
          ExpressionAttributeValues: { ":zero": 0, ":one": 1, ":version": version },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      onConditionFailed: nestingUnchanged(this.customerId, version, this.finishStalled).onConditionFailed,
    };
  }

  policyWrite(group: Group, policy: MailAccessPolicy, expectedVersion: number, now: string): Write {
    return {
      item: {
        Update: {
          Key: keys.group(this.customerId, group.id),
          UpdateExpression:
            "SET mailAccessPolicy = :policy, policyChangedAt = :now, version = version + :one, updatedAt = :now",
          ConditionExpression: "version = :expected AND attribute_not_exists(deleting)",
          ExpressionAttributeValues: { ":policy": policy, ":now": now, ":one": 1, ":expected": expectedVersion },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      onConditionFailed: groupVersionChecked(group, expectedVersion),
    };
  }

  policyFacts(group: Group, policy: MailAccessPolicy): AuditFact[] {
    return policyChanges(group.mailAccessPolicy, policy).map(({ setting, oldValue, newValue }) => ({
      action: "GROUP_MAIL_SETTING_CHANGED",
      ...about(group),
      setting,
      oldValue,
      newValue,
    }));
  }

  /** The order with `group` moved to `position` (1: highest), if nobody changed the order since it was read. */
  move(group: Group, order: GroupOrder, position: number): Change {
    const without = order.groupIds.filter((id) => id !== group.id);
    const groupIds = [...without.slice(0, position - 1), group.id, ...without.slice(position - 1)];
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.groupOrder(this.customerId),
            UpdateExpression: "SET groupIds = :ids, version = version + :one",
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":ids": groupIds, ":one": 1, ":expected": order.version },
          },
        },
        onConditionFailed: () => new RetryableConflict("The groups' priority order changed meanwhile; retry."),
      },
    ];
    const events: AuditFact[] = [
      {
        action: "GROUP_PRIORITY_CHANGED",
        ...about(group),
        oldValue: String(order.groupIds.indexOf(group.id) + 1),
        newValue: String(position),
      },
    ];
    return { writes, events };
  }

  /**
   * What deleting a user takes away from its groups (its member items and their user counts), while no membership
   * change is being fanned out. Recorded by the user's deletion itself.
   */
  userDeleted(user: User): Write[] {
    if (user.groupIds.length === 0) return [];
    return [
      nestingUnchanged(this.customerId, undefined, this.finishStalled),
      ...user.groupIds.flatMap((groupId): Write[] => [
        { item: { Delete: { Key: keys.groupMember(this.customerId, groupId, { userEmail: user.email }) } } },
        {
          item: {
            Update: {
              Key: keys.group(this.customerId, groupId),
              UpdateExpression: "SET userMemberCount = userMemberCount - :one",
              ConditionExpression: "attribute_exists(pk)",
              ExpressionAttributeValues: { ":one": 1 },
            },
          },
          onConditionFailed: () => new RetryableConflict(`A group of ${user.email} changed meanwhile; retry.`),
        },
      ]),
    ];
  }

  private claimName(group: Group): Write {
    return {
      item: {
        Put: {
          Item: { ...keys.groupName(this.customerId, groupNameKey(group.name)), groupId: group.id },
          ConditionExpression: "attribute_not_exists(pk) OR groupId = :id",
          ExpressionAttributeValues: { ":id": group.id },
        },
      },
      onConditionFailed: () =>
        conflict(`A configuration group named "${group.name}" already exists.`, { field: "name" }),
    };
  }

  /** The address for the group, if no other group has it and no user does. */
  private claimEmail(group: Group, email: string): Write[] {
    return [
      {
        item: {
          Put: {
            Item: { ...keys.groupEmail(this.customerId, email), groupId: group.id },
            ConditionExpression: "attribute_not_exists(pk) OR groupId = :id",
            ExpressionAttributeValues: { ":id": group.id },
          },
        },
        onConditionFailed: () => conflict(`Another configuration group has the address ${email}.`, { field: "email" }),
      },
      {
        item: {
          ConditionCheck: { Key: keys.user(this.customerId, email), ConditionExpression: "attribute_not_exists(pk)" },
        },
        onConditionFailed: () => conflict(`${email} is a user's address, not a group's.`, { field: "email" }),
      },
    ];
  }

  /** Frees a name or an address the group held (unless another group holds it now). */
  private release(key: { pk: string; sk: string }, group: Group): Write {
    return {
      item: {
        Delete: {
          Key: key,
          ConditionExpression: "attribute_not_exists(pk) OR groupId = :id",
          ExpressionAttributeValues: { ":id": group.id },
        },
      },
      onConditionFailed: () => new RetryableConflict(`The group "${group.name}" changed meanwhile; retry.`),
    };
  }
}
