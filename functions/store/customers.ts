/**
 * Customers and how a signed-in person is found: a customer with its mail domains (a domain belongs to one customer)
 * and its root OU, created by operator tooling; and the lookups authentication makes before the customer is known.
 */
import type { Customer, Role } from "../domain/customer";
import type { OrgUnitRecord } from "../domain/org-unit";
import type { UserPlacement } from "../domain/user";
import { conflict } from "../errors";
import type { Db } from "./db";
import { assertCustomerId, keys } from "./keys";
import { hintItem, newOrgUnitId, orgUnitItem } from "./org-units/records";
import { transact, type Write } from "./transaction";

/** How many customers' mailbox items of one address the sign-in lookup reads (one in practice). */
const MAILBOXES_READ = 10;

export class CustomerStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  async get(customerId: string): Promise<Customer | null> {
    const item = await this.db.get(keys.customer(customerId));
    if (item === undefined) return null;
    return { id: customerId, name: String(item.name), domains: item.domains as string[] };
  }

  /**
   * Creates the customer with its root OU and, with `claimDomains`, claims its mail domains (people signed in with
   * OpenID Connect are found through them); a customer that already exists is left as it is. Returns true if
   * created. Operator tooling, not an API call: it has no caller to audit.
   */
  async ensure(customer: Customer, { claimDomains = true }: { claimDomains?: boolean } = {}): Promise<boolean> {
    assertCustomerId(customer.id);
    if ((await this.get(customer.id)) !== null) return false;
    const domains = customer.domains.map((domain) => domain.toLowerCase());
    const claimed = claimDomains ? await this.db.batchGet(domains.map((domain) => keys.domain(domain))) : [];
    if (claimed.length > 0)
      throw conflict(`The mail domain ${String(claimed[0]?.pk).slice("DOMAIN#".length)} belongs to another customer.`);
    const now = this.now().toISOString();
    const root: OrgUnitRecord = {
      id: newOrgUnitId(),
      name: customer.name,
      description: null,
      parentId: null,
      ancestorIds: [],
      childCount: 0,
      userCount: 0,
      ownSettingsCounts: {},
      mailAccessPolicy: {},
      policyChangedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const exists = () => conflict(`Customer "${customer.id}" was created meanwhile.`);
    const writes: Write[] = [
      {
        item: {
          Put: {
            Item: { ...keys.customer(customer.id), name: customer.name, domains },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: exists,
      },
      {
        item: { Put: { Item: keys.tree(customer.id), ConditionExpression: "attribute_not_exists(pk)" } },
        onConditionFailed: exists,
      },
      {
        item: { Put: { Item: orgUnitItem(customer.id, root), ConditionExpression: "attribute_not_exists(pk)" } },
        onConditionFailed: exists,
      },
      { item: { Put: { Item: hintItem(customer.id, "/", root.id, []) } } },
      ...(claimDomains ? domains : []).map((domain): Write => ({
        item: {
          Put: {
            Item: { ...keys.domain(domain), customerId: customer.id },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: () => conflict(`The mail domain ${domain} belongs to another customer.`),
      })),
    ];
    await transact(this.db, writes);
    return true;
  }

  /**
   * The organization and role of a person signed in with OpenID Connect: their administrator role if they hold one,
   * else the organization owning their mail domain (as a user); and where their own user is in that organization, if
   * they are one (`keys.mailbox`). One step: a batch and a query side by side.
   */
  async lookUpPerson(email: string): Promise<{
    customerId: string;
    role: Role | null;
    orgUnitScope: string | null;
    /** The identity provider's subject ("<issuer> <sub>") an administrator role is bound to, once bound. */
    subject: string | null;
    /** Where the person's own user is, as last written; null when they have none (that this lookup knows of). */
    mailbox: UserPlacement | null;
  } | null> {
    const domain = email.slice(email.lastIndexOf("@") + 1);
    const [items, mailboxes] = await Promise.all([
      this.db.batchGet([keys.admin(email), keys.domain(domain)]),
      this.db.query({
        KeyConditionExpression: "pk = :mailboxes",
        ExpressionAttributeValues: { ":mailboxes": keys.mailboxes(email) },
        ConsistentRead: true,
        // An address belongs to the one customer owning its domain; others may only name it (unclaimed domains).
        Limit: MAILBOXES_READ,
      }),
    ]);
    const admin = items.find((item) => item.type === "ADMIN_ROLE");
    const owner = items.find((item) => item.pk === keys.domain(domain).pk);
    const customerId = admin?.customerId ?? owner?.customerId;
    if (customerId === undefined) return null;
    const mailbox = mailboxes.items.find((item) => item.sk === keys.mailbox(email, String(customerId)).sk);
    return {
      customerId: String(customerId),
      role: admin === undefined ? null : (admin.role as Role),
      orgUnitScope: (admin?.orgUnitScope as string | null | undefined) ?? null,
      subject: (admin?.subject as string | undefined) ?? null,
      mailbox:
        mailbox === undefined
          ? null
          : { orgUnitId: String(mailbox.orgUnitId), orgUnitAncestorIds: mailbox.orgUnitAncestorIds as string[] },
    };
  }
}
