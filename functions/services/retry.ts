/** Repeats a write that lost a race a fresh read resolves, and finishes a rename or move whose writer stopped. */
import { ApiError } from "../errors";
import type { OrgUnitStore } from "../store/org-units";
import { IdempotencyRace } from "../store/transactions";

const ATTEMPTS = 3;

/**
 * Runs `write` (which reads what it needs, then writes conditionally) up to three times: again when the tree
 * changed meanwhile, and, with `retryVersionConflicts` (the caller gave no expectedVersion, so the version was only
 * the one just read), when another writer got in between. A rename or move left behind by a stopped writer is
 * finished first once its lease has run out.
 */
export async function withRetries<T>(
  orgUnits: OrgUnitStore,
  write: () => Promise<T>,
  options: { retryVersionConflicts: boolean },
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      // A lost idempotency race is answered by replaying the winner's result, not by writing again.
      if (!(error instanceof ApiError) || error instanceof IdempotencyRace || attempt >= ATTEMPTS) throw error;
      const versionRace = options.retryVersionConflicts && error.details.field === "expectedVersion";
      if (error.details.retryable !== true && !versionRace) throw error;
      const op = error.details.retryable === true ? await orgUnits.currentOp() : undefined;
      if (op !== undefined && !(await orgUnits.resume(op))) throw error;
    }
  }
}
