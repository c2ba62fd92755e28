/**
 * No lost updates (issue 4): at least 50 concurrent writers change different settings of one OU. With expectedVersion
 * each succeeds or gets CONFLICT, the final state equals the successful writes applied in version order, and the audit
 * log holds exactly one event per successful change; without expectedVersion no change is lost.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer } from "../support/api";
import {
  settingEvents,
  clientId,
  createOrgUnits,
  printFigures,
  readOrgUnit,
  sleep,
  type Api,
  type AuditEventView,
} from "../support/partner";

const WRITERS = 50;

const UPDATE = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) {
  changed orgUnit { version }
  mailAccessPolicy { popAccess imapAccess lessSecureApps imapClientAccess { mode allowedOAuthClientIds } }
} }`;

type Setting = "popAccess" | "imapAccess" | "lessSecureApps" | "imapClientAccess";
const SETTINGS: Setting[] = ["popAccess", "imapAccess", "lessSecureApps", "imapClientAccess"];
const AUDIT_NAMES: Record<Setting, string> = {
  popAccess: "ENABLE_POP_ACCESS",
  imapAccess: "IMAP_ACCESS",
  lessSecureApps: "LESS_SECURE_APPS",
  imapClientAccess: "IMAP_CLIENT_ACCESS",
};

/** An OU's own policy as the API shows it (null: inherited). */
type Policy = Record<Setting, unknown>;

/** One writer's change: the setting and the value it sets, as input and as the policy then shows it. */
interface Change {
  setting: Setting;
  input: unknown;
  shown: unknown;
}

/** Writer n's change of its setting, away from the value it read (so that it always changes something). */
function changeFor(n: number, current: Policy): Change {
  const setting = SETTINGS[n % SETTINGS.length] as Setting;
  if (setting === "imapClientAccess") {
    const list = [clientId(n)];
    return {
      setting,
      input: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: list },
      shown: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: list },
    };
  }
  const next = current[setting] === "OFF" ? "ON" : "OFF";
  return { setting, input: next, shown: next };
}

const policyOf = (ou: { mailAccessPolicy: Record<string, unknown> }): Policy => ({
  popAccess: ou.mailAccessPolicy.popAccess,
  imapAccess: ou.mailAccessPolicy.imapAccess,
  lessSecureApps: ou.mailAccessPolicy.lessSecureApps,
  imapClientAccess: ou.mailAccessPolicy.imapClientAccess,
});

/** The audit log's value for a setting's policy value. */
function auditValue(setting: Setting, value: any): string {
  if (value === null || value === undefined) return "INHERIT_FROM_PARENT";
  if (setting === "imapClientAccess")
    return value.mode === "ANY_CLIENT" ? "ANY_CLIENT" : `OAUTH_ALLOWLIST:${value.allowedOAuthClientIds.join(",")}`;
  return value;
}

interface Success {
  change: Change;
  version: number;
  requestId: string;
}

/**
 * Checks the outcome against the successful writes: their versions follow each other from `initial`, applying them
 * in version order gives the final policy, and the audit log has exactly one event per success, made by its request,
 * whose old value is the value the previous success left.
 */
function expectSerializable(
  initial: { version: number; policy: Policy },
  final: any,
  successes: Success[],
  events: AuditEventView[],
) {
  const ordered = [...successes].sort((a, b) => a.version - b.version);
  expect(ordered.map((s) => s.version)).toEqual(ordered.map((_, i) => initial.version + i + 1));
  expect(final.version).toBe(initial.version + successes.length);
  const replayed = { ...initial.policy };
  const expectedEvents: { requestId: string; settingName: string; oldValue: string; newValue: string }[] = [];
  for (const { change, requestId } of ordered) {
    expectedEvents.push({
      requestId,
      settingName: AUDIT_NAMES[change.setting],
      oldValue: auditValue(change.setting, replayed[change.setting]),
      newValue: auditValue(change.setting, change.shown),
    });
    replayed[change.setting] = change.shown;
  }
  expect(policyOf(final)).toEqual(replayed);
  const byRequest = new Map(ordered.map((s) => [s.requestId, s.version]));
  const actual = events
    .map(({ requestId, settingName, oldValue, newValue }) => ({ requestId, settingName, oldValue, newValue }))
    .sort((a, b) => (byRequest.get(a.requestId) ?? 0) - (byRequest.get(b.requestId) ?? 0));
  expect(actual).toEqual(expectedEvents);
}

describe(`${WRITERS} concurrent writers changing different settings of one OU`, () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ["/Once", "/Until", "/Blind", "/Last"]);
  });

  it("with expectedVersion, all from the same version: each succeeds or gets CONFLICT, nothing else", async () => {
    // Every writer reads first, and only then do they all write.
    const reads = await Promise.all(Array.from({ length: WRITERS }, () => readOrgUnit(api, "/Once")));
    const initial = { version: reads[0].version, policy: policyOf(reads[0]) };
    expect(new Set(reads.map((ou) => ou.version))).toEqual(new Set([initial.version]));
    const changes = reads.map((ou, n) => changeFor(n, policyOf(ou)));
    const responses = await Promise.all(
      changes.map((change) =>
        api.gql(UPDATE, {
          input: { orgUnitPath: "/Once", [change.setting]: change.input, expectedVersion: initial.version },
        }),
      ),
    );
    const successes: Success[] = [];
    const conflicts: Record<string, any>[] = [];
    const others: unknown[] = [];
    responses.forEach((response, n) => {
      const code = response.errors?.[0]?.extensions.code;
      if (code === undefined)
        successes.push({
          change: changes[n] as Change,
          version: (response.data as any).updateMailAccessPolicy.orgUnit.version,
          requestId: response.headers["x-request-id"] as string,
        });
      else if (code === "CONFLICT") conflicts.push(response.errors?.[0]?.extensions as Record<string, any>);
      else others.push(response.errors);
    });
    const final = await readOrgUnit(api, "/Once");
    const events = await settingEvents(api, { orgUnitPath: "/Once" });
    printFigures("expectedVersion, one round", {
      writers: WRITERS,
      successes: successes.length,
      conflicts: conflicts.length,
      otherErrors: others.length,
      events: events.length,
    });
    expect(others).toEqual([]);
    expect(successes.length + conflicts.length).toBe(WRITERS);
    // All read the same version, so exactly one can have written.
    expect(successes).toHaveLength(1);
    for (const conflict of conflicts)
      expect(conflict).toMatchObject({ field: "expectedVersion", currentVersion: initial.version + 1 });
    expectSerializable(initial, final, successes, events);
  });

  it("with expectedVersion, each writer reading again after a CONFLICT until it succeeds: all land in version order", async () => {
    const first = await readOrgUnit(api, "/Until");
    const initial = { version: first.version, policy: policyOf(first) };
    const successes: Success[] = [];
    let conflicts = 0;
    const others: unknown[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, n) => {
        for (let attempt = 0; attempt < 500; attempt += 1) {
          const ou = await readOrgUnit(api, "/Until");
          const change = changeFor(n, policyOf(ou));
          const response = await api.gql(UPDATE, {
            input: { orgUnitPath: "/Until", [change.setting]: change.input, expectedVersion: ou.version },
          });
          const error = response.errors?.[0];
          if (error === undefined) {
            successes.push({
              change,
              version: (response.data as any).updateMailAccessPolicy.orgUnit.version,
              requestId: response.headers["x-request-id"] as string,
            });
            return;
          }
          if (error.extensions.code !== "CONFLICT") {
            others.push(error);
            return;
          }
          conflicts += 1;
          // Jittered backoff spread by the number of writers still trying, so that few retries collide.
          await sleep(Math.random() * 30 * (WRITERS - successes.length));
        }
      }),
    );
    const final = await readOrgUnit(api, "/Until");
    const events = await settingEvents(api, { orgUnitPath: "/Until" });
    printFigures("expectedVersion, retry after CONFLICT", {
      writers: WRITERS,
      successes: successes.length,
      conflicts,
      otherErrors: others.length,
      events: events.length,
      finalVersion: final.version,
      ms: Date.now() - started,
    });
    expect(others).toEqual([]);
    expect(successes).toHaveLength(WRITERS);
    expect(events).toHaveLength(WRITERS);
    expectSerializable(initial, final, successes, events);
  });

  it("without expectedVersion: every writer's change is in the final state, none lost", async () => {
    const first = await readOrgUnit(api, "/Blind");
    const initial = { version: first.version, policy: policyOf(first) };
    // Each writer sets its setting to that setting's target, so the final state must show all four targets.
    const targets: Policy = {
      popAccess: "OFF",
      imapAccess: "OFF",
      lessSecureApps: "ON",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [clientId(7)] },
    };
    const inputs: Record<Setting, unknown> = {
      ...targets,
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [clientId(7)] },
    };
    const writers = Array.from({ length: WRITERS }, (_, n) => SETTINGS[n % SETTINGS.length] as Setting);
    const responses = await Promise.all(
      writers.map((setting) => api.gql(UPDATE, { input: { orgUnitPath: "/Blind", [setting]: inputs[setting] } })),
    );
    const errors = responses.flatMap((response) => response.errors ?? []);
    const writes = responses.filter((response) => (response.data as any)?.updateMailAccessPolicy.changed === true);
    const final = await readOrgUnit(api, "/Blind");
    const events = await settingEvents(api, { orgUnitPath: "/Blind" });
    printFigures("no expectedVersion", {
      writers: WRITERS,
      successes: responses.length - errors.length,
      conflicts: errors.filter((error) => error.extensions.code === "CONFLICT").length,
      otherErrors: errors.filter((error) => error.extensions.code !== "CONFLICT").length,
      writes: writes.length,
      events: events.length,
    });
    expect(errors.map((error) => error.extensions)).toEqual([]);
    expect(policyOf(final)).toEqual(targets);
    // Writers of the same setting after the first found nothing to change: one write and one event per setting.
    expect(writes).toHaveLength(SETTINGS.length);
    expectSerializable(
      initial,
      final,
      writes.map((response) => {
        const version = (response.data as any).updateMailAccessPolicy.orgUnit.version;
        const setting = writers[responses.indexOf(response)] as Setting;
        return {
          change: { setting, input: inputs[setting], shown: targets[setting] },
          version,
          requestId: response.headers["x-request-id"] as string,
        };
      }),
      events,
    );
  });

  it("without expectedVersion, each writer setting its own value: every write is serialized, none half-applied", async () => {
    const first = await readOrgUnit(api, "/Last");
    const initial = { version: first.version, policy: policyOf(first) };
    const changes = Array.from({ length: WRITERS }, (_, n) => changeFor(n * SETTINGS.length + 3, initial.policy));
    const responses = await Promise.all(
      changes.map((change) => api.gql(UPDATE, { input: { orgUnitPath: "/Last", [change.setting]: change.input } })),
    );
    const successes: Success[] = [];
    const errors: Record<string, any>[] = [];
    responses.forEach((response, n) => {
      if (response.errors !== undefined) errors.push(response.errors[0]?.extensions as Record<string, any>);
      else
        successes.push({
          change: changes[n] as Change,
          version: (response.data as any).updateMailAccessPolicy.orgUnit.version,
          requestId: response.headers["x-request-id"] as string,
        });
    });
    const final = await readOrgUnit(api, "/Last");
    const events = await settingEvents(api, { orgUnitPath: "/Last" });
    printFigures("no expectedVersion, a value per writer", {
      writers: WRITERS,
      successes: successes.length,
      conflicts: errors.filter((error) => error.code === "CONFLICT").length,
      otherErrors: errors.filter((error) => error.code !== "CONFLICT").length,
      events: events.length,
    });
    // The last write in version order wins; every write in between is in the audit log, in order.
    expectSerializable(initial, final, successes, events);
    // A caller who sent no expectedVersion asked for last-writer-wins: contention alone should not fail it, and if it
    // does, the error must say to retry, and not blame an expectedVersion the caller never sent.
    expect(
      errors.filter(
        (error) => error.code !== "CONFLICT" || error.retryable !== true || error.field === "expectedVersion",
      ),
    ).toEqual([]);
  });
});
