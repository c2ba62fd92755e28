/**
 * Users through the GraphQL API: create, read, move, delete and list them; their own mail settings; what the
 * administrator's settings mean for them (rule 5); and the round trips these reads cost. The access decisions of the
 * numbered rules are in decisions.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { testCustomer, type GraphQLResponse } from "../support/api";

type Api = Awaited<ReturnType<typeof testCustomer>>;

const SOURCE = "source { kind orgUnit { path } }";
const ACCESS = `allowedByAdministrator enabledByUser enabled ${SOURCE}`;
const EFFECTIVE = `effectiveMailAccess {
  pop { ${ACCESS} } imap { ${ACCESS} } lessSecureApps { ${ACCESS} }
  orgUnitSettings {
    popAccess { enabled ${SOURCE} } imapAccess { enabled ${SOURCE} } lessSecureApps { enabled ${SOURCE} }
    imapClientAccess { mode allowedOAuthClients { clientId name } ${SOURCE} }
    propagation { lastChangedAt completeBy pending }
  }
  availableToUser { popSettings imapSettings lessSecureAppsSetting }
}`;
const USER_FIELDS =
  "email name version createdAt updatedAt orgUnit { path } mailSettings { imapEnabled popAccessWindow lessSecureAppsEnabled }";

const USER = `query ($email: String!) { user(email: $email) { ${USER_FIELDS} } }`;
const USER_ACCESS = `query ($email: String!) { user(email: $email) { email ${EFFECTIVE} } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } } }`;
const UPDATE_USER = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { user { ${USER_FIELDS} } } }`;
const DELETE_USER = `mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedEmail } }`;
const UPDATE_SETTINGS = `mutation ($input: UpdateUserMailSettingsInput!) {
  updateUserMailSettings(input: $input) { user { ${USER_FIELDS} } } }`;
const CREATE_OU = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { path } } }`;
const UPDATE_OU = `mutation ($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { orgUnit { path } } }`;
const DELETE_OU = `mutation ($input: DeleteOrgUnitInput!) { deleteOrgUnit(input: $input) { path } }`;
const USER_COUNT = `query ($path: String) { orgUnit(orgUnitPath: $path) { userCount } }`;
const POLICY = `mutation ($input: UpdateMailAccessPolicyInput!) { updateMailAccessPolicy(input: $input) { changed } }`;
const LIST = `query ($path: String, $first: Int, $after: String, $sub: Boolean) {
  orgUnit(orgUnitPath: $path) { users(first: $first, after: $after, includeSubOrgUnits: $sub) {
    edges { cursor node { email orgUnit { path } } } nodes { email } pageInfo { hasNextPage endCursor } } } }`;

const IOS_MAIL = "450232826690-0rm6bs9d2fps9tifvk2oodh3tasd7vl7.apps.googleusercontent.com";

interface UserPage {
  edges: { cursor: string; node: { email: string; orgUnit: { path: string } } }[];
  nodes: { email: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function errorOf(response: GraphQLResponse) {
  expect(response.errors, "expected an error").toBeDefined();
  return response.errors?.[0] as {
    message: string;
    extensions: { code: string; field?: string; currentVersion?: number };
  };
}

async function createOrgUnits(api: Api, ...paths: string[]): Promise<void> {
  for (const path of paths) {
    const slash = path.lastIndexOf("/");
    await api.ok(CREATE_OU, {
      input: { parentOrgUnitPath: slash === 0 ? "/" : path.slice(0, slash), name: path.slice(slash + 1) },
    });
  }
}

async function createUser(api: Api, email: string, orgUnitPath: string, name = email.split("@")[0]) {
  return (await api.ok(CREATE_USER, { input: { email, orgUnitPath, name } })).createUser.user;
}

async function setPolicy(api: Api, orgUnitPath: string, change: Record<string, unknown>): Promise<void> {
  await api.ok(POLICY, { input: { orgUnitPath, ...change } });
}

async function userCount(api: Api, path: string): Promise<number> {
  return (await api.ok(USER_COUNT, { path })).orgUnit.userCount;
}

/** Reads every page of an OU's users; checks on the way that edges and nodes agree. */
async function listAll(api: Api, path: string, first: number, sub = false) {
  const emails: string[] = [];
  const orgUnits: string[] = [];
  const hasNext: boolean[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { orgUnit: { users: UserPage } } = await api.ok(LIST, { path, first, after, sub });
    const page = data.orgUnit.users;
    expect(page.nodes.length).toBeLessThanOrEqual(first);
    expect(page.edges.map((edge) => edge.node.email)).toEqual(page.nodes.map((node) => node.email));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    emails.push(...page.nodes.map((node) => node.email));
    orgUnits.push(...page.edges.map((edge) => edge.node.orgUnit.path));
    hasNext.push(page.pageInfo.hasNextPage);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { emails, orgUnits, hasNext };
}

const sorted = (values: string[]) => [...values].sort();

describe("creating and reading users", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, "/Sales", "/Sales/EMEA");
  });

  it("creates a user at version 1, lower-casing the address, with Gmail's defaults for the own settings", async () => {
    const user = await createUser(api, "  Alice.Smith@EXAMPLE.com ", "/sales/emea", "  Alice Smith ");
    expect(user).toMatchObject({
      email: "alice.smith@example.com",
      name: "Alice Smith",
      version: 1,
      orgUnit: { path: "/Sales/EMEA" },
      mailSettings: { imapEnabled: true, popAccessWindow: "DISABLED", lessSecureAppsEnabled: false },
    });
    expect(user.createdAt).toBe(user.updatedAt);
    expect(await userCount(api, "/Sales/EMEA")).toBe(1);
    expect(await userCount(api, "/Sales")).toBe(0);
  });

  it("finds a user by address ignoring case, and returns null for an address nobody has", async () => {
    const { user } = await api.ok(USER, { email: "ALICE.SMITH@Example.COM" });
    expect(user).toMatchObject({ email: "alice.smith@example.com", orgUnit: { path: "/Sales/EMEA" } });
    expect((await api.ok(USER, { email: "nobody@example.com" })).user).toBeNull();
    expect(errorOf(await api.gql(USER, { email: "not an address" })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "email",
    });
  });

  it("reads several users in the order asked, with null for missing ones", async () => {
    await createUser(api, "bob@example.com", "/Sales");
    const { users } = await api.ok(
      `query ($emails: [String!]!) { users(emails: $emails) { email orgUnit { path } } }`,
      {
        emails: ["BOB@example.com", "ghost@example.com", "alice.smith@example.com", "bob@EXAMPLE.com"],
      },
    );
    expect(users).toEqual([
      { email: "bob@example.com", orgUnit: { path: "/Sales" } },
      null,
      { email: "alice.smith@example.com", orgUnit: { path: "/Sales/EMEA" } },
      { email: "bob@example.com", orgUnit: { path: "/Sales" } },
    ]);
    const malformed = await api.gql(`query ($e: [String!]!) { users(emails: $e) { email } }`, {
      e: ["bob@example.com", "bob"],
    });
    expect(errorOf(malformed).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "emails[1]" });
    const tooMany = Array.from({ length: 101 }, (_, i) => `u${i}@example.com`);
    const error = errorOf(await api.gql(`query ($e: [String!]!) { users(emails: $e) { email } }`, { e: tooMany }));
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "emails" });
  });

  it("refuses a malformed address with BAD_USER_INPUT on email", async () => {
    for (const email of ["", "alice", "alice@", "@example.com", "al ice@example.com", "alice@@example.com"]) {
      const error = errorOf(await api.gql(CREATE_USER, { input: { email, orgUnitPath: "/Sales", name: "A" } }));
      expect(error.extensions, email).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    }
  });

  it("refuses an address outside the organization's domains", async () => {
    for (const email of ["carol@other.com", "carol@sub.example.com", "carol@example.com.evil.org", "carol@gmail.com"]) {
      const error = errorOf(await api.gql(CREATE_USER, { input: { email, orgUnitPath: "/Sales", name: "Carol" } }));
      expect(error.extensions, email).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    }
    expect(await userCount(api, "/Sales")).toBe(1);
  });

  it("refuses a second user with the same address, whatever its case, with CONFLICT on email", async () => {
    const error = errorOf(
      await api.gql(CREATE_USER, { input: { email: "Bob@Example.com", orgUnitPath: "/Sales/EMEA", name: "Bob 2" } }),
    );
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "email" });
    expect((await api.ok(USER, { email: "bob@example.com" })).user).toMatchObject({ name: "bob", version: 1 });
    expect(await userCount(api, "/Sales/EMEA")).toBe(1);
  });

  it("refuses a missing OU with NOT_FOUND on orgUnitPath", async () => {
    const error = errorOf(
      await api.gql(CREATE_USER, { input: { email: "dan@example.com", orgUnitPath: "/Ghost", name: "Dan" } }),
    );
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", field: "orgUnitPath" });
    expect((await api.ok(USER, { email: "dan@example.com" })).user).toBeNull();
  });

  it("refuses an empty, blank or too long name with BAD_USER_INPUT on name", async () => {
    for (const name of ["", "   ", "n".repeat(256)]) {
      const error = errorOf(
        await api.gql(CREATE_USER, { input: { email: "erin@example.com", orgUnitPath: "/Sales", name } }),
      );
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    }
    expect((await api.ok(USER, { email: "erin@example.com" })).user).toBeNull();
  });
});

describe("renaming, moving and deleting users", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, "/Sales", "/Support", "/Temp");
    await createUser(api, "frank@example.com", "/Sales", "Frank");
    await createUser(api, "grace@example.com", "/Sales", "Grace");
  });

  it("renames a user: the version increments, the OU stays", async () => {
    const { updateUser } = await api.ok(UPDATE_USER, { input: { email: "FRANK@example.com", name: " Frank Jones " } });
    expect(updateUser.user).toMatchObject({ email: "frank@example.com", name: "Frank Jones", version: 2 });
    expect(updateUser.user.orgUnit.path).toBe("/Sales");
    expect((await api.ok(USER, { email: "frank@example.com" })).user.name).toBe("Frank Jones");
    const blank = errorOf(await api.gql(UPDATE_USER, { input: { email: "frank@example.com", name: " " } }));
    expect(blank.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
  });

  it("moves a user to another OU: its path and both OUs' user counts change", async () => {
    expect(await userCount(api, "/Sales")).toBe(2);
    const { updateUser } = await api.ok(UPDATE_USER, {
      input: { email: "frank@example.com", orgUnitPath: "/support" },
    });
    expect(updateUser.user).toMatchObject({ orgUnit: { path: "/Support" }, version: 3 });
    expect((await api.ok(USER, { email: "frank@example.com" })).user.orgUnit.path).toBe("/Support");
    expect(await userCount(api, "/Sales")).toBe(1);
    expect(await userCount(api, "/Support")).toBe(1);
    const listed = await api.ok(LIST, { path: "/Support", first: 10 });
    expect(listed.orgUnit.users.nodes).toEqual([{ email: "frank@example.com" }]);
  });

  it("refuses a move to a missing OU and an unknown user with NOT_FOUND", async () => {
    const ghostOu = errorOf(
      await api.gql(UPDATE_USER, { input: { email: "frank@example.com", orgUnitPath: "/Ghost" } }),
    );
    expect(ghostOu.extensions).toMatchObject({ code: "NOT_FOUND", field: "orgUnitPath" });
    const ghostUser = errorOf(await api.gql(UPDATE_USER, { input: { email: "ghost@example.com", name: "G" } }));
    expect(ghostUser.extensions).toMatchObject({ code: "NOT_FOUND", field: "email" });
    expect((await api.ok(USER, { email: "frank@example.com" })).user).toMatchObject({
      version: 3,
      orgUnit: { path: "/Support" },
    });
  });

  it("refuses a stale expectedVersion with CONFLICT and the current version, changing nothing", async () => {
    for (const input of [
      { email: "frank@example.com", name: "Stale", expectedVersion: 2 },
      { email: "frank@example.com", orgUnitPath: "/Sales", expectedVersion: 2 },
    ]) {
      const error = errorOf(await api.gql(UPDATE_USER, { input }));
      expect(error.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 3 });
    }
    expect((await api.ok(USER, { email: "frank@example.com" })).user).toMatchObject({
      name: "Frank Jones",
      version: 3,
      orgUnit: { path: "/Support" },
    });
    expect(await userCount(api, "/Sales")).toBe(1);
    expect(await userCount(api, "/Support")).toBe(1);
    const current = await api.ok(UPDATE_USER, { input: { email: "frank@example.com", name: "F", expectedVersion: 3 } });
    expect(current.updateUser.user.version).toBe(4);
  });

  it("deletes a user: gone, the OU's count decreases, a second delete finds nobody", async () => {
    const stale = errorOf(await api.gql(DELETE_USER, { input: { email: "grace@example.com", expectedVersion: 5 } }));
    expect(stale.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 1 });
    const { deleteUser } = await api.ok(DELETE_USER, { input: { email: "Grace@Example.com" } });
    expect(deleteUser).toEqual({ deletedEmail: "grace@example.com" });
    expect((await api.ok(USER, { email: "grace@example.com" })).user).toBeNull();
    expect(await userCount(api, "/Sales")).toBe(0);
    const again = errorOf(await api.gql(DELETE_USER, { input: { email: "grace@example.com" } }));
    expect(again.extensions).toMatchObject({ code: "NOT_FOUND", field: "email" });
    // The address is free again.
    expect((await createUser(api, "grace@example.com", "/Sales")).version).toBe(1);
  });

  it("does not delete an OU that has users; once the user is moved away it can be deleted", async () => {
    await createUser(api, "henry@example.com", "/Temp");
    const refused = errorOf(await api.gql(DELETE_OU, { input: { orgUnitPath: "/Temp" } }));
    expect(refused.extensions.code).toBe("FAILED_PRECONDITION");
    expect((await api.ok(USER, { email: "henry@example.com" })).user.orgUnit.path).toBe("/Temp");
    await api.ok(UPDATE_USER, { input: { email: "henry@example.com", orgUnitPath: "/Sales" } });
    expect(await userCount(api, "/Temp")).toBe(0);
    expect((await api.ok(DELETE_OU, { input: { orgUnitPath: "/Temp" } })).deleteOrgUnit.path).toBe("/Temp");
    expect((await api.ok(USER, { email: "henry@example.com" })).user.orgUnit.path).toBe("/Sales");
  });

  it("keeps a user's OU path current when the OU itself is renamed or moved", async () => {
    await createOrgUnits(api, "/Ops", "/Ops/Night");
    await createUser(api, "ivy@example.com", "/Ops/Night");
    await api.ok(UPDATE_OU, { input: { orgUnitPath: "/Ops/Night", name: "Late" } });
    await api.ok(UPDATE_OU, { input: { orgUnitPath: "/Ops/Late", parentOrgUnitPath: "/Support" } });
    expect((await api.ok(USER, { email: "ivy@example.com" })).user.orgUnit.path).toBe("/Support/Late");
  });
});

describe("listing an OU's users", () => {
  let api: Api;
  const tree: Record<string, string[]> = {
    "/Org": ["org.b", "org.a"],
    "/Org/A": ["a.c", "a.a", "a.b"],
    "/Org/A/A1": [],
    "/Org/A/A2": ["a2.b", "a2.a"],
    "/Org/B": [],
    "/Org/B/B1": ["b1.d", "b1.a", "b1.c", "b1.b"],
    "/Org/C": ["c.a"],
    "/Org/Empty": [],
  };
  const everyone = Object.values(tree).flat();
  const addressOf = (local: string) => `${local}@example.com`;

  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, ...Object.keys(tree));
    for (const [path, locals] of Object.entries(tree))
      await Promise.all(locals.map((local) => createUser(api, addressOf(local), path)));
    await createUser(api, "outside@example.com", "/");
  });

  it("lists one OU's users by email, page by page with cursors, without the users of its sub-OUs", async () => {
    for (const first of [1, 2, 3, 4, 100]) {
      const { emails, hasNext } = await listAll(api, "/Org/B/B1", first);
      expect(emails, `first: ${first}`).toEqual(["b1.a", "b1.b", "b1.c", "b1.d"].map(addressOf));
      expect(hasNext).toEqual(Array.from({ length: Math.ceil(4 / first) }, (_, i) => i < Math.ceil(4 / first) - 1));
    }
    const { emails } = await listAll(api, "/Org/A", 2);
    expect(emails).toEqual(["a.a", "a.b", "a.c"].map(addressOf));
    const empty = await api.ok(LIST, { path: "/Org/Empty", first: 10 });
    expect(empty.orgUnit.users).toEqual({ edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("continues after any cursor of a page, not only its end cursor", async () => {
    const first = await api.ok(LIST, { path: "/Org/B/B1", first: 3 });
    const second = await api.ok(LIST, { path: "/Org/B/B1", first: 3, after: first.orgUnit.users.edges[0].cursor });
    expect(second.orgUnit.users.nodes).toEqual(["b1.b", "b1.c", "b1.d"].map((l) => ({ email: addressOf(l) })));
    expect(second.orgUnit.users.pageInfo.hasNextPage).toBe(false);
  });

  it("lists the whole subtree's users with includeSubOrgUnits, OU by OU, each once, at any page size", async () => {
    for (const first of [1, 2, 3, 5, 11, 12, 13, 100]) {
      const { emails, orgUnits, hasNext } = await listAll(api, "/Org", first, true);
      expect(emails.length, `first: ${first}`).toBe(everyone.length);
      expect(new Set(emails).size, `first: ${first}`).toBe(everyone.length);
      expect(sorted(emails)).toEqual(sorted(everyone.map(addressOf)));
      expect(hasNext.at(-1)).toBe(false);
      expect(hasNext.slice(0, -1).every(Boolean)).toBe(true);
      expect(hasNext.length).toBe(Math.ceil(everyone.length / first));
      // Each OU's users come together, ordered by email, and under the OU they belong to.
      const groups = orgUnits.filter((path, i) => path !== orgUnits[i - 1]);
      expect(new Set(groups).size, `first: ${first}: ${groups.join(" ")}`).toBe(groups.length);
      for (const path of groups) {
        const inOu = emails.filter((_, i) => orgUnits[i] === path);
        expect(inOu).toEqual(sorted((tree[path] ?? []).map(addressOf)));
      }
    }
  });

  it("lists only the OU's own subtree, and the whole organization from the root", async () => {
    const a = await listAll(api, "/Org/A", 2, true);
    expect(sorted(a.emails)).toEqual(sorted(["a.a", "a.b", "a.c", "a2.a", "a2.b"].map(addressOf)));
    const b = await listAll(api, "/Org/B", 10, true);
    expect(b.emails).toEqual(["b1.a", "b1.b", "b1.c", "b1.d"].map(addressOf));
    const all = await listAll(api, "/", 4, true);
    expect(sorted(all.emails)).toEqual(sorted([...everyone.map(addressOf), "outside@example.com"]));
    const emptyLeaf = await api.ok(LIST, { path: "/Org/A/A1", first: 10, sub: true });
    expect(emptyLeaf.orgUnit.users.nodes).toEqual([]);
  });

  it("refuses a cursor from another list or garbage, and page sizes outside 1 to 100", async () => {
    const orgUnitCursor = (
      await api.ok(`{ orgUnit(orgUnitPath: "/Org") { children(first: 1) { pageInfo { endCursor } } } }`)
    ).orgUnit.children.pageInfo.endCursor;
    for (const after of ["garbage", orgUnitCursor]) {
      const error = errorOf(await api.gql(LIST, { path: "/Org/A", first: 2, after }));
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    }
    for (const first of [0, 101]) {
      const error = errorOf(await api.gql(LIST, { path: "/Org/A", first }));
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    }
  });
});

describe("a user's own mail settings", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, "/Mail", "/Mail/Team", "/NoImap", "/NoImap/Team", "/NoPop");
    await setPolicy(api, "/NoImap", { imapAccess: "OFF" });
    await setPolicy(api, "/NoPop", { popAccess: "OFF" });
    await createUser(api, "jane@example.com", "/Mail/Team");
    await createUser(api, "kim@example.com", "/NoImap/Team");
    await createUser(api, "lee@example.com", "/NoPop");
  });

  it("changes IMAP and the POP access window, one version per saved change", async () => {
    const first = await api.ok(UPDATE_SETTINGS, { input: { email: "Jane@example.com", imapEnabled: false } });
    expect(first.updateUserMailSettings.user).toMatchObject({
      version: 2,
      mailSettings: { imapEnabled: false, popAccessWindow: "DISABLED", lessSecureAppsEnabled: false },
    });
    const second = await api.ok(UPDATE_SETTINGS, {
      input: { email: "jane@example.com", imapEnabled: true, popAccessWindow: "ALL_MAIL", expectedVersion: 2 },
    });
    expect(second.updateUserMailSettings.user).toMatchObject({
      version: 3,
      mailSettings: { imapEnabled: true, popAccessWindow: "ALL_MAIL", lessSecureAppsEnabled: false },
    });
    const read = (await api.ok(USER, { email: "jane@example.com" })).user;
    expect(read).toMatchObject({ version: 3, mailSettings: { popAccessWindow: "ALL_MAIL", imapEnabled: true } });
  });

  it("turns less secure apps on only while the administrator allows them", async () => {
    const refused = errorOf(
      await api.gql(UPDATE_SETTINGS, { input: { email: "jane@example.com", lessSecureAppsEnabled: true } }),
    );
    expect(refused.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "lessSecureAppsEnabled" });
    expect((await api.ok(USER, { email: "jane@example.com" })).user.version).toBe(3);
    await setPolicy(api, "/Mail", { lessSecureApps: "ON" });
    const allowed = await api.ok(UPDATE_SETTINGS, {
      input: { email: "jane@example.com", lessSecureAppsEnabled: true },
    });
    expect(allowed.updateUserMailSettings.user).toMatchObject({
      version: 4,
      mailSettings: { lessSecureAppsEnabled: true },
    });
  });

  it("keeps the version when a change changes nothing", async () => {
    const before = (await api.ok(USER, { email: "jane@example.com" })).user;
    for (const change of [{}, { imapEnabled: true }, { popAccessWindow: "ALL_MAIL", lessSecureAppsEnabled: true }]) {
      const { updateUserMailSettings } = await api.ok(UPDATE_SETTINGS, {
        input: { email: "jane@example.com", ...change },
      });
      expect(updateUserMailSettings.user).toEqual(before);
    }
    expect((await api.ok(USER, { email: "jane@example.com" })).user).toEqual(before);
  });

  it("refuses IMAP settings while the administrator has IMAP off for the user's OU (here inherited)", async () => {
    const error = errorOf(await api.gql(UPDATE_SETTINGS, { input: { email: "kim@example.com", imapEnabled: false } }));
    expect(error.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "imapEnabled" });
    // POP is still on there, so the POP window can change.
    const pop = await api.ok(UPDATE_SETTINGS, { input: { email: "kim@example.com", popAccessWindow: "FROM_NOW_ON" } });
    expect(pop.updateUserMailSettings.user).toMatchObject({
      version: 2,
      mailSettings: { imapEnabled: true, popAccessWindow: "FROM_NOW_ON" },
    });
    // A change that includes an unavailable setting writes nothing at all.
    const mixed = errorOf(
      await api.gql(UPDATE_SETTINGS, {
        input: { email: "kim@example.com", popAccessWindow: "ALL_MAIL", imapEnabled: false },
      }),
    );
    expect(mixed.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "imapEnabled" });
    expect((await api.ok(USER, { email: "kim@example.com" })).user).toMatchObject({
      version: 2,
      mailSettings: { popAccessWindow: "FROM_NOW_ON" },
    });
  });

  it("refuses POP settings while the administrator has POP off for the user's OU", async () => {
    const error = errorOf(
      await api.gql(UPDATE_SETTINGS, { input: { email: "lee@example.com", popAccessWindow: "ALL_MAIL" } }),
    );
    expect(error.extensions).toMatchObject({ code: "FAILED_PRECONDITION", field: "popAccessWindow" });
    expect(error.message).toContain("/NoPop");
    const imap = await api.ok(UPDATE_SETTINGS, { input: { email: "lee@example.com", imapEnabled: false } });
    expect(imap.updateUserMailSettings.user.version).toBe(2);
  });

  it("refuses a stale expectedVersion with CONFLICT and the current version, and an unknown user with NOT_FOUND", async () => {
    const stale = errorOf(
      await api.gql(UPDATE_SETTINGS, { input: { email: "jane@example.com", imapEnabled: false, expectedVersion: 1 } }),
    );
    expect(stale.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 4 });
    expect((await api.ok(USER, { email: "jane@example.com" })).user.mailSettings.imapEnabled).toBe(true);
    const ghost = errorOf(await api.gql(UPDATE_SETTINGS, { input: { email: "ghost@example.com", imapEnabled: true } }));
    expect(ghost.extensions).toMatchObject({ code: "NOT_FOUND", field: "email" });
  });
});

describe("what the administrator's settings mean for a user", () => {
  let api: Api;
  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, "/Dept", "/Dept/Team", "/Other");
    await createUser(api, "mia@example.com", "/Dept/Team");
    await createUser(api, "ned@example.com", "/Other");
  });

  it("shows the defaults for a new user: POP allowed but off by the user, IMAP on, less secure apps not allowed", async () => {
    const { user } = await api.ok(USER_ACCESS, { email: "mia@example.com" });
    const byDefault = { kind: "DEFAULT", orgUnit: null };
    expect(user.effectiveMailAccess).toEqual({
      pop: { allowedByAdministrator: true, enabledByUser: false, enabled: false, source: byDefault },
      imap: { allowedByAdministrator: true, enabledByUser: true, enabled: true, source: byDefault },
      lessSecureApps: { allowedByAdministrator: false, enabledByUser: false, enabled: false, source: byDefault },
      orgUnitSettings: {
        popAccess: { enabled: true, source: byDefault },
        imapAccess: { enabled: true, source: byDefault },
        lessSecureApps: { enabled: false, source: byDefault },
        imapClientAccess: { mode: "ANY_CLIENT", allowedOAuthClients: [], source: byDefault },
        propagation: { lastChangedAt: null, completeBy: null, pending: false },
      },
      availableToUser: { popSettings: true, imapSettings: true, lessSecureAppsSetting: false },
    });
  });

  it("names where each value comes from, and hides the POP and IMAP settings the administrator turns off (rule 5)", async () => {
    await api.ok(UPDATE_SETTINGS, { input: { email: "mia@example.com", popAccessWindow: "FROM_NOW_ON" } });
    await setPolicy(api, "/Dept", {
      imapAccess: "OFF",
      lessSecureApps: "ON",
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL] },
    });
    await setPolicy(api, "/Dept/Team", { popAccess: "OFF" });
    const { user } = await api.ok(USER_ACCESS, { email: "mia@example.com" });
    const access = user.effectiveMailAccess;
    const inherited = { kind: "INHERITED", orgUnit: { path: "/Dept" } };
    const here = { kind: "SET_HERE", orgUnit: { path: "/Dept/Team" } };
    expect(access.pop).toEqual({ allowedByAdministrator: false, enabledByUser: true, enabled: false, source: here });
    expect(access.imap).toEqual({
      allowedByAdministrator: false,
      enabledByUser: true,
      enabled: false,
      source: inherited,
    });
    expect(access.lessSecureApps).toEqual({
      allowedByAdministrator: true,
      enabledByUser: false,
      enabled: false,
      source: inherited,
    });
    expect(access.orgUnitSettings).toMatchObject({
      popAccess: { enabled: false, source: here },
      imapAccess: { enabled: false, source: inherited },
      lessSecureApps: { enabled: true, source: inherited },
      imapClientAccess: {
        mode: "OAUTH_ALLOWLIST",
        allowedOAuthClients: [{ clientId: IOS_MAIL, name: "Apple iOS Mail" }],
        source: inherited,
      },
      propagation: { pending: true },
    });
    const { lastChangedAt, completeBy } = access.orgUnitSettings.propagation;
    expect(Date.parse(completeBy) - Date.parse(lastChangedAt)).toBe(24 * 3600 * 1000);
    expect(access.availableToUser).toEqual({ popSettings: false, imapSettings: false, lessSecureAppsSetting: false });

    // A user elsewhere in the tree is untouched.
    const other = (await api.ok(USER_ACCESS, { email: "ned@example.com" })).user.effectiveMailAccess;
    expect(other.availableToUser).toEqual({ popSettings: true, imapSettings: true, lessSecureAppsSetting: false });
    expect(other.orgUnitSettings.propagation.pending).toBe(false);
  });

  it("shows the protocols again once the administrator sets them back to inherit, and lets the user turn them on", async () => {
    await setPolicy(api, "/Dept/Team", { popAccess: "INHERIT" });
    await setPolicy(api, "/Dept", { imapAccess: "INHERIT" });
    await api.ok(UPDATE_SETTINGS, { input: { email: "mia@example.com", lessSecureAppsEnabled: true } });
    const access = (await api.ok(USER_ACCESS, { email: "mia@example.com" })).user.effectiveMailAccess;
    expect(access.availableToUser).toEqual({ popSettings: true, imapSettings: true, lessSecureAppsSetting: true });
    expect(access.pop).toMatchObject({ allowedByAdministrator: true, enabled: true, source: { kind: "DEFAULT" } });
    expect(access.imap).toMatchObject({ allowedByAdministrator: true, enabled: true, source: { kind: "DEFAULT" } });
    expect(access.lessSecureApps).toMatchObject({ allowedByAdministrator: true, enabledByUser: true, enabled: true });
  });

  it("follows the user to another OU, and the OU to another parent", async () => {
    await setPolicy(api, "/Other", { imapAccess: "OFF" });
    await api.ok(UPDATE_USER, { input: { email: "mia@example.com", orgUnitPath: "/Other" } });
    const moved = (await api.ok(USER_ACCESS, { email: "mia@example.com" })).user.effectiveMailAccess;
    expect(moved.imap).toMatchObject({
      allowedByAdministrator: false,
      source: { kind: "SET_HERE", orgUnit: { path: "/Other" } },
    });
    expect(moved.lessSecureApps).toMatchObject({ allowedByAdministrator: false, enabledByUser: true, enabled: false });

    // Moving the OU /Dept/Team (with a user) under /Other: the user now inherits from /Other.
    await createUser(api, "oli@example.com", "/Dept/Team");
    await api.ok(UPDATE_OU, { input: { orgUnitPath: "/Dept/Team", parentOrgUnitPath: "/Other" } });
    const { user } = await api.ok(`query ($email: String!) { user(email: $email) { orgUnit { path } ${EFFECTIVE} } }`, {
      email: "oli@example.com",
    });
    expect(user.orgUnit.path).toBe("/Other/Team");
    expect(user.effectiveMailAccess.imap).toMatchObject({
      allowedByAdministrator: false,
      source: { kind: "INHERITED", orgUnit: { path: "/Other" } },
    });
    expect(user.effectiveMailAccess.orgUnitSettings.imapClientAccess).toMatchObject({ mode: "ANY_CLIENT" });
  });
});

describe("round trips of user reads", () => {
  const OUS = ["/Depth/Mid/Ou1", "/Depth/Mid/Ou2", "/Depth/Mid/Ou3", "/Depth/Mid/Ou4", "/Depth/Mid/Ou5"];
  const emails = Array.from({ length: 100 }, (_, i) => `user${String(i).padStart(3, "0")}@example.com`);
  const ouOf = (index: number) => OUS[index % OUS.length] as string;
  const USERS_ACCESS = `query ($emails: [String!]!) { users(emails: $emails) { email orgUnit { path } ${EFFECTIVE} } }`;
  const DECISIONS = `query ($inputs: [MailAccessDecisionInput!]!) {
    mailAccessDecisions(inputs: $inputs) { userEmail allowed reason decidedBy { setting source { kind orgUnit { path } } } } }`;
  const decisionInput = (userEmail: string, index: number) => ({
    userEmail,
    protocol: index % 2 === 0 ? "IMAP" : "POP",
    client: { authMethod: "OAUTH", oauthClientId: IOS_MAIL },
  });
  let api: Api;

  beforeAll(async () => {
    api = await testCustomer();
    await createOrgUnits(api, "/Depth", "/Depth/Mid", ...OUS, "/Depth/Mid/Solo");
    await setPolicy(api, "/Depth", { lessSecureApps: "ON" });
    await setPolicy(api, "/Depth/Mid", {
      imapClientAccess: { mode: "OAUTH_ALLOWLIST", allowedOAuthClientIds: [IOS_MAIL] },
    });
    await setPolicy(api, "/Depth/Mid/Ou2", { popAccess: "OFF" });
    await setPolicy(api, "/Depth/Mid/Ou4", { imapAccess: "OFF" });
    for (let start = 0; start < emails.length; start += 20)
      await Promise.all(emails.slice(start, start + 20).map((email, i) => createUser(api, email, ouOf(start + i))));
    await createUser(api, "solo@example.com", "/Depth/Mid/Solo");
  });

  it("user(email) with its effective mail access costs 2 (the API key check rides along with the first read)", async () => {
    const response = await api.gql(USER_ACCESS, { email: "user001@example.com" });
    expect((response.data as any).user.effectiveMailAccess.pop.source).toEqual({
      kind: "SET_HERE",
      orgUnit: { path: "/Depth/Mid/Ou2" },
    });
    expect(response.roundTrips).toBe(2);
    expect((await api.gql(USER_ACCESS, { email: "nobody@example.com" })).roundTrips).toBe(1);
  });

  it("users(emails) with effective mail access and OU waits for 2 round trips for up to 24 users, 3 for 100", async () => {
    const few = await api.gql(USERS_ACCESS, { emails: emails.slice(0, 3) });
    const all = await api.gql(USERS_ACCESS, { emails });
    expect(few.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const users = (all.data as any).users as any[];
    expect(users.map((user) => user.email)).toEqual(emails);
    expect(users.map((user) => user.orgUnit.path)).toEqual(emails.map((_, i) => ouOf(i)));
    expect(users[2].effectiveMailAccess.lessSecureApps.source).toEqual({
      kind: "INHERITED",
      orgUnit: { path: "/Depth" },
    });
    expect(users[3].effectiveMailAccess.imap.source).toEqual({ kind: "SET_HERE", orgUnit: { path: "/Depth/Mid/Ou4" } });
    expect(few.roundTrips).toBe(2);
    expect(few.sequentialRoundTrips).toBe(2);
    // Before the caller is verified, only one batch of 25 is read (the key and 24 users); the other 76 users wait
    // for the key, then all their OUs come in one batch.
    expect(all.sequentialRoundTrips).toBe(3);
    expect(all.roundTrips).toBe(3);
  });

  it("mailAccessDecision costs 2; mailAccessDecisions with 24 inputs as with 2; with 50, one more", async () => {
    const one = await api.gql(
      `query ($input: MailAccessDecisionInput!) { mailAccessDecision(input: $input) { allowed reason } }`,
      { input: decisionInput("user000@example.com", 0) },
    );
    expect(one.data).toEqual({ mailAccessDecision: { allowed: true, reason: "ALLOWED" } });
    const two = await api.gql(DECISIONS, { inputs: emails.slice(0, 2).map(decisionInput) });
    const fifty = await api.gql(DECISIONS, { inputs: emails.slice(0, 50).map(decisionInput) });
    expect(fifty.errors).toBeUndefined();
    const decisions = (fifty.data as any).mailAccessDecisions as any[];
    expect(decisions.map((d) => d.userEmail)).toEqual(emails.slice(0, 50));
    // Even inputs ask for IMAP, odd ones for POP: user001 is in Ou2 (POP off), user003 has POP off in its own settings.
    expect(decisions.slice(0, 4).map((d) => d.reason)).toEqual([
      "ALLOWED",
      "POP_DISABLED",
      "ALLOWED",
      "USER_DISABLED_PROTOCOL",
    ]);
    const twentyFour = await api.gql(DECISIONS, { inputs: emails.slice(0, 24).map(decisionInput) });
    expect(one.roundTrips).toBe(2);
    expect(two.roundTrips).toBe(2);
    expect(twentyFour.roundTrips).toBe(2);
    // The key rides with the first 24 users only: an unverified caller reads one small batch, whatever it asks.
    expect(fifty.roundTrips).toBe(3);
  });

  it("OrgUnit.users(first: 100) with effective mail access costs 3 round trips for 20 users, as for 1", async () => {
    const query = `query ($path: String) { orgUnit(orgUnitPath: $path) {
      users(first: 100) { nodes { email orgUnit { path } ${EFFECTIVE} } } } }`;
    const solo = await api.gql(query, { path: "/Depth/Mid/Solo" });
    const twenty = await api.gql(query, { path: "/Depth/Mid/Ou3" });
    expect((twenty.data as any).orgUnit.users.nodes).toHaveLength(20);
    expect((twenty.data as any).orgUnit.users.nodes[0].effectiveMailAccess.imap).toMatchObject({
      allowedByAdministrator: true,
    });
    expect(solo.roundTrips).toBe(3);
    expect(twenty.roundTrips).toBe(3);
  });

  it("OrgUnit.users(first: 100, includeSubOrgUnits: true): effective mail access adds no round trip", async () => {
    const plain = `{ orgUnit(orgUnitPath: "/Depth/Mid") { users(first: 100, includeSubOrgUnits: true) { nodes { email } } } }`;
    const rich = `{ orgUnit(orgUnitPath: "/Depth/Mid") { users(first: 100, includeSubOrgUnits: true) {
      nodes { email orgUnit { path } ${EFFECTIVE} } } } }`;
    const withoutAccess = await api.gql(plain);
    const withAccess = await api.gql(rich);
    expect((withAccess.data as any).orgUnit.users.nodes).toHaveLength(100);
    expect(withAccess.roundTrips).toBe(withoutAccess.roundTrips);
  });
});

describe("regressions: defects these tests found", () => {
  // OrgUnitStore.subtree costs "none for a leaf, else one per OU with children": a leaf's children are not queried.
  it("OrgUnit.users(includeSubOrgUnits: true) costs no round trip per empty leaf OU of the subtree", async () => {
    const api = await testCustomer();
    const leaves = (parent: string, count: number) => Array.from({ length: count }, (_, i) => `${parent}/Leaf${i}`);
    await createOrgUnits(api, "/Narrow", ...leaves("/Narrow", 1), "/Wide", ...leaves("/Wide", 10));
    await createUser(api, "narrow@example.com", "/Narrow");
    await createUser(api, "wide@example.com", "/Wide");
    const query = `query ($path: String) { orgUnit(orgUnitPath: $path) { users(first: 100, includeSubOrgUnits: true) {
      nodes { email } } } }`;
    const narrow = await api.gql(query, { path: "/Narrow" });
    const wide = await api.gql(query, { path: "/Wide" });
    expect((wide.data as any).orgUnit.users.nodes).toEqual([{ email: "wide@example.com" }]);
    expect(wide.roundTrips, `1 leaf: ${narrow.roundTrips} round trips, 10 leaves: ${wide.roundTrips}`).toBe(
      narrow.roundTrips,
    );
  });

  // The OUs of a page were read one after another: 40 OUs of 2 users took 40 sequential Queries for one page.
  it("OrgUnit.users(includeSubOrgUnits: true) reads a page's OUs side by side: as many steps for 40 OUs as for 2", async () => {
    const api = await testCustomer();
    const spread = (parent: string, count: number) => Array.from({ length: count }, (_, i) => `${parent}/Team${i}`);
    await createOrgUnits(api, "/Few", ...spread("/Few", 2), "/Many", ...spread("/Many", 40));
    for (const path of [...spread("/Few", 2), ...spread("/Many", 40)])
      for (const n of [1, 2])
        await createUser(api, `u${n}.${path.replaceAll("/", "").toLowerCase()}@example.com`, path);
    const query = `query ($path: String, $first: Int, $after: String) { orgUnit(orgUnitPath: $path) {
      users(first: $first, after: $after, includeSubOrgUnits: true) { nodes { email } pageInfo { hasNextPage endCursor } } } }`;
    const few = await api.gql(query, { path: "/Few", first: 4 });
    const many = await api.gql(query, { path: "/Many", first: 80 });
    expect((many.data as any).orgUnit.users.nodes).toHaveLength(80);
    expect((many.data as any).orgUnit.users.pageInfo.hasNextPage).toBe(false);
    expect(many.sequentialRoundTrips, `2 OUs: ${few.sequentialRoundTrips}, 40 OUs: ${many.sequentialRoundTrips}`).toBe(
      few.sequentialRoundTrips,
    );
    // Pages that end inside an OU and between OUs go on exactly where they stopped.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.ok(query, { path: "/Many", first: 7, after })).orgUnit.users;
      seen.push(...page.nodes.map((node: { email: string }) => node.email));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toEqual((many.data as any).orgUnit.users.nodes.map((node: { email: string }) => node.email));
  });

  // updateUser compares expectedVersion before deciding that there is nothing to change; the current name is no change.
  it("updateUser refuses a stale expectedVersion even when the update changes nothing", async () => {
    const api = await testCustomer();
    await createOrgUnits(api, "/Here");
    await createUser(api, "pat@example.com", "/Here", "Pat");
    await api.ok(UPDATE_USER, { input: { email: "pat@example.com", name: "Pat Lee" } });
    for (const input of [
      { email: "pat@example.com", expectedVersion: 1 },
      { email: "pat@example.com", orgUnitPath: "/Here", expectedVersion: 1 },
    ]) {
      const error = errorOf(await api.gql(UPDATE_USER, { input }));
      expect(error.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    }
  });

  it("updateUser with the user's current name changes nothing and keeps the version", async () => {
    const api = await testCustomer();
    await createOrgUnits(api, "/Here");
    const before = await createUser(api, "quinn@example.com", "/Here", "Quinn");
    const { updateUser } = await api.ok(UPDATE_USER, { input: { email: "quinn@example.com", name: "Quinn" } });
    expect(updateUser.user).toEqual(before);
  });
});
