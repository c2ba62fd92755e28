/**
 * Audit events: the items the unit of work writes beside every change (functions/store/unit-of-work.ts), and reading
 * them back newest first through keys and an index, never a scan.
 */
import type { AuditAction, AuditEvent, AuditFact } from "../domain/audit";
import type { Actor } from "../domain/customer";
import { EXPORT_NAMES, settingOfExportName, type MailAccessSetting } from "../domain/mail-access-setting";
import type { Db, Item, TransactItem } from "./db";
import { keys } from "./keys";

/** Who wrote an event, in which request: what the unit of work adds to every fact. */
export interface AuditStamp {
  actor: Pick<Actor, "kind" | "id" | "name">;
  requestId: string;
  idempotencyKey: string | undefined;
  time: string;
}

/** The item of one audit event; `eventId` is new for each event. */
export function auditEventItem(customerId: string, fact: AuditFact, stamp: AuditStamp, eventId: string): TransactItem {
  const orgUnitId = fact.orgUnit?.id ?? null;
  return {
    Put: {
      Item: {
        ...keys.auditEvent(customerId, orgUnitId, stamp.time, eventId),
        type: "AUDIT_EVENT",
        gsi2pk: keys.auditLog(customerId),
        gsi2sk: `${stamp.time}#${eventId}`,
        eventId,
        customerId,
        action: fact.action,
        // Stored as Google names it, so that an export reads as Google's audit log does.
        settingName: fact.setting === undefined ? undefined : EXPORT_NAMES[fact.setting],
        oldValue: fact.oldValue ?? undefined,
        newValue: fact.newValue ?? undefined,
        orgUnitId: orgUnitId ?? undefined,
        orgUnitPath: fact.orgUnit?.path,
        userEmail: fact.userEmail,
        apiKeyId: fact.apiKeyId,
        adminEmail: fact.adminEmail,
        groupId: fact.group?.id,
        groupName: fact.group?.name,
        memberGroupId: fact.memberGroupId,
        actor: { kind: stamp.actor.kind, id: stamp.actor.id, name: stamp.actor.name },
        time: stamp.time,
        requestId: stamp.requestId,
        idempotencyKey: stamp.idempotencyKey,
      },
    },
  };
}

export interface AuditFilter {
  /** Events of one OU only (read from the OU's own partition). */
  orgUnitId?: string;
  /** Events of any of these OUs (a subtree), read from the customer's time index. */
  orgUnitIds?: ReadonlySet<string>;
  /** Whether events that concern no OU (API keys, roles) may be returned. */
  organizationEvents: boolean;
  actorId?: string;
  setting?: MailAccessSetting;
  actions?: readonly AuditAction[];
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
}

/** Where a page ended: the last event returned. */
export interface AuditPosition {
  time: string;
  eventId: string;
  /** Null for an event that concerns no OU. */
  orgUnitId: string | null;
}

const READ_PAGE = 100;
/** The most pages of events one request examines (500 events), whatever the filter. */
const MAX_READ_PAGES = 5;

export class AuditStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
  ) {}

  /**
   * Events newest first after `after`; `resumeAfter` is where to go on from when the page ended before `first` events
   * were found (the work per request is bounded).
   */
  async list(
    filter: AuditFilter,
    first: number,
    after: AuditPosition | undefined,
  ): Promise<{ events: AuditEvent[]; hasNextPage: boolean; resumeAfter?: AuditPosition }> {
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
    if (filter.setting !== undefined) {
      conditions.push("settingName = :setting");
      values[":setting"] = EXPORT_NAMES[filter.setting];
    }
    if (filter.actions !== undefined) {
      conditions.push(`#action IN (${filter.actions.map((_, i) => `:action${i}`).join(", ")})`);
      filter.actions.forEach((action, i) => (values[`:action${i}`] = action));
    }
    if (!filter.organizationEvents && !byOrgUnit) conditions.push("attribute_exists(orgUnitId)");
    // A cursor is a position in time, which may lie outside this query's range (a cursor of the same list read with
    // other filters, or forged): DynamoDB refuses a start key outside the key condition. Past `since` nothing is left;
    // before `until`, the page starts at `until`.
    const position = after === undefined ? undefined : `${after.time}#${after.eventId}`;
    if (position !== undefined && lower !== "" && position < lower) return { events, hasNextPage: false };
    let start: Item | undefined =
      after === undefined || (position as string) > upper ? undefined : this.startKey(after, filter.orgUnitId);
    let pages = 0;
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
        ...(filter.actions === undefined ? {} : { ExpressionAttributeNames: { "#action": "action" } }),
        ScanIndexForward: false,
        Limit: READ_PAGE,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      for (const item of page.items) {
        const event = toAuditEvent(item);
        if (filter.orgUnitIds === undefined || (event.orgUnitId !== null && filter.orgUnitIds.has(event.orgUnitId)))
          events.push(event);
        if (events.length > first) return { events: events.slice(0, first), hasNextPage: true };
      }
      start = page.lastKey;
      pages += 1;
      // A filter that matches few events must not read the whole history in one request: the page ends here, short,
      // and its cursor goes on from the last event examined.
      if (pages === MAX_READ_PAGES && start !== undefined)
        return { events, hasNextPage: true, resumeAfter: positionOf(this.customerId, start) };
    } while (start !== undefined);
    return { events, hasNextPage: false };
  }

  /** Where to go on from `after`: in the partition of `orgUnitId`, or (without) in the customer's time index. */
  private startKey(after: AuditPosition, orgUnitId: string | undefined): Item {
    // In one OU's partition, the position is that partition's, whichever OU the cursor's event concerned.
    if (orgUnitId !== undefined) return keys.auditEvent(this.customerId, orgUnitId, after.time, after.eventId);
    const key = keys.auditEvent(this.customerId, after.orgUnitId, after.time, after.eventId);
    return { ...key, gsi2pk: keys.auditLog(this.customerId), gsi2sk: `${after.time}#${after.eventId}` };
  }
}

/** The position of an event from its key (as DynamoDB hands back the last one it examined). */
function positionOf(customerId: string, key: Item): AuditPosition {
  const [, time, eventId] = /^AUDIT#(.+)#([^#]+)$/.exec(String(key.sk)) ?? [];
  const pk = String(key.pk);
  const orgUnitPrefix = keys.orgUnit(customerId, "").pk;
  return {
    time: time ?? "",
    eventId: eventId ?? "",
    orgUnitId: pk.startsWith(orgUnitPrefix) ? pk.slice(orgUnitPrefix.length) : null,
  };
}

const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

function toAuditEvent(item: Item): AuditEvent {
  const actor = item.actor as AuditEvent["actor"];
  return {
    eventId: String(item.eventId),
    time: String(item.time),
    // Events written before actions existed were all setting changes.
    action:
      (item.action as AuditAction | undefined) ??
      (item.userEmail ? "USER_MAIL_SETTING_CHANGED" : "MAIL_SETTING_CHANGED"),
    setting: item.settingName === undefined ? null : settingOfExportName(String(item.settingName)),
    settingName: text(item.settingName),
    oldValue: text(item.oldValue),
    newValue: text(item.newValue),
    orgUnitId: text(item.orgUnitId),
    orgUnitPath: text(item.orgUnitPath),
    userEmail: text(item.userEmail),
    apiKeyId: text(item.apiKeyId),
    adminEmail: text(item.adminEmail),
    groupId: text(item.groupId),
    groupName: text(item.groupName),
    memberGroupId: text(item.memberGroupId),
    actor: { kind: actor.kind, id: actor.id, name: actor.name },
    requestId: String(item.requestId),
    idempotencyKey: text(item.idempotencyKey),
  };
}
