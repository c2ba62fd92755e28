/**
 * The mail access settings of a configuration group: the same change as an OU's (INHERIT: the group no longer sets the
 * setting), with expectedVersion, dryRun, warnings and the impact on the people the group reaches, counted with their
 * higher-priority groups and their own settings. A change of what the group sets (a setting set or no longer set)
 * changes what its members derive (the settings their groups override), so it is fanned out to them when it has any.
 */
import { groupImpact, groupWarnings, policyChangeFlags } from "../domain/group-impact";
import { settingsSet } from "../domain/groups";
import { applyPolicyChange, policyChanges, type MailAccessPolicy } from "../domain/mail-access";
import { failedPrecondition, versionConflict } from "../errors";
import { authorize } from "./authorization";
import { planGroupChange } from "./group-changes";
import { lockedBy, requireGroup, type GroupChangeResult, type GroupRef } from "./groups";
import { policyChangeOf, type UpdateMailAccessPolicyInput } from "./mail-access";
import type { WriteRequest } from "./request";
import { withRetries } from "./retry";

export interface GroupPolicyUpdate extends GroupChangeResult {
  policy: MailAccessPolicy;
}

export async function updateGroupMailAccessPolicy(
  request: WriteRequest,
  input: GroupRef &
    Pick<UpdateMailAccessPolicyInput, "popAccess" | "imapAccess" | "lessSecureApps" | "imapClientAccess"> & {
      expectedVersion?: number | null;
      dryRun?: boolean | null;
    },
): Promise<GroupPolicyUpdate> {
  await authorize(request, "SUPER_ADMIN", "change configuration groups' mail settings");
  const change = policyChangeOf(input);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      const [group, graph] = await Promise.all([requireGroup(request.groups, input), request.groups.graph()]);
      if (graph.op !== undefined) throw lockedBy(request);
      const expectedVersion = input.expectedVersion ?? group.version;
      if (expectedVersion !== group.version)
        throw versionConflict(`The group "${group.name}"`, expectedVersion, group.version);
      // An OU without a list copies the list it inherits; a group inherits none (its members' OUs differ), so
      // switching it to the allow-list needs one: never an empty list that would block every member's IMAP clients.
      const client = change.imapClientAccess;
      if (
        client?.mode === "OAUTH_ALLOWLIST" &&
        client.allowedOAuthClientIds === undefined &&
        group.mailAccessPolicy.imapClientAccess?.mode !== "OAUTH_ALLOWLIST"
      )
        throw failedPrecondition(
          `The group "${group.name}" has no allow-list of its own to keep: name the OAuth clients it allows.`,
          { field: "imapClientAccess.allowedOAuthClientIds" },
        );
      const policy = applyPolicyChange(group.mailAccessPolicy, change);
      const changed = policyChanges(group.mailAccessPolicy, policy).length > 0;
      const { impact } = changed
        ? await planGroupChange(
            request,
            { groups: [group], emails: [] },
            { group: (each) => (each.id === group.id ? { ...each, mailAccessPolicy: policy } : each) },
          )
        : { impact: groupImpact([]) };
      const now = request.now().toISOString();
      const result: GroupPolicyUpdate = {
        group:
          changed && !dryRun
            ? { ...group, mailAccessPolicy: policy, policyChangedAt: now, version: expectedVersion + 1, updatedAt: now }
            : group,
        policy,
        impact,
        warnings: groupWarnings(impact, changed, policyChangeFlags(group.mailAccessPolicy, policy)),
        changed,
        dryRun,
      };
      if (!changed || dryRun) return result;
      const sets = settingsSet(group.mailAccessPolicy).join() !== settingsSet(policy).join();
      const reachesMembers = group.userMemberCount + group.groupMemberCount > 0;
      if (sets && reachesMembers)
        return request.groupFanOut.run(request.work, {
          kind: "SETTINGS",
          groupId: group.id,
          rootGroupIds: [group.id],
          userEmails: [],
          nestingVersion: graph.version,
          writes: [request.groupWrites.policyWrite(group, policy, expectedVersion, now)],
          events: request.groupWrites.policyFacts(group, policy),
          result,
        });
      const saved = request.groupWrites.setPolicy(group, policy, expectedVersion, sets ? graph.version : undefined);
      return request.work.commit([saved.change], { ...result, group: saved.group });
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}
