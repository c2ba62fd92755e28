/**
 * Every key of the single table. Each customer item's key starts with the customer ("C#<id>"), and customer ids
 * cannot contain "#", so no key built for one customer can address another's items. The few global keys (API key
 * hash, mail domain, administrator address, a user's mailbox) are lookups that say which customer they belong to.
 */
import type { Key } from "./db";

const CUSTOMER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function assertCustomerId(id: string): string {
  if (!CUSTOMER_ID.test(id)) throw new Error(`Invalid customer id "${id}": use lowercase letters, digits and "-".`);
  return id;
}

export const keys = {
  customer: (customerId: string): Key => ({ pk: `C#${customerId}`, sk: "CUSTOMER" }),
  /** Holds the lock of a rename or move in progress for the customer's OU tree. */
  tree: (customerId: string): Key => ({ pk: `C#${customerId}#TREE`, sk: "TREE" }),
  /** A fence item of a rename or move in progress: its parallel writes each check one (store/org-units/restructure). */
  treeLane: (customerId: string, lane: number): Key => ({ pk: `C#${customerId}#TREE#LANE#${lane}`, sk: "LANE" }),
  orgUnit: (customerId: string, id: string): Key => ({ pk: `C#${customerId}#OU#${id}`, sk: "OU" }),
  /** A lookup hint from an OU path (lower-cased) to the OU id; the OU records are the truth. */
  path: (customerId: string, pathKey: string): Key => ({ pk: `C#${customerId}#PATH#${pathKey}`, sk: "PATH" }),
  /**
   * An API key, addressed by the SHA-256 of its secret (the secret alone must find it, since it names no customer);
   * the item says which customer the key belongs to, and nothing of a customer is reachable without that.
   */
  apiKey: (secretHash: string): Key => ({ pk: `APIKEY#${secretHash}`, sk: "APIKEY" }),
  /** The customer's list of its API keys (without secrets), one item per key. */
  apiKeyRef: (customerId: string, keyId: string): Key => ({ pk: `C#${customerId}#APIKEYS`, sk: keyId }),
  /** Which customer owns a mail domain; found from a signed-in person's address. */
  domain: (domain: string): Key => ({ pk: `DOMAIN#${domain}`, sk: "DOMAIN" }),
  /** An administrator's role, found from their address (which belongs to one customer's domain). */
  admin: (email: string): Key => ({ pk: `ADMIN#${email}`, sk: "ADMIN" }),
  /** The customer's list of administrators. */
  adminRef: (customerId: string, email: string): Key => ({ pk: `C#${customerId}#ADMINS`, sk: email }),
  user: (customerId: string, email: string): Key => ({ pk: `C#${customerId}#USER#${email}`, sk: "USER" }),
  /**
   * Where a user of the customer is (their OU), found from the address alone: read with a signed-in person's sign-in
   * lookup, so that their own user and OU can be read in one step. One item per customer under the address's
   * partition (`mailboxes`), since an address's domain may be claimed by one customer only but named by others.
   */
  mailbox: (email: string, customerId: string): Key => ({ pk: `MAILBOX#${email}`, sk: `C#${customerId}` }),
  /** Partition of the `mailbox` items of one address. */
  mailboxes: (email: string): string => `MAILBOX#${email}`,
  /**
   * An audit event lives in its OU's partition, newest last by its sort key; events that concern no OU (API keys,
   * administrator roles) in the organization's own audit partition.
   */
  auditEvent: (customerId: string, orgUnitId: string | null, time: string, eventId: string): Key => ({
    pk: orgUnitId === null ? `C#${customerId}#AUDIT#ORG` : `C#${customerId}#OU#${orgUnitId}`,
    sk: `AUDIT#${time}#${eventId}`,
  }),
  /** An idempotency record: per customer, per actor, per key. */
  idempotency: (customerId: string, actorId: string, key: string): Key => ({
    pk: `C#${customerId}#IDEM#${actorId}#${key}`,
    sk: "IDEM",
  }),
  /** Partition of the auditByCustomer index: all of a customer's audit events by time. */
  auditLog: (customerId: string): string => `C#${customerId}#AUDIT`,
  /** Partition of the byParent index listing an OU's users. */
  users: (customerId: string, orgUnitId: string): string => `C#${customerId}#USERS#${orgUnitId}`,
  /** A partition (one of several shards) of the byAncestry index: OUs by their chain of ids. */
  ancestry: (customerId: string, shard: number): string => `C#${customerId}#OUS#${shard}`,
  /** Partition of the byParent index listing an OU's children. */
  children: (customerId: string, parentId: string): string => `C#${customerId}#CHILDREN#${parentId}`,
  /** A configuration group; its members are items of the same partition (`groupMember`). */
  group: (customerId: string, id: string): Key => ({ pk: `C#${customerId}#GROUP#${id}`, sk: "GROUP" }),
  /** One member of a group, in the group's partition: groups (by id) sort before users (by address). */
  groupMember: (customerId: string, groupId: string, member: GroupMemberRef): Key => ({
    pk: `C#${customerId}#GROUP#${groupId}`,
    sk:
      "userEmail" in member
        ? `${GROUP_MEMBER_PREFIX}U#${member.userEmail}`
        : `${GROUP_MEMBER_PREFIX}G#${member.groupId}`,
  }),
  /** Keeps group names unique (compared folded, as OU names): the folded name's owner. */
  groupName: (customerId: string, nameKey: string): Key => ({
    pk: `C#${customerId}#GROUPNAME#${nameKey}`,
    sk: "GROUPNAME",
  }),
  /** Keeps group addresses unique: the address's owner. */
  groupEmail: (customerId: string, email: string): Key => ({
    pk: `C#${customerId}#GROUPEMAIL#${email}`,
    sk: "GROUPEMAIL",
  }),
  /** Every group of the customer, in priority order (highest first). */
  groupOrder: (customerId: string): Key => ({ pk: `C#${customerId}#GROUPS`, sk: "ORDER" }),
  /** The version of the groups' nesting, and the membership change being fanned out to members, if any. */
  groupGraph: (customerId: string): Key => ({ pk: `C#${customerId}#GROUPS`, sk: "GRAPH" }),
  /** A fence item of a membership fan-out in progress (store/groups/fan-out.ts). */
  groupGraphLane: (customerId: string, lane: number): Key => ({
    pk: `C#${customerId}#GROUPS#LANE#${lane}`,
    sk: "LANE",
  }),
};

/** A member of a group: a user by address, or a group by id. */
export type GroupMemberRef = { userEmail: string } | { groupId: string };

/** The sort keys of a group's members start with this. */
export const GROUP_MEMBER_PREFIX = "MEMBER#";
