/**
 * Seeds the benchmark's organization straight through the stores (functions/store), in parallel, writing the changes
 * they build without audit events (set-up, not changes anyone makes): a customer with its
 * API key, a "spine" of OUs 35 levels deep (/s1/s2/…/s35, users at every level), a bushy tree of departments around it,
 * and thousands of users spread over all OUs, a share of them in configuration groups, some nested (./seed-groups.ts).
 * Writes that touch the same record (an OU's or a group's child or user count) are made one after the other,
 * everything else in parallel.
 */
import { loadConfig, type Config } from "../functions/config";
import type { Customer } from "../functions/domain/customer";
import type { OrgUnit } from "../functions/domain/org-unit";
import { seedCustomer } from "../functions/local/seed";
import { createDocumentClient, Db } from "../functions/store/db";
import { OrgUnitStore } from "../functions/store/org-units/reads";
import { OrgUnitWrites } from "../functions/store/org-units/writes";
import { transact } from "../functions/store/transaction";
import type { Change } from "../functions/store/unit-of-work";
import { ensureTable } from "../functions/store/table";
import { UserStore } from "../functions/store/users";
import { pool, retrying } from "./parallel";
import { seedGroups, type GroupPlan, type SeededGroups } from "./seed-groups";

export const SPINE_DEPTH = 35;
const USERS_PER_SPINE_OU = 3;
// Deep enough for 10,000 OUs (12 departments, 2.5 children per OU on average, fill 10 levels to about 90,000).
const BRANCH_MAX_DEPTH = 10;
const TOP_LEVEL_DEPARTMENTS = 12;

const BENCH_CUSTOMER: Customer = { id: "bench", name: "Benchmark Organization", domains: ["bench.example"] };
export interface SeedPlan {
  /** OUs besides the root, spine included. */
  orgUnits: number;
  users: number;
  groups: GroupPlan;
  concurrency: number;
}

/** An OU the benchmark changes as a whole (its policy, or its place in the tree), with the size of its subtree. */
interface Subtree {
  path: string;
  /** OUs below it. */
  descendants: number;
}

export interface Seeded {
  apiKey: string;
  customerId: string;
  /** spine[d - 1] is the spine OU at depth d. */
  spine: OrgUnit[];
  /** Users of the spine OU at depth d. */
  usersAtDepth: Map<number, string[]>;
  /** Every user, in a fixed shuffled order (spread over the whole tree). */
  users: string[];
  orgUnitCount: number;
  /** Every OU's id, root first. */
  orgUnitIds: string[];
  /** The top-level department with the most OUs below it (the largest tree that can move). */
  largestDepartment: Subtree;
  /** The smallest top-level department, where the largest one moves to and back. */
  smallestDepartment: Subtree;
  /** An OU below a department with (as near as the seed has) 10 OUs below it. */
  tenDescendants: Subtree;
  maxDepth: number;
  /** Configuration groups and who is in them (issue 15's target 5); their seeding time is part of `seconds`. */
  groups: SeededGroups;
  seconds: number;
}

/** A small deterministic generator, so that every run seeds the same organization. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlannedOrgUnit {
  name: string;
  parent: number | "root";
  depth: number;
}

/** The departments' subtrees the benchmark changes as a whole (see Seeded). */
function subtrees(
  planned: PlannedOrgUnit[],
): Pick<Seeded, "largestDepartment" | "smallestDepartment" | "tenDescendants"> {
  const paths: string[] = [];
  planned.forEach((ou, i) => (paths[i] = `${ou.parent === "root" ? "" : paths[ou.parent]}/${ou.name}`));
  const below = planned.map(() => 0);
  // Breadth first: every OU comes after its parent, so a backward pass adds each subtree to its parent's.
  for (let i = planned.length - 1; i >= 0; i -= 1) {
    const parent = (planned[i] as PlannedOrgUnit).parent;
    if (parent !== "root") below[parent] = (below[parent] as number) + (below[i] as number) + 1;
  }
  const subtree = (i: number): Subtree => ({ path: paths[i] as string, descendants: below[i] as number });
  const all = planned.map((_, i) => subtree(i));
  const departments = all.filter((_, i) => (planned[i] as PlannedOrgUnit).depth === 1);
  const bySize = [...departments].sort((a, b) => b.descendants - a.descendants);
  return {
    largestDepartment: bySize[0] as Subtree,
    smallestDepartment: bySize[bySize.length - 1] as Subtree,
    // Below a department, so that it can move to the top level and back.
    tenDescendants: all
      .filter((_, i) => (planned[i] as PlannedOrgUnit).depth >= 2)
      .sort((a, b) => Math.abs(a.descendants - 10) - Math.abs(b.descendants - 10))[0] as Subtree,
  };
}

/** The bushy part of the tree, breadth first: departments, each OU with 1 to 4 children, at most 8 levels deep. */
function planBranches(count: number, next: () => number): PlannedOrgUnit[] {
  const planned: PlannedOrgUnit[] = [];
  for (let i = 0; i < Math.min(TOP_LEVEL_DEPARTMENTS, count); i += 1)
    planned.push({ name: `Dept ${String(i + 1).padStart(2, "0")}`, parent: "root", depth: 1 });
  for (let parent = 0; planned.length < count && parent < planned.length; parent += 1) {
    const { depth, name } = planned[parent] as PlannedOrgUnit;
    if (depth >= BRANCH_MAX_DEPTH) continue;
    const children = Math.min(1 + Math.floor(next() * 4), count - planned.length);
    for (let c = 0; c < children; c += 1) planned.push({ name: `${name}.${c + 1}`, parent, depth: depth + 1 });
  }
  return planned;
}

export function benchConfig(endpoint: string, tableName: string): Config {
  return loadConfig({ DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName, STAGE: "production" });
}

export async function seed(config: Config, plan: SeedPlan, progress: (message: string) => void): Promise<Seeded> {
  const started = performance.now();
  const next = random(7);
  const client = createDocumentClient(config);
  await ensureTable(client, config.tableName);
  const apiKey = await seedCustomer(config, BENCH_CUSTOMER);
  const db = new Db(client, config.tableName);
  const now = () => new Date();
  const orgUnits = new OrgUnitStore(db, BENCH_CUSTOMER.id, { snapshot: false });
  const orgUnitWrites = new OrgUnitWrites(BENCH_CUSTOMER.id, now, async () => false);
  const users = new UserStore(db, BENCH_CUSTOMER.id, now);
  const write = async <T>(built: { change: Change } & T): Promise<T> => {
    await transact(db, built.change.writes);
    return built;
  };
  const root = await orgUnits.getByPath("/");
  if (root === null) throw new Error("The benchmark customer has no root OU.");

  // The spine: each level needs the one above it.
  const spine: OrgUnit[] = [];
  for (let depth = 1; depth <= SPINE_DEPTH; depth += 1)
    spine.push(
      (await retrying(() => write(orgUnitWrites.create(spine[depth - 2] ?? root, `s${depth}`, null)))).orgUnit,
    );

  // The branches, level by level; siblings one after the other (they share their parent's child count).
  const planned = planBranches(Math.max(0, plan.orgUnits - SPINE_DEPTH), next);
  const created: OrgUnit[] = [];
  for (let depth = 1; depth <= BRANCH_MAX_DEPTH; depth += 1) {
    const byParent = new Map<number | "root", number[]>();
    planned.forEach((ou, index) => {
      if (ou.depth === depth) byParent.set(ou.parent, [...(byParent.get(ou.parent) ?? []), index]);
    });
    if (byParent.size > 0) progress(`departments at depth ${depth}`);
    await pool([...byParent], plan.concurrency, async ([parentIndex, children]) => {
      const parent = parentIndex === "root" ? root : (created[parentIndex] as OrgUnit);
      for (const index of children)
        created[index] = (
          await retrying(() => write(orgUnitWrites.create(parent, (planned[index] as PlannedOrgUnit).name, null)))
        ).orgUnit;
    });
  }
  const allOrgUnits = [...spine, ...created.filter((ou) => ou !== undefined)];
  progress(
    `${allOrgUnits.length} OUs (deepest ${SPINE_DEPTH}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // Users: a few at every spine level, the rest anywhere; one OU's users one after the other (its user count).
  const usersAtDepth = new Map<number, string[]>();
  const assignments = new Map<OrgUnit, string[]>();
  const assign = (ou: OrgUnit, email: string) => assignments.set(ou, [...(assignments.get(ou) ?? []), email]);
  spine.forEach((ou, index) => {
    const emails = Array.from({ length: USERS_PER_SPINE_OU }, (_, i) => `d${index + 1}-u${i + 1}@bench.example`);
    usersAtDepth.set(index + 1, emails);
    emails.forEach((email) => assign(ou, email));
  });
  const everyone = [...usersAtDepth.values()].flat();
  for (let i = everyone.length; i < plan.users; i += 1) {
    const email = `user-${String(i + 1).padStart(5, "0")}@bench.example`;
    assign(allOrgUnits[Math.floor(next() * allOrgUnits.length)] as OrgUnit, email);
    everyone.push(email);
  }
  let written = 0;
  await pool([...assignments], plan.concurrency, async ([ou, emails]) => {
    for (const email of emails) {
      await retrying(() => write(users.create(ou, email, email.split("@")[0] as string)));
      if (++written % 5000 === 0)
        progress(`${written} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
  // A fixed shuffle, so that a batch of users spans many OUs and depths.
  for (let i = everyone.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [everyone[i], everyone[j]] = [everyone[j] as string, everyone[i] as string];
  }
  progress(`${everyone.length} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const groups = await seedGroups(
    db,
    BENCH_CUSTOMER.id,
    plan.groups,
    { usersAtDepth, everyone, spineDepth: SPINE_DEPTH },
    { concurrency: plan.concurrency, next, progress },
  );
  progress(
    `${groups.count} groups (${groups.nested} nested, ${groups.maxLevel} levels), ${groups.members} users in them, ` +
      `in ${groups.seconds.toFixed(1)} s`,
  );
  return {
    apiKey,
    customerId: BENCH_CUSTOMER.id,
    spine,
    usersAtDepth,
    users: everyone,
    orgUnitCount: allOrgUnits.length + 1,
    orgUnitIds: [root.id, ...allOrgUnits.map((ou) => ou.id)],
    ...subtrees(planned),
    maxDepth: SPINE_DEPTH,
    groups,
    seconds: (performance.now() - started) / 1000,
  };
}
