/**
 * Membership changes that reach more members than one transaction holds (issue 14): a group of 150 users nested in
 * a group that sets IMAP, and a forced delete of it, each interrupted at every DynamoDB call of its writer (the
 * process dies there: every later call fails too). Whatever the point, the next group writer finishes the change (or
 * undoes it, if it never committed), readers see the change whole from its commit on, and afterwards every invariant
 * holds: every user's stored groups in effect equal those its memberships make (test/support/group-invariants.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDocumentClient } from "../../functions/store/db";
import type { MembershipChange } from "../../functions/store/groups/fan-out";
import { testCustomer } from "../support/api";
import { FaultyDb, InjectedFault, PausingDb } from "../support/faulty-db";
import { groupViolations } from "../support/group-invariants";
import { ADD_MEMBERS, adminAccess, createGroup, REMOVE_MEMBERS } from "../support/groups";
import { createOrgUnits, createUsers, errorOf, type Api } from "../support/partner";

const MEMBERS = 150;

let api: Api;
let team: string;
let exceptions: string;

beforeAll(async () => {
  api = await testCustomer();
  await createOrgUnits(api, ["/Sales"]);
  await api.ok(`mutation { updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: OFF }) { changed } }`);
  for (let start = 0; start < MEMBERS; start += 25) await createUsers(api, "/Sales", 25, `batch${start}-`);
  // createUsers names them batch<start>-<i>; the group holds them all, 25 per request.
  team = await createGroup(api, "team");
  for (let start = 0; start < MEMBERS; start += 25)
    await api.ok(ADD_MEMBERS, {
      input: { groupId: team, userEmails: Array.from({ length: 25 }, (_, i) => `batch${start}-${i}@example.com`) },
    });
  exceptions = await createGroup(api, "exceptions", { policy: { imapAccess: "ON" } });
});

const sample = "batch75-3@example.com";

/** Nests `team` in `exceptions` through stores on `db` (so that it can fail), as addGroupMembers does. */
async function nestThrough(db: FaultyDb | PausingDb | undefined, leaseSeconds: number) {
  const stores = api.groupStores(db, leaseSeconds);
  const clean = api.groupStores();
  const [parent, child, graph] = await Promise.all([
    clean.groups.get(exceptions),
    clean.groups.get(team),
    clean.groups.graph(),
  ]);
  if (parent === null || child === null) throw new Error("the groups are gone");
  const { writes, events } = stores.writes.changeMembers(parent, [], [child], true, undefined);
  const change: MembershipChange<string> = {
    kind: "MEMBERS",
    groupId: parent.id,
    rootGroupIds: [child.id],
    userEmails: [],
    nestingVersion: graph.version,
    writes,
    events,
    result: "nested",
  };
  return stores.fanOut.run(stores.work("interrupted"), change);
}

/** A group write through the API: it finds the stalled change and finishes it first (its lease ran out). */
async function nudge(on: Api = api): Promise<void> {
  const other = await createGroup(on, `nudge ${Math.random()}`);
  await on.ok(`mutation ($input: DeleteGroupInput!) { deleteGroup(input: $input) { deletedGroupId } }`, {
    input: { groupId: other },
  });
}

async function nested(): Promise<boolean> {
  const memberOf = (await api.ok(`query ($id: ID) { group(groupId: $id) { memberOf { id } } }`, { id: team })).group
    .memberOf as { id: string }[];
  return memberOf.some((group) => group.id === exceptions);
}

async function expectSound(): Promise<void> {
  expect(await groupViolations(api.config, api.customer.id)).toEqual([]);
}

describe("nesting a group of 150 users, stopped at every DynamoDB call", () => {
  // Of the writer: #1 locks the nesting, #2 commits, #3 and #4 bring the members up to date (two lanes), #5 releases.
  // Its reads: the order and every group (batch gets #1, #2), the team's members (query #1), the members (#3, #4).
  const stops: [string, number][] = [
    ["TransactWriteCommand", 1],
    ["TransactWriteCommand", 2],
    ["TransactWriteCommand", 3],
    ["TransactWriteCommand", 4],
    ["TransactWriteCommand", 5],
    ["BatchGetCommand", 1],
    ["BatchGetCommand", 3],
    ["QueryCommand", 1],
  ];

  it.each(stops)("stopped at %s #%i: finished or undone by the next writer, sound after", async (command, count) => {
    await expectSound();
    const db = new FaultyDb(createDocumentClient(api.config), api.config.tableName, { [command]: count });
    let committed: boolean;
    try {
      committed = (await nestThrough(db, 0)) === "nested";
    } catch (error) {
      expect(error).toBeInstanceOf(InjectedFault);
      committed = false;
    }
    // From its commit on, readers see the change, whatever its members' items say yet.
    expect(await nested()).toBe(committed);
    expect((await adminAccess(api, sample)).imap.allowed).toBe(committed);
    await nudge();
    await expectSound();
    expect(await nested()).toBe(committed);
    // Members' items are up to date again: a user's settings cost 2 round trips.
    const read = await api.gql(
      `query ($email: String!) { user(email: $email) { effectiveMailAccess {
      imap { allowedByAdministrator } } } }`,
      { email: sample },
    );
    expect((read.data as any).user.effectiveMailAccess.imap.allowedByAdministrator).toBe(committed);
    expect(read.roundTrips).toBe(2);
    if (committed) await api.ok(REMOVE_MEMBERS, { input: { groupId: exceptions, groupIds: [team] } });
    await expectSound();
    expect((await adminAccess(api, sample)).imap.allowed).toBe(false);
  });

  it("a writer frozen past its lease is fenced out: the next writer undoes its change, it cannot commit", async () => {
    // Frozen at its commit for 2.5 s with a lease of 1 s: a nudge meanwhile takes the change over and undoes it.
    const db = new PausingDb(createDocumentClient(api.config), api.config.tableName, {
      at: "TransactWriteCommand",
      count: 2,
      ms: 2500,
    });
    const frozen = nestThrough(db, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await nudge();
    await expect(frozen).rejects.toMatchObject({ code: "CONFLICT", details: { retryable: true } });
    expect(await nested()).toBe(false);
    await expectSound();
  });

  it("other membership changes wait (retryable CONFLICT) while a change's lease runs", async () => {
    const db = new FaultyDb(createDocumentClient(api.config), api.config.tableName, { TransactWriteCommand: 3 });
    expect(await nestThrough(db, 3600)).toBe("nested");
    const refused = errorOf(
      await api.gql(ADD_MEMBERS, { input: { groupId: exceptions, userEmails: ["batch0-0@example.com"] } }),
    );
    expect(refused.extensions).toMatchObject({ code: "CONFLICT", retryable: true });
    // Readers are right meanwhile: they follow the memberships (one more read for a member not yet reached).
    const read = await api.gql(
      `query ($email: String!) { user(email: $email) { effectiveMailAccess {
      imap { allowedByAdministrator } } } }`,
      { email: sample },
    );
    expect((read.data as any).user.effectiveMailAccess.imap.allowedByAdministrator).toBe(true);
    expect(read.roundTrips).toBe(3);
  });
});

describe("keyed retries of a membership change in progress", () => {
  it("wait for the original and answer its result; the change is made and audited once", async () => {
    const fresh = await testCustomer();
    await createOrgUnits(fresh, ["/Sales"]);
    for (let start = 0; start < 100; start += 25) await createUsers(fresh, "/Sales", 25, `k${start}-`);
    const many = await createGroup(fresh, "many");
    for (let start = 0; start < 100; start += 25)
      await fresh.ok(ADD_MEMBERS, {
        input: { groupId: many, userEmails: Array.from({ length: 25 }, (_, i) => `k${start}-${i}@example.com`) },
      });
    const outer = await createGroup(fresh, "outer", { policy: { imapAccess: "OFF" } });
    const input = { groupId: outer, groupIds: [many], idempotencyKey: "nest-many" };
    const answers = await Promise.all([1, 2, 3].map(() => fresh.gql(ADD_MEMBERS, { input })));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    expect((answers[0]?.data as any).addGroupMembers).toMatchObject({
      changed: true,
      impact: { usersLosingImap: 100 },
    });
    const events = await fresh.ok(`{ auditEvents(filter: { actions: [GROUP_MEMBER_ADDED] }, first: 100) {
      nodes { groupName memberGroupId } } }`);
    expect(events.auditEvents.nodes.filter((event: any) => event.memberGroupId === many)).toHaveLength(1);
    expect(await groupViolations(fresh.config, fresh.customer.id)).toEqual([]);
  });
});

describe("a forced delete of a group of 150 users, stopped part-way", () => {
  // #1 locks, #2 commits (the group no longer counts), #3/#4 the members, #5/#6 their member items go, #7 releases.
  it.each([2, 3, 5, 7])(
    "stopped at TransactWriteCommand #%i: the group is gone for readers from the commit on",
    async (count) => {
      const fresh = await testCustomer();
      await createOrgUnits(fresh, ["/Sales"]);
      await fresh.ok(
        `mutation { updateMailAccessPolicy(input: { orgUnitPath: "/Sales", imapAccess: OFF }) { changed } }`,
      );
      for (let start = 0; start < MEMBERS; start += 25) await createUsers(fresh, "/Sales", 25, `d${start}-`);
      const doomed = await createGroup(fresh, "doomed", { policy: { imapAccess: "ON" } });
      for (let start = 0; start < MEMBERS; start += 25)
        await fresh.ok(ADD_MEMBERS, {
          input: { groupId: doomed, userEmails: Array.from({ length: 25 }, (_, i) => `d${start}-${i}@example.com`) },
        });
      const stores = fresh.groupStores(
        new FaultyDb(createDocumentClient(fresh.config), fresh.config.tableName, { TransactWriteCommand: count }),
        0,
      );
      const clean = fresh.groupStores();
      const [group, order, graph] = await Promise.all([
        clean.groups.get(doomed),
        clean.groups.order(),
        clean.groups.graph(),
      ]);
      if (group === null) throw new Error("no group");
      const run = stores.fanOut.run(stores.work("interrupted"), {
        kind: "DELETE",
        groupId: group.id,
        rootGroupIds: [group.id],
        userEmails: [],
        nestingVersion: graph.version,
        writes: stores.writes.markDeleted(group, order, group.version),
        events: [{ action: "GROUP_DELETED", group: { id: group.id, name: group.name }, oldValue: group.name }],
        result: "deleted",
      });
      const committed = count > 2;
      if (committed) expect(await run).toBe("deleted");
      else await expect(run).rejects.toBeInstanceOf(InjectedFault);
      expect((await adminAccess(fresh, "d100-7@example.com")).imap.allowed).toBe(!committed);
      await nudge(fresh);
      expect(await groupViolations(fresh.config, fresh.customer.id)).toEqual([]);
      const found = (await fresh.ok(`{ group(groupName: "doomed") { userMemberCount } }`)).group;
      expect(found).toEqual(committed ? null : { userMemberCount: MEMBERS });
    },
  );
});
