/**
 * What previews of a change of access read, and the previews of moves: subtrees whose OUs carry counts of their users'
 * own settings (so that no user is read), and the impact and warnings of moving an OU or a user.
 */
import type { UserMailSettings } from "../domain/access-decision";
import { effectiveMailAccess } from "../domain/mail-access";
import {
  allowlistSwitchWarnings,
  mailAccessImpact,
  noImpact,
  policyWarnings,
  userMoveImpact,
  type MailAccessImpact,
  type Warning,
} from "../domain/mail-access-impact";
import type { OrgUnit } from "../domain/org-unit";
import { countsAddUp } from "../domain/own-settings-counts";
import type { Request } from "./request";

/** The impact of a change and the warnings an administrator must see for it. */
export interface ChangePreview {
  impact: MailAccessImpact<OrgUnit>;
  warnings: Warning[];
}

/**
 * `orgUnits` with counts of their users' own settings that add up to their user counts: an OU written before the
 * counts existed is recounted from its users (one more parallel step, only for such OUs).
 */
async function withOwnSettingsCounts(request: Request, orgUnits: OrgUnit[]): Promise<OrgUnit[]> {
  const uncounted = orgUnits.filter((ou) => !countsAddUp(ou.ownSettingsCounts, ou.userCount));
  if (uncounted.length === 0) return orgUnits;
  const counted = await request.users.countOwnSettings(uncounted.map((ou) => ou.id));
  return orgUnits.map((ou) => {
    const counts = counted.get(ou.id);
    return counts === undefined ? ou : { ...ou, ownSettingsCounts: counts };
  });
}

/** `orgUnit` and all its descendants (parents before children), with counts of their users' own settings. */
export async function countedSubtree(request: Request, orgUnit: OrgUnit): Promise<OrgUnit[]> {
  return withOwnSettingsCounts(request, await request.orgUnits.subtree(orgUnit));
}

/**
 * What moving a subtree (`subtree`: its root first, parents before children) from under `from` to under `to` changes
 * for its users; `from` and `to` are the old and new ancestors of the root, root of the tree first.
 */
export async function orgUnitMovePreview(
  request: Request,
  subtree: OrgUnit[],
  from: readonly OrgUnit[],
  to: readonly OrgUnit[],
): Promise<ChangePreview> {
  const counted = await withOwnSettingsCounts(request, subtree);
  const impact = mailAccessImpact({ subtree: counted, ancestors: from, newAncestors: to });
  const root = subtree[0] as OrgUnit;
  return {
    impact,
    warnings: moveWarnings(request, impact, [...from, root], [...to, root], impact.orgUnits.length > 0),
  };
}

/** What moving a user with `settings` from OU `from` to OU `to` changes for them. */
export function userMovePreview(
  request: Request,
  from: OrgUnit,
  to: OrgUnit,
  settings: UserMailSettings,
): ChangePreview {
  const [before, after] = [
    [...from.ancestors, from],
    [...to.ancestors, to],
  ];
  const { impact, changedSettings } = userMoveImpact(before, after, settings);
  return { impact, warnings: moveWarnings(request, impact, before, after, changedSettings.length > 0) };
}

/**
 * The warnings of a move, as for a policy change: those of its impact, after the one of a switch from any mail client
 * to listed clients for the moved OU (or user), whose settings come from the chain `before` and then `after`.
 */
function moveWarnings(
  request: Request,
  impact: MailAccessImpact<OrgUnit>,
  before: readonly OrgUnit[],
  after: readonly OrgUnit[],
  changesSomething: boolean,
): Warning[] {
  const now = request.now();
  return [
    ...allowlistSwitchWarnings(effectiveMailAccess(before, now), effectiveMailAccess(after, now)),
    ...policyWarnings(impact, changesSomething),
  ];
}

/** The preview of a change that changes nobody's access (a rename, a description). */
export function noChangePreview(): ChangePreview {
  return { impact: noImpact(), warnings: [] };
}
