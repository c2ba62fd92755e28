/**
 * Section 1: DynamoDB round trips per operation, each sent through the server behind the recording proxy, against the
 * minimum the data model allows; with each operation's latency on the direct server.
 */
import { countRoundTrips, typical, type Counted, type Counting } from "../count-round-trips";
import { guarded, NONE } from "../failures";
import type { ApiClient } from "../http-client";
import { log } from "../log";
import {
  body,
  BULK_APPLY,
  decisionBody,
  MOVE,
  OU_EFFECTIVE,
  POLICY_UPDATE,
  spinePath,
  userEffectiveBody,
  usersEffectiveBody,
} from "../queries";
import type { RoundTripRow, SubtreeOperation } from "../report";
import { SPINE_DEPTH, type Seeded } from "../seed";
import type { Settings } from "../settings";
import { figure, median } from "../stats";
import { timed } from "../timing";

interface Operation {
  operation: string;
  payload: (i: number) => string;
  minimum: number;
  why: string;
  /** For issue 15's targets: which subtree operation this is, and where. */
  subtree?: SubtreeOperation;
}

/** Moves `path` under `to` on even repeats and back under `from` on odd ones, so that every pair ends where it began. */
function moveBack(path: string, from: string, to: string): (i: number) => string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const under = (parent: string) => `${parent === "/" ? "" : parent}/${name}`;
  return (i) =>
    i % 2 === 0
      ? body(MOVE, { path, parentOrgUnitPath: to })
      : body(MOVE, { path: under(to), parentOrgUnitPath: from });
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/")) || "/";

function operations(s: Seeded): Operation[] {
  const deep = spinePath(SPINE_DEPTH);
  const deepUser = (s.usersAtDepth.get(SPINE_DEPTH) ?? [])[0] as string;
  const hundred = s.users.slice(0, 100);
  const policy = (path: string, dryRun: boolean) => (i: number) =>
    body(POLICY_UPDATE, { path, imap: dryRun || i % 2 === 0 ? "OFF" : "ON", dryRun });
  // An API key names its customer, so its item can ride along with the request's first read: authentication need
  // not cost a round trip of its own (only a write must wait for it, and the reads before a write need not).
  const READ_OU = "path item + API key (1); OU + all ancestors in one BatchGetItem, ids from the path item (1)";
  const SUBTREE = "the subtree for the impact in 1 Query (+1 per MB page) on an index by ancestor path (1)";
  const bulk = (paths: string[], dryRun: boolean) => (i: number) =>
    body(BULK_APPLY, { paths, imap: dryRun || i % 2 === 0 ? "OFF" : "ON", dryRun });
  const ten = s.tenDescendants;
  const largest = s.largestDepartment;
  const tenLabel = `${ten.path} (${ten.descendants} OUs below)`;
  const MOVED =
    "path items of the OU and its new parent + API key (1); both with their ancestors (1); the subtree and its users " +
    "on indexes by ancestor (1); their records rewritten in parallel transactions (1); the OU's own move (1)";
  return [
    {
      operation: `OU effective settings (depth ${SPINE_DEPTH})`,
      payload: () => body(OU_EFFECTIVE, { path: deep }),
      minimum: 2,
      why: `${READ_OU}; depth costs nothing`,
    },
    {
      operation: `user effective settings (depth ${SPINE_DEPTH})`,
      payload: () => userEffectiveBody(deepUser),
      minimum: 2,
      why: `user + API key (1; the user names its OU's ancestors); OU + ancestors in one BatchGetItem (1)`,
    },
    {
      operation: `access decision (depth ${SPINE_DEPTH})`,
      payload: () => decisionBody(deepUser),
      minimum: 2,
      why: `user + API key (1); OU + ancestors in one BatchGetItem (1)`,
    },
    {
      operation: "100 users' effective settings",
      payload: () => usersEffectiveBody(hundred),
      minimum: 2,
      why: `100 users + API key (1: 100 keys per BatchGetItem, in parallel); their OUs + ancestors, in parallel (1)`,
    },
    {
      operation: `policy update, leaf at depth ${SPINE_DEPTH}`,
      payload: policy(deep, false),
      minimum: 3,
      why: `${READ_OU}; no subtree to read; one transaction: settings + audit events (1)`,
      subtree: { kind: "policy update", at: "leaf" },
    },
    {
      operation: `policy update, ${tenLabel}`,
      payload: policy(ten.path, false),
      minimum: 4,
      why: `${READ_OU}; ${SUBTREE}; one transaction (1)`,
      subtree: { kind: "policy update", at: "ten" },
    },
    {
      operation: `policy update, ${spinePath(1)} (${SPINE_DEPTH - 1} levels below)`,
      payload: policy(spinePath(1), false),
      minimum: 4,
      why: `${READ_OU}; ${SUBTREE}; one transaction (1)`,
    },
    {
      operation: `policy update, root (all ${s.orgUnitCount} OUs)`,
      payload: policy("/", false),
      minimum: 4,
      why: `as above; the subtree is the whole tree`,
      subtree: { kind: "policy update", at: "largest" },
    },
    {
      operation: `dry run, leaf at depth ${SPINE_DEPTH}`,
      payload: policy(deep, true),
      minimum: 2,
      why: `${READ_OU}; nothing written`,
      subtree: { kind: "dry run", at: "leaf" },
    },
    {
      operation: `dry run, ${tenLabel}`,
      payload: policy(ten.path, true),
      minimum: 3,
      why: `${READ_OU}; ${SUBTREE}; nothing written`,
      subtree: { kind: "dry run", at: "ten" },
    },
    {
      operation: `dry run, root (all ${s.orgUnitCount} OUs)`,
      payload: policy("/", true),
      minimum: 3,
      why: `${READ_OU}; ${SUBTREE}; nothing written`,
      subtree: { kind: "dry run", at: "largest" },
    },
    {
      operation: `bulk apply, leaf at depth ${SPINE_DEPTH}`,
      payload: bulk([deep], false),
      minimum: 3,
      why: `${READ_OU}; no subtree to read; one transaction (1)`,
      subtree: { kind: "bulk apply", at: "leaf" },
    },
    {
      operation: `bulk apply, ${tenLabel}`,
      payload: bulk([ten.path], false),
      minimum: 4,
      why: `${READ_OU}; ${SUBTREE}; one transaction (1)`,
      subtree: { kind: "bulk apply", at: "ten" },
    },
    {
      operation: `bulk apply, root (all ${s.orgUnitCount} OUs)`,
      payload: bulk(["/"], false),
      minimum: 4,
      why: `as above; the subtree is the whole tree`,
      subtree: { kind: "bulk apply", at: "largest" },
    },
    {
      operation: `move, leaf at depth ${SPINE_DEPTH} (to / and back)`,
      payload: moveBack(deep, parentOf(deep), "/"),
      minimum: 4,
      why: "path items of the OU and its new parent + API key (1); both with their ancestors (1); its users, whose records name their ancestors (1); one transaction (1)",
      subtree: { kind: "move", at: "leaf" },
    },
    {
      operation: `move, ${tenLabel} (to / and back)`,
      payload: moveBack(ten.path, parentOf(ten.path), "/"),
      minimum: 5,
      why: MOVED,
      subtree: { kind: "move", at: "ten" },
    },
    {
      operation: `move, ${largest.path} (${largest.descendants} OUs below; into ${s.smallestDepartment.path} and back)`,
      payload: moveBack(largest.path, "/", s.smallestDepartment.path),
      minimum: 5,
      why: `${MOVED}; the largest department`,
      subtree: { kind: "move", at: "largest" },
    },
  ];
}

async function measureOperation(
  settings: Settings,
  client: ApiClient,
  counting: Counting,
  op: Operation,
): Promise<RoundTripRow> {
  // Unmeasured: the first request of a new query text parses and validates it (Apollo then caches the document).
  await client.ok(op.payload(0));
  await client.ok(op.payload(1));
  const counts: Counted[] = [];
  for (let i = 0; i < settings.roundTripRepeats; i += 1) counts.push(await countRoundTrips(counting, op.payload(i)));
  const latencies: number[] = [];
  for (let run = 0; run < settings.runs; run += 1) {
    const samples = await timed(settings.roundTripRepeats, (i) => client.ok(op.payload(i)));
    latencies.push(median(samples));
  }
  const seen = typical(counts);
  log(`  ${op.operation}: ${seen.calls} calls, ${seen.sequential} sequential: ${seen.pattern}`);
  return {
    operation: op.operation,
    ...(op.subtree === undefined ? {} : { subtree: op.subtree }),
    calls: seen.calls,
    sequential: seen.sequential,
    pattern: seen.pattern,
    minimumSequential: op.minimum,
    why: op.why,
    latencyMs: figure(latencies),
  };
}

export async function roundTripSection(
  settings: Settings,
  client: ApiClient,
  counting: Counting,
  s: Seeded,
): Promise<RoundTripRow[]> {
  const rows: RoundTripRow[] = [];
  for (const op of operations(s)) {
    const row = await guarded(
      `round trips, ${op.operation}`,
      () => measureOperation(settings, client, counting, op),
      (error): RoundTripRow => ({
        ...{ operation: op.operation, calls: Number.NaN, sequential: Number.NaN, pattern: "—" },
        ...(op.subtree === undefined ? {} : { subtree: op.subtree }),
        ...{ minimumSequential: op.minimum, why: op.why, latencyMs: NONE, error },
      }),
    );
    rows.push(row);
  }
  return rows;
}
