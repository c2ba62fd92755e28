/**
 * Bulk apply (issue 4): `applyMailAccessPolicy` applies one change to up to 19 OUs, all or nothing, with per-OU
 * warnings and one combined impact; larger requests, duplicates and unknown paths are refused; dry runs write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient, Db } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { testCustomer } from "../support/api";
import { watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
import {
  settingEvents,
  clientId,
  createOrgUnits,
  createUsers,
  errorOf,
  readOrgUnit,
  type Api,
} from "../support/partner";

let watch: DynamoDbWatch;
beforeAll(() => {
  watch = watchDynamoDb();
});
afterAll(() => watch.stop());

const APPLY = `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) {
  changed dryRun
  results {
    changed dryRun orgUnit { path version }
    mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } }
    effectiveMailAccess { imapAccess { enabled source { kind orgUnit { path } } } }
    warnings { code }
  }
  impact {
    usersGainingPop usersLosingPop usersGainingImap usersLosingImap
    changedOrgUnits(first: 100) { totalCount nodes { orgUnit { path } changedSettings userCount } }
  }
  warnings { code }
} }`;

const codes = (warnings: { code: string }[]) => warnings.map((warning) => warning.code);

/** Every OU's version and own policy, and the customer's audit events: what "nothing written" must leave alone. */
async function everything(api: Api, paths: string[]) {
  const orgUnits = await Promise.all(paths.map((path) => readOrgUnit(api, path)));
  return { orgUnits, events: (await settingEvents(api)).length };
}

describe("applyMailAccessPolicy", () => {
  let api: Api;
  const tree = ["/B", "/B/Child", "/B/Child/Leaf", "/B/Sibling", "/Other", "/Quiet"];
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, tree);
    await createUsers(api, "/B", 3, "b");
    await createUsers(api, "/B/Child", 2, "child");
    await createUsers(api, "/B/Child/Leaf", 4, "leaf");
    await createUsers(api, "/B/Sibling", 1, "sibling");
    await createUsers(api, "/Other", 5, "other");
    await api.ok(`mutation { updateMailAccessPolicy(input: { orgUnitPath: "/Quiet", imapAccess: OFF }) { changed } }`);
  });

  it("dryRun previews the change and writes nothing", async () => {
    const before = await everything(api, tree);
    watch.reset();
    const input = { orgUnitPaths: ["/B", "/B/Child", "/Other"], policy: { imapAccess: "OFF" }, dryRun: true };
    const { applyMailAccessPolicy: preview } = await api.ok(APPLY, { input });
    expect(watch.writes()).toEqual([]);
    expect(preview.dryRun).toBe(true);
    expect(preview.changed).toBe(true);
    expect(preview.impact.usersLosingImap).toBe(3 + 2 + 4 + 1 + 5);
    expect(await everything(api, tree)).toEqual(before);
  });

  it("applies one change to parent, child and others in one transaction: per-OU warnings, combined impact", async () => {
    const before = await everything(api, tree);
    watch.reset();
    const response = await api.gql(APPLY, {
      input: { orgUnitPaths: ["/B", "/B/Child", "/Other", "/Quiet"], policy: { imapAccess: "OFF" } },
    });
    expect(response.errors).toBeUndefined();
    const result = (response.data as any).applyMailAccessPolicy;
    const transactions = watch.sent.filter((command) => command.name === "TransactWriteCommand");
    expect(watch.writes()).toEqual(transactions);
    expect(transactions).toHaveLength(1);

    expect(result).toMatchObject({ changed: true, dryRun: false });
    // Each OU's own result, in the order asked, with its own warnings: /Quiet had IMAP off already.
    expect(result.results.map((r: any) => [r.orgUnit.path, r.changed, r.mailAccessPolicy.imapAccess])).toEqual([
      ["/B", true, "OFF"],
      ["/B/Child", true, "OFF"],
      ["/Other", true, "OFF"],
      ["/Quiet", false, "OFF"],
    ]);
    for (const changed of result.results.slice(0, 3))
      expect(codes(changed.warnings)).toEqual(
        expect.arrayContaining(["IMAP_OFF_IOS_MAIL", "IMAP_OFF_SILENT_SIGN_IN_FAILURE", "PROPAGATION_DELAY"]),
      );
    expect(codes(result.results[3].warnings)).not.toContain("PROPAGATION_DELAY");
    expect(result.results[1].effectiveMailAccess.imapAccess.source).toEqual({
      kind: "SET_HERE",
      orgUnit: { path: "/B/Child" },
    });
    // One impact for all: the child's users are counted once although both it and its parent are listed.
    expect(result.impact).toMatchObject({
      usersLosingImap: 3 + 2 + 4 + 1 + 5,
      usersGainingImap: 0,
      usersLosingPop: 0,
      usersGainingPop: 0,
    });
    const changedOrgUnits = result.impact.changedOrgUnits;
    expect(changedOrgUnits.nodes.map((node: any) => node.orgUnit.path).sort()).toEqual(
      ["/B", "/B/Child", "/B/Child/Leaf", "/B/Sibling", "/Other"].sort(),
    );
    expect(changedOrgUnits.totalCount).toBe(5);
    expect(codes(result.warnings)).toEqual(
      expect.arrayContaining(["IMAP_OFF_IOS_MAIL", "CLIENTS_STOP_RECEIVING_MAIL", "PROPAGATION_DELAY"]),
    );

    const after = await everything(api, tree);
    const versions = (state: typeof after) => Object.fromEntries(state.orgUnits.map((ou) => [ou.path, ou.version]));
    expect(versions(after)).toEqual({
      ...versions(before),
      "/B": versions(before)["/B"] + 1,
      "/B/Child": versions(before)["/B/Child"] + 1,
      "/Other": versions(before)["/Other"] + 1,
    });
    // Each result shows its OU as saved: the new version, not the one read before the change (issue 13).
    for (const changed of result.results)
      expect(changed.orgUnit.version, changed.orgUnit.path).toBe(versions(after)[changed.orgUnit.path]);
    const events = (await settingEvents(api)).filter((event) => event.requestId === response.headers["x-request-id"]);
    expect(
      events.map((event) => [event.orgUnitPath, event.settingName, event.oldValue, event.newValue]).sort(),
    ).toEqual(
      [
        ["/B", "IMAP_ACCESS", "INHERIT_FROM_PARENT", "OFF"],
        ["/B/Child", "IMAP_ACCESS", "INHERIT_FROM_PARENT", "OFF"],
        ["/Other", "IMAP_ACCESS", "INHERIT_FROM_PARENT", "OFF"],
      ].sort(),
    );
  });

  it("all or nothing: when one OU changed meanwhile at every attempt, nothing is written anywhere", async () => {
    const targets = ["/B", "/B/Sibling", "/Other"];
    const before = await everything(api, tree);
    const sibling = before.orgUnits.find((ou) => ou.path === "/B/Sibling");
    const db = new Db(createDocumentClient(api.config), api.config.tableName);
    let attempts = 0;
    // Just before each bulk transaction, another writer changes /B/Sibling: the version the bulk read is stale.
    watch.intercept(async (command, proceed) => {
      if (command.name === "TransactWriteCommand" && command.input.TransactItems.length >= targets.length) {
        attempts += 1;
        await db.update({
          Key: keys.orgUnit(api.customer.id, sibling.id),
          UpdateExpression: "SET version = version + :one",
          ExpressionAttributeValues: { ":one": 1 },
        });
      }
      return proceed();
    });
    try {
      const response = await api.gql(APPLY, { input: { orgUnitPaths: targets, policy: { lessSecureApps: "ON" } } });
      expect(errorOf(response).extensions.code).toBe("CONFLICT");
    } finally {
      watch.intercept(undefined);
    }
    expect(attempts).toBeGreaterThanOrEqual(1);
    const after = await everything(api, tree);
    // Only the interfering writer's version bumps; no policy and no audit event of the bulk change anywhere.
    expect(after.events).toBe(before.events);
    expect(after.orgUnits.map((ou) => ou.mailAccessPolicy)).toEqual(before.orgUnits.map((ou) => ou.mailAccessPolicy));
    expect(after.orgUnits.map((ou) => (ou.path === "/B/Sibling" ? ou.version - attempts : ou.version))).toEqual(
      before.orgUnits.map((ou) => ou.version),
    );
    // Without the interference, the same request goes through.
    const retried = await api.ok(APPLY, { input: { orgUnitPaths: targets, policy: { lessSecureApps: "ON" } } });
    expect(retried.applyMailAccessPolicy.results.map((r: any) => r.mailAccessPolicy.lessSecureApps)).toEqual([
      "ON",
      "ON",
      "ON",
    ]);
  });

  it("all or nothing: an unknown path fails the request before anything is written", async () => {
    const before = await everything(api, tree);
    watch.reset();
    const response = await api.gql(APPLY, {
      input: { orgUnitPaths: ["/B", "/Nope", "/Other"], policy: { popAccess: "OFF" } },
    });
    expect(errorOf(response).extensions).toMatchObject({ code: "NOT_FOUND", field: "orgUnitPaths[1]" });
    expect(watch.writes()).toEqual([]);
    expect(await everything(api, tree)).toEqual(before);
  });

  it("refuses an OU named twice (case does not matter) and an empty list", async () => {
    const twice = await api.gql(APPLY, {
      input: { orgUnitPaths: ["/B", "/Other", "/b"], policy: { popAccess: "OFF" } },
    });
    expect(errorOf(twice).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orgUnitPaths[2]" });
    const none = await api.gql(APPLY, { input: { orgUnitPaths: [], policy: { popAccess: "OFF" } } });
    expect(errorOf(none).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orgUnitPaths" });
  });
});

describe("the limit of 19 OUs per request", () => {
  let api: Api;
  const paths = Array.from({ length: 20 }, (_, i) => `/Ou${i}`);
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, paths);
  });

  it("applies a change of all four settings to 19 OUs, with an idempotency key, in one transaction", async () => {
    const policy = {
      popAccess: "OFF",
      imapAccess: "OFF",
      lessSecureApps: "ON",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [clientId(1), clientId(2)] },
    };
    watch.reset();
    const input = { orgUnitPaths: paths.slice(0, 19), policy, idempotencyKey: "nineteen" };
    const response = await api.gql(APPLY, { input });
    expect(response.errors).toBeUndefined();
    const [transaction, ...others] = watch.sent.filter((command) => command.name === "TransactWriteCommand");
    expect(others).toEqual([]);
    // 19 policies, 76 audit events and the idempotency record: 96 of DynamoDB's 100 items.
    expect(transaction?.input.TransactItems).toHaveLength(19 + 19 * 4 + 1);
    expect(await settingEvents(api)).toHaveLength(19 * 4);
    watch.reset();
    expect((await api.gql(APPLY, { input })).data).toEqual(response.data);
    expect(watch.writes()).toEqual([]);
  });

  it("refuses 20 OUs with BAD_USER_INPUT naming the limit, writing nothing", async () => {
    watch.reset();
    const response = await api.gql(APPLY, { input: { orgUnitPaths: paths, policy: { popAccess: "ON" } } });
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orgUnitPaths" });
    expect(error.message).toContain("19");
    expect(error.message).toContain("20");
    expect(watch.writes()).toEqual([]);
    expect((await readOrgUnit(api, "/Ou19")).version).toBe(1);
  });
});
