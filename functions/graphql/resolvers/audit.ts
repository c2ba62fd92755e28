/** GraphQL for the audit log. */
import { listAuditEvents, type AuditEventsQuery } from "../../services/audit";
import type { OrgUnit } from "../../domain/org-unit";
import type { Context } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { connection, decodeCursor, encodeCursor, pageSize } from "../pagination";

const AUDIT = "audit";

async function page(
  context: Context,
  query: AuditEventsQuery & { orgUnit?: OrgUnit },
  first?: number | null,
  after?: string | null,
) {
  const position = decodeCursor(AUDIT, after, {
    time: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    id: /^[0-9a-f-]{36}$/,
    ou: /^(ou_[a-z0-9]{1,40})?$/,
  });
  const { events, hasNextPage, resumeAfter } = await listAuditEvents(
    context,
    query,
    pageSize(first),
    position === undefined
      ? undefined
      : { time: position.time, eventId: position.id, orgUnitId: position.ou === "" ? null : position.ou },
  );
  const cursorOf = (position: { time: string; eventId: string; orgUnitId: string | null }) =>
    encodeCursor(AUDIT, { time: position.time, id: position.eventId, ou: position.orgUnitId ?? "" });
  const page = connection(events, hasNextPage, cursorOf);
  // A page the bounded read ended early goes on from the last event examined, not the last one shown.
  return resumeAfter === undefined ? page : { ...page, pageInfo: { hasNextPage, endCursor: cursorOf(resumeAfter) } };
}

export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: (_, { filter, first, after }, context) => page(context, filter ?? {}, first, after),
  },
  OrgUnit: {
    auditEvents: (orgUnit, { includeSubOrgUnits, first, after }, context) =>
      page(context, { orgUnit, includeSubOrgUnits }, first, after),
  },
  AuditEvent: {
    id: (event) => event.eventId,
  },
};
