/**
 * Renames and moves of an OU with descendants, which take more than one transaction, as a state machine kept on the
 * customer's tree item so that any writer can finish what another started:
 *
 *   acquired  the tree is locked for the op and the new path reserved (readers see the old tree)
 *   staging   the descendants' new path hints are written (readers still see the old tree: the records decide)
 *   committed one transaction flipped the subtree's root (its name, its parent): readers see the new tree, since
 *             paths follow parent links; the old hints and the descendants' ancestor ids (hints too) are stale
 *   undoing   the op is being taken back before it committed (refused, or impossible to finish)
 *   (released) cleanup brought the descendants' ancestor ids (and index entries) up to date and removed the old hints,
 *             or the undo finished; the lock is gone
 *
 * Each transition is one method and can be repeated. The op's lease is held by one writer at a time (its `epoch`);
 * every write of the protocol is conditioned on it, through the tree item or, for the many parallel writes of a
 * phase, through one of a few lane items, so a writer that lost its lease can never write again. A writer whose lease
 * ran out is taken over by the next tree writer, which finishes the op (or undoes it, if it never got past acquiring).
 */
import { randomUUID } from "node:crypto";
import type { AuditFact } from "../../domain/audit";
import { joinPath, pathKey, viewsBelow, type OrgUnit, type OrgUnitRecord } from "../../domain/org-unit";
import { ApiError, RetryableConflict, TreeLocked, unavailable } from "../../errors";
import { log } from "../../log";
import type { Db } from "../db";
import { keys } from "../keys";
import { transact, type Write } from "../transaction";
import type { UnitOfWork } from "../unit-of-work";
import type { Descendant, OrgUnitStore } from "./reads";
import {
  ancestryKey,
  chainChecks,
  childCountChange,
  hintCanExist,
  hintDeletion,
  hintItem,
  nameTaken,
  pathCondition,
  pathValues,
  treeChanged,
  uniqueById,
} from "./records";
import { LeaseLost, TreeLock, type RestructureOp, type TreeSettings } from "./tree-lock";
import { restructuringFacts, versionChecked, type Restructuring } from "./writes";

/** How long a writer that lost its lease waits for the taker to finish before telling its caller to retry. */
const OUTCOME_WAIT_MS = 10_000;

/** `path` with `relativePath` below it ("" is the path itself). */
function below(path: string, relativePath: string): string {
  return relativePath === "" ? path : joinPath(path, relativePath);
}

export class TreeRestructure {
  private readonly lock: TreeLock;

  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly reads: OrgUnitStore,
    private readonly settings: TreeSettings,
  ) {
    this.lock = new TreeLock(db, customerId, settings);
  }

  /** The rename or move holding the tree, if any. */
  currentOp(): Promise<RestructureOp | undefined> {
    return this.lock.currentOp();
  }

  /**
   * Renames and/or moves `orgUnit`, which has descendants, as `change` says. Once the tree is locked, `underLock` sees
   * the descendants as the change leaves them (views below `movedRoot`, the OU after the change; parents before
   * children) and returns the change's result, or refuses the change (which is then undone). Returns that result once
   * the change is committed: by this writer, or by one that took it over.
   */
  async run<R>(
    work: UnitOfWork,
    orgUnit: OrgUnit,
    change: Restructuring,
    expectedVersion: number,
    underLock: (descendants: OrgUnit[]) => R | Promise<R>,
    movedRoot: OrgUnit,
  ): Promise<R> {
    const facts: AuditFact[] = restructuringFacts(orgUnit, change);
    const op: RestructureOp = {
      opId: randomUUID(),
      epoch: 1,
      leaseUntil: this.lock.leaseUntil(),
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
      // The result is known once the subtree is read under the lock; until the op is staged (only a staged op can
      // commit) the records hold none, and serve to tell a retry of this same request that its original is running.
      recordItems: recordItemsOf(work, facts, null),
    };
    try {
      await this.acquire(op, orgUnit, change.newParent, expectedVersion);
    } catch (error) {
      // The same request, retried while the original still runs: let the original finish, then the retry replays it.
      if (error instanceof TreeLocked) await this.awaitOriginal(work);
      throw error;
    }
    const lease = this.lock.hold(op);
    try {
      return await this.forward(work, op, facts, (descendants) =>
        underLock(
          viewsBelow(
            movedRoot,
            descendants.map((d) => d.record),
          ),
        ),
      );
    } finally {
      lease.release();
    }
  }

  /** acquired → … → released, for the writer that acquired `op`. */
  private async forward<R>(
    work: UnitOfWork,
    op: RestructureOp,
    facts: AuditFact[],
    underLock: (descendants: Descendant[]) => R | Promise<R>,
  ): Promise<R> {
    let descendants: Descendant[];
    let result: R;
    try {
      descendants = await this.descendants(op);
      result = await underLock(descendants);
    } catch (error) {
      await this.undoAfterFailure(op, [], error);
      throw error;
    }
    // The staging transition stores these on the op, so that whoever commits it writes this result.
    op.recordItems = recordItemsOf(work, facts, result);
    try {
      await this.stage(op, descendants);
      await this.commit(op);
    } catch (error) {
      if (error instanceof LeaseLost) return this.outcomeOfTakenOp(op, result, work);
      await this.undoAfterFailure(op, descendants, error);
      throw error;
    }
    work.markCommitted();
    await this.finishAfterCommit(op, descendants);
    return result;
  }

  /**
   * Finishes (or, if it never got past acquiring, undoes) a rename or move whose writer stopped, once its lease has
   * run out. Returns whether the tree is free now; false while another writer still holds the op.
   */
  async finishStalled(): Promise<boolean> {
    const stalled = await this.lock.currentOp();
    if (stalled === undefined) return true;
    if (new Date(stalled.leaseUntil) > this.settings.now()) return false;
    const op = await this.lock.takeOver(stalled);
    if (op === undefined) return false;
    const lease = this.lock.hold(op);
    try {
      if (op.phase === "acquired") {
        await this.rollback(op, []);
        return true;
      }
      const descendants = await this.descendants(op);
      if (op.phase === "undoing") {
        await this.rollback(op, descendants);
        return true;
      }
      if (op.phase === "staging") {
        try {
          await this.stage(op, descendants);
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
      // The caller that stumbled on the stalled op did nothing wrong: it gets the retryable "in progress" answer, and
      // the failure to finish the op is for the operators (it stays for the next writer once this lease runs out).
      log.error("a stalled rename or move could not be finished", { opId: op.opId, error: String(error) });
      return false;
    } finally {
      lease.release();
    }
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
        onConditionFailed: () => new TreeLocked(() => this.finishStalled()),
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
   * acquired|staging → staging: stores the records the commit writes, opens the lanes, then writes every
   * descendant's new path hint, lanes in parallel.
   */
  private async stage(op: RestructureOp, descendants: readonly Descendant[]): Promise<void> {
    await this.lock.serialized(() =>
      transact(this.db, [
        this.lock.treeUpdate(
          op,
          "SET #op.phase = :phase, #op.leaseUntil = :lease, #op.recordItems = :records",
          { ":phase": "staging", ":lease": this.lock.leaseUntil(), ":records": op.recordItems },
          ["acquired", "staging"],
        ),
        ...this.lock.openLanes(op),
      ]),
    );
    op.phase = "staging";
    await this.lock.inLanes(
      op,
      descendants.map(({ record, relativePath }) => ({
        item: {
          Put: {
            Item: hintItem(this.customerId, below(op.newPath, relativePath), record.id, newAncestorIdsOf(op, record)),
          },
        },
      })),
    );
  }

  /** staging → committed: one transaction flips the subtree's root and writes the change's audit events. */
  private async commit(op: RestructureOp): Promise<void> {
    const moving = op.oldParentId !== op.newParentId;
    const writes: Write[] = [
      this.lock.treeUpdate(
        op,
        "SET #op.phase = :phase, #op.leaseUntil = :lease",
        {
          ":phase": "committed",
          ":lease": this.lock.leaseUntil(),
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
      ...(moving
        ? [
            childCountChange(this.customerId, { id: op.oldParentId }, -1),
            childCountChange(this.customerId, { id: op.newParentId }, 1),
          ]
        : []),
      // The audit events and the idempotency record of the writer that started the op.
      ...op.recordItems.map((item) => ({ item, onConditionFailed: treeChanged })),
    ];
    await this.lock.serialized(() => transact(this.db, writes));
    op.phase = "committed";
  }

  /**
   * committed → committed: for a move, each descendant's ancestor ids and index entry follow its new place (unless an
   * earlier cleanup already did); old path hints go.
   */
  private async cleanup(op: RestructureOp, descendants: readonly Descendant[]): Promise<void> {
    const moving = op.oldParentId !== op.newParentId;
    const promotions = descendants
      .filter(({ record }) => moving && stillAtOldPlace(op, record))
      .map(({ record }): Write => {
        const ancestorIds = newAncestorIdsOf(op, record);
        return {
          item: {
            Update: {
              Key: keys.orgUnit(this.customerId, record.id),
              UpdateExpression: "SET ancestorIds = :ancestors, gsi3sk = :gsi3sk",
              ConditionExpression: "attribute_exists(pk)",
              ExpressionAttributeValues: { ":ancestors": ancestorIds, ":gsi3sk": ancestryKey(ancestorIds, record.id) },
            },
          },
          onConditionFailed: treeChanged,
        };
      });
    const oldHints = [{ record: { id: op.rootId }, relativePath: "" }, ...descendants].flatMap(
      ({ record, relativePath }): Write[] => {
        const oldPath = below(op.oldPath, relativePath);
        if (pathKey(oldPath) === pathKey(below(op.newPath, relativePath))) return [];
        return [hintDeletion(this.customerId, oldPath, record.id)];
      },
    );
    await this.lock.inLanes(op, [...promotions, ...oldHints]);
  }

  /** committed → (released): the lock and its lanes go. */
  private async release(op: RestructureOp): Promise<void> {
    await this.lock.serialized(() =>
      transact(this.db, [this.lock.treeUpdate(op, "REMOVE #op", {}, ["committed"]), ...this.lock.closeLanes()]),
    );
  }

  /**
   * acquired|staging|undoing → undoing → (released): takes back an op that never committed: its new hints, the lock. Marking it undoing first means a commit can no longer happen, whoever holds the lease.
   */
  private async rollback(op: RestructureOp, descendants: readonly Descendant[]): Promise<void> {
    if (op.phase !== "undoing") {
      await this.lock.serialized(() =>
        transact(this.db, [
          this.lock.treeUpdate(op, "SET #op.phase = :phase", { ":phase": "undoing" }, [
            "acquired",
            "staging",
            "undoing",
          ]),
        ]),
      );
      op.phase = "undoing";
    }
    await this.lock.inLanes(
      op,
      descendants.flatMap(({ record, relativePath }): Write[] => {
        const newPath = below(op.newPath, relativePath);
        // A hint whose key DynamoDB refuses was never written (and cannot even be named in a delete).
        const written = hintCanExist(this.customerId, newPath);
        return !written || pathKey(newPath) === pathKey(below(op.oldPath, relativePath))
          ? []
          : [hintDeletion(this.customerId, newPath, record.id)];
      }),
    );
    const writes: Write[] = [
      this.lock.treeUpdate(op, "REMOVE #op", {}, ["undoing"]),
      ...this.lock.closeLanes(),
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
    if (pathKey(op.newPath) !== pathKey(op.oldPath)) writes.push(hintDeletion(this.customerId, op.newPath, op.rootId));
    await this.lock.serialized(() => transact(this.db, writes));
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
  private async outcomeOfTakenOp<R>(op: RestructureOp, result: R, work: UnitOfWork): Promise<R> {
    for (const started = Date.now(); Date.now() - started < OUTCOME_WAIT_MS;) {
      const [tree, record] = await Promise.all([this.lock.currentOp(), this.reads.record(op.rootId)]);
      const committed =
        record !== null &&
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

  /**
   * When the op holding the tree is the one this same request (same caller, same idempotency key) started before,
   * waits until it is finished (finishing it if its writer stopped), so that the retry replays its result.
   */
  private async awaitOriginal(work: UnitOfWork): Promise<void> {
    const key = work.recordKey;
    if (key === undefined) return;
    const isOriginal = (op: RestructureOp | undefined) =>
      op?.recordItems.some((item) => item.Put?.Item?.pk === key.pk && item.Put.Item.sk === key.sk) === true;
    for (const started = Date.now(); Date.now() - started < OUTCOME_WAIT_MS;) {
      const op = await this.lock.currentOp();
      if (!isOriginal(op) || (await this.finishStalled())) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------------------

  /**
   * The subtree below the op's root, under the root's old and new chains of ids (which differ for a move between its
   * commit and its cleanup).
   */
  private descendants(op: RestructureOp): Promise<Descendant[]> {
    const prefixes = [ancestryKey(op.oldAncestorIds, op.rootId), ancestryKey(op.newAncestorIds, op.rootId)];
    return this.reads.descendantsOf(op.rootId, [...new Set(prefixes)]);
  }
}

/** The audit events and idempotency record (of `result`) that the commit of a change writes. */
function recordItemsOf(work: UnitOfWork, facts: readonly AuditFact[], result: unknown) {
  return work.recordWrites(facts, result).map((write) => write.item);
}

/** Whether a descendant's ancestor ids still name the root's old chain (its cleanup has not happened yet). */
function stillAtOldPlace(op: RestructureOp, record: OrgUnitRecord): boolean {
  return [...op.oldAncestorIds, op.rootId].every((id, index) => record.ancestorIds[index] === id);
}

/** A descendant's ancestor ids after `op` (from its ids before it): the root's new chain, then its chain below. */
function newAncestorIdsOf(op: RestructureOp, record: OrgUnitRecord): string[] {
  return [...op.newAncestorIds, ...record.ancestorIds.slice(op.oldAncestorIds.length)];
}
