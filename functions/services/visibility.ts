/**
 * How much of an OU a caller sees. Within its reach, all of it. Outside it (an OU above an OU administrator's scope, or
 * any OU for a signed-in user), reached as the source of one of the caller's own settings or as an ancestor: only its
 * id, name and path, and the settings of it that explain the caller's own (`OrgUnit.shown`); the GraphQL layer shows
 * nothing more of such an OU.
 */
import { withinReach } from "../domain/access";
import type { MailAccessPolicy, SettingKey } from "../domain/mail-access";
import type { OrgUnit } from "../domain/org-unit";
import { notFound } from "../errors";
import type { Request } from "./request";

export async function asSeenBy(
  request: Request,
  orgUnit: OrgUnit,
  settings: readonly SettingKey[] = [],
): Promise<OrgUnit> {
  if (withinReach(await request.caller(), orgUnit)) return orgUnit;
  return { ...orgUnit, shown: { settings: [...settings, ...(orgUnit.shown?.settings ?? [])] } };
}

/** The OU, if the caller may see all of it; refused (as not there) if it may see only part of it. */
export function whole(orgUnit: OrgUnit): OrgUnit {
  if (orgUnit.shown !== undefined)
    throw notFound("orgUnit", "Only the id, name and path of this organizational unit are shown to this caller.");
  return orgUnit;
}

/** The OU's own settings the caller may see: all of them, or those that explain its own. */
export function shownPolicy(orgUnit: OrgUnit): MailAccessPolicy {
  const shown = orgUnit.shown;
  if (shown === undefined) return orgUnit.mailAccessPolicy;
  return Object.fromEntries(
    Object.entries(orgUnit.mailAccessPolicy).filter(([key]) => shown.settings.includes(key as SettingKey)),
  );
}
