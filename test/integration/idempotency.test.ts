/**
 * Idempotent mutations (issue 4): every mutation takes an idempotency key (input field or Idempotency-Key header); a
 * retry with the same key and input returns the original result without writing, the same key with another input is
 * refused, keys are per customer and per actor, concurrent duplicates write once, and records expire after 24 hours.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient, Db } from "../../functions/store/db";
import { IDEMPOTENCY_TTL_SECONDS, IdempotencyStore } from "../../functions/store/idempotency";
import { keys } from "../../functions/store/keys";
import { tableDefinition } from "../../functions/store/table-definition";
import { seedCustomer } from "../../functions/local/seed";
import { testCustomer } from "../support/api";
import { watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
import {
  settingEvents,
  clientId,
  createOrgUnits,
  errorOf,
  printFigures,
  readOrgUnit,
  type Api,
} from "../support/partner";

let watch: DynamoDbWatch;
beforeAll(() => {
  watch = watchDynamoDb();
});
afterAll(() => watch.stop());

const OU = "orgUnit { id path version }";
const PAYLOAD = `changed dryRun orgUnit { id path version }
  mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } changedAt }
  warnings { code }`;
const M = {
  createOrgUnit: `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { ${OU} } }`,
  updateOrgUnit: `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { ${OU} } }`,
  deleteOrgUnit: `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { deletedOrgUnitId } }`,
  updateMailAccessPolicy: `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { ${PAYLOAD} } }`,
  addAllowedOAuthClients: `mutation ($input: AllowedOAuthClientsInput!) { addAllowedOAuthClients(input: $input) { ${PAYLOAD} } }`,
  removeAllowedOAuthClients: `mutation ($input: AllowedOAuthClientsInput!) { removeAllowedOAuthClients(input: $input) { ${PAYLOAD} } }`,
  applyMailAccessPolicy: `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) {
    changed dryRun results { ${PAYLOAD} } warnings { code } } }`,
  createUser: `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email name version } } }`,
  updateUser: `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { email name version } } }`,
  updateUserMailSettings: `mutation ($input: UpdateUserMailSettingsInput!) { updateUserMailSettings(input: $input) {
    user { email version mailSettings { imapEnabled popAccessWindow lessSecureAppsEnabled } } } }`,
  deleteUser: `mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedEmail } }`,
};
type MutationName = keyof typeof M;

/** What a retry must leave as it was: the OU's and the user's versions, and the customer's audit events. */
async function snapshot(api: Api) {
  const ou = (await api.ok(`{ orgUnit(orgUnitPath: "/Idem") { version } }`)).orgUnit;
  const user = (await api.ok(`{ user(email: "idem@example.com") { version } }`)).user;
  return {
    ouVersion: ou?.version ?? null,
    userVersion: user?.version ?? null,
    events: (await settingEvents(api)).length,
  };
}

describe("a retry with the same key and input", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
  });

  // In order: each step leaves what the next one needs.
  const steps: [MutationName, Record<string, unknown>][] = [
    ["createOrgUnit", { parentOrgUnitPath: "/", name: "Idem" }],
    ["updateOrgUnit", { orgUnitPath: "/Idem", description: "partner-managed" }],
    ["updateMailAccessPolicy", { orgUnitPath: "/Idem", popAccess: "OFF" }],
    [
      "addAllowedOAuthClients",
      { orgUnitPath: "/Idem", oauthClientIds: [clientId(1), clientId(2)], switchToAllowlist: true },
    ],
    ["removeAllowedOAuthClients", { orgUnitPath: "/Idem", oauthClientIds: [clientId(1)] }],
    ["applyMailAccessPolicy", { orgUnitPaths: ["/Idem"], policy: { lessSecureApps: "ON" } }],
    ["createUser", { email: "idem@example.com", orgUnitPath: "/", name: "Idem User" }],
    ["updateUser", { email: "idem@example.com", name: "Renamed User" }],
    ["updateUserMailSettings", { email: "idem@example.com", popAccessWindow: "ALL_MAIL" }],
    ["deleteUser", { email: "idem@example.com" }],
    ["deleteOrgUnit", { orgUnitPath: "/Idem" }],
  ];

  it.each(steps)("%s: returns the original result, writes nothing, records no second event", async (name, input) => {
    const key = `retry-${name}`;
    const first = await api.gql(M[name], { input: { ...input, idempotencyKey: key } });
    expect(first.errors).toBeUndefined();
    const before = await snapshot(api);
    watch.reset();
    const retry = await api.gql(M[name], { input: { ...input, idempotencyKey: key } });
    const writes = watch.writes().map((command) => command.name);
    expect(retry.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(writes, "the retry must not write").toEqual([]);
    // At most the API key's look-up and the idempotency record's.
    expect(retry.roundTrips).toBeLessThanOrEqual(2);
    expect(await snapshot(api)).toEqual(before);
  });

  it("without the key, the same retry is a new request (so the key is what made the retries safe)", async () => {
    await api.ok(M.createOrgUnit, { input: { parentOrgUnitPath: "/", name: "Twice", idempotencyKey: "twice" } });
    expect(
      (await api.ok(M.createOrgUnit, { input: { parentOrgUnitPath: "/", name: "Twice", idempotencyKey: "twice" } }))
        .createOrgUnit.orgUnit.path,
    ).toBe("/Twice");
    const again = await api.gql(M.createOrgUnit, { input: { parentOrgUnitPath: "/", name: "Twice" } });
    expect(errorOf(again).extensions.code).toBe("CONFLICT");
  });

  it("records the key on the audit events of the original write only", async () => {
    const events = (await settingEvents(api)).filter((event) => event.idempotencyKey?.startsWith("retry-"));
    // POP off; the copied list with two ids; the removal; less secure apps on; the user's POP window.
    expect(events.map((event) => event.idempotencyKey).sort()).toEqual(
      [
        "retry-addAllowedOAuthClients",
        "retry-applyMailAccessPolicy",
        "retry-removeAllowedOAuthClients",
        "retry-updateMailAccessPolicy",
        "retry-updateUserMailSettings",
      ].sort(),
    );
  });
});

describe("the Idempotency-Key header", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/H"]);
  });

  const body = (popAccess: string) =>
    JSON.stringify({
      query: `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { ${PAYLOAD} } }`,
      variables: { input: { orgUnitPath: "/H", popAccess } },
    });

  it("makes a mutation safe to repeat, like the input field", async () => {
    const headers = { "Idempotency-Key": "hdr-1" };
    const first = await api.request(body("OFF"), { headers });
    expect(first.errors).toBeUndefined();
    watch.reset();
    const retry = await api.request(body("OFF"), { headers });
    expect(retry.data).toEqual(first.data);
    expect(watch.writes()).toEqual([]);
    const events = await settingEvents(api, { orgUnitPath: "/H" });
    expect(events).toHaveLength(1);
    // One header covers every mutation of a request, so each field's key is the header's plus the field's name.
    expect(events[0]?.idempotencyKey).toBe("hdr-1:updateMailAccessPolicy");
    const reused = await api.request(body("ON"), { headers });
    expect(errorOf(reused).extensions).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" });
    expect((await readOrgUnit(api, "/H")).mailAccessPolicy.popAccess).toBe("OFF");
  });

  it("gives each mutation of a request its own key", async () => {
    const twoFields = JSON.stringify({
      query: `mutation {
        a: updateMailAccessPolicy(input: { orgUnitPath: "/H", imapAccess: OFF }) { orgUnit { version } }
        b: updateMailAccessPolicy(input: { orgUnitPath: "/H", lessSecureApps: ON }) { orgUnit { version } }
      }`,
    });
    const headers = { "Idempotency-Key": "hdr-2" };
    const first = await api.request(twoFields, { headers });
    expect(first.errors).toBeUndefined();
    const data = first.data as { a: { orgUnit: { version: number } }; b: { orgUnit: { version: number } } };
    expect(data.b.orgUnit.version).toBe(data.a.orgUnit.version + 1);
    watch.reset();
    const retry = await api.request(twoFields, { headers });
    expect(retry.data).toEqual(first.data);
    expect(watch.writes()).toEqual([]);
    const keysUsed = (await settingEvents(api, { orgUnitPath: "/H" })).map((event) => event.idempotencyKey);
    expect(keysUsed.filter((key) => key?.startsWith("hdr-2")).sort()).toEqual(["hdr-2:a", "hdr-2:b"]);
  });

  it("yields to the input's key when both are given", async () => {
    await api.request(
      JSON.stringify({
        query: `mutation { updateMailAccessPolicy(input: { orgUnitPath: "/H", popAccess: INHERIT, idempotencyKey: "own" }) { changed } }`,
      }),
      { headers: { "Idempotency-Key": "hdr-3" } },
    );
    const removal = (await settingEvents(api, { orgUnitPath: "/H" })).filter(
      (event) => event.settingName === "ENABLE_POP_ACCESS" && event.newValue === "INHERIT_FROM_PARENT",
    );
    expect(removal.map((event) => event.idempotencyKey)).toEqual(["own"]);
  });
});

describe("the same key with another input", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/R"]);
  });

  it("fails with IDEMPOTENCY_KEY_REUSED and writes nothing", async () => {
    const input = { orgUnitPath: "/R", popAccess: "OFF", idempotencyKey: "k" };
    await api.ok(M.updateMailAccessPolicy, { input });
    const before = await readOrgUnit(api, "/R");
    watch.reset();
    const variants = [
      { ...input, popAccess: "ON" },
      { ...input, imapAccess: "OFF" },
      { ...input, dryRun: true },
      { ...input, orgUnitPath: "/" },
    ];
    for (const variant of variants) {
      const response = await api.gql(M.updateMailAccessPolicy, { input: variant });
      expect(errorOf(response).extensions, JSON.stringify(variant)).toMatchObject({
        code: "IDEMPOTENCY_KEY_REUSED",
        field: "idempotencyKey",
      });
    }
    // The same key on another mutation is another request, too.
    const other = await api.gql(M.addAllowedOAuthClients, {
      input: { orgUnitPath: "/R", oauthClientIds: [clientId(1)], idempotencyKey: "k" },
    });
    expect(errorOf(other).extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(watch.writes()).toEqual([]);
    expect(await readOrgUnit(api, "/R")).toEqual(before);
    expect(await settingEvents(api)).toHaveLength(1);
  });

  it("treats the input's field order and defaults as the same input", async () => {
    const first = await api.ok(M.updateMailAccessPolicy, {
      input: { orgUnitPath: "/R", imapAccess: "OFF", lessSecureApps: "ON", idempotencyKey: "order" },
    });
    const reordered = await api.ok(M.updateMailAccessPolicy, {
      input: { idempotencyKey: "order", dryRun: false, lessSecureApps: "ON", imapAccess: "OFF", orgUnitPath: "/R" },
    });
    expect(reordered).toEqual(first);
  });

  it("refuses an empty key and one longer than 255 characters", async () => {
    for (const key of ["", "x".repeat(256)]) {
      const response = await api.gql(M.updateMailAccessPolicy, {
        input: { orgUnitPath: "/R", popAccess: "ON", idempotencyKey: key },
      });
      expect(errorOf(response).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "idempotencyKey" });
    }
  });
});

describe("keys are per customer and per actor", () => {
  it("lets another API key of the customer, and another customer, use the same key independently", async () => {
    const api = await testCustomer();
    const other = await testCustomer();
    await createOrgUnits(api, ["/S"]);
    await createOrgUnits(other, ["/S"]);
    const secondKey = await seedCustomer(api.config, api.customer);
    expect(secondKey).not.toBe(api.apiKey);
    const input = (popAccess: string) => ({ orgUnitPath: "/S", popAccess, idempotencyKey: "shared" });

    const mine = await api.ok(M.updateMailAccessPolicy, { input: input("OFF") });
    // The same key from the customer's second API key: a request of its own, with its own input.
    const colleague = await api.gql(M.updateMailAccessPolicy, { input: input("ON") }, { apiKey: secondKey });
    expect(colleague.errors).toBeUndefined();
    // And from another customer.
    const stranger = await other.gql(M.updateMailAccessPolicy, { input: input("ON") });
    expect(stranger.errors).toBeUndefined();

    // Each caller's retry still replays its own result.
    watch.reset();
    expect(await api.ok(M.updateMailAccessPolicy, { input: input("OFF") })).toEqual(mine);
    expect((await api.gql(M.updateMailAccessPolicy, { input: input("ON") }, { apiKey: secondKey })).data).toEqual(
      colleague.data,
    );
    expect((await other.gql(M.updateMailAccessPolicy, { input: input("ON") })).data).toEqual(stranger.data);
    expect(watch.writes()).toEqual([]);
    // And each caller's key is still bound to its own input.
    const crossed = await api.gql(M.updateMailAccessPolicy, { input: input("OFF") }, { apiKey: secondKey });
    expect(errorOf(crossed).extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");

    const events = await settingEvents(api, { orgUnitPath: "/S" });
    expect(events.map((event) => [event.newValue, event.idempotencyKey]).sort()).toEqual([
      ["OFF", "shared"],
      ["ON", "shared"],
    ]);
    expect(new Set(events.map((event) => event.actor.id)).size).toBe(2);
    expect(await settingEvents(other, { orgUnitPath: "/S" })).toHaveLength(1);
  });
});

describe("concurrent requests with the same key and input", () => {
  const COPIES = 10;

  async function race(api: Api, query: string, input: Record<string, unknown>) {
    const responses = await Promise.all(Array.from({ length: COPIES }, () => api.gql(query, { input })));
    const failed = responses.filter((response) => response.errors !== undefined);
    expect(failed.map((response) => response.errors)).toEqual([]);
    return responses.map((response) => response.data);
  }

  it("updateMailAccessPolicy: exactly one write, every caller gets the same result", async () => {
    const api = await testCustomer();
    const [ou] = [...(await createOrgUnits(api, ["/C"])).values()];
    for (let round = 0; round < 5; round += 1) {
      const before = await readOrgUnit(api, "/C");
      const results = await race(api, M.updateMailAccessPolicy, {
        orgUnitPath: "/C",
        popAccess: round % 2 === 0 ? "OFF" : "ON",
        idempotencyKey: `race-${round}`,
      });
      const after = await readOrgUnit(api, "/C");
      const events = await settingEvents(api, { orgUnitPath: "/C" });
      printFigures(`same key x${COPIES}, updateMailAccessPolicy round ${round}`, {
        requests: COPIES,
        distinctResults: new Set(results.map((r) => JSON.stringify(r))).size,
        versionsWritten: after.version - before.version,
        events: events.filter((event) => event.idempotencyKey === `race-${round}`).length,
      });
      expect(after.version).toBe(before.version + 1);
      expect(events.filter((event) => event.idempotencyKey === `race-${round}`)).toHaveLength(1);
      expect(events.map((event) => event.orgUnitId)).toContain(ou);
      // Soft, so that a wrong answer does not hide whether the later rounds also wrote exactly once.
      for (const result of results) expect.soft(result).toEqual(results[0]);
      expect.soft((results[0] as any).updateMailAccessPolicy.orgUnit.version).toBe(after.version);
    }
  });

  it("addAllowedOAuthClients: exactly one write, every caller gets the same result", async () => {
    const api = await testCustomer();
    await createOrgUnits(api, ["/L"]);
    for (let round = 0; round < 3; round += 1) {
      const before = await readOrgUnit(api, "/L");
      const results = await race(api, M.addAllowedOAuthClients, {
        orgUnitPath: "/L",
        oauthClientIds: [clientId(round)],
        switchToAllowlist: true,
        idempotencyKey: `add-${round}`,
      });
      const after = await readOrgUnit(api, "/L");
      expect(after.version).toBe(before.version + 1);
      expect(await settingEvents(api, { orgUnitPath: "/L" })).toHaveLength(round + 1);
      for (const result of results) expect.soft(result).toEqual(results[0]);
      expect.soft((results[0] as any).addAllowedOAuthClients.orgUnit.version).toBe(after.version);
    }
    expect((await readOrgUnit(api, "/L")).mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([
      clientId(0),
      clientId(1),
      clientId(2),
    ]);
  });

  it("createOrgUnit: one OU, every caller gets its id", async () => {
    const api = await testCustomer();
    const results = await race(api, M.createOrgUnit, { parentOrgUnitPath: "/", name: "Once", idempotencyKey: "once" });
    for (const result of results) expect(result).toEqual(results[0]);
    const children = (await api.ok(`{ orgUnit(orgUnitPath: "/") { children { nodes { id name } } } }`)).orgUnit.children
      .nodes;
    expect(children).toEqual([{ id: (results[0] as any).createOrgUnit.orgUnit.id, name: "Once" }]);
  });
});

describe("records expire after 24 hours", () => {
  let api: Api;
  let db: Db;
  let actorId: string;
  beforeAll(async () => {
    api = await testCustomer();
    db = new Db(createDocumentClient(api.config), api.config.tableName);
    await createOrgUnits(api, ["/E"]);
    await api.ok(M.updateMailAccessPolicy, { input: { orgUnitPath: "/E", popAccess: "OFF", idempotencyKey: "day" } });
    actorId = (await settingEvents(api, { orgUnitPath: "/E" }))[0]!.actor.id;
  });

  it("keeps the record in an item DynamoDB's TTL removes: the TTL attribute, 24 hours after it was made", async () => {
    const ttl = tableDefinition.ttlAttribute;
    // API keys keep `expiresAt` as an ISO time: TTL must not be that attribute, or it would never (or wrongly) apply.
    expect(ttl).not.toBe("expiresAt");
    const item = await db.get(keys.idempotency(api.customer.id, actorId, "day"));
    expect(item).toBeDefined();
    expect(Number(item?.[ttl]) - Math.floor(Date.parse(String(item?.createdAt)) / 1000)).toBe(IDEMPOTENCY_TTL_SECONDS);
    expect(IDEMPOTENCY_TTL_SECONDS).toBeGreaterThanOrEqual(24 * 3600);
  });

  it("ignores an expired record before DynamoDB deletes it (a store whose clock is a day ahead)", async () => {
    const at = (offsetSeconds: number) =>
      new IdempotencyStore(db, api.customer.id, () => new Date(Date.now() + offsetSeconds * 1000));
    expect(await at(0).get(actorId, "day")).toBeDefined();
    expect(await at(IDEMPOTENCY_TTL_SECONDS - 60).get(actorId, "day")).toBeDefined();
    expect(await at(IDEMPOTENCY_TTL_SECONDS + 1).get(actorId, "day")).toBeUndefined();
  });

  it("runs a request again once its record has expired, and keeps the new record", async () => {
    const key = keys.idempotency(api.customer.id, actorId, "day");
    await db.update({
      Key: key,
      UpdateExpression: "SET #ttl = :past",
      ExpressionAttributeNames: { "#ttl": tableDefinition.ttlAttribute },
      ExpressionAttributeValues: { ":past": Math.floor(Date.now() / 1000) - 1 },
    });
    // The expired record still exists (DynamoDB deletes expired items only eventually) but is not used: the same key
    // now runs a different request instead of failing with IDEMPOTENCY_KEY_REUSED.
    expect(await db.get(key)).toBeDefined();
    const before = await readOrgUnit(api, "/E");
    const rerun = await api.ok(M.updateMailAccessPolicy, {
      input: { orgUnitPath: "/E", popAccess: "ON", idempotencyKey: "day" },
    });
    expect(rerun.updateMailAccessPolicy.orgUnit.version).toBe(before.version + 1);
    // The new record replaced the expired one: its retry replays, the old input is now the other input.
    watch.reset();
    expect(
      await api.ok(M.updateMailAccessPolicy, { input: { orgUnitPath: "/E", popAccess: "ON", idempotencyKey: "day" } }),
    ).toEqual(rerun);
    expect(watch.writes()).toEqual([]);
    const old = await api.gql(M.updateMailAccessPolicy, {
      input: { orgUnitPath: "/E", popAccess: "OFF", idempotencyKey: "day" },
    });
    expect(errorOf(old).extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(Number((await db.get(key))?.[tableDefinition.ttlAttribute])).toBeGreaterThan(
      Date.now() / 1000 + IDEMPOTENCY_TTL_SECONDS - 60,
    );
  });

  it("ignores an expired record written directly, whatever it holds", async () => {
    const key = keys.idempotency(api.customer.id, actorId, "planted");
    await db.batchWrite([
      {
        put: {
          ...key,
          type: "IDEMPOTENCY",
          requestHash: "not the hash of any request",
          createdAt: new Date(Date.now() - 25 * 3600 * 1000).toISOString(),
          [tableDefinition.ttlAttribute]: Math.floor(Date.now() / 1000) - 3600,
        },
      },
    ]);
    const response = await api.gql(M.createOrgUnit, {
      input: { parentOrgUnitPath: "/", name: "Planted", idempotencyKey: "planted" },
    });
    expect(response.errors).toBeUndefined();
    expect((await db.get(key))?.requestHash).not.toBe("not the hash of any request");
  });
});
