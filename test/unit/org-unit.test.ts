/** The pure rules of the OU tree: names, paths, moves, and how stored records resolve into a consistent view. */
import { describe, expect, it } from "vitest";
import {
  assertCanHaveChild,
  assertNotRoot,
  joinPath,
  MAX_DEPTH,
  MAX_NAME_LENGTH,
  parsePath,
  pathKey,
  resolveChain,
  toView,
  validateMove,
  validateName,
  type ChainResolution,
  type OrgUnit,
  type OrgUnitRecord,
} from "../../functions/domain/org-unit";
import { apiErrorThrownBy, badInputMessage } from "./support";

const CREATED_AT = "2024-05-01T10:00:00.000Z";
const UPDATED_AT = "2024-05-02T11:30:00.000Z";

function record(
  id: string,
  name: string,
  parentId: string | null,
  ancestorIds: string[],
  extra: Partial<OrgUnitRecord> = {},
): OrgUnitRecord {
  return {
    id,
    name,
    description: null,
    parentId,
    ancestorIds,
    childCount: 0,
    userCount: 0,
    ownSettingsCounts: {},
    mailAccessPolicy: {},
    policyChangedAt: null,
    version: 1,
    createdAt: CREATED_AT,
    updatedAt: UPDATED_AT,
    ...extra,
  };
}

const fetchedOf = (...records: OrgUnitRecord[]) => new Map(records.map((r) => [r.id, r]));

/** The views of a chain root → L1 → L2 → … → L`depth`, each the parent of the next. */
function chainOfViews(depth: number): OrgUnit[] {
  const views: OrgUnit[] = [];
  for (let level = 0; level <= depth; level += 1) {
    const parent = views[level - 1];
    const ancestorIds = parent === undefined ? [] : [...parent.ancestors.map((a) => a.id), parent.id];
    views.push(toView(record(`level-${level}`, `L${level}`, parent?.id ?? null, ancestorIds), parent));
  }
  return views;
}

function resolvedView(resolution: ChainResolution): OrgUnit {
  if (resolution.kind !== "resolved") throw new Error(`expected a resolved chain, got ${JSON.stringify(resolution)}`);
  return resolution.orgUnit;
}

const pathOf = (depth: number) => "/" + Array.from({ length: depth }, (_, i) => `L${i + 1}`).join("/");

describe("validateName", () => {
  it("returns the name trimmed", () => {
    expect(validateName("Sales")).toBe("Sales");
    expect(validateName("  Sales EMEA \t\n")).toBe("Sales EMEA");
  });

  it("accepts letters beyond ASCII, spaces and punctuation inside the name", () => {
    expect(validateName("Ventes – Île-de-France (Nord)")).toBe("Ventes – Île-de-France (Nord)");
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["only whitespace", " \t\n "],
  ])("refuses a name that is %s", (_, raw) => {
    expect(badInputMessage(() => validateName(raw), "name")).toMatch(/must not be empty/);
  });

  it(`accepts exactly ${MAX_NAME_LENGTH} characters, counted after trimming`, () => {
    const longest = "x".repeat(MAX_NAME_LENGTH);
    expect(validateName(longest)).toBe(longest);
    expect(validateName(`  ${longest}  `)).toBe(longest);
  });

  it(`refuses ${MAX_NAME_LENGTH + 1} characters`, () => {
    const message = badInputMessage(() => validateName("x".repeat(MAX_NAME_LENGTH + 1)), "name");
    expect(message).toContain(`at most ${MAX_NAME_LENGTH} characters; got ${MAX_NAME_LENGTH + 1}`);
  });

  it("refuses a name far longer as sent, even if trimming would leave a valid one", () => {
    const message = badInputMessage(() => validateName(`${" ".repeat(200_000)}Sales`), "name");
    expect(message).toContain(`at most ${MAX_NAME_LENGTH} characters; got 200005`);
  });

  it.each(["Sales/EMEA", "/Sales", "Sales/"])('refuses "/" anywhere in the name: %j', (raw) => {
    expect(badInputMessage(() => validateName(raw), "name")).toMatch(/must not contain "\/"/);
  });

  it.each([
    ["NUL", "Sa\u0000les"],
    ["tab", "Sa\tles"],
    ["line feed", "Sales\nEMEA"],
    ["unit separator (U+001F)", "Sales\u001f"],
    ["DEL (U+007F)", "\u007fSales"],
  ])("refuses a control character inside the name: %s", (_, raw) => {
    expect(badInputMessage(() => validateName(raw), "name")).toMatch(/control characters/);
  });

  it("names the given field in the error", () => {
    expect(badInputMessage(() => validateName(" ", "newName"), "newName")).toMatch(/must not be empty/);
    expect(badInputMessage(() => validateName("a/b", "input.name"), "input.name")).toMatch(/"\/"/);
  });
});

describe("parsePath", () => {
  it('reads the root "/" as no names', () => {
    expect(parsePath("/")).toEqual([]);
  });

  it("splits a path into its names, keeping their case", () => {
    expect(parsePath("/Sales")).toEqual(["Sales"]);
    expect(parsePath("/Sales/EMEA")).toEqual(["Sales", "EMEA"]);
    expect(parsePath("/sales/Paris Office")).toEqual(["sales", "Paris Office"]);
  });

  it.each(["", "Sales", "Sales/EMEA", " /Sales"])('refuses a path that does not start with "/": %j', (raw) => {
    expect(badInputMessage(() => parsePath(raw), "path")).toMatch(/starts with "\/"/);
  });

  it.each(["/Sales/", "//", "/Sales//EMEA", "//Sales"])("refuses a trailing slash or an empty name: %j", (raw) => {
    expect(badInputMessage(() => parsePath(raw), "path")).toMatch(/no empty names and no trailing "\/"/);
  });

  it(`accepts ${MAX_DEPTH} levels`, () => {
    expect(parsePath(pathOf(MAX_DEPTH))).toHaveLength(MAX_DEPTH);
  });

  it(`refuses ${MAX_DEPTH + 1} levels`, () => {
    const message = badInputMessage(() => parsePath(pathOf(MAX_DEPTH + 1)), "path");
    expect(message).toContain(`at most ${MAX_DEPTH} levels deep`);
    expect(message).toContain(`has ${MAX_DEPTH + 1}`);
  });

  it("refuses a name with surrounding whitespace, which no OU can have", () => {
    expect(badInputMessage(() => parsePath("/ Sales"), "path")).toMatch(/not a valid organizational unit name/);
    expect(badInputMessage(() => parsePath("/Sales/EMEA "), "path")).toMatch(/"EMEA "/);
  });

  it(`accepts a name of ${MAX_NAME_LENGTH} characters and refuses a longer one`, () => {
    expect(parsePath(`/${"x".repeat(MAX_NAME_LENGTH)}`)).toEqual(["x".repeat(MAX_NAME_LENGTH)]);
    badInputMessage(() => parsePath(`/Sales/${"x".repeat(MAX_NAME_LENGTH + 1)}`), "path");
  });

  it("names the given field in the error", () => {
    badInputMessage(() => parsePath("Sales", "parentOrgUnitPath"), "parentOrgUnitPath");
  });
});

describe("joinPath", () => {
  it("puts a child of the root directly under /", () => {
    expect(joinPath("/", "Sales")).toBe("/Sales");
  });

  it("separates a deeper child from its parent's path with /", () => {
    expect(joinPath("/Sales", "EMEA")).toBe("/Sales/EMEA");
    expect(joinPath("/Sales/EMEA", "Paris")).toBe("/Sales/EMEA/Paris");
  });

  it("builds the paths parsePath reads back", () => {
    const path = ["Sales", "EMEA", "Paris"].reduce(joinPath, "/");
    expect(parsePath(path)).toEqual(["Sales", "EMEA", "Paris"]);
  });
});

describe("pathKey", () => {
  it("is the same for paths that differ only in case", () => {
    expect(pathKey("/Sales/EMEA")).toBe(pathKey("/sales/emea"));
    expect(pathKey("/SALES")).toBe(pathKey("/Sales"));
  });

  it("is lower case and otherwise the path itself", () => {
    expect(pathKey("/Sales/EMEA")).toBe("/sales/emea");
    expect(pathKey("/")).toBe("/");
  });

  it("differs for different paths", () => {
    expect(pathKey("/Sales/EMEA")).not.toBe(pathKey("/Sales/APAC"));
  });
});

describe("toView", () => {
  const root = record("root", "Example Org", null, []);
  const sales = record("sales", "Sales", "root", ["root"], {
    description: "Sales teams",
    childCount: 2,
    version: 7,
  });

  it("makes a record without a parent view the root: path /, depth 0, no ancestors", () => {
    expect(toView(root, undefined)).toEqual({
      id: "root",
      name: "Example Org",
      description: null,
      path: "/",
      depth: 0,
      parentId: null,
      ancestors: [],
      childCount: 0,
      userCount: 0,
      ownSettingsCounts: {},
      mailAccessPolicy: {},
      policyChangedAt: null,
      version: 1,
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    });
  });

  it("places a record under its parent's view and copies its own fields", () => {
    const rootView = toView(root, undefined);
    expect(toView(sales, rootView)).toEqual({
      id: "sales",
      name: "Sales",
      description: "Sales teams",
      path: "/Sales",
      depth: 1,
      parentId: "root",
      ancestors: [rootView],
      childCount: 2,
      userCount: 0,
      ownSettingsCounts: {},
      mailAccessPolicy: {},
      policyChangedAt: null,
      version: 7,
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    });
  });

  it("lists ancestors root first, parent last", () => {
    const rootView = toView(root, undefined);
    const salesView = toView(sales, rootView);
    const emea = toView(record("emea", "EMEA", "sales", ["root", "sales"]), salesView);
    expect(emea.path).toBe("/Sales/EMEA");
    expect(emea.depth).toBe(2);
    expect(emea.ancestors).toEqual([rootView, salesView]);
  });

  it("leaves out the bookkeeping of restructurings in progress", () => {
    const pending = record("emea", "EMEA", "sales", ["root", "sales"], { pendingOp: { opId: "op-1" } });
    const view = toView(pending, toView(sales, toView(root, undefined)));
    expect(view).not.toHaveProperty("pendingOp");
    expect(view).not.toHaveProperty("ancestorIds");
  });
});

describe("validateMove", () => {
  // root ─┬─ Sales ── EMEA ── Paris
  //       └─ HR
  const [rootView, sales, emea, paris] = resolvedChainViews();
  const hr = toView(record("hr", "HR", "root", ["root"]), rootView);

  function resolvedChainViews(): [OrgUnit, OrgUnit, OrgUnit, OrgUnit] {
    const records = [
      record("root", "Example Org", null, []),
      record("sales", "Sales", "root", ["root"]),
      record("emea", "EMEA", "sales", ["root", "sales"]),
      record("paris", "Paris", "emea", ["root", "sales", "emea"]),
    ];
    const deepest = resolvedView(resolveChain(records[3] as OrgUnitRecord, fetchedOf(...records)));
    return [...deepest.ancestors, deepest] as [OrgUnit, OrgUnit, OrgUnit, OrgUnit];
  }

  it("builds the fixture it means to", () => {
    expect([rootView, sales, emea, paris, hr].map((v) => v.path)).toEqual([
      "/",
      "/Sales",
      "/Sales/EMEA",
      "/Sales/EMEA/Paris",
      "/HR",
    ]);
  });

  it("refuses moving an OU under itself", () => {
    const message = badInputMessage(() => validateMove(sales, sales, 2), "parentOrgUnitPath");
    expect(message).toBe('Cannot move "/Sales" under itself or one of its descendants ("/Sales").');
  });

  it("refuses moving an OU under its child or a deeper descendant", () => {
    const underChild = badInputMessage(() => validateMove(sales, emea, 2), "parentOrgUnitPath");
    expect(underChild).toContain("under itself or one of its descendants");
    badInputMessage(() => validateMove(sales, paris, 2), "parentOrgUnitPath");
    badInputMessage(() => validateMove(emea, paris, 1), "parentOrgUnitPath");
  });

  it("accepts moving an OU under another branch, up to the root, or under its current parent", () => {
    expect(() => validateMove(emea, hr, 1)).not.toThrow();
    expect(() => validateMove(paris, rootView, 0)).not.toThrow();
    expect(() => validateMove(hr, sales, 0)).not.toThrow();
    expect(() => validateMove(paris, emea, 0)).not.toThrow();
  });

  describe(`keeps the tree at most ${MAX_DEPTH} levels deep`, () => {
    const deep = chainOfViews(MAX_DEPTH);
    const at = (depth: number) => deep[depth] as OrgUnit;

    it("accepts a subtree whose deepest OU lands exactly at the limit", () => {
      expect(() => validateMove(hr, at(30), 4)).not.toThrow(); // 30 + 1 + 4 = 35
      expect(() => validateMove(hr, at(MAX_DEPTH - 1), 0)).not.toThrow();
    });

    it("refuses a subtree whose deepest OU would land one level beyond the limit", () => {
      const message = badInputMessage(() => validateMove(hr, at(30), 5), "parentOrgUnitPath");
      expect(message).toContain(`would make the tree ${MAX_DEPTH + 1} levels deep; at most ${MAX_DEPTH} are allowed`);
      expect(message).toContain('Moving "/HR" under "' + pathOf(30) + '"');
    });

    it("refuses even a leaf under an OU already at the limit", () => {
      badInputMessage(() => validateMove(hr, at(MAX_DEPTH), 0), "parentOrgUnitPath");
    });

    it("checks ancestry before depth", () => {
      const message = badInputMessage(() => validateMove(at(1), at(MAX_DEPTH), 40), "parentOrgUnitPath");
      expect(message).toContain("under itself or one of its descendants");
    });
  });
});

describe("assertNotRoot", () => {
  const [rootView, sales] = chainOfViews(1) as [OrgUnit, OrgUnit];

  it("refuses the root with FAILED_PRECONDITION, saying what cannot be done", () => {
    const error = apiErrorThrownBy(() => assertNotRoot(rootView, "deleted"));
    expect(error.code).toBe("FAILED_PRECONDITION");
    expect(error.message).toBe("The root organizational unit cannot be deleted.");
    expect(error.details).toEqual({});
  });

  it("accepts any other OU", () => {
    expect(() => assertNotRoot(sales, "moved")).not.toThrow();
  });
});

describe("assertCanHaveChild", () => {
  const deep = chainOfViews(MAX_DEPTH);

  it(`accepts a parent at the root or down to depth ${MAX_DEPTH - 1}`, () => {
    expect(() => assertCanHaveChild(deep[0] as OrgUnit)).not.toThrow();
    expect(() => assertCanHaveChild(deep[MAX_DEPTH - 1] as OrgUnit)).not.toThrow();
  });

  it(`refuses a parent at depth ${MAX_DEPTH}, naming parentOrgUnitPath`, () => {
    const message = badInputMessage(() => assertCanHaveChild(deep[MAX_DEPTH] as OrgUnit), "parentOrgUnitPath");
    expect(message).toBe(`The OU tree is at most ${MAX_DEPTH} levels deep; "${pathOf(MAX_DEPTH)}" is at the limit.`);
  });
});

describe("resolveChain", () => {
  // root ── A ── B ── C, and root ── X, which B is moved under in the staged-move cases.
  const root = record("root", "Example Org", null, []);
  const a = record("a", "A", "root", ["root"]);
  const b = record("b", "B", "a", ["root", "a"], { childCount: 1, version: 3 });
  const c = record("c", "C", "b", ["root", "a", "b"], { description: "Leaf", version: 5 });
  const x = record("x", "X", "root", ["root"]);

  describe("a settled tree", () => {
    it("resolves the view of a deep OU with its path, depth and ancestors root first", () => {
      const view = resolvedView(resolveChain(c, fetchedOf(root, a, b)));
      expect(view).toMatchObject({
        id: "c",
        name: "C",
        description: "Leaf",
        path: "/A/B/C",
        depth: 3,
        parentId: "b",
        childCount: 0,
        version: 5,
        createdAt: CREATED_AT,
        updatedAt: UPDATED_AT,
      });
      expect(view.ancestors.map((o) => [o.id, o.path, o.depth])).toEqual([
        ["root", "/", 0],
        ["a", "/A", 1],
        ["b", "/A/B", 2],
      ]);
    });

    it("gives every ancestor its own consistent chain of ancestors", () => {
      const view = resolvedView(resolveChain(c, fetchedOf(root, a, b)));
      const parent = view.ancestors.at(-1) as OrgUnit;
      expect(parent).toMatchObject({ id: "b", childCount: 1, version: 3, parentId: "a" });
      expect(parent.ancestors.map((o) => o.path)).toEqual(["/", "/A"]);
      expect(parent.ancestors[1]?.ancestors.map((o) => o.path)).toEqual(["/"]);
    });

    it("ignores fetched records that are not in the chain, including the OU itself", () => {
      const view = resolvedView(resolveChain(c, fetchedOf(root, a, b, c, x)));
      expect(view.path).toBe("/A/B/C");
    });

    it("resolves the root without any fetched records", () => {
      const view = resolvedView(resolveChain(root, new Map()));
      expect(view).toMatchObject({ id: "root", path: "/", depth: 0, parentId: null, ancestors: [] });
    });

    it("resolves a child of the root", () => {
      expect(resolvedView(resolveChain(a, fetchedOf(root))).path).toBe("/A");
    });
  });

  describe("missing records", () => {
    it("reports the missing parent, and the ancestors the lowest record read names, to read in one batch", () => {
      expect(resolveChain(c, fetchedOf(root))).toEqual({ kind: "missing", ids: ["b", "a"] });
      expect(resolveChain(c, fetchedOf(a))).toEqual({ kind: "missing", ids: ["b", "root"] });
      expect(resolveChain(c, fetchedOf(b))).toEqual({ kind: "missing", ids: ["a", "root"] });
    });

    it("reports the whole chain when nothing was fetched", () => {
      expect(resolveChain(c, new Map())).toEqual({ kind: "missing", ids: ["b", "root", "a"] });
    });
  });

  describe("parent links decide; ancestor ids are hints", () => {
    it("follows a parent that moved, whatever the ancestor ids of the records below it say", () => {
      // B was moved under X (its record committed); C's ancestor ids still name A (cleanup not yet done).
      const bMoved = record("b", "B", "x", ["root", "x"], { version: 4 });
      const view = resolvedView(resolveChain(c, fetchedOf(root, a, x, bMoved)));
      expect(view.path).toBe("/X/B/C");
      expect(view.ancestors.map((o) => [o.id, o.path])).toEqual([
        ["root", "/"],
        ["x", "/X"],
        ["b", "/X/B"],
      ]);
    });

    it("asks for the new parent when the hints did not name it, with that record's own hints", () => {
      const bMoved = record("b", "B", "x", ["root", "x"], { version: 4 });
      expect(resolveChain(c, fetchedOf(root, a, bMoved))).toEqual({ kind: "missing", ids: ["x"] });
    });

    it("shows an OU where the record of its moved ancestor, as read, puts it: before the move if read before", () => {
      // C's ancestor ids were brought up to date after B's move, but this request read B before the move.
      const cAfterCleanup = record("c", "C", "b", ["root", "x", "b"]);
      expect(resolvedView(resolveChain(cAfterCleanup, fetchedOf(root, a, x, b))).path).toBe("/A/B/C");
    });

    it("ignores the root's own ancestor ids and any record not on the chain", () => {
      expect(resolvedView(resolveChain(c, fetchedOf(root, a, b, x))).path).toBe("/A/B/C");
    });
  });

  describe("links that no tree has", () => {
    it("is broken when parent links go round in a circle", () => {
      const aUnderC = record("a", "A", "c", []);
      expect(resolveChain(c, fetchedOf(aUnderC, b))).toEqual({ kind: "broken" });
    });

    it("is broken when the chain is deeper than any tree may be", () => {
      const chain = Array.from({ length: MAX_DEPTH + 3 }, (_, i) =>
        record(`n${i}`, `N${i}`, i === 0 ? null : `n${i - 1}`, []),
      );
      expect(resolveChain(chain.at(-1) as OrgUnitRecord, fetchedOf(...chain))).toEqual({ kind: "broken" });
    });
  });
});
