/**
 * API keys of partner integrations: only the SHA-256 of a secret is stored, under a global key (the secret alone must
 * find it), with a per-customer list for listing and revoking. Secrets never appear in audit events.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AuditFact } from "../domain/audit";
import type { Actor, ApiKey, Role } from "../domain/customer";
import { quoted } from "../domain/text";
import { conflict, notFound } from "../errors";
import type { Db, Item, Key } from "./db";
import { keys } from "./keys";
import type { Write } from "./transaction";
import type { Change } from "./unit-of-work";

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newApiKeySecret(customerId: string): string {
  return `mak_${customerId}_${randomBytes(24).toString("base64url")}`;
}

/** The item that holds the key `secret`. */
export function apiKeyItemKey(secret: string): Key {
  return keys.apiKey(hashSecret(secret));
}

export type ApiKeyCheck =
  { customerId: string; actor: Actor; lastUsedAt: string | null } | "UNKNOWN" | "REVOKED" | "EXPIRED";

/** What the stored item of an API key (or its absence) says about the key. */
export function checkApiKey(item: Item | undefined, now: Date): ApiKeyCheck {
  if (item === undefined) return "UNKNOWN";
  const key = toApiKey(item);
  if (key.revokedAt !== null) return "REVOKED";
  if (key.expiresAt !== null && new Date(key.expiresAt) <= now) return "EXPIRED";
  return {
    customerId: String(item.customerId),
    actor: { kind: "API_KEY", id: key.id, name: key.name, role: key.role, orgUnitScope: key.orgUnitScope },
    lastUsedAt: key.lastUsedAt,
  };
}

/** Records when a key was last used: bookkeeping beside a request, not a change anyone makes. */
export async function touchApiKey(db: Db, secret: string, now: Date): Promise<void> {
  await db.update({
    Key: apiKeyItemKey(secret),
    UpdateExpression: "SET lastUsedAt = :now",
    ConditionExpression: "attribute_exists(pk)",
    ExpressionAttributeValues: { ":now": now.toISOString() },
  });
}

/** Ids that no key can have are not looked up (an empty or oversized sort key is a DynamoDB error). */
const KEY_ID = /^key_[a-z0-9]{1,64}$/;

export class ApiKeyStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly now: () => Date,
  ) {}

  /** The key `secret` as a new key of this customer (only its hash is stored). */
  create(
    key: { name: string; role: Role; orgUnitScope: { id: string; path: string } | null; expiresAt: string | null },
    secret: string,
  ): { change: Change; apiKey: ApiKey } {
    const apiKey: ApiKey = {
      id: `key_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      name: key.name,
      role: key.role,
      orgUnitScope: key.orgUnitScope?.id ?? null,
      expiresAt: key.expiresAt,
      createdAt: this.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    const hash = hashSecret(secret);
    const writes: Write[] = [
      {
        item: {
          Put: {
            Item: { ...keys.apiKey(hash), type: "API_KEY", customerId: this.customerId, ...apiKey },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: () => conflict("This API key secret is already in use."),
      },
      {
        item: {
          Put: {
            Item: { ...keys.apiKeyRef(this.customerId, apiKey.id), type: "API_KEY_REF", secretHash: hash, ...apiKey },
          },
        },
      },
    ];
    const events: AuditFact[] = [
      {
        action: "API_KEY_CREATED",
        apiKeyId: apiKey.id,
        newValue: roleText(key.role, key.orgUnitScope?.path ?? null, key.name),
      },
    ];
    return { change: { writes, events }, apiKey };
  }

  /** The key `keyId` of this customer, or NOT_FOUND (a key of another customer is simply not found). */
  async require(keyId: string): Promise<{ apiKey: ApiKey; secretHash: string }> {
    const ref = KEY_ID.test(keyId) ? await this.db.get(keys.apiKeyRef(this.customerId, keyId)) : undefined;
    if (ref === undefined) throw notFound("id", `No API key with id ${quoted(keyId)}.`);
    return { apiKey: toApiKey(ref), secretHash: String(ref.secretHash) };
  }

  /** Revokes a key (effective on its next request); a key already revoked stays as it is (no change). */
  revoke(found: { apiKey: ApiKey; secretHash: string }): { change: Change; apiKey: ApiKey } | { apiKey: ApiKey } {
    if (found.apiKey.revokedAt !== null) return { apiKey: found.apiKey };
    const revokedAt = this.now().toISOString();
    const apiKey = { ...found.apiKey, revokedAt };
    const writes: Write[] = [
      {
        item: {
          Update: {
            Key: keys.apiKey(found.secretHash),
            UpdateExpression: "SET revokedAt = :now",
            ConditionExpression: "customerId = :customer",
            ExpressionAttributeValues: { ":now": revokedAt, ":customer": this.customerId },
          },
        },
        onConditionFailed: () => notFound("id", `No API key with id "${apiKey.id}".`),
      },
      {
        item: {
          Update: {
            Key: keys.apiKeyRef(this.customerId, apiKey.id),
            UpdateExpression: "SET revokedAt = :now",
            ExpressionAttributeValues: { ":now": revokedAt },
          },
        },
      },
    ];
    const events: AuditFact[] = [{ action: "API_KEY_REVOKED", apiKeyId: apiKey.id, oldValue: apiKey.name }];
    return { change: { writes, events }, apiKey };
  }

  /** The customer's API keys, in id order; with `lastUsedAt` read from the keys themselves. */
  async list(): Promise<ApiKey[]> {
    const refs: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.db.query({
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.apiKeyRef(this.customerId, "").pk },
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      });
      refs.push(...page.items);
      start = page.lastKey;
    } while (start !== undefined);
    const live = new Map(
      (await this.db.batchGet(refs.map((ref) => keys.apiKey(String(ref.secretHash))))).map((item) => [
        String(item.id),
        item,
      ]),
    );
    return refs.map((ref) => toApiKey(live.get(String(ref.id)) ?? ref));
  }
}

/** How a role reads in the audit log: the role, its OU scope, and the key's name where one is given. */
export function roleText(role: Role, scopePath: string | null, name?: string): string {
  return [role, scopePath === null ? "" : ` ${scopePath}`, name === undefined ? "" : ` "${name}"`].join("");
}

function toApiKey(item: Item): ApiKey {
  return {
    id: String(item.id),
    name: String(item.name),
    role: item.role as Role,
    orgUnitScope: (item.orgUnitScope as string | null | undefined) ?? null,
    expiresAt: (item.expiresAt as string | null | undefined) ?? null,
    createdAt: String(item.createdAt),
    lastUsedAt: (item.lastUsedAt as string | null | undefined) ?? null,
    revokedAt: (item.revokedAt as string | null | undefined) ?? null,
  };
}
