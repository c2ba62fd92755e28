/** Repeats a write that lost a race a fresh read resolves, and finishes a rename or move whose writer stopped. */
import { ApiError, conflict } from "../errors";
import type { OrgUnitStore } from "../store/org-units";
import { IdempotencyRace } from "../store/transactions";

/**
 * Runs `write` (which reads what it needs, then writes conditionally) again when it lost a race: when the tree
 * changed meanwhile, when items it touched were written concurrently, and, with `retryVersionConflicts` (the caller
 * gave no expectedVersion, so the version was only the one just read), when another writer got in between. Retries
 * are spread out with jitter, so that many concurrent writers settle. A rename or move left behind by a stopped
 * writer is finished first once its lease has run out. Outages (UNAVAILABLE) are not retried here: the client
 * already retried them.
 */
export async function withRetries<T>(
  orgUnits: OrgUnitStore,
  write: () => Promise<T>,
  options: { retryVersionConflicts: boolean; attempts?: number },
): Promise<T> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      // A lost idempotency race is answered by replaying the winner's result, not by writing again.
      if (!(error instanceof ApiError) || error instanceof IdempotencyRace || error.code !== "CONFLICT") throw error;
      const versionRace = options.retryVersionConflicts && error.details.field === "expectedVersion";
      if (error.details.retryable !== true && !versionRace) throw error;
      if (attempt >= attempts)
        throw versionRace
          ? conflict("Other writers kept changing this item; retry the request.", { retryable: true })
          : error;
      const op = error.details.retryable === true ? await orgUnits.currentOp() : undefined;
      if (op !== undefined && !(await orgUnits.resume(op))) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 10)));
    }
  }
}
