/**
 * The changes of one customer's OU tree that take one transaction: create, describe, delete, mail access settings
 * (one OU, allow-list edits, bulk), and renames and moves of a leaf. Each method builds a change (its items, each
 * with its meaning of failure, and its audit facts) for the unit of work to commit; nothing here sends a request.
 * Renames and moves of an OU with descendants take several steps: ./restructure.ts.
 */
import type { AuditFact } from "../../domain/audit";
import {
  AUDIT_SETTING_NAMES,
  MAX_ALLOWED_OAUTH_CLIENTS,
  auditValue,
  policyChanges,
  type ImapClientAccess,
  type MailAccessPolicy,
} from "../../domain/mail-access";
import { joinPath, pathKey, toView, type OrgUnit, type OrgUnitRecord } from "../../domain/org-unit";
import { conflict, failedPrecondition, RetryableConflict, versionConflict } from "../../errors";
import type { Item, TransactItem } from "../db";
import { keys } from "../keys";
import type { Write } from "../transaction";
import type { Change } from "../unit-of-work";
import {
  chainChecks,
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
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, parent.id),
            UpdateExpression: "SET childCount = childCount + :one",
            ConditionExpression: `${pathCondition(parent)} AND attribute_not_exists(pendingOp)`,
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: { ":one": 1, ...pathValues(parent) },
          },
        },
        onConditionFailed: treeChanged,
      },
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
      {
        item: {
          Delete: {
            Key: keys.path(this.customerId, pathKey(orgUnit.path)),
            ConditionExpression: "ouId = :id",
            ExpressionAttributeValues: { ":id": orgUnit.id },
          },
        },
        onConditionFailed: treeChanged,
      },
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.parentId as string),
            UpdateExpression: "SET childCount = childCount - :one",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":one": 1 },
          },
        },
        onConditionFailed: treeChanged,
      },
    ];
    const events: AuditFact[] = [
      { action: "ORG_UNIT_DELETED", orgUnit: { id: orgUnit.id, path: orgUnit.path }, oldValue: orgUnit.path },
    ];
    return { writes, events };
  }

  /** The OU's own POP and IMAP settings and its version; one audit fact per setting that changes. */
  setPolicy(orgUnit: OrgUnit, policy: MailAccessPolicy, expectedVersion: number): OrgUnitChange {
    const now = this.now().toISOString();
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression:
              "SET mailAccessPolicy = :policy, policyChangedAt = :now, version = version + :one, updatedAt = :now",
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":policy": policy, ":now": now, ":one": 1, ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: versionChecked(orgUnit, expectedVersion),
      },
    ];
    const events = policyChanges(orgUnit.mailAccessPolicy, policy).map(
      ({ settingName, oldValue, newValue }): AuditFact => ({
        action: "MAIL_SETTING_CHANGED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        settingName,
        oldValue,
        newValue,
      }),
    );
    return {
      change: { writes, events },
      orgUnit: {
        ...orgUnit,
        mailAccessPolicy: policy,
        policyChangedAt: now,
        version: expectedVersion + 1,
        updatedAt: now,
      },
    };
  }

  /** A check that the OU is still at the version a decision about it was made on (a bulk change's unchanged OUs). */
  unchanged(orgUnit: OrgUnit): Write {
    return {
      item: {
        ConditionCheck: {
          Key: keys.orgUnit(this.customerId, orgUnit.id),
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: { ":expected": orgUnit.version },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      onConditionFailed: versionChecked(orgUnit, orgUnit.version),
    };
  }

  /**
   * Adds client ids to the OU's own allow-list with one atomic append, not a read-modify-write, so concurrent adds of
   * different ids all land. Without an allow-list of its own, the OU gets `initial` as its own first (only if it still
   * has none, or still allows any client). A list that changed meanwhile is a retryable CONFLICT.
   */
  addAllowedClients(orgUnit: OrgUnit, ids: string[], initial: ImapClientAccess | undefined): Change {
    const list = "mailAccessPolicy.imapClientAccess.allowedOAuthClientIds";
    const own = orgUnit.mailAccessPolicy.imapClientAccess;
    const values: Record<string, unknown> = { ":allowlist": "OAUTH_ALLOWLIST" };
    ids.forEach((id, index) => (values[`:id${index}`] = id));
    const edit =
      initial === undefined
        ? {
            set: `${list} = list_append(${list}, :ids)`,
            condition: [
              "mailAccessPolicy.imapClientAccess.#mode = :allowlist",
              `size(${list}) <= :room`,
              ...ids.map((_, index) => `NOT contains(${list}, :id${index})`),
            ].join(" AND "),
            values: { ...values, ":ids": ids, ":room": MAX_ALLOWED_OAUTH_CLIENTS - ids.length },
          }
        : {
            set: "mailAccessPolicy.imapClientAccess = :access",
            condition:
              "attribute_not_exists(mailAccessPolicy.imapClientAccess) OR mailAccessPolicy.imapClientAccess.#mode <> :allowlist",
            values: { ":access": initial, ":allowlist": "OAUTH_ALLOWLIST" },
          };
    const newValue = initial === undefined ? `ADDED:${ids.join(",")}` : auditValue("imapClientAccess", initial);
    return this.clientAccessChange(orgUnit, edit, { old: auditValue("imapClientAccess", own), new: newValue });
  }

  /**
   * Removes client ids from the OU's own allow-list by position, on the condition that each is still at its
   * position; with `replacement`, sets the OU's own allow-list instead (only if it still has none).
   */
  removeAllowedClients(
    orgUnit: OrgUnit,
    positions: { id: string; index: number }[],
    replacement: ImapClientAccess | undefined,
  ): Change {
    const list = "mailAccessPolicy.imapClientAccess.allowedOAuthClientIds";
    const edit =
      replacement === undefined
        ? {
            remove: positions.map(({ index }) => `${list}[${index}]`).join(", "),
            condition: positions.map(({ index }) => `${list}[${index}] = :id${index}`).join(" AND "),
            values: Object.fromEntries(positions.map(({ id, index }) => [`:id${index}`, id])),
          }
        : {
            set: "mailAccessPolicy.imapClientAccess = :access",
            condition: "attribute_not_exists(mailAccessPolicy.imapClientAccess)",
            values: { ":access": replacement },
          };
    const newValue =
      replacement === undefined
        ? `REMOVED:${positions.map(({ id }) => id).join(",")}`
        : auditValue("imapClientAccess", replacement);
    const oldValue = auditValue("imapClientAccess", orgUnit.mailAccessPolicy.imapClientAccess);
    return this.clientAccessChange(orgUnit, edit, { old: oldValue, new: newValue });
  }

  private clientAccessChange(
    orgUnit: OrgUnit,
    edit: { set?: string; remove?: string; condition: string; values: Record<string, unknown> },
    audit: { old: string; new: string },
  ): Change {
    const now = this.now().toISOString();
    const set = [edit.set, "version = version + :one, policyChangedAt = :now, updatedAt = :now"];
    const update = `SET ${set.filter(Boolean).join(", ")}${edit.remove === undefined ? "" : ` REMOVE ${edit.remove}`}`;
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression: update,
            ConditionExpression: `attribute_exists(pk) AND (${edit.condition})`,
            ...(edit.condition.includes("#mode") ? { ExpressionAttributeNames: { "#mode": "mode" } } : {}),
            ExpressionAttributeValues: { ...edit.values, ":one": 1, ":now": now },
          },
        },
        onConditionFailed: () =>
          new RetryableConflict(`The allowed OAuth clients of "${orgUnit.path}" changed meanwhile; retry.`),
      },
    ];
    const events: AuditFact[] = [
      {
        action: "MAIL_SETTING_CHANGED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        settingName: AUDIT_SETTING_NAMES.imapClientAccess,
        oldValue: audit.old,
        newValue: audit.new,
      },
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
      writes.push({
        item: {
          Delete: {
            Key: keys.path(this.customerId, pathKey(orgUnit.path)),
            ConditionExpression: "ouId = :id",
            ExpressionAttributeValues: { ":id": orgUnit.id },
          },
        },
        onConditionFailed: treeChanged,
      });
    if (moving) writes.push(...this.childCountChanges(orgUnit.ancestors.at(-1) as OrgUnit, newParent));
    return { change: { writes, events: restructuringFacts(orgUnit, change) }, orgUnit: result };
  }

  /** The two parents' child counts, on the condition that their paths are unchanged. */
  childCountChanges(oldParent: OrgUnit, newParent: OrgUnit): Write[] {
    return (
      [
        [oldParent, -1],
        [newParent, 1],
      ] as const
    ).map(([parent, delta]) => ({
      item: {
        Update: {
          Key: keys.orgUnit(this.customerId, parent.id),
          UpdateExpression: "SET childCount = childCount + :delta",
          ConditionExpression: pathCondition(parent),
          ExpressionAttributeNames: { "#name": "name" },
          ExpressionAttributeValues: { ":delta": delta, ...pathValues(parent) },
        } satisfies TransactItem["Update"],
      },
      onConditionFailed: treeChanged,
    }));
  }

  /** The check that no rename or move holds the tree (with the recovery of one whose writer stopped). */
  treeUnlocked(): Write {
    return noRestructureInProgress(this.customerId, this.finishStalled);
  }
}
