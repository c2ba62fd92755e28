/**
 * The changes of one customer's OU tree that take one transaction: create, describe, delete, and renames and moves
 * of a leaf (mail access settings: ./policy-writes.ts). Each method builds a change (its items, each
 * with its meaning of failure, and its audit facts) for the unit of work to commit; nothing here sends a request.
 * Renames and moves of an OU with descendants take several steps: ./restructure.ts.
 */
import type { AuditFact } from "../../domain/audit";
import { joinPath, pathKey, toView, type OrgUnit, type OrgUnitRecord } from "../../domain/org-unit";
import { conflict, failedPrecondition, RetryableConflict, versionConflict } from "../../errors";
import type { Item } from "../db";
import { keys } from "../keys";
import type { Write } from "../transaction";
import type { Change } from "../unit-of-work";
import {
  chainChecks,
  childCountChange,
  hintDeletion,
  hintItem,
  nameTaken,
  newOrgUnitId,
  noRestructureInProgress,
  orgUnitItem,
  pathCondition,
  pathValues,
  recordOf,
  treeChanged,
  uniqueById,
} from "./records";

/** A change and the OU as the change leaves it. */
export interface OrgUnitChange {
  change: Change;
  orgUnit: OrgUnit;
}

/** What a rename, move or description change of one OU asks for. */
export interface Restructuring {
  newName: string;
  newParent: OrgUnit;
  description: string | null;
}

/** The OU's version as the condition of a write: a stale one is CONFLICT with the current version. */
export function versionChecked(orgUnit: OrgUnit, expectedVersion: number) {
  return (current: Item | undefined) =>
    current === undefined
      ? conflict(`"${orgUnit.path}" was deleted meanwhile.`, { field: "id" })
      : versionConflict(`"${orgUnit.path}"`, expectedVersion, Number(current.version));
}

/** The audit facts of a rename, move or description change. */
export function restructuringFacts(orgUnit: OrgUnit, change: Restructuring): AuditFact[] {
  const newPath = joinPath(change.newParent.path, change.newName);
  const moved = change.newParent.id !== orgUnit.parentId;
  const facts: AuditFact[] = [];
  if (moved || change.newName !== orgUnit.name)
    facts.push({
      action: moved ? "ORG_UNIT_MOVED" : "ORG_UNIT_RENAMED",
      orgUnit: { id: orgUnit.id, path: newPath },
      oldValue: orgUnit.path,
      newValue: newPath,
    });
  if (change.description !== orgUnit.description)
    facts.push({
      action: "ORG_UNIT_DESCRIPTION_CHANGED",
      orgUnit: { id: orgUnit.id, path: newPath },
      oldValue: orgUnit.description,
      newValue: change.description,
    });
  return facts;
}

export class OrgUnitWrites {
  constructor(
    private readonly customerId: string,
    private readonly now: () => Date,
    /** Finishes a rename or move whose writer stopped; the recovery of a "tree locked" conflict. */
    private readonly finishStalled: () => Promise<boolean>,
  ) {}

  /** The new OU, its path hint (unique among siblings) and the parent's child count, if the chain is unchanged. */
  create(parent: OrgUnit, name: string, description: string | null): OrgUnitChange {
    const now = this.now().toISOString();
    const record: OrgUnitRecord = {
      id: newOrgUnitId(),
      name,
      description,
      parentId: parent.id,
      ancestorIds: [...parent.ancestors.map((a) => a.id), parent.id],
      childCount: 0,
      userCount: 0,
      ownSettingsCounts: {},
      mailAccessPolicy: {},
      policyChangedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const orgUnit = toView(record, parent);
    const writes: Write[] = [
      this.treeUnlocked(),
      ...chainChecks(this.customerId, parent.ancestors),
      childCountChange(this.customerId, parent, 1),
      {
        item: { Put: { Item: orgUnitItem(this.customerId, record), ConditionExpression: "attribute_not_exists(pk)" } },
        onConditionFailed: () => new RetryableConflict("An OU id was taken twice; retry."),
      },
      {
        item: {
          Put: {
            Item: hintItem(this.customerId, orgUnit.path, record.id, record.ancestorIds),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: () => nameTaken(name, parent.path),
      },
    ];
    const events: AuditFact[] = [
      { action: "ORG_UNIT_CREATED", orgUnit: { id: orgUnit.id, path: orgUnit.path }, newValue: orgUnit.path },
    ];
    return { change: { writes, events }, orgUnit };
  }

  /** The OU's description, if the OU is still at `expectedVersion`. */
  describe(orgUnit: OrgUnit, description: string | null, expectedVersion: number): OrgUnitChange {
    const updatedAt = this.now().toISOString();
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression: "SET description = :description, version = version + :one, updatedAt = :now",
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: {
              ":description": description,
              ":one": 1,
              ":now": updatedAt,
              ":expected": expectedVersion,
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: versionChecked(orgUnit, expectedVersion),
      },
    ];
    const events: AuditFact[] = [
      {
        action: "ORG_UNIT_DESCRIPTION_CHANGED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        oldValue: orgUnit.description,
        newValue: description,
      },
    ];
    return {
      change: { writes, events },
      orgUnit: { ...orgUnit, description, version: expectedVersion + 1, updatedAt },
    };
  }

  /** The record (only if unchanged, childless and without users), its path hint, the parent's child count. */
  delete(orgUnit: OrgUnit, expectedVersion: number): Change {
    const writes: Write[] = [
      this.treeUnlocked(),
      {
        item: {
          Delete: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            ConditionExpression:
              "version = :expected AND childCount = :zero AND (attribute_not_exists(userCount) OR userCount = :zero) AND attribute_not_exists(pendingOp)",
            ExpressionAttributeValues: { ":expected": expectedVersion, ":zero": 0 },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: (current) => {
          if (current !== undefined && Number(current.childCount) > 0)
            return failedPrecondition(
              `"${orgUnit.path}" still has child organizational units; delete or move them first.`,
            );
          if (current !== undefined && Number(current.userCount ?? 0) > 0)
            return failedPrecondition(`"${orgUnit.path}" still has users; delete or move them first.`);
          return versionChecked(orgUnit, expectedVersion)(current);
        },
      },
      hintDeletion(this.customerId, orgUnit.path, orgUnit.id),
      childCountChange(this.customerId, { id: orgUnit.parentId as string }, -1),
    ];
    const events: AuditFact[] = [
      { action: "ORG_UNIT_DELETED", orgUnit: { id: orgUnit.id, path: orgUnit.path }, oldValue: orgUnit.path },
    ];
    return { writes, events };
  }

  /** The OU as a rename, move or description change leaves it. */
  restructured(orgUnit: OrgUnit, change: Restructuring, expectedVersion: number): OrgUnit {
    const { newName, newParent } = change;
    const ancestorIds = [...newParent.ancestors.map((a) => a.id), newParent.id];
    const record = { ...recordOf(orgUnit), name: newName, description: change.description };
    const moved: OrgUnitRecord = { ...record, parentId: newParent.id, ancestorIds };
    return { ...toView(moved, newParent), version: expectedVersion + 1, updatedAt: this.now().toISOString() };
  }

  /** A rename, move or description change of a leaf (no descendants) in one transaction. */
  restructureLeaf(orgUnit: OrgUnit, change: Restructuring, expectedVersion: number): OrgUnitChange {
    const { newName, newParent } = change;
    const result = this.restructured(orgUnit, change, expectedVersion);
    const { path: newPath, updatedAt } = result;
    const moving = newParent.id !== orgUnit.parentId;
    const newAncestorIds = [...newParent.ancestors.map((a) => a.id), newParent.id];
    const item = orgUnitItem(this.customerId, recordOf(result));
    const parents = moving ? [orgUnit.parentId, newParent.id] : [];
    const chain = uniqueById([...orgUnit.ancestors, ...newParent.ancestors, newParent]).filter(
      (o) => !parents.includes(o.id),
    );
    const writes: Write[] = [
      this.treeUnlocked(),
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression:
              "SET #name = :newName, description = :description, parentId = :newParent, ancestorIds = :ancestors, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi3sk = :gsi3sk, version = version + :one, updatedAt = :now",
            ConditionExpression: `version = :expected AND childCount = :zero AND attribute_not_exists(pendingOp) AND ${pathCondition(orgUnit)}`,
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: {
              ":newName": newName,
              ":description": change.description,
              ":newParent": newParent.id,
              ":ancestors": newAncestorIds,
              ":gsi1pk": item.gsi1pk,
              ":gsi1sk": item.gsi1sk,
              ":gsi3sk": item.gsi3sk,
              ":one": 1,
              ":zero": 0,
              ":now": updatedAt,
              ":expected": expectedVersion,
              ...pathValues(orgUnit),
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: (current) => {
          if (current !== undefined && Number(current.childCount) > 0)
            return new RetryableConflict("Child organizational units were added meanwhile; retry.");
          if (current !== undefined && Number(current.version) === expectedVersion) return treeChanged();
          return versionChecked(orgUnit, expectedVersion)(current);
        },
      },
      {
        item: {
          Put: {
            Item: hintItem(this.customerId, newPath, orgUnit.id, newAncestorIds),
            ConditionExpression: "attribute_not_exists(pk) OR ouId = :id",
            ExpressionAttributeValues: { ":id": orgUnit.id },
          },
        },
        onConditionFailed: () => nameTaken(newName, newParent.path),
      },
      ...chainChecks(this.customerId, chain),
    ];
    if (pathKey(newPath) !== pathKey(orgUnit.path))
      writes.push(hintDeletion(this.customerId, orgUnit.path, orgUnit.id));
    if (moving)
      writes.push(
        childCountChange(this.customerId, orgUnit.ancestors.at(-1) as OrgUnit, -1),
        childCountChange(this.customerId, newParent, 1),
      );
    return { change: { writes, events: restructuringFacts(orgUnit, change) }, orgUnit: result };
  }

  /** The check that no rename or move holds the tree (with the recovery of one whose writer stopped). */
  treeUnlocked(): Write {
    return noRestructureInProgress(this.customerId, this.finishStalled);
  }
}
