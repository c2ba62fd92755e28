/** The one place that builds the DynamoDB client; every request talks to the table through a Db that counts its round trips. */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Config } from "../config";
import { ApiError, unavailable } from "../errors";

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };
type FullTransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
/** A transaction item without its table name, which the Db fills in. */
export type TransactItem = {
  [K in keyof FullTransactItem]?: Omit<NonNullable<FullTransactItem[K]>, "TableName">;
};

/** DynamoDB's own limits, used to split requests. */
const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;
/** The most items a request reads before its caller is verified: the caller's key and 24 others. */
const UNVERIFIED_BATCH = 25;
export const TRANSACTION_LIMIT = 100;

export function createDocumentClient(config: Pick<Config, "dynamoDbEndpoint" | "region">): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    // Fail fast when DynamoDB is unreachable, so the client gets UNAVAILABLE well within API Gateway's 30 seconds.
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
    ...(config.dynamoDbEndpoint === undefined
      ? {}
      : {
          endpoint: config.dynamoDbEndpoint,
          // DynamoDB Local accepts any credential; one fixed fake credential keeps every process on the same data.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** A request's handle on the table: the shared client, the table name, and a count of this request's round trips. */
export class Db {
  /** Every call to DynamoDB. */
  roundTrips = 0;
  /** Calls that started while no other call was in flight: the waits one after another that make up latency. */
  sequentialRoundTrips = 0;
  private inFlight = 0;

  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    /** The most calls this handle may make (a request's budget); unbounded if absent. */
    private readonly maxCalls?: number,
  ) {}

  /** How many pieces of work run without the budget now (`unlimited`). */
  private unlimitedWork = 0;

  /**
   * Runs `work`, which the request has committed to finish whatever its size (the fan-out of a membership change to
   * every member, store/groups/fan-out.ts), without the budget: its calls are still counted.
   */
  async unlimited<T>(work: () => Promise<T>): Promise<T> {
    this.unlimitedWork += 1;
    try {
      return await work();
    } finally {
      this.unlimitedWork -= 1;
    }
  }

  // The client's send is overloaded per command; this one door counts every call and types its output by hand.
  protected send<T>(command: object): Promise<T> {
    if (this.maxCalls !== undefined && this.unlimitedWork === 0 && this.roundTrips >= this.maxCalls)
      return Promise.reject(
        new ApiError(
          "BUDGET_EXCEEDED",
          `This request needs more than ${this.maxCalls} reads and writes of the database; ask for less (fewer fields, smaller pages) or split it.`,
          { budget: "dynamodbCalls", limit: this.maxCalls },
        ),
      );
    this.roundTrips += 1;
    if (this.inFlight === 0) this.sequentialRoundTrips += 1;
    this.inFlight += 1;
    return (this.client.send(command as never) as Promise<T>)
      .catch((error: unknown) => {
        throw isUnavailable(error)
          ? unavailable(
              "The database is unavailable or overloaded. A write may or may not have been applied: retry in a moment with the same idempotency key, which applies it exactly once.",
            )
          : error;
      })
      .finally(() => (this.inFlight -= 1));
  }

  /** The caller's key item, waiting to be read with this request's first get or batch get. */
  private rider: { key: Key; resolve: (item: Item | undefined) => void; reject: (error: unknown) => void } | undefined;
  /** Settles once the caller is verified; until then no call but the one carrying the rider is sent. */
  private verification: Promise<unknown> | undefined;

  /**
   * Reads `key` (the caller's API key) with this request's first read, at no round trip of its own, and has every
   * later call wait until `check` has accepted what was read: nothing after the first batch happens for an
   * unverified caller. Returns what `check` returns (or throws).
   */
  verifyWithFirstRead<T>(key: Key, check: (item: Item | undefined) => T): Promise<T> {
    const read = new Promise<Item | undefined>((resolve, reject) => (this.rider = { key, resolve, reject }));
    const verified = read.then(check);
    this.verification = verified;
    verified.catch(() => undefined);
    return verified;
  }

  /** Waits until the caller is verified, reading its key on its own if no read has taken it along yet. */
  async verified(): Promise<void> {
    const rider = this.takeRider();
    if (rider !== undefined) {
      try {
        rider.resolve(await this.getOne(rider.key));
      } catch (error) {
        rider.reject(error);
      }
    }
    await this.verification;
  }

  private takeRider() {
    const rider = this.rider;
    this.rider = undefined;
    return rider;
  }

  async get(key: Key): Promise<Item | undefined> {
    if (this.rider === undefined) {
      await this.verified();
      return this.getOne(key);
    }
    return (await this.batchGet([key])).find((item) => item.pk === key.pk && item.sk === key.sk);
  }

  private async getOne(key: Key): Promise<Item | undefined> {
    const output = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return output.Item;
  }

  /**
   * Strongly consistent reads of any number of keys: one round trip per 100 keys, all in parallel (the caller's key, if
   * it rides along, goes with the first 24 before the rest).
   */
  async batchGet(keys: readonly Key[]): Promise<Item[]> {
    const unique = [...new Map(keys.map((key) => [`${key.pk}\n${key.sk}`, key])).values()];
    const rider = this.takeRider();
    if (rider === undefined) {
      await this.verified();
      return this.readAll(unique);
    }
    // Before the caller is verified, one small batch only: the caller's key and the first of the keys asked for.
    const first = unique.slice(0, UNVERIFIED_BATCH - 1);
    let items: Item[];
    try {
      items = await this.batchGetAll([...first, rider.key]);
    } catch (error) {
      rider.reject(error);
      throw error;
    }
    const isRider = (item: Item) => item.pk === rider.key.pk && item.sk === rider.key.sk;
    rider.resolve(items.find(isRider));
    const rest = unique.slice(first.length);
    if (rest.length > 0) await this.verified();
    return [...items.filter((item) => !isRider(item)), ...(rest.length === 0 ? [] : await this.readAll(rest))];
  }

  private async readAll(keys: readonly Key[]): Promise<Item[]> {
    return (await Promise.all(chunk(keys, BATCH_GET_LIMIT).map((part) => this.batchGetAll(part)))).flat();
  }

  private async batchGetAll(keys: Key[]): Promise<Item[]> {
    const found: Item[] = [];
    let pending: Key[] = keys;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await backoff(attempt);
      const output = await this.send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: Key[] }>;
      }>(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      found.push(...(output.Responses?.[this.tableName] ?? []));
      pending = output.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return found;
  }

  async query(input: Omit<QueryCommandInput, "TableName">): Promise<{ items: Item[]; lastKey: Item | undefined }> {
    await this.verified();
    const output = await this.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
      new QueryCommand({ TableName: this.tableName, ...input }),
    );
    return { items: output.Items ?? [], lastKey: output.LastEvaluatedKey };
  }

  async update(input: Omit<UpdateCommandInput, "TableName">): Promise<Item | undefined> {
    await this.verified();
    const output = await this.send<{ Attributes?: Item }>(new UpdateCommand({ TableName: this.tableName, ...input }));
    return output.Attributes;
  }

  /** One all-or-nothing transaction (at most 100 items); items name no table, this Db fills it in. */
  async transact(items: readonly TransactItem[]): Promise<void> {
    await this.verified();
    await this.send(
      new TransactWriteCommand({
        TransactItems: items.map((item) => withTable(item, this.tableName)),
      }),
    );
  }

  /** Unconditional puts and deletes, 25 per round trip, retrying what DynamoDB left unprocessed. */
  async batchWrite(requests: readonly ({ put: Item } | { delete: Key })[]): Promise<void> {
    await this.verified();
    for (const part of chunk(requests, BATCH_WRITE_LIMIT)) {
      let pending = part.map((request) =>
        "put" in request ? { PutRequest: { Item: request.put } } : { DeleteRequest: { Key: request.delete } },
      );
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 0) await backoff(attempt);
        const output = await this.send<{ UnprocessedItems?: Record<string, typeof pending> }>(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        pending = output.UnprocessedItems?.[this.tableName] ?? [];
      }
    }
  }
}

/** Errors after which the request certainly did not complete, or may be retried safely with its idempotency key. */
const UNAVAILABLE_ERRORS = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
  "RequestTimeout",
]);
const NETWORK_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return (
    UNAVAILABLE_ERRORS.has(error.name) ||
    (code !== undefined && NETWORK_ERRORS.has(code)) ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 503
  );
}

function withTable(item: TransactItem, tableName: string): FullTransactItem {
  const [[kind, body]] = Object.entries(item) as [[string, object]];
  return { [kind]: { ...body, TableName: tableName } } as FullTransactItem;
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
}
