/**
 * DynamoDB transactions whose items carry their own meaning of failure. DynamoDB cancels a transaction with one reason
 * per item; each item that can fail a condition says which error a caller gets then, so no code anywhere interprets
 * a cancellation by the position of an item, and adding an item cannot change which error another item's failure
 * gives.
 */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { conflict } from "../errors";
import type { Db, Item, TransactItem } from "./db";

/** One item of a transaction. */
export interface Write {
  item: TransactItem;
  /**
   * The error to throw when this item's condition fails, given the item as it stood (when the item asks DynamoDB to
   * return it with `ReturnValuesOnConditionCheckFailure`). Required for every item with a condition.
   */
  onConditionFailed?: (current: Item | undefined) => Error;
}

function hasCondition(item: TransactItem): boolean {
  return (
    item.ConditionCheck !== undefined ||
    item.Put?.ConditionExpression !== undefined ||
    item.Update?.ConditionExpression !== undefined ||
    item.Delete?.ConditionExpression !== undefined
  );
}

const concurrentWrite = () =>
  conflict("A concurrent write touched the same items; retry the request.", { retryable: true });

/** Writes all of `writes` or none; a failed condition throws the failing item's own error (the first, in order). */
export async function transact(db: Db, writes: readonly Write[]): Promise<void> {
  const unexplained = writes.find((write) => hasCondition(write.item) && write.onConditionFailed === undefined);
  if (unexplained !== undefined)
    throw new Error(`A conditional transaction item has no onConditionFailed: ${JSON.stringify(unexplained.item)}`);
  try {
    await db.transact(writes.map((write) => write.item));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = writes.flatMap((write, index) => {
      const reason = reasons[index];
      if (reason?.Code !== "ConditionalCheckFailed" || write.onConditionFailed === undefined) return [];
      return [write.onConditionFailed(reason.Item === undefined ? undefined : unmarshall(reason.Item))];
    });
    if (failed[0] !== undefined) throw failed[0];
    if (reasons.some((reason) => reason.Code === "TransactionConflict")) throw concurrentWrite();
    throw error;
  }
}
