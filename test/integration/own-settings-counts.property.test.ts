/**
 * The per-OU counts of users' own settings (issue 13), property-based: seeded random sequences of user and OU
 * operations through the handler (create, move, delete users; change their own settings; create, move, rename and
 * delete OUs; change OU settings, which makes some own settings unavailable), a few at a time concurrently. After
 * every run each OU's counts equal a full recount of its users (the tree invariants), and a dry run at the root
 * counts exactly the users a recount finds with IMAP on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testCustomer } from "../support/api";
import { treeViolations } from "../support/invariants";
import { printFigures } from "../support/partner";

type Op =
  | { kind: "createUser"; user: number; ou: number }
  | { kind: "moveUser"; user: number; ou: number }
  | { kind: "deleteUser"; user: number }
  | { kind: "settings"; user: number; imap?: boolean; pop?: "DISABLED" | "FROM_NOW_ON" | "ALL_MAIL"; lsa?: boolean }
  | { kind: "createOu"; parent: number; name: number }
  | { kind: "moveOu"; ou: number; parent: number }
  | { kind: "renameOu"; ou: number; name: number }
  | { kind: "deleteOu"; ou: number }
  | {
      kind: "policy";
      ou: number;
      setting: "popAccess" | "imapAccess" | "lessSecureApps";
      value: "ON" | "OFF" | "INHERIT";
    };

const USERS = 8;
const index = fc.nat({ max: 20 });
const user = fc.nat({ max: USERS - 1 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("createUser" as const), user, ou: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("moveUser" as const), user, ou: index }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("deleteUser" as const), user }), weight: 2 },
  {
    arbitrary: fc.record(
      {
        kind: fc.constant("settings" as const),
        user,
        imap: fc.boolean(),
        pop: fc.constantFrom("DISABLED" as const, "FROM_NOW_ON" as const, "ALL_MAIL" as const),
        lsa: fc.boolean(),
      },
      { requiredKeys: ["kind", "user"] },
    ),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("createOu" as const), parent: index, name: fc.nat({ max: 4 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("moveOu" as const), ou: index, parent: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("renameOu" as const), ou: index, name: fc.nat({ max: 4 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("deleteOu" as const), ou: index }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("policy" as const),
      ou: index,
      setting: fc.constantFrom("popAccess" as const, "imapAccess" as const, "lessSecureApps" as const),
      value: fc.constantFrom("ON" as const, "OFF" as const, "INHERIT" as const),
    }),
    weight: 2,
  },
);
/** Steps of one to three operations sent at once. */
const planArbitrary = fc.array(fc.array(opArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 15, maxLength: 25 });

/** Codes an operation may be refused with: lost races, and what the random plan asks for that cannot be done. */
const EXPECTED = new Set(["CONFLICT", "NOT_FOUND", "BAD_USER_INPUT", "FAILED_PRECONDITION"]);

const ORG_UNIT = `query ($id: ID) { orgUnit(orgUnitId: $id) { path } }`;
const USERS_UNDER_ROOT = `{ orgUnit(orgUnitPath: "/") { users(first: 100, includeSubOrgUnits: true) {
  nodes { email effectiveMailAccess { imap { allowedByAdministrator enabledByUser source { kind orgUnit { path } } } } }
} } }`;
const DRY_RUN = `mutation { updateMailAccessPolicy(input: { orgUnitPath: "/", imapAccess: OFF, dryRun: true }) {
  impact { imap { usersLosingAccess usersLosingWorkingAccess } }
} }`;

describe("counts of users' own settings under random user and OU operations", () => {
  it("always equal a recount of the users", { timeout: 600_000 }, async () => {
    const figures = { runs: 0, operations: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        figures.runs += 1;
        const api = await testCustomer();
        const root = (await api.ok(`{ orgUnit(orgUnitPath: "/") { id } }`)).orgUnit.id as string;
        const ids = [root];
        const email = (n: number) => `p${n}@example.com`;
        const pick = (n: number) => ids[n % ids.length] as string;
        /** An OU other than the root (the root cannot be moved, renamed or deleted), or the root if it is alone. */
        const pickBelow = (n: number) => ids[ids.length === 1 ? 0 : 1 + (n % (ids.length - 1))] as string;
        // A small tree with every user in it to start from, so that most operations find what they name.
        for (const [parent, name] of [
          [0, "A"],
          [0, "B"],
          [1, "C"],
        ] as const) {
          const created = await api.ok(
            `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`,
            { input: { parentOrgUnitId: ids[parent], name } },
          );
          ids.push(created.createOrgUnit.orgUnit.id);
        }
        for (let n = 0; n < USERS; n += 1)
          await api.ok(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
            input: { email: email(n), name: "P", orgUnitId: pick(n) },
          });
        const path = async (id: string) => ((await api.ok(ORG_UNIT, { id })).orgUnit?.path as string) ?? "/";
        const problems: string[] = [];

        const run = async (op: Op) => {
          switch (op.kind) {
            case "createUser":
              return api.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`, {
                input: { email: email(op.user), name: "P", orgUnitId: pick(op.ou) },
              });
            case "moveUser":
              return api.gql(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { dryRun } }`, {
                input: { email: email(op.user), orgUnitId: pick(op.ou) },
              });
            case "deleteUser":
              return api.gql(`mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedEmail } }`, {
                input: { email: email(op.user) },
              });
            case "settings":
              return api.gql(
                `mutation ($input: UpdateUserMailSettingsInput!) { updateUserMailSettings(input: $input) { user { email } } }`,
                {
                  input: {
                    email: email(op.user),
                    imapEnabled: op.imap,
                    popAccessWindow: op.pop,
                    lessSecureAppsEnabled: op.lsa,
                  },
                },
              );
            case "createOu": {
              const response = await api.gql(
                `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`,
                { input: { parentOrgUnitId: pick(op.parent), name: `N${op.name}` } },
              );
              const created = (response.data as any)?.createOrgUnit?.orgUnit?.id;
              if (typeof created === "string") ids.push(created);
              return response;
            }
            case "moveOu":
              return api.gql(`mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { dryRun } }`, {
                input: { orgUnitId: pickBelow(op.ou), parentOrgUnitPath: await path(pick(op.parent)) },
              });
            case "renameOu":
              return api.gql(`mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { dryRun } }`, {
                input: { orgUnitId: pickBelow(op.ou), name: `R${op.name}` },
              });
            case "deleteOu":
              return api.gql(
                `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { deletedOrgUnitId } }`,
                { input: { orgUnitId: pickBelow(op.ou) } },
              );
            case "policy":
              return api.gql(
                `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`,
                { input: { orgUnitId: pick(op.ou), [op.setting]: op.value } },
              );
          }
        };

        for (const step of plan)
          await Promise.all(
            step.map(async (op) => {
              const response = await run(op);
              figures.operations += 1;
              const codes = (response.errors ?? []).map((error) => error.extensions.code);
              if (codes.length > 0) figures.refused += 1;
              const unexpected = codes.filter((code) => !EXPECTED.has(code));
              if (unexpected.length > 0) problems.push(`${JSON.stringify(op)}: ${unexpected.join(",")}`);
            }),
          );

        problems.push(...(await treeViolations(api.config, api.customer.id)));
        // The counts as an impact reads them, against the users one by one: IMAP off at the root cuts off those
        // whose IMAP comes from the root (or the default), and of them those who have it on.
        const users: any[] = (await api.ok(USERS_UNDER_ROOT)).orgUnit.users.nodes;
        const fromRoot = users.filter(
          ({ effectiveMailAccess: { imap } }) =>
            imap.allowedByAdministrator && (imap.source.kind === "DEFAULT" || imap.source.orgUnit.path === "/"),
        );
        const preview = (await api.ok(DRY_RUN)).updateMailAccessPolicy.impact.imap;
        expect(preview).toEqual({
          usersLosingAccess: fromRoot.length,
          usersLosingWorkingAccess: fromRoot.filter((u) => u.effectiveMailAccess.imap.enabledByUser).length,
        });
        expect(problems).toEqual([]);
      }),
      // OWN_SETTINGS_SEED explores other plans; CI runs the fixed one.
      { seed: Number(process.env.OWN_SETTINGS_SEED ?? 20261201), numRuns: 5, endOnFailure: true },
    );
    printFigures("own-settings counts", figures);
  });
});
