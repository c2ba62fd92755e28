/** How the seed writes in parallel: a bounded pool of workers, and retries of writes that lost a race. */

/** Runs `work` on every item, at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Retries a write that lost a race on a shared record (DynamoDB cancels one of two concurrent transactions). */
export async function retrying<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const retryable = (error as { details?: { retryable?: boolean } }).details?.retryable === true;
      if (!retryable || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}
