/** Reading the audit log: filters checked and turned into keys and index queries, within the caller's reach. */
import { assertOrgUnitAccess } from "../domain/access";
import type { AuditAction, AuditEvent } from "../domain/audit";
import type { MailAccessSetting } from "../domain/mail-access-setting";
import type { OrgUnit } from "../domain/org-unit";
import { quoted } from "../domain/text";
import { badInput } from "../errors";
import type { AuditPosition } from "../store/audit";
import { authorize } from "./authorization";
import { requireOrgUnitAtFor, requireOrgUnitById } from "./org-units";
import type { Request } from "./request";

export interface AuditEventsQuery {
  orgUnitPath?: string | null;
  includeSubOrgUnits?: boolean | null;
  actor?: string | null;
  setting?: MailAccessSetting | null;
  actions?: readonly AuditAction[] | null;
  since?: string | null;
  until?: string | null;
}

/** The most kinds of events one filter names (each counts once: DynamoDB's IN takes at most 100 values). */
const MAX_ACTIONS = 50;

function bounded(value: string | null | undefined, field: string, maxLength: number): void {
  if (value != null && value.length > maxLength)
    throw badInput(field, `${field} has at most ${maxLength} characters; got ${value.length}.`, { maxLength });
}

function instant(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const time = typeof value === "string" && value.length <= 40 ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime()))
    throw badInput(field, `${quoted(String(value))} is not a date and time; use ISO 8601, e.g. 2026-11-30T09:00:00Z.`);
  return time.toISOString();
}

/**
 * A page of audit events, newest first. An OU administrator sees the events of its own subtree only; events that
 * concern no OU (API keys, administrator roles) only super administrators see.
 */
export async function listAuditEvents(
  request: Request,
  query: AuditEventsQuery & { orgUnit?: OrgUnit },
  first: number,
  after: AuditPosition | undefined,
): Promise<{ events: AuditEvent[]; hasNextPage: boolean; resumeAfter?: AuditPosition }> {
  const caller = await authorize(request, "READ", "read the audit log");
  bounded(query.actor, "filter.actor", 255);
  if (query.actions != null && query.actions.length > MAX_ACTIONS)
    throw badInput("filter.actions", `At most ${MAX_ACTIONS} kinds of events; got ${query.actions.length}.`, {
      maxItems: MAX_ACTIONS,
    });
  const actions = [...new Set(query.actions ?? [])];
  const since = instant(query.since, "filter.since");
  const until = instant(query.until, "filter.until");
  if (since !== undefined && until !== undefined && since > until)
    throw badInput("filter.since", `"since" (${since}) is after "until" (${until}).`);
  const ownScope = query.orgUnitPath == null && query.orgUnit === undefined ? caller.orgUnitScope : null;
  const scoped = ownScope !== null;
  if (query.orgUnit !== undefined) assertOrgUnitAccess(caller, query.orgUnit);
  const orgUnit =
    query.orgUnit ??
    (scoped
      ? await requireOrgUnitById(request.orgUnits, ownScope, "filter.orgUnitPath")
      : query.orgUnitPath == null
        ? undefined
        : await requireOrgUnitAtFor(request, caller, { path: query.orgUnitPath }, "filter.orgUnitPath"));
  const scope =
    orgUnit === undefined
      ? {}
      : (query.includeSubOrgUnits === true || scoped) && orgUnit.childCount > 0
        ? { orgUnitIds: new Set((await request.orgUnits.subtree(orgUnit)).map((ou) => ou.id)) }
        : { orgUnitId: orgUnit.id };
  return request.audit.list(
    {
      ...scope,
      organizationEvents: caller.role === "SUPER_ADMIN",
      ...(query.actor == null ? {} : { actorId: query.actor }),
      ...(query.setting == null ? {} : { setting: query.setting }),
      ...(actions.length === 0 ? {} : { actions }),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
    },
    first,
    after,
  );
}
