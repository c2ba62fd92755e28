/** Repeats a write that lost a race a fresh read resolves. */
import { ApiError, conflict, RetryableConflict } from "../errors";
import { countRetry } from "../metrics";
import { IdempotencyRace } from "../store/idempotency";

/**
 * Runs `write` (which reads what it needs, then writes conditionally) again when it lost a race: a retryable conflict
 * (the tree or the items it touched changed meanwhile; its `recover` runs first, e.g. to finish a change a stopped
 * writer left behind), and, with `retryVersionConflicts` (the caller gave no expectedVersion, so the version was only
 * the one just read), when another writer got in between. Retries are spread out with jitter, so that many concurrent
 * writers settle. Outages (UNAVAILABLE) are not retried here: the client already retried them.
 */
export async function withRetries<T>(
  write: () => Promise<T>,
  options: { retryVersionConflicts: boolean; attempts?: number },
): Promise<T> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      // A lost idempotency race is answered by replaying the winner's result (the unit of work), not by writing again.
      if (!(error instanceof ApiError) || error instanceof IdempotencyRace || error.code !== "CONFLICT") throw error;
      const versionRace = options.retryVersionConflicts && error.details.field === "expectedVersion";
      if (error.details.retryable !== true && !versionRace) throw error;
      if (attempt >= attempts)
        throw versionRace
          ? conflict("Other writers kept changing this item; retry the request.", { retryable: true })
          : error;
      if (error instanceof RetryableConflict && error.recover !== undefined && !(await error.recover())) throw error;
      countRetry();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 10)));
    }
  }
}
