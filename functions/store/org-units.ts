/**
 * DynamoDB storage of one customer's OU tree.
 *
 * An OU record holds its name, parent and ancestor ids; paths are derived by reading the ancestors in one
 * batch. Path items are lookup hints (path -> id) checked against the records. A rename or move of a
 * subtree larger than one transaction is staged (new path hints, new ancestor ids beside the old ones),
 * then committed by one transaction on the subtree's root record, then cleaned up, all under a lease on
 * the customer's tree item; readers see either the old tree or the new one, never a mix.
 */
import { randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import { joinPath, pathKey, resolveChain, toView, type OrgUnit, type OrgUnitRecord } from "../domain/org-unit";
import { MAX_ALLOWED_OAUTH_CLIENTS, type ImapClientAccess, type MailAccessPolicy } from "../domain/mail-access";
import { conflict, failedPrecondition, unavailable } from "../errors";
import { chunk, TRANSACTION_LIMIT, type Db, type Item, type TransactItem } from "./db";
import { keys } from "./keys";
import { alongside, auditPuts, type AuditEntry, type WriteContext } from "./audit";
import { transactOrExplain } from "./transactions";

export interface TreeSettings {
  /** How long a rename or move may hold the tree before another writer may take it over and finish it. */
  leaseSeconds: number;
  now: () => Date;
}

/** A rename or move in progress, kept on the customer's tree item so that any writer can finish it. */
export interface RestructureOp {
  opId: string;
  rootId: string;
  oldPath: string;
  newPath: string;
  newName: string;
  oldParentId: string;
  newParentId: string;
  /** Ancestor ids of the subtree root after the change. */
  newAncestorIds: string[];
  /** The subtree root's description after the change. */
  newDescription: string | null;
  phase: "acquired" | "staging" | "cleanup";
  leaseUntil: string;
}

/** A descendant of a restructured OU, with its path relative to the subtree root ("EMEA/Paris"). */
interface Descendant {
  record: OrgUnitRecord;
  relativePath: string;
}

/** A descendant's ancestor ids after a move, staged beside its current ones until cleanup makes them its own. */
interface Promotion {
  id: string;
  ancestorIds: string[];
}

const READ_ATTEMPTS = 3;
/** The form of every OU id; anything else names no OU (and would make an invalid key). */
const OU_ID = /^ou_[a-z0-9]{1,40}$/;
/** DynamoDB partition keys hold at most 2048 bytes; a longer path names no OU. */
const MAX_PATH_BYTES = 1800;
const ENUMERATE_ATTEMPTS = 5;
const PARALLEL_QUERIES = 8;

export interface ChildPage {
  orgUnits: OrgUnit[];
  hasNextPage: boolean;
}

export class OrgUnitStore {
  /** Batches the OUs one request needs (e.g. the OUs of 100 users) into one read of all records and ancestors. */
  private readonly loader = new DataLoader<{ id: string; ancestorIdsHint: string[] }, OrgUnit | null, string>(
    (refs) => this.loadMany(refs),
    { cacheKeyFn: (ref) => ref.id },
  );

  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly settings: TreeSettings,
  ) {}

  /**
   * The OU `id`, read together with every other OU asked for in the same tick. `ancestorIdsHint` (the ancestors it
   * had when a user was last written) lets one batch fetch the OU and its ancestors: 1 round trip for any number of
   * OUs, plus 1 when a hint is out of date because the OU was moved since.
   */
  load(id: string, ancestorIdsHint: string[]): Promise<OrgUnit | null> {
    return this.loader.load({ id, ancestorIdsHint });
  }

  /** Makes an OU already read available to `load` without another read. */
  prime(orgUnit: OrgUnit): void {
    this.loader.prime({ id: orgUnit.id, ancestorIdsHint: [] }, orgUnit);
  }

  private async loadMany(refs: readonly { id: string; ancestorIdsHint: string[] }[]): Promise<(OrgUnit | null)[]> {
    const fetched = await this.fetchRecords([...new Set(refs.flatMap((ref) => [ref.id, ...ref.ancestorIdsHint]))]);
    return Promise.all(
      refs.map(async (ref) => {
        const self = fetched.get(ref.id);
        return self === undefined ? null : this.resolve(self, fetched);
      }),
    );
  }

  // ---- reads -------------------------------------------------------------------------------------------

  /** Round trips: 1 for the root, else 2 (the record, then all ancestors in one batch). */
  async getById(id: string): Promise<OrgUnit | null> {
    if (!OU_ID.test(id)) return null;
    const item = await this.db.get(keys.orgUnit(this.customerId, id));
    return item === undefined ? null : this.resolve(toRecord(item), new Map());
  }

  /** Round trips: 2 (the path hint, then the OU and its ancestors in one batch). */
  async getByPath(path: string): Promise<OrgUnit | null> {
    if (Buffer.byteLength(path) > MAX_PATH_BYTES) return null;
    const hint = await this.db.get(keys.path(this.customerId, pathKey(path)));
    if (hint === undefined) return null;
    const ids = [String(hint.ouId), ...((hint.ancestorIds as string[] | undefined) ?? [])];
    const fetched = await this.fetchRecords(ids);
    const self = fetched.get(String(hint.ouId));
    if (self === undefined) return null;
    const orgUnit = await this.resolve(self, fetched);
    // A hint may be stale (mid-restructure, or left by one): the path derived from the records decides.
    return pathKey(orgUnit.path) === pathKey(path) ? orgUnit : null;
  }

  /** Children ordered by name; round trips: 1. */
  async listChildren(parent: OrgUnit, first: number, afterName: string | undefined): Promise<ChildPage> {
    const { items } = await this.db.query({
      IndexName: "byParent",
      KeyConditionExpression: afterName === undefined ? "gsi1pk = :parent" : "gsi1pk = :parent AND gsi1sk > :after",
      ExpressionAttributeValues: {
        ":parent": keys.children(this.customerId, parent.id),
        ...(afterName === undefined ? {} : { ":after": afterName.toLowerCase() }),
      },
      Limit: first + 1,
    });
    const records = items.map(toRecord);
    return {
      orgUnits: records.slice(0, first).map((record) => toView(record, parent)),
      hasNextPage: records.length > first,
    };
  }

  private async fetchRecords(ids: readonly string[]): Promise<Map<string, OrgUnitRecord>> {
    const items = await this.db.batchGet(ids.map((id) => keys.orgUnit(this.customerId, id)));
    return new Map(items.map((item) => [String(item.id), toRecord(item)]));
  }

  /** Builds a consistent view; re-reads when a restructuring committed between the reads. */
  private async resolve(first: OrgUnitRecord, prefetched: Map<string, OrgUnitRecord>): Promise<OrgUnit> {
    let self = first;
    let fetched = prefetched;
    for (let attempt = 0; attempt < READ_ATTEMPTS;) {
      const resolution = resolveChain(self, fetched);
      if (resolution.kind === "resolved") return resolution.orgUnit;
      if (resolution.kind === "missing") {
        for (const [id, record] of await this.fetchRecords(resolution.ids)) fetched.set(id, record);
        continue;
      }
      attempt += 1;
      const again = await this.db.get(keys.orgUnit(this.customerId, self.id));
      if (again === undefined) throw conflict("The organizational unit was deleted while it was read; retry.");
      self = toRecord(again);
      fetched = new Map();
    }
    throw unavailable("The OU tree kept changing while it was read; retry the request.");
  }

  // ---- simple writes -----------------------------------------------------------------------------------

  /** Writes the root OU of a new customer and its tree item, in one transaction with `alongside` (the customer). */
  async createRoot(name: string, alongside: TransactItem[]): Promise<OrgUnit> {
    const now = this.settings.now().toISOString();
    const record: OrgUnitRecord = {
      id: newOrgUnitId(),
      name,
      description: null,
      parentId: null,
      ancestorIds: [],
      childCount: 0,
      userCount: 0,
      mailAccessPolicy: {},
      policyChangedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await transactOrExplain(
      this.db,
      [
        { Put: { Item: keys.tree(this.customerId), ConditionExpression: "attribute_not_exists(pk)" } },
        { Put: { Item: this.toItem(record), ConditionExpression: "attribute_not_exists(pk)" } },
        { Put: { Item: this.hintItem("/", record.id, []) } },
        ...alongside,
      ],
      () => conflict("This customer already has an OU tree."),
    );
    return toView(record, undefined);
  }

  /** One transaction: the new record, its path hint (unique among siblings), the parent's child count. */
  async create(parent: OrgUnit, name: string, description: string | null, write: WriteContext): Promise<OrgUnit> {
    const now = this.settings.now().toISOString();
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
    const path = joinPath(parent.path, name);
    const chain = this.chainChecks(parent.ancestors);
    const created = toView(record, parent);
    await transactOrExplain(
      this.db,
      [
        this.noRestructureInProgress(),
        ...chain,
        {
          Update: {
            Key: keys.orgUnit(this.customerId, parent.id),
            UpdateExpression: "SET childCount = childCount + :one",
            ConditionExpression: `${pathCondition(parent)} AND attribute_not_exists(pendingOp)`,
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: { ":one": 1, ...pathValues(parent) },
          },
        },
        { Put: { Item: this.toItem(record), ConditionExpression: "attribute_not_exists(pk)" } },
        {
          Put: {
            Item: this.hintItem(path, record.id, record.ancestorIds),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        ...alongside(write, created),
      ],
      (index) => {
        if (index === 0) return restructureInProgress();
        if (index === chain.length + 3) return nameTaken(name, parent.path);
        return index <= chain.length + 1 ? treeChanged() : undefined;
      },
    );
    return created;
  }

  async updateDescription(
    orgUnit: OrgUnit,
    description: string | null,
    expectedVersion: number,
    write: WriteContext,
  ): Promise<OrgUnit> {
    const updatedAt = this.settings.now().toISOString();
    const updated = { ...orgUnit, description, version: expectedVersion + 1, updatedAt };
    await transactOrExplain(
      this.db,
      [
        {
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
        ...alongside(write, updated),
      ],
      (index, current) => (index === 0 ? versionConflict(orgUnit, expectedVersion, current) : undefined),
    );
    return updated;
  }

  /** One transaction: the record (only if unchanged and childless), its path hint, the parent's child count. */
  async delete(orgUnit: OrgUnit, expectedVersion: number, write: WriteContext): Promise<void> {
    await transactOrExplain(
      this.db,
      [
        this.noRestructureInProgress(),
        {
          Delete: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            ConditionExpression:
              "version = :expected AND childCount = :zero AND (attribute_not_exists(userCount) OR userCount = :zero) AND attribute_not_exists(pendingOp)",
            ExpressionAttributeValues: { ":expected": expectedVersion, ":zero": 0 },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        {
          Delete: {
            Key: keys.path(this.customerId, pathKey(orgUnit.path)),
            ConditionExpression: "ouId = :id",
            ExpressionAttributeValues: { ":id": orgUnit.id },
          },
        },
        {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.parentId as string),
            UpdateExpression: "SET childCount = childCount - :one",
            ExpressionAttributeValues: { ":one": 1 },
          },
        },
        ...alongside(write, orgUnit),
      ],
      (index, current) => {
        if (index === 0) return restructureInProgress();
        if (index === 1) {
          if (current !== undefined && Number(current.childCount) > 0)
            return failedPrecondition(
              `"${orgUnit.path}" still has child organizational units; delete or move them first.`,
            );
          if (current !== undefined && Number(current.userCount ?? 0) > 0)
            return failedPrecondition(`"${orgUnit.path}" still has users; delete or move them first.`);
          return versionConflict(orgUnit, expectedVersion, current);
        }
        return index <= 3 ? treeChanged() : undefined;
      },
    );
  }

  /** One transaction: the OU's own POP and IMAP settings, the version increment, one audit event per changed setting. */
  async updateMailAccessPolicy(
    orgUnit: OrgUnit,
    policy: MailAccessPolicy,
    expectedVersion: number,
    write: WriteContext,
    entries: AuditEntry[],
  ): Promise<OrgUnit> {
    const now = this.settings.now().toISOString();
    const updated = {
      ...orgUnit,
      mailAccessPolicy: policy,
      policyChangedAt: now,
      version: expectedVersion + 1,
      updatedAt: now,
    };
    await transactOrExplain(
      this.db,
      [
        this.policyUpdate(orgUnit, policy, expectedVersion, now),
        ...auditPuts(this.customerId, write, now, entries),
        ...alongside(write, updated),
      ],
      (index, current) => (index === 0 ? versionConflict(orgUnit, expectedVersion, current) : undefined),
    );
    return updated;
  }

  private policyUpdate(orgUnit: OrgUnit, policy: MailAccessPolicy, expectedVersion: number, now: string): TransactItem {
    return {
      Update: {
        Key: keys.orgUnit(this.customerId, orgUnit.id),
        UpdateExpression:
          "SET mailAccessPolicy = :policy, policyChangedAt = :now, version = version + :one, updatedAt = :now",
        ConditionExpression: "version = :expected",
        ExpressionAttributeValues: { ":policy": policy, ":now": now, ":one": 1, ":expected": expectedVersion },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    };
  }

  /**
   * Adds client ids to the OU's own allow-list with one atomic append, not a read-modify-write, so concurrent adds of
   * different ids all land. Without an allow-list of its own, the OU gets `initial` as its own first (only if it
   * still has none, or still allows any client). Fails with a retryable CONFLICT when the list changed meanwhile.
   */
  async addAllowedClients(
    orgUnit: OrgUnit,
    ids: string[],
    initial: ImapClientAccess | undefined,
    write: WriteContext,
    entries: AuditEntry[],
  ): Promise<void> {
    const list = "mailAccessPolicy.imapClientAccess.allowedOAuthClientIds";
    const values: Record<string, unknown> = { ":allowlist": "OAUTH_ALLOWLIST" };
    ids.forEach((id, index) => (values[`:id${index}`] = id));
    const change =
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
    await this.updateClientAccess(orgUnit, change, write, entries);
  }

  /**
   * Removes client ids from the OU's own allow-list by position, on the condition that each is still at its
   * position; with `replacement`, sets the OU's own allow-list instead (only if it still has none).
   */
  async removeAllowedClients(
    orgUnit: OrgUnit,
    positions: { id: string; index: number }[],
    replacement: ImapClientAccess | undefined,
    write: WriteContext,
    entries: AuditEntry[],
  ): Promise<void> {
    const list = "mailAccessPolicy.imapClientAccess.allowedOAuthClientIds";
    const change =
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
    await this.updateClientAccess(orgUnit, change, write, entries);
  }

  private async updateClientAccess(
    orgUnit: OrgUnit,
    change: { set?: string; remove?: string; condition: string; values: Record<string, unknown> },
    write: WriteContext,
    entries: AuditEntry[],
  ): Promise<void> {
    const now = this.settings.now().toISOString();
    const set = [change.set, "version = version + :one, policyChangedAt = :now, updatedAt = :now"];
    const update = `SET ${set.filter(Boolean).join(", ")}${change.remove === undefined ? "" : ` REMOVE ${change.remove}`}`;
    await transactOrExplain(
      this.db,
      [
        {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression: update,
            ConditionExpression: `attribute_exists(pk) AND (${change.condition})`,
            ...(change.condition.includes("#mode") ? { ExpressionAttributeNames: { "#mode": "mode" } } : {}),
            ExpressionAttributeValues: { ...change.values, ":one": 1, ":now": now },
          },
        },
        ...auditPuts(this.customerId, write, now, entries),
        ...alongside(write, undefined),
      ],
      (index) =>
        index === 0
          ? conflict(`The allowed OAuth clients of "${orgUnit.path}" changed meanwhile; retry.`, { retryable: true })
          : undefined,
    );
  }

  /**
   * One transaction for a bulk change: each OU's new policy (if it is still at the version read), its audit events,
   * and what `write` adds. At most 100 items in all.
   */
  async updateMailAccessPolicies(
    changes: { orgUnit: OrgUnit; policy: MailAccessPolicy; entries: AuditEntry[] }[],
    write: WriteContext,
    result: unknown,
  ): Promise<void> {
    const now = this.settings.now().toISOString();
    const updated = new Map<number, OrgUnit>();
    const items: TransactItem[] = [];
    for (const { orgUnit, policy, entries } of changes) {
      updated.set(items.length, orgUnit);
      items.push(
        this.policyUpdate(orgUnit, policy, orgUnit.version, now),
        ...auditPuts(this.customerId, write, now, entries),
      );
    }
    await transactOrExplain(this.db, [...items, ...alongside(write, result)], (index, current) => {
      const orgUnit = updated.get(index);
      return orgUnit === undefined ? undefined : versionConflict(orgUnit, orgUnit.version, current);
    });
  }

  /** `orgUnit` and all its descendants, parents before children; round trips: none for a leaf, else one per OU with children. */
  async subtree(orgUnit: OrgUnit): Promise<OrgUnit[]> {
    if (orgUnit.childCount === 0) return [orgUnit];
    const views = new Map<string, OrgUnit>([[orgUnit.id, orgUnit]]);
    for (const { record } of await this.enumerate(orgUnit.id)) {
      const parent = views.get(record.parentId ?? "");
      if (parent !== undefined) views.set(record.id, toView(record, parent));
    }
    return [...views.values()];
  }

  // ---- rename and move ---------------------------------------------------------------------------------

  /**
   * Renames and/or moves `orgUnit` (never the root) so that it becomes `newName` under `newParent`, changing its
   * description in the same commit when one is given. `validate` sees the subtree's height once the tree is locked,
   * and may refuse the change. Leaves are changed in one transaction; larger subtrees go through the staged protocol.
   */
  async restructure(
    orgUnit: OrgUnit,
    change: { newName: string; newParent: OrgUnit; description?: string | null },
    expectedVersion: number,
    validate: (subtreeHeight: number) => void,
    write: WriteContext,
  ): Promise<OrgUnit> {
    const { newName, newParent } = change;
    const description = change.description === undefined ? orgUnit.description : change.description;
    const newPath = joinPath(newParent.path, newName);
    const newAncestorIds = [...newParent.ancestors.map((a) => a.id), newParent.id];
    const updatedAt = this.settings.now().toISOString();
    const result: OrgUnit = {
      ...toView(
        {
          ...orgUnitRecordOf(orgUnit),
          name: newName,
          description,
          parentId: newParent.id,
          ancestorIds: newAncestorIds,
        },
        newParent,
      ),
      version: expectedVersion + 1,
      updatedAt,
    };
    if (orgUnit.childCount === 0) {
      validate(0);
      await this.restructureLeaf(orgUnit, { newName, newParent, newPath, description }, expectedVersion, updatedAt, [
        ...alongside(write, result),
      ]);
      return result;
    }
    const op: RestructureOp = {
      opId: randomUUID(),
      rootId: orgUnit.id,
      oldPath: orgUnit.path,
      newPath,
      newName,
      oldParentId: orgUnit.parentId as string,
      newParentId: newParent.id,
      newAncestorIds,
      newDescription: description,
      phase: "acquired",
      leaseUntil: this.leaseUntil(),
    };
    await this.acquire(op, orgUnit, newParent, expectedVersion);
    const descendants = await this.enumerate(orgUnit.id);
    const height = Math.max(0, ...descendants.map((d) => d.relativePath.split("/").length));
    try {
      validate(height);
    } catch (error) {
      await this.rollback(op);
      throw error;
    }
    await this.runFromStaging(op, descendants, alongside(write, result));
    return result;
  }

  private async restructureLeaf(
    orgUnit: OrgUnit,
    change: { newName: string; newParent: OrgUnit; newPath: string; description: string | null },
    expectedVersion: number,
    updatedAt: string,
    extra: TransactItem[],
  ): Promise<void> {
    const { newName, newParent, newPath } = change;
    const moving = newParent.id !== orgUnit.parentId;
    const newAncestorIds = [...newParent.ancestors.map((a) => a.id), newParent.id];
    const samePathKey = pathKey(newPath) === pathKey(orgUnit.path);
    const parents = moving ? [orgUnit.parentId, newParent.id] : [];
    const chain = this.chainChecks(
      uniqueById([...orgUnit.ancestors, ...newParent.ancestors, newParent]).filter((o) => !parents.includes(o.id)),
    );
    const items: TransactItem[] = [
      this.noRestructureInProgress(),
      {
        Update: {
          Key: keys.orgUnit(this.customerId, orgUnit.id),
          UpdateExpression:
            "SET #name = :newName, description = :description, parentId = :newParent, ancestorIds = :ancestors, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, version = version + :one, updatedAt = :now",
          ConditionExpression: `version = :expected AND childCount = :zero AND attribute_not_exists(pendingOp) AND ${pathCondition(orgUnit)}`,
          ExpressionAttributeNames: { "#name": "name" },
          ExpressionAttributeValues: {
            ":newName": newName,
            ":description": change.description,
            ":newParent": newParent.id,
            ":ancestors": newAncestorIds,
            ":gsi1pk": keys.children(this.customerId, newParent.id),
            ":gsi1sk": newName.toLowerCase(),
            ":one": 1,
            ":zero": 0,
            ":now": updatedAt,
            ":expected": expectedVersion,
            ...pathValues(orgUnit),
          },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      {
        Put: {
          Item: this.hintItem(newPath, orgUnit.id, newAncestorIds),
          ConditionExpression: "attribute_not_exists(pk) OR ouId = :id",
          ExpressionAttributeValues: { ":id": orgUnit.id },
        },
      },
      ...chain,
    ];
    if (!samePathKey) items.push({ Delete: { Key: keys.path(this.customerId, pathKey(orgUnit.path)) } });
    if (moving) items.push(...this.childCountChanges(orgUnit.ancestors.at(-1) as OrgUnit, newParent));
    const own = items.length;
    items.push(...extra);
    await transactOrExplain(this.db, items, (index, current) => {
      if (index >= own) return undefined;
      if (index === 0) return restructureInProgress();
      if (index === 1) {
        if (current !== undefined && Number(current.childCount) > 0)
          return conflict("Child organizational units were added meanwhile; retry.", { retryable: true });
        if (current !== undefined && Number(current.version) === expectedVersion) return treeChanged();
        return versionConflict(orgUnit, expectedVersion, current);
      }
      if (index === 2) return nameTaken(newName, newParent.path);
      return treeChanged();
    });
  }

  /** Locks the tree for `op` and reserves the new path, if nothing changed since `orgUnit` was read. */
  private async acquire(op: RestructureOp, orgUnit: OrgUnit, newParent: OrgUnit, expectedVersion: number) {
    const chain = this.chainChecks(uniqueById([...orgUnit.ancestors, ...newParent.ancestors, newParent]));
    await transactOrExplain(
      this.db,
      [
        {
          Update: {
            Key: keys.tree(this.customerId),
            UpdateExpression: "SET #op = :op",
            ConditionExpression: "attribute_not_exists(#op)",
            ExpressionAttributeNames: { "#op": "op" },
            ExpressionAttributeValues: { ":op": op },
          },
        },
        {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression: "SET pendingOp = :pending",
            ConditionExpression: `version = :expected AND attribute_not_exists(pendingOp) AND ${pathCondition(orgUnit)}`,
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: {
              ":pending": { opId: op.opId },
              ":expected": expectedVersion,
              ...pathValues(orgUnit),
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        {
          Put: {
            Item: this.hintItem(op.newPath, orgUnit.id, op.newAncestorIds),
            ConditionExpression: "attribute_not_exists(pk) OR ouId = :id",
            ExpressionAttributeValues: { ":id": orgUnit.id },
          },
        },
        ...chain,
      ],
      (index, current) => {
        if (index === 0) return restructureInProgress();
        if (index === 1) {
          if (current !== undefined && Number(current.version) === expectedVersion) return treeChanged();
          return versionConflict(orgUnit, expectedVersion, current);
        }
        if (index === 2) return nameTaken(op.newName, newParent.path);
        return treeChanged();
      },
    );
  }

  /** Stages, commits and cleans up `op`; each step can be repeated, so a writer that finds it stale can finish it. */
  private async runFromStaging(op: RestructureOp, descendants: Descendant[], extra: TransactItem[]): Promise<void> {
    await this.setPhase(op, "staging");
    const promotions = await this.stage(op, descendants);
    await this.commit(op, extra);
    await this.cleanup(op, descendants, promotions);
    await this.release(op);
  }

  /** The subtree below `rootId`, level by level through the byParent index, checked against each OU's child count. */
  async enumerate(rootId: string): Promise<Descendant[]> {
    const root = await this.db.get(keys.orgUnit(this.customerId, rootId));
    if (root === undefined) return [];
    const all: Descendant[] = [];
    let level: Descendant[] = [{ record: toRecord(root), relativePath: "" }];
    while (level.length > 0) {
      const next: Descendant[] = [];
      for (const group of chunk(level, PARALLEL_QUERIES)) {
        const children = await Promise.all(group.map((parent) => this.allChildren(parent.record)));
        group.forEach((parent, i) =>
          (children[i] ?? []).forEach((record) =>
            next.push({
              record,
              relativePath: parent.relativePath === "" ? record.name : `${parent.relativePath}/${record.name}`,
            }),
          ),
        );
      }
      all.push(...next);
      level = next;
    }
    return all;
  }

  /** Every child of `parent`; the index is eventually consistent, so it is read until it agrees with the child count. */
  private async allChildren(parent: OrgUnitRecord): Promise<OrgUnitRecord[]> {
    if (parent.childCount === 0) return [];
    for (let attempt = 0; attempt < ENUMERATE_ATTEMPTS; attempt += 1) {
      const children: OrgUnitRecord[] = [];
      let start: Item | undefined;
      do {
        const page = await this.db.query({
          IndexName: "byParent",
          KeyConditionExpression: "gsi1pk = :parent",
          ExpressionAttributeValues: { ":parent": keys.children(this.customerId, parent.id) },
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        });
        children.push(...page.items.map(toRecord));
        start = page.lastKey;
      } while (start !== undefined);
      if (children.length === parent.childCount) return children;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
    throw unavailable("The OU index is catching up with recent changes; retry the request.");
  }

  /**
   * Writes the new path hints and, for a move, each descendant's new ancestor ids beside its current ones.
   * Returns those staged ancestor ids, which cleanup makes the descendants' own.
   */
  async stage(op: RestructureOp, descendants: readonly Descendant[]): Promise<Promotion[]> {
    const rootDepth = op.oldPath === "/" ? 0 : op.oldPath.split("/").length - 1;
    const moving = op.oldParentId !== op.newParentId;
    await this.db.batchWrite(
      descendants.map(({ record, relativePath }) => ({
        put: this.hintItem(joinPath(op.newPath, relativePath), record.id, newAncestorIdsOf(op, record, rootDepth)),
      })),
    );
    if (!moving) return [];
    const promotions = descendants.map(({ record }) => ({
      id: record.id,
      ancestorIds: newAncestorIdsOf(op, record, rootDepth),
    }));
    await this.transactChunks(
      promotions.map(({ id, ancestorIds }) => ({
        Update: {
          Key: keys.orgUnit(this.customerId, id),
          UpdateExpression: "SET staged = :staged",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":staged": { opId: op.opId, rootId: op.rootId, ancestorIds } },
        },
      })),
    );
    return promotions;
  }

  /** The one transaction that makes the change visible: the subtree root's record flips, the lock moves to cleanup. */
  async commit(op: RestructureOp, extra: TransactItem[] = []): Promise<void> {
    const items: TransactItem[] = [
      {
        Update: {
          Key: keys.orgUnit(this.customerId, op.rootId),
          UpdateExpression:
            "SET #name = :name, description = :description, parentId = :parent, ancestorIds = :ancestors, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, version = version + :one, updatedAt = :now REMOVE pendingOp",
          ConditionExpression: "pendingOp.opId = :opId",
          ExpressionAttributeNames: { "#name": "name" },
          ExpressionAttributeValues: {
            ":name": op.newName,
            ":description": op.newDescription,
            ":parent": op.newParentId,
            ":ancestors": op.newAncestorIds,
            ":gsi1pk": keys.children(this.customerId, op.newParentId),
            ":gsi1sk": op.newName.toLowerCase(),
            ":one": 1,
            ":now": this.settings.now().toISOString(),
            ":opId": op.opId,
          },
        },
      },
      {
        Update: {
          Key: keys.tree(this.customerId),
          UpdateExpression: "SET #op.phase = :cleanup",
          ConditionExpression: "#op.opId = :opId",
          ExpressionAttributeNames: { "#op": "op" },
          ExpressionAttributeValues: { ":cleanup": "cleanup", ":opId": op.opId },
        },
      },
    ];
    if (op.oldParentId !== op.newParentId)
      items.push(...this.childCountChanges({ id: op.oldParentId }, { id: op.newParentId }));
    await transactOrExplain(this.db, [...items, ...extra], () => undefined);
    op.phase = "cleanup";
  }

  /** After the commit: each descendant's staged ancestor ids become its own, and old path hints go. */
  async cleanup(
    op: RestructureOp,
    descendants: readonly Descendant[],
    promotions: readonly Promotion[],
  ): Promise<void> {
    await this.transactChunks(
      promotions.map(({ id, ancestorIds }) => ({
        Update: {
          Key: keys.orgUnit(this.customerId, id),
          UpdateExpression: "SET ancestorIds = :ancestors REMOVE staged",
          ConditionExpression: "staged.opId = :opId",
          ExpressionAttributeValues: { ":ancestors": ancestorIds, ":opId": op.opId },
        },
      })),
    );
    const stale = [{ relativePath: "" }, ...descendants]
      .map(({ relativePath }) => [joinPath(op.oldPath, relativePath), joinPath(op.newPath, relativePath)])
      .filter(([oldPath, newPath]) => pathKey(oldPath as string) !== pathKey(newPath as string))
      .map(([oldPath]) => ({ delete: keys.path(this.customerId, pathKey(oldPath as string)) }));
    await this.db.batchWrite(stale);
  }

  private async release(op: RestructureOp): Promise<void> {
    await this.db.update({
      Key: keys.tree(this.customerId),
      UpdateExpression: "REMOVE #op",
      ConditionExpression: "#op.opId = :opId",
      ExpressionAttributeNames: { "#op": "op" },
      ExpressionAttributeValues: { ":opId": op.opId },
    });
  }

  /** Undoes an op that was refused before staging began: the reserved path and the lock go. */
  private async rollback(op: RestructureOp): Promise<void> {
    const items: TransactItem[] = [
      {
        Update: {
          Key: keys.orgUnit(this.customerId, op.rootId),
          UpdateExpression: "REMOVE pendingOp",
          ConditionExpression: "pendingOp.opId = :opId",
          ExpressionAttributeValues: { ":opId": op.opId },
        },
      },
      {
        Update: {
          Key: keys.tree(this.customerId),
          UpdateExpression: "REMOVE #op",
          ConditionExpression: "#op.opId = :opId",
          ExpressionAttributeNames: { "#op": "op" },
          ExpressionAttributeValues: { ":opId": op.opId },
        },
      },
    ];
    if (pathKey(op.newPath) !== pathKey(op.oldPath))
      items.push({ Delete: { Key: keys.path(this.customerId, pathKey(op.newPath)) } });
    await this.db.transact(items);
  }

  private async setPhase(op: RestructureOp, phase: RestructureOp["phase"]): Promise<void> {
    const leaseUntil = this.leaseUntil();
    await this.db.update({
      Key: keys.tree(this.customerId),
      UpdateExpression: "SET #op.phase = :phase, #op.leaseUntil = :lease",
      ConditionExpression: "#op.opId = :opId",
      ExpressionAttributeNames: { "#op": "op" },
      ExpressionAttributeValues: { ":phase": phase, ":lease": leaseUntil, ":opId": op.opId },
    });
    op.phase = phase;
    op.leaseUntil = leaseUntil;
  }

  /** The rename or move holding the tree, if any. */
  async currentOp(): Promise<RestructureOp | undefined> {
    const tree = await this.db.get(keys.tree(this.customerId));
    return tree?.op as RestructureOp | undefined;
  }

  /**
   * Finishes (or, if it never began staging, undoes) a rename or move whose writer stopped, once its lease has
   * run out. Returns false while the lease still runs.
   */
  async resume(op: RestructureOp): Promise<boolean> {
    if (new Date(op.leaseUntil) > this.settings.now()) return false;
    const taken = { ...op, leaseUntil: this.leaseUntil() };
    try {
      await this.db.update({
        Key: keys.tree(this.customerId),
        UpdateExpression: "SET #op.leaseUntil = :lease",
        ConditionExpression: "#op.opId = :opId AND #op.leaseUntil = :old",
        ExpressionAttributeNames: { "#op": "op" },
        ExpressionAttributeValues: { ":lease": taken.leaseUntil, ":opId": op.opId, ":old": op.leaseUntil },
      });
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
    if (taken.phase === "acquired") {
      await this.rollback(taken);
      return true;
    }
    const descendants = await this.enumerate(taken.rootId);
    let promotions: Promotion[];
    if (taken.phase === "staging") {
      promotions = await this.stage(taken, descendants);
      await this.commit(taken);
    } else {
      promotions = descendants.flatMap(({ record }) =>
        record.staged?.opId === taken.opId ? [{ id: record.id, ancestorIds: record.staged.ancestorIds }] : [],
      );
    }
    await this.cleanup(taken, descendants, promotions);
    await this.release(taken);
    return true;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private async transactChunks(items: TransactItem[]): Promise<void> {
    const parts = chunk(items, TRANSACTION_LIMIT);
    for (const group of chunk(parts, 4)) await Promise.all(group.map((part) => this.db.transact(part)));
  }

  /** The two parents' child counts; with full OUs, also the condition that their paths are unchanged. */
  private childCountChanges(oldParent: OrgUnit | { id: string }, newParent: OrgUnit | { id: string }): TransactItem[] {
    return (
      [
        [oldParent, -1],
        [newParent, 1],
      ] as const
    ).map(([parent, delta]) => {
      const checked = "path" in parent;
      return {
        Update: {
          Key: keys.orgUnit(this.customerId, parent.id),
          UpdateExpression: "SET childCount = childCount + :delta",
          ConditionExpression: checked ? pathCondition(parent) : "attribute_exists(pk)",
          ...(checked ? { ExpressionAttributeNames: { "#name": "name" } } : {}),
          ExpressionAttributeValues: { ":delta": delta, ...(checked ? pathValues(parent) : {}) },
        },
      };
    });
  }

  /** Conditions that each OU in `chain` still has the name and parent it was read with, i.e. the path is unchanged. */
  private chainChecks(chain: readonly OrgUnit[]): TransactItem[] {
    return chain.map((orgUnit) => ({
      ConditionCheck: {
        Key: keys.orgUnit(this.customerId, orgUnit.id),
        ConditionExpression: pathCondition(orgUnit),
        ExpressionAttributeNames: { "#name": "name" },
        ExpressionAttributeValues: pathValues(orgUnit),
      },
    }));
  }

  private noRestructureInProgress(): TransactItem {
    return {
      ConditionCheck: {
        Key: keys.tree(this.customerId),
        ConditionExpression: "attribute_not_exists(#op)",
        ExpressionAttributeNames: { "#op": "op" },
      },
    };
  }

  private leaseUntil(): string {
    return new Date(this.settings.now().getTime() + this.settings.leaseSeconds * 1000).toISOString();
  }

  private hintItem(path: string, ouId: string, ancestorIds: string[]): Item {
    return { ...keys.path(this.customerId, pathKey(path)), ouId, ancestorIds };
  }

  private toItem(record: OrgUnitRecord): Item {
    return {
      ...keys.orgUnit(this.customerId, record.id),
      ...(record.parentId === null
        ? {}
        : { gsi1pk: keys.children(this.customerId, record.parentId), gsi1sk: record.name.toLowerCase() }),
      ...record,
    };
  }
}

function toRecord(item: Item): OrgUnitRecord {
  return {
    id: String(item.id),
    name: String(item.name),
    description: (item.description as string | null | undefined) ?? null,
    parentId: (item.parentId as string | null | undefined) ?? null,
    ancestorIds: (item.ancestorIds as string[] | undefined) ?? [],
    childCount: Number(item.childCount ?? 0),
    userCount: Number(item.userCount ?? 0),
    mailAccessPolicy: (item.mailAccessPolicy as MailAccessPolicy | undefined) ?? {},
    policyChangedAt: (item.policyChangedAt as string | null | undefined) ?? null,
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    pendingOp: item.pendingOp as OrgUnitRecord["pendingOp"],
    staged: item.staged as OrgUnitRecord["staged"],
  };
}

function orgUnitRecordOf(orgUnit: OrgUnit): OrgUnitRecord {
  return { ...orgUnit, ancestorIds: orgUnit.ancestors.map((a) => a.id) };
}

/** A descendant's ancestor ids after `op`: the subtree root's new chain, then its own chain below the root. */
function newAncestorIdsOf(op: RestructureOp, record: OrgUnitRecord, rootDepth: number): string[] {
  return [...op.newAncestorIds, ...record.ancestorIds.slice(rootDepth)];
}

function pathCondition(orgUnit: OrgUnit): string {
  return orgUnit.parentId === null ? "#name = :name" : "#name = :name AND parentId = :parentId";
}

function pathValues(orgUnit: OrgUnit): Record<string, unknown> {
  return orgUnit.parentId === null
    ? { ":name": orgUnit.name }
    : { ":name": orgUnit.name, ":parentId": orgUnit.parentId };
}

function uniqueById(orgUnits: OrgUnit[]): OrgUnit[] {
  return [...new Map(orgUnits.map((o) => [o.id, o])).values()];
}

function newOrgUnitId(): string {
  return `ou_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

const restructureInProgress = () =>
  conflict("A rename or move of organizational units is in progress; retry in a moment.", { retryable: true });

const treeChanged = () => conflict("The OU tree changed while this request was processed; retry.", { retryable: true });

const nameTaken = (name: string, parentPath: string) =>
  conflict(`An organizational unit named "${name}" already exists under "${parentPath}".`, { field: "name" });

function versionConflict(orgUnit: OrgUnit, expectedVersion: number, current: Item | undefined) {
  if (current === undefined) return conflict(`"${orgUnit.path}" was deleted meanwhile.`, { field: "id" });
  return conflict(`"${orgUnit.path}" is at version ${String(current.version)}, not ${expectedVersion}.`, {
    field: "expectedVersion",
    currentVersion: Number(current.version),
  });
}
