/**
 * How OUs are stored: the OU record and its index entries, the path hints, and the conditions and errors that every
 * OU write shares. Nothing here sends a request.
 */
import { createHash, randomUUID } from "node:crypto";
import { pathKey, type OrgUnit, type OrgUnitRecord } from "../../domain/org-unit";
import type { MailAccessPolicy } from "../../domain/mail-access";
import { OWN_SETTINGS_KEYS, type OwnSettingsCounts, type OwnSettingsKey } from "../../domain/own-settings-counts";
import { conflict, RetryableConflict, TreeLocked } from "../../errors";
import type { Item } from "../db";
import { keys } from "../keys";
import type { Write } from "../transaction";

/** The byAncestry index spreads a customer's OUs over this many partitions, read in parallel. */
export const ANCESTRY_SHARDS = 16;

export function newOrgUnitId(): string {
  return `ou_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** The byAncestry shard of an OU: fixed by its id, so it never changes. */
function ancestryShard(id: string): number {
  return (createHash("sha256").update(id).digest()[0] as number) % ANCESTRY_SHARDS;
}

/** The byAncestry sort key: the ids from the root down to the OU; a subtree is every key under its root's prefix. */
export function ancestryKey(ancestorIds: readonly string[], id: string): string {
  return [...ancestorIds, id].join("/");
}

/**
 * The attribute holding how many of an OU's users have the combination `key` of own settings on. Each count is a
 * top-level attribute of its own, so that a user's write can add to it whether or not it exists yet (a nested map
 * would have to exist first, which OUs written before the counts do not).
 */
export function ownSettingsAttribute(key: OwnSettingsKey): string {
  return `usersWith_${key}`;
}

/** The record and its index entries: children by name under the parent (byParent), the chain of ids (byAncestry). */
export function orgUnitItem(customerId: string, record: OrgUnitRecord): Item {
  const { ownSettingsCounts, ...stored } = record;
  return {
    ...keys.orgUnit(customerId, record.id),
    ...(record.parentId === null
      ? {}
      : { gsi1pk: keys.children(customerId, record.parentId), gsi1sk: record.name.toLowerCase() }),
    gsi3pk: keys.ancestry(customerId, ancestryShard(record.id)),
    gsi3sk: ancestryKey(record.ancestorIds, record.id),
    ...stored,
    ...Object.fromEntries(
      OWN_SETTINGS_KEYS.flatMap((key) => {
        const count = ownSettingsCounts[key] ?? 0;
        return count === 0 ? [] : [[ownSettingsAttribute(key), count]];
      }),
    ),
  };
}

function ownSettingsCountsOf(item: Item): OwnSettingsCounts {
  const counts: OwnSettingsCounts = {};
  for (const key of OWN_SETTINGS_KEYS) {
    const count = item[ownSettingsAttribute(key)];
    if (count !== undefined) counts[key] = Number(count);
  }
  return counts;
}

export function toRecord(item: Item): OrgUnitRecord {
  return {
    id: String(item.id),
    name: String(item.name),
    description: (item.description as string | null | undefined) ?? null,
    parentId: (item.parentId as string | null | undefined) ?? null,
    ancestorIds: (item.ancestorIds as string[] | undefined) ?? [],
    childCount: Number(item.childCount ?? 0),
    userCount: Number(item.userCount ?? 0),
    ownSettingsCounts: ownSettingsCountsOf(item),
    mailAccessPolicy: (item.mailAccessPolicy as MailAccessPolicy | undefined) ?? {},
    policyChangedAt: (item.policyChangedAt as string | null | undefined) ?? null,
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    pendingOp: item.pendingOp as OrgUnitRecord["pendingOp"],
  };
}

export function recordOf(orgUnit: OrgUnit): OrgUnitRecord {
  return { ...orgUnit, ancestorIds: orgUnit.ancestors.map((a) => a.id) };
}

/** A path hint: the lookup from a (lower-cased) path to the OU and its ancestors, and what keeps siblings unique. */
export function hintItem(customerId: string, path: string, ouId: string, ancestorIds: readonly string[]): Item {
  return { ...keys.path(customerId, pathKey(path)), ouId, ancestorIds };
}

/** The condition that an OU still has the name and parent it was read with, i.e. its path is unchanged. */
export function pathCondition(orgUnit: OrgUnit): string {
  return orgUnit.parentId === null ? "#name = :name" : "#name = :name AND parentId = :parentId";
}

export function pathValues(orgUnit: OrgUnit): Record<string, unknown> {
  return orgUnit.parentId === null
    ? { ":name": orgUnit.name }
    : { ":name": orgUnit.name, ":parentId": orgUnit.parentId };
}

/**
 * An OU's child count changed by `delta`: for an OU as read, on the condition that its path is unchanged and no
 * rename or move holds it; for one known by id only, that it still exists.
 */
export function childCountChange(customerId: string, parent: OrgUnit | { id: string }, delta: number): Write {
  const asRead = "path" in parent;
  return {
    item: {
      Update: {
        Key: keys.orgUnit(customerId, parent.id),
        UpdateExpression: "SET childCount = childCount + :delta",
        ConditionExpression: asRead
          ? `${pathCondition(parent)} AND attribute_not_exists(pendingOp)`
          : "attribute_exists(pk)",
        ...(asRead ? { ExpressionAttributeNames: { "#name": "name" } } : {}),
        ExpressionAttributeValues: { ":delta": delta, ...(asRead ? pathValues(parent) : {}) },
      },
    },
    onConditionFailed: treeChanged,
  };
}

/** DynamoDB's limit on a partition key, in bytes. */
const MAX_KEY_BYTES = 2048;

/** Whether a path hint for `path` could exist at all (a longer key is refused by DynamoDB). */
export function hintCanExist(customerId: string, path: string): boolean {
  return Buffer.byteLength(keys.path(customerId, pathKey(path)).pk) <= MAX_KEY_BYTES;
}

/** Deletes the path hint at `path` unless it now points to another OU than `ouId`. */
export function hintDeletion(customerId: string, path: string, ouId: string): Write {
  return {
    item: {
      Delete: {
        Key: keys.path(customerId, pathKey(path)),
        ConditionExpression: "attribute_not_exists(pk) OR ouId = :id",
        ExpressionAttributeValues: { ":id": ouId },
      },
    },
    onConditionFailed: treeChanged,
  };
}

/** Checks that each OU of `chain` still has the name and parent it was read with. */
export function chainChecks(customerId: string, chain: readonly OrgUnit[]): Write[] {
  return chain.map((orgUnit) => ({
    item: {
      ConditionCheck: {
        Key: keys.orgUnit(customerId, orgUnit.id),
        ConditionExpression: pathCondition(orgUnit),
        ExpressionAttributeNames: { "#name": "name" },
        ExpressionAttributeValues: pathValues(orgUnit),
      },
    },
    onConditionFailed: treeChanged,
  }));
}

/** Checks that no rename or move holds the tree; if one does, `finishStalled` may finish it before a retry. */
export function noRestructureInProgress(customerId: string, finishStalled: () => Promise<boolean>): Write {
  return {
    item: {
      ConditionCheck: {
        Key: keys.tree(customerId),
        ConditionExpression: "attribute_not_exists(#op)",
        ExpressionAttributeNames: { "#op": "op" },
      },
    },
    onConditionFailed: () => new TreeLocked(finishStalled),
  };
}

export const treeChanged = () => new RetryableConflict("The OU tree changed while this request was processed; retry.");

export const nameTaken = (name: string, parentPath: string) =>
  conflict(`An organizational unit named "${name}" already exists under "${parentPath}".`, { field: "name" });

export function uniqueById(orgUnits: readonly OrgUnit[]): OrgUnit[] {
  return [...new Map(orgUnits.map((o) => [o.id, o])).values()];
}
