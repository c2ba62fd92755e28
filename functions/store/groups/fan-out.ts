/**
 * Changes of configuration groups that reach an unbounded number of members, as a state machine kept on the
 * customer's nesting item (`keys.groupGraph`), fenced and resumable like the OU tree's renames and moves
 * (../org-units/restructure.ts, with the same lock: ../org-units/tree-lock.ts):
 *
 *   acquired  the nesting is locked for the op, at a new version: every membership write that read the old one
 *             fails and retries, and none starts until the op is released
 *   committed one transaction made the change itself (the truth: member items, direct memberships, a group's
 *             settings, a group marked as being deleted) with its audit events and idempotency record; readers see it
 *             at once, since they follow each group's direct memberships (what members keep besides is a hint)
 *   (released) the fan-out brought every reached member's derived fields up to date (the groups in effect for it,
 *             the settings they override; for groups, where they stand in the nesting), a deleted group's member
 *             items are gone; the lock is released at yet another version
 *
 * The fan-out computes what every reached member's fields must be from the truth and writes those that differ, in
 * transactions of 99 items on 32 lanes in parallel, each checking its lane's epoch: repeating it changes nothing, so
 * a writer that stopped is simply run again by the next one, who takes the lease over (incrementing the epoch, which
 * fences the previous holder out). An op that never committed is undone by whoever takes it over.
 */
import { randomUUID } from "node:crypto";
import type { AuditFact } from "../../domain/audit";
import { memberGroups, nestingOf, type Group, type Nesting } from "../../domain/groups";
import type { User } from "../../domain/user";
import { RetryableConflict } from "../../errors";
import { log } from "../../log";
import { countPolicyChanges } from "../../metrics";
import type { Db } from "../db";
import { keys } from "../keys";
import { LeaseLost, TreeLock, type LeasedOp, type TreeSettings } from "../org-units/tree-lock";
import { transact, type Write } from "../transaction";
import type { UnitOfWork } from "../unit-of-work";
import { toUser } from "../users";
import { GroupsLocked, groupsChanged } from "./records";
import { GroupStore } from "./reads";

type MembershipPhase = "acquired" | "committed";

/** A change of groups being applied to their members, kept on the nesting item. */
export interface MembershipOp extends LeasedOp {
  opId: string;
  epoch: number;
  leaseUntil: string;
  phase: MembershipPhase;
  /** Members join or leave a group (groups among them), a group is deleted, or what a group sets changes. */
  kind: "MEMBERS" | "DELETE" | "SETTINGS";
  /** The group changed. */
  groupId: string;
  /** The groups whose members, and their members' members, the change reaches. */
  rootGroupIds: string[];
  /** Users whose direct memberships the change sets. */
  userEmails: string[];
  /** The key of the idempotency record of the request that started it, if keyed: a retry of it waits for it. */
  requestKey?: string;
}

/** How long a keyed retry waits for the original request's change to be made before it answers "retry". */
const ORIGINAL_WAIT_MS = 10_000;

/** What a change reaching many members is: its kind, whom it reaches, and the transaction that makes it. */
export interface MembershipChange<T> {
  kind: MembershipOp["kind"];
  groupId: string;
  rootGroupIds: string[];
  userEmails: string[];
  /** The nesting's version the change was planned on (what it checked is still so). */
  nestingVersion: number;
  /** The change itself, committed in one transaction once the nesting is locked. */
  writes: Write[];
  events: AuditFact[];
  result: T;
}

export class GroupFanOut {
  private readonly lock: TreeLock<MembershipOp>;
  /** Reads that may reach every member of big groups (fresh; run them `withoutBudget`). */
  readonly reads: GroupStore;

  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly settings: TreeSettings,
  ) {
    this.lock = new TreeLock<MembershipOp>(db, customerId, settings, {
      lock: keys.groupGraph(customerId),
      lane: (lane) => keys.groupGraphLane(customerId, lane),
    });
    this.reads = new GroupStore(this.db, customerId, { snapshot: false });
  }

  /**
   * Runs `work`, which reaches every member of the groups a change touches (reading them all for its impact), without
   * the request's budget of DynamoDB calls: a change is previewed and fanned out whatever the size of its groups.
   */
  withoutBudget<T>(work: () => Promise<T>): Promise<T> {
    return this.db.unlimited(work);
  }

  /** The membership change being fanned out, if any. */
  currentOp(): Promise<MembershipOp | undefined> {
    return this.lock.currentOp();
  }

  /** The users of `emails` as they are now (missing ones left out), 100 per batch, in parallel. */
  async users(emails: readonly string[]): Promise<User[]> {
    return (await this.db.batchGet(emails.map((email) => keys.user(this.customerId, email)))).map(toUser);
  }

  /**
   * Makes `change`: locks the nesting (if it is still at the version the change was planned on), commits the change
   * with its audit events, then brings every reached member up to date and releases the lock. Returns the change's
   * result once committed; a fan-out that then fails is left to the next writer, never to the caller.
   */
  async run<T>(work: UnitOfWork, change: MembershipChange<T>): Promise<T> {
    const op: MembershipOp = {
      opId: randomUUID(),
      epoch: 1,
      leaseUntil: this.lock.leaseUntil(),
      phase: "acquired",
      kind: change.kind,
      groupId: change.groupId,
      rootGroupIds: change.rootGroupIds,
      userEmails: change.userEmails,
      ...(work.recordKey === undefined ? {} : { requestKey: work.recordKey.pk }),
    };
    return this.withoutBudget(() => this.forward(work, change, op));
  }

  /** acquired → committed → (released), for the writer that starts the change. */
  private async forward<T>(work: UnitOfWork, change: MembershipChange<T>, op: MembershipOp): Promise<T> {
    await this.acquire(op, change.nestingVersion, work);
    const lease = this.lock.hold(op);
    try {
      try {
        await this.commit(op, [...change.writes, ...work.recordWrites(change.events, change.result)]);
      } catch (error) {
        if (error instanceof LeaseLost)
          throw new RetryableConflict("The change was undone by another writer; retry the request.");
        await this.undoAfterFailure(op, error);
        throw error;
      }
      work.markCommitted();
      countPolicyChanges(change.events);
      try {
        await this.fanOut(op);
        await this.release(op);
      } catch (error) {
        log.warn("a committed membership change is left for the next writer to fan out", {
          opId: op.opId,
          error: String(error),
        });
      }
      return change.result;
    } finally {
      lease.release();
    }
  }

  /**
   * Finishes (or, if it never committed, undoes) a membership change whose writer stopped, once its lease has run
   * out. Returns whether the nesting is free now; false while another writer still holds it.
   */
  async finishStalled(): Promise<boolean> {
    const stalled = await this.lock.currentOp();
    if (stalled === undefined) return true;
    if (new Date(stalled.leaseUntil) > this.settings.now()) return false;
    const op = await this.lock.takeOver(stalled);
    if (op === undefined) return false;
    const lease = this.lock.hold(op);
    try {
      if (op.phase === "acquired") await this.undo(op);
      else
        await this.withoutBudget(async () => {
          await this.fanOut(op);
          await this.release(op);
        });
      return true;
    } catch (error) {
      if (error instanceof LeaseLost) return false;
      log.error("a stalled membership change could not be finished", { opId: op.opId, error: String(error) });
      return false;
    } finally {
      lease.release();
    }
  }

  /**
   * The recovery of a "groups locked" conflict: finishes a stalled change; for a retry of the very request (same
   * caller and idempotency key) that started the change in progress, first waits for it, so that the retry then
   * answers its result.
   */
  async recover(work?: UnitOfWork): Promise<boolean> {
    const key = work?.recordKey?.pk;
    for (const started = Date.now(); key !== undefined && Date.now() - started < ORIGINAL_WAIT_MS;) {
      if ((await this.lock.currentOp())?.requestKey !== key) break;
      if (await this.finishStalled()) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return this.finishStalled();
  }

  // ---- transitions -------------------------------------------------------------------------------------------------

  /** (none) → acquired: the lock, at a new version, if the nesting is still at `version`; the lanes open. */
  private async acquire(op: MembershipOp, version: number, work: UnitOfWork): Promise<void> {
    await transact(this.db, [
      {
        item: {
          Update: {
            Key: keys.groupGraph(this.customerId),
            UpdateExpression: "SET #op = :op, version = if_not_exists(version, :zero) + :one",
            ConditionExpression:
              version === 0
                ? "attribute_not_exists(#op) AND attribute_not_exists(version)"
                : "attribute_not_exists(#op) AND version = :version",
            ExpressionAttributeNames: { "#op": "op" },
            ExpressionAttributeValues: {
              ":op": op,
              ":zero": 0,
              ":one": 1,
              ...(version === 0 ? {} : { ":version": version }),
            },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: (current) =>
          current?.op === undefined ? groupsChanged() : new GroupsLocked(() => this.recover(work)),
      },
      ...this.lock.openLanes(op),
    ]);
  }

  /** acquired → committed: the change itself, fenced by the lease. */
  private async commit(op: MembershipOp, writes: readonly Write[]): Promise<void> {
    await this.lock.serialized(() =>
      transact(this.db, [
        this.lock.treeUpdate(
          op,
          "SET #op.phase = :phase, #op.leaseUntil = :lease",
          { ":phase": "committed", ":lease": this.lock.leaseUntil() },
          ["acquired"],
        ),
        ...writes,
      ]),
    );
    op.phase = "committed";
  }

  /**
   * committed → committed: every reached member's fields as the truth says they must be (only those that differ are
   * written, so repeating it after a stop changes nothing); for a deleted group, its member items go.
   */
  private async fanOut(op: MembershipOp): Promise<void> {
    const order = await this.reads.order();
    const read = await this.reads.getMany([...new Set([...order.groupIds, ...op.rootGroupIds, op.groupId])]);
    const stored = [...read.values()].filter((group): group is Group => group !== null);
    const live = stored.filter((group) => !group.deleting);
    const nesting = nestingOf(live);
    const policies = new Map(live.map((group) => [group.id, group.mailAccessPolicy]));
    const groupWrites = live.flatMap((group) => this.groupFields(group, nesting));
    const reached = new Set(op.rootGroupIds);
    for (const root of op.rootGroupIds) {
      for (const id of read.get(root)?.descendantGroupIds ?? []) reached.add(id);
      for (const id of nesting.get(root)?.descendantGroupIds ?? []) reached.add(id);
    }
    const members = await this.reads.allMembers([...reached], "U");
    const emails = new Set(op.userEmails);
    for (const refs of members.values()) for (const ref of refs) if ("userEmail" in ref) emails.add(ref.userEmail);
    const now = this.settings.now().toISOString();
    const userWrites = (await this.users([...emails])).flatMap((user) => {
      const groupIds = user.groupIds.filter((id) => nesting.has(id));
      const derived = memberGroups(groupIds, nesting, (id) => policies.get(id));
      const same =
        groupIds.join() === user.groupIds.join() &&
        derived.effectiveGroupIds.join() === user.effectiveGroupIds.join() &&
        derived.groupOverrides.join() === user.groupOverrides.join();
      if (same) return [];
      const changedAt = derived.effectiveGroupIds.join() === user.effectiveGroupIds.join() ? user.groupsChangedAt : now;
      return [this.userFields(user, groupIds, derived, changedAt, now)];
    });
    await this.lock.inLanes(op, [...groupWrites, ...userWrites]);
    if (op.kind === "DELETE") {
      const left = (await this.reads.allMembers([op.groupId], "")).get(op.groupId) ?? [];
      await this.lock.inLanes(
        op,
        left.map((member) => ({ item: { Delete: { Key: keys.groupMember(this.customerId, op.groupId, member) } } })),
      );
    }
  }

  /** committed → (released): the lock goes, at a new version; a deleted group's item goes with it. */
  private async release(op: MembershipOp): Promise<void> {
    const deleted: Write[] =
      op.kind === "DELETE"
        ? [
            {
              item: {
                Delete: {
                  Key: keys.group(this.customerId, op.groupId),
                  ConditionExpression: "attribute_not_exists(pk) OR deleting = :yes",
                  ExpressionAttributeValues: { ":yes": true },
                },
              },
              onConditionFailed: groupsChanged,
            },
          ]
        : [];
    await this.lock.serialized(() =>
      transact(this.db, [
        this.lock.treeUpdate(op, "REMOVE #op SET version = version + :one", { ":one": 1 }, ["committed"]),
        ...this.lock.closeLanes(),
        ...deleted,
      ]),
    );
  }

  /** acquired → (released): an op that never committed goes; nothing else was written. */
  private async undo(op: MembershipOp): Promise<void> {
    await this.lock.serialized(() =>
      transact(this.db, [
        this.lock.treeUpdate(op, "REMOVE #op SET version = version + :one", { ":one": 1 }, ["acquired"]),
        ...this.lock.closeLanes(),
      ]),
    );
  }

  private async undoAfterFailure(op: MembershipOp, cause: unknown): Promise<void> {
    try {
      await this.undo(op);
    } catch (error) {
      log.warn("a membership change that failed is left for the next writer to undo", {
        opId: op.opId,
        cause: String(cause),
        error: String(error),
      });
    }
  }

  // ---- the fields a fan-out keeps ----------------------------------------------------------------------------------

  /** A group's direct memberships without deleted groups, and where it stands in the nesting, if they differ. */
  private groupFields(group: Group, nesting: ReadonlyMap<string, Nesting>): Write[] {
    const target = nesting.get(group.id) as Nesting;
    const parentGroupIds = group.parentGroupIds.filter((id) => nesting.has(id));
    const same =
      parentGroupIds.join() === group.parentGroupIds.join() &&
      target.ancestorGroupIds.join() === group.ancestorGroupIds.join() &&
      target.descendantGroupIds.join() === group.descendantGroupIds.join() &&
      target.level === group.level &&
      target.height === group.height;
    if (same) return [];
    return [
      {
        item: {
          Update: {
            Key: keys.group(this.customerId, group.id),
            UpdateExpression:
              "SET parentGroupIds = :parents, ancestorGroupIds = :ancestors, descendantGroupIds = :descendants, #level = :level, height = :height",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: { "#level": "level" },
            ExpressionAttributeValues: {
              ":parents": parentGroupIds,
              ":ancestors": target.ancestorGroupIds,
              ":descendants": target.descendantGroupIds,
              ":level": target.level,
              ":height": target.height,
            },
          },
        },
        onConditionFailed: groupsChanged,
      },
    ];
  }

  private userFields(
    user: User,
    groupIds: string[],
    derived: ReturnType<typeof memberGroups>,
    changedAt: string | null,
    now: string,
  ): Write {
    return {
      item: {
        Update: {
          Key: keys.user(this.customerId, user.email),
          UpdateExpression:
            "SET groupIds = :groups, effectiveGroupIds = :effective, groupOverrides = :overrides, groupsChangedAt = :changed, version = version + :one, updatedAt = :now",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeValues: {
            ":groups": groupIds,
            ":effective": derived.effectiveGroupIds,
            ":overrides": derived.groupOverrides,
            ":changed": changedAt,
            ":one": 1,
            ":now": now,
          },
        },
      },
      onConditionFailed: groupsChanged,
    };
  }
}
