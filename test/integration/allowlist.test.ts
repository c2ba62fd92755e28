/**
 * Conflict-free allow-list edits (issue 4): concurrent adds and removes of different OAuth client ids on one OU all
 * land, each with its own audit event; an OU that inherits gets its own copy of the inherited list first (and a
 * warning); invalid ids are refused with their positions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer } from "../support/api";
import {
  settingEvents,
  clientId,
  createOrgUnits,
  errorOf,
  printFigures,
  readOrgUnit,
  type Api,
} from "../support/partner";

const PAYLOAD = `changed orgUnit { id path version }
  mailAccessPolicy { imapClientAccess { mode allowedOAuthClientIds } }
  effectiveMailAccess { imapClientAccess { mode allowedOAuthClients { clientId } source { kind orgUnit { path } } } }
  warnings { code }`;
const ADD = `mutation ($input: AllowedOAuthClientsInput!) { addAllowedOAuthClients(input: $input) { ${PAYLOAD} } }`;
const REMOVE = `mutation ($input: AllowedOAuthClientsInput!) { removeAllowedOAuthClients(input: $input) { ${PAYLOAD} } }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { ${PAYLOAD} } }`;
const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";
const UPDATE = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { orgUnit { version } } }`;

const WRITERS = 50;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => clientId(from + i));

async function setList(api: Api, orgUnitPath: string, list: string[]) {
  await api.ok(UPDATE, {
    input: { orgUnitPath, imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: list } },
  });
}

/** Sends every edit at once; returns the responses in order. */
async function concurrently(api: Api, query: string, inputs: Record<string, unknown>[]) {
  return Promise.all(inputs.map((input) => api.gql(query, { input })));
}

function tally(responses: { errors?: { extensions: { code: string } }[] }[]) {
  const failures = responses.flatMap((response) => response.errors ?? []).map((error) => error.extensions.code);
  return { successes: responses.length - failures.length, failures };
}

describe(`${WRITERS} concurrent edits of one OU's allow-list`, () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/Adds", "/Listed", "/Listed/Inherits", "/Removes", "/Mixed"]);
    // An empty list to inherit: the first add copies it, the others append to the copy.
    await setList(api, "/Listed", []);
  });

  it("adds of different ids all end up in the list, each with its own audit event", async () => {
    await setList(api, "/Adds", []);
    const before = await readOrgUnit(api, "/Adds");
    const added = ids(0, WRITERS);
    const started = Date.now();
    const responses = await concurrently(
      api,
      ADD,
      added.map((id) => ({ orgUnitPath: "/Adds", oauthClientIds: [id] })),
    );
    const { successes, failures } = tally(responses);
    const after = await readOrgUnit(api, "/Adds");
    const list: string[] = after.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds;
    const events = (await settingEvents(api, { orgUnitPath: "/Adds" })).filter((e) => e.newValue.startsWith("ADDED:"));
    printFigures("allow-list adds, own list", {
      writers: WRITERS,
      successes,
      failures: failures.length,
      listSize: list.length,
      events: events.length,
      versions: after.version - before.version,
      ms: Date.now() - started,
    });
    expect(failures).toEqual([]);
    expect([...list].sort()).toEqual([...added].sort());
    expect(events.map((event) => event.newValue).sort()).toEqual(added.map((id) => `ADDED:${id}`).sort());
    expect(after.version - before.version).toBe(WRITERS);
  });

  it("adds to an OU that inherits: one copies the inherited list, all land", async () => {
    const responses = await concurrently(
      api,
      ADD,
      ids(100, WRITERS).map((id) => ({ orgUnitPath: "/Listed/Inherits", oauthClientIds: [id] })),
    );
    const { successes, failures } = tally(responses);
    const list: string[] = (await readOrgUnit(api, "/Listed/Inherits")).mailAccessPolicy.imapClientAccess
      .allowedOAuthClientIds;
    const events = await settingEvents(api, { orgUnitPath: "/Listed/Inherits" });
    const copies = responses.filter((r) =>
      (r.data as any)?.addAllowedOAuthClients.warnings.some(
        (w: { code: string }) => w.code === "COPIED_INHERITED_ALLOWLIST",
      ),
    );
    printFigures("allow-list adds, inherited list", {
      writers: WRITERS,
      successes,
      failures: failures.length,
      listSize: list.length,
      events: events.length,
      copies: copies.length,
    });
    expect(failures).toEqual([]);
    expect([...list].sort()).toEqual(ids(100, WRITERS).sort());
    expect(events).toHaveLength(WRITERS);
    // The first add made the list the OU's own (from "inherited"); every other one appended to it.
    const [copy, ...others] = [...events].sort(
      (a, b) => (a.oldValue === "INHERIT_FROM_PARENT" ? -1 : 1) - (b.oldValue === "INHERIT_FROM_PARENT" ? -1 : 1),
    );
    expect(copy).toMatchObject({ settingName: "IMAP_CLIENT_ACCESS", oldValue: "INHERIT_FROM_PARENT" });
    expect(copy?.newValue).toMatch(/^OAUTH_ALLOWLIST:/);
    expect(others.filter((event) => !event.newValue.startsWith("ADDED:"))).toEqual([]);
    expect(copies).toHaveLength(1);
  });

  it("removes of different ids all take effect, each with its own audit event", async () => {
    const removed = ids(200, WRITERS);
    await setList(api, "/Removes", [...removed, clientId(999)]);
    const before = await readOrgUnit(api, "/Removes");
    const started = Date.now();
    const responses = await concurrently(
      api,
      REMOVE,
      removed.map((id) => ({ orgUnitPath: "/Removes", oauthClientIds: [id] })),
    );
    const { successes, failures } = tally(responses);
    const after = await readOrgUnit(api, "/Removes");
    const events = (await settingEvents(api, { orgUnitPath: "/Removes" })).filter((e) =>
      e.newValue.startsWith("REMOVED:"),
    );
    printFigures("allow-list removes", {
      writers: WRITERS,
      successes,
      failures: failures.length,
      listSize: after.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds.length,
      events: events.length,
      versions: after.version - before.version,
      ms: Date.now() - started,
    });
    expect(failures).toEqual([]);
    expect(after.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([clientId(999)]);
    expect(events.map((event) => event.newValue).sort()).toEqual(removed.map((id) => `REMOVED:${id}`).sort());
  });

  it("adds and removes at the same time: the list ends as every edit says", async () => {
    const kept = ids(300, 10);
    const removed = ids(310, WRITERS / 2);
    const added = ids(400, WRITERS / 2);
    await setList(api, "/Mixed", [...kept, ...removed]);
    const responses = await Promise.all([
      ...removed.map((id) => api.gql(REMOVE, { input: { orgUnitPath: "/Mixed", oauthClientIds: [id] } })),
      ...added.map((id) => api.gql(ADD, { input: { orgUnitPath: "/Mixed", oauthClientIds: [id] } })),
    ]);
    const { successes, failures } = tally(responses);
    const list: string[] = (await readOrgUnit(api, "/Mixed")).mailAccessPolicy.imapClientAccess.allowedOAuthClientIds;
    const events = (await settingEvents(api, { orgUnitPath: "/Mixed" })).filter((e) =>
      /^(ADDED|REMOVED):/.test(e.newValue),
    );
    printFigures("allow-list adds and removes", {
      writers: WRITERS,
      successes,
      failures: failures.length,
      listSize: list.length,
      events: events.length,
    });
    expect(failures).toEqual([]);
    expect([...list].sort()).toEqual([...kept, ...added].sort());
    expect(events).toHaveLength(WRITERS);
  });
});

describe("an OU that inherits its client access", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/P", "/P/Child", "/P/Other"]);
    await setList(api, "/P", [clientId(1), clientId(2)]);
  });

  it("adding copies the inherited list into its own, says so, and leaves the parent alone", async () => {
    const before = await readOrgUnit(api, "/P/Child");
    const { addAllowedOAuthClients: result } = await api.ok(ADD, {
      input: { orgUnitPath: "/P/Child", oauthClientIds: [clientId(3)] },
    });
    expect(result.warnings.map((w: { code: string }) => w.code)).toContain("COPIED_INHERITED_ALLOWLIST");
    expect(result.mailAccessPolicy.imapClientAccess).toEqual({
      mode: "OAUTH_ALLOWLIST",
      allowedOAuthClientIds: [clientId(1), clientId(2), clientId(3)],
    });
    expect(result.effectiveMailAccess.imapClientAccess.source).toEqual({
      kind: "SET_HERE",
      orgUnit: { path: "/P/Child" },
    });
    const after = await readOrgUnit(api, "/P/Child");
    expect(after.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([
      clientId(1),
      clientId(2),
      clientId(3),
    ]);
    expect((await readOrgUnit(api, "/P")).mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([
      clientId(1),
      clientId(2),
    ]);
    expect(await settingEvents(api, { orgUnitPath: "/P/Child" })).toMatchObject([
      {
        settingName: "IMAP_CLIENT_ACCESS",
        oldValue: "INHERIT_FROM_PARENT",
        newValue: `OAUTH_ALLOWLIST:${clientId(1)},${clientId(2)},${clientId(3)}`,
        orgUnitPath: "/P/Child",
      },
    ]);
    // The payload shows the OU as it is after the change.
    expect(result.orgUnit.version).toBe(before.version + 1);
    expect(result.orgUnit.version).toBe(after.version);
  });

  it("a second add appends to the OU's own list without a second copy warning", async () => {
    const { addAllowedOAuthClients: result } = await api.ok(ADD, {
      input: { orgUnitPath: "/P/Child", oauthClientIds: [clientId(4)] },
    });
    expect(result.warnings.map((w: { code: string }) => w.code)).not.toContain("COPIED_INHERITED_ALLOWLIST");
    const [latest] = await settingEvents(api, { orgUnitPath: "/P/Child" });
    expect(latest).toMatchObject({
      oldValue: `OAUTH_ALLOWLIST:${clientId(1)},${clientId(2)},${clientId(3)}`,
      newValue: `ADDED:${clientId(4)}`,
    });
  });

  it("removing copies the inherited list too, without the removed id", async () => {
    const { removeAllowedOAuthClients: result } = await api.ok(REMOVE, {
      input: { orgUnitPath: "/P/Other", oauthClientIds: [clientId(1)] },
    });
    expect(result.warnings.map((w: { code: string }) => w.code)).toContain("COPIED_INHERITED_ALLOWLIST");
    expect((await readOrgUnit(api, "/P/Other")).mailAccessPolicy.imapClientAccess).toEqual({
      mode: "OAUTH_ALLOWLIST",
      allowedOAuthClientIds: [clientId(2)],
    });
  });

  it("updateMailAccessPolicy with OAUTH_ALLOWLIST and no list keeps the inherited list, copied as its own", async () => {
    await createOrgUnits(api, ["/P/Keeps"]);
    const input = { orgUnitPath: "/P/Keeps", imapClientAccess: { mode: "OAUTH_ALLOWLIST" } };
    const preview = (await api.ok(POLICY, { input: { ...input, dryRun: true } })).updateMailAccessPolicy;
    const saved = (await api.ok(POLICY, { input })).updateMailAccessPolicy;
    for (const result of [preview, saved]) {
      expect(result.mailAccessPolicy.imapClientAccess).toEqual({
        mode: "OAUTH_ALLOWLIST",
        allowedOAuthClientIds: [clientId(1), clientId(2)],
      });
      expect(result.warnings.map((w: { code: string }) => w.code)).toEqual([
        "COPIED_INHERITED_ALLOWLIST",
        "PROPAGATION_DELAY",
      ]);
    }
    expect(saved.effectiveMailAccess.imapClientAccess).toMatchObject({
      allowedOAuthClients: [{ clientId: clientId(1) }, { clientId: clientId(2) }],
      source: { kind: "SET_HERE", orgUnit: { path: "/P/Keeps" } },
    });
    expect(await settingEvents(api, { orgUnitPath: "/P/Keeps" })).toMatchObject([
      { oldValue: "INHERIT_FROM_PARENT", newValue: `OAUTH_ALLOWLIST:${clientId(1)},${clientId(2)}` },
    ]);
  });
});

describe("an OU that allows any mail client (issue 13: no silent switch to the allow-list)", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/Open", "/Open/Inherits", "/Other"]);
  });

  it("adding clients is FAILED_PRECONDITION naming switchToAllowlist, for a dry run too, and writes nothing", async () => {
    const before = await readOrgUnit(api, "/Open");
    for (const orgUnitPath of ["/Open", "/Open/Inherits"])
      for (const dryRun of [false, true]) {
        const refused = await api.gql(ADD, { input: { orgUnitPath, oauthClientIds: [IOS_MAIL], dryRun } });
        expect(errorOf(refused).extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "switchToAllowlist" });
        expect(errorOf(refused).message).toContain("any mail client");
      }
    expect(await readOrgUnit(api, "/Open")).toEqual(before);
    expect(await settingEvents(api, { orgUnitPath: "/Open", includeSubOrgUnits: true })).toEqual([]);
  });

  it("a dry run with switchToAllowlist previews who is cut off, writing and auditing nothing", async () => {
    const before = await readOrgUnit(api, "/Open");
    const { addAllowedOAuthClients: preview } = await api.ok(ADD, {
      input: { orgUnitPath: "/Open", oauthClientIds: [clientId(5)], switchToAllowlist: true, dryRun: true },
    });
    expect(preview).toMatchObject({ changed: true, orgUnit: { version: before.version } });
    expect(preview.mailAccessPolicy.imapClientAccess).toEqual({
      mode: "OAUTH_ALLOWLIST",
      allowedOAuthClientIds: [clientId(5)],
    });
    expect(preview.warnings.map((w: { code: string }) => w.code)).toEqual([
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "IOS_MAIL_NOT_ALLOWLISTED",
      "PROPAGATION_DELAY",
    ]);
    expect(await readOrgUnit(api, "/Open")).toEqual(before);
    expect(await settingEvents(api, { orgUnitPath: "/Open" })).toEqual([]);
  });

  it("with switchToAllowlist the add switches, says who is cut off, and copies nothing", async () => {
    const { addAllowedOAuthClients: result } = await api.ok(ADD, {
      input: { orgUnitPath: "/Open/Inherits", oauthClientIds: [IOS_MAIL], switchToAllowlist: true },
    });
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual([
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "PROPAGATION_DELAY",
    ]);
    expect(result.mailAccessPolicy.imapClientAccess).toEqual({
      mode: "OAUTH_ALLOWLIST",
      allowedOAuthClientIds: [IOS_MAIL],
    });
    expect(await settingEvents(api, { orgUnitPath: "/Open/Inherits" })).toMatchObject([
      { oldValue: "INHERIT_FROM_PARENT", newValue: `OAUTH_ALLOWLIST:${IOS_MAIL}` },
    ]);
    // Once restricted, further adds need no switch, and switch nothing.
    const { addAllowedOAuthClients: more } = await api.ok(ADD, {
      input: { orgUnitPath: "/Open/Inherits", oauthClientIds: [clientId(6)] },
    });
    expect(more.warnings.map((w: { code: string }) => w.code)).not.toContain("ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS");
  });

  it("updateMailAccessPolicy switching to a list says every unlisted OAuth client is cut off", async () => {
    const input = {
      orgUnitPath: "/Other",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL] },
      dryRun: true,
    };
    const { updateMailAccessPolicy: preview } = await api.ok(POLICY, { input });
    expect(preview.warnings.map((w: { code: string }) => w.code)).toEqual([
      "ALLOWLIST_BLOCKS_UNLISTED_OAUTH_CLIENTS",
      "ALLOWLIST_BLOCKS_PASSWORD_AND_SERVICE_ACCOUNT_CLIENTS",
      "PROPAGATION_DELAY",
    ]);
  });

  it("removing clients refuses switchToAllowlist, which a removal never does", async () => {
    const response = await api.gql(REMOVE, {
      input: { orgUnitPath: "/Open", oauthClientIds: [IOS_MAIL], switchToAllowlist: true },
    });
    expect(errorOf(response).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "switchToAllowlist" });
  });
});

describe("expectedVersion and dryRun on allow-list edits", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/E", "/E/Child"]);
    await setList(api, "/E", [clientId(1), clientId(2)]);
  });

  it("a stale expectedVersion is CONFLICT with the current version, and writes nothing", async () => {
    const before = await readOrgUnit(api, "/E");
    for (const query of [ADD, REMOVE]) {
      const response = await api.gql(query, {
        input: { orgUnitPath: "/E", oauthClientIds: [clientId(2)], expectedVersion: before.version - 1 },
      });
      expect(errorOf(response).extensions).toMatchObject({
        code: "CONFLICT",
        field: "expectedVersion",
        currentVersion: before.version,
      });
    }
    expect(await readOrgUnit(api, "/E")).toEqual(before);
  });

  it("the current expectedVersion applies the edit", async () => {
    const before = await readOrgUnit(api, "/E");
    const { addAllowedOAuthClients: added } = await api.ok(ADD, {
      input: { orgUnitPath: "/E", oauthClientIds: [clientId(3)], expectedVersion: before.version },
    });
    expect(added.orgUnit.version).toBe(before.version + 1);
    const { removeAllowedOAuthClients: removed } = await api.ok(REMOVE, {
      input: { orgUnitPath: "/E", oauthClientIds: [clientId(1)], expectedVersion: before.version + 1 },
    });
    expect(removed.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([clientId(2), clientId(3)]);
    expect((await readOrgUnit(api, "/E")).version).toBe(before.version + 2);
  });

  it("dryRun previews an add and a remove (an inherited list copied too) without writing or auditing", async () => {
    const events = await settingEvents(api, { orgUnitPath: "/E", includeSubOrgUnits: true });
    const parent = await readOrgUnit(api, "/E");
    const child = await readOrgUnit(api, "/E/Child");
    const { addAllowedOAuthClients: added } = await api.ok(ADD, {
      input: { orgUnitPath: "/E", oauthClientIds: [clientId(9)], dryRun: true },
    });
    expect(added).toMatchObject({ changed: true, orgUnit: { version: parent.version } });
    expect(added.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([
      clientId(2),
      clientId(3),
      clientId(9),
    ]);
    const { removeAllowedOAuthClients: removed } = await api.ok(REMOVE, {
      input: { orgUnitPath: "/E/Child", oauthClientIds: [clientId(2)], dryRun: true },
    });
    expect(removed.mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toEqual([clientId(3)]);
    expect(removed.warnings.map((w: { code: string }) => w.code)).toContain("COPIED_INHERITED_ALLOWLIST");
    expect(await readOrgUnit(api, "/E")).toEqual(parent);
    expect(await readOrgUnit(api, "/E/Child")).toEqual(child);
    expect(await settingEvents(api, { orgUnitPath: "/E", includeSubOrgUnits: true })).toEqual(events);
  });
});

describe("invalid input", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/V"]);
    await setList(api, "/V", ids(0, 99));
  });

  it("refuses invalid ids, naming each by its position, and writes nothing", async () => {
    const before = await readOrgUnit(api, "/V");
    for (const query of [ADD, REMOVE]) {
      const response = await api.gql(query, {
        input: {
          orgUnitPath: "/V",
          oauthClientIds: [clientId(500), "not-a-client", ` ${clientId(501)} `, "123-UPPER.apps.googleusercontent.com"],
        },
      });
      const error = errorOf(response);
      expect(error.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "oauthClientIds",
        invalidEntries: [
          { position: 2, value: "not-a-client" },
          { position: 4, value: "123-UPPER.apps.googleusercontent.com" },
        ],
      });
      expect(error.message).toContain('entry 2 "not-a-client"');
      expect(error.message).toContain("entry 4");
    }
    const empty = await api.gql(ADD, { input: { orgUnitPath: "/V", oauthClientIds: [] } });
    expect(errorOf(empty).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "oauthClientIds" });
    expect(await readOrgUnit(api, "/V")).toEqual(before);
  });

  it("refuses to grow the list beyond 100 ids", async () => {
    const response = await api.gql(ADD, { input: { orgUnitPath: "/V", oauthClientIds: ids(600, 2) } });
    expect(errorOf(response).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "oauthClientIds" });
    expect(errorOf(response).message).toContain("100");
    await api.ok(ADD, { input: { orgUnitPath: "/V", oauthClientIds: [clientId(600)] } });
    expect((await readOrgUnit(api, "/V")).mailAccessPolicy.imapClientAccess.allowedOAuthClientIds).toHaveLength(100);
  });

  it("answers NOT_FOUND for an OU that does not exist", async () => {
    const response = await api.gql(ADD, { input: { orgUnitPath: "/Nope", oauthClientIds: [clientId(1)] } });
    expect(errorOf(response).extensions).toMatchObject({ code: "NOT_FOUND", field: "orgUnitPath" });
  });
});
