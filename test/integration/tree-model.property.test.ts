/**
 * Model-based concurrency (issue 11): three handler instances on one table and one customer, a lease of one second,
 * and seeded random rounds of concurrent creates, renames, moves, deletes, policy writes, bulk applies and user
 * moves. Instance C runs the rounds' faulty operations: its process "dies" at a random DynamoDB call of the write
 * (every call after it fails too) or freezes past the lease. After every run the tree's invariants hold, every answer
 * is one the API may give, and every object ends in a state some serial order of the calls explains: what a caller
 * was told succeeded is there unless a later call changed it.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHandler } from "../../functions/graphql/lambda";
import { lambdaContext, toHttpApiEvent } from "../../functions/local/http-server";
import { seedCustomer } from "../../functions/local/seed";
import { createDocumentClient } from "../../functions/store/db";
import { testConfig } from "../support/api";
import { treeViolations } from "../support/invariants";
import { printFigures, sleep } from "../support/partner";

const LEASE_SECONDS = 1;

/** What may go wrong with instance C during one operation. */
type Fault = { kind: "none" } | { kind: "crash"; atCall: number } | { kind: "freeze"; atCall: number };

type Op =
  | { kind: "create"; parent: number; name: number }
  | { kind: "rename"; target: number; name: number }
  | { kind: "move"; target: number; parent: number }
  | { kind: "delete"; target: number }
  | { kind: "policy"; target: number; on: boolean }
  | { kind: "bulk"; targets: number[]; on: boolean }
  | { kind: "moveUser"; user: number; target: number };

const index = fc.nat({ max: 40 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), parent: index, name: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant("rename" as const), target: index, name: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant("move" as const), target: index, parent: index }),
  fc.record({ kind: fc.constant("delete" as const), target: index }),
  fc.record({ kind: fc.constant("policy" as const), target: index, on: fc.boolean() }),
  fc.record({
    kind: fc.constant("bulk" as const),
    targets: fc.uniqueArray(index, { minLength: 1, maxLength: 5 }),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("moveUser" as const), user: fc.nat({ max: 5 }), target: index }),
);
const roundArbitrary = fc.record({
  ops: fc.array(opArbitrary, { minLength: 2, maxLength: 4 }),
  fault: fc.oneof(
    { arbitrary: fc.constant<Fault>({ kind: "none" }), weight: 2 },
    {
      arbitrary: fc.record({ kind: fc.constant("crash" as const), atCall: fc.integer({ min: 1, max: 8 }) }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant("freeze" as const), atCall: fc.integer({ min: 1, max: 8 }) }),
      weight: 1,
    },
  ),
});
const planArbitrary = fc.array(roundArbitrary, { minLength: 4, maxLength: 6 });

/** A DynamoDB client whose calls break as the armed fault says (instance C's). */
function faultyClient(config: ReturnType<typeof testConfig>) {
  const client = createDocumentClient(config);
  const send = client.send.bind(client) as (command: object) => Promise<unknown>;
  let fault: Fault = { kind: "none" };
  let calls = 0;
  let dead = false;
  let frozenUntil = 0;
  (client as unknown as { send: (command: object) => Promise<unknown> }).send = async (command) => {
    calls += 1;
    if (fault.kind === "crash" && calls >= fault.atCall) dead = true;
    if (dead) throw Object.assign(new Error("the process died"), { code: "ECONNRESET" });
    // A frozen process makes no call at all, its lease renewals included, until it thaws.
    if (fault.kind === "freeze" && calls === fault.atCall) frozenUntil = Date.now() + LEASE_SECONDS * 1000 * 2.5;
    if (frozenUntil > Date.now()) await sleep(frozenUntil - Date.now());
    return send(command);
  };
  return {
    client: client as DynamoDBDocumentClient,
    arm(next: Fault) {
      fault = next;
      calls = 0;
      dead = false;
      frozenUntil = 0;
    },
  };
}

type Handler = ReturnType<typeof createHandler>;

async function call(handler: Handler, apiKey: string, query: string, variables: Record<string, unknown>) {
  const requestId = crypto.randomUUID();
  const event = toHttpApiEvent(
    {
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", "x-api-key": apiKey },
      body: JSON.stringify({ query, variables }),
    },
    requestId,
  );
  const result = (await handler(event, lambdaContext(requestId))) as { statusCode?: number; body?: string };
  const body = JSON.parse(result.body ?? "{}") as { data?: any; errors?: { extensions: { code: string } }[] };
  return {
    status: result.statusCode ?? 200,
    data: body.data,
    codes: (body.errors ?? []).map((e) => e.extensions.code),
  };
}

const TREE = `{ orgUnit(orgUnitPath: "/") { id } }`;
const READ = `query ($id: ID) { orgUnit(orgUnitId: $id) { id name path parent { id } mailAccessPolicy { popAccess } } }`;
const UPDATE = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id name path parent { id } } } }`;
const CREATE = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id name path parent { id } } } }`;
const DELETE = `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { deletedOrgUnitId } }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`;
const BULK = `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed } }`;
const MOVE_USER = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { email orgUnit { id } } } }`;
const USER = `query ($email: String!) { user(email: $email) { orgUnit { id } } }`;

/** Codes an answer may carry: lost races, refusals of the input, and (only for a faulty call) an outage. */
const EXPECTED = new Set(["CONFLICT", "NOT_FOUND", "BAD_USER_INPUT", "FAILED_PRECONDITION"]);

/** Every value an object may end with: its start, and what each call that succeeded or may have happened set. */
class Outcomes {
  private readonly possible = new Map<string, Set<string>>();
  /** Objects whose last change was told to succeed by exactly one call, in a round nobody else touched them. */
  readonly certain = new Map<string, string>();

  start(key: string, value: string) {
    if (!this.possible.has(key)) this.possible.set(key, new Set([value]));
  }
  maybe(key: string, value: string) {
    this.possible.set(key, (this.possible.get(key) ?? new Set()).add(value));
    this.certain.delete(key);
  }
  surely(key: string, value: string, alone: boolean) {
    this.maybe(key, value);
    if (alone) this.certain.set(key, value);
  }
  allows(key: string, value: string): boolean {
    return this.possible.get(key)?.has(value) ?? true;
  }
}

describe("three instances, random concurrent tree writes, crashes and freezes", () => {
  it("keeps the invariants and every promise made to a caller", { timeout: 600_000 }, async () => {
    const figures = { runs: 0, calls: 0, succeeded: 0, refused: 0, faulted: 0 };
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        figures.runs += 1;
        const config = testConfig({ treeLeaseSeconds: LEASE_SECONDS });
        const customer = { id: `m-${crypto.randomUUID().slice(0, 8)}`, name: "Model", domains: ["example.com"] };
        const apiKey = await seedCustomer(config, customer, undefined, {}, { claimDomains: false });
        const faulty = faultyClient(config);
        const [a, b, c] = [createHandler(config), createHandler(config), createHandler(config, faulty.client)];
        const api = (handler: Handler, query: string, variables: Record<string, unknown> = {}) =>
          call(handler, apiKey, query, variables);
        const root = (await api(a, TREE)).data.orgUnit.id as string;
        const ids: string[] = [root];
        const users = Array.from({ length: 6 }, (_, i) => `model${i}@example.com`);
        for (const email of users)
          await api(a, `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
            input: { email, orgUnitPath: "/", name: email },
          });
        const outcomes = new Outcomes();
        const problems: string[] = [];
        // Each round picks its targets among the OUs known when it starts (creates add to `ids` as they land).
        let known: string[] = [];
        const pick = (n: number) => known[n % known.length] as string;

        for (const [roundIndex, round] of plan.entries()) {
          known = [...ids];
          // What each object is now, as the start of what the round may make of it.
          for (const id of ids) {
            const ou = (await api(a, READ, { id })).data?.orgUnit;
            if (ou === null || ou === undefined) continue;
            outcomes.start(`name:${id}`, ou.name);
            outcomes.start(`parent:${id}`, ou.parent?.id ?? "none");
            outcomes.start(`pop:${id}`, String(ou.mailAccessPolicy.popAccess));
            outcomes.start(`exists:${id}`, "yes");
          }
          for (const email of users)
            outcomes.start(`user:${email}`, (await api(a, USER, { email })).data.user.orgUnit.id);
          const touched = new Map<string, number>();
          const touch = (key: string) => touched.set(key, (touched.get(key) ?? 0) + 1);
          const keysOf = (op: Op): string[] => {
            switch (op.kind) {
              case "create":
                return [];
              case "rename":
                return [`name:${pick(op.target)}`];
              case "move":
                return [`parent:${pick(op.target)}`];
              case "delete":
                return [`exists:${pick(op.target)}`];
              case "policy":
                return [`pop:${pick(op.target)}`];
              case "bulk":
                return op.targets.map((t) => `pop:${pick(t)}`);
              case "moveUser":
                return [`user:${users[op.user]}`];
            }
          };
          round.ops.forEach((op) => keysOf(op).forEach(touch));
          faulty.arm(round.fault);

          await Promise.all(
            round.ops.map(async (op, i) => {
              // The round's first operation runs on the faulty instance; the others on A and B.
              const handler = i === 0 ? c : i % 2 === 0 ? a : b;
              const faultHere = i === 0 && round.fault.kind !== "none";
              const ran = await run(op, handler);
              figures.calls += 1;
              const wrong = ran.codes.filter((code) => !EXPECTED.has(code) && !(faultHere && code === "UNAVAILABLE"));
              if (ran.status >= 500 || wrong.length > 0)
                problems.push(`round ${roundIndex} ${JSON.stringify(op)}: HTTP ${ran.status} ${ran.codes.join(",")}`);
              const ok = ran.codes.length === 0;
              if (ok) figures.succeeded += 1;
              else if (ran.codes.includes("UNAVAILABLE")) figures.faulted += 1;
              else figures.refused += 1;
              // A faulty call may or may not have happened; a refused one did not.
              const effect = (key: string, value: string) => {
                if (ok) outcomes.surely(key, value, touched.get(key) === 1);
                else if (faultHere) outcomes.maybe(key, value);
              };
              record(op, ran, effect);
            }),
          );
          faulty.arm({ kind: "none" });
        }

        // Let any lease left behind run out; the next tree writer finishes what was left.
        await sleep(LEASE_SECONDS * 1000 * 1.5);
        const nudge = await api(a, CREATE, { input: { parentOrgUnitPath: "/", name: "Nudge" } });
        if (nudge.codes.length > 0) problems.push(`the final write was refused: ${nudge.codes.join(",")}`);
        problems.push(...(await treeViolations(config, customer.id)));

        // Every object ends as some serial order of the calls explains; what one call alone was told is there.
        for (const id of ids) {
          const ou = (await api(a, READ, { id })).data?.orgUnit;
          const state: Record<string, string> = ou
            ? {
                [`exists:${id}`]: "yes",
                [`name:${id}`]: ou.name,
                [`parent:${id}`]: ou.parent?.id ?? "none",
                [`pop:${id}`]: String(ou.mailAccessPolicy.popAccess),
              }
            : { [`exists:${id}`]: "no" };
          for (const [key, value] of Object.entries(state)) {
            if (!outcomes.allows(key, value)) problems.push(`${key} is ${value}, which no call set`);
            const told = outcomes.certain.get(key);
            if (told !== undefined && told !== value && ou)
              problems.push(`${key} is ${value}; a caller was told ${told}`);
          }
        }
        for (const email of users) {
          const at = (await api(a, USER, { email })).data.user.orgUnit.id as string;
          if (!outcomes.allows(`user:${email}`, at)) problems.push(`user ${email} is in ${at}, where no call put them`);
        }
        expect(problems).toEqual([]);

        async function run(op: Op, handler: Handler) {
          switch (op.kind) {
            case "create": {
              const parent = (await api(a, READ, { id: pick(op.parent) })).data?.orgUnit;
              return api(handler, CREATE, { input: { parentOrgUnitPath: parent?.path ?? "/", name: `N${op.name}` } });
            }
            case "rename":
              return api(handler, UPDATE, { input: { orgUnitId: pick(op.target), name: `R${op.name}` } });
            case "move": {
              const parent = (await api(a, READ, { id: pick(op.parent) })).data?.orgUnit;
              return api(handler, UPDATE, {
                input: { orgUnitId: pick(op.target), parentOrgUnitPath: parent?.path ?? "/" },
              });
            }
            case "delete":
              return api(handler, DELETE, { input: { orgUnitId: pick(op.target) } });
            case "policy":
              return api(handler, POLICY, { input: { orgUnitId: pick(op.target), popAccess: op.on ? "ON" : "OFF" } });
            case "bulk": {
              const paths = await Promise.all(
                [...new Set(op.targets.map(pick))].map(async (id) => (await api(a, READ, { id })).data?.orgUnit?.path),
              );
              const orgUnitPaths = paths.filter((path): path is string => typeof path === "string");
              return api(handler, BULK, { input: { orgUnitPaths, policy: { popAccess: op.on ? "ON" : "OFF" } } });
            }
            case "moveUser": {
              const target = (await api(a, READ, { id: pick(op.target) })).data?.orgUnit;
              return api(handler, MOVE_USER, { input: { email: users[op.user], orgUnitPath: target?.path ?? "/" } });
            }
          }
        }

        function record(op: Op, ran: Awaited<ReturnType<typeof call>>, effect: (key: string, value: string) => void) {
          switch (op.kind) {
            case "create": {
              const created = ran.data?.createOrgUnit?.orgUnit;
              if (created !== undefined && created !== null) ids.push(created.id);
              return;
            }
            case "rename":
              return effect(`name:${pick(op.target)}`, `R${op.name}`);
            case "move":
              return effect(`parent:${pick(op.target)}`, pick(op.parent));
            case "delete":
              return effect(`exists:${pick(op.target)}`, "no");
            case "policy":
              return effect(`pop:${pick(op.target)}`, op.on ? "ON" : "OFF");
            case "bulk":
              return op.targets.forEach((t) => effect(`pop:${pick(t)}`, op.on ? "ON" : "OFF"));
            case "moveUser":
              return effect(`user:${users[op.user]}`, pick(op.target));
          }
        }
      }),
      // TREE_MODEL_SEED explores other plans; CI runs the fixed one.
      { seed: Number(process.env.TREE_MODEL_SEED ?? 20261130), numRuns: 8, endOnFailure: true },
    );
    printFigures("model-based concurrency", figures);
  });
});
