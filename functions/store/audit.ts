/** Audit events: one item per changed setting, written in the same transaction as the change itself. */
import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/customer";
import type { Db, Item, TransactItem } from "./db";
import { keys } from "./keys";

/**
 * Who makes a write and in which request; every write carries it into its audit events. `alongside` gives items to
 * add to the transaction that makes the write visible (the idempotency record), from the write's result.
 */
export interface WriteContext {
  actor: Actor;
  requestId: string;
  idempotencyKey?: string;
  alongside?: (result: unknown) => TransactItem[];
}

/** The items `write` wants beside a transaction whose outcome is `result`. */
export function alongside(write: WriteContext, result: unknown): TransactItem[] {
  return write.alongside?.(result) ?? [];
}

/** The same write, with its result mapped (e.g. from a store's OU to the service's payload) before `alongside`. */
export function mapResult<R>(write: WriteContext, toResult: (result: R) => unknown): WriteContext {
  const next = write.alongside;
  return next === undefined ? write : { ...write, alongside: (result) => next(toResult(result as R)) };
}

export interface AuditEntry {
  orgUnitId: string;
  /** The OU's path at the time of the change. */
  orgUnitPath: string;
  settingName: string;
  oldValue: string;
  newValue: string;
  /** Set when the setting is a user's own. */
  userEmail?: string;
}

export function auditPuts(
  customerId: string,
  write: WriteContext,
  time: string,
  entries: AuditEntry[],
): TransactItem[] {
  return entries.map((entry) => {
    const eventId = randomUUID();
    return {
      Put: {
        Item: {
          ...keys.auditEvent(customerId, entry.orgUnitId, time, eventId),
          type: "AUDIT_EVENT",
          gsi2pk: keys.auditLog(customerId),
          gsi2sk: `${time}#${eventId}`,
          eventId,
          customerId,
          ...entry,
          actor: write.actor,
          time,
          requestId: write.requestId,
          idempotencyKey: write.idempotencyKey,
        },
      },
    };
  });
}

export interface AuditEvent {
  eventId: string;
  time: string;
  settingName: string;
  oldValue: string;
  newValue: string;
  orgUnitId: string;
  orgUnitPath: string;
  userEmail: string | null;
  actor: Actor;
  requestId: string;
  idempotencyKey: string | null;
}

export interface AuditFilter {
  /** Events of one OU only (read from the OU's own partition). */
  orgUnitId?: string;
  /** Events of any of these OUs (a subtree), read from the customer's time index. */
  orgUnitIds?: ReadonlySet<string>;
  actorId?: string;
  settingName?: string;
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
}

/** Where a page ended: the last event returned. */
export interface AuditPosition {
  time: string;
  eventId: string;
  orgUnitId: string;
}

const READ_PAGE = 100;

/** Reads audit events newest first through keys and an index, never a scan. */
export class AuditStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
  ) {}

  async list(filter: AuditFilter, first: number, after: AuditPosition | undefined) {
    const events: AuditEvent[] = [];
    const lower = filter.since ?? "";
    // "\uffff" sorts after any event id, so `until` is inclusive whatever the event's id.
    const upper = `${filter.until ?? "9999"}\uffff`;
    const byOrgUnit = filter.orgUnitId !== undefined;
    const conditions: string[] = [];
    const values: Record<string, unknown> = {};
    if (filter.actorId !== undefined) {
      conditions.push("actor.id = :actor");
      values[":actor"] = filter.actorId;
    }
    if (filter.settingName !== undefined) {
      conditions.push("settingName = :setting");
      values[":setting"] = filter.settingName;
    }
    let start: Item | undefined = after === undefined ? undefined : this.startKey(after, byOrgUnit);
    do {
      const page = await this.db.query({
        ...(byOrgUnit
          ? {
              KeyConditionExpression: "pk = :pk AND sk BETWEEN :lower AND :upper",
              ExpressionAttributeValues: {
                ":pk": keys.orgUnit(this.customerId, filter.orgUnitId as string).pk,
                ":lower": `AUDIT#${lower}`,
                ":upper": `AUDIT#${upper}`,
                ...values,
              },
            }
          : {
              IndexName: "auditByCustomer",
              // A key condition cannot compare with an empty string, so without `since` only the upper bound applies.
              KeyConditionExpression:
                lower === ""
                  ? "gsi2pk = :pk AND gsi2sk <= :upper"
                  : "gsi2pk = :pk AND gsi2sk BETWEEN :lower AND :upper",
              ExpressionAttributeValues: {
                ":pk": keys.auditLog(this.customerId),
                ":upper": upper,
                ...(lower === "" ? {} : { ":lower": lower }),
                ...values,
              },
            }),
        ...(conditions.length === 0 ? {} : { FilterExpression: conditions.join(" AND ") }),
        ScanIndexForward: false,
        Limit: READ_PAGE,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      for (const item of page.items) {
        const event = toAuditEvent(item);
        if (filter.orgUnitIds === undefined || filter.orgUnitIds.has(event.orgUnitId)) events.push(event);
        if (events.length > first) return { events: events.slice(0, first), hasNextPage: true };
      }
      start = page.lastKey;
    } while (start !== undefined);
    return { events, hasNextPage: false };
  }

  private startKey(after: AuditPosition, byOrgUnit: boolean): Item {
    const key = keys.auditEvent(this.customerId, after.orgUnitId, after.time, after.eventId);
    return byOrgUnit
      ? key
      : { ...key, gsi2pk: keys.auditLog(this.customerId), gsi2sk: `${after.time}#${after.eventId}` };
  }
}

function toAuditEvent(item: Item): AuditEvent {
  return {
    eventId: String(item.eventId),
    time: String(item.time),
    settingName: String(item.settingName),
    oldValue: String(item.oldValue),
    newValue: String(item.newValue),
    orgUnitId: String(item.orgUnitId),
    orgUnitPath: String(item.orgUnitPath),
    userEmail: (item.userEmail as string | undefined) ?? null,
    actor: item.actor as Actor,
    requestId: String(item.requestId),
    idempotencyKey: (item.idempotencyKey as string | undefined) ?? null,
  };
}
