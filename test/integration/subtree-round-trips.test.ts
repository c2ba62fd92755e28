/**
 * Issue 15's acceptance for subtree operations: a policy change, its dry run, a bulk apply, a move (and its dry run)
 * and a page of `orgUnits(under:)` cost the same number of sequential DynamoDB round trips on a subtree of 10 OUs as
 * on one of 1,000, since a subtree is one parallel step of the byAncestry index and no user is read for an impact.
 * Counted by the handler (x-dynamodb-sequential-round-trips), never timed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { OrgUnit } from "../../functions/domain/org-unit";
import { createDocumentClient, Db } from "../../functions/store/db";
import { transact } from "../../functions/store/transaction";
import { testCustomer } from "../support/api";
import { printFigures, sleep, type Api } from "../support/partner";

const CREATE_OU = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { email } } }`;
const IMPACT = `impact { imap { usersLosingAccess usersLosingWorkingAccess } changedOrgUnits(first: 10) { totalCount } }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed ${IMPACT} } }`;
const BULK = `mutation ($input: ApplyMailAccessPolicyInput!) { applyMailAccessPolicy(input: $input) { changed ${IMPACT} } }`;
const MOVE = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { path } ${IMPACT} } }`;
const PAGE = `query ($path: String, $after: String) {
  orgUnits(under: { orgUnitPath: $path }, first: 100, after: $after) {
    nodes {
      id path
      mailAccessPolicy { imapAccess popAccess }
      effectiveMailAccess {
        imapAccess { enabled source { kind orgUnit { path } } }
        popAccess { enabled source { kind orgUnit { path } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * A customer with /Big holding `size` OUs (itself and `size - 1` below it, ten children to an OU, breadth first), an
 * empty /Dest to move it to, and a few users. The OUs are written straight through the stores, siblings one after
 * the other (they share their parent's child count), parents of a level in parallel: set-up, not what is measured.
 */
async function customerWithSubtree(size: number): Promise<Api> {
  const api = await testCustomer();
  const db = new Db(createDocumentClient(api.config), api.config.tableName);
  const { orgUnits, writes } = api.treeStores(db);
  for (const name of ["Big", "Dest"]) await api.ok(CREATE_OU, { input: { parentOrgUnitPath: "/", name } });
  let level = [(await orgUnits.getByPath("/Big")) as OrgUnit];
  for (let made = 1; made < size;) {
    const next: OrgUnit[] = [];
    const parents = [...level];
    // A few parents at a time: every create checks the tree item, and DynamoDB refuses many transactions on one item.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let parent = parents.shift(); parent !== undefined; parent = parents.shift())
          for (let child = 0; child < 10 && made < size; child += 1) {
            made += 1;
            const created = writes.create(parent, `OU ${child}`, null);
            await retrying(() => transact(db, created.change.writes));
            next.push(created.orgUnit);
          }
      }),
    );
    level = next;
  }
  for (let n = 0; n < 5; n += 1)
    await api.ok(CREATE_USER, { input: { email: `u${n}@example.com`, name: `U${n}`, orgUnitPath: "/Big/OU 0" } });
  return api;
}

/** Repeats a set-up write that lost a race on a shared item. */
async function retrying(write: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt === 10 || !(error as { details?: { retryable?: boolean } }).details?.retryable) throw error;
      await sleep(20 * attempt);
    }
  }
}

/** The sequential round trips (and all round trips) of each subtree operation, in order, on `api`'s /Big. */
async function measure(api: Api) {
  const counts: Record<string, { sequential: number; calls: number }> = {};
  const run = async (name: string, query: string, variables: Record<string, unknown>) => {
    const response = await api.gql(query, variables);
    expect(response.errors, name).toBeUndefined();
    counts[name] = { sequential: response.sequentialRoundTrips, calls: response.roundTrips };
    return response.data as any;
  };
  await run("policy dry run", POLICY, { input: { orgUnitPath: "/Big", imapAccess: "OFF", dryRun: true } });
  await run("policy change", POLICY, { input: { orgUnitPath: "/Big", imapAccess: "OFF" } });
  await run("root dry run", POLICY, { input: { orgUnitPath: "/", popAccess: "OFF", dryRun: true } });
  await run("root policy change", POLICY, { input: { orgUnitPath: "/", popAccess: "OFF" } });
  await run("bulk dry run", BULK, {
    input: { orgUnitPaths: ["/", "/Big", "/Dest"], policy: { lessSecureApps: "ON" }, dryRun: true },
  });
  await run("bulk apply", BULK, { input: { orgUnitPaths: ["/Big", "/Dest"], policy: { lessSecureApps: "ON" } } });
  await run("move dry run", MOVE, { input: { orgUnitPath: "/Big", parentOrgUnitPath: "/Dest", dryRun: true } });
  await run("move", MOVE, { input: { orgUnitPath: "/Big", parentOrgUnitPath: "/Dest" } });
  const first = await run("subtree page", PAGE, { path: "/Dest/Big" });
  if (first.orgUnits.pageInfo.hasNextPage)
    await run("next subtree page", PAGE, { path: "/Dest/Big", after: first.orgUnits.pageInfo.endCursor });
  return counts;
}

describe("subtree operations cost the same sequential round trips at 10 and at 1,000 OUs", () => {
  let small: Awaited<ReturnType<typeof measure>>;
  let large: Awaited<ReturnType<typeof measure>>;
  beforeAll(async () => {
    small = await measure(await customerWithSubtree(10));
    large = await measure(await customerWithSubtree(1000));
    for (const [size, counts] of [
      [10, small],
      [1000, large],
    ] as const)
      printFigures(
        `subtree round trips, ${size} OUs`,
        Object.fromEntries(Object.entries(counts).map(([name, c]) => [name, `${c.sequential}/${c.calls}`])),
      );
  }, 600_000);

  it("reads of a subtree and previews: the same count at both sizes", () => {
    for (const name of ["policy dry run", "root dry run", "bulk dry run", "move dry run", "subtree page"])
      expect(large[name]?.sequential, name).toBe(small[name]?.sequential);
    expect(large["next subtree page"]?.sequential).toBe(large["subtree page"]?.sequential);
  });

  it("changes of a subtree: the same count at both sizes", () => {
    for (const name of ["policy change", "root policy change", "bulk apply", "move"])
      expect(large[name]?.sequential, name).toBe(small[name]?.sequential);
  });

  it("each waits for what its steps need, one after another", () => {
    expect(Object.fromEntries(Object.entries(large).map(([name, c]) => [name, c.sequential]))).toEqual({
      // The API key; the path hints of every OU named (one batch); their chains (one batch); the subtree (16
      // parallel Querys of the byAncestry index); and for a change, one transaction.
      "policy dry run": 4,
      "policy change": 5,
      "root dry run": 4,
      "root policy change": 5,
      "bulk dry run": 4,
      "bulk apply": 5,
      "move dry run": 4,
      // The rename and move protocol: key, hints, chains, lock, the subtree under the lock, staging (its phase,
      // then every new path hint in parallel lanes), commit, cleanup in parallel lanes, release.
      move: 10,
      // The path hint with the API key; the OU and its ancestors; the subtree.
      "subtree page": 3,
      "next subtree page": 3,
    });
  });
});
