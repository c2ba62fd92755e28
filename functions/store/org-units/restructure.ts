/**
 * Renames and moves of an OU with descendants, which take more than one transaction, as a state machine kept on the
 * customer's tree item so that any writer can finish what another started:
 *
 *   acquired  the tree is locked for the op and the new path reserved (readers see the old tree)
 *   staging   the descendants' new path hints and, for a move, their new ancestor ids beside the current ones
 *   committed one transaction flipped the subtree's root: readers see the new tree; stale hints and staged ids remain
 *   undoing   the op is being taken back before it committed (refused, or impossible to finish)
 *   (released) cleanup made staged ids current and removed old hints, or the undo finished; the lock is gone
 *
 * Each transition is one method and can be repeated. The op's lease is held by one writer at a time (its `epoch`);
 * every write of the protocol is conditioned on it, through the tree item or, for the many parallel writes of a
 * phase, through one of a few lane items, so a writer that lost its lease can never write again. A writer whose lease
 * ran out is taken over by the next tree writer, which finishes the op (or undoes it, if it never got past acquiring).
 */
import { randomUUID } from "node:crypto";
import type { AuditFact } from "../../domain/audit";
import { joinPath, pathKey, type OrgUnit, type OrgUnitRecord } from "../../domain/org-unit";
import { ApiError, conflict, RetryableConflict, unavailable } from "../../errors";
import { log } from "../../log";
import { chunk, type Db, type Item, type TransactItem } from "../db";
import { keys } from "../keys";
import { transact, type Write } from "../transaction";
import type { UnitOfWork } from "../unit-of-work";
import type { OrgUnitStore } from "./reads";
import {
  ancestryKey,
  chainChecks,
  hintItem,
  nameTaken,
  pathCondition,
  pathValues,
  treeChanged,
  uniqueById,
} from "./records";
import { restructuringFacts, versionChecked, type Restructuring } from "./writes";

export interface TreeSettings {
  /** How long a writer holds a rename or move before another writer may take it over and finish it. */
  leaseSeconds: number;
  now: () => Date;
}

type Phase = "acquired" | "staging" | "committed" | "undoing";

/** A rename or move in progress, kept on the customer's tree item. */
export interface RestructureOp {
  opId: string;
  /** Which lease holder may write: taking the op over increments it, which fences out the previous holder. */
  epoch: number;
  leaseUntil: string;
  phase: Phase;
  rootId: string;
  oldPath: string;
  newPath: string;
  newName: string;
  oldParentId: string;
  newParentId: string;
  oldAncestorIds: string[];
  newAncestorIds: string[];
  newDescription: string | null;
  /** The audit events and idempotency record of the change: written by the commit, whoever commits. */
  recordItems: TransactItem[];
}

/** A descendant of the op's root, with its path relative to the root ("EMEA/Paris"). */
interface Descendant {
  record: OrgUnitRecord;
  relativePath: string;
}

/** Fence items beside the tree item, so that the parallel writes of a phase do not all touch one item. */
const LANES = 16;
/** Items per transaction besides the lane's fence check. */
const CHUNK_ITEMS = 99;
const ENUMERATE_ATTEMPTS = 5;
/** How long a writer that lost its lease waits for the taker to finish before telling its caller to retry. */
const OUTCOME_WAIT_MS = 10_000;

/** The writer no longer holds the op's lease: another writer took it over and goes on with it. */
class LeaseLost extends Error {
  override name = "LeaseLost";
}

/** `path` with `relativePath` below it ("" is the path itself). */
function below(path: string, relativePath: string): string {
  return relativePath === "" ? path : joinPath(path, relativePath);
}

export class TreeRestructure {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly reads: OrgUnitStore,
    private readonly settings: TreeSettings,
  ) {}

  /**
   * Renames and/or moves `orgUnit`, which has descendants, as `change` says. `validate` sees the descendants' paths
   * below the OU once the tree is locked and may refuse the change (which is then undone). Returns `result` once the
   * change is committed: by this writer, or by one that took it over.
   */
  async run(
    work: UnitOfWork,
    orgUnit: OrgUnit,
    change: Restructuring,
    expectedVersion: number,
    validate: (relativePaths: string[]) => void,
    result: OrgUnit,
  ): Promise<OrgUnit> {
    const facts: AuditFact[] = restructuringFacts(orgUnit, change);
    const op: RestructureOp = {
      opId: randomUUID(),
      epoch: 1,
      leaseUntil: this.leaseUntil(),
      phase: "acquired",
      rootId: orgUnit.id,
      oldPath: orgUnit.path,
      newPath: joinPath(change.newParent.path, change.newName),
      newName: change.newName,
      oldParentId: orgUnit.parentId as string,
      newParentId: change.newParent.id,
      oldAncestorIds: orgUnit.ancestors.map((a) => a.id),
      newAncestorIds: [...change.newParent.ancestors.map((a) => a.id), change.newParent.id],
      newDescription: change.description,
      recordItems: work.recordWrites(facts, result).map((write) => write.item),
    };
    await this.acquire(op, orgUnit, change.newParent, expectedVersion);
    let descendants: Descendant[];
    try {
      descendants = await this.descendants(op);
      validate(descendants.map((d) => d.relativePath));
    } catch (error) {
      await this.undoAfterFailure(op, [], error);
      throw error;
    }
    let staged: Descendant[];
    try {
      staged = await this.stage(op, descendants);
      await this.commit(op);
    } catch (error) {
      if (error instanceof LeaseLost) return this.outcomeOfTakenOp(op, result, work);
      await this.undoAfterFailure(op, descendants, error);
      throw error;
    }
    work.markCommitted();
    await this.finishAfterCommit(op, staged);
    return result;
  }

  /**
   * Finishes (or, if it never got past acquiring, undoes) a rename or move whose writer stopped, once its lease has
   * run out. Returns whether the tree is free now; false while another writer still holds the op.
   */
  async finishStalled(): Promise<boolean> {
    const stalled = await this.currentOp();
    if (stalled === undefined) return true;
    if (new Date(stalled.leaseUntil) > this.settings.now()) return false;
    const op = await this.takeOver(stalled);
    if (op === undefined) return false;
    try {
      if (op.phase === "acquired") {
        await this.rollback(op, []);
        return true;
      }
      let descendants = await this.descendants(op);
      if (op.phase === "undoing") {
        await this.rollback(op, descendants);
        return true;
      }
      if (op.phase === "staging") {
        try {
          descendants = await this.stage(op, descendants);
        } catch (error) {
          // A change that cannot be staged (e.g. a key DynamoDB refuses) must not hold the tree for good.
          if (error instanceof LeaseLost || (error instanceof ApiError && error.code === "UNAVAILABLE")) throw error;
          log.warn("undoing a rename or move that cannot be finished", { opId: op.opId, error: String(error) });
          await this.rollback(op, descendants);
          return true;
        }
        await this.commit(op);
      }
      await this.cleanup(op, descendants);
      await this.release(op);
      return true;
    } catch (error) {
      if (error instanceof LeaseLost) return false;
      throw error;
    }
  }

  /** The rename or move holding the tree, if any. */
  async currentOp(): Promise<RestructureOp | undefined> {
    const tree = await this.db.get(keys.tree(this.customerId));
    return tree?.op as RestructureOp | undefined;
  }

  // ---- transitions -------------------------------------------------------------------------------------------------

  /** (none) → acquired: locks the tree for `op` and reserves the new path, if nothing changed since the OU was read. */
  private async acquire(op: RestructureOp, orgUnit: OrgUnit, newParent: OrgUnit, expectedVersion: number) {
    await transact(this.db, [
      {
        item: {
          Put: {
            Item: { ...keys.tree(this.customerId), op },
            ConditionExpression: "attribute_not_exists(#op)",
            ExpressionAttributeNames: { "#op": "op" },
          },
        },
        onConditionFailed: () =>
          new RetryableConflict("A rename or move of organizational units is in progress; retry in a moment.", () =>
            this.finishStalled(),
          ),
      },
      {
        item: {
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
        onConditionFailed: (current) =>
          current !== undefined && Number(current.version) === expectedVersion
            ? treeChanged()
            : versionChecked(orgUnit, expectedVersion)(current),
      },
      {
        item: {
          Put: {
            Item: hintItem(this.customerId, op.newPath, orgUnit.id, op.newAncestorIds),
            ConditionExpression: "attribute_not_exists(pk) OR ouId = :id",
            ExpressionAttributeValues: { ":id": orgUnit.id },
          },
        },
        onConditionFailed: () => nameTaken(op.newName, newParent.path),
      },
      ...chainChecks(this.customerId, uniqueById([...orgUnit.ancestors, ...newParent.ancestors, newParent])),
    ]);
  }

  /**
   * acquired|staging → staging: opens the lanes, then writes every descendant's new path hint and, for a move, its
   * new ancestor ids beside its current ones, all lanes in parallel. Returns the descendants as staged.
   */
  private async stage(op: RestructureOp, descendants: readonly Descendant[]): Promise<Descendant[]> {
    await transact(this.db, [
      this.treeUpdate(
        op,
        "SET #op.phase = :phase, #op.leaseUntil = :lease",
        {
          ":phase": "staging",
          ":lease": this.leaseUntil(),
        },
        ["acquired", "staging"],
      ),
      ...this.laneItems(op).map((item) => ({ item: { Put: { Item: item } } })),
    ]);
    op.phase = "staging";
    const moving = op.oldParentId !== op.newParentId;
    await this.inLanes(
      op,
      descendants.flatMap(({ record, relativePath }): Write[] => {
        const ancestorIds = newAncestorIdsOf(op, record);
        const hint: Write = {
          item: { Put: { Item: hintItem(this.customerId, below(op.newPath, relativePath), record.id, ancestorIds) } },
        };
        if (!moving) return [hint];
        const staged: Write = {
          item: {
            Update: {
              Key: keys.orgUnit(this.customerId, record.id),
              UpdateExpression: "SET staged = :staged",
              ConditionExpression: "attribute_exists(pk)",
              ExpressionAttributeValues: { ":staged": { opId: op.opId, rootId: op.rootId, ancestorIds } },
            },
          },
          onConditionFailed: treeChanged,
        };
        return [hint, staged];
      }),
    );
    if (!moving) return [...descendants];
    return descendants.map(({ record, relativePath }) => ({
      record: { ...record, staged: { opId: op.opId, rootId: op.rootId, ancestorIds: newAncestorIdsOf(op, record) } },
      relativePath,
    }));
  }

  /** staging → committed: one transaction flips the subtree's root and writes the change's audit events. */
  private async commit(op: RestructureOp): Promise<void> {
    const moving = op.oldParentId !== op.newParentId;
    const writes: Write[] = [
      this.treeUpdate(
        op,
        "SET #op.phase = :phase, #op.leaseUntil = :lease",
        {
          ":phase": "committed",
          ":lease": this.leaseUntil(),
        },
        ["staging"],
      ),
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, op.rootId),
            UpdateExpression:
              "SET #name = :name, description = :description, parentId = :parent, ancestorIds = :ancestors, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi3sk = :gsi3sk, version = version + :one, updatedAt = :now REMOVE pendingOp",
            ConditionExpression: "pendingOp.opId = :opId",
            ExpressionAttributeNames: { "#name": "name" },
            ExpressionAttributeValues: {
              ":name": op.newName,
              ":description": op.newDescription,
              ":parent": op.newParentId,
              ":ancestors": op.newAncestorIds,
              ":gsi1pk": keys.children(this.customerId, op.newParentId),
              ":gsi1sk": op.newName.toLowerCase(),
              ":gsi3sk": ancestryKey(op.newAncestorIds, op.rootId),
              ":one": 1,
              ":now": this.settings.now().toISOString(),
              ":opId": op.opId,
            },
          },
        },
        onConditionFailed: () => new LeaseLost(),
      },
      ...(moving ? [this.childCount(op.oldParentId, -1), this.childCount(op.newParentId, 1)] : []),
      // The audit events and the idempotency record of the writer that started the op.
      ...op.recordItems.map((item) => ({ item, onConditionFailed: treeChanged })),
    ];
    await transact(this.db, writes);
    op.phase = "committed";
  }

  /** committed → committed: each descendant's staged ancestor ids become its own, and old path hints go. */
  private async cleanup(op: RestructureOp, descendants: readonly Descendant[]): Promise<void> {
    const promotions = descendants.flatMap(({ record }): Write[] =>
      record.staged?.opId === op.opId
        ? [
            {
              item: {
                Update: {
                  Key: keys.orgUnit(this.customerId, record.id),
                  UpdateExpression: "SET ancestorIds = :ancestors, gsi3sk = :gsi3sk REMOVE staged",
                  ConditionExpression: "staged.opId = :opId",
                  ExpressionAttributeValues: {
                    ":ancestors": record.staged.ancestorIds,
                    ":gsi3sk": ancestryKey(record.staged.ancestorIds, record.id),
                    ":opId": op.opId,
                  },
                },
              },
              onConditionFailed: treeChanged,
            },
          ]
        : [],
    );
    const oldHints = [{ record: { id: op.rootId }, relativePath: "" }, ...descendants].flatMap(
      ({ record, relativePath }): Write[] => {
        const oldPath = below(op.oldPath, relativePath);
        if (pathKey(oldPath) === pathKey(below(op.newPath, relativePath))) return [];
        return [this.hintDeletion(oldPath, record.id)];
      },
    );
    await this.inLanes(op, [...promotions, ...oldHints]);
  }

  /** committed → (released): the lock and its lanes go. */
  private async release(op: RestructureOp): Promise<void> {
    await transact(this.db, [this.treeUpdate(op, "REMOVE #op", {}, ["committed"]), ...this.laneDeletions()]);
  }

  /**
   * acquired|staging|undoing → undoing → (released): takes back an op that never committed: its staged values, its
   * new hints, the lock. Marking it undoing first means a commit can no longer happen, whoever holds the lease.
   */
  private async rollback(op: RestructureOp, descendants: readonly Descendant[]): Promise<void> {
    if (op.phase !== "undoing") {
      await transact(this.db, [
        this.treeUpdate(op, "SET #op.phase = :phase", { ":phase": "undoing" }, ["acquired", "staging", "undoing"]),
      ]);
      op.phase = "undoing";
    }
    const moving = op.oldParentId !== op.newParentId;
    await this.inLanes(
      op,
      descendants.flatMap(({ record, relativePath }): Write[] => {
        const newPath = below(op.newPath, relativePath);
        const moved = pathKey(newPath) !== pathKey(below(op.oldPath, relativePath));
        const unstage: Write = {
          item: {
            Update: {
              Key: keys.orgUnit(this.customerId, record.id),
              UpdateExpression: "REMOVE staged",
              ConditionExpression: "attribute_not_exists(staged) OR staged.opId = :opId",
              ExpressionAttributeValues: { ":opId": op.opId },
            },
          },
          onConditionFailed: treeChanged,
        };
        return [...(moved ? [this.hintDeletion(newPath, record.id)] : []), ...(moving ? [unstage] : [])];
      }),
    );
    const writes: Write[] = [
      this.treeUpdate(op, "REMOVE #op", {}, ["undoing"]),
      ...this.laneDeletions(),
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, op.rootId),
            UpdateExpression: "REMOVE pendingOp",
            ConditionExpression: "attribute_not_exists(pendingOp) OR pendingOp.opId = :opId",
            ExpressionAttributeValues: { ":opId": op.opId },
          },
        },
        onConditionFailed: treeChanged,
      },
    ];
    if (pathKey(op.newPath) !== pathKey(op.oldPath)) writes.push(this.hintDeletion(op.newPath, op.rootId));
    await transact(this.db, writes);
  }

  /** Undoes an op this writer could not finish, as far as it can; what it cannot undo, the next writer finishes. */
  private async undoAfterFailure(op: RestructureOp, descendants: readonly Descendant[], cause: unknown) {
    try {
      await this.rollback(op, descendants);
    } catch (error) {
      log.warn("a rename or move that failed is left for the next writer", {
        opId: op.opId,
        cause: String(cause),
        error: String(error),
      });
    }
  }

  /** Takes over an op whose lease ran out: a new epoch, which fences out its previous holder, and a new lease. */
  private async takeOver(op: RestructureOp): Promise<RestructureOp | undefined> {
    const taken: RestructureOp = { ...op, epoch: op.epoch + 1, leaseUntil: this.leaseUntil() };
    try {
      await transact(this.db, [
        {
          item: {
            Update: {
              Key: keys.tree(this.customerId),
              UpdateExpression: "SET #op.epoch = :epoch, #op.leaseUntil = :lease",
              ConditionExpression: "#op.opId = :opId AND #op.epoch = :old AND #op.leaseUntil = :oldLease",
              ExpressionAttributeNames: { "#op": "op" },
              ExpressionAttributeValues: {
                ":epoch": taken.epoch,
                ":lease": taken.leaseUntil,
                ":opId": op.opId,
                ":old": op.epoch,
                ":oldLease": op.leaseUntil,
              },
            },
          },
          onConditionFailed: () => new LeaseLost(),
        },
        ...this.laneItems(taken).map((item) => ({ item: { Put: { Item: item } } })),
      ]);
      return taken;
    } catch (error) {
      if (error instanceof LeaseLost) return undefined;
      throw error;
    }
  }

  // ---- after the commit, and after losing the lease ---------------------------------------------------------------

  /** Cleanup and release once the change is visible: their failure is left to the next writer, never to the caller. */
  private async finishAfterCommit(op: RestructureOp, descendants: readonly Descendant[]): Promise<void> {
    try {
      await this.cleanup(op, descendants);
      await this.release(op);
    } catch (error) {
      log.warn("a committed rename or move is left for the next writer to clean up", {
        opId: op.opId,
        error: String(error),
      });
    }
  }

  /**
   * The answer for a writer that lost its lease to another: the change is that writer's to finish. Waits a little
   * for it, then reports what happened: the result if it committed, a retryable conflict if it was undone.
   */
  private async outcomeOfTakenOp(op: RestructureOp, result: OrgUnit, work: UnitOfWork): Promise<OrgUnit> {
    for (const started = Date.now(); Date.now() - started < OUTCOME_WAIT_MS;) {
      const [tree, root] = await Promise.all([this.currentOp(), this.reads.fetchRecords([op.rootId])]);
      const record = root.get(op.rootId);
      const committed =
        record !== undefined &&
        record.pendingOp?.opId !== op.opId &&
        record.parentId === op.newParentId &&
        record.name === op.newName;
      if (committed) {
        work.markCommitted();
        return result;
      }
      if (tree?.opId !== op.opId)
        throw new RetryableConflict("The rename or move was undone by another writer; retry the request.");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw unavailable(
      "Another writer is finishing this rename or move. Retry with the same idempotency key to get its result.",
    );
  }

  // ---- helpers -----------------------------------------------------------------------------------------------------

  /**
   * The subtree below the op's root, from the byAncestry index (under the root's old and new chains, which differ
   * for a move between its commit and its cleanup), checked against the records' child counts.
   */
  private async descendants(op: RestructureOp): Promise<Descendant[]> {
    const prefixes = [
      ...new Set([ancestryKey(op.oldAncestorIds, op.rootId), ancestryKey(op.newAncestorIds, op.rootId)]),
    ];
    for (let attempt = 1; ; attempt += 1) {
      const [roots, records] = await Promise.all([
        this.reads.fetchRecords([op.rootId]),
        this.reads.recordsUnder(prefixes),
      ]);
      const root = roots.get(op.rootId);
      if (root === undefined) throw conflict("The organizational unit was deleted meanwhile.");
      const found = relativePaths(root, records);
      if (found !== undefined) return found;
      if (attempt === ENUMERATE_ATTEMPTS)
        throw unavailable("The OU index is catching up with recent changes; retry the request.");
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }

  /**
   * Sends `writes` in transactions of at most 100 items, each with its lane's fence check; the lanes run in parallel,
   * each lane's transactions one after another (no two concurrent transactions share a fence item).
   */
  private async inLanes(op: RestructureOp, writes: readonly Write[]): Promise<void> {
    const chunks = chunk(writes, CHUNK_ITEMS);
    await Promise.all(
      Array.from({ length: Math.min(LANES, chunks.length) }, async (_, lane) => {
        for (let i = lane; i < chunks.length; i += LANES)
          await transact(this.db, [this.laneCheck(op, lane), ...(chunks[i] as Write[])]);
      }),
    );
  }

  private laneItems(op: RestructureOp): Item[] {
    return Array.from({ length: LANES }, (_, lane) => ({
      ...keys.treeLane(this.customerId, lane),
      opId: op.opId,
      epoch: op.epoch,
    }));
  }

  private laneDeletions(): Write[] {
    return Array.from({ length: LANES }, (_, lane) => ({
      item: { Delete: { Key: keys.treeLane(this.customerId, lane) } },
    }));
  }

  private laneCheck(op: RestructureOp, lane: number): Write {
    return {
      item: {
        ConditionCheck: {
          Key: keys.treeLane(this.customerId, lane),
          ConditionExpression: "opId = :opId AND epoch = :epoch",
          ExpressionAttributeValues: { ":opId": op.opId, ":epoch": op.epoch },
        },
      },
      onConditionFailed: () => new LeaseLost(),
    };
  }

  /** An update of the tree item, only while `op` at its epoch holds it (and, if given, is in one of `phases`). */
  private treeUpdate(
    op: RestructureOp,
    update: string,
    values: Record<string, unknown>,
    phases: readonly Phase[] = [],
  ): Write {
    const inPhase = phases.length === 0 ? "" : ` AND #op.phase IN (${phases.map((_, i) => `:phase${i}`).join(", ")})`;
    return {
      item: {
        Update: {
          Key: keys.tree(this.customerId),
          UpdateExpression: update,
          ConditionExpression: `#op.opId = :opId AND #op.epoch = :epoch${inPhase}`,
          ExpressionAttributeNames: { "#op": "op" },
          ExpressionAttributeValues: {
            ...values,
            ...Object.fromEntries(phases.map((phase, i) => [`:phase${i}`, phase])),
            ":opId": op.opId,
            ":epoch": op.epoch,
          },
        },
      },
      onConditionFailed: () => new LeaseLost(),
    };
  }

  private childCount(orgUnitId: string, delta: number): Write {
    return {
      item: {
        Update: {
          Key: keys.orgUnit(this.customerId, orgUnitId),
          UpdateExpression: "SET childCount = childCount + :delta",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: { ":delta": delta },
        },
      },
      onConditionFailed: treeChanged,
    };
  }

  /** Deletes the hint at `path` unless it now points to another OU. */
  private hintDeletion(path: string, ouId: string): Write {
    return {
      item: {
        Delete: {
          Key: keys.path(this.customerId, pathKey(path)),
          ConditionExpression: "attribute_not_exists(pk) OR ouId = :id",
          ExpressionAttributeValues: { ":id": ouId },
        },
      },
      onConditionFailed: treeChanged,
    };
  }

  private leaseUntil(): string {
    return new Date(this.settings.now().getTime() + this.settings.leaseSeconds * 1000).toISOString();
  }
}

/** A descendant's ancestor ids after `op`: the root's new chain, then its own chain from the root down. */
function newAncestorIdsOf(op: RestructureOp, record: OrgUnitRecord): string[] {
  return [...op.newAncestorIds, ...record.ancestorIds.slice(op.oldAncestorIds.length)];
}

/**
 * Each descendant of `root` with its path relative to it, from the records found under it; undefined when they
 * disagree with the records' child counts (the index has not caught up yet).
 */
function relativePaths(root: OrgUnitRecord, records: readonly OrgUnitRecord[]): Descendant[] | undefined {
  const children = new Map<string, OrgUnitRecord[]>();
  for (const record of records) {
    const siblings = children.get(record.parentId ?? "") ?? [];
    siblings.push(record);
    children.set(record.parentId ?? "", siblings);
  }
  const found: Descendant[] = [];
  const queue: Descendant[] = [{ record: root, relativePath: "" }];
  for (let next = 0; next < queue.length; next += 1) {
    const { record, relativePath } = queue[next] as Descendant;
    const below = children.get(record.id) ?? [];
    if (below.length !== record.childCount) return undefined;
    for (const child of below) {
      const descendant = {
        record: child,
        relativePath: relativePath === "" ? child.name : `${relativePath}/${child.name}`,
      };
      found.push(descendant);
      queue.push(descendant);
    }
  }
  return found;
}
