/** DynamoDB storage of one customer's users: one item per user, listed per OU through the byParent index. */
import { DEFAULT_USER_SETTINGS, type UserMailSettings } from "../domain/access-decision";
import type { OrgUnit } from "../domain/org-unit";
import { conflict, notFound } from "../errors";
import { alongside, auditPuts, type AuditEntry, type WriteContext } from "./audit";
import type { Db, Item, TransactItem } from "./db";
import { keys } from "./keys";
import { transactOrExplain } from "./transactions";

export interface User {
  /** Lower-case; the user's key. */
  email: string;
  name: string;
  orgUnitId: string;
  /** The ancestor ids of the user's OU when last written: lets one batch read the OU and its ancestors. */
  orgUnitAncestorIds: string[];
  settings: UserMailSettings;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserPage {
  users: User[];
  hasNextPage: boolean;
}

export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly now: () => Date,
  ) {}

  /** Round trips: 1. */
  async get(email: string): Promise<User | null> {
    const item = await this.db.get(keys.user(this.customerId, email));
    return item === undefined ? null : toUser(item);
  }

  /** Round trips: 1 per 100 addresses, in parallel. */
  async getMany(emails: readonly string[]): Promise<Map<string, User>> {
    const items = await this.db.batchGet(emails.map((email) => keys.user(this.customerId, email)));
    return new Map(items.map((item) => [String(item.email), toUser(item)]));
  }

  /** Users of one OU ordered by email, after `afterEmail`; round trips: 1. */
  async listByOrgUnit(orgUnitId: string, first: number, afterEmail: string | undefined): Promise<UserPage> {
    const { items } = await this.db.query({
      IndexName: "byParent",
      KeyConditionExpression: afterEmail === undefined ? "gsi1pk = :ou" : "gsi1pk = :ou AND gsi1sk > :after",
      ExpressionAttributeValues: {
        ":ou": keys.users(this.customerId, orgUnitId),
        ...(afterEmail === undefined ? {} : { ":after": afterEmail }),
      },
      Limit: first + 1,
    });
    return { users: items.slice(0, first).map(toUser), hasNextPage: items.length > first };
  }

  /** One transaction: the user (unique by email) and the OU's user count. */
  async create(orgUnit: OrgUnit, email: string, name: string, write: WriteContext): Promise<User> {
    const now = this.now().toISOString();
    const user: User = {
      email,
      name,
      orgUnitId: orgUnit.id,
      orgUnitAncestorIds: orgUnit.ancestors.map((a) => a.id),
      settings: DEFAULT_USER_SETTINGS,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await transactOrExplain(
      this.db,
      [
        { Put: { Item: this.toItem(user), ConditionExpression: "attribute_not_exists(pk)" } },
        this.userCountChange(orgUnit.id, 1),
        ...alongside(write, user),
      ],
      (index) => {
        if (index === 0) return conflict(`A user with the address ${email} already exists.`, { field: "email" });
        return index === 1
          ? notFound("orgUnitPath", `The organizational unit "${orgUnit.path}" was deleted meanwhile.`)
          : undefined;
      },
    );
    return user;
  }

  /** Renames and/or moves a user; a move changes both OUs' user counts in the same transaction. */
  async update(
    user: User,
    change: { name: string; orgUnit?: OrgUnit },
    expectedVersion: number,
    write: WriteContext,
  ): Promise<User> {
    const now = this.now().toISOString();
    const target = change.orgUnit;
    const updated: User = {
      ...user,
      name: change.name,
      ...(target === undefined ? {} : { orgUnitId: target.id, orgUnitAncestorIds: target.ancestors.map((a) => a.id) }),
      version: expectedVersion + 1,
      updatedAt: now,
    };
    const items: TransactItem[] = [
      {
        Put: {
          Item: this.toItem(updated),
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: { ":expected": expectedVersion },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
    ];
    if (target !== undefined && target.id !== user.orgUnitId)
      items.push(this.userCountChange(user.orgUnitId, -1), this.userCountChange(target.id, 1));
    const own = items.length;
    await transactOrExplain(this.db, [...items, ...alongside(write, updated)], (index, current) => {
      if (index === 0) return userVersionConflict(user, expectedVersion, current);
      return index < own
        ? notFound("orgUnitPath", `The organizational unit "${target?.path}" was deleted meanwhile.`)
        : undefined;
    });
    return updated;
  }

  async delete(user: User, expectedVersion: number, write: WriteContext): Promise<void> {
    await transactOrExplain(
      this.db,
      [
        {
          Delete: {
            Key: keys.user(this.customerId, user.email),
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        this.userCountChange(user.orgUnitId, -1),
        ...alongside(write, user),
      ],
      (index, current) => (index === 0 ? userVersionConflict(user, expectedVersion, current) : undefined),
    );
  }

  /** One transaction: the user's own settings, the version increment, and one audit event per changed setting. */
  async updateSettings(
    user: User,
    settings: UserMailSettings,
    expectedVersion: number,
    write: WriteContext,
    entries: AuditEntry[],
  ): Promise<User> {
    const now = this.now().toISOString();
    const updated = { ...user, settings, version: expectedVersion + 1, updatedAt: now };
    await transactOrExplain(
      this.db,
      [
        {
          Update: {
            Key: keys.user(this.customerId, user.email),
            UpdateExpression: "SET settings = :settings, version = version + :one, updatedAt = :now",
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":settings": settings, ":one": 1, ":now": now, ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        ...auditPuts(this.customerId, write, now, entries),
        ...alongside(write, updated),
      ],
      (index, current) => (index === 0 ? userVersionConflict(user, expectedVersion, current) : undefined),
    );
    return updated;
  }

  private userCountChange(orgUnitId: string, delta: number): TransactItem {
    return {
      Update: {
        Key: keys.orgUnit(this.customerId, orgUnitId),
        UpdateExpression: "SET userCount = if_not_exists(userCount, :zero) + :delta",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeValues: { ":zero": 0, ":delta": delta },
      },
    };
  }

  private toItem(user: User): Item {
    return {
      ...keys.user(this.customerId, user.email),
      type: "USER",
      gsi1pk: keys.users(this.customerId, user.orgUnitId),
      gsi1sk: user.email,
      ...user,
    };
  }
}

function toUser(item: Item): User {
  return {
    email: String(item.email),
    name: String(item.name),
    orgUnitId: String(item.orgUnitId),
    orgUnitAncestorIds: (item.orgUnitAncestorIds as string[] | undefined) ?? [],
    settings: { ...DEFAULT_USER_SETTINGS, ...(item.settings as Partial<UserMailSettings> | undefined) },
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}

function userVersionConflict(user: User, expectedVersion: number, current: Item | undefined) {
  if (current === undefined) return notFound("email", `No user with the address ${user.email}.`);
  return conflict(`The user ${user.email} is at version ${String(current.version)}, not ${expectedVersion}.`, {
    field: "expectedVersion",
    currentVersion: Number(current.version),
  });
}
