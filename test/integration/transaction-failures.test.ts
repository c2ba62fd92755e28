/**
 * A failed transaction is explained by the item that failed, never by its position (functions/store/transaction.ts):
 * each change below fails in its own way, committed alone and then behind an extra item added in front of it, and the
 * caller gets the same error both times; an extra item that fails gives its own error instead. (A lint rule keeps any
 * other code from reading a cancellation's reasons: eslint.config.js.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgUnit } from "../../functions/domain/org-unit";
import { ApiError } from "../../functions/errors";
import { requireOrgUnitAt } from "../../functions/services/org-units";
import { apiKeyItemKey } from "../../functions/store/api-keys";
import { createDocumentClient, Db } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { PolicyWrites } from "../../functions/store/org-units/policy-writes";
import type { Write } from "../../functions/store/transaction";
import type { Change } from "../../functions/store/unit-of-work";
import { UserStore } from "../../functions/store/users";
import { testCustomer } from "../support/api";
import { createOrgUnits, type Api } from "../support/partner";

let api: Api;
let stores: ReturnType<Api["treeStores"]>;
let sales: OrgUnit;
let root: OrgUnit;

/** The error a commit of `changes` fails with (as the caller would get it). */
async function failureOf(changes: Change[]) {
  const error = await stores
    .work()
    .commit(changes, null)
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(ApiError);
  const { code, message, details } = error as ApiError;
  return { code, message, details };
}

/** An item that changes nothing and whose condition holds: the customer's own item, or its API key's, exists. */
const passing = (which: "customer" | "apiKey" = "customer"): Change => ({
  writes: [
    {
      item: {
        ConditionCheck: {
          Key: which === "customer" ? keys.customer(api.customer.id) : apiKeyItemKey(api.apiKey),
          ConditionExpression: "attribute_exists(pk)",
        },
      },
      onConditionFailed: () => new Error("the item exists"),
    },
  ],
  events: [],
});

beforeAll(async () => {
  api = await testCustomer();
  stores = api.treeStores();
  await createOrgUnits(api, ["/Sales", "/Sales/EMEA"]);
  await api.ok(`mutation { createUser(input: { email: "ana@example.com", orgUnitPath: "/Sales", name: "Ana" }) {
    user { email } } }`);
  sales = await requireOrgUnitAt(stores.orgUnits, "/Sales", "path");
  root = await requireOrgUnitAt(stores.orgUnits, "/", "path");
});

describe("each failure maps to the same error wherever its item stands", () => {
  const failing: Record<string, () => Change> = {
    "a sibling with the same name": () => stores.writes.create(root, "SALES", null).change,
    "a stale version": () =>
      new PolicyWrites(api.customer.id, () => new Date()).setPolicy(sales, { popAccess: false }, sales.version - 1)
        .change,
    "an OU that still has children": () => stores.writes.delete(sales, sales.version),
    "a user who already exists": () =>
      new UserStore(
        new Db(createDocumentClient(api.config), api.config.tableName),
        api.customer.id,
        () => new Date(),
      ).create(sales, "ana@example.com", "Ana again").change,
  };

  it.each(Object.keys(failing))("%s", async (name) => {
    const change = (failing[name] as () => Change)();
    const alone = await failureOf([change]);
    const behind = await failureOf([passing(), change]);
    const behindTwo = await failureOf([passing(), passing("apiKey"), change]);
    expect(behind).toEqual(alone);
    expect(behindTwo).toEqual(alone);
    expect(alone.code).not.toBe("INTERNAL_SERVER_ERROR");
  });

  it("states the expected meaning of each failure", async () => {
    expect(await failureOf([(failing["a sibling with the same name"] as () => Change)()])).toMatchObject({
      code: "CONFLICT",
      details: { field: "name" },
    });
    expect(await failureOf([(failing["a stale version"] as () => Change)()])).toMatchObject({
      code: "CONFLICT",
      details: { field: "expectedVersion", currentVersion: sales.version },
    });
    expect(await failureOf([(failing["an OU that still has children"] as () => Change)()])).toMatchObject({
      code: "FAILED_PRECONDITION",
    });
    expect(await failureOf([(failing["a user who already exists"] as () => Change)()])).toMatchObject({
      code: "CONFLICT",
      details: { field: "email" },
    });
  });

  it("an item in front that fails gives its own error, not the one of the item behind it", async () => {
    const own: Write = {
      item: { ConditionCheck: { Key: keys.customer("no-such-customer"), ConditionExpression: "attribute_exists(pk)" } },
      onConditionFailed: () => new ApiError("NOT_FOUND", "the item in front failed"),
    };
    const error = await failureOf([{ writes: [own], events: [] }, stores.writes.create(root, "Fresh", null).change]);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "the item in front failed" });
  });
});

describe("the unit of work", () => {
  it("refuses a change that records no audit event", async () => {
    await expect(stores.work().commit([passing()], null)).rejects.toThrow(/audit event/);
  });
});
