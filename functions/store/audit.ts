/** Audit events: one item per changed setting, written in the same transaction as the change itself. */
import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/customer";
import type { TransactItem } from "./db";
import { keys } from "./keys";

/** Who made a change and in which request; every write carries it into its audit events. */
export interface AuditContext {
  actor: Actor;
  requestId: string;
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
  audit: AuditContext,
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
          eventId,
          customerId,
          ...entry,
          actor: audit.actor,
          time,
          requestId: audit.requestId,
        },
      },
    };
  });
}
