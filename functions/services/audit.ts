/** Reading the audit log: filters checked and turned into keys and index queries. */
import { assertOrgUnitAccess } from "../domain/access";
import type { Actor } from "../domain/customer";
import { badInput } from "../errors";
import type { AuditEvent, AuditPosition, AuditStore } from "../store/audit";
import type { OrgUnitStore } from "../store/org-units";
import { requireOrgUnit } from "./org-units";

export interface AuditEventsQuery {
  orgUnitPath?: string | null;
  orgUnitId?: string;
  includeSubOrgUnits?: boolean | null;
  actor?: string | null;
  settingName?: string | null;
  since?: string | null;
  until?: string | null;
}

function instant(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const time = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime()))
    throw badInput(field, `"${value}" is not a date and time; use ISO 8601, e.g. 2026-11-30T09:00:00Z.`);
  return time.toISOString();
}

export async function listAuditEvents(
  { orgUnits, audit, actor }: { orgUnits: OrgUnitStore; audit: AuditStore; actor: Actor },
  query: AuditEventsQuery,
  first: number,
  after: AuditPosition | undefined,
): Promise<{ events: AuditEvent[]; hasNextPage: boolean }> {
  const since = instant(query.since, "filter.since");
  const until = instant(query.until, "filter.until");
  if (since !== undefined && until !== undefined && since > until)
    throw badInput("filter.since", `"since" (${since}) is after "until" (${until}).`);
  // An OU administrator sees the events of its own subtree only.
  const scoped = query.orgUnitPath == null && query.orgUnitId === undefined && actor.orgUnitScope !== null;
  const orgUnit =
    query.orgUnitId !== undefined || scoped
      ? await requireOrgUnit(orgUnits, { id: query.orgUnitId ?? actor.orgUnitScope })
      : query.orgUnitPath == null
        ? undefined
        : await requireOrgUnit(
            orgUnits,
            { path: query.orgUnitPath },
            { id: "filter.orgUnitPath", path: "filter.orgUnitPath" },
          );
  if (orgUnit !== undefined) assertOrgUnitAccess(actor, orgUnit);
  const scope =
    orgUnit === undefined
      ? {}
      : (query.includeSubOrgUnits === true || scoped) && orgUnit.childCount > 0
        ? { orgUnitIds: new Set((await orgUnits.subtree(orgUnit)).map((ou) => ou.id)) }
        : { orgUnitId: orgUnit.id };
  return audit.list(
    {
      ...scope,
      ...(query.actor == null ? {} : { actorId: query.actor }),
      ...(query.settingName == null ? {} : { settingName: query.settingName }),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
    },
    first,
    after,
  );
}
