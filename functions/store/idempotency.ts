/**
 * Idempotency records: one per customer, actor and key, written in the same transaction as the write it guards and
 * holding that write's result, so a retry returns the original result without writing again. Records expire after
 * 24 hours: DynamoDB's TTL deletes them later (the table's TTL attribute, epoch seconds); an expired record is ignored
 * before that.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { ApiError } from "../errors";
import type { Db, Item } from "./db";
import { keys } from "./keys";
import { tableDefinition } from "./table-definition";
import type { Write } from "./transaction";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Results larger than this (compressed) are not kept; DynamoDB items hold at most 400 KB. */
const MAX_RESULT_BYTES = 300 * 1024;
/** When DynamoDB may delete the record, in epoch seconds. */
const TTL = tableDefinition.ttlAttribute;

export interface IdempotencyRecord {
  requestHash: string;
  /** The original result, or undefined when it was too large to keep. */
  result: unknown;
  createdAt: string;
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

export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly now: () => Date,
  ) {}

  /** The live record of `actorId`'s `key`, if any. Round trips: 1. */
  async get(actorId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.db.get(keys.idempotency(this.customerId, actorId, key));
    if (item === undefined || Number(item[TTL]) <= this.nowSeconds()) return undefined;
    return {
      requestHash: String(item.requestHash),
      result:
        item.result === undefined
          ? undefined
          : JSON.parse(gunzipSync(item.result as Uint8Array).toString("utf8"), withAncestorChains),
      createdAt: String(item.createdAt),
    };
  }

  /** The record to write beside the guarded write: it fails the transaction if a live record exists. */
  recordWrite(actorId: string, key: string, requestHash: string, result: unknown): Write {
    const compressed = gzipSync(JSON.stringify(result ?? null, withoutAncestorChains));
    const item: Item = {
      ...keys.idempotency(this.customerId, actorId, key),
      type: "IDEMPOTENCY",
      requestHash,
      createdAt: this.now().toISOString(),
      [TTL]: this.nowSeconds() + IDEMPOTENCY_TTL_SECONDS,
      ...(compressed.length <= MAX_RESULT_BYTES ? { result: compressed } : {}),
    };
    return {
      item: {
        Put: {
          Item: item,
          ConditionExpression: "attribute_not_exists(pk) OR #ttl <= :now",
          ExpressionAttributeNames: { "#ttl": TTL },
          ExpressionAttributeValues: { ":now": this.nowSeconds() },
        },
      },
      onConditionFailed: () => new IdempotencyRace(),
    };
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }
}

/**
 * An OU in a result carries its ancestors, root first, each with its own ancestors: the ancestors of the i-th are the
 * first i. Written out in full, an OU at depth d would take 2^d copies of the root; so each ancestor is kept without
 * its own ancestors, and they are rebuilt from that rule when the result is read.
 */
function withoutAncestorChains(key: string, value: unknown): unknown {
  if (key !== "ancestors" || !Array.isArray(value)) return value;
  return value.map((ancestor: unknown) => {
    if (ancestor === null || typeof ancestor !== "object") return ancestor;
    return Object.fromEntries(Object.entries(ancestor).filter(([field]) => field !== "ancestors"));
  });
}

function withAncestorChains(key: string, value: unknown): unknown {
  if (key !== "ancestors" || !Array.isArray(value)) return value;
  const rebuilt: unknown[] = [];
  for (const ancestor of value as unknown[])
    rebuilt.push(
      ancestor !== null && typeof ancestor === "object" ? { ...ancestor, ancestors: [...rebuilt] } : ancestor,
    );
  return rebuilt;
}
