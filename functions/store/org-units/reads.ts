/**
 * Reading one customer's OU tree: an OU by id or path with its whole chain in one batch, children by name, and a whole
 * subtree from the byAncestry index in one parallel step. Paths are derived from the records; path hints are only
 * hints, checked against them.
 */
import DataLoader from "dataloader";
import { MAX_PATH_BYTES, pathKey, resolveChain, toView, type OrgUnit, type OrgUnitRecord } from "../../domain/org-unit";
import { conflict, unavailable } from "../../errors";
import type { Db, Item } from "../db";
import { keys } from "../keys";
import { ANCESTRY_SHARDS, ancestryKey, recordOf, toRecord } from "./records";

const READ_ATTEMPTS = 3;
/** The form of every OU id; anything else names no OU (and would make an invalid key). */
const OU_ID = /^ou_[a-z0-9]{1,40}$/;
/** The index is eventually consistent: a subtree read that disagrees with the records' child counts is read again. */
const SUBTREE_ATTEMPTS = 5;

/** A descendant of a subtree's root, with its path relative to the root ("EMEA/Paris"). */
export interface Descendant {
  record: OrgUnitRecord;
  relativePath: string;
}

export interface ChildPage {
  orgUnits: OrgUnit[];
  hasNextPage: boolean;
}

export class OrgUnitStore {
  /** Batches the OUs one request needs (e.g. the OUs of 100 users) into one read of all records and ancestors. */
  private readonly loader = new DataLoader<{ id: string; ancestorIdsHint: string[] }, OrgUnit | null, string>(
    (refs) => this.loadMany(refs),
    { cacheKeyFn: (ref) => ref.id },
  );

  constructor(
    private readonly db: Db,
    private readonly customerId: string,
  ) {}

  /**
   * The OU `id`, read together with every other OU asked for in the same tick. `ancestorIdsHint` (the ancestors it
   * had when a user was last written) lets one batch fetch the OU and its ancestors: 1 round trip for any number of
   * OUs, plus 1 when a hint is out of date because the OU was moved since.
   */
  load(id: string, ancestorIdsHint: string[]): Promise<OrgUnit | null> {
    return this.loader.load({ id, ancestorIdsHint });
  }

  /** Makes an OU already read available to `load` without another read. */
  prime(orgUnit: OrgUnit): void {
    this.loader.prime({ id: orgUnit.id, ancestorIdsHint: [] }, orgUnit);
  }

  private async loadMany(refs: readonly { id: string; ancestorIdsHint: string[] }[]): Promise<(OrgUnit | null)[]> {
    const fetched = await this.fetchRecords([...new Set(refs.flatMap((ref) => [ref.id, ...ref.ancestorIdsHint]))]);
    return Promise.all(
      refs.map(async (ref) => {
        const self = fetched.get(ref.id);
        return self === undefined ? null : this.resolve(self, fetched);
      }),
    );
  }

  /** Round trips: 1 for the root, else 2 (the record, then all ancestors in one batch). */
  async getById(id: string): Promise<OrgUnit | null> {
    if (!OU_ID.test(id)) return null;
    const item = await this.db.get(keys.orgUnit(this.customerId, id));
    return item === undefined ? null : this.resolve(toRecord(item), new Map());
  }

  /** Round trips: 2 (the path hint, then the OU and its ancestors in one batch). */
  async getByPath(path: string): Promise<OrgUnit | null> {
    if (Buffer.byteLength(pathKey(path)) > MAX_PATH_BYTES) return null;
    const hint = await this.db.get(keys.path(this.customerId, pathKey(path)));
    if (hint === undefined) return null;
    const ids = [String(hint.ouId), ...((hint.ancestorIds as string[] | undefined) ?? [])];
    const fetched = await this.fetchRecords(ids);
    const self = fetched.get(String(hint.ouId));
    if (self === undefined) return null;
    const orgUnit = await this.resolve(self, fetched);
    // A hint may be stale (mid-restructure, or left by one): the path derived from the records decides.
    return pathKey(orgUnit.path) === pathKey(path) ? orgUnit : null;
  }

  /** Children ordered by name; round trips: 1. */
  async listChildren(parent: OrgUnit, first: number, afterName: string | undefined): Promise<ChildPage> {
    const { items } = await this.db.query({
      IndexName: "byParent",
      KeyConditionExpression: afterName === undefined ? "gsi1pk = :parent" : "gsi1pk = :parent AND gsi1sk > :after",
      ExpressionAttributeValues: {
        ":parent": keys.children(this.customerId, parent.id),
        ...(afterName === undefined ? {} : { ":after": afterName.toLowerCase() }),
      },
      Limit: first + 1,
    });
    const records = items.map(toRecord);
    return {
      orgUnits: records.slice(0, first).map((record) => toView(record, parent)),
      hasNextPage: records.length > first,
    };
  }

  /**
   * `orgUnit` and all its descendants, parents before children (each level by name). Round trips: none for a leaf,
   * else one parallel step over the index's shards, whatever the subtree's size.
   */
  async subtree(orgUnit: OrgUnit): Promise<OrgUnit[]> {
    if (orgUnit.childCount === 0) return [orgUnit];
    const prefix = ancestryKey(
      orgUnit.ancestors.map((a) => a.id),
      orgUnit.id,
    );
    const descendants = await this.descendantsOf(orgUnit.id, [prefix], recordOf(orgUnit));
    const views = new Map<string, OrgUnit>([[orgUnit.id, orgUnit]]);
    for (const { record } of descendants) views.set(record.id, toView(record, views.get(record.parentId ?? "")));
    return [...views.values()];
  }

  /**
   * The descendants of `rootId` found under `prefixes` (the chains of ids its subtree is indexed under), parents
   * before children, each with its path relative to the root; read again until they agree with the records' child
   * counts (the index is eventually consistent). The root's record is read alongside unless given.
   */
  async descendantsOf(rootId: string, prefixes: readonly string[], known?: OrgUnitRecord): Promise<Descendant[]> {
    for (let attempt = 1; ; attempt += 1) {
      const [roots, records] = await Promise.all([
        known === undefined ? this.fetchRecords([rootId]) : new Map([[rootId, known]]),
        this.recordsUnder(prefixes),
      ]);
      const root = roots.get(rootId);
      if (root === undefined) throw conflict("The organizational unit was deleted meanwhile.");
      const found = walk(root, records);
      if (found !== undefined) return found;
      if (attempt === SUBTREE_ATTEMPTS)
        throw unavailable("The OU index is catching up with recent changes; retry the request.");
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }

  /**
   * Every OU record whose chain of ids lies under one of `prefixes` (each the chain of a subtree's root), from all
   * shards of the byAncestry index in parallel. The index lags the records slightly; callers check what they need.
   */
  async recordsUnder(prefixes: readonly string[]): Promise<OrgUnitRecord[]> {
    const found = new Map<string, OrgUnitRecord>();
    await Promise.all(
      prefixes.flatMap((prefix) =>
        Array.from({ length: ANCESTRY_SHARDS }, async (_, shard) => {
          let start: Item | undefined;
          do {
            const page = await this.db.query({
              IndexName: "byAncestry",
              KeyConditionExpression: "gsi3pk = :shard AND begins_with(gsi3sk, :prefix)",
              ExpressionAttributeValues: { ":shard": keys.ancestry(this.customerId, shard), ":prefix": `${prefix}/` },
              ...(start === undefined ? {} : { ExclusiveStartKey: start }),
            });
            for (const item of page.items) found.set(String(item.id), toRecord(item));
            start = page.lastKey;
          } while (start !== undefined);
        }),
      ),
    );
    return [...found.values()];
  }

  /** The records of `ids` that exist, strongly consistent, in batches of 100 read in parallel. */
  async fetchRecords(ids: readonly string[]): Promise<Map<string, OrgUnitRecord>> {
    const items = await this.db.batchGet(ids.map((id) => keys.orgUnit(this.customerId, id)));
    return new Map(items.map((item) => [String(item.id), toRecord(item)]));
  }

  /** Builds a consistent view; re-reads when a restructuring committed between the reads. */
  private async resolve(first: OrgUnitRecord, prefetched: Map<string, OrgUnitRecord>): Promise<OrgUnit> {
    let self = first;
    let fetched = prefetched;
    for (let attempt = 0; attempt < READ_ATTEMPTS;) {
      const resolution = resolveChain(self, fetched);
      if (resolution.kind === "resolved") return resolution.orgUnit;
      if (resolution.kind === "missing") {
        for (const [id, record] of await this.fetchRecords(resolution.ids)) fetched.set(id, record);
        continue;
      }
      attempt += 1;
      const again = await this.db.get(keys.orgUnit(this.customerId, self.id));
      if (again === undefined) throw conflict("The organizational unit was deleted while it was read; retry.");
      self = toRecord(again);
      fetched = new Map();
    }
    throw unavailable("The OU tree kept changing while it was read; retry the request.");
  }
}

/**
 * The descendants of `root` among `records`, parents before children (siblings by name), each with its path relative
 * to the root; undefined when the records disagree with their child counts (the index has not caught up yet).
 */
function walk(root: OrgUnitRecord, records: readonly OrgUnitRecord[]): Descendant[] | undefined {
  const children = new Map<string, OrgUnitRecord[]>();
  for (const record of records) {
    const siblings = children.get(record.parentId ?? "") ?? [];
    siblings.push(record);
    children.set(record.parentId ?? "", siblings);
  }
  const found: Descendant[] = [];
  const queue: Descendant[] = [{ record: root, relativePath: "" }];
  for (let next = 0; next < queue.length; next += 1) {
    const { record, relativePath } = queue[next] as Descendant;
    const below = (children.get(record.id) ?? []).sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
    );
    if (below.length !== record.childCount) return undefined;
    for (const child of below) {
      const descendant = {
        record: child,
        relativePath: relativePath === "" ? child.name : `${relativePath}/${child.name}`,
      };
      found.push(descendant);
      queue.push(descendant);
    }
  }
  return found;
}
