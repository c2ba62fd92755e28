/**
 * The floor: the DynamoDB reads an answer needs, issued directly with the SDK and nothing else — no HTTP, no GraphQL,
 * no domain logic. The same reads, in the same order, with the same consistency, as the handler makes (see
 * functions/store/customers.ts authenticateApiKey, functions/store/users.ts get/getMany and
 * functions/store/org-units.ts load): the API key, then the user(s), then their OUs with all ancestors in one batch.
 */
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { hashSecret } from "../functions/store/customers";
import { keys } from "../functions/store/keys";

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

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

  private async authenticate(): Promise<void> {
    const key = await this.get(keys.apiKey(hashSecret(this.apiKey)));
    if (key === undefined) throw new Error("floor: API key not found");
  }

  /** The user's OU and its ancestors (ids from the user item), deduplicated across users. */
  private async orgUnitsOf(users: Item[]): Promise<Item[]> {
    const ids = new Set(users.flatMap((user) => [String(user.orgUnitId), ...(user.orgUnitAncestorIds as string[])]));
    return this.batchGet([...ids].map((id) => keys.orgUnit(this.customerId, id)));
  }

  /** User effective settings: GetItem(API key) → GetItem(user) → BatchGetItem(OU + ancestors). */
  async userEffective(email: string, options = { authenticate: true }): Promise<number> {
    if (options.authenticate) await this.authenticate();
    const user = await this.get(keys.user(this.customerId, email));
    if (user === undefined) throw new Error(`floor: no user ${email}`);
    return (await this.orgUnitsOf([user])).length;
  }

  /** Access decision: GetItem(API key) → BatchGetItem(user) → BatchGetItem(OU + ancestors). */
  async decision(email: string, options = { authenticate: true }): Promise<number> {
    return this.manyUsers([email], options);
  }

  /**
   * N users: GetItem(API key) → BatchGetItem(users, per 100, in parallel) → BatchGetItem(their OUs + ancestors, per
   * 100). Like the API, which reads each `users(emails:)` field of at most 100 addresses with its own batch, addresses
   * are only deduplicated within their group of 100 (BatchGetItem refuses duplicate keys); OUs across all of them.
   */
  async manyUsers(emails: readonly string[], options = { authenticate: true }): Promise<number> {
    if (options.authenticate) await this.authenticate();
    const groups: string[][] = [];
    for (let i = 0; i < emails.length; i += 100) groups.push([...new Set(emails.slice(i, i + 100))]);
    const users = (
      await Promise.all(groups.map((group) => this.batchGet(group.map((email) => keys.user(this.customerId, email)))))
    ).flat();
    if (users.length !== groups.flat().length) throw new Error("floor: missing users");
    return (await this.orgUnitsOf(users)).length;
  }
}
