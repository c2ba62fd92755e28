/**
 * The floor: the DynamoDB reads an answer needs, issued directly with the SDK and nothing else — no HTTP, no GraphQL,
 * no domain logic. The same reads, in the same order, with the same consistency, as the handler makes (see
 * functions/graphql/authenticate.ts, functions/store/db.ts `ride`, functions/store/users.ts get/getMany,
 * functions/store/org-units.ts load and functions/store/groups/reads.ts inEffectFor): the user(s) with the API key's
 * item riding along in the same BatchGetItem (an API key names its customer, so the first read need not wait for the
 * key), then, in one batch, their OUs with all ancestors and the configuration groups their items name, with the
 * groups' priority order when a user has two or more. `{ key: "first" }` reads the key on its own first instead, as
 * the handler did before keys rode along.
 */
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { hashSecret } from "../functions/store/api-keys";
import { keys } from "../functions/store/keys";

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

/** How the API key's item is read: along with the first read (as the handler does), or on its own before it. */
export interface KeyRead {
  key: "rides" | "first";
}

const RIDES: KeyRead = { key: "rides" };

export class Floor {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly customerId: string,
    private readonly apiKey: string,
  ) {}

  private async get(key: Key): Promise<Item | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return output.Item;
  }

  /** One BatchGetItem per 100 keys, in parallel, each repeated for its unprocessed keys (as the Db does). */
  private async batchGet(all: Key[]): Promise<Item[]> {
    const parts: Key[][] = [];
    for (let i = 0; i < all.length; i += 100) parts.push(all.slice(i, i + 100));
    const pages = await Promise.all(
      parts.map(async (part) => {
        const found: Item[] = [];
        let pending = part;
        while (pending.length > 0) {
          const output = await this.client.send(
            new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }),
          );
          found.push(...(output.Responses?.[this.tableName] ?? []));
          pending = (output.UnprocessedKeys?.[this.tableName]?.Keys as Key[] | undefined) ?? [];
        }
        return found;
      }),
    );
    return pages.flat();
  }

  private keyOfApiKey(): Key {
    return keys.apiKey(hashSecret(this.apiKey));
  }

  /** The API key's item on its own (the pattern before keys rode along). */
  private async keyAlone(): Promise<void> {
    if ((await this.get(this.keyOfApiKey())) === undefined) throw new Error("floor: API key not found");
  }

  /** `userKeys` and the API key's item in the same BatchGetItem (split per 100); returns the users found. */
  private async withKeyRiding(userKeys: Key[]): Promise<Item[]> {
    const apiKey = this.keyOfApiKey();
    const items = await this.batchGet([...userKeys, apiKey]);
    const isKey = (item: Item) => item.pk === apiKey.pk && item.sk === apiKey.sk;
    if (!items.some(isKey)) throw new Error("floor: API key not found");
    return items.filter((item) => !isKey(item));
  }

  /**
   * The users' OUs and their ancestors (ids from the user items) and the users' configuration groups (their direct
   * and effective group ids), with the groups' priority order if a user names two groups or more, deduplicated across
   * users, in one batch (split per 100): what the handler reads in the same tick (store/read-together.ts).
   */
  private async orgUnitsAndGroupsOf(users: Item[]): Promise<Item[]> {
    const orgUnitIds = new Set(
      users.flatMap((user) => [String(user.orgUnitId), ...(user.orgUnitAncestorIds as string[])]),
    );
    const groupIds = new Set<string>();
    let order = false;
    for (const user of users) {
      const direct = (user.groupIds as string[] | undefined) ?? [];
      if (direct.length === 0) continue;
      const named = new Set([...direct, ...((user.effectiveGroupIds as string[] | undefined) ?? [])]);
      named.forEach((id) => groupIds.add(id));
      order ||= named.size >= 2;
    }
    return this.batchGet([
      ...[...orgUnitIds].map((id) => keys.orgUnit(this.customerId, id)),
      ...[...groupIds].map((id) => keys.group(this.customerId, id)),
      ...(order ? [keys.groupOrder(this.customerId)] : []),
    ]);
  }

  /** User effective settings: BatchGetItem(user + API key) → BatchGetItem(OU + ancestors + groups). */
  async userEffective(email: string, read: KeyRead = RIDES): Promise<number> {
    const userKey = keys.user(this.customerId, email);
    let user: Item | undefined;
    if (read.key === "first") {
      await this.keyAlone();
      user = await this.get(userKey);
    } else [user] = await this.withKeyRiding([userKey]);
    if (user === undefined) throw new Error(`floor: no user ${email}`);
    return (await this.orgUnitsAndGroupsOf([user])).length;
  }

  /** Access decision: BatchGetItem(user + API key) → BatchGetItem(OU + ancestors + groups). */
  async decision(email: string, read: KeyRead = RIDES): Promise<number> {
    return this.manyUsers([email], read);
  }

  /**
   * N users: BatchGetItem(users, per 100, in parallel, the API key along with the first 100) → BatchGetItem(their OUs
   * + ancestors + groups, per 100). Like the API, which reads each `users(emails:)` field of at most 100 addresses with its own
   * batch, addresses are only deduplicated within their group of 100 (BatchGetItem refuses duplicate keys).
   */
  async manyUsers(emails: readonly string[], read: KeyRead = RIDES): Promise<number> {
    const groups: Key[][] = [];
    for (let i = 0; i < emails.length; i += 100)
      groups.push([...new Set(emails.slice(i, i + 100))].map((email) => keys.user(this.customerId, email)));
    const [first = [], ...rest] = groups;
    if (read.key === "first") await this.keyAlone();
    const users = (
      await Promise.all([
        read.key === "first" ? this.batchGet(first) : this.withKeyRiding(first),
        ...rest.map((group) => this.batchGet(group)),
      ])
    ).flat();
    if (users.length !== groups.flat().length) throw new Error("floor: missing users");
    return (await this.orgUnitsAndGroupsOf(users)).length;
  }
}
