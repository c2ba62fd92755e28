/**
 * Renames and moves of subtrees larger than one DynamoDB transaction (100 items), and what readers see when such a
 * change stops part-way: always the whole old tree or the whole new tree, and the next writer finishes the change.
 */
import { describe, expect, it } from "vitest";
import { chunk, createDocumentClient } from "../../functions/store/db";
import { requireOrgUnit } from "../../functions/services/org-units";
import { testCustomer } from "../support/api";
import { FaultyDb, InjectedFault } from "../support/faulty-db";

type Api = Awaited<ReturnType<typeof testCustomer>>;

const GROUPS = 10;
const PER_GROUP = 15;

/** /<root> with GROUPS children of PER_GROUP children each: 160 OUs below the root. Returns id by relative path. */
async function buildSubtree(api: Api, root: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const create = async (parentPath: string, name: string) => {
    const data = await api.ok(
      `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { id } } }`,
      {
        input: { parentPath, name },
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
  const byIdQuery = `query ($id: ID) { orgUnit(id: $id) { path ancestors { id } } }`;
  const byPathQuery = `query ($path: String) { orgUnit(path: $path) { id } }`;
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
    const { updateOrgUnit } = await api.ok(RENAME, { input: { path: "/Big", name: "Huge" } });
    expect(updateOrgUnit.orgUnit).toMatchObject({ id: ids.get(""), path: "/Huge", version: 2 });
    await expectWholeTreeAt(api, ids, "/Huge", "/Big");
  });

  it("moves a subtree of 161 OUs: ancestors and depth follow", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    await api.ok(`mutation { createOrgUnit(input: { parentPath: "/", name: "Other" }) { orgUnit { id } } }`);
    await api.ok(RENAME, { input: { path: "/Big", parentPath: "/Other" } });
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    const leaf = (await api.ok(`{ orgUnit(path: "/Other/Big/G3/N7") { depth ancestors { path } } }`)).orgUnit;
    expect(leaf).toEqual({
      depth: 4,
      ancestors: [{ path: "/" }, { path: "/Other" }, { path: "/Other/Big" }, { path: "/Other/Big/G3" }],
    });
    const store = api.orgUnitStore();
    expect(await store.currentOp()).toBeUndefined();
    expect((await store.enumerate(ids.get("") as string)).filter((d) => d.record.staged !== undefined)).toEqual([]);
  });
});

describe("a rename or move that stops part-way", () => {
  /** Runs the change through a store whose `failAt` call fails, with a lease that has already run out. */
  async function interrupted(
    api: Api,
    change: { path: string; name?: string; parentPath?: string },
    failAt: ConstructorParameters<typeof FaultyDb>[2],
    leaseSeconds = 0,
  ) {
    const db = new FaultyDb(createDocumentClient(api.config), api.config.tableName, failAt);
    const store = api.orgUnitStore(db, leaseSeconds);
    const orgUnit = await requireOrgUnit(store, { path: change.path });
    const newParent =
      change.parentPath === undefined
        ? orgUnit.ancestors.at(-1)
        : await requireOrgUnit(store, { path: change.parentPath });
    await expect(
      store.restructure(
        orgUnit,
        { newName: change.name ?? orgUnit.name, newParent: newParent! },
        orgUnit.version,
        () => undefined,
        {
          actor: { kind: "API_KEY", id: "test", name: "test", role: "SUPER_ADMIN", orgUnitScope: null },
          requestId: "interrupted",
        },
      ),
    ).rejects.toBeInstanceOf(InjectedFault);
  }

  const NUDGE = `mutation { createOrgUnit(input: { parentPath: "/", name: "Nudge" }) { orgUnit { path } } }`;

  it("while new paths are being written: readers see the old tree; the next writer finishes the rename", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    // Stops after two of the seven batches of new path hints.
    await interrupted(api, { path: "/Big", name: "Huge" }, { BatchWriteCommand: 3 });
    await expectWholeTreeAt(api, ids, "/Big", "/Huge");
    expect((await api.ok(NUDGE)).createOrgUnit.orgUnit.path).toBe("/Nudge");
    await expectWholeTreeAt(api, ids, "/Huge", "/Big");
  });

  it("while new ancestors are being staged: readers see the old tree; the next writer finishes the move", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    await api.ok(`mutation { createOrgUnit(input: { parentPath: "/", name: "Other" }) { orgUnit { id } } }`);
    // transact #1 locks the tree; #2 is the first batch of staged ancestor ids.
    await interrupted(api, { path: "/Big", parentPath: "/Other" }, { TransactWriteCommand: 2 });
    await expectWholeTreeAt(api, ids, "/Big", "/Other/Big");
    await api.ok(NUDGE);
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
  });

  it("after the commit, before cleanup: readers see the new tree; the next writer cleans up", async () => {
    const api = await testCustomer();
    const ids = await buildSubtree(api, "Big");
    await api.ok(`mutation { createOrgUnit(input: { parentPath: "/", name: "Other" }) { orgUnit { id } } }`);
    // #1 lock, #2 and #3 staged ancestor ids, #4 commit, #5 first promotion of staged ids.
    await interrupted(api, { path: "/Big", parentPath: "/Other" }, { TransactWriteCommand: 5 });
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    await api.ok(NUDGE);
    await expectWholeTreeAt(api, ids, "/Other/Big", "/Big");
    const store = api.orgUnitStore();
    expect(await store.currentOp()).toBeUndefined();
    const leftovers = (await store.enumerate(ids.get("") as string)).filter((d) => d.record.staged !== undefined);
    expect(leftovers).toEqual([]);
  });

  it("refuses other tree changes with a retryable CONFLICT while the change's lease runs", async () => {
    const api = await testCustomer();
    await buildSubtree(api, "Big");
    await interrupted(api, { path: "/Big", name: "Huge" }, { BatchWriteCommand: 2 }, 3600);
    const response = await api.gql(NUDGE);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", retryable: true });
    expect((await api.ok(`{ orgUnit(path: "/Big/G1/N1") { path } }`)).orgUnit.path).toBe("/Big/G1/N1");
  });
});
