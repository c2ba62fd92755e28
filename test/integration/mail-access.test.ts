/** POP and IMAP settings per OU through the GraphQL API: defaults, inheritance, changes, warnings, dry runs, conflicts. */
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient, Db } from "../../functions/store/db";
import { keys } from "../../functions/store/keys";
import { testCustomer } from "../support/api";

type Api = Awaited<ReturnType<typeof testCustomer>>;

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const MAC_MAIL = "946018238758-bi6ni53dfoddlgn97pk3b8i7nphige40.apps.googleusercontent.com";
const OTHER = "123456789-abcdef.apps.googleusercontent.com";

const SOURCE = "source { kind orgUnit { path } }";
const EFFECTIVE = `effectiveMailAccess {
  popAccess { enabled ${SOURCE} }
  imapAccess { enabled ${SOURCE} }
  imapClientAccess { mode allowedOAuthClients { clientId name } ${SOURCE} }
  lessSecureApps { enabled ${SOURCE} }
  propagation { lastChangedAt completeBy pending }
}`;
const POLICY = `mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } changedAt }`;
const READ = `query ($path: String) { orgUnit(orgUnitPath: $path) { id version ${POLICY} ${EFFECTIVE} } }`;
const UPDATE = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) {
  changed dryRun orgUnit { version } ${POLICY} ${EFFECTIVE}
  warnings { code message }
  propagation { lastChangedAt completeBy pending }
  impact { usersGainingPop usersLosingPop usersGainingImap usersLosingImap
    changedOrgUnits(first: 100) { totalCount nodes { orgUnit { path } changedSettings userCount } } }
} }`;

async function createOrgUnits(api: Api, paths: string[]) {
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    const parentOrgUnitPath = path.slice(0, path.lastIndexOf("/")) || "/";
    await api.ok(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`, {
      input: { parentOrgUnitPath, name },
    });
  }
}

async function createUsers(api: Api, orgUnitPath: string, count: number, prefix: string) {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      api.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
        input: { email: `${prefix}${i}@example.com`, orgUnitPath, name: `${prefix} ${i}` },
      }),
    ),
  );
}

const update = (api: Api, input: Record<string, unknown>) =>
  api.ok(UPDATE, { input }).then((d) => d.updateMailAccessPolicy);
const read = (api: Api, path: string) => api.ok(READ, { path }).then((d) => d.orgUnit);
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

/** The audit items of an OU's own setting changes, read from the table. */
async function settingEvents(api: Api, orgUnitId: string) {
  const db = new Db(createDocumentClient(api.config), api.config.tableName);
  const { items } = await db.query({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :audit)",
    FilterExpression: "#action = :setting",
    ExpressionAttributeNames: { "#action": "action" },
    ExpressionAttributeValues: {
      ":pk": keys.orgUnit(api.customer.id, orgUnitId).pk,
      ":audit": "AUDIT#",
      ":setting": "MAIL_SETTING_CHANGED",
    },
  });
  return items;
}

function errorOf(response: { errors?: { extensions: Record<string, unknown> }[] }) {
  expect(response.errors, "expected an error").toBeDefined();
  return response.errors?.[0] as { message: string; extensions: Record<string, any> };
}

describe("defaults and inheritance", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/A", "/A/B", "/A/B/C", "/A/B/C/D", "/A/B/C/D/E", "/A/B/C/D/E/F"]);
  });

  it("starts from the product defaults at the root: POP on, IMAP on, any client, no less secure apps", async () => {
    const root = await read(api, "/");
    expect(root.mailAccessPolicy).toEqual({
      popAccess: null,
      imapAccess: null,
      lessSecureApps: null,
      imapClientAccess: null,
      changedAt: null,
    });
    const defaultSource = { kind: "DEFAULT", orgUnit: null };
    expect(root.effectiveMailAccess).toEqual({
      popAccess: { enabled: true, source: defaultSource },
      imapAccess: { enabled: true, source: defaultSource },
      imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClients: [], source: defaultSource },
      lessSecureApps: { enabled: false, source: defaultSource },
      propagation: { lastChangedAt: null, completeBy: null, pending: false },
    });
    expect((await read(api, "/A/B/C/D/E/F")).effectiveMailAccess).toEqual(root.effectiveMailAccess);
  });

  it("inherits each setting down 6 levels from the nearest OU that sets it, naming that OU", async () => {
    await update(api, { orgUnitPath: "/", popAccess: "OFF" });
    await update(api, { orgUnitPath: "/A/B", imapAccess: "OFF", lessSecureApps: "ON" });
    await update(api, {
      orgUnitPath: "/A/B/C/D",
      imapAccess: "ON",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL, OTHER] },
    });
    const leaf = (await read(api, "/A/B/C/D/E/F")).effectiveMailAccess;
    expect(leaf.popAccess).toEqual({ enabled: false, source: { kind: "INHERITED", orgUnit: { path: "/" } } });
    expect(leaf.imapAccess).toEqual({ enabled: true, source: { kind: "INHERITED", orgUnit: { path: "/A/B/C/D" } } });
    expect(leaf.lessSecureApps).toEqual({ enabled: true, source: { kind: "INHERITED", orgUnit: { path: "/A/B" } } });
    expect(leaf.imapClientAccess).toEqual({
      mode: "OAUTH_ALLOWLIST",
      allowedOAuthClients: [
        { clientId: IOS_MAIL, name: "Apple iOS Mail" },
        { clientId: OTHER, name: null },
      ],
      source: { kind: "INHERITED", orgUnit: { path: "/A/B/C/D" } },
    });
    const c = (await read(api, "/A/B/C")).effectiveMailAccess;
    expect(c.imapAccess).toEqual({ enabled: false, source: { kind: "INHERITED", orgUnit: { path: "/A/B" } } });
    const b = await read(api, "/A/B");
    expect(b.effectiveMailAccess.imapAccess.source).toEqual({ kind: "SET_HERE", orgUnit: { path: "/A/B" } });
    expect(b.mailAccessPolicy).toMatchObject({ popAccess: null, imapAccess: "OFF", lessSecureApps: "ON" });
  });

  it("INHERIT removes an override, so the value comes from the parent again", async () => {
    await update(api, { orgUnitPath: "/A/B/C/D", imapAccess: "INHERIT", imapClientAccess: { mode: "INHERIT" } });
    const leaf = (await read(api, "/A/B/C/D/E/F")).effectiveMailAccess;
    expect(leaf.imapAccess).toEqual({ enabled: false, source: { kind: "INHERITED", orgUnit: { path: "/A/B" } } });
    expect(leaf.imapClientAccess).toMatchObject({ mode: "ANY_CLIENT", source: { kind: "DEFAULT", orgUnit: null } });
    const d = await read(api, "/A/B/C/D");
    expect(d.mailAccessPolicy).toMatchObject({ imapAccess: null, imapClientAccess: null });
    await update(api, { orgUnitPath: "/", popAccess: "INHERIT" });
    expect((await read(api, "/A/B/C/D/E/F")).effectiveMailAccess.popAccess).toEqual({
      enabled: true,
      source: { kind: "DEFAULT", orgUnit: null },
    });
  });

  it("reports propagation: pending for 24 hours after the latest change on the OU or above", async () => {
    const { propagation } = (await read(api, "/A/B/C/D/E/F")).effectiveMailAccess;
    expect(propagation.pending).toBe(true);
    expect(new Date(propagation.completeBy).getTime() - new Date(propagation.lastChangedAt).getTime()).toBe(
      24 * 3600 * 1000,
    );
    expect(Date.now() - new Date(propagation.lastChangedAt).getTime()).toBeLessThan(60_000);
  });

  it("reads effective settings in 2 round trips whatever the depth, the API key check included", async () => {
    const shallow = await api.gql(READ, { path: "/A" });
    const deep = await api.gql(READ, { path: "/A/B/C/D/E/F" });
    expect(shallow.roundTrips).toBe(2);
    expect(deep.roundTrips).toBe(2);
  });
});

describe("changing settings", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/Sales", "/Sales/EMEA", "/Sales/US", "/Eng"]);
    await createUsers(api, "/Sales", 2, "sales");
    await createUsers(api, "/Sales/EMEA", 3, "emea");
    await createUsers(api, "/Sales/US", 4, "us");
  });

  it("returns the same payload for a dry run and writes nothing", async () => {
    const before = await read(api, "/Sales");
    const preview = await update(api, { orgUnitPath: "/Sales", imapAccess: "OFF", dryRun: true });
    expect(preview).toMatchObject({ changed: true, dryRun: true, orgUnit: { version: before.version } });
    expect(preview.effectiveMailAccess.imapAccess).toEqual({
      enabled: false,
      source: { kind: "SET_HERE", orgUnit: { path: "/Sales" } },
    });
    expect(preview.mailAccessPolicy.imapAccess).toBe("OFF");
    expect(await read(api, "/Sales")).toEqual(before);
    expect(await settingEvents(api, before.id)).toEqual([]);
    const saved = await update(api, { orgUnitPath: "/Sales", imapAccess: "OFF" });
    expect(saved).toMatchObject({ changed: true, dryRun: false, orgUnit: { version: before.version + 1 } });
    expect({ ...saved, orgUnit: null, propagation: null, mailAccessPolicy: null, effectiveMailAccess: null }).toEqual({
      ...preview,
      dryRun: false,
      orgUnit: null,
      propagation: null,
      mailAccessPolicy: null,
      effectiveMailAccess: null,
    });
  });

  it("previews the impact: users losing IMAP per OU in the subtree, skipping OUs that override", async () => {
    await update(api, { orgUnitPath: "/Sales", imapAccess: "INHERIT" });
    await update(api, { orgUnitPath: "/Sales/US", imapAccess: "ON" });
    const preview = await update(api, { orgUnitPath: "/Sales", imapAccess: "OFF", dryRun: true });
    expect(preview.impact).toEqual({
      usersGainingPop: 0,
      usersLosingPop: 0,
      usersGainingImap: 0,
      usersLosingImap: 5,
      changedOrgUnits: {
        totalCount: 2,
        nodes: [
          { orgUnit: { path: "/Sales" }, changedSettings: ["IMAP_ACCESS"], userCount: 2 },
          { orgUnit: { path: "/Sales/EMEA" }, changedSettings: ["IMAP_ACCESS"], userCount: 3 },
        ],
      },
    });
    const popOff = await update(api, { orgUnitPath: "/", popAccess: "OFF", dryRun: true });
    expect(popOff.impact).toMatchObject({ usersLosingPop: 9, usersGainingPop: 0 });
  });

  it("records one audit event per changed setting, in the same write, with INHERIT_FROM_PARENT for a reset", async () => {
    const eng = await read(api, "/Eng");
    await update(api, { orgUnitPath: "/Eng", popAccess: "OFF", lessSecureApps: "ON" });
    await update(api, { orgUnitPath: "/Eng", popAccess: "INHERIT" });
    const events = await settingEvents(api, eng.id);
    const summary = events.map((e) => [e.settingName, e.oldValue, e.newValue, e.orgUnitPath]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["ENABLE_POP_ACCESS", "INHERIT_FROM_PARENT", "OFF", "/Eng"],
        ["LESS_SECURE_APPS", "INHERIT_FROM_PARENT", "ON", "/Eng"],
        ["ENABLE_POP_ACCESS", "OFF", "INHERIT_FROM_PARENT", "/Eng"],
      ]),
    );
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ customerId: api.customer.id, orgUnitId: eng.id, actor: { kind: "API_KEY" } });
    expect(typeof events[0]?.requestId).toBe("string");
    expect(typeof events[0]?.time).toBe("string");
  });

  it("writes nothing and records no event for a change that changes nothing", async () => {
    const eng = await read(api, "/Eng");
    const eventsBefore = (await settingEvents(api, eng.id)).length;
    const same = await update(api, { orgUnitPath: "/Eng", lessSecureApps: "ON" });
    expect(same).toMatchObject({ changed: false, warnings: [], orgUnit: { version: eng.version } });
    const empty = await update(api, { orgUnitPath: "/Eng" });
    expect(empty.changed).toBe(false);
    expect((await read(api, "/Eng")).version).toBe(eng.version);
    expect(await settingEvents(api, eng.id)).toHaveLength(eventsBefore);
  });

  it("refuses a stale expectedVersion with CONFLICT and the current version, writing nothing", async () => {
    const eng = await read(api, "/Eng");
    const response = await api.gql(UPDATE, {
      input: { orgUnitPath: "/Eng", popAccess: "OFF", expectedVersion: eng.version - 1 },
    });
    expect(errorOf(response).extensions).toMatchObject({ code: "CONFLICT", currentVersion: eng.version });
    expect(await read(api, "/Eng")).toEqual(eng);
    const ok = await update(api, { orgUnitId: eng.id, popAccess: "OFF", expectedVersion: eng.version });
    expect(ok.orgUnit.version).toBe(eng.version + 1);
  });

  it("names the OU by exactly one of orgUnitPath and orgUnitId", async () => {
    for (const input of [{}, { orgUnitPath: "/Eng", orgUnitId: "x" }]) {
      expect(errorOf(await api.gql(UPDATE, { input: { ...input, popAccess: "ON" } })).extensions.code).toBe(
        "BAD_USER_INPUT",
      );
    }
    const missing = errorOf(await api.gql(UPDATE, { input: { orgUnitPath: "/Nope", popAccess: "ON" } }));
    expect(missing.extensions).toMatchObject({ code: "NOT_FOUND", field: "orgUnitPath" });
  });
});

describe("warnings", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/W"]);
  });

  const preview = (input: Record<string, unknown>) => update(api, { orgUnitPath: "/W", dryRun: true, ...input });

  it("turning IMAP off: iOS Mail, silent sign-in failures, clients stop receiving mail, 24 hours", async () => {
    const { warnings } = await preview({ imapAccess: "OFF" });
    expect(codes(warnings)).toEqual([
      "IMAP_OFF_IOS_MAIL",
      "IMAP_OFF_SILENT_SIGN_IN_FAILURE",
      "CLIENTS_STOP_RECEIVING_MAIL",
      "PROPAGATION_DELAY",
    ]);
    expect(warnings[0].message).toMatch(/iPhone and iPad/);
    expect(warnings[0].message).toMatch(/MDM/);
    expect(warnings[1].message).toMatch(/silently/);
    expect(warnings[2].message).toMatch(/Gmail app/);
    expect(warnings[3].message).toMatch(/24 hours/);
  });

  it("turning POP off: clients stop receiving mail", async () => {
    expect(codes((await preview({ popAccess: "OFF" })).warnings)).toEqual([
      "CLIENTS_STOP_RECEIVING_MAIL",
      "PROPAGATION_DELAY",
    ]);
  });

  it("restricting IMAP: password and service-account clients lose IMAP; iOS Mail missing from the list", async () => {
    const { warnings } = await preview({
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [MAC_MAIL] },
    });
    // Switching from any client to a list cuts off every unlisted OAuth client too (issue 13).
    expect(codes(warnings)).toEqual([
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "IOS_MAIL_NOT_ALLOWLISTED",
      "PROPAGATION_DELAY",
    ]);
    expect(warnings[0].message).toMatch(/not on the list/);
    expect(warnings[1].message).toMatch(/service account/);
    const withIos = await preview({ imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL] } });
    expect(codes(withIos.warnings)).toEqual([
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "PROPAGATION_DELAY",
    ]);
  });

  it("an empty allow-list blocks every IMAP client", async () => {
    const { warnings } = await preview({ imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [] } });
    expect(codes(warnings)).toEqual([
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "EMPTY_ALLOWLIST_BLOCKS_ALL_IMAP",
      "PROPAGATION_DELAY",
    ]);
  });

  it("allowing less secure apps says Google no longer accepts password sign-in", async () => {
    const { warnings } = await preview({ lessSecureApps: "ON" });
    expect(codes(warnings)).toEqual(["LESS_SECURE_APPS_DEPRECATED", "PROPAGATION_DELAY"]);
    expect(warnings[0].message).toMatch(/2024/);
  });

  it("every saved change says it can take 24 hours; the payload carries the propagation window", async () => {
    const saved = await update(api, { orgUnitPath: "/W", popAccess: "ON" });
    expect(codes(saved.warnings)).toEqual(["PROPAGATION_DELAY"]);
    expect(saved.propagation.pending).toBe(true);
    expect(new Date(saved.propagation.completeBy).getTime() - new Date(saved.propagation.lastChangedAt).getTime()).toBe(
      24 * 3600 * 1000,
    );
  });
});

describe("OAuth client ids", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/C"]);
  });

  it("trims, de-duplicates and keeps the administrator's order, from a list or from comma-separated text", async () => {
    const fromCsv = await update(api, {
      orgUnitPath: "/C",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIdsCsv: ` ${OTHER}, ${IOS_MAIL},${OTHER} ,` },
    });
    expect(fromCsv.mailAccessPolicy.imapClientAccess).toEqual({
      mode: "OAUTH_ALLOWLIST",
      allowedOAuthClientIds: [OTHER, IOS_MAIL],
    });
    const fromList = await update(api, {
      orgUnitPath: "/C",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [MAC_MAIL, ` ${IOS_MAIL} `, MAC_MAIL] },
    });
    expect(fromList.effectiveMailAccess.imapClientAccess.allowedOAuthClients).toEqual([
      { clientId: MAC_MAIL, name: "Apple Mac Mail" },
      { clientId: IOS_MAIL, name: "Apple iOS Mail" },
    ]);
  });

  it("refuses the whole request, naming every invalid entry and its position, and writes nothing", async () => {
    const before = await read(api, "/C");
    const response = await api.gql(UPDATE, {
      input: {
        orgUnitPath: "/C",
        popAccess: "OFF",
        imapClientAccess: {
          mode: "OAUTH_ALLOWLIST",
          allowedOAuthClientIds: [
            IOS_MAIL,
            "not-an-id",
            "123-ABC.apps.googleusercontent.com",
            OTHER,
            "abc-def.apps.googleusercontent.com",
          ],
        },
      },
    });
    const error = errorOf(response);
    expect(error.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "imapClientAccess.allowedOAuthClientIds",
      invalidEntries: [
        { position: 2, value: "not-an-id" },
        { position: 3, value: "123-ABC.apps.googleusercontent.com" },
        { position: 5, value: "abc-def.apps.googleusercontent.com" },
      ],
    });
    expect(error.message).toMatch(/entry 2 "not-an-id"/);
    expect(await read(api, "/C")).toEqual(before);
  });

  it("refuses both forms at once, a list outside OAUTH_ALLOWLIST, and more than 100 ids", async () => {
    const both = await api.gql(UPDATE, {
      input: {
        orgUnitPath: "/C",
        imapClientAccess: {
          mode: "OAUTH_ALLOWLIST",
          allowedOAuthClientIds: [IOS_MAIL],
          allowedOAuthClientIdsCsv: IOS_MAIL,
        },
      },
    });
    expect(errorOf(both).extensions.code).toBe("BAD_USER_INPUT");
    const anyClient = await api.gql(UPDATE, {
      input: { orgUnitPath: "/C", imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClientIds: [IOS_MAIL] } },
    });
    expect(errorOf(anyClient).extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const ids = Array.from({ length: 101 }, (_, i) => `${1000 + i}-abc.apps.googleusercontent.com`);
    const tooMany = await api.gql(UPDATE, {
      input: { orgUnitPath: "/C", imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: ids } },
    });
    expect(errorOf(tooMany).message).toMatch(/At most 100/);
    const hundred = await update(api, {
      orgUnitPath: "/C",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: ids.slice(0, 100) },
    });
    expect(hundred.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toHaveLength(100);
  });

  it("lists the well-known mail clients", async () => {
    const { knownMailClients } = await api.ok(`{ knownMailClients { name clientId } }`);
    expect(knownMailClients).toEqual([
      { name: "Apple iOS Mail", clientId: IOS_MAIL },
      { name: "Apple Mac Mail", clientId: MAC_MAIL },
    ]);
  });
});
