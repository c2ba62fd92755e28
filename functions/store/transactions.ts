/** Turns a cancelled DynamoDB transaction into the API error that explains which condition failed. */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { ApiError, conflict } from "../errors";
import type { Db, Item, TransactItem } from "./db";

/** Explains the failed condition of item `index`, given the item as it stood (when DynamoDB returned it). */
export type Explain = (index: number, current: Item | undefined) => ApiError | undefined;

export async function transactOrExplain(db: Db, items: readonly TransactItem[], explain: Explain): Promise<void> {
  try {
    await db.transact(items);
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const idempotencyIndex = items.findIndex((item) => item.Put?.Item?.type === "IDEMPOTENCY");
    if (idempotencyIndex >= 0 && reasons[idempotencyIndex]?.Code === "ConditionalCheckFailed")
      throw new IdempotencyRace();
    for (const [index, reason] of reasons.entries()) {
      if (reason.Code !== "ConditionalCheckFailed") continue;
      const current = reason.Item === undefined ? undefined : unmarshall(reason.Item);
      const explained = explain(index, current);
      if (explained !== undefined) throw explained;
    }
    if (reasons.some((reason) => reason.Code === "TransactionConflict"))
      throw conflict("A concurrent write touched the same items; retry the request.", { retryable: true });
    throw error;
  }
}

/** Another request with the same idempotency key wrote first; the caller replays its result. */
export class IdempotencyRace extends ApiError {
  constructor() {
    super("CONFLICT", "A request with the same idempotency key is in progress; retry in a moment.", {
      retryable: true,
      field: "idempotencyKey",
    });
  }
}
