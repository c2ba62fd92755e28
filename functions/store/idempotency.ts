/**
 * Idempotency records: one per customer, actor and key, written in the same transaction as the write it guards and
 * holding that write's result, so a retry returns the original result without writing again. Records expire after
 * 24 hours (DynamoDB's TTL deletes them later; an expired record is ignored before that).
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db, Item, TransactItem } from "./db";
import { keys } from "./keys";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Results larger than this (compressed) are not kept; DynamoDB items hold at most 400 KB. */
const MAX_RESULT_BYTES = 300 * 1024;

export interface IdempotencyRecord {
  requestHash: string;
  /** The original result, or undefined when it was too large to keep. */
  result: unknown;
  createdAt: string;
}

export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    /** The caller (its id is read at each use: it is known only once the caller is checked). */
    private readonly actor: { id: string },
    private readonly now: () => Date,
  ) {}

  /** The live record for `key`, if any. Round trips: 1. */
  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.db.get(keys.idempotency(this.customerId, this.actor.id, key));
    if (item === undefined || Number(item.expiresAt) <= this.nowSeconds()) return undefined;
    return {
      requestHash: String(item.requestHash),
      result:
        item.result === undefined ? undefined : JSON.parse(gunzipSync(item.result as Uint8Array).toString("utf8")),
      createdAt: String(item.createdAt),
    };
  }

  /** The record to write beside the guarded write: it fails the transaction if a live record exists. */
  recordItem(key: string, requestHash: string, result: unknown): TransactItem {
    const compressed = gzipSync(JSON.stringify(result ?? null));
    const item: Item = {
      ...keys.idempotency(this.customerId, this.actor.id, key),
      type: "IDEMPOTENCY",
      requestHash,
      createdAt: this.now().toISOString(),
      expiresAt: this.nowSeconds() + IDEMPOTENCY_TTL_SECONDS,
      ...(compressed.length <= MAX_RESULT_BYTES ? { result: compressed } : {}),
    };
    return {
      Put: {
        Item: item,
        ConditionExpression: "attribute_not_exists(pk) OR expiresAt <= :now",
        ExpressionAttributeValues: { ":now": this.nowSeconds() },
      },
    };
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}
