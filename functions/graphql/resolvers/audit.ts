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
  const position = decodeCursor(AUDIT, after);
  const { events, hasNextPage } = await listAuditEvents(
    context,
    query,
    pageSize(first),
    position === undefined
      ? undefined
      : { time: position.time ?? "", eventId: position.id ?? "", orgUnitId: position.ou || null },
  );
  return connection(events, hasNextPage, (event) =>
    encodeCursor(AUDIT, { time: event.time, id: event.eventId, ou: event.orgUnitId ?? "" }),
  );
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
