/**
 * Every argument and input field of the schema, fuzzed (issue 12). The sites and positions come from the served schema
 * (test/support/schema-walk.ts, values from schema-values.ts): every field of Query and Mutation with arguments, every field with arguments below
 * them, and every argument and input field inside. Each case makes one position hostile (sometimes two or three) and
 * the rest valid, and sends the operation to the handler in-process as the super administrator. Every answer must be:
 * below HTTP 500; JSON; errors only with documented codes (never INTERNAL_SERVER_ERROR or UNAVAILABLE), short messages,
 * and for BAD_USER_INPUT an `extensions.field` naming an argument or input field; no stack trace; within the response
 * byte budget; nothing of another customer in the data; no huge input taken by a mutation. A query writes nothing,
 * and a mutation refused (by the request or its root field) commits nothing: the audit log stays as it was.
 *
 * Mutations get valid values that change nothing or change a "victim" the fixture rebuilds after each mutation that
 * succeeded: the OU /Out/Victim (kept undeletable by a child OU) and the user carol@ in it, so every case meets the
 * same organization.
 *
 * At least 10,000 cases per run (counted; the last test fails a shorter run), seeded: SCHEMA_FUZZ_SEED (default
 * below) chooses them; a failure prints its seed and path, and
 *   SCHEMA_FUZZ_SEED=<seed> npx vitest run --project integration test/integration/schema-inputs.property.test.ts -t '<site>'
 * runs that site again with that seed (the count check then fails, as the run is shorter).
 */
import fc from "fast-check";
import {
  buildSchema,
  getNamedType,
  isNonNullType,
  type GraphQLEnumType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import { testConfig } from "../support/api";
import { watchDynamoDb, type DynamoDbWatch } from "../support/dynamodb-watch";
import { siteCase, validValue, type Case, type Harvest, type Valid } from "../support/schema-values";
import { holdsHugeInput, inputNamesOf, requestBody, sitesOf, type Site } from "../support/schema-walk";
import {
  callHandler,
  securityFixture,
  startIdentityProvider,
  type IdentityProvider,
  type SecurityFixture,
} from "../support/security";

const SEED = Number(process.env.SCHEMA_FUZZ_SEED ?? 20261201);
const MIN_CASES = 10_000;

const schema = buildSchema(typeDefs);
const sites = sitesOf(schema);
const INPUT_NAMES = inputNamesOf(schema);
/** The documented codes, less those hostile input must never produce from a super administrator. */
const EXPECTED_CODES = new Set(
  (schema.getType("ErrorCode") as GraphQLEnumType)
    .getValues()
    .map((value) => value.name)
    .filter((code) => !["INTERNAL_SERVER_ERROR", "UNAVAILABLE", "UNAUTHENTICATED", "FORBIDDEN"].includes(code)),
);
const STACK_TRACE = /\n\s+at |\bat [\w.<>]+ \(|node_modules\/|\.[cm]?[jt]s:\d+:\d+/;
const MAX_MESSAGE_LENGTH = 1000;
const WRITE_COMMANDS = new Set([
  "PutCommand",
  "UpdateCommand",
  "DeleteCommand",
  "BatchWriteCommand",
  "TransactWriteCommand",
]);

const VICTIM = { parentPath: "/Out", name: "Victim", path: "/Out/Victim" };

let f: SecurityFixture;
let idp: IdentityProvider;
/** A token of the victim user, for what only a signed-in person may do (the `…My…` fields: their own settings). */
let victimToken: string;
let watch: DynamoDbWatch;
let maxResponseBytes: number;
let victim: { id: string; childId: string; email: string };
/** Valid values and forgeries, for queries and for mutations (which may only change the victim). */
let valid: Record<Site["operation"], Valid>;
let harvest: Record<Site["operation"], Harvest>;
/** Write commands that succeeded during the current case (a key's last use, noted beside a request, aside). */
let writes: string[] = [];
/** The newest audit event, as of the last check. */
let auditHead: string | null;
let cases = 0;

const superAdmin = () => ({ apiKey: f.keys.superAdmin });

/**
 * What the fixture's own requests give, by role; each found by name among the field's input fields or arguments, so
 * that a rename such as `parentPath` to `parentOrgUnitPath` or `id` to `orgUnitId` needs no change here.
 */
const ROLES = {
  parent: /^parent.*path$/i,
  path: /^(orgUnit)?path$/i,
  id: /^(orgUnit)?id$/i,
  name: /^name$/,
  email: /^email$/,
  role: /^role$/,
};
type Roles = Partial<Record<keyof typeof ROLES, unknown>>;

/** The name `role` goes by among `names` (of `where`'s input fields or arguments). */
function nameOf(names: string[], role: keyof typeof ROLES, where: string): string {
  const name = names.find((candidate) => ROLES[role].test(candidate));
  if (name === undefined) throw new Error(`${where} has nothing for the fixture's ${role}`);
  return name;
}

const named = (names: string[], values: Roles, where: string) =>
  Object.fromEntries(
    Object.entries(values).map(([role, value]) => [nameOf(names, role as keyof typeof ROLES, where), value]),
  );

/** One of the fixture's own writes, as the super administrator: the mutation `field` with its one input. */
function mutate(field: string, values: Roles, selection = "{ __typename }") {
  const [arg] = (schema.getMutationType() as GraphQLObjectType).getFields()[field]?.args ?? [];
  if (arg === undefined) throw new Error(`No mutation ${field} with an input`);
  const fields = Object.keys((getNamedType(arg.type) as GraphQLInputObjectType).getFields());
  return f.ok(
    `mutation ($input: ${String(arg.type)}) { ${field}(${arg.name}: $input) ${selection} }`,
    { input: named(fields, values, field) },
    superAdmin(),
  );
}

async function newestAuditEvent(): Promise<string | null> {
  const data = await f.ok(`{ auditEvents(first: 1) { nodes { id } } }`, {}, superAdmin());
  return (data.auditEvents.nodes[0]?.id as string | undefined) ?? null;
}

/** Every value in `data` under a key that names an id or a cursor. */
function collect(data: unknown, into: { ids: Set<string>; cursors: Set<string> }): void {
  if (Array.isArray(data)) data.forEach((item) => collect(item, into));
  else if (data !== null && typeof data === "object")
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === "string" && (key === "id" || key.endsWith("Id"))) into.ids.add(value);
      else if (typeof value === "string" && /cursor$/i.test(key)) into.cursors.add(value);
      else collect(value, into);
    }
}

/** Ids and cursors from the answers to every query site with valid arguments, as `apiKey` sees them. */
async function harvestAs(apiKey: string, validHere: Valid) {
  const found = { ids: new Set<string>(), cursors: new Set<string>() };
  for (const site of sites.filter((s) => s.operation === "query")) {
    const argsArb = fc.tuple(
      ...site.route.map(({ parent, field }) =>
        fc.record(
          Object.fromEntries(
            field.args.map((arg) => [
              arg.name,
              validValue(arg.type, arg.name, `${parent.name}.${field.name}`, validHere),
            ]),
          ),
          { requiredKeys: field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name) },
        ),
      ),
    );
    for (const args of fc.sample(argsArb, { seed: SEED, numRuns: 10 })) {
      const result = await callHandler(f.handler, {
        headers: { "content-type": "application/json", "x-api-key": apiKey },
        body: requestBody(site, args, false),
      });
      collect((JSON.parse(result.body) as { data?: unknown }).data, found);
    }
  }
  return found;
}

beforeAll(async () => {
  idp = await startIdentityProvider();
  const config = testConfig({ oidc: idp.oidc });
  maxResponseBytes = config.limits.maxResponseBytes;
  f = await securityFixture(config);
  const created = await mutate("createOrgUnit", { parent: VICTIM.parentPath, name: VICTIM.name }, "{ orgUnit { id } }");
  const child = await mutate("createOrgUnit", { parent: VICTIM.path, name: "Keep" }, "{ orgUnit { id } }");
  victim = {
    id: created.createOrgUnit.orgUnit.id,
    childId: child.createOrgUnit.orgUnit.id,
    email: `carol@${f.own.domain}`,
  };
  await mutate("createUser", { email: victim.email, path: VICTIM.path, name: "Carol" });
  victimToken = await idp.token({ email: victim.email }, { expiresIn: "2h" });
  const throwaway = await mutate("createApiKey", { name: "throwaway", role: "READ_ONLY" }, "{ apiKey { id } }");
  const throwawayKeyId: string = throwaway.createApiKey.apiKey.id;
  const ownKeyId: string = (await f.ok(`{ viewer { id } }`, {}, superAdmin())).viewer.id;

  const clientIds = ["1234567890-abc.apps.googleusercontent.com", "42-xyz0.apps.googleusercontent.com"];
  const anyKeys = (await f.ok(`{ apiKeys(first: 100) { nodes { id } } }`, {}, superAdmin())).apiKeys.nodes as {
    id: string;
  }[];
  valid = {
    query: {
      paths: ["/", "/In", VICTIM.path],
      parentPath: VICTIM.parentPath,
      orgUnitIds: [f.orgUnitIds["/"] as string, f.orgUnitIds["/In"] as string, victim.id],
      apiKeyIds: anyKeys.map((key) => key.id).filter((id) => id !== ownKeyId),
      emails: [f.users.in, victim.email],
      name: VICTIM.name,
      clientIds,
    },
    mutation: {
      paths: [VICTIM.path],
      parentPath: VICTIM.parentPath,
      orgUnitIds: [victim.id],
      apiKeyIds: [throwawayKeyId],
      emails: [victim.email],
      name: VICTIM.name,
      clientIds,
    },
  };
  const own = await harvestAs(f.keys.superAdmin, valid.query);
  const foreign = await harvestAs(f.keys.foreign, {
    ...valid.query,
    paths: ["/"],
    emails: [`nobody@${f.foreign.domain}`],
  });
  own.ids.delete(ownKeyId);
  const domains = [f.own.domain, f.foreign.domain, "example.com", "gmail.com"];
  const foreignIds = [...foreign.ids].filter((id) => !own.ids.has(id));
  expect(own.cursors.size, "cursors to forge from").toBeGreaterThan(0);
  expect(foreignIds.length, "another customer's ids").toBeGreaterThan(0);
  harvest = {
    query: { ids: [...own.ids], foreignIds, cursors: [...own.cursors], domains },
    // A mutation may name only what it may change: the victim, its child, the throwaway key; or another customer's.
    mutation: { ids: [victim.id, victim.childId, throwawayKeyId], foreignIds, cursors: [...own.cursors], domains },
  };

  watch = watchDynamoDb();
  watch.intercept(async (command, proceed) => {
    const result = await proceed();
    const lastUse = String(command.input.UpdateExpression ?? "").startsWith("SET lastUsedAt");
    if (WRITE_COMMANDS.has(command.name) && !lastUse) writes.push(command.name);
    return result;
  });
  auditHead = await newestAuditEvent();
});

afterAll(async () => {
  watch?.stop();
  await idp?.close();
});

/**
 * After a mutation that ran: the victim back in its place with its name, carol back in it; and the newest audit event
 * noted, for the next refused mutation to be checked against. One request when nothing needs repair.
 */
async function restoreVictim(): Promise<void> {
  const orgUnitArgs = (schema.getQueryType() as GraphQLObjectType).getFields().orgUnit?.args ?? [];
  const byId = nameOf(
    orgUnitArgs.map((arg) => arg.name),
    "id",
    "Query.orgUnit",
  );
  const state = await f.ok(
    `query ($id: ID, $email: String!) {
      orgUnit(${byId}: $id) { path } user(email: $email) { orgUnit { id } } auditEvents(first: 1) { nodes { id } }
    }`,
    { id: victim.id, email: victim.email },
    superAdmin(),
  );
  auditHead = (state.auditEvents.nodes[0]?.id as string | undefined) ?? null;
  let repaired = false;
  if (state.orgUnit?.path !== VICTIM.path) {
    await mutate("updateOrgUnit", { id: victim.id, name: VICTIM.name, parent: VICTIM.parentPath });
    repaired = true;
  }
  if (state.user === null || state.user.orgUnit.id !== victim.id) {
    if (state.user === null) await mutate("createUser", { email: victim.email, path: VICTIM.path, name: "Carol" });
    else await mutate("updateUser", { email: victim.email, path: VICTIM.path });
    repaired = true;
  }
  if (repaired) auditHead = await newestAuditEvent();
}

interface Answer {
  errors?: { message?: unknown; path?: unknown[]; extensions?: { code?: unknown; field?: unknown } }[];
  data?: Record<string, unknown> | null;
}

/** What is wrong with the answer to one case (nothing, if empty). */
function problemsOf(site: Site, c: Case, request: string, status: number, body: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (Buffer.byteLength(body) > maxResponseBytes) problems.push(`${Buffer.byteLength(body)} bytes, over the budget`);
  if (STACK_TRACE.test(body)) problems.push("a stack trace");
  let answer: Answer;
  try {
    answer = JSON.parse(body) as Answer;
  } catch {
    return [...problems, "not JSON"];
  }
  for (const error of answer.errors ?? []) {
    const code = String(error.extensions?.code);
    const message = typeof error.message === "string" ? error.message : "";
    if (!EXPECTED_CODES.has(code)) problems.push(`code ${code}`);
    if (message.length === 0 || message.length >= MAX_MESSAGE_LENGTH)
      problems.push(`a message of ${message.length} characters`);
    const field = error.extensions?.field;
    // An argument or input field, or (`$name.path`) a variable of the request and the path inside it.
    if (code === "BAD_USER_INPUT") {
      const last = typeof field === "string" ? (field.split(".").at(-1) ?? "").replace(/(\[\d+\])+$/, "") : "";
      if (!INPUT_NAMES.has(last) && !(last.startsWith("$") && request.includes(`${last}:`)))
        problems.push(`BAD_USER_INPUT naming field ${String(field)}`);
    }
  }
  const data = JSON.stringify(answer.data ?? null);
  for (const id of harvest[site.operation].foreignIds)
    if (data.includes(id)) problems.push(`another customer's ${id} in the data`);
  if (site.operation === "mutation" && (answer.errors ?? []).length === 0 && c.args.some(holdsHugeInput))
    problems.push("a huge input accepted by a mutation");
  return problems;
}

interface Sent {
  problems: string[];
  /** Refused by the request or its root field; an error below the root field (in a payload) comes after it ran. */
  refused: boolean;
  /** The case, its request and the answer, for a failure's message. */
  story: string;
}

/** Whether only a signed-in person may reach the site: a root field about the caller's own things (`updateMy…`). */
const forPerson = (site: Site) => /(^|[a-z])My[A-Z]/.test(site.route[0]?.field.name ?? "");

async function send(site: Site, c: Case): Promise<Sent> {
  const request = requestBody(site, c.args, c.literals);
  const result = await callHandler(f.handler, {
    headers: {
      "content-type": "application/json",
      ...(forPerson(site) ? { authorization: `Bearer ${victimToken}` } : { "x-api-key": f.keys.superAdmin }),
    },
    body: request,
  });
  cases += 1;
  const problems = problemsOf(site, c, request, result.status, result.body);
  let errors: Answer["errors"] = [];
  try {
    errors = (JSON.parse(result.body) as Answer).errors ?? [];
  } catch {
    // Already a problem.
  }
  return {
    problems,
    refused: errors.some((error) => (error.path?.length ?? 0) <= 1),
    story:
      `${site.label}, hostile at ${c.hostile.join(", ")}\n` +
      `← HTTP ${result.status} ${result.body.slice(0, 1500)}\n→ ${request.slice(0, 1500)}`,
  };
}

function assertNoProblems(sent: Sent[]): void {
  const failed = sent.filter((s) => s.problems.length > 0);
  if (failed.length > 0) throw new Error(failed.map((s) => `${s.problems.join("; ")}: ${s.story}`).join("\n\n"));
}

/** Queries, several at once (they write nothing, so they cannot disturb each other): none may write. */
async function runQueries(site: Site, batch: Case[]): Promise<void> {
  writes = [];
  const sent = await Promise.all(batch.map((c) => send(site, c)));
  if (writes.length > 0) for (const s of sent) s.problems.push(`a query of this batch wrote (${writes.join(", ")})`);
  assertNoProblems(sent);
}

/** A mutation, alone: refused, it wrote nothing (or at least committed nothing); run, the victim is restored. */
async function runMutation(site: Site, c: Case): Promise<void> {
  writes = [];
  const sent = await send(site, c);
  if (!sent.refused) await restoreVictim();
  else if (writes.length > 0 && (await newestAuditEvent()) !== auditHead)
    sent.problems.push(`a refused mutation was committed (${writes.join(", ")})`);
  assertNoProblems([sent]);
}

/** Queries run this many at a time: the handler and DynamoDB Local then share the machine's cores. */
const QUERY_BATCH = 4;
/** Cases per site: in proportion to its positions, at least MIN_CASES in all (whole batches for queries). */
const totalPositions = sites.reduce((sum, site) => sum + site.positions.length, 0);
const batchOf = (site: Site) => (site.operation === "query" ? QUERY_BATCH : 1);
const runsOf = (site: Site) => Math.ceil((MIN_CASES * site.positions.length) / totalPositions / batchOf(site));

/** A seed per site, from its label: adding a site does not change the cases of the others. */
const seedOf = (site: Site) => [...site.label].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, SEED);

describe("every argument and input field, hostile, as the super administrator", () => {
  for (const site of sites)
    it(`${site.label} (${site.positions.length} positions, ${runsOf(site) * batchOf(site)} cases)`, async () => {
      const batch = fc.array(siteCase(site, valid[site.operation], harvest[site.operation]), {
        minLength: batchOf(site),
        maxLength: batchOf(site),
      });
      const property = fc.asyncProperty(batch, async (group) => {
        if (site.operation === "query") await runQueries(site, group);
        else for (const c of group) await runMutation(site, c);
      });
      await fc.assert(property, { seed: seedOf(site), numRuns: runsOf(site), endOnFailure: true });
    });
});

it(`ran at least ${MIN_CASES} cases`, () => {
  expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
});
