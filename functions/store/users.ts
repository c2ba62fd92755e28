/**
 * DynamoDB storage of one customer's users: one item per user, listed per OU through the byParent index. Reads are
 * sent from here; changes are built here and committed by the unit of work.
 */
import { DEFAULT_USER_SETTINGS, type UserMailSettings } from "../domain/access-decision";
import type { AuditFact } from "../domain/audit";
import type { SettingKey } from "../domain/mail-access";
import type { OrgUnit } from "../domain/org-unit";
import { countOwnSettings, ownSettingsKey, type OwnSettingsCounts } from "../domain/own-settings-counts";
import { userSettingChanges, type User, type UserPlacement } from "../domain/user";
import { conflict, notFound, versionConflict } from "../errors";
import type { Db, Item } from "./db";
import { keys } from "./keys";
import { ownSettingsAttribute } from "./org-units/records";
import type { Write } from "./transaction";
import type { Change } from "./unit-of-work";

export interface UserPage {
  users: User[];
  hasNextPage: boolean;
}

/** A change and the user as the change leaves it. */
export interface UserChange {
  change: Change;
  user: User;
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

  /**
   * The users of `orgUnitIds` who are direct members of some configuration group (an impact preview counts them one
   * by one). The index lags writes slightly, as every list of users does. Round trips: 1 per OU and page, in parallel.
   */
  async inGroups(orgUnitIds: readonly string[]): Promise<User[]> {
    const found = await Promise.all(
      orgUnitIds.map((id) =>
        this.allUsersOf(id, { FilterExpression: "size(groupIds) > :none", ExpressionAttributeValues: { ":none": 0 } }),
      ),
    );
    return found.flat().map(toUser);
  }

  /**
   * How many users of each OU have each combination of own settings, counted from the users themselves: for OUs whose
   * kept counts do not add up (written before the counts existed). The index lags writes slightly, as every list of
   * users does. Round trips: 1 per OU and page, in parallel.
   */
  async countOwnSettings(orgUnitIds: readonly string[]): Promise<Map<string, OwnSettingsCounts>> {
    const counted = await Promise.all(
      orgUnitIds.map(async (id) => {
        const items = await this.allUsersOf(id, { ProjectionExpression: "settings" });
        return [id, countOwnSettings(items.map(settingsOf))] as const;
      }),
    );
    return new Map(counted);
  }

  /** Every user item of one OU on the `byParent` index, page after page, narrowed by `options`. */
  private async allUsersOf(
    orgUnitId: string,
    options: { FilterExpression?: string; ProjectionExpression?: string; ExpressionAttributeValues?: Item },
  ): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.db.query({
        IndexName: "byParent",
        KeyConditionExpression: "gsi1pk = :ou",
        ...options,
        ExpressionAttributeValues: {
          ":ou": keys.users(this.customerId, orgUnitId),
          ...options.ExpressionAttributeValues,
        },
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      items.push(...page.items);
      start = page.lastKey;
    } while (start !== undefined);
    return items;
  }

  /** The user (unique by address) and the OU's user count. */
  create(orgUnit: OrgUnit, email: string, name: string): UserChange {
    const now = this.now().toISOString();
    const user: User = {
      email,
      name,
      orgUnitId: orgUnit.id,
      orgUnitAncestorIds: orgUnit.ancestors.map((a) => a.id),
      settings: DEFAULT_USER_SETTINGS,
      groupIds: [],
      effectiveGroupIds: [],
      groupOverrides: [],
      groupsChangedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const writes: Write[] = [
      {
        item: { Put: { Item: this.toItem(user), ConditionExpression: "attribute_not_exists(pk)" } },
        onConditionFailed: () => conflict(`A user with the address ${email} already exists.`, { field: "email" }),
      },
      this.countUser(orgUnit, user.settings, 1, "orgUnitPath"),
      this.mailbox(user),
    ];
    const events: AuditFact[] = [
      {
        action: "USER_CREATED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        userEmail: email,
        newValue: orgUnit.path,
      },
    ];
    return { change: { writes, events }, user };
  }

  /**
   * Renames and/or moves a user (`from` is the user's OU as read); a move changes both OUs' user counts in the same
   * transaction.
   */
  update(user: User, from: OrgUnit, change: { name: string; orgUnit?: OrgUnit }, expectedVersion: number): UserChange {
    const target = change.orgUnit ?? from;
    const moving = target.id !== user.orgUnitId;
    const updated: User = {
      ...user,
      name: change.name,
      ...(moving ? { orgUnitId: target.id, orgUnitAncestorIds: target.ancestors.map((a) => a.id) } : {}),
      version: expectedVersion + 1,
      updatedAt: this.now().toISOString(),
    };
    const writes: Write[] = [
      {
        item: {
          Put: {
            Item: this.toItem(updated),
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: this.versionChecked(user, expectedVersion),
      },
    ];
    const events: AuditFact[] = [];
    const at = { id: target.id, path: target.path };
    if (moving) {
      writes.push(
        this.countUser(from, user.settings, -1, "email"),
        this.countUser(target, user.settings, 1, "orgUnitPath"),
        this.mailbox(updated),
      );
      events.push({
        action: "USER_MOVED",
        orgUnit: at,
        userEmail: user.email,
        oldValue: from.path,
        newValue: target.path,
      });
    }
    if (change.name !== user.name)
      events.push({
        action: "USER_RENAMED",
        orgUnit: at,
        userEmail: user.email,
        oldValue: user.name,
        newValue: change.name,
      });
    return { change: { writes, events }, user: updated };
  }

  /** The user (if still at `expectedVersion`) and its OU's user count. */
  delete(user: User, orgUnit: OrgUnit, expectedVersion: number): Change {
    const writes: Write[] = [
      {
        item: {
          Delete: {
            Key: keys.user(this.customerId, user.email),
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: this.versionChecked(user, expectedVersion),
      },
      this.countUser(orgUnit, user.settings, -1, "email"),
      { item: { Delete: { Key: keys.mailbox(user.email, this.customerId) } } },
    ];
    const events: AuditFact[] = [
      {
        action: "USER_DELETED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        userEmail: user.email,
        oldValue: orgUnit.path,
      },
    ];
    return { writes, events };
  }

  /** The user's own settings and version; one audit fact per own setting that changes. */
  updateSettings(user: User, orgUnit: OrgUnit, settings: UserMailSettings, expectedVersion: number): UserChange {
    const now = this.now().toISOString();
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.user(this.customerId, user.email),
            UpdateExpression: "SET settings = :settings, version = version + :one, updatedAt = :now",
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":settings": settings, ":one": 1, ":now": now, ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: this.versionChecked(user, expectedVersion),
      },
    ];
    const [before, after] = [ownSettingsKey(user.settings), ownSettingsKey(settings)];
    // The user moves from one count of own settings to another, in the same transaction.
    if (before !== after)
      writes.push({
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression:
              "SET #before = if_not_exists(#before, :zero) - :one, #after = if_not_exists(#after, :zero) + :one",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: {
              "#before": ownSettingsAttribute(before),
              "#after": ownSettingsAttribute(after),
            },
            ExpressionAttributeValues: { ":zero": 0, ":one": 1 },
          },
        },
        onConditionFailed: () => notFound("email", `The organizational unit "${orgUnit.path}" was deleted meanwhile.`),
      });
    const events = userSettingChanges(user.settings, settings).map((entry): AuditFact => ({
      action: "USER_MAIL_SETTING_CHANGED",
      orgUnit: { id: orgUnit.id, path: orgUnit.path },
      userEmail: user.email,
      ...entry,
    }));
    return { change: { writes, events }, user: { ...user, settings, version: expectedVersion + 1, updatedAt: now } };
  }

  private versionChecked(user: User, expectedVersion: number) {
    return (current: Item | undefined) =>
      current === undefined
        ? notFound("email", `No user with the address ${user.email}.`)
        : versionConflict(`The user ${user.email}`, expectedVersion, Number(current.version));
  }

  /**
   * A user with `settings` added to (delta 1) or taken from (-1) an OU: its user count and the count of that
   * combination of own settings. The OU must still exist (else NOT_FOUND for `field`, the input that named it).
   */
  private countUser(orgUnit: OrgUnit, settings: UserMailSettings, delta: number, field: string): Write {
    return {
      item: {
        Update: {
          Key: keys.orgUnit(this.customerId, orgUnit.id),
          UpdateExpression:
            "SET userCount = if_not_exists(userCount, :zero) + :delta, #own = if_not_exists(#own, :zero) + :delta",
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: { "#own": ownSettingsAttribute(ownSettingsKey(settings)) },
          ExpressionAttributeValues: { ":zero": 0, ":delta": delta },
        },
      },
      onConditionFailed: () => notFound(field, `The organizational unit "${orgUnit.path}" was deleted meanwhile.`),
    };
  }

  /**
   * Where the user is, under their address (`keys.mailbox`): written with every change of the user's OU, so that a
   * signed-in user's sign-in lookup finds it. Part of the user's change, which records its facts.
   */
  private mailbox(user: User): Write {
    const placement: UserPlacement = { orgUnitId: user.orgUnitId, orgUnitAncestorIds: user.orgUnitAncestorIds };
    return { item: { Put: { Item: { ...keys.mailbox(user.email, this.customerId), type: "MAILBOX", ...placement } } } };
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

export function toUser(item: Item): User {
  return {
    email: String(item.email),
    name: String(item.name),
    orgUnitId: String(item.orgUnitId),
    orgUnitAncestorIds: (item.orgUnitAncestorIds as string[] | undefined) ?? [],
    settings: settingsOf(item),
    groupIds: (item.groupIds as string[] | undefined) ?? [],
    effectiveGroupIds: (item.effectiveGroupIds as string[] | undefined) ?? [],
    groupOverrides: (item.groupOverrides as SettingKey[] | undefined) ?? [],
    groupsChangedAt: (item.groupsChangedAt as string | null | undefined) ?? null,
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}

/** A user's own settings as stored; settings added since the user was last written have their defaults. */
function settingsOf(item: Item): UserMailSettings {
  return { ...DEFAULT_USER_SETTINGS, ...(item.settings as Partial<UserMailSettings> | undefined) };
}
