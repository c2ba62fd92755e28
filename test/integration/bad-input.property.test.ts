/**
 * Bad input, property-based (issue 5): generated invalid inputs — OU paths and names, emails, OAuth client ids, dates,
 * unknown ids, huge lists, wrong variable types, deep and wide queries, alias bombs, directive floods, huge token
 * counts, arbitrary bodies — sent to the handler as the super administrator (so nothing is refused for lack of
 * rights). Every answer must be a well-formed GraphQL error response with a documented, stable code (never
 * INTERNAL_SERVER_ERROR, never a 5xx), and nothing may be written: the organization is compared before and after.
 * Runs are bounded and seeded, so a failure reproduces. Every argument and input field of the schema, generated from
 * it, is fuzzed in schema-inputs.property.test.ts.
 */
import fc from "fast-check";
import { buildSchema, type GraphQLEnumType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { typeDefs } from "../../functions/graphql/generated/type-defs";
import { testConfig } from "../support/api";
import { callHandler, securityFixture, stateSnapshot, type SecurityFixture } from "../support/security";

const SEED = 20261130;
/** Documents refused before any read (parse and validation) are cheap: 200 runs. */
const RUNS = { numRuns: 200, seed: SEED };
/** Inputs refused by a resolver cost a few DynamoDB round trips each: 100 runs keep the file fast. */
const DB_RUNS = { numRuns: 100, seed: SEED };
/** Huge inputs take longer to build and send. */
const HUGE_RUNS = { numRuns: 40, seed: SEED };

const errorCodeType = buildSchema(typeDefs).getType("ErrorCode");
/** The documented error codes (graphql/errors.graphql), less those that bad input must never produce. */
const EXPECTED_CODES = new Set(
  (errorCodeType as GraphQLEnumType)
    .getValues()
    .map((value) => value.name)
    .filter((code) => !["INTERNAL_SERVER_ERROR", "UNAVAILABLE", "UNAUTHENTICATED", "FORBIDDEN"].includes(code)),
);

let f: SecurityFixture;
let limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxDirectives: number };

beforeAll(async () => {
  const config = testConfig();
  limits = config.limits;
  f = await securityFixture(config);
});

/** Sends a raw body as the super administrator; checks the answer is a well-formed error response; returns it. */
async function sendBad(body: string): Promise<{ status: number; errors: { message: string; code: string }[] }> {
  const result = await callHandler(f.handler, {
    headers: { "content-type": "application/json", "x-api-key": f.keys.superAdmin },
    body,
  });
  const context = `${result.status} ${result.body.slice(0, 600)} ← ${body.slice(0, 300)}`;
  expect(result.status, context).toBeLessThan(500);
  const parsed = JSON.parse(result.body) as { data?: Record<string, unknown> | null; errors?: unknown };
  expect(Array.isArray(parsed.errors) && parsed.errors.length > 0, context).toBe(true);
  const errors = (parsed.errors as { message?: unknown; extensions?: { code?: unknown } }[]).map((error) => {
    expect(typeof error.message === "string" && error.message.length > 0, context).toBe(true);
    expect(EXPECTED_CODES.has(String(error.extensions?.code)), context).toBe(true);
    expect(String(error.message), context).not.toMatch(/\n\s+at /); // no stack trace
    return { message: String(error.message), code: String(error.extensions?.code) };
  });
  // Nothing answered: no data at all, or nulls where a nullable field failed.
  for (const value of Object.values(parsed.data ?? {})) expect(value, context).toBeNull();
  return { status: result.status, errors };
}

const sendOperation = (query: string, variables: Record<string, unknown> = {}) =>
  sendBad(JSON.stringify({ query, variables }));

/** Runs the property and then checks the organization is exactly as before. */
async function nothingWritten(property: fc.IAsyncProperty<any>, params: fc.Parameters<any> = DB_RUNS): Promise<void> {
  const before = await stateSnapshot(f);
  await fc.assert(property, params);
  expect(await stateSnapshot(f)).toBe(before);
}

// ---- generators of invalid input ------------------------------------------------------------------------------------

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}[A-Za-z0-9]$/);

/** OU paths that break a rule: no leading "/", an empty name, a trailing "/", too deep, padded or overlong names. */
const invalidPath = fc.oneof(
  fc.string({ minLength: 1 }).filter((s) => !s.startsWith("/")),
  fc.array(name, { minLength: 1, maxLength: 5 }).map((names) => `/${names.join("//")}/`),
  fc.array(name, { minLength: 1, maxLength: 5 }).map((names) => `/${names.join("/")}/`),
  fc.array(name, { minLength: 2, maxLength: 4 }).map((names) => `/${names.join("/")}//`),
  fc.integer({ min: 36, max: 400 }).map((depth) => `/${Array.from({ length: depth }, (_, i) => `L${i}`).join("/")}`),
  name.map((n) => `/ ${n}`),
  name.map((n) => `/In/${n} `),
  fc.integer({ min: 256, max: 5000 }).map((length) => `/${"x".repeat(length)}`),
);

/** OU names that break a rule: empty or blank, containing "/", control characters, longer than 255 characters. */
const invalidName = fc.oneof(
  fc.constantFrom("", " ", "   ", "\t", "\n"),
  fc.tuple(name, name).map(([a, b]) => `${a}/${b}`),
  fc.tuple(name, fc.integer({ min: 0, max: 0x1f })).map(([n, c]) => `${n}${String.fromCharCode(c)}${n}`),
  name.map((n) => `${n}\u007f`),
  fc.integer({ min: 256, max: 3000 }).map((length) => "n".repeat(length)),
);

const local = fc.stringMatching(/^[a-z0-9][a-z0-9.]{0,10}[a-z0-9]$/);
const domain = fc.stringMatching(/^[a-z]{2,10}\.(com|org|example)$/);

/** Addresses no mail system accepts: no "@", two "@", inner blanks, empty parts, no dot in the domain, overlong. */
const invalidEmail = fc.oneof(
  fc.string().filter((s) => !s.includes("@")),
  fc.tuple(local, local, domain).map(([a, b, d]) => `${a}@${b}@${d}`),
  fc
    .tuple(local, local, domain, fc.constantFrom(" ", "\t", "\n", "\u0000", ",", "<", ">", "(", ")", '"', ";", ":"))
    .map(([a, b, d, bad]) => `${a}${bad}${b}@${d}`),
  domain.map((d) => `@${d}`),
  local.map((l) => `${l}@`),
  fc.tuple(local, fc.stringMatching(/^[a-z]{1,10}$/)).map(([l, d]) => `${l}@${d}`),
  fc.tuple(local, domain).map(([l, d]) => `${l}@.${d}`),
  fc.integer({ min: 255, max: 5000 }).map((length) => `${"a".repeat(length)}@example.com`),
);

const OAUTH_CLIENT_ID = /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/;
const validClientId = fc
  .tuple(fc.nat(), fc.stringMatching(/^[a-z0-9]{1,20}$/))
  .map(([project, suffix]) => `${project}-${suffix}.apps.googleusercontent.com`);
/** Strings that are not Google OAuth client ids even after trimming, and contain no comma or newline. */
const invalidClientId = fc
  .oneof(
    fc.string({ minLength: 1 }),
    validClientId.map((id) => id.toUpperCase()),
    validClientId.map((id) => id.replace(".apps.", ".app.")),
    validClientId.map((id) => `x${id}`),
    fc.stringMatching(/^[a-z0-9]{1,20}$/).map((s) => `-${s}.apps.googleusercontent.com`),
  )
  .filter((s) => !/[,\n]/.test(s) && s.trim() !== "" && !OAUTH_CLIENT_ID.test(s.trim()));
/** A list of client ids with at least one invalid entry, anywhere. */
const clientIdsWithAnInvalidOne = fc
  .tuple(fc.array(validClientId, { maxLength: 5 }), invalidClientId, fc.array(validClientId, { maxLength: 5 }))
  .map(([before, bad, after]) => [...before, bad, ...after]);

// ---- the properties -------------------------------------------------------------------------------------------------

describe("invalid values in otherwise valid operations", () => {
  it("OU paths", async () => {
    const operations = [
      `query ($p: String!) { orgUnit(orgUnitPath: $p) { id } }`,
      `mutation ($p: String!) { createOrgUnit(input: { parentOrgUnitPath: $p, name: "Valid" }) { orgUnit { id } } }`,
      `mutation ($p: String!) { updateMailAccessPolicy(input: { orgUnitPath: $p, popAccess: OFF }) { changed } }`,
      `mutation ($p: String!) { deleteOrgUnit(input: { orgUnitPath: $p }) { path } }`,
      `mutation ($p: String!) { updateOrgUnit(input: { orgUnitPath: "/In/Team", parentOrgUnitPath: $p }) { orgUnit { id } } }`,
      `mutation ($p: String!) { applyMailAccessPolicy(input: { orgUnitPaths: [$p], policy: { popAccess: OFF } }) { changed } }`,
      `query ($p: String!) { auditEvents(filter: { orgUnitPath: $p }) { nodes { id } } }`,
      `mutation ($p: String!) { createApiKey(input: { name: "k", role: ORG_UNIT_ADMIN, orgUnitScope: $p }) { secret } }`,
    ];
    await nothingWritten(
      fc.asyncProperty(fc.constantFrom(...operations), invalidPath, async (query, p) => {
        const { errors } = await sendOperation(query, { p });
        expect(errors.map((e) => e.code)).toEqual(["BAD_USER_INPUT"]);
      }),
    );
  });

  it("OU names", async () => {
    const operations = [
      `mutation ($n: String!) { createOrgUnit(input: { parentOrgUnitPath: "/In", name: $n }) { orgUnit { id } } }`,
      `mutation ($n: String!) { updateOrgUnit(input: { orgUnitPath: "/In/Team", name: $n }) { orgUnit { id } } }`,
    ];
    await nothingWritten(
      fc.asyncProperty(fc.constantFrom(...operations), invalidName, async (query, n) => {
        const { errors } = await sendOperation(query, { n });
        expect(errors.map((e) => e.code)).toEqual(["BAD_USER_INPUT"]);
      }),
    );
  });

  it("email addresses", async () => {
    const operations = [
      `query ($e: String!) { user(email: $e) { email } }`,
      `query ($e: String!) { users(emails: [$e]) { email } }`,
      `query ($e: String!) { mailAccessDecision(input: { userEmail: $e, protocol: POP, client: { authMethod: PASSWORD } }) { allowed } }`,
      `mutation ($e: String!) { createUser(input: { email: $e, orgUnitPath: "/In", name: "X" }) { user { email } } }`,
      `mutation ($e: String!) { updateUser(input: { email: $e, name: "X" }) { user { email } } }`,
      `mutation ($e: String!) { deleteUser(input: { email: $e }) { deletedEmail } }`,
      `mutation ($e: String!) { updateUserMailSettings(input: { email: $e, imapEnabled: false }) { user { email } } }`,
      `mutation ($e: String!) { grantAdminRole(input: { email: $e, role: READ_ONLY }) { adminRole { email } } }`,
      `mutation ($e: String!) { revokeAdminRole(input: { email: $e }) { email } }`,
    ];
    await nothingWritten(
      fc.asyncProperty(fc.constantFrom(...operations), invalidEmail, async (query, e) => {
        const { errors } = await sendOperation(query, { e });
        expect(errors.map((error) => error.code)).toEqual(["BAD_USER_INPUT"]);
      }),
    );
  });

  it("OAuth client ids, as a list or as comma-separated text", async () => {
    const policy = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`;
    const edit = (verb: string) =>
      `mutation ($input: AllowedOAuthClientsInput!) { ${verb}(input: $input) { changed } }`;
    await nothingWritten(
      fc.asyncProperty(
        clientIdsWithAnInvalidOne,
        fc.constantFrom("list", "csv", "add", "remove"),
        async (ids, form) => {
          const [query, input] =
            form === "list" || form === "csv"
              ? [
                  policy,
                  {
                    orgUnitPath: "/In",
                    imapClientAccess: {
                      mode: "OAUTH_ALLOWLIST",
                      ...(form === "list"
                        ? { allowedOAuthClientIds: ids }
                        : { allowedOAuthClientIdsCsv: ids.join(",") }),
                    },
                  },
                ]
              : [
                  edit(form === "add" ? "addAllowedOAuthClients" : "removeAllowedOAuthClients"),
                  { orgUnitPath: "/In", oauthClientIds: ids },
                ];
          const { errors } = await sendOperation(query, { input });
          expect(errors.map((e) => e.code)).toEqual(["BAD_USER_INPUT"]);
        },
      ),
    );
  });

  it("dates and times: unparseable, or in the past where the future is required", async () => {
    const createKey = `mutation ($d: DateTime) { createApiKey(input: { name: "dated", role: READ_ONLY, expiresAt: $d }) { secret } }`;
    const audit = `query ($d: DateTime) { auditEvents(filter: { since: $d }) { nodes { id } } }`;
    const unparseable = fc.string().filter((s) => Number.isNaN(Date.parse(s)));
    const past = fc.date({ min: new Date("1970-01-01"), max: new Date("2020-01-01"), noInvalidDate: true });
    await nothingWritten(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.constantFrom(createKey, audit), unparseable),
          fc.tuple(
            fc.constant(createKey),
            past.map((d) => d.toISOString()),
          ),
        ),
        async ([query, d]) => {
          const { errors } = await sendOperation(query, { d });
          expect(errors.map((e) => e.code)).toEqual(["BAD_USER_INPUT"]);
        },
      ),
    );
  });

  it("ids and cursors that name nothing", async () => {
    const operations = [
      `mutation ($s: ID!) { updateOrgUnit(input: { orgUnitId: $s, description: "x" }) { orgUnit { id } } }`,
      `mutation ($s: ID!) { deleteOrgUnit(input: { orgUnitId: $s }) { path } }`,
      `mutation ($s: ID!) { updateMailAccessPolicy(input: { orgUnitId: $s, popAccess: OFF }) { changed } }`,
      `mutation ($s: ID!) { revokeApiKey(input: { id: $s }) { apiKey { id } } }`,
      `query ($s: String!) { apiKeys(after: $s) { nodes { id } } }`,
      `query ($s: String!) { auditEvents(after: $s) { nodes { id } } }`,
      `query ($s: String!) { orgUnit(orgUnitPath: "/") { children(after: $s) { nodes { id } } } }`,
    ];
    await nothingWritten(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          // A length: an id longer than any DynamoDB key may be (2048 bytes for a partition key, 1024 for a sort key).
          fc.integer({ min: 1_000, max: 5_000 }),
        ),
        async (query, idOrLength) => {
          const s = typeof idOrLength === "number" ? "k".repeat(idOrLength) : idOrLength;
          const { errors } = await sendOperation(query, { s });
          expect(["NOT_FOUND", "BAD_USER_INPUT"]).toContain(errors[0]?.code);
        },
      ),
    );
  });

  it("well-formed OU paths that name nothing, up to the longest path allowed", async () => {
    const longName = fc.integer({ min: 1, max: 255 }).map((length) => "p".repeat(length));
    const path = fc.array(longName, { minLength: 1, maxLength: 35 }).map((names) => `/Nowhere/${names.join("/")}`);
    const operations = [
      `mutation ($p: String!) { updateMailAccessPolicy(input: { orgUnitPath: $p, popAccess: OFF }) { changed } }`,
      `mutation ($p: String!) { createOrgUnit(input: { parentOrgUnitPath: $p, name: "Child" }) { orgUnit { id } } }`,
      `mutation ($p: String!) { createUser(input: { email: "nobody@example.com", orgUnitPath: $p, name: "N" }) { user { email } } }`,
    ];
    await nothingWritten(
      fc.asyncProperty(fc.constantFrom(...operations), path, async (query, p) => {
        const { errors } = await sendOperation(query, { p });
        expect(["NOT_FOUND", "BAD_USER_INPUT"]).toContain(errors[0]?.code);
      }),
    );
  });
});

describe("huge lists", () => {
  it("more items than an operation takes, up to a body beyond the size limit", async () => {
    const many = (n: number, item: (i: number) => unknown) => Array.from({ length: n }, (_, i) => item(i));
    const decision = (i: number) => ({
      userEmail: `u${i}@example.com`,
      protocol: "IMAP",
      client: { authMethod: "PASSWORD" },
    });
    const cases = [
      [`query ($v: [String!]!) { users(emails: $v) { email } }`, (n: number) => many(n, (i) => `u${i}@example.com`)],
      [
        `query ($v: [MailAccessDecisionInput!]!) { mailAccessDecisions(inputs: $v) { allowed } }`,
        (n: number) => many(n, decision),
      ],
      [
        `mutation ($v: [String!]!) { applyMailAccessPolicy(input: { orgUnitPaths: $v, policy: { popAccess: OFF } }) { changed } }`,
        (n: number) => many(n, (i) => `/P${i}`),
      ],
      [
        `mutation ($v: [String!]!) { updateMailAccessPolicy(input: { orgUnitPath: "/In", imapClientAccess: { mode: OAUTH_ALLOWLIST, allowedOAuthClientIds: $v } }) { changed } }`,
        (n: number) => many(n, (i) => `${i}-c${i}.apps.googleusercontent.com`),
      ],
      [
        `mutation ($v: [String!]!) { addAllowedOAuthClients(input: { orgUnitPath: "/In", oauthClientIds: $v }) { changed } }`,
        (n: number) => many(n, (i) => `${i}-c${i}.apps.googleusercontent.com`),
      ],
    ] as const;
    await nothingWritten(
      fc.asyncProperty(
        fc.integer({ min: 0, max: cases.length - 1 }),
        fc.integer({ min: 101, max: 40_000 }),
        async (index, n) => {
          const [query, values] = cases[index] as (typeof cases)[number];
          const { errors } = await sendOperation(query, { v: values(n) });
          expect(["BAD_USER_INPUT", "PAYLOAD_TOO_LARGE"]).toContain(errors[0]?.code);
        },
      ),
      HUGE_RUNS,
    );
  });
});

describe("wrong types as variables", () => {
  const notAString = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.array(fc.jsonValue(), { minLength: 2 }),
    fc.object(),
  );
  const notAPageSize = fc.oneof(
    fc.string(),
    fc.double().filter((x) => !Number.isInteger(x)),
    fc.integer({ min: 101 }),
    fc.integer({ max: 0 }),
    fc.constant(2 ** 40),
    fc.boolean(),
    fc.object(),
    fc.array(fc.integer(), { minLength: 2 }),
  );
  const notAnInt = fc.oneof(
    fc.string(),
    fc.double().filter((x) => !Number.isInteger(x)),
    fc.constant(2 ** 40),
    fc.object(),
  );
  const notABoolean = fc.oneof(fc.string(), fc.integer(), fc.object(), fc.array(fc.boolean(), { minLength: 2 }));
  const notAnEnumValue = fc.oneof(
    fc.string().filter((s) => !["ON", "OFF", "INHERIT", "POP", "IMAP"].includes(s)),
    fc.integer(),
    fc.object(),
  );
  const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.object(), { minLength: 2 }));
  /** [operation, values of the wrong type for its variable $v] */
  const cases: [string, fc.Arbitrary<unknown>][] = [
    [`query ($v: String) { orgUnit(orgUnitPath: $v) { id } }`, notAString],
    [`query ($v: String!) { user(email: $v) { email } }`, notAString],
    [
      `query ($v: [String!]!) { users(emails: $v) { email } }`,
      fc.oneof(fc.constant([null]), fc.array(fc.object(), { minLength: 1 })),
    ],
    [`query ($v: Int) { apiKeys(first: $v) { nodes { id } } }`, notAPageSize],
    [`query ($v: Int) { orgUnit(orgUnitPath: "/") { children(first: $v) { nodes { id } } } }`, notAPageSize],
    [
      `mutation ($v: ToggleChange) { updateMailAccessPolicy(input: { orgUnitPath: "/In", popAccess: $v }) { changed } }`,
      notAnEnumValue,
    ],
    [
      `query ($v: MailProtocol!) {
        mailAccessDecision(input: { userEmail: "alice@example.com", protocol: $v, client: { authMethod: PASSWORD } }) { allowed }
      }`,
      notAnEnumValue,
    ],
    [
      `mutation ($v: Boolean) { updateUserMailSettings(input: { email: "alice@example.com", imapEnabled: $v }) { user { email } } }`,
      notABoolean,
    ],
    [
      `mutation ($v: Int) { updateOrgUnit(input: { orgUnitPath: "/In/Team", description: "x", expectedVersion: $v }) { orgUnit { id } } }`,
      notAnInt,
    ],
    [`mutation ($v: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $v) { changed } }`, notAnObject],
    [
      `mutation ($v: CreateOrgUnitInput!) { createOrgUnit(input: $v) { orgUnit { id } } }`,
      fc.oneof(notAnObject, fc.object()),
    ],
  ];

  it("values of the wrong type, and missing required variables", async () => {
    const request = fc.oneof(
      ...cases.map(([query, wrong]) =>
        fc.record({
          query: fc.constant(query),
          // A required variable may also be left out.
          variables: /\$v: [^)]*!/.test(query)
            ? fc.oneof(
                wrong.map((v) => ({ v })),
                fc.constant({}),
              )
            : wrong.map((v) => ({ v })),
        }),
      ),
    );
    await nothingWritten(
      fc.asyncProperty(request, async ({ query, variables }) => {
        await sendOperation(query, variables);
      }),
    );
  });

  it("a DateTime that is not a string (a number, a boolean, an array, an object) is refused", async () => {
    const query = `mutation ($v: DateTime) { createApiKey(input: { name: "typed", role: READ_ONLY, expiresAt: $v }) { secret } }`;
    const notADateTimeString = fc.oneof(
      fc.integer({ min: Date.parse("2030-01-01"), max: Date.parse("2100-01-01") }),
      fc.boolean(),
      fc.constant([2100, 1, 1]),
      fc.object(),
    );
    await nothingWritten(
      fc.asyncProperty(notADateTimeString, async (v) => {
        await sendOperation(query, { v });
      }),
    );
  });
});

describe("abusive documents", () => {
  it("queries deeper than the depth limit", async () => {
    await nothingWritten(
      fc.asyncProperty(
        fc.integer({ min: limits.maxDepth + 1, max: 2_000 }),
        fc.constantFrom("parent", "children { nodes", "ancestors"),
        async (depth, step) => {
          const closing = step === "children { nodes" ? "} }" : "}";
          const query = `{ orgUnit(orgUnitPath: "/") { ${`${step} { `.repeat(depth)}id${` ${closing}`.repeat(depth)} } }`;
          const { errors } = await sendOperation(query);
          expect(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]).toContain(errors[0]?.code);
        },
      ),
      RUNS,
    );
  });

  it("alias bombs, flat and nested", async () => {
    await nothingWritten(
      fc.asyncProperty(fc.integer({ min: limits.maxAliases + 1, max: 3_000 }), fc.boolean(), async (n, nested) => {
        const aliases = Array.from({ length: n }, (_, i) =>
          nested ? `a${i}: children(first: 100) { nodes { id } }` : `a${i}: viewer { id }`,
        ).join(" ");
        const query = nested ? `{ orgUnit(orgUnitPath: "/") { ${aliases} } }` : `{ ${aliases} }`;
        const { errors } = await sendOperation(query);
        expect(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]).toContain(errors[0]?.code);
      }),
      RUNS,
    );
  });

  it("wide queries beyond the token limit", async () => {
    await nothingWritten(
      fc.asyncProperty(
        fc.integer({ min: Math.ceil(limits.maxTokens / 4) + 1, max: 20_000 }),
        fc.constantFrom("viewer { id }", "knownMailClients { name }", "customer { id name }"),
        async (n, field) => {
          const { errors } = await sendOperation(`{ ${`${field} `.repeat(n)}}`);
          expect(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]).toContain(errors[0]?.code);
        },
      ),
      RUNS,
    );
  });

  it("directive floods", async () => {
    await nothingWritten(
      fc.asyncProperty(
        fc.integer({ min: limits.maxDirectives + 1, max: 2_000 }),
        fc.constantFrom("@include(if: true)", "@skip(if: false)", "@deprecated"),
        async (n, directive) => {
          const { errors } = await sendOperation(`{ viewer ${`${directive} `.repeat(n)}{ id } }`);
          expect(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"]).toContain(errors[0]?.code);
        },
      ),
      RUNS,
    );
  });

  it("huge token counts of arbitrary tokens, and arbitrary query text", async () => {
    const token = fc.constantFrom(
      "{",
      "}",
      "(",
      ")",
      "[",
      "]",
      ":",
      "!",
      "=",
      "...",
      "$v",
      "@x",
      "id",
      "viewer",
      '"s"',
      "1",
      "query",
    );
    await nothingWritten(
      fc.asyncProperty(
        fc.oneof(
          fc.array(token, { minLength: limits.maxTokens + 1, maxLength: 20_000 }).map((tokens) => tokens.join(" ")),
          fc.string({ maxLength: 500 }),
          fc.string({ unit: "binary", maxLength: 500 }),
        ),
        async (query) => {
          await sendOperation(query);
        },
      ),
      RUNS,
    );
  });

  it("arbitrary request bodies: not JSON, JSON of the wrong shape, batches", async () => {
    await nothingWritten(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
          fc
            .array(fc.record({ query: fc.constant("{ viewer { id } }") }), { minLength: 1, maxLength: 5 })
            .map((batch) => JSON.stringify(batch)),
          fc.record({ query: fc.jsonValue(), variables: fc.jsonValue() }).map((value) => JSON.stringify(value)),
        ),
        async (body) => {
          await sendBad(body);
        },
      ),
      RUNS,
    );
  });
});
