/** The POP and IMAP settings of an OU: read them with their sources, and change them with warnings and an impact preview. */
import {
  KNOWN_MAIL_CLIENTS,
  MAX_ALLOWED_OAUTH_CLIENTS,
  applyPolicyChange,
  copiesInheritedAllowlist,
  effectiveMailAccess,
  inheritedClientAccess,
  parseOAuthClientIds,
  policyChanges,
  type EffectiveMailAccess,
  type ImapClientAccess,
  type ImapClientMode,
  type MailAccessPolicy,
  type PolicyChange,
  type ToggleChange,
} from "../domain/mail-access";
import {
  allowlistSwitchWarnings,
  combineImpacts,
  mailAccessImpact,
  policyWarnings,
  warningOf,
  type MailAccessImpact,
  type Warning,
} from "../domain/mail-access-impact";
import { parsePath, pathKey, type OrgUnit } from "../domain/org-unit";
import { quoted } from "../domain/text";
import { badInput, failedPrecondition, versionConflict } from "../errors";
import type { Change } from "../store/unit-of-work";
import { authorize } from "./authorization";
import { countedSubtree, prefetchGroupsForPreview, withOwnSettingsCounts } from "./impact";
import { requireOrgUnitAtFor, requireOrgUnitFor } from "./org-units";
import type { Request, WriteRequest } from "./request";
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

/** `knownMailClients`: the mail clients whose OAuth client ids are well known. */
export async function knownMailClients(request: Request): Promise<readonly { name: string; clientId: string }[]> {
  await authorize(request, "ANY", "list known mail clients");
  return KNOWN_MAIL_CLIENTS;
}

export function effectiveMailAccessOf(orgUnit: OrgUnit, now: Date): EffectiveMailAccess<OrgUnit> {
  return effectiveMailAccess([...orgUnit.ancestors, orgUnit], now);
}

/** The change the input asks for, checked before anything is read (of an OU's settings, or of a group's). */
export function policyChangeOf(
  input: Pick<UpdateMailAccessPolicyInput, "popAccess" | "imapAccess" | "lessSecureApps" | "imapClientAccess">,
): PolicyChange {
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
  request: WriteRequest,
  input: UpdateMailAccessPolicyInput,
): Promise<MailAccessPolicyUpdate> {
  const caller = await authorize(request, "WRITE", "change mail access settings");
  const change = policyChangeOf(input);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      prefetchGroupsForPreview(request);
      const orgUnit = await requireOrgUnitFor(request, caller, input);
      const expectedVersion = input.expectedVersion ?? orgUnit.version;
      if (expectedVersion !== orgUnit.version)
        throw versionConflict(`"${orgUnit.path}"`, expectedVersion, orgUnit.version);
      const inherited = inheritedClientAccess(orgUnit.ancestors);
      const policy = applyPolicyChange(orgUnit.mailAccessPolicy, change, inherited);
      const copied = copiesInheritedAllowlist(orgUnit.mailAccessPolicy, change, inherited) ? [copiedWarning()] : [];
      const planned = withClientWarnings(
        orgUnit,
        copied,
        await planPolicy(request, orgUnit, policy, dryRun),
        request.now(),
      );
      if (!planned.changed || dryRun) return planned;
      const saved = request.policyWrites.setPolicy(orgUnit, planned.policy, expectedVersion);
      return request.work.commit([saved.change], savedUpdate(request, planned, saved.orgUnit));
    },
    { retryVersionConflicts: input.expectedVersion == null },
  );
}

const copiedWarning = () => warningOf("COPIED_INHERITED_ALLOWLIST", ["IMAP_CLIENT_ACCESS"]);

/**
 * The planned update with the warnings of its IMAP client access first: `copied` (the OU's own copy of an inherited
 * list), then who a switch from any client to the allow-list cuts off.
 */
function withClientWarnings(
  orgUnit: OrgUnit,
  copied: Warning[],
  planned: MailAccessPolicyUpdate,
  now: Date,
): MailAccessPolicyUpdate {
  const switched = allowlistSwitchWarnings(effectiveMailAccessOf(orgUnit, now), planned.effective);
  return { ...planned, warnings: [...copied, ...switched, ...planned.warnings] };
}

/** The update as saved: the OU after the write, its effective settings then. */
function savedUpdate(request: Request, planned: MailAccessPolicyUpdate, after: OrgUnit): MailAccessPolicyUpdate {
  return {
    ...planned,
    orgUnit: after,
    policyChangedAt: after.policyChangedAt,
    effective: effectiveMailAccessOf(after, request.now()),
  };
}

/**
 * What saving `policy` as `orgUnit`'s own would do, without writing: its effective settings as if saved now, the
 * impact on its subtree (or only on the OUs given as `subtree`), and the warnings.
 */
async function planPolicy(
  request: Request,
  orgUnit: OrgUnit,
  policy: MailAccessPolicy,
  dryRun: boolean,
  extraWarnings: Warning[] = [],
  subtree?: OrgUnit[],
): Promise<MailAccessPolicyUpdate> {
  const changed = policyChanges(orgUnit.mailAccessPolicy, policy).length > 0;
  const affected = subtree ?? (changed ? await countedSubtree(request, orgUnit) : [orgUnit]);
  const impact = mailAccessImpact({
    subtree: affected,
    ancestors: orgUnit.ancestors,
    newPolicies: new Map([[orgUnit.id, policy]]),
  });
  const now = request.now();
  const preview = changed ? { ...orgUnit, mailAccessPolicy: policy, policyChangedAt: now.toISOString() } : orgUnit;
  return {
    orgUnit,
    policy,
    policyChangedAt: preview.policyChangedAt,
    effective: effectiveMailAccessOf(preview, now),
    warnings: [...extraWarnings, ...policyWarnings(impact, changed)],
    impact,
    changed,
    dryRun,
  };
}

/** How many times a list edit is tried again after losing a race for the same OU record. */
const LIST_EDIT_ATTEMPTS = 25;

export interface AllowedOAuthClientsEdit {
  orgUnitPath?: string | null;
  orgUnitId?: string | null;
  oauthClientIds: string[];
  /** Required to add clients to an OU that allows any client: the add switches it to the allow-list. */
  switchToAllowlist?: boolean | null;
  expectedVersion?: number | null;
  dryRun?: boolean | null;
}

/**
 * Adds or removes OAuth clients on an OU's allow-list without a read-modify-write race: an add appends atomically
 * (concurrent adds of different ids all land), a remove deletes by position on the condition that each id is still
 * there. An OU that inherits an allow-list first gets its own copy of it (with a warning). Adding to an OU that allows
 * any client would cut off every other client, so it is refused unless the caller says `switchToAllowlist`. With
 * `expectedVersion`, the edit applies only to the OU at that version; with `dryRun`, it is only previewed.
 */
export async function editAllowedOAuthClients(
  request: WriteRequest,
  input: AllowedOAuthClientsEdit,
  edit: "ADD" | "REMOVE",
): Promise<MailAccessPolicyUpdate> {
  const caller = await authorize(request, "WRITE", "change mail access settings");
  const ids =
    parseOAuthClientIds({ list: input.oauthClientIds }, { list: "oauthClientIds", csv: "oauthClientIds" }) ?? [];
  if (ids.length === 0) throw badInput("oauthClientIds", "Name at least one OAuth client id.");
  if (edit === "REMOVE" && input.switchToAllowlist === true)
    throw badInput("switchToAllowlist", "Removing clients never switches an OU to the allow-list; leave it out.");
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      prefetchGroupsForPreview(request);
      const orgUnit = await requireOrgUnitFor(request, caller, input);
      if (input.expectedVersion != null && input.expectedVersion !== orgUnit.version)
        throw versionConflict(`"${orgUnit.path}"`, input.expectedVersion, orgUnit.version);
      const own = orgUnit.mailAccessPolicy.imapClientAccess;
      const current = effectiveMailAccessOf(orgUnit, request.now()).imapClientAccess.value;
      if (edit === "ADD" && current.mode === "ANY_CLIENT" && input.switchToAllowlist !== true)
        throw failedPrecondition(
          `"${orgUnit.path}" allows any mail client to use IMAP: adding OAuth clients would restrict IMAP to the listed ` +
            "clients and cut off every other one, password and service-account clients included. Send " +
            "switchToAllowlist: true to switch (preview it with dryRun: true first).",
          { field: "switchToAllowlist" },
        );
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
      if (unchanged || nothingToRemove) return planPolicy(request, orgUnit, orgUnit.mailAccessPolicy, dryRun);
      const access: ImapClientAccess = { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: next };
      const policy = { ...orgUnit.mailAccessPolicy, imapClientAccess: access };
      const copied = own === undefined && current.mode === "OAUTH_ALLOWLIST" ? [copiedWarning()] : [];
      const planned = withClientWarnings(
        orgUnit,
        copied,
        await planPolicy(request, orgUnit, policy, dryRun),
        request.now(),
      );
      if (dryRun) return planned;
      // The OU as this write leaves it (concurrent list edits of others may land beside it).
      const after: OrgUnit = {
        ...orgUnit,
        mailAccessPolicy: policy,
        policyChangedAt: planned.policyChangedAt,
        updatedAt: planned.policyChangedAt ?? orgUnit.updatedAt,
        version: orgUnit.version + 1,
      };
      const ownList = own?.mode === "OAUTH_ALLOWLIST";
      // Without expectedVersion, concurrent edits of other ids all land; with it, only the edit of that version.
      const expectedVersion = input.expectedVersion ?? undefined;
      const change: Change =
        edit === "ADD"
          ? request.policyWrites.addAllowedClients(
              orgUnit,
              next.slice(list.length),
              ownList ? undefined : access,
              expectedVersion,
            )
          : request.policyWrites.removeAllowedClients(
              orgUnit,
              own === undefined ? [] : list.flatMap((id, index) => (ids.includes(id) ? [{ id, index }] : [])),
              own === undefined ? access : undefined,
              expectedVersion,
            );
      return request.work.commit([change], { ...planned, orgUnit: after });
    },
    { retryVersionConflicts: input.expectedVersion == null, attempts: LIST_EDIT_ATTEMPTS },
  );
}

/**
 * At most this many OUs in one bulk change: each takes up to 5 transaction items (its policy and up to 4 audit
 * events), plus one for the idempotency record, within DynamoDB's 100 items per transaction.
 */
const MAX_BULK_ORG_UNITS = 19;

export interface BulkPolicyUpdate {
  results: MailAccessPolicyUpdate[];
  impact: MailAccessImpact<OrgUnit>;
  warnings: Warning[];
  changed: boolean;
  dryRun: boolean;
}

/**
 * Applies one change to many OUs, all or nothing, in one transaction, with per-OU warnings and one combined impact.
 * Every OU the change decided about is checked to be still as read, also those it leaves unchanged.
 */
export async function applyMailAccessPolicy(
  request: WriteRequest,
  input: {
    orgUnitPaths?: readonly string[] | null;
    orgUnitIds?: readonly string[] | null;
    policy: Omit<UpdateMailAccessPolicyInput, "orgUnitPath" | "orgUnitId" | "expectedVersion" | "dryRun">;
    dryRun?: boolean | null;
  },
): Promise<BulkPolicyUpdate> {
  const caller = await authorize(request, "WRITE", "change mail access settings");
  const named = [
    ...(input.orgUnitPaths ?? []).map((path, index) => ({ ref: { path }, field: `orgUnitPaths[${index}]` })),
    ...(input.orgUnitIds ?? []).map((id, index) => ({ ref: { id }, field: `orgUnitIds[${index}]` })),
  ];
  if (named.length === 0) throw badInput("orgUnitPaths", "Name at least one OU, by path or by id.");
  if (named.length > MAX_BULK_ORG_UNITS)
    throw badInput(
      input.orgUnitPaths == null ? "orgUnitIds" : "orgUnitPaths",
      `At most ${MAX_BULK_ORG_UNITS} OUs per request, paths and ids together; got ${named.length}. Split the change.`,
    );
  // A path named twice is refused before anything is read; a path and the id of the same OU, once both are read.
  const paths = new Set<string>();
  for (const { ref, field } of named) {
    if (!("path" in ref)) continue;
    parsePath(ref.path, field);
    if (paths.has(pathKey(ref.path))) throw badInput(field, `${quoted(ref.path)} is named twice.`);
    paths.add(pathKey(ref.path));
  }
  const change = policyChangeOf(input.policy);
  const dryRun = input.dryRun ?? false;
  return withRetries(
    async () => {
      prefetchGroupsForPreview(request);
      const targets = await Promise.all(
        named.map(({ ref, field }) => requireOrgUnitAtFor(request, caller, ref, field)),
      );
      // Each OU once, however it is named (the same path twice, or a path and its OU's id).
      const seen = new Set<string>();
      targets.forEach((orgUnit, index) => {
        if (seen.has(orgUnit.id))
          throw badInput((named[index] as { field: string }).field, `"${orgUnit.path}" is named twice.`);
        seen.add(orgUnit.id);
      });
      const inherited = new Map(targets.map((ou) => [ou.id, inheritedClientAccess(ou.ancestors)]));
      const policies = new Map(
        targets.map((ou) => [ou.id, applyPolicyChange(ou.mailAccessPolicy, change, inherited.get(ou.id))]),
      );
      const ids = new Set(targets.map((ou) => ou.id));
      const tops = targets.filter((ou) => !ou.ancestors.some((a) => ids.has(a.id)));
      // One impact over the subtrees of the topmost OUs with every new policy applied, and each OU's own preview: read
      // side by side, so that the subtrees' reads do not wait for the previews'. The subtrees first: below an OU with
      // children the customer's grouped users are read, and the previews then use that read too (services/impact.ts).
      const [impacts, planned] = await Promise.all([
        Promise.all(
          tops.map(async (ou) =>
            mailAccessImpact({
              subtree: await countedSubtree(request, ou),
              ancestors: ou.ancestors,
              newPolicies: policies,
            }),
          ),
        ),
        Promise.all(
          targets.map(async (ou) => {
            const copied = copiesInheritedAllowlist(
              ou.mailAccessPolicy,
              change,
              inherited.get(ou.id) as ImapClientAccess,
            );
            const policy = policies.get(ou.id) as MailAccessPolicy;
            const own = await planPolicy(request, ou, policy, dryRun, [], await withOwnSettingsCounts(request, [ou]));
            return withClientWarnings(ou, copied ? [copiedWarning()] : [], own, request.now());
          }),
        ),
      ]);
      const impact = combineImpacts(impacts);
      const changed = planned.some((result) => result.changed);
      const bulk: BulkPolicyUpdate = {
        results: planned,
        impact,
        warnings: policyWarnings(impact, changed),
        changed,
        dryRun,
      };
      if (!changed || dryRun) return bulk;
      const saved = targets.map((orgUnit, index) =>
        (planned[index] as MailAccessPolicyUpdate).changed
          ? request.policyWrites.setPolicy(orgUnit, policies.get(orgUnit.id) as MailAccessPolicy, orgUnit.version)
          : { change: { writes: [request.policyWrites.unchanged(orgUnit)], events: [] }, orgUnit },
      );
      const results = planned.map((result, index) =>
        result.changed ? savedUpdate(request, result, (saved[index] as { orgUnit: OrgUnit }).orgUnit) : result,
      );
      return request.work.commit(
        saved.map(({ change: each }) => each),
        { ...bulk, results },
      );
    },
    { retryVersionConflicts: true },
  );
}
