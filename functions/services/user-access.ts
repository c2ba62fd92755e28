/**
 * What is in force for a user: the effective settings of the user's OU, overridden setting by setting by the user's
 * configuration groups (highest priority first). The user's OU chain and groups are read in one batch.
 */
import { withGroups, type Group } from "../domain/groups";
import type { EffectiveMailAccess } from "../domain/mail-access";
import type { OrgUnit } from "../domain/org-unit";
import type { User } from "../domain/user";
import type { GroupsInEffect } from "../store/groups/reads";
import { effectiveMailAccessOf } from "./mail-access";
import type { Request } from "./request";

export interface UserAccess {
  orgUnit: OrgUnit;
  /** The OU's effective settings, each from the OU, an ancestor or the default. */
  orgUnitEffective: EffectiveMailAccess<OrgUnit>;
  /** The settings in force for the user: the OU's, except those a group of the user sets. */
  effective: EffectiveMailAccess<OrgUnit, Group>;
  groups: GroupsInEffect;
}

/**
 * The user's access, given the read of the user's OU: started by the caller in the same tick, so that the OU chain
 * and the user's groups (with their priority order) come in one batch: 2 round trips with the user's own read.
 */
export async function accessOf(request: Request, user: User, orgUnit: Promise<OrgUnit>): Promise<UserAccess> {
  const [ou, groups] = await Promise.all([orgUnit, request.groups.inEffectFor(user)]);
  const now = request.now();
  const orgUnitEffective = effectiveMailAccessOf(ou, now);
  return {
    orgUnit: ou,
    orgUnitEffective,
    effective: withGroups(orgUnitEffective, groups.groups, now, user.groupsChangedAt),
    groups,
  };
}
