/** The POP and IMAP settings of an OU: read them with their sources, and change them with warnings and an impact preview. */
import {
  applyPolicyChange,
  effectiveMailAccess,
  mailAccessImpact,
  parseOAuthClientIds,
  policyChanges,
  policyWarnings,
  type EffectiveMailAccess,
  type ImapClientMode,
  type MailAccessImpact,
  type MailAccessPolicy,
  type PolicyChange,
  type ToggleChange,
  type Warning,
} from "../domain/mail-access";
import type { OrgUnit } from "../domain/org-unit";
import { conflict } from "../errors";
import { mapResult, type WriteContext } from "../store/audit";
import type { OrgUnitStore } from "../store/org-units";
import { requireOrgUnit } from "./org-units";
import { withRetries } from "./retry";

export interface UpdateMailAccessPolicyInput {
  orgUnitPath?: string | null;
  orgUnitId?: string | null;
  popAccess?: ToggleChange | null;
  imapAccess?: ToggleChange | null;
  lessSecureApps?: ToggleChange | null;
  imapClientAccess?: {
    mode: ImapClientMode | "INHERIT";
    allowedOAuthClientIds?: string[] | null;
    allowedOAuthClientIdsCsv?: string | null;
  } | null;
  expectedVersion?: number | null;
  dryRun?: boolean | null;
}

export interface MailAccessPolicyUpdate {
  orgUnit: OrgUnit;
  policy: MailAccessPolicy;
  policyChangedAt: string | null;
  effective: EffectiveMailAccess<OrgUnit>;
  warnings: Warning[];
  impact: MailAccessImpact<OrgUnit>;
  changed: boolean;
  dryRun: boolean;
}

export function effectiveMailAccessOf(orgUnit: OrgUnit, now: Date): EffectiveMailAccess<OrgUnit> {
  return effectiveMailAccess([...orgUnit.ancestors, orgUnit], now);
}

/** The change the input asks for, checked before anything is read. */
function policyChangeOf(input: UpdateMailAccessPolicyInput): PolicyChange {
  const change: PolicyChange = {};
  if (input.popAccess != null) change.popAccess = input.popAccess;
  if (input.imapAccess != null) change.imapAccess = input.imapAccess;
  if (input.lessSecureApps != null) change.lessSecureApps = input.lessSecureApps;
  const client = input.imapClientAccess;
  if (client != null) {
    const ids = parseOAuthClientIds(
      { list: client.allowedOAuthClientIds, csv: client.allowedOAuthClientIdsCsv },
      { list: "imapClientAccess.allowedOAuthClientIds", csv: "imapClientAccess.allowedOAuthClientIdsCsv" },
    );
    change.imapClientAccess = { mode: client.mode, ...(ids === undefined ? {} : { allowedOAuthClientIds: ids }) };
  }
  return change;
}

/**
 * Applies (or, with dryRun, previews) a change of one OU's settings: one transaction writes the settings, the
 * version and an audit event per changed setting; a change that changes nothing writes nothing.
 */
export async function updateMailAccessPolicy(
  { orgUnits, write, now }: { orgUnits: OrgUnitStore; write: WriteContext; now: () => Date },
  input: UpdateMailAccessPolicyInput,
): Promise<MailAccessPolicyUpdate> {
  const change = policyChangeOf(input);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    orgUnits,
    async () => {
      const orgUnit = await requireOrgUnit(
        orgUnits,
        { id: input.orgUnitId, path: input.orgUnitPath },
        { id: "orgUnitId", path: "orgUnitPath" },
      );
      const expectedVersion = input.expectedVersion ?? orgUnit.version;
      if (expectedVersion !== orgUnit.version)
        throw conflict(`"${orgUnit.path}" is at version ${orgUnit.version}, not ${expectedVersion}.`, {
          field: "expectedVersion",
          currentVersion: orgUnit.version,
        });
      const policy = applyPolicyChange(orgUnit.mailAccessPolicy, change);
      return savePolicy({ orgUnits, write, now }, orgUnit, policy, expectedVersion, dryRun);
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

/**
 * Saves (or previews) `policy` as `orgUnit`'s own: impact on the subtree, warnings, then one transaction with the
 * audit events; nothing is written when nothing changes.
 */
export async function savePolicy(
  { orgUnits, write, now }: { orgUnits: OrgUnitStore; write: WriteContext; now: () => Date },
  orgUnit: OrgUnit,
  policy: MailAccessPolicy,
  expectedVersion: number,
  dryRun: boolean,
  extraWarnings: Warning[] = [],
): Promise<MailAccessPolicyUpdate> {
  const changes = policyChanges(orgUnit.mailAccessPolicy, policy);
  const changed = changes.length > 0;
  const impact = mailAccessImpact(orgUnit.ancestors, changed ? await orgUnits.subtree(orgUnit) : [orgUnit], policy);
  const result = (after: OrgUnit, preview: OrgUnit): MailAccessPolicyUpdate => ({
    orgUnit: after,
    policy,
    policyChangedAt: preview.policyChangedAt,
    effective: effectiveMailAccessOf(preview, now()),
    warnings: [...extraWarnings, ...policyWarnings(impact, changed)],
    impact,
    changed,
    dryRun,
  });
  if (!changed) return result(orgUnit, orgUnit);
  if (dryRun) return result(orgUnit, { ...orgUnit, mailAccessPolicy: policy, policyChangedAt: now().toISOString() });
  const entries = changes.map(({ settingName, oldValue, newValue }) => ({
    orgUnitId: orgUnit.id,
    orgUnitPath: orgUnit.path,
    settingName,
    oldValue,
    newValue,
  }));
  const after = await orgUnits.updateMailAccessPolicy(
    orgUnit,
    policy,
    expectedVersion,
    mapResult(write, (updated: OrgUnit) => result(updated, updated)),
    entries,
  );
  return result(after, after);
}
