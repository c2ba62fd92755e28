/**
 * One batch for every item a request asks for in the same tick, whatever store asks: the OU chain of a user and the
 * user's configuration groups (and the groups' priority order) come in ONE BatchGetItem, so that a user's effective
 * settings take no more round trips with groups than without (docs/storage.md).
 */
import DataLoader from "dataloader";
import type { Db, Item, Key } from "./db";

const keyOf = (key: Key) => `${key.pk}\n${key.sk}`;

/** The batcher of each request's Db: it batches, it does not cache (the stores above it decide what to keep). */
const batchers = new WeakMap<Db, DataLoader<Key, Item | undefined, string>>();

function batcherOf(db: Db): DataLoader<Key, Item | undefined, string> {
  let batcher = batchers.get(db);
  if (batcher === undefined) {
    batcher = new DataLoader(
      async (keys) => {
        const found = new Map((await db.batchGet(keys)).map((item) => [keyOf(item as Key), item]));
        return keys.map((key) => found.get(keyOf(key)));
      },
      // After the tick's own loaders (OUs, groups) have asked, whatever their depth: one batch for all of them.
      { cache: false, cacheKeyFn: keyOf, batchScheduleFn: (send) => setImmediate(send) },
    );
    batchers.set(db, batcher);
  }
  return batcher;
}

/** The items of `keys` (undefined where there is none), strongly consistent, read with the tick's other reads. */
export async function readTogether(db: Db, keys: readonly Key[]): Promise<(Item | undefined)[]> {
  const items = await batcherOf(db).loadMany(keys);
  const failed = items.find((item) => item instanceof Error);
  if (failed !== undefined) throw failed;
  return items as (Item | undefined)[];
}
