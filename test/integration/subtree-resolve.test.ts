/**
 * `orgUnits(under:)` (issue 13): a page of the subtree under an OU in tree order, each OU with its own and effective
 * settings and their sources, within the caller's reach, in the same round trips at any size or depth.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer } from "../support/api";
import { createOrgUnits, errorOf, type Api } from "../support/partner";

const PAGE = `query ($under: OrgUnitRefInput!, $first: Int, $after: String) {
  orgUnits(under: $under, first: $first, after: $after) {
    nodes {
      path
      mailAccessPolicy { imapAccess }
      effectiveMailAccess { imapAccess { enabled source { kind orgUnit { path } } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every path under `under`, reading pages of `first`; checks that each page costs the same. */
async function allPaths(api: Api, under: Record<string, string>, first: number) {
  const paths: string[] = [];
  const roundTrips = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const response: Awaited<ReturnType<typeof api.gql<any>>> = await api.gql<any>(PAGE, { under, first, after });
    expect(response.errors).toBeUndefined();
    roundTrips.add(response.sequentialRoundTrips);
    const page: { nodes: { path: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } =
      response.data.orgUnits;
    paths.push(...page.nodes.map((ou: { path: string }) => ou.path));
    if (!page.pageInfo.hasNextPage) return { paths, roundTrips: [...roundTrips] };
    after = page.pageInfo.endCursor;
  }
}

describe("orgUnits(under:)", () => {
  let api: Api;
  let ids: Map<string, string>;
  const tree = ["/b", "/b/y", "/b/x", "/b/x/deep", "/A", "/A/z", "/c", "/A/z/1", "/A/z/1/2"];
  beforeAll(async () => {
    api = await testCustomer();
    ids = await createOrgUnits(api, tree);
    await api.ok(`mutation { updateMailAccessPolicy(input: { orgUnitPath: "/A", imapAccess: OFF }) { changed } }`);
  });

  it("lists the subtree depth first, children by name ignoring case, the OU itself first", async () => {
    const { paths } = await allPaths(api, { orgUnitPath: "/" }, 100);
    expect(paths).toEqual(["/", "/A", "/A/z", "/A/z/1", "/A/z/1/2", "/b", "/b/x", "/b/x/deep", "/b/y", "/c"]);
    expect((await allPaths(api, { orgUnitId: ids.get("/b") as string }, 100)).paths).toEqual([
      "/b",
      "/b/x",
      "/b/x/deep",
      "/b/y",
    ]);
    expect((await allPaths(api, { orgUnitPath: "/c" }, 100)).paths).toEqual(["/c"]);
  });

  it("pages through it with cursors, every page in the same 3 round trips", async () => {
    const { paths, roundTrips } = await allPaths(api, { orgUnitPath: "/" }, 3);
    expect(paths).toEqual(["/", "/A", "/A/z", "/A/z/1", "/A/z/1/2", "/b", "/b/x", "/b/x/deep", "/b/y", "/c"]);
    expect(roundTrips).toEqual([3]);
  });

  it("gives each OU its own and effective settings with their sources", async () => {
    const { data } = await api.gql<any>(PAGE, { under: { orgUnitPath: "/A" }, first: 10 });
    expect(data.orgUnits.nodes.slice(0, 2)).toEqual([
      {
        path: "/A",
        mailAccessPolicy: { imapAccess: "OFF" },
        effectiveMailAccess: { imapAccess: { enabled: false, source: { kind: "SET_HERE", orgUnit: { path: "/A" } } } },
      },
      {
        path: "/A/z",
        mailAccessPolicy: { imapAccess: null },
        effectiveMailAccess: { imapAccess: { enabled: false, source: { kind: "INHERITED", orgUnit: { path: "/A" } } } },
      },
    ]);
  });

  it("refuses a cursor whose OU left the subtree, a malformed one, and bad names", async () => {
    // The first page of /b ends at /b/x; /b/x then moves under /c.
    const page = await api.ok(PAGE, { under: { orgUnitPath: "/b" }, first: 2 });
    await api.ok(`mutation { updateOrgUnit(input: { orgUnitPath: "/b/x", parentOrgUnitPath: "/c" }) { dryRun } }`);
    const after = page.orgUnits.pageInfo.endCursor;
    const stale = errorOf(await api.gql(PAGE, { under: { orgUnitPath: "/b" }, first: 2, after }));
    expect(stale.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    await api.ok(`mutation { updateOrgUnit(input: { orgUnitPath: "/c/x", parentOrgUnitPath: "/b" }) { dryRun } }`);
    expect(errorOf(await api.gql(PAGE, { under: { orgUnitPath: "/" }, after: "nope" })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
    });
    expect(errorOf(await api.gql(PAGE, { under: {} })).extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(errorOf(await api.gql(PAGE, { under: { orgUnitPath: "/nowhere" } })).extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "under.orgUnitPath",
    });
    expect(errorOf(await api.gql(PAGE, { under: { orgUnitPath: "/" }, first: 101 })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "first",
    });
  });

  it("shows an OU administrator its own subtree, and nothing above or beside it (as if it did not exist)", async () => {
    const created = await api.ok(`mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
      input: { name: "admin of /b", role: "ORG_UNIT_ADMIN", orgUnitScope: "/b" },
    });
    const apiKey = created.createApiKey.secret as string;
    const own = await api.gql<any>(PAGE, { under: { orgUnitPath: "/b" }, first: 100 }, { apiKey });
    expect(own.data.orgUnits.nodes.map((ou: { path: string }) => ou.path)).toEqual(["/b", "/b/x", "/b/x/deep", "/b/y"]);
    for (const under of [{ orgUnitPath: "/" }, { orgUnitPath: "/A" }, { orgUnitId: ids.get("/c") as string }]) {
      const refused = errorOf(await api.gql(PAGE, { under, first: 10 }, { apiKey }));
      expect(refused.extensions.code).toBe("NOT_FOUND");
    }
  });
});
