/** The OU tree through the GraphQL API: reads, writes, every rule of issue 2, and the round trips they cost. */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer, type GraphQLResponse } from "../support/api";

interface Children {
  edges: { cursor: string; node: { name: string } }[];
  nodes: { name: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

type Api = Awaited<ReturnType<typeof testCustomer>>;

const OU_FIELDS = "id path name description depth version createdAt updatedAt parent { id path } ancestors { path }";
const BY_PATH = `query ($path: String) { orgUnit(orgUnitPath: $path) { ${OU_FIELDS} } }`;
const BY_ID = `query ($id: ID) { orgUnit(orgUnitId: $id) { ${OU_FIELDS} } }`;
const CREATE = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { ${OU_FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { ${OU_FIELDS} } } }`;
const DELETE = `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { deletedOrgUnitId path } }`;

async function create(api: Api, parentOrgUnitPath: string, name: string, description?: string) {
  const data = await api.ok(CREATE, { input: { parentOrgUnitPath, name, description } });
  return data.createOrgUnit.orgUnit as { id: string; path: string; version: number };
}

/** Creates /<names...> one level at a time and returns the deepest path. */
async function createChain(api: Api, names: string[]): Promise<string> {
  let path = "/";
  for (const name of names) path = (await create(api, path, name)).path;
  return path;
}

function errorOf(response: { errors?: { extensions: { code: string } }[] }) {
  expect(response.errors, "expected an error").toBeDefined();
  return response.errors?.[0] as {
    message: string;
    extensions: { code: string; field?: string; currentVersion?: number };
  };
}

describe("reading the tree", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
  });

  it("starts with a root OU at / named after the organization", async () => {
    const { orgUnit } = await api.ok(BY_PATH, { path: "/" });
    expect(orgUnit).toMatchObject({
      path: "/",
      name: "Test Organization",
      depth: 0,
      parent: null,
      ancestors: [],
      version: 1,
    });
    const byId = await api.ok(BY_ID, { id: orgUnit.id });
    expect(byId.orgUnit).toEqual(orgUnit);
  });

  it("finds an OU by path ignoring case, and returns its canonical path", async () => {
    await createChain(api, ["Sales", "EMEA"]);
    const { orgUnit } = await api.ok(BY_PATH, { path: "/sales/emea" });
    expect(orgUnit).toMatchObject({ path: "/Sales/EMEA", name: "EMEA", depth: 2, parent: { path: "/Sales" } });
    expect(orgUnit.ancestors).toEqual([{ path: "/" }, { path: "/Sales" }]);
  });

  it("returns null for an OU that does not exist, and refuses malformed paths", async () => {
    expect((await api.ok(BY_PATH, { path: "/Nowhere" })).orgUnit).toBeNull();
    expect((await api.ok(BY_ID, { id: "ou_missing" })).orgUnit).toBeNull();
    for (const path of ["Sales", "/Sales/", "//Sales", ""]) {
      const error = errorOf(await api.gql(BY_PATH, { path }));
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orgUnitPath" });
    }
    const both = errorOf(await api.gql(`{ orgUnit(orgUnitPath: "/", orgUnitId: "x") { id } }`));
    expect(both.extensions.code).toBe("BAD_USER_INPUT");
    const neither = errorOf(await api.gql(`{ orgUnit { id } }`));
    expect(neither.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("costs 2 round trips at depth 1 and depth 35 (the API key check rides along with the first read)", async () => {
    const names = Array.from({ length: 35 }, (_, i) => `L${i + 1}`);
    const deepest = await createChain(api, names);
    const shallow = await api.gql(BY_PATH, { path: "/L1" });
    const deep = await api.gql(BY_PATH, { path: deepest });
    expect((deep.data as { orgUnit: { depth: number; ancestors: unknown[] } }).orgUnit).toMatchObject({ depth: 35 });
    expect((deep.data as { orgUnit: { ancestors: unknown[] } }).orgUnit.ancestors).toHaveLength(35);
    expect(shallow.roundTrips).toBe(2);
    expect(deep.roundTrips).toBe(2);
    const id = (deep.data as { orgUnit: { id: string } }).orgUnit.id;
    expect((await api.gql(BY_ID, { id })).roundTrips).toBe(2);
    const root = await api.gql(`{ orgUnit(orgUnitPath: "/") { id path } }`);
    expect(root.roundTrips).toBe(2);
  });

  it("refuses a 36th level", async () => {
    const deepest = "/" + Array.from({ length: 35 }, (_, i) => `L${i + 1}`).join("/");
    const error = errorOf(await api.gql(CREATE, { input: { parentOrgUnitPath: deepest, name: "TooDeep" } }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentOrgUnitPath" });
  });

  it("lists children by name with cursor pagination, one round trip per page", async () => {
    const parent = await create(api, "/", "Paged");
    for (const name of ["delta", "Alpha", "charlie", "Echo", "bravo", "foxtrot", "Golf"])
      await create(api, parent.path, name);
    const query = `query ($after: String) { orgUnit(orgUnitPath: "/Paged") { children(first: 3, after: $after) {
      edges { cursor node { name path } } nodes { name } pageInfo { hasNextPage endCursor } } } }`;
    const names: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (;;) {
      const response: GraphQLResponse<{ orgUnit: { children: Children } }> = await api.gql(query, { after });
      expect(response.roundTrips).toBe(3);
      const children = response.data?.orgUnit.children as Children;
      names.push(...children.nodes.map((n) => n.name));
      expect(children.edges.map((e) => e.node.name)).toEqual(children.nodes.map((n) => n.name));
      pages.push(children.pageInfo.hasNextPage);
      if (!children.pageInfo.hasNextPage) break;
      after = children.pageInfo.endCursor;
    }
    expect(names).toEqual(["Alpha", "bravo", "charlie", "delta", "Echo", "foxtrot", "Golf"]);
    expect(pages).toEqual([true, true, false]);
    const bad = errorOf(await api.gql(query, { after: "garbage" }));
    expect(bad.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const tooMany = errorOf(await api.gql(`{ orgUnit(orgUnitPath: "/") { children(first: 101) { nodes { id } } } }`));
    expect(tooMany.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("creating", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
  });

  it("creates an OU with version 1 and a trimmed name", async () => {
    const created = await create(api, "/", "  Engineering  ", "Builds things");
    expect(created).toMatchObject({
      path: "/Engineering",
      name: "Engineering",
      description: "Builds things",
      version: 1,
      depth: 1,
    });
  });

  it("refuses empty, too long, slash-containing and control-character names, naming the field", async () => {
    for (const name of ["", "   ", "a".repeat(256), "Sales/EMEA", "bad\nname"]) {
      const error = errorOf(await api.gql(CREATE, { input: { parentOrgUnitPath: "/", name } }));
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    }
    expect((await create(api, "/", "b".repeat(255))).path).toBe(`/${"b".repeat(255)}`);
  });

  it("keeps names unique among siblings, ignoring case, but not across parents", async () => {
    await create(api, "/", "Support");
    const error = errorOf(await api.gql(CREATE, { input: { parentOrgUnitPath: "/", name: "SUPPORT" } }));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "name" });
    expect((await create(api, "/Support", "Support")).path).toBe("/Support/Support");
  });

  it("refuses a missing parent with NOT_FOUND", async () => {
    const error = errorOf(await api.gql(CREATE, { input: { parentOrgUnitPath: "/Ghost", name: "X" } }));
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", field: "parentOrgUnitPath" });
  });
});

describe("renaming, moving and describing", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createChain(api, ["Sales", "EMEA", "Paris"]);
    await createChain(api, ["Marketing"]);
  });

  it("renames an OU: the id stays, the paths of its subtree change, the version increments", async () => {
    const before = (await api.ok(BY_PATH, { path: "/Sales" })).orgUnit;
    const paris = (await api.ok(BY_PATH, { path: "/Sales/EMEA/Paris" })).orgUnit;
    const { updateOrgUnit } = await api.ok(UPDATE, { input: { orgUnitPath: "/Sales", name: "Revenue" } });
    expect(updateOrgUnit.orgUnit).toMatchObject({ id: before.id, path: "/Revenue", version: before.version + 1 });
    expect((await api.ok(BY_ID, { id: paris.id })).orgUnit.path).toBe("/Revenue/EMEA/Paris");
    expect((await api.ok(BY_PATH, { path: "/Sales/EMEA/Paris" })).orgUnit).toBeNull();
    expect((await api.ok(BY_PATH, { path: "/Revenue/EMEA/Paris" })).orgUnit.id).toBe(paris.id);
  });

  it("changes only the case of a name", async () => {
    const { updateOrgUnit } = await api.ok(UPDATE, { input: { orgUnitPath: "/Revenue/EMEA", name: "emea" } });
    expect(updateOrgUnit.orgUnit.path).toBe("/Revenue/emea");
    expect((await api.ok(BY_PATH, { path: "/Revenue/EMEA/Paris" })).orgUnit.path).toBe("/Revenue/emea/Paris");
  });

  it("moves an OU with its subtree under another parent", async () => {
    const emea = (await api.ok(BY_PATH, { path: "/Revenue/emea" })).orgUnit;
    const { updateOrgUnit } = await api.ok(UPDATE, { input: { orgUnitId: emea.id, parentOrgUnitPath: "/Marketing" } });
    expect(updateOrgUnit.orgUnit).toMatchObject({
      id: emea.id,
      path: "/Marketing/emea",
      depth: 2,
      version: emea.version + 1,
    });
    const paris = (await api.ok(BY_PATH, { path: "/Marketing/emea/Paris" })).orgUnit;
    expect(paris.ancestors).toEqual([{ path: "/" }, { path: "/Marketing" }, { path: "/Marketing/emea" }]);
    const revenue = await api.ok(`{ orgUnit(orgUnitPath: "/Revenue") { children { nodes { path } } } }`);
    expect(revenue.orgUnit.children.nodes).toEqual([]);
    const marketing = await api.ok(`{ orgUnit(orgUnitPath: "/Marketing") { children { nodes { path } } } }`);
    expect(marketing.orgUnit.children.nodes).toEqual([{ path: "/Marketing/emea" }]);
  });

  it("refuses a move under the OU itself or one of its descendants", async () => {
    for (const parentOrgUnitPath of ["/Marketing", "/Marketing/emea", "/Marketing/emea/Paris"]) {
      const error = errorOf(await api.gql(UPDATE, { input: { orgUnitPath: "/Marketing", parentOrgUnitPath } }));
      if (parentOrgUnitPath === "/Marketing") expect(error).toBeDefined();
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentOrgUnitPath" });
    }
    expect((await api.ok(BY_PATH, { path: "/Marketing/emea/Paris" })).orgUnit).not.toBeNull();
  });

  it("refuses a move or rename onto a name already taken by a sibling", async () => {
    await create(api, "/Revenue", "Paris");
    const error = errorOf(
      await api.gql(UPDATE, { input: { orgUnitPath: "/Marketing/emea/Paris", parentOrgUnitPath: "/Revenue" } }),
    );
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "name" });
    const rename = errorOf(await api.gql(UPDATE, { input: { orgUnitPath: "/Marketing", name: "revenue" } }));
    expect(rename.extensions).toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("refuses a move that would make the tree deeper than 35 levels", async () => {
    const deep = await createChain(
      api,
      Array.from({ length: 33 }, (_, i) => `D${i + 1}`),
    );
    // /Marketing/emea/Paris has 2 levels below /Marketing; under a depth-33 OU /Marketing would reach 36.
    const error = errorOf(await api.gql(UPDATE, { input: { orgUnitPath: "/Marketing", parentOrgUnitPath: deep } }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentOrgUnitPath" });
    expect((await api.ok(BY_PATH, { path: "/Marketing/emea/Paris" })).orgUnit).not.toBeNull();
    // Nothing was left half-done: the tree is free for the next change.
    expect(
      (await api.ok(UPDATE, { input: { orgUnitPath: "/Marketing", name: "Brand" } })).updateOrgUnit.orgUnit.path,
    ).toBe("/Brand");
  });

  it("updates the description alone, and clears it with an empty string", async () => {
    const before = (await api.ok(BY_PATH, { path: "/Brand" })).orgUnit;
    const set = await api.ok(UPDATE, { input: { orgUnitPath: "/Brand", description: "Brand and events" } });
    expect(set.updateOrgUnit.orgUnit).toMatchObject({ description: "Brand and events", version: before.version + 1 });
    const cleared = await api.ok(UPDATE, { input: { orgUnitPath: "/Brand", description: "" } });
    expect(cleared.updateOrgUnit.orgUnit).toMatchObject({ description: null, version: before.version + 2 });
  });

  it("refuses a stale expectedVersion with CONFLICT and the current version, writing nothing", async () => {
    const before = (await api.ok(BY_PATH, { path: "/Brand" })).orgUnit;
    const error = errorOf(
      await api.gql(UPDATE, { input: { orgUnitPath: "/Brand", name: "Stale", expectedVersion: before.version - 1 } }),
    );
    expect(error.extensions).toMatchObject({ code: "CONFLICT", currentVersion: before.version });
    const described = errorOf(
      await api.gql(UPDATE, {
        input: { orgUnitPath: "/Brand", description: "x", expectedVersion: before.version - 1 },
      }),
    );
    expect(described.extensions).toMatchObject({ code: "CONFLICT", currentVersion: before.version });
    expect((await api.ok(BY_PATH, { path: "/Brand" })).orgUnit).toEqual(before);
    const ok = await api.ok(UPDATE, {
      input: { orgUnitPath: "/Brand", name: "Brand2", expectedVersion: before.version },
    });
    expect(ok.updateOrgUnit.orgUnit.version).toBe(before.version + 1);
  });

  it("never renames, moves or deletes the root", async () => {
    for (const input of [
      { orgUnitPath: "/", name: "X" },
      { orgUnitPath: "/", parentOrgUnitPath: "/Revenue" },
    ]) {
      const error = errorOf(await api.gql(UPDATE, { input }));
      expect(error.extensions.code).toBe("FAILED_PRECONDITION");
    }
    const error = errorOf(await api.gql(DELETE, { input: { orgUnitPath: "/" } }));
    expect(error.extensions.code).toBe("FAILED_PRECONDITION");
  });
});

describe("deleting", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createChain(api, ["Ops", "Night"]);
  });

  it("refuses to delete an OU that has child OUs", async () => {
    const error = errorOf(await api.gql(DELETE, { input: { orgUnitPath: "/Ops" } }));
    expect(error.extensions.code).toBe("FAILED_PRECONDITION");
    expect((await api.ok(BY_PATH, { path: "/Ops/Night" })).orgUnit).not.toBeNull();
  });

  it("deletes a leaf, frees its name, and lets its parent be deleted next", async () => {
    const night = (await api.ok(BY_PATH, { path: "/Ops/Night" })).orgUnit;
    const stale = errorOf(await api.gql(DELETE, { input: { orgUnitId: night.id, expectedVersion: 7 } }));
    expect(stale.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 1 });
    expect((await api.ok(DELETE, { input: { orgUnitId: night.id } })).deleteOrgUnit).toEqual({
      deletedOrgUnitId: night.id,
      path: "/Ops/Night",
    });
    expect((await api.ok(BY_ID, { id: night.id })).orgUnit).toBeNull();
    expect((await create(api, "/Ops", "night")).path).toBe("/Ops/night");
    await api.ok(DELETE, { input: { orgUnitPath: "/Ops/night" } });
    await api.ok(DELETE, { input: { orgUnitPath: "/Ops" } });
    expect((await api.ok(BY_PATH, { path: "/Ops" })).orgUnit).toBeNull();
    const missing = errorOf(await api.gql(DELETE, { input: { orgUnitPath: "/Ops" } }));
    expect(missing.extensions).toMatchObject({ code: "NOT_FOUND", field: "orgUnitPath" });
  });
});

describe("round trips of writes", () => {
  it("create, describe, rename a leaf, move a leaf and delete each cost 1 + 2 + 1 (a move reads the new parent in the same batches)", async () => {
    const api = await testCustomer();
    await createChain(api, ["Team"]);
    const counts = {
      create: (await api.gql(CREATE, { input: { parentOrgUnitPath: "/Team", name: "Leaf" } })).roundTrips,
      describe: (await api.gql(UPDATE, { input: { orgUnitPath: "/Team/Leaf", description: "d" } })).roundTrips,
      rename: (await api.gql(UPDATE, { input: { orgUnitPath: "/Team/Leaf", name: "Leaf2" } })).roundTrips,
      move: (await api.gql(UPDATE, { input: { orgUnitPath: "/Team/Leaf2", parentOrgUnitPath: "/" } })).roundTrips,
      delete: (await api.gql(DELETE, { input: { orgUnitPath: "/Leaf2" } })).roundTrips,
    };
    expect(counts).toEqual({ create: 4, describe: 4, rename: 4, move: 4, delete: 4 });
  });
});

describe("request errors", () => {
  it("reports syntax, validation and variable errors with Apollo's codes, not as internal errors", async () => {
    const api = await testCustomer();
    // graphql-armor's token limit parses the document first, so a syntax error arrives as a validation failure.
    const syntax = errorOf(await api.gql("{ orgUnit(orgUnitPath: "));
    expect(syntax.message).toMatch(/Syntax Error/);
    expect(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"]).toContain(syntax.extensions.code);
    expect(errorOf(await api.gql("{ noSuchField }")).extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(errorOf(await api.gql(BY_PATH, { path: 5 })).extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("authentication and customer isolation", () => {
  it("refuses a request without a key or with an unknown key", async () => {
    const api = await testCustomer();
    for (const apiKey of [null, "nope"]) {
      const response = await api.gql(`{ orgUnit(orgUnitPath: "/") { id } }`, {}, { apiKey });
      expect(response.status).toBe(401);
      expect(errorOf(response).extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("never shows one customer's OUs to another, by path or by id", async () => {
    const a = await testCustomer();
    const b = await testCustomer();
    const secret = await create(a, "/", "Secret");
    expect((await b.ok(BY_PATH, { path: "/Secret" })).orgUnit).toBeNull();
    expect((await b.ok(BY_ID, { id: secret.id })).orgUnit).toBeNull();
    const error = errorOf(await b.gql(UPDATE, { input: { orgUnitId: secret.id, name: "Mine" } }));
    expect(error.extensions.code).toBe("NOT_FOUND");
    expect((await a.ok(BY_ID, { id: secret.id })).orgUnit.path).toBe("/Secret");
  });
});
