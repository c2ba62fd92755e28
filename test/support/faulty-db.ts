/**
 * A Db whose n-th round trip of a kind fails, as if the process died at that point of a write: from then on every
 * round trip fails, so the writer can neither go on nor undo anything; what it left is for the next writer.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Db } from "../../functions/store/db";

/** DynamoDB commands by name, e.g. "TransactWriteCommand", "BatchWriteCommand", "UpdateCommand". */
type FailAt = Record<string, number>;

export class InjectedFault extends Error {
  override name = "InjectedFault";
}

export class FaultyDb extends Db {
  private readonly calls = new Map<string, number>();
  private dead = false;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    /** Which round trip of each command fails, counting from 1. */
    private readonly failAt: FailAt,
  ) {
    super(client, tableName);
  }

  protected override send<T>(command: object): Promise<T> {
    const name = command.constructor.name;
    const count = (this.calls.get(name) ?? 0) + 1;
    this.calls.set(name, count);
    if (this.failAt[name] === count) this.dead = true;
    if (this.dead) return Promise.reject(new InjectedFault(`injected failure at ${name} #${count}`));
    return super.send(command);
  }
}

/**
 * A Db whose process stops for `ms` at its n-th round trip of a kind, as a frozen Lambda or a long GC pause would:
 * that call and every call made during the pause (the lease's renewals included) wait until the pause ends.
 */
export class PausingDb extends Db {
  private readonly calls = new Map<string, number>();
  private pausedUntil = 0;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    private readonly pause: { at: string; count: number; ms: number },
  ) {
    super(client, tableName);
  }

  protected override async send<T>(command: object): Promise<T> {
    const name = command.constructor.name;
    const count = (this.calls.get(name) ?? 0) + 1;
    this.calls.set(name, count);
    if (name === this.pause.at && count === this.pause.count) this.pausedUntil = Date.now() + this.pause.ms;
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return super.send(command);
  }
}
