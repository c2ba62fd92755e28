/** The POP and IMAP settings of an OU: read them with their sources, and change them with warnings and an impact preview. */
import {
  AUDIT_SETTING_NAMES,
  MAX_ALLOWED_OAUTH_CLIENTS,
  WARNING_MESSAGES,
  applyPolicyChange,
  auditValue,
  combineImpacts,
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
  type ImapClientAccess,
  type ToggleChange,
  type Warning,
  type WarningCode,
} from "../domain/mail-access";
import { parsePath, pathKey } from "../domain/org-unit";
import type { Actor } from "../domain/customer";
import type { OrgUnit } from "../domain/org-unit";
import { badInput, conflict } from "../errors";
import { mapResult, type WriteContext } from "../store/audit";
import type { OrgUnitStore } from "../store/org-units";
import { requireOrgUnitFor } from "./org-units";
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
  { orgUnits, write, now, actor }: { orgUnits: OrgUnitStore; write: WriteContext; now: () => Date; actor: Actor },
  input: UpdateMailAccessPolicyInput,
): Promise<MailAccessPolicyUpdate> {
  const change = policyChangeOf(input);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    orgUnits,
    async () => {
      const orgUnit = await requireOrgUnitFor(
        { orgUnits, actor },
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
): Promise<MailAccessPolicyUpdate> {
  const planned = await planPolicy({ orgUnits, now }, orgUnit, policy, dryRun);
  if (!planned.changed || dryRun) return planned;
  const result = (after: OrgUnit): MailAccessPolicyUpdate => ({
    ...planned,
    orgUnit: after,
    policyChangedAt: after.policyChangedAt,
    effective: effectiveMailAccessOf(after, now()),
  });
  const entries = policyChanges(orgUnit.mailAccessPolicy, policy).map(({ settingName, oldValue, newValue }) => ({
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
    mapResult(write, result),
    entries,
  );
  return result(after);
}

/**
 * What saving `policy` as `orgUnit`'s own would do, without writing: its effective settings as if saved now, the
 * impact on its subtree (or only on the OUs given as `subtree`), and the warnings.
 */
async function planPolicy(
  { orgUnits, now }: { orgUnits: OrgUnitStore; now: () => Date },
  orgUnit: OrgUnit,
  policy: MailAccessPolicy,
  dryRun: boolean,
  extraWarnings: Warning[] = [],
  subtree?: OrgUnit[],
): Promise<MailAccessPolicyUpdate> {
  const changed = policyChanges(orgUnit.mailAccessPolicy, policy).length > 0;
  const affected = subtree ?? (changed ? await orgUnits.subtree(orgUnit) : [orgUnit]);
  const impact = mailAccessImpact(orgUnit.ancestors, affected, policy);
  const preview = changed ? { ...orgUnit, mailAccessPolicy: policy, policyChangedAt: now().toISOString() } : orgUnit;
  return {
    orgUnit,
    policy,
    policyChangedAt: preview.policyChangedAt,
    effective: effectiveMailAccessOf(preview, now()),
    warnings: [...extraWarnings, ...policyWarnings(impact, changed)],
    impact,
    changed,
    dryRun,
  };
}

/** How many times a list edit is tried again after losing a race for the same OU record. */
const LIST_EDIT_ATTEMPTS = 25;

/**
 * Adds or removes OAuth clients on an OU's allow-list without a read-modify-write race: an add appends atomically
 * (concurrent adds of different ids all land), a remove deletes by position on the condition that each id is still
 * there. An OU that inherits its client access first gets its own copy of the inherited list (with a warning).
 */
export async function editAllowedOAuthClients(
  { orgUnits, write, now, actor }: { orgUnits: OrgUnitStore; write: WriteContext; now: () => Date; actor: Actor },
  input: { orgUnitPath?: string | null; orgUnitId?: string | null; oauthClientIds: string[] },
  edit: "ADD" | "REMOVE",
): Promise<MailAccessPolicyUpdate> {
  const ids =
    parseOAuthClientIds({ list: input.oauthClientIds }, { list: "oauthClientIds", csv: "oauthClientIds" }) ?? [];
  if (ids.length === 0) throw badInput("oauthClientIds", "Name at least one OAuth client id.");
  return withRetries(
    orgUnits,
    async () => {
      const orgUnit = await requireOrgUnitFor(
        { orgUnits, actor },
        { id: input.orgUnitId, path: input.orgUnitPath },
        { id: "orgUnitId", path: "orgUnitPath" },
      );
      const own = orgUnit.mailAccessPolicy.imapClientAccess;
      const inherited = effectiveMailAccessOf(orgUnit, now()).imapClientAccess.value;
      const current = own ?? inherited;
      const list = current.mode === "OAUTH_ALLOWLIST" ? current.allowedOAuthClientIds : [];
      const next =
        edit === "ADD" ? [...list, ...ids.filter((id) => !list.includes(id))] : list.filter((id) => !ids.includes(id));
      if (next.length > MAX_ALLOWED_OAUTH_CLIENTS)
        throw badInput(
          "oauthClientIds",
          `At most ${MAX_ALLOWED_OAUTH_CLIENTS} OAuth client ids may be allowed; this would make ${next.length}.`,
        );
      const unchanged = own?.mode === "OAUTH_ALLOWLIST" && next.length === list.length;
      const nothingToRemove = edit === "REMOVE" && next.length === list.length;
      const access: ImapClientAccess = { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: next };
      const policy = { ...orgUnit.mailAccessPolicy, imapClientAccess: access };
      const copied = own === undefined && !nothingToRemove;
      const extraWarnings = copied ? [warning("COPIED_INHERITED_ALLOWLIST")] : [];
      if (unchanged || nothingToRemove)
        return savePolicy({ orgUnits, write, now }, orgUnit, orgUnit.mailAccessPolicy, orgUnit.version, false);
      const planned = await planPolicy({ orgUnits, now }, orgUnit, policy, false, extraWarnings);
      // The OU as this write leaves it (concurrent list edits of others may land beside it).
      const preview = {
        ...planned,
        orgUnit: {
          ...orgUnit,
          mailAccessPolicy: policy,
          policyChangedAt: planned.policyChangedAt,
          updatedAt: planned.policyChangedAt ?? orgUnit.updatedAt,
          version: orgUnit.version + 1,
        },
      };
      const entries = [
        {
          orgUnitId: orgUnit.id,
          orgUnitPath: orgUnit.path,
          settingName: AUDIT_SETTING_NAMES.imapClientAccess,
          oldValue: auditValue("imapClientAccess", own),
          newValue:
            own?.mode === "OAUTH_ALLOWLIST"
              ? `${edit === "ADD" ? "ADDED" : "REMOVED"}:${(edit === "ADD" ? next.slice(list.length) : list.filter((id) => ids.includes(id))).join(",")}`
              : auditValue("imapClientAccess", access),
        },
      ];
      const recorded = mapResult(write, () => preview);
      if (edit === "ADD")
        await orgUnits.addAllowedClients(
          orgUnit,
          next.slice(list.length),
          own?.mode === "OAUTH_ALLOWLIST" ? undefined : access,
          recorded,
          entries,
        );
      else
        await orgUnits.removeAllowedClients(
          orgUnit,
          own === undefined ? [] : list.flatMap((id, index) => (ids.includes(id) ? [{ id, index }] : [])),
          own === undefined ? access : undefined,
          recorded,
          entries,
        );
      return preview;
    },
    { retryVersionConflicts: true, attempts: LIST_EDIT_ATTEMPTS },
  );
}

/** At most this many OUs in one bulk change: each takes up to 5 transaction items (its policy and 4 audit events),
 * plus one for the idempotency record, within DynamoDB's 100 items per transaction. */
export const MAX_BULK_ORG_UNITS = 19;

export interface BulkPolicyUpdate {
  results: MailAccessPolicyUpdate[];
  impact: MailAccessImpact<OrgUnit>;
  warnings: Warning[];
  changed: boolean;
  dryRun: boolean;
}

/** Applies one change to many OUs, all or nothing, in one transaction, with per-OU warnings and one combined impact. */
export async function applyMailAccessPolicy(
  ctx: { orgUnits: OrgUnitStore; write: WriteContext; now: () => Date; actor: Actor },
  input: {
    orgUnitPaths: string[];
    policy: Omit<UpdateMailAccessPolicyInput, "orgUnitPath" | "orgUnitId" | "expectedVersion" | "dryRun">;
    dryRun?: boolean | null;
  },
): Promise<BulkPolicyUpdate> {
  const paths = input.orgUnitPaths;
  if (paths.length === 0) throw badInput("orgUnitPaths", "Name at least one OU.");
  if (paths.length > MAX_BULK_ORG_UNITS)
    throw badInput(
      "orgUnitPaths",
      `At most ${MAX_BULK_ORG_UNITS} OUs per request; got ${paths.length}. Split the change.`,
    );
  const seen = new Set<string>();
  paths.forEach((path, index) => {
    parsePath(path, `orgUnitPaths[${index}]`);
    if (seen.has(pathKey(path))) throw badInput(`orgUnitPaths[${index}]`, `"${path}" is named twice.`);
    seen.add(pathKey(path));
  });
  const change = policyChangeOf(input.policy);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    ctx.orgUnits,
    async () => {
      const targets = await Promise.all(
        paths.map((path, index) =>
          requireOrgUnitFor(ctx, { path }, { id: `orgUnitPaths[${index}]`, path: `orgUnitPaths[${index}]` }),
        ),
      );
      const policies = new Map(targets.map((ou) => [ou.id, applyPolicyChange(ou.mailAccessPolicy, change)]));
      const ids = new Set(targets.map((ou) => ou.id));
      // Each OU's own preview, then one impact over the subtrees of the topmost OUs with every new policy applied.
      const results = await Promise.all(
        targets.map((ou) => planPolicy(ctx, ou, policies.get(ou.id) as MailAccessPolicy, dryRun, [], [ou])),
      );
      const tops = targets.filter((ou) => !ou.ancestors.some((a) => ids.has(a.id)));
      const impact = combineImpacts(
        await Promise.all(
          tops.map(async (ou) => mailAccessImpact(ou.ancestors, await ctx.orgUnits.subtree(ou), policies)),
        ),
      );
      const changed = results.some((result) => result.changed);
      const bulk: BulkPolicyUpdate = { results, impact, warnings: policyWarnings(impact, changed), changed, dryRun };
      if (!changed || dryRun) return bulk;
      const changes = targets.flatMap((orgUnit) => {
        const policy = policies.get(orgUnit.id) as MailAccessPolicy;
        const entries = policyChanges(orgUnit.mailAccessPolicy, policy).map((entry) => ({
          orgUnitId: orgUnit.id,
          orgUnitPath: orgUnit.path,
          settingName: entry.settingName,
          oldValue: entry.oldValue,
          newValue: entry.newValue,
        }));
        return entries.length === 0 ? [] : [{ orgUnit, policy, entries }];
      });
      await ctx.orgUnits.updateMailAccessPolicies(changes, ctx.write, bulk);
      return bulk;
    },
    { retryVersionConflicts: true },
  );
}

function warning(code: WarningCode): Warning {
  return { code, message: WARNING_MESSAGES[code] };
}
