/**
 * Reading one customer's OU tree: an OU by id or path with its whole chain in one batch, children by name, and a whole
 * subtree from the byAncestry index in one parallel step. Paths are derived from the records (their parent links);
 * path hints and ancestor ids are only hints, checked against them.
 *
 * A store for a query reads each OU record at most once per request (a snapshot): every OU in the answer is derived
 * from the same record of each OU, so one answer never shows an OU at two places, or part of a subtree before a move
 * and part after it. A store for a write reads afresh each time (`snapshot: false`), so a retry sees the changes that
 * made it retry.
 */
import DataLoader from "dataloader";
import {
  MAX_PATH_BYTES,
  OU_ID,
  pathKey,
  resolveChain,
  toView,
  type OrgUnit,
  type OrgUnitRecord,
} from "../../domain/org-unit";
import { conflict, RetryableConflict, unavailable } from "../../errors";
import type { Db, Item } from "../db";
import { keys } from "../keys";
import { readTogether } from "../read-together";
import { ANCESTRY_SHARDS, ancestryKey, toRecord } from "./records";

/** How many batches a chain may take: the hint's, and one more when the hint is out of date since a move. */
const CHAIN_READS = 3;
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

const byName = (a: OrgUnitRecord, b: OrgUnitRecord) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1);

export class OrgUnitStore {
  /**
   * Every OU record the request reads, batched per tick (the OUs of 100 users, and their ancestors, in one read) and,
   * for a snapshot, kept: the first read of a record is the one the whole request uses.
   */
  private readonly records: DataLoader<string, OrgUnitRecord | null>;
  /**
   * Path hints, batched per tick like the records: the OUs a request names by path (a move's OU and its new parent,
   * the OUs of a bulk change) are looked up in one read, so their chains are read in one batch too.
   */
  private readonly hints: DataLoader<string, Item | null>;

  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly options: { snapshot: boolean },
  ) {
    this.records = new DataLoader((ids) => this.fetch(ids), { cache: options.snapshot });
    this.hints = new DataLoader((paths) => this.fetchHints(paths), { cache: options.snapshot });
  }

  /** A store on the same table that reads afresh each time (for writes). */
  fresh(): OrgUnitStore {
    return new OrgUnitStore(this.db, this.customerId, { snapshot: false });
  }

  /**
   * The OU `id`, read together with every other OU asked for in the same tick. `ancestorIdsHint` (the ancestors it
   * had when a user was last written) lets one batch fetch the OU and its ancestors: 1 round trip for any number of
   * OUs, plus 1 when a hint is out of date because the OU was moved since.
   */
  async load(id: string, ancestorIdsHint: readonly string[]): Promise<OrgUnit | null> {
    const known = await this.read(new Map(), [id, ...ancestorIdsHint]);
    const self = known.get(id);
    return self === undefined ? null : this.resolve(self, known);
  }

  /** The record of `id` as this request sees it (for a fresh store: as it is now). */
  record(id: string): Promise<OrgUnitRecord | null> {
    return this.records.load(id);
  }

  /** Round trips: 1 for the root, else 2 (the record, then all ancestors in one batch). */
  async getById(id: string): Promise<OrgUnit | null> {
    return OU_ID.test(id) ? this.load(id, []) : null;
  }

  /**
   * Round trips: 2 (the path hint, then the OU and its ancestors in one batch), however many OUs are looked up by
   * path in the same tick.
   */
  async getByPath(path: string): Promise<OrgUnit | null> {
    if (Buffer.byteLength(pathKey(path)) > MAX_PATH_BYTES) return null;
    const hint = await this.hints.load(pathKey(path));
    if (hint === null) return null;
    const orgUnit = await this.load(String(hint.ouId), (hint.ancestorIds as string[] | undefined) ?? []);
    // A hint may be stale (mid-restructure, or left by one): the path derived from the records decides.
    return orgUnit !== null && pathKey(orgUnit.path) === pathKey(path) ? orgUnit : null;
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
    // Children are the ones this request sees under the parent (a child read before it moved away stays where it was).
    const records = (await this.adopt(items.map(toRecord))).filter((record) => record.parentId === parent.id);
    return {
      orgUnits: records.slice(0, first).map((record) => toView(record, parent)),
      hasNextPage: items.length > first,
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
    const records = await this.adopt((await this.descendantsOf(orgUnit.id, [prefix])).map((d) => d.record));
    const children = new Map<string, OrgUnitRecord[]>();
    for (const record of records)
      children.set(record.parentId ?? "", [...(children.get(record.parentId ?? "") ?? []), record]);
    const views: OrgUnit[] = [orgUnit];
    for (let next = 0; next < views.length; next += 1) {
      const parent = views[next] as OrgUnit;
      views.push(...(children.get(parent.id) ?? []).sort(byName).map((record) => toView(record, parent)));
    }
    return views;
  }

  /**
   * The descendants of `rootId` found under `prefixes` (the chains of ids its subtree is indexed under), parents
   * before children, each with its path relative to the root, as read now; read again until they agree with the
   * records' child counts (the index is eventually consistent). The root's record is read alongside.
   */
  async descendantsOf(rootId: string, prefixes: readonly string[]): Promise<Descendant[]> {
    for (let attempt = 1; ; attempt += 1) {
      const [roots, records] = await Promise.all([this.fetch([rootId]), this.recordsUnder(prefixes)]);
      const root = roots[0];
      if (root === null || root === undefined) throw conflict("The organizational unit was deleted meanwhile.");
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

  /** The records of `ids` as read now (null for one that does not exist): strongly consistent, 100 per batch. */
  private async fetch(ids: readonly string[]): Promise<(OrgUnitRecord | null)[]> {
    // In the same batch as the configuration groups asked for in the same tick (a user's chain and groups).
    const items = await readTogether(
      this.db,
      ids.map((id) => keys.orgUnit(this.customerId, id)),
    );
    return items.map((item) => (item === undefined ? null : toRecord(item)));
  }

  /** The path hints of `paths` (path keys), null where there is none: one batch. */
  /** With the tick's other reads: what a change reads beside the OU it names (its groups' order) adds no round trip. */
  private async fetchHints(paths: readonly string[]): Promise<(Item | null)[]> {
    const items = await readTogether(
      this.db,
      paths.map((path) => keys.path(this.customerId, path)),
    );
    return items.map((item) => item ?? null);
  }

  /** Records read from an index, as this request sees them: for a snapshot, the ones it read first win. */
  private async adopt(records: readonly OrgUnitRecord[]): Promise<OrgUnitRecord[]> {
    if (!this.options.snapshot) return [...records];
    for (const record of records) this.records.prime(record.id, record);
    const seen = await this.records.loadMany(records.map((record) => record.id));
    const failed = seen.find((record) => record instanceof Error);
    if (failed !== undefined) throw failed;
    return seen.filter((record): record is OrgUnitRecord => record !== null && !(record instanceof Error));
  }

  /** The view of `self` along its parent links, reading the ancestors `known` lacks (their ids hinted by records). */
  private async resolve(self: OrgUnitRecord, known: Map<string, OrgUnitRecord>): Promise<OrgUnit> {
    for (let reads = 0; ; reads += 1) {
      const resolution = resolveChain(self, known);
      if (resolution.kind === "resolved") return resolution.orgUnit;
      if (resolution.kind === "broken" || reads === CHAIN_READS)
        throw new RetryableConflict("The OU tree changed while this request read it; retry.");
      await this.read(known, resolution.ids);
    }
  }

  /** Adds the records of `ids` (as this request sees them) to `known`; returns it. */
  private async read(known: Map<string, OrgUnitRecord>, ids: readonly string[]): Promise<Map<string, OrgUnitRecord>> {
    const records = await this.records.loadMany(ids);
    for (const record of records) {
      // DataLoader hands a failed read back in place of the record: it is the request's failure (e.g. UNAVAILABLE).
      if (record instanceof Error) throw record;
      if (record !== null) known.set(record.id, record);
    }
    return known;
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
