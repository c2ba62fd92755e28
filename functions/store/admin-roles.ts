/**
 * Administrator roles: one item per address under a global key (a signed-in person is found by it, and an address
 * holds a role in one organization only), with a per-customer list.
 */
import type { AuditFact } from "../domain/audit";
import type { AdminRole, Role } from "../domain/customer";
import { conflict, notFound } from "../errors";
import type { Db, Item } from "./db";
import { keys } from "./keys";
import { roleText } from "./api-keys";
import type { Change } from "./unit-of-work";

/** The address already holds exactly this role here: granting it again changes nothing. */
export class RoleUnchanged extends Error {
  constructor(readonly adminRole: AdminRole) {
    super(`${adminRole.email} already holds this role.`);
    this.name = "RoleUnchanged";
  }
}

export class AdminRoleStore {
  constructor(
    private readonly db: Db,
    private readonly customerId: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Gives `email` a role here (replacing another role it held here); refused if the address is another organization's
   * administrator. A role it already holds is not written again: the commit throws RoleUnchanged with it.
   */
  grant(assignment: { email: string; role: Role; orgUnitScope: { id: string; path: string } | null }): {
    change: Change;
    adminRole: AdminRole;
  } {
    const adminRole: AdminRole = {
      email: assignment.email,
      role: assignment.role,
      orgUnitScope: assignment.orgUnitScope?.id ?? null,
      grantedAt: this.now().toISOString(),
    };
    const change: Change = {
      writes: [
        {
          item: {
            Put: {
              Item: { ...keys.admin(adminRole.email), type: "ADMIN_ROLE", customerId: this.customerId, ...adminRole },
              ConditionExpression:
                "attribute_not_exists(pk) OR (customerId = :customer AND (#role <> :role OR orgUnitScope <> :scope))",
              ExpressionAttributeNames: { "#role": "role" },
              ExpressionAttributeValues: {
                ":customer": this.customerId,
                ":role": adminRole.role,
                ":scope": adminRole.orgUnitScope,
              },
              ReturnValuesOnConditionCheckFailure: "ALL_OLD",
            },
          },
          onConditionFailed: (current) =>
            current?.customerId === this.customerId
              ? new RoleUnchanged(toAdminRole(current))
              : conflict(`${adminRole.email} is an administrator of another organization.`, { field: "email" }),
        },
        {
          item: {
            Put: { Item: { ...keys.adminRef(this.customerId, adminRole.email), type: "ADMIN_ROLE_REF", ...adminRole } },
          },
        },
      ],
      events: [
        {
          action: "ADMIN_ROLE_GRANTED",
          adminEmail: adminRole.email,
          newValue: roleText(adminRole.role, assignment.orgUnitScope?.path ?? null),
        } satisfies AuditFact,
      ],
    };
    return { change, adminRole };
  }

  revoke(email: string): Change {
    return {
      writes: [
        {
          item: {
            Delete: {
              Key: keys.admin(email),
              ConditionExpression: "customerId = :customer",
              ExpressionAttributeValues: { ":customer": this.customerId },
            },
          },
          onConditionFailed: () => notFound("email", `${email} holds no administrator role here.`),
        },
        { item: { Delete: { Key: keys.adminRef(this.customerId, email) } } },
      ],
      events: [{ action: "ADMIN_ROLE_REVOKED", adminEmail: email }],
    };
  }

  /**
   * Binds `email`'s role here to the identity provider's subject of the person signing in with it, unless it is bound
   * already (to another one: false). Bookkeeping of sign-in, not a change anyone makes: not audited.
   */
  async bindSubject(email: string, subject: string): Promise<boolean> {
    try {
      await this.db.update({
        Key: keys.admin(email),
        UpdateExpression: "SET subject = :subject",
        ConditionExpression: "customerId = :customer AND (attribute_not_exists(subject) OR subject = :subject)",
        ExpressionAttributeValues: { ":subject": subject, ":customer": this.customerId },
      });
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }

  async list(): Promise<AdminRole[]> {
    const { items } = await this.db.query({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.adminRef(this.customerId, "").pk },
    });
    return items.map(toAdminRole);
  }
}

function toAdminRole(item: Item): AdminRole {
  return {
    email: String(item.email),
    role: item.role as Role,
    orgUnitScope: (item.orgUnitScope as string | null | undefined) ?? null,
    grantedAt: String(item.grantedAt),
  };
}
