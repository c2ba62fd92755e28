/**
 * The audit log API (issue 4): `auditEvents(filter, first, after)` and `OrgUnit.auditEvents`, newest first, with cursor
 * pagination across pages (no duplicates, no gaps), every filter, and each event's setting, old and new value, OU path
 * at the time, actor, time, request id and idempotency key; served by keys and an index, never a scan.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCustomer } from "../../functions/local/seed";
import { testCustomer } from "../support/api";
import { watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
import {
  auditEvents,
  clientId,
  createOrgUnits,
  errorOf,
  EVENT_FIELDS,
  printFigures,
  settingEvents,
  type Api,
  type AuditEventView,
} from "../support/partner";

let watch: DynamoDbWatch;
beforeAll(() => {
  watch = watchDynamoDb();
});
afterAll(() => watch.stop());

const PAGE = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${EVENT_FIELDS} } }
    nodes { id }
    pageInfo { hasNextPage endCursor }
  }
}`;
const OU_PAGE = `query ($path: String, $sub: Boolean, $first: Int, $after: String) {
  orgUnit(orgUnitPath: $path) {
    auditEvents(includeSubOrgUnits: $sub, first: $first, after: $after) {
      edges { cursor node { ${EVENT_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const APPLY = `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed } }`;
const UPDATE = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`;

const ROUNDS = 8;
const BULK_PATHS = ["/A", "/A/B", "/A/B/C", "/Z"];

/** Reads every page of `auditEvents` with pages of `first`; checks each page's cursors on the way. */
async function allPages(api: Api, filter: Record<string, unknown>, first: number) {
  const events: AuditEventView[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: any = (await api.ok(PAGE, { filter, first, after })).auditEvents;
    pages += 1;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.nodes.map((node: { id: string }) => node.id)).toEqual(page.edges.map((edge: any) => edge.node.id));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    events.push(...page.edges.map((edge: { node: AuditEventView }) => edge.node));
    if (!page.pageInfo.hasNextPage) return { events, pages };
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}

function expectNewestFirst(events: AuditEventView[]) {
  const ids = events.map((event) => event.id);
  expect(new Set(ids).size, "no duplicates").toBe(ids.length);
  for (let i = 1; i < events.length; i += 1)
    expect(events[i - 1]!.time >= events[i]!.time, `${events[i - 1]!.time} before ${events[i]!.time}`).toBe(true);
}

describe("the audit log", () => {
  let api: Api;
  let secondKey: string;
  /** What each request wrote: its request id and idempotency key. */
  const requests: { requestId: string; idempotencyKey: string | null; events: number }[] = [];
  let renameAt: string;

  beforeAll(async () => {
    api = await testCustomer();
    secondKey = await seedCustomer(api.config, api.customer);
    await createOrgUnits(api, ["/A", "/A/B", "/A/B/C", "/Z"]);
    // Every round changes all four settings of four OUs: 16 events per request.
    for (let round = 0; round < ROUNDS; round += 1) {
      const on = round % 2 === 1;
      const response = await api.gql(APPLY, {
        input: {
          orgUnitPaths: BULK_PATHS,
          policy: {
            popAccess: on ? "ON" : "OFF",
            imapAccess: on ? "ON" : "OFF",
            lessSecureApps: on ? "OFF" : "ON",
            imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [clientId(round)] },
          },
          idempotencyKey: `bulk-${round}`,
        },
      });
      expect(response.errors).toBeUndefined();
      requests.push({
        requestId: response.headers["x-request-id"] as string,
        idempotencyKey: `bulk-${round}`,
        events: 16,
      });
    }
    // The second API key removes two overrides, without idempotency keys.
    for (const input of [
      { orgUnitPath: "/A/B", popAccess: "INHERIT" },
      { orgUnitPath: "/Z", imapAccess: "INHERIT" },
    ]) {
      const response = await api.gql(UPDATE, { input }, { apiKey: secondKey });
      expect(response.errors).toBeUndefined();
      requests.push({ requestId: response.headers["x-request-id"] as string, idempotencyKey: null, events: 1 });
    }
    // A user's own setting.
    await api.ok(
      `mutation { createUser(input: { email: "ann@example.com", orgUnitPath: "/A", name: "Ann" }) { user { email } } }`,
    );
    await api.ok(
      `mutation { updateUserMailSettings(input: { email: "ann@example.com", imapEnabled: false }) { user { email } } }`,
    );
    // /Z is renamed after its changes; one more change under its new name.
    renameAt = new Date().toISOString();
    await api.ok(`mutation { updateOrgUnit(input: { orgUnitPath: "/Z", name: "Zed" }) { orgUnit { path } } }`);
    await api.ok(UPDATE, { input: { orgUnitPath: "/Zed", lessSecureApps: "INHERIT", idempotencyKey: "after-rename" } });
  });

  // The settings changes, and the OUs and the user created and the rename, each audited too.
  const TOTAL = ROUNDS * 16 + 2 + 1 + 1 + 4 + 1 + 1;

  it("lists every event newest first across pages, with no duplicates and no gaps", async () => {
    const { events: whole, pages: fewPages } = await allPages(api, {}, 100);
    expect(whole).toHaveLength(TOTAL);
    expect(fewPages).toBe(2);
    expectNewestFirst(whole);
    // Pages of 69 end exactly at the last event: the second page says no more follow.
    for (const size of [3, 16, 69]) {
      const { events, pages } = await allPages(api, {}, size);
      expect(
        events.map((event) => event.id),
        `pages of ${size}`,
      ).toEqual(whole.map((event) => event.id));
      expect(pages).toBe(Math.ceil(TOTAL / size));
    }
  });

  it("keeps its place when new events are written between pages", async () => {
    const first: any = (await api.ok(PAGE, { filter: { orgUnitPath: "/A" }, first: 10 })).auditEvents;
    await api.ok(UPDATE, { input: { orgUnitPath: "/A", popAccess: "OFF" } });
    const rest = await allPages(api, { orgUnitPath: "/A" }, 10);
    // Read again from the first page's end: exactly the events after it, none new.
    const continued: AuditEventView[] = [];
    let after = first.pageInfo.endCursor;
    for (;;) {
      const page: any = (await api.ok(PAGE, { filter: { orgUnitPath: "/A" }, first: 10, after })).auditEvents;
      continued.push(...page.edges.map((edge: any) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const firstIds = first.edges.map((edge: any) => edge.node.id);
    expect([...firstIds, ...continued.map((event) => event.id)]).toEqual(rest.events.slice(1).map((e) => e.id));
    await api.ok(UPDATE, { input: { orgUnitPath: "/A", popAccess: "ON" } });
  });

  it("shows each event's setting, old and new value, OU, actor, time, request and idempotency key", async () => {
    const whole = await auditEvents(api);
    const byRequest = new Map<string, AuditEventView[]>();
    for (const event of whole) byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event]);
    for (const request of requests) {
      const events = byRequest.get(request.requestId) ?? [];
      expect(events, request.requestId).toHaveLength(request.events);
      for (const event of events) expect(event.idempotencyKey).toBe(request.idempotencyKey);
    }
    // The second round's events on /A/B/C: every setting, its old value (the first round's) and its new one.
    const round1 = (byRequest.get(requests[1]!.requestId) ?? []).filter((e) => e.orgUnitPath === "/A/B/C");
    expect(round1.map(({ settingName, oldValue, newValue }) => ({ settingName, oldValue, newValue }))).toEqual(
      expect.arrayContaining([
        { settingName: "ENABLE_POP_ACCESS", oldValue: "OFF", newValue: "ON" },
        { settingName: "IMAP_ACCESS", oldValue: "OFF", newValue: "ON" },
        { settingName: "LESS_SECURE_APPS", oldValue: "ON", newValue: "OFF" },
        {
          settingName: "IMAP_CLIENT_ACCESS",
          oldValue: `OAUTH_ALLOWLIST:${clientId(0)}`,
          newValue: `OAUTH_ALLOWLIST:${clientId(1)}`,
        },
      ]),
    );
    const round0 = (byRequest.get(requests[0]!.requestId) ?? []).filter((e) => e.orgUnitPath === "/A");
    expect(round0.map((e) => e.oldValue)).toEqual([
      "INHERIT_FROM_PARENT",
      "INHERIT_FROM_PARENT",
      "INHERIT_FROM_PARENT",
      "INHERIT_FROM_PARENT",
    ]);
    // One transaction, one time for all its events.
    expect(new Set((byRequest.get(requests[0]!.requestId) ?? []).map((e) => e.time)).size).toBe(1);

    const [inherit] = byRequest.get(requests[ROUNDS]!.requestId) ?? [];
    const aId = whole.find((event) => event.orgUnitPath === "/A")?.orgUnitId;
    expect(inherit).toMatchObject({
      setting: "POP_ACCESS",
      settingName: "ENABLE_POP_ACCESS",
      // The last round turned POP on.
      oldValue: "ON",
      newValue: "INHERIT_FROM_PARENT",
      orgUnitPath: "/A/B",
      userEmail: null,
      idempotencyKey: null,
      actor: { kind: "API_KEY" },
    });
    expect(inherit?.orgUnitId).not.toBe(aId);
    expect(new Date(inherit!.time).toISOString()).toBe(inherit!.time);
    expect(inherit!.actor.id).not.toBe(whole.find((e) => e.idempotencyKey === "bulk-0")?.actor.id);
    expect(inherit!.actor.name).toBeTruthy();

    const user = whole.find((event) => event.userEmail !== null);
    expect(user).toMatchObject({
      settingName: "USER_IMAP_ENABLED",
      userEmail: "ann@example.com",
      orgUnitPath: "/A",
      orgUnitId: aId,
    });
  });

  it("writes a user's on/off setting with the documented values ON and OFF, like an OU's", async () => {
    const user = (await auditEvents(api)).find((event) => event.userEmail !== null);
    // AuditEvent.oldValue and newValue are documented as ON, OFF, ANY_CLIENT, OAUTH_ALLOWLIST:<ids> or
    // INHERIT_FROM_PARENT; a user's IMAP setting must not be the only one written as "true" and "false".
    expect(user).toMatchObject({
      setting: "USER_IMAP_ENABLED",
      settingName: "USER_IMAP_ENABLED",
      oldValue: "ON",
      newValue: "OFF",
    });
  });

  it("keeps an OU's path at the time of each change: events before a rename show the old path", async () => {
    const zed = await settingEvents(api, { orgUnitPath: "/Zed" });
    expect(zed).toHaveLength(ROUNDS * 4 + 2);
    const [latest, ...earlier] = zed;
    expect(latest).toMatchObject({
      orgUnitPath: "/Zed",
      idempotencyKey: "after-rename",
      newValue: "INHERIT_FROM_PARENT",
    });
    expect(new Set(earlier.map((event) => event.orgUnitPath))).toEqual(new Set(["/Z"]));
    expect(earlier.every((event) => event.time <= renameAt)).toBe(true);
    expect(new Set(zed.map((event) => event.orgUnitId)).size).toBe(1);
    // The old path names no OU any more.
    expect(errorOf(await api.gql(PAGE, { filter: { orgUnitPath: "/Z" } })).extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "filter.orgUnitPath",
    });
  });

  it("filters by OU, subtree, actor, setting and time, alone and together, across pages", async () => {
    const whole = await auditEvents(api);
    const actor2 = whole.find((event) => event.idempotencyKey === null && event.userEmail === null)!.actor.id;
    const times = [...new Set(whole.map((event) => event.time))].sort();
    const since = times[3]!;
    const until = times[times.length - 4]!;
    const cases: [Record<string, unknown>, (event: AuditEventView) => boolean][] = [
      [{ orgUnitPath: "/A/B" }, (e) => e.orgUnitPath === "/A/B"],
      [{ orgUnitPath: "/A/B", includeSubOrgUnits: true }, (e) => e.orgUnitPath.startsWith("/A/B")],
      [{ orgUnitPath: "/A", includeSubOrgUnits: true }, (e) => e.orgUnitPath.startsWith("/A")],
      [{ orgUnitPath: "/A/B/C", includeSubOrgUnits: true }, (e) => e.orgUnitPath === "/A/B/C"],
      [{ actor: actor2 }, (e) => e.actor.id === actor2],
      [{ setting: "IMAP_CLIENT_ACCESS" }, (e) => e.setting === "IMAP_CLIENT_ACCESS"],
      [{ since }, (e) => e.time >= since],
      [{ until }, (e) => e.time <= until],
      [{ since, until }, (e) => e.time >= since && e.time <= until],
      [{ since: until, until: until }, (e) => e.time === until],
      [
        { orgUnitPath: "/A", includeSubOrgUnits: true, setting: "POP_ACCESS", since, until },
        (e) =>
          e.orgUnitPath.startsWith("/A") && e.settingName === "ENABLE_POP_ACCESS" && e.time >= since && e.time <= until,
      ],
      [
        { orgUnitPath: "/A/B", actor: actor2, setting: "POP_ACCESS" },
        (e) => e.orgUnitPath === "/A/B" && e.actor.id === actor2 && e.settingName === "ENABLE_POP_ACCESS",
      ],
      [{ setting: "USER_LESS_SECURE_APPS" }, () => false],
      [{ actor: "nobody" }, () => false],
    ];
    for (const [filter, keep] of cases) {
      const expected = whole.filter(keep).map((event) => event.id);
      const { events } = await allPages(api, filter, 8);
      expect(
        events.map((event) => event.id),
        JSON.stringify(filter),
      ).toEqual(expected);
      expectNewestFirst(events);
    }
  });

  it("OrgUnit.auditEvents lists the OU's events, or its subtree's, like the filter", async () => {
    for (const [path, sub] of [
      ["/A", false],
      ["/A", true],
      ["/A/B/C", false],
      ["/", true],
    ] as const) {
      const events: AuditEventView[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await api.ok(OU_PAGE, { path, sub, first: 9, after })).orgUnit.auditEvents;
        events.push(...page.edges.map((edge: any) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const filter = path === "/" && sub ? {} : { orgUnitPath: path, includeSubOrgUnits: sub };
      expect(events, `${path} ${sub}`).toEqual(await auditEvents(api, filter));
    }
  });

  it("reads through keys and the index, never a scan, in a few round trips", async () => {
    const filters: Record<string, unknown>[] = [
      {},
      { orgUnitPath: "/A" },
      { orgUnitPath: "/A", includeSubOrgUnits: true },
      { actor: "nobody" },
      { setting: "IMAP_ACCESS", since: "2020-01-01T00:00:00Z", until: "2999-01-01T00:00:00Z" },
    ];
    const roundTrips: number[] = [];
    watch.reset();
    for (const filter of filters) {
      const response = await api.gql(PAGE, { filter, first: 20 });
      expect(response.errors).toBeUndefined();
      roundTrips.push(response.roundTrips);
    }
    const response = await api.gql(OU_PAGE, { path: "/A", sub: true, first: 20 });
    expect(response.errors).toBeUndefined();
    roundTrips.push(response.roundTrips);
    const names = watch.names();
    expect(names).not.toContain("ScanCommand");
    expect(names.filter((name) => !["GetCommand", "BatchGetCommand", "QueryCommand"].includes(name))).toEqual([]);
    const queries = watch.sent.filter((command) => command.name === "QueryCommand");
    for (const query of queries)
      expect(query.input.KeyConditionExpression).toMatch(/^(pk|gsi1pk|gsi2pk|gsi3pk) = :\w+/);
    printFigures("audit log round trips per request (pages of 20)", {
      ...Object.fromEntries(filters.map((filter, i) => [JSON.stringify(filter), roundTrips[i] as number])),
      "OrgUnit(/A).auditEvents(includeSubOrgUnits)": roundTrips[filters.length] as number,
    });
    // The whole log's newest 20: at most the API key, then one query of the index.
    expect(roundTrips[0]).toBeLessThanOrEqual(2);
    // One OU's newest 20: at most the API key, the OU by path (2), one query of its partition.
    expect(roundTrips[1]).toBeLessThanOrEqual(4);
  });

  it("refuses bad arguments", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { since: "2026-02-01T00:00:00Z", until: "2026-01-01T00:00:00Z" } }, "filter.since"],
      [{ filter: { orgUnitPath: "/Nowhere" } }, "filter.orgUnitPath"],
      [{ first: 0 }, "first"],
      [{ first: 101 }, "first"],
      [{ after: "not-a-cursor" }, "after"],
    ];
    for (const [variables, field] of cases) {
      const error = errorOf(await api.gql(PAGE, variables));
      expect(error.extensions.field, JSON.stringify(variables)).toBe(field);
      expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(error.extensions.code);
    }
  });

  it("shows no other customer's events", async () => {
    const other = await testCustomer();
    expect(await auditEvents(other)).toEqual([]);
    const whole = await auditEvents(api);
    const response = await other.gql(PAGE, { first: 5, after: null, filter: { actor: whole[0]!.actor.id } });
    expect((response.data as any).auditEvents.edges).toEqual([]);
  });
});
