/**
 * The rules of configuration groups (functions/domain/groups.ts): resolution of a user's settings over groups ×
 * priority × OU inheritance, checked in cases and, property-based, against a direct reference implementation written
 * from the words; the nesting (cycles, levels, closure); what a member's item keeps; group names and addresses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertCanNest,
  byPriority,
  groupsInEffect,
  memberGroups,
  MAX_NESTING_LEVELS,
  nestingOf,
  validateGroupDescription,
  validateGroupEmail,
  validateGroupName,
  withGroups,
  type GroupNode,
  type PolicyGroup,
} from "../../functions/domain/groups";
import {
  DEFAULT_POLICY,
  effectiveMailAccess,
  SETTING_KEYS,
  type MailAccessPolicy,
  type PolicyNode,
  type SettingKey,
} from "../../functions/domain/mail-access";
import { apiErrorThrownBy, badInputMessage } from "./support";

const NOW = new Date("2025-03-02T08:00:00.000Z");

const ou = (path: string, mailAccessPolicy: MailAccessPolicy = {}, policyChangedAt: string | null = null) => ({
  id: `id:${path}`,
  path,
  mailAccessPolicy,
  policyChangedAt,
});

interface TestGroup extends GroupNode, PolicyGroup {
  name: string;
}

const group = (
  name: string,
  mailAccessPolicy: MailAccessPolicy = {},
  parentGroupIds: string[] = [],
  policyChangedAt: string | null = null,
): TestGroup => ({ id: name, name, parentGroupIds, mailAccessPolicy, policyChangedAt });

/** The source of each setting as "GROUP <name>", "SET_HERE <path>", "INHERITED <path>" or "DEFAULT". */
function sources(effective: ReturnType<typeof withGroups<PolicyNode, TestGroup>>): Record<SettingKey, string> {
  return Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const source = effective[key].source;
      const shown =
        source.kind === "GROUP"
          ? `GROUP ${source.group.name}`
          : source.kind === "DEFAULT"
            ? "DEFAULT"
            : `${source.kind} ${source.orgUnit.path}`;
      return [key, shown];
    }),
  ) as Record<SettingKey, string>;
}

describe("withGroups: a user's settings over their groups and OU", () => {
  const sales = effectiveMailAccess([ou("/"), ou("/Sales", { imapAccess: false })], NOW);

  it("without groups, is the OU's effective settings", () => {
    const effective = withGroups(sales, [], NOW);
    expect(effective.imapAccess).toEqual(sales.imapAccess);
    expect(sources(effective)).toEqual({
      popAccess: "DEFAULT",
      imapAccess: "SET_HERE /Sales",
      imapClientAccess: "DEFAULT",
      lessSecureApps: "DEFAULT",
    });
  });

  it("a group's setting overrides the OU's, setting by setting; what it does not set is left to the OU", () => {
    const exceptions = group("imap-exceptions", { imapAccess: true });
    const effective = withGroups(sales, [exceptions], NOW);
    expect(effective.imapAccess.value).toBe(true);
    expect(effective.imapAccess.source).toEqual({ kind: "GROUP", orgUnit: null, group: exceptions });
    expect(sources(effective)).toMatchObject({ popAccess: "DEFAULT", imapAccess: "GROUP imap-exceptions" });
  });

  it("for each setting, the highest-priority group that sets it wins", () => {
    const high = group("high", { imapAccess: false });
    const low = group("low", { imapAccess: true, popAccess: false });
    const effective = withGroups(sales, [high, low], NOW);
    expect(effective.imapAccess.value).toBe(false);
    expect(effective.popAccess.value).toBe(false);
    expect(sources(effective)).toMatchObject({ imapAccess: "GROUP high", popAccess: "GROUP low" });
    // The same groups the other way round.
    expect(sources(withGroups(sales, [low, high], NOW))).toMatchObject({ imapAccess: "GROUP low" });
  });

  it("propagation counts the latest change of the OU chain, the groups and the memberships", () => {
    const chain = effectiveMailAccess([ou("/", {}, "2025-03-01T00:00:00.000Z")], NOW);
    const changed = group("g", {}, [], "2025-03-01T06:00:00.000Z");
    expect(withGroups(chain, [changed], NOW).propagation).toEqual({
      lastChangedAt: "2025-03-01T06:00:00.000Z",
      completeBy: "2025-03-02T06:00:00.000Z",
      pending: false,
    });
    expect(withGroups(chain, [changed], NOW, "2025-03-02T07:00:00.000Z").propagation).toMatchObject({
      lastChangedAt: "2025-03-02T07:00:00.000Z",
      pending: true,
    });
  });
});

describe("groupsInEffect: the groups a member is in, directly or through nesting", () => {
  const groups = new Map(
    [
      group("team", {}, ["sales-all", "imap-exceptions"]),
      group("sales-all", {}, ["everyone"]),
      group("imap-exceptions", {}, ["everyone"]),
      group("everyone"),
    ].map((g) => [g.id, g]),
  );

  it("follows the nesting up, each group with the shortest path from a direct group to it", () => {
    const { paths, missing } = groupsInEffect(["team"], (id) => groups.get(id));
    expect(missing).toEqual([]);
    expect([...paths.keys()].sort()).toEqual(["everyone", "imap-exceptions", "sales-all", "team"]);
    expect(paths.get("everyone")?.map((g) => g.name)).toEqual(["team", "sales-all", "everyone"]);
    expect(paths.get("team")?.map((g) => g.name)).toEqual(["team"]);
  });

  it("names the groups still to read, and skips deleted ones and what lies above them only through them", () => {
    const { paths, missing } = groupsInEffect(["team"], (id) =>
      id === "sales-all" ? null : id === "imap-exceptions" ? undefined : groups.get(id),
    );
    expect([...paths.keys()]).toEqual(["team"]);
    expect(missing).toEqual(["imap-exceptions"]);
  });

  it("sorts groups by their place in the priority order", () => {
    const order = ["imap-exceptions", "team", "everyone", "sales-all"];
    expect(byPriority([...groups.values()], order).map((g) => g.id)).toEqual(order);
  });
});

describe("nesting", () => {
  // a ⊂ b ⊂ c, a ⊂ d
  const nodes = [group("a", {}, ["b", "d"]), group("b", {}, ["c"]), group("c"), group("d")];

  it("derives ancestors, descendants, levels and heights from the direct memberships", () => {
    const nesting = nestingOf(nodes);
    expect(nesting.get("a")).toEqual({
      ancestorGroupIds: ["b", "c", "d"],
      descendantGroupIds: [],
      level: 3,
      height: 1,
    });
    expect(nesting.get("c")).toEqual({ ancestorGroupIds: [], descendantGroupIds: ["a", "b"], level: 1, height: 3 });
    expect(nesting.get("d")).toMatchObject({ descendantGroupIds: ["a"], level: 1, height: 2 });
  });

  it("ignores memberships of groups that no longer exist", () => {
    expect(nestingOf([group("a", {}, ["gone"])]).get("a")).toEqual({
      ancestorGroupIds: [],
      descendantGroupIds: [],
      level: 1,
      height: 1,
    });
  });

  it("refuses a group in itself, a cycle, and more than 10 levels", () => {
    const nesting = nestingOf(nodes);
    const node = (id: string) => ({
      id,
      name: id,
      ...(nesting.get(id) as NonNullable<ReturnType<typeof nesting.get>>),
    });
    expect(badInputMessage(() => assertCanNest(node("a"), node("a"), "groupIds[0]"), "groupIds[0]")).toContain(
      "itself",
    );
    // c is above a: a cannot take c in.
    expect(badInputMessage(() => assertCanNest(node("a"), node("c"), "groupIds[0]"), "groupIds[0]")).toContain("cycle");
    expect(() => assertCanNest(node("c"), node("d"), "groupIds[0]")).not.toThrow();
    const deep = { id: "deep", name: "deep", level: MAX_NESTING_LEVELS - 1 };
    expect(() => assertCanNest(deep, { ...node("d"), height: 1 }, "groupIds[0]")).not.toThrow();
    const tooDeep = apiErrorThrownBy(() => assertCanNest(deep, node("d"), "groupIds[0]"));
    expect(tooDeep.details).toMatchObject({ field: "groupIds[0]", maxLevels: 10 });
    expect(tooDeep.message).toContain("at most 10 levels");
  });

  it("a member's item keeps its groups in effect and the settings they override", () => {
    const policies: Record<string, MailAccessPolicy> = { c: { imapAccess: true }, d: { popAccess: false } };
    expect(memberGroups(["a"], nestingOf(nodes), (id) => policies[id])).toEqual({
      effectiveGroupIds: ["a", "b", "c", "d"],
      groupOverrides: ["popAccess", "imapAccess"],
    });
    expect(memberGroups(["b", "gone"], nestingOf(nodes), (id) => policies[id])).toEqual({
      effectiveGroupIds: ["b", "c"],
      groupOverrides: ["imapAccess"],
    });
  });
});

describe("group names, addresses and descriptions", () => {
  it("bounds names to 100 characters and trims them", () => {
    expect(validateGroupName("  imap-exceptions ")).toBe("imap-exceptions");
    expect(apiErrorThrownBy(() => validateGroupName("x".repeat(101))).details).toMatchObject({
      field: "name",
      maxLength: 100,
    });
    badInputMessage(() => validateGroupName(" "), "name");
  });

  it("takes an address in one of the customer's domains, lower-cased; empty clears it", () => {
    expect(validateGroupEmail("IMAP@Example.com", ["example.com"])).toBe("imap@example.com");
    expect(validateGroupEmail("", ["example.com"])).toBeNull();
    badInputMessage(() => validateGroupEmail("imap@other.com", ["example.com"]), "email");
  });

  it("bounds descriptions to 1000 characters; empty clears it", () => {
    expect(validateGroupDescription("line 1\nline 2")).toBe("line 1\nline 2");
    expect(validateGroupDescription("")).toBeNull();
    expect(apiErrorThrownBy(() => validateGroupDescription("x".repeat(1001))).details).toMatchObject({
      field: "description",
      maxLength: 1000,
    });
  });
});

// ---- property: against a direct reference implementation ------------------------------------------------------

const toggle = fc.option(fc.boolean(), { nil: undefined });
const policyArbitrary: fc.Arbitrary<MailAccessPolicy> = fc
  .record({
    popAccess: toggle,
    imapAccess: toggle,
    lessSecureApps: toggle,
    imapClientAccess: fc.option(
      fc.oneof(
        fc.constant({ mode: "ANY_CLIENT" as const, allowedOAuthClientIds: [] }),
        fc.record({
          mode: fc.constant("OAUTH_ALLOWLIST" as const),
          allowedOAuthClientIds: fc.subarray(["1-a.apps.googleusercontent.com", "2-b.apps.googleusercontent.com"]),
        }),
      ),
      { nil: undefined },
    ),
  })
  .map((policy) => Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined)) as MailAccessPolicy);

/**
 * A world: an OU chain, up to 8 groups where group i may only be inside groups of a higher index (so the nesting has
 * no cycle), a random priority order, and a user's direct groups.
 */
const worldArbitrary = fc
  .record({
    chain: fc.array(policyArbitrary, { minLength: 1, maxLength: 4 }),
    groups: fc.array(fc.record({ policy: policyArbitrary, parents: fc.array(fc.nat({ max: 7 }), { maxLength: 3 }) }), {
      maxLength: 8,
    }),
    seed: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    direct: fc.array(fc.nat({ max: 7 }), { maxLength: 3 }),
  })
  .map(buildWorld);

type World = ReturnType<typeof buildWorld>;

function buildWorld({
  chain,
  groups,
  seed,
  direct,
}: {
  chain: MailAccessPolicy[];
  groups: { policy: MailAccessPolicy; parents: number[] }[];
  seed: number[];
  direct: number[];
}) {
  const ids = groups.map((_, i) => `g${i}`);
  const nodes: TestGroup[] = groups.map(({ policy, parents }, i) =>
    group(`g${i}`, policy, [...new Set(parents.filter((p) => p > i && p < groups.length).map((p) => `g${p}`))], null),
  );
  const order = [...ids].sort((a, b) => (seed[Number(a.slice(1))] ?? 0) - (seed[Number(b.slice(1))] ?? 0));
  const directIds = [...new Set(direct.filter((d) => d < groups.length).map((d) => `g${d}`))];
  const orgUnits = chain.map((policy, i) => ou(i === 0 ? "/" : `/L${i}`, policy));
  return { nodes, order, directIds, orgUnits };
}

/** The groups a user is in: reachable from a direct group by following memberships upward (written plainly). */
function reachable(nodes: readonly TestGroup[], directIds: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    const node = nodes.find((n) => n.id === id);
    if (node === undefined) return;
    found.add(id);
    node.parentGroupIds.forEach(visit);
  };
  directIds.forEach(visit);
  return found;
}

/** The rule, as written: the highest-priority group in effect that sets it; else the OU chain's, else default. */
function reference(world: World, key: SettingKey): { value: unknown; source: string } {
  const inEffect = reachable(world.nodes, world.directIds);
  const candidates = world.nodes
    .filter((node) => inEffect.has(node.id) && node.mailAccessPolicy[key] !== undefined)
    .map((node) => ({ node, rank: world.order.indexOf(node.id) }))
    .sort((a, b) => a.rank - b.rank);
  const first = candidates[0];
  if (first !== undefined) return { value: first.node.mailAccessPolicy[key], source: `GROUP ${first.node.id}` };
  for (let i = world.orgUnits.length - 1; i >= 0; i -= 1) {
    const orgUnit = world.orgUnits[i] as PolicyNode;
    const value = orgUnit.mailAccessPolicy[key];
    if (value !== undefined)
      return { value, source: `${i === world.orgUnits.length - 1 ? "SET_HERE" : "INHERITED"} ${orgUnit.path}` };
  }
  return { value: DEFAULT_POLICY[key], source: "DEFAULT" };
}

/** The longest chain of groups through `id`, upward or downward, counted plainly by trying every path. */
function longestChain(nodes: readonly TestGroup[], id: string, direction: "up" | "down"): number {
  const next = (at: string) =>
    direction === "up"
      ? (nodes.find((n) => n.id === at)?.parentGroupIds ?? [])
      : nodes.filter((n) => n.parentGroupIds.includes(at)).map((n) => n.id);
  return 1 + Math.max(0, ...next(id).map((other) => longestChain(nodes, other, direction)));
}

describe("property: resolution and nesting match a direct reference implementation", () => {
  it("every setting's value and source, the groups in effect, and a member's derived fields", () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const byId = new Map(world.nodes.map((n) => [n.id, n]));
        const { paths, missing } = groupsInEffect(world.directIds, (id) => byId.get(id));
        expect(missing).toEqual([]);
        const inEffect = reachable(world.nodes, world.directIds);
        expect(new Set(paths.keys())).toEqual(inEffect);
        // Every path starts at a direct group and climbs by memberships to its group.
        for (const [id, path] of paths) {
          expect(world.directIds).toContain(path[0]?.id);
          expect(path.at(-1)?.id).toBe(id);
          path.slice(1).forEach((g, i) => expect(path[i]?.parentGroupIds).toContain(g.id));
        }
        const groups = byPriority(
          [...paths.values()].map((path) => path.at(-1) as TestGroup),
          world.order,
        );
        const effective = withGroups(effectiveMailAccess(world.orgUnits, NOW), groups, NOW);
        const shown = sources(effective);
        for (const key of SETTING_KEYS) {
          const expected = reference(world, key);
          expect(effective[key].value).toEqual(expected.value);
          expect(shown[key]).toBe(expected.source);
        }
        const nesting = nestingOf(world.nodes);
        for (const node of world.nodes) {
          const own = nesting.get(node.id);
          expect(new Set(own?.ancestorGroupIds)).toEqual(
            new Set([...reachable(world.nodes, [node.id])].filter((id) => id !== node.id)),
          );
          expect(own?.level).toBe(longestChain(world.nodes, node.id, "up"));
          expect(own?.height).toBe(longestChain(world.nodes, node.id, "down"));
        }
        const derived = memberGroups(world.directIds, nesting, (id) => byId.get(id)?.mailAccessPolicy);
        expect(derived.effectiveGroupIds).toEqual([...inEffect].sort());
        expect(derived.groupOverrides).toEqual(
          SETTING_KEYS.filter((key) => [...inEffect].some((id) => byId.get(id)?.mailAccessPolicy[key] !== undefined)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
