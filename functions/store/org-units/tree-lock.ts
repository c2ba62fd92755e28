/**
 * The lock a rename or move of a subtree holds on the customer's OU tree: the op itself on the tree item, with its
 * lease and epoch, and the lane items its parallel writes check. Taking an op over increments its epoch on the tree
 * item and every lane at once, so a writer that lost its lease fails its very next write (fencing).
 */
import { chunk, type Db, type Key, type TransactItem } from "../db";
import { keys } from "../keys";
import { transact, type Write } from "../transaction";

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

/**
 * Fence items beside the tree item, so that the parallel writes of a phase do not all touch one item. 32 lanes of 99
 * writes make one parallel round for up to 3,168 writes: the cleanup of a move of up to 1,584 descendants (two writes
 * each), so that moving 10 OUs or 1,000 waits for the same number of round trips. Opening or closing them all is one
 * transaction of 33 items.
 */
const LANES = 32;
/** Items per transaction besides the lane's fence check. */
const CHUNK_ITEMS = 99;

/** What a lock needs of the op it holds: who holds it (its epoch) until when, and how far it got. */
export interface LeasedOp {
  opId: string;
  epoch: number;
  leaseUntil: string;
  phase: string;
}

/** Where a lock lives: the item holding the op, and its lanes. */
export interface LockKeys {
  lock: Key;
  lane: (lane: number) => Key;
}

/** The writer no longer holds the op's lease: another writer took it over and goes on with it. */
export class LeaseLost extends Error {
  override name = "LeaseLost";
}

/**
 * The lock of a multi-step change: the OU tree's by default; with other `where` keys, any other (the configuration
 * groups' membership fan-out, store/groups/fan-out.ts).
 */
export class TreeLock<Op extends LeasedOp = RestructureOp> {
  /** Writes of the tree item by this writer, one at a time: a renewal never races a transition on the same item. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    customerId: string,
    private readonly settings: TreeSettings,
    private readonly where: LockKeys = {
      lock: keys.tree(customerId),
      lane: (lane) => keys.treeLane(customerId, lane),
    },
  ) {}

  /** Runs `write` (of the tree item) after this writer's earlier ones. */
  serialized<T>(write: () => Promise<T>): Promise<T> {
    const next = this.queue.then(write, write);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Renews `op`'s lease every third of it while its holder works, so that only a writer that stopped (crashed, or
   * frozen) loses it; stops once the lease is lost (the fenced renewal's condition fails) or at `release()`. A
   * renewal that meets a concurrent write of the tree item is simply tried again at the next tick.
   */
  hold(op: Op): { release: () => void } {
    const renew = () =>
      this.serialized(() =>
        this.db.update({
          Key: this.where.lock,
          UpdateExpression: "SET #op.leaseUntil = :lease",
          ConditionExpression: "#op.opId = :opId AND #op.epoch = :epoch",
          ExpressionAttributeNames: { "#op": "op" },
          ExpressionAttributeValues: { ":lease": this.leaseUntil(), ":opId": op.opId, ":epoch": op.epoch },
        }),
      ).catch((error: unknown) => {
        if ((error as Error).name === "ConditionalCheckFailedException") clearInterval(timer);
      });
    const timer = setInterval(() => void renew(), Math.max(100, (this.settings.leaseSeconds * 1000) / 3));
    timer.unref();
    return { release: () => clearInterval(timer) };
  }

  /** The op holding the lock, if any. */
  async currentOp(): Promise<Op | undefined> {
    const tree = await this.db.get(this.where.lock);
    return tree?.op as Op | undefined;
  }

  /** Takes over an op whose lease ran out: a new epoch on the tree item and every lane, and a new lease. */
  async takeOver(op: Op): Promise<Op | undefined> {
    const taken: Op = { ...op, epoch: op.epoch + 1, leaseUntil: this.leaseUntil() };
    try {
      await transact(this.db, [
        {
          item: {
            Update: {
              Key: this.where.lock,
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
        ...this.openLanes(taken),
      ]);
      return taken;
    } catch (error) {
      if (error instanceof LeaseLost) return undefined;
      throw error;
    }
  }

  /** Puts the lane items at `op`'s epoch (to go in one transaction with a fenced update of the tree item). */
  openLanes(op: Op): Write[] {
    return Array.from({ length: LANES }, (_, lane) => ({
      item: { Put: { Item: { ...this.where.lane(lane), opId: op.opId, epoch: op.epoch } } },
    }));
  }

  /** Deletes the lane items (to go in one transaction with the fenced release of the tree item). */
  closeLanes(): Write[] {
    return Array.from({ length: LANES }, (_, lane) => ({
      item: { Delete: { Key: this.where.lane(lane) } },
    }));
  }

  /**
   * Sends `writes` in transactions of at most 100 items, each with its lane's fence check; the lanes run in parallel,
   * each lane's transactions one after another (no two concurrent transactions share a fence item).
   */
  async inLanes(op: Op, writes: readonly Write[]): Promise<void> {
    const chunks = chunk(writes, CHUNK_ITEMS);
    await Promise.all(
      Array.from({ length: Math.min(LANES, chunks.length) }, async (_, lane) => {
        for (let i = lane; i < chunks.length; i += LANES)
          await transact(this.db, [this.laneCheck(op, lane), ...(chunks[i] as Write[])]);
      }),
    );
  }

  /** An update of the tree item, only while `op` at its epoch holds it (and, if given, is in one of `phases`). */
  treeUpdate(op: Op, update: string, values: Record<string, unknown>, phases: readonly Op["phase"][]): Write {
    const inPhase = ` AND #op.phase IN (${phases.map((_, i) => `:phase${i}`).join(", ")})`;
    return {
      item: {
        Update: {
          Key: this.where.lock,
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

  /** When a lease taken now runs out. */
  leaseUntil(): string {
    return new Date(this.settings.now().getTime() + this.settings.leaseSeconds * 1000).toISOString();
  }

  private laneCheck(op: Op, lane: number): Write {
    return {
      item: {
        ConditionCheck: {
          Key: this.where.lane(lane),
          ConditionExpression: "opId = :opId AND epoch = :epoch",
          ExpressionAttributeValues: { ":opId": op.opId, ":epoch": op.epoch },
        },
      },
      onConditionFailed: () => new LeaseLost(),
    };
  }
}
