/**
 * Renames and moves of subtrees larger than one DynamoDB transaction (100 items), and what readers see when such a
 * change stops part-way: always the whole old tree or the whole new tree, and the next writer finishes the change.
 */
import { describe, expect, it } from "vitest";
import { chunk, createDocumentClient } from "../../functions/store/db";
import type { OrgUnit } from "../../functions/domain/org-unit";
import { requireOrgUnitAt } from "../../functions/services/org-units";
import { testCustomer } from "../support/api";
import { FaultyDb, InjectedFault } from "../support/faulty-db";

type Api = Awaited<ReturnType<typeof testCustomer>>;

const GROUPS = 10;
const PER_GROUP = 15;

/** /<root> with GROUPS children of PER_GROUP children each: 160 OUs below the root. Returns id by relative path. */
async function buildSubtree(api: Api, root: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const create = async (parentOrgUnitPath: string, name: string) => {
    const data = await api.ok(
      `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`,
      {
        input: { parentOrgUnitPath, name },
      },
    );
    return data.createOrgUnit.orgUnit.id as string;
  };
  ids.set("", await create("/", root));
  for (let g = 0; g < GROUPS; g += 1) {
    ids.set(`G${g}`, await create(`/${root}`, `G${g}`));
    await Promise.all(
      Array.from({ length: PER_GROUP }, async (_, n) =>
        ids.set(`G${g}/N${n}`, await create(`/${root}/G${g}`, `N${n}`)),
      ),
    );
  }
  return ids;
}

function fullPath(rootPath: string, relative: string): string {
  return relative === "" ? rootPath : `${rootPath}/${relative}`;
}

/** Asserts that every OU of the subtree is found at `rootPath` (by id and by path) and none at `gonePath`. */
async function expectWholeTreeAt(api: Api, ids: Map<string, string>, rootPath: string, gonePath: string) {
  const byIdQuery = `query ($id: ID) { orgUnit(orgUnitId: $id) { path ancestors { id } } }`;
  const byPathQuery = `query ($path: String) { orgUnit(orgUnitPath: $path) { id } }`;
  // 20 OUs at a time: hundreds of requests at once would only measure how DynamoDB Local copes with a loaded machine.
  const results = [];
  for (const group of chunk([...ids], 20))
    results.push(
      ...(await Promise.all(
        group.map(async ([relative, id]) => {
          const byId = (await api.ok(byIdQuery, { id })).orgUnit;
          const byPath = (await api.ok(byPathQuery, { path: fullPath(rootPath, relative) })).orgUnit;
          const gone = (await api.ok(byPathQuery, { path: fullPath(gonePath, relative) })).orgUnit;
          return {
            expected: fullPath(rootPath, relative),
            path: byId?.path,
            found: byPath?.id === id,
            gone: gone === null,
          };
        }),
      )),
    );
  const wrong = results.filter((r) => r.path !== r.expected || !r.found || !r.gone);
  expect(wrong, `${wrong.length} of ${results.length} OUs not consistently at ${rootPath}`).toEqual([]);
}

const RENAME = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { id path version } } }`;

describe("subtrees larger than one transaction", () => {
  it("renames a subtree of 161 OUs: every path changes, every id stays", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    expect(ids.size).toBe(161);
    const { updateOrgUnit } = await api.ok(RENAME, { input: { orgUnitPath: "/Big", name: "Huge" } });
    expect(updateOrgUnit.orgUnit).toMatchObject({ id: ids.get(""), path: "/Huge", version: 2 });
    await expectWholeTreeAt(api, ids, "/Huge", "/Big");
  });

  it("moves a subtree of 161 OUs: ancestors and depth follow", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    await api.ok(`mutation { createOrgUnit(input: { parentOrgUnitPath: "/", name: "Other" }) { orgUnit { id } } }`);
    await api.ok(RENAME, { input: { orgUnitPath: "/Big", parentOrgUnitPath: "/Other" } });
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    const leaf = (await api.ok(`{ orgUnit(orgUnitPath: "/Other/Big/G3/N7") { depth ancestors { path } } }`)).orgUnit;
    expect(leaf).toEqual({
      depth: 4,
      ancestors: [{ path: "/" }, { path: "/Other" }, { path: "/Other/Big" }, { path: "/Other/Big/G3" }],
    });
    await expectNoLeftovers(api, ids.get("") as string);
  });
});

describe("a rename or move that stops part-way", () => {
  /**
   * Runs the change through stores whose `failAt` call fails (and every call after it, as if the process died), with
   * a lease that has already run out. Before the commit the caller sees the failure; after it, the change is applied
   * and the caller is told so, whatever happens to the cleanup.
   */
  async function interrupted(
    api: Api,
    change: { orgUnitPath: string; name?: string; parentOrgUnitPath?: string },
    failAt: ConstructorParameters<typeof FaultyDb>[2],
    { leaseSeconds = 0, committed = false }: { leaseSeconds?: number; committed?: boolean } = {},
  ) {
    const db = new FaultyDb(createDocumentClient(api.config), api.config.tableName, failAt);
    const { orgUnits, tree, writes, work } = api.treeStores(db, leaseSeconds);
    const orgUnit = await requireOrgUnitAt(orgUnits, change.orgUnitPath, "path");
    const newParent =
      change.parentOrgUnitPath === undefined
        ? (orgUnit.ancestors.at(-1) as OrgUnit)
        : await requireOrgUnitAt(orgUnits, change.parentOrgUnitPath, "path");
    const restructuring = { newName: change.name ?? orgUnit.name, newParent, description: orgUnit.description };
    const result = writes.restructured(orgUnit, restructuring, orgUnit.version);
    const run = tree.run(work("interrupted"), orgUnit, restructuring, orgUnit.version, () => result, result);
    if (committed) expect((await run).path).toBe(result.path);
    else await expect(run).rejects.toBeInstanceOf(InjectedFault);
  }

  const NUDGE = `mutation { createOrgUnit(input: { parentOrgUnitPath: "/", name: "Nudge" }) { orgUnit { path } } }`;

  it("while new paths are being written: readers see the old tree; the next writer finishes the rename", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    // #1 locks the tree, #2 starts staging, #3 and #4 write the 160 new path hints (two lanes): stops at the first.
    await interrupted(api, { orgUnitPath: "/Big", name: "Huge" }, { TransactWriteCommand: 3 });
    await expectWholeTreeAt(api, ids, "/Big", "/Huge");
    expect((await api.ok(NUDGE)).createOrgUnit.orgUnit.path).toBe("/Nudge");
    await expectWholeTreeAt(api, ids, "/Huge", "/Big");
    await expectNoLeftovers(api, ids.get("") as string);
  });

  it("while a move is being staged: readers see the old tree; the next writer finishes the move", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    await api.ok(`mutation { createOrgUnit(input: { parentOrgUnitPath: "/", name: "Other" }) { orgUnit { id } } }`);
    // #1 lock, #2 staging starts, #3 and #4 the 160 new hints in two lanes: stops at the second.
    await interrupted(api, { orgUnitPath: "/Big", parentOrgUnitPath: "/Other" }, { TransactWriteCommand: 4 });
    await expectWholeTreeAt(api, ids, "/Big", "/Other/Big");
    await api.ok(NUDGE);
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    await expectNoLeftovers(api, ids.get("") as string);
  });

  it("after the commit, before cleanup: the caller is told it happened, readers see the new tree; the next writer cleans up", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    await api.ok(`mutation { createOrgUnit(input: { parentOrgUnitPath: "/", name: "Other" }) { orgUnit { id } } }`);
    // #1 lock, #2 staging starts, #3 and #4 staging, #5 commit, #6 the first cleanup transaction.
    await interrupted(
      api,
      { orgUnitPath: "/Big", parentOrgUnitPath: "/Other" },
      { TransactWriteCommand: 6 },
      { committed: true },
    );
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    await api.ok(NUDGE);
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    await expectNoLeftovers(api, ids.get("") as string);
  });

  it("refuses other tree changes with a retryable CONFLICT while the change's lease runs", async () => {
    const api = await testCustomer();
    await buildSubtree(api, "Big");
    await interrupted(api, { orgUnitPath: "/Big", name: "Huge" }, { TransactWriteCommand: 3 }, { leaseSeconds: 3600 });
    const response = await api.gql(NUDGE);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", retryable: true });
    expect((await api.ok(`{ orgUnit(orgUnitPath: "/Big/G1/N1") { path } }`)).orgUnit.path).toBe("/Big/G1/N1");
  });
});

/** No rename or move holds the tree, and every OU under `rootId` has its ancestor ids (and index entry) up to date. */
async function expectNoLeftovers(api: Api, rootId: string) {
  const { orgUnits, tree } = api.treeStores();
  expect(await tree.currentOp()).toBeUndefined();
  const root = (await orgUnits.getById(rootId)) as OrgUnit;
  const views = new Map((await orgUnits.subtree(root)).map((ou) => [ou.id, ou]));
  const records = await orgUnits.recordsUnder([[...root.ancestors.map((a) => a.id), rootId].join("/")]);
  expect(records).toHaveLength(views.size - 1);
  const stale = records.filter(
    (record) =>
      record.ancestorIds.join("/") !==
      views
        .get(record.id)
        ?.ancestors.map((a) => a.id)
        .join("/"),
  );
  expect(stale).toEqual([]);
}
