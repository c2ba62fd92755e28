/**
 * The changes of an OU's own mail access settings, each one transaction: the whole policy (with a version check),
 * allow-list edits as atomic list operations (no read-modify-write), and the check that an OU a bulk change leaves
 * alone is still as read. Each method builds a change for the unit of work to commit; nothing here sends a request.
 */
import type { AuditFact } from "../../domain/audit";
import {
  MAX_ALLOWED_OAUTH_CLIENTS,
  auditValue,
  policyChanges,
  type ImapClientAccess,
  type MailAccessPolicy,
} from "../../domain/mail-access";
import type { OrgUnit } from "../../domain/org-unit";
import { RetryableConflict } from "../../errors";
import { keys } from "../keys";
import type { Write } from "../transaction";
import type { Change } from "../unit-of-work";
import { versionChecked, type OrgUnitChange } from "./writes";

export class PolicyWrites {
  constructor(
    private readonly customerId: string,
    private readonly now: () => Date,
  ) {}

  /** The OU's own POP and IMAP settings and its version; one audit fact per setting that changes. */
  setPolicy(orgUnit: OrgUnit, policy: MailAccessPolicy, expectedVersion: number): OrgUnitChange {
    const now = this.now().toISOString();
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression:
              "SET mailAccessPolicy = :policy, policyChangedAt = :now, version = version + :one, updatedAt = :now",
            ConditionExpression: "version = :expected",
            ExpressionAttributeValues: { ":policy": policy, ":now": now, ":one": 1, ":expected": expectedVersion },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD",
          },
        },
        onConditionFailed: versionChecked(orgUnit, expectedVersion),
      },
    ];
    const events = policyChanges(orgUnit.mailAccessPolicy, policy).map(
      ({ setting, oldValue, newValue }): AuditFact => ({
        action: "MAIL_SETTING_CHANGED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        setting,
        oldValue,
        newValue,
      }),
    );
    return {
      change: { writes, events },
      orgUnit: {
        ...orgUnit,
        mailAccessPolicy: policy,
        policyChangedAt: now,
        version: expectedVersion + 1,
        updatedAt: now,
      },
    };
  }

  /** A check that the OU is still at the version a decision about it was made on (a bulk change's unchanged OUs). */
  unchanged(orgUnit: OrgUnit): Write {
    return {
      item: {
        ConditionCheck: {
          Key: keys.orgUnit(this.customerId, orgUnit.id),
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: { ":expected": orgUnit.version },
          ReturnValuesOnConditionCheckFailure: "ALL_OLD",
        },
      },
      onConditionFailed: versionChecked(orgUnit, orgUnit.version),
    };
  }

  /**
   * Adds client ids to the OU's own allow-list with one atomic append, not a read-modify-write, so concurrent adds of
   * different ids all land. Without an allow-list of its own, the OU gets `initial` as its own first (only if it still
   * has none, or still allows any client). A list that changed meanwhile is a retryable CONFLICT; so is an OU no longer
   * at `expectedVersion`, when given (the retry's fresh read then reports the stale version).
   */
  addAllowedClients(
    orgUnit: OrgUnit,
    ids: string[],
    initial: ImapClientAccess | undefined,
    expectedVersion?: number,
  ): Change {
    const list = "mailAccessPolicy.imapClientAccess.allowedOAuthClientIds";
    const own = orgUnit.mailAccessPolicy.imapClientAccess;
    const values: Record<string, unknown> = { ":allowlist": "OAUTH_ALLOWLIST" };
    ids.forEach((id, index) => (values[`:id${index}`] = id));
    const edit =
      initial === undefined
        ? {
            set: `${list} = list_append(${list}, :ids)`,
            condition: [
              "mailAccessPolicy.imapClientAccess.#mode = :allowlist",
              `size(${list}) <= :room`,
              ...ids.map((_, index) => `NOT contains(${list}, :id${index})`),
            ].join(" AND "),
            values: { ...values, ":ids": ids, ":room": MAX_ALLOWED_OAUTH_CLIENTS - ids.length },
          }
        : {
            set: "mailAccessPolicy.imapClientAccess = :access",
            condition:
              "attribute_not_exists(mailAccessPolicy.imapClientAccess) OR mailAccessPolicy.imapClientAccess.#mode <> :allowlist",
            values: { ":access": initial, ":allowlist": "OAUTH_ALLOWLIST" },
          };
    const newValue = initial === undefined ? `ADDED:${ids.join(",")}` : auditValue("imapClientAccess", initial);
    return this.clientAccessChange(
      orgUnit,
      edit,
      { old: auditValue("imapClientAccess", own), new: newValue },
      expectedVersion,
    );
  }

  /**
   * Removes client ids from the OU's own allow-list by position, on the condition that each is still at its
   * position; with `replacement`, sets the OU's own allow-list instead (only if it still has none). With
   * `expectedVersion`, only on the OU at that version.
   */
  removeAllowedClients(
    orgUnit: OrgUnit,
    positions: { id: string; index: number }[],
    replacement: ImapClientAccess | undefined,
    expectedVersion?: number,
  ): Change {
    const list = "mailAccessPolicy.imapClientAccess.allowedOAuthClientIds";
    const edit =
      replacement === undefined
        ? {
            remove: positions.map(({ index }) => `${list}[${index}]`).join(", "),
            condition: positions.map(({ index }) => `${list}[${index}] = :id${index}`).join(" AND "),
            values: Object.fromEntries(positions.map(({ id, index }) => [`:id${index}`, id])),
          }
        : {
            set: "mailAccessPolicy.imapClientAccess = :access",
            condition: "attribute_not_exists(mailAccessPolicy.imapClientAccess)",
            values: { ":access": replacement },
          };
    const newValue =
      replacement === undefined
        ? `REMOVED:${positions.map(({ id }) => id).join(",")}`
        : auditValue("imapClientAccess", replacement);
    const oldValue = auditValue("imapClientAccess", orgUnit.mailAccessPolicy.imapClientAccess);
    return this.clientAccessChange(orgUnit, edit, { old: oldValue, new: newValue }, expectedVersion);
  }

  private clientAccessChange(
    orgUnit: OrgUnit,
    edit: { set?: string; remove?: string; condition: string; values: Record<string, unknown> },
    audit: { old: string; new: string },
    expectedVersion: number | undefined,
  ): Change {
    const now = this.now().toISOString();
    const versioned = expectedVersion === undefined ? "" : " AND version = :expected";
    const set = [edit.set, "version = version + :one, policyChangedAt = :now, updatedAt = :now"];
    const update = `SET ${set.filter(Boolean).join(", ")}${edit.remove === undefined ? "" : ` REMOVE ${edit.remove}`}`;
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.orgUnit(this.customerId, orgUnit.id),
            UpdateExpression: update,
            ConditionExpression: `attribute_exists(pk) AND (${edit.condition})${versioned}`,
            ...(edit.condition.includes("#mode") ? { ExpressionAttributeNames: { "#mode": "mode" } } : {}),
            ExpressionAttributeValues: {
              ...edit.values,
              ":one": 1,
              ":now": now,
              ...(expectedVersion === undefined ? {} : { ":expected": expectedVersion }),
            },
          },
        },
        onConditionFailed: () =>
          new RetryableConflict(`The allowed OAuth clients of "${orgUnit.path}" changed meanwhile; retry.`),
      },
    ];
    const events: AuditFact[] = [
      {
        action: "MAIL_SETTING_CHANGED",
        orgUnit: { id: orgUnit.id, path: orgUnit.path },
        setting: "IMAP_CLIENT_ACCESS",
        oldValue: audit.old,
        newValue: audit.new,
      },
    ];
    return { writes, events };
  }
}
